"""Public statements that frame an act without being one (CAMEO 01): hopes and doubts, condolences, claims of
one's own acts, options weighed, non-answers and denials of accusations. The rules coder drops their triggers."""
from __future__ import annotations

import logging

from realpolitik import wordsets
from realpolitik.coding.roles import ACCUSATION_LEMMAS, DENIAL_LEMMAS, child, token_lemma

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "statements")

# Verbs of speaking whose refusal is a non-answer, not a rejection ("declined to comment").
NO_COMMENT_LEMMAS = _words("NO_COMMENT_LEMMAS")
# (ACCUSATION_LEMMAS and DENIAL_LEMMAS, the objects and verbs that make a denial a statement, are roles.py's.)
# Hopes, doubts and moods (CAMEO 012/013 pessimistic or optimistic comment): what they frame is no act.
HOPE_LEMMAS = _words("HOPE_LEMMAS")
# Wishes that bid another act ("X wants Y to withdraw"): a request (lexicon.txt), no hope, with a subject of their own.
BIDDING_WISHES = _words("BIDDING_WISHES")
# Empathetic comments (CAMEO 018) and the verbs that voice them or a mood.
EMPATHY_LEMMAS = _words("EMPATHY_LEMMAS")
VOICING_LEMMAS = _words("VOICING_LEMMAS")
# Verbs and nouns of weighing an option (CAMEO 014): what they govern is not done yet.
CONSIDER_LEMMAS = _words("CONSIDER_LEMMAS")
# Phrasal verbs (verb: particle) that exclude an option or leave it open: what they govern is not done.
OPTION_PHRASALS = {k[0]: frozenset(v) for k, v in wordsets.rows("realpolitik.coding", "statements", "OPTION_PHRASALS")}
# Verbs of arguing or believing: what they govern is an opinion, no report of an act.
OPINION_VERBS = _words("OPINION_VERBS")
# What is shared when "share" is agreement of opinion, not cooperation ("a view shared by many").
SHARED_VIEWS = _words("SHARED_VIEWS")
# Verbs of agreeing or granting that take a view as complement ("agreed that there is cause for optimism").
VIEW_VERBS = _words("VIEW_VERBS")
# Verbs of a complement that states how things are, not what anyone will do.
STATIVE_LEMMAS = _words("STATIVE_LEMMAS")
# Auxiliaries of obligation or advice: what they govern is what someone holds an actor ought to do.
DEONTIC_AUX = _words("DEONTIC_AUX")
# Pronouns of nothing: what an actor said or did nothing about is no act ("said nothing about supporting X").
NOTHING_WORDS = _words("NOTHING_WORDS")
# Verbs of obligation taking an infinitive ("will have to accept", "has to withdraw"): as DEONTIC_AUX when not past.
OBLIGATION_VERBS = _words("OBLIGATION_VERBS")
# Modals of ability or possibility: in a relative clause, what the verb names is a power, no act.
ABILITY_MODALS = _words("ABILITY_MODALS")
# Adverbs that make a present simple a standing state ("currently receive IMF support").
STANDING_ADVERBS = _words("STANDING_ADVERBS")
TERMS_PREPS = _words("TERMS_PREPS")


def considered(tok) -> bool:
    """Whether a trigger is only an option weighed ("is considering sending aid", "explored the possibility of
    lifting the ban"), excluded or left open ("did not rule out talks", "did not rule out that there had been a
    deal"): CAMEO 014 "consider policy option" is a public statement, no act yet."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        h = t.head
        if t.dep_ in ("xcomp", "pcomp", "dobj", "ccomp") and token_lemma(h) in CONSIDER_LEMMAS:
            return True
        if (t.dep_ in ("xcomp", "dobj", "ccomp") or t.dep_ == "advcl" and t.tag_ == "VBG") and any(
                c.dep_ == "prt" and c.lower_ in OPTION_PHRASALS.get(token_lemma(h), ()) for c in h.children):
            return True  # "did not rule out talks with X", "ruled out sending troops" (parsed as a clause too)
        if t.dep_ == "attr" and h.lemma_ == "be" and h.dep_ == "ccomp":
            t = h  # "did not rule out that there had been an agreement": the clause's verb is governed
            continue
        if t.dep_ not in ("pcomp", "pobj", "prep", "dobj") and not (t.dep_ == "xcomp" and h.pos_ == "VERB"):
            return False
        t = h
    return False


def of_nothing(tok) -> bool:
    """Whether a trigger lies in what an actor is said to have said or done nothing about ("said nothing about
    supporting X", "did nothing to help X"): no act, and no statement of one."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("pobj", "pcomp", "prep", "acl", "relcl") or t.dep_ == "advcl" and t.tag_ == "VB":
            t = t.head
        else:
            return False
        if t.lower_ in NOTHING_WORDS and t.dep_ in ("dobj", "attr"):
            return True
    return False


def deontic(tok) -> bool:
    """Whether a verb trigger is governed by an auxiliary of obligation or advice ("the government must press
    the Commission", "Britain should cut its aid"): a view of what an actor ought to do, voiced by someone,
    no act of that actor. The speaker's demand, where an actor says it, is coded by candidates._obligation
    ("X said Y must ..."); here the trigger itself yields. So does what an actor "will have to" do. Coordinated
    and controlled verbs share the auxiliary ("must press X and raise Y", "should try to persuade X"), and so
    does a purpose infinitive ("must take the opportunity to press X")."""
    t = tok
    for _ in range(5):
        if t.pos_ not in ("VERB", "AUX"):
            return False
        if any(a.dep_ == "aux" and a.lower_ in DEONTIC_AUX for a in t.children):
            # "under the deal, X must sign ...": a term the parties agreed, which is news
            return not any(c.dep_ == "prep" and c.lower_ in TERMS_PREPS for c in t.children)
        h = t.head
        if (t.dep_ == "xcomp" and h.i != t.i and token_lemma(h) in OBLIGATION_VERBS and h.tag_ in ("VB", "VBZ", "VBP")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)):
            # "X may have to accept Y", "X has to withdraw": what X is obliged to do, no act yet ("had to
            # withdraw" tells that it did); a term of a deal ("under the deal, X has to sign") is news
            return not any(c.dep_ == "prep" and c.lower_ in TERMS_PREPS for c in (*t.children, *h.children))
        if t.head.i == t.i:
            return False
        if t.dep_ == "acl" and t.head.dep_ in ("dobj", "attr"):
            t = t.head.head  # "must take the opportunity (afforded by Y) to press X": the object's verb
            continue
        if t.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
            t = t.head  # a purpose infinitive: "should act to stop X"
            continue
        if t.dep_ not in ("conj", "xcomp"):
            return False
        t = t.head
    return False


