"""Train the article desk model (realpolitik/coding/desk.py) and print its held-out accuracy.

    .venv/bin/python benchmarks/train_desk.py [--ngec-weight W] [--dry-run]

Training data: BBC 2005 articles with index below 1300 (never 1300 and later: the precision audits'
range) whose id falls in the "tune" part of `realpolitik.evaluate.split_of`, with their `category`
as the desk, plus the synthetic NGEC stories of the "tune" part as political copy (their counts
scaled by --ngec-weight, since they outnumber the BBC's political articles twenty to one).
Held out: the "holdout" part of both (BBC < 1300 for accuracy per desk, NGEC for the share read
as politics). Not a test: the figures go in the desk module's docstring and the README.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from realpolitik.coding import desk  # noqa: E402
from realpolitik.evaluate import split_of  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
BBC_TRAIN_STOP = 1300  # articles from here on are the audits' and are never trained on


def _read(name: str) -> list[dict]:
    with open(CORPORA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> None:
    """Fit, report held-out accuracy, and write the model unless --dry-run."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ngec-weight", type=float, default=0.1)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    bbc = _read("bbc_news_2005.jsonl")[:BBC_TRAIN_STOP]
    ngec = _read("synthetic_events_weaklabels.jsonl")
    train = [(r["title"] + "\n" + r["text"], r["category"], 1.0) for r in bbc if split_of(r["id"]) == "tune"]
    train += [(r["text"], "politics", args.ngec_weight) for r in ngec if split_of(r["id"]) == "tune"]
    m = desk.fit(train)
    held = [r for r in bbc if split_of(r["id"]) == "holdout"]
    confusion: Counter = Counter()
    for r in held:
        s = m.scores(r["title"] + "\n" + r["text"])
        confusion[(r["category"], max(s, key=s.get))] += 1
    right = sum(n for (g, p), n in confusion.items() if g == p)
    print(f"BBC < {BBC_TRAIN_STOP} holdout: {right}/{len(held)} = {right / len(held):.3f} accuracy")
    for g in desk.DESKS:
        row = {p: confusion[(g, p)] for p in desk.DESKS if confusion[(g, p)]}
        print(f"  {g:13s} {row}")
    nh = [r for r in ngec if split_of(r["id"]) == "holdout" and len(r["text"].split()) >= desk.MIN_WORDS]
    pol = sum(1 for r in nh if max((s := m.scores(r["text"])), key=s.get) == "politics")
    print(f"NGEC holdout stories of >= {desk.MIN_WORDS} words read as politics: {pol}/{len(nh)}")
    if not args.dry_run:
        desk.save(m)
        print("->", desk.MODEL)


if __name__ == "__main__":
    sys.exit(main())
