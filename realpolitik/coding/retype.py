"""The type a verb trigger takes from its object and purpose: sending inspectors is an inquiry, lifting a
blockade a retreat, deploying peacekeepers aid, selling wheat trade, sending a letter nothing (PLOVER's
definitions; each rule names the distinction it draws)."""
from __future__ import annotations

import logging

from realpolitik import wordsets
from realpolitik.coding import cues, figurative
from realpolitik.coding.roles import child, prep_objects, token_lemma

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "retype")

AID_GOODS = _words("AID_GOODS")
WEAPON_LEMMAS = cues.CHANNEL_CUES[6][1] | _words("WEAPON_LEMMAS")
PERSON_LEMMAS = _words("PERSON_LEMMAS")
WANTED_PEOPLE = _words("WANTED_PEOPLE")
HANDOVER_VERBS = _words("HANDOVER_VERBS")
# People whose handing over to a state or court is judicial cooperation, wanted or not ("handed over the former
# minister to the court", "26 cartel figures"): persons are no aid.
HANDED_PERSONS = _words("HANDED_PERSONS")
CAPTIVES = _words("CAPTIVES")
# Objects that make sending someone an inquiry, not aid ("dispatched inspectors to the site").
INQUIRY_LEMMAS = _words("INQUIRY_LEMMAS")
# Purposes that make sending people an inquiry ("sent a team to investigate").
INQUIRY_VERBS = _words("INQUIRY_VERBS")
# Objects of "fight"/"attack" that are problems, not parties ("fight the epidemic").
PROBLEM_LEMMAS = _words("PROBLEM_LEMMAS")
# Objects that make "hit" an economic blow ("the tax hit buyers", "hit profits") and "meet" an achievement
# ("met its targets"), not an attack or a meeting (BBC precision audit, benchmarks/coder_dev_log.md bbc step3).
MARKET_OBJECTS = _words("MARKET_OBJECTS")
GOAL_OBJECTS = _words("GOAL_OBJECTS")
# People whose sending is a visit or a mission to talk (PLOVER CONSULT), not assistance.
DELEGATES = _words("DELEGATES")
# Nouns that count what follows their "of" ("thousands of refugees"): the counted noun is the object's sense.
COUNT_NOUNS = _words("COUNT_NOUNS")
# Verbs whose object, or a noun compounded into it, decides they are no political event.
OBJECT_SENSES = {k[0]: _words(v[0]) for k, v in wordsets.rows("realpolitik.coding", "retype", "OBJECT_SENSES")}
# Restrictions whose lifting, cutting or ending is a concession (PLOVER CONCEDE).
RESTRICTION_LEMMAS = _words("RESTRICTION_LEMMAS")
# Nouns and participles of easing: the restriction they govern or modify is lifted (PLOVER CONCEDE).
EASING_WORDS = _words("EASING_WORDS")
# Protests whose ending or suspension is a concession (PLOVER CONCEDE "suspending protests").
PROTEST_OBJECTS = _words("PROTEST_OBJECTS")
# What is released when it is published rather than set free.
PUBLISHED_LEMMAS = _words("PUBLISHED_LEMMAS")
# What is delivered when it is said or read out rather than handed over.
SPOKEN_LEMMAS = _words("SPOKEN_LEMMAS")
# What is called when it is convened or declared rather than telephoned.
CONVENED_LEMMAS = _words("CONVENED_LEMMAS")
# What is said rather than done: calling it "baseless" rejects it; calling an act "unacceptable" accuses its doer.
CLAIM_LEMMAS = _words("CLAIM_LEMMAS")
PRAISE_NAMES = _words("PRAISE_NAMES")
# Restrictions imposed by force (COERCE 'restrict', military): lifting them is a RETREAT, not a CONCEDE.
FORCE_RESTRICTIONS = _words("FORCE_RESTRICTIONS")
# Stances whose dropping is a concession (PLOVER: "Withdrawing a demand should be coded as CONCEDE").
STANCE_LEMMAS = _words("STANCE_LEMMAS")
DROPPING_VERBS = _words("DROPPING_VERBS")
# Verbs that are a concession only when they undo a restriction or a rule.
EASE_ONLY = _words("EASE_ONLY")
RULE_LEMMAS = _words("RULE_LEMMAS")
# What is pulled out in a PLOVER SANCTION 'withdraw' (not forces leaving a territory).
WITHDRAWN_RESOURCES = _words("WITHDRAWN_RESOURCES")
# What one leaves in a PLOVER SANCTION 'withdraw': bodies, meetings and agreements.
LEFT_BODIES = _words("LEFT_BODIES")
CIVILIAN_PERSONNEL = _words("CIVILIAN_PERSONNEL")
# What is deployed abroad as assistance (PLOVER AID), not mobilised: civilians, peacekeepers, funds.
DEPLOYED_AID = CIVILIAN_PERSONNEL | _words("DEPLOYED_AID")
# What is sent as a message rather than handed over as aid.
MESSAGE_LEMMAS = _words("MESSAGE_LEMMAS")
# Forces whose sending is a deployment (MOBILIZE) unless someone receives them as aid.
FORCE_LEMMAS = _words("FORCE_LEMMAS")
INCURSION_CRAFT = _words("INCURSION_CRAFT")
CLAIMED_SPACES = _words("CLAIMED_SPACES")
FORCE_ONLY_VERBS = _words("FORCE_ONLY_VERBS")
CYBER_ONLY_VERBS = _words("CYBER_ONLY_VERBS")
DIGITAL_OBJECTS = _words("DIGITAL_OBJECTS")
# Abstract objects of strengthen/reinforce that make no mobilisation.
ABSTRACT_OBJECTS = _words("ABSTRACT_OBJECTS")
# Civilian followers whose mobilising is campaigning, not a show of force (PLOVER MOBILIZE is military/police).
CIVIC_OBJECTS = _words("CIVIC_OBJECTS")
# People whose arrival abroad is assistance (PLOVER AID: personnel) rather than a visit.
ARRIVING_HELPERS = CIVILIAN_PERSONNEL | _words("ARRIVING_HELPERS")
ARRIVAL_LEMMAS = _words("ARRIVAL_LEMMAS")
# Purposes that make forces' arrival assistance ("arrived to help deliver aid").
HELP_LEMMAS = _words("HELP_LEMMAS")
PEACEKEEPING_LEMMAS = _words("PEACEKEEPING_LEMMAS")
# Purposes that make forces sent to a recipient assistance ("sent soldiers to train its police").
DEPLOY_AID_PURPOSES = _words("DEPLOY_AID_PURPOSES")
# Purposes that make forces sent a show of force (PLOVER MOBILIZE) at the one named, not aid to it ("to deter Iran").
DETER_PURPOSES = _words("DETER_PURPOSES")
# Crowds whose storming or attacking of a building or body is a violent protest (PLOVER PROTEST 'riot').
PROTESTERS = _words("PROTESTERS")
# Raids of premises are searches (PLOVER COERCE 'seize': "execute search, confiscate property, raid").
SEARCH_VERBS = _words("SEARCH_VERBS")
PREMISES = _words("PREMISES")
# What forces are sent "for" that makes them assistance ("deployed troops for flood relief").
RELIEF_PURPOSES = _words("RELIEF_PURPOSES")
# Verbs of beginning whose complement is the purpose ("arrived to begin helping").
ASPECT_VERBS = _words("ASPECT_VERBS")
# Joining one of these is assistance to the host ("arrived to join the AU mission").
JOIN_LEMMAS = _words("JOIN_LEMMAS")
JOINED_MISSIONS = _words("JOINED_MISSIONS")


