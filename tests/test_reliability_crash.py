"""An ingest killed with SIGKILL halfway and run again ends with exactly the store of a clean run."""
from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from reliability_fixtures import ROOT, cli_cmd, run_cli, snapshot, write_corpus

N_ARTICLES = 160
BATCH = "8"  # small batches: many commits, so the kill lands between two of them


def _ingest_args(corpus: Path, db: str) -> list[str]:
    return ["ingest", str(corpus), "--db", db, "--batch-size", BATCH, "--no-progress"]


def _killed_run(corpus: Path, db: str, after: float) -> None:
    proc = subprocess.Popen(cli_cmd(*_ingest_args(corpus, db)), cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)


@pytest.mark.slow
def test_sigkill_halfway_then_rerun_equals_a_clean_run(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", N_ARTICLES)
    clean_db = str(tmp_path / "clean.duckdb")
    t0 = time.monotonic()
    r = run_cli(*_ingest_args(corpus, clean_db))
    clean_secs = time.monotonic() - t0
    assert r.returncode == 0, r.stderr
    clean = snapshot(clean_db)
    assert len(clean["articles"]) == N_ARTICLES and len(clean["events"]) > N_ARTICLES

    # Kill at a fraction of the clean run's time; try again (fresh store) if it landed before the
    # first commit or after the last, so the test always exercises a half-written store.
    crash_db = str(tmp_path / "crash.duckdb")
    partial = None
    for frac in (0.6, 0.8, 0.4, 0.9, 0.3):
        for f in tmp_path.glob("crash.duckdb*"):
            f.unlink()
        _killed_run(corpus, crash_db, after=clean_secs * frac)
        if Path(crash_db).exists():
            partial = snapshot(crash_db)
            if 0 < len(partial["articles"]) < N_ARTICLES:
                break
    else:
        pytest.skip("could not kill the ingest between two commits on this machine")
    # What was committed is whole: every stored article is coded, and its events are all there.
    n_done = len(partial["articles"])
    assert {a for a, *_ in partial["runs"]} == {a for a, *_ in partial["articles"]}, f"killed after {n_done}"
    clean_events = {e for e in clean["events"] if e[1] in {a for a, *_ in partial["articles"]}}
    assert set(partial["events"]) == clean_events, f"killed after {n_done}: events differ"

    r = run_cli(*_ingest_args(corpus, crash_db))
    assert r.returncode == 0, r.stderr
    assert f"{N_ARTICLES - n_done} new" in r.stdout, (n_done, r.stdout)
    after = snapshot(crash_db)
    for part in clean:
        assert after[part] == clean[part], f"killed after {n_done}: {part} differ from a clean run"


def test_rerun_of_a_finished_ingest_changes_nothing(tmp_path: Path):
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    db = str(tmp_path / "s.duckdb")
    assert run_cli(*_ingest_args(corpus, db)).returncode == 0
    first = snapshot(db)
    r = run_cli(*_ingest_args(corpus, db))
    assert r.returncode == 0 and "0 new" in r.stdout and "coded 0" in r.stdout
    assert snapshot(db) == first
