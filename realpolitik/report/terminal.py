"""The analytics as terminal tables: what `series`, `profile`, `shifts`, `network` and `stability` print.

Each function returns a list of `TableView`s (title, columns, rows, notes); the CLI prints them with
`realpolitik.display.print_table`. Every view states how events are counted and how many it left out.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from realpolitik import analytics as an
from realpolitik.analytics.frame import COUNT_DEFINITION, undated_events, undated_note
from realpolitik.display import actor_label, text

log = logging.getLogger(__name__)

EVIDENCE_CHARS = 240  # a quoted sentence is cut here in a table cell; --json has it whole


@dataclass
class TableView:
    """One table to print."""

    title: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str | None] = field(default_factory=list)


def _notes(store, scope: an.Scope, *more: str | None) -> list[str | None]:
    return [*more, undated_note(undated_events(store, scope)), f"Counted: {COUNT_DEFINITION}."]


def _label(scope: an.Scope) -> str:
    """The scope as a title: 'CHN → IRN', 'IRN', 'Middle East', or 'all actors', with its window."""
    who = scope.label() if (scope.source or scope.target or scope.country or scope.region) else "all actors"
    when = f", {scope.since or 'start'} to {scope.until or 'now'}" if scope.since or scope.until else ""
    return who + when


def _dyad(src: Any, tgt: Any) -> str:
    return f"{actor_label(src)} → {actor_label(tgt)}"


def _quote(s: Any) -> str:
    s = " ".join(text(s).split())
    return s if len(s) <= EVIDENCE_CHARS else s[:EVIDENCE_CHARS - 1].rstrip() + "…"


def series_views(store, scope: an.Scope) -> list[TableView]:
    """Per dyad and period with events: events, distinct, intensity, claims and the main types."""
    s = an.series(store, scope, fill=False)
    periods = len(an.frame.period_range(scope, an.load_events(store, scope))) if len(s) else 0
    allrows = s[s["dimension"] == "all"]
    types = s[s["dimension"] == "type"]
    rows = []
    for r in allrows.itertuples(index=False):
        t = types[(types["period"] == r.period) & (types["source"] == r.source) & (types["target"] == r.target)]
        top = ", ".join(f"{k} {int(v)}" for k, v in t.sort_values(["events", "key"], ascending=[False, True])
                        [["key", "events"]].head(4).itertuples(index=False, name=None))
        rows.append([text(r.period)[:7] if scope.freq == "month" else text(r.period), _dyad(r.source, r.target),
                     r.events, r.distinct, r.intensity, r.claims, top])
    shown = allrows["period"].nunique() if len(allrows) else 0
    gap = f"{periods - shown} of {periods} {scope.freq}s in the window have no events and are not shown." \
        if periods > shown else None
    return [TableView(f"Series {_label(scope)} by {scope.freq}", ["period", "dyad", "events", "distinct", "intensity",
                                                                   "claims", "types"], rows, _notes(store, scope, gap))]


def profile_views(store, scope: an.Scope) -> list[TableView]:
    """Support cells by front and channel with their strongest evidence."""
    p = an.support_profile(store, scope, by_period=False)
    rows = [[r.front, r.channel, r.events, r.distinct, r.intensity, r.claims, r.denied, r.sources,
             f"{_quote(r.best_evidence)} ({text(r.best_publisher) or 'no publisher'}, {text(r.best_date)}; "
             f"{r.best_factuality})"] for r in p.itertuples(index=False)]
    return [TableView(f"Support profile {_label(scope)}", ["front", "channel", "events", "distinct", "intensity",
                                                            "claims", "denied", "sources", "strongest evidence"],
                      rows, _notes(store, scope, "An event on two fronts is in both rows."))]


def shifts_views(store, scope: an.Scope) -> list[TableView]:
    """Each change point with the events behind it."""
    d = an.shifts_dict(store, scope)
    rows = []
    for s in d["shifts"]:
        ev = "\n".join(f"{e['date']} {_quote(e['evidence_text'])} ({text(e.get('publisher')) or 'no publisher'}; "
                       f"{e['factuality']})" for e in s["events"][:3])
        rows.append([s["detected"], s["since"], f"{s['description']}.\n{ev}"])
    return [TableView(f"Shifts {_label(scope)}", ["detected", "since", "shift and the events behind it"], rows,
                      _notes(store, scope, d.get("note")))]


def network_views(store, scope: an.Scope) -> list[TableView]:
    """Blocs, bridges and the strongest ties."""
    net = an.network(store, scope)
    blocs = [[i + 1, len(b), ", ".join(actor_label(c) for c in b)] for i, b in enumerate(net.blocs)]
    bridges = [[actor_label(b["actor"]), b["bloc"] + 1, f"{b['outside_share']:.0%}", b["betweenness"]]
               for b in net.bridges]
    e = net.edges.sort_values("weight", key=lambda w: w.abs(), ascending=False)
    ties = [[f"{actor_label(r.a)} – {actor_label(r.b)}", r.cooperation, r.conflict, r.weight, r.events,
             f"{r.a}→{r.b} {r.a_to_b}, {r.b}→{r.a} {r.b_to_a}"] for r in e.itertuples(index=False)]
    if not blocs:
        return [TableView(f"Network {_label(scope)}", [], [], _notes(store, scope, "No ties between actors in scope."))]
    return [TableView(f"Blocs {_label(scope)}", ["bloc", "members", "actors"], blocs),
            TableView("Bridges (cooperation reaching other blocs)", ["actor", "bloc", "outside share", "betweenness"],
                      bridges, ["No actor bridges blocs."] if not bridges else []),
            TableView("Ties, strongest first", ["tie", "cooperation", "conflict", "net", "events", "each way"], ties,
                      _notes(store, scope))]


def stability_views(store, scope: an.Scope) -> list[TableView]:
    """Stability indicators per unit."""
    df = an.stability(store, scope)
    rows = [[actor_label(r.unit) if r.kind == "country" else r.name, r.events, r.conflict_intensity,
             r.material_conflict_intensity, r.cooperation_intensity, f"{r.great_power_involvement:.0%}",
             f"{r.polarisation:.0%}", r.trend_label + (f" ({r.trend:+.2f})" if pd.notna(r.trend) else "")]
            for r in df.itertuples(index=False)]
    return [TableView(f"Stability {_label(scope)}", ["unit", "events", "conflict/month", "material conflict/month",
                                                      "cooperation/month", "great powers", "polarisation", "trend"],
                      rows, _notes(store, scope))]
