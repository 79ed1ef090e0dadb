"""The HTTP API and dashboard (FastAPI under uvicorn): `create_app(db_url, options)` and `serve(...)`."""
from __future__ import annotations

from realpolitik.errors import require

require("fastapi", "web", "the web API and dashboard")  # an optional extra: say which, not a bare ImportError
from realpolitik.web.app import WebSettings, create_app, serve  # noqa: E402

__all__ = ["WebSettings", "create_app", "serve"]
