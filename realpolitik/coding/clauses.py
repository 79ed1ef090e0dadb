"""Clause-level readings of a trigger for the rules coder: future or intended, hedged, conditional,
refused or failed, prepared, and scene-setting (a trigger that only sets the scene of the reported event)."""
from __future__ import annotations

import logging

from realpolitik import wordsets
from realpolitik.coding.candidates import token_lemma
from realpolitik.coding.roles import LAUNCH_LEMMAS  # "fired missiles that hit X"

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "clauses")

INTENT_LEMMAS = _words("INTENT_LEMMAS")
# Readying to use force is PLOVER MOBILIZE (posture short of force), not a verbal THREATEN.
PREPARE_LEMMAS = _words("PREPARE_LEMMAS")
FUTURE_AUX = _words("FUTURE_AUX")
REFUSAL_AUX = _words("REFUSAL_AUX")
STANDING_REFUSALS = _words("STANDING_REFUSALS")
# Modals of possibility: a trigger under one is hedged ("may halt"); with a condition, a threat.
POSSIBILITY_AUX = _words("POSSIBILITY_AUX")


def is_future(tok) -> bool:
    """Whether a trigger is stated as future or intended by its actor ("will send", "ready to help")."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children) and tok.dep_ == "ccomp":
        return True
    if (tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB" and tok.head.i != tok.i
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)):
        return is_future(tok.head)  # "will cut aid to X and expand ties with Y": the second verb shares the modal
    return _under(tok, INTENT_LEMMAS)


def _under(tok, lemmas: frozenset[str]) -> bool:
    """Whether a trigger is the infinitive of one of `lemmas`, up to three xcomp steps ("plans to send",
    "is ready to help": the lemma or its adjective complement)."""
    t = tok
    for _ in range(3):
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False
        t = t.head
        if token_lemma(t) in lemmas or any(c.dep_ == "acomp" and token_lemma(c) in lemmas for c in t.children):
            return True
    return False


def is_addressed(tok) -> bool:
    """Whether a request names whom it asks, even an actor not resolved ("asked the Pentagon to ..."),
    unlike a bare call for something ("called for reform", "seeks the release of ...").

    A demand on one's own government ("demanded that the government resign") is left out: plover_manual_dev
    gold codes no event inside one country."""
    return any(c.dep_ in ("dobj", "dative", "nsubjpass") and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ in
               ("PERSON", "ORG", "GPE", "NORP")) for c in tok.children)


OFFER_LEMMAS = _words("OFFER_LEMMAS")
BACKSHIFT_VERBS = _words("BACKSHIFT_VERBS")


def is_offer(tok) -> bool:
    """Whether a future trigger is offered rather than announced: "is ready/willing to send", "would meet".

    An offer or a conditional "would" is PLOVER AGREE (an expressed willingness); a plain announced plan
    ("will invest", "plans to build") keeps its own type with factuality planned, as the seedlike gold does."""
    return (any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children) and not _backshifted(tok)) \
        or _under(tok, OFFER_LEMMAS)


def _backshifted(tok) -> bool:
    """Whether a trigger's "would" is reported speech's past of "will": the complement of a past verb of
    saying ("Belgium said it would send jets"), an announced plan as the speaker's "will send" is."""
    return tok.dep_ == "ccomp" and tok.head.tag_ == "VBD" and token_lemma(tok.head) in BACKSHIFT_VERBS


def is_prepared(tok) -> bool:
    """Whether a trigger is what its actor is preparing or poised to do ("prepared to resume shelling")."""
    return _under(tok, PREPARE_LEMMAS)


def is_hedged(tok) -> bool:
    """Whether a trigger carries a modal of possibility ("may halt", "could impose"): with a condition, a threat."""
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in tok.children)


def is_conditional(tok, unless_only: bool = False) -> bool:
    """Whether a trigger carries an "unless" / "if" clause ("will pull out unless talks resume").

    A concession offered "if" the other side acts is an offer, not a threat, so `unless_only` for those."""
    marks = ("unless",) if unless_only else ("unless", "if")
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in tok.children)


