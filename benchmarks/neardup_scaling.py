"""Near-duplicate linking on N near-identical records: the case that used to be quadratic.

    .venv/bin/python benchmarks/neardup_scaling.py [--n 1000] [--batch 32] [--feed]

Generates N copies of one invented wire story, each with one word changed (so every pair is a
near duplicate: 4-word-shingle Jaccard about 0.9), ingests them with coding off into a temporary
DuckDB store through the normal pipeline (the near-duplicate hook runs batch by batch), and prints
the seconds, the near-duplicate links made and the exact Jaccard comparisons done, as JSON.
`--feed` puts the N records in one RSS file instead of JSONL (the 5,000-item-feed case of issue 16).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# An invented story (not from any corpus), long enough for shingles to tell copies apart.
STORY = ("The port authority of the coastal province announced on Tuesday that container traffic through "
         "its three terminals rose for the fourth month in a row, helped by new shipping routes to the "
         "north and by lower fees for vessels that call at night. Officials said the authority would hire "
         "two hundred more dock workers before the summer and would ask the regional government to speed "
         "up the dredging of the outer channel, which limits the size of ships that can enter the harbour. "
         "Shipping companies welcomed the plan but warned that rail links inland remain too slow.")
WORDS = STORY.split()


def record(i: int) -> str:
    """The i-th copy: one word (chosen by i) replaced by a marker unique to i."""
    w = list(WORDS)
    w[(i * 7) % len(w)] = f"variant{i}"
    return " ".join(w)


def write_input(path: Path, n: int, feed: bool) -> Path:
    """N copies as JSONL, or as one RSS file."""
    if feed:
        items = "".join(f"<item><guid>v{i}</guid><title>Port traffic {i}</title><description>{record(i)}</description>"
                        f"<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>" for i in range(n))
        path = path.with_suffix(".rss")
        path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>')
    else:
        path.write_text("".join(json.dumps({"id": f"v{i}", "text": record(i), "date": "2025-03-04"}) + "\n"
                                for i in range(n)))
    return path


def run(n: int, batch: int, feed: bool) -> dict:
    """Ingest N near-identical records with coding off; seconds, links and exact comparisons."""
    from realpolitik.corroborate import neardup
    from realpolitik.options import Options
    from realpolitik.pipeline import ingest
    from realpolitik.store import open_store

    calls = {"jaccard": 0}
    real = neardup.jaccard

    def counting(a, b):
        calls["jaccard"] += 1
        return real(a, b)

    neardup.jaccard = counting
    with tempfile.TemporaryDirectory() as tmp:
        src = write_input(Path(tmp) / "copies.jsonl", n, feed)
        with open_store(str(Path(tmp) / "s.duckdb")) as store:
            t0 = time.perf_counter()
            report = ingest([str(src)], store, Options(code=False, progress=False, batch_size=batch))
            secs = time.perf_counter() - t0
            linked = store.query("SELECT COUNT(*) AS n FROM articles WHERE canonical_id IS NOT NULL")[0]["n"]
            roots = store.query("SELECT COUNT(DISTINCT canonical_id) AS n FROM articles")[0]["n"]
    neardup.jaccard = real
    return {"records": n, "input": "rss" if feed else "jsonl", "batch_size": batch, "new_articles": report.new_articles,
            "seconds": round(secs, 2), "linked_as_copies": linked, "canonical_articles": roots,
            "exact_jaccard_checks": calls["jaccard"]}


def main() -> None:
    """Parse arguments, run, print JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--feed", action="store_true")
    a = ap.parse_args()
    print(json.dumps(run(a.n, a.batch, a.feed), indent=2))


if __name__ == "__main__":
    main()
