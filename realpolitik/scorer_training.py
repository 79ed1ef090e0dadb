"""Training the scorer of `rules.v2` (coding/scorer.py): candidates, their labels, the fit, the cut points.

It lives outside coding/ because it scores with realpolitik.evaluate, which runs the coders.

Candidates are the events `rules.v2` proposes with scoring off (`scorer_collect`). A candidate's labels
follow FORMAT.md's matching: it is kept when it is matched to a gold event of its record (dyad rule,
greedy in gold order), and its type label is that gold event's type. Records with only a
`sentence_quad` give weak keep labels (a "statement" sentence keeps nothing; otherwise a candidate is
kept when its quad is the sentence's) and no type label. The fit is deterministic: L-BFGS from zeros
on the same rows in the same order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np
from scipy import optimize, sparse

from realpolitik import ontology
from realpolitik.coding import scorer
from realpolitik.evaluate import match_events, score
from realpolitik.model import Article
from realpolitik.options import Options


@dataclass
class Candidate:
    """One rule candidate with its labels."""

    record_id: str
    event: dict[str, Any]  # as `Event.as_dict()`
    features: dict[str, list[str]]  # feature set name -> features
    keep: int | None = None  # 1 kept, 0 dropped, None unlabelled
    type: str | None = None  # gold type when known
    weight: float = 1.0


@dataclass
class Source:
    """Labelled records of one training source; `weight` scales its candidates (weak labels count less)."""

    name: str
    records: list[dict[str, Any]]
    weight: float = 1.0
    candidates: list[Candidate] = field(default_factory=list)


def collect(records: Sequence[dict[str, Any]], best_guess_types: Sequence[str] = ()
            ) -> dict[str, list[tuple[dict, dict]]]:
    """Record id -> [(event dict, features by set)] of the rule candidates of each record's text."""
    from dataclasses import replace

    from realpolitik.coding.scored import ScoredRulesCoder

    opts = Options()
    opts = opts.with_(coding=replace(opts.coding, best_guess_types=frozenset(best_guess_types)))
    coder = ScoredRulesCoder(opts, collect=True)
    arts = [Article(id=str(r["id"]), text=r.get("text") or "", published=r.get("date")) for r in records]
    out: dict[str, list[tuple[dict, dict]]] = {}
    for rec, events in zip(records, coder.code_many(arts)):
        out[str(rec["id"])] = [(e.as_dict(), coder.collected.get(e.id, {})) for e in events]
    return out


def label(record: dict[str, Any], cands: list[tuple[dict, dict]], weight: float = 1.0) -> list[Candidate]:
    """The candidates of one record with keep and type labels from its gold (see the module docstring)."""
    rid = str(record["id"])
    out = [Candidate(rid, ev, feats, weight=weight) for ev, feats in cands if feats]
    events = record.get("events")
    if events is not None:
        for gi, pi in match_events(events, [c.event for c in out]):
            out[pi].keep = 1
            out[pi].type = events[gi].get("type") or None
        for c in out:
            if c.keep is None:
                c.keep = 0
    elif record.get("sentence_quad"):
        sq = record["sentence_quad"]
        for c in out:
            c.keep = int(sq != "statement" and ontology.quad(c.event["type"]) == sq)
    return out


def _matrix(rows: list[list[str]], index: dict[str, int]) -> sparse.csr_matrix:
    data, ind, ptr = [], [], [0]
    for fs in rows:
        ids = sorted({index[f] for f in fs if f in index})
        ind += ids
        data += [1.0] * len(ids)
        ptr.append(len(ind))
    return sparse.csr_matrix((np.asarray(data), np.asarray(ind, dtype=np.int64), np.asarray(ptr, dtype=np.int64)),
                             shape=(len(rows), len(index)))


