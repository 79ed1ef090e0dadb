"""A trained chooser of an event's PLOVER contexts, over the contexts the trigger and cue words give.

The rules give each event the trigger's own contexts and those the sentence's cue words name
(`cues.contexts_for`). Measured on the team's annotated sentences, those cue contexts missed the
gold contexts on a third of the matched events and half of the contexts they gave were wrong. This
model reads the same evidence as features (the event's type, mode and trigger lemma, the sentence's
content lemmas and the cue contexts themselves) and gives one probability per context: a one-vs-rest
logistic regression in numpy over sparse binary features. It is trained only on the tune part (70%)
of the project's annotated sets by benchmarks/train_choosers.py, which picks its L2 and thresholds
by cross-validation there; the weights and thresholds ship in realpolitik/coding/data/context_model.json.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import numpy as np

from realpolitik import ontology
from realpolitik.coding import sparse

MODEL = Path(__file__).resolve().parent / "data" / "context_model.json"
MAX_CONTEXTS = 3  # as cues.contexts_for: an event names its main topics, not every word's


def content_lemmas(tokens: Iterable) -> frozenset[str]:
    """The lowercase lemmas of a sentence's content words (alphabetic, no stop word, three letters or more)."""
    return frozenset(t.lemma_.lower() for t in tokens if t.is_alpha and not t.is_stop and len(t) > 2)


def features(type_: str, mode: str | None, trigger: str, lemmas: Iterable[str],
             cue_contexts: Iterable[str]) -> set[str]:
    """Binary features of one event: type, mode, trigger lemma, sentence lemmas and the cue contexts."""
    out = {f"l:{x}" for x in lemmas} | {f"t:{type_}", f"tr:{trigger}", f"tt:{type_}:{trigger}"}
    if mode:
        out.add(f"m:{type_}:{mode}")
    return out | cue_features(cue_contexts)


def cue_features(cue_contexts: Iterable[str]) -> set[str]:
    """The features of the cue contexts (kept apart so one event's other features serve both models)."""
    return {f"c:{c}" for c in cue_contexts}


@dataclass(frozen=True)
class ContextModel:
    """Weights per (feature, context) and the decision thresholds chosen by cross-validation."""

    index: dict[str, int]
    labels: tuple[str, ...]
    W: np.ndarray
    b: np.ndarray
    threshold: float  # every context at least this probable is given (best first, at most MAX_CONTEXTS)
    fallback: float  # when none is, the most probable one if at least this probable; else no context
    keep: float = 1.1  # a cue context stays when the model finds it at least this probable (above 1: never)

    def proba(self, feats: set[str]) -> np.ndarray:
        """One probability per label for a feature set."""
        return 1.0 / (1.0 + np.exp(-sparse.logits(self.index, self.W, self.b, feats)))

    def decide(self, p: np.ndarray, cue_contexts: Iterable[str] = ()) -> tuple[str, ...]:
        """The contexts a probability vector gives: the cue contexts the model finds at least `keep` likely (and
        those it was never trained on), then the probable ones best first; else the best if likely."""
        pos = {c: j for j, c in enumerate(self.labels)}
        chosen = [c for c in cue_contexts if c not in pos or p[pos[c]] >= self.keep]
        order = [int(j) for j in np.argsort(-p, kind="stable")]
        chosen += [self.labels[j] for j in order if p[j] >= self.threshold and self.labels[j] not in chosen]
        if not chosen and order and p[order[0]] >= self.fallback:
            chosen = [self.labels[order[0]]]
        return tuple(chosen[:MAX_CONTEXTS])

    def choose(self, feats: set[str], cue_contexts: Iterable[str] = ()) -> tuple[str, ...]:
        """The contexts of one event's features and its cue contexts."""
        return self.decide(self.proba(feats), cue_contexts)

    def to_json(self) -> dict:
        """The model as plain JSON (features in index order)."""
        feats = sorted(self.index, key=self.index.__getitem__)
        return {"labels": list(self.labels), "threshold": self.threshold, "fallback": self.fallback, "keep": self.keep,
                "features": feats, "weights": np.round(self.W, 4).tolist(), "bias": np.round(self.b, 4).tolist()}

    @classmethod
    def from_json(cls, d: dict) -> ContextModel:
        """A model from `to_json()` output; every label must be a PLOVER context."""
        unknown = [c for c in d["labels"] if c not in ontology.contexts()]
        if unknown:
            raise ValueError(f"context model labels are not PLOVER contexts: {unknown}")
        W = np.array(d["weights"], dtype=float).reshape(len(d["features"]), len(d["labels"]))
        return cls({f: i for i, f in enumerate(d["features"])}, tuple(d["labels"]), W,
                   np.array(d["bias"], dtype=float), float(d["threshold"]), float(d["fallback"]),
                   float(d.get("keep", 1.1)))


def fit(examples: list[set[str]], golds: list[Iterable[str]], l2: float, threshold: float, fallback: float,
        keep: float = 1.1, min_count: int = 2, min_label: int = 8, epochs: int = 600, lr: float = 2.0) -> ContextModel:
    """One-vs-rest logistic regression by full-batch gradient descent (a few thousand events).

    Features seen fewer than `min_count` times and contexts given fewer than `min_label` times are left out."""
    index = sparse.feature_index(examples, min_count)
    label_counts: dict[str, int] = {}
    for g in golds:
        for c in set(g):
            label_counts[c] = label_counts.get(c, 0) + 1
    labels = tuple(sorted(c for c, n in label_counts.items() if n >= min_label and c in ontology.contexts()))
    X = sparse.matrix(examples, index)
    Y = np.array([[c in set(g) for c in labels] for g in golds], dtype=float).reshape(len(golds), len(labels))
    W, b = sparse.logistic_fit(X, Y, l2, epochs, lr)
    return ContextModel(index, labels, W, b, threshold, fallback, keep)


@lru_cache(maxsize=1)
def model() -> ContextModel | None:
    """The shipped model, or None when its file is missing (events then keep the cue contexts)."""
    if not MODEL.exists():
        return None
    return ContextModel.from_json(json.loads(MODEL.read_text(encoding="utf-8")))
