"""The trained context chooser (coding/ctxmodel.py): its decision rule on a hand-made model, the shipped
model's validity, and the setting that turns it off."""
from __future__ import annotations

import numpy as np
import pytest

from realpolitik import ontology
from realpolitik.coding import ctxmodel


def _toy(threshold=0.5, fallback=0.2, keep=0.1) -> ctxmodel.ContextModel:
    """Two labels; 'l:hack' pushes cyber up, 'l:troop' pushes military up."""
    index = {"l:hack": 0, "l:troop": 1}
    W = np.array([[4.0, -2.0], [-2.0, 4.0]])
    return ctxmodel.ContextModel(index, ("cyber", "military"), W, np.array([-1.0, -1.0]), threshold, fallback, keep)


def test_features_name_every_part_of_the_evidence():
    f = ctxmodel.features("AID", "arms", "send", {"drone", "border"}, ("military",))
    assert f == {"l:drone", "l:border", "t:AID", "tr:send", "tt:AID:send", "m:AID:arms", "c:military"}


def test_probable_contexts_are_given_best_first():
    m = _toy(threshold=0.5)
    assert m.choose({"l:hack"}) == ("cyber",)
    assert m.choose({"l:troop"}) == ("military",)
    assert m.choose({"l:hack", "l:troop"}) == ("cyber", "military")  # both 0.73: table order


def test_a_cue_context_stays_unless_the_model_finds_it_unlikely():
    m = _toy(keep=0.1)
    # cyber is 0.05 likely for a troop sentence: the cue is dropped; an unknown context is kept as it is
    assert m.choose({"l:troop"}, ("cyber", "health")) == ("health", "military")
    assert m.choose({"l:troop"}, ("military",)) == ("military",)


def test_fallback_gives_the_best_when_none_is_probable():
    assert _toy(threshold=0.99, fallback=0.2).choose({"l:hack"}) == ("cyber",)  # 0.95: below 0.99, above 0.2
    assert _toy(threshold=0.99, fallback=0.2).choose(set()) == ("cyber",)  # both 0.27: the first best
    assert _toy(threshold=0.99, fallback=0.5).choose(set()) == ()


def test_at_most_three_contexts():
    m = ctxmodel.ContextModel({}, ("cyber", "military", "economic", "legal"), np.zeros((0, 4)), np.ones(4), 0.5, 0.2)
    assert len(m.choose(set())) == ctxmodel.MAX_CONTEXTS


def test_json_round_trip_and_label_check():
    m = _toy()
    back = ctxmodel.ContextModel.from_json(m.to_json())
    assert back.labels == m.labels and back.keep == m.keep and back.choose({"l:hack"}) == ("cyber",)
    bad = dict(m.to_json(), labels=["cyber", "not_a_context"])
    with pytest.raises(ValueError, match="not_a_context"):
        ctxmodel.ContextModel.from_json(bad)


def test_fit_learns_a_separable_toy_set():
    feats = [{"l:hack"}] * 10 + [{"l:troop"}] * 10
    golds = [["cyber"]] * 10 + [["military"]] * 10
    m = ctxmodel.fit(feats, golds, l2=1e-4, threshold=0.5, fallback=0.2)
    assert m.labels == ("cyber", "military")
    assert m.choose({"l:hack"}) == ("cyber",) and m.choose({"l:troop"}) == ("military",)


def test_shipped_model_is_valid():
    m = ctxmodel.model()
    assert m is not None, "realpolitik/coding/data/context_model.json is missing (benchmarks/train_choosers.py)"
    assert set(m.labels) <= set(ontology.contexts()) and len(m.labels) >= 10
    assert m.W.shape == (len(m.index), len(m.labels))
    assert 0 < m.threshold <= 1 and 0 <= m.keep


def test_setting_off_keeps_the_cue_contexts():
    """A hacking sentence: the cues add 'military' from "attacked"; the model keeps cyber alone."""
    from realpolitik.model import Article
    from realpolitik.options import Options
    from realpolitik.pipeline import code_articles

    text = "Hackers linked to Russia attacked Estonian government websites."

    def contexts(settings):
        events = next(code_articles([Article(id="a", text=text)], Options().with_settings(settings)))
        return [e.contexts for e in events]

    assert contexts({}) == [("cyber",)]
    assert contexts({"coding.learned_contexts": False}) == [("military", "cyber")]
