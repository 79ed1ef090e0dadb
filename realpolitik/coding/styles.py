"""Roles the parse leaves half-read in wire-news sentence styles.

- headlines open with a comma list of parties ("Senegal, Mauritania sign accord"), which the parser
  rarely coordinates: the list is the subject;
- reported speech names organs by a pronoun ("X said its navy would ..."): the organ is the country of
  the one the pronoun stands for;
- nominal reactions ("X's arrest of Y drew criticism from Z"): Z reacts to the subject's doer.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from realpolitik.model import ActorMention
from realpolitik.nlp import doc_text
from realpolitik.wordsets import words

# The sections of coding/data/en/styles.words this module reads.
SECTIONS = ("DRAW_VERBS", "LIST_JOINERS", "DRAWN_TYPES", "APPROVAL_VERBS", "FIGHT_LEMMAS")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {name: words("realpolitik.coding", "styles", name) for name in SECTIONS}










def approval_verbs() -> frozenset[str]:
    """Verbs that host a visitor but back an act they take as object ("welcomed the pullout")."""
    return _words()["APPROVAL_VERBS"]


def drawn_reaction(noun, trig, idx) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """(reacting, reacted to) of a reaction noun a verb draws from a party ("X's arrest of Y drew
    criticism from Z", "..., drawing condemnation from Z"): Z reacts to the actor of the drawing clause."""
    from realpolitik.coding.roles import agents, prep_objects

    verb = noun.head
    if (noun.dep_ != "dobj" or verb.lemma_.lower() not in _words()["DRAW_VERBS"]
            or trig.type not in _words()["DRAWN_TYPES"]):
        return None
    srcs = [m for h in (noun, verb) for _, p in prep_objects(h, frozenset({"from"})) for m in idx.np_conj(p)]
    if not srcs:
        return None
    tgts, _ = agents(verb, idx)
    keys = {m.code for m in srcs}
    return srcs, [m for m in tgts if m.code not in keys]


def first_named_pairs(parties: list[ActorMention]) -> list[tuple[ActorMention, ActorMention]]:
    """A joint act of three or more states ("A, B and C met"): the first named with each other party, once
    (training/GUIDE.md: a multilateral meeting is not every ordered pair); [] for fewer than three states."""
    if len({m.code[:3] for m in parties}) < 3:
        return []
    first = min(parties, key=lambda m: m.start)
    return [(first, m) for m in parties if m.code[:3] != first.code[:3]]


def domestic_fight_pairs(c, srcs: list[ActorMention], pairs: list) -> list:
    """Two forces of one state fighting each other ("the army and the RSF clashed", "government troops and
    rebels exchanged fire"): each attacks the other, although a state acting on its own people keeps no
    target elsewhere, and a bare side coordinated with one state's force is of that state; `pairs` unchanged
    for any other trigger or when a recipient beyond the fighters was found."""
    spans = {(m.start, m.end) for m in srcs}
    if (c.type != "ASSAULT" or any(t is not None and (t.start, t.end) not in spans for _, t in pairs)
            or c.tok.lemma_.lower() not in _words()["FIGHT_LEMMAS"]):
        return pairs  # another trigger, or a recipient beyond the fighters themselves
    states = {m.country for m in srcs if m.country}
    if len(states) == 1:  # "Chadian troops and rebels clashed": the bare side is of the same state
        country = next(iter(states))
        srcs = [m if m.country or not (m.code.isalpha() and len(m.code) == 3) else
                replace(m, code=country + m.code, country=country, kind="state" if m.kind == "sector" else m.kind)
                for m in srcs]
    out = [(s, t) for s in srcs for t in srcs
           if s.code != t.code and s.country and s.country == t.country]
    return out or pairs


def between_parties(tok, idx) -> tuple[list[ActorMention], list[ActorMention], str] | None:
    """(parties, no recipient, how) of a joint act named by a gerund the parser took for a verb ("Fighting
    between X and Y intensified", "talking between X and Y"): those between whom it happens hold it."""
    from realpolitik.coding.roles import prep_objects

    if tok.tag_ != "VBG" or tok.dep_ not in ("nsubj", "nsubjpass", "ROOT", "pobj", "dobj"):
        return None
    parties = [m for _, p in prep_objects(tok, frozenset({"between", "among"})) for m in idx.np_conj(p)]
    if len(parties) < 2:
        parties = occurring_between(tok, idx)
    return (parties, [], "between") if len(parties) > 1 else None


def occurring_between(tok, idx) -> list[ActorMention]:
    """The parties of a joint act named as the subject of a verb that carries its between-phrase ("clashes
    broke out between X and Y", "talks were held among X, Y and Z"): the parser hangs the phrase on the
    verb, but it says between whom the act happens. Two parties at least, else none."""
    from realpolitik.coding.roles import prep_objects

    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.i == tok.i or verb.pos_ not in ("VERB", "AUX"):
        return []
    parties = [m for _, p in prep_objects(verb, frozenset({"between", "among"})) for m in idx.np_conj(p)]
    return parties if len(parties) > 1 else []




def headline_sentences(doc) -> set[int]:
    """Indices of the sentences of a headline line above the body: a first line that ends in no full stop,
    question or exclamation mark and opens no dateline, with a body on the lines below it."""
    from realpolitik.ingest.dates import dateline_date
    from realpolitik.ingest.files import _is_headline

    text = doc_text(doc)
    cut = text.find("\n")
    if cut <= 0 or not text[cut:].strip() or not _is_headline(text[:cut]) or dateline_date(text[:cut]):
        return set()
    return {i for i, s in enumerate(doc.sents) if s.start_char < cut}


def without_repeated_title(doc, events: list) -> list:
    """The events of an article less its headline's events that the body codes again (same parties by state
    and type): a title sums up the story, so its event is the lead's and is not coded a second time."""
    top = headline_sentences(doc) if events else set()
    if not top:
        return events

    def key(e):
        return ((e.source or "")[:3], (e.target or "")[:3], e.type)
    body = {key(e) for e in events if e.sentence_index not in top}
    return [e for e in events if e.sentence_index not in top or key(e) not in body]
