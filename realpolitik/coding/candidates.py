"""Candidate events of a sentence for the rules coder: every trigger with the actors filling its roles.

`sentence_candidates(sent, idx)` finds every lexicon trigger (verbs, event nouns, multiword and prepositional
forms: coding/triggers.py) and reads its actor and recipient off the dependency parse (coding/roles.py,
coding/patients.py); `realpolitik.coding.rules` then resolves embeddings, future and refusal readings,
confidence and the events themselves.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
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
from realpolitik.coding.lexicon import Trigger, entries
from realpolitik.coding.patients import (
    JOURNEY_PREPS,
    PLACE_PREPS,
    SYM_PREPS,
    TARGET_PREPS,
    clause_subject,
    host_of,
    noun_targets,
    obj_lemmas,
    own_forces,
    targets,
)
from realpolitik.coding.retype import (
    PERSON_LEMMAS,
    WEAPON_LEMMAS,
    dropped_stance,
    eased_type,
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
    prep_objects,
    subject_np,
    token_lemma,
)
from realpolitik.coding.statements import (
    NO_COMMENT_LEMMAS,
    considered,
    current_state,
    denied_accusations,
    deontic,
    of_nothing,
    opined,
    shared_view,
    standing,
    statement_frames,
)
from realpolitik.coding.styles import between_parties, drawn_reaction, occurring_between
from realpolitik.coding.triggers import (
    ADJ_TRIGGERS,
    MEASURE_HEADS,
    SAY_LEMMAS,
    carries_out,
    lends_subject,
    lookup,
    noun_object_event,
    prep_nouns,
)
from realpolitik.model import ActorMention
from realpolitik.nlp import doc_text

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "candidates")

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions of a protest noun whose verb's actors are the protesters ("threw stones during protests").
SCENE_PREPS = _words("SCENE_PREPS")
SERIES_RANKS = _words("SERIES_RANKS")
VISIT_TIME_PREPS = _words("VISIT_TIME_PREPS")
SOURCE_PREPS = _words("SOURCE_PREPS")
PERMIT_LEMMAS = _words("PERMIT_LEMMAS")
# clauses.py's modals of refusal ("will not", "cannot"), read from its table (clauses.py imports this module)
REFUSAL_AUX = wordsets.words("realpolitik.coding", "clauses", "REFUSAL_AUX")
OBLIGATION_AUX = _words("OBLIGATION_AUX")
HOLDING_VERBS = _words("HOLDING_VERBS")
ORDER_LEMMAS = _words("ORDER_LEMMAS")
# Ordering envoys or nationals to leave is their expulsion: what they are ordered to do, and who they are.
LEAVE_LEMMAS = _words("LEAVE_LEMMAS")
OUTCOME_VERBS = _words("OUTCOME_VERBS")
OUTCOME_DEALS = _words("OUTCOME_DEALS")
EXPELLED_ENVOYS = _words("EXPELLED_ENVOYS")
# Nouns whose "for" phrase is an event someone claims or denies ("claimed responsibility for the attack").
CLAIMED_NOUNS = _words("CLAIMED_NOUNS")
OBLIGATION = Trigger("say_must", "V", "REQUEST", None, "100", "say", "W", ())
# Nouns of leaving whose "of" phrase names who leaves ("the withdrawal of troops"), unlike "the release of X".
DEPARTURE_NOUNS = _words("DEPARTURE_NOUNS")
# Verbs of travel whose "for" phrase names a meeting the travellers hold ("delegates arrived for talks").
TRAVEL_LEMMAS = _words("TRAVEL_LEMMAS")
DESCRIBING_PARTICIPLES = _words("DESCRIBING_PARTICIPLES")
DESTINED_LEMMAS = _words("DESTINED_LEMMAS")
# Verbs of taking part whose "in" phrase names an act their subject does or holds ("took part in the strikes").
PARTAKE_LEMMAS = _words("PARTAKE_LEMMAS")
# Event nouns naming what a verb's subject makes of its object "as" ("used civilians as human shields").
AS_ROLE_NOUNS = _words("AS_ROLE_NOUNS")
# Participles that tie a noun to its patron ("government-backed troops"); as modifiers they are no event.
MODIFIER_LEMMAS = _words("MODIFIER_LEMMAS")
# Verbs of hosting: their object is the visitor, the source of the visit (PLOVER CONSULT visit).
HOST_LEMMAS = _words("HOST_LEMMAS")
ATTRIBUTE_VERBS = _words("ATTRIBUTE_VERBS")
CURRENCY_NOUNS = _words("CURRENCY_NOUNS")


def _is_sum(tok) -> bool:
    """Whether a token is a sum of money or a quantity: the parser's MONEY/QUANTITY entity, or a counted currency
    noun it left untagged ("500 million euros" is often no entity in the small model)."""
    if tok.ent_type_ in ("MONEY", "QUANTITY"):
        return True
    return token_lemma(tok) in CURRENCY_NOUNS and any(c.like_num or c.ent_type_ == "CARDINAL" for c in tok.children)


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


def _claimed(tok) -> bool:
    """Whether an event noun is what someone claims or denies responsibility for."""
    h = tok.head
    return tok.dep_ == "pobj" and h.lower_ == "for" and h.head.lemma_.lower() in CLAIMED_NOUNS


def _attributed_to(verb, idx: ActorIndex) -> list[ActorMention]:
    """The actors an attribution verb names as the doer ("attributed X to Russian hackers", "linked X to Iran")."""
    return [m for _, q in prep_objects(verb, frozenset({"to"})) for m in idx.np_conj(q) if has_country(m)]


def _demanded_act(c) -> bool:
    """Whether an obligation complement ("Y must / should ...") asks its subject to act: not a perfect ("Y should
    have withdrawn the remark", a reproach of the past), nor a passive ("Y's bid must be treated apart", "Y
    should be allowed to vote": what is to be done to the subject, by no one named), nor a state of holding
    ("Y should have sole rights to the name", an opinion of what the subject is entitled to)."""
    if any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in c.children):
        return False
    if any(a.dep_ in ("auxpass", "nsubjpass") for a in c.children):
        return False
    return token_lemma(c) not in HOLDING_VERBS


def _ended_in_deal(noun):
    """The verb of outcome whose subject is a meeting noun and whose object a deal ("the visit produced
    agreements on trade", "talks yielded a provisional deal"), else None: the meeting's news is also the
    agreement it reached (PLOVER AGREE, as "reached a deal" is); the team's gold codes both events. Measured with
    OUTCOME_VERBS and OUTCOME_DEALS wider (bring, deliver, result, end, conclude; understanding, compromise,
    memorandum, breakthrough): team holdout 0.5736 -> 0.5731."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "X's hosting of talks produced a declaration"
    verb = noun.head
    if (noun.dep_ != "nsubj" or verb.i == noun.i or token_lemma(verb) not in OUTCOME_VERBS
            or child(verb, "neg") is not None):
        return None
    # "produced no agreement": none reached
    reached = any(c.dep_ == "dobj" and token_lemma(c) in OUTCOME_DEALS and not any(d.lower_ == "no" for d in c.children)
                  for c in verb.children)
    return verb if reached else None


def _obligation(tok, idx: ActorIndex) -> Candidate | None:
    """ "X said Y must / should do Z" is X's REQUEST of Y (a demand put as a statement)."""
    if token_lemma(tok) in ORDER_LEMMAS:
        # "Niger ordered French troops to leave": an order is a demand (PLOVER REQUEST), its content is not news
        o, x = child(tok, "dobj"), child(tok, "xcomp")
        tgts = idx.np_conj(o) if o is not None and x is not None else []
        srcs, how = agents(tok, idx)
        if srcs and o is not None and own_forces(o, idx, srcs):
            # "ordered the army to raise its readiness", "ordered troops to the border": a state puts its own
            # forces in motion (PLOVER MOBILIZE), no demand of anyone; an act the order names is the forces' own
            if x is not None and lookup(x) is not None:
                return None
            return Candidate(entries()[("mobilize", "V")], tok, "MOBILIZE", srcs, [], how, obj_lemmas(tok))
        if srcs and tgts and token_lemma(x) in LEAVE_LEMMAS:
            # "ordered three Russian diplomats to leave the country": an expulsion (PLOVER SANCTION 'expel'), and
            # of a state's nationals a deportation (COERCE 'deport'); foreign troops told to go stay a demand
            lem = token_lemma(o)
            verb = "expel" if lem in EXPELLED_ENVOYS else "deport" if (
                lem in PERSON_LEMMAS or (o.pos_ == "PROPN" and o.tag_ == "NNPS")) else None
            if verb is not None:
                trig = entries()[(verb, "V")]
                return Candidate(trig, tok, trig.type, srcs, [m for m in tgts if m not in srcs], how, obj_lemmas(tok))
        if srcs and tgts:
            return Candidate(OBLIGATION, tok, "REQUEST", srcs, [m for m in tgts if m not in srcs], how,
                             obj_lemmas(tok))
        return None
    if token_lemma(tok) not in SAY_LEMMAS:
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in c.children):
            if not _demanded_act(c):
                continue
            s = child(c, "nsubj", "nsubjpass")
            tgts = subject_np(s, idx) if s is not None else []
            srcs, how = agents(tok, idx)
            if srcs and tgts:
                return Candidate(OBLIGATION, c, "REQUEST", srcs, [m for m in tgts if m not in srcs], how + "+clause",
                             obj_lemmas(c))
    return None


def _refused_permission(tok, idx: ActorIndex) -> Candidate | None:
    """ "X will not allow Y to build a base", "would not let Y's ships dock": X's refusal of Y (PLOVER REJECT), the
    one let being the object or the subject of what it would do."""
    if tok.pos_ != "VERB" or token_lemma(tok) not in PERMIT_LEMMAS:
        return None
    kids = list(tok.children)
    if not (any(c.dep_ == "neg" for c in kids) and any(c.dep_ == "aux" and c.lower_ in REFUSAL_AUX for c in kids)):
        return None
    o = child(tok, "dobj")
    if o is None:
        done = next((c for c in kids if c.dep_ in ("ccomp", "xcomp")), None)
        o = child(done, "nsubj") if done is not None else None
    srcs, how = agents(tok, idx)
    tgts = [m for m in (idx.np_conj(o) if o is not None else []) if has_country(m) and m not in srcs]
    if not srcs or not tgts:
        return None
    return Candidate(entries()[("refuse", "V")], tok, "REJECT", srcs, tgts, how + "+refusal", obj_lemmas(tok))


def sentence_candidates(sent, idx: ActorIndex) -> list[Candidate]:
    """Every trigger of a sentence with the actors in its roles."""
    out: list[Candidate] = []
    denied = denied_accusations(sent) | statement_frames(sent)
    for tok in sent:
        if tok.i in denied or considered(tok) or of_nothing(tok):
            continue
        ob = _obligation(tok, idx) or _refused_permission(tok, idx)
        if ob is not None:
            out.append(ob)
            continue
        trig = lookup(tok)
        if trig is None:
            continue
        if opined(tok):
            continue  # "X argued the government is giving in to Y": an opinion about an act
        if figurative.fiction(tok):
            continue  # "Willis plays a US commander who helps X", "in the film, X attacks Y": a story's plot
        if trig.pos == "V" and trig.type == "ASSAULT" and figurative.stoppage_agent(tok):
            continue  # "the UK-wide action hit job centres": a strike's effect, no force
        if trig.pos == "V" and figurative.quantity_agent(tok, trig.type):
            continue  # "helped by a rise in exports", "falling prices hit X": economic copy, no party acts
        if figurative.commercial_deal(tok, trig.type):
            continue  # "rejected a takeover offer", "is buying a 26% stake in X": a firm's deal, no politics
        if trig.pos == "V" and (standing(tok) or shared_view(tok)):
            continue  # "lawmakers who blame X" (a standing attitude), "a view shared by Y" (an opinion)
        if trig.pos == "N" and tok.dep_ == "dobj" and current_state(tok.head):
            continue  # "X currently receives IMF support": a standing state
        if trig.type == "PROTEST" and figurative.shown(tok):
            continue  # "the firm demonstrated a phone": showing, no protest
        if trig.type == "PROTEST" and figurative.market_move(tok):
            continue  # "the stock market rally": a market's move, no protest
        if trig.type == "THREATEN" and trig.frame == "say" and figurative.forecast(tok):
            continue  # "the IMF warned that X's deficit was too large": a forecast, no threat to anyone
        if trig.type == "THREATEN" and trig.pos == "N" and figurative.danger(tok):
            continue  # "citing threats to national security": a danger to a common good, no party's threat
        if trig.type == "REQUEST" and trig.pos == "V" and figurative.question(tok):
            continue  # "asked the reporter if he was a spy": a question, no request
        if trig.type == "CONSULT" and figurative.no_meeting(tok):
            continue  # "the plan met with criticism", "to meet firms' concerns": no meeting
        if deontic(tok.head if trig.pos == "N" and tok.dep_ == "dobj" else tok) and trig.pos in ("V", "N"):
            continue  # "the government must press X": someone's view of what X ought to do, no act
        if trig.pos == "N" and figurative.contest_of_words(tok, trig.type):
            continue  # "the election battle", "its battle with X over deficit limits": no force used on anyone
        if trig.pos == "N" and trig.type != "CONSULT" and figurative.failed(tok):
            continue  # "the ceasefire between X and Y collapsed": its end (talks that failed were still held)
        if trig.pos == "N" and figurative.described(tok, trig.type):
            continue  # "described the deal as the most important agreement between X and Y": no new act
        if trig.pos == "N" and _claimed(tok):
            continue  # "claimed responsibility for the attack": CAMEO 015, a statement about a past event
        if trig.type == "REJECT" and any(c.dep_ == "xcomp" and token_lemma(c) in NO_COMMENT_LEMMAS
                                         for c in tok.children):
            continue  # "declined to comment": a plain statement (CAMEO 011), not a rejection of anyone
        obj = obj_lemmas(tok)
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
            # "launched five days of war games", "held a round of talks": the measure takes the event's place;
            # "brought the latest in a series of sanctions": so does the rank taken in the measure
            measure = _measure_head(anchor)
            if measure is not anchor:
                anchor = measure
            # "paid $60 million in aid", "pledged 2 billion euros of assistance": the sum stands for the aid
            elif (anchor.dep_ == "pobj" and anchor.head.lower_ in ("in", "of") and anchor.head.head.i != anchor.head.i
                  and _is_sum(anchor.head.head)
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
                    state = dep == "pobj" and (head.lower_, token_lemma(anchor)) in prep_nouns()
                    # "held civilians as human shields": what the subject makes of its object
                    state = state or (dep == "pobj" and head.lower_ == "as" and trig.lemma in AS_ROLE_NOUNS)
                    particle = dep == "pobj" and head.lower_ in ("out", "up")  # "carried out a raid" parsed as a prep
                    # "negotiators flew to Oslo for talks": those who travel for a meeting hold it
                    trip = (dep == "pobj" and head.lower_ == "for" and token_lemma(verb) in TRAVEL_LEMMAS
                            and trig.frame == "sym")
                    # "took part in the drills": those who take part hold the joint event
                    # "took part in the strikes": so for any act
                    trip = trip or (dep == "pobj" and head.lower_ == "in" and token_lemma(verb) in PARTAKE_LEMMAS)
                    # "paid $60 million in aid": the sum is the object, the aid noun hangs off the verb
                    money = dep == "pobj" and head.lower_ in ("in", "of") and any(
                        c.dep_ == "dobj" and _is_sum(c) for c in verb.children)
                    if dep in ("dobj", "nsubjpass") and token_lemma(verb) in ATTRIBUTE_VERBS:
                        # "Germany attributed the attack to Russia": the one it is attributed to did it
                        srcs, how = _attributed_to(verb, idx), "noun"
                    elif ((dep in ("dobj", "nsubjpass", "attr") or particle or money) and lends_subject(verb, trig)
                            or state or trip):
                        srcs, how = agents(verb, idx)  # "was placed under arrest by X": X, via the agent
                        how = "light"
                    elif (dep == "dobj" or dep == "pobj" and head.lower_ == "with"
                          and child(verb, "nsubjpass") is None) and carries_out(verb):
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
            tgts = noun_targets(tok, idx, frozenset(preps), nested=trig.type in ("PROTEST", "ACCUSE"))
            if (srcs and not tgts and trig.mode == "visit" and dep == "pobj" and head.lower_ in VISIT_TIME_PREPS
                    and head.head.pos_ in ("VERB", "AUX")):
                # "X pardoned 52 prisoners after a visit by a US envoy": the one acting around the visit hosted it
                own = {m.code[:3] for m in srcs}
                tgts = [m for m in agents(head.head, idx)[0] if has_country(m) and m.code[:3] not in own]
            if not srcs and trig.type == "RETREAT" and token_lemma(tok) in DEPARTURE_NOUNS:
                # "the withdrawal of Russian troops from Moldova": who leaves is the actor, not the recipient
                leavers = noun_targets(tok, idx, frozenset({"of"}))
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
                    and head.head.pos_ == "VERB" and lookup(head.head) is None):
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
                # "clashes broke out between X and Y": the phrase on the verb names the parties
                between = noun_targets(tok, idx, frozenset({"between", "among"})) or occurring_between(tok, idx)
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
                tgts = clause_subject(tok, idx)
            srcs_set = {(m.start, m.end) for m in srcs}
            tgts = [m for m in tgts if (m.start, m.end) not in srcs_set]
            cand = Candidate(trig, tok, eased_type(trig, tok) or trade_type(trig, obj), srcs, tgts, how, obj)
            if trig.type in ("REJECT", "REQUEST", "THREATEN") and dropped_stance(tok):
                cand.type = "CONCEDE"  # "dropped its objections": the objection is given up, not made
            outcome = _ended_in_deal(anchor) if trig.type == "CONSULT" else None
            if outcome is not None:
                # "the talks produced a deal": the meeting and its outcome, the parties' agreement (PLOVER AGREE)
                out.append(Candidate(trig, outcome, "AGREE", list(srcs), list(tgts), how + "+outcome", obj))
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
                (t := lookup(q)) is not None and t.frame == "sym" for _, q in prep_objects(tok, frozenset({"for"})))):
            # "deported for travelling without papers": a journey to nowhere named is no visit; "travel to Vienna
            # for talks": the travellers hold the talks (the noun's event), the venue is no host
            continue
        if tok.dep_ in ("amod", "compound") and token_lemma(tok) in MODIFIER_LEMMAS:
            continue  # "government-backed troops": a modifier, not an event
        if tok.dep_ == "amod" and tok.tag_ == "VBG" and token_lemma(tok) in DESCRIBING_PARTICIPLES:
            continue  # "an agreement with striking teachers": who they are, no attack (nor an act of this sentence)
        if noun_object_event(tok):
            continue  # the noun it governs carries the event and borrows its subject
        if tok.dep_ == "amod" and trig.type == "CONSULT" and trig.mode == "visit" and tok.tag_ == "VBG":
            # "told a visiting US envoy": the one the participle describes visits the actor of the clause it is in
            visitors = [m for m in idx.np_conj(tok.head) if has_country(m)]
            hosts = host_of(tok.head, idx, visitors)
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
                c.dep_ in ("xcomp", "ccomp") and lookup(c) is not None for c in tok.children):
            continue  # "to help support X's rights": no one is helped, the helped act is the event
        if trig.frame == "recv":
            givers = from_actor(tok, idx) or origin_of_goods(tok, idx)
            if not givers:
                if trig.type == "AID":
                    continue
                o = child(tok, "dobj")
                if o is not None and not idx.np_conj(o):
                    continue  # "received less than other states", "received a letter": no visitor received
                srcs, how = agents(tok, idx)  # "X received Y": a visit hosted by X
                tgts, _ = targets(tok, trig, idx, srcs)
                out.append(Candidate(trig, tok, trig.type, srcs, tgts, how, obj))
                continue
            takers, how = agents(tok, idx)
            o = child(tok, "dobj")
            received = lookup(o) if o is not None else None
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
        tgts, thow = targets(tok, trig, idx, srcs)
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
    if not any(c.sources for c in out):
        # also when every trigger found names no one ("A, B reopen crossings after truce"): the headline's verb
        # acts (kept beside them; replacing them once cost team holdout 0.506 -> 0.505)
        out = headline_candidates(sent, idx) + out
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
    party named after it. Only a short line no trigger naming a party was found in, and either without a
    sentence's final stop or with no verb at all ("India and Pakistan trade fire." read as one noun phrase: a
    sentence has a verb)."""
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
    overrun: list[ActorMention] = []
    for k, tok in enumerate(toks):
        ms = idx.at_all(tok)
        if ms and srcs and k > 0 and _overrun_verb(tok, ms, table):
            # "Kenya, Tanzania share intelligence": the matcher ran a sector name ("Tanzania ... intelligence")
            # over the headline's verb, which the parser took for a modifier; the name before the verb acts
            overrun = list(ms)
            prev = toks[k - 1]
            srcs = [_state_part(m, prev.idx + len(prev.text)) if m in ms else m for m in srcs]
            ms = []
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
            got = [m for m in idx.at_all(t) if m not in srcs and m not in tgts and m not in overrun]
            if tgts and not got:
                break
            tgts += got
        # what the headline hands over is named after its verb ("hands over 30 Turkish fugitives to X")
        moved = {token_lemma(t) for t in toks[k + 1:]}
        return [Candidate(trig, tok, handed_over_type(trig.type, moved, trig.lemma), srcs, tgts, "headline", set())]
    return []


def _overrun_verb(tok, ms: list[ActorMention], table) -> bool:
    """Whether a token inside a mention begun on an earlier token is a present-tense verb trigger the parser
    tagged as a verb ("share" in "Tanzania share intelligence", read as one sector name)."""
    return (tok.pos_ == "VERB" and tok.tag_ in ("VBP", "VBZ") and all(m.start < tok.idx for m in ms)
            and any((form, "V") in table for form in _verb_forms(tok.lower_)))


def _state_part(m: ActorMention, end: int) -> ActorMention:
    """The state a mention cut short at `end` names, or the mention itself when it has no country."""
    if not m.country or end <= m.start:
        return m
    return replace(m, text=m.text[:end - m.start], end=end, code=m.country, sector=None, kind="state")


def _styles_joiners() -> frozenset[str]:
    return wordsets.words("realpolitik.coding", "styles", "LIST_JOINERS")


def _apply_buy(cand: Candidate, obj: set[str], buyers, sellers) -> None:
    """Weapons bought are the seller's AID to the buyer; other purchases are the buyer's trade."""
    if obj & WEAPON_LEMMAS:
        cand.type, cand.sources, cand.targets = "AID", list(sellers), list(buyers)


def _measure_head(noun):
    """The measure an event noun is counted by, when it is what a verb governs ("held a round of talks",
    "launched five days of war games"), through a rank in a series ("brought the latest in a series of
    sanctions", "the third in a wave of strikes"); else the noun itself."""
    up = noun
    while up.dep_ == "pobj" and up.head.head.i != up.head.i:
        prep, head = up.head, up.head.head
        if prep.lower_ == "of" and token_lemma(head) in MEASURE_HEADS:
            up = head
        elif up is not noun and prep.lower_ in ("in", "of") and head.lower_ in SERIES_RANKS:
            up = head
        elif up is not noun and prep.lower_ == "in" and head.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lower_ in SERIES_RANKS and c.i < prep.i for c in head.children):
            # the rank parsed as the verb's object, its series as the verb's phrase
            up = next(c for c in head.children if c.dep_ == "dobj" and c.lower_ in SERIES_RANKS)
        else:
            break
    return up if up is not noun and up.dep_ in ("dobj", "nsubjpass", "attr") else noun
