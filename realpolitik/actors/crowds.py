"""Sector nouns with no state of their own ("protesters", "farmers", "police", "rebels"): the state they
belong to, read from where they act, their sentence, the dateline or the article.

A bare sector code ("CVL", "COP") names no party, so an event with one is never right (rules.py's
confidence notes: 0 of 16 on the dev sets). In order, such a mention takes:

1. the state of a place its own verb is done in, through or outside ("marched through Warsaw"): where a
   crowd or the police act is, for a domestic act, whose they are (a state's or a capital's name is a
   place; "the US embassy" is a party);
2. the one state named in its sentence outside what its own verb governs ("Peru declared an emergency
   after protesters blocked roads", "X's president said his government would ..."): a state its verb
   governs is more often its target ("students rallied against X"); failing that, the one state of an
   office holder named in it, whom a crowd's demands name as its own ("demanded President X resign"); failing
   that, for a society's sector, the one state its sentence names where that state is none of its verb's own
   arguments ("police fired tear gas to break up a sit-in outside X's electoral council"); a sector coordinated
   with a state's organ ("the X government and the opposition") takes that state first;
3. with no state in the sentence, the dateline's country, else the article's state in focus
   (document.py's `_Focus`).

Steps 1 and 3 are for a society's sectors and the police only (crowds.words CIVIL_SECTORS); step 2 also
for a state's organs (ORGAN_SECTORS) that are someone's own and act ("his government said"): bare troops
or a government are as often another state's, named as the source of a report ("..., a spokeswoman for
the US embassy said"), and document.py resolves a definite "the army" by focus. A noun whose own phrase
names a state ("Vietnamese-led forces", "a journalist who criticised X") is left to the coder's reading
of that phrase. A sentence naming two states
leaves the noun open: whose it is, the text does not say. Media, firms, criminals and refugees are left
alone: "social media" and "migrants from X" are no crowd of a state.
"""
from __future__ import annotations

from dataclasses import replace

from realpolitik.actors.tables import capital_country, text_of
from realpolitik.model import ActorMention
from realpolitik.wordsets import words

_PKG = "realpolitik.actors"
# Parser labels of a verb's own arguments (its doer, what it acts on; with the objects of its prepositions).
VERB_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd")


def place_parts() -> frozenset[str]:
    """Nouns of a part of a place whose "of" phrase names the place ("the streets of X")."""
    return words(_PKG, "crowds", "PLACE_PARTS")


def scene_only(tok) -> bool:
    """Whether a token names only where something happens, not whose its actors are: inside the object of a
    preposition of SCENE_PREPS ("near the Kenyan embassy", "outside X's parliament")."""
    head = tok
    while head.dep_ in ("compound", "amod", "poss") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in words(_PKG, "crowds", "SCENE_PREPS")


def place_preps() -> frozenset[str]:
    """Prepositions whose object in a crowd's own clause is where it acts."""
    return words(_PKG, "crowds", "PLACE_PREPS")


def civil_sectors() -> frozenset[str]:
    """Sectors of a society rather than organs of a state."""
    return words(_PKG, "crowds", "CIVIL_SECTORS")


def organ_sectors() -> frozenset[str]:
    """Organs of a state that take the one state their sentence names."""
    return words(_PKG, "crowds", "ORGAN_SECTORS")


def resolve_crowds(doc, mentions: list[ActorMention], focus, dateline: str | None) -> list[ActorMention]:
    """The mentions with each state-less sector mention given its state where the text shows one."""
    wanted = civil_sectors() | organ_sectors()
    if not any(m.kind == "sector" and not m.country and m.sector in wanted for m in mentions):
        return mentions
    return [_crowd(doc, m, mentions, focus, dateline) if m.kind == "sector" and not m.country and m.sector in wanted
            else m for m in mentions]


def _crowd(doc, m: ActorMention, mentions: list[ActorMention], focus, dateline: str | None) -> ActorMention:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    noun = span.root
    if any(o.country and o is not m and noun.left_edge.idx <= o.start < noun.right_edge.idx + len(noun.right_edge)
           for o in mentions):
        return m  # its own phrase names a state ("Vietnamese-led forces", "a journalist who criticised X"): the
        # coder reads whose it is from the phrase
    partner = _coordinated_organ(noun, m, mentions)
    if partner is not None:
        return replace(m, code=partner + m.sector, country=partner)
    verb = _governor(noun)
    sent = noun.sent
    civil = m.sector in civil_sectors() or m.sector == "COP"
    if not civil and not (noun.dep_ in ("nsubj", "nsubjpass")
                          and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)):
        # a state's organ takes its sentence's state only as someone's own acting ("his government said"); as
        # an object ("withdrew its peacekeepers from X") the coder reads the act's other party from the clause
        return m
    country = None
    if civil and verb is not None:
        country = _clause_place(doc, verb, mentions)
    if country is None:
        named = [o for o in mentions if o.country and o is not m and sent.start_char <= o.start < sent.end_char]
        if named:
            governed = set() if verb is None else {t.idx for t in verb.subtree}
            outside = {o.country for o in named if o.start not in governed}
            persons = {o.country for o in named if o.kind == "person"}
            countries = outside or persons or _actor_home(noun, verb, named)
            if not countries and civil:
                countries = _context_state(verb, sent, named)
            if len(countries) == 1:
                country = next(iter(countries))
        elif civil:
            country = dateline or focus.at(m.start)
    if country is None:
        return m
    return replace(m, code=country + m.sector, country=country)


