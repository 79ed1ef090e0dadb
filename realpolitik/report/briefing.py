"""The content of a briefing: what the analytics say about a dyad, a country or a region, as plain data."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from typing import Any, Sequence

import pandas as pd

from realpolitik.analytics.frame import (
    CONFLICT,
    COOPERATION,
    COUNT_DEFINITION,
    Scope,
    alignable,
    great_powers,
    load_events,
    period_range,
    records,
    regions,
    regions_of,
    undated_events,
    undated_note,
)
from realpolitik.analytics.network import network_of
from realpolitik.analytics.profile import strength_order, support_profile
from realpolitik.analytics.shifts import shifts
from realpolitik.analytics.stability import stability_of
from realpolitik.report import svg

log = logging.getLogger(__name__)

KEY_EVIDENCE = 8  # sentences quoted at the end: enough to read in a minute
PRESSURE_ROWS = 8
STATUS_WORDS = {"corroborated": "corroborated", "single_source": "single source", "contested": "contested",
                None: "not assessed"}


def evidence_items(df: pd.DataFrame, n: int) -> list[dict[str, Any]]:
    """The n strongest events as quotable evidence with their article (title, publisher, date)."""
    if not len(df):
        return []
    df = strength_order(df.drop_duplicates("id")).head(n)
    out = []
    for r in records(df[["id", "date", "source", "target", "src", "tgt", "type", "quad", "channel", "factuality",
                         "claim", "corroboration", "attributed_to", "evidence_text", "article_id", "title",
                         "publisher", "published", "url"]]):
        r["status"] = STATUS_WORDS.get(r["corroboration"], r["corroboration"])
        out.append(r)
    return out


def _certainty(df: pd.DataFrame) -> dict[str, Any]:
    """Event records by factuality and corroboration (COUNT_DEFINITION), with the distinct count beside."""
    total = int(len(df))
    fact = {str(k): int(v) for k, v in df["factuality"].value_counts().sort_index().items()}
    corr = {STATUS_WORDS.get(k, k): int(v) for k, v in df["corroboration"].dropna().value_counts().sort_index().items()}
    unassessed = int(df["corroboration"].isna().sum())
    if unassessed:
        corr["not assessed"] = unassessed
    claims = int(df["claim"].sum())
    return {"events": total, "distinct": round(float(df["weight"].sum()), 2), "factuality": fact,
            "corroboration": corr, "claims": claims, "claims_share": round(claims / total, 4) if total else 0.0,
            "mean_confidence": round(float(df["confidence"].mean()), 3) if len(df) else None}


def _types(g: pd.DataFrame) -> str:
    """'ASSAULT 2, THREATEN 1': a group's event types with their counts."""
    return ", ".join(f"{t} {int(n)}" for t, n in g["type"].value_counts().sort_index().items())


def _best_evidence(g: pd.DataFrame) -> dict[str, Any]:
    """The strongest event of a group as quotable evidence: its sentence, factuality and article."""
    best = strength_order(g).iloc[0]
    return {"evidence": best["evidence_text"], "factuality": best["factuality"], "claim": bool(best["claim"]),
            "title": best["title"], "publisher": best["publisher"], "date": best["date"].date().isoformat()}


def _pressure(df: pd.DataFrame, targets: set[str], exclude: set[str]) -> tuple[list[dict[str, Any]], pd.DataFrame]:
    """Conflictual events by third parties against the targets, by (source, target)."""
    p = df[df["quad"].isin(CONFLICT) & df["tgt"].isin(targets) & df["src"].map(alignable) & ~df["src"].isin(exclude)]
    rows = []
    for (src, tgt), g in p.groupby(["src", "tgt"]):
        # Weighted by factuality too, so a denied threat adds nothing and claims count less.
        magnitude = float((g["weight"] * g["fact_weight"] * g["intensity"].abs()).sum())
        if not magnitude:
            continue
        rows.append({"source": src, "target": tgt, "events": int(len(g)),
                     "intensity": round(magnitude, 2),
                     "types": _types(g),
                     "material": bool((g["quad"] == "material_conflict").any()), **_best_evidence(g)})
    rows.sort(key=lambda r: (-r["intensity"], r["source"], r["target"]))
    return rows[:PRESSURE_ROWS], p