def is_failed(tok) -> bool:
    """Whether a trigger is what its actor failed to do ("failed to reach agreement"): PLOVER REJECT."""
    t = tok
    if t.pos_ == "NOUN" and t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX"):
        t = t.head  # the light verb of "reach agreement"
    return t.dep_ == "xcomp" and t.head.lemma_.lower() == "fail"


def is_refusal(tok) -> bool:
    """Whether a trigger is negated under a future or ability modal ("will not lift", "cannot accept"), or is a
    verb of accepting negated in any tense ("does not recognise the new government": STANDING_REFUSALS)."""
    kids = list(tok.children)
    return any(c.dep_ == "neg" for c in kids) and (
        tok.lemma_.lower() in STANDING_REFUSALS or any(c.dep_ == "aux" and c.lower_ in REFUSAL_AUX for c in kids))


BACKGROUND_MARKS = _words("BACKGROUND_MARKS")


def in_background_clause(tok) -> bool:
    """Whether a trigger sits in a temporal or causal subordinate clause ("after Iran attacked ...")."""
    t = tok
    for _ in range(4):
        if t.dep_ == "advcl":
            return any(m.dep_ in ("mark", "prep") and m.lower_ in BACKGROUND_MARKS for m in t.children)
        if t.dep_ == "pobj" and t.head.lower_ in BACKGROUND_MARKS:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


# Prepositions whose object sets the scene of the reported event rather than being it ("after two days of
# fighting", "since the invasion", "amid clashes"); "because of", "in the wake of" are caught by their last word.
BACKGROUND_PREPS = _words("BACKGROUND_PREPS")
CONDITION_MARKS = _words("CONDITION_MARKS")
CONDITION_HEADS = _words("CONDITION_HEADS")  # multiword subordinators: "provided (that)", "on condition that"
# "in the wake of X", "as a result of X", "in response to X", "in retaliation for X": X is the cause, not the news
BACKGROUND_NOUNS = _words("BACKGROUND_NOUNS")
# "sanctioned X over its support for Y", "condemned X for its attack": the reason of blame or punishment
REASON_PREPS = _words("REASON_PREPS")
REASON_HEADS = _words("REASON_HEADS")


def in_condition(tok) -> bool:
    """Whether a trigger lies in an "if" / "unless" clause of the sentence's statement ("Japan could intervene if
    China attacked Taiwan", "would retaliate if NATO deployed troops"): a condition is never reported as happening,
    so, unlike other scene-setting acts, it stands for the sentence not even when it is the only event."""
    return _up_to_statement(tok, lambda t: (t.dep_ == "advcl" and _marked(t, CONDITION_MARKS)) or _condition_phrase(t))


def _condition_phrase(t) -> bool:
    """Whether a clause is the condition of a multiword subordinator: "provided (that) X", "on condition that X",
    "as long as X" (parsed as a clause under "provided", "condition" or "long", not marked "if")."""
    h = t.head
    if h.i == t.i or t.dep_ not in ("ccomp", "pcomp", "advcl", "acl") or h.lower_ not in CONDITION_HEADS:
        return False
    if h.lower_ == "long":
        return _marked(t, frozenset({"as"}))
    if h.lower_ == "condition":
        return h.dep_ == "pobj" and h.head.lower_ == "on"
    # "provided", "providing" as a subordinator (parsed a preposition, or a participle hung on the clause before it)
    # over a clause with its own subject; not the verb of "Chad provided aid"
    return h.dep_ in ("prep", "advcl", "acl") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


USE_VERBS = _words("USE_VERBS")


def instrument_use(tok) -> bool:
    """Whether a trigger is what a thing "is used to" do or help do ("the phones will be used to take photos and help
    the police to arrest smugglers", "the funds were used to help X buy arms"): the purpose of an instrument, a use
    told of a thing, no act of a party."""
    t, purpose = tok, False
    for _ in range(4):
        h = t.head
        if h.i == t.i or t.dep_ not in ("xcomp", "ccomp", "conj"):
            return False
        purpose = purpose or t.dep_ != "conj"  # a clause of purpose on the way, not a verb joined to "used"
        if (token_lemma(h) in USE_VERBS and purpose and any(c.dep_ == "auxpass" for c in h.children)
                and any(c.dep_ == "xcomp" for c in h.children)):
            return True  # (the "used" of a purpose: "would not allow its land to be used by anyone and called on X")
        t = h
    return False


