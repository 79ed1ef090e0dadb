"""Recipients of the rules coder's candidates: who a trigger acts on, and the lemmas of what it handles."""
from __future__ import annotations

from dataclasses import replace

from realpolitik import wordsets
from realpolitik.coding.lexicon import Trigger
from realpolitik.coding.retype import ARRIVAL_LEMMAS, HANDOVER_VERBS
from realpolitik.coding.roles import (
    ActorIndex,
    agents,
    child,
    has_country,
    patients_passive,
    prep_objects,
    resolve_pronoun,
    subject_np,
    token_lemma,
)
from realpolitik.coding.triggers import SAY_LEMMAS, lookup
from realpolitik.model import ActorMention

_words = wordsets.reader("realpolitik.coding", "patients")

# Prepositions that introduce the recipient of an event, by frame.
TARGET_PREPS = _words("TARGET_PREPS")
PLACE_PREPS = _words("PLACE_PREPS")
# Verbs whose object is also the actor of the clause they govern ("helping Iran build").
CONTROL_LEMMAS = _words("CONTROL_LEMMAS")
FORCE_SECTORS = _words("FORCE_SECTORS")
# Prepositions naming what a complaint or protest is about, preferred over its audience ("to the UN").
COMPLAINT_PREPS = _words("COMPLAINT_PREPS")
# Partners of a joint action ("talks with X", "a pact between X and Y"); other preps name its topic.
SYM_PREPS = _words("SYM_PREPS")
JOURNEY_PREPS = _words("JOURNEY_PREPS")
# Prepositions that attribute or set the scene rather than say what is handed over
# ("supplied drones, according to US intelligence": no intelligence sharing).
# ... and the route or means ("sold through shell companies", "via Turkey") is not what is handed over
_SCENE_PREPS = _words("_SCENE_PREPS")
# Object pronouns resolved to an actor ("accusing them of spying", "X said Y had invited him").
OBJECT_PRONOUNS = _words("OBJECT_PRONOUNS")
# Prepositions whose phrase is the topic of an act, naming no party to it ("talk about Turkey joining").
TOPIC_PREPS = _words("TOPIC_PREPS")
# Nouns a state's name modifies as what is dealt in, not as a party ("US dollars", "US goods", "the Iraq war").
TOPIC_HEADS = _words("TOPIC_HEADS")
# Texts and funds a body issues or keeps ("the EU constitution", "a G7 communique"): their body is no recipient.
DOCUMENT_HEADS = _words("DOCUMENT_HEADS")
# Prepositions whose phrase is when an act happens ("vowed ... during his time at the helm of the G8").
TIME_PREPS = _words("TIME_PREPS")
# Posts held in a body ("its presidency of the EU", "at the helm of the G8"): the body is where, not whom.
POST_HEADS = _words("POST_HEADS")
TALK_HEADS = _words("TALK_HEADS")
VENUE_PREPS = _words("VENUE_PREPS")
VENUE_TYPES = _words("VENUE_TYPES")
TALK_TYPES = _words("TALK_TYPES")
VENUE_NOUNS = _words("VENUE_NOUNS")
PRESENTING_VERBS = _words("PRESENTING_VERBS")
PROMPTED_VERBS = _words("PROMPTED_VERBS")
DRAWING_VERBS = _words("DRAWING_VERBS")
TOPIC_OBJECT_VERBS = _words("TOPIC_OBJECT_VERBS")
PROMPTED_TYPES = frozenset({"AID", "SUPPORT", "COOPERATE", "AGREE", "CONSULT"})


def obj_lemmas(tok) -> set[str]:
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