def _acts(df: pd.DataFrame, c: str) -> tuple[list[dict[str, Any]], pd.DataFrame]:
    """What the country itself did to other states, by recipient: cooperation and conflict with their evidence."""
    own = df[(df["src"] == c) & df["tgt"].notna() & (df["tgt"] != c)]
    rows = []
    for tgt, g in own.groupby("tgt"):
        w = g["weight"] * g["fact_weight"] * g["intensity"].abs()
        rows.append({"target": tgt, "events": int(len(g)),
                     "cooperation": round(float(w[g["quad"].isin(COOPERATION)].sum()), 2),
                     "conflict": round(float(w[g["quad"].isin(CONFLICT)].sum()), 2),
                     "types": _types(g), **_best_evidence(g)})
    rows.sort(key=lambda r: (-(r["cooperation"] + r["conflict"]), r["target"]))
    return rows[:PRESSURE_ROWS], own


def _front_chart(sup: pd.DataFrame, periods: list[pd.Timestamp], title: str) -> Any:
    labels = [_period_label(p) for p in periods]
    series: dict[str, Sequence[float]] = {}
    for front, g in sup.groupby("front"):
        by = (g["weight"] * g["intensity"]).groupby(g["period"]).sum()
        series[front] = [float(by.get(p, 0.0)) for p in periods]
    series = dict(sorted(series.items(), key=lambda kv: -sum(kv[1])))
    return svg.line_chart(labels, series, title, y_label="cooperation intensity per period")


def _n(count: float, word: str) -> str:
    """'1 event', '2.5 events'."""
    return f"{count:g} {word}" + ("" if count == 1 else "s")


def _period_label(p: pd.Timestamp) -> str:
    return p.strftime("%Y-%m") if p.day == 1 else p.date().isoformat()


def _window(scope: Scope, df: pd.DataFrame) -> dict[str, str | None]:
    lo = scope.since or (df["date"].min().date().isoformat() if len(df) else None)
    hi = scope.until or (df["date"].max().date().isoformat() if len(df) else None)
    return {"since": lo, "until": hi}


def _stability_rows(df: pd.DataFrame, scope: Scope, codes: list[str]) -> list[dict[str, Any]]:
    """Indicators for the given states and for the regions of the last of them (the supported state)."""
    base = scope.with_(source=None, target=None, country=None, region=None)
    rows: list[dict[str, Any]] = []
    for c in dict.fromkeys(codes):
        rows += records(stability_of(df, base.with_(country=c)))
    for r in dict.fromkeys(reg for c in codes[-1:] for reg in regions_of(c)):
        rows += records(stability_of(df, base.with_(region=r)).head(1))
    return rows


