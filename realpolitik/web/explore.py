"""Dashboard pages for one event, a country and a region, and downloads of exactly what a page shows
(CSV/Parquet with the same filters, briefings)."""
from __future__ import annotations

import logging
import os
import re
import tempfile
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from realpolitik.store import EventFilter
from realpolitik.web.filters import ISO3, Filters, actor_name, events_panel, parse_filters
from realpolitik.web.pages import actor_code, page, store_reader

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    """One event: who did what to whom, where, how sure, its evidence in the article, and the map."""
    from realpolitik.geo.worldmap import world_map_svg
    from realpolitik.web import queries

    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", event_id):
        raise HTTPException(404, "no such event")
    with store_reader(request) as store:
        e = queries.event_by_id(store, event_id)
        if e is None:
            raise HTTPException(404, "no such event")
        art = store.get_article(e["article_id"])
    loc = e.get("location")
    m = world_map_svg([e] if loc else [], f"Where event {e['id']} happened",
                      highlight=(loc["country"],) if loc and loc.get("country") else (), legend=False)
    return page(request, "event.html", e=e, article=art, map=m, loc=loc)


def _codes(value: str | None) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in (value or "").split(",") if c.strip())
    if any(not ISO3.match(c) for c in codes):
        raise HTTPException(400, f"countries={value!r}: expected 3-letter ISO codes separated by commas")
    return codes


def _download_filter(request: Request) -> EventFilter:
    """The filter of a download link: the page's filters, its scope, and its page (limit=page) or all."""
    filters = parse_filters(request)
    q = request.query_params
    fixed: dict[str, Any] = {}
    for side in ("source", "target"):
        if q.get(side):
            fixed[side] = actor_code(q[side])
    if q.get("countries"):
        fixed["countries"] = _codes(q["countries"])
    flt = filters.event_filter(**fixed)
    if q.get("limit") != "page":
        flt = replace(flt, limit=None, offset=0)
    return flt


@router.get("/download/events.{fmt}")
def download_events(request: Request, fmt: str) -> Response:
    """The events a page shows (same filters, same page; or all pages) as CSV or Parquet."""
    from realpolitik.export import write_events

    if fmt not in ("csv", "parquet"):
        raise HTTPException(404, "downloads are events.csv or events.parquet")
    flt = _download_filter(request)
    fd, path = tempfile.mkstemp(suffix=f".{fmt}")
    os.close(fd)
    try:
        with store_reader(request) as store:
            write_events(store, flt, fmt, path)
        with open(path, "rb") as fh:
            body = fh.read()
    finally:
        os.unlink(path)
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/vnd.apache.parquet"
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="realpolitik-events.{fmt}"'})


@router.get("/download/briefing.{fmt}")
def download_briefing(request: Request, fmt: str) -> Response:
    """The briefing for a dyad (source, target), a country or a region, with the page's date range."""
    from realpolitik import report
    from realpolitik.analytics.frame import Scope, ScopeError, regions

    if fmt not in ("html", "md"):
        raise HTTPException(404, "briefings are briefing.html or briefing.md")
    q = request.query_params
    filters = parse_filters(request)
    region = q.get("region") or None
    if region and region not in regions():
        raise HTTPException(404, f"no region {region!r}")
    try:
        scope = Scope(source=actor_code(q["source"]) if q.get("source") else None,
                      target=actor_code(q["target"]) if q.get("target") else None,
                      country=filters.country if not region else None, region=region,
                      since=filters.since, until=filters.until)
        with store_reader(request) as store:
            text = report.render(store, scope, fmt)
    except (ScopeError, ValueError) as exc:
        raise HTTPException(400, str(exc)) from exc
    name = "-".join(x for x in (scope.source, scope.target, scope.country, scope.region) if x) or "briefing"
    media = "text/html; charset=utf-8" if fmt == "html" else "text/markdown; charset=utf-8"
    return Response(text, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="briefing-{name}.{fmt}"'})


@router.get("/countries/{code}", response_class=HTMLResponse)
def country_page(request: Request, code: str) -> HTMLResponse:
    """A country: events it took part in or that happened there, on the map and in a filtered list."""
    from realpolitik.web import queries

    if not ISO3.match(code):
        raise HTTPException(404, "not a country code (3 letters, e.g. IRN)")
    code = code.upper()
    name = actor_name(code)
    if not name:
        raise HTTPException(404, f"no country {code}")
    filters = replace(parse_filters(request), country=None)  # the page is the country filter
    with store_reader(request) as store:
        panel = events_panel(store, filters, f"/countries/{code}", f"Events of {code} {name}", highlight=(code,),
                             countries=(code,))
        partners = queries.dyads(store, replace(filters.event_filter(countries=(code,)), limit=None, offset=0),
                                 limit=15)
    partners = [d for d in partners if code in (d["source"], d["target"])]
    brief_q = Filters(country=code, since=filters.since, until=filters.until).query()
    return page(request, "place.html", heading=f"{code} {name}", kind="country", code=code, region=None,
                members=[], partners=partners, briefing=f"/download/briefing.html?{brief_q}", **panel)


@router.get("/regions/{key}", response_class=HTMLResponse)
def region_page(request: Request, key: str) -> HTMLResponse:
    """A region: events among or located in its member states, on the map and in a filtered list."""
    from realpolitik.analytics.frame import regions

    reg = regions().get(key)
    if reg is None:
        raise HTTPException(404, "no such region")
    codes = tuple(reg["codes"])
    filters = parse_filters(request)
    with store_reader(request) as store:
        panel = events_panel(store, filters, f"/regions/{key}", f"Events in {reg['name']}", highlight=codes,
                             countries=codes)
    members = [(c, actor_name(c)) for c in codes]
    brief_q = urlencode({"region": key, **{k: v for k, v in (("since", filters.since), ("until", filters.until)) if v}})
    return page(request, "place.html", heading=reg["name"], kind="region", code=None, region=key,
                members=members, partners=[], briefing=f"/download/briefing.html?{brief_q}", **panel)
