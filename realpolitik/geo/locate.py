"""The place an event happened: a place the event's own clause puts it "in", "at" or "near", else the
story's dateline (at country precision: a dateline says where the reporter filed from, not where each
event took place). Places stay places: a location never becomes an actor, nor an actor a location."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from realpolitik.geo.gazetteer import COUNTRY, country_location, resolve, with_precision
from realpolitik.model import ActorMention, Article, Event, Location

# Prepositions that put an event somewhere. "on", "into", "from" and "to" name targets, paths and
# origins ("strikes on Kharkiv", "flew into Poland", "returned from Moscow"), not where it happened.
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "within", "throughout", "across", "off"})
# Dependencies that stay inside the trigger's clause when walking up to its head: "agreed to meet in X"
# (xcomp), "held talks in X" (dobj), "were killed in X" (auxiliaries). A clause boundary (ccomp, advcl,
# relcl, parataxis) stops the walk: "said in Tehran that ..." does not place what was said.
IN_CLAUSE = frozenset({"xcomp", "dobj", "pobj", "prep", "conj", "compound", "amod", "nsubj", "nsubjpass",
                       "attr", "appos", "aux", "auxpass", "acomp", "oprd"})
ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative"})
# A dateline opening a story: "BEIJING, Jan 16 (Reuters) -", "KYIV —", "Tehran, 3 March:".
DATELINE = re.compile(r"^\s*([A-Z][A-Za-z'.\- ]{1,40}?)\s*(?:,\s*[A-Za-z0-9 .]{1,30}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:[—–:]|--?\s)")


def _token_at(doc, offset: int):
    """The token starting at (or covering) a character offset, else None."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _clause_heads(tok) -> list:
    """The trigger and the heads above it within its own clause, nearest first."""
    out = [tok]
    cur = tok
    while cur.head is not cur and cur.dep_ in IN_CLAUSE and len(out) < 6:
        cur = cur.head
        out.append(cur)
    return out


def _place_under(prep, places: list[tuple[int, int, Location]]) -> tuple[int, int, Location] | None:
    """The first place inside the object of a preposition ("in the city of Kharkiv" -> Kharkiv)."""
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        lo = min(t.idx for t in obj.subtree)
        hi = max(t.idx + len(t.text) for t in obj.subtree)
        for p in places:
            if lo <= p[0] and p[1] <= hi:
                return p
    return None


def clause_place(doc, trigger_start: int, places: list[tuple[int, int, Location]]) -> tuple[int, int, Location] | None:
    """The place a trigger's clause puts the event "in", "at" or "near", as (start, end, Location)."""
    tok = _token_at(doc, trigger_start)
    if tok is None or not places:
        return None
    heads = _clause_heads(tok)
    # The clause's own modifiers first ("met ... in Beijing"), then its arguments' ("held talks in Riyadh",
    # "shelled positions near Kharkiv", "protesters in Atlanta criticised ...").
    args = [k for h in heads for k in h.children if k.dep_ in ARGUMENTS and k not in heads]
    for holder in heads + args:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE:
                found = _place_under(child, places)
                if found:
                    return found
    return None


def dateline_location(text: str, prefer: Iterable[str] = ()) -> Location | None:
    """The country of a story's dateline city, at country precision with basis "dateline"."""
    m = DATELINE.match(text[:120])
    if not m:
        return None
    name = m.group(1).strip()
    loc = resolve(name.title() if name.isupper() else name, prefer)
    if loc is None or not loc.country:
        return None
    country = loc if loc.precision == COUNTRY else country_location(loc.country)
    return replace(country or loc, basis="dateline")


def article_countries(mentions: Iterable[ActorMention], places: Iterable[tuple[int, int, Location]]) -> set[str]:
    """The countries an article is about: its actors' and its places' (to settle ambiguous names)."""
    return {m.country for m in mentions if m.country} | {p[2].country for p in places if p[2].country}


def locate_events(doc, article: Article, events: list[Event], mentions: Iterable[ActorMention] = ()) -> list[Event]:
    """The events with `location` set where the text says where they happened."""
    if not events:
        return events
    from realpolitik.actors import find_places

    places = doc.user_data.get("rp_places")
    if places is None:
        places = doc.user_data["rp_places"] = find_places(doc)
    prefer = article_countries(mentions, places)
    dateline: Location | None | bool = False
    out = []
    for ev in events:
        loc = None
        if ev.trigger is not None:
            hit = clause_place(doc, ev.trigger.start, places)
            if hit:
                start, end, found = hit
                loc = resolve(doc.text[start:end], prefer) or with_precision(found)
                if loc.precision == COUNTRY and loc.country != found.country:
                    loc = with_precision(found)  # context made the name no state ("Atlanta, Georgia")
                loc = replace(loc, basis="sentence")
        if loc is None:
            if dateline is False:
                dateline = dateline_location(article.text, prefer)
            loc = dateline or None
        out.append(replace(ev, location=loc) if loc is not None else ev)
    return out