def targets(tok, trig: Trigger, idx: ActorIndex, sources: list[ActorMention]) -> tuple[list[ActorMention], str]:
    """Actors on the receiving end of a verb trigger."""
    src = {(m.start, m.end) for m in sources}

    fallback: list[ActorMention] = []

    def keep(ms, given: bool = False, owner: bool = False):
        # "rejected the EU budget": the EU's text as the object is the EU's; "paid into the EU budget" is no act on it
        ms = [m for m in ms if (m.start, m.end) not in src and (owner or not _names_document(m, tok.doc))]
        if ms and not any(has_country(m) for m in ms):
            if not given:  # "sent troops": what an AID verb hands over is not its recipient
                fallback.extend(ms)  # "deploy peacekeepers in Iraq": a bare sector object is a last resort
            return []
        return ms

    if child(tok, "nsubjpass") is not None:
        got = keep(patients_passive(tok, idx))
        if got:
            return got, "passive"
    if trig.lemma in HANDOVER_VERBS:  # "extradited a Nigerian businessman to the US": the US receives him
        for _prep, p in prep_objects(tok, frozenset({"to"})):
            got = keep(idx.np_conj(p))
            if got:
                return got, "prep"
    for dep in ("dative", "iobj", "dobj"):
        c = child(tok, dep)
        if dep == "dobj" and trig.lemma in TOPIC_OBJECT_VERBS and _other_party(tok, idx, sources):
            continue  # "discussed Ukraine with Xi", "X and Y discussed Ukraine": what is discussed is no party
        if c is not None and c.tag_ != "IN":
            if dep == "dobj" and trig.type in ("AID", "MOBILIZE") and own_forces(c, idx, sources):
                continue  # "Kenya sends a police unit to Haiti": its own forces are what is sent, not who gets them
            # "it" addressed by a charge or demand is a state or body ("accusing it of"), elsewhere mostly a thing
            pron = c.lower_ in OBJECT_PRONOUNS or (c.lower_ == "it" and trig.type in ("ACCUSE", "REQUEST", "THREATEN"))
            np = resolve_pronoun(c, idx) if pron else idx.np_conj(c)
            if dep == "dobj" and trig.type in REACTING_TYPES and act_noun(c):
                np = [m for m in np if _doer_of(m, c)]  # "condemned Israel's strikes on Iran": Israel, not Iran
            got = keep(np, given=(dep == "dobj" and trig.type in ("AID", "MOBILIZE")), owner=True)
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
        if h is not tok and trig.type in REACTING_TYPES and act_noun(h):
            continue  # "condemned the strikes on Iran": the strikes' victim, not who is condemned
        for _prep, p in prep_objects(h, preps):
            if _prep == "on" and h is not tok and trig.type in TALK_TYPES and token_lemma(h) in TALK_HEADS:
                continue  # "hosted a meeting on Iraqi reconstruction": what the talks are about, not a party
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
                    and t.head.dep_ not in ("nsubj", "nsubjpass") and not _in_own_clause(t, tok)):
                for q in t.children:
                    got = keep(idx.np_conj(q)) if q.dep_ == "pobj" else []
                    if got:
                        return got, "prep"
    if trig.frame == "say" or trig.lemma in CONTROL_LEMMAS:
        for c in tok.children:
            if c.dep_ == "ccomp" and c.i < tok.i and child(tok, "dobj") is not None:
                continue  # "A and B want X - the Commission urged an increase": the object is what it urges
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


def _names_document(m: ActorMention, doc) -> bool:
    """Whether a mention only modifies a text or fund ("the EU constitution", "the EU's budget")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return (span is not None and span.root.dep_ in ("compound", "amod", "nmod", "poss")
            and token_lemma(span.root.head) in DOCUMENT_HEADS)


def _for_clause(tok) -> bool:
    """Whether a clause is a for-to complement ("pressed for X to act", "pushing for the US to back it")."""
    return any(m.dep_ == "mark" and m.lower_ == "for" for m in tok.children)


def host_of(noun, idx: ActorIndex, visitors) -> list[ActorMention]:
    """The actor of the clause a visitor's noun is the object of ("X told / received / thanked a visiting Y")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ not in ("dobj", "dative", "pobj") or verb is noun or verb.pos_ not in ("VERB", "AUX"):
        return []
    own = {m.code[:3] for m in visitors}
    return [m for m in agents(verb, idx)[0] if has_country(m) and m.code[:3] not in own]


# Verbal reactions whose object can be someone's act: that act's own recipient is not theirs.
REACTING_TYPES = frozenset({"ACCUSE", "PROTEST", "SUPPORT", "REJECT"})


def reacts_to_act(tok, type_: str) -> bool:
    """Whether a verbal reaction's object is an act of conflict ("condemned the strikes on Iran"): the act's
    recipient is then no recipient of the reaction."""
    o = child(tok, "dobj")
    return type_ in REACTING_TYPES and o is not None and act_noun(o)


def _doer_of(m: ActorMention, noun) -> bool:
    """Whether an actor mention modifies an act noun as its doer ("Israel's strikes", "Israeli strikes")."""
    span = noun.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.head.i == noun.i and span.root.dep_ in ("poss", "amod", "compound", "nmod")


def act_noun(tok) -> bool:
    """Whether a noun names an act of conflict the lexicon codes (an attack, sanctions, a blockade)."""
    t = lookup(tok)
    return t is not None and t.pos == "N" and t.type in ("ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE")


