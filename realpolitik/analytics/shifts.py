"""Shifts: CUSUM change points on each dyad's series against its own baseline, with the events behind them."""
from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd

from realpolitik.analytics.frame import CONFLICT, COOPERATION, Scope, count_info, load_events, period_range, records
from realpolitik.analytics.profile import strength_order

log = logging.getLogger(__name__)

# CUSUM parameters in units of the baseline's standard deviation: k = 0.5 and h = 4 are the
# textbook tabular-CUSUM choice for detecting a shift of one standard deviation (Montgomery,
# Introduction to Statistical Quality Control, sec. 9.1), about 168 in-control periods between
# false alarms on normal data.
K_SIGMA = 0.5
H_SIGMA = 4.0
# Floor on the baseline's standard deviation, in PLOVER intensity points per period: 2.5 is the
# score of one consultation (CONSULT), the smallest common event; without it a dyad silent in its
# baseline would raise an alarm on any single event. With it, one AID event (10) is not a shift
# but two periods in a row with one are.
SIGMA_FLOOR = 2.5
MIN_BASELINE = 3  # periods; fewer cannot give a standard deviation worth the name
TOP_EVENTS = 5
# Minimum support for a shift: the events behind it (those since the change for a rise, the
# baseline's for a fall or stop) must come from at least 2 articles in at least 2 periods. With less,
# one story (and a month without one after it) is the whole "shift"; two independent reports in two
# periods are the least that show a level rather than an incident.
MIN_SHIFT_EVENTS = 2
MIN_SHIFT_ARTICLES = 2
MIN_SHIFT_PERIODS = 2
# A stop needs this many periods without events after it: one or two quiet months are what sparse
# coverage looks like (no article that month), not the end of a relationship.
MIN_QUIET_PERIODS = 3
TOO_FEW = "too few events"
SHIFT_COLUMNS = ["source", "target", "aspect", "direction", "kind", "since", "detected", "baseline", "level",
                 "description", "events"]
_FREQ_WORD = {"day": "day", "week": "week", "month": "month"}


def aspect_rows(df: pd.DataFrame) -> pd.DataFrame:
    """Each event under the aspect its series belongs to: '<front> cooperation' or its conflict quad."""
    coop = df[df["quad"].isin(COOPERATION)].copy()
    coop["aspect"] = [[f"{f} cooperation" for f in fr] if len(fr) else ["general cooperation"]
                      for fr in coop["fronts"]]
    coop = coop.explode("aspect")
    conf = df[df["quad"].isin(CONFLICT)].copy()
    conf["aspect"] = conf["quad"].str.replace("_", " ")
    out = pd.concat([coop, conf], ignore_index=True)
    out = out[out["src"].notna() & out["tgt"].notna()]
    out["value"] = out["weight"] * out["fact_weight"] * out["intensity"].abs()
    return out


def cusum(x: np.ndarray, baseline: int) -> list[dict[str, Any]]:
    """Tabular CUSUM on x after its first `baseline` values; each alarm re-baselines on the new level.

    Returns alarms as {direction, start, detected, mu, level}: start is the index where the cumulative
    sum last left zero (the estimated change point), detected the index where it crossed h.
    """
    mu = float(np.mean(x[:baseline]))
    sigma = max(float(np.std(x[:baseline])), SIGMA_FLOOR)
    k, h = K_SIGMA * sigma, H_SIGMA * sigma
    hi = lo = 0.0
    start_hi = start_lo = baseline
    alarms = []
    for t in range(baseline, len(x)):
        if hi == 0.0:
            start_hi = t
        if lo == 0.0:
            start_lo = t
        hi = max(0.0, hi + x[t] - mu - k)
        lo = max(0.0, lo + mu - k - x[t])
        for direction, s, start in (("up", hi, start_hi), ("down", lo, start_lo)):
            if s > h:
                level = float(np.mean(x[start:t + 1]))
                alarms.append({"direction": direction, "start": start, "detected": t, "mu": mu, "level": level})
                mu, hi, lo = level, 0.0, 0.0  # the new level is the baseline from here on
                break
    return alarms


def _kind(direction: str, mu: float, level: float) -> str:
    if direction == "up":
        return "new" if mu == 0 else "rise"
    return "stop" if level == 0 else "fall"


