"""Dyad+type precision, recall and F1 of a coder per sentence style of the team corpus (figures only).

    .venv/bin/python benchmarks/style_figures.py [--coder rules.v1] [--split tune|holdout] [--json]

Styles are the `style` field of training/team records (headline, dateline, bullets, reported_speech,
nominal, multilateral ...). Holdout records are coded and scored, never printed: only counts.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realpolitik.evaluate import code_gold, score, select_split  # noqa: E402
from realpolitik.options import Options  # noqa: E402


def by_style(coder: str, split: str) -> dict[str, dict]:
    """Style -> records, gold events, precision, recall and F1 of `coder` on that part of the team corpus."""
    from train_scorer import team_records

    recs = select_split(team_records([ROOT])[0], split)
    preds = code_gold(recs, Options(coder=coder, progress=False))
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in recs:
        groups[str(r.get("style") or "-")].append(r)
    groups["ALL"] = recs
    out = {}
    for style, rs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        d = score(rs, {r["id"]: preds.get(r["id"], []) for r in rs}).dyad_type
        out[style] = {"records": len(rs), "gold": sum(len(r["events"]) for r in rs),
                      "precision": _r(d.precision), "recall": _r(d.recall), "f1": _r(d.f1)}
    return out


def _r(x):
    return None if x is None else round(x, 3)


def main(argv=None) -> int:
    """Measure and print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--coder", default="rules.v1")
    ap.add_argument("--split", default="tune", choices=("tune", "holdout"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    res = by_style(a.coder, a.split)
    if a.json:
        print(json.dumps(res, indent=1))
        return 0
    print("style".ljust(22) + "records".rjust(8) + "gold".rjust(6) + "P".rjust(7) + "R".rjust(7) + "F1".rjust(7))
    for style, f in res.items():
        print(style.ljust(22) + str(f["records"]).rjust(8) + str(f["gold"]).rjust(6)
              + "".join(str(f[k]).rjust(7) for k in ("precision", "recall", "f1")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
