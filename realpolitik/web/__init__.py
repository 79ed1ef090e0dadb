"""The HTTP API and dashboard (FastAPI under uvicorn): `create_app(db_url, options)` and `serve(...)`."""
from __future__ import annotations

from realpolitik.web.app import WebSettings, create_app, serve

__all__ = ["WebSettings", "create_app", "serve"]
