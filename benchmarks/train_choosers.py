"""Train the context and mode choosers of the rules coders (coding/ctxmodel.py, coding/modemodel.py) and
write realpolitik/coding/data/context_model.json and mode_model.json.

    .venv/bin/python benchmarks/train_choosers.py [--no-write] [--json]

Examples: the tune part (70%, by id hash) of the project's annotated sets, training/team,
training/corpus (offsets into ../shared/corpora, resolved by training/corpus_text.py) and
training/articles. (Adding the tune parts of plover_manual_dev and seedlike_dev was measured: the
PLOVER holdout's context accuracy fell from 0.660 to 0.520, the manual's examples being too few to
learn from without fitting them.) Every record is coded by rules.v1 with both models off; each gold event matched to a
predicted event of the same type (evaluate.match_events) gives one example: the features of the
predicted event (type, the rules' mode, trigger lemma, the content lemmas of its sentence and, for
contexts, the cue contexts) and the gold contexts (events whose gold has some) or the gold mode
(events of a type with modes; no mode is a label too). L2 and thresholds are chosen by 5-fold
cross-validation over those examples (fold by id hash): for contexts by the harmonic mean of the
accuracy `realpolitik eval` reports (a predicted context shared with the gold) and the precision (the
share of predicted contexts that are gold); for modes by the accuracy (the gold mode given) among the
settings whose precision (given modes that are the gold's) is within 0.02 of the rules'. The holdout part is never read.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from realpolitik import ontology  # noqa: E402
from realpolitik.coding import ctxmodel, modemodel  # noqa: E402
from realpolitik.evaluate import code_gold, load_gold_files, match_events, split_of  # noqa: E402
from realpolitik.nlp import get_nlp  # noqa: E402
from realpolitik.options import Options  # noqa: E402

L2S = (1e-4, 3e-4, 1e-3)
THRESHOLDS = (0.3, 0.4, 0.5)
FALLBACKS = (0.0, 0.1, 0.2, 1.1)  # 1.1: no fallback
KEEPS = (0.05, 0.1, 0.2, 0.3, 1.1)  # 1.1: the cue contexts count only as features
MODE_L2S = (1e-4, 1e-3)
MODE_THRESHOLDS = (0.4, 0.5, 0.6, 0.7)
MODE_KEEPS = (0.0, 0.1, 0.3)
MODE_PRECISION_SLACK = 0.02
FOLDS = 5


def _records() -> list[dict]:
    """Tune records of the three annotated sets, corpus offsets resolved to their text."""
    recs = load_gold_files(sorted(glob.glob(str(ROOT / "training/team/*.jsonl"))))
    recs += load_gold_files(sorted(glob.glob(str(ROOT / "training/articles/*.jsonl"))))
    spec = importlib.util.spec_from_file_location("corpus_text", ROOT / "training" / "corpus_text.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for path in sorted(glob.glob(str(ROOT / "training/corpus/*.jsonl"))):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                recs.append({"id": r["id"], "text": mod.resolve(r), "events": r["events"]})
    return [r for r in recs if split_of(r.get("id")) == "tune"]


def examples() -> tuple[list[tuple[set[str], list[str], str]], list[tuple[set[str], str, str | None, str]]]:
    """Context examples (features, gold contexts, record id) and mode examples (features, type, gold mode,
    record id) of every matched same-type pair."""
    from realpolitik.coding.roles import token_lemma

    recs = _records()
    off = Options().with_settings({"coding.learned_contexts": False, "coding.learned_modes": False})
    preds = code_gold(recs, off)
    pairs = []
    for r in recs:
        p = preds.get(r["id"], [])
        for gi, pi in match_events(r.get("events") or [], p):
            g, e = r["events"][gi], p[pi]
            if e.get("type") == g.get("type") and e.get("evidence"):
                pairs.append((r["id"], g, e))
    nlp = get_nlp()
    modes = ontology.modes()
    ctx_ex, mode_ex = [], []
    for (rid, g, e), doc in zip(pairs, nlp.pipe(e["evidence"]["text"] for _, _, e in pairs)):
        ev = e["evidence"]
        at = (ev.get("trigger") or {}).get("start", -1) - ev["start"]
        trig = next((token_lemma(t) for t in doc if t.idx == at), "")
        lemmas = ctxmodel.content_lemmas(doc)
        if g.get("contexts"):
            ctx_ex.append((ctxmodel.features(e["type"], e.get("mode"), trig, lemmas, e.get("contexts") or ()),
                           list(g["contexts"]), rid))
        if modes.get(e["type"]) and (g.get("mode") is None or g.get("mode") in modes[e["type"]]):
            mode_ex.append((ctxmodel.features(e["type"], e.get("mode"), trig, lemmas, ()), e["type"], g.get("mode"),
                            rid))
    return ctx_ex, mode_ex


def _score(golds, preds) -> tuple[float, float, float]:
    acc = sum(bool(set(p) & set(g)) for g, p in zip(golds, preds)) / max(len(golds), 1)
    given = sum(len(p) for p in preds)
    prec = sum(len(set(p) & set(g)) for g, p in zip(golds, preds)) / max(given, 1)
    return acc, prec, 2 * acc * prec / (acc + prec) if acc + prec else 0.0


def _fold(rid: str) -> int:
    return int(hashlib.sha1(rid.encode()).hexdigest(), 16) % FOLDS


def train_contexts(ctx_ex) -> tuple[ctxmodel.ContextModel, dict]:
    """Cross-validate the context chooser's settings, then fit it on every example."""
    feats, golds = [f for f, _, _ in ctx_ex], [g for _, g, _ in ctx_ex]
    fold = [_fold(rid) for _, _, rid in ctx_ex]
    cues_only = _score(golds, [sorted(f[2:] for f in fs if f.startswith("c:")) for fs in feats])
    grid = []
    for l2 in L2S:
        probs: dict[int, object] = {}
        models = {}
        for k in range(FOLDS):
            tr = [i for i, f in enumerate(fold) if f != k]
            m = ctxmodel.fit([feats[i] for i in tr], [golds[i] for i in tr], l2, 0.5, 1.1)
            models[k] = m
            for i, f in enumerate(fold):
                if f == k:
                    probs[i] = m.proba(feats[i])
        for th in THRESHOLDS:
            for fb in FALLBACKS:
                for keep in KEEPS:
                    preds = []
                    for i in range(len(feats)):
                        m = models[fold[i]]
                        cues = [f[2:] for f in sorted(feats[i]) if f.startswith("c:")]
                        preds.append(ctxmodel.ContextModel(m.index, m.labels, m.W, m.b, th, fb, keep)
                                     .decide(probs[i], cues))
                    grid.append(((l2, th, fb, keep), _score(golds, preds)))
    (l2, th, fb, keep), best = max(grid, key=lambda x: x[1][2])
    model = ctxmodel.fit(feats, golds, l2, th, fb, keep)
    return model, {"examples": len(feats), "features": len(model.index), "labels": len(model.labels),
                   "l2": l2, "threshold": th, "fallback": fb, "keep": keep, "cv": _figs(best),
                   "rules": _figs(cues_only)}


