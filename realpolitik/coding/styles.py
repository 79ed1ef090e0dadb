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
from realpolitik.wordsets import words

# A headline's opening list is short: this many tokens before the verb covers "Bosnia and Herzegovina,
# Serbia, Montenegro" (longer openings are clauses, not lists).
MAX_LIST_TOKENS = 12


# The sections of coding/data/en/styles.words this module reads.
SECTIONS = ("DRAW_VERBS", "LIST_JOINERS", "DRAWN_TYPES", "APPROVAL_VERBS", "FIGHT_LEMMAS")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {name: words("realpolitik.coding", "styles", name) for name in SECTIONS}


def opening_list(verb, subj, idx) -> list[ActorMention]:
    """States of a comma list that opens the sentence and ends in the verb's subject ("A, B sign a pact").

    Every token before the verb must be a name of a party or a joiner, with at least one comma; the
    parser hangs the first names off the verb (npadvmod, dep, appos) instead of coordinating them.
    """
    sent = verb.sent
    if not (sent.start <= subj.i < verb.i) or verb.i - sent.start > MAX_LIST_TOKENS:
        return []
    joiners = _words()["LIST_JOINERS"]
    span = sent.doc[sent.start:verb.i]
    if not any(t.text == "," for t in span):
        return []
    out: list[ActorMention] = []
    for t in span:
        if t.text in joiners:
            continue
        ms = idx.at_all(t)
        if not ms:
            return []
        for m in ms:
            if (m.country or m.kind in ("igo", "ngo")) and m.code not in {x.code for x in out}:
                out.append(m)
    return out if len(out) > 1 else []


def nearest_subject(verb):
    """The verb's subject; of two the parser gave it, split by punctuation ("HIGHLIGHTS: - X expelled ...",
    a lead-in parsed as a subject too), the one nearer the verb, unless that is a parenthetical between
    commas ("Members of X, a body linked to Y, visited ...")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl")]
    if len(subj) < 2:
        return subj[0] if subj else None
    doc = verb.doc
    for c in reversed([c for c in subj[1:] if c.i < verb.i]):
        if (any(t.pos_ == "PUNCT" for t in doc[subj[0].i + 1:c.left_edge.i])
                and "," not in (c.right_edge.text, doc[min(c.right_edge.i + 1, len(doc) - 1)].text)):
            return c
    return subj[0]


def pronoun_owner(tok, own: list[ActorMention], idx) -> list[ActorMention]:
    """A bare organ owned by a pronoun ("its navy", "her government") given the country of the pronoun's actor.

    Only as the subject of reported speech: the pronoun stands for the subject of the reporting clause
    right above ("X said its navy would ..."). Elsewhere it need not (in "X urged Y to pull its troops" the
    owner is Y); taking the organ's own clause subject as the owner too cost one plover_manual_dev holdout
    event and gained none.
    """
    from realpolitik.coding.roles import PRONOUNS, child

    if tok.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "poss" and c.lower_ in PRONOUNS
                                                         for c in tok.children):
        return []  # as an object the organ is what its owner moves ("withdraw its troops from X"), no party
    verb = tok.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    s = child(verb.head, "nsubj") if verb.dep_ == "ccomp" and verb.head is not verb else None
    owners = _names(s, idx) if s is not None else []
    if not owners:
        return []
    country = owners[0].country
    return [replace(m, code=country + m.code, country=country, kind="state" if m.kind == "sector" else m.kind)
            for m in own if not m.country and m.code.isalpha() and len(m.code) == 3]


def _names(phrase, idx) -> list[ActorMention]:
    """Actors of a state named anywhere in a phrase (no pronoun is followed: the owner must be named)."""
    return [m for t in phrase.subtree for m in idx.at_all(t) if m.country]


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
    return (parties, [], "between") if len(parties) > 1 else None


def clause_owner(pron, noun, idx) -> list[ActorMention]:
    """The actors a possessive pronoun on an event noun stands for when the noun is its verb's object: the
    verb's subject ("Bahrain and Israel held their first consultations": both, not the nearest name)."""
    from realpolitik.coding.roles import subject_np

    if pron.lower_ not in ("their", "its") or noun.dep_ != "dobj":
        return []
    s = nearest_subject(noun.head)
    if s is None or s.lower_ in ("their", "its", "they", "it"):
        return []
    return [m for m in subject_np(s, idx) if m.country]
