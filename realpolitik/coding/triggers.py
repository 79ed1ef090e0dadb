"""Trigger lookup of the rules coder: the lexicon entry a token triggers, and the verbs that lend a noun theirs."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from realpolitik import wordsets
from realpolitik.coding.lexicon import Trigger, entries, head_lemmas
from realpolitik.coding.roles import child, token_lemma
from realpolitik.coding.styles import approval_verbs

_words = wordsets.reader("realpolitik.coding", "triggers")

SAY_LEMMAS = _words("SAY_LEMMAS")
# Nouns after "state of" that make the phrase an event ("declared a state of emergency": COERCE).
STATE_OF_NOUNS = ("emergency", "siege")
# Nouns a "struck" participle modifies when a deal is struck ("a deal struck with X"), not an attack.
DEAL_NOUNS = _words("DEAL_NOUNS")
# Predicative adjectives that say what their verb says ("X is opposed to Y" = X opposes Y).
ADJ_TRIGGERS = {k[0]: v[0] for k, v in wordsets.rows("realpolitik.coding", "triggers", "ADJ_TRIGGERS")}
# Nouns that name an undertaking whose kind a modifier gives ("mediation effort", "rescue mission").
GENERIC_EVENT_HEADS = _words("GENERIC_EVENT_HEADS")
# Modifiers that make an event noun a document or a medium ("press release", "news conference", "media conference").
NON_EVENT_MODIFIERS = _words("NON_EVENT_MODIFIERS")
# A lot of arms or security supplies ("a security package for X", "a weapons shipment") is military aid (PLOVER AID,
# CAMEO 072) though no event noun modifies it.
SUPPLY_HEADS = _words("SUPPLY_HEADS")
ARMS_MODIFIERS = _words("ARMS_MODIFIERS")
# Verbs that hand their subject to an event noun they take as object although they carry an event of their
# own elsewhere ("gave a warm welcome", "extended its support"): the noun's event wins over the verb's.
LENDING_VERBS = _words("LENDING_VERBS")
# Quantities and durations that stand in for the event they count ("ten days of exercises", "a round of talks").
MEASURE_HEADS = _words("MEASURE_HEADS")
# Words for a part or a share of something: as a verb's object they let the verb's multiword entry read the
# whole ("cancelled part of Zambia's debt" is cancel_debt).
PART_HEADS = _words("PART_HEADS")
# Things received that make "receive" no hosting of a visit (its CONSULT sense is "received the envoy").
RECEIVED_THINGS = _words("RECEIVED_THINGS")
# Nouns of a standing state between parties, events only as what a verb acts on ("established ties").
STATE_NOUNS = _words("STATE_NOUNS")
# Verbs that make, better or break such a state: with them the noun holds the parties of the event.
TIE_VERBS = _words("TIE_VERBS")
# Verbs that fire what they send off, what they fire, and what it is fired at (see _launched).
LAUNCH_VERBS = _words("LAUNCH_VERBS")
PROJECTILES = _words("PROJECTILES")
ATTACK_PREPS = _words("ATTACK_PREPS")
# Verbs whose subject undergoes, watches or stops the event their object names ("faced sanctions", "feared an
# attack", "reported the strike"): no doer of it.
UNDERGO_VERBS = _words("UNDERGO_VERBS")
# Words that make "strike" a stoppage of work (PLOVER PROTEST, CAMEO 143) rather than an attack.
WORK_STRIKE_MODS = _words("WORK_STRIKE_MODS")
WORK_STRIKE_VERBS = _words("WORK_STRIKE_VERBS")
WORKER_NOUNS = _words("WORKER_NOUNS")


def _workers(tok) -> bool:
    """Whether a noun (or a noun it is coordinated with) names people who work for pay ("civil servants")."""
    return any(token_lemma(n) in WORKER_NOUNS or n.lower_ in WORKER_NOUNS for n in [tok, *tok.conjuncts])


def workers_strike(tok) -> bool:
    """Whether "strike" is done by workers: the verb's subject ("staff will strike"), the noun's "by" object ("a
    strike by civil servants"), or the subject or object of the verb whose "in" or "on" phrase the noun is
    ("workers took part in strikes", "balloted workers on strikes")."""
    if tok.pos_ in ("VERB", "AUX"):
        return any(c.dep_ == "nsubj" and _workers(c) for c in tok.children)
    if any(c.dep_ == "prep" and c.lower_ == "by" and any(o.dep_ == "pobj" and _workers(o) for o in c.children)
           for c in tok.children):
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "on"):
        return False  # "workers ended their strike": what is done to a strike is no new one
    head = tok.head
    while head.dep_ in ("prep", "dobj") and head.head.i != head.i:
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("nsubj", "dobj") and _workers(c) for c in head.children)
    return False


def work_stoppage(tok, mods) -> bool:
    """Whether the noun "strike" is a stoppage of work: a labour modifier ("general strike", "a one-day strike",
    "the UK-wide strike") or a verb that joins or stages it; air, missile and drone strikes never are."""
    words = [token_lemma(c) for c in mods] + [c.lower_ for c in mods]
    if any(w in ("air", "missile", "drone", "rocket", "artillery", "military", "nuclear") for w in words):
        return False
    if any(w in WORK_STRIKE_MODS or w.endswith(("-day", "-hour", "-wide")) for w in words):
        return True
    return tok.dep_ == "dobj" and token_lemma(tok.head) in WORK_STRIKE_VERBS or workers_strike(tok)


def mistagged_noun(tok) -> bool:
    """Whether a word the tagger took for a verb stands where only a noun can ("will hold joint air force
    drills": "drills" tagged VERB but the object of "hold", with no subject, auxiliary or object of its own)."""
    return (tok.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj", "nsubjpass") and tok.tag_ in ("NNS", "VBZ", "NN")
            and not any(c.dep_ in ("nsubj", "aux", "auxpass", "dobj", "neg") for c in tok.children))


def lookup(tok) -> Trigger | None:
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
                words += [token_lemma(p) for p in _partitive_of(c)]  # "cancelled part of X's debt" -> cancel_debt
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
        if lem == "strike" and workers_strike(tok):
            return table.get(("strike_work", "V"))  # "civil servants will strike": a stoppage of work, no attack
        if lem == "call" and any(c.dep_ == "oprd" for c in tok.children) and not any(
                c.dep_ == "dobj" for c in tok.children):
            return None  # "what was called the new player": naming, no phone call (with an object: retype.py)
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
        if lem == "strike" and work_stoppage(tok, mods):
            return prep_nouns()[("on", "strike")]  # "joined the nationwide strike": labour's protest, no attack
        if tok.dep_ == "pobj" and (tok.head.lower_, lem) in prep_nouns():  # "on alert", "on strike"
            return prep_nouns()[(tok.head.lower_, lem)]
        if lem in STATE_OF_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and token_lemma(tok.head.head) == "state":
            return _emergency()  # "declared a state of emergency": CAMEO 1724, PLOVER COERCE
        if lem in GENERIC_EVENT_HEADS:  # "a mediation effort", "a relief operation": the modifier is the event
            for c in mods:
                t = table.get((token_lemma(c), "N"))
                if t is not None:
                    return t
        if lem in SUPPLY_HEADS and any(c.lower_ in ARMS_MODIFIERS or token_lemma(c) in ARMS_MODIFIERS for c in mods):
            return _arms_aid()
        if tok.dep_ == "compound" and token_lemma(tok.head) in GENERIC_EVENT_HEADS:
            return None  # coded at the head noun
        return table.get((lem, "N")) or table.get((tok.lower_, "N"))
    return None


def _partitive_of(obj) -> list:
    """The nouns a part or an amount of them stands for ("part of X's debt", "$2 billion of its debt",
    "half of the loans"): the object of its "of", when the object is a share word or a sum."""
    if not (token_lemma(obj) in PART_HEADS or obj.ent_type_ in ("MONEY", "CARDINAL", "PERCENT")):
        return []
    return [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


@lru_cache(maxsize=1)
def _arms_aid() -> Trigger:
    """The aid noun's entry as military aid (CAMEO 072), for a lot of arms or security supplies."""
    return replace(entries()[("aid", "N")], cameo="072", contexts=("military",))


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


# What one welcomes that is a statement or a step, not a visitor, though no event noun names it.
WELCOMED_ACTS = _words("WELCOMED_ACTS")
VISITOR_NOUNS = _words("VISITOR_NOUNS")


def _welcomes_act(verb) -> bool:
    """Whether a verb's object (active or passive) is an act of some party, an event noun that is no visit."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN":
            if token_lemma(c) in WELCOMED_ACTS:
                return True  # "welcomed Mr X's remarks", "welcomed the US measures": no event noun, still an act
            t = lookup(c)
            if t is not None and t.pos == "N":
                return t.type != "CONSULT"
            return token_lemma(c) not in VISITOR_NOUNS  # "welcomed the US package": a step, not a guest
    return False


# Event nouns that only name an event after a given preposition ("troops on alert", "workers on strike",
# "placed under arrest", "put on trial"); the verb they hang from lends its subject.
PREP_NOUN_ENTRIES = {(k[0], k[1]): (k[2], k[3], k[4], k[5], ctx)
                     for k, ctx in wordsets.rows("realpolitik.coding", "triggers", "PREP_NOUN_ENTRIES")}


@lru_cache(maxsize=1)
def _emergency() -> Trigger:
    return Trigger("emergency", "N", "COERCE", "martial-law", "1724", "so", "", ())


@lru_cache(maxsize=1)
def prep_nouns() -> dict[tuple[str, str], Trigger]:
    """The triggers of PREP_NOUN_ENTRIES, by (preposition, noun)."""
    return {k: Trigger(lem, "N", t, m, cam, "so", "", ctx) for k, (lem, t, m, cam, ctx) in PREP_NOUN_ENTRIES.items()}


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


def lends_subject(verb, noun_trig: Trigger) -> bool:
    """Whether a verb hands its subject to an event noun it governs ("held talks", "gave a welcome")."""
    vt = lookup(verb)
    if vt is None:
        return False
    if vt.pos == "L":
        return True
    # "offered talks" stays an offer (AGREE) unless the noun is itself a verbal act of support or a visit
    return token_lemma(verb) in LENDING_VERBS \
        and noun_trig.type in ("CONSULT", "SUPPORT", "ACCUSE", "REQUEST", "THREATEN") \
        and (token_lemma(verb) != "offer" or noun_trig.type == "SUPPORT")


def carries_out(verb) -> bool:
    """Whether a verb with an event noun as object says its subject does that event: no trigger of its own (its
    own event would carry the noun), not one whose subject undergoes, watches or stops it (UNDERGO_VERBS)."""
    return verb.pos_ == "VERB" and lookup(verb) is None and token_lemma(verb) not in UNDERGO_VERBS \
        and token_lemma(verb) not in SAY_LEMMAS \
        and not any(c.dep_ == "oprd" for c in verb.children)  # "called the attack an act of war": a name given


def noun_object_event(tok) -> bool:
    """Whether a lending verb's object is an event noun, so the verb itself yields ("gave a warm welcome")."""
    if token_lemma(tok) not in LENDING_VERBS:
        return False
    o = child(tok, "dobj")
    if o is None:
        return False
    nt = lookup(o)
    return nt is not None and nt.pos == "N" and lends_subject(tok, nt)


def gate_lemmas() -> frozenset[str]:
    """Lemmas of which a sentence needs one to be analysed at all (the fast candidate filter).

    The lexicon's trigger heads, reporting verbs ("X said Y must ...": a REQUEST without a lexicon
    trigger) and the nouns that are events only after a preposition ("on alert")."""
    return frozenset(head_lemmas() | SAY_LEMMAS | {n for _, n in PREP_NOUN_ENTRIES})


def say_only_lemmas() -> frozenset[str]:
    """The gate's reporting verbs that are no trigger: a sentence only they let through yields nothing but
    "X said Y must / should ..." (`candidates._obligation`) or a state of emergency (STATE_OF_NOUNS), so the fast path's
    prefilter asks for one of OBLIGATION_AUX with them and counts STATE_OF_NOUNS as triggers."""
    return frozenset(SAY_LEMMAS - head_lemmas() - {n for _, n in PREP_NOUN_ENTRIES})
