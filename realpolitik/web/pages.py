"""The dashboard: server-rendered pages (Jinja2, autoescaped) with inline SVG charts."""
from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool

from realpolitik.store import EventFilter
from realpolitik.version import __version__
from realpolitik.web import charts, queries
from realpolitik.web.api import TEXT, TOKEN_COOKIE, authorise
from realpolitik.web.filters import Filters, actor_label, actor_name, events_panel, parse_filters
from realpolitik.web.highlight import highlight

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
QUADS = ("material_cooperation", "verbal_cooperation", "verbal_conflict", "material_conflict")


def package_dir(name: str) -> Path:
    """A folder shipped inside realpolitik/web (static, templates)."""
    return Path(str(resources.files("realpolitik.web").joinpath(name)))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment: autoescape always on, undefined names are errors."""
    env = Environment(loader=FileSystemLoader(str(package_dir("templates"))), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["version"] = __version__
    env.filters["label"] = lambda s: (s or "").replace("_", " ")
    env.filters["actor"] = actor_label
    env.filters["actor_name"] = actor_name
    return env


def render(name: str, request: Request | None = None, **ctx: Any) -> str:
    """Render a template to a string."""
    q = request.query_params.get("q", "") if request is not None else ""
    sign_in = bool(request is not None and request.app.state.settings.require_token)
    return environment().get_template(name).render(search_q=q[:TEXT], sign_in=sign_in, **ctx)


def page(request: Request, name: str, **ctx: Any) -> HTMLResponse:
    """Render a template as the response, after the read check."""
    return HTMLResponse(render(name, request=request, **ctx))


def attempt(what: str, fn: Callable[[], Any]) -> tuple[Any, str | None]:
    """Run one panel's computation; a failure empties that panel only, with a note, not the page."""
    try:
        return fn(), None
    except Exception as exc:  # an analytics failure must not take the whole dashboard down
        log.exception("dashboard panel %s failed", what)
        return None, f"{what} is unavailable: {type(exc).__name__}"


def store_reader(request: Request):
    """A read-only store from the app's gate, once the request may read."""
    authorise(request, "read")
    return request.app.state.gate.reader()


@router.get("/favicon.ico")
def favicon() -> Response:
    """The site icon (so browsers do not log a 404)."""
    return Response((package_dir("static") / "favicon.svg").read_bytes(), media_type="image/svg+xml")


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    """Overview: volume by quad class and type over time, top dyads, latest shifts, regional stability."""
    filters = parse_filters(request)
    with store_reader(request) as store:
        stats = store.stats()
        whole = replace(filters.event_filter(), limit=None, offset=0)
        vol = queries.volume(store, flt=whole)
        top = queries.dyads(store, whole, limit=15)
        panel = events_panel(store, filters, "/", "Where the events happened")
        cache = request.app.state.cache
        shifts, shifts_note = attempt("Shifts", lambda: cache.get_or_compute(
            store, ("page:shifts",), lambda: _shifts(store)))
        regions, regions_note = attempt("Regional stability", lambda: cache.get_or_compute(
            store, ("page:regions",), lambda: _regional_stability(store)))
    periods = sorted({r["period"] for r in vol})
    by_quad = {q: [0.0] * len(periods) for q in QUADS}
    by_type: dict[str, int] = defaultdict(int)
    idx = {p: i for i, p in enumerate(periods)}
    for r in vol:
        if r["quad"] in by_quad:
            by_quad[r["quad"]][idx[r["period"]]] += r["events"]
        by_type[r["type"]] += r["events"]
    by_quad = {q.replace("_", " "): v for q, v in by_quad.items() if any(v)}
    quad_chart = charts.stacked_bars(periods, by_quad, "Events per month by quad class",
                                     {q.replace("_", " "): c for q, c in charts.QUAD_COLOURS.items()})
    type_chart = charts.hbars(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])), "Events by type")
    type_series = _type_series(vol, periods)
    from realpolitik.analytics.frame import COUNT_DEFINITION, undated_note

    return page(request, "index.html", stats=stats, count_definition=COUNT_DEFINITION,
                undated_note=undated_note(stats.get("undated_events", 0)), quad_chart=quad_chart, type_chart=type_chart,
                type_over_time=type_series, dyads=top, shifts=shifts or [], shifts_note=shifts_note,
                regions=regions or [], regions_note=regions_note, region_keys=_region_keys(), **panel)


