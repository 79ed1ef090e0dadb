"""The `realpolitik` command: a thin shell over the library (every command calls one library function)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator

import click

from realpolitik import __version__
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="realpolitik")
def main() -> None:
    """Turn news text into coded, evidence-linked PLOVER event data."""


@main.command()
def version() -> None:
    """Print the version of realpolitik, its coder and its store schema."""
    from realpolitik.store.schema import MIGRATIONS

    click.echo(f"realpolitik {__version__} (default coder {Options().coder}, schema v{max(m[0] for m in MIGRATIONS)})")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="realpolitik.duckdb", show_default=True, help="Store: a DuckDB file or postgresql:// URL.")
@click.option("--no-code", is_flag=True, help="Store the articles without coding them.")
@click.option("--coder", default=None, help="Coder name, e.g. rules.v1.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=None, help="Articles per batch (and transaction).")
@click.option("--field", "field_map", multiple=True, metavar="LOGICAL=NAME",
              help="JSONL/CSV field names, e.g. --field text=body --field date=published_at.")
@click.option("--max-file-bytes", type=click.IntRange(1), default=None, help="Refuse larger files.")
@click.option("--max-text-chars", type=click.IntRange(1), default=None, help="Refuse longer article texts.")
@click.option("--max-sentences", type=click.IntRange(1), default=None,
              help="Code only this many sentences of an article (the whole text is stored).")
@click.option("--lock-wait", type=click.FloatRange(0), default=LOCK_WAIT, show_default=True,
              help="Seconds to wait for a DuckDB file another process has open.")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on loopback or private addresses.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the ingest report as JSON.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Code in this process, or on Dask workers (the store is written from here either way).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler, e.g. tcp://host:8786 (default: a LocalCluster on this machine).")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Dask workers: LocalCluster size, or how many to wait for on --scheduler.")
def ingest(paths: tuple[str, ...], db: str, no_code: bool, coder: str | None, batch_size: int | None,
           field_map: tuple[str, ...], max_file_bytes: int | None, max_text_chars: int | None,
           max_sentences: int | None, lock_wait: float, allow_private: bool, progress: bool | None, as_json: bool, engine: str, scheduler: str | None,
           workers: int | None) -> None:
    """Ingest files, directories, '-' (stdin) or URLs into the store, and code them."""
    from realpolitik.ingest import IngestError
    from realpolitik.pipeline import ingest as run_ingest

    opts = _options(code=not no_code, coder=coder, batch_size=batch_size, fields=_parse_fields(field_map),
                    max_file_bytes=max_file_bytes, max_text_chars=max_text_chars, max_sentences=max_sentences,
                    allow_private=allow_private)
    store = _store(db, wait=lock_wait)
    with store, _Progress(_progress_enabled(progress), "ingesting") as bar:
        def on_item(item: Any) -> None:
            if isinstance(item, IngestError):
                click.echo(f"error: {item}", err=True)
            bar.advance()
        if engine == "dask":
            from realpolitik.distributed import ingest_dask

            report = ingest_dask(paths, store, opts, scheduler=scheduler, workers=workers, on_item=on_item)
        else:
            report = run_ingest(paths, store, opts, on_item=on_item)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(f"read {report.read} articles: {report.new_articles} new, {report.duplicates} duplicates; "
                   f"coded {report.coded}, {report.new_events} new events; {len(report.errors)} errors")
    if report.errors:
        sys.exit(1)


@main.command("code")
@click.argument("infile", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--out", "outfile", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="Output JSONL (default: stdout).")
@click.option("--coder", default=None, help="Coder name, e.g. rules.v1.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=None)
@click.option("--progress/--no-progress", default=None)
def code_cmd(infile: str, outfile: str, coder: str | None, batch_size: int | None, progress: bool | None) -> None:
    """Code JSONL records {id, text, date?} into {"id", "events": [...]} lines (stateless)."""
    from realpolitik.pipeline import code_records

    records = list(_read_records(infile))
    opts = _options(coder=coder, batch_size=batch_size)
    out = sys.stdout if outfile == "-" else open(outfile, "w", encoding="utf-8")
    try:
        with _Progress(_progress_enabled(progress) and outfile != "-", "coding", total=len(records)) as bar:
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
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise click.ClickException(f"{infile}:{n}: malformed JSON: {exc.msg}") from exc
        if not isinstance(rec, dict) or not isinstance(rec.get("text", ""), str):
            raise click.ClickException(f"{infile}:{n}: expected an object with a string 'text'")
        yield rec


def _event_filter_options(fn):
    for opt in reversed([
        click.option("--source", help="Source actor code or prefix (CHN matches CHNGOV)."),
        click.option("--target", help="Target actor code or prefix."),
        click.option("--type", "type_", help="PLOVER event type, e.g. AID."),
        click.option("--since", help="First date, YYYY-MM-DD."),
        click.option("--until", help="Last date, YYYY-MM-DD."),
        click.option("--channel", help="Support channel, e.g. arms_transfer."),
        click.option("--front", help="Front: military, cyber, economic, diplomatic, intelligence, technology."),
        click.option("--factuality", type=click.Choice(["asserted", "reported", "planned", "hypothetical", "denied", "question"])),
        click.option("--q", "query", help="Text the evidence sentence contains."),
        click.option("--limit", type=click.IntRange(1), default=None),
    ]):
        fn = opt(fn)
    return fn


def _filter(source, target, type_, since, until, channel, front, factuality, query, limit):
    from realpolitik.store import EventFilter
    from realpolitik.store.base import to_date

    for name, val in (("--since", since), ("--until", until)):
        try:
            to_date(val)
        except ValueError as exc:
            raise click.BadParameter(f"{val!r} is not a YYYY-MM-DD date", param_hint=name) from exc
    return EventFilter(source=source, target=target, type=type_, since=since, until=until, channel=channel,
                       front=front, factuality=factuality, q=query, limit=limit)


@main.command()
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@_event_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "parquet"]), default="table", show_default=True)
@click.option("--out", "outfile", default=None, help="Write to this file (required for parquet).")
@click.option("--corroboration", default=None, metavar="STATUS[,STATUS]",
              help="Only events whose cluster is single_source, corroborated or contested.")
def events(db: str, fmt: str, outfile: str | None, corroboration: str | None, **kw: Any) -> None:
    """List stored events with filters, as a table, JSONL, CSV or Parquet."""
    import dataclasses

    from realpolitik import export

    flt = _filter(kw["source"], kw["target"], kw["type_"], kw["since"], kw["until"], kw["channel"], kw["front"],
                  kw["factuality"], kw["query"], kw["limit"])
    bad = [v for v in (corroboration or "").split(",") if v.strip() and v.strip() not in
           ("single_source", "corroborated", "contested")]
    if bad:
        raise click.BadParameter(f"{bad[0]!r}: expected single_source, corroborated or contested",
                                 param_hint="--corroboration")
    flt = dataclasses.replace(flt, extra={**flt.extra, "corroboration": corroboration})
    store = _store(db, read_only=_exists(db))
    with store:
        if fmt == "parquet" and not outfile:
            raise click.UsageError("--format parquet needs --out FILE")
        try:
            export.write_events(store, flt, fmt, outfile)
        except ValueError as exc:  # e.g. an unknown --corroboration status
            raise click.ClickException(str(exc)) from exc


EXPORT_FORMATS = ("plover-json", "polecat-tsv", "gdelt-csv", "parquet", "jsonl", "csv")


@main.command("export")
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@_event_filter_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="PLOVER JSON lines, POLECAT-style TSV, GDELT 2.0 events layout (61 tab-separated columns), Parquet, ...")
@click.option("--out", "outfile", default=None, help="Output file (default: stdout; required for parquet).")
def export_cmd(db: str, fmt: str, outfile: str | None, **kw: Any) -> None:
    """Export stored events in the layout of another event dataset (PLOVER, POLECAT, GDELT) or as Parquet."""
    from realpolitik import export

    if not _exists(db) and not db.startswith(("postgresql://", "postgres://")):
        raise click.ClickException(f"{db}: no such database (create it with `realpolitik ingest PATH --db {db}`)")
    if fmt == "parquet" and outfile in (None, "-"):
        raise click.UsageError("--format parquet needs --out FILE")
    flt = _filter(kw["source"], kw["target"], kw["type_"], kw["since"], kw["until"], kw["channel"], kw["front"],
                  kw["factuality"], kw["query"], kw["limit"])
    with _store(db, read_only=True) as store:
        n = export.write_events(store, flt, fmt, outfile)
    if outfile not in (None, "-"):
        click.echo(f"wrote {n} events to {outfile}", err=True)


def _exists(db: str) -> bool:
    return not db.startswith(("postgresql://", "postgres://")) and Path(db).is_file()


@main.command()
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: str, as_json: bool) -> None:
    """Counts of articles, duplicates and events, events by type and the top dyads."""
    if not _exists(db) and not db.startswith(("postgresql://", "postgres://")):
        raise click.ClickException(f"{db}: no such database (create it with `realpolitik ingest PATH --db {db}`)")
    with _store(db, read_only=True) as store:
        s = store.stats()
    if as_json:
        click.echo(json.dumps(s, indent=2, default=str))
        return
    click.echo(f"{s['articles']} articles ({s['duplicates']} exact duplicates, {s['near_duplicates']} near duplicates), "
               f"{s['events']} events, published {s['first_published']} to {s['last_published']}")
    if s["events_by_type"]:
        click.echo("events by type: " + ", ".join(f"{k} {v}" for k, v in s["events_by_type"].items()))
    if s["top_dyads"]:
        click.echo("top dyads: " + ", ".join(f"{d['source']}->{d['target']} {d['events']}" for d in s["top_dyads"]))


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
@click.option("--progress/--no-progress", default=None)
def eval_cmd(gold: str, predictions: str | None, as_json: bool, strict_actors: bool, coder: str | None,
             progress: bool | None) -> None:
    """Score the coder (or a predictions file) on a gold JSONL file by ../shared/eval/FORMAT.md."""
    from realpolitik.evaluate import EvalError, evaluate_file, format_report

    try:
        with _Progress(_progress_enabled(progress) and predictions is None, "coding") as bar:
            report = evaluate_file(gold, predictions, strict_actors=strict_actors,
                                   options=_options(coder=coder, progress=False), on_record=bar.advance)
    except EvalError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report))


@main.command()
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@click.option("--coder", default=None, help="Coder name, e.g. rules.v2 (default: the current coder).")
@click.option("--force", is_flag=True, help="Re-code articles this coder version has already coded.")
@click.option("--prune", is_flag=True, help="Then delete the events of every other coder version.")
def recode(db: str, coder: str | None, force: bool, prune: bool) -> None:
    """Re-code the stored articles with a (new) coder version; old versions' rows stay unless --prune."""
    from realpolitik.corroborate import recode as run_recode

    with _store(db) as store:
        r = run_recode(store, _options(coder=coder), force=force, prune=prune)
    click.echo(f"{r['coder']}: coded {r['coded']} of {r['read']} articles, {r['new_events']} events; "
               f"pruned {r['pruned']} events of other coders; {r['clusters_refreshed']} clusters refreshed")


