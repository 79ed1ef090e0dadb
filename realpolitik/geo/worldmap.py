"""An offline world map as inline SVG: Natural Earth 110m countries (vendored in data/world_110m.json)
in an equirectangular projection, with event markers coloured by quad class.

No script and no `style=` attributes, so pages with a strict Content-Security-Policy show it as it is.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from markupsafe import Markup, escape

from realpolitik.geo.gazetteer import world

log = logging.getLogger(__name__)

# Okabe-Ito colours, as the dashboard's charts use for the quad classes.
QUAD_COLOURS = {"verbal_cooperation": "#56B4E9", "material_cooperation": "#0072B2",
                "verbal_conflict": "#E69F00", "material_conflict": "#D55E00"}
QUAD_ORDER = ("material_conflict", "verbal_conflict", "verbal_cooperation", "material_cooperation")
# Map units per degree: 4 (a quarter degree) keeps the 110m outlines' shape and the page small (~40 KB).
SCALE = 4
TOP, BOTTOM = 84.0, -58.0  # latitudes shown: Antarctica is left out, as most world event maps do
WIDTH, HEIGHT = 360 * SCALE, int((TOP - BOTTOM) * SCALE)


def project(lat: float, lon: float) -> tuple[float, float]:
    """Map coordinates (x right, y down) of a latitude and longitude."""
    return (lon + 180.0) * SCALE, (TOP - min(max(lat, BOTTOM), TOP)) * SCALE


@lru_cache(maxsize=1)
def _country_paths() -> dict[str, str]:
    """ISO alpha-3 -> SVG path data (integer map units, relative moves, repeated points dropped)."""
    out = {}
    for iso, c in world().items():
        if iso == "ATA":
            continue  # below the latitudes shown
        parts = []
        for ring in c["rings"]:
            pieces: list[list[tuple[int, int]]] = [[]]
            for i in range(0, len(ring), 2):
                if i and abs(ring[i] - ring[i - 2]) > 180:
                    pieces.append([])  # the ring crosses the antimeridian: draw each side apart
                x, y = project(ring[i + 1], ring[i])
                p = (round(x), round(y))
                if not pieces[-1] or pieces[-1][-1] != p:
                    pieces[-1].append(p)
            for pts in pieces:
                if len(pts) < 3:
                    continue
                d = [f"M{pts[0][0]} {pts[0][1]}"]
                d += [f"l{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(pts, pts[1:])]
                parts.append("".join(d) + "z")
        if parts:
            out[iso] = "".join(parts)
    return out


@dataclass
class Place:
    """Events at one place and quad class: one marker."""

    name: str
    country: str | None
    lat: float
    lon: float
    quad: str | None
    events: list[dict] = field(default_factory=list)


def places_of(events: Iterable[dict]) -> list[Place]:
    """Events with coordinates grouped by place and quad class, biggest group last (drawn on top)."""
    groups: dict[tuple, Place] = {}
    for e in events:
        loc = e.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        key = (loc.get("name"), round(float(loc["lat"]), 2), round(float(loc["lon"]), 2), e.get("quad"))
        if key not in groups:
            groups[key] = Place(loc.get("name") or "?", loc.get("country"), float(loc["lat"]), float(loc["lon"]),
                                e.get("quad"))
        groups[key].events.append(e)
    return sorted(groups.values(), key=lambda p: (len(p.events), p.name))


def _radius(n: int) -> float:
    """A marker's radius as a share of the map's width: area grows with the count, capped so one busy
    capital does not hide its region."""
    return min(0.011 + 0.005 * (n - 1) ** 0.5, 0.03)


# The narrowest view: 90 degrees of longitude, so one city still shows its neighbours for orientation.
MIN_SPAN = 90 * SCALE
ASPECT = 2.0  # width / height of a cropped view


def view_box(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The part of the map to show (x, y, width, height): the points with a margin, at least MIN_SPAN
    wide, the whole world when there are none."""
    if not points:
        return 0.0, 0.0, float(WIDTH), float(HEIGHT)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    w = max(MIN_SPAN, (max(xs) - min(xs)) * 1.3, (max(ys) - min(ys)) * 1.3 * ASPECT)
    w = min(w, WIDTH)
    h = min(w / ASPECT, HEIGHT)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x = min(max(cx - w / 2, 0.0), WIDTH - w)
    y = min(max(cy - h / 2, 0.0), HEIGHT - h)
    return x, y, w, h