def build_briefing(store, scope: Scope) -> dict[str, Any]:
    """Everything a briefing shows, for a dyad (source and target), a country or a region."""
    whole = scope.with_(source=None, target=None, country=None, region=None)
    df = load_events(store, whole)
    periods = period_range(scope, df)
    b: dict[str, Any] = {"scope": scope.as_dict(), "label": scope.label(), "window": _window(scope, df),
                         "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                         "great_powers": list(great_powers()), "charts": {}}
    if scope.region:
        b["mode"] = "region"
        _region(store, scope, df, periods, b)
    elif scope.country and not (scope.source or scope.target):
        b["mode"] = "country"
        _country(store, scope, df, periods, b)
    else:
        if not (scope.source and scope.target):
            raise ValueError("a dyad briefing needs both source and target (or use country/region)")
        b["mode"] = "dyad"
        _dyad(store, scope, df, periods, b)
    b["charts"]["map"] = _map(store, scope, b)
    fact = b["certainty"]["factuality"]
    b["charts"].setdefault("factuality", svg.bar_chart(sorted(fact.items(), key=lambda kv: -kv[1]),
                                                       "Events by factuality"))
    scoped = b.pop("_scoped")
    b["coverage"] = {"articles": int(scoped["article_id"].nunique()), "events": int(len(scoped)),
                     "distinct": round(float(scoped["weight"].sum()), 2),
                     "publishers": int(scoped["publisher"].nunique()),
                     "undated": undated_events(store, scope), "definition": COUNT_DEFINITION}
    b["undated_note"] = undated_note(b["coverage"]["undated"])
    if b["undated_note"]:
        b["summary"].append(b["undated_note"] + ".")
    return b


def _dyad(store, scope: Scope, df: pd.DataFrame, periods: list, b: dict[str, Any]) -> None:
    a, t = scope.source.upper()[:3], scope.target.upper()[:3]
    b["title"] = f"{a} → {t}: support, pressure and stability"
    pair = df[(df["src"] == a) & (df["tgt"] == t)]
    sup = pair[pair["quad"].isin(COOPERATION) & (pair["factuality"] != "denied")].copy()
    sup["front"] = [list(f) if len(f) else ["unspecified"] for f in sup["fronts"]]
    sup = sup.explode("front")
    b["profile"] = records(support_profile(store, scope, by_period=False))
    b["charts"]["fronts"] = _front_chart(sup, periods, f"Support {a} → {t} by front")
    b["shifts"] = records(shifts(store, scope))
    b["certainty"] = _certainty(pair)
    b["_scoped"] = pair
    b["charts"]["factuality"] = svg.bar_chart(sorted(b["certainty"]["factuality"].items(), key=lambda kv: -kv[1]),
                                              f"Events {a} → {t} by factuality")
    back = df[(df["src"] == t) & (df["tgt"] == a)]
    b["reverse"] = {"events": int(len(back)), "cooperation": int(back["quad"].isin(COOPERATION).sum()),
                    "conflict": int(back["quad"].isin(CONFLICT).sum())}
    b["pressure"], pdf = _pressure(df, {a, t}, {a, t})
    b["charts"]["pressure"] = svg.bar_chart([(f"{r['source']} → {r['target']}", r["intensity"])
                                             for r in b["pressure"]], "Third-party pressure by intensity")
    b["stability"] = _stability_rows(df, scope, [a, t])
    b["evidence"] = evidence_items(pair, KEY_EVIDENCE) + evidence_items(pdf, 3)
    b["summary"] = _dyad_summary(a, t, b, sup)


def _dyad_summary(a: str, t: str, b: dict[str, Any], sup: pd.DataFrame) -> list[str]:
    out = []
    fronts = sup.groupby("front")["id"].nunique().sort_values(ascending=False) if len(sup) else pd.Series()
    n = int(sup["id"].nunique()) if len(sup) else 0
    if n:
        out.append(f"{a} supported {t} in {_n(n, 'cooperative event')}, on these fronts: "
                   + ", ".join(f"{f} ({v:g})" for f, v in fronts.items()) + ".")
        top = b["profile"][0]
        out.append(f"Strongest channel: {top['channel']} ({top['front']}), {_n(top['events'], 'event')}, "
                   f"summed intensity {top['intensity']:g}.")
    else:
        out.append(f"No cooperative events from {a} to {t} in this window.")
    out += [s["description"] + "." for s in b["shifts"][:3]]
    c = b["certainty"]
    if c["events"]:
        out.append(f"{c['claims']:g} of {c['events']:g} events are claims (reported, planned, hypothetical, "
                   f"denied or questioned), not stated as fact.")
        if "not assessed" in c["corroboration"] and len(c["corroboration"]) == 1:
            out.append("Corroboration across sources has not been assessed in this store.")
        else:
            out.append("Corroboration: " + ", ".join(f"{k} {v:g}" for k, v in c["corroboration"].items()) + ".")
    if b["pressure"]:
        p = b["pressure"][0]
        out.append(f"Main third-party pressure: {p['source']} on {p['target']} "
                   f"({_n(p['events'], 'event')}: {p['types']}).")
    return out


def _country(store, scope: Scope, df: pd.DataFrame, periods: list, b: dict[str, Any]) -> None:
    c = scope.country.upper()[:3]
    b["title"] = f"{c}: its acts, support received, pressure and stability"
    sup = df[df["quad"].isin(COOPERATION) & (df["tgt"] == c) & df["src"].notna() & (df["src"] != c)
             & (df["factuality"] != "denied")].copy()
    sup["front"] = [list(f) if len(f) else ["unspecified"] for f in sup["fronts"]]
    sup = sup.explode("front")
    b["profile"] = records(support_profile(store, scope, by_period=False))
    b["supporters"] = _supporters(sup)
    b["charts"]["fronts"] = _front_chart(sup, periods, f"Support received by {c}, by front")
    b["charts"]["supporters"] = svg.bar_chart([(r["source"], r["intensity"]) for r in b["supporters"][:10]],
                                              f"Who supports {c} (summed intensity)")
    b["shifts"] = records(shifts(store, scope))
    b["_scoped"] = df[(df["src"] == c) | (df["tgt"] == c)]
    b["certainty"] = _certainty(b["_scoped"])
    b["pressure"], pdf = _pressure(df, {c}, {c})
    b["charts"]["pressure"] = svg.bar_chart([(f"{r['source']} → {r['target']}", r["intensity"])
                                             for r in b["pressure"]], f"Pressure on {c} by intensity")
    b["stability"] = _stability_rows(df, scope, [c])
    net = network_of(df, scope)
    b["network"] = _network_view(net, {c})
    b["acts"], own = _acts(df, c)
    b["charts"]["acts"] = svg.bar_chart([(f"{c} → {r['target']} cooperation", r["cooperation"]) for r in b["acts"]
                                         if r["cooperation"]] +
                                        [(f"{c} → {r['target']} conflict", -r["conflict"]) for r in b["acts"]
                                         if r["conflict"]],
                                        f"What {c} did, by recipient (intensity; conflict leftwards)")
    b["evidence"] = evidence_items(own, 4) + evidence_items(sup, KEY_EVIDENCE) + evidence_items(pdf, 3)
    b["summary"] = []
    if b["acts"]:
        b["summary"].append(f"{c} acted towards {_n(len(b['acts']), 'state')}: " + "; ".join(
            f"{r['target']} ({r['types']})" for r in b["acts"][:4]) + ".")
    b["summary"].append(f"{_n(len(b['supporters']), 'state')} gave {c} cooperative support in this window"
                        + (f", led by {b['supporters'][0]['source']}." if b["supporters"] else "."))
    b["summary"] += [s["description"] + "." for s in b["shifts"][:3]]
    if b["pressure"]:
        p = b["pressure"][0]
        b["summary"].append(f"Main pressure: {p['source']} ({_n(p['events'], 'event')}: {p['types']}).")


def _supporters(sup: pd.DataFrame) -> list[dict[str, Any]]:
    """Who gives support, strongest first: events, summed intensity and fronts per source state."""
    out = []
    for src, g in sup.groupby("src"):
        one = g.drop_duplicates("id")  # an event with two fronts is one event
        out.append({"source": src, "events": int(len(one)),
                    "intensity": round(float((one["weight"] * one["intensity"]).sum()), 2),
                    "fronts": ", ".join(sorted(set(g["front"])))})
    return sorted(out, key=lambda r: (-r["intensity"], r["source"]))


def _region(store, scope: Scope, df: pd.DataFrame, periods: list, b: dict[str, Any]) -> None:
    reg = regions()[scope.region]
    members = set(reg["codes"])
    b["title"] = f"{reg['name']}: regional stability"
    b["region"] = {"key": scope.region, **reg}
    b["stability"] = records(stability_of(df, scope))
    b["charts"]["conflict"] = svg.bar_chart(
        [(r["name"], r["conflict_intensity"])
         for r in sorted(b["stability"][1:], key=lambda r: -r["conflict_intensity"])],
        f"Conflict intensity per month, {reg['name']}")
    rd = df[df["src"].isin(members) | df["tgt"].isin(members)]
    net = network_of(df, scope)
    b["network"] = _network_view(net, members)
    b["shifts"] = records(shifts(store, scope))
    b["certainty"] = _certainty(rd)
    b["_scoped"] = rd
    b["pressure"], pdf = _pressure(df, members, members)
    b["charts"]["pressure"] = svg.bar_chart([(f"{r['source']} → {r['target']}", r["intensity"])
                                             for r in b["pressure"]], "Outside pressure on members by intensity")
    gp = b["stability"][0]["great_powers"] if b["stability"] else {}
    b["charts"]["great_powers"] = svg.bar_chart(
        [(f"{g} cooperation", v["cooperation"]) for g, v in gp.items() if v["cooperation"]] +
        [(f"{g} conflict", -v["conflict"]) for g, v in gp.items() if v["conflict"]],
        "Great-power engagement with the region (intensity; conflict leftwards)")
    sup = rd[rd["quad"].isin(COOPERATION) & (rd["factuality"] != "denied")].copy()
    sup["front"] = [list(f) if len(f) else ["unspecified"] for f in sup["fronts"]]
    b["charts"]["fronts"] = _front_chart(sup.explode("front"), periods,
                                         f"Cooperation involving {reg['name']}, by front")
    b["evidence"] = evidence_items(rd, KEY_EVIDENCE)
    if b["stability"]:
        r0 = b["stability"][0]
        trend = f", trend {r0['trend']:+.2f}" if r0["trend"] is not None else ""
        b["summary"] = [f"Conflict intensity {r0['conflict_intensity']:.2f} per month ({r0['trend_label']}{trend}); "
                        f"great-power involvement {r0['great_power_involvement']:.0%}; "
                        f"polarisation {r0['polarisation']:.0%}."]
    else:
        b["summary"] = [f"No events involving {reg['name']} in this window."]
    b["summary"] += [s["description"] + "." for s in b["shifts"][:3]]


def _network_view(net, members: set[str]) -> dict[str, Any]:
    blocs = [list(bl) for bl in net.blocs if set(bl) & members or len(bl) > 1]
    e = net.edges[net.edges["a"].isin(members) | net.edges["b"].isin(members)]
    return {"blocs": blocs, "bridges": [br for br in net.bridges],
            "ties": records(e.sort_values("weight", key=abs, ascending=False).head(12))}


# The most events a briefing's map draws: enough for a dense year of one dyad or country, still a page of
# about 60 KB.
MAP_EVENTS = 2000


def _map(store, scope: Scope, b: dict[str, Any]):
    """Where the scope's events happened, as an offline world map (markers by quad class, no links: a
    briefing is read away from the dashboard)."""
    from realpolitik.geo.worldmap import world_map_svg
    from realpolitik.store.base import EventFilter

    flt = EventFilter(since=scope.since, until=scope.until, located=True, sort="date", descending=True,
                      limit=MAP_EVENTS)
    if b["mode"] == "dyad":
        flt = replace(flt, source=scope.source.upper()[:3], target=scope.target.upper()[:3])
    else:
        flt = replace(flt, countries=tuple(scope.actors()))
    events = store.events(flt)
    b["located_events"] = len(events)
    return world_map_svg(events, f"Where the events of {b['label']} happened", highlight=scope.actors()
                         if b["mode"] != "dyad" else (), legend=False)