def standing(tok) -> bool:
    """Whether a verb trigger describes what its actor habitually does or keeps doing, not a new act: the
    present simple of a relative clause ("lawmakers who blame China for lost jobs", "Turkey, which occupies
    the north", "the terrorists who threaten Britain"). A present perfect or past relative clause ("which has
    sent troops", "who signed the deal") can be news and stays. So is a present simple with "currently" in any
    clause ("X currently receives IMF support"); "routinely beat detainees" is a practice the guide codes."""
    t = tok
    while t.dep_ == "xcomp" and t.head.i != t.i and t.head.pos_ == "VERB":
        t = t.head  # "Americans who continue to defy the ban": the relative clause's own verb says it
    if (t.pos_ == "VERB" and tok.pos_ == "VERB" and t.dep_ == "relcl" and t.tag_ in ("VBP", "VBZ")
            and not any(a.dep_ in ("aux", "auxpass") for a in t.children)):
        return True
    if tok.pos_ == "VERB" and current_state(t):
        return True
    return able(tok)


def current_state(verb) -> bool:
    """Whether a verb is a present simple with an adverb of the present state ("X and Y currently receive IMF
    support", in any clause): a standing state, no new act; a noun trigger it governs yields too."""
    return (verb.pos_ == "VERB" and verb.tag_ in ("VBP", "VBZ")
            and not any(a.dep_ in ("aux", "auxpass") for a in verb.children)
            and any(a.dep_ == "advmod" and a.lower_ in STANDING_ADVERBS for a in verb.children))


def able(tok) -> bool:
    """Whether a verb trigger says what its actor is able to do, in a relative clause with a modal of ability
    or possibility ("the US, which can veto any plan", "arms that China could use to threaten Y"): a power,
    no act (the clause's own verb, or a trigger it governs as its object's or its own complement: "which can
    veto any plan to sell Z"; not through a preposition: "a policy that could allow it to join Y in aiding Z")."""
    t = tok
    while t.dep_ in ("xcomp", "advcl", "dobj", "acl") and t.head.i != t.i:  # not through a preposition
        t = t.head
    return (t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX")
            and any(a.dep_ == "aux" and a.lower_ in ABILITY_MODALS for a in t.children))


def shared_view(tok) -> bool:
    """Whether "share" shares a view, not information or resources ("a view shared by many", "shares the
    concern"): agreement of opinion is no cooperation."""
    if tok.pos_ != "VERB" or token_lemma(tok) != "share":
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and token_lemma(c) in SHARED_VIEWS for c in tok.children)


def opined(tok) -> bool:
    """Whether a trigger lies in what someone argues or believes ("X argued the government is giving in to
    pressure", "he thinks Y would help"): an opinion about an act, no report of one. Reported speech of
    fact ("said", "announced", "confirmed") is left alone."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("ccomp", "parataxis") and token_lemma(t.head) in OPINION_VERBS:
            return True
        if (t.dep_ == "xcomp" and token_lemma(t.head) in OPINION_VERBS
                and any(c.dep_ in ("auxpass", "nsubjpass") for c in t.head.children)
                and not any(a.dep_ == "aux" and a.lemma_ == "have" for a in t.children)):
            # "ministers are thought to support the plan": a belief about where they stand, no act reported
            # ("X is thought to have sent troops" is a hedged report of one, which the guide codes)
            return True
        t = t.head
    return False


def bids_another(tok) -> bool:
    """Whether a wish bids a named other act: "wants Azerbaijan to end the sanctions" (a "to" clause of an act
    with a named subject of its own), not "wants to sell arms", "does not want the ban lifted" nor "wanted the
    UK to be strong" (a state wished for, no act asked)."""
    return token_lemma(tok) in BIDDING_WISHES and any(
        c.dep_ == "ccomp" and c.pos_ == "VERB" and getattr(child(c, "nsubj"), "pos_", None) == "PROPN"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children)


