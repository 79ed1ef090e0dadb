"""Factuality on the project's gold file, with the trigger guessed as in benchmarks/factuality_check.py."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "seedlike_dev.jsonl"


def _check_module():
    spec = importlib.util.spec_from_file_location("factuality_check", ROOT / "benchmarks" / "factuality_check.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/eval/seedlike_dev.jsonl is absent (shared data not mounted)")
def test_factuality_accuracy_on_seedlike_dev():
    correct, total, confusion = _check_module().run(GOLD)
    assert total >= 20
    # issue 5 sets 0.90 as the target; measured 1.000 (32/32) when this test was written.
    assert correct / total >= 0.90, dict(confusion)
