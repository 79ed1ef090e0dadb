"""Train the context model of the rules coders and write realpolitik/coding/data/context_model.json.

    .venv/bin/python benchmarks/train_contexts.py [--no-write] [--json]

Examples: the tune part (70%, by id hash) of the project's annotated sets, training/team,
training/corpus (offsets into ../shared/corpora, resolved by training/corpus_text.py) and
training/articles. (Adding the tune parts of plover_manual_dev and seedlike_dev was measured: the
PLOVER holdout's context accuracy fell from 0.660 to 0.520, the manual's examples being too few to
learn from without fitting them.) Every record is coded by rules.v1 with the model off; each gold event matched to a
predicted event of the same type (evaluate.match_events) gives one example: the features of the
predicted event (type, mode, trigger lemma, the content lemmas of its sentence and the cue contexts)
and the gold contexts. L2, threshold and fallback are chosen by 5-fold cross-validation over those
examples (fold by id hash), by the harmonic mean of the accuracy `realpolitik eval` reports (a
predicted context shared with the gold) and the share of predicted contexts that are gold. The
holdout part is never read.
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

from realpolitik.coding import ctxmodel  # noqa: E402
from realpolitik.evaluate import code_gold, load_gold_files, match_events, split_of  # noqa: E402
from realpolitik.nlp import get_nlp  # noqa: E402
from realpolitik.options import Options  # noqa: E402

L2S = (1e-4, 3e-4, 1e-3)
THRESHOLDS = (0.3, 0.4, 0.5)
FALLBACKS = (0.0, 0.1, 0.2, 1.1)  # 1.1: no fallback
KEEPS = (0.05, 0.1, 0.2, 0.3, 1.1)  # 1.1: the cue contexts count only as features
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


def examples() -> tuple[list[set[str]], list[list[str]], list[str]]:
    """(features, gold contexts, record id) of every matched same-type pair."""
    from realpolitik.coding.roles import token_lemma

    recs = _records()
    preds = code_gold(recs, Options().with_settings({"coding.learned_contexts": False}))
    pairs = []
    for r in recs:
        p = preds.get(r["id"], [])
        for gi, pi in match_events(r.get("events") or [], p):
            g, e = r["events"][gi], p[pi]
            if g.get("contexts") and e.get("type") == g.get("type") and e.get("evidence"):
                pairs.append((r["id"], g, e))
    nlp = get_nlp()
    feats, golds, ids = [], [], []
    for (rid, g, e), doc in zip(pairs, nlp.pipe(e["evidence"]["text"] for _, _, e in pairs)):
        ev = e["evidence"]
        at = (ev.get("trigger") or {}).get("start", -1) - ev["start"]
        trig = next((token_lemma(t) for t in doc if t.idx == at), "")
        feats.append(ctxmodel.features(e["type"], e.get("mode"), trig, ctxmodel.content_lemmas(doc),
                                       e.get("contexts") or ()))
        golds.append(list(g["contexts"]))
        ids.append(rid)
    return feats, golds, ids


def _score(golds, preds) -> tuple[float, float, float]:
    acc = sum(bool(set(p) & set(g)) for g, p in zip(golds, preds)) / max(len(golds), 1)
    given = sum(len(p) for p in preds)
    prec = sum(len(set(p) & set(g)) for g, p in zip(golds, preds)) / max(given, 1)
    return acc, prec, 2 * acc * prec / (acc + prec) if acc + prec else 0.0


def main(argv: list[str] | None = None) -> dict:
    """Cross-validate, fit on all examples, write the model (unless --no-write) and return the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump", help="also write the examples to this JSON file")
    args = ap.parse_args(argv)
    feats, golds, ids = examples()
    fold = [int(hashlib.sha1(i.encode()).hexdigest(), 16) % FOLDS for i in ids]
    cues_only = _score(golds, [sorted(f[2:] for f in fs if f.startswith("c:")) for fs in feats])
    if args.dump:
        Path(args.dump).write_text(json.dumps({"feats": [sorted(f) for f in feats], "golds": golds, "ids": ids}))
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
    if not args.no_write:
        ctxmodel.MODEL.write_text(json.dumps(model.to_json(), separators=(",", ":")), encoding="utf-8")
    out = {"examples": len(feats), "features": len(model.index), "labels": len(model.labels),
           "l2": l2, "threshold": th, "fallback": fb, "keep": keep,
           "cv": {"accuracy": round(best[0], 3), "precision": round(best[1], 3), "f": round(best[2], 3)},
           "cue_contexts": {"accuracy": round(cues_only[0], 3), "precision": round(cues_only[1], 3),
                            "f": round(cues_only[2], 3)}}
    print(json.dumps(out) if args.json else "\n".join(f"{k}: {v}" for k, v in out.items()))
    return out


if __name__ == "__main__":
    main()