def _region_keys() -> dict[str, str]:
    """Region name -> key, to link the stability table's rows to region pages."""
    from realpolitik.analytics.frame import regions

    return {r["name"]: k for k, r in regions().items()}


def _type_series(vol: list[dict[str, Any]], periods: list[str]):
    """Stacked bars of the six most frequent types per month (the rest as 'other')."""
    totals: dict[str, int] = defaultdict(int)
    for r in vol:
        totals[r["type"]] += r["events"]
    keep = [t for t, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:6]]
    series = {t: [0.0] * len(periods) for t in keep + ["other"]}
    idx = {p: i for i, p in enumerate(periods)}
    for r in vol:
        series[r["type"] if r["type"] in keep else "other"][idx[r["period"]]] += r["events"]
    return charts.stacked_bars(periods, {k: v for k, v in series.items() if any(v)}, "Events per month by type")


def _shifts(store) -> list[dict[str, Any]]:
    from realpolitik import analytics as an

    return an.shifts_dict(store, an.Scope())["shifts"][:8]


def _regional_stability(store) -> list[dict[str, Any]]:
    from realpolitik import analytics as an
    from realpolitik.analytics.stability import regions_stability

    # One alignment network for every region (stability_of per region rebuilt it each time and
    # computed member rows the page drops: 3 s of the first overview on a busy machine).
    df = an.load_events(store, an.Scope())
    keys = [key for key, reg in sorted(an.regions().items()) if reg.get("kind") == "region"]
    rows = [r for r in an.records(regions_stability(df, an.Scope(), keys)) if r.get("events")]
    return sorted(rows, key=lambda r: -(r.get("conflict_intensity") or 0))


def actor_code(value: str) -> str:
    """An actor code from a URL, upper-cased; anything else is a 404."""
    if not queries.ACTOR_CODE.match(value):
        raise HTTPException(404, "not an actor code (letters and digits, e.g. CHN or IRNGOV)")
    return value.upper()


