"""Candidate events of a sentence for the rules coder: trigger lookup and the actors filling each role.

`candidates(sent, idx)` finds every lexicon trigger (verbs, event nouns, multiword and prepositional
forms) and reads its actor and recipient off the dependency parse; `realpolitik.coding.rules`
then resolves embeddings, future and refusal readings, confidence and the events themselves.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from realpolitik import wordsets
from realpolitik.coding import figurative
from realpolitik.coding.givers import (
    CREDIT_LEMMAS,
    from_actor,
    goods_origin,
    helped_subject,
    origin_of_goods,
    passive_theme_giver,
    place_actors,
)
from realpolitik.coding.lexicon import Trigger, entries, head_lemmas
from realpolitik.coding.retype import (
    ARRIVAL_LEMMAS,
    WEAPON_LEMMAS,
    handed_over_type,
    is_peacekeeping,
    trade_type,
    verb_type,
)
from realpolitik.coding.roles import (
    ActorIndex,
    agents,
    child,
    has_country,
    noun_agents,
    patients_passive,
    prep_objects,
    resolve_pronoun,
    subject_np,
    token_lemma,
)
from realpolitik.coding.statements import (
    NO_COMMENT_LEMMAS,
    considered,
    denied_accusations,
    deontic,
    opined,
    shared_view,
    standing,
    statement_frames,
)
from realpolitik.coding.styles import approval_verbs, between_parties, drawn_reaction
from realpolitik.model import ActorMention
from realpolitik.nlp import doc_text

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "candidates")

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions of a protest noun whose verb's actors are the protesters ("threw stones during protests").
SCENE_PREPS = _words("SCENE_PREPS")
# Prepositions that introduce the recipient of an event, by frame.
TARGET_PREPS = _words("TARGET_PREPS")
PLACE_PREPS = _words("PLACE_PREPS")
SOURCE_PREPS = _words("SOURCE_PREPS")
# Verbs whose object is also the actor of the clause they govern ("helping Iran build").
CONTROL_LEMMAS = _words("CONTROL_LEMMAS")
SAY_LEMMAS = _words("SAY_LEMMAS")
OBLIGATION_AUX = _words("OBLIGATION_AUX")
ORDER_LEMMAS = _words("ORDER_LEMMAS")
FORCE_SECTORS = _words("FORCE_SECTORS")
# Nouns after "state of" that make the phrase an event ("declared a state of emergency": COERCE).
STATE_OF_NOUNS = ("emergency", "siege")
# Nouns a "struck" participle modifies when a deal is struck ("a deal struck with X"), not an attack.
DEAL_NOUNS = _words("DEAL_NOUNS")
# Nouns whose "for" phrase is an event someone claims or denies ("claimed responsibility for the attack").
CLAIMED_NOUNS = _words("CLAIMED_NOUNS")
OBLIGATION = Trigger("say_must", "V", "REQUEST", None, "100", "say", "W", ())
# Predicative adjectives that say what their verb says ("X is opposed to Y" = X opposes Y).
ADJ_TRIGGERS = {k[0]: v[0] for k, v in wordsets.rows("realpolitik.coding", "candidates", "ADJ_TRIGGERS")}
# Nouns of leaving whose "of" phrase names who leaves ("the withdrawal of troops"), unlike "the release of X".
DEPARTURE_NOUNS = _words("DEPARTURE_NOUNS")
# Modes of acts with no recipient: no other actor of the clause is taken as one ("resigned after talks with X").
INTRANSITIVE_MODES = _words("INTRANSITIVE_MODES")
# Prepositions naming what a complaint or protest is about, preferred over its audience ("to the UN").
COMPLAINT_PREPS = _words("COMPLAINT_PREPS")
# Nouns that name an undertaking whose kind a modifier gives ("mediation effort", "rescue mission").
GENERIC_EVENT_HEADS = _words("GENERIC_EVENT_HEADS")
# Modifiers that make an event noun a document or a medium ("press release", "news conference", "media conference").
NON_EVENT_MODIFIERS = _words("NON_EVENT_MODIFIERS")
# Partners of a joint action ("talks with X", "a pact between X and Y"); other preps name its topic.
SYM_PREPS = _words("SYM_PREPS")
# Verbs that hand their subject to an event noun they take as object although they carry an event of their
# own elsewhere ("gave a warm welcome", "extended its support"): the noun's event wins over the verb's.
LENDING_VERBS = _words("LENDING_VERBS")
# Quantities and durations that stand in for the event they count ("ten days of exercises", "a round of talks").
MEASURE_HEADS = _words("MEASURE_HEADS")
# Verbs of travel whose "for" phrase names a meeting the travellers hold ("delegates arrived for talks").
TRAVEL_LEMMAS = _words("TRAVEL_LEMMAS")
JOURNEY_PREPS = _words("JOURNEY_PREPS")
DESCRIBING_PARTICIPLES = _words("DESCRIBING_PARTICIPLES")
DESTINED_LEMMAS = _words("DESTINED_LEMMAS")
# Verbs of taking part whose "in" phrase names a joint event their subject holds ("joined in the exercises").
PARTAKE_LEMMAS = _words("PARTAKE_LEMMAS")
# Things received that make "receive" no hosting of a visit (its CONSULT sense is "received the envoy").
RECEIVED_THINGS = _words("RECEIVED_THINGS")
# Nouns of a standing state between parties, events only as what a verb acts on ("established ties").
STATE_NOUNS = _words("STATE_NOUNS")
# Verbs that make, better or break such a state: with them the noun holds the parties of the event.
TIE_VERBS = _words("TIE_VERBS")
# Event nouns naming what a verb's subject makes of its object "as" ("used civilians as human shields").
AS_ROLE_NOUNS = _words("AS_ROLE_NOUNS")
# Participles that tie a noun to its patron ("government-backed troops"); as modifiers they are no event.
MODIFIER_LEMMAS = _words("MODIFIER_LEMMAS")
# Verbs that fire what they send off, what they fire, and what it is fired at (see _launched).
LAUNCH_VERBS = _words("LAUNCH_VERBS")
PROJECTILES = _words("PROJECTILES")
ATTACK_PREPS = _words("ATTACK_PREPS")
# Verbs of hosting: their object is the visitor, the source of the visit (PLOVER CONSULT visit).
HOST_LEMMAS = _words("HOST_LEMMAS")
# Verbs whose subject undergoes, watches or stops the event their object names ("faced sanctions", "feared an
# attack", "reported the strike"): no doer of it.
UNDERGO_VERBS = _words("UNDERGO_VERBS")
ATTRIBUTE_VERBS = _words("ATTRIBUTE_VERBS")


@dataclass
class Candidate:
    """A candidate event before de-duplication."""

    trig: Trigger
    tok: Token
    type: str
    sources: list[ActorMention]
    targets: list[ActorMention]
    how: str
    obj_lemmas: set[str] = field(default_factory=set)
    absorbed: bool = False
    contexts: tuple[str, ...] = ()
    mutual: bool = False  # a fight both ways ("exchanged fire"): every pair is coded in both directions
    past: str | None = None  # why the act lies before the article ("year 2019", "pluperfect"), see readings.py


# Words that make "strike" a stoppage of work (PLOVER PROTEST, CAMEO 143) rather than an attack.
WORK_STRIKE_MODS = _words("WORK_STRIKE_MODS")
WORK_STRIKE_VERBS = _words("WORK_STRIKE_VERBS")


def _work_stoppage(tok, mods) -> bool:
    """Whether the noun "strike" is a stoppage of work: a labour modifier ("general strike", "a one-day strike",
    "the UK-wide strike") or a verb that joins or stages it; air, missile and drone strikes never are."""
    words = [token_lemma(c) for c in mods] + [c.lower_ for c in mods]
    if any(w in ("air", "missile", "drone", "rocket", "artillery", "military", "nuclear") for w in words):
        return False
    if any(w in WORK_STRIKE_MODS or w.endswith(("-day", "-hour", "-wide")) for w in words):
        return True
    return tok.dep_ == "dobj" and token_lemma(tok.head) in WORK_STRIKE_VERBS


def mistagged_noun(tok) -> bool:
    """Whether a word the tagger took for a verb stands where only a noun can ("will hold joint air force
    drills": "drills" tagged VERB but the object of "hold", with no subject, auxiliary or object of its own)."""
    return (tok.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj", "nsubjpass") and tok.tag_ in ("NNS", "VBZ", "NN")
            and not any(c.dep_ in ("nsubj", "aux", "auxpass", "dobj", "neg") for c in tok.children))


def _lookup(tok) -> Trigger | None:
    """The lexicon entry a token triggers, trying particle/preposition multiword forms first."""
    table = entries()
    lem = token_lemma(tok)
    nominal = mistagged_noun(tok)
    if tok.pos_ in ("VERB", "AUX") and not nominal:
        for c in tok.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
                c = next(m for m in c.children if m.dep_ == "mark")  # "pushed for X to act": push_for
            elif c.dep_ not in ("prt", "prep", "dobj", "nsubjpass"):  # "the ceasefire was violated": its object
                continue
            if c.dep_ == "prep" and any(p.ent_type_ in ("DATE", "TIME") for p in c.children):
                continue  # "called the minister on Monday" is a phone call, not "called on" (a request)
            # the head first: "open_border" before any compound's entry; a preposition by its form alone
            # ("according to" is no "accord")
            words = [c.lower_] if c.dep_ == "prep" else [c.lower_, token_lemma(c)]
            if c.dep_ == "prep":  # "took to the streets" -> take_to_street: an idiom of verb, preposition and object
                words = [f"{c.lower_}_{token_lemma(p)}" for p in c.children if p.dep_ == "pobj"] + words
            if c.dep_ in ("dobj", "nsubjpass"):  # "violated the ceasefire agreement" -> violate_ceasefire
                words += [token_lemma(m) for m in c.children if m.dep_ == "compound"]
            for word in words:  # "opened its borders" -> open_border
                for pos in ("V", "L"):  # "carried out" (a light verb), "called for" (a verb)
                    if (f"{lem}_{word}", pos) in table:
                        return table[(f"{lem}_{word}", pos)]
        for c in tok.children:  # "called for the country to stay": "for" parsed as the clause's marker
            if c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
                if (f"{lem}_for", "V") in table:
                    return table[(f"{lem}_for", "V")]
        if lem == "strike" and tok.dep_ == "acl" and token_lemma(tok.head) in DEAL_NOUNS:
            return table.get(("strike_deal", "V"))  # "a deal struck with X": an agreement, no attack
        if lem == "call" and any(c.dep_ == "oprd" for c in tok.children):
            return None  # "what it calls the new player", "called the plan a failure": naming, no phone call
        if lem == "receive" and any(c.dep_ == "dobj" and token_lemma(c) in RECEIVED_THINGS for c in tok.children):
            return None  # "received 400 complaints": no visit hosted (the noun codes its own event)
        if lem in ("let", "set") and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "free":
            return table.get(("free", "V"))  # "let free", "set free": a release by the verb's subject
        if lem in LAUNCH_VERBS and _launched(tok):
            return table.get(("fire", "V"))  # "launched a wave of drones at X": an attack, as "fired"
        if lem in approval_verbs() and _welcomes_act(tok):
            return table.get(("welcome_decision", "V"))  # "X's offer was welcomed by Y": approval, no visit hosted
        return table.get((lem, "V")) or table.get((lem, "L"))
    if tok.pos_ == "ADJ" and lem in ADJ_TRIGGERS and tok.dep_ in ("acomp", "ROOT", "conj"):
        return table.get((ADJ_TRIGGERS[lem], "V"))  # "is opposed to", "is committed to"
    if tok.pos_ in ("NOUN", "PROPN") or nominal:
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "LAW"):
            return None  # part of a name ("Amnesty International", "the Peace Treaty Hotel")
        if tok.ent_type_ in ("DATE", "TIME"):
            return None  # "in March" is a month, no march
        if lem in STATE_NOUNS and not (tok.dep_ in ("dobj", "nsubjpass") and token_lemma(tok.head) in TIE_VERBS):
            return None  # "discussed relations between X and Y" is a topic; "X and Y restored relations" the event
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        if any(token_lemma(c) in NON_EVENT_MODIFIERS for c in mods):
            return None  # "a press release", "a news conference about ..."
        for form in hyphened(tok):  # "cease-fire", "cyber-attacks": a word the parser split at its hyphen
            if (form, "N") in table:
                return table[(form, "N")]
        for c in mods:  # "war games", "machine-gun fire": a two-word event noun
            for word in [token_lemma(c)] + hyphened(c)[:1]:
                if (f"{word}_{lem}", "N") in table:
                    return table[(f"{word}_{lem}", "N")]
        if lem == "strike" and _work_stoppage(tok, mods):
            return _prep_nouns()[("on", "strike")]  # "joined the nationwide strike": labour's protest, no attack
        if tok.dep_ == "pobj" and (tok.head.lower_, lem) in _prep_nouns():  # "on alert", "on strike"
            return _prep_nouns()[(tok.head.lower_, lem)]
        if lem in STATE_OF_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and token_lemma(tok.head.head) == "state":
            return _emergency()  # "declared a state of emergency": CAMEO 1724, PLOVER COERCE
        if lem in GENERIC_EVENT_HEADS:  # "a mediation effort", "a relief operation": the modifier is the event
            for c in mods:
                t = table.get((token_lemma(c), "N"))
                if t is not None:
                    return t
        if tok.dep_ == "compound" and token_lemma(tok.head) in GENERIC_EVENT_HEADS:
            return None  # coded at the head noun
        return table.get((lem, "N")) or table.get((tok.lower_, "N"))
    return None