def _fit_binary(X, y, w, l2: float) -> tuple[np.ndarray, float]:
    """Weighted L2 logistic regression; returns (weights, bias)."""
    n, d = X.shape
    sw = w / w.sum()

    def f(theta):
        z = X @ theta[:d] + theta[d]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        loss = (-(sw * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum()
                + 0.5 * l2 * theta[:d] @ theta[:d])
        g = sw * (p - y)
        return loss, np.concatenate([X.T @ g + l2 * theta[:d], [g.sum()]])

    res = optimize.minimize(f, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return res.x[:d], float(res.x[d])


def _fit_softmax(X, y: np.ndarray, w, k: int, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Weighted L2 multinomial logistic regression over k classes; returns (weights d x k, bias k)."""
    n, d = X.shape
    Y = np.zeros((n, k))
    Y[np.arange(n), y] = 1.0
    sw = (w / w.sum())[:, None]

    def f(theta):
        W, b = theta[:d * k].reshape(d, k), theta[d * k:]
        Z = X @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        loss = -(sw * Y * np.log(P + 1e-12)).sum() + 0.5 * l2 * (W * W).sum()
        G = sw * (P - Y)
        return loss, np.concatenate([(X.T @ G + l2 * W).ravel(), G.sum(axis=0)])

    res = optimize.minimize(f, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return res.x[:d * k].reshape(d, k), res.x[d * k:]


def fit(cands: Sequence[Candidate], feature_set: str = "parse", l2: float = 1e-3, min_count: int = 1,
        threshold: float = 0.5, retype_margin: float = 0.0, meta: dict | None = None,
        best_guess_types: Sequence[str] = ()) -> scorer.Scorer:
    """A scorer fitted on labelled candidates (those with keep None are left out)."""
    cands = [c for c in cands if c.keep is not None]
    if not cands:
        raise ValueError("no labelled candidates to train on")
    counts: dict[str, int] = {}
    for c in cands:
        for f in set(c.features[feature_set]):
            counts[f] = counts.get(f, 0) + 1
    index = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    X = _matrix([c.features[feature_set] for c in cands], index)
    y = np.asarray([c.keep for c in cands], dtype=float)
    w = np.asarray([c.weight for c in cands], dtype=float)
    keep_w, keep_b = _fit_binary(X, y, w, l2)
    types = scorer.types_order()
    typed = [i for i, c in enumerate(cands) if c.keep == 1 and c.type in types]
    if typed:
        type_w, type_b = _fit_softmax(X[typed], np.asarray([types.index(cands[i].type) for i in typed]),
                                      w[typed], len(types), l2)
    else:
        type_w, type_b = np.zeros((len(index), len(types))), np.zeros(len(types))
    return scorer.Scorer(feature_set, index, keep_w, keep_b, type_w, type_b, threshold, retype_margin,
                         dict(meta or {}), tuple(best_guess_types))


def folds_of(record_ids: Iterable[str], k: int) -> dict[str, int]:
    """A fixed fold per record id (by the same id hash family as the eval split, so folds never move)."""
    import hashlib

    return {r: int.from_bytes(hashlib.sha256(f"fold:{r}".encode()).digest()[:8], "big") % k for r in record_ids}


def apply(model: scorer.Scorer, cands: Sequence[Candidate], threshold: float, margin: float
          ) -> dict[str, list[dict[str, Any]]]:
    """Record id -> the event dicts the model keeps, retyped and scored (as rules.v2 would give them)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for c in cands:
        out.setdefault(c.record_id, [])
        feats = c.features[model.feature_set]
        keep = model.keep_proba(feats)
        tp = model.type_proba(feats)
        best = max(tp, key=tp.get)
        typ = best if tp[best] - tp.get(c.event["type"], 0.0) > margin else c.event["type"]
        conf = keep * tp[typ]
        if conf < threshold:
            continue
        out[c.record_id].append({**c.event, "type": typ, "quad": ontology.quad(typ), "confidence": round(conf, 3)})
    return out


def figures(records: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> dict[str, float | None]:
    """Dyad+type F1 and sentence-quad macro-F1 of predictions on records."""
    preds = {str(r["id"]): preds.get(str(r["id"]), []) for r in records}
    rep = score(records, preds)
    return {"dyad_type_f1": rep.dyad_type.f1, "sentence_quad_macro_f1": rep.sentence_quad_macro_f1}
