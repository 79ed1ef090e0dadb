"""Concurrent writers on one PostgreSQL database: several real `ingest` processes, and concurrent
POST /api/ingest against a real uvicorn on 127.0.0.1. Nothing crashes, nothing is lost or doubled."""
from __future__ import annotations

import json
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from reliability_fixtures import ROOT, article_text, cli_cmd, snapshot
from webserver import make_server

pytestmark = pytest.mark.postgres


def _corpus(path: Path, ids: list[int]) -> Path:
    """Generated articles plus, for every third one, a lightly edited copy (a near duplicate)."""
    with path.open("w", encoding="utf-8") as fh:
        for i in ids:
            date = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
            fh.write(json.dumps({"id": f"r{i}", "text": article_text(i), "date": date}) + "\n")
            if i % 3 == 0:
                # A day later, so the original is the canonical one whichever process stores it first.
                fh.write(json.dumps({"id": f"c{i}", "text": article_text(i) + " Copied by a wire service.",
                                     "date": date[:-2] + f"{2 + i % 28:02d}"}) + "\n")
    return path


def _state(url: str) -> dict[str, object]:
    return snapshot(url, {
        "articles": "SELECT id, canonical_id FROM articles",
        "signed": "SELECT article_id FROM article_minhash",
        "runs": "SELECT article_id, coder, n_events FROM coding_runs",
        "events": "SELECT id, article_id, type FROM events",
        "unclustered": "SELECT id FROM events WHERE cluster_id IS NULL",
        "mentions": "SELECT SUM(n_mentions) FROM event_clusters",
    })


def test_four_ingest_processes_at_once_all_succeed_and_match_one_sequential_run(pg_db, tmp_path: Path):
    from realpolitik.store import open_store

    # Four overlapping slices of one corpus, each read in its own order, small batches: the writers
    # meet on the same articles, the same MinHash rows and the same clusters many times.
    slices = [list(range(0, 90)), list(range(30, 120)), list(range(119, 29, -1)), list(range(60, 120)) + list(range(0, 60))]
    files = [_corpus(tmp_path / f"part{k}.jsonl", ids) for k, ids in enumerate(slices)]
    open_store(pg_db).close()  # migrate once, so every writer starts on a ready schema
    procs = [subprocess.Popen(cli_cmd("ingest", str(f), "--db", pg_db, "--batch-size", "6", "--no-progress"),
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outs = [p.communicate(timeout=900) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [o[1][-3000:] for o in outs]
    assert not any("Traceback" in o[1] for o in outs)
    got = _state(pg_db)

    # The same articles, once, in one process: the reference.
    from realpolitik.options import Options
    from realpolitik.pipeline import ingest

    ref = tmp_path / "ref.duckdb"
    with open_store(str(ref)) as s:
        ingest([str(_corpus(tmp_path / "all.jsonl", list(range(120))))], s, Options(progress=False))
    want = _state(str(ref))
    n_articles = 120 + 40
    assert len(got["articles"]) == n_articles and got["articles"] == want["articles"]
    assert got["signed"] == [(a,) for a, _ in got["articles"]]  # every article signed exactly once
    assert got["runs"] == want["runs"] and got["events"] == want["events"]
    assert got["unclustered"] == [] and got["mentions"] == [(len(got["events"]),)]
    # The near-duplicate links (canonical_id) are the sequential run's: every c{i} copy is linked.
    assert {a for a, canon in got["articles"] if canon} >= {a for a, canon in want["articles"] if canon}


def test_forty_concurrent_api_ingests_on_postgres_all_answer_and_all_are_stored(pg_db):
    from realpolitik.store import open_store
    from realpolitik.store.tokens import create_token

    with open_store(pg_db) as store:
        writer = create_token(store, "writer")
    # Short texts code fast, so the 40 requests reach the store at nearly the same moment.
    texts = [f"Chile and Peru agreed on fishing quotas in Lima, report {i} said." for i in range(40)]
    # Every fourth request repeats an article another request sends too (the same id from two requests).
    bodies = [{"text": texts[i if i % 4 else (i + 1) % 40], "date": "2025-05-01"} for i in range(40)]
    with make_server(pg_db) as srv:
        def post(body: dict) -> httpx.Response:
            return httpx.post(srv.url + "/api/ingest", json=body, headers={"Authorization": f"Bearer {writer}"},
                              timeout=600)

        with ThreadPoolExecutor(max_workers=40) as pool:
            answers = list(pool.map(post, bodies))
    assert sorted({r.status_code for r in answers}) in ([200, 201], [201]), [r.text[:300] for r in answers]
    distinct = {b["text"] for b in bodies}
    st = _state(pg_db)
    assert len(st["articles"]) == len(distinct)
    assert len(st["signed"]) == len(distinct) and st["unclustered"] == []
    assert sum(r.json()["new_articles"] for r in answers) == len(distinct)