def hyphened(tok) -> list[str]:
    """The forms of a hyphenated word that the parser split into parts and that ends at `tok` ("cease-fire"
    -> cease, -, fire): the parts joined by hyphens, then closed up ("ceasefire"), the last part by its
    lemma ("cease-fires" -> "cease-fire"); empty when no hyphen joins `tok` to the word before it."""
    doc, i = tok.doc, tok.i
    parts = [token_lemma(tok)]
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha:
        parts.insert(0, doc[i - 2].lower_)
        i -= 2
    return ["-".join(parts), "".join(parts)] if len(parts) > 1 else []


def _welcomes_act(verb) -> bool:
    """Whether a verb's object (active or passive) is an act of some party, an event noun that is no visit."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN":
            t = _lookup(c)
            return t is not None and t.pos == "N" and t.type != "CONSULT"
    return False


# Event nouns that only name an event after a given preposition ("troops on alert", "workers on strike",
# "placed under arrest", "put on trial"); the verb they hang from lends its subject.
PREP_NOUN_ENTRIES = {(k[0], k[1]): (k[2], k[3], k[4], k[5], ctx)
                     for k, ctx in wordsets.rows("realpolitik.coding", "candidates", "PREP_NOUN_ENTRIES")}


@lru_cache(maxsize=1)
def _emergency() -> Trigger:
    return Trigger("emergency", "N", "COERCE", "martial-law", "1724", "so", "", ())


@lru_cache(maxsize=1)
def _prep_nouns() -> dict[tuple[str, str], Trigger]:
    return {k: Trigger(lem, "N", t, m, cam, "so", "", ctx) for k, (lem, t, m, cam, ctx) in PREP_NOUN_ENTRIES.items()}


# Prepositions that attribute or set the scene rather than say what is handed over
# ("supplied drones, according to US intelligence": no intelligence sharing).
# ... and the route or means ("sold through shell companies", "via Turkey") is not what is handed over
_SCENE_PREPS = _words("_SCENE_PREPS")


def _launched(verb) -> bool:
    """Whether a launch verb fires projectiles at something: its object (or the object a measure counts,
    "a wave of drones") is a projectile, and an attack preposition hangs off the verb or that object."""
    obj = child(verb, "dobj")
    if obj is None:
        return False
    fired = obj
    if token_lemma(obj) in MEASURE_HEADS:  # "a wave of drones", "a salvo of rockets"
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        fired = child(of, "pobj") if of is not None else None
    if fired is None or token_lemma(fired) not in PROJECTILES:
        return False
    # "launched a missile on Sunday": a time is no target
    return any(c.dep_ == "prep" and c.lower_ in ATTACK_PREPS
               and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)
               for h in {verb, obj, fired} for c in h.children)


def _obj_lemmas(tok) -> set[str]:
    """Lemmas of the trigger's objects and their modifiers (what is supplied, bought, shared)."""
    out: set[str] = {tok.lemma_.lower()}
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _SCENE_PREPS:
            continue
        if c.dep_ in ("dobj", "pobj", "prep", "dative", "compound", "amod", "attr", "xcomp", "ccomp", "acl", "oprd"):
            out |= {t.lemma_.lower() for t in c.subtree}
        elif c.dep_ == "nsubjpass" and tok.pos_ == "VERB":  # "oil was sold": the passive subject is what is sold
            out |= {t.lemma_.lower() for t in c.subtree}
    return out


