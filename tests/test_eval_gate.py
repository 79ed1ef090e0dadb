"""Eval gate: the coder must not fall below the floors recorded in tests/eval_floors.json.

Floors and noise margins are written by benchmarks/update_floors.py (see its docstring), for each
set as a whole and for its frozen tune (70%) and holdout (30%) parts. Each set is skipped, with the
reason, when its files are absent, or when their sha256 differs from the recorded one (floors
measured on other data mean nothing).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from realpolitik.evaluate import code_gold, load_gold_files, score, select_split

FLOORS_PATH = Path(__file__).with_name("eval_floors.json")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FLOORS = json.loads(FLOORS_PATH.read_text())
ROOT = Path(__file__).resolve().parents[1]
UPDATE = "re-run `.venv/bin/python benchmarks/update_floors.py` to record new floors"


def test_floors_file_records_hash_floor_and_noise_for_every_metric():
    assert FLOORS["noise_method"] and FLOORS["sets"]
    for name, entry in FLOORS["sets"].items():
        assert len(entry["sha256"]) == 64 and all(f.endswith(".jsonl") for f in entry["files"]), name
        assert set(entry["splits"]) == {"all", "tune", "holdout"}, name
        for split, part in entry["splits"].items():
            for metric, f in part["metrics"].items():
                assert 0.0 <= f["floor"] <= 1.0 and 0.0 <= f["noise"] < 0.5, (name, split, metric)


def set_files_or_skip(entry: dict, shared: Path, root: Path = ROOT) -> list[Path]:
    """The set's files, or a skip saying why it cannot be gated here."""
    where, pattern = entry["source"].split(":", 1)
    base = shared if where == "shared" else root
    if not base.is_dir():
        pytest.skip(f"eval gate skipped: {base} is absent (the shared dev sets are not here)")
    files = sorted(base.glob(pattern))
    if not files:
        pytest.skip(f"eval gate skipped: no file matches {base / pattern}")
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    if h.hexdigest() != entry["sha256"]:
        pytest.skip(f"eval gate skipped: {pattern} changed (sha256 {h.hexdigest()[:12]}..., floors were "
                    f"recorded on {entry['sha256'][:12]}...); {UPDATE}")
    return files


def test_gate_skips_with_reason_when_data_is_absent_or_changed(tmp_path):
    entry = {"source": "shared:eval/dev.jsonl", "sha256": hashlib.sha256(b"{}\n").hexdigest()}
    with pytest.raises(pytest.skip.Exception, match="is absent"):
        set_files_or_skip(entry, tmp_path / "missing")
    with pytest.raises(pytest.skip.Exception, match="no file matches"):
        set_files_or_skip(entry, tmp_path)
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "dev.jsonl").write_text('{"id": "other"}\n')
    with pytest.raises(pytest.skip.Exception, match="changed"):
        set_files_or_skip(entry, tmp_path)
    (tmp_path / "eval" / "dev.jsonl").write_text("{}\n")
    assert set_files_or_skip(entry, tmp_path) == [tmp_path / "eval" / "dev.jsonl"]


@pytest.mark.evalgate
@pytest.mark.parametrize("name", sorted(FLOORS["sets"]))
def test_coder_stays_above_floor(name):
    entry = FLOORS["sets"][name]
    gold = load_gold_files(set_files_or_skip(entry, SHARED))
    preds = code_gold(gold)
    failures = []
    for split, part in entry["splits"].items():
        report = score(select_split(gold, split), preds)
        for metric, f in part["metrics"].items():
            value = report.metric(metric)
            if value is None or value < f["floor"] - f["noise"]:
                failures.append(f"{split} {metric} = {value if value is None else round(value, 4)} < floor "
                                f"{f['floor']} - noise {f['noise']}")
    assert not failures, f"{name}: regression beyond noise: " + "; ".join(failures) + \
        f". If the drop is intended, {UPDATE}."
