"""Helpers every command module shares: opening the store, building Options."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from realpolitik.options import Options


# Seconds a writer waits for DuckDB's file lock: `stats`/`events` readers and an idle dashboard let
# go within a few seconds, so an ingest started meanwhile gets in instead of failing.
LOCK_WAIT = 30.0


def _store(db: str, read_only: bool = False, wait: float = 0.0):
    import time

    from realpolitik.store import StoreError, open_store

    deadline = time.monotonic() + wait
    while True:
        try:
            return open_store(db, read_only=read_only)
        except StoreError as exc:
            if "another process" not in str(exc) or time.monotonic() >= deadline:
                raise click.ClickException(str(exc)) from exc
            time.sleep(0.25)


def _progress_enabled(flag: bool | None) -> bool:
    return sys.stderr.isatty() if flag is None else flag


def _options(**kw: Any) -> Options:
    return Options(**{k: v for k, v in kw.items() if v is not None})


def _exists(db: str) -> bool:
    return not db.startswith(("postgresql://", "postgres://")) and Path(db).is_file()
