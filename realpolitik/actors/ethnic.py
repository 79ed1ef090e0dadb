"""Ethnic groups named by a demonym ("ethnic Albanians in Serbia") are not the state of that name.

CAMEO codes an ethnic group by the country it lives in with the sector ETH; a dyad such as
"Serb forces killed ethnic Albanians in Serbia" is a clash inside Serbia, not one between Serbia and
Albania. Coding the demonym as the state would make interstate events out of domestic ones, the
false positives analysts complain of most. Only the explicit marker "ethnic" triggers this: a bare
"Albanians" is still read as the state (or its people), as elsewhere in the coder.
"""
from __future__ import annotations

import logging
from dataclasses import replace

from realpolitik import wordsets
from realpolitik.actors.tables import text_of
from realpolitik.model import ActorMention

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.actors", "ethnic")

SECTOR = "ETH"
MARKERS = _words("MARKERS")
_PLACE_PREPS = ("in", "of", "from")


def _residence(doc, tok, mentions: list[ActorMention], own: str | None) -> tuple[str | None, int]:
    """The country a group lives in, from "in/of <state or place>" in its own phrase; with the new end."""
    from realpolitik.actors.places import place_country

    # the group's own phrase first ("Albanians in Kosovo"), then its clause ("Hungarians marched in Romania")
    preps = [p for p in tok.rights if p.lower_ in _PLACE_PREPS]
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        preps += [p for p in verb.children if p.lower_ == "in"]
    for prep in preps:
        if prep.dep_ != "prep":
            continue
        own_phrase = prep.head.i == tok.i  # only the group's own phrase widens its span
        for obj in prep.subtree:
            if obj.dep_ != "pobj" and obj.pos_ != "PROPN":
                continue
            hit = [m for m in mentions if m.start <= obj.idx < m.end and m.country and m.country != own]
            if hit:
                return hit[0].country, hit[0].end if own_phrase else -1
            if obj.pos_ == "PROPN" and obj.ent_type_ in ("GPE", "LOC"):
                country = place_country(obj.text)
                if country and country != own:
                    return country, obj.idx + len(obj.text) if own_phrase else -1
    return None, -1


def ethnic_groups(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions with "ethnic <demonym>" recoded as the group: its country of residence + ETH, else dropped."""
    out = []
    dropped: set[int] = set()
    for m in mentions:
        if m.kind != "state" or not m.country or m.sector or m.text[:1].islower():
            out.append(m)
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        tok = span.root if span is not None else None
        if tok is None or tok.pos_ not in ("PROPN", "NOUN") or tok.i == 0 or doc[tok.i - 1].lower_ not in MARKERS:
            out.append(m)
            continue
        country, end = _residence(doc, tok, mentions, m.country)
        start = doc[tok.i - 1].idx
        end = max(end, m.end)
        if country:
            dropped |= {id(o) for o in mentions if o is not m and o.country == country and m.end <= o.start < end}
        if country is None:
            continue  # a bare "ETH" would read as Ethiopia's code: the group stays uncoded
        out.append(replace(m, code=country + SECTOR, country=country, sector=SECTOR, start=start, end=end,
                           text=text_of(doc)[start:end]))
    return [m for m in out if id(m) not in dropped]