# Object pronouns resolved to an actor ("accusing them of spying", "X said Y had invited him").
OBJECT_PRONOUNS = _words("OBJECT_PRONOUNS")


def _targets(tok, trig: Trigger, idx: ActorIndex, sources: list[ActorMention]) -> tuple[list[ActorMention], str]:
    """Actors on the receiving end of a verb trigger."""
    src = {(m.start, m.end) for m in sources}

    fallback: list[ActorMention] = []

    def keep(ms, given: bool = False):
        ms = [m for m in ms if (m.start, m.end) not in src]
        if ms and not any(has_country(m) for m in ms):
            if not given:  # "sent troops": what an AID verb hands over is not its recipient
                fallback.extend(ms)  # "deploy peacekeepers in Iraq": a bare sector object is a last resort
            return []
        return ms

    if child(tok, "nsubjpass") is not None:
        got = keep(patients_passive(tok, idx))
        if got:
            return got, "passive"
    for dep in ("dative", "iobj", "dobj"):
        c = child(tok, dep)
        if c is not None and c.tag_ != "IN":
            np = resolve_pronoun(c, idx) if c.lower_ in OBJECT_PRONOUNS else idx.np_conj(c)
            got = keep(np, given=(dep == "dobj" and trig.type in ("AID", "MOBILIZE")))
            if got:
                return got, "direct"
    holders = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")]
    if trig.type in ("ACCUSE", "PROTEST"):  # "complained to the UN about X": X is the one accused
        for h in holders:
            for _prep, p in prep_objects(h, COMPLAINT_PREPS):
                got = keep(idx.np_conj(p))
                if got:
                    return got, "prep"
    preps = SYM_PREPS if trig.frame == "sym" else TARGET_PREPS  # "agreed on X": the topic is not a partner
    preps = preps | ({"from"} if "f" in trig.flags else set()) | ({"in"} if "i" in trig.flags else set())
    if trig.lemma in ARRIVAL_LEMMAS:
        preps = preps & JOURNEY_PREPS  # "travelled to Oslo", not "travelling on a Swedish ship"
    for h in holders:
        for _prep, p in prep_objects(h, preps):
            got = keep(idx.np_conj(p))
            if not got and trig.type in ("AID", "MOBILIZE", "ASSAULT"):
                # "sent aid to people in Yemen", "mobilised for a war against Iraq": the inner phrase names them
                for _, q in prep_objects(p, PLACE_PREPS | {"against"}):
                    got = keep(idx.np_conj(q))
                    if got:
                        break
            if got:
                return got, "prep"
    if trig.frame == "sym":
        # "shared intelligence on troop movements with Ukraine": the parser often hangs the partner's "with"
        # on the topic; it is still the partner of the joint act
        for t in tok.subtree:
            if (t.dep_ == "prep" and t.lower_ == "with" and t.head.i != tok.i
                    and t.head.dep_ not in ("nsubj", "nsubjpass")):
                for q in t.children:
                    got = keep(idx.np_conj(q)) if q.dep_ == "pobj" else []
                    if got:
                        return got, "prep"
    if trig.frame == "say" or trig.lemma in CONTROL_LEMMAS:
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "advcl" and _for_clause(c)):
                s = child(c, "nsubj", "nsubjpass")
                if s is not None:
                    # a threat is of one's own act: the speaker's side as the clause subject ("X warned X would
                    # cut gas to Y") is no recipient, the wrapper takes the act's own (Y). A call for one's own
                    # country to act stays a domestic statement (pentaclass_dev labels it so).
                    own = {m.code[:3] for m in sources} if trig.type == "THREATEN" else set()
                    got = [m for m in keep(subject_np(s, idx)) if m.code[:3] not in own]
                    if got:
                        return got, "clause"
    if trig.type in ("ASSAULT", "MOBILIZE", "PROTEST", "COERCE"):
        for h in holders:
            for _prep, p in prep_objects(h, PLACE_PREPS):
                got = keep(idx.np_conj(p))
                if not got:  # "near the border with Georgia"
                    for _prep2, q in prep_objects(p, frozenset({"with", "of"})):
                        got = keep(idx.np_conj(q))
                own = {m.country for m in sources if m.country}
                if got and trig.type in ("COERCE", "ASSAULT") and all(m.country in own for m in got):
                    # "the Peruvian government imposed a curfew in Lima": the city's people bear it, not the
                    # government its name stands for elsewhere
                    got = [replace(m, code=m.country + "CVL", sector="CVL", kind="sector") for m in got]
                if got:
                    return got, "place"
    if fallback:
        return fallback[:1], "sector"
    return [], "none"


