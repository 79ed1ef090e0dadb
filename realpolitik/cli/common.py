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


class CliError(click.ClickException):
    """A command-line failure printed as one `error: WHERE: WHY` line (exit status 1)."""

    def show(self, file: Any = None) -> None:
        """Print the message the project's way."""
        click.echo(f"error: {self.format_message()}", err=True)


def _read_store(db: str):
    """The store for a read-only command; an error (not a new empty store) when the file does not exist."""
    if not _exists(db) and not db.startswith(("postgresql://", "postgres://")):
        raise CliError(f"{db}: no such database (create it with `realpolitik ingest PATH --db {db}`)")
    return _store(db, read_only=True)


def _check_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--type checked against the PLOVER ontology."""
    from realpolitik import ontology

    if value is None:
        return None
    if value.upper() not in ontology.types():
        raise click.BadParameter(f"{value!r} is not a PLOVER event type; expected one of "
                                 f"{', '.join(ontology.types())} (see `realpolitik ontology`)")
    return value.upper()


def _iso_date(value: str | None, hint: str) -> str | None:
    """A YYYY-MM-DD option value checked as a real calendar date."""
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint=hint) from exc


def _allow_hosts(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> list[str]:
    from realpolitik.ingest.web import check_allow_entry

    try:
        return [check_allow_entry(v) for v in value]
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


# Private addresses one by one, instead of --allow-private opening every local network at once.
allow_host_option = click.option(
    "--allow-host", "allow_hosts", multiple=True, metavar="HOST|HOST:PORT|CIDR", callback=_allow_hosts,
    help="Allow fetching from this private host or network only (repeatable), e.g. intranet.local or 10.2.0.0/16.")
