"""Helpers every command module shares: opening the store, building Options."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from realpolitik.errors import RealpolitikError
from realpolitik.options import Options

# Seconds a writer waits for DuckDB's file lock: `stats`/`events` readers and an idle dashboard let
# go within a few seconds, so an ingest started meanwhile gets in instead of failing.
LOCK_WAIT = 30.0


class CliError(click.ClickException):
    """An error as the CLI shows it: one `error: ...` line and an exit code (a RealpolitikError's is its class's)."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it on the class; per error here

    def show(self, file: Any = None) -> None:
        """Print the one error line on stderr."""
        click.echo(f"error: {self.format_message()}", err=True)


class Group(click.Group):
    """The command group: the one place where library errors (RealpolitikError) become CLI errors."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a RealpolitikError ends it with its `error:` line and exit code."""
        try:
            return super().invoke(ctx)
        except RealpolitikError as exc:
            raise CliError(str(exc), exc.exit_code) from exc
        except click.UsageError:
            raise  # click's own: the usage line, then the problem
        except click.ClickException as exc:
            if type(exc) is not click.ClickException:
                raise
            raise CliError(exc.format_message(), exc.exit_code) from exc  # a command's own, in the same form


def cli_store(db: str, read_only: bool = False, wait: float = 0.0):
    """The store at `db` for a command; a write lock held by another process is waited for up to `wait` s."""
    import time

    from realpolitik.store import StoreError, open_store

    deadline = time.monotonic() + wait
    while True:
        try:
            return open_store(db, read_only=read_only)
        except StoreError as exc:
            if "another process" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.25)


def progress_enabled(flag: bool | None) -> bool:
    """The --progress/--no-progress flag, or by default whether stderr is a terminal."""
    return sys.stderr.isatty() if flag is None else flag


def build_options(settings: dict[str, Any] | None = None, assignments: tuple[str, ...] = (), **kw: Any) -> Options:
    """Options from the given fields, then `settings` (by name, typed values) and `--set NAME=VALUE` strings."""
    from realpolitik.settings import parse_assignments

    opts = Options(**{k: v for k, v in kw.items() if v is not None})
    opts = opts.with_settings({k: v for k, v in (settings or {}).items() if v is not None})
    return opts.with_settings(parse_assignments(assignments), from_text=True)


def settings_option(fn):
    """The `--set NAME=VALUE` option (repeatable) of commands that build Options; names in docs/settings.md."""
    return click.option("--set", "assignments", multiple=True, metavar="NAME=VALUE",
                        help="Change a setting, e.g. coding.fastpath=false (repeatable; see docs/settings.md).")(fn)


def db_exists(db: str) -> bool:
    """Whether `db` names an existing DuckDB file (a PostgreSQL URL never does)."""
    return not db.startswith(("postgresql://", "postgres://")) and Path(db).is_file()


def read_store(db: str):
    """The store for a read-only command; an error (not a new empty store) when the file does not exist."""
    if not db_exists(db) and not db.startswith(("postgresql://", "postgres://")):
        raise CliError(f"{db}: no such database (create it with `realpolitik ingest PATH --db {db}`)")
    return cli_store(db, read_only=True)


def check_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--type checked against the PLOVER ontology."""
    from realpolitik import ontology

    if value is None:
        return None
    if value.upper() not in ontology.types():
        raise click.BadParameter(f"{value!r} is not a PLOVER event type; expected one of "
                                 f"{', '.join(ontology.types())} (see `realpolitik ontology`)")
    return value.upper()


def iso_date(value: str | None, hint: str) -> str | None:
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
