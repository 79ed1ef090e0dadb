"""Dyad time series: events and summed intensity per period, by type, quad class, channel and front."""
from __future__ import annotations

import logging
from typing import Any

import pandas as pd

from realpolitik.analytics.frame import Scope, count_info, load_events, period_range, records

log = logging.getLogger(__name__)

DIMENSIONS = ("type", "quad", "channel", "front")
SERIES_COLUMNS = ["period", "source", "target", "dimension", "key", "events", "distinct", "intensity",
                  "claims", "asserted"]


def long_rows(df: pd.DataFrame, dimensions: tuple[str, ...] = DIMENSIONS) -> pd.DataFrame:
    """One row per event and dimension value (an event with two fronts gives two 'front' rows)."""
    parts = []
    for dim in dimensions:
        if dim == "front":
            part = df.explode("fronts").rename(columns={"fronts": "key"})
            part = part[part["key"].notna()]
        else:
            part = df.assign(key=df[dim])
            part = part[part["key"].notna() & (part["key"] != "")]
        parts.append(part.assign(dimension=dim))
    parts.append(df.assign(dimension="all", key="all"))
    return pd.concat(parts, ignore_index=True) if parts else df


def series(store, scope: Scope, dimensions: tuple[str, ...] = DIMENSIONS, by_dyad: bool = True,
           fill: bool = True) -> pd.DataFrame:
    """Event records (COUNT_DEFINITION), distinct events (clusters counted once) and summed intensity per period,
    dyad and dimension value.

    With `fill`, every (dyad, dimension, key) seen in the scope has a row for every period in the window,
    zero when nothing happened, so the rows can be plotted directly.
    """
    df = load_events(store, scope)
    if not len(df):
        return pd.DataFrame(columns=SERIES_COLUMNS)
    rows = long_rows(df, dimensions)
    rows["wi"] = rows["weight"] * rows["intensity"]
    rows["wc"] = rows["weight"] * rows["claim"]
    rows["wa"] = rows["weight"] * ~rows["claim"]
    if by_dyad:
        rows["source"], rows["target"] = rows["src"], rows["tgt"]
    else:
        rows["source"], rows["target"] = scope.label(), ""
    keys = ["period", "source", "target", "dimension", "key"]
    out = (rows.groupby(keys, dropna=False)
           .agg(events=("id", "count"), distinct=("weight", "sum"), intensity=("wi", "sum"),
                claims=("wc", "sum"), asserted=("wa", "sum"))
           .reset_index())
    if fill:
        periods = period_range(scope, df)
        combos = out[["source", "target", "dimension", "key"]].drop_duplicates()
        grid = combos.merge(pd.DataFrame({"period": periods}), how="cross")
        out = grid.merge(out, on=keys, how="left").fillna({"events": 0, "distinct": 0.0, "intensity": 0.0,
                                                           "claims": 0.0, "asserted": 0.0})
        out["events"] = out["events"].astype(int)
    return out.sort_values(keys, ignore_index=True)[SERIES_COLUMNS]


def series_dict(store, scope: Scope, dimensions: tuple[str, ...] = DIMENSIONS) -> dict[str, Any]:
    """The series as JSON-able data for the API: {scope, rows}."""
    return {"scope": scope.as_dict(), **count_info(store, scope), "rows": records(series(store, scope, dimensions))}
