"""The JSON API under /api: events, articles, dyads, analytics, stats; token-guarded writes."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from realpolitik.store import EventFilter
from realpolitik.store.base import SORTABLE
from realpolitik.store.tokens import allows, check_token
from realpolitik.web import queries

log = logging.getLogger(__name__)



def _default(v: Any) -> Any:
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


class JSON(JSONResponse):
    """JSON straight from json.dumps (dates as ISO strings), skipping FastAPI's slower generic encoder."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=_default, separators=(",", ":")).encode("utf-8")


def _query_names(dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_params(request: Request) -> None:
    """Dependency: 400 for a query parameter the endpoint does not take (a misspelt filter must not be ignored)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    unknown = sorted(set(request.query_params) - _query_names(dependant))
    if unknown:
        raise HTTPException(400, f"unknown query parameter{'s' if len(unknown) > 1 else ''} "
                                 f"{', '.join(unknown)}; this endpoint takes "
                                 f"{', '.join(sorted(_query_names(dependant))) or 'none'}")


router = APIRouter(prefix="/api", default_response_class=JSON, dependencies=[Depends(known_params)])

Factuality = Literal["asserted", "reported", "planned", "hypothetical", "denied", "question"]
Freq = Literal["day", "week", "month"]
SORT_PATTERN = r"^-?(" + "|".join(sorted(SORTABLE)) + r")$"
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
# Short free-text parameters: actor codes, types, channels are under 20 characters, a search
# phrase under 200; anything longer is refused before it reaches the store.
SHORT = 64
TEXT = 200
TOKEN_COOKIE = "rp_token"


# -- access ------------------------------------------------------------------------------------
def bearer(request: Request) -> str | None:
    """The bearer token of the request, if any."""
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def authorise(request: Request, action: str) -> str | None:
    """The caller's role, or 401/403; reads pass without a token unless the server requires one."""
    settings = request.app.state.settings
    if action == "read" and not settings.require_token:
        return None
    token = bearer(request)
    if token is None and action == "read":
        # The dashboard's sign-in cookie (HttpOnly, SameSite=Strict) counts for reads only, so a
        # cross-site form can never make a browser write.
        token = request.cookies.get(TOKEN_COOKIE) or None
    if not token:
        raise HTTPException(401, f"this request needs a bearer token with {action} access "
                                 "(Authorization: Bearer TOKEN; create one with `realpolitik token create`)",
                            headers={"WWW-Authenticate": "Bearer"})
    with request.app.state.gate.reader() as store:
        role = check_token(store, token)
    if role is None:
        raise HTTPException(401, "invalid or revoked token", headers={"WWW-Authenticate": "Bearer"})
    if not allows(role, action):
        raise HTTPException(403, f"a {role} token cannot {action}; use a writer token")
    return role


def can_read(request: Request) -> None:
    """Dependency: read access."""
    authorise(request, "read")


def can_write(request: Request) -> None:
    """Dependency: write access."""
    authorise(request, "write")


# -- shared parameters -------------------------------------------------------------------------
def event_filter(
    source: str | None = Query(None, max_length=SHORT, description="Source actor code or prefix (CHN matches CHNGOV)."),
    target: str | None = Query(None, max_length=SHORT, description="Target actor code or prefix."),
    type: str | None = Query(None, max_length=SHORT, description="PLOVER event type, e.g. AID."),
    channel: str | None = Query(None, max_length=SHORT, description="Support channel, e.g. arms_transfer."),
    front: str | None = Query(None, max_length=SHORT, description="Front: military, cyber, economic, ..."),
    factuality: Factuality | None = Query(None, description="Factuality of the event."),
    corroboration: str | None = Query(None, max_length=SHORT,
                                      description="single_source, corroborated or contested (comma-separated)."),
    since: dt.date | None = Query(None, description="First date, YYYY-MM-DD."),
    until: dt.date | None = Query(None, description="Last date, YYYY-MM-DD."),
    q: str | None = Query(None, max_length=TEXT, description="Text the evidence sentence contains."),
    min_confidence: float | None = Query(None, ge=0, le=1, description="Only events at least this confident "
                                         "(0.35 hides the best guesses, which are at 0.2)."),
    article_id: str | None = Query(None, max_length=SHORT, description="Only the events of this article."),
    country: str | None = Query(None, max_length=SHORT,
                                description="A country on either side (IRN: as source or target)."),
    limit: int = Query(50, ge=1, le=1000, description="Page size."),
    offset: int = Query(0, ge=0, le=10_000_000, description="Events to skip."),
    sort: str = Query("-date", pattern=SORT_PATTERN, description="Sort key; a leading '-' sorts descending."),
) -> EventFilter:
    """The event filter of the query string (every value bound, never interpolated); 400 for an unknown type."""
    from realpolitik import ontology

    if type and type.upper() not in ontology.types():
        raise HTTPException(400, f"unknown event type {type!r}; expected one of {', '.join(ontology.types())}")
    if country and not (len(country) == 3 and country.isalpha()):
        raise HTTPException(400, f"country={country!r}: expected a 3-letter ISO code such as IRN")
    return EventFilter(source=source, target=target, type=type, channel=channel, front=front, factuality=factuality,
                       since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                       q=q, min_confidence=min_confidence, article_id=article_id, limit=limit, offset=offset,
                       sort=sort.lstrip("-"),
                       descending=sort.startswith("-"), countries=(country.upper(),) if country else (),
                       extra={"corroboration": corroboration})


def scope_params(
    source: str | None = Query(None, max_length=SHORT, description="Source actor (first three letters count)."),
    target: str | None = Query(None, max_length=SHORT, description="Target actor."),
    country: str | None = Query(None, max_length=SHORT, description="A country (ISO alpha-3)."),
    region: str | None = Query(None, max_length=SHORT, description="A region key of realpolitik/data/regions.json."),
    since: dt.date | None = Query(None, description="First date, YYYY-MM-DD."),
    until: dt.date | None = Query(None, description="Last date, YYYY-MM-DD."),
    freq: Freq = Query("month", description="Period length."),
    factuality: str | None = Query(None, max_length=TEXT, description="Factualities, comma-separated."),
    corroboration: str | None = Query(None, max_length=TEXT, description="Corroboration statuses, comma-separated."),
    coder: str | None = Query(None, max_length=SHORT, description="Coder version, e.g. rules.v1."),
):
    """The analytics scope of the query string; 400 when it cannot be analysed."""
    from realpolitik.analytics import Scope, ScopeError
    from realpolitik.corroborate import STATUSES

    split = (lambda v: tuple(x.strip() for x in v.split(",") if x.strip()) if v else ())  # noqa: E731
    bad = [c for c in split(corroboration) if c not in STATUSES]
    if bad:
        raise HTTPException(400, f"unknown corroboration status; expected one of {', '.join(STATUSES)}")
    try:
        return Scope(source=source, target=target, country=country, region=region,
                     since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                     freq=freq, factuality=split(factuality), corroboration=split(corroboration), coder=coder)
    except ScopeError as exc:
        raise HTTPException(400, str(exc)) from exc


def _gate(request: Request):
    return request.app.state.gate


# -- events and articles -----------------------------------------------------------------------
@router.get("/events", dependencies=[Depends(can_read)], summary="Events matching filters, paginated")
def list_events(request: Request, flt: EventFilter = Depends(event_filter)) -> JSON:
    """Events matching the filters, `limit` per page from `offset`, with the total count."""
    try:
        with _gate(request).reader() as store:
            total = store.count_events(flt)
            rows = store.events(flt)
    except ValueError as exc:  # an unknown corroboration status
        raise HTTPException(400, str(exc)) from exc
    return JSON({"total": total, "limit": flt.limit, "offset": flt.offset,
                 "sort": ("-" if flt.descending else "") + flt.sort, "events": rows})


@router.get("/events/{event_id}", dependencies=[Depends(can_read)], summary="One event with its evidence and article")
def get_event(request: Request, event_id: str) -> JSON:
    """One event by id, with its evidence spans and the article it was coded from."""
    with _gate(request).reader() as store:
        ev = queries.event_by_id(store, event_id)
        if ev is None:
            raise HTTPException(404, "no such event")
        art = store.get_article(ev["article_id"])
    return JSON({**ev, "article": art.as_dict() if art else None})


@router.get("/articles", dependencies=[Depends(can_read)], summary="Article summaries, newest first")
def list_articles(request: Request, q: str | None = Query(None, max_length=TEXT, description="Text in title or body."),
                  limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000)) -> JSON:
    """Article summaries (without text), newest first, with the total count."""
    with _gate(request).reader() as store:
        return JSON({"total": queries.article_total(store, q), "limit": limit, "offset": offset,
                     "articles": store.articles(limit=limit, offset=offset, q=q)})


