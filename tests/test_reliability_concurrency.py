"""Readers while a writer ingests into DuckDB: they work or say clearly why not; never a traceback."""
from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reliability_fixtures import ROOT, cli_cmd, run_cli, write_corpus

LOCK_MESSAGE = "open for writing in another process"


@contextlib.contextmanager
def _holding(db: str, read_only: bool = False, seconds: int = 60):
    """Another process holding the DuckDB file open (its write lock unless read_only), as a running ingest does."""
    proc = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({db!r}, read_only={read_only}); "
                               f"print('ok', flush=True); time.sleep({seconds})"], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ok"
        yield proc
    finally:
        proc.kill()
        proc.wait()


def _writer(corpus: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen(cli_cmd("ingest", str(corpus), "--db", db, "--batch-size", "4", "--no-progress"),
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_cli_readers_during_an_ingest_work_or_fail_clearly(tmp_path: Path):
    db = str(tmp_path / "s.duckdb")
    # A first ingest, so the store exists and has events to read.
    assert run_cli("ingest", str(write_corpus(tmp_path / "first.jsonl", 4)), "--db", db, "--no-progress").returncode == 0
    corpus = write_corpus(tmp_path / "more.jsonl", 40)
    writer = _writer(corpus, db)
    outcomes: list[tuple[str, int]] = []
    try:
        while writer.poll() is None and len(outcomes) < 12:
            for args in (("stats", "--db", db), ("events", "--db", db, "--limit", "3", "--format", "jsonl")):
                r = run_cli(*args, timeout=120)
                assert "Traceback" not in r.stderr, r.stderr
                if r.returncode == 0:
                    outcomes.append((args[0], 0))
                else:
                    assert LOCK_MESSAGE in r.stderr and r.stderr.count("\n") <= 2, r.stderr
                    outcomes.append((args[0], r.returncode))
    finally:
        out, err = writer.communicate(timeout=600)
    assert writer.returncode == 0, err
    assert outcomes, "no reader ran while the writer was running"
    # Once the writer is done, readers work again.
    r = run_cli("stats", "--db", db, "--json")
    assert r.returncode == 0 and '"articles": 40' in r.stdout  # the first 4 are among the 40


def test_store_open_while_locked_raises_store_error(tmp_path: Path):
    from realpolitik.store import StoreError, open_store

    db = str(tmp_path / "s.duckdb")
    open_store(db).close()
    with _holding(db):
        for read_only in (True, False):
            with pytest.raises(StoreError, match=LOCK_MESSAGE):
                open_store(db, read_only=read_only)
        r = run_cli("events", "--db", db)
        assert r.returncode == 1 and LOCK_MESSAGE in r.stderr and "Traceback" not in r.stderr
        t0 = time.monotonic()
        r = run_cli("ingest", str(write_corpus(tmp_path / "c.jsonl", 1)), "--db", db, "--no-progress", "--lock-wait", "2")
        assert r.returncode == 1 and LOCK_MESSAGE in r.stderr and "Traceback" not in r.stderr
        assert time.monotonic() - t0 >= 2  # it waited for the lock before giving up
    with open_store(db, read_only=True) as s:  # the lock is gone with its holder
        assert s.stats()["articles"] == 0


def test_web_reads_while_another_process_writes_get_a_clear_503(tmp_path: Path):
    from fastapi.testclient import TestClient

    from realpolitik.store import open_store
    from realpolitik.web.app import create_app

    db = str(tmp_path / "s.duckdb")
    open_store(db).close()
    with _holding(db):
        with TestClient(create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
            for path in ("/api/stats", "/api/events"):
                r = c.get(path)
                assert r.status_code == 503 and LOCK_MESSAGE in r.json()["error"], (path, r.status_code, r.text)


def test_ingest_waits_for_a_reader_to_let_go(tmp_path: Path):
    from realpolitik.store import open_store

    db = str(tmp_path / "s.duckdb")
    open_store(db).close()
    with _holding(db, read_only=True, seconds=3):
        r = run_cli("ingest", str(write_corpus(tmp_path / "c.jsonl", 2)), "--db", db, "--no-progress", "--no-code")
        assert r.returncode == 0 and "2 new" in r.stdout, r.stderr
