"""Inter-annotator agreement on the shared batch: dyad+type F1 for every pair of annotators.

Usage (from the repository root): python training/agreement/score.py [--json]
Every `training/agreement/*.jsonl` except `batch.jsonl` is one annotator's file
(`{"id", "events": [...]}` a line). For each pair the first (alphabetical) annotator is taken
as gold and the second as predictions, scored by realpolitik.evaluate.score (FORMAT.md rules),
over the batch ids both annotated.
"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the checkout's own realpolitik, not an installed one

from realpolitik.evaluate import EvalError, load_jsonl, score  # noqa: E402


def load_annotators(folder: Path) -> dict[str, dict[str, list[dict]]]:
    """Annotator name (file stem) -> batch id -> events, for every annotator file in `folder`."""
    batch_ids = {r["id"] for r in load_jsonl(folder / "batch.jsonl")}
    out: dict[str, dict[str, list[dict]]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        if path.name == "batch.jsonl":
            continue
        ann: dict[str, list[dict]] = {}
        for n, rec in enumerate(load_jsonl(path), 1):
            rid, events = rec.get("id"), rec.get("events")
            if rid not in batch_ids:
                raise EvalError(f"{path}: record {n}: id {rid!r} is not in batch.jsonl")
            if not isinstance(events, list):
                raise EvalError(f"{path}: record {n} ({rid}): 'events' must be a list")
            if rid in ann:
                raise EvalError(f"{path}: record {n}: duplicate id {rid!r}")
            ann[rid] = events
        out[path.stem] = ann
    return out


def pair_report(gold: dict[str, list[dict]], other: dict[str, list[dict]]) -> dict:
    """Agreement of `other` with `gold` over the ids both annotated, as plain data."""
    common = sorted(set(gold) & set(other))
    report = score([{"id": i, "events": gold[i]} for i in common], {i: other[i] for i in common})
    d = report.as_dict()
    return {"records": len(common), "gold_events": d["counts"]["gold_events"],
            "other_events": d["counts"]["predicted_events"], "dyad_f1": d["dyad"]["f1"],
            "dyad_type_f1": d["dyad_type"]["f1"], "has_event_f1": d["has_event"]["f1"],
            "per_type": {t: {"f1": v["f1"], "tp": v["tp"], "fp": v["fp"], "fn": v["fn"]}
                         for t, v in d["per_type"].items()}}


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def main(argv: list[str]) -> int:
    """Print every pair's agreement (text, or JSON with --json); 1 with an error line on bad input."""
    try:
        annotators = load_annotators(HERE)
    except (EvalError, OSError, json.JSONDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    pairs = {f"{a} vs {b}": pair_report(annotators[a], annotators[b])
             for a, b in itertools.combinations(sorted(annotators), 2)}
    if "--json" in argv:
        print(json.dumps({"annotators": {k: len(v) for k, v in annotators.items()}, "pairs": pairs},
                         indent=2))
        return 0
    for name, ann in annotators.items():
        print(f"{name}: {len(ann)} records, {sum(len(e) for e in ann.values())} events")
    if not pairs:
        print("fewer than two annotator files: no pair to compare yet")
    for name, p in pairs.items():
        print(f"\n{name} (gold first): {p['records']} records, events {p['gold_events']}/"
              f"{p['other_events']}, dyad F1 {_f(p['dyad_f1'])}, dyad+type F1 "
              f"{_f(p['dyad_type_f1'])}, has-event F1 {_f(p['has_event_f1'])}")
        for t, v in p["per_type"].items():
            print(f"  {t:<10} F1 {_f(v['f1'])}  (tp {v['tp']}, fp {v['fp']}, fn {v['fn']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
