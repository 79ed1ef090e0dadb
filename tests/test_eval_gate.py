"""Eval gate: the coder must not fall below the floors recorded in tests/eval_floors.json.

Floors and noise margins are written by benchmarks/update_floors.py (see its docstring).
Each dev set is skipped, with the reason, when ../shared/eval or the file is absent, or when
the file's sha256 differs from the recorded one (floors measured on other data mean nothing).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from realpolitik.evaluate import evaluate_file

FLOORS_PATH = Path(__file__).with_name("eval_floors.json")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FLOORS = json.loads(FLOORS_PATH.read_text())
UPDATE = "re-run `.venv/bin/python benchmarks/update_floors.py` to record new floors"


def test_floors_file_records_hash_floor_and_noise_for_every_metric():
    assert FLOORS["noise_method"] and FLOORS["sets"]
    for name, entry in FLOORS["sets"].items():
        assert len(entry["sha256"]) == 64 and entry["file"].endswith(".jsonl"), name
        for metric, f in entry["metrics"].items():
            assert 0.0 <= f["floor"] <= 1.0 and 0.0 <= f["noise"] < 0.5, (name, metric)


def gold_path_or_skip(entry: dict, eval_dir: Path) -> Path:
    """The dev set's path, or a skip saying why it cannot be gated here."""
    path = eval_dir / entry["file"]
    if not eval_dir.is_dir():
        pytest.skip(f"eval gate skipped: {eval_dir} is absent (the shared dev sets are not here)")
    if not path.exists():
        pytest.skip(f"eval gate skipped: {path} is absent")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != entry["sha256"]:
        pytest.skip(f"eval gate skipped: {path.name} changed (sha256 {digest[:12]}..., floors were "
                    f"recorded on {entry['sha256'][:12]}...); {UPDATE}")
    return path


def test_gate_skips_with_reason_when_data_is_absent_or_changed(tmp_path):
    entry = {"file": "dev.jsonl", "sha256": hashlib.sha256(b"{}\n").hexdigest()}
    with pytest.raises(pytest.skip.Exception, match="is absent"):
        gold_path_or_skip(entry, tmp_path / "missing")
    with pytest.raises(pytest.skip.Exception, match="dev.jsonl is absent"):
        gold_path_or_skip(entry, tmp_path)
    (tmp_path / "dev.jsonl").write_text('{"id": "other"}\n')
    with pytest.raises(pytest.skip.Exception, match="dev.jsonl changed"):
        gold_path_or_skip(entry, tmp_path)
    (tmp_path / "dev.jsonl").write_text("{}\n")
    assert gold_path_or_skip(entry, tmp_path) == tmp_path / "dev.jsonl"


@pytest.mark.evalgate
@pytest.mark.parametrize("name", sorted(FLOORS["sets"]))
def test_coder_stays_above_floor(name):
    entry = FLOORS["sets"][name]
    report = evaluate_file(gold_path_or_skip(entry, SHARED / "eval"))
    failures = []
    for metric, f in entry["metrics"].items():
        value = report.metric(metric)
        if value is None or value < f["floor"] - f["noise"]:
            failures.append(f"{metric} = {value if value is None else round(value, 4)} < floor "
                            f"{f['floor']} - noise {f['noise']}")
    assert not failures, f"{name}: regression beyond noise: " + "; ".join(failures) + \
        f". If the drop is intended, {UPDATE}."
