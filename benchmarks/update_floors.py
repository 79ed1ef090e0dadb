"""Measure the coder on the dev sets in ../shared/eval and rewrite tests/eval_floors.json.

Run it after a change that improves the coder (floors only move when someone re-runs this):

    .venv/bin/python benchmarks/update_floors.py [--coder rules.v1] [--resamples 1000]

For each dev set and headline metric it records the measured value as the floor and a noise
margin: the standard deviation of the metric over bootstrap resamples of the set's records
(records drawn with replacement, fixed seed), plus any run-to-run difference of the coder.
The gate (tests/test_eval_gate.py) fails when a metric falls below floor - noise.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from realpolitik.evaluate import SPLITS, code_gold, load_gold_files, score, select_split  # noqa: E402
from realpolitik.options import Options  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "tests" / "eval_floors.json"
# The headline metrics of each dev set (issues 4 and 5), as dotted paths into EvalReport.as_dict().
HEADLINES = {
    "plover_manual_dev": ["dyad_type.f1"],
    "seedlike_dev": ["dyad_type.f1", "fields.factuality.accuracy"],
    "pentaclass_dev": ["sentence_quad.macro_f1"],
    "team_sentences": ["dyad_type.f1"],
    "team_articles": ["dyad_type.f1"],
}
# Where each set lives: the shared dev sets beside the project, the team's annotated corpus in it.
SOURCES = {
    "plover_manual_dev": "shared:eval/plover_manual_dev.jsonl",
    "seedlike_dev": "shared:eval/seedlike_dev.jsonl",
    "pentaclass_dev": "shared:eval/pentaclass_dev.jsonl",
    "team_sentences": "repo:training/team/*.jsonl",
    "team_articles": "repo:training/articles/*.jsonl",
}


def set_files(source: str, shared: Path, root: Path = ROOT) -> list[Path]:
    """The files of one set's source ("shared:GLOB" or "repo:GLOB"), sorted."""
    where, pattern = source.split(":", 1)
    base = shared if where == "shared" else root
    return sorted(base.glob(pattern))


def files_sha256(files: list[Path]) -> str:
    """Hex sha256 over the files' bytes in order (one file: its own sha256)."""
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()
NOISE_METHOD = (
    "noise = the larger of (a) the standard deviation of the metric over {resamples} bootstrap "
    "resamples of the set's records (drawn with replacement, seed {seed}) and (b) one scored item's "
    "worth, 1/n (n = gold events for F1, scored pairs for a field accuracy, records for a sentence "
    "class), so a perfect score with zero spread still tolerates one slip; plus the largest "
    "difference between {repeats} runs of the coder on the same records (0 when it is "
    "deterministic); rounded up to 0.005. floor = the value measured, rounded down to 0.001. "
    "The gate fails below floor - noise.")


def sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bootstrap_sd(gold: list[dict], preds: dict, metrics: list[str], resamples: int, seed: int
                 ) -> dict[str, float]:
    """Standard deviation of each metric over bootstrap resamples of the gold records."""
    rng = random.Random(seed)
    values: dict[str, list[float]] = {m: [] for m in metrics}
    for _ in range(resamples):
        sample, sample_preds = [], {}
        for k in range(len(gold)):
            rec = gold[rng.randrange(len(gold))]
            rid = f"{rec['id']}#{k}"  # a record drawn twice counts twice, under distinct ids
            sample.append({**rec, "id": rid})
            sample_preds[rid] = preds.get(rec["id"], [])
        report = score(sample, sample_preds)
        for m in metrics:
            v = report.metric(m)
            if v is not None:
                values[m].append(v)
    return {m: statistics.pstdev(v) if len(v) > 1 else 0.0 for m, v in values.items()}


def scored_items(report, metric: str) -> int:
    """How many items a metric is computed over: one of them flipping is the smallest change."""
    if metric.startswith("fields."):
        return report.fields[metric.split(".")[1]].total
    if metric.startswith("sentence_quad"):
        return report.sentence_quad.total
    return report.counts["gold_events"]