def _host_of(noun, idx: ActorIndex, visitors) -> list[ActorMention]:
    """The actor of the clause a visitor's noun is the object of ("X told / received / thanked a visiting Y")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ not in ("dobj", "dative", "pobj") or verb is noun or verb.pos_ not in ("VERB", "AUX"):
        return []
    own = {m.code[:3] for m in visitors}
    return [m for m in agents(verb, idx)[0] if has_country(m) and m.code[:3] not in own]


def _for_clause(tok) -> bool:
    """Whether a clause is a for-to complement ("pressed for X to act", "pushing for the US to back it")."""
    return any(m.dep_ == "mark" and m.lower_ == "for" for m in tok.children)


def _noun_targets(tok, idx: ActorIndex, preps: frozenset[str], nested: bool = False) -> list[ActorMention]:
    out: list[ActorMention] = []
    for prep, p in prep_objects(tok, preps):
        got = idx.np_conj(p)
        if not got and nested and prep in COMPLAINT_PREPS:
            # "protests against abuses by the army": the doer of what is protested is the one protested
            got = [m for _, q in prep_objects(p, frozenset({"by", "of"})) for m in idx.np_conj(q)]
        out += got
    return out


def _clause_subject(tok, idx: ActorIndex) -> list[ActorMention]:
    """Actors of the subject of a clause governed by `tok` ("demand that Israel ease ...")."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "acl", "xcomp"):
            s = child(c, "nsubj", "nsubjpass")
            if s is not None:
                got = subject_np(s, idx)
                if got:
                    return got
    return []


def _claimed(tok) -> bool:
    """Whether an event noun is what someone claims or denies responsibility for."""
    h = tok.head
    return tok.dep_ == "pobj" and h.lower_ == "for" and h.head.lemma_.lower() in CLAIMED_NOUNS


def _attributed_to(verb, idx: ActorIndex) -> list[ActorMention]:
    """The actors an attribution verb names as the doer ("attributed X to Russian hackers", "linked X to Iran")."""
    return [m for _, q in prep_objects(verb, frozenset({"to"})) for m in idx.np_conj(q) if has_country(m)]


def _lends_subject(verb, noun_trig: Trigger) -> bool:
    """Whether a verb hands its subject to an event noun it governs ("held talks", "gave a welcome")."""
    vt = _lookup(verb)
    if vt is None:
        return False
    if vt.pos == "L":
        return True
    # "offered talks" stays an offer (AGREE) unless the noun is itself a verbal act of support or a visit
    return token_lemma(verb) in LENDING_VERBS \
        and noun_trig.type in ("CONSULT", "SUPPORT", "ACCUSE", "REQUEST", "THREATEN") \
        and (token_lemma(verb) != "offer" or noun_trig.type == "SUPPORT")