@main.command()
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@click.option("--status", type=click.Choice(["single_source", "corroborated", "contested"]), default=None)
@click.option("--source", help="Source actor (first three letters count).")
@click.option("--target", help="Target actor (first three letters count).")
@click.option("--since", help="Last seen on or after, YYYY-MM-DD.")
@click.option("--until", help="First seen on or before, YYYY-MM-DD.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def clusters(db: str, status: str | None, source: str | None, target: str | None, since: str | None,
             until: str | None, limit: int, as_json: bool) -> None:
    """List event clusters: one real event, its mentions, independent sources and corroboration."""
    from realpolitik.corroborate import clusters as list_clusters

    with _store(db, read_only=_exists(db)) as store:
        rows = list_clusters(store, status=status, source=source, target=target, since=since, until=until, limit=limit)
    for c in rows:
        click.echo(json.dumps(c, default=str, ensure_ascii=False) if as_json else
                   f"{c['id']}  {c['first_seen']}..{c['last_seen']}  {c['source3'] or '-'}->{c['target3'] or '-'} "
                   f"{c['type']}  {c['status']}  {c['n_articles']} articles, {c['n_independent']} independent")


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@click.option("--every", default="15m", show_default=True, help="Time between polls: 30s, 15m, 2h.")
@click.option("--once", is_flag=True, help="Poll every source once and stop.")
@click.option("--max-polls", type=click.IntRange(1), default=None, help="Stop after this many rounds.")
@click.option("--allow-private", is_flag=True, help="Allow sources on loopback or private addresses.")
@click.option("--follow-links", is_flag=True, help="Fetch the linked page of feed entries that are only teasers.")
@click.option("--no-code", is_flag=True, help="Store the articles without coding them.")
@click.option("--coder", default=None, help="Coder name, e.g. rules.v1.")
@click.option("--alerts", "rules_file", default=None, type=click.Path(dir_okay=False), help="Alert rules JSON.")
@click.option("--alert-out", default=None, type=click.Path(dir_okay=False), help="Append alerts to this JSONL file.")
@click.option("--webhook", default=None, help="POST alerts as JSON to this URL.")
def watch(sources: tuple[str, ...], db: str, every: str, once: bool, max_polls: int | None, allow_private: bool,
          follow_links: bool, no_code: bool, coder: str | None, rules_file: str | None, alert_out: str | None,
          webhook: str | None) -> None:
    """Poll RSS/Atom feeds and web pages, ingest and code what is new, and raise alerts."""
    from realpolitik.watch import run_cli

    try:
        _store(db).close()  # a clear message now if the store cannot be opened at all
        run_cli(sources, db, every=every, once=once, max_polls=max_polls, rules_file=rules_file,
                alert_out=alert_out, webhook=webhook, echo=click.echo,
                options=_options(code=not no_code, coder=coder, allow_private=allow_private,
                                 extra={"follow_links": follow_links}))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def _scope_options(fn):
    for opt in reversed([
        click.option("--db", default="realpolitik.duckdb", show_default=True),
        click.option("--source", help="Source actor code or prefix (CHN matches CHNGOV)."),
        click.option("--target", help="Target actor code or prefix."),
        click.option("--country", help="A country (ISO alpha-3): events it takes part in."),
        click.option("--region", help="A region of realpolitik/data/regions.json, e.g. middle_east."),
        click.option("--since", help="First date, YYYY-MM-DD."),
        click.option("--until", help="Last date, YYYY-MM-DD."),
        click.option("--freq", type=click.Choice(["day", "week", "month"]), default="month", show_default=True),
        click.option("--factuality", default=None, metavar="F[,F]", help="Only these factualities, e.g. asserted,reported."),
        click.option("--corroboration", default=None, metavar="S[,S]",
                     help="Only events whose cluster is single_source, corroborated or contested."),
        click.option("--coder", default=None, help="Coder version to analyse, e.g. rules.v1."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON."),
    ]):
        fn = opt(fn)
    return fn


def _scope(kw: dict[str, Any]):
    from realpolitik.analytics import Scope, ScopeError

    split = (lambda v: tuple(x.strip() for x in v.split(",") if x.strip()) if v else ())  # noqa: E731
    try:
        return Scope(source=kw["source"], target=kw["target"], country=kw["country"], region=kw["region"],
                     since=kw["since"], until=kw["until"], freq=kw["freq"], factuality=split(kw["factuality"]),
                     corroboration=split(kw["corroboration"]), coder=kw["coder"])
    except ScopeError as exc:
        raise click.BadParameter(str(exc)) from exc


def _analytics(kw: dict[str, Any], table_fn, dict_fn) -> None:
    """Run one analytics function on the store and print its table or JSON."""
    if not _exists(kw["db"]) and not kw["db"].startswith(("postgresql://", "postgres://")):
        raise click.ClickException(f"{kw['db']}: no such database")
    scope = _scope(kw)
    with _store(kw["db"], read_only=True) as store:
        if kw["as_json"]:
            click.echo(json.dumps(dict_fn(store, scope), indent=2, default=str, ensure_ascii=False))
        else:
            df = table_fn(store, scope)
            click.echo(df.to_string(index=False, max_colwidth=60) if len(df) else "no events in scope")


@main.command()
@_scope_options
def series(**kw: Any) -> None:
    """Dyad time series: events and summed intensity per period by type, quad class, channel and front."""
    from realpolitik import analytics as an

    _analytics(kw, an.series, an.series_dict)


@main.command()
@_scope_options
def profile(**kw: Any) -> None:
    """Support profile A -> B (or received by --country): fronts and channels, with the strongest evidence."""
    from realpolitik import analytics as an

    _analytics(kw, lambda s, sc: an.support_profile(s, sc, by_period=False), an.profile_dict)


@main.command()
@_scope_options
@click.option("--then-since", default=None, help="Compare with a second window from this date.")
@click.option("--then-until", default=None, help="End of the second window.")
def network(then_since: str | None, then_until: str | None, **kw: Any) -> None:
    """Alignment network: signed cooperation/conflict ties, blocs and bridges (and their change between windows)."""
    from realpolitik import analytics as an

    if then_since or then_until:  # the comparison is nested data: JSON only
        _analytics({**kw, "as_json": True}, None,
                   lambda s, sc: an.compare_windows(s, sc, sc.with_(since=then_since, until=then_until)))
    else:
        _analytics(kw, lambda s, sc: an.network(s, sc).edges, lambda s, sc: an.network(s, sc).as_dict())


@main.command()
@_scope_options
def shifts(**kw: Any) -> None:
    """Change points (CUSUM against each dyad's baseline) with the events behind them."""
    from realpolitik import analytics as an

    _analytics(kw, lambda s, sc: an.shifts(s, sc)[["detected", "since", "description"]], an.shifts_dict)


@main.command()
@_scope_options
def stability(**kw: Any) -> None:
    """Stability indicators per country and region: conflict intensity, great-power involvement, polarisation, trend."""
    from realpolitik import analytics as an

    _analytics(kw, lambda s, sc: an.stability(s, sc).drop(columns=["great_powers"]), an.stability_dict)


@main.command()
@_scope_options
@click.option("--out", "outfile", default=None, help="Write here (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default=None,
              help="html (self-contained page) or md (default: from --out's suffix, else html).")
def report(outfile: str | None, fmt: str | None, **kw: Any) -> None:
    """A briefing on a dyad (--source --target), a --country or a --region, as self-contained HTML or Markdown."""
    from realpolitik import report as rep

    scope = _scope(kw)
    if not (scope.region or scope.country or (scope.source and scope.target)):
        raise click.UsageError("give --source and --target, or --country, or --region")
    fmt = fmt or ("md" if outfile and outfile.endswith(".md") else "html")
    if not _exists(kw["db"]) and not kw["db"].startswith(("postgresql://", "postgres://")):
        raise click.ClickException(f"{kw['db']}: no such database")
    with _store(kw["db"], read_only=True) as store:
        if kw["as_json"]:
            click.echo(json.dumps(rep.briefing_dict(store, scope), indent=2, ensure_ascii=False))
        elif outfile:
            click.echo(f"wrote {rep.write_report(store, scope, outfile, fmt)}")
        else:
            click.echo(rep.render(store, scope, fmt))


@main.group()
def actors() -> None:
    """Actor codes: what names, demonyms, seats of power and officials resolve to."""


@actors.command("lookup")
@click.argument("name")
@click.option("--date", help="ISO date (YYYY-MM-DD) picking the role a person held then.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def actors_lookup(name: str, date: str | None, as_json: bool) -> None:
    """Show what NAME resolves to (e.g. "Xi Jinping", "the Kremlin", "Iranian navy")."""
    from dataclasses import asdict

    import re

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


@main.command()
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--require-token", is_flag=True, help="Reads need a bearer token too (writes always do).")
@click.option("--max-body-bytes", type=click.IntRange(1), default=None, help="Refuse larger request bodies (default 1 MiB).")
@click.option("--cors-origin", "cors_origins", multiple=True, help="Allow this browser origin (CORS is off by default).")
@click.option("--allow-private", is_flag=True, help="Let POST /api/ingest fetch URLs on loopback or private addresses.")
def serve(db: str, host: str, port: int, require_token: bool, max_body_bytes: int | None,
          cors_origins: tuple[str, ...], allow_private: bool) -> None:
    """Serve the HTTP API (/api, /docs) and the dashboard (/) under uvicorn."""
    from realpolitik.store import StoreError
    from realpolitik.web import serve as run_serve

    extra = {"require_token": require_token, "max_body_bytes": max_body_bytes, "cors_origins": list(cors_origins)}
    try:
        run_serve(db, host=host, port=port, options=_options(allow_private=allow_private, progress=False, extra=extra))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@main.group()
def token() -> None:
    """API tokens: create (printed once, stored hashed), list, revoke."""


@token.command("create")
@click.option("--role", type=click.Choice(["writer", "reader"]), required=True)
@click.option("--label", default=None, help="A note saying whose token it is.")
@click.option("--db", default="realpolitik.duckdb", show_default=True)
def token_create(role: str, label: str | None, db: str) -> None:
    """Create a token and print it; only its SHA-256 hash is stored, so keep it now."""
    from realpolitik.web.tokens import create_token

    with _store(db) as store:
        click.echo(create_token(store, role, label))


@token.command("list")
@click.option("--db", default="realpolitik.duckdb", show_default=True)
def token_list(db: str) -> None:
    """List tokens (id, role, label, dates), never their secrets."""
    from realpolitik.web.tokens import list_tokens

    with _store(db) as store:
        for t in list_tokens(store):
            click.echo(f"{t.id}\t{t.role}\t{t.label or '-'}\tcreated {t.created_at}"
                       + (f"\trevoked {t.revoked_at}" if t.revoked_at else ""))


@token.command("revoke")
@click.argument("token_id")
@click.option("--db", default="realpolitik.duckdb", show_default=True)
def token_revoke(token_id: str, db: str) -> None:
    """Revoke a token by its id (the 12 hex digits after 'rp_')."""
    from realpolitik.web.tokens import revoke_token

    with _store(db) as store:
        if not revoke_token(store, token_id):
            raise click.ClickException(f"{token_id}: no such active token")
    click.echo(f"revoked {token_id}")


class _Progress:
    """A rich progress bar on a terminal; nothing when piped."""

    def __init__(self, enabled: bool, label: str, total: int | None = None):
        self.enabled, self.label, self.total = enabled, label, total
        self._p = None

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


if __name__ == "__main__":
    main()
