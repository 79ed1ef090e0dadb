"""A small sentence classifier: statement or one of the four PLOVER quad classes, from lemma and parse features.

It is a multinomial logistic regression in numpy over sparse binary features: content lemmas, the
root verb, negation and modality of the root, and the PLOVER types the rules lexicon finds in the
sentence (so it generalises beyond its own vocabulary). It is trained only on the project's own
sentences (realpolitik/coding/data/quad_sentences.tsv) by `train()` / benchmarks/train_quadclf.py;
the weights ship as realpolitik/coding/data/quad_model.json. The hybrid coder uses it to decide
whether a sentence without an actor-resolved event reports an event at all, and of which quad.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

import numpy as np

from realpolitik import ontology, wordsets
from realpolitik.coding import sparse
from realpolitik.coding.lexicon import entries

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "quadclf")

CLASSES = ("statement", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
DATA = Path(__file__).resolve().parent / "data"
SENTENCES = DATA / "quad_sentences.tsv"
MODEL = DATA / "quad_model.json"
FUTURE = _words("FUTURE")
OBLIGE = _words("OBLIGE")


def features(sent) -> set[str]:
    """Binary features of a parsed sentence (a spaCy Span or Doc)."""
    table = entries()
    out: set[str] = set()
    for t in sent:
        lem = t.lemma_.lower()
        if t.is_alpha and not t.is_stop and len(lem) > 2:
            out.add(f"l:{lem}")
        for pos in ("V", "N"):
            trig = table.get((lem, pos))
            if trig is not None and trig.type:
                out.add(f"t:{trig.type}")
                out.add(f"q:{ontology.quad(trig.type)}")
        if t.dep_ == "ROOT":
            out.add(f"r:{lem}")
            kids = list(t.children)
            if any(c.dep_ == "neg" for c in kids):
                out.add("root:neg")
            if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in kids):
                out.add("root:future")
            if any(c.dep_ == "aux" and c.lower_ in OBLIGE for c in kids):
                out.add("root:oblige")
            trig = table.get((lem, "V"))
            if trig is not None and trig.type:
                out.add(f"rt:{trig.type}")
            for c in kids:
                if c.dep_ in ("dobj", "xcomp", "ccomp"):
                    ct = table.get((c.lemma_.lower(), "N")) or table.get((c.lemma_.lower(), "V"))
                    if ct is not None and ct.type:
                        out.add(f"rt:{ct.type}")  # "held talks", "agreed to send": the governed event
    return out


class QuadClassifier:
    """Trained weights and the feature index; `proba(sent)` gives one probability per class."""

    def __init__(self, feature_index: dict[str, int], weights: np.ndarray, bias: np.ndarray):
        self.index = feature_index
        self.W = weights
        self.b = bias

    def _vector(self, feats: set[str]) -> np.ndarray:
        x = np.zeros(len(self.index))
        for f in feats:
            i = self.index.get(f)
            if i is not None:
                x[i] = 1.0
        return x

    def proba(self, sent) -> dict[str, float]:
        """Class -> probability for a parsed sentence."""
        z = self._vector(features(sent)) @ self.W + self.b
        p = np.exp(z - z.max())
        p /= p.sum()
        return {c: float(v) for c, v in zip(CLASSES, p)}

    def to_json(self) -> dict:
        """The model as plain JSON (features in index order)."""
        feats = sorted(self.index, key=self.index.get)
        return {"classes": list(CLASSES), "features": feats, "weights": np.round(self.W, 4).tolist(),
                "bias": np.round(self.b, 4).tolist()}

    @classmethod
    def from_json(cls, d: dict) -> "QuadClassifier":
        """A model from `to_json()` output."""
        if tuple(d["classes"]) != CLASSES:
            raise ValueError("quad model classes differ from quadclf.CLASSES")
        return cls({f: i for i, f in enumerate(d["features"])}, np.array(d["weights"]), np.array(d["bias"]))


def load_sentences(path: Path = SENTENCES) -> list[tuple[str, str]]:
    """(label, text) pairs of the training file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("label\t"):
            continue
        label, text = line.split("\t", 1)
        if label not in CLASSES:
            raise ValueError(f"{path}: unknown label {label!r}")
        rows.append((label, text))
    return rows


def fit(feats: list[set[str]], labels: list[str], l2: float = 0.01, epochs: int = 300, lr: float = 0.5,
        min_count: int = 1) -> QuadClassifier:
    """Softmax regression by full-batch gradient descent (the data are a few hundred sentences)."""
    index = sparse.feature_index(feats, min_count)
    X = sparse.matrix(feats, index)
    Y = np.zeros((len(labels), len(CLASSES)))
    for r, lab in enumerate(labels):
        Y[r, CLASSES.index(lab)] = 1.0
    W, b = sparse.softmax_fit(X, Y, l2, epochs, lr)
    return QuadClassifier(index, W, b)


def train(path: Path = SENTENCES, out: Path | None = MODEL, folds: int = 5, seed: int = 7) -> dict:
    """Train on the project's sentences; report k-fold accuracy; write the model JSON when `out` is set."""
    from realpolitik.nlp import get_nlp

    rows = load_sentences(path)
    nlp = get_nlp()
    feats = [features(doc) for doc in nlp.pipe(t for _, t in rows)]
    labels = [lab for lab, _ in rows]
    order = np.random.default_rng(seed).permutation(len(rows))
    correct = 0
    for k in range(folds):
        test = set(order[k::folds].tolist())
        m = fit([f for i, f in enumerate(feats) if i not in test], [l for i, l in enumerate(labels) if i not in test])
        for i in test:
            p = m._vector(feats[i]) @ m.W + m.b
            correct += CLASSES[int(np.argmax(p))] == labels[i]
    model = fit(feats, labels)
    if out is not None:
        out.write_text(json.dumps(model.to_json(), separators=(",", ":")), encoding="utf-8")
    return {"sentences": len(rows), "features": len(model.index), "cv_accuracy": round(correct / len(rows), 3)}


@lru_cache(maxsize=1)
def model() -> QuadClassifier | None:
    """The shipped model, or None when its file is missing (the hybrid coder then uses rules alone)."""
    if not MODEL.exists():
        return None
    return QuadClassifier.from_json(json.loads(MODEL.read_text(encoding="utf-8")))
