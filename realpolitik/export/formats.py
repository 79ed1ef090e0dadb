"""Exports in the layouts of other event datasets: PLOVER JSON, POLECAT TSV, GDELT 2.0 events.

Column lists follow the public descriptions of those datasets (summarised in
../shared/reference/output_schemas.md); a column realpolitik has no value for is left empty.
Events are read from the store page by page, so large stores export in bounded memory.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from functools import lru_cache
from importlib import resources
from typing import Any

from realpolitik.export.events import iter_events, output
from realpolitik.registry import exporters
from realpolitik.store.base import EventFilter

log = logging.getLogger(__name__)

# The CAMEO/PLOVER quad classes as numbers, in the order GDELT and PLOVER number them.
QUAD_NUMBER = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}
# CAMEO root codes by quad class: 01-05 verbal cooperation, 06-08 material cooperation,
# 09-13 verbal conflict, 14-20 material conflict (the CAMEO codebook's grouping).
_ROOT_QUAD = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
              **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}
# Codes whose first three letters name a kind of organisation, not a state (CAMEO actor codebook).
_NON_STATE = {"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "REB", "INS", "MED", "EDU", "BUS", "CVL"}
PAGE = 20_000  # events fetched per query when exporting; keeps memory flat on large stores

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{i}{c}" for i in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{p}Geo_{c}" for p in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL")

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version")


# -- shared helpers --------------------------------------------------------------------------------
def _id_chunks(ids: set[str], size: int = 500):
    """The non-empty ids, sorted, in chunks small enough for one IN (...) list of bound parameters."""
    ids_l = sorted(i for i in ids if i)
    for i in range(0, len(ids_l), size):
        yield ids_l[i:i + size]


def _articles(store, ids: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for chunk in _id_chunks(ids):
        for r in store.query("SELECT id, url, title, publisher, published, language, source, ingested_at "
                             f"FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
            out[r["id"]] = r
    return out


def _cluster_sizes(store, ids: set[str]) -> dict[str, tuple[int, int]]:
    """(events, distinct articles) per corroboration cluster: GDELT's NumMentions and NumArticles."""
    out: dict[str, tuple[int, int]] = {}
    for chunk in _id_chunks(ids):
        for r in store.query("SELECT cluster_id, COUNT(*) AS n, COUNT(DISTINCT article_id) AS a FROM events "
                             f"WHERE cluster_id IN ({', '.join('?' * len(chunk))}) GROUP BY cluster_id", chunk):
            out[r["cluster_id"]] = (int(r["n"]), int(r["a"]))
    return out


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    try:
        text = resources.files("realpolitik.actors").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return {}
    rows = csv.DictReader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t")
    return {r["iso3"]: r["name"] for r in rows if r.get("iso3") and r.get("name")}


def country_of(code: str | None) -> str | None:
    """The ISO alpha-3 country of an actor code (CHNGOV -> CHN), None for IGOs, NGOs and the like."""
    if not code or len(code) < 3 or code[:3] in _NON_STATE:
        return None
    return code[:3]


def sectors_of(code: str | None) -> list[str]:
    """The 3-letter sector parts of an actor code after its country (CHNMILGOV -> [MIL, GOV])."""
    if not code:
        return []
    rest = code[3:]
    return [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3]]


def actor_name(code: str | None, text: str | None) -> str:
    """A readable name: the country's name for a state code, else the text the actor was found as."""
    c = country_of(code)
    if c and len(code or "") == 3 and c in _country_names():
        return _country_names()[c]
    return text or (_country_names().get(c, "") if c else "") or ""


def quad_number(e: dict[str, Any]) -> int | None:
    """The quad class 1-4 of an event: from its quad, else from its CAMEO root code."""
    q = QUAD_NUMBER.get(e.get("quad") or "")
    if q is None and e.get("cameo"):
        q = _ROOT_QUAD.get(str(e["cameo"])[:2])
    if q is None and e.get("type"):
        from realpolitik import ontology

        q = QUAD_NUMBER.get(ontology.quad(e["type"]) or "")
    return q


