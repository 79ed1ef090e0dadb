"""Loading events for analytics: one scope object, one pandas frame with the fields every indicator needs.

Every indicator in this package starts from `load_events(store, scope)`: the stored events of one
coder, with dates filled from their article, 3-letter actor nodes, the article's title and
publisher, the corroboration status when the store has one, and a `weight` that makes a cluster of
mentions of one real event count once. The formulas are in docs/analytics.md.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import math
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd

from realpolitik.errors import RealpolitikError
from realpolitik.model import FACTUALITIES, QUADS
from realpolitik.store.base import like_prefix

log = logging.getLogger(__name__)

FREQS = {"day": "D", "week": "W-SUN", "month": "M"}
COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")
CORROBORATION = ("corroborated", "single_source", "contested")
# How much an event counts in the network and stability indicators, by factuality. An ordinal
# judgment of the analytics developers (not fitted): a stated fact counts fully, a report
# attributed to a source a little less, an intention half, a possibility or a question little,
# and a denied event not at all (it is said not to have happened). docs/analytics.md, "Weights".
FACTUALITY_WEIGHT = {"asserted": 1.0, "reported": 0.8, "planned": 0.5, "hypothetical": 0.2,
                     "question": 0.2, "denied": 0.0}
_EVENT_COLS = ("id", "article_id", "sentence_index", "date", "source", "target", "source_text", "target_text",
               "type", "mode", "quad", "intensity", "goldstein", "factuality", "confidence", "channel", "fronts",
               "evidence_start", "evidence_end", "evidence_text", "attributed_to", "unattributed", "coder",
               "coder_version", "cluster_id")


class ScopeError(RealpolitikError, ValueError):
    """A scope that cannot be analysed (unknown region, malformed date, unknown frequency)."""


@dataclass(frozen=True)
class Scope:
    """What to analyse: a dyad, a country or a region, a window, a frequency and evidence filters."""

    source: str | None = None
    target: str | None = None
    country: str | None = None
    region: str | None = None
    since: str | None = None
    until: str | None = None
    freq: str = "month"
    factuality: tuple[str, ...] = ()  # empty: every factuality
    corroboration: tuple[str, ...] = ()  # empty: every status (and events without one)
    coder: str | None = None  # e.g. "rules.v1"; None: the default coder, or the only one stored
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.freq not in FREQS:
            raise ScopeError(f"freq {self.freq!r}: expected one of {', '.join(FREQS)}")
        for name in ("since", "until"):
            v = getattr(self, name)
            if v:
                try:
                    dt.date.fromisoformat(str(v)[:10])
                except ValueError as exc:
                    raise ScopeError(f"{name} {v!r}: expected a YYYY-MM-DD date") from exc
        bad = [f for f in self.factuality if f not in FACTUALITIES]
        if bad:
            raise ScopeError(f"factuality {bad[0]!r}: expected one of {', '.join(FACTUALITIES)}")
        if self.region and self.region not in regions():
            raise ScopeError(f"region {self.region!r}: not in realpolitik/data/regions.json "
                             f"(known: {', '.join(sorted(regions()))})")

    def with_(self, **changes: Any) -> "Scope":
        """A copy with the given fields changed."""
        return replace(self, **changes)

    def actors(self) -> tuple[str, ...]:
        """The 3-letter codes the scope is about (the dyad, the country or the region's members)."""
        if self.region:
            return tuple(regions()[self.region]["codes"])
        return tuple(c.upper()[:3] for c in (self.country, self.source, self.target) if c)

    def label(self) -> str:
        """A short human label, e.g. 'CHN → IRN' or 'Middle East'."""
        if self.region:
            return regions()[self.region]["name"]
        if self.country:
            return self.country.upper()
        return f"{(self.source or '*').upper()} → {(self.target or '*').upper()}"

    def as_dict(self) -> dict[str, Any]:
        """The scope as plain JSON-able data."""
        d = asdict(self)
        d["factuality"], d["corroboration"] = list(self.factuality), list(self.corroboration)
        d.pop("extra")
        return d


@lru_cache(maxsize=1)
def _regions_file() -> dict[str, Any]:
    text = resources.files("realpolitik").joinpath("data/regions.json").read_text(encoding="utf-8")
    return json.loads(text)


def regions() -> dict[str, dict[str, Any]]:
    """Regions and groupings by key: {name, kind, definition, source, codes}."""
    return _regions_file()["regions"]


def great_powers() -> tuple[str, ...]:
    """The great powers used for 'great-power involvement' (the P5; see regions.json)."""
    return tuple(_regions_file()["great_powers"]["codes"])


def regions_of(code: str) -> list[str]:
    """The keys of the regions (kind 'region', not groupings) a country belongs to."""
    return [k for k, r in regions().items() if r.get("kind") == "region" and code.upper()[:3] in r["codes"]]


@lru_cache(maxsize=1)
def states() -> frozenset[str]:
    """ISO alpha-3 codes of the states in the actor tables."""
    text = resources.files("realpolitik").joinpath("actors/data/countries.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t", 1)[0] for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return frozenset(r for r in rows[1:] if len(r) == 3)


def actor_node(code: str | None) -> str | None:
    """The node an actor code stands for: its state's 3 letters (CHNMIL -> CHN), else the whole code."""
    if not isinstance(code, str) or not code:
        return None  # no actor (NULL, or NaN after a pandas merge)
    code = code.upper()
    return code[:3] if code[:3] in states() else code


def alignable(node: object) -> bool:
    """True for a state or an organisation node (IGOUNO); False for a bare sector code (GOV, MIL) or none."""
    return isinstance(node, str) and (node in states() or len(node) > 3)


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of the day, week (Monday) or month each date falls in."""
    return pd.to_datetime(dates).dt.to_period(FREQS[freq]).dt.start_time.dt.normalize()


def period_range(scope: Scope, frame: pd.DataFrame) -> list[pd.Timestamp]:
    """Every period from the scope's `since` (or the first event) to `until` (or the last event)."""
    lo = pd.Timestamp(scope.since) if scope.since else (frame["date"].min() if len(frame) else None)
    hi = pd.Timestamp(scope.until) if scope.until else (frame["date"].max() if len(frame) else None)
    if lo is None or hi is None or pd.isna(lo) or pd.isna(hi) or lo > hi:
        return []
    return list(pd.period_range(lo, hi, freq=FREQS[scope.freq]).start_time.normalize())


def _coder_key(store, scope: Scope) -> str | None:
    if scope.coder:
        return scope.coder
    keys = [r["k"] for r in store.query("SELECT DISTINCT coder || '.v' || coder_version AS k FROM events")]
    if len(keys) <= 1:
        return None
    from realpolitik.options import Options

    default = Options().coder
    # Several coder versions are kept until pruned: analyse the default one, else the newest.
    return default if default in keys else sorted(keys, key=lambda k: (k.split(".v")[0], _ver(k)))[-1]


def _ver(key: str) -> int:
    tail = key.rsplit(".v", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _cluster_status(store) -> pd.DataFrame | None:
    """cluster_id -> corroboration status and independent sources, from realpolitik.corroborate's table."""
    rows = store.query("SELECT id AS cluster_id, status AS corroboration, n_independent AS n_publishers "
                       "FROM event_clusters")
    return pd.DataFrame(rows, columns=["cluster_id", "corroboration", "n_publishers"]) if rows else None


def normalise_status(value: Any) -> str | None:
    """A corroboration status in the form used here: corroborated, single_source or contested."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    s = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    return "single_source" if s in ("single", "single_source", "uncorroborated") else s


def _articles(store, ids: list[str]) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows += store.query("SELECT id AS article_id, title, publisher, published, url, canonical_id FROM articles "
                            f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
    cols = ["article_id", "title", "publisher", "published", "url", "canonical_id"]
    return pd.DataFrame(rows, columns=cols)


# The one definition of an event count, shown on every view that counts events.
COUNT_DEFINITION = ("events = coded event records (one per sentence and dyad, as `realpolitik events` lists them), "
                    "actor codes matched by prefix (CHN matches CHNGOV); a story reported by several articles counts "
                    "once per article (\"distinct\" merges them); analytics read one coder version (the default "
                    "when `recode` has left several)")
UNDATED_REASON = "no date in the article's metadata or dateline, nor in the event's sentence"


def undated_events(store, scope: Scope) -> int:
    """How many events in scope have no date at all (neither their own nor their article's): left out of windows."""
    clauses, params = _clauses(store, scope)
    clauses += ["date IS NULL", "article_id IN (SELECT id FROM articles WHERE published IS NULL)"]
    return int(store.query(f"SELECT COUNT(*) AS n FROM events WHERE {' AND '.join(clauses)}", params)[0]["n"])


def undated_note(n: int) -> str | None:
    """'3 events left out: no date ...', or None when nothing was left out."""
    return f"{n} event{'' if n == 1 else 's'} left out: {UNDATED_REASON}" if n else None


def count_info(store, scope: Scope) -> dict[str, Any]:
    """What every JSON view carries about its counts: the definition and the undated events left out."""
    n = undated_events(store, scope)
    return {"count_definition": COUNT_DEFINITION, "undated": n, "undated_reason": UNDATED_REASON if n else None}


def _clauses(store, scope: Scope) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    coder = _coder_key(store, scope)
    if coder:
        clauses.append("coder || '.v' || coder_version = ?")
        params.append(coder)
    if scope.region or scope.country:
        codes = list(scope.actors())
        marks = ", ".join("?" * len(codes))
        clauses.append(f"(SUBSTR(source, 1, 3) IN ({marks}) OR SUBSTR(target, 1, 3) IN ({marks}))")
        params += [c.upper() for c in codes] * 2
    for col, val in (("source", scope.source), ("target", scope.target)):
        if val:
            clauses.append(f"{col} LIKE ? ESCAPE '\\'")  # the same prefix match as EventFilter
            params.append(like_prefix(val.upper()))
    if scope.factuality:
        clauses.append(f"factuality IN ({', '.join('?' * len(scope.factuality))})")
        params += list(scope.factuality)
    return clauses, params


def load_events(store, scope: Scope) -> pd.DataFrame:
    """The dated events in scope as a pandas frame (columns in docs/analytics.md, 'The event frame').

    Events with no date (see `undated_events`) cannot be placed in a window or period and are left out.
    """
    from realpolitik import ontology

    clauses, params = _clauses(store, scope)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = store.query(f"SELECT {', '.join(_EVENT_COLS)} FROM events{where} ORDER BY date, id", params)
    df = pd.DataFrame(rows, columns=list(_EVENT_COLS))
    arts = _articles(store, sorted(set(df["article_id"])))
    df = df.merge(arts, on="article_id", how="left")
    df["date"] = pd.to_datetime(df["date"].where(df["date"].notna(), df["published"]), errors="coerce")
    if scope.since:
        df = df[df["date"] >= pd.Timestamp(scope.since)]
    if scope.until:
        df = df[df["date"] <= pd.Timestamp(scope.until)]
    df = df[df["date"].notna()].copy()
    df["src"] = df["source"].map(actor_node)
    df["tgt"] = df["target"].map(actor_node)
    df["fronts"] = [json.loads(v) if isinstance(v, str) and v else [] for v in df["fronts"]]
    df["quad"] = [q if isinstance(q, str) and q in QUADS else ontology.quad(t) for q, t in zip(df["quad"], df["type"])]
    df["intensity"] = [float(i) if i is not None and not pd.isna(i) else (ontology.intensity(t, m) or 0.0)
                       for i, t, m in zip(df["intensity"], df["type"], df["mode"])]
    df["confidence"] = pd.to_numeric(df["confidence"], errors="coerce").fillna(0.0)
    df["claim"] = df["factuality"] != "asserted"
    df["fact_weight"] = df["factuality"].map(FACTUALITY_WEIGHT).fillna(0.0)
    df = _with_corroboration(store, df)
    if scope.corroboration:
        df = df[df["corroboration"].isin(scope.corroboration)]
    # A cluster of n mentions of one real event counts as one event: each mention weighs 1/n.
    key = df["cluster_id"].where(df["cluster_id"].notna(), df["id"])
    df["weight"] = 1.0 / key.map(key.value_counts()).astype(float) if len(df) else pd.Series(dtype=float)
    df["period"] = period_start(df["date"], scope.freq) if len(df) else pd.Series(dtype="datetime64[ns]")
    return df.reset_index(drop=True)


def _with_corroboration(store, df: pd.DataFrame) -> pd.DataFrame:
    status = _cluster_status(store) if len(df) else None
    if status is not None and len(status):
        df = df.merge(status.drop_duplicates("cluster_id"), on="cluster_id", how="left")
        df["corroboration"] = df["corroboration"].map(normalise_status)
    else:
        df["corroboration"] = None
    if "n_publishers" not in df:
        df["n_publishers"] = None
    return df


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame as JSON-able records: timestamps as ISO dates, NaN as None, numpy scalars as Python."""
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: jsonable(v) for k, v in row.items()})
    return out


def jsonable(v: Any) -> Any:
    """One value as plain JSON data."""
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        return v.date().isoformat() if not pd.isna(v) else None
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items()}
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    if v is pd.NaT or v is pd.NA:
        return None
    return v


def to_arrow(df: pd.DataFrame):
    """A frame as a pyarrow Table."""
    import pyarrow as pa

    return pa.Table.from_pandas(df, preserve_index=False)