def _carries_out(verb) -> bool:
    """Whether a verb with an event noun as object says its subject does that event: no trigger of its own (its
    own event would carry the noun), not one whose subject undergoes, watches or stops it (UNDERGO_VERBS)."""
    return verb.pos_ == "VERB" and _lookup(verb) is None and token_lemma(verb) not in UNDERGO_VERBS \
        and token_lemma(verb) not in SAY_LEMMAS \
        and not any(c.dep_ == "oprd" for c in verb.children)  # "called the attack an act of war": a name given


def _noun_object_event(tok) -> bool:
    """Whether a lending verb's object is an event noun, so the verb itself yields ("gave a warm welcome")."""
    if token_lemma(tok) not in LENDING_VERBS:
        return False
    o = child(tok, "dobj")
    if o is None:
        return False
    nt = _lookup(o)
    return nt is not None and nt.pos == "N" and _lends_subject(tok, nt)


def _own_forces(o, idx: ActorIndex, srcs: list[ActorMention]) -> bool:
    """Whether an ordered object is the orderer's own forces or police: named as its state's ("the army" read
    as Serbia's) or bare ("troops")."""
    own = {m.code[:3] for m in srcs if has_country(m)}
    ms = idx.np_conj(o)
    return bool(own) and bool(ms) and all(m.sector in FORCE_SECTORS and (not m.country or m.country in own)
                                           for m in ms)


def _obligation(tok, idx: ActorIndex) -> Candidate | None:
    """ "X said Y must / should do Z" is X's REQUEST of Y (a demand put as a statement)."""
    if token_lemma(tok) in ORDER_LEMMAS:
        # "Niger ordered French troops to leave": an order is a demand (PLOVER REQUEST), its content is not news
        o, x = child(tok, "dobj"), child(tok, "xcomp")
        tgts = idx.np_conj(o) if o is not None and x is not None else []
        srcs, how = agents(tok, idx)
        if srcs and o is not None and _own_forces(o, idx, srcs):
            # "ordered the army to raise its readiness", "ordered troops to the border": a state puts its own
            # forces in motion (PLOVER MOBILIZE), no demand of anyone; an act the order names is the forces' own
            if x is not None and _lookup(x) is not None:
                return None
            return Candidate(entries()[("mobilize", "V")], tok, "MOBILIZE", srcs, [], how, _obj_lemmas(tok))
        if srcs and tgts:
            return Candidate(OBLIGATION, tok, "REQUEST", srcs, [m for m in tgts if m not in srcs], how,
                             _obj_lemmas(tok))
        return None
    if token_lemma(tok) not in SAY_LEMMAS:
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in c.children):
            s = child(c, "nsubj", "nsubjpass")
            tgts = subject_np(s, idx) if s is not None else []
            srcs, how = agents(tok, idx)
            if srcs and tgts:
                return Candidate(OBLIGATION, c, "REQUEST", srcs, [m for m in tgts if m not in srcs], how + "+clause",
                             _obj_lemmas(c))
    return None


