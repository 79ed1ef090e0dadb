"""De-duplication on ../shared/corpora/bbc_news_2005.jsonl: exact and near duplicates, and time.

    .venv/bin/python benchmarks/dedup_bbc.py [--calibrate] [--corpus PATH]

Ingests the corpus with coding off into a temporary DuckDB store through the normal pipeline (so
the near-duplicate hook runs batch by batch against the stored signatures) and prints the counts
and timings as JSON. `--calibrate` also measures where the near-duplicate threshold comes from:
the Jaccard of 4-word shingles between distinct stories (pairs above 0.2) and between stories and
lightly edited copies of them (byline and footer added, last paragraph cut, words changed, lead
rewritten), made on the fly; nothing from the corpus is written anywhere.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc_news_2005.jsonl"


def run_ingest(corpus: Path) -> dict:
    """Ingest the corpus with --no-code into a temporary store; counts and seconds."""
    from realpolitik.options import Options
    from realpolitik.pipeline import ingest
    from realpolitik.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = open_store(str(Path(tmp) / "bbc.duckdb"))
        t1 = time.perf_counter()
        report = ingest([str(corpus)], store, Options(code=False, progress=False))
        t2 = time.perf_counter()
        stats = store.stats()
        groups = store.query("SELECT COUNT(DISTINCT canonical_id) AS n FROM articles WHERE canonical_id IS NOT NULL")
        sims = [r["similarity"] for r in store.query("SELECT similarity FROM articles WHERE similarity IS NOT NULL")]
        store.close()
    return {"records": report.read, "articles": stats["articles"], "duplicates": stats["duplicates"],
            "near_duplicates": stats["near_duplicates"], "near_duplicate_groups": groups[0]["n"],
            "near_duplicate_similarity_min": min(sims) if sims else None,
            "errors": len(report.errors), "open_seconds": round(t1 - t0, 2), "ingest_seconds": round(t2 - t1, 2),
            "articles_per_second": round(report.read / (t2 - t1), 1)}


def _edit(text: str, rnd: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    kind = rnd.choice(["byline", "drop_last", "words", "lead", "all"])
    if kind in ("byline", "all"):
        paras = ["By a staff reporter, wire service"] + paras + ["Copyright the wire service. All rights reserved."]
    if kind in ("drop_last", "all") and len(paras) > 3:
        paras = paras[:-1]
    words = " \n".join(paras).split(" ")
    if kind in ("words", "all"):
        for _ in range(max(1, len(words) // 25)):
            words[rnd.randrange(len(words))] = rnd.choice(["said", "stated", "the", "officials", "on Monday"])
    out = " ".join(words)
    if kind == "lead":
        out = re.sub(r"^[^.]*\.", "A rewritten opening sentence about the same story.", out, count=1)
    return out


def calibrate(corpus: Path, trials: int = 300) -> dict:
    """Shingle Jaccard of distinct pairs vs edited copies, the evidence for DUPLICATE_JACCARD."""
    from realpolitik.corroborate.neardup import jaccard, shingles
    from realpolitik.model import normalise_text

    texts, seen = [], set()
    for line in corpus.open(encoding="utf-8"):
        t = json.loads(line)["text"]
        if normalise_text(t) not in seen:
            seen.add(normalise_text(t))
            texts.append(t)
    sets = [shingles(t) for t in texts]
    index = defaultdict(set)
    for i, s in enumerate(sets):
        for g in s:
            index[g].add(i)
    pairs = []
    for i, s in enumerate(sets):
        shared = defaultdict(int)
        for g in s:
            if len(index[g]) < 50:  # very common shingles say nothing about copying
                for j in index[g]:
                    if j > i:
                        shared[j] += 1
        pairs += [jaccard(s, sets[j]) for j in shared]
    rnd = random.Random(7)
    copies = sorted(jaccard(sets[i], shingles(_edit(texts[i], rnd))) for i in rnd.sample(range(len(texts)), trials))
    pct = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]  # noqa: E731
    bins = [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9]
    return {"distinct_texts": len(texts),
            "distinct_pairs_at_or_above": {str(b): sum(1 for p in pairs if p >= b) for b in bins},
            "edited_copy_jaccard_percentiles": {f"p{int(q * 100)}": round(pct(copies, q), 3)
                                               for q in (0.0, 0.01, 0.05, 0.1, 0.5)}}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--calibrate", action="store_true", help="Also measure the threshold's evidence.")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"{args.corpus}: not found (../shared is needed for this benchmark)", file=sys.stderr)
        return 2
    out = {"corpus": args.corpus.name, "ingest": run_ingest(args.corpus)}
    if args.calibrate:
        out["calibration"] = calibrate(args.corpus)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
