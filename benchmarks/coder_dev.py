"""Measure the rules coder on the dev gold sets (../shared/eval) without the CLI: P/R/F1 and errors.

Usage: python benchmarks/coder_dev.py [--show] [FILE...]   (prints dyad+type P/R/F1, sentence-quad macro-F1)
Env: CODER=hybrid.v1 picks another registered coder (default rules.v1); SRCLESS=1 turns on source-less
events, NOFUT=1 keeps future cooperation's own type, NOCLF=1 turns off the hybrid coder's classifier (A/B).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from realpolitik.evaluate import format_report, score
from realpolitik.model import Article

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def run(path: Path, show: bool) -> None:
    recs = [json.loads(l) for l in path.read_text().splitlines() if l.strip()]
    from realpolitik.options import Options
    import os
    import realpolitik.coding  # noqa: F401  (registers the coders)
    from realpolitik.registry import coders
    settings = {'coding.future_as_agree': not os.environ.get('NOFUT'), 'coding.classifier': not os.environ.get('NOCLF')}
    if os.environ.get('SRCLESS'):
        settings['coding.sourceless'] = True
    coder = coders.get(os.environ.get('CODER', 'rules.v1'))(Options().with_settings(settings))
    arts = [Article.from_text(r["text"], published=r.get("date")) for r in recs]
    t = time.time()
    preds = {r["id"]: [e.as_dict() for e in evs] for r, evs in zip(recs, coder.code_many(arts))}
    dt = time.time() - t
    rep = score(recs, preds)
    print(f"== {path.name}: {len(recs)} records in {dt:.1f}s")
    print(format_report(rep))
    if show:
        for r in recs:
            g = r.get("events")
            p = preds[r["id"]]
            def keys(evs):
                return sorted(tuple(str(x) for x in ((e.get("source") or "")[:3], (e.get("target") or "")[:3], e.get("type")))
                              for e in evs or [])
            gk, pk = keys(g), keys(p)
            if g is None:
                q = r.get("sentence_quad")
                pq = max(p, key=lambda e: e["confidence"])["quad"] if p else "statement"
                if q != pq:
                    print(f"  Q {q:>20} | {pq:<20} {r['text'][:150]}")
                continue
            from realpolitik.evaluate import match_events, type_agrees
            pairs = match_events(g or [], p)
            ok = sum(1 for gi, pi in pairs if type_agrees(g[gi], p[pi]))
            if ok != len(g or []) or ok != len(p):
                print(f"- {r['id']}: {r['text'][:200]}\n     gold {gk}\n     pred {pk}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    files = [Path(a) for a in args] or [EVAL / n for n in ("seedlike_dev.jsonl", "plover_manual_dev.jsonl", "pentaclass_dev.jsonl")]
    for f in files:
        run(f, "--show" in sys.argv)