def _for_relief(tok) -> bool:
    """Whether a verb or its object is "for" relief or rescue ("deployed troops for flood relief")."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        p.dep_ == "pobj" and ({token_lemma(p)} | {token_lemma(k) for k in p.children if k.dep_ in ("amod", "compound")})
        & RELIEF_PURPOSES for p in c.children) for h in heads for c in h.children)


def _purposes(tok) -> set[str]:
    """Lemmas of the purpose clauses of a verb or of its object ("sent troops to help", "sent troops to train")."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    return {token_lemma(c) for h in heads for c in h.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl")}


def _arrival_purposes(tok) -> set[str]:
    """Lemmas of an arrival's purpose clauses, through a verb of beginning ("arrived to begin helping the
    government": help) and with joining a mission read as help ("arrived to join the AU mission")."""
    out = set()
    for c in tok.children:
        if c.dep_ not in ("advcl", "xcomp"):
            continue
        out.add(token_lemma(c))
        if token_lemma(c) in ASPECT_VERBS:
            out |= {token_lemma(k) for k in c.children if k.dep_ in ("xcomp", "ccomp")}
        obj = child(c, "dobj")
        if token_lemma(c) in JOIN_LEMMAS and obj is not None and token_lemma(obj) in JOINED_MISSIONS:
            out.add("help")
    return out


