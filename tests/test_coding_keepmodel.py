"""The trained keep model (coding/keepmodel.py): its features over a hand-built parse, its decision rule on a
hand-made model, the loader's checks and the shipped model."""
from __future__ import annotations

import numpy as np
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from realpolitik.coding import keepmodel
from realpolitik.model import Event, Span

WORDS = ["Russia", "had", "attacked", "Ukraine", "in", "2003", "."]
TEXT = "Russia had attacked Ukraine in 2003 ."


def _doc() -> Doc:
    """'Russia had attacked Ukraine in 2003 .' with its tags, dependencies and lemmas set by hand."""
    return Doc(Vocab(), words=WORDS, spaces=[True] * 6 + [False],
               tags=["NNP", "VBD", "VBN", "NNP", "IN", "CD", "."],
               deps=["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "punct"],
               heads=[2, 2, 2, 2, 2, 4, 2], lemmas=["Russia", "have", "attack", "Ukraine", "in", "2003", "."],
               sent_starts=[True] + [False] * 6)


def _event(confidence=0.9) -> Event:
    return Event(id="e1", article_id="a", sentence_index=0, source="RUS", target="UKR", type="ASSAULT",
                 confidence=confidence, evidence=Span(0, len(TEXT), TEXT), trigger=Span(11, 19, "attacked"))


def test_features_read_the_trigger_its_tense_and_the_time_words():
    f = keepmodel.features(_doc(), keepmodel.Facts.of(_event()), frozenset({"desk:business:0"}))
    assert {"t:ASSAULT", "f:asserted", "tr:attack", "tt:ASSAULT:attack", "tag:VBN", "dep:ROOT", "hdep:self",
            "perfect", "pluperfect", "year", "sk:STATE", "tk:STATE", "pos:0", "c:5", "desk:business:0"} <= f
    assert not f & {"modal", "neg", "quote", "in_quote", "same_country"}


def _toy(threshold=0.5) -> keepmodel.KeepModel:
    """'year' pushes an event far down; the bias alone keeps it (0.73)."""
    return keepmodel.KeepModel({"year": 0, "tr:attack": 1}, np.array([-4.0, 0.0]), 1.0, threshold)


def test_an_event_below_the_threshold_is_dropped():
    m = _toy(threshold=0.5)
    assert m.proba({"year"}) == pytest.approx(1 / (1 + np.exp(3.0)))
    assert keepmodel.kept(_doc(), [_event()], TEXT, m) == []  # 'in 2003': 0.05 likely
    assert len(keepmodel.kept(_doc(), [_event()], TEXT, _toy(threshold=0.01))) == 1


def test_a_kept_event_is_no_surer_than_the_model():
    kept = keepmodel.kept(_doc(), [_event(confidence=0.9)], TEXT, _toy(threshold=0.01))
    assert kept[0].confidence == pytest.approx(0.05)
    assert keepmodel.kept(_doc(), [_event(confidence=0.02)], TEXT, _toy(threshold=0.01))[0].confidence == 0.02


def test_json_round_trip_and_checks():
    m = _toy()
    back = keepmodel.KeepModel.from_json(m.to_json())
    assert back.index == m.index and back.threshold == 0.5 and back.proba({"year"}) == pytest.approx(m.proba({"year"}))
    with pytest.raises(ValueError, match="threshold"):
        keepmodel.KeepModel.from_json(dict(m.to_json(), threshold=1.5))
    with pytest.raises(ValueError, match="lengths"):
        keepmodel.KeepModel.from_json(dict(m.to_json(), weights=[0.1]))


def test_fit_learns_a_separable_toy_set():
    m = keepmodel.fit([{"year"}] * 10 + [{"lead"}] * 10, [0] * 10 + [1] * 10, [1.0] * 20, l2=1e-3, threshold=0.5)
    assert m.proba({"year"}) < 0.2 < 0.8 < m.proba({"lead"})


def test_the_shipped_model_loads_and_reads_each_part():
    m = keepmodel.model()
    assert m is not None and 0.0 < m.threshold < 1.0
    assert {"t:ASSAULT", "f:reported", "year", "perfect"} <= set(m.index)


def test_article_features_read_the_desk():
    (desk_feature, margin) = sorted(keepmodel.article_features("The club won the cup final after a late goal. " * 20))
    assert desk_feature.startswith("desk:sport:") and margin.startswith("margin:")