def _in_own_clause(t, top) -> bool:
    """Whether a token below `top` lies in a clause with a subject of its own ("traded strikes, as X held drills
    with Y"); not in a subjectless one ("agreed to work with Y")."""
    h = t.head
    while h.i != top.i and h.head.i != h.i:
        if h.pos_ in ("VERB", "AUX") and child(h, "nsubj", "nsubjpass") is not None:
            return True
        h = h.head
    return False


def noun_targets(tok, idx: ActorIndex, preps: frozenset[str], nested: bool = False) -> list[ActorMention]:
    """Actors in an event noun's phrases of `preps` ("talks with X"); `nested`: also the doer of what is protested."""
    out: list[ActorMention] = []
    for prep, p in prep_objects(tok, preps):
        got = idx.np_conj(p)
        if not got and nested and prep in COMPLAINT_PREPS:
            # "protests against abuses by the army": the doer of what is protested is the one protested
            got = [m for _, q in prep_objects(p, frozenset({"by", "of"})) for m in idx.np_conj(q)]
        out += got
    return out


def clause_subject(tok, idx: ActorIndex) -> list[ActorMention]:
    """Actors of the subject of a clause governed by `tok` ("demand that Israel ease ...")."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "acl", "xcomp"):
            s = child(c, "nsubj", "nsubjpass")
            if s is not None:
                got = subject_np(s, idx)
                if got:
                    return got
    return []


def own_forces(o, idx: ActorIndex, srcs: list[ActorMention]) -> bool:
    """Whether an ordered object is the orderer's own forces or police: named as its state's ("the army" read
    as Serbia's) or bare ("troops")."""
    own = {m.code[:3] for m in srcs if has_country(m)}
    ms = idx.np_conj(o)
    return bool(own) and bool(ms) and all(m.sector in FORCE_SECTORS and (not m.country or m.country in own)
                                           for m in ms)


def _other_party(verb, idx: ActorIndex, sources: list[ActorMention]) -> bool:
    """Whether a verb of talking has a party besides its topic: a "with" partner, or two states as its subject (alone,
    "the bloc met to discuss Congo", the team's annotators code the state talked about as the recipient)."""
    if len({m.code[:3] for m in sources if has_country(m)}) > 1:
        return True
    return any(has_country(m) for _, p in prep_objects(verb, frozenset({"with"})) for m in idx.np_conj(p))


def _in_topic(t, root, type_: str | None = None) -> bool:
    """Whether a token lies in a topic phrase below `root` ("rejected calls for advice on the legality of the
    Iraq war", "talk about Turkey entering the EU"): a state named only as what an act is about is no party."""
    if t.dep_ in ("compound", "amod", "nmod") and t.head.lemma_.lower() in TOPIC_HEADS and t.head.i != root.i:
        return True
    if t.dep_ in ("compound", "amod", "nmod", "poss") and token_lemma(t.head) in DOCUMENT_HEADS:
        return True
    h = t
    while h.i != root.i and h.head.i != h.i:
        if h.dep_ == "prep" and (h.lower_ in TOPIC_PREPS or h.lower_ in TIME_PREPS):
            return True
        if h.dep_ == "prep" and h.lower_ == "of" and h.head.lemma_.lower() in POST_HEADS:
            return True
        if (type_ in TALK_TYPES and h.dep_ == "prep" and h.lower_ == "on"
                and token_lemma(h.head) in TALK_HEADS):
            return True  # "hosted a meeting on Iraqi reconstruction": what the talks are about
        h = h.head
    return False


def _venue(t, verbs: set[int]) -> bool:
    """Whether a token lies in a place phrase hung on one of `verbs` ("In London, X lashed out at Y", "rejected
    the plan at a summit in X"): where the act happened."""
    h = t
    while h.head.i != h.i:
        if h.dep_ == "prep" and h.lower_ in VENUE_PREPS and h.head.i in verbs and h.head.pos_ in ("VERB", "AUX"):
            # a named place or a town ("in London", "in X's capital"), not an institution ("in a French court",
            # "at the X embassy"), which is the party the act goes to
            return any(p.dep_ == "pobj" and (p.pos_ == "PROPN" or token_lemma(p) in VENUE_NOUNS) for p in h.children)
        h = h.head
    return False


def _at_venue(tok, type_: str | None) -> bool:
    """Whether a place hung on the trigger's verb is only where it happened: for acts of word (VENUE_TYPES) read
    off a verb of word (a deed read as one keeps its place: "dispatched inspectors to a plant in X")."""
    own = lookup(tok)
    return type_ in VENUE_TYPES and (own is None or own.type in VENUE_TYPES)


def _bystander(t, root) -> bool:
    """Whether a token lies in the doer of a reaction to a thing, in a clause describing the thing below `root`
    ("accepted the offer, which was criticised by aid groups", "pushing through a measure that has been rejected
    by the European Parliament"): who criticises or backs a thing is no party to an act on it; its author or giver
    ("aid provided by the WHO", "corvettes ordered by Pakistan") stays."""
    h = t
    while h.i != root.i and h.head.i != h.i:
        v = h.head
        # the thing is what the clause acts on: its passive ("criticised by X") or its relative object ("that X
        # criticised"), not a place ("the shoal, where X blocked fishermen")
        on_thing = h.dep_ == "agent" or h.dep_ == "nsubj" and any(
            k.dep_ == "dobj" and k.lower_ in ("which", "that") for k in v.children)
        if (on_thing and v.dep_ in ("relcl", "acl") and v.i != root.i
                and v.head.pos_ in ("NOUN", "PROPN") and _reacts(v)):
            return True
        h = v
    return False


def _other_doer(t, root) -> bool:
    """Whether a token lies in the agent of a passive verb in a clause nested in another clause below `root` ("an
    aid package he likened to the plan used by the United States"): the doer of an act in a phrase of a phrase is
    no recipient; the author of the thing acted on stays ("rejected a deal struck by X")."""
    h = t
    while h.i != root.i and h.head.i != h.i:
        if h.dep_ == "agent" and h.head.i != root.i:
            u = h.head.head
            while u.i != root.i and u.head.i != u.i:
                if u.pos_ in ("VERB", "AUX") and u.dep_ in ("relcl", "acl", "advcl", "ccomp"):
                    return True
                u = u.head
            return False
        h = h.head
    return False


def _participle_path(t, root, verbs: frozenset[str], deps: tuple[str, ...]) -> list | None:
    """The tokens from `t` up to the first participle clause below `root` of `verbs` hung as one of `deps`, else
    None."""
    path, h = [], t
    while h.i != root.i and h.head.i != h.i:
        path.append(h)
        if h.dep_ in deps and h.tag_ == "VBG" and token_lemma(h) in verbs:
            return path
        h = h.head
    return None


def _drew_reaction(t, root) -> bool:
    """Whether a token lies in the "from" phrase of a participle clause below `root` telling the reaction an act drew
    ("test-fired a missile, drawing condemnation from France"): who reacts is no recipient of the act."""
    path = _participle_path(t, root, DRAWING_VERBS, ("advcl", "xcomp", "conj"))
    return path is not None and any(h.dep_ == "prep" and h.lower_ == "from" for h in path)


def _prompted(t, root) -> bool:
    """Whether a token lies in a participle clause below `root` telling what the act led someone to do ("sent a ship
    into the strait, prompting Greece to put its navy on alert"): who is moved to act is no recipient of the act."""
    return _participle_path(t, root, PROMPTED_VERBS, ("advcl",)) is not None


def _addressed(tok) -> bool:
    """Whether a verb of asking names whom it asks: an object, or the "on" of "call on"."""
    return tok.pos_ == "VERB" and (child(tok, "dobj", "dative") is not None
                                   or bool(prep_objects(tok, frozenset({"on", "upon"}))))


def _reacts(v) -> bool:
    """Whether a verb is a verbal reaction in the lexicon (REACTING_TYPES); a joint act's doers are its parties
    ("the deal struck by Britain and Argentina")."""
    t = lookup(v)
    return t is not None and t.pos == "V" and t.type in REACTING_TYPES and t.frame != "sym"


def _own_conjunct(v) -> bool:
    """Whether a token is a verb conjoined to another with a subject of its own ("... and Y opposed it")."""
    return (v.dep_ == "conj" and v.pos_ in ("VERB", "AUX") and v.head.pos_ in ("VERB", "AUX")
            and child(v, "nsubj", "nsubjpass") is not None)


def _acts(v) -> bool:
    """Whether a verb reports an act the lexicon codes or a statement: its subject is a doer of its own ("Y opposed
    it", "X criticised the deal, and Y said it would ..."), not a state told as a setting ("X offered planes, but Y
    has no relations with Z")."""
    t = lookup(v)
    return t is not None and t.pos == "V" or token_lemma(v) in SAY_LEMMAS


def _responds(v, idx: ActorIndex) -> bool:
    """Whether a conjoined clause's subject is a party the clause before it acts on: its act answers that
    clause's doer ("X accused Y of spying and Y denied the charge", "X shelled Y's towns and Y retaliated")."""
    s = child(v, "nsubj", "nsubjpass")
    own = {m.code[:3] for m in subject_np(s, idx) if has_country(m)}
    head = v.head
    skip = {t.i for t in v.subtree} | {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                                       for t in c.subtree}
    return bool(own) and any(m.code[:3] in own for t in head.subtree if t.i not in skip for m in idx.at_all(t))


def _conjoined(tok, root, idx: ActorIndex) -> set[int]:
    """Tokens of the subjects of the clauses joined to the trigger's clause, or to a clause above it up to `root`,
    with a subject of their own ("Poland rejected the plan and Germany opposed it": Germany, for 'rejected'), and,
    for a trigger in such a clause, of the subject of the clause it is joined to (Poland, for 'opposed'), unless the
    trigger's clause answers that subject ("X accused Y and Y denied it")."""
    path = []
    h = tok
    while True:
        path.append(h)
        if h.i == root.i or h.head.i == h.i:
            break
        h = h.head
    on = {p.i for p in path}
    out: set[int] = set()
    for p in path:
        for k in p.children:
            if k.i not in on and _own_conjunct(k) and _acts(k):
                out |= {t.i for s in k.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
        if p.i != root.i and _own_conjunct(p) and _acts(p.head) and not _responds(p, idx):
            out |= {t.i for s in p.head.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
    return out


def clause_actors(tok, idx: ActorIndex, srcs: list[ActorMention], type_: str | None = None) -> list[ActorMention]:
    """Other states or bodies named in the trigger's own phrase: the recipient when no role names one."""
    # a party an act moved to react ("sent a ship, prompting Greece to put its navy on alert") is no beneficiary
    # of a cooperative act; the one a sanction or attack forced to act is still its victim ("forcing Y to ration")
    giving = type_ in PROMPTED_TYPES
    src_codes = {m.code[:3] for m in srcs}
    top = tok
    for _ in range(4):  # widen to the clause the trigger sits in, never into a reporting verb above it
        if top.dep_ in ("xcomp", "dobj", "pobj", "prep", "acl", "conj", "pcomp") and top.head.i != top.i:
            top = top.head
        else:
            break
    for root in (tok, top):
        found = []
        # a clause before a verb with an object of its own ("A and B want X - the Commission urged an increase")
        # is no phrase of it
        said = {t.i for c in root.children if c.dep_ == "ccomp" and c.i < root.i for t in c.subtree
                } if child(tok, "dobj") is not None else set()
        if root.i != tok.i and tok.pos_ == "NOUN" and token_lemma(root) in PRESENTING_VERBS:
            # "the minister unveiled proposals for an EU aid package": who puts the measure forward authors it
            # (the subject's own phrase, not a clause or phrase on it: "X, which has troops in Iraq, announced ...")
            for c in root.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    said |= {t.i for t in c.subtree} - {t.i for k in c.subtree if k.dep_ in ("relcl", "acl", "prep")
                                                        for t in k.subtree}
        if tok.pos_ in ("VERB", "AUX"):
            # a verb's subject described by a clause ("Russia, which keeps troops in X, called for restraint"):
            # what the clause names is the subject's standing, no party to the act (an act noun keeps it:
            # "X, which has troops in Y, announced a withdrawal" withdraws from Y); so is an appositive that says who
            # the subject is ("Poland, one of the largest EU states, rejected it")
            said |= {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for k in c.children
                     if k.dep_ in ("relcl", "acl", "appos") for t in k.subtree}
        # a clause joined to the trigger's with a subject of its own ("X rejected the plan and Y opposed it") tells
        # another party's act: its subject is no recipient of the trigger's
        said |= _conjoined(tok, root, idx)
        if type_ == "REQUEST" and _addressed(tok):
            # "called on Western allies to send arms and accused Moscow of ...": a request names whom it asks; the
            # object of the subject's second act is no stand-in for an addressee the tables do not know
            said |= {t.i for v in root.subtree if v.dep_ == "conj" and v.pos_ == "VERB" and v.tag_ in ("VBD", "VBZ")
                     and _acts(v) and not (v.left_edge.i <= tok.i <= v.right_edge.i) for t in v.subtree}
        if _at_venue(tok, type_):
            said |= {t.i for t in root.subtree if _venue(t, {tok.i, top.i})}
        for t in root.subtree:
            if (t.dep_ in ("ccomp",) and t.i != root.i or t.i in said or _in_topic(t, root, type_)
                    or _bystander(t, root) or _other_doer(t, root) or giving and _prompted(t, root)
                    or _drew_reaction(t, root)):
                continue
            for m in idx.at_all(t):
                if has_country(m) and m.code[:3] not in src_codes and m not in found:
                    found.append(m)
        if found:
            return found[:1]
    return []