def _actor_home(noun, verb, named: list[ActorMention]) -> set[str]:
    """The state of a crowd that the subject of its verb acts on, when that subject is the only state the sentence
    names and is the state itself or one of its civil organs ("Chilean police arrested students", "Tunisia
    jails an opposition leader"): a state's police, courts and government act on their own people. Troops are
    left out (they act abroad as often), as is a crowd that is its verb's subject ("students rallied against X")."""
    if verb is None or noun in (verb, *[c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]):
        return set()
    if {o.country for o in named} != {named[0].country}:
        return set()
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    spans = [(d.left_edge.idx, d.right_edge.idx + len(d.right_edge)) for d in doers]
    if any(a <= noun.idx < b for a, b in spans):
        return set()
    acting = [o for o in named if any(a <= o.start < b for a, b in spans)
              and (o.sector is None or o.sector in civil_organs())]
    return {acting[0].country} if acting else set()


def _coordinated_organ(noun, m: ActorMention, mentions: list[ActorMention]) -> str | None:
    """The state of an organ the noun is coordinated with ("the Syrian government and the opposition", "Somali
    troops and rebels"): two sides named together as one subject are of the state whose organ one is."""
    mates = [t for t in (*noun.conjuncts,) if t is not noun]
    states = {o.country for t in mates for o in mentions
              if o is not m and o.country and o.sector in organ_sectors() and o.start <= t.idx < o.end}
    return next(iter(states)) if len(states) == 1 else None


def _context_state(verb, sent, named: list[ActorMention]) -> set[str]:
    """The one state a crowd's sentence names, when none is its verb's own argument or that argument's modifier
    ("Police fired tear gas to disperse a camp set up to defend X's former chief", "protesters clashed with police
    when hundreds took to the road in X"): the scene's state is the crowd's. A state the verb takes as its
    argument is its target or its actor ("rallied against X", "Russian troops detained protesters") and leaves the
    crowd open."""
    if verb is None:
        return set()
    named = [o for o in named if not any(scene_only(t) for t in sent if o.start <= t.idx < o.end)]
    if len({o.country for o in named}) != 1:
        return set()
    # a verb it controls acts with the crowd as its subject too ("terrorists need to attack X")
    verbs = [verb] + [x for x in verb.children if x.dep_ == "xcomp"]
    heads = {a.i for v in verbs for a in v.children if a.dep_ in VERB_ARGUMENTS}
    heads |= {o.i for v in verbs for a in v.children if a.dep_ in ("prep", "agent") for o in a.children
              if o.dep_ == "pobj"}
    for tok in sent:
        if tok.i in heads or (tok.dep_ in ("poss", "compound", "amod") and tok.head.i in heads):
            if any(o.start <= tok.idx < o.end for o in named):
                return set()
    return {named[0].country}


def civil_organs() -> frozenset[str]:
    """Organs of a state that act on its own people (police, courts, government, parliament)."""
    return words(_PKG, "crowds", "CIVIL_ORGANS")


def _governor(noun):
    """The verb a noun is an argument of ("protesters blocked", "a march by farmers"), else None."""
    tok = noun
    for _ in range(4):
        if tok.dep_ in ("conj", "appos", "pobj", "prep", "agent", "compound") or tok.pos_ in ("NOUN", "PROPN", "NUM"):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return tok
            continue
        return None
    return None


def _clause_place(doc, verb, mentions: list[ActorMention]) -> str | None:
    """The state of a place the verb is done in, through or outside ("rallied in Nairobi")."""
    from realpolitik.actors.places import seat_or_place_country
    from realpolitik.actors.sectors import _place_run

    preps, parts = place_preps(), place_parts()
    objs = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if prep.lower_ in preps:
                objs.append(obj)
            # what the act is aimed at, where it stands: "marched on the embassy in <capital>"; the place a
            # part of it belongs to: "marched through the streets of <capital>"
            objs += [o for p in obj.children if p.dep_ == "prep" and (p.lower_ in preps or (
                     p.lower_ == "of" and prep.lower_ in preps and obj.lemma_.lower() in parts))
                     for o in p.children if o.dep_ == "pobj"]
    for obj in objs:
        # a state's or a capital's name is a place; "the US embassy" is a party ("rallied at it")
        hit = [o for o in mentions if o.country and o.start <= obj.idx < o.end
               and (o.sector is None or capital_country(o.text))]
        if hit:
            return hit[0].country
        run = _place_run(obj)
        if run:
            name = text_of(doc)[run[0].idx:obj.idx + len(obj.text)]
            country = seat_or_place_country(name)
            if country:
                return country
    return None


def dateline_country(text: str) -> str | None:
    """The country of the dateline opening the text or the paragraph after its headline, else None."""
    from realpolitik.actors.context import DATELINE
    from realpolitik.actors.places import seat_or_place_country

    def country(part: str) -> str | None:
        m = DATELINE.match(part[:120])
        if not m:
            return None
        name = m.group(1).strip()
        name = name.title() if name.isupper() else name
        return seat_or_place_country(name)

    found = country(text)
    if found is None:
        head, sep, rest = text.partition("\n\n")
        if sep and "\n" not in head.strip():
            found = country(rest)
    return found