def _describe(src: str, tgt: str, aspect: str, kind: str, since: pd.Timestamp, freq: str,
              mu: float, level: float) -> str:
    when = since.strftime("%B %Y") if freq == "month" else since.date().isoformat()
    what = {"new": "Qualitative shift: {a} {s} → {t} appears", "rise": "Rise in {a} {s} → {t}",
            "fall": "Fall in {a} {s} → {t}", "stop": "{a} {s} → {t} stops"}[kind]
    head = what.format(a=aspect, s=src, t=tgt)
    return f"{head[0].upper()}{head[1:]} since {when} ({mu:.1f} → {level:.1f} intensity points per {_FREQ_WORD[freq]})"


def shifts(store, scope: Scope, baseline_periods: int | None = None) -> pd.DataFrame:
    """Change points on every (dyad, aspect) series of the scope, newest first, each with its strongest events."""
    df = load_events(store, scope)
    periods = period_range(scope, df)
    n = len(periods)
    base = baseline_periods or max(MIN_BASELINE, n // 3)
    if not len(df) or n < base + 1:
        return pd.DataFrame(columns=SHIFT_COLUMNS)
    rows = aspect_rows(df)
    index = {p: i for i, p in enumerate(periods)}
    out = []
    too_few = 0
    for (src, tgt, aspect), g in rows.groupby(["src", "tgt", "aspect"], sort=True):
        x = np.zeros(n)
        for p, v in g.groupby("period")["value"].sum().items():
            if p in index:
                x[index[p]] += v
        for a in cusum(x, base):
            since, detected = periods[a["start"]], periods[a["detected"]]
            kind = _kind(a["direction"], a["mu"], a["level"])
            ev = g[(g["period"] >= since) & (g["period"] <= detected)]
            if a["direction"] == "down":  # a fall is explained by what the baseline had, not by silence
                ev = g[g["period"] < since]
            if not _supported(ev) or (kind == "stop" and n - a["start"] < MIN_QUIET_PERIODS):
                too_few += 1
                continue
            if a["direction"] == "down":
                ev = ev.tail(TOP_EVENTS * 4)
            out.append({"source": src, "target": tgt, "aspect": aspect, "direction": a["direction"], "kind": kind,
                        "since": since, "detected": detected, "baseline": round(a["mu"], 4),
                        "level": round(a["level"], 4),
                        "description": _describe(src, tgt, aspect, kind, since, scope.freq, a["mu"], a["level"]),
                        "events": _evidence(strength_order(ev).head(TOP_EVENTS))})
    res = pd.DataFrame(out, columns=SHIFT_COLUMNS)
    res = res.sort_values(["detected", "source", "target", "aspect"], ascending=[False, True, True, True],
                          ignore_index=True)
    res.attrs["too_few"] = too_few
    return res


def _supported(ev: pd.DataFrame) -> bool:
    """Whether the events behind a change point are enough to call it a shift (see MIN_SHIFT_EVENTS)."""
    ev = ev.drop_duplicates("id")
    return (len(ev) >= MIN_SHIFT_EVENTS and ev["article_id"].nunique() >= MIN_SHIFT_ARTICLES
            and ev["period"].nunique() >= MIN_SHIFT_PERIODS)


def _evidence(ev: pd.DataFrame) -> list[dict[str, Any]]:
    cols = ["id", "date", "source", "target", "type", "channel", "factuality", "corroboration", "evidence_text",
            "article_id", "title", "publisher"]
    return records(ev[cols])


def shifts_dict(store, scope: Scope) -> dict[str, Any]:
    """The shifts as JSON-able data: {scope, shifts}."""
    res = shifts(store, scope)
    n = res.attrs.get("too_few", 0)
    return {"scope": scope.as_dict(), **count_info(store, scope), "shifts": records(res), "too_few": n,
            "note": f"{n} change point{'' if n == 1 else 's'} left out: {TOO_FEW} behind them "
                    f"(a shift needs {MIN_SHIFT_EVENTS} events from {MIN_SHIFT_ARTICLES} articles in "
                    f"{MIN_SHIFT_PERIODS} periods; a stop, {MIN_QUIET_PERIODS} quiet periods after it)" if n else None}
