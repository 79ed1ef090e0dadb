"""Actors at document level: references one sentence cannot resolve, read from the article.

- "Mr Surname" / "Ms Surname" after the full name earlier in the article: that person's code, also when
  the person is in no table but their own phrase gave a state and office ("Polish Foreign Minister X").
- A bare title ("the chancellor", "the foreign minister"): the office holder of the country in focus on
  the article's date (people.tsv's dated roles), else that country's sector for the title.
- An abbreviation defined in the text ("the Revolutionary Guards (IRGC)"): the defined actor.
- "the two countries", "both sides", "the two sides": the two actors last named before, when their sentence names
  both before it; else the two parties the article names in most sentences (who reports is no party).
- A definite state-organ sector with no state ("the army", "the ministry"): the country in focus.
- Other sector nouns with no state ("protesters", "farmers", "police"): the state of where they act, of
  their sentence, of the dateline or in focus (crowds.py).
- A city inside an event's name ("the Doha talks", "the Minsk agreement") or where a meeting is held
  ("talks in Doha"): a venue, never a party, so the mention is dropped.

The country in focus at a point is the state named most often before it (ties: the latest named), else
the state named most often in the whole article: news copy names its subject state first and often.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from realpolitik import wordsets
from realpolitik.actors.crowds import dateline_country, resolve_crowds
from realpolitik.actors.tables import capital_country, normalise, tables, text_of
from realpolitik.model import ActorMention

_words = wordsets.reader("realpolitik.actors", "document")

HONORIFICS = _words("HONORIFICS")
_HONORIFIC_NAME = re.compile(r"\b(?:" + "|".join(sorted({re.escape(h.rstrip(".").capitalize()) for h in HONORIFICS},
                                                        key=lambda h: (-len(h), h))) + r")\.? ([A-Z][\w'-]+)")
# Bare titles resolved to the office holder of the country in focus -> the people.tsv roles they match.
TITLE_ROLES: dict[str, tuple[str, ...]] = {
    "president": ("President", "Interim President", "Head of State"),
    "chancellor": ("Chancellor",),
    "prime minister": ("Prime Minister",),
    "premier": ("Premier", "Prime Minister"),
    "foreign minister": ("Foreign Minister",),
    "foreign secretary": ("Foreign Secretary",),
    "secretary of state": ("Secretary of State",),
    "defence minister": ("Defence Minister",),
    "defense minister": ("Defence Minister",),
    "defence secretary": ("Defence Secretary", "Secretary of Defense"),
    "king": ("King",),
    "emir": ("Emir",),
}
# Sectors of a state's own organs: "the army", "the ministry" are the state's in focus. Civil sectors
# ("the protesters", "the rebels") are not: a state's own rebels are no organ of it.
STATE_ORGANS = _words("STATE_ORGANS")
_PAIR_NOUNS = sorted(map(re.escape, _words("_PAIR")), key=lambda w: (-len(w), w))
# What the pair noun says of the two parties: the states themselves, their governments or their forces
# (None: "both sides", "the two parties" keep the parties as named).
_PAIR_SECTOR = {**{w: "" for w in _words("_PAIR_STATES")}, **{w: "GOV" for w in _words("_PAIR_GOVERNMENTS")},
                **{w: "MIL" for w in _words("_PAIR_MILITARIES")}}
# Sectors no side of "the two sides" stands for (a firm named in a row between states).
_PAIR_BYSTANDERS = _words("_PAIR_BYSTANDERS")
# one lowercase modifier may stand between ("the two defence ministers", "both foreign ministers")
_PAIR = re.compile(r"\b(?:the two|both) (?:(?P<mod>[a-z-]+) )?(?:" + "|".join(_PAIR_NOUNS) + r")\b", re.IGNORECASE)
# Modifiers that make "parties" a state's political parties ("the two sceptic parties", "both main parties"):
# no pair of states or sides.
_PARTY_MODIFIERS = _words("_PARTY_MODIFIERS")
PAIR_REPORTERS = _words("PAIR_REPORTERS")


def _pair_hits(text: str) -> list[re.Match]:
    """The pair phrases of a text, without political parties ("the two main parties")."""
    return [hit for hit in _PAIR.finditer(text)
            if not (hit.group(0).lower().endswith("parties") and (hit.group("mod") or "").lower() in _PARTY_MODIFIERS)]
_TITLE = re.compile(r"\bthe (" + "|".join(sorted((re.escape(t) for t in TITLE_ROLES), key=len, reverse=True))
                    + r")\b", re.IGNORECASE)
# "The minister urged ...", "A spokesman said ...": the official the article named just before (BARE_HEADS).
BARE_HEADS = _words("BARE_HEADS")
SPOKESMAN_FOR = _words("SPOKESMAN_FOR")
_BARE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:The|A) (" + "|".join(sorted(map(re.escape, BARE_HEADS))) + r")\b")
_ABBR = re.compile(r"\(([A-Z][A-Z0-9&]{1,7})\)")
# Heads that make a city before them part of an event's name ("the Doha talks", "the Minsk accords").
EVENT_NAME_HEADS = _words("EVENT_NAME_HEADS")
# Verbs whose "in <city>" is where the meeting is held, not with whom.
MEETING_VERBS = _words("MEETING_VERBS")
_PERSONAL_KINDS = ("state", "sector", "person")


def resolve_document(doc, mentions: list[ActorMention], date: str | None = None) -> list[ActorMention]:
    """The article's mentions with document-level references added and venue cities removed."""
    text = text_of(doc)
    mentions = [m for m in mentions if not _venue_city(doc, m)]
    out = list(mentions)
    out += _abbreviations(text, mentions)
    out += _people(doc, text, out)
    focus = _Focus(out)
    out = [_focused_sector(doc, text, m, focus, out) for m in out]
    out = resolve_crowds(doc, out, focus, dateline_country(text))
    out += _titles(doc, text, out, focus, date)
    out += _bare_heads(text, out)
    pairs = _pairs(text, out, doc)
    if pairs:  # a bare sector read inside the phrase ("governments", "navies") yields to the two parties
        spans = {(m.start, m.end) for m in pairs}
        out = [m for m in out if not (m.kind == "sector" and any(m.start < e and s < m.end for s, e in spans))]
    return out + pairs


