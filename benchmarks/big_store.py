"""Big stores: fill a store with millions of synthetic events and time the analytics-style queries.

    .venv/bin/python benchmarks/big_store.py [--rows 10000000] [--duckdb PATH] [--pg postgresql://...]
                                             [--skip-load] [--repeat 3]

Fills DuckDB (from pyarrow tables) and, when --pg is given, PostgreSQL (COPY) with the same
synthetic events: skewed actor popularity (a few states dominate, as in news), 26 years of
dates, the 16 PLOVER types with their quad class, CAMEO code and Goldstein score, support
channels and fronts, factuality and confidence. Then times plain SQL that mirrors what
realpolitik/analytics asks of the store: a dyad's monthly series (aggregated, and the row
fetch analytics does), a support profile (channels by front for one dyad), a country's events
(the region/country scope) and a one-year network aggregate. Not a test: run it by hand.
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHUNK = 1_000_000  # rows generated and loaded at a time: bounds memory at a few hundred MB
EVENTS_PER_ARTICLE = 4  # roughly what the coder finds in a politics article
COLS = ("id", "article_id", "sentence_index", "date", "source", "target", "type", "mode", "contexts", "cameo",
        "quad", "intensity", "goldstein", "factuality", "confidence", "channel", "fronts", "evidence_start",
        "evidence_end", "evidence_text", "unattributed", "coder", "coder_version")
SECTORS = ("", "", "", "GOV", "MIL", "BUS", "CVL", "MED", "REB")  # bare state codes are the most common
FACTUALITY = (("asserted", .62), ("reported", .2), ("planned", .08), ("hypothetical", .04), ("denied", .03),
              ("question", .03))
DAY0 = np.datetime64("2000-01-01")
N_DAYS = int((np.datetime64("2026-01-01") - DAY0).astype(int))

COOP = ("verbal_cooperation", "material_cooperation")
QUERIES = {
    # analytics.series: a dyad's monthly counts and intensity by quad class
    "dyad series (SQL aggregate)": (
        "SELECT date_trunc('month', date) AS period, quad, COUNT(*) AS n, SUM(intensity) AS intensity FROM events "
        "WHERE coder || '.v' || coder_version = ? AND source LIKE ? AND target LIKE ? GROUP BY 1, 2 ORDER BY 1, 2",
        ["rules.v1", "CHN%", "IRN%"]),
    # analytics.frame.load_events for a dyad: every row of the dyad, in date order
    "dyad rows (analytics fetch)": (
        "SELECT id, article_id, sentence_index, date, source, target, type, mode, quad, intensity, goldstein, "
        "factuality, confidence, channel, fronts, cluster_id FROM events "
        "WHERE coder || '.v' || coder_version = ? AND source LIKE ? AND target LIKE ? ORDER BY date, id",
        ["rules.v1", "CHN%", "IRN%"]),
    # analytics.profile: how a supporter backs a client, by channel and front, per year
    "support profile": (
        "SELECT SUBSTR(CAST(date AS VARCHAR), 1, 4) AS year, channel, fronts, COUNT(*) AS n, "
        "SUM(confidence) AS weight FROM events WHERE source LIKE ? AND target LIKE ? AND quad IN (?, ?) "
        "AND channel IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
        ["RUS%", "SYR%", *COOP]),
    # analytics.frame with a country scope: events with the country on either side in one year
    "country scope (one year)": (
        "SELECT COUNT(*) AS n, AVG(goldstein) AS g FROM events WHERE (SUBSTR(source, 1, 3) IN (?) "
        "OR SUBSTR(target, 1, 3) IN (?)) AND date BETWEEN ? AND ?",
        ["IRN", "IRN", "2024-01-01", "2024-12-31"]),
    # analytics.network: weighted edges between states over one year
    "network (one year)": (
        "SELECT SUBSTR(source, 1, 3) AS s, SUBSTR(target, 1, 3) AS t, COUNT(*) AS n, "
        "SUM(CASE WHEN quad IN (?, ?) THEN 1 ELSE -1 END) AS balance FROM events "
        "WHERE date BETWEEN ? AND ? AND source IS NOT NULL AND target IS NOT NULL GROUP BY 1, 2 "
        "HAVING COUNT(*) >= 5 ORDER BY n DESC",
        [*COOP, "2024-01-01", "2024-12-31"]),
    # a small dyad over a short window: what a dashboard tile asks
    "dyad, one quarter": (
        "SELECT type, COUNT(*) AS n FROM events WHERE source LIKE ? AND target LIKE ? AND date BETWEEN ? AND ? "
        "GROUP BY type ORDER BY n DESC",
        ["PRK%", "RUS%", "2025-01-01", "2025-03-31"]),
}


def _countries() -> list[str]:
    rows = (ROOT / "realpolitik/actors/data/countries.tsv").read_text(encoding="utf-8").splitlines()
    codes = [r.split("\t")[0] for r in rows if r and not r.startswith(("#", "iso3"))]
    # The states news is mostly about first, so the Zipf ranks put them on top.
    lead = ["USA", "CHN", "RUS", "IRN", "UKR", "ISR", "GBR", "FRA", "DEU", "IND", "PRK", "SYR", "TUR", "SAU",
            "JPN", "KOR", "PAK", "AFG", "IRQ", "PSE"]
    return lead + [c for c in codes if c not in lead]


def _types():
    from realpolitik import ontology

    types = ontology.types()
    cross = ontology.cameo_crosswalk()
    by_type: dict[str, str] = {}
    for code, row in sorted(cross.items()):
        by_type.setdefault(row.type, code)
    chans = ontology.channels()
    return types, by_type, chans


def generate(n_rows: int, seed: int = 7):
    """Yield pyarrow tables of synthetic events (CHUNK rows each) and of their articles."""
    from realpolitik import ontology

    rng = np.random.default_rng(seed)
    countries = np.array(_countries())
    p = 1.0 / np.arange(1, len(countries) + 1) ** 1.1  # Zipf-like: a few states in most stories
    p /= p.sum()
    types, cameo_of, chans = _types()
    tnames = np.array(sorted(types))
    tq = np.array([types[t].quad for t in tnames])
    tcameo = np.array([cameo_of.get(t) for t in tnames], dtype=object)
    tgold = np.array([ontology.goldstein(cameo_of.get(t)) or 0.0 for t in tnames])
    tint = np.array([ontology.intensity(t) or 0.0 for t in tnames])
    chan_names = np.array(sorted(chans))
    chan_fronts = np.array([json.dumps(list(chans[c].fronts)) for c in chan_names])
    fact, fp = zip(*FACTUALITY)
    done = 0
    while done < n_rows:
        n = min(CHUNK, n_rows - done)
        idx = np.arange(done, done + n)
        si = rng.choice(len(countries), n, p=p)
        ti = rng.choice(len(countries), n, p=p)
        ti = np.where(ti == si, (ti + 1) % len(countries), ti)
        src = np.char.add(countries[si], np.array(SECTORS)[rng.integers(0, len(SECTORS), n)])
        tgt = np.char.add(countries[ti], np.array(SECTORS)[rng.integers(0, len(SECTORS), n)])
        k = rng.integers(0, len(tnames), n)
        quad = tq[k]
        coop = np.isin(quad, COOP)
        has_chan = coop & (rng.random(n) < 0.6)
        ci = rng.integers(0, len(chan_names), n)
        ids = [f"e{x:016x}" for x in idx]  # sequential: the PK index builds far faster than from hashes
        arts = [f"a{x:016x}" for x in (idx // EVENTS_PER_ARTICLE)]
        days = rng.integers(0, N_DAYS, n)
        dates = (DAY0 + days.astype("timedelta64[D]")).astype("datetime64[D]")
        ev = {
            "id": ids, "article_id": arts, "sentence_index": rng.integers(0, 30, n).astype(np.int32),
            "date": pa.array(dates, pa.date32()), "source": src, "target": tgt, "type": tnames[k],
            "mode": pa.nulls(n, pa.string()), "contexts": np.full(n, "[]"), "cameo": pa.array(tcameo[k], pa.string()),
            "quad": quad, "intensity": tint[k], "goldstein": tgold[k],
            "factuality": np.array(fact)[rng.choice(len(fact), n, p=fp)],
            "confidence": np.round(rng.uniform(0.3, 0.95, n), 3),
            "channel": pa.array(np.where(has_chan, chan_names[ci], None), pa.string()),
            "fronts": np.where(has_chan, chan_fronts[ci], "[]"),
            "evidence_start": np.zeros(n, np.int32), "evidence_end": np.full(n, 40, np.int32),
            "evidence_text": np.char.add("synthetic evidence for ", tnames[k]),
            "unattributed": np.zeros(n, bool), "coder": np.full(n, "rules"), "coder_version": np.full(n, "1"),
        }
        events = pa.table({c: pa.array(v) if not isinstance(v, pa.Array) else v for c, v in ev.items()})
        first = idx % EVENTS_PER_ARTICLE == 0
        na = int(first.sum())
        articles = pa.table({
            "id": pa.array([a for a, f in zip(arts, first) if f]),
            "title": pa.array(np.full(na, "synthetic article")), "published": pa.array(dates[first], pa.date32()),
            "language": pa.array(np.full(na, "en")), "text": pa.array(np.full(na, "synthetic article text")),
            "source": pa.array(np.full(na, "synthetic")),
        })
        yield events, articles
        done += n


def load_duckdb(path: str, n_rows: int) -> float:
    """Fill a DuckDB store; returns seconds."""
    from realpolitik.store import open_store

    t = time.perf_counter()
    with open_store(path) as s:
        s.con.execute("SET enable_progress_bar = false")
        # Secondary indexes are dropped for the load and rebuilt after: a bulk build beats 10M inserts.
        idx = s.con.execute("SELECT index_name, sql FROM duckdb_indexes() "
                            "WHERE table_name IN ('events', 'articles')").fetchall()
        for name, _ in idx:
            s.con.execute(f'DROP INDEX IF EXISTS "{name}"')
        for events, articles in generate(n_rows):
            s.con.register("ev_chunk", events)
            s.con.register("art_chunk", articles)
            s.con.execute(f"INSERT INTO events ({', '.join(COLS)}) SELECT {', '.join(COLS)} FROM ev_chunk")
            s.con.execute("INSERT INTO articles (id, title, published, language, text, source) "
                          "SELECT id, title, published, language, text, source FROM art_chunk ON CONFLICT DO NOTHING")
            s.con.unregister("ev_chunk")
            s.con.unregister("art_chunk")
            print(f"  duckdb: {s.con.execute('SELECT COUNT(*) FROM events').fetchone()[0]:,} events", flush=True)
        for _, sql in idx:
            s.con.execute(sql)
    return time.perf_counter() - t


def load_postgres(url: str, n_rows: int) -> float:
    """Fill a PostgreSQL store with COPY (secondary indexes dropped during the load, rebuilt after)."""
    import pyarrow.csv as pacsv

    from realpolitik.store import open_store

    t = time.perf_counter()
    with open_store(url) as s:
        con = s.con
        idx = [r["indexdef"] for r in s._fetch(
            "SELECT indexdef FROM pg_indexes WHERE tablename IN ('events', 'articles') AND indexname NOT LIKE '%pkey'")]
        for r in s._fetch("SELECT indexname FROM pg_indexes WHERE tablename IN ('events', 'articles') "
                          "AND indexname NOT LIKE '%pkey'"):
            con.execute(f'DROP INDEX IF EXISTS "{r["indexname"]}"')
        for events, articles in generate(n_rows):
            for table, tbl in (("events", events), ("articles", articles)):
                buf = io.BytesIO()
                pacsv.write_csv(tbl, buf, pacsv.WriteOptions(include_header=False))
                with con.cursor() as cur, cur.copy(
                        f"COPY {table} ({', '.join(tbl.column_names)}) FROM STDIN WITH (FORMAT csv)") as cp:
                    cp.write(buf.getvalue())
            print(f"  postgres: {con.execute('SELECT COUNT(*) AS n FROM events').fetchone()['n']:,} events", flush=True)
        for d in idx:
            con.execute(d.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
        con.execute("ANALYZE events")
        con.execute("ANALYZE articles")
    return time.perf_counter() - t


def time_queries(store, repeat: int) -> dict[str, dict]:
    """Median wall time of each query (after one warm-up run) and its row count."""
    out = {}
    for name, (sql, params) in QUERIES.items():
        rows = store.query(sql, params)
        ts = []
        for _ in range(repeat):
            t = time.perf_counter()
            rows = store.query(sql, params)
            ts.append(time.perf_counter() - t)
        out[name] = {"ms": round(statistics.median(ts) * 1000, 1), "rows": len(rows)}
        print(f"  {name:<30} {out[name]['ms']:>9.1f} ms  ({len(rows)} rows)", flush=True)
    return out


def main(argv: list[str] | None = None) -> dict:
    """Fill the stores (unless --skip-load) and time the queries on each."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--duckdb", default=None, help="DuckDB file (default: a new temporary file).")
    ap.add_argument("--pg", default=None, help="A PostgreSQL URL whose database is empty (or loaded, with --skip-load).")
    ap.add_argument("--skip-load", action="store_true", help="Query stores filled by an earlier run.")
    ap.add_argument("--no-duckdb", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from realpolitik.store import open_store

    results: dict = {"rows": args.rows}
    if not args.no_duckdb:
        path = args.duckdb or str(Path(tempfile.mkdtemp(prefix="rp-big-")) / "big.duckdb")
        if not args.skip_load:
            print(f"loading {args.rows:,} events into DuckDB {path}", flush=True)
            results["duckdb_load_s"] = round(load_duckdb(path, args.rows), 1)
            print(f"  loaded in {results['duckdb_load_s']} s ({Path(path).stat().st_size / 2**30:.2f} GiB)")
        with open_store(path) as s:  # read-write: applies any new index migration
            s.con.execute("SET enable_progress_bar = false")
            print("DuckDB queries:")
            results["duckdb"] = time_queries(s, args.repeat)
    if args.pg:
        if not args.skip_load:
            print(f"loading {args.rows:,} events into PostgreSQL", flush=True)
            results["pg_load_s"] = round(load_postgres(args.pg, args.rows), 1)
            print(f"  loaded in {results['pg_load_s']} s")
        with open_store(args.pg) as s:
            print("PostgreSQL queries:")
            results["postgres"] = time_queries(s, args.repeat)
    print(json.dumps(results))
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