@router.get("/articles/{article_id}", dependencies=[Depends(can_read)], summary="One article with its events")
def get_article(request: Request, article_id: str) -> JSON:
    """One article: its text, where it was seen, and the events coded from it."""
    with _gate(request).reader() as store:
        art = store.get_article(article_id)
        if art is None:
            raise HTTPException(404, "no such article")
        events = store.events(EventFilter(article_id=article_id, sort="id"))
        sources = queries.article_sources(store, article_id)
    return JSON({**art.as_dict(), "sources": sources, "events": sorted(events, key=_text_order)})


def _text_order(ev: dict[str, Any]) -> tuple:
    return (ev.get("sentence_index") or 0, (ev.get("evidence") or {}).get("start") or 0, ev.get("id"))


@router.get("/dyads", dependencies=[Depends(can_read)], summary="Directed dyads by event count")
def list_dyads(request: Request, flt: EventFilter = Depends(event_filter)) -> JSON:
    """Directed dyads (3-letter actors) with event counts by quad class, for the events the filters select."""
    try:
        with _gate(request).reader() as store:
            rows = queries.dyads(store, flt, limit=flt.limit or 50, offset=flt.offset)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    return JSON({"limit": flt.limit, "offset": flt.offset, "dyads": rows})


@router.get("/stats", dependencies=[Depends(can_read)], summary="Store counts")
def stats(request: Request) -> JSON:
    """Counts of articles, duplicates, events by type and factuality, top dyads, date range."""
    with _gate(request).reader() as store:
        return JSON(store.stats())