def world_map_svg(events: Iterable[dict], title: str, href: Callable[[Place], str | None] | None = None,
                  highlight: Iterable[str] = (), legend: bool = True) -> Markup:
    """The map around the events (or the highlighted countries, else the world) with a marker per place
    and quad class (radius by event count); each marker links to `href(place)` when given, countries in
    `highlight` are shaded, and `legend` draws the quad key inside (a page may show it as HTML instead,
    legible at any width)."""
    places = places_of(events)
    lit = set(highlight)
    t = escape(title)
    pts = [project(p.lat, p.lon) for p in places]
    # The view holds the markers and the highlighted countries (a region page shows its region).
    vx, vy, vw, vh = view_box(pts + [project(c["centroid"][1], c["centroid"][0])
                                     for iso, c in world().items() if iso in lit])
    k = vw / WIDTH  # map units per unit of the whole-world view: keeps markers and text one size on screen
    out = [f"<svg class='chart map' viewBox='{vx:.0f} {vy:.0f} {vw:.0f} {vh:.0f}' width='720' "
           f"height='{720 * vh / vw:.0f}' role='img' aria-label='{t}' xmlns='http://www.w3.org/2000/svg'>"
           f"<title>{t}</title>",
           f"<rect x='{vx:.0f}' y='{vy:.0f}' width='{vw:.0f}' height='{vh:.0f}' fill='#eef4f8'/>"]
    paths = _country_paths()
    plain = "".join(d for iso, d in paths.items() if iso not in lit)
    line = "stroke='#ffffff' stroke-width='0.8' vector-effect='non-scaling-stroke'"
    out.append(f"<path d='{plain}' fill='#dcdcd4' {line}/>")
    for iso in sorted(lit & set(paths)):
        out.append(f"<path class='lit' d='{paths[iso]}' fill='#b9c9b0' {line}/>")
    for p, (x, y) in zip(places, pts):
        n = len(p.events)
        colour = QUAD_COLOURS.get(p.quad or "", "#777777")
        label = escape(f"{p.name}: {n} event{'s' if n != 1 else ''}, {(p.quad or 'unknown').replace('_', ' ')}")
        dot = (f"<circle class='marker' cx='{x:.1f}' cy='{y:.1f}' r='{_radius(n) * vw:.1f}' fill='{colour}' "
               f"fill-opacity='0.85' stroke='#1b1b1b' stroke-width='1' vector-effect='non-scaling-stroke'>"
               f"<title>{label}</title></circle>")
        link = href(p) if href else None
        out.append(f"<a href='{escape(link)}' aria-label='{label}'>{dot}</a>" if link else dot)
    if legend:
        lx, ly, f = vx + 18 * k * 2, vy + vh - 128 * k * 2, k * 2
        out.append(f"<rect x='{lx - 10 * f:.1f}' y='{ly - 22 * f:.1f}' width='{330 * f:.1f}' height='{140 * f:.1f}' "
                   "fill='#ffffff' fill-opacity='0.85'/>")
        for i, q in enumerate(QUAD_ORDER):
            out.append(f"<circle cx='{lx + 9 * f:.1f}' cy='{ly + i * 30 * f:.1f}' r='{9 * f:.1f}' "
                       f"fill='{QUAD_COLOURS[q]}' "
                       f"stroke='#1b1b1b' vector-effect='non-scaling-stroke'/><text x='{lx + 28 * f:.1f}' "
                       f"y='{ly + (i * 30 + 8) * f:.1f}' font-size='{24 * f:.1f}'>{escape(q.replace('_', ' '))}</text>")
    if not places:
        out.append(f"<text x='{vx + vw / 2:.0f}' y='{vy + vh / 2:.0f}' text-anchor='middle' font-size='{44 * k:.1f}'>"
                   "No located events</text>")
    out.append("</svg>")
    return Markup("".join(out))
