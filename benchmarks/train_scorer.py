"""Train the scorer of `rules.v2` and write realpolitik/coding/data/en/scorer_model.json.

    .venv/bin/python benchmarks/train_scorer.py [--out FILE] [--folds 5] [--no-write] [--json]

Training data (only text the project may use; the 30% holdout of every set is never read):
  support      tests/data/support_sentences.jsonl (team-written, gold events)
  plover       the tune part of ../shared/eval/plover_manual_dev.jsonl (gold events)
  pentaclass   the tune part of ../shared/eval/pentaclass_dev.jsonl (sentence_quad: weak keep labels)
  team         the tune part of the team corpus: <worktree>/training/team/*.jsonl (gold format with text)
               and <worktree>/training/corpus/*.jsonl (offsets into ../shared/corpora, resolved by
               training/corpus_text.py); other checkouts of it with --team DIR
The settings (feature set, L2, threshold, retype margin) are chosen by cross-validation over folds of
the training records (fixed by id hash); the chosen model is then fitted on all of them. Both
feature sets are reported (the "words" set is the measured alternative).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from realpolitik import ontology, settings  # noqa: E402
from realpolitik import scorer_training as scorer_train  # noqa: E402
from realpolitik.coding import rules, scorer  # noqa: E402
from realpolitik.evaluate import load_jsonl, split_of  # noqa: E402

SHARED = ROOT.parent / "shared"
# Weak labels of pentaclass count less than gold events: the sentence class says nothing of the dyad.
PENTACLASS_WEIGHT = 0.3
L2S = (3e-4, 1e-3, 1e-2)
THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
MARGINS = (0.0, 0.2, 0.4, 1.0)  # 1.0: never retype


def _tune(records: list[dict]) -> list[dict]:
    return [r for r in records if split_of(r.get("id")) == "tune"]


def _corpus_text(team_root: Path):
    """The annotators' offset resolver (training/corpus_text.py) when it exists, else None."""
    path = team_root / "training" / "corpus_text.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("corpus_text", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _resolve(mod, rec: dict) -> str | None:
    for name in ("text_of", "resolve", "sentence_text", "text_for"):
        fn = getattr(mod, name, None)
        if callable(fn):
            try:
                return fn(rec)
            except Exception:  # noqa: BLE001 - a record the resolver cannot place is skipped
                return None
    return None


def team_records(roots: list[Path]) -> tuple[list[dict], list[dict]]:
    """(written, offset) records of the team corpus found under the given checkouts (all splits)."""
    written, offsets = [], []
    seen: set[str] = set()
    for root in roots:
        for path in sorted((root / "training" / "team").glob("*.jsonl")):
            for r in load_jsonl(path):
                if r.get("id") not in seen and r.get("text") and r.get("events") is not None:
                    seen.add(r["id"])
                    written.append(r)
        mod = _corpus_text(root)
        for path in sorted((root / "training" / "corpus").glob("*.jsonl")):
            for r in load_jsonl(path):
                if r.get("id") in seen or r.get("events") is None or mod is None:
                    continue
                text = _resolve(mod, r)
                if text:
                    seen.add(r["id"])
                    offsets.append({"id": r["id"], "text": text, "events": r["events"], "date": r.get("date")})
    return written, offsets


def sources(team_roots: list[Path], shared: Path = SHARED, best_guess_types=()) -> list[scorer_train.Source]:
    """The training sources (tune parts only)."""
    out = [scorer_train.Source("support", load_jsonl(ROOT / "tests" / "data" / "support_sentences.jsonl")),
           scorer_train.Source("plover", _tune(load_jsonl(shared / "eval" / "plover_manual_dev.jsonl"))),
           scorer_train.Source("pentaclass", _tune(load_jsonl(shared / "eval" / "pentaclass_dev.jsonl")),
                               PENTACLASS_WEIGHT)]
    written, offsets = team_records(team_roots)
    if written:
        out.append(scorer_train.Source("team", _tune(written)))
    if offsets:
        out.append(scorer_train.Source("team_corpus", _tune(offsets)))
    for s in out:
        coded = scorer_train.collect(s.records, best_guess_types)
        for r in s.records:
            s.candidates += scorer_train.label(r, coded.get(str(r["id"]), []), s.weight)
    return out


