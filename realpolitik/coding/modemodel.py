"""A trained chooser of an event's PLOVER mode, over the mode the trigger and cue words give.

The rules give a mode only when the trigger or a cue word names it (`cues.mode_for`, `manual.mode_rules`):
on the team's annotated sentences they gave none for a third of the events whose gold has one. This
model reads the event's type, the rules' mode, the trigger lemma and the sentence's content lemmas
(`ctxmodel.features` without cue contexts) and gives a probability to each mode of the event's type
and to "no mode": a softmax regression in numpy over sparse binary features, restricted to the
type's own modes. It is trained only on the tune part (70%) of the project's annotated sets by
benchmarks/train_choosers.py, which picks its L2 and thresholds by cross-validation there; the
weights ship in realpolitik/coding/data/mode_model.json.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from realpolitik import ontology
from realpolitik.coding import sparse

MODEL = Path(__file__).resolve().parent / "data" / "mode_model.json"
NONE = "none"  # the label of an event of a type with modes that names none


@dataclass(frozen=True)
class ModeModel:
    """Weights per (feature, "TYPE:mode" label) and the decision thresholds chosen by cross-validation."""

    index: dict[str, int]
    labels: tuple[str, ...]
    W: np.ndarray
    b: np.ndarray
    threshold: float  # the model's best label replaces the rules' mode when at least this probable
    keep: float  # ... unless the model finds the rules' mode at least this probable

    def proba(self, type_: str, feats: set[str]) -> dict[str | None, float]:
        """Mode (None for no mode) -> probability, over the modes of `type_` the model knows."""
        cols = [j for j, lab in enumerate(self.labels) if lab.split(":", 1)[0] == type_]
        if not cols:
            return {}
        z = sparse.logits(self.index, self.W, self.b, feats)[cols]
        p = np.exp(z - z.max())
        p /= p.sum()
        out: dict[str | None, float] = {}
        for j, v in zip(cols, p):
            mode = self.labels[j].split(":", 1)[1]
            out[None if mode == NONE else mode] = float(v)
        return out

    def choose(self, type_: str, rule_mode: str | None, feats: set[str]) -> str | None:
        """The mode of one event: the rules' unless the model is sure of another."""
        p = self.proba(type_, feats)
        if not p or (rule_mode is not None and p.get(rule_mode, 0.0) >= self.keep):
            return rule_mode
        best = max(p, key=lambda m: (p[m], m is None))
        return best if p[best] >= self.threshold else rule_mode

    def to_json(self) -> dict:
        """The model as plain JSON (features in index order)."""
        feats = sorted(self.index, key=self.index.__getitem__)
        return {"labels": list(self.labels), "threshold": self.threshold, "keep": self.keep, "features": feats,
                "weights": np.round(self.W, 4).tolist(), "bias": np.round(self.b, 4).tolist()}

    @classmethod
    def from_json(cls, d: dict) -> ModeModel:
        """A model from `to_json()` output; every label must be a PLOVER type with one of its modes (or none)."""
        modes = ontology.modes()
        bad = [lab for lab in d["labels"] if ":" not in lab or lab.split(":", 1)[0] not in modes
               or lab.split(":", 1)[1] not in set(modes[lab.split(":", 1)[0]]) | {NONE}]
        if bad:
            raise ValueError(f"mode model labels are not PLOVER type:mode pairs: {bad}")
        W = np.array(d["weights"], dtype=float).reshape(len(d["features"]), len(d["labels"]))
        return cls({f: i for i, f in enumerate(d["features"])}, tuple(d["labels"]), W,
                   np.array(d["bias"], dtype=float), float(d["threshold"]), float(d["keep"]))


def label(type_: str, mode: str | None) -> str:
    """The model's label of a type and mode."""
    return f"{type_}:{mode or NONE}"


def fit(examples: list[set[str]], types: list[str], modes: list[str | None], l2: float, threshold: float,
        keep: float, min_count: int = 2, epochs: int = 500, lr: float = 2.0) -> ModeModel:
    """Softmax regression restricted to each example's type, by full-batch gradient descent."""
    index = sparse.feature_index(examples, min_count)
    labels = tuple(sorted({label(t, m) for t, m in zip(types, modes)}))
    pos = {lab: j for j, lab in enumerate(labels)}
    X = sparse.matrix(examples, index)
    Y = np.zeros((len(examples), len(labels)))
    for r, (t, m) in enumerate(zip(types, modes)):
        Y[r, pos[label(t, m)]] = 1.0
    mask = np.array([[lab.split(":", 1)[0] == t for lab in labels] for t in types]).reshape(len(types), len(labels))
    W, b = sparse.softmax_fit(X, Y, l2, epochs, lr, mask)
    return ModeModel(index, labels, W, b, threshold, keep)


@lru_cache(maxsize=1)
def model() -> ModeModel | None:
    """The shipped model, or None when its file is missing (events then keep the rules' mode)."""
    if not MODEL.exists():
        return None
    return ModeModel.from_json(json.loads(MODEL.read_text(encoding="utf-8")))
