"""The learned scorer of `rules.v2`: features of a rule candidate, and a linear model deciding on it.

The rules coder proposes candidates (an actor pair, a trigger, a type, the sentence's parse). For each
the scorer gives (a) the probability that the text states that event for that dyad (keep or drop),
(b) a distribution over the 16 PLOVER types (the rule's type is one feature among many, so the
model keeps it unless the evidence says otherwise), and from both a confidence. Both parts are
logistic regressions over sparse binary features, so inference is a dictionary lookup and a few
sums per candidate (no parse of its own: it reads the rules coder's parse).

Feature sets (`FEATURE_SETS`): "parse" (the default: trigger lemma, dependency paths from the
trigger to each actor, voice, negation and modal cues, the rule's type and how it read the roles,
actor kinds, sentence position, the words around the trigger) and "words" (the alternative the
training script measures against: the sentence's content lemmas plus the rule's type).

The model ships as JSON under coding/data/en/ (written by benchmarks/train_scorer.py); `load()`
validates it against the ontology before use.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from realpolitik import ontology, wordsets

_words = wordsets.reader("realpolitik.coding", "scorer")

DATA = Path(__file__).resolve().parent / "data" / "en"
MODEL = DATA / "scorer_model.json"
FEATURE_SETS = ("parse", "words")
FORMAT_VERSION = 1
MODALS = _words("MODALS")
# Paths longer than this many arcs are one feature ("long"): on the training candidates paths of 1-3
# arcs covered most actors, longer ones were too rare to get a weight of their own.
MAX_PATH = 4


class ScorerError(ValueError):
    """A model file that cannot be used; the message names the file and the problem."""


def types_order() -> tuple[str, ...]:
    """The 16 PLOVER types in ontology order (the type model's classes)."""
    return tuple(ontology.types())


# ------------------------------------------------------------------------------- features
def _actor_token(sent, span):
    """The head token of an actor's span inside a sentence (its token whose head lies outside it), or None."""
    if span is None or span.end <= span.start:
        return None
    toks = [t for t in sent if span.start <= t.idx < span.end]
    if not toks:
        return None
    for t in toks:
        if not (span.start <= t.head.idx < span.end) or t.head.i == t.i:
            return t
    return toks[-1]


def dep_path(a, b) -> str:
    """The dependency path from token a up to the lowest common ancestor and down to b ("nsubj^" style)."""
    if a.i == b.i:
        return "self"
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    where_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in where_b:
            j = where_b[t.i]
            if k + j > MAX_PATH:
                return "long"
            ups = [x.dep_ + "^" for x in up_a[:k]]
            downs = ["v" + x.dep_ for x in reversed(up_b[:j])]
            return "".join(ups + downs) or "self"
    return "none"  # different trees (a sentence split inside a parse)


def _kind(code: str | None) -> str:
    """A coarse kind of actor code: none, a state, a state's sector, an IGO, an NGO, a firm."""
    if not code:
        return "none"
    for p in ("IGO", "NGO", "MNC"):
        if code.startswith(p):
            return p.lower()
    return "state" if len(code) == 3 else "sector"


def _lem(t) -> str:
    return (t.lemma_ or t.lower_).lower()


def parse_features(sent, tok, event, how: str, weak: bool, sent_index: int) -> list[str]:
    """The "parse" features of one candidate: its trigger token `tok` in the parsed `sent`, its event."""
    lem = _lem(tok)
    typ = event.type
    f = ["bias", f"rt:{typ}", f"rq:{ontology.quad(typ)}", f"lem:{lem}", f"lemt:{lem}|{typ}",
         f"pos:{tok.pos_}", f"dep:{tok.dep_}", f"hd:{_lem(tok.head)}" if tok.head.i != tok.i else "hd:ROOT",
         f"how:{how.split('+')[0]}", f"fact:{event.factuality}", f"conf:{int(event.confidence * 10)}"]
    if "+clause" in how:
        f.append("how:+clause")
    if weak:
        f.append("weak")
    kids = list(tok.children)
    if any(k.dep_ in ("nsubjpass", "auxpass") for k in kids):
        f.append("passive")
    if any(k.dep_ == "neg" for k in kids) or any(k.dep_ == "neg" for k in tok.head.children if tok.dep_ == "xcomp"):
        f.append("neg")
    for k in kids:
        if k.dep_ in ("aux", "auxpass") and k.lower_ in MODALS:
            f.append(f"aux:{k.lower_}")
    if tok.dep_ == "xcomp" or tok.dep_ == "ccomp":
        f.append(f"gov:{_lem(tok.head)}")  # "agreed to send", "said ... attacked": the governing verb
    f.append(f"sk:{_kind(event.source)}")
    f.append(f"tk:{_kind(event.target)}")
    f.append(f"pair:{_kind(event.source)}>{_kind(event.target)}")
    for role, span in (("s", event.source_span), ("t", event.target_span)):
        at = _actor_token(sent, span)
        f.append(f"{role}p:{dep_path(tok, at) if at is not None else 'none'}")
        if at is not None:
            f.append(f"{role}side:{'before' if at.i < tok.i else 'after'}")
    f.append(f"sent:{min(sent_index, 3)}")
    rel = tok.i - sent.start
    f.append(f"tokpos:{min(rel, 12) // 4}")
    for off in (-2, -1, 1, 2):
        j = tok.i + off
        if sent.start <= j < sent.end:
            f.append(f"w{off:+d}:{_lem(sent.doc[j])}")
        else:
            f.append(f"w{off:+d}:<edge>")
    text = sent.text
    if '"' in text or "\u201c" in text:
        f.append("quote")
    if text.rstrip().endswith("?"):
        f.append("question")
    return f


def word_features(sent, event) -> list[str]:
    """The "words" features of one candidate (the alternative set): content lemmas and the rule's type."""
    f = ["bias", f"rt:{event.type}", f"rq:{ontology.quad(event.type)}", f"sk:{_kind(event.source)}",
         f"tk:{_kind(event.target)}"]
    f += sorted({f"l:{_lem(t)}" for t in sent if t.is_alpha and not t.is_stop and len(t.text) > 2})
    return f


def features(feature_set: str, sent, tok, event, how: str, weak: bool, sent_index: int) -> list[str]:
    """The features of one candidate under the named feature set."""
    if feature_set == "parse":
        return parse_features(sent, tok, event, how, weak, sent_index)
    if feature_set == "words":
        return word_features(sent, event)
    raise ScorerError(f"unknown feature set {feature_set!r}; known: {', '.join(FEATURE_SETS)}")


# ------------------------------------------------------------------------------- the model
@dataclass
class Scorer:
    """A trained scorer: a keep model (binary) and a type model (16 classes) over one feature index."""

    feature_set: str
    index: dict[str, int]
    keep_w: np.ndarray  # (n_features,)
    keep_b: float
    type_w: np.ndarray  # (n_features, 16)
    type_b: np.ndarray  # (16,)
    threshold: float  # drop a candidate whose confidence is below this
    retype_margin: float  # change the rule's type only when another type is this much more probable
    meta: dict
    best_guess_types: tuple[str, ...] = ()  # the rules' best-guess types the candidates were made with

    def _ids(self, feats: Sequence[str]) -> list[int]:
        return sorted({self.index[x] for x in feats if x in self.index})

    def keep_proba(self, feats: Sequence[str]) -> float:
        """P(the candidate is an event the text states, for its dyad)."""
        ids = self._ids(feats)
        z = float(self.keep_w[ids].sum()) + self.keep_b
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def type_proba(self, feats: Sequence[str]) -> dict[str, float]:
        """Type -> probability for the candidate's event."""
        ids = self._ids(feats)
        z = self.type_w[ids].sum(axis=0) + self.type_b
        p = np.exp(z - z.max())
        p /= p.sum()
        return {t: float(v) for t, v in zip(types_order(), p)}

    def decide(self, feats: Sequence[str], rule_type: str) -> tuple[str, float, float]:
        """(type, confidence, keep probability) for a candidate: the type the model picks (the rule's unless
        another is `retype_margin` more probable) and confidence = P(keep) x P(type)."""
        keep = self.keep_proba(feats)
        tp = self.type_proba(feats)
        best = max(tp, key=tp.get)
        typ = best if tp[best] - tp.get(rule_type, 0.0) > self.retype_margin else rule_type
        return typ, keep * tp.get(typ, 0.0), keep

    def to_json(self) -> dict:
        """The model as plain JSON: per feature its keep weight and its 16 type weights (zeros left out)."""
        names = sorted(self.index, key=self.index.get)
        weights = {}
        for n in names:
            i = self.index[n]
            row = [round(float(self.keep_w[i]), 4)] + [round(float(v), 4) for v in self.type_w[i]]
            if any(row):
                weights[n] = row
        return {"format": FORMAT_VERSION, "feature_set": self.feature_set, "types": list(types_order()),
                "threshold": self.threshold, "retype_margin": self.retype_margin,
                "best_guess_types": list(self.best_guess_types), "keep_bias": round(self.keep_b, 4),
                "type_bias": [round(float(v), 4) for v in self.type_b],
                "meta": self.meta, "weights": weights}

    @classmethod
    def from_json(cls, d: dict, where: str = "scorer model") -> "Scorer":
        """A model from `to_json()` output, validated (ScorerError names the problem)."""
        if not isinstance(d, dict):
            raise ScorerError(f"{where}: expected a JSON object")
        if d.get("format") != FORMAT_VERSION:
            raise ScorerError(f"{where}: format {d.get('format')!r}, expected {FORMAT_VERSION}")
        if d.get("feature_set") not in FEATURE_SETS:
            raise ScorerError(f"{where}: unknown feature set {d.get('feature_set')!r}")
        if tuple(d.get("types", ())) != types_order():
            raise ScorerError(f"{where}: its types differ from the ontology's 16 PLOVER types")
        n_types = len(types_order())
        for key in ("threshold", "retype_margin", "keep_bias"):
            v = d.get(key)
            if not isinstance(v, (int, float)) or not math.isfinite(v):
                raise ScorerError(f"{where}: {key} must be a finite number, got {v!r}")
        if not 0.0 <= d["threshold"] <= 1.0:
            raise ScorerError(f"{where}: threshold {d['threshold']} is outside [0, 1]")
        bg = d.get("best_guess_types")
        if not isinstance(bg, list) or any(t not in types_order() for t in bg):
            raise ScorerError(f"{where}: best_guess_types must list PLOVER types, got {bg!r}")
        tb = d.get("type_bias")
        if not isinstance(tb, list) or len(tb) != n_types:
            raise ScorerError(f"{where}: type_bias must list {n_types} numbers")
        weights = d.get("weights")
        if not isinstance(weights, dict) or not weights:
            raise ScorerError(f"{where}: no weights")
        index = {}
        rows: list[list[float]] = []
        for name, row in weights.items():
            if not isinstance(row, list) or len(row) != 1 + n_types:
                raise ScorerError(f"{where}: feature {name!r} needs {1 + n_types} weights")
            index[name] = len(rows)
            rows.append(row)
        W = np.asarray(rows, dtype=float)
        if not np.isfinite(W).all() or not np.isfinite(np.asarray(tb, dtype=float)).all():
            raise ScorerError(f"{where}: weights must be finite numbers")
        return cls(d["feature_set"], index, W[:, 0].copy(), float(d["keep_bias"]), W[:, 1:].copy(),
                   np.asarray(tb, dtype=float), float(d["threshold"]), float(d["retype_margin"]),
                   dict(d.get("meta") or {}), tuple(bg))


def read(path: str | Path) -> Scorer:
    """A model file, validated; ScorerError names the file when it is missing or broken."""
    path = Path(path)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScorerError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScorerError(f"{path}: cannot read: {exc}") from None
    return Scorer.from_json(d, where=str(path))


@lru_cache(maxsize=4)
def load(path: str = str(MODEL)) -> Scorer:
    """The shipped (or named) model, read once per process."""
    return read(path)