def _subtree_but_conj(tok) -> set[int]:
    """Token indices of what `tok` governs, leaving out clauses merely coordinated with it ("and sent aid")."""
    out = {tok.i}
    for c in tok.children:
        if c.dep_ not in ("conj", "cc"):
            out |= {t.i for t in c.subtree}
    return out


def statement_frames(sent) -> set[int]:
    """Tokens of CAMEO public statements (01) and all they frame, which are no events of their own:
    hopes and doubts ("hoped the talks would resume", "voiced pessimism about a deal"; CAMEO 012/013),
    condolences and respects ("expressed condolences to the families of those killed"; 018), claims of
    one's own acts ("claimed that they had attacked X"; 015), agreeing that things are so ("agreed that there
    is cause for optimism": the verb only) and agreeing with a view ("agrees with the
    panel that ..."; not an agreement to act)."""
    out: set[int] = set()
    for tok in sent:
        lem = token_lemma(tok)
        if tok.pos_ == "VERB" and lem in HOPE_LEMMAS and not bids_another(tok):
            out |= _subtree_but_conj(tok)
        elif tok.pos_ == "ADJ" and lem in HOPE_LEMMAS and tok.dep_ in ("acomp", "ROOT"):
            out |= _subtree_but_conj(tok.head if tok.dep_ == "acomp" else tok)  # "is skeptical about X doing"
        elif tok.pos_ == "VERB" and lem in CONSIDER_LEMMAS:
            for c in tok.children:  # "is considering sending aid to help X": an option weighed (CAMEO 014)
                if c.dep_ in ("xcomp", "dobj", "ccomp"):
                    out |= {t.i for t in c.subtree}
        elif lem in ("decline", "refuse") and any(c.dep_ == "xcomp" and token_lemma(c) in NO_COMMENT_LEMMAS
                                                  for c in tok.children):
            out |= _subtree_but_conj(tok)  # "declined to comment on reports that ...": CAMEO 011, a statement
        elif tok.pos_ == "NOUN" and lem in HOPE_LEMMAS | EMPATHY_LEMMAS and tok.dep_ == "dobj" \
                and token_lemma(tok.head) in VOICING_LEMMAS:
            out |= _subtree_but_conj(tok.head)
        elif lem == "claim" and tok.pos_ == "VERB":
            for c in tok.children:
                s = child(c, "nsubj", "nsubjpass") if c.dep_ == "ccomp" else None
                if s is not None and s.pos_ == "PRON":
                    out |= {t.i for t in c.subtree}
        elif lem in VIEW_VERBS and tok.pos_ == "VERB" and not any(c.dep_ in ("xcomp", "dobj") for c in tok.children) \
                and any(c.dep_ == "ccomp" and token_lemma(c) in STATIVE_LEMMAS
                        and not any(a.dep_ == "aux" for a in c.children) for c in tok.children):
            out.add(tok.i)  # "agreed that there is cause for optimism": a shared view, no agreement to act
        elif lem == "agree" and tok.pos_ == "VERB" \
                and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) \
                and not any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("on", "to"))
                            for c in tok.children):
            out |= _subtree_but_conj(tok)
    return out


def denied_accusations(sent) -> set[int]:
    """Tokens of denials of accusations or reports ("rejected the charges that it had ..."): the denying verb
    and the accusation noun, which make no event (CAMEO 016, a statement). What is denied stays a candidate:
    coded, it carries factuality "denied" (as "denied sending weapons" does), so the claim is kept apart from
    fact. Dropping it too measured +0.007 sentence-quad macro-F1 on pentaclass_dev, whose labels call such
    sentences statements, but loses the denied claims the seedlike style codes."""
    out: set[int] = set()
    for tok in sent:
        if tok.pos_ != "VERB" or token_lemma(tok) not in DENIAL_LEMMAS:
            continue
        o = child(tok, "dobj", "nsubjpass")
        if o is not None and token_lemma(o) in ACCUSATION_LEMMAS:
            out.add(o.i)
            if bare_accusation(o) is None:
                out.add(tok.i)
    return out


def bare_accusation(noun):
    """The accusation noun itself when it names no claim of its own ("rejected the accusation", "denied the
    charges"), else None ("rejected the allegations that it had ...", "denied accusations of spying"): a bare one
    answers an accusation made before, whose author the denial is aimed at (reactions.py)."""
    if any(c.dep_ in ("acl", "relcl", "ccomp", "appos") or (c.dep_ == "prep" and c.lower_ == "of")
           for c in noun.children):
        return None
    return noun
