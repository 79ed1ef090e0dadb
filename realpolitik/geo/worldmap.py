"""An offline world map as inline SVG: Natural Earth 110m countries (vendored in data/world_110m.json)
in an equirectangular projection, with event markers coloured by quad class.

No script and no `style=` attributes, so pages with a strict Content-Security-Policy show it as it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from markupsafe import Markup, escape

from realpolitik.geo.gazetteer import world

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
    # Area grows with the count, capped so one busy capital does not hide its region.
    return min(8.0 + 4.0 * (n - 1) ** 0.5, 24.0)


def world_map_svg(events: Iterable[dict], title: str, href: Callable[[Place], str | None] | None = None,
                  highlight: Iterable[str] = ()) -> Markup:
    """The world with a marker per place and quad class (radius by event count); each marker links to
    `href(place)` when given, and countries in `highlight` are shaded."""
    places = places_of(events)
    lit = set(highlight)
    t = escape(title)
    out = [f"<svg class='chart map' viewBox='0 0 {WIDTH} {HEIGHT}' width='{WIDTH // 2}' height='{HEIGHT // 2}' "
           f"role='img' aria-label='{t}' xmlns='http://www.w3.org/2000/svg'><title>{t}</title>",
           f"<rect width='{WIDTH}' height='{HEIGHT}' fill='#eef4f8'/>"]
    paths = _country_paths()
    plain = "".join(d for iso, d in paths.items() if iso not in lit)
    out.append(f"<path d='{plain}' fill='#dcdcd4' stroke='#ffffff' stroke-width='0.8'/>")
    for iso in sorted(lit & set(paths)):
        out.append(f"<path class='lit' d='{paths[iso]}' fill='#b9c9b0' stroke='#ffffff' stroke-width='0.8'/>")
    for p in places:
        x, y = project(p.lat, p.lon)
        n = len(p.events)
        colour = QUAD_COLOURS.get(p.quad or "", "#777777")
        label = escape(f"{p.name}: {n} event{'s' if n != 1 else ''}, {(p.quad or 'unknown').replace('_', ' ')}")
        dot = (f"<circle class='marker' cx='{x:.1f}' cy='{y:.1f}' r='{_radius(n):.1f}' fill='{colour}' "
               f"fill-opacity='0.85' stroke='#1b1b1b' stroke-width='1'><title>{label}</title></circle>")
        link = href(p) if href else None
        out.append(f"<a href='{escape(link)}' aria-label='{label}'>{dot}</a>" if link else dot)
    # Legend: the four quad classes.
    lx, ly = 18, HEIGHT - 128
    out.append(f"<rect x='{lx - 10}' y='{ly - 22}' width='330' height='140' fill='#ffffff' fill-opacity='0.85'/>")
    for i, q in enumerate(QUAD_ORDER):
        out.append(f"<circle cx='{lx + 9}' cy='{ly + i * 30}' r='9' fill='{QUAD_COLOURS[q]}' stroke='#1b1b1b'/>"
                   f"<text x='{lx + 28}' y='{ly + i * 30 + 8}' font-size='24'>{escape(q.replace('_', ' '))}</text>")
    if not places:
        out.append(f"<text x='{WIDTH / 2}' y='{HEIGHT / 2}' text-anchor='middle' font-size='22'>"
                   "No located events</text>")
    out.append("</svg>")
    return Markup("".join(out))
