"""CLI commands for analysis: series, profile, network, shifts, stability and briefings."""
from __future__ import annotations

import json
from typing import Any

import click

from realpolitik.cli.common import read_store


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
        click.option("--factuality", default=None, metavar="F[,F]",
                     help="Only these factualities, e.g. asserted,reported."),
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


def _analytics(kw: dict[str, Any], views_fn, dict_fn) -> None:
    """Run one analytics view on the store and print its tables (names beside codes) or, with --json, its data."""
    from realpolitik.display import print_table

    scope = _scope(kw)
    with read_store(kw["db"]) as store:
        if kw["as_json"]:
            click.echo(json.dumps(dict_fn(store, scope), indent=2, default=str, ensure_ascii=False))
            return
        for v in views_fn(store, scope):
            if v.rows:
                print_table(click.echo, v.title, v.columns, v.rows, v.notes)
            else:
                for line in (f"{v.title}: no events in scope", *v.notes):
                    if line:
                        click.echo(line)


@click.command()
@_scope_options
def series(**kw: Any) -> None:
    """Dyad time series: events and summed intensity per period by type, quad class, channel and front."""
    from realpolitik import analytics as an
    from realpolitik.report import terminal

    _analytics(kw, terminal.series_views, an.series_dict)


@click.command()
@_scope_options
def profile(**kw: Any) -> None:
    """Support profile A -> B (or received by --country): fronts and channels, with the strongest evidence."""
    from realpolitik import analytics as an
    from realpolitik.report import terminal

    _analytics(kw, terminal.profile_views, an.profile_dict)


@click.command()
@_scope_options
@click.option("--then-since", default=None, help="Compare with a second window from this date.")
@click.option("--then-until", default=None, help="End of the second window.")
def network(then_since: str | None, then_until: str | None, **kw: Any) -> None:
    """Alignment network: signed cooperation/conflict ties, blocs and bridges (and their change between windows)."""
    from realpolitik import analytics as an
    from realpolitik.report import terminal

    if then_since or then_until:  # the comparison is nested data: JSON only
        _analytics({**kw, "as_json": True}, None,
                   lambda s, sc: an.compare_windows(s, sc, sc.with_(since=then_since, until=then_until)))
    else:
        _analytics(kw, terminal.network_views, an.network_dict)


@click.command()
@_scope_options
def shifts(**kw: Any) -> None:
    """Change points (CUSUM against each dyad's baseline) with the events behind them."""
    from realpolitik import analytics as an
    from realpolitik.report import terminal

    _analytics(kw, terminal.shifts_views, an.shifts_dict)


@click.command()
@_scope_options
def stability(**kw: Any) -> None:
    """Stability indicators per country and region: conflict intensity, great-power involvement, polarisation, trend."""
    from realpolitik import analytics as an
    from realpolitik.report import terminal

    _analytics(kw, terminal.stability_views, an.stability_dict)


@click.command()
@_scope_options
@click.option("--out", "outfile", default=None, help="Write here (default, or '-': stdout).")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default=None,
              help="html (self-contained page) or md (default: from --out's suffix, else html).")
def report(outfile: str | None, fmt: str | None, **kw: Any) -> None:
    """A briefing on a dyad (--source --target), a --country or a --region, as self-contained HTML or Markdown."""
    from realpolitik import report as rep

    scope = _scope(kw)
    if not (scope.region or scope.country or (scope.source and scope.target)):
        raise click.UsageError("give --source and --target, or --country, or --region")
    outfile = None if outfile == "-" else outfile  # the usual name of standard output
    fmt = fmt or ("md" if outfile and outfile.endswith(".md") else "html")
    with read_store(kw["db"]) as store:
        if kw["as_json"]:
            click.echo(json.dumps(rep.briefing_dict(store, scope), indent=2, ensure_ascii=False))
        elif outfile:
            click.echo(f"wrote {rep.write_report(store, scope, outfile, fmt)}")
        else:
            click.echo(rep.render(store, scope, fmt))


COMMANDS = [series, profile, network, shifts, stability, report]
