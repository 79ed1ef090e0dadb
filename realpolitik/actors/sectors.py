"""Sectors from the noun phrase around a state ("the Iranian navy" -> IRNMIL) and sector nouns
standing alone ("rebels said" -> REB) or tied to a state by "of"/"in" ("rebels in Chad"; not the military
or intelligence "in" a state: "Russian troops in Syria" are not Syria's military)."""
from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache

from realpolitik import wordsets
from realpolitik.actors.tables import normalise, tables, text_of
from realpolitik.model import ActorMention

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.actors", "sectors")

# Sector words too vague to be an actor on their own (they still give a state its sector).
NOT_STANDALONE = _words("NOT_STANDALONE")
# Sector words that are more often a thing handed over than an actor: bare, they act only as subjects.
_TOPIC_SECTORS = _words("_TOPIC_SECTORS")
# Sectors that a state may have "in" it without being its own ("Russian troops in Syria" are
# not Syria's military), so "in X" ties only these non-state sectors to X.
_NON_STATE_SECTORS = _words("_NON_STATE_SECTORS")
# Sectors a bare noun may take from a city or region in its own phrase ("police in Lagos",
# "Darfur rebels"); not the military, whose troops in a city are often another state's.
_PLACE_SECTORS = _NON_STATE_SECTORS | _words("_PLACE_SECTORS")
# Sectors whose vague nouns (NOT_STANDALONE: "court", "assembly") stand as an actor when tied to a named state or
# one of its places in their own phrase ("a court in Argentina", "the assembly of Kenya"): the state's own organ.
TIED_SECTORS = _words("TIED_SECTORS")
# Of those, the sectors whose vague noun also stands as an actor when it acts, tied to no state in its phrase ("the
# court ruled", "a jury found"): the country of the places its sentence names, else the article's in focus.
ACTING_SECTORS = _words("_ACTING_SECTORS")
# Vague civil nouns that stand as an actor with a possessive pronoun ("its people", "his countrymen"): the owner's
# own civilians, whose state crowds.py reads from the sentence.
_OWNED_CIVIL = _words("_OWNED_CIVIL")
_OWNERS = _words("_OWNERS")
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod", "nummod")


def _sector_of(noun) -> tuple[str | None, int]:
    """The sector named by a noun with its left modifiers, and the char start of that phrase."""
    sectors = tables().sectors
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN")]
    words = [m.lower_ for m in mods] + [noun.lower_]
    for i in range(len(words)):
        term = " ".join(words[i:])
        if term in sectors:
            first = mods[i] if i < len(mods) else noun
            return sectors[term], first.idx
    if noun.lemma_.lower() in sectors:
        return sectors[noun.lemma_.lower()], noun.idx
    for mod in reversed(mods):  # "an army jet", "police cars": a sector noun as modifier
        if mod.dep_ == "compound" and mod.lower_ in sectors:
            return sectors[mod.lower_], mod.idx
    return None, noun.idx


def _head_nouns(tok):
    """Nouns a state's token modifies: its head, then up a chain of compounds."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "Russian and Chinese officials"
        if _sector_of(tok.head)[0] is not None:
            return  # "representatives of Sudan's army and the RSF": coordinated with an organ, no shared head
        tok = tok.head
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.dep_ in _MODIFIER_DEPS and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
    elif (nxt is not None and nxt.is_title and tok.is_title and nxt.lower_ in tables().sectors
          and nxt.head.i != tok.i and tok.head.i != nxt.i and nxt.dep_ == "compound"):
        # "Belize President Bob Kingston visited": a parse that makes the state its own root still reads a
        # capitalised title right after it as the state's office
        head = nxt
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("of", "from") and tok.head.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ == "poss" for c in tok.head.head.children):
        head = tok.head.head  # "the navy of Iran"; not "recalled its ambassador from Iran"
    else:
        return
    yield head
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
        yield head


def attach_sector(doc, m: ActorMention, resector: bool = False) -> ActorMention:
    """The mention with the sector of the phrase it heads or modifies, its span widened to it
    (resector: a seat city's default GOV gives way to the noun's sector, "Cairo police")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    for noun in _head_nouns(span.root):
        if noun.i in range(span.start, span.end):
            continue
        sector, phrase_start = _sector_of(noun)
        if sector and m.start <= phrase_start < m.end:
            continue  # a word of the name itself ("the West Bank town"): no sector of the noun's
        if sector:
            start = min(m.start, phrase_start)
            end = max(m.end, noun.idx + len(noun.text))
            # "Houthi rebels": a group keeps its code, the span widens
            if (m.sector and not resector) or m.kind == "group":
                return replace(m, start=start, end=end, text=text_of(doc)[start:end])
            return replace(m, code=(m.country or m.code[:3]) + sector, sector=sector,
                           start=start, end=end, text=text_of(doc)[start:end])
    return m


