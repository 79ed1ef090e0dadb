"""Compare coders on the tune and holdout parts of every set the project measures (figures only).

    .venv/bin/python benchmarks/compare_coders.py [--coder rules.v1 --coder rules.v2] [--team DIR] [--only SET]
        [--set NAME=VALUE] [--json]

Sets: ../shared/eval/plover_manual_dev, seedlike_dev (dyad+type F1), pentaclass_dev (sentence-quad
macro-F1), and the team corpus of this checkout and of each --team DIR (dyad+type F1): team
(training/team), corpus (training/corpus) and articles (training/articles). --only SET limits the sets,
--set NAME=VALUE changes a coder setting. Holdout records are coded and scored, never printed. Also the precision
of each confidence band over the holdout parts of the event sets pooled.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realpolitik.evaluate import code_gold, load_jsonl, score, select_split  # noqa: E402
from realpolitik.options import Options  # noqa: E402

SHARED = ROOT.parent / "shared"


def sets(shared: Path, team_roots: list[Path]) -> dict[str, list[dict]]:
    """Set name -> its records (all parts)."""
    from train_scorer import team_records

    out = {n: load_jsonl(shared / "eval" / f"{n}.jsonl") for n in ("plover_manual_dev", "seedlike_dev",
                                                                   "pentaclass_dev")}
    written, offsets = team_records(team_roots)
    out["team"] = written
    out["corpus"] = offsets
    out["articles"] = [r for root in team_roots for path in sorted((root / "training" / "articles").glob("*.jsonl"))
                       for r in load_jsonl(path) if r.get("events") is not None]
    return out


def measure(coder: str, data: dict[str, list[dict]], model: Path | None = None, settings: tuple = ()) -> dict:
    """Figures of one coder on every set and part (rules.v2 with another scorer model when `model` is given)."""
    if model:
        from realpolitik.coding import scorer

        scorer.MODEL = model  # the file rules.v2 instances built from here on read
    opts = Options(coder=coder, progress=False)
    if settings:
        from realpolitik.settings import parse_assignments

        opts = opts.with_settings(parse_assignments(settings), from_text=True)
    out: dict = {}
    pooled_gold, pooled_pred = [], {}
    for name, records in data.items():
        for part in ("tune", "holdout"):
            recs = select_split(records, part)
            if not recs:
                continue
            preds = code_gold(recs, opts)
            rep = score(recs, preds)
            key = "sentence_quad.macro_f1" if name == "pentaclass_dev" else "dyad_type.f1"
            value = rep.sentence_quad_macro_f1 if name == "pentaclass_dev" else rep.dyad_type.f1
            out[f"{name}.{part}"] = {"metric": key, "value": None if value is None else round(value, 3),
                                     "records": len(recs), "precision": _r(rep.dyad_type.precision),
                                     "recall": _r(rep.dyad_type.recall)}
            if part == "holdout" and name != "pentaclass_dev":
                pooled_gold += recs
                pooled_pred.update(preds)
    rep = score(pooled_gold, pooled_pred)
    out["holdout_bands"] = [{"band": b.label, "n": b.n, "precision": _r(b.precision)} for b in rep.reliability]
    return out


def _r(x):
    return None if x is None else round(x, 3)


def main(argv=None) -> int:
    """Measure and print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--coder", action="append", default=[])
    ap.add_argument("--team", type=Path, action="append", default=[])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--model", type=Path, help="the scorer model file rules.v2 uses (default: the shipped one)")
    ap.add_argument("--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                    help="a coder setting for every coder measured, e.g. coding.past_events=keep")
    ap.add_argument("--only", action="append", default=[], help="measure only these sets (repeatable)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    data = sets(a.shared, [ROOT] + a.team)
    if a.only:
        data = {k: v for k, v in data.items() if k in a.only}
    res = {c: measure(c, data, a.model if c.startswith("rules.v2") else None, tuple(a.settings))
           for c in (a.coder or ["rules.v1", "rules.v2"])}
    if a.json:
        print(json.dumps(res, indent=1))
        return 0
    coders = list(res)
    print("set.part".ljust(28) + "".join(c.rjust(22) for c in coders))
    for key in res[coders[0]]:
        if key == "holdout_bands":
            continue
        cells = [f"{res[c][key]['value']} (n={res[c][key]['records']})" for c in coders]
        print(f"{key} {res[coders[0]][key]['metric']}".ljust(28)[:48] + "".join(x.rjust(22) for x in cells))
    for c in coders:
        print(f"{c} holdout precision by confidence band: " +
              ", ".join(f"{b['band']} {b['precision']} (n={b['n']})" for b in res[c]["holdout_bands"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