def measure(files: list[Path], metrics: list[str], options: Options, resamples: int, repeats: int, seed: int
            ) -> dict:
    """Floors, noise and context for one set: the whole set, and its frozen tune and holdout parts."""
    every = load_gold_files(files)
    all_runs, seconds = [], 0.0
    for _ in range(max(1, repeats)):
        t0 = time.perf_counter()
        all_runs.append(code_gold(every, options))
        seconds = time.perf_counter() - t0
    parts = {}
    for split in ("all", *SPLITS):
        gold = select_split(every, split)
        runs = [(preds, score(gold, preds)) for preds in all_runs]
        parts[split] = {"records": len(gold), **_floors(gold, runs, metrics, resamples, seed)}
    return {"files": [str(f.name) for f in files], "sha256": files_sha256(files), "records": len(every),
            "coding_seconds": round(seconds, 1), "splits": parts}


def _floors(gold: list[dict], runs: list, metrics: list[str], resamples: int, seed: int) -> dict:
    """Floor and noise of each metric on one part, from its coder runs."""
    preds, report = runs[0]
    sd = bootstrap_sd(gold, preds, metrics, resamples, seed)
    out = {}
    for m in metrics:
        vals = [r.metric(m) or 0.0 for _, r in runs]
        value = report.metric(m) or 0.0
        spread = max(vals) - min(vals)
        n = scored_items(report, m)
        one_item = 1 / n if n else 0.0
        # The small epsilon keeps float error from pushing an exact multiple up one step.
        noise = math.ceil((max(sd[m], one_item) + spread) / 0.005 - 1e-9) * 0.005
        out[m] = {"floor": math.floor(value * 1000 + 1e-9) / 1000, "noise": round(noise, 3),
                  "measured": round(value, 4), "bootstrap_sd": round(sd[m], 4),
                  "one_item": round(one_item, 4), "run_to_run": round(spread, 4), "scored_items": n}
    return {"gold_events": report.counts["gold_events"], "metrics": out}


def main(argv: list[str] | None = None) -> int:
    """Measure every dev set present and rewrite the floors file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (has eval/)")
    ap.add_argument("--coder", default=Options().coder, help="registered coder name")
    ap.add_argument("--resamples", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=2, help="coder runs per set, to see run-to-run noise")
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--out", type=Path, default=FLOORS)
    ap.add_argument("--only", nargs="*", default=None, help="dev set names to re-measure (others kept)")
    args = ap.parse_args(argv)

    options = Options(coder=args.coder, progress=False)
    old = json.loads(args.out.read_text()) if args.out.exists() else {}
    sets = dict(old.get("sets", {}))
    for name, metrics in HEADLINES.items():
        if args.only is not None and name not in args.only:
            continue
        files = set_files(SOURCES[name], args.shared)
        if not files:
            print(f"{name}: {SOURCES[name]} not found, kept as it was", file=sys.stderr)
            continue
        sets[name] = {"source": SOURCES[name],
                      **measure(files, metrics, options, args.resamples, args.repeats, args.seed),
                      "coder": args.coder, "measured_on": dt.date.today().isoformat()}
        for split, part in sets[name]["splits"].items():
            for m, f in part["metrics"].items():
                print(f"{name:16s} {split:8s} {m:28s} measured {f['measured']:.4f}  floor {f['floor']:.3f}  "
                      f"noise {f['noise']:.3f}  (bootstrap sd {f['bootstrap_sd']:.4f}, 1/n {f['one_item']:.4f}, "
                      f"run-to-run {f['run_to_run']:.4f})")
    doc = {
        "about": "Eval-gate floors per set (the dev sets of ../shared/eval and the team's annotated corpus in "
                 "training/), for the whole set and its frozen tune (70%) and holdout (30%) parts by id hash, "
                 "written by benchmarks/update_floors.py; tests/test_eval_gate.py fails when a metric drops "
                 "below floor - noise and skips when the files' sha256 differs from the one recorded here.",
        "noise_method": NOISE_METHOD.format(resamples=args.resamples, seed=args.seed, repeats=args.repeats),
        "sets": dict(sorted(sets.items())),
    }
    args.out.write_text(json.dumps(doc, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
