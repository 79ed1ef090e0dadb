"""Figurative and opinion uses of force verbs: no use of force when the object is an abstract noun
("attacked the plan", "fought the election", "hit a record") or, for attacks, coercion and
mobilisation, the agent is a firm ("the carmaker attacked its rival's pricing"). PLOVER's force
types (ASSAULT, COERCE, MOBILIZE, THREATEN) are acts of political actors on parties, their people,
places or things (manual, "Required entities").

Words are data: realpolitik/coding/data/en/figurative.words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from realpolitik.coding import domain
from realpolitik.coding.triggers import work_stoppage
from realpolitik.wordsets import words


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    pkg = "realpolitik.coding"
    return (words(pkg, "figurative", "FORCE_TYPES"), words(pkg, "figurative", "ABSTRACT_OBJECTS"),
            words(pkg, "figurative", "FIRM_FORCE_TYPES"))


def abstract_object(type_: str | None, head_obj: str) -> bool:
    """Whether a force verb's direct object (lemma) is an abstract noun or an arm of idiom ("fired both barrels at
    the opposition", "launched a broadside at X"), so the verb is figurative."""
    force, abstract, _ = _tables()
    return type_ in force and (head_obj in abstract or head_obj in words("realpolitik.coding", "figurative",
                                                                         "IDIOM_ARMS"))


def firm_agent(type_: str | None, source: str | None) -> bool:
    """Whether a force event's agent is a firm (sector BUS): a firm's 'attack' or 'crackdown' is commerce."""
    return type_ in _tables()[2] and domain.is_business(source)


# A match result ("3-0", "29 - 23") as the tokenizer leaves it: one token, or number, dash, number.
SCORE = re.compile(r"^\d{1,3}[-\u2013]\d{1,3}$")


def contest(lemma: str, source, target, scored: bool = False) -> bool:
    """Whether an attack verb of CONTEST_LEMMAS ("beat") between two actor mentions is a contest won: both
    are states or their people with no sector (a team, a player, a state itself), as in sport results, or the
    verb's clause gives a score or a prize (`scored`: "Real Madrid beat Pachuca 3-0", "beat X to the trophy",
    whatever the teams' names matched);
    a state's organ beating people ("police beat protesters") keeps its sense."""
    if lemma not in words("realpolitik.coding", "figurative", "CONTEST_LEMMAS"):
        return False
    if scored:
        return True
    if target is None:
        return False
    return all(m.country and not m.sector and m.kind in ("state", "person") for m in (source, target))


def scored(tok) -> bool:
    """Whether a verb's own phrase holds a match score ("beat the All Blacks 29-23"); a range counting a noun
    ("beat 20-30 protesters") is none."""
    toks = list(tok.subtree)
    for k, t in enumerate(toks):
        if SCORE.match(t.text):
            last = t
        elif (t.like_num and k + 2 < len(toks) and toks[k + 1].text in ("-", "\u2013") and toks[k + 2].like_num
              and toks[k + 2].i == t.i + 2):
            last = toks[k + 2]
        else:
            continue
        if not any(n.dep_ == "nummod" and n.head.i > n.i for n in (t, last)):  # not counting a noun after it
            return True
    return False


def prized(tok) -> bool:
    """Whether a verb's own phrase names a prize, a category or a contest's margin ("beat X for best live act",
    "beat X to the comedy trophy", "beat X by 30 metres in the race"): a contest won, no attack."""
    prizes = words("realpolitik.coding", "figurative", "PRIZE_WORDS")
    return any(t.dep_ == "pobj" and t.head.lower_ in ("for", "to", "in", "by") and (
        t.lemma_.lower() in prizes or any(a.dep_ == "amod" and a.lower_ == "best" for a in t.children))
        for t in tok.subtree)


# Factuality of acts that are only possible (realpolitik/factuality); a denied act of a named kind can
# still be news ("rebels did not attack the embassy"), so "denied" is left out.
UNREAL = frozenset({"hypothetical", "question"})


