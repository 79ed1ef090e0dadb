"""CLI commands for live work: watch feeds, re-code a store, list event clusters."""
from __future__ import annotations

import json

import click

from realpolitik.cli.common import allow_host_option, build_options, cli_store, read_store, settings_option
from realpolitik.settings import help_for


@click.command()
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@click.option("--coder", default=None, help="Coder name, e.g. rules.v2 (default: the current coder).")
@click.option("--force", is_flag=True, help="Re-code articles this coder version has already coded.")
@click.option("--prune", is_flag=True, help="Then delete the events of every other coder version.")
@settings_option
def recode(db: str, coder: str | None, force: bool, prune: bool, assignments: tuple[str, ...]) -> None:
    """Re-code the stored articles with a (new) coder version; old versions' rows stay unless --prune."""
    from realpolitik.pipeline import recode as run_recode

    with cli_store(db) as store:
        r = run_recode(store, build_options(coder=coder, assignments=assignments), force=force, prune=prune)
    click.echo(f"{r['coder']}: coded {r['coded']} of {r['read']} articles, {r['new_events']} events; "
               f"pruned {r['pruned']} events of other coders; {r['clusters_refreshed']} clusters refreshed")


@click.command()
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

    with read_store(db) as store:
        rows = list_clusters(store, status=status, source=source, target=target, since=since, until=until, limit=limit)
    for c in rows:
        click.echo(json.dumps(c, default=str, ensure_ascii=False) if as_json else
                   f"{c['id']}  {c['first_seen']}..{c['last_seen']}  {c['source3'] or '-'}->{c['target3'] or '-'} "
                   f"{c['type']}  {c['status']}  {c['n_articles']} articles, {c['n_independent']} independent")


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@click.option("--every", default="15m", show_default=True, help="Time between polls: 30s, 15m, 2h.")
@click.option("--once", is_flag=True, help="Poll every source once and stop.")
@click.option("--max-polls", type=click.IntRange(1), default=None, help="Stop after this many rounds.")
@click.option("--allow-private", is_flag=True, help="Allow sources on loopback or private addresses.")
@allow_host_option
@click.option("--follow-links", is_flag=True, help=help_for("fetching.follow_links"))
@click.option("--no-code", is_flag=True, help="Store the articles without coding them.")
@click.option("--coder", default=None, help="Coder name, e.g. rules.v1.")
@click.option("--alerts", "rules_file", default=None, type=click.Path(dir_okay=False), help="Alert rules JSON.")
@click.option("--alert-out", default=None, type=click.Path(dir_okay=False), help="Append alerts to this JSONL file.")
@click.option("--webhook", default=None, help="POST alerts as JSON to this URL.")
@settings_option
def watch(sources: tuple[str, ...], db: str, every: str, once: bool, max_polls: int | None, allow_private: bool,
          allow_hosts: list[str], follow_links: bool, no_code: bool, coder: str | None, rules_file: str | None,
          alert_out: str | None, webhook: str | None, assignments: tuple[str, ...]) -> None:
    """Poll RSS/Atom feeds and web pages, ingest and code what is new, and raise alerts."""
    from realpolitik.live.watch import run_cli

    try:
        cli_store(db).close()  # a clear message now if the store cannot be opened at all
        summary = run_cli(sources, db, every=every, once=once, max_polls=max_polls, rules_file=rules_file,
                          alert_out=alert_out, webhook=webhook, echo=click.echo,
                          options=build_options(code=not no_code, coder=coder, allow_private=allow_private,
                                           settings={"fetching.follow_links": follow_links or None,
                                                     "fetching.allow_hosts": allow_hosts or None},
                                           assignments=assignments))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if summary.all_failed:
        click.echo(f"error: every poll failed ({summary.failed_polls} of {summary.source_polls}); nothing was fetched",
                   err=True)
        raise SystemExit(1)


COMMANDS = [recode, clusters, watch]
