"""Shared fixtures: a temporary DuckDB file, hand-written input files, the shared/ folder, the parser and the
rules coder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    """A path for a fresh DuckDB file."""
    return str(tmp_path / "test.duckdb")


@pytest.fixture
def store(db_path: str):
    """A real DuckDB store in a temporary file."""
    from realpolitik.store import open_store

    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline (loaded once per test session)."""
    from realpolitik.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def rules_coder():
    """A rules.v1 coder with default options."""
    from realpolitik.coding import RulesCoder

    return RulesCoder()


@pytest.fixture
def shared_eval() -> Path:
    """../shared/eval, or a skip saying it is absent."""
    p = SHARED / "eval"
    if not p.is_dir():
        pytest.skip(f"{p} is absent: gold sets are not available here")
    return p


@pytest.fixture
def pg_url() -> str:
    """The PostgreSQL server started by scripts/services.sh, or a skip."""
    url = os.environ.get("REALPOLITIK_TEST_PG")
    if not url:
        pytest.skip("REALPOLITIK_TEST_PG is not set: no PostgreSQL server (run `make test`, which starts one)")
    return url


@pytest.fixture
def pg_db(pg_url: str):
    """The URL of a fresh, empty PostgreSQL database on the test server, dropped afterwards."""
    import uuid

    import psycopg

    name = f"rp_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    base, _, query = pg_url.partition("?")
    yield base.rsplit("/", 1)[0] + "/" + name + (f"?{query}" if query else "")
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