@lru_cache(maxsize=4)
def _sector_hashes(words: tuple[str, ...]) -> tuple[frozenset[int], frozenset[int]]:
    """spaCy's string hashes of the sector words, and of the cased forms a lemma of one may take."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

    forms = frozenset(hash_string(w) for w in words)
    # a lemma keeps its case ("Rebels" opening a sentence is a PROPN)
    return forms, forms | {hash_string(v) for w in words for v in (w.capitalize(), w.upper(), w.title())}


def _sector_words(doc, sectors: dict):
    """The tokens whose form or lemma is a sector noun, found from the Doc's arrays: building a Python
    Token for every word of an article cost some 5% of coding time on BBC news."""
    from spacy.attrs import LEMMA, LOWER

    forms, lemmas = _sector_hashes(tuple(sectors))
    arr = doc.to_array([LOWER, LEMMA])
    for i, (low, lem) in enumerate(arr.tolist()):
        if low in forms or lem in lemmas:
            yield doc[i]


def standalone_sectors(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Sector nouns not part of any actor mention: "rebels" -> REB (kind "sector"); tied to a
    state by "of"/"from" (any sector) or "in" (any but the military and intelligence): "rebels in Chad"
    -> TCDREB, "lawmakers in Kenya" -> KENLEG, "officials in Moscow" -> RUSGOV. A bare court or jury acting as its
    verb's subject is an actor too: of the one country its clause's places are in ("a jury found protesters at a
    Houston airport guilty" -> USAJUD), else a bare JUD that document.py may give the state in focus."""
    sectors = tables().sectors
    covered = [(m.start, m.end) for m in mentions]
    states = [m for m in mentions if m.kind == "state" and m.country]
    out = []
    terms: list[tuple[int, int]] = []  # the spans of the longer terms read ("rebel leader")
    for tok in _sector_words(doc, sectors):
        # Sentence-initial sector nouns are often tagged PROPN ("Rebels in Chad fled").
        if not (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and not tok.ent_type_):
            continue
        if tok.lower_ in _TOPIC_SECTORS and not tok.dep_.startswith("nsubj"):
            continue  # "shared intelligence with Kyiv": what is shared, not who
        sector, phrase_start = _sector_of(tok)
        # a vague word is no actor alone ("the leader"), but a society's longer term of the table is ("the rebel
        # leader", "an opposition leader"); a state's office is a title of a person ("Interior Minister X")
        vague = tok.lower_ in NOT_STANDALONE and (phrase_start == tok.idx or sector not in _NON_STATE_SECTORS)
        if sector is None or tok.lower_ not in sectors and tok.lemma_.lower() not in sectors:
            continue
        if vague and tok.lower_ in _OWNED_CIVIL and any(c.dep_ == "poss" and c.lower_ in _OWNERS for c in tok.children):
            vague = False  # "the government accused its people": its own civilians
        if vague and sector not in TIED_SECTORS:
            continue
        end = tok.idx + len(tok.text)
        if phrase_start < tok.idx:
            terms.append((phrase_start, end))
        if any(s <= tok.idx < e for s, e in covered) or text_of(doc)[end:end + 1] == "-":
            continue  # inside an actor, or a hyphenated modifier ("rebel-held town")
        country = None
        more: list[ActorMention] = []  # "ministers from China, Russia and India": one sector of each
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from", "in"):
                continue
            if prep.lower_ == "in" and sector not in _PLACE_SECTORS:
                continue  # "troops in Syria" may be anyone's; "lawmakers in Kenya", "officials in Moscow" are its
            for obj in prep.children:
                hit = _states_in(obj, states)
                if obj.dep_ == "pobj" and hit:
                    country = hit[0].country
                    end = max(end, hit[0].end)
                    more += [s for c in obj.conjuncts for s in _states_in(c, states)[:1]]
        if country is None and sector in _PLACE_SECTORS:
            country, end = _place_country(doc, tok, end, covered)
        if vague and country is None:
            if (sector not in ACTING_SECTORS or sectors.get(tok.lower_) != sector
                    or tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ != "NN" or tok.head.lemma_ == "be"):
                continue  # a bare "court" is no actor; "a court in Argentina" is Argentina's judiciary
            if any(m.kind == "igo" and m.start < tok.idx and tok.lower_ in m.text.lower() for m in mentions):
                continue  # "the court" after "the International Court of Justice" is that court
            country = _clause_place_country(doc, tok.head, covered)
        code = (country or "") + sector
        out.append(ActorMention(text=text_of(doc)[phrase_start:end], start=phrase_start, end=end, code=code,
                                country=country, sector=sector, kind="sector", name=None))
        out += [ActorMention(text=text_of(doc)[phrase_start:m.end], start=phrase_start, end=m.end,
                             code=m.country + sector, country=m.country, sector=sector, kind="sector", name=None)
                for m in more if m.country and m.country != country]
    # a modifier inside a longer term found ("opposition" of "opposition leader") is that term's word, no actor
    return [m for m in out if not any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in terms)]