def goldstein_of(e: dict[str, Any]) -> float | None:
    """The Goldstein score of an event: stored, else looked up from its CAMEO code."""
    if e.get("goldstein") is not None:
        return float(e["goldstein"])
    if e.get("cameo"):
        from realpolitik import ontology

        return ontology.goldstein(e["cameo"])
    return None


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _date(v: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(v)[:10]) if v else None
    except ValueError:
        return None


# -- PLOVER JSON -----------------------------------------------------------------------------------
def plover_record(e: dict[str, Any], art: dict[str, Any] | None) -> dict[str, Any]:
    """One event as a PLOVER JSON record (the PLOVER manual's data fields)."""
    art = art or {}
    ev = e.get("evidence") or {}
    trig = ev.get("trigger") or {}

    def entity(code: str | None, text: str | None, span: dict | None) -> list[dict[str, Any]]:
        if not code and not text:
            return []
        secs = sectors_of(code)
        return [{"code": (code or "")[:3] or None, "sector": "".join(secs) or None, "entity_text": text,
                 "identifier_id": code, "identifier_text": actor_name(code, text) or None,
                 "text_span": span}]

    loc = e.get("location")
    coded = _date(art.get("ingested_at"))
    return {
        "id": e["id"],
        "has_event": True,
        "date": e.get("date"),
        "actor": entity(e.get("source"), e.get("source_text"), e.get("source_span")),
        "recipient": entity(e.get("target"), e.get("target_text"), e.get("target_span")),
        "event": [e["type"]],
        "event_text": trig.get("text") or None,
        "quad_code": quad_number(e),
        "event_scale": e.get("intensity"),
        "mode": [e["mode"]] if e.get("mode") else [],
        "context": list(e.get("contexts") or []),
        "event_loc": None if not loc else {
            "extracted_place": loc.get("name"), "resolved_place": loc.get("name"),
            "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "city": loc.get("name") if loc.get("precision") == "city" else None,
            "province": _province(loc) or None,
            "country": _country_names().get(loc.get("country") or "", loc.get("country")),
            "country_code": loc.get("country"),
            # PLOVER's resolution, finest first: 1 city, 3 first-level division or region, 4 country.
            "resolution": {"city": 1, "region": 3, "country": 4}.get(loc.get("precision"))},
        "link": [],
        "text": ev.get("text"),
        "text_info": {"sequence": e.get("sentence_index"), "start": ev.get("start"), "end": ev.get("end"),
                      "text_story": e.get("article_id")},
        "cite_info": {"corpus": "realpolitik", "citation": e.get("article_id"), "url": art.get("url"),
                      "title": art.get("title"), "language": art.get("language"),
                      "publication": art.get("publisher"), "coder": e.get("coder"), "codebook": "PLOVER"},
        "coder": e.get("coder"),
        "coded_date": coded.isoformat() if coded else None,
        # realpolitik fields beyond PLOVER, kept so nothing the coder knew is lost.
        "cameo": e.get("cameo"), "goldstein": goldstein_of(e), "factuality": e.get("factuality"),
        "confidence": e.get("confidence"), "channel": e.get("channel"), "fronts": list(e.get("fronts") or []),
        "attributed_to": e.get("attributed_to"),
    }


@exporters.register("plover-json")
def write_plover_json(store, flt: EventFilter, outfile: str | None) -> int:
    """Events as PLOVER JSON records, one per line (JSON Lines)."""
    n = 0
    with output(outfile) as out:
        for page in iter_events(store, flt, PAGE):
            arts = _articles(store, {e.get("article_id") for e in page})
            for e in page:
                out.write(json.dumps(plover_record(e, arts.get(e.get("article_id"))), ensure_ascii=False,
                                     default=str) + "\n")
                n += 1
    return n