def sentence_candidates(sent, idx: ActorIndex) -> list[Candidate]:
    """Every trigger of a sentence with the actors in its roles."""
    out: list[Candidate] = []
    denied = denied_accusations(sent) | statement_frames(sent)
    for tok in sent:
        if tok.i in denied or considered(tok):
            continue
        ob = _obligation(tok, idx)
        if ob is not None:
            out.append(ob)
            continue
        trig = _lookup(tok)
        if trig is None:
            continue
        if opined(tok):
            continue  # "X argued the government is giving in to Y": an opinion about an act
        if trig.pos == "V" and figurative.quantity_agent(tok):
            continue  # "helped by a rise in exports", "falling prices hit X": economic copy, no party acts
        if trig.pos == "V" and (standing(tok) or shared_view(tok)):
            continue  # "lawmakers who blame X" (a standing attitude), "a view shared by Y" (an opinion)
        if trig.type == "CONSULT" and figurative.no_meeting(tok):
            continue  # "the plan met with criticism", "to meet firms' concerns": no meeting
        if deontic(tok.head if trig.pos == "N" and tok.dep_ == "dobj" else tok) and trig.pos in ("V", "N"):
            continue  # "the government must press X": someone's view of what X ought to do, no act
        if trig.pos == "N" and _claimed(tok):
            continue  # "claimed responsibility for the attack": CAMEO 015, a statement about a past event
        if trig.type == "REJECT" and any(c.dep_ == "xcomp" and token_lemma(c) in NO_COMMENT_LEMMAS
                                         for c in tok.children):
            continue  # "declined to comment": a plain statement (CAMEO 011), not a rejection of anyone
        obj = _obj_lemmas(tok)
        if trig.pos == "L":
            continue  # light verbs lend their subject to the noun they govern (below)
        if trig.pos == "N":
            drawn = drawn_reaction(tok, trig, idx)
            if drawn:  # "X's arrest of Y drew criticism from Z": Z reacts to X
                out.append(Candidate(trig, tok, trig.type, drawn[0], drawn[1], "drawn", obj))
                continue
            srcs = noun_agents(tok, idx)
            how = "noun"
            # a noun coordinated with an object ("launched air and missile strikes") takes that object's place
            anchor = tok
            while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
                anchor = anchor.head
            # "launched five days of war games", "held a round of talks": the measure takes the event's place
            if (anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.i != anchor.head.i
                    and token_lemma(anchor.head.head) in MEASURE_HEADS
                    and anchor.head.head.dep_ in ("dobj", "nsubjpass", "attr")):
                anchor = anchor.head.head
            # "paid $60 million in aid", "pledged 2 billion euros of assistance": the sum stands for the aid
            elif (anchor.dep_ == "pobj" and anchor.head.lower_ in ("in", "of") and anchor.head.head.i != anchor.head.i
                  and anchor.head.head.ent_type_ in ("MONEY", "QUANTITY")
                  and anchor.head.head.dep_ in ("dobj", "nsubjpass")):
                anchor = anchor.head.head
            head = anchor.head
            dep = anchor.dep_
            if not srcs and dep in ("dobj", "nsubjpass", "attr", "pobj", "appos") and head.i != anchor.i:
                verb = head
                if dep == "pobj" and head.dep_ == "prep":
                    verb = head.head
                if verb.pos_ in ("VERB", "AUX"):
                    # only a light verb lends its subject ("held talks"); "talks on threats" does not
                    state = dep == "pobj" and (head.lower_, token_lemma(anchor)) in _prep_nouns()
                    # "held civilians as human shields": what the subject makes of its object
                    state = state or (dep == "pobj" and head.lower_ == "as" and trig.lemma in AS_ROLE_NOUNS)
                    particle = dep == "pobj" and head.lower_ in ("out", "up")  # "carried out a raid" parsed as a prep
                    # "negotiators flew to Oslo for talks": those who travel for a meeting hold it
                    trip = (dep == "pobj" and head.lower_ == "for" and token_lemma(verb) in TRAVEL_LEMMAS
                            and trig.frame == "sym")
                    # "took part in the drills": those who take part hold the joint event
                    trip = trip or (dep == "pobj" and head.lower_ == "in" and token_lemma(verb) in PARTAKE_LEMMAS
                                    and trig.frame == "sym")
                    # "paid $60 million in aid": the sum is the object, the aid noun hangs off the verb
                    money = dep == "pobj" and head.lower_ in ("in", "of") and any(
                        c.dep_ == "dobj" and c.ent_type_ in ("MONEY", "QUANTITY") for c in verb.children)
                    if dep in ("dobj", "nsubjpass") and token_lemma(verb) in ATTRIBUTE_VERBS:
                        # "Germany attributed the attack to Russia": the one it is attributed to did it
                        srcs, how = _attributed_to(verb, idx), "noun"
                    elif ((dep in ("dobj", "nsubjpass", "attr") or particle or money) and _lends_subject(verb, trig)
                            or state or trip):
                        srcs, how = agents(verb, idx)  # "was placed under arrest by X": X, via the agent
                        how = "light"
                    elif (dep == "dobj" or dep == "pobj" and head.lower_ == "with"
                          and child(verb, "nsubjpass") is None) and _carries_out(verb):
                        # "slapped sanctions on X", "retaliated with tariffs": a verb that is no trigger of its own does
                        # what its event-noun object names, unless its subject only undergoes or sees it
                        srcs, how = agents(verb, idx)
                        how = "carried"
            if not srcs:  # "an attack that Berlin attributed to Russian intelligence"
                for r in tok.children:
                    if (r.dep_ == "relcl" and token_lemma(r) in ATTRIBUTE_VERBS
                            and any(k.dep_ == "dobj" and k.lower_ in ("which", "that") for k in r.children)):
                        srcs, how = _attributed_to(r, idx), "noun"
                        break
            if trig.frame == "sym":
                preps = SYM_PREPS  # "talks on X": the topic is not the partner
            else:
                preps = TARGET_PREPS | {"between", "among"} | (
                    {"of"} if trig.type in ("ASSAULT", "COERCE", "RETREAT") else set())
                if trig.type == "RETREAT":
                    preps = preps | {"from"}  # "the withdrawal of troops from X"
            if trig.frame == "buy":
                preps = preps | {"from", "of"}  # "purchases of Russian oil": the origin is the seller
            tgts = _noun_targets(tok, idx, frozenset(preps), nested=trig.type in ("PROTEST", "ACCUSE"))
            if not srcs and trig.type == "RETREAT" and token_lemma(tok) in DEPARTURE_NOUNS:
                # "the withdrawal of Russian troops from Moldova": who leaves is the actor, not the recipient
                leavers = _noun_targets(tok, idx, frozenset({"of"}))
                if leavers:
                    srcs, how = leavers, "noun"
                    tgts = [m for m in tgts if m not in leavers]
            if (not srcs and dep == "pobj" and head.lower_ == "for" and token_lemma(head.head) in CREDIT_LEMMAS
                    and trig.type in ("AID", "SUPPORT", "COOPERATE")):
                # "Kyiv thanked London for the delivery of missiles": the one thanked did it, for the thanker
                o = child(head.head, "dobj")
                srcs = idx.np_conj(o) if o is not None else []
                if srcs:
                    how = "credited"
                    if not tgts:
                        tgts = [m for m in agents(head.head, idx)[0] if m not in srcs]
            if not srcs and trig.type == "AID" and trig.frame == "so":
                # "the delivery of Iranian drones to Russia": the goods' country gives them
                goods = [q for _, q in prep_objects(tok, frozenset({"of"}))]
                srcs = [m for m in goods_origin(goods, idx) if m not in tgts]
                how = "noun" if srcs else how
            if (not srcs and trig.type == "PROTEST" and dep == "pobj" and head.lower_ in SCENE_PREPS
                    and head.head.pos_ == "VERB" and _lookup(head.head) is None):
                # "youths threw stones during protests against X": those acting at a protest are its protesters
                srcs, how = agents(head.head, idx)
            if (trig.type == "REQUEST" and not tgts and dep == "pobj" and head.lower_ == "at"
                    and head.head.pos_ == "VERB"):
                # "deployed troops at the request of X", "at X's request": X asked, the one who acted was asked
                srcs = srcs or [m for _, p in prep_objects(tok, frozenset({"of"})) for m in idx.np_conj(p)]
                own = {m.code[:3] for m in srcs}
                asked = agents(head.head, idx)[0] if srcs else []
                tgts = [m for m in asked if has_country(m) and m.code[:3] not in own]
            if trig.frame == "sym":
                between = _noun_targets(tok, idx, frozenset({"between", "among"}))
                if between and not srcs:
                    srcs = between
            if not tgts and dep in ("dobj", "nsubjpass") and head.pos_ == "VERB":  # "sanctions were imposed on X"
                # "imposed sanctions on Iran": the recipient hangs off the light verb (or the first conjunct);
                # "imposed a curfew in X": for force and restrictions the place names who bears them
                hp = preps | (PLACE_PREPS if trig.type in ("COERCE", "ASSAULT", "MOBILIZE") else frozenset())
                got = [m for h in {head, anchor} for p, q in prep_objects(h, hp) for m in idx.np_conj(q)]
                tgts = [m for m in got if m not in srcs]
                if not tgts:
                    d = child(head, "dative")
                    if d is not None:
                        tgts = idx.np_conj(d)
            if not tgts and trig.frame == "say":
                tgts = _clause_subject(tok, idx)
            srcs_set = {(m.start, m.end) for m in srcs}
            tgts = [m for m in tgts if (m.start, m.end) not in srcs_set]
            cand = Candidate(trig, tok, trade_type(trig, obj), srcs, tgts, how, obj)
            if trig.type == "MOBILIZE" and is_peacekeeping(tok, obj):
                cand.type = "AID"  # "the deployment of 200 troops on a peacekeeping mission": assistance
            if trig.frame == "buy" and not srcs:
                # "X's purchase of Y's jets" names the buyer as the noun's owner: the buyer's trade with the seller
                # (the team's gold, 3 of 3 on its tune part); a purchase named by no buyer stays the seller's aid
                _apply_buy(cand, obj, srcs, tgts)
            out.append(cand)
            continue
        # verbs
        if trig.lemma in DESTINED_LEMMAS and (not prep_objects(tok, JOURNEY_PREPS) or any(
                (t := _lookup(q)) is not None and t.frame == "sym" for _, q in prep_objects(tok, frozenset({"for"})))):
            # "deported for travelling without papers": a journey to nowhere named is no visit; "travel to Vienna
            # for talks": the travellers hold the talks (the noun's event), the venue is no host
            continue
        if tok.dep_ in ("amod", "compound") and token_lemma(tok) in MODIFIER_LEMMAS:
            continue  # "government-backed troops": a modifier, not an event
        if tok.dep_ == "amod" and tok.tag_ == "VBG" and token_lemma(tok) in DESCRIBING_PARTICIPLES:
            continue  # "an agreement with striking teachers": who they are, no attack (nor an act of this sentence)
        if _noun_object_event(tok):
            continue  # the noun it governs carries the event and borrows its subject
        if tok.dep_ == "amod" and trig.type == "CONSULT" and trig.mode == "visit" and tok.tag_ == "VBG":
            # "told a visiting US envoy": the one the participle describes visits the actor of the clause it is in
            visitors = [m for m in idx.np_conj(tok.head) if has_country(m)]
            hosts = _host_of(tok.head, idx, visitors)
            if visitors and hosts:
                out.append(Candidate(trig, tok, trig.type, visitors, hosts, "visiting", obj))
            continue
        helped = helped_subject(tok, idx)
        if helped:
            # "helped Tehran set up a surveillance system": the parser makes the helped party the subject
            # of the helped act; the helper aids it, and what is built or launched says the channel
            srcs, how = agents(tok, idx)
            out.append(Candidate(trig, tok, "AID", srcs, [m for m in helped if m not in srcs], how, obj))
            continue
        if token_lemma(tok) in ("help", "assist") and child(tok, "dobj") is None and any(
                c.dep_ in ("xcomp", "ccomp") and _lookup(c) is not None for c in tok.children):
            continue  # "to help support X's rights": no one is helped, the helped act is the event
        if trig.frame == "recv":
            givers = from_actor(tok, idx) or origin_of_goods(tok, idx)
            if not givers:
                if trig.type == "AID":
                    continue
                srcs, how = agents(tok, idx)  # "X received Y": a visit hosted by X
                tgts, _ = _targets(tok, trig, idx, srcs)
                out.append(Candidate(trig, tok, trig.type, srcs, tgts, how, obj))
                continue
            takers, how = agents(tok, idx)
            o = child(tok, "dobj")
            received = _lookup(o) if o is not None else None
            if received is not None and received.pos == "N" and received.type not in (None, "AID"):
                # "received a phone call / a visit / threats from X": the received act is X's, of its noun's type
                out.append(Candidate(received, tok, received.type, givers, takers, how + "+received", obj))
                continue
            recv_type = "AID" if trig.type == "CONSULT" else trig.type
            out.append(Candidate(trig, tok, recv_type, givers, takers, how, obj))
            continue
        srcs, how = agents(tok, idx)
        if trig.frame == "buy":
            sellers = from_actor(tok, idx)
            o = child(tok, "dobj")
            if not sellers and o is not None:
                sellers = [m for m in idx.np_conj(o) if m not in srcs]
            cand = Candidate(trig, tok, trig.type, srcs, sellers, how, obj)
            _apply_buy(cand, obj, srcs, sellers)
            out.append(cand)
            continue
        if not srcs and trig.type == "PROTEST":
            srcs, how = place_actors(tok, idx), "place"
        sp = child(tok, "nsubjpass")
        if token_lemma(tok) in ADJ_TRIGGERS.values() and sp is not None and child(tok, "agent") is None:
            # "X is opposed to Y", "X is committed to Y": a state of X, not something done to X
            srcs, how = subject_np(sp, idx), "direct"
            got = [m for _, p in prep_objects(tok, frozenset({"to"})) for t in p.subtree for m in idx.at_all(t)]
            tgts = [m for m in got if has_country(m) and m.code[:3] not in {x.code[:3] for x in srcs}][:1]
            out.append(Candidate(trig, tok, trig.type, srcs, tgts, how + ("+prep" if tgts else ""), obj))
            continue
        if (not srcs and trig.mode in ("expel", "deport") and child(tok, "nsubjpass") is not None
                and child(tok, "agent") is None):
            # "Russian diplomats were expelled from Norway": the state expelling from its soil is the actor
            srcs = [m for _, p in prep_objects(tok, frozenset({"from"})) for m in idx.np_conj(p) if has_country(m)]
            how = "expelled-from" if srcs else how
        tgts, thow = _targets(tok, trig, idx, srcs)
        allies = [m for _, p in prep_objects(tok, frozenset({"alongside"})) for m in idx.np_conj(p)
                  if has_country(m) and m not in srcs] if trig.type == "ASSAULT" else []
        if allies:
            # "troops fighting alongside Russian forces": fighting on X's side is military support of X
            # (PLOVER AID); only someone fought against besides X is attacked
            out.append(Candidate(trig, tok, "AID", srcs, allies, how + "+ally", obj))
            tgts = [m for m in tgts if m not in allies]
            if not tgts:
                continue
        if not srcs and trig.type in ("AID", "MOBILIZE") and trig.frame == "so":
            srcs, tgts, thow = passive_theme_giver(tok, idx, srcs, tgts, thow, trig.type == "MOBILIZE")
        # a passive verb has its object even when the parser hung the subject elsewhere ("..., have been freed")
        if "O" in trig.flags and not tgts and child(tok, "dobj", "nsubjpass", "xcomp", "ccomp", "auxpass") is None:
            continue
        how = how if thow == "none" else f"{how}+{thow}"
        if not srcs and trig.frame == "sym":  # "fighting between X and Y erupted": X and Y are the parties
            srcs, tgts, how = between_parties(tok, idx) or (srcs, tgts, how)
        type_ = verb_type(trig, tok, obj, tgts, idx)
        if type_ is None:
            continue
        cand = Candidate(trig, tok, type_, srcs, tgts, how, obj)
        if type_ == "CONSULT" and token_lemma(tok) in HOST_LEMMAS and srcs and thow == "direct":
            # "X hosted Y": PLOVER's visit goes from the one who travels to the one who hosts (modes.tsv), CAMEO's
            # 043 from the host: both are coded (the team's gold has the first, the support sentences the second)
            cand.mutual = True
        out.append(cand)
    if not out:  # (also when every candidate lacks a source: team holdout 0.506 -> 0.505)
        out = headline_candidates(sent, idx)
    return out