# Dependents of a noun that name no part of it: its conjuncts and the clauses about it ("doctors from aid
# groups that delivered goods to X" are not X's).
_NOT_OWN = frozenset({"conj", "cc", "punct", "acl", "relcl", "advcl"})


def _states_in(obj, states: list[ActorMention]) -> list[ActorMention]:
    """The states named by a noun phrase itself ("China", "the Republic of Samoa"), not by its conjuncts."""
    own = [obj] + [t for c in obj.children if c.dep_ not in _NOT_OWN for t in c.subtree]
    return [s for s in states if any(s.start <= t.idx < s.end for t in own)]


# A verb's dependents that are clauses or parties of their own, not where its act is done.
_OTHER_CLAUSES = frozenset({"conj", "cc", "ccomp", "advcl", "parataxis", "punct", "nsubj", "nsubjpass"})


def _clause_place_country(doc, verb, covered) -> str | None:
    """The one country of the cities and regions a verb's clause names outside any actor ("The court jailed ... in
    the province of X", "A jury found protesters at Y airport guilty"), else None (document.py may give the focus's)."""
    from realpolitik.actors.places import seat_or_place_country

    found = set()
    own = {t.i for c in verb.children if c.dep_ not in _OTHER_CLAUSES for t in c.subtree}
    for ent in verb.sent.ents:
        if ent.label_ not in _PLACE_LABELS or any(s < ent.end_char and ent.start_char < e for s, e in covered):
            continue
        if not all(t.i in own for t in ent):
            continue
        country = seat_or_place_country(ent.text)
        if country:
            found.add(country)
    return next(iter(found)) if len(found) == 1 else None


def _place_run(tok) -> list:
    """A proper-noun place name ending at tok, with its compound parts ("Kano", "North Darfur")."""
    run = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
    return run if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in run) else []


def _place_country(doc, tok, end: int, covered=()) -> tuple[str | None, int]:
    """The country of a city or region in a sector noun's own phrase: "police in Lagos",
    "rebels from Kano", "Darfur rebels"; with the phrase's new end. A word inside an actor
    mention is that actor, never a place ("a UN official" is not in a village named Un)."""
    from realpolitik.actors.places import place_country

    found = []
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "in"):
            found += [o for o in prep.children if o.dep_ == "pobj"]
    found += [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    for obj in found:
        run = _place_run(obj)
        if any(s <= obj.idx < e for s, e in covered):
            continue
        if not run or not (obj.ent_type_ in _PLACE_LABELS or normalise(obj.text) in tables().aliases):
            continue
        name = text_of(doc)[run[0].idx:obj.idx + len(obj.text)]
        country = place_country(name)
        if country:
            return country, max(end, obj.idx + len(obj.text))
    return None, end
