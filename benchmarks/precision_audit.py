"""Precision on real news, judged blind: sample coded events from a corpus slice, judge them, score them.

    .venv/bin/python benchmarks/precision_audit.py sample --start 1300 --stop 1500 --n 80 --out SHEET.jsonl
    .venv/bin/python benchmarks/precision_audit.py show SHEET.jsonl          # the sentences, for the judge
    .venv/bin/python benchmarks/precision_audit.py score SHEET.jsonl [--json]

`sample` codes the articles [start, stop) of ../shared/corpora/bbc_news_2005.jsonl with the default
coder (or --coder) and draws, with a fixed seed, up to N events with both actors resolved and N with
one missing. The sheet stores only article ids, character offsets and the coded fields, never the
text (the corpus is copyrighted): `show` prints each event's sentence from ../shared for the judge, who
fills `verdict` ("correct": the text reports this event between these actors with this type, by the
PLOVER manual; "wrong" otherwise) and may add `note`. `score` gives precision per group.
The slice must be one the coder was never tuned on: since stop 33 the holdout part of articles 1300 and
later (`--split holdout`; the tune part trains benchmarks/train_keep.py). `--set NAME=VALUE` codes with a
setting changed (`--set coding.keep_model=true`).
Not a test: the figures go in the README with the sheet they came from (benchmarks/audits/).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's package, not whichever one the venv has installed
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc_news_2005.jsonl"
FIELDS = ("source", "target", "type", "mode", "factuality", "confidence", "cameo")


def _corpus(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sample(args: argparse.Namespace) -> None:
    """Code a slice of the corpus and write a judging sheet of sampled events (offsets only)."""
    from realpolitik.model import Article
    from realpolitik.options import Options
    from realpolitik.pipeline import code_articles

    recs = _corpus(Path(args.corpus))[args.start:args.stop]
    if args.split:
        from realpolitik.evaluate import split_of

        recs = [r for r in recs if split_of(r["id"]) == args.split]
    opts = Options(progress=False) if args.coder is None else Options(coder=args.coder, progress=False)
    if args.set:
        opts = opts.with_settings(dict(a.split("=", 1) for a in args.set), from_text=True)
    arts = [Article.from_text(r["text"]) for r in recs]
    both, other = [], []
    for rec, events in zip(recs, code_articles(arts, opts)):
        for ev in events:
            d = ev.as_dict() if hasattr(ev, "as_dict") else dict(ev.__dict__)
            evidence = d.get("evidence") or {}
            row = {"doc": rec["id"], "start": evidence.get("start"), "end": evidence.get("end"),
                   "trigger": [(evidence.get("trigger") or {}).get(k) for k in ("start", "end")],
                   **{k: d.get(k) for k in FIELDS}, "verdict": None}
            (both if row["source"] and row["target"] else other).append(row)
    rng = random.Random(args.seed)
    picked = rng.sample(both, min(args.n, len(both))) + rng.sample(other, min(args.n, len(other)))
    with open(args.out, "w", encoding="utf-8") as f:
        for i, row in enumerate(picked):
            f.write(json.dumps({"n": i, "group": "both" if row["source"] and row["target"] else "other",
                                **row}) + "\n")
    print(f"{len(recs)} articles: {len(both)} events with both actors, {len(other)} others; "
          f"sheet of {len(picked)} written to {args.out}")


def show(args: argparse.Namespace) -> None:
    """Print each sheet row with its sentence (read from ../shared, never stored)."""
    texts = {r["id"]: r["text"] for r in _corpus(Path(args.corpus))}
    for line in open(args.sheet, encoding="utf-8"):
        row = json.loads(line)
        text = texts[row["doc"]]
        sent = text[row["start"]:row["end"]].replace("\n", " ")
        ts, te = row["trigger"]
        trig = text[ts:te] if ts is not None else "?"
        print(f"[{row['n']}] {row['source']} -> {row['target']} {row['type']} ({row['factuality']}, "
              f"trigger '{trig}', conf {row['confidence']})\n    {sent}\n")


def score(args: argparse.Namespace) -> None:
    """Precision per group of a judged sheet."""
    rows = [json.loads(line) for line in open(args.sheet, encoding="utf-8") if line.strip()]
    out = {}
    for group in ("both", "other", "all"):
        judged = [r for r in rows if (group == "all" or r["group"] == group) and r.get("verdict")]
        ok = sum(r["verdict"] == "correct" for r in judged)
        out[group] = {"judged": len(judged), "correct": ok,
                      "precision": round(ok / len(judged), 3) if judged else None}
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for g, v in out.items():
            print(f"{g:6s} {v['correct']}/{v['judged']} = {v['precision']}")


def main(argv: list[str] | None = None) -> None:
    """Command line of the audit."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--start", type=int, default=1300)
    s.add_argument("--stop", type=int, default=1500)
    s.add_argument("--n", type=int, default=80)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--coder", default=None)
    s.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="a coder setting, as `realpolitik code --set` (repeatable)")
    s.add_argument("--split", choices=("tune", "holdout"), default=None,
                   help="only the articles whose id hash falls in this part (train_keep.py trains on the tune part)")
    s.add_argument("--out", required=True)
    s.set_defaults(fn=sample)
    w = sub.add_parser("show")
    w.add_argument("sheet")
    w.set_defaults(fn=show)
    c = sub.add_parser("score")
    c.add_argument("sheet")
    c.add_argument("--json", action="store_true")
    c.set_defaults(fn=score)
    args = ap.parse_args(argv)
    args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