def long_standing(tok) -> bool:
    """Whether a verb trigger tells a standing state in the perfect with "long" ("has long sought membership",
    "have long cooperated on border security"): a description, no act told as news."""
    kids = list(tok.children)
    return (tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "advmod" and c.lower_ == "long" for c in kids)
            and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in kids))


def since_then(tok) -> bool:
    """Whether a trigger dates a state of affairs the sentence describes ("has struggled since Russia's invasion of
    Ukraine", "have been divided since 1974, when Turkey invaded"): a starting point, no act told as news, even
    when the sentence tells nothing else."""
    return _up_to_statement(tok, lambda t: (t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "since")
                            or (t.dep_ == "advcl" and _marked(t, frozenset({"since"}))))


def _marked(clause, marks) -> bool:
    """Whether a clause is introduced by one of the subordinating words ("if", "since")."""
    return any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


def _up_to_statement(tok, hit) -> bool:
    """Whether `hit` holds for the trigger or a head above it, below the sentence's root or a reported clause."""
    t = tok
    for _ in range(12):
        if t.head.i == t.i:
            return False
        if hit(t):  # before the reported-clause stop: "provided that X ..." parses as a ccomp of "provided"
            return True
        if t.dep_ == "ccomp":
            return False
        t = t.head
    return False


def is_background(tok) -> bool:
    """Whether a trigger only sets the scene of the sentence's news: it sits in a temporal or causal clause
    or phrase ("as the opposition threatened ...", "following a government offensive"), a relative clause
    ("whom they had taken hostage") or a participle or infinitive describing a noun ("rebels fighting the
    government", "the right of troops to fire on Y").

    Gold event data code the sentence's reported event; these triggers are dropped when one is left."""
    t = tok
    for _ in range(12):
        if t.head.i == t.i:
            return False
        h = t.head
        if t.dep_ == "advcl" and any(m.dep_ in ("mark", "prep") and m.lower_ in BACKGROUND_MARKS | CONDITION_MARKS
                                     for m in t.children):
            return True  # CONDITION_MARKS: "... if the junta refuses": a hypothetical, not a reported act
        if t.dep_ == "advcl" and t.tag_ == "VB" and any(m.dep_ == "aux" and m.lower_ == "to" for m in t.children):
            return True  # a purpose ("went on strike to protest against X"): why the act was done, not another act
        if t.dep_ in ("pobj", "pcomp") and (h.lower_ in BACKGROUND_PREPS or (
                h.lower_ in ("of", "to", "for") and h.head.lower_ in BACKGROUND_NOUNS)):
            return True
        if t.dep_ in ("pobj", "pcomp") and h.lower_ in REASON_PREPS and h.head.i != h.i \
                and (token_lemma(h.head) in REASON_HEADS or any(
                    o.dep_ == "dobj" and token_lemma(o) in REASON_HEADS for o in h.head.children)):
            return True  # "sanctioned X over its support for Y", "imposed sanctions on X over ...": the reason
        if t.dep_ == "acl" and h.dep_ == "ROOT" and h.pos_ in ("NOUN", "PROPN") and t.tag_ in ("VBD", "VBN"):
            return False  # "A Syrian paper called on ...": a verbless parse hung the main verb on its subject
        if (t.dep_ == "relcl" and h.dep_ == "dobj" and h.head.lemma_.lower() in LAUNCH_LEMMAS
                and any(k.dep_ == "nsubj" and k.lower_ in ("which", "that") for k in t.children)):
            t = h  # "fired missiles that hit X": what was fired did, the news itself
            continue
        if t.dep_ in ("relcl", "acl"):  # "rebels fighting X", "the right of troops to fire on Y"
            return True
        if t.dep_ == "ccomp":
            return False  # what is said or demanded is the news, whatever frames it further up
        t = h
    return False
