"""Inline SVG charts generated in Python: no JavaScript, no external fonts, every label escaped."""
from __future__ import annotations

import logging
from typing import Sequence

from markupsafe import Markup, escape

log = logging.getLogger(__name__)

# Colour-blind-safe palette (Okabe and Ito, 2008), in a fixed order so a front keeps its colour.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
FONT = "font-family='sans-serif' font-size='11'"


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") if abs(v) < 1000 else f"{v:,.0f}"


def _ticks(hi: float, n: int = 4) -> list[float]:
    if hi <= 0:
        return [0.0]
    raw = hi / n
    mag = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 0.1
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    return [i * step for i in range(int(hi / step) + 2) if i * step <= hi + step * 0.999]


def line_chart(labels: Sequence[str], series: dict[str, Sequence[float]], title: str,
               y_label: str = "", width: int = 640, height: int = 260) -> Markup:
    """A multi-line chart over periods, with a legend; an empty note when there is nothing to plot."""
    if not labels or not series:
        return empty(title, width)
    left, right, top, bottom = 48, 150, 46, 40
    pw, ph = width - left - right, height - top - bottom
    hi = max([max(v) for v in series.values() if len(v)] + [0.0])
    ticks = _ticks(hi)
    ymax = ticks[-1] or 1.0
    n = len(labels)
    x = (lambda i: left + (pw * i / (n - 1) if n > 1 else pw / 2))
    y = (lambda v: top + ph - ph * v / ymax)
    parts = [_open(width, height, title)]
    for t in ticks:
        parts.append(f"<line x1='{left}' x2='{left + pw}' y1='{y(t):.1f}' y2='{y(t):.1f}' stroke='#ddd'/>"
                     f"<text x='{left - 6}' y='{y(t) + 4:.1f}' text-anchor='end' {FONT}>{_num(t)}</text>")
    every = max(1, n // 8)
    for i, lab in enumerate(labels):
        if i % every == 0 or (i == n - 1 and i % every > every // 2):  # the last label unless it would overlap
            parts.append(f"<text x='{x(i):.1f}' y='{top + ph + 16}' text-anchor='middle' {FONT}>{escape(lab)}</text>")
    if y_label:
        parts.append(f"<text x='{left}' y='{top - 8}' {FONT} fill='#555'>{escape(y_label)}</text>")
    for k, (name, vals) in enumerate(series.items()):
        colour = PALETTE[k % len(PALETTE)]
        pts = " ".join(f"{x(i):.1f},{y(float(v)):.1f}" for i, v in enumerate(vals))
        parts.append(f"<polyline class='series' fill='none' stroke='{colour}' stroke-width='2' points='{pts}'>"
                     f"<title>{escape(name)}</title></polyline>")
        parts += [f"<circle cx='{x(i):.1f}' cy='{y(float(v)):.1f}' r='2.5' fill='{colour}'>"
                  f"<title>{escape(name)} {escape(labels[i])}: {_num(float(v))}</title></circle>"
                  for i, v in enumerate(vals) if v]
        ly = top + 14 * k + 6
        parts.append(f"<rect x='{left + pw + 12}' y='{ly - 8}' width='10' height='10' fill='{colour}'/>"
                     f"<text x='{left + pw + 26}' y='{ly + 1}' {FONT}>{escape(name)}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(items: Sequence[tuple[str, float]], title: str, width: int = 640, unit: str = "",
              colours: Sequence[str] | None = None) -> Markup:
    """Horizontal bars, one per (label, value), largest first as given; negative values drawn leftwards."""
    if not items:
        return empty(title, width)
    row, left, top = 22, 150, 28
    height = top + row * len(items) + 10
    hi = max(abs(v) for _, v in items) or 1.0
    has_neg = any(v < 0 for _, v in items)
    pw = width - left - 70
    zero = left + (pw / 2 if has_neg else 0)
    scale = (pw / 2 if has_neg else pw) / hi
    parts = [_open(width, height, title)]
    for i, (label, v) in enumerate(items):
        yy = top + i * row
        colour = (colours[i % len(colours)] if colours else (PALETTE[3] if v < 0 else PALETTE[0]))
        x0 = zero if v >= 0 else zero + v * scale
        parts.append(f"<text x='{left - 6}' y='{yy + 14}' text-anchor='end' {FONT}>{escape(label)}</text>"
                     f"<rect class='bar' x='{x0:.1f}' y='{yy + 3}' width='{max(abs(v) * scale, 1):.1f}' "
                     f"height='{row - 6}' "
                     f"fill='{colour}'><title>{escape(label)}: {_num(v)}{escape(unit)}</title></rect>"
                     f"<text x='{zero + max(v, 0) * scale + 4:.1f}' y='{yy + 14}' {FONT}>"
                     f"{_num(v)}{escape(unit)}</text>")
    if has_neg:
        parts.append(f"<line x1='{zero}' x2='{zero}' y1='{top}' y2='{height - 10}' stroke='#888'/>")
    parts.append("</svg>")
    return Markup("".join(parts))


def empty(title: str, width: int = 640) -> Markup:
    """A small SVG saying there is no data, so every chart slot still holds a chart."""
    return Markup(_open(width, 48, title)
                  + f"<text x='8' y='38' {FONT} fill='#777'>No data in this window.</text></svg>")


def _open(width: int, height: int, title: str) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' class='chart' role='img' width='{width}' height='{height}' "
            f"viewBox='0 0 {width} {height}'><title>{escape(title)}</title>"
            f"<text x='4' y='16' font-family='sans-serif' font-size='13' font-weight='bold'>{escape(title)}</text>")
