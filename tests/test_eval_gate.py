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


@pytest.mark.evalgate
@pytest.mark.parametrize("name", sorted(FLOORS["sets"]))
def test_coder_stays_above_floor(name):
    entry = FLOORS["sets"][name]
    path = SHARED / "eval" / entry["file"]
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"eval gate skipped: {SHARED / 'eval'} is absent (the shared dev sets are not here)")
    if not path.exists():
        pytest.skip(f"eval gate skipped: {path} is absent")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != entry["sha256"]:
        pytest.skip(f"eval gate skipped: {path.name} changed (sha256 {digest[:12]}..., floors were "
                    f"recorded on {entry['sha256'][:12]}...); {UPDATE}")
    report = evaluate_file(path)
    failures = []
    for metric, f in entry["metrics"].items():
        value = report.metric(metric)
        if value is None or value < f["floor"] - f["noise"]:
            failures.append(f"{metric} = {value if value is None else round(value, 4)} < floor "
                            f"{f['floor']} - noise {f['noise']}")
    assert not failures, f"{name}: regression beyond noise: " + "; ".join(failures) + \
        f". If the drop is intended, {UPDATE}."