def reference_hits(text: str) -> list[tuple[int, int | None]]:
    """(offset, offset of its antecedent or None) of every reference `resolve_document` may resolve, from
    the text alone: the coder's fast path parses their sentences (and the antecedents' for their names)."""
    out: list[tuple[int, int | None]] = []
    aliases = tables().aliases
    for hit in _HONORIFIC_NAME.finditer(text):
        if normalise(hit.group(1)) in aliases:
            continue  # a name in the tables ("Mr Blair"): an actor hit already
        first = re.search(r"(?<![\w-])" + re.escape(hit.group(1)) + r"(?![\w-])", text)
        if first is not None and first.start() < hit.start():
            out.append((hit.start(), first.start()))
    for hit in _ABBR.finditer(text):
        for use in re.finditer(r"(?<![\w-])" + re.escape(hit.group(1)) + r"(?![\w-])", text[hit.end():]):
            out.append((hit.end() + use.start(), hit.start()))
    out += [(hit.start(), None) for hit in _pair_hits(text)]
    out += [(hit.start(), None) for hit in _TITLE.finditer(text)]
    for hit in _BARE.finditer(text):
        before = _bare_antecedent(text, hit)
        if before is not None:
            out.append((hit.start(), before))
    return out


# ------------------------------------------------------------------ the country in focus
class _Focus:
    """The states in focus at any offset of an article."""

    def __init__(self, mentions: list[ActorMention]):
        self.named = sorted((m.start, m.country) for m in mentions
                            if m.country and m.kind in _PERSONAL_KINDS)
        self.overall = _ranked(self.named)

    def at(self, offset: int) -> str | None:
        """The state named most often before `offset` (ties: the first named), else in the whole article."""
        ranked = self.ranked(offset)
        return ranked[0] if ranked else None

    def ranked(self, offset: int) -> list[str]:
        """The states named before `offset`, most often named first (ties: the first named first)."""
        before = [(s, c) for s, c in self.named if s < offset]
        return _ranked(before) if before else self.overall