def objective(srcs, preds) -> dict:
    """Dyad+type F1 over the gold-event sources pooled, pentaclass macro-F1, and their mean."""
    gold = [r for s in srcs if s.name != "pentaclass" for r in s.records]
    penta = [r for s in srcs if s.name == "pentaclass" for r in s.records]
    f1 = scorer_train.figures(gold, preds)["dyad_type_f1"] or 0.0
    mf1 = scorer_train.figures(penta, preds)["sentence_quad_macro_f1"] or 0.0 if penta else f1
    out = {"dyad_type_f1": round(f1, 4), "pentaclass_macro_f1": round(mf1, 4), "mean": round((f1 + mf1) / 2, 4)}
    for s in srcs:
        if s.name != "pentaclass":
            out[f"{s.name}_f1"] = round(scorer_train.figures(s.records, preds)["dyad_type_f1"] or 0.0, 4)
    return out


def cross_validate(srcs, feature_set: str, folds: int) -> list[dict]:
    """Out-of-fold figures for every (L2, threshold, margin) setting of one feature set."""
    cands = [c for s in srcs for c in s.candidates]
    fold = scorer_train.folds_of({c.record_id for c in cands} | {str(r["id"]) for s in srcs for r in s.records},
                                 folds)
    rows = []
    for l2 in L2S:
        models = [scorer_train.fit([c for c in cands if fold[c.record_id] != k], feature_set, l2=l2)
                  for k in range(folds)]
        for th in THRESHOLDS:
            for m in MARGINS:
                preds: dict = {}
                for k in range(folds):
                    preds.update(scorer_train.apply(models[k], [c for c in cands if fold[c.record_id] == k], th, m))
                rows.append({"feature_set": feature_set, "l2": l2, "threshold": th, "retype_margin": m,
                             **objective(srcs, preds)})
    return rows


def main(argv=None) -> int:
    """Train, report, and write the model file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=scorer.MODEL)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--team", type=Path, action="append", default=[],
                    help="a checkout holding training/team and training/corpus (repeatable)")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (has eval/)")
    ap.add_argument("--cache", type=Path, help="keep the labelled candidates in this file between runs")
    ap.add_argument("--best-guess", choices=("all", "rules", "none"), default="none",
                    help="candidates include actor-less best guesses of every type (all), of settings.BEST_GUESS_TYPES "
                         "(rules) or none, as rules.v1 by default")
    ap.add_argument("--feature-set", choices=scorer.FEATURE_SETS, default="parse", help="the set the written model uses")
    ap.add_argument("--compare", choices=scorer.FEATURE_SETS, action="append",
                    help="cross-validate only these feature sets (default: all; the written one must be among them)")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    bg_types = {"all": tuple(ontology.types()), "rules": tuple(sorted(settings.BEST_GUESS_TYPES)), "none": ()}[a.best_guess]
    if a.cache and a.cache.exists():
        srcs = pickle.loads(a.cache.read_bytes())
    else:
        srcs = sources([ROOT] + a.team, a.shared, bg_types)
        if a.cache:
            a.cache.write_bytes(pickle.dumps(srcs))
    sizes = {s.name: {"records": len(s.records), "candidates": len(s.candidates),
                      "kept": sum(c.keep == 1 for c in s.candidates)} for s in srcs}
    baseline = objective(srcs, _rules_preds(srcs))
    results = {}
    for fs in a.compare or scorer.FEATURE_SETS:
        rows = cross_validate(srcs, fs, a.folds)
        results[fs] = max(rows, key=lambda r: (r["mean"], -r["threshold"]))
    best = results[a.feature_set]  # "parse" ships; the alternative is measured the same way
    cands = [c for s in srcs for c in s.candidates]
    model = scorer_train.fit(cands, best["feature_set"], l2=best["l2"], threshold=best["threshold"],
                             retype_margin=best["retype_margin"], best_guess_types=bg_types,
                             meta={"trained_on": sizes, "cv": results, "rules_v1_cv_baseline": baseline,
                                   "folds": a.folds})
    if not a.no_write:
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(json.dumps(model.to_json(), separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    report = {"sizes": sizes, "rules_v1": baseline, "cv_best": results, "features": len(model.index),
              "seconds": round(time.perf_counter() - t0, 1), "written": None if a.no_write else str(a.out)}
    print(json.dumps(report, indent=1) if a.json else _text(report))
    return 0


def _rules_preds(srcs) -> dict:
    out: dict = {}
    for s in srcs:
        for c in s.candidates:
            out.setdefault(c.record_id, []).append(c.event)
    return out


def _text(rep: dict) -> str:
    lines = ["training data (tune parts):"]
    for n, s in rep["sizes"].items():
        lines.append(f"  {n:12s} {s['records']:5d} records  {s['candidates']:5d} candidates  {s['kept']:5d} kept")
    lines.append(f"rules.v1 on the same records: {rep['rules_v1']}")
    for fs, r in rep["cv_best"].items():
        lines.append(f"cross-validated best, {fs} features: {r}")
    lines.append(f"model: {rep['features']} features, {rep['seconds']} s; written to {rep['written']}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
