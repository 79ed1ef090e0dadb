"""Stage 5 of the rules coder: a dyad's draft event (type, mode, CAMEO code, contexts and support channel)."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from realpolitik import ontology, wordsets
from realpolitik.coding import ctxmodel, cues, figurative, manual, modemodel, stages
from realpolitik.coding.candidates import Candidate
from realpolitik.coding.clauses import (
    is_addressed,
    is_conditional,
    is_failed,
    is_future,
    is_hedged,
    is_offer,
    is_prepared,
    is_refusal,
)
from realpolitik.coding.patients import FORCE_SECTORS
from realpolitik.coding.retype import BUILD_LEMMAS, FORCE_LEMMAS, SALE_LEMMAS, SEARCH_VERBS, is_cyber
from realpolitik.coding.roles import child, has_country, token_lemma
from realpolitik.model import ActorMention

_words = wordsets.reader("realpolitik.coding", "drafts")

LEND_LEMMAS = _words("LEND_LEMMAS")
FUTURE_TO_AGREE = _words("FUTURE_TO_AGREE")
# A promise of backing or an announced meeting is itself the verbal commitment PLOVER codes AGREE; the material
# types only when offered ("ready to send"): an announced plan ("will invest") keeps its own type, planned, as the
# seedlike gold codes it (measured: all future as own type gave plover 0.730 from 0.771; this split 0.766).
FUTURE_ALWAYS_AGREE = _words("FUTURE_ALWAYS_AGREE")
# Prepositions of an AID verb that name its recipient ("gave aid to X", "provided food for X").
RECIPIENT_PREPS = _words("RECIPIENT_PREPS")
FUTURE_TO_THREATEN = _words("FUTURE_TO_THREATEN")
# Future acts that become threats when tied to a condition (PLOVER THREATEN: "often on a condition").
CONDITIONAL_TO_THREATEN = _words("CONDITIONAL_TO_THREATEN")
NAMED_GATHERING_TYPES = _words("NAMED_GATHERING_TYPES")
# Sectors that are the state itself (a protest of theirs is no people's protest against their government).
STATE_SECTORS = _words("STATE_SECTORS")
COMMERCE_SECTORS = _words("COMMERCE_SECTORS")
PARTNER_PREPS = _words("PARTNER_PREPS")
# Nouns of cooperation only when joint ("joint patrols", "patrols with X", "US-led patrols"): alone, one force's act.
SOLO_PATROLS = _words("SOLO_PATROLS")
SOLO_EXERCISES = _words("SOLO_EXERCISES")
JOINT_MARKS = _words("JOINT_MARKS")
JOIN_VERBS = _words("JOIN_VERBS")
CRACKDOWN_LEMMAS = _words("CRACKDOWN_LEMMAS")
DEADLY_LEMMAS = _words("DEADLY_LEMMAS")
POLICE_SECTORS = _words("POLICE_SECTORS")
ARMED_SECTORS = _words("ARMED_SECTORS")
ARMED_HOLDS = _words("ARMED_HOLDS")


@lru_cache(maxsize=1)
def _is_party(m: ActorMention | None) -> bool:
    """A state, a state's leader, organ or armed group, or an intergovernmental body: the parties a support
    channel runs between ("NATO agreed to send air defences", "Kim voiced support for Moscow")."""
    if m is None or not m.code:
        return False
    if m.kind == "igo" or m.code.startswith("IGO"):
        return True
    # armed groups and other sectors of a named state count too: support to proxies ("Houthi units") is a channel
    return has_country(m) and not m.code.startswith(("NGO", "MNC", "IMG"))


def unknown_recipient(c: Candidate, s: ActorMention) -> bool:
    """Whether a recipient-less AID stands all the same: a state or a body gives by a verb whose own
    recipient phrase ("reduced military aid to its allies", "provided food for four million people") names
    no actor the tables know. The aid is stated and its recipient unknown, as a gold null is (FORMAT.md);
    measured: pentaclass_dev holdout 0.680 -> 0.687, team 0.435 -> 0.436, the other sets unchanged."""
    if c.type != "AID" or c.trig.pos != "V" or c.trig.weak or not _is_party(s):
        return False
    return any(k.dep_ in ("prep", "dative") and k.lower_ in RECIPIENT_PREPS
               and any(p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") for p in k.children)
               for k in c.tok.children)


def _partner_phrase(tok, s: ActorMention) -> bool:
    """Whether a meeting trigger (or the verb its noun is the object of: "paid a visit to X") names a partner
    in a prepositional phrase ("talks with X", "a visit to X", "mediation between X and Y"), other than the
    source itself, whether or not the actor tables know it."""
    heads = [tok] + ([tok.head] if tok.dep_ in ("dobj", "attr") and tok.head.i != tok.i else [])
    return any(k.dep_ == "prep" and k.lower_ in PARTNER_PREPS
               and any(p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN", "PRON")
                       and not (s.start <= p.idx < s.end) for p in k.children)
               for h in heads for k in h.children)


def draft(ctx: stages.SentenceContext, c: Candidate, s: ActorMention, t: ActorMention | None,
          fallback: bool = False) -> stages.Draft | None:
    """Stage 5: an event's type, mode, CAMEO code, contexts and support channel from its candidate and dyad
    (future, refused, conditional and prepared readings), or None when the dyad makes no event."""
    type_ = c.type
    if (type_ == "COOPERATE" and c.trig.pos == "N" and c.trig.lemma in SOLO_EXERCISES and not _joint(c.tok)
            and not _joined(c.tok) and len({m.code[:3] for m in c.sources}) == 1):
        type_ = "MOBILIZE"  # "Russia held naval exercises in the Baltic": one state's exercise shows force
    if (t is None and (ontology.types()[type_].needs_target or c.trig.weak) and not fallback
            and not unknown_recipient(c, s)):
        return None
    if (t is None and type_ in NAMED_GATHERING_TYPES and not fallback and not _partner_phrase(c.tok, s)
            and (c.trig.pos == "V" or c.tok.left_edge.idx <= s.start and s.end <= c.tok.idx)):
        # "at the BRICS summit", "an IMF meeting": a gathering named by its host; "the cabinet discussed the
        # budget", "the two defence chiefs visited the border": no one is met
        return None
    if t is None and type_ == "PROTEST" and not fallback and c.targets:
        # a protest against one's own country's forces or government (its only targets were dropped as
        # the source's own country): every PROTEST in the plover_manual_dev and seedlike_dev gold has a
        # foreign target (8 of 8). Dropping every target-less protest too measured plover 0.774 but
        # pentaclass 0.728 (was 0.733), whose labels keep domestic protests as material conflict.
        return None
    if (t is None and type_ == "PROTEST" and not fallback and not c.targets and s.country
            and s.sector not in STATE_SECTORS):
        # "thousands of Egyptians rallied in Cairo": a protest against no one named is the people's protest
        # against their own state (training/GUIDE.md codes it CVL -> GOV); a gold null target still agrees
        t = ActorMention(text="", start=s.start, end=s.start, code=s.country + "GOV", country=s.country,
                         sector="GOV", kind="state")
    if t is None and type_ == "REQUEST" and not fallback and not is_addressed(c.tok) and not c.targets:
        # a call addressed to no one ("called for reform") states a position: on pentaclass_dev such
        # sentences were gold statement 15 times against verbal_conflict 7; on plover_manual_dev 0 of 3 right.
        # One whose addressee is an actor of the speaker's own country ("X's former premier said the government
        # must ensure security": the target left as no foreign party) is still a demand made of someone.
        return None
    if type_ == "ASSAULT" and figurative.contest(c.trig.lemma, s, t,
                                                 figurative.scored(c.tok) or figurative.prized(c.tok)):
        return None  # "Spain beat England 2-1": a match won, no attack (figurative.contest)
    if type_ == "COOPERATE" and c.trig.pos == "N" and c.trig.lemma in SOLO_PATROLS and not _joint(c.tok):
        return None  # "Chinese coast guard patrols near X", "flew patrols over X": a force's patrol, no partner
    mode = c.trig.mode if type_ == c.trig.type else None
    cameo = c.trig.cameo if type_ == c.trig.type else None
    worded = (type_ == "ASSAULT" and figurative.words_of_attack(c.tok) and figurative.speaker(s)
              and (c.trig.frame != "sym" or figurative.speaker(t)))  # a clash with police is one of force
    if worded:
        # "X attacked Y, saying ...", "hit out at Y for its sanctions": a speaker's attack in words is criticism
        # (PLOVER ACCUSE disapprove); with no party named as its object, only words said
        if t is None:
            return None
        type_, mode, cameo = "ACCUSE", "disapprove", "111"
    if type_ == "PROTEST" and mode == "obstruct" and s is not None and s.sector in COMMERCE_SECTORS:
        return None  # "Google began blocking the queries", "the firm sought to block the sale": commerce, no protest
    if (type_ == "PROTEST" and mode == "obstruct" and s is not None
            and (s.sector in STATE_SECTORS or (s.sector is None and s.kind in ("state", "person")))):
        # a state or its organs blocking something is no civilians' protest (PLOVER PROTEST is collective action
        # by civilians): a court's or a parliament's block is a refusal, an executive's a restriction
        # ("police blocked the rally", "X blocked the evacuation of patients": COERCE 'restrict')
        type_, mode, cameo = ("REJECT", None, None) if s.sector in ("JUD", "LEG") else ("COERCE", "restrict", None)
    if (type_ == "RETREAT" and mode == "withdraw" and t is not None and (t.kind == "igo" or t.code.startswith("IGO"))
            and not c.obj_lemmas & FORCE_LEMMAS):
        # "Argentina pulled out of the WHO": leaving an organisation is PLOVER SANCTION 'withdraw' (oneself or
        # one's non-military resources from a group, mediation or organisation), not forces leaving ground;
        # its mode and contexts are set below, with those of the withdrawals retype reads so
        type_, cameo = "SANCTION", None
    if type_ == "SANCTION" and t is not None and t.sector == "MED" and mode != "convict":
        type_, mode, cameo = "COERCE", "censor", None  # "suspended the BBC": censorship (PLOVER COERCE censor)
    lemmas = ctx.lemmas
    contexts = cues.contexts_for(lemmas, () if worded else c.contexts or c.trig.contexts)
    if type_ == "SANCTION" and c.trig.type == "RETREAT" and c.trig.mode == "withdraw":
        # leaving a body or talks (retype, or the IGO recipient above): a diplomatic act, not the military
        # context of a troop withdrawal
        mode = "withdraw"
        contexts = tuple(x for x in contexts if x != "military") or ("diplomatic",)
    # "would tighten the blockade"
    # the verb an event noun hangs off carries its modal and its condition ("may impose sanctions if ...")
    verb = c.tok.head if c.how.startswith(("light", "carried")) else c.tok
    future = is_future(c.tok) or (c.how.startswith("light") and is_future(c.tok.head))
    refused = False
    negated = any(k.dep_ == "neg" for k in c.tok.children) or (verb is not c.tok and any(
        k.dep_ == "neg" for k in verb.children))
    if type_ in cues.COOPERATIVE and (is_refusal(c.tok) or is_failed(c.tok)):
        type_, mode, cameo = "REJECT", None, "120"  # "will not release", "cannot accept": a refusal
        future, refused = False, True
    elif c.how.endswith("+refusal"):  # "will not allow Y to dock" (candidates._refused_permission): it happened
        future, refused = False, True
    if (future and type_ in FUTURE_TO_AGREE and "F" not in c.trig.flags and ctx.settings.future_as_agree
            and (type_ in FUTURE_ALWAYS_AGREE or is_offer(c.tok) or is_offer(c.tok.head))):
        cameo = cues.AGREE_CAMEO_FROM.get(type_)
        if type_ == "AID" and c.trig.frame == "buy" and t is not None:
            s, t = t, s  # "X would buy drones from Y" is the seller's aid, but X, the buyer, announces the deal
        type_, mode = "AGREE", None  # PLOVER: announced future cooperation is an AGREE
    elif negated:
        pass  # "will not impose sanctions (even if ...)", "will not block X": no threat is made; the act is denied
    elif ((future or is_hedged(c.tok) or is_hedged(verb)) and type_ in CONDITIONAL_TO_THREATEN
          and (is_conditional(c.tok, type_ == "RETREAT") or is_conditional(verb, type_ == "RETREAT"))):
        type_, mode, cameo = "THREATEN", None, "130"  # "will withdraw unless ...": a conditional threat
    elif future and type_ in ("ASSAULT", "COERCE") and is_prepared(c.tok) and c.trig.pos == "V":
        type_, mode, cameo = "MOBILIZE", None, "150"  # "troops prepared to attack": readiness, no force yet
    elif future and type_ in FUTURE_TO_THREATEN and not (type_ == "PROTEST" and mode == "strike"):
        # an announced boycott or attack is a threat; a strike called for a date is a planned stoppage (PROTEST)
        type_, mode, cameo = "THREATEN", None, "130"
    elif future and type_ == "RETREAT" and c.trig.mode != "resign":  # "will resign" is still a resignation
        type_, mode, cameo = "CONCEDE", None, "080"  # PLOVER: an announced withdrawal is a concession
    if (type_ == "ASSAULT" and c.trig.lemma in SEARCH_VERBS and s is not None and s.sector in POLICE_SECTORS
            and not lemmas & DEADLY_LEMMAS and (t is None or t.sector not in ARMED_SECTORS)
            and not c.obj_lemmas & ARMED_HOLDS):
        type_, mode, cameo = "COERCE", "seize", None  # "police raided a file-sharing site": a search, not violence
    if type_ == "COERCE" and c.trig.lemma in CRACKDOWN_LEMMAS and lemmas & DEADLY_LEMMAS:
        type_, mode, cameo = "ASSAULT", None, None  # "a crackdown in which police killed dozens": violence
    if type_ == "ASSAULT" and is_cyber(c.tok, verb):
        type_, mode, cameo = "COERCE", "cyber", None  # PLOVER: hacking and website attacks are COERCE 'cyber'
    mode = cues.mode_for(type_, mode, lemmas)
    type_, mode, cameo = manual.mode_rules(c, type_, mode, cameo, s, t, lemmas)
    if mode not in ontology.modes().get(type_, {}):
        mode = None
    learned = ctxmodel.model() if ctx.settings.learned_contexts else None
    chooser = modemodel.model() if ctx.settings.learned_modes else None
    if learned is not None or chooser is not None:  # one feature set: both were trained on the rules' mode
        feats = ctxmodel.features(type_, mode, token_lemma(c.tok), ctx.content_lemmas, ())
        if learned is not None:  # the cue contexts weighed with the rest of the sentence
            contexts = learned.choose(feats | ctxmodel.cue_features(contexts), contexts)
        if chooser is not None:
            mode = chooser.choose(type_, mode, feats)
    cameo = cues.cameo_for(type_, cameo, contexts, mode)
    if ({type_, c.type} & {"MOBILIZE", "AID", "AGREE"} and t is not None and t.text.islower()
            and t.sector in FORCE_SECTORS and t.country and s is not None and s.country
            and s.country != t.country and _moved(c.tok, t)):
        # "Germany stationed troops in Lithuania": bare forces moved are the mover's, given the host's country by
        # where they go, also when promised; the host is the state itself, not its military ("Syrian troops" keep
        # their own code)
        t = replace(t, code=t.country, sector=None)
    if type_ == "ASSAULT" and t is not None and _seat_as_place(t):
        t = replace(t, code=t.country, sector=None)  # "drones struck Kyiv": the city is hit, not the government
    channel = None
    if _is_party(s) and _is_party(t):
        # what is handed over decides; the sentence's topics ("according to US intelligence") only
        # when the object names nothing
        channel = cues.channel_for(type_, c.obj_lemmas, contexts, lemmas)
        if type_ == "AID" and c.trig.lemma in LEND_LEMMAS:
            channel = "credit_finance"  # "lent Laos $5 billion for a railway": the loan, not what it pays for
        elif type_ == "AID" and c.trig.lemma in BUILD_LEMMAS:
            channel = "infrastructure"  # "built a gas terminal for X": what is built, not what it will carry
        elif type_ == "COOPERATE" and channel == "diplomatic_backing" and (
                c.trig.frame == "buy" or c.trig.lemma in SALE_LEMMAS):
            channel = "trade"  # goods sold or bought that no cue names ("salmon was sold to X")
    return stages.Draft(c, s, t, type_, mode, cameo, contexts, channel, refused)


def _joint(tok) -> bool:
    """Whether a noun is marked as done together: "joint"/"combined" patrols, patrols "with" someone, "US-led"
    patrols, or "X and Y" as its owners."""
    if tok.dep_ in ("dobj", "nsubjpass") and any(k.dep_ == "prep" and k.lower_ in ("with", "alongside")
                                                  for k in tok.head.children):
        return True  # "conducted patrols with X"
    for k in tok.children:
        if k.dep_ in ("amod", "compound") and (k.lower_ in JOINT_MARKS or k.lower_.endswith("-led")
                                               or any(g.lower_ == "led" for g in k.subtree)):
            return True
        if k.dep_ == "prep" and k.lower_ in ("with", "alongside", "between", "among"):
            return True
        if k.dep_ == "poss" and any(g.dep_ == "conj" for g in k.children):
            return True
    return False


def _joined(tok) -> bool:
    """Whether a noun is what someone joins or takes part in ("will India join Russia's drills", "joined
    French vessels for drills"): joining makes it joint."""
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    return token_lemma(head) in JOIN_VERBS


def _seat_as_place(m: ActorMention) -> bool:
    """Whether a government mention is a seat-of-power name ("Kyiv", "Washington"), which an attack strikes as a
    place, not a body ("the Ukrainian government")."""
    return (m.sector == "GOV" and m.kind == "state" and m.country is not None and m.code == m.country + "GOV"
            and bool(m.text) and all(w[:1].isupper() for w in m.text.split() if w.lower() != "the"))


def _moved(tok, m: ActorMention) -> bool:
    """Whether a mention is the object a verb moves ("stationed troops in X", "sent a brigade to X"), or the verb
    it promises or agrees to ("pledged to station a brigade in X")."""
    verbs = [tok] + [x for x in tok.children if x.dep_ == "xcomp"]
    return any(o is not None and o.left_edge.idx <= m.start < o.idx + len(o.text)
               for o in (child(v, "dobj") for v in verbs))