def speculative_force(type_: str | None, factuality: str, source: str | None, source_text: str | None = None
                      ) -> bool:
    """Whether a violent act is speculation about a kind of actor: only possible, by a bare sector with
    no group named ("terrorists could attack the city", "militants might strike"), even where the sentence
    gives that kind a country (`source_text` a plain sector noun: "Terrorists could attack the French capital")."""
    if type_ not in words("realpolitik.coding", "figurative", "SPECULATIVE_TYPES") or factuality not in UNREAL:
        return False
    if not source:
        return False
    if source in domain.ALL_SECTORS:
        return True
    from realpolitik.actors.tables import normalise, tables

    return bool(source_text) and source[3:] in domain.ALL_SECTORS and \
        normalise(source_text or "").strip() in tables().sectors


def no_meeting(tok) -> bool:
    """Whether "meet" is no meeting: a plan "met with criticism" (a reaction noun after "with") or a
    government that "meets concerns" or "meets a target" (an object that is satisfied, not a party)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "meet":
        return False
    table = "figurative"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in words("realpolitik.coding", table, "REACTION_NOUNS")
                for o in c.children):
            return True
        if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in words("realpolitik.coding", table, "MET_OBJECTS"):
            return True
    return False


def shown(tok) -> bool:
    """Whether a verb of protest is one of showing: with a direct object or a clause it shows something ("the
    firm demonstrated a phone", "the test demonstrated that X works"); a protest has none ("demonstrated
    against the war")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in words("realpolitik.coding", "figurative", "SHOWING_VERBS"):
        return False
    return any(c.dep_ in ("dobj", "obj", "ccomp") for c in tok.children)


def market_move(tok) -> bool:
    """Whether a protest noun is a market's move ("the stock market rally", "a rally in bank shares"): a market
    word among its modifiers or as its "in" object; no crowd's protest."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in words("realpolitik.coding", "figurative",
                                                                           "MARKET_MOVES"):
        return False
    market = words("realpolitik.coding", "figurative", "MARKET_WORDS")
    mods = [k for k in tok.lefts if k.dep_ in ("compound", "poss", "nmod", "amod")]
    mods += [c for k in mods for c in k.lefts if c.dep_ == "compound"]  # "stock" of "stock market"
    mods += [o for p in tok.rights if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    return any(k.lemma_.lower() in market for k in mods)


def quantity_agent(tok, type_: str | None = None) -> bool:
    """Whether a verb trigger's doer is a measured quantity or its change, not a party ("helped by a rise in
    exports", "falling prices hit farmers", "growth helped X", a participle of a quantity "slower growth, reducing
    the demand for X's goods", a raised subject "the deficit is set to hit $300bn"): economic copy, no act
    (PLOVER's sources are political actors). A force verb (`type_` of FORCE_TYPES) whose doer is an event, a
    natural force or a work ("a delay hit the rules", "a storm hit the coast", "the song hit number one") uses
    no force either."""
    if tok.pos_ != "VERB":
        return False
    agents = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    agents += [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if not agents and tok.dep_ == "acl" and tok.tag_ == "VBG":
        agents = [tok.head]  # "slower growth, reducing the demand for X's goods": the quantity does it
    elif not agents and tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ in ("VERB", "AUX"):
        agents = [c for c in tok.head.children if c.dep_ in ("nsubj", "csubj")]  # "exports fell, hurting X"
    elif not agents and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in words("realpolitik.coding", "figurative",
                                                                                  "RAISING_VERBS"):
        agents = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "the deficit is set to hit"
    if tok.dep_ == "relcl":  # "disasters that hit the US": the relative pronoun stands for the noun
        agents = [tok.head if a.lower_ in ("that", "which") else a for a in agents]
    doers = words("realpolitik.coding", "figurative", "QUANTITY_AGENTS")
    if type_ in _tables()[0]:
        doers = doers | words("realpolitik.coding", "figurative", "FORCELESS_AGENTS")
    return bool(agents) and all(a.lemma_.lower() in doers for a in agents)


def _doers(tok, deps: tuple[str, ...] = ("nsubj",)) -> list:
    """A trigger's own children of `deps` and, for an object or infinitive, its verb's subject ("X offered a stake",
    "X agreed to buy")."""
    doers = [c for c in tok.children if c.dep_ in deps]
    if tok.dep_ in ("dobj", "xcomp") and tok.head.i != tok.i:
        doers += [c for c in tok.head.children if c.dep_ == "nsubj"]
    return doers


def _state_doer(tok) -> bool:
    """Whether a trigger's doer (its subject, or a noun's owner or its verb's subject) is a state or a political
    actor's noun ("Russia offered Ukraine a stake", "the government's takeover offer")."""
    from realpolitik.actors.tables import tables

    sectors = tables().sectors
    return any(d.ent_type_ in ("GPE", "NORP") or domain.is_political(sectors.get(d.lemma_.lower()))
               for d in _doers(tok, ("nsubj", "poss")))


def _named_body(tok) -> bool:
    """Whether a noun is the proper name of a firm, club or other body, no place or people ("Manchester Rovers",
    "the Paris Bourse"): what a sum is offered for or what is bought."""
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("", "GPE", "NORP", "LOC", "FAC")


def commercial_deal(tok, type_: str | None) -> bool:
    """Whether an offer, agreement, purchase, rejection or withdrawal is a firm's deal: the offer or object it is
    about names a takeover, a stake, shareholders or a price per share, or customers it is made to ("tabled a
    300 pence-per-share offer", "rejected a takeover offer", "is buying a 26% stake in X", "offer viewers loyalty
    points"), its maker is a suitor or bidder, it is to buy a part of something or a named body ("agreed to buy
    30% of X", "an offer to buy Manchester Rovers"), or a sum is offered for a named body ("offered 1.3bn pounds
    for the Paris Bourse"). A state's offer of troops or money
    names none of these, and a state's or government's deal ("Russia offered Ukraine a stake in a pipeline") stays;
    PLOVER codes political actors' dealings, not commerce."""
    if type_ not in words("realpolitik.coding", "figurative", "DEAL_TYPES") or _state_doer(tok):
        return False
    commerce = words("realpolitik.coding", "figurative", "COMMERCE_WORDS")
    buying = words("realpolitik.coding", "figurative", "BUYING_VERBS")
    nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    verbs = [tok] if tok.pos_ == "VERB" else []  # "bought 30% of X"
    verbs += [c for c in tok.children if c.dep_ in ("xcomp", "acl") and c.pos_ == "VERB"]
    verbs += [c for n in nouns for c in n.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    for v in verbs:  # "agreed to buy 30% of X", "an offer to buy a stake", "an offer to buy Manchester Rovers"
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if v.lemma_.lower() in buying and any(o.lower_ in ("%", "percent") or _named_body(o) for o in objs):
            return True
        if any(o.ent_type_ == "MONEY" for o in objs) and any(  # "offered 1.3bn pounds for the Paris Bourse"
                p.dep_ == "prep" and p.lower_ == "for" and any(_named_body(b) for b in p.children if b.dep_ == "pobj")
                for o in objs for p in [*o.children, *v.children]):
            return True
        nouns += objs
    if any(d.lemma_.lower() in words("realpolitik.coding", "figurative", "COMMERCE_DOERS") for d in _doers(tok)):
        return True  # "the German suitor will offer to run the market"
    for n in nouns:
        mods = [n] + [c for c in n.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
        mods += [o for m in mods for p in m.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        if any(m.lemma_.lower() in commerce for m in mods):
            return True
    return False


def words_of_attack(tok) -> bool:
    """Whether a verb of attack (VERBAL_ATTACK_VERBS: "attacked", "hit back", "clashed") is one of words: it
    has a clause of speech ("attacked X, saying ...", "hit back by saying ..."), a reason for it ("attacked X
    for failing to ...", "hit out at X for its sanctions", "clashed with Y over the budget", "on the issue") or
    an idiom of words ("hit out at", "lash out at"). Whose attack it is decides the rest (`speaker`)."""
    table = "figurative"
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in words("realpolitik.coding", table, "VERBAL_ATTACK_VERBS"):
        return False
    speech = words("realpolitik.coding", table, "SPEECH_COMPLEMENTS")
    reasons = _tables()[1] | words("realpolitik.coding", table, "CONTEST_TOPICS") | \
        words("realpolitik.coding", table, "REASON_NOUNS")
    for c in tok.children:
        if c.dep_ == "prt" and c.lower_ == "out":
            return True  # "hit out at", "lashed out at"
        if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in speech:
            return True  # "attacked X, saying ..."
        if c.dep_ != "prep":
            continue
        for o in c.children:
            if o.dep_ == "pcomp" and (c.lower_ == "by" and o.lemma_.lower() in speech
                                      or c.lower_ == "for" and o.tag_ == "VBG"):
                return True  # "hit back by saying ...", "attacked X for failing to ..."
            if (o.dep_ == "pobj" and c.lower_ in ("for", "over", "on", "about")
                    and o.lemma_.lower() in reasons):
                return True  # "hit out at X for its sanctions", "clashed with Y on the issue"
    return False


def speaker(m) -> bool:
    """Whether an attack's agent is one that attacks in words: an actor not of a state's or a rebel's forces
    (ARMED_SECTORS) and no bare state ("Israel attacked X, saying ..." can be a raid); an unknown agent is
    read by the verb's phrase alone."""
    if m is None or not m.code:
        return True
    sector = m.sector or ""
    if sector in words("realpolitik.coding", "figurative", "ARMED_SECTORS"):
        return False
    return bool(sector) or m.kind in ("igo", "person") or m.code.startswith("IGO")


def stoppage_agent(tok) -> bool:
    """Whether a verb's doer is a stoppage of work (STOPPAGE_NOUNS in a labour sense: "the UK-wide action hit job
    centres", "the rail strike hit commuters"): the verb tells its effect, no force used on anyone; an air strike
    that hit a house keeps its force."""
    if tok.pos_ != "VERB":
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in words("realpolitik.coding", "figurative", "STOPPAGE_NOUNS")
               and work_stoppage(c, [k for k in c.children if k.dep_ in ("compound", "amod")])
               for c in tok.children)


def contest_of_words(tok, type_: str | None) -> bool:
    """Whether a force noun names a contest of votes, courts, money or words, not of arms: modified by an
    abstract noun or a kind of contest ("the election battle", "a legal fight", "a price war"), fought
    "over" one ("its battle with X over deficit limits") or waged "on" or "against" one ("an attack on the
    plans"). PLOVER's force is used on parties, their people, places or things."""
    force, abstract, _ = _tables()
    if type_ not in force or tok.pos_ != "NOUN":
        return False
    kinds = words("realpolitik.coding", "figurative", "CONTEST_KINDS")
    if any(c.dep_ == "compound" and c.lemma_.lower() in abstract | kinds or c.dep_ == "amod"
           and c.lemma_.lower() in kinds for c in tok.children):
        return True  # (an adjective only of the kinds: "on high alert" is a force's state)
    topics = abstract | words("realpolitik.coding", "figurative", "CONTEST_TOPICS")
    near = list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" else [])  # "stepped up its battle over"
    if type_ == "ASSAULT" and any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
            o.dep_ == "pobj" and o.lemma_.lower() in abstract for o in c.children) for c in tok.children):
        return True  # "launched an attack on the spending plans": the plans are attacked in words
    return any(c.dep_ == "prep" and c.lower_ == "over" and any(t.lemma_.lower() in topics for t in c.subtree)
               for c in near)


def _subject_topic(s) -> str:
    """The lemma a clause subject is about: the counted noun of a count ("billions of farmers' livelihoods")."""
    lemma = s.lemma_.lower()
    if lemma in words("realpolitik.coding", "figurative", "COUNT_HEADS"):
        for p in s.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                o = next((c for c in p.children if c.dep_ == "pobj"), None)
                if o is not None:
                    return o.lemma_.lower()
    return lemma


def forecast(tok) -> bool:
    """Whether a warning is a forecast about the state of an economy, of nature or of people's welfare, no threat
    to a party: the subject of its reported clause is such a state or a quantity ("the IMF warned that Chile's
    deficit was too large", "crops will fail, the FAO warned"). A warning of one's own act or of what a party
    will face ("warned that X would face sanctions") keeps its sense."""
    table = words("realpolitik.coding", "figurative", "FORECAST_SUBJECTS") | \
        words("realpolitik.coding", "figurative", "QUANTITY_AGENTS")
    clauses = [c for c in tok.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(_subject_topic(s) in table for s in subjects)


def danger(tok) -> bool:
    """Whether a threat noun names a danger to a common good, no threat made by a party: its "to" object is such a
    good ("citing threats to national security", "a threat to regional stability"). A threat to a party ("threats
    to Israel", "a threat to its neighbours") keeps its sense."""
    goods = words("realpolitik.coding", "figurative", "ENDANGERED_GOODS")
    objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    return bool(objs) and all(p.lemma_.lower() in goods and p.ent_type_ not in ("GPE", "NORP", "ORG") for p in objs)


def failed(tok) -> bool:
    """Whether an event noun is the subject of a verb of failing ("the ceasefire between X and Y collapsed", "the truce
    broke down"): the undertaking's end, no new act of its kind."""
    if tok.dep_ != "nsubj" or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = tok.head
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False  # "the attack failed to take the city": it happened, short of its aim
    lemma = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children
                if c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "apart", "through")), None)
    return (f"{lemma}_{prt}" if prt else lemma) in words("realpolitik.coding", "figurative", "FAILURE_VERBS")


