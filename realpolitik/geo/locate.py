"""The place an event happened: a place the event's own clause puts it "in", "at" or "near", else the
story's dateline (at country precision: a dateline says where the reporter filed from, not where each
event took place). Places stay places: a location never becomes an actor, nor an actor a location."""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Iterable

from realpolitik import wordsets
from realpolitik.actors.context import DATELINE  # one dateline pattern for actors and places
from realpolitik.geo.gazetteer import COUNTRY, country_location, resolve, with_precision
from realpolitik.model import ActorMention, Article, Event, Location

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.geo", "locate")

# Prepositions that put an event somewhere. "on", "into", "from" and "to" name targets, paths and
# origins ("strikes on Kharkiv", "flew into Poland", "returned from Moscow"), not where it happened.
LOCATIVE = _words("LOCATIVE")
DIRECTIONAL = _words("DIRECTIONAL")
STRIKES = _words("STRIKES")
# An attack or a seizure lands where it is aimed: "strikes on Kharkiv", "drones into Polish airspace",
# "missiles at Israel".
STRIKE_LOCATIVE = LOCATIVE | _words("STRIKE_LOCATIVE")
# Inside a preposition's object, the relations that still name its place (see _named_place).
NAMING = _words("NAMING")
# Verbs of saying: a verbal event in a reported clause ("Peskov said [Russia] supported ...") happened
# where it was said, so its location may come from the saying clause ("In Moscow, Peskov said ...").
SAYING = _words("SAYING")
# Dependencies that stay inside the trigger's clause when walking up to its head: "agreed to meet in X"
# (xcomp), "held talks in X" (dobj), "were killed in X" (auxiliaries). A clause boundary (ccomp, advcl,
# relcl, parataxis) stops the walk: "said in Tehran that ..." does not place what was said.
IN_CLAUSE = _words("IN_CLAUSE")
ARGUMENTS = _words("ARGUMENTS")
# A dateline opening a story: "BEIJING, Jan 16 (Reuters) -", "KYIV —", "Tehran, 3 March:".

def _token_at(doc, offset: int):
    """The token starting at (or covering) a character offset, else None."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _clause_heads(tok) -> list:
    """The trigger and the heads above it within its own clause, nearest first."""
    out = [tok]
    cur = tok
    # A participle clause shares its main clause's setting ("launched drills around Taiwan, sending ships").
    while cur.head.i != cur.i and (cur.dep_ in IN_CLAUSE or (cur.dep_ == "advcl" and cur.tag_ in ("VBG", "VBN"))) \
            and len(out) < 6:
        cur = cur.head
        out.append(cur)
    return out


def _named_place(obj) -> list:
    """The tokens of a preposition's object that can name its place: the noun, its compounds, appositions,
    conjuncts, possessors and "of" chains ("the port of Chabahar", "Ukraine's gas facilities"), but not
    clauses or agents inside it ("an exchange mediated by Oman" is no place)."""
    out, todo = [], [obj]
    while todo:
        t = todo.pop()
        out.append(t)
        for k in t.children:
            if k.dep_ in NAMING or (k.dep_ == "prep" and (k.lower_ == "of" or k.lower_ in LOCATIVE)):
                todo.append(k)
            elif t.dep_ == "prep" and k.dep_ == "pobj":
                todo.append(k)
    return out


def _proper_runs(tokens) -> list[tuple[int, int]]:
    """Character spans of runs of adjacent proper nouns among the tokens ("Kryvyi Rih")."""
    runs: list[list] = []
    ids = {t.i for t in tokens}
    for t in sorted((t for t in tokens if t.pos_ == "PROPN" and t.text[:1].isupper()), key=lambda t: t.i):
        last = runs[-1][-1] if runs else None
        if last is not None and (last.i == t.i - 1 or (last.i == t.i - 2 and t.i - 1 in ids
                                                        and t.doc[t.i - 1].lower_ == "of")):
            runs[-1].append(t)  # "Kryvyi Rih", "Bay of Bengal"
        else:
            runs.append([t])
    return [(r[0].idx, r[-1].idx + len(r[-1].text)) for r in runs]


def _place_under(prep, places: list[tuple[int, int, Location]], prefer: set[str]) -> tuple[int, int, Location] | None:
    """The first place naming the object of a preposition ("in the city of Kharkiv" -> Kharkiv): one the
    place finder found, else a proper name there that the gazetteer knows as a city or region (the
    tagger does not label every town it has never seen)."""
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        named = _named_place(obj)
        starts = sorted(t.idx for t in named)
        for p in places:
            if any(p[0] <= i < p[1] for i in starts):
                return p
        for start, end in _proper_runs(named):
            loc = resolve(obj.doc.text[start:end], prefer)
            if loc is not None and loc.precision != COUNTRY:
                return start, end, loc
    return None


def clause_place(doc, trigger_start: int, places: list[tuple[int, int, Location]], type_: str | None = None,
                 verbal: bool = False, prefer: Iterable[str] = ()) -> tuple[int, int, Location] | None:
    """The place a trigger's clause puts the event "in", "at" or "near", as (start, end, Location)."""
    tok = _token_at(doc, trigger_start)
    if tok is None:
        return None
    prefer = set(prefer)
    preps = STRIKE_LOCATIVE if type_ in STRIKES else LOCATIVE
    heads = _clause_heads(tok)
    # The clause's own modifiers first ("met ... in Beijing"), then its arguments' ("held talks in Riyadh",
    # "shelled positions near Kharkiv", "protesters in Atlanta criticised ...").
    args = [k for h in heads for k in h.children if k.dep_ in ARGUMENTS and k not in heads]
    holders = heads + args
    top = heads[-1]
    if verbal and top.dep_ == "ccomp" and top.head.lemma_ in SAYING:
        # Only the saying clause's own modifiers: "the ministry in Islamabad said" places the speaker.
        holders += _clause_heads(top.head)
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep":
                continue
            if child.lower_ in preps:
                found = _place_under(child, places, prefer)
            elif child.lower_ in DIRECTIONAL:
                # "marched to the embassy in Manila": the destination's own place
                found = next((f for obj in child.children if obj.dep_ == "pobj" for k in obj.children
                              if k.dep_ == "prep" and k.lower_ in LOCATIVE
                              for f in [_place_under(k, places, prefer)] if f), None)
            else:
                continue
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


def locate_events(doc, article: Article, events: list[Event], mentions: Iterable[ActorMention] = (),
                  places: list | None = None) -> list[Event]:
    """The events with `location` set where the text says where they happened (`places`: the article's
    gazetteer places as (start, end, location), from `actors.find_places`)."""
    if not events:
        return events
    if places is None:  # the caller's (steps.place: the article's gazetteer places, found once per Doc)
        places = doc.user_data.get("rp_places") or []
    prefer = article_countries(mentions, places)
    dateline: Location | None | bool = False
    out = []
    for ev in events:
        loc = None
        if ev.trigger is not None:
            hit = clause_place(doc, ev.trigger.start, places, ev.type,
                               ev.quad in ("verbal_cooperation", "verbal_conflict"), prefer)
            if hit:
                start, end, found = hit
                loc = resolve(doc.text[start:end], prefer) or with_precision(found)
                if loc.precision == COUNTRY and loc.country != found.country:
                    loc = with_precision(found)  # context made the name no state ("Atlanta, Georgia")
                loc = replace(loc, basis="sentence")
        if loc is None:
            if dateline is False:
                dateline = dateline_location(article.text, prefer)
            loc = dateline if isinstance(dateline, Location) else None
        out.append(replace(ev, location=loc) if loc is not None else ev)
    return out
