"""Stability indicators per country and per region: conflict intensity, great-power involvement,
polarisation between blocs and trend. Formulas in docs/analytics.md, "Stability"."""
from __future__ import annotations

import logging
from typing import Any

import pandas as pd

from realpolitik.analytics.frame import (
    CONFLICT,
    COOPERATION,
    Scope,
    count_info,
    great_powers,
    load_events,
    records,
    regions,
    states,
)
from realpolitik.analytics.network import network_of

log = logging.getLogger(__name__)

DAYS_PER_MONTH = 30.4375  # the mean Gregorian month, so rates are per month whatever the window
# Trend labels: a second half with at least 1.5 times the first half's conflict (trend >= 0.2)
# escalates; 0.2 is (1.5 - 1) / (1.5 + 1) rounded, a rise analysts would call marked.
TREND_THRESHOLD = 0.2
# A trend needs at least this many conflict event records in the window: with fewer, one story moved
# across the midpoint flips the label between escalating and de-escalating (+-1.0). Four is two per
# half on average, the least from which a half-on-half comparison says more than where one report fell.
MIN_TREND_EVENTS = 4
TOO_FEW = "too few events"
STABILITY_COLUMNS = ["unit", "name", "kind", "events", "distinct", "conflict_intensity", "material_conflict_intensity",
                     "cooperation_intensity", "great_power_involvement", "great_powers", "polarisation",
                     "trend", "trend_label", "claims_share", "since", "until"]


def _window(scope: Scope, df: pd.DataFrame) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    lo = pd.Timestamp(scope.since) if scope.since else (df["date"].min() if len(df) else None)
    hi = pd.Timestamp(scope.until) if scope.until else (df["date"].max() if len(df) else None)
    return lo, hi