# -- POLECAT TSV -----------------------------------------------------------------------------------
def polecat_row(e: dict[str, Any], art: dict[str, Any] | None, version: str) -> list[str]:
    """One event as a row of POLECAT_COLUMNS."""
    art = art or {}
    loc = e.get("location") or {}

    def party(code: str | None, text: str | None) -> list[Any]:
        secs = sectors_of(code)
        c = country_of(code)
        return [actor_name(code, text), _country_names().get(c, c) if c else "", "", secs[0] if secs else "",
                ";".join(secs), "", text, ""]

    row = [e["id"], e.get("date"), e["type"], e.get("mode"), e.get("intensity"), quad_number(e),
           ";".join(e.get("contexts") or []),
           *party(e.get("source"), e.get("source_text")),
           *party(e.get("target"), e.get("target_text")),
           loc.get("name"), loc.get("name") if loc.get("precision") == "city" else "", "",
           _province(loc), _country_names().get(loc.get("country") or "", loc.get("country")),
           loc.get("lat"), loc.get("lon"), loc.get("geonameid"), loc.get("name"),
           _FEATURE.get(loc.get("precision"), ""),
           art.get("publisher") or art.get("url") or art.get("source"), art.get("published"), "", "", "",
           art.get("language"), version]
    return [_fmt(v).replace("\t", " ").replace("\n", " ") for v in row]


# GeoNames feature codes for each precision (POLECAT's Feature Type): populated place, first-order
# division or region, independent political entity.
_FEATURE = {"city": "PPL", "region": "ADM1", "country": "PCLI"}


def _province(loc: dict[str, Any]) -> str:
    """POLECAT's Province: the named first-level division, or the place itself when it is one."""
    admin1 = loc.get("admin1") or ""
    if loc.get("precision") == "region":
        return loc.get("name") or ""
    return admin1 if "." not in admin1 else ""


def _write_tsv(store, flt: EventFilter, outfile: str | None, columns, rows_of_page) -> int:
    """A header of `columns`, then the rows `rows_of_page(page)` gives for each page of events."""
    n = 0
    with output(outfile) as out:
        out.write("\t".join(columns) + "\n")
        for page in iter_events(store, flt, PAGE):
            for row in rows_of_page(page):
                out.write("\t".join(row) + "\n")
                n += 1
    return n


@exporters.register("polecat-tsv")
def write_polecat_tsv(store, flt: EventFilter, outfile: str | None) -> int:
    """Events as POLECAT-style tab-separated rows with a header."""
    from realpolitik.version import __version__

    def rows(page):
        arts = _articles(store, {e.get("article_id") for e in page})
        return (polecat_row(e, arts.get(e.get("article_id")),
                            f"realpolitik {__version__} {e.get('coder') or ''}".strip()) for e in page)

    return _write_tsv(store, flt, outfile, POLECAT_COLUMNS, rows)


# -- GDELT 2.0 events ------------------------------------------------------------------------------
def gdelt_event_id(event_id: str) -> int:
    """A numeric GLOBALEVENTID from the hex event id (its first 60 bits: fits a signed 64-bit column)."""
    hexpart = "".join(ch for ch in event_id.removeprefix("e") if ch in "0123456789abcdef")[:15]
    return int(hexpart or "0", 16)


