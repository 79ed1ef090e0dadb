"""The dashboard's filters: the filter form's values as an EventFilter, actor names beside codes, and the
events panel (map, paged list, download links) that the overview, dyad, country and region pages share."""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException, Request

from realpolitik import display
from realpolitik.model import FACTUALITIES, QUADS
from realpolitik.store import EventFilter

log = logging.getLogger(__name__)

# Events per page of a list: a page an analyst scans on a phone without endless scrolling.
PAGE_SIZE = 50
# The most located events one map draws (the newest): about 2,000 markers keep the page near 100 KB.
MAP_EVENTS = 2000
ISO3 = re.compile(r"^[A-Za-z]{3}$")
FIELDS = ("since", "until", "country", "type", "factuality", "corroboration", "min_confidence")


@dataclass(frozen=True)
class Filters:
    """The dashboard's filter form: every field optional; `page` counts from 1."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    type: str | None = None
    factuality: str | None = None
    corroboration: str | None = None
    min_confidence: float | None = None
    page: int = 1

    def event_filter(self, **fixed: Any) -> EventFilter:
        """The store filter for these values (one page of PAGE_SIZE, newest first), with `fixed` fields
        (a dyad's source and target, a region's countries) on top."""
        countries = (self.country,) if self.country else ()
        if fixed.get("countries") and countries:
            countries = tuple(c for c in fixed.pop("countries") if c == self.country) or ("---",)
        elif fixed.get("countries"):
            countries = fixed.pop("countries")
        extra = {"corroboration": self.corroboration} if self.corroboration else {}
        return EventFilter(since=self.since, until=self.until, type=self.type, factuality=self.factuality,
                           min_confidence=self.min_confidence, countries=countries, extra=extra, sort="date",
                           descending=True, limit=PAGE_SIZE, offset=(self.page - 1) * PAGE_SIZE, **fixed)

    def query(self, **changes: Any) -> str:
        """The URL query string of these values (empty ones left out), with `changes` applied."""
        d = {**asdict(self), **changes}
        if d.get("page") == 1:
            d.pop("page")
        return urlencode({k: v for k, v in d.items() if v not in (None, "")})

    def active(self) -> bool:
        """Whether any filter is set."""
        return any(getattr(self, k) not in (None, "") for k in FIELDS)


def _bad(name: str, value: str, why: str) -> HTTPException:
    return HTTPException(400, f"{name}={value!r}: {why}")


def parse_filters(request: Request) -> Filters:
    """The filter form's values from the query string; a malformed value is a 400 naming it."""
    from realpolitik import ontology
    from realpolitik.corroborate import STATUSES

    q = request.query_params
    vals: dict[str, Any] = {}
    for name in ("since", "until"):
        v = (q.get(name) or "").strip()
        if v:
            try:
                vals[name] = dt.date.fromisoformat(v).isoformat()
            except ValueError:
                raise _bad(name, v, "expected a YYYY-MM-DD date") from None
    v = (q.get("country") or "").strip()
    if v:
        if not ISO3.match(v):
            raise _bad("country", v, "expected a 3-letter ISO code such as IRN")
        vals["country"] = v.upper()
    v = (q.get("type") or "").strip().upper()
    if v:
        if v not in ontology.types():
            raise _bad("type", v, f"expected one of {', '.join(ontology.types())}")
        vals["type"] = v
    for name, allowed in (("factuality", FACTUALITIES), ("corroboration", STATUSES)):
        v = (q.get(name) or "").strip()
        if v:
            if v not in allowed:
                raise _bad(name, v, f"expected one of {', '.join(allowed)}")
            vals[name] = v
    v = (q.get("min_confidence") or "").strip()
    if v:
        try:
            conf = float(v)
        except ValueError:
            raise _bad("min_confidence", v, "expected a number from 0 to 1") from None
        if not 0 <= conf <= 1:
            raise _bad("min_confidence", v, "expected a number from 0 to 1")
        vals["min_confidence"] = conf
    v = (q.get("page") or "1").strip()
    if not v.isdigit() or not 1 <= int(v) <= 1_000_000:
        raise _bad("page", v, "expected a page number from 1")
    return Filters(**vals, page=int(v))


# -- actor names beside codes -------------------------------------------------------------------
def actor_name(code: str | None) -> str:
    """A readable name for an actor code, as the terminal shows it: "China", "China (government)", "United Nations"."""
    return display.actor_name(code) or ""


def actor_label(code: str | None) -> str:
    """Code and name together, as the pages show actors: "CHN China"."""
    if not code:
        return "?"
    name = actor_name(code)
    return f"{code} {name}" if name else code


# -- the shared events panel -----------------------------------------------------------------------
def events_panel(store, filters: Filters, base: str, title: str, highlight: tuple[str, ...] = (),
                 **fixed: Any) -> dict[str, Any]:
    """Everything the events panel shows: the map of located events, one page of events, counts, and the
    links (pages, downloads) carrying the same filters."""
    from realpolitik.geo.worldmap import world_map_svg
    from realpolitik.web.queries import titles_of

    flt = filters.event_filter(**fixed)
    total = store.count_events(replace(flt, limit=None, offset=0))
    events = store.events(flt)
    located = store.events(replace(flt, located=True, limit=MAP_EVENTS, offset=0))
    n_located = store.count_events(replace(flt, located=True, limit=None, offset=0))
    pages = max(1, -(-total // PAGE_SIZE))
    scope = _scope_query(fixed)
    page_q = filters.query()
    all_q = filters.query(page=1)
    download = {
        "csv": f"/download/events.csv?{_join(scope, page_q, 'limit=page')}",
        "parquet": f"/download/events.parquet?{_join(scope, page_q, 'limit=page')}",
        "csv_all": f"/download/events.csv?{_join(scope, all_q)}",
        "parquet_all": f"/download/events.parquet?{_join(scope, all_q)}",
    }
    return {
        "filters": filters, "events": events, "total": total, "page": filters.page, "pages": pages,
        "first": (filters.page - 1) * PAGE_SIZE + 1 if events else 0,
        "last": (filters.page - 1) * PAGE_SIZE + len(events), "located": n_located,
        "prev": f"{base}?{filters.query(page=filters.page - 1)}" if filters.page > 1 else None,
        "next": f"{base}?{filters.query(page=filters.page + 1)}" if filters.page < pages else None,
        "base": base, "download": download, "titles": titles_of(store, events),
        "map": world_map_svg(located, title, href=lambda p: f"/events/{p.events[0]['id']}", highlight=highlight,
                             legend=False),
        "quads": QUADS,
        "types": _types(), "factualities": FACTUALITIES, "statuses": _statuses(),
    }


def _join(*parts: str) -> str:
    return "&".join(p for p in parts if p)


def _scope_query(fixed: dict[str, Any]) -> str:
    """The page's own scope (a dyad, a region) as download parameters."""
    out = {k: fixed[k] for k in ("source", "target") if fixed.get(k)}
    if fixed.get("countries"):
        out["countries"] = ",".join(fixed["countries"])
    return urlencode(out)


@lru_cache(maxsize=1)
def _types() -> tuple[str, ...]:
    from realpolitik import ontology

    return tuple(ontology.types())


def _statuses() -> tuple[str, ...]:
    from realpolitik.corroborate import STATUSES

    return STATUSES
