"""What the text says about an actor beats the tables: titles in a person's own phrase, and
names whose state depends on the words around them (plain "Congo", "Tripoli").

- "NATO Secretary General Mark Rutte", "EU foreign policy chief X": the IGO's officer, whatever
  the person's earlier national roles.
- "Ali Hassan, the Syrian defence minister", "French President X": that state's sector.
- "President X" for a person whose table roles all lie outside the article's date: the text
  gives a current title, so the person is that country's government again, not its elite.
- "the former prime minister X": elite (ELI), whatever the table says; and so is every other mention of X
  with no title of its own ("ex-Foreign Secretary X ... X backed Y"), but for X's name on an organ he led.
- "Tory co-chairman X", "shadow chancellor X", "Conservative MP X": a party office (PTY), the opposition
  (OPP), a lawmaker (LEG), whatever government role the tables give X in other years.
- "a former IMF director", "a former Israeli prime minister" (no name): the holder is no longer the
  office, so not the organisation (no actor) and not the state's government (its elite, ELI).
- "his wife Sharon", "her brother Putin": a one-word name after a family relation is a relative
  of someone, not the office-holder the tables know by that name (no actor).
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import lru_cache

from realpolitik import wordsets
from realpolitik.actors.tables import normalise, read_table, sentence_bounds, split_cell, tables, text_of
from realpolitik.model import ActorMention

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.actors", "titles")

# Words that make a phrase an office of the organisation named in it ("NATO Secretary General").
_OFFICE_WORDS = _words("_OFFICE_WORDS")
_FORMER = _words("_FORMER")
# Heads that name an office a person holds ("former director", "former prime minister"); with _OFFICE_WORDS.
_FORMER_TITLES = _words("_FORMER_TITLES") | _OFFICE_WORDS
# Family relations: "his wife Sharon" names a relative, not the office-holder called Sharon.
_KIN = _words("_KIN")
# Titles of the opposition's shadow cabinet ("shadow chancellor"): no office of state.
_SHADOW = _words("_SHADOW")
# Party names and words that make a title a party office ("Tory co-chairman", "Labour party chairman").
_PARTY_WORDS = _words("_PARTY_WORDS")
# Left dependents that belong to the person's own noun phrase ("German Foreign Minister X").
_LEFT_DEPS = _words("_LEFT_DEPS")


def left_region(root, start: int) -> list:
    """Tokens of the person's own phrase before the name (its title and who it belongs to)."""
    out: list = []
    for c in root.lefts:
        if c.dep_ in _LEFT_DEPS and c.idx < start:
            out.extend(t for t in c.subtree if t.idx < start)
    return out


def appositive_region(root) -> list:
    """Tokens of an appositive naming the person's office, either side of the name:
    "X, the Syrian defence minister" or "the Syrian defence minister, X"."""
    out = []
    for c in root.children:
        if c.dep_ == "appos":
            out.extend(c.subtree)
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head
        out.append(head)
        for c in head.lefts:
            out.extend(c.subtree)
    return out


def _title_sector(tokens) -> str | None:
    """The sector of the title among the tokens ("prime minister" -> GOV, "army chief" -> MIL)."""
    sectors = tables().sectors
    words = [t.lower_ for t in tokens]
    for i in range(len(words) - 1, -1, -1):
        for j in (i - 1, i):  # two-word titles first ("prime minister", "defence minister")
            if j >= 0 and " ".join(words[j:i + 1]) in sectors:
                return sectors[" ".join(words[j:i + 1])]
    return None


def _party_sector(tokens) -> str | None:
    """The sector of a title that names no office of state: a shadow minister or the opposition's
    leader (OPP), a party office ("Tory co-chairman": PTY), a lawmaker ("Conservative MP": LEG). The text's
    title beats a government role the tables give the person in other years."""
    words = {t.lower_ for t in tokens}
    if words & _SHADOW:
        return "OPP"
    sector = _title_sector(tokens)
    if sector in ("OPP", "LEG", "PTY"):
        return sector
    if sector is None and words & _PARTY_WORDS:
        return "PTY"
    return None


def _covered(mentions: list[ActorMention], tokens, person: ActorMention) -> list[ActorMention]:
    spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
    return [m for m in mentions if m is not person and m.kind != "person"
            and any(s < m.end and m.start < e for s, e in spans)]