def gdelt_row(e: dict[str, Any], art: dict[str, Any] | None, clusters: dict[str, tuple[int, int]]) -> list[str]:
    """One event as a row of GDELT_COLUMNS."""
    art = art or {}
    d = _date(e.get("date")) or _date(art.get("published"))
    frac = None
    if d:
        # GDELT's FractionDate: the year plus the elapsed fraction of it, to four decimals.
        frac = round(d.year + (d.timetuple().tm_yday - 1) / 365, 4)

    def actor(code: str | None, text: str | None) -> list[Any]:
        secs = sectors_of(code)
        group = code[3:6] if code and code[:3] in ("IGO", "NGO", "IMG", "MNC") else None
        return [code, (actor_name(code, text) or "").upper() or None, country_of(code), group, None, None, None,
                *(secs + [None, None, None])[:3]]

    cameo = str(e["cameo"]) if e.get("cameo") else None
    mentions, n_articles = clusters.get(e.get("cluster_id") or "", (1, 1))
    loc = e.get("location") or {}
    action_geo = ([gdelt_geo_type(loc), gdelt_full_name(loc), fips_of(loc.get("country")), gdelt_adm1(loc), None,
                   loc.get("lat"), loc.get("lon"), loc.get("geonameid")] if loc else [None] * 8)
    added = art.get("ingested_at")
    added_s = None
    if added:
        t = added if isinstance(added, dt.datetime) else dt.datetime.fromisoformat(str(added))
        added_s = t.strftime("%Y%m%d%H%M%S")
    row = [gdelt_event_id(e["id"]), d.strftime("%Y%m%d") if d else None, d.strftime("%Y%m") if d else None,
           d.year if d else None, frac,
           *actor(e.get("source"), e.get("source_text")), *actor(e.get("target"), e.get("target_text")),
           # GDELT marks events from the lead paragraph as root events; the first sentence stands in for it.
           1 if e.get("sentence_index") == 0 else 0,
           cameo, cameo[:3] if cameo else None, cameo[:2] if cameo else None, quad_number(e), goldstein_of(e),
           mentions, n_articles, n_articles, None,
           *([None] * 16), *action_geo, added_s, art.get("url") or art.get("source")]
    return [_fmt(v).replace("\t", " ").replace("\n", " ") for v in row]


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO alpha-3 (and alpha-2) -> FIPS 10-4 country code, as GDELT's geo columns use."""
    from realpolitik.actors.tables import geonames

    out = {}
    for c in geonames().get_countries().values():
        if c.get("fips"):
            out[c["iso3"]] = out[c["iso"]] = c["fips"]
    return out


@lru_cache(maxsize=1)
def _us_state_codes() -> dict[str, str]:
    from realpolitik.actors.tables import geonames

    return {s["name"]: s["code"] for s in geonames().get_us_states().values()}


def fips_of(iso3: str | None) -> str | None:
    """The FIPS 10-4 code GDELT gives a country (ISO IRN -> IR, DEU -> GM)."""
    return _fips().get(iso3 or "")


def gdelt_geo_type(loc: dict[str, Any]) -> int:
    """GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1 or region)."""
    precision, us = loc.get("precision"), loc.get("country") == "USA"
    if precision == "country":
        return 1
    if precision == "region":
        return 2 if us and loc.get("name") in _us_state_codes() else 5
    return 3 if us else 4


def gdelt_full_name(loc: dict[str, Any]) -> str | None:
    """GDELT's Geo_FullName: "Place, First-level division, Country" as far as known."""
    parts = [loc.get("name")]
    admin1 = loc.get("admin1")
    if admin1 and "." not in admin1 and admin1 != loc.get("name"):
        parts.append(admin1)  # a named division (US states); GeoNames codes ("IR.26") are no name
    country = _country_names().get(loc.get("country") or "")
    if country and country != loc.get("name"):
        parts.append(country)
    return ", ".join(p for p in parts if p) or None


def gdelt_adm1(loc: dict[str, Any]) -> str | None:
    """GDELT's ADM1Code: the FIPS country code then the division's code (USCA, IR26); country alone at
    country precision."""
    fips = fips_of(loc.get("country"))
    if not fips:
        return None
    admin1 = loc.get("admin1") or ""
    if loc.get("country") == "USA" and admin1 in _us_state_codes():
        return fips + _us_state_codes()[admin1]
    if "." in admin1:
        return fips + admin1.split(".", 1)[1]
    return fips


@exporters.register("gdelt-csv")
def write_gdelt_csv(store, flt: EventFilter, outfile: str | None) -> int:
    """Events in the GDELT 2.0 events layout: 61 tab-separated columns (as GDELT's .CSV files), with a header."""
    def rows(page):
        arts = _articles(store, {e.get("article_id") for e in page})
        clusters = _cluster_sizes(store, {e.get("cluster_id") for e in page})
        return (gdelt_row(e, arts.get(e.get("article_id")), clusters) for e in page)

    return _write_tsv(store, flt, outfile, GDELT_COLUMNS, rows)
