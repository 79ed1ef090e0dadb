"""Sports context: where country names are teams and 'beat', 'tour' or 'host' are contests, not politics.

News about matches names states ("Norway beat Chile 3-1", "the team's tour of Peru") and uses the
lexicon's conflict and visit verbs in their sporting sense. PLOVER codes political actors' interactions
(manual, "Required entities"), so in a sporting passage an event between teams - bare states, players
read through their nationality, clubs - is no event; one with a government, an IGO or another political
actor ("the minister urged a boycott of the tour") still is.
"""
from __future__ import annotations

import logging
import re

from realpolitik import wordsets

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "domain")

# Words that, in news English, belong to sport alone (none is a common political word: 'final', 'title',
# 'victory', 'side', 'team', 'cup' and 'tour' are left out for that reason).
SPORT_WORDS = _words("SPORT_WORDS")
# Scores and set scores: "6-4", "52-3", "7-6 (7-3)" (4-digit years such as 2004-05 do not match).
_SCORE = re.compile(r"(?<![\d.,£$€-])\b\d{1,2}-\d{1,2}\b(?![\d%-])")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# Hits in a text that make it a sports passage: two in one sentence, or this many in the article
# (measured on BBC 2005 news: sports reports have 5-40, business/politics articles 0-2).
ARTICLE_HITS = 4
SENTENCE_HITS = 2
# Sectors of actors that are political whatever the context; a bare state, a player read through his
# nationality, a club or a firm is not (CAMEO sector list, realpolitik/actors/data/sectors.tsv).
POLITICAL_SECTORS = _words("POLITICAL_SECTORS")


def sport_hits(text: str) -> int:
    """How many sports words and scores a text has."""
    low = text.lower()
    return sum(w in SPORT_WORDS for w in _WORD.findall(low)) + len(_SCORE.findall(low))


def is_political(code: str | None) -> bool:
    """Whether an actor code names a political actor (a government, force, party, court, IGO/NGO...)."""
    if not code:
        return False
    if code.startswith(("IGO", "NGO", "IMG")):
        return True
    return code[3:6] in POLITICAL_SECTORS or code[:3] in POLITICAL_SECTORS


def sporting(article_hits: int, sentence_text: str) -> bool:
    """Whether a sentence is read as sport: its article is a sports report, or it is one by itself."""
    return article_hits >= ARTICLE_HITS or sport_hits(sentence_text) >= SENTENCE_HITS


# Sectors of actors whose dealings among themselves are commerce or publishing, not politics: a firm
# buying a firm, a broadcaster offering content, a bank lending to customers.
COMMERCIAL_SECTORS = _words("COMMERCIAL_SECTORS")


def _sector(code: str) -> str:
    return code[3:6] if len(code) > 3 and code[:3].isalpha() and code[:3] not in ALL_SECTORS else code[:3]


ALL_SECTORS = POLITICAL_SECTORS | COMMERCIAL_SECTORS | _words("ALL_SECTORS")


def commercial_only(source: str | None, target: str | None) -> bool:
    """Whether an event's actors are only firms and media: a firm alone or with firms or media, or two
    media ("a carmaker bought a rival", "a broadcaster offered a studio its shows"). No state, political actor
    or civil group takes part; journalists alone are no commerce ("a court freed two journalists")."""
    codes = [c for c in (source, target) if c]
    if not codes:
        return False
    for c in codes:
        if is_political(c) or len(c) == 3 and c not in ALL_SECTORS:
            return False  # a state, or a political actor
        if _sector(c) not in COMMERCIAL_SECTORS:
            return False  # civilians, labour, refugees... protest and plead
    return len(codes) == 2 or _sector(codes[0]) == "BUS"


def names_a_party(code: str | None) -> bool:
    """Whether an actor code names a party analysts can follow: a state (with or without a sector), an IGO or
    an NGO; a bare sector ("REB", "COP": rebels or police of no known country) does not."""
    # ETH is both the ethnic-group sector and Ethiopia; a bare ETH is never the sector (actors/data/sectors.tsv)
    return bool(code) and len(code) >= 3 and (code[:3] not in ALL_SECTORS or code[:3] == "ETH")


def stateless(source: str | None, target: str | None) -> bool:
    """Whether an event has actors but none of them names a party ("rebels attacked soldiers", no country)."""
    return bool(source or target) and not names_a_party(source) and not names_a_party(target)


def half_stateless(source: str | None, target: str | None) -> bool:
    """Whether one actor of a two-actor event names a party and the other is a bare sector of no known country."""
    return bool(source and target) and names_a_party(source) != names_a_party(target)


def is_business(code: str | None) -> bool:
    """Whether an actor code is a firm's (sector BUS, with or without its state)."""
    return bool(code) and _sector(code) == "BUS"


# Sectors of the law: a court or prosecutor acting on a firm in non-political copy is the firm's litigation.
LITIGATION_SECTORS = _words("LITIGATION_SECTORS")


def litigation(source: str | None, target: str | None) -> bool:
    """Whether an event is a firm's dealing with the law: a court or prosecutor on one side and a firm on the
    other ("prosecutors charged nine suppliers", "a bankruptcy judge barred the gas firm from the auction")."""
    if not (source and target):
        return False
    return ((is_business(source) and _sector(target) in LITIGATION_SECTORS)
            or (is_business(target) and _sector(source) in LITIGATION_SECTORS))


def non_commercial(code: str | None) -> bool:
    """Whether an actor code is anything but a firm: a state, a political actor, a civil group or the
    media (journalists freed or jailed are political news)."""
    return bool(code) and not is_business(code)


def political_in_sport(code: str | None, text: str | None) -> bool:
    """Whether an actor is political in a sports passage: a capital there is a venue or a club's city
    ("a win in Lima") and "the sides" are teams, whatever code they were given."""
    if not is_political(code):
        return False
    key = (text or "").strip().lower()
    if key in ("side", "sides", "the sides", "both sides"):
        return False
    from realpolitik.actors.tables import normalise, tables

    return not any(a.entry.role == "capital" for a in tables().aliases.get(normalise(text or ""), ()))
