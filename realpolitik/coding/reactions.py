"""Document-level reading of reactions: "Saudi Arabia condemned the strike" answers an act the article
reported earlier, so its target is that act's author.

A sentence alone leaves such a reaction without a recipient. In an article, the object of the reaction
is resolved against the events already coded before it:

- an event noun ("the strike", "the visit", "the arms transfers"): the latest earlier event whose trigger
  is that noun or a verb of the noun's own type in the lexicon ("struck" for "the strike");
- a thing actors issue or do ("the decision", "the communique", "the vote": coding/data/en/reactions.words):
  the latest earlier event, within `WINDOW` sentences, by an actor of another country.

The author found becomes the target, unless it is of the reacting actor's own country (a state does
not condemn itself here; such objects are left alone). Events of a lone sentence are unchanged. A verb that
makes its object ("reach agreement", "offered talks": MAKING_VERBS) answers no earlier act. A reaction to a
joint act (coded both ways in its sentence: "A and B signed a treaty") is aimed at both parties.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from realpolitik.coding.domain import names_a_party
from realpolitik.coding.lexicon import entries
from realpolitik.coding.roles import ACCUSATION_LEMMAS, DENIAL_LEMMAS
from realpolitik.model import Event
from realpolitik.wordsets import words

REACTION_TYPES = words("realpolitik.coding", "reactions", "REACTION_TYPES")
ISSUED_NOUNS = words("realpolitik.coding", "reactions", "ISSUED_NOUNS")
MAKING_VERBS = words("realpolitik.coding", "reactions", "MAKING_VERBS")
# How many sentences back an issued thing's author is looked for: the object of "welcomed the decision"
# is nearly always the act of the lead or the sentence before (on the team's tune articles, 3 covers them).
WINDOW = 3
# Reactions that answer what was asked of or offered to the reacting state: "rejected the demand", "accepted the
# offer" answer an act aimed at the answerer, not the latest act of anyone else.
ANSWER_TYPES = frozenset({"REJECT", "AGREE"})
# The confidence of a reaction once the article names its target. Stage 7 scored it as an event with no
# recipient (0.35-0.6), but of the reaction events aimed here 37 of 49 were right (tune 27/36, holdout
# 10/13; plover, team, corpus and articles sets), as precise as directly parsed dyads, whose band is 0.7-0.85.
AIMED_CONFIDENCE = 0.72
# Determiners that make a noun refer back to something the article named before.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@lru_cache(maxsize=1)
def _noun_types() -> dict[str, str]:
    """Event noun lemma -> its PLOVER type, from the trigger lexicon's noun rows."""
    return {lemma: t.type for (lemma, pos), t in entries().items() if pos == "N" and t.type}


def _trigger_span(doc, ev: Event):
    """The tokens of an event's trigger, or None (no trigger, or no token there)."""
    if ev.trigger is None:
        return None
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _trigger_lemma(doc, ev: Event) -> str | None:
    """The lemma of the event's trigger head ("reach" of "reach agreement")."""
    span = _trigger_span(doc, ev)
    return span.root.lemma_.lower() if span is not None else None


def _object_lemma(doc, ev: Event) -> str | None:
    """The lemma of the direct object of the event's trigger, when it is a plain noun (not an actor's name)."""
    span = _trigger_span(doc, ev)
    if span is None:
        return None
    for tok in span:
        for c in tok.children:
            if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and c.ent_type_ == "":
                return c.lemma_.lower()
    return None


def _country(code: str | None) -> str | None:
    """The state (or IGO/NGO) of an actor code, CHNGOV -> CHN; None for a bare sector ("REB", "MIL"),
    which names no party a reaction could be aimed at."""
    if not names_a_party(code) or not (code[:3].isalpha() and code[:3].isupper()):
        return None
    return code[:3]