def _at_request(tok) -> bool:
    """Whether a verb is done "at the request of" someone or "at X's request"."""
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(token_lemma(p) == "request" for p in c.children)
               for c in tok.children)
# Objects whose acceptance is asylum (PLOVER AID), not agreement.
ASYLUM_LEMMAS = _words("ASYLUM_LEMMAS")

# Building for another state is PLOVER AID (infrastructure) only when what is built is infrastructure:
# "built a coalition", "building pressure" or "built a wall" are not.
BUILD_LEMMAS = _words("BUILD_LEMMAS")
INFRASTRUCTURE_LEMMAS = dict(cues.CHANNEL_CUES)["infrastructure"]
INSTALLED_GOODS = frozenset().union(*(v for _, v in cues.CHANNEL_CUES)) | _words("INSTALLED_GOODS")


CYBER_LEMMAS = _words("CYBER_LEMMAS")
PROJECTILES = wordsets.words("realpolitik.coding", "triggers", "PROJECTILES")
AIM_PREPS = _words("AIM_PREPS")
OPEN_WATERS = _words("OPEN_WATERS")
TESTED_WEAPONS = _words("TESTED_WEAPONS")


def aimed(tok) -> bool:
    """Whether what a verb fires is aimed at someone or somewhere ("at the town", "on protesters", "into a
    crowd"), not into open water or the sky ("fired two missiles into the sea")."""
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        objs = [p for p in c.children if p.dep_ == "pobj"]
        if c.lower_ in AIM_PREPS and objs:
            return True
        if c.lower_ == "into" and any(token_lemma(p) not in OPEN_WATERS for p in objs):
            return True
    return False


def _into_open_water(tok) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("into", "in") and any(
        p.dep_ == "pobj" and token_lemma(p) in OPEN_WATERS for p in c.children) for c in tok.children)


def is_cyber(tok, verb) -> bool:
    """Whether an attack is made by hackers, on websites or servers, or is called a cyber attack (PLOVER COERCE
    'cyber'): the words of the trigger's modifiers, its verb's subject and object, and what it is "on"/"against"."""
    words = []
    for h in {tok, verb}:
        for c in h.children:
            if c.dep_ in ("compound", "amod", "nsubj", "dobj", "nsubjpass"):
                words.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("on", "against"):
                words += [p for p in c.children if p.dep_ == "pobj"]
    lemmas = {token_lemma(w) for w in words}
    lemmas |= {token_lemma(m) for w in words for m in w.children if m.dep_ in ("compound", "amod")}
    return bool(lemmas & CYBER_LEMMAS)


