"""Dask engine scaling: ingest the same articles with the local engine and with 1 and 2 Dask workers.

    .venv/bin/python benchmarks/dask_workers.py [--limit 200] [--workers 1,2] [--corpus FILE]

Each run ingests into a fresh DuckDB file and must report the same counts (checked). Worker
start-up and model loading happen before the clock starts (every worker builds the coder
first), so the times compare coding + committing only. Not a test: run it by hand.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc_news_2005.jsonl"


def main(argv: list[str] | None = None) -> list[dict]:
    """Time local vs Dask ingests and print articles/second for each."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", default="1,2", help="Comma-separated Dask worker counts.")
    ap.add_argument("--coder", default="rules.v1")
    ap.add_argument("--no-local", action="store_true", help="Skip the local-engine baseline.")
    args = ap.parse_args(argv)

    from realpolitik.engines.dask import coder_factory, coder_key_on_worker, dask_client, ingest_dask
    from realpolitik.options import Options
    from realpolitik.model import Article
    from realpolitik.pipeline import code_articles, get_coder, ingest
    from realpolitik.store import open_store

    opts = Options(coder=args.coder)
    tmp = Path(tempfile.mkdtemp(prefix="rp-dask-bench-"))
    src = tmp / "input.jsonl"
    with open(args.corpus, encoding="utf-8") as f, src.open("w", encoding="utf-8") as out:
        for n, line in enumerate(f):
            if n >= args.limit:
                break
            out.write(line)
    words = sum(len(json.loads(ln)["text"].split()) for ln in src.read_text(encoding="utf-8").splitlines())
    results = []

    def record(name: str, seconds: float, report) -> None:
        r = {"engine": name, "seconds": round(seconds, 2), "articles_per_second": round(report.read / seconds, 2),
             "words_per_second": round(words / seconds), **{k: v for k, v in report.as_dict().items() if k != "errors"}}
        results.append(r)
        print(f"{name:>16}: {seconds:7.1f} s  {r['articles_per_second']:6.2f} articles/s  "
              f"{r['words_per_second']:7,} words/s  ({report.new_articles} articles, {report.new_events} events)",
              flush=True)

    print(f"{args.limit} articles, {words} words; coder {args.coder}", flush=True)
    if not args.no_local:
        get_coder(opts)
        list(code_articles([Article.from_text("Warm-up: Chile and Peru met in Lima.")], opts))  # lazy loads
        with open_store(str(tmp / "local.duckdb")) as s:
            t = time.perf_counter()
            rep = ingest([str(src)], s, opts)
            record("local", time.perf_counter() - t, rep)
    for n in (int(x) for x in args.workers.split(",")):
        with dask_client(workers=n) as client:
            client.run(coder_key_on_worker, coder_factory(opts), opts)  # every worker loads the coder now
            with open_store(str(tmp / f"dask{n}.duckdb")) as s:
                t = time.perf_counter()
                rep = ingest_dask([str(src)], s, opts, client=client)
                record(f"dask {n} worker{'s' if n > 1 else ''}", time.perf_counter() - t, rep)
    counts = {(r["new_articles"], r["new_events"], r["duplicates"]) for r in results}
    print("same counts in every run" if len(counts) == 1 else f"COUNTS DIFFER: {counts}")
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