@router.get("/dyads/{source}/{target}", response_class=HTMLResponse)
def dyad(request: Request, source: str, target: str) -> HTMLResponse:
    """One dyad: support profile by front and channel, a timeline, and the events with their evidence."""
    from realpolitik import analytics as an

    source, target = actor_code(source), actor_code(target)
    filters = parse_filters(request)
    with store_reader(request) as store:
        for code in dict.fromkeys((source, target)):
            if not queries.known_actor(store, code):
                raise HTTPException(404, f"unknown actor code {code}: not a state and in no stored event")
        panel = events_panel(store, filters, f"/dyads/{source}/{target}",
                             f"Where {source} → {target} events happened", source=source, target=target)
        all_rows = store.event_rows(replace(filters.event_filter(source=source, target=target), limit=None, offset=0))
        scope = an.Scope(source=source, target=target)
        profile, profile_note = attempt("Support profile", lambda: request.app.state.cache.get_or_compute(
            store, ("/api/profile", repr(scope)), lambda: an.profile_dict(store, scope))["summary"])
    months: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in all_rows:
        if r["date"]:
            months[str(r["date"])[:7]][r["quad"] or "unknown"] += 1
    periods = _month_range(sorted(months))
    timeline = charts.stacked_bars(periods, {q.replace("_", " "): [months[p].get(q, 0) for p in periods]
                                              for q in QUADS if any(months[p].get(q) for p in periods)},
                                   f"{source} to {target}: events per month by quad class",
                                   {q.replace("_", " "): c for q, c in charts.QUAD_COLOURS.items()})
    fronts: dict[str, float] = defaultdict(float)
    for cell in profile or []:
        fronts[cell["front"]] += float(cell.get("intensity") or 0)
    front_chart = charts.hbars(sorted(fronts.items(), key=lambda kv: (-kv[1], kv[0])),
                               f"Support {source} to {target}: intensity by front", colour=charts.PALETTE[2])
    from realpolitik.analytics.frame import COUNT_DEFINITION

    undated = sum(1 for r in all_rows if not r["date"])
    brief_q = Filters(since=filters.since, until=filters.until).query()
    return page(request, "dyad.html", source=source, target=target, profile=profile or [],
                profile_note=profile_note, timeline=timeline, front_chart=front_chart,
                count_definition=COUNT_DEFINITION, undated=undated,
                briefing=f"/download/briefing.html?source={source}&target={target}"
                + (f"&{brief_q}" if brief_q else ""),
                **panel)


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last, so gaps show as empty bars."""
    if not months:
        return []
    y, m = map(int, months[0].split("-"))
    out: list[str] = []
    while f"{y:04d}-{m:02d}" <= months[-1] and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, since: dt.date | None = Query(None),
                 until: dt.date | None = Query(None)) -> HTMLResponse:
    """The alignment network: blocs and bridges, drawn as SVG."""
    from realpolitik import analytics as an

    scope = an.Scope(since=since.isoformat() if since else None, until=until.isoformat() if until else None)
    with store_reader(request) as store:
        net, note = attempt("The network", lambda: request.app.state.cache.get_or_compute(
            store, ("/api/network", repr(scope)), lambda: an.network_dict(store, scope)))
    net = net or {"nodes": [], "edges": [], "blocs": [], "bridges": []}
    bridges = [b["actor"] for b in net["bridges"]]
    svg = charts.network_svg(net["nodes"], net["edges"], bridges)
    edges = sorted(net["edges"], key=lambda e: -abs(float(e.get("weight") or 0)))[:30]
    from realpolitik.analytics.frame import COUNT_DEFINITION, undated_note

    return page(request, "network.html", svg=svg, net=net, edges=edges, note=note,
                undated_note=undated_note(net.get("undated", 0)),
                count_definition=COUNT_DEFINITION,
                since=scope.since or "", until=scope.until or "")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """An article's text with its events' evidence highlighted in place, and the events listed."""
    with store_reader(request) as store:
        art = store.get_article(article_id)
        if art is None:
            raise HTTPException(404, "no such article")
        events = store.events(EventFilter(article_id=article_id, sort="id"))
        sources = queries.article_sources(store, article_id)
    events.sort(key=lambda e: ((e.get("evidence") or {}).get("start") or 0, e["id"]))
    return page(request, "article.html", article=art, body=highlight(art.text, events), events=events,
                sources=sources)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query("", max_length=TEXT), source: str | None = Query(None, max_length=64),
           target: str | None = Query(None, max_length=64), type: str | None = Query(None, max_length=64),
           offset: int = Query(0, ge=0, le=10_000_000)) -> HTMLResponse:
    """Events whose evidence contains the words (with optional actor and type filters), and matching articles."""
    q = q.strip()
    events: list = []
    articles: list = []
    total, titles = 0, {}
    flt = EventFilter(q=q or None, source=source or None, target=target or None, type=type or None,
                      sort="date", descending=True, limit=50, offset=offset)
    if q or source or target or type:
        with store_reader(request) as store:
            total = store.count_events(flt)
            events = store.events(flt)
            articles = store.articles(limit=20, q=q) if q else []
            titles = queries.titles_of(store, events)
    else:
        authorise(request, "read")
    return page(request, "search.html", q=q, source=source or "", target=target or "", type=type or "",
                events=events, articles=articles, total=total, offset=offset, limit=50, titles=titles)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    """Sign in with a token, for servers run with --require-token."""
    return page(request, "login.html", failed=False)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    """Check the token from the form and keep it in an HttpOnly, SameSite=Strict cookie (reads only)."""
    from urllib.parse import parse_qs

    from realpolitik.store.tokens import check_token

    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    token = (form.get("token") or [""])[0].strip()

    def role() -> str | None:
        with request.app.state.gate.reader() as store:
            return check_token(store, token)

    if not token or await run_in_threadpool(role) is None:
        return HTMLResponse(render("login.html", request=request, failed=True), status_code=401)
    resp = RedirectResponse("/", status_code=303)
    resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https",
                    path="/")
    return resp


@router.post("/logout")
def logout() -> Response:
    """Forget the sign-in cookie."""
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(TOKEN_COOKIE, path="/")
    return resp


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI document (no external assets)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _schema_type(p.get("schema", {})), "description": p.get("description", "")}
                      for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params,
                        "body": body.get("$ref", "").rsplit("/", 1)[-1] or None})
    schemas = spec.get("components", {}).get("schemas", {})
    bodies = {name: [{"name": k, "type": _schema_type(v), "description": v.get("description", "")}
                     for k, v in s.get("properties", {}).items()]
              for name, s in schemas.items() if name.endswith("Request")}
    return page(request, "docs.html", ops=ops, bodies=bodies, title=spec["info"]["title"],
                api_version=spec["info"]["version"])


def _schema_type(s: dict[str, Any]) -> str:
    if "anyOf" in s:
        return " or ".join(_schema_type(x) for x in s["anyOf"] if x.get("type") != "null")
    if "enum" in s:
        return " | ".join(map(str, s["enum"]))
    return s.get("format") or s.get("type") or "object"
