"""Briefings: a dyad, country or region summarised as self-contained HTML (inline SVG charts) or Markdown."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from realpolitik.analytics.frame import Scope, jsonable
from realpolitik.report.briefing import build_briefing
from realpolitik.report.render import render_html, render_markdown

__all__ = ["build_briefing", "render_html", "render_markdown", "render", "write_report", "briefing_dict"]


def render(store, scope: Scope, fmt: str = "html") -> str:
    """The briefing for the scope as HTML or Markdown text."""
    b = build_briefing(store, scope)
    if fmt == "md":
        return render_markdown(b)
    if fmt == "html":
        return render_html(b)
    raise ValueError(f"format {fmt!r}: expected html or md")


def write_report(store, scope: Scope, out: str | Path, fmt: str = "html") -> Path:
    """Write the briefing to a file (UTF-8) and return its path."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(store, scope, fmt), encoding="utf-8")
    return path


def briefing_dict(store, scope: Scope) -> dict[str, Any]:
    """The briefing's content as JSON-able data (charts left out), for the API."""
    b = build_briefing(store, scope)
    b.pop("charts", None)
    return jsonable(b)
