"""Rendering a briefing as a self-contained HTML page or as Markdown; everything from the data is escaped."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

log = logging.getLogger(__name__)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#<>~])")


def num(v: Any) -> str:
    """A number for tables: integers without decimals, others with at most two."""
    if v is None:
        return ""
    v = float(v)
    return f"{v:.0f}" if v == int(v) else f"{v:.2f}".rstrip("0")


def pct(v: Any) -> str:
    """A share in 0..1 as a whole percentage."""
    return "" if v is None else f"{float(v) * 100:.0f}%"


def safe_url(v: Any) -> str:
    """The URL when it is http(s), else '' (a javascript: or data: link from an article must not be clickable)."""
    if not isinstance(v, str):
        return ""
    return v if urlsplit(v.strip()).scheme.lower() in ("http", "https") else ""


def md_escape(v: Any) -> Any:
    """Markdown-escape a value: HTML characters as entities, Markdown syntax backslashed, newlines folded."""
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    s = re.sub(r"\s+", " ", str(v))
    s = s.replace("&", "&amp;")
    return _MD_SPECIAL.sub(lambda m: {"<": "&lt;", ">": "&gt;"}.get(m.group(1), "\\" + m.group(1)), s)


def _env(markdown: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("realpolitik.report", "templates"),
        # HTML: autoescape every value; Markdown: every value passes through md_escape.
        autoescape=not markdown, finalize=md_escape if markdown else None,
        undefined=jinja2.ChainableUndefined, trim_blocks=False, keep_trailing_newline=True)
    env.filters.update(num=num, pct=pct, safe_url=safe_url)
    return env


@lru_cache(maxsize=2)
def environment(markdown: bool = False) -> jinja2.Environment:
    """The Jinja environment for HTML (autoescaped) or Markdown (escaped by finalize)."""
    return _env(markdown)


def render_html(briefing: dict[str, Any]) -> str:
    """The briefing as one self-contained HTML page (inline CSS and SVG, nothing loaded from outside)."""
    charts = {k: v if isinstance(v, Markup) else Markup("") for k, v in briefing.get("charts", {}).items()}
    return environment(False).get_template("brief.html.j2").render(b={**briefing, "charts": charts})


def render_markdown(briefing: dict[str, Any]) -> str:
    """The briefing as Markdown (no charts)."""
    return environment(True).get_template("brief.md.j2").render(b=briefing)