def _mode_score(golds, preds) -> tuple[float, float, float]:
    with_mode = [(g, p) for g, p in zip(golds, preds) if g]
    acc = sum(g == p for g, p in with_mode) / max(len(with_mode), 1)
    given = [(g, p) for g, p in zip(golds, preds) if p]
    prec = sum(g == p for g, p in given) / max(len(given), 1)
    return acc, prec, 2 * acc * prec / (acc + prec) if acc + prec else 0.0


def train_modes(mode_ex) -> tuple[modemodel.ModeModel, dict]:
    """Cross-validate the mode chooser's settings, then fit it on every example."""
    feats, types, golds = [f for f, _, _, _ in mode_ex], [t for _, t, _, _ in mode_ex], [m for _, _, m, _ in mode_ex]
    rule = [next((f.split(":", 2)[2] for f in fs if f.startswith("m:")), None) for fs in feats]
    fold = [_fold(rid) for _, _, _, rid in mode_ex]
    grid = []
    for l2 in MODE_L2S:
        models = {}
        for k in range(FOLDS):
            tr = [i for i, f in enumerate(fold) if f != k]
            models[k] = modemodel.fit([feats[i] for i in tr], [types[i] for i in tr], [golds[i] for i in tr],
                                      l2, 0.5, 0.1)
        for th in MODE_THRESHOLDS:
            for keep in MODE_KEEPS:
                preds = []
                for i in range(len(feats)):
                    m = models[fold[i]]
                    preds.append(modemodel.ModeModel(m.index, m.labels, m.W, m.b, th, keep)
                                 .choose(types[i], rule[i], feats[i]))
                grid.append(((l2, th, keep), _mode_score(golds, preds)))
    rules = _mode_score(golds, rule)
    # the most accurate setting whose given modes stay about as trustworthy as the rules' (a user reads a
    # mode as a fact about the event: more modes are worth little if more of them are wrong)
    fair = [x for x in grid if x[1][1] >= rules[1] - MODE_PRECISION_SLACK] or grid
    (l2, th, keep), best = max(fair, key=lambda x: (x[1][0], x[1][2]))
    model = modemodel.fit(feats, types, golds, l2, th, keep)
    return model, {"examples": len(feats), "features": len(model.index), "labels": len(model.labels),
                   "l2": l2, "threshold": th, "keep": keep, "cv": _figs(best), "rules": _figs(rules)}


def _figs(t: tuple[float, float, float]) -> dict:
    return {"accuracy": round(t[0], 3), "precision": round(t[1], 3), "f": round(t[2], 3)}


def main(argv: list[str] | None = None) -> dict:
    """Cross-validate, fit both choosers on all examples, write them (unless --no-write), return the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    ctx_ex, mode_ex = examples()
    cmodel, cfigs = train_contexts(ctx_ex)
    mmodel, mfigs = train_modes(mode_ex)
    if not args.no_write:
        ctxmodel.MODEL.write_text(json.dumps(cmodel.to_json(), separators=(",", ":")), encoding="utf-8")
        modemodel.MODEL.write_text(json.dumps(mmodel.to_json(), separators=(",", ":")), encoding="utf-8")
    out = {"contexts": cfigs, "modes": mfigs}
    print(json.dumps(out) if args.json else "\n".join(f"{k}: {v}" for k, v in out.items()))
    return out


if __name__ == "__main__":
    main()