def _ranked(named: list[tuple[int, str]]) -> list[str]:
    # ties go to the state named first: a news story names its subject first (the lead)
    counts = Counter(c for _, c in named)
    first: dict[str, int] = {}
    for s, c in named:
        first.setdefault(c, s)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))


# ------------------------------------------------------------------ references
def _covered(mentions: list[ActorMention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _abbreviations(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Later uses of an abbreviation defined right after an actor's name: "the Revolutionary Guards (IRGC)"."""
    out: list[ActorMention] = []
    for hit in _ABBR.finditer(text):
        abbr = hit.group(1)
        named = [m for m in mentions if m.end <= hit.start() and not text[m.end:hit.start()].strip()]
        if not named:
            continue
        m = named[-1]
        for use in re.finditer(r"(?<![\w-])" + re.escape(abbr) + r"(?![\w-])", text):
            if use.start() > hit.end() and not _covered(mentions + out, use.start(), use.end()):
                out.append(replace(m, text=abbr, start=use.start(), end=use.end()))
    return out


def _people(doc, text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Later "Mr/Ms Surname" (or the bare surname as a person) after a full name the article resolved."""
    from realpolitik.actors.titles import appositive_region, left_region

    known: dict[str, tuple[int, ActorMention]] = {}  # surname -> (end of its full name, the person's actor)
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        surname = ent[-1].text
        if surname in known or not surname[:1].isupper():
            continue
        inside = [m for m in mentions if m.start < ent.end_char and ent.start_char < m.end]
        if any(m.kind != "person" for m in inside):
            continue  # a name read as a state too ("German" as a first name): no safe antecedent
        own = [m for m in inside if m.kind == "person"]
        if own:
            known[surname] = (ent.end_char, own[0])
            continue
        region = left_region(ent.root, ent.start_char) + appositive_region(ent.root)
        spans = [(t.idx, t.idx + len(t.text)) for t in region if not (ent.start_char <= t.idx < ent.end_char)]
        titled = [m for m in mentions if m.country and m.sector and m.sector != "ELI"
                  and any(s < m.end and m.start < e for s, e in spans)]
        if titled:
            m = titled[0]
            known[surname] = (ent.end_char, ActorMention(text=ent.text, start=ent.start_char, end=ent.end_char,
                                                         code=m.code, country=m.country, sector=m.sector,
                                                         kind="person", name=ent.text))
    _family_names(mentions, known)
    out: list[ActorMention] = []
    # the later uses, found in the text (iterating a Doc's tokens is far slower than a regex over its text)
    uses = [(surname, after, person, False) for surname, (after, person) in known.items()]
    uses += [(first, after, person, True) for first, (after, person) in _first_names(known).items()]
    for surname, after, person, titled_only in uses:
        for use in re.finditer(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", text[after:]):
            span = doc.char_span(after + use.start(), after + use.end())
            if span is None or len(span) != 1:
                continue
            tok = span[0]
            prev = doc[tok.i - 1] if tok.i > 0 else None
            honorific = prev is not None and prev.lower_ in HONORIFICS
            alone = tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and (
                tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")
            if not (honorific or (alone and not titled_only)):
                continue
            start = prev.idx if honorific else tok.idx
            end = tok.idx + len(tok.text)
            if _covered(mentions + out, tok.idx, end):
                continue
            out.append(replace(person, text=text[start:end], start=start, end=end))
    return out


def _first_names(known: dict[str, tuple[int, ActorMention]]) -> dict[str, tuple[int, ActorMention]]:
    """The first word of each known person's full name, for "Mr/Ms <word>" only: a family name written first
    ("Wang Yi" ... "Mr Wang", "Kim Jong Un" ... "Mr Kim"). Not a word that is some known person's last name,
    nor a title; with an honorific, a given name is hardly ever written ("Mr Donald"), so no name list is needed."""
    from realpolitik.actors.context import _TITLE_WORDS

    out: dict[str, tuple[int, ActorMention]] = {}
    for after, person in sorted(known.values(), key=lambda k: k[0]):
        words = (person.name or person.text).split()
        while words and (words[0].lower() in HONORIFICS or words[0].lower() in _TITLE_WORDS):
            words = words[1:]  # a tagged name may hold its rank or title ("Gen Moussa Haroun")
        if len(words) < 2:
            continue
        first = words[0]
        if first in known or not first[:1].isupper() or not first.isalpha() or first.lower() in tables().sectors:
            continue
        out.setdefault(first, (after, person))
    return out


def _family_names(mentions: list[ActorMention], known: dict[str, tuple[int, ActorMention]]) -> None:
    """Add to `known` the family names of people the tables named in full, the last word of the name: a tagger
    that read only "Deby" of "President Mahamat Idriss Deby" as a person gave no antecedent for "Mr Deby"."""
    for m in sorted((m for m in mentions if m.kind == "person" and m.country), key=lambda m: m.start):
        words = m.text.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue  # one word, or a title phrase ("the foreign minister")
        family = words[-1]
        if family.endswith("'s"):
            continue
        known.setdefault(family, (m.end, m))


def _focused_sector(doc, text: str, m: ActorMention, focus: _Focus, mentions: list[ActorMention]) -> ActorMention:
    """A definite singular state organ with no state ("the army said") as the country in focus's organ.

    Not where its own sentence names another state or state organ ("UK troops ... the government's
    refusal"): the organ may be either's (a foreign rebel or civilian group leaves it open); not a plural
    ("the courts"), which is often generic. On 300 BBC
    articles (1300-1600) these two guards removed the wrong resolutions seen by reading the changed events."""
    if m.kind != "sector" or m.country or m.sector not in STATE_ORGANS:
        return m
    if not re.search(r"\bthe\s+$", text[max(0, m.start - 8):m.start], re.IGNORECASE):
        return m  # "soldiers", "a ministry": no definite reference to a known state's organ
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or (span.root.tag_ == "NNS" and span.root.lower_ != "police"):
        return m
    country = focus.at(m.start)
    if country is None:
        return m
    sent = span.root.sent
    if any(o.country and o.country != country and (o.sector is None or o.sector in STATE_ORGANS)
           and sent.start_char <= o.start < sent.end_char for o in mentions):
        return m  # another state or its organ in the sentence: whose organ this is, is open
    return replace(m, code=country + m.sector, country=country)


def _titles(doc, text: str, mentions: list[ActorMention], focus: _Focus, date: str | None) -> list[ActorMention]:
    """Bare titles ("the chancellor") as the office holder of the country in focus."""
    out: list[ActorMention] = []
    for hit in _TITLE.finditer(text):
        title = hit.group(1).lower()
        roles = TITLE_ROLES[title]
        start, end = hit.start(1), hit.end()
        if _covered(mentions + out, hit.start(), end):
            continue
        after = text[end:end + 24]
        if (re.match(r"(?:'s\s+)?\s*(?:of\b|,?\s*[A-Z])", after)
                and not re.match(r",?\s*(?:[A-Z][a-z]+ said|The\b)", after)):
            continue  # "the president of X", "the president Jean Dupont": named elsewhere or by the name
        ranked = focus.ranked(start)
        if not ranked:
            continue
        # the first state in focus that has such an office: "the chancellor" of an article on
        # Germany's pledge to Ukraine is Germany's, whichever state was named last
        # (only the two states most in focus: a state named once in passing holds no bare title)
        holder = next((h for h in (_office_holder(c, roles, date) for c in ranked[:2]) if h is not None), None)
        country = ranked[0]
        if holder is not None:
            out.append(ActorMention(text=text[start:end], start=start, end=end, code=holder.code,
                                    country=holder.country, sector=holder.sector, kind="person",
                                    name=holder.name))
        elif title in tables().sectors:
            sector = tables().sectors[title]
            out.append(ActorMention(text=text[start:end], start=start, end=end, code=country + sector,
                                    country=country, sector=sector, kind="sector", name=None))
    return out


def _bare_heads(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A sentence opened by a bare official's noun ("The minister urged Bujumbura ...", "A spokesman said ...")
    is the latest actor named within the two sentences before whose phrase holds that noun ("Rwanda's foreign
    minister") or, for a spokesman, the body spoken for ("China's foreign ministry")."""
    out: list[ActorMention] = []
    for hit in _BARE.finditer(text):
        noun = hit.group(1).lower()
        start, end = hit.start(), hit.end()
        if _covered(mentions, start, end) or re.match(r"\s+(?:of\b|[A-Z])", text[end:end + 6]):
            continue  # "The minister of defence", "The minister Jean Dupont": named by the phrase
        window = _sentence_window(text, start, 2)
        heads = _bare_heads_of(noun)
        found = next((m for m in sorted(mentions, key=lambda m: -m.start)
                      if window <= m.start and m.end <= start and m.country and m.code
                      and any(re.search(r"\b" + h + r"\b", m.text.lower()) for h in heads)), None)
        if found is not None:
            out.append(replace(found, text=text[start:end], start=start, end=end))
    return out


def _bare_heads_of(noun: str) -> set[str]:
    return {noun} | (set(SPOKESMAN_FOR) if noun.startswith("spokes") else set())


def _bare_antecedent(text: str, hit) -> int | None:
    """The offset of the last word, within the two sentences before, that may name a bare head's official."""
    window = _sentence_window(text, hit.start(), 2)
    heads = _bare_heads_of(hit.group(1).lower())
    found = [m.start() for m in re.finditer(r"\b(?:" + "|".join(sorted(heads)) + r")\b", text[window:hit.start()],
                                            re.IGNORECASE)]
    return window + found[-1] if found else None


def _sentence_window(text: str, offset: int, n: int) -> int:
    """The offset where the n-th sentence before `offset`'s own starts (rough sentence ends: . ! ? or a newline)."""
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n", text[:offset])]
    return ends[-(n + 1)] if len(ends) > n else 0


@lru_cache(maxsize=1)
def _roles_by_country() -> dict[str, tuple]:
    """country -> the people.tsv entries of its office holders (every dated role), built once."""
    out: dict[str, set] = {}
    for al in tables().aliases.values():
        for a in al:
            if a.entry.kind == "person" and a.entry.country:
                out.setdefault(a.entry.country, set()).add(a.entry)
    return {c: tuple(v) for c, v in out.items()}


def _office_holder(country: str, roles: tuple[str, ...], date: str | None):
    """The people.tsv entry holding one of the roles for the country on the date (latest without one)."""
    rows = [e for e in _roles_by_country().get(country, ()) if e.title in roles]
    live = [e for e in rows if e.covers(date)]
    if not live:
        return None
    return max(live, key=lambda e: (e.start, e.name))


def _pairs(text: str, mentions: list[ActorMention], doc=None) -> list[ActorMention]:
    """"the two countries", "both sides": the two actors (of distinct states) named last before; a state named
    only inside a noun's phrase ("new sanctions on North Korea") is what the parties act on, not one of them."""
    out: list[ActorMention] = []
    ordered = sorted([m for m in mentions if doc is None or not _in_noun_phrase(doc, m)], key=lambda m: m.start)
    for hit in _pair_hits(text):
        if _covered([m for m in mentions if m.kind != "sector"], hit.start(), hit.end()):
            continue
        addressers = _addressers(doc, hit.start(), hit.end()) if doc is not None else set()
        said = _PAIR_SECTOR.get(hit.group(0).rsplit(None, 1)[-1].lower())
        parties = [m for m in ordered if m.end <= hit.start() and m.start not in addressers and m.code
                   and (m.country or m.kind in ("igo", "ngo"))
                   and not (said is None and m.sector in _PAIR_BYSTANDERS)]  # "the two sides" after "US firm Boeing"
        seen = _last_two(parties)
        if len(seen) == 2 and doc is not None and seen[1].start < _sentence_start(doc, hit.start()):
            seen = _focus_two(doc, parties)
        if len(seen) < 2:
            continue
        for m in reversed(seen):
            code = m.country if m.kind == "person" and m.country else m.code
            if said is not None and m.country:
                code = m.country + said  # "the two countries" after "Chinese firms": China itself
            out.append(ActorMention(text=hit.group(0), start=hit.start(), end=hit.end(), code=code,
                                    country=m.country, sector=None if code == m.country else code[3:] or None,
                                    kind="state" if code == m.country else ("sector" if said else m.kind),
                                    name=m.name))
    return out


def _party(m: ActorMention) -> str:
    return m.country or m.code[:3]


def _last_two(parties: list[ActorMention]) -> list[ActorMention]:
    """The latest mentions of the two parties (of distinct states) named last, the latest first."""
    seen: list[ActorMention] = []
    for m in reversed(parties):
        if _party(m) not in {_party(s) for s in seen}:
            seen.append(m)
        if len(seen) == 2:
            break
    return seen


def _focus_two(doc, parties: list[ActorMention]) -> list[ActorMention]:
    """The latest mentions of the two parties named most often (ties: the first named), the latest first: a pair
    phrase whose sentence does not name both parties before it stands for the article's pair in focus ("Oman said
    the two parties had agreed" after a lead on Saudi Arabia and the Houthis), not for whoever was named last."""
    # counted once a sentence: "Malaysian Prime Minister Anwar Ibrahim" names one party once
    counted = [m for m in parties if not _reporter(doc, m)] or parties
    named = sorted({(_sentence_start(doc, m.start), _party(m)): m.start for m in reversed(counted)}.items(),
                   key=lambda kv: kv[1])
    top = _ranked([(start, party) for (_, party), start in named])[:2]
    latest = {_party(m): m for m in parties}
    return sorted((latest[p] for p in top), key=lambda m: -m.start)


def _reporter(doc, m: ActorMention) -> bool:
    """Whether a mention names who reports ("the White House said", "Oman's foreign ministry said"): a reporter
    passes on what the two parties did and is no party itself."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.dep_ in ("poss", "compound", "amod", "appos") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in PAIR_REPORTERS


def _sentence_start(doc, offset: int) -> int:
    """The offset where the sentence holding `offset` starts (0 where the parse sets no sentences: the pair
    then keeps the two parties named last)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    try:
        return span.sent.start_char if span is not None and len(span) else 0
    except ValueError:
        return 0


def _addressers(doc, start: int, end: int) -> set[int]:
    """Character offsets of the subject of the verb a pair is the object of ("the UN urged both sides",
    "X called on the two countries to ..."): who addresses the two is neither of them."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    root = span.root
    verb = root.head
    if root.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif root.dep_ not in ("dobj", "dative"):
        return set()
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    out = {k.idx for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for k in c.subtree}
    if not out and verb.dep_ in ("acl", "relcl"):  # "the UN envoy called on both sides" parsed as a noun phrase
        inner = {k.i for k in verb.subtree}
        out = {k.idx for k in verb.head.subtree if k.i not in inner}
    return out


def _in_noun_phrase(doc, m: ActorMention) -> bool:
    """Whether a mention is the object of a preposition that modifies a noun ("sanctions on X", "talks with X")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "NOUN"


# ------------------------------------------------------------------ venues
def _venue_city(doc, m: ActorMention) -> bool:
    """Whether a capital city mention is a venue: inside an event's name or where a meeting is held; a
    territory standing for its state (regions.tsv `acts`) only inside an event's name ("the Gaza truce")."""
    territory = m.kind == "state" and _territory(m.text)
    if not territory and (m.kind != "state" or m.sector != "GOV" or capital_country(m.text) is None):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in EVENT_NAME_HEADS:
        return True  # "the Doha talks", "the Minsk agreement"
    if territory:
        return False
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "at"):
        gov = root.head.head
        return gov.lower_ in EVENT_NAME_HEADS or gov.lemma_.lower() in MEETING_VERBS
    return False



def _territory(text: str) -> bool:
    """Whether a name is a territory's that stands for its state ("Gaza")."""
    return any(a.entry.role == "territory" for a in tables().aliases.get(normalise(text), ()))