def _author(ev: Event, noun: str, earlier: list[Event], doc) -> Event | None:
    """The earlier event the reaction's object refers to, latest first."""
    own = _country(ev.source)
    noun_type = _noun_types().get(noun)
    found = _same_act(noun, noun_type, earlier, doc, own) if noun_type is not None else None
    if found is not None:
        return found
    # an issued thing ("the decision"), or an act noun whose act the article reported in other words
    # ("agreed to supply ..." then "condemned the deal"): the latest act of another state close before it
    return next((p for p in reversed(earlier) if p.source is not None and (own is None or _country(p.source) != own)
                 and ev.sentence_index - p.sentence_index <= WINDOW), None)


def _same_act(noun: str, noun_type: str, earlier: list[Event], doc, own) -> Event | None:
    """The latest earlier event by another state whose trigger is the noun or of the noun's type."""
    for prev in reversed(earlier):
        if prev.source is None or (own is not None and _country(prev.source) == own):
            continue
        if _trigger_lemma(doc, prev) == noun or prev.type == noun_type:
            return prev
    return None


def resolve_reaction_targets(doc, events: list[Event]) -> list[Event]:
    """Events of one article with the targets of reactions to earlier acts filled in (see module doc)."""
    out: list[Event] = []
    given: list[Event] = []  # the events that found their target here
    for ev in events:
        if ev.target is not None or ev.source is None:
            out.append(ev)
            continue
        made = _reaction(doc, ev, [p for p in out if p.sentence_index < ev.sentence_index])
        given += [e for e in made if e.target is not None]
        out += made
    return _share_with_conjuncts(doc, out, given)


def _aimed(ev: Event, prev: Event) -> Event:
    """The event aimed at the source of an earlier one."""
    return replace(ev, target=prev.source, target_text=prev.source_text, target_span=prev.source_span,
                   confidence=max(ev.confidence, AIMED_CONFIDENCE))


def _reaction(doc, ev: Event, earlier: list[Event]) -> list[Event]:
    """A target-less event as the reading leaves it: aimed at the author of the act it answers, or unchanged;
    none for a denial no accuser is found for, several for an answer to several askers."""
    if ev.type == "REJECT" and _denial(doc, ev):
        # "Armenia denied the accusation": aimed at whoever made it before; with no accuser in the article,
        # it is a statement (CAMEO 016), as a denial whose claim the sentence spells out is (statements.py)
        prev = _accuser(ev, earlier)
        return [_aimed(ev, prev)] if prev is not None else []
    if ev.type not in REACTION_TYPES:
        return [ev]
    noun = _object_lemma(doc, ev)
    if noun is not None and _trigger_lemma(doc, ev) in MAKING_VERBS:
        # "the EU could never reach agreement", "Seoul offered talks": the act makes its object, answers none
        return [ev]
    if noun is not None and (noun in ISSUED_NOUNS or noun in _noun_types()):
        asked = _asked_of(ev, noun, earlier) if ev.type in ANSWER_TYPES else []
        if asked:
            # "Egypt and Sudan called on Ethiopia to halt ..." then "Addis Ababa rejected the demand":
            # an answer goes to every state that asked it of the answering one
            return [_aimed(ev, p) for p in asked]
        prev = _author(ev, noun, earlier, doc)
        # an act by a bare sector ("rebels") is the act reacted to, but names no party to aim at
        if prev is None or _country(prev.source) is None:
            return [ev]
        return [_aimed(ev, p) for p in _joint(ev, prev, earlier)]
    if noun is not None and _definite_object(doc, ev):
        # "announced a package for X" ... "Y welcomed the package": the noun names an earlier event again
        prev = _repeated(ev, noun, earlier, doc)
        return [_aimed(ev, prev) if prev is not None else ev]
    return [ev]


def _joint(ev: Event, prev: Event, earlier: list[Event]) -> list[Event]:
    """The act reacted to with its mirror in its sentence: "Japan and the Philippines signed a pact" is coded both
    ways, and "Beijing protested the deal" answers both parties (one per country, never the reactor's own)."""
    own = _country(ev.source)
    mirror = next((p for p in earlier if p.sentence_index == prev.sentence_index and p.type == prev.type
                   and p.source == prev.target and p.target == prev.source and _country(p.source) not in (None, own)),
                  None)
    return [prev] if mirror is None or _country(mirror.source) == _country(prev.source) else [prev, mirror]