# -- analytics ---------------------------------------------------------------------------------
def _analytics(request: Request, fn, scope) -> JSON:
    """An analytics result for the scope, from the cache while the data has not changed."""
    with _gate(request).reader() as store:
        cache = request.app.state.cache
        return JSON(cache.get_or_compute(store, (request.url.path, repr(scope)), lambda: fn(store, scope)))


@router.get("/series", dependencies=[Depends(can_read)], summary="Dyad time series")
def series(request: Request, scope=Depends(scope_params)) -> JSON:
    """Events and summed intensity per period by type, quad class, channel and front."""
    from realpolitik import analytics as an

    return _analytics(request, an.series_dict, scope)


@router.get("/profile", dependencies=[Depends(can_read)], summary="Support profile by front and channel")
def profile(request: Request, scope=Depends(scope_params)) -> JSON:
    """Support A -> B (or received by a country) by front and channel, each cell with its strongest evidence."""
    from realpolitik import analytics as an

    return _analytics(request, an.profile_dict, scope)


@router.get("/network", dependencies=[Depends(can_read)], summary="Alignment network: blocs and bridges")
def network(request: Request, scope=Depends(scope_params)) -> JSON:
    """The signed cooperation/conflict network of the window, its blocs and bridges."""
    from realpolitik import analytics as an

    return _analytics(request, an.network_dict, scope)


@router.get("/shifts", dependencies=[Depends(can_read)], summary="Change points with their events")
def shifts(request: Request, scope=Depends(scope_params)) -> JSON:
    """Change points against each dyad's baseline, newest first, with the events behind them."""
    from realpolitik import analytics as an

    return _analytics(request, an.shifts_dict, scope)


@router.get("/stability", dependencies=[Depends(can_read)], summary="Stability indicators")
def stability(request: Request, scope=Depends(scope_params)) -> JSON:
    """Conflict intensity, great-power involvement, polarisation and trend per country or region."""
    from realpolitik import analytics as an

    return _analytics(request, an.stability_dict, scope)


# -- writes ------------------------------------------------------------------------------------
class IngestRequest(BaseModel):
    """An article to ingest: its text (with optional metadata), or a URL to fetch under the safe-fetch rules."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="The article text.")
    title: str | None = Field(None, max_length=1000)
    date: str | None = Field(None, max_length=40, description="Publication date, e.g. 2026-02-03.")
    url: str | None = Field(None, max_length=2048, description="Where the text came from; without text, fetched.")
    publisher: str | None = Field(None, max_length=300)


class RecodeRequest(BaseModel):
    """Re-code the stored articles with a (new) coder version."""

    model_config = ConfigDict(extra="forbid")
    coder: str | None = Field(None, max_length=SHORT, description="Coder name, e.g. rules.v1.")
    force: bool = Field(False, description="Re-code articles this coder version has already coded.")
    prune: bool = Field(False, description="Then delete the events of every other coder version.")


@router.post("/ingest", dependencies=[Depends(can_write)], summary="Ingest and code one article (writer token)")
def ingest(request: Request, body: IngestRequest) -> JSONResponse:
    """Store and code one article from its text, or fetched from its URL (public addresses only)."""
    from realpolitik.ingest import IngestError
    from realpolitik.ingest.base import make_article
    from realpolitik.pipeline import ingest_items

    options = request.app.state.options
    if body.text is not None and body.text.strip():
        items = [make_article(body.text, options, where=body.url or "api", title=body.title, date=body.date,
                              url=body.url, publisher=body.publisher)]
    elif body.url:
        if not body.url.lower().startswith(("http://", "https://")):
            raise HTTPException(422, "url: only http:// and https:// URLs can be fetched")
        from realpolitik.ingest.web import read_url

        items = list(read_url(body.url, options))
    else:
        raise HTTPException(422, "give 'text' (with optional title, date, url, publisher) or a 'url' to fetch")
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    if errors and len(errors) == len(items):
        raise HTTPException(422, "; ".join(errors)[:2000])
    with _gate(request).writer() as store:
        report = ingest_items(items, store, dataclasses.replace(options, progress=False))
    out = report.as_dict()
    out["articles"] = [i.article.id for i in items if not isinstance(i, IngestError)]
    return JSONResponse(out, status_code=201 if report.new_articles else 200)


@router.post("/recode", dependencies=[Depends(can_write)], summary="Re-code the stored articles (writer token)")
def recode(request: Request, body: RecodeRequest | None = None) -> dict[str, Any]:
    """Re-code every stored article not yet coded by the coder version (all with force)."""
    from realpolitik.pipeline import recode as run_recode

    body = body or RecodeRequest()
    options = request.app.state.options
    if body.coder:
        options = options.with_(coder=body.coder)
    from realpolitik.registry import RegistryError

    try:
        with _gate(request).writer() as store:
            return run_recode(store, options, force=body.force, prune=body.prune)
    except RegistryError as exc:
        raise HTTPException(400, str(exc).strip('"')) from exc