def indicators(df: pd.DataFrame, members: set[str], edges: pd.DataFrame, bloc_of: dict[str, int],
               since: pd.Timestamp, until: pd.Timestamp) -> dict[str, Any]:
    """The indicators of one actor set over [since, until] from the window's events and alignment network."""
    df = df[df["src"].isin(members) | df["tgt"].isin(members)]
    # A window shorter than a month counts as one: one strike reported on a single day is 9 in that
    # month, not 9 x 30 as if it recurred daily.
    months = max(((until - since).days + 1) / DAYS_PER_MONTH, 1.0)
    w = df["weight"] * df["fact_weight"]
    mag = w * df["intensity"].abs()
    conflict = df["quad"].isin(CONFLICT)
    gp = set(great_powers())
    interstate = df["src"].notna() & df["tgt"].notna() & (df["src"] != df["tgt"])
    involves_gp = pd.Series([(s in gp and t in members) or (t in gp and s in members)
                             for s, t in zip(df["src"], df["tgt"])], index=df.index, dtype=bool)
    ext = mag[interstate].sum()
    by_gp = {}
    for g in sorted(gp):
        sel = interstate & (((df["src"] == g) & df["tgt"].isin(members - {g})) |
                            ((df["tgt"] == g) & df["src"].isin(members - {g})))
        if sel.any():
            by_gp[g] = {"cooperation": round(float(mag[sel & df["quad"].isin(COOPERATION)].sum()), 4),
                        "conflict": round(float(mag[sel & conflict].sum()), 4)}
    mid = since + pd.Timedelta(days=((until - since).days + 1) // 2)
    c1 = float(mag[conflict & (df["date"] < mid)].sum())
    c2 = float(mag[conflict & (df["date"] >= mid)].sum())
    trend = (c2 - c1) / (c1 + c2) if c1 + c2 else 0.0
    enough = int(conflict.sum()) >= MIN_TREND_EVENTS
    return {
        "events": int(len(df)),
        "distinct": round(float(df["weight"].sum()), 4),
        "conflict_intensity": round(float(mag[conflict].sum()) / months, 4),
        "material_conflict_intensity": round(float(mag[df["quad"] == "material_conflict"].sum()) / months, 4),
        "cooperation_intensity": round(float(mag[df["quad"].isin(COOPERATION)].sum()) / months, 4),
        "great_power_involvement": round(float(mag[interstate & involves_gp].sum()) / ext, 4) if ext else 0.0,
        "great_powers": by_gp,
        "polarisation": polarisation(edges, bloc_of, members),
        "trend": round(trend, 4) if enough else None,
        "trend_label": TOO_FEW if not enough else "escalating" if trend >= TREND_THRESHOLD else
                       ("de-escalating" if trend <= -TREND_THRESHOLD else "stable"),
        "claims_share": round(float(w[df["claim"]].sum() / w.sum()), 4) if w.sum() else 0.0,
    }


def polarisation(edges: pd.DataFrame, bloc_of: dict[str, int], members: set[str]) -> float:
    """Share of the tie weight touching the members that is conflict across bloc lines (0..1)."""
    touch = edges[edges["a"].isin(members) | edges["b"].isin(members)]
    total = float((touch["cooperation"] + touch["conflict"]).sum())
    if not total:
        return 0.0
    across = [bloc_of.get(a) != bloc_of.get(b) for a, b in zip(touch["a"], touch["b"])]
    return round(float(touch.loc[across, "conflict"].sum()) / total, 4)


def stability(store, scope: Scope) -> pd.DataFrame:
    """Indicators for the scope: a region and each member with events, a country, or a dyad's two states.

    Blocs come from the alignment network of every event in the window, not only the scope's,
    since alignments are global.
    """
    whole = scope.with_(source=None, target=None, country=None, region=None)
    return stability_of(load_events(store, whole), scope)


def stability_of(df: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """The indicators of `stability` from an already loaded frame of every event in the window."""
    whole = scope.with_(source=None, target=None, country=None, region=None)
    since, until = _window(scope, df)
    if since is None or until is None or not len(df):
        return pd.DataFrame(columns=STABILITY_COLUMNS)
    net = network_of(df, whole)
    units: list[tuple[str, str, str, set[str]]] = []
    if scope.region:
        reg = regions()[scope.region]
        units.append((scope.region, reg["name"], "region", set(reg["codes"])))
        seen = set(df["src"].dropna()) | set(df["tgt"].dropna())
        units += [(c, c, "country", {c}) for c in reg["codes"] if c in seen]
    elif scope.country:
        c = scope.country.upper()[:3]
        units.append((c, c, "country", {c}))
    elif scope.source or scope.target:
        units += [(c, c, "country", {c}) for c in dict.fromkeys(scope.actors())]
    else:
        units += [(c, c, "country", {c}) for c in sorted((set(df["src"].dropna()) | set(df["tgt"].dropna()))
                                                          & states())]
    rows = []
    for unit, name, kind, members in units:
        ind = indicators(df, members, net.edges, net.bloc_of, since, until)
        rows.append({"unit": unit, "name": name, "kind": kind, **ind, "since": since, "until": until})
    return pd.DataFrame(rows, columns=STABILITY_COLUMNS)


def regions_stability(df: pd.DataFrame, scope: Scope, keys: list[str]) -> pd.DataFrame:
    """The indicators of each region in `keys` alone (no member rows): one network for all of them."""
    whole = scope.with_(source=None, target=None, country=None, region=None)
    since, until = _window(scope, df)
    if since is None or until is None or not len(df):
        return pd.DataFrame(columns=STABILITY_COLUMNS)
    net = network_of(df, whole)
    rows = []
    for key in keys:
        reg = regions()[key]
        ind = indicators(df, set(reg["codes"]), net.edges, net.bloc_of, since, until)
        rows.append({"unit": key, "name": reg["name"], "kind": "region", **ind, "since": since, "until": until})
    return pd.DataFrame(rows, columns=STABILITY_COLUMNS)


def stability_dict(store, scope: Scope) -> dict[str, Any]:
    """The indicators as JSON-able data: {scope, great_powers, rows}."""
    return {"scope": scope.as_dict(), **count_info(store, scope), "great_powers": list(great_powers()),
            "rows": records(stability(store, scope))}