def _counted(noun) -> set[str]:
    """What a count noun counts ("thousands of refugees", "a number of fans"): the lemma after its "of"."""
    if not (noun.like_num or token_lemma(noun) in COUNT_NOUNS):
        return set()
    return {token_lemma(p) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"}


def _left_body(tok) -> bool:
    """Whether what one withdraws from is named as a body, a meeting or an agreement ("withdrew from the bloc",
    "pulled out of the talks", "withdrew from the grain deal"); an organisation named by its own name is read
    off the recipient (drafts.draft)."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "out")]
    return any(token_lemma(p) in LEFT_BODIES for h in heads for _, p in prep_objects(h, frozenset({"from", "of"})))


def handed_over_type(type_: str, moved: set[str], lemma: str = "") -> str:
    """People wanted by justice handed or sent over ("handed over 30 fugitives to X") are extradition, legal
    cooperation (PLOVER COOPERATE, CAMEO 063), not aid; captives handed over ("handed over 50 prisoners to X")
    are released (PLOVER RETREAT: the release of prisoners)."""
    if type_ != "AID":
        return type_
    if moved & WANTED_PEOPLE or (lemma in HANDOVER_VERBS and moved & HANDED_PERSONS):
        return "COOPERATE"
    if lemma in HANDOVER_VERBS and moved & CAPTIVES:
        return "RETREAT"
    return type_


def eased_type(trig, tok) -> str | None:
    """The type of a noun trigger that eases a restriction, as lifting one does with a verb (verb_type): a noun of
    easing with a restriction as its "of" object ("the suspension of sanctions"), or a restriction that is the "of"
    object of a noun of easing or has an easing participle ("the easing of US sanctions", "relaxed sanctions") is the
    concession (PLOVER CONCEDE), or the retreat for a restriction imposed by force; None when nothing is eased."""
    if trig.type not in ("SANCTION", "CONCEDE"):
        return None
    lemma = token_lemma(tok)
    if lemma in EASING_WORDS:
        eased = [token_lemma(p) for _, p in prep_objects(tok, frozenset({"of"}))]
    elif lemma in RESTRICTION_LEMMAS and (
            tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i
            and token_lemma(tok.head.head) in EASING_WORDS
            or any(c.dep_ == "amod" and c.lower_ in EASING_WORDS for c in tok.children)):
        eased = [lemma]
    else:
        return None
    eased = [e for e in eased if e in RESTRICTION_LEMMAS]
    if not eased:
        return None
    return "RETREAT" if eased[0] in FORCE_RESTRICTIONS else "CONCEDE"


def dropped_stance(tok) -> bool:
    """Whether a noun is a stance given up by the verb that governs it ("dropped its objections", "the veto was
    withdrawn"): the one who drops it concedes (PLOVER CONCEDE), it no longer objects, demands or threatens."""
    return (token_lemma(tok) in STANCE_LEMMAS and tok.dep_ in ("dobj", "nsubjpass") and tok.head.i != tok.i
            and tok.head.pos_ == "VERB" and token_lemma(tok.head) in DROPPING_VERBS)


def _digital(verb, dobj) -> bool:
    """Whether a verb takes or enters something digital, or its subject is hackers (DIGITAL_OBJECTS)."""
    words: set[str] = set()
    for noun in (dobj, child(verb, "nsubj")):
        if noun is not None:
            words |= {token_lemma(noun)} | _compounds(noun)
            words |= {token_lemma(c) for c in noun.children if c.dep_ == "amod"}
    return bool(words & DIGITAL_OBJECTS)


def verb_type(trig, tok, obj: set[str], tgts, idx) -> str | None:
    """The PLOVER type of a verb trigger given its object, purpose and recipients; None when it is no event."""
    type_ = trade_type(trig, obj)
    dobj = child(tok, "dobj") or child(tok, "nsubjpass")
    head_obj = token_lemma(dobj) if dobj is not None else ""
    senses = OBJECT_SENSES.get(trig.lemma)
    sensed = child(tok, "dobj")
    if sensed is not None and tok.dep_ == "relcl" and sensed.lower_ in ("which", "that"):
        sensed = tok.head  # "the advice which X gave to Y": the relative pronoun stands for the noun
    if senses and sensed is not None and ({token_lemma(sensed)} | {
            token_lemma(m) for m in sensed.children if m.dep_ == "compound"} | _counted(sensed)) & senses:
        return None  # "fought inflation", "hit consumer spending", "met its targets", "gave X an opportunity"
    moved = {head_obj} | ({token_lemma(c) for c in dobj.conjuncts} if dobj is not None else set())
    # "a carrier strike group", "Self-Defense Force ships": a noun compounded into the object names the force
    forces = (moved | _compounds(dobj)) & FORCE_LEMMAS  # and its conjuncts: "two patrol ships and a corvette"
    if trig.lemma in CYBER_ONLY_VERBS and not _digital(tok, dobj):
        return None  # "breached the ceasefire", "stole cattle": data, networks or hackers make a cyber operation
    if trig.lemma in FORCE_ONLY_VERBS and not moved & (FORCE_LEMMAS | WEAPON_LEMMAS):
        return None  # "moved its embassy", "moved to ban": only forces or arms moved or stationed are a deployment
    if child(tok, "dobj") is not None and figurative.abstract_object(type_, head_obj):
        return None  # "attacked the plan", "fought the election": no force is used on a party
    purpose = {token_lemma(c) for c in tok.children if c.dep_ in ("advcl", "xcomp")}
    if type_ == "AID" and (head_obj in INQUIRY_LEMMAS or purpose & INQUIRY_VERBS):
        type_ = "ACCUSE"  # PLOVER: an investigation (mode investigate) of the place or party they go to
    elif (type_ == "AID" and trig.frame != "buy" and trig.lemma not in HANDOVER_VERBS
          and ({head_obj} | (_counted(dobj) if dobj is not None else set())) & DELEGATES):
        type_ = "CONSULT"  # "sent an envoy to Caracas", "a delegation to the talks": a visit, no assistance
    elif trig.frame != "buy":
        type_ = handed_over_type(type_, {head_obj} | (_counted(dobj) | _compounds(dobj) if dobj is not None else set()),
                                 trig.lemma)
    if (type_ == "ASSAULT" and head_obj in PROBLEM_LEMMAS and not idx.np_conj(dobj)
            and trig.mode != "firearms"):  # "opened fire" is shooting, not a blaze being fought
        return None  # "fight the epidemic", "combat poverty": no party is attacked
    if trig.mode == "phone" and (head_obj in CONVENED_LEMMAS or tok.dep_ == "acl" and token_lemma(tok.head)
                                 in CONVENED_LEMMAS):
        return None  # "called a truce", "the conference called in X": convened or declared, no phone call
    name = _name_given(tok, dobj) if trig.mode == "phone" and child(tok, "dobj") is not None else None
    if name is not None:
        # "called the decision 'unacceptable'": a verdict on an act (PLOVER ACCUSE) or on a claim ("called the
        # reports 'baseless'": REJECT), no phone call; praise ("called the deal 'historic'") is no accusation
        if token_lemma(name) in PRAISE_NAMES or name.pos_ == "PROPN":
            return None  # praise, or a proper name given ("what they call the Sudetenland"): no verdict
        return "REJECT" if head_obj in CLAIM_LEMMAS else "ACCUSE"
    if trig.lemma == "deliver" and head_obj in SPOKEN_LEMMAS:
        return None  # "delivered his budget to parliament", "delivered a speech": words said, no goods given
    if trig.lemma == "release" and head_obj in PUBLISHED_LEMMAS:
        return None  # "released a statement", "released the figures": a publication, not captives set free
    if dobj is not None and dropped_stance(dobj):
        return "CONCEDE"  # "withdrew its opposition to X", "waived its claim": a stance given up
    if trig.lemma in EASE_ONLY and head_obj not in RESTRICTION_LEMMAS | RULE_LEMMAS:
        return None  # "removed the governor" is no concession; "removed the curfew" is
    if type_ in ("SANCTION", "CONCEDE") and head_obj in RESTRICTION_LEMMAS:
        type_ = "CONCEDE"  # "cut tariffs", "ended the curfew", "removed sanctions": easing a restriction
        if head_obj in FORCE_RESTRICTIONS:
            type_ = "RETREAT"  # PLOVER RETREAT: ending a blockade or siege ends an active coercion on the ground
    if type_ == "SANCTION" and trig.mode == "discontinue" and head_obj in PROTEST_OBJECTS:
        type_ = "CONCEDE"  # PLOVER CONCEDE: "suspending protests" ("ended the strike", "halted the sit-in")
    if type_ in ("RETREAT", "SANCTION") and trig.mode in ("withdraw", None) and head_obj in WITHDRAWN_RESOURCES:
        type_ = "SANCTION"  # PLOVER SANCTION 'withdraw': pulling out one's observers, envoys, aid or monitors
    if type_ == "RETREAT" and trig.mode == "withdraw" and (
            head_obj in LEFT_BODIES or dobj.lower_ in LEFT_BODIES if child(tok, "dobj") is not None
            else _left_body(tok)):  # "quit the talks"
        type_ = "SANCTION"  # PLOVER SANCTION 'withdraw': leaving a body, talks or a deal, not forces leaving land
    if (type_ == "ASSAULT" and head_obj in PROJECTILES and not tgts and not aimed(tok)
            and (head_obj in TESTED_WEAPONS or _into_open_water(tok))):
        # "fired two missiles into the sea", "fired a ballistic missile": a launch at no one, a show of force
        # (CAMEO 15); rockets or shells fired with no target named stay an attack on someone unnamed
        type_ = "MOBILIZE"
    if type_ == "ASSAULT" and trig.frame != "sym" and _by_protesters(tok) and not any(
            m.sector in ("COP", "MIL") for m in tgts):
        type_ = "PROTEST"  # "protesters stormed the embassy": PLOVER PROTEST 'riot', civilians' violent protest
    if (type_ == "ASSAULT" and trig.lemma in SEARCH_VERBS and head_obj in PREMISES
            and not any(m.sector in ("COP", "MIL") for m in tgts)):
        type_ = "COERCE"  # "police raided the newspaper's offices": PLOVER COERCE 'seize' (search, raid)
    if type_ == "AID" and head_obj in MESSAGE_LEMMAS:
        return None  # "sent a letter", "sending a signal to X": a message, not aid
    # one's own forces sent are what is sent, not who receives them ("Russia sent police": the police were
    # read as Russia's); another state's forces trained or armed are the recipients ("trains Ukrainian soldiers")
    subj = child(tok, "nsubj")
    own = {m.code[:3] for m in idx.np_conj(subj)} if subj is not None else set()
    recipients = [m for m in tgts if dobj is None or not m.start <= dobj.idx < m.end or m.code[:3] not in own]
    if type_ == "AID" and forces and not recipients:
        type_ = "MOBILIZE"  # "sent in troops to the town": forces sent to no named recipient are a deployment
    if (type_ == "AID" and (forces or moved & INCURSION_CRAFT) and not prep_objects(tok, frozenset({"to"}))
            and any(token_lemma(p) in CLAIMED_SPACES for _, p in prep_objects(tok, frozenset({"into"})))):
        type_ = "MOBILIZE"  # "sent a warship into Greek waters": forces or craft entering another's space, no gift
    if type_ == "AID" and forces and recipients and all(_deterred(tok, m) for m in recipients):
        type_ = "MOBILIZE"  # "sent a carrier to the Gulf to deter Iran": a show of force at the one deterred
    if type_ == "MOBILIZE" and head_obj in ABSTRACT_OBJECTS | CIVIC_OBJECTS and not forces:
        return None  # "strengthened its commitment", "mobilised lobby groups": no force is raised
    if type_ == "MOBILIZE" and head_obj in DEPLOYED_AID:
        type_ = "AID"  # deploying observers, doctors, peacekeepers or funds abroad is assistance (PLOVER AID)
    if type_ == "MOBILIZE" and is_peacekeeping(tok, obj):
        type_ = "AID"  # "peacekeepers began deploying", "deployed troops to the UN peacekeeping mission"
    if type_ == "MOBILIZE" and (_purposes(tok) & (HELP_LEMMAS | DEPLOY_AID_PURPOSES) or _at_request(tok)
                                or _for_relief(tok)):
        type_ = "AID"  # "sent soldiers to X to help fight gangs", "deployed troops to X at its request"
    if trig.lemma in ARRIVAL_LEMMAS and child(tok, "nsubj") is not None:
        subj = child(tok, "nsubj")
        mods = {token_lemma(c) for c in subj.children if c.dep_ in ("amod", "compound")}
        if token_lemma(subj) in ARRIVING_HELPERS or "peacekeeping" in mods or _arrival_purposes(tok) & HELP_LEMMAS:
            type_ = "AID"  # "peacekeepers arrived in X": personnel sent to help (PLOVER AID), not a visit
        elif token_lemma(subj) in FORCE_LEMMAS:
            type_ = "MOBILIZE"  # "troops arrived in X": a deployment
    if trig.lemma in BUILD_LEMMAS and (head_obj not in INFRASTRUCTURE_LEMMAS or not _built_for(tok, dobj, tgts)):
        return None  # only building a port, plant or railway in or for another state is assistance (AID)
    if trig.lemma in ("install", "instal") and (head_obj not in INSTALLED_GOODS or not tgts):  # parser lemma "instal"
        return None  # installing radars or surveillance kit for a state is AID; "installed a new government" is not
    if trig.lemma == "accept" and head_obj in ASYLUM_LEMMAS:
        type_ = "AID"  # "accepted 1,500 refugees": asylum (PLOVER AID)
    if trig.lemma == "expel" and moved & PERSON_LEMMAS:
        type_ = "COERCE"  # expelling people rather than a body or a state's diplomats: deportation
    return type_


def _name_given(tok, dobj):
    """The name or quality a verb of calling gives its object ("called the move a provocation", "called the
    decision 'unacceptable'"): an object predicate, an adjective after the object, or the word quoted after it."""
    name = child(tok, "oprd")
    if name is not None:
        return name
    name = next((c for c in dobj.children if c.dep_ == "amod" and c.i > dobj.i), None)
    if name is not None:
        return name
    end = max(t.i for t in dobj.subtree)
    doc = tok.doc
    if end + 2 < len(doc) and doc[end + 1].text in ('"', "\u201c"):
        return doc[end + 2]
    return None


def _deterred(tok, m) -> bool:
    """Whether actor mention m lies in a purpose clause of deterrence of a verb or of its object ("sent a
    carrier to the Gulf to deter Iran"), not in where the forces go ("sent troops to Poland to deter Russia")."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    return any(c.dep_ in ("advcl", "xcomp", "acl", "relcl") and token_lemma(c) in DETER_PURPOSES
               and c.left_edge.idx <= m.start < c.right_edge.idx + len(c.right_edge.text)
               for h in heads for c in h.children)


def _by_protesters(tok) -> bool:
    """Whether a verb's subject is protesters, a crowd or a mob ("thousands of protesters attacked ...")."""
    # every subject: a dateline can be parsed as a second one ("KINSHASA - Thousands of protesters attacked")
    return any(({token_lemma(s)} | _counted(s)) & PROTESTERS for s in tok.children if s.dep_ == "nsubj")


def _compounds(noun) -> set[str]:
    """The lemmas of the nouns compounded into a noun, and into those ("aircraft carrier strike group")."""
    if noun is None:
        return set()
    out, todo = set(), [noun]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "compound":
                out.add(token_lemma(c))
                todo.append(c)
    return out


def _built_for(tok, dobj, tgts) -> bool:
    """Whether a recipient of building is the owner or host of what is built: "X's port", "a port in/for X"
    (not a place it is merely near: "a road near the border with X")."""
    toks = []
    if dobj is not None:
        toks += [c for c in dobj.children if c.dep_ == "poss"]
    for h in (tok, dobj):
        if h is None:
            continue
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "for", "inside"):
                toks += [p for p in c.children if p.dep_ == "pobj"]
    spans = [(t.left_edge.idx, t.idx + len(t.text)) for t in toks]
    return any(a <= m.start and m.end <= b for m in tgts for a, b in spans)


def is_peacekeeping(tok, obj: set[str]) -> bool:
    """Whether forces are deployed as peacekeepers (PLOVER AID: personnel), by their object or subject."""
    if obj & PEACEKEEPING_LEMMAS:
        return True
    s = child(tok, "nsubj", "nsubjpass")
    return s is not None and bool(({token_lemma(s)} | {token_lemma(c) for c in s.children}) & PEACEKEEPING_LEMMAS)


# Selling words: arms sold are the seller's AID (PLOVER military aid); other goods are trade, COOPERATE.
SALE_LEMMAS = _words("SALE_LEMMAS")
CYBER_GOODS = dict(cues.CHANNEL_CUES)["cyber_assistance"]
# Verbs of supplying: energy supplied is trade (the energy_trade channel's goods), not aid.
SUPPLY_LEMMAS = _words("SUPPLY_LEMMAS")
ENERGY_GOODS = dict(cues.CHANNEL_CUES)["energy_trade"]
MILITARY_TECH = dict(cues.CHANNEL_CUES)["military_technology"]


def trade_type(trig, obj: set[str]) -> str:
    """The type of a trigger, with the sale of goods other than arms read as trade ("exports of wheat")."""
    if (trig.lemma in SALE_LEMMAS and trig.type == "AID" and not obj & WEAPON_LEMMAS and not obj & AID_GOODS
            and not obj & CYBER_GOODS):  # spyware or surveillance kit sold is security assistance, like arms
        return "COOPERATE"
    if (trig.lemma in SUPPLY_LEMMAS and trig.type == "AID" and obj & ENERGY_GOODS
            and not obj & (AID_GOODS | WEAPON_LEMMAS | MILITARY_TECH)):  # "missile fuel components" are arms
        return "COOPERATE"  # "began supplying gas to X", "delivers oil to X": energy trade (CAMEO 061), not aid
    return trig.type
