"""The `realpolitik` command: a thin shell over the library (every command calls one library function)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator

import click

from realpolitik.cli import analysis, live, server
from realpolitik.cli.common import (
    LOCK_WAIT,
    Group,
    allow_host_option,
    build_options,
    check_type,
    cli_store,
    iso_date,
    progress_enabled,
    read_store,
    settings_option,
)
from realpolitik.options import Options
from realpolitik.settings import help_for
from realpolitik.version import __version__


def _parse_fields(field_map: tuple[str, ...]) -> dict[str, str]:
    fields = dict(Options().fields)
    for item in field_map:
        if "=" not in item:
            raise click.BadParameter(f"{item!r}: expected LOGICAL=NAME, e.g. text=body", param_hint="--field")
        k, v = item.split("=", 1)
        if k not in fields:
            raise click.BadParameter(f"{k!r}: not one of {', '.join(fields)}", param_hint="--field")
        fields[k] = v
    return fields


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="realpolitik")
def main() -> None:
    """Turn news text into coded, evidence-linked PLOVER event data."""


@main.command()
def version() -> None:
    """Print the version of realpolitik, its coder and its store schema."""
    from realpolitik.store.migrations import MIGRATIONS

    click.echo(f"realpolitik {__version__} (default coder {Options().coder}, schema v{max(m[0] for m in MIGRATIONS)})")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="realpolitik.duckdb", show_default=True,
              help="Store: a DuckDB file or postgresql:// URL.")
@click.option("--no-code", is_flag=True, help="Store the articles without coding them.")
@click.option("--coder", default=None, help="Coder name, e.g. rules.v1.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=None,
              help="Articles per batch (and transaction).")
@click.option("--field", "field_map", multiple=True, metavar="LOGICAL=NAME",
              help="JSONL/CSV field names, e.g. --field text=body --field date=published_at.")
@click.option("--max-file-bytes", type=click.IntRange(1), default=None, help="Refuse larger files.")
@click.option("--max-text-chars", type=click.IntRange(1), default=None, help="Refuse longer article texts.")
@click.option("--max-sentences", type=click.IntRange(1), default=None,
              help="Code only this many sentences of an article (the whole text is stored).")
@click.option("--lock-wait", type=click.FloatRange(0), default=LOCK_WAIT, show_default=True,
              help="Seconds to wait for a DuckDB file another process has open.")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on loopback or private addresses.")
@allow_host_option
@click.option("--follow-symlinks", is_flag=True, help=help_for("fetching.follow_symlinks"))
@click.option("--date", "date", default=None, metavar="YYYY-MM-DD",
              help="Publication date for articles whose input gives none (before a dateline read from the text).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the ingest report as JSON.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Code in this process, or on Dask workers (the store is written from here either way).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler, e.g. tcp://host:8786 (default: a LocalCluster on this machine).")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Dask workers: LocalCluster size, or how many to wait for on --scheduler.")
@settings_option
def ingest(paths: tuple[str, ...], db: str, no_code: bool, coder: str | None, batch_size: int | None,
           field_map: tuple[str, ...], max_file_bytes: int | None, max_text_chars: int | None,
           max_sentences: int | None, lock_wait: float, allow_private: bool, allow_hosts: list[str],
           follow_symlinks: bool, date: str | None, progress: bool | None,
           as_json: bool, engine: str, scheduler: str | None, workers: int | None,
           assignments: tuple[str, ...]) -> None:
    """Ingest files, directories, '-' (stdin) or URLs into the store, and code them."""
    from realpolitik.ingest import IngestError
    from realpolitik.pipeline import ingest as run_ingest

    opts = build_options(code=not no_code, coder=coder, batch_size=batch_size, fields=_parse_fields(field_map),
                    max_file_bytes=max_file_bytes, max_text_chars=max_text_chars, max_sentences=max_sentences,
                    allow_private=allow_private, date=iso_date(date, "--date"),
                    settings={"fetching.allow_hosts": allow_hosts or None,
                              "fetching.follow_symlinks": follow_symlinks or None},
                    assignments=assignments)
    store = cli_store(db, wait=lock_wait)
    with store, _Progress(progress_enabled(progress), "ingesting") as bar:
        def on_item(item: Any) -> None:
            if isinstance(item, IngestError):
                click.echo(f"error: {item}", err=True)
            bar.advance()
        if engine == "dask":
            from realpolitik.engines.dask import ingest_dask

            report = ingest_dask(paths, store, opts, scheduler=scheduler, workers=workers, on_item=on_item)
        else:
            report = run_ingest(paths, store, opts, on_item=on_item)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(f"read {report.read} articles: {report.new_articles} new, {report.duplicates} duplicates, "
                   f"{report.already_stored} already stored; "
                   f"coded {report.coded}, {report.new_events} new events; {len(report.errors)} errors")
    if report.undated:
        click.echo(f"warning: {report.undated} new article(s) have no date (none in their metadata, nor a "
                   "dateline with its year, such as 'BEIJING, Nov 30, 2026 -'; a wire dateline without the year "
                   "cannot be dated): their events are stored undated, and dated views (report, series, profile, "
                   "network, shifts) leave them out; give --date YYYY-MM-DD", err=True)
    if report.stored_undated:
        click.echo(f"warning: {report.stored_undated} article(s) read with a date were already stored without one; a "
                   "stored article is not rewritten, so their events stay undated: ingest them into a new database "
                   "with --date", err=True)
    if report.errors:
        sys.exit(1)


@main.command("code")
@click.argument("infile", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--out", "outfile", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="Output JSONL (default: stdout).")
@click.option("--coder", default=None, help="Coder name, e.g. rules.v1.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=None)
@click.option("--progress/--no-progress", default=None)
@click.option("--fastpath/--no-fastpath", default=None, help=help_for("coding.fastpath"))
@settings_option
def code_cmd(infile: str, outfile: str, coder: str | None, batch_size: int | None, progress: bool | None,
             fastpath: bool | None, assignments: tuple[str, ...]) -> None:
    """Code JSONL records {id, text, date?} into {"id", "events": [...]} lines; plain text on stdin is one record."""
    from realpolitik.pipeline import code_records

    records = list(_read_records(infile))
    opts = build_options(coder=coder, batch_size=batch_size, settings={"coding.fastpath": fastpath},
                         assignments=assignments)
    out = sys.stdout if outfile == "-" else open(outfile, "w", encoding="utf-8")
    try:
        with _Progress(progress_enabled(progress) and outfile != "-", "coding", total=len(records)) as bar:
            for rec in code_records(records, opts):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                bar.advance()
    finally:
        if out is not sys.stdout:
            out.close()


def _read_records(infile: str) -> Iterator[dict[str, Any]]:
    stream = sys.stdin if infile == "-" else None
    try:
        text = stream.read() if stream else Path(infile).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{infile}: cannot read: {exc}") from exc
    from realpolitik.ingest.files import clean_text, parse_json_record

    if infile == "-" and text.strip() and not text.lstrip().startswith("{"):
        # plain text piped in ("echo 'Russia shelled Kharkiv.' | realpolitik code -"): one record of it all
        yield {"id": "stdin", "text": clean_text(text.strip())}
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        rec = parse_json_record(line)
        if isinstance(rec, str):
            hint = "" if line.lstrip().startswith("{") else " (plain text? pipe it to 'realpolitik code -')"
            raise click.ClickException(f"{infile}:{n}: {rec}{hint}")
        if not isinstance(rec.get("text", ""), str):
            raise click.ClickException(f"{infile}:{n}: expected an object with a string 'text'")
        # Lone surrogates ("\ud800" is legal JSON) cannot be written out as UTF-8.
        rec = {k: clean_text(v) if isinstance(v, str) else v for k, v in rec.items()}
        yield rec


def _event_filter_options(fn):
    for opt in reversed([
        click.option("--source", help="Source actor code or prefix (CHN matches CHNGOV)."),
        click.option("--target", help="Target actor code or prefix."),
        click.option("--country", help="A country on either side (IRN: as source or target)."),
        click.option("--type", "type_", callback=check_type, help="PLOVER event type, e.g. AID."),
        click.option("--since", help="First date, YYYY-MM-DD."),
        click.option("--until", help="Last date, YYYY-MM-DD."),
        click.option("--channel", help="Support channel, e.g. arms_transfer."),
        click.option("--front", help="Front: military, cyber, economic, diplomatic, intelligence, technology."),
        click.option("--factuality",
                     type=click.Choice(["asserted", "reported", "planned", "hypothetical", "denied", "question"])),
        click.option("--q", "query", help="Text the evidence sentence contains."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
                     help="Only events at least this confident (0.35 hides best guesses, which are at 0.2)."),
        click.option("--limit", type=click.IntRange(1), default=None),
    ]):
        fn = opt(fn)
    return fn


def _filter(source, target, type_, since, until, channel, front, factuality, query, limit, min_confidence=None,
            country=None):
    from realpolitik.store import EventFilter
    from realpolitik.store.base import to_date

    for name, val in (("--since", since), ("--until", until)):
        try:
            to_date(val)
        except ValueError as exc:
            raise click.BadParameter(f"{val!r} is not a YYYY-MM-DD date", param_hint=name) from exc
    if country and not (len(country) == 3 and country.isalpha()):
        raise click.BadParameter(f"{country!r} is not a 3-letter ISO code such as IRN", param_hint="--country")
    return EventFilter(source=source, target=target, type=type_, since=since, until=until, channel=channel,
                       front=front, factuality=factuality, q=query, limit=limit, min_confidence=min_confidence,
                       countries=(country.upper(),) if country else ())


@main.command()
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@_event_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "parquet"]), default="table",
              show_default=True)
@click.option("--out", "outfile", default=None, help="Write to this file (required for parquet).")
@click.option("--corroboration", default=None, metavar="STATUS[,STATUS]",
              help="Only events whose cluster is single_source, corroborated or contested.")
def events(db: str, fmt: str, outfile: str | None, corroboration: str | None, **kw: Any) -> None:
    """List stored events with filters, as a table, JSONL, CSV or Parquet."""
    import dataclasses

    from realpolitik import export

    flt = _filter(kw["source"], kw["target"], kw["type_"], kw["since"], kw["until"], kw["channel"], kw["front"],
                  kw["factuality"], kw["query"], kw["limit"],
                  kw.get("min_confidence"), kw.get("country"))
    bad = [v for v in (corroboration or "").split(",") if v.strip() and v.strip() not in
           ("single_source", "corroborated", "contested")]
    if bad:
        raise click.BadParameter(f"{bad[0]!r}: expected single_source, corroborated or contested",
                                 param_hint="--corroboration")
    flt = dataclasses.replace(flt, extra={**flt.extra, "corroboration": corroboration})
    if fmt == "parquet" and not outfile:
        raise click.UsageError("--format parquet needs --out FILE")
    with read_store(db) as store:
        try:
            export.write_events(store, flt, fmt, outfile)
        except ValueError as exc:  # e.g. an unknown --corroboration status
            raise click.ClickException(str(exc)) from exc


EXPORT_FORMATS = ("plover-json", "polecat-tsv", "gdelt-csv", "parquet", "jsonl", "csv")


@main.command("export")
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@_event_filter_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="PLOVER JSON lines, POLECAT-style TSV, GDELT 2.0 events layout (61 tab-separated columns), "
                   "Parquet, ...")
@click.option("--out", "outfile", default=None, help="Output file (default: stdout; required for parquet).")
def export_cmd(db: str, fmt: str, outfile: str | None, **kw: Any) -> None:
    """Export stored events in the layout of another event dataset (PLOVER, POLECAT, GDELT) or as Parquet."""
    from realpolitik import export

    if fmt == "parquet" and outfile in (None, "-"):
        raise click.UsageError("--format parquet needs --out FILE")
    flt = _filter(kw["source"], kw["target"], kw["type_"], kw["since"], kw["until"], kw["channel"], kw["front"],
                  kw["factuality"], kw["query"], kw["limit"],
                  kw.get("min_confidence"), kw.get("country"))
    with read_store(db) as store:
        n = export.write_events(store, flt, fmt, outfile)
    if outfile not in (None, "-"):
        click.echo(f"wrote {n} events to {outfile}", err=True)


@main.command()
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: str, as_json: bool) -> None:
    """Counts of articles, duplicates and events, events by type and the top dyads."""
    with read_store(db) as store:
        s = store.stats()
    if as_json:
        click.echo(json.dumps(s, indent=2, default=str))
        return
    from realpolitik.analytics.frame import COUNT_DEFINITION, undated_note
    from realpolitik.display import actor_label, print_table

    span = f", published {s['first_published']} to {s['last_published']}" if s["first_published"] else \
        ", none with a publication date"
    click.echo(f"{s['articles']} articles ({s['duplicates']} exact duplicates, "
               f"{s['near_duplicates']} near duplicates), "
               f"{s['events']} events{span}")
    if s["events_by_type"]:
        print_table(click.echo, "Events by type", ["type", "events"], list(s["events_by_type"].items()))
    if s["top_dyads"]:
        print_table(click.echo, "Top dyads", ["source", "target", "events"],
                    [[actor_label(d["source"]), actor_label(d["target"]), d["events"]] for d in s["top_dyads"]])
    for note in (undated_note(s.get("undated_events", 0)), f"Counted: {COUNT_DEFINITION}."):
        if note:
            click.echo(note)


@main.command("settings")
@click.option("--markdown", is_flag=True, help="Print docs/settings.md (the table and how to add a setting).")
def settings_cmd(markdown: bool) -> None:
    """List every setting (for --set NAME=VALUE): name, type, default and meaning."""
    from realpolitik import settings

    if markdown:
        click.echo(settings.markdown(), nl=False)
        return
    for row in settings.table():
        click.echo(f"{row.name}\t{row.type}\t{json.dumps(settings.plain(row.default))}\t{row.help}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the ontology as JSON.")
def ontology(as_json: bool) -> None:
    """Print the event types, modes, contexts, support channels and fronts with their definitions."""
    from realpolitik import ontology as onto

    click.echo(json.dumps(onto.as_dict(), indent=2) if as_json else onto.render_text())


@main.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--predictions", default=None, type=click.Path(dir_okay=False),
              help="Score this JSONL of {id, events} instead of coding the gold texts.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@click.option("--strict-actors", is_flag=True, help="Compare full actor codes, not their first three letters.")
@click.option("--coder", default=None, help="Coder name, e.g. rules.v1 (when coding the gold texts).")
@click.option("--split", type=click.Choice(["all", "tune", "holdout"]), default="all", show_default=True,
              help="Score only the frozen 70% (tune) or 30% (holdout) part, split by a hash of each id.")
@click.option("--progress/--no-progress", default=None)
@settings_option
def eval_cmd(gold: str, predictions: str | None, as_json: bool, strict_actors: bool, coder: str | None,
             split: str, progress: bool | None, assignments: tuple[str, ...]) -> None:
    """Score the coder (or a predictions file) on a gold JSONL file by ../shared/eval/FORMAT.md."""
    from realpolitik.evaluate import evaluate_file, format_report

    options = build_options(coder=coder, progress=False, assignments=assignments)
    with _Progress(progress_enabled(progress) and predictions is None, "coding") as bar:
        report = evaluate_file(gold, predictions, strict_actors=strict_actors, options=options,
                               on_record=bar.advance, split=split)
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report))


@main.group()
def actors() -> None:
    """Actor codes: what names, demonyms, seats of power and officials resolve to."""


@actors.command("lookup")
@click.argument("name")
@click.option("--date", help="ISO date (YYYY-MM-DD) picking the role a person held then.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def actors_lookup(name: str, date: str | None, as_json: bool) -> None:
    """Show what NAME resolves to (e.g. "Xi Jinping", "the Kremlin", "Iranian navy")."""
    import re
    from dataclasses import asdict

    from realpolitik.actors import lookup

    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise click.BadParameter(f"{date!r}: expected YYYY-MM-DD", param_hint="--date")
    found = lookup(name, date)
    if as_json:
        click.echo(json.dumps([asdict(m) for m in found], ensure_ascii=False))
    elif not found:
        raise click.ClickException(f"{name!r} resolves to no actor")
    for m in [] if as_json else found:
        click.echo(f"{m.code}\t{m.kind}\t{m.country or '-'}\t{m.sector or '-'}\t{m.name or m.text}")


class _Progress:
    """A rich progress bar on a terminal; nothing when piped."""

    def __init__(self, enabled: bool, label: str, total: int | None = None):
        self.enabled, self.label, self.total = enabled, label, total
        self._p: Any = None  # a rich Progress while enabled

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

            # On stderr, so piped stdout (JSONL, reports) stays clean.
            self._p = Progress(SpinnerColumn(), "{task.description}", BarColumn(), MofNCompleteColumn(),
                               TimeElapsedColumn(), transient=True, console=Console(stderr=True))
            self._p.__enter__()
            self._task = self._p.add_task(self.label, total=self.total)
        return self

    def advance(self, n: int = 1) -> None:
        """Advance the bar."""
        if self._p is not None:
            self._p.advance(self._task, n)

    def __exit__(self, *exc: Any) -> None:
        if self._p is not None:
            self._p.__exit__(*exc)


# The command modules declare their commands; they register here, so imports go one way (cli -> its modules).
for _module in (analysis, live, server):
    for _command in _module.COMMANDS:
        main.add_command(_command)
