"""The FastAPI application: API, dashboard, local docs page; security middleware and JSON errors."""
from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import replace
from typing import Any, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from realpolitik.options import Options
from realpolitik.settings import LOOPBACK_HOSTS, WebSettings
from realpolitik.store import StoreError
from realpolitik.version import __version__
from realpolitik.web.cache import ResultCache
from realpolitik.web.gate import StoreGate

log = logging.getLogger(__name__)

# Pages and API answers load nothing but this server's own files; no inline script or style.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def warm_up() -> None:
    """Import what the overview page needs (pandas and the analytics: seconds on a busy machine) at
    start-up, so the first page request does not pay for it and time out a client."""
    import realpolitik.analytics  # noqa: F401
    import realpolitik.analytics.stability  # noqa: F401


def create_app(db_url: str, options: Options | None = None) -> FastAPI:
    """The web application over the store at `db_url` (DuckDB file or postgresql:// URL)."""
    from realpolitik.web import api, explore, pages

    options = options or Options()
    settings: WebSettings = replace(options.web, allowed_hosts=options.web.allowed_hosts or LOOPBACK_HOSTS)
    gate = StoreGate(db_url, idle_release=settings.idle_release)
    gate.prepare()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(warm_up)
        yield
        gate.close()

    app = FastAPI(lifespan=lifespan, title="realpolitik", version=__version__,
                  description="Coded, evidence-linked PLOVER events: who did what to whom, when, how sure, "
                              "and where the text says so.",
                  docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None)
    app.state.gate = gate
    app.state.cache = ResultCache()
    app.state.options = options
    app.state.settings = settings
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(explore.router)
    app.mount("/static", StaticFiles(directory=pages.package_dir("static")), name="static")
    _add_error_handlers(app)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    if "*" not in settings.allowed_hosts:
        app.add_middleware(HostCheck, allowed=settings.allowed_hosts)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


# -- errors ------------------------------------------------------------------------------------
def wants_html(request: Request) -> bool:
    """Whether the error should be a page (dashboard paths) rather than JSON (the API)."""
    path = request.url.path
    return not (path.startswith("/api") or path == "/openapi.json" or path.startswith("/static"))


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None):
    """A JSON {"error": ...} for the API, a small escaped page for the dashboard."""
    if wants_html(request):
        from realpolitik.web.pages import render

        return HTMLResponse(render("error.html", request=request, status=status, message=message),
                            status_code=status, headers=headers)
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        msg = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        return error_response(request, exc.status_code, msg, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        # Name the parameter and the rule it broke; never echo the input back.
        parts = []
        for e in exc.errors()[:5]:
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{loc or 'request'}: {e.get('msg', 'invalid')}")
        return error_response(request, 422, "; ".join(parts) or "invalid request")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return error_response(request, 503, str(exc), {"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        return error_response(request, 500, "internal error (the server log has the details)")


# -- middleware (plain ASGI, so they also guard bodies read in streaming) ----------------------
async def _send_json(send, status: int, payload: dict[str, Any], extra: Sequence[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *extra]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over `max_bytes` with 413, by Content-Length or while reading a streamed body."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or ())
        length = headers.get(b"content-length")
        too_large = {"error": f"request body over the limit of {self.max_bytes:,} bytes"}
        if length is not None:
            try:
                n = int(length)
            except ValueError:
                return await _send_json(send, 400, {"error": "malformed Content-Length"})
            if n > self.max_bytes:
                return await _send_json(send, 413, too_large, [(b"connection", b"close")])
        seen = 0
        started = refused = False

        async def limited_receive():
            nonlocal seen, started, refused
            if refused:
                return {"type": "http.disconnect"}
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:
                    # Answer now and tell the app the client went away, so it stops reading.
                    refused = True
                    if not started:
                        started = True
                        await _send_json(send, 413, too_large, [(b"connection", b"close")])
                    return {"type": "http.disconnect"}
            return msg

        async def guarded_send(msg):
            nonlocal started
            if refused:
                return  # the 413 has gone out; whatever the app answers after it is dropped
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not refused:
                raise


class SecurityHeaders:
    """Add a strict Content-Security-Policy and related headers to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(msg):
            if msg["type"] == "http.response.start":
                msg = {**msg, "headers": [*msg.get("headers", []), *SECURITY_HEADERS]}
            await send(msg)

        await self.app(scope, receive, with_headers)


class HostCheck:
    """Answer only requests whose Host is one of ours, so a rebinding DNS name cannot reach the local API."""

    def __init__(self, app, allowed: tuple[str, ...]):
        self.app, self.allowed = app, {h.lower() for h in allowed}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        host = dict(scope.get("headers") or ()).get(b"host", b"").decode("latin-1").lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name not in self.allowed and host not in self.allowed:
            return await _send_json(send, 400, {"error": "unexpected Host header"})
        await self.app(scope, receive, send)


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8000, options: Options | None = None,
          log_level: str = "info") -> None:
    """Run the app under uvicorn until interrupted."""
    from realpolitik.errors import require

    uvicorn = require("uvicorn", "web", "serving the web API")

    options = options or Options()
    if host not in LOOPBACK_HOSTS and options.web.allowed_hosts is None:
        # Listening on a public interface: any Host header may be right (a proxy's name, the IP).
        options = options.with_settings({"web.allowed_hosts": ["*"]})
    app = create_app(db_url, options)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
