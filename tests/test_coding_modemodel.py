"""The trained mode chooser (coding/modemodel.py): its decision rule on a hand-made model, training on a toy
set, and the shipped model's validity."""
from __future__ import annotations

import numpy as np
import pytest

from realpolitik import ontology
from realpolitik.coding import modemodel


def _toy(threshold=0.6, keep=0.1) -> modemodel.ModeModel:
    """ASSAULT with modes firearms, aerial or none; 'l:gun' and 'l:jet' push their mode up."""
    labels = ("ASSAULT:aerial", "ASSAULT:firearms", "ASSAULT:none")
    W = np.array([[0.0, 4.0, 0.0], [4.0, 0.0, 0.0]])
    return modemodel.ModeModel({"l:gun": 0, "l:jet": 1}, labels, W, np.zeros(3), threshold, keep)


def test_proba_is_over_the_types_own_modes():
    p = _toy().proba("ASSAULT", {"l:gun"})
    assert set(p) == {"aerial", "firearms", None} and abs(sum(p.values()) - 1) < 1e-9
    assert _toy().proba("AGREE", {"l:gun"}) == {}


def test_sure_model_sets_a_mode_the_rules_left_open():
    assert _toy().choose("ASSAULT", None, {"l:gun"}) == "firearms"  # 0.96
    assert _toy().choose("ASSAULT", None, set()) is None  # 1/3 each: below 0.6, the rules' None stays


def test_rules_mode_kept_unless_the_model_finds_it_unlikely():
    assert _toy(keep=0.1).choose("ASSAULT", "aerial", {"l:gun"}) == "firearms"  # aerial 0.018 < 0.1
    assert _toy(keep=0.01).choose("ASSAULT", "aerial", {"l:gun"}) == "aerial"
    assert _toy().choose("AGREE", None, {"l:gun"}) is None  # a type the model does not know


def test_fit_learns_a_separable_toy_set():
    feats = [{"l:gun"}] * 8 + [{"l:jet"}] * 8 + [{"l:talk"}] * 8
    m = modemodel.fit(feats, ["ASSAULT"] * 16 + ["CONSULT"] * 8, ["firearms"] * 8 + ["aerial"] * 8 + [None] * 8,
                      l2=1e-4, threshold=0.6, keep=0.1)
    assert m.labels == ("ASSAULT:aerial", "ASSAULT:firearms", "CONSULT:none")
    assert m.choose("ASSAULT", None, {"l:jet"}) == "aerial"
    assert m.choose("CONSULT", "visit", {"l:talk"}) is None  # the only CONSULT label seen is no mode


def test_json_round_trip_and_label_check():
    m = _toy()
    back = modemodel.ModeModel.from_json(m.to_json())
    assert back.labels == m.labels and back.choose("ASSAULT", None, {"l:jet"}) == "aerial"
    with pytest.raises(ValueError, match="ASSAULT:hugging"):
        modemodel.ModeModel.from_json(dict(m.to_json(), labels=["ASSAULT:aerial", "ASSAULT:hugging", "ASSAULT:none"]))


def test_shipped_model_is_valid():
    m = modemodel.model()
    assert m is not None, "realpolitik/coding/data/mode_model.json is missing (benchmarks/train_choosers.py)"
    modes = ontology.modes()
    assert all(lab.split(":")[0] in modes for lab in m.labels) and len(m.labels) >= 20
    assert m.W.shape == (len(m.index), len(m.labels)) and 0 < m.threshold <= 1
