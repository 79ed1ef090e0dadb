"""Inline SVG charts drawn on the server: no script, no external font, every label escaped.

Presentation attributes only (no `style=`), so the pages keep a strict Content-Security-Policy.
"""
from __future__ import annotations

import logging
import math
from typing import Mapping, Sequence

from markupsafe import Markup, escape

log = logging.getLogger(__name__)

# Colour-blind-safe palette (Okabe and Ito, 2008), in a fixed order so a key keeps its colour.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
QUAD_COLOURS = {"verbal_cooperation": "#56B4E9", "material_cooperation": "#0072B2",
                "verbal_conflict": "#E69F00", "material_conflict": "#D55E00"}


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") if abs(v) < 1000 else f"{v:,.0f}"


def _nice_max(hi: float) -> float:
    if hi <= 0:
        return 1.0
    mag = 10 ** math.floor(math.log10(hi))
    return next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= hi)


def _open(width: int, height: int, title: str) -> str:
    t = escape(title)
    # Drawn at its natural size; CSS shrinks it on narrow screens (max-width: 100%, height: auto).
    return (f"<svg class='chart' viewBox='0 0 {width} {height}' width='{width}' height='{height}' role='img' "
            f"aria-label='{t}' xmlns='http://www.w3.org/2000/svg'><title>{t}</title>")


def empty(title: str, width: int = 640) -> Markup:
    """A small chart saying there is nothing to plot."""
    return Markup(_open(width, 40, title) +
                  f"<text x='8' y='24' class='muted'>{escape(title)}: no data</text></svg>")


def stacked_bars(periods: Sequence[str], series: Mapping[str, Sequence[float]], title: str,
                 colours: dict[str, str] | None = None, width: int = 720, height: int = 260) -> Markup:
    """Bars per period stacked by key, with a y axis and a legend."""
    if not periods or not series:
        return empty(title, width)
    colours = colours or {}
    left, right, top, bottom = 44, 170, 16, 36
    pw, ph = width - left - right, height - top - bottom
    totals = [sum(v[i] for v in series.values()) for i in range(len(periods))]
    ymax = _nice_max(max(totals))
    n = len(periods)
    bw = pw / n
    parts = [_open(width, height, title)]
    for k in range(5):
        v = ymax * k / 4
        y = top + ph - ph * v / ymax
        parts.append(f"<line x1='{left}' x2='{left + pw}' y1='{y:.1f}' y2='{y:.1f}' class='grid'/>"
                     f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end' class='axis'>{_num(v)}</text>")
    every = max(1, math.ceil(n / 10))
    for i, p in enumerate(periods):
        base: float = top + ph
        for j, (key, vals) in enumerate(series.items()):
            v = vals[i]
            if v <= 0:
                continue
            h = ph * v / ymax
            base -= h
            colour = colours.get(key, PALETTE[j % len(PALETTE)])
            parts.append(f"<rect x='{left + i * bw + 1:.1f}' y='{base:.1f}' width='{max(bw - 2, 1):.1f}' "
                         f"height='{h:.1f}' fill='{colour}'><title>{escape(p)} {escape(key)}: {_num(v)}</title></rect>")
        if i % every == 0 or i == n - 1:
            parts.append(f"<text x='{left + (i + 0.5) * bw:.1f}' y='{top + ph + 16}' text-anchor='middle' "
                         f"class='axis'>{escape(p)}</text>")
    for j, key in enumerate(series):
        y = top + 4 + j * 16
        colour = colours.get(key, PALETTE[j % len(PALETTE)])
        parts.append(f"<rect x='{left + pw + 12}' y='{y}' width='10' height='10' fill='{colour}'/>"
                     f"<text x='{left + pw + 28}' y='{y + 9}' class='axis'>{escape(key)}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def hbars(items: Sequence[tuple[str, float]], title: str, width: int = 480, colour: str = PALETTE[0]) -> Markup:
    """Horizontal bars, one per (label, value), largest scale first."""
    if not items:
        return empty(title, width)
    left, row = 150, 20
    height = row * len(items) + 10
    hi = max(v for _, v in items) or 1.0
    parts = [_open(width, height, title)]
    for i, (label, v) in enumerate(items):
        y = 5 + i * row
        w = (width - left - 50) * max(v, 0) / hi
        parts.append(f"<text x='{left - 6}' y='{y + 13}' text-anchor='end' class='axis'>{escape(label)}</text>"
                     f"<rect x='{left}' y='{y + 2}' width='{w:.1f}' height='{row - 6}' fill='{colour}'>"
                     f"<title>{escape(label)}: {_num(v)}</title></rect>"
                     f"<text x='{left + w + 4:.1f}' y='{y + 13}' class='axis'>{_num(v)}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def network_svg(nodes: Sequence[dict], edges: Sequence[dict], bridges: Sequence[str] = (),
                title: str = "Alignment network", size: int = 560) -> Markup:
    """Actors on a circle grouped by bloc; green ties cooperate, red ones conflict; bridges ringed."""
    if not nodes:
        return empty(title, size)
    order = sorted(nodes, key=lambda n: (n.get("bloc", 0), n["id"]))
    cx = cy = size / 2
    r = size / 2 - 60
    pos = {}
    for i, n in enumerate(order):
        a = 2 * math.pi * i / len(order) - math.pi / 2
        pos[n["id"]] = (cx + r * math.cos(a), cy + r * math.sin(a), a)
    wmax = max((abs(float(e.get("weight") or 0)) for e in edges), default=1.0) or 1.0
    parts = [_open(size, size, title)]
    for e in edges:
        a, b = e.get("a"), e.get("b")
        if a not in pos or b not in pos:
            continue
        w = float(e.get("weight") or 0)
        colour = "#009E73" if w > 0 else ("#D55E00" if w < 0 else "#999999")
        (x1, y1, _), (x2, y2, _) = pos[a], pos[b]
        parts.append(f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{colour}' "
                     f"stroke-width='{1 + 5 * abs(w) / wmax:.1f}' stroke-opacity='0.7'>"
                     f"<title>{escape(a)} - {escape(b)}: cooperation {_num(float(e.get('cooperation') or 0))}, "
                     f"conflict {_num(float(e.get('conflict') or 0))}</title></line>")
    bridge_set = set(bridges)
    for n in order:
        x, y, ang = pos[n["id"]]
        colour = PALETTE[n.get("bloc", 0) % len(PALETTE)]
        ring = " stroke='#000' stroke-width='3'" if n["id"] in bridge_set else " stroke='#fff' stroke-width='1'"
        lx, ly = cx + (r + 22) * math.cos(ang), cy + (r + 22) * math.sin(ang)
        anchor = "start" if math.cos(ang) > 0.3 else ("end" if math.cos(ang) < -0.3 else "middle")
        parts.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='9' fill='{colour}'{ring}>"
                     f"<title>{escape(n['id'])}: bloc {int(n.get('bloc', 0)) + 1}"
                     f"{', bridge' if n['id'] in bridge_set else ''}</title></circle>"
                     f"<text x='{lx:.1f}' y='{ly + 4:.1f}' text-anchor='{anchor}' class='axis'>"
                     f"{escape(n['id'])}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))