def _share_with_conjuncts(doc, out: list[Event], given: list[Event]) -> list[Event]:
    """A verb conjoined to a reaction that found its target here shares it, as it would in a sentence that
    named it: "China condemned the sale and warned it would retaliate" -> the warning is aimed at the seller."""
    found = {(e.sentence_index, e.source, e.trigger.start): e for e in given if e.trigger is not None}
    if not found:
        return out
    shared = []
    for ev in out:
        span = _trigger_span(doc, ev) if ev.target is None else None
        if span is not None and span.root.dep_ == "conj":
            prev = found.get((ev.sentence_index, ev.source, span.root.head.idx))
            if prev is not None:
                ev = replace(ev, target=prev.target, target_text=prev.target_text, target_span=prev.target_span,
                             confidence=max(ev.confidence, AIMED_CONFIDENCE))
        shared.append(ev)
    return shared


def _definite_object(doc, ev: Event) -> bool:
    """Whether the trigger's plain-noun object is definite ("the package", "this deal"): it refers back."""
    span = _trigger_span(doc, ev)
    return span is not None and any(
        c.dep_ in ("dobj", "obj") and any(d.dep_ == "det" and d.lower_ in DEFINITE for d in c.children)
        for tok in span for c in tok.children)


def _repeated(ev: Event, noun: str, earlier: list[Event], doc) -> Event | None:
    """The latest earlier event by another state that the noun named: its trigger, the trigger verb's object,
    or the noun the trigger hangs from ("a package of support", "a deal") -- not any noun of its sentence."""
    own = _country(ev.source)
    for prev in reversed(earlier):
        span = _trigger_span(doc, prev)
        if _country(prev.source) is None or _country(prev.source) == own or span is None:
            continue
        trig = span.root
        near = [trig, trig.head, *(c for c in trig.children if c.dep_ in ("dobj", "nsubjpass"))]
        if trig.head.dep_ == "prep":
            near.append(trig.head.head)  # "a package of support"
        if any(t.pos_ == "NOUN" and t.lemma_.lower() == noun for t in near):
            return prev
    return None


def _denial(doc, ev: Event) -> bool:
    """Whether an event is a denial of an accusation ("rejected the charges"), read off its trigger."""
    return _trigger_lemma(doc, ev) in DENIAL_LEMMAS and _object_lemma(doc, ev) in ACCUSATION_LEMMAS


def _accuser(ev: Event, earlier: list[Event]) -> Event | None:
    """The latest accusation, within `WINDOW` sentences, by another state against the denier's (or no one)."""
    own = _country(ev.source)
    for prev in reversed(earlier):
        if ev.sentence_index - prev.sentence_index > WINDOW:
            return None
        if (prev.type == "ACCUSE" and _country(prev.source) is not None and _country(prev.source) != own
                and (prev.target is None or _country(prev.target) == own)):
            return prev
    return None


def _asked_of(ev: Event, noun: str, earlier: list[Event]) -> list[Event]:
    """The latest act, within `WINDOW` sentences, of the noun's type (any type for an issued thing) aimed at
    the reacting state by another, with the other sources of that act in its sentence, one per country."""
    own = _country(ev.source)
    if own is None:
        return []
    noun_type = _noun_types().get(noun)
    for prev in reversed(earlier):
        if ev.sentence_index - prev.sentence_index > WINDOW:
            return []
        src = _country(prev.source)
        if (src is not None and src != own and _country(prev.target) == own
                and (noun_type is None or prev.type == noun_type)):
            out: list[Event] = []
            seen = {None, own}
            for p in earlier:
                if (p.sentence_index == prev.sentence_index and p.type == prev.type
                        and _country(p.target) == own and _country(p.source) not in seen):
                    out.append(p)
                    seen.add(_country(p.source))
            return out
    return []