def apply_titles(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Person mentions recoded from the title the text gives them in their own phrase; a person the text
    calls "former" anywhere is out of office in all its mentions ("ex-Foreign Secretary X ... X backed")."""
    out = []
    retitled: list[tuple[ActorMention, ActorMention]] = []
    for m in mentions:
        if m.kind == "person":
            if _relative(doc, m):
                continue
            new = _retitle(doc, m, mentions)
            retitled.append((m, new))
            out.append(new)
        elif m.kind in ("state", "igo", "ngo") and _former_office(doc, m):
            if m.country and not m.code.startswith(("IGO", "NGO")):
                out.append(replace(m, code=m.country + "ELI", sector="ELI"))
        else:
            out.append(m)
    former = {(new.name, new.country) for m, new in retitled if new.sector == "ELI" and m.sector != "ELI"}
    if not former:
        return out
    # mentions with no title of their own, and naming the person, not the government they led ("the X regime")
    untitled = {id(new) for m, new in retitled if new is m and not _names_an_organ(doc, m)}
    return [replace(m, code=m.country + "ELI", sector="ELI")
            if id(m) in untitled and m.sector == "GOV" and (m.name, m.country) in former else m for m in out]


def _names_an_organ(doc, m: ActorMention) -> bool:
    """Whether a person's name modifies a sector noun: "the Shevardnadze regime", "Blair's government"."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "poss", "nmod") and root.head.lower_ in tables().sectors


def _former_office(doc, m: ActorMention) -> bool:
    """Whether the mention names the office of someone who left it: "a former IMF director",
    "a former Israeli prime minister" (the state's sector already read into the span, or not)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    nouns = [tok]
    while tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.pos_ in ("NOUN", "PROPN") \
            and tok.head.i != tok.i:
        tok = tok.head
        nouns.append(tok)
    for n in nouns:
        if n.lower_ in _FORMER_TITLES and any(c.lower_ in _FORMER for c in n.lefts if c.dep_ in ("amod", "advmod")):
            return True
    return False


def _relative(doc, m: ActorMention) -> bool:
    """A one-word name after a family relation ("his wife Sharon", "her brother, Putin")."""
    if len(m.text.split()) != 1:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    region = left_region(root, m.start) + appositive_region(root)
    return any(t.lower_ in _KIN for t in region if not (m.start <= t.idx < m.end))


def _retitle(doc, m: ActorMention, mentions: list[ActorMention]) -> ActorMention:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    root = span.root
    region = left_region(root, m.start) + appositive_region(root)
    region = [t for t in region if not (m.start <= t.idx < m.end)]
    if not region:
        return m
    words = {t.lower_ for t in region}
    former = bool(words & _FORMER)
    titled = _covered(mentions, region, m)
    igo = [t for t in titled if t.code.startswith("IGO")]
    if igo and words & _OFFICE_WORDS and not former:
        return replace(m, code=igo[0].code, country=None, sector=None)
    states = [t for t in titled if t.country and not t.code.startswith(("IGO", "NGO"))]
    if states:
        country = states[0].country
        if former:
            return replace(m, code=country + "ELI", country=country, sector="ELI")
        sector = states[0].sector or _title_sector(region)
        if sector:
            return replace(m, code=country + sector, country=country, sector=sector)
        return m
    if former and m.country:
        return replace(m, code=m.country + "ELI", country=m.country, sector="ELI")
    party = _party_sector([t for t in region if t.i < root.i])
    if party and m.country and m.sector in ("GOV", "ELI"):
        return replace(m, code=m.country + party, country=m.country, sector=party)
    if m.sector == "ELI" and m.country:  # out of office by the table, but the text gives a title
        sector = _title_sector([t for t in region if t.i < root.i])
        if sector and sector != "ELI":
            return replace(m, code=m.country + sector, country=m.country, sector=sector)
    return m


@lru_cache(maxsize=1)
def _homonyms() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """alias -> [(code, cue words)], from data/homonyms.tsv."""
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for row in read_table("homonyms.tsv"):
        out.setdefault(row["alias"].lower(), []).append(
            (row["code"], frozenset(normalise(c) for c in split_cell(row["cues"]))))
    return out


# Between these dates the Democratic Republic of the Congo was officially Zaire, so a plain
# "Congo" meant the Republic of the Congo (Brazzaville). Dates: Zaire renamed 1971-10-27,
# renamed back 1997-05-17.
_ZAIRE_ERA = ("1971-10-27", "1997-05-17")


def disambiguate(doc, m: ActorMention, date: str | None) -> ActorMention:
    """A mention of a name shared by two states, recoded from cue words in its sentence
    (data/homonyms.tsv) and, for plain "Congo", from the article's date (ISO)."""
    table = _homonyms()
    key = normalise(m.text)
    if key not in table:
        return m
    text = text_of(doc)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    lo, hi = sentence_bounds(doc, span.start) if span is not None else (0, len(doc))
    sent = normalise(text[doc[lo].idx:doc[hi - 1].idx + len(doc[hi - 1].text)])
    code = None
    for alt, cues in table[key]:
        if any(re.search(r"(?<![a-z])" + re.escape(c) + r"(?![a-z])", sent) for c in cues):
            code = alt
            break
    if code is None and key == "congo" and date and _ZAIRE_ERA[0] <= date < _ZAIRE_ERA[1]:
        code = "COG"
    if code is None or code == m.code:
        return m
    country, sector = code[:3], code[3:6] or None
    return replace(m, code=code, country=country, sector=sector,
                   name=tables().country_names.get(country, m.name))