def described(tok, type_: str | None) -> bool:
    """Whether a cooperative event noun is what someone calls or describes a thing ("described the deal as the most
    important agreement between X and Y", "hailed it as a breakthrough in cooperation with X", "called it a historic
    accord"): a characterisation of what the sentence names, told elsewhere as an act, no new act. A force noun
    there ("in what officials described as an Israeli strike") is often the only report of the attack, and stays."""
    if type_ not in words("realpolitik.coding", "figurative", "DESCRIBED_TYPES") or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    for _ in range(2):  # "a breakthrough in cooperation with X", "an example of cooperation between X and Y"
        if not (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of") and tok.head.head.pos_ == "NOUN"):
            break
        tok = tok.head.head
    h = tok.head
    if tok.dep_ == "pobj" and h.lower_ == "as" and h.dep_ == "prep":
        h = h.head  # "described it as an agreement"
    elif tok.dep_ != "oprd":  # "called it an agreement"
        return False
    return h.pos_ == "VERB" and h.lemma_.lower() in words("realpolitik.coding", "figurative", "DESCRIBING_VERBS")


def question(tok) -> bool:
    """Whether a verb of asking puts a question, not a request: its clause opens with "if" or "whether" ("asked
    the reporter if he was a spy", the parser's "heard asking X if ..." hanging the clause on "heard"); a request
    asks for an act ("asked X to withdraw", "asked X for aid if ...": "if" is then a condition)."""
    if tok.lemma_.lower() not in words("realpolitik.coding", "figurative", "QUESTION_VERBS"):
        return False
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return False
    marks = words("realpolitik.coding", "figurative", "QUESTION_MARKS")
    clauses = list(tok.children) + ([c for c in tok.head.children if c.i > tok.i] if tok.dep_ == "xcomp" else [])
    return any(c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in clauses)


def _work(tok) -> bool:
    """Whether a noun is a work of fiction with a determiner or owner ("the film", "his novel")."""
    return (tok.lemma_.lower() in words("realpolitik.coding", "figurative", "FICTION_WORKS")
            and any(c.dep_ in ("det", "poss") for c in tok.children))


def fiction(tok) -> bool:
    """Whether a trigger tells a story's plot, no event: what a character played does ("Willis plays a US commander
    who helps X", "she stars as an envoy who meets Y"), what happens "in the film" or "in his novel" (an opening
    phrase of the sentence's main verb), or what a work's plot shows ("the novel follows a spy who helps X").
    PLOVER codes acts of real political actors; an arts page reads their names in a work's story."""
    table = "figurative"
    root = tok
    while root.head.i != root.i:
        c, h = root, root.head
        if c.dep_ in ("relcl", "acl") and h.pos_ in ("NOUN", "PROPN"):
            v = h.head
            if (h.dep_ == "dobj" and v.lemma_.lower() in words("realpolitik.coding", table, "ROLE_VERBS")
                    and h.lemma_.lower() not in words("realpolitik.coding", table, "NOT_ROLES")):
                return True  # "plays a commander who ..."
            if (h.dep_ == "pobj" and v.lower_ == "as" and v.dep_ == "prep"
                    and v.head.lemma_.lower() in words("realpolitik.coding", table, "AS_ROLE_VERBS")):
                return True  # "stars as an envoy who ..."
        root = h
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(o.dep_ == "pobj" and _work(o) for o in c.children)
           for c in root.children):
        return True  # "In the film, a general orders an attack on X"
    return (root.lemma_.lower() in words("realpolitik.coding", table, "DEPICTING_VERBS")
            and any(c.dep_ == "nsubj" and _work(c) for c in root.children))  # "the novel follows a spy who ..."
