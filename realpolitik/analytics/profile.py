"""Support profile A -> B: fronts and channels of cooperation over time, each cell with its strongest evidence."""
from __future__ import annotations

import logging
from typing import Any

import pandas as pd

from realpolitik.analytics.frame import COOPERATION, Scope, count_info, load_events, records

log = logging.getLogger(__name__)

UNSPECIFIED = "unspecified"
# Corroboration ranks for choosing a cell's strongest evidence: several independent sources beat
# one, and a contested event is the weakest whatever its factuality (docs/analytics.md).
CORROBORATION_RANK = {"corroborated": 2, "single_source": 1, None: 1, "contested": 0}
PROFILE_COLUMNS = ["front", "channel", "period", "events", "distinct", "intensity", "claims", "denied", "sources",
                   "first", "last", "factuality", "best_event_id", "best_evidence", "best_article_id",
                   "best_factuality", "best_corroboration", "best_title", "best_publisher", "best_date",
                   "best_source", "best_target"]


def strength_order(df: pd.DataFrame) -> pd.DataFrame:
    """Events sorted strongest first: factuality weight, corroboration, |intensity|, confidence, then date and id."""
    ranked = df.assign(_c=df["corroboration"].map(lambda s: CORROBORATION_RANK.get(s, 1)),
                       _i=df["intensity"].abs())
    ranked = ranked.sort_values(["fact_weight", "_c", "_i", "confidence", "date", "id"],
                                ascending=[False, False, False, False, True, True])
    return ranked.drop(columns=["_c", "_i"])


def support_events(store, scope: Scope) -> pd.DataFrame:
    """The cooperative events of the scope, one row per event and front (an event with no front: 'unspecified')."""
    df = load_events(store, scope)
    df = df[df["quad"].isin(COOPERATION)].copy()
    if scope.country and not (scope.source or scope.target):
        # A country's profile is the support it receives.
        df = df[df["tgt"] == scope.country.upper()[:3]]
    df["channel"] = df["channel"].where(df["channel"].notna() & (df["channel"] != ""), UNSPECIFIED)
    df["front"] = [list(f) if len(f) else [UNSPECIFIED] for f in df["fronts"]]
    return df.explode("front").reset_index(drop=True)


def support_profile(store, scope: Scope, by_period: bool = True) -> pd.DataFrame:
    """Cells (front, channel[, period]) with events, intensity, claims, independent sources and strongest evidence."""
    df = support_events(store, scope)
    if not len(df):
        return pd.DataFrame(columns=PROFILE_COLUMNS)
    keys = ["front", "channel"] + (["period"] if by_period else [])
    df = strength_order(df)
    # A denied event is not support: it is counted apart, not in the cell's events or intensity.
    live = df["factuality"] != "denied"
    df["wl"] = df["weight"] * live
    df["live"] = live.astype(int)
    df["wd"] = df["weight"] * ~live
    df["wi"] = df["wl"] * df["intensity"]
    df["wc"] = df["wl"] * df["claim"]
    # Independent sources: distinct publishers; an article without one counts as its own source,
    # and a near-duplicate counts as its canonical article.
    canon = df["canonical_id"].where(df["canonical_id"].notna(), df["article_id"])
    df["src_key"] = df["publisher"].where(df["publisher"].notna() & (df["publisher"] != ""), "article:" + canon)
    grouped = df.groupby(keys, sort=True)
    out = grouped.agg(events=("live", "sum"), distinct=("wl", "sum"), intensity=("wi", "sum"),
                      claims=("wc", "sum"), denied=("wd", "sum"), sources=("src_key", "nunique"), first=("date", "min"),
                      last=("date", "max")).reset_index()
    out["factuality"] = [dict(g["factuality"].value_counts().sort_index()) for _, g in grouped]
    best = grouped.head(1).set_index(keys)  # rows are in strength order, so the first is the strongest
    for col, src in (("best_event_id", "id"), ("best_evidence", "evidence_text"), ("best_article_id", "article_id"),
                     ("best_factuality", "factuality"), ("best_corroboration", "corroboration"),
                     ("best_title", "title"), ("best_publisher", "publisher"), ("best_date", "date"),
                     ("best_source", "source"), ("best_target", "target")):
        out[col] = [best.loc[tuple(k) if len(keys) > 1 else k, src] for k in out[keys].itertuples(index=False)]
    if not by_period:
        out["period"] = None
    return out.sort_values(["intensity", "front", "channel"], ascending=[False, True, True],
                           ignore_index=True)[PROFILE_COLUMNS] if not by_period else \
        out.sort_values(keys, ignore_index=True)[PROFILE_COLUMNS]


def profile_dict(store, scope: Scope) -> dict[str, Any]:
    """The profile as JSON-able data: {scope, summary (whole window), cells (by period)}."""
    return {"scope": scope.as_dict(), **count_info(store, scope),
            "summary": records(support_profile(store, scope, by_period=False)),
            "cells": records(support_profile(store, scope, by_period=True))}