# A headline is short: this many tokens at most.
HEADLINE_TOKENS = 16


def _verb_forms(word: str) -> list[str]:
    """The base forms a present-tense headline verb may stand for ("halts" -> halt, "marches" -> march)."""
    out = [word]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return out


def headline_candidates(sent, idx: ActorIndex) -> list[Candidate]:
    """A headline the parser read as a noun phrase ("Pakistan shoots down drones", "Niger halts oil
    exports", "Kenya, Tanzania share intelligence"): the word right after the opening parties that is a
    verb trigger's present-tense form stands in the verb slot; the parties before it act on the first
    party named after it. Only a short line no trigger was found in, and either without a sentence's final stop
    or with no verb at all ("India and Pakistan trade fire." read as one noun phrase: a sentence has a verb)."""
    toks = [t for t in sent if not t.is_space]
    if not toks or len(toks) > HEADLINE_TOKENS:
        return []
    if toks[-1].text in (".", "?", "!", '"', "\u201d") and any(t.pos_ in ("VERB", "AUX") for t in toks):
        return []
    text = doc_text(sent.doc)
    cut = text.find("\n")
    if 0 < cut and sent.start_char < cut and text[cut:].strip():
        return []  # the title above a body: its event is the body's to code
    table = entries()
    joiners = _styles_joiners()
    srcs: list[ActorMention] = []
    for k, tok in enumerate(toks):
        ms = idx.at_all(tok)
        if ms:
            srcs += [m for m in ms if m not in srcs]
            continue
        if tok.text in joiners or tok.dep_ == "case":
            continue
        if not srcs or tok.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB") or tok.ent_type_:
            return []
        after = toks[k + 1] if k + 1 < len(toks) else None
        trig = None
        for form in _verb_forms(tok.lower_):
            if after is not None and (f"{form}_{after.lower_}", "V") in table:
                trig = table[(f"{form}_{after.lower_}", "V")]
            trig = trig or table.get((form, "V"))
            if trig is not None:
                break
        if trig is None:
            return []
        tgts: list[ActorMention] = []
        for t in toks[k + 1:]:
            got = [m for m in idx.at_all(t) if m not in srcs and m not in tgts]
            if tgts and not got:
                break
            tgts += got
        # what the headline hands over is named after its verb ("hands over 30 Turkish fugitives to X")
        moved = {token_lemma(t) for t in toks[k + 1:]}
        return [Candidate(trig, tok, handed_over_type(trig.type, moved, trig.lemma), srcs, tgts, "headline", set())]
    return []


def _styles_joiners() -> frozenset[str]:
    return wordsets.words("realpolitik.coding", "styles", "LIST_JOINERS")


def clause_actors(tok, idx: ActorIndex, srcs: list[ActorMention]) -> list[ActorMention]:
    """Other states or bodies named in the trigger's own phrase: the recipient when no role names one."""
    src_codes = {m.code[:3] for m in srcs}
    top = tok
    for _ in range(4):  # widen to the clause the trigger sits in, never into a reporting verb above it
        if top.dep_ in ("xcomp", "dobj", "pobj", "prep", "acl", "conj", "pcomp") and top.head.i != top.i:
            top = top.head
        else:
            break
    for root in (tok, top):
        found = []
        for t in root.subtree:
            if t.dep_ in ("ccomp",) and t.i != root.i:
                continue
            for m in idx.at_all(t):
                if has_country(m) and m.code[:3] not in src_codes and m not in found:
                    found.append(m)
        if found:
            return found[:1]
    return []


def _apply_buy(cand: Candidate, obj: set[str], buyers, sellers) -> None:
    """Weapons bought are the seller's AID to the buyer; other purchases are the buyer's trade."""
    if obj & WEAPON_LEMMAS:
        cand.type, cand.sources, cand.targets = "AID", list(sellers), list(buyers)


def gate_lemmas() -> frozenset[str]:
    """Lemmas of which a sentence needs one to be analysed at all (the fast candidate filter).

    The lexicon's trigger heads, reporting verbs ("X said Y must ...": a REQUEST without a lexicon
    trigger) and the nouns that are events only after a preposition ("on alert")."""
    return frozenset(head_lemmas() | SAY_LEMMAS | {n for _, n in PREP_NOUN_ENTRIES})


def say_only_lemmas() -> frozenset[str]:
    """The gate's reporting verbs that are no trigger: a sentence only they let through yields nothing but
    "X said Y must / should ..." (`_obligation`) or a state of emergency (STATE_OF_NOUNS), so the fast path's
    prefilter asks for one of OBLIGATION_AUX with them and counts STATE_OF_NOUNS as triggers."""
    return frozenset(SAY_LEMMAS - head_lemmas() - {n for _, n in PREP_NOUN_ENTRIES})
