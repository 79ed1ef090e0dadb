"""Known wrong readings, fixed by mechanism: each function names one distinction the trigger alone
misses, from the parse around it, for any sentence of its kind.

- Two parties exchanging fire or trading strikes fight: ASSAULT both ways, never COOPERATE; trading
  accusations or threats is ACCUSE / THREATEN both ways.
- Drills around a third party are a show of force toward it: MOBILIZE toward the third, not cooperation.
- Background and past events ("in June last year", "since the 1990s", "in 2019", pluperfect "had signed")
  are no new events on the article's date: they are dropped (see `past_marker`).
- Economic statistics ("exports to X rose 5%") report no state act.
- A bullet's event with no subject of its own takes the actor of its lead-in ("Sweden said it would:").
- A pronoun subject no actor in its sentence resolves ("They accused X") is the previous sentence's subject.
- A crowd protesting ("thousands of farmers protested") is a street protest, not a verbal one; a crowd's
  protest with no target named is against its own state's government.
- Two parties inside one state, a state organ and a sector of its society or another organ ("police detained
  students"), are an event between them, not a state acting on its own people.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace

from realpolitik import wordsets
from realpolitik.coding.roles import ActorIndex, has_country

_words = wordsets.reader("realpolitik.coding", "readings")

# Verbs of a two-way exchange and the objects that make the exchange a fight ("exchanged fire", "traded
# artillery strikes", "swapped blows"): the PLOVER manual codes fighting between two parties as ASSAULT.
EXCHANGE_LEMMAS = _words("EXCHANGE_LEMMAS")
FIRE_OBJECTS = _words("FIRE_OBJECTS")
CLASH_LEMMAS = _words("CLASH_LEMMAS")
REPLY_LEMMAS = _words("REPLY_LEMMAS")
# Prepositions placing drills around a party rather than with it ("drills around Taiwan", "off Japan").
AROUND_PREPS = _words("AROUND_PREPS")
EXERCISE_LEMMAS = _words("EXERCISE_LEMMAS")
# Verbs of a statistic's change: their subject is a measured quantity, not an act ("exports rose 5%").
CHANGE_VERBS = _words("CHANGE_VERBS")
# Trade nouns that are a flow measured over time when they are a change verb's subject.
FLOW_NOUNS = _words("FLOW_NOUNS")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(?:1[89]\d0|20\d0)'?s$")
_TIME_PREPS = _words("_TIME_PREPS")
# Marks of a clause of time whose pluperfect sets the scene ("after X had signed", "when X had left").
BACKGROUND_MARKS = _words("BACKGROUND_MARKS")


def token_lemma(tok) -> str:
    return tok.lemma_.lower()


def _objects(tok) -> list:
    """The trigger's direct objects with their coordinated ones."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "obj"):
            out += [c, *c.conjuncts]
    return out


def _exchanged_noun(tok):
    """What two parties exchange in a headline the parser read as one noun phrase ("Israel and Iran trade
    strikes", "X, Y trade accusations": "trade" tagged a noun compounded into it), for the traded noun as trigger
    or for that compounded "trade"/"exchange" itself; else None."""
    if tok.pos_ != "NOUN":
        return None
    if any(c.dep_ == "compound" and c.tag_ in ("NN", "VBP", "VB") and token_lemma(c) in EXCHANGE_LEMMAS
           for c in tok.children):
        return tok
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and token_lemma(tok) in EXCHANGE_LEMMAS:
        return tok.head
    return None


def mutual_fight(tok) -> bool:
    """Whether a trigger is an exchange of fire ("exchanged fire", "traded strikes") or a clash ("X clashed with
    Y", "clashes with Y"): a fight both ways (training/GUIDE.md codes clashes A->B and B->A)."""
    if token_lemma(tok) in CLASH_LEMMAS:
        return True
    if token_lemma(tok) in REPLY_LEMMAS and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back"
                                                for c in tok.children):
        return True  # "troops fired back at the rebels": the rebels had fired too
    noun = _exchanged_noun(tok)
    if noun is not None:
        return bool({noun.lower_, token_lemma(noun)} & FIRE_OBJECTS)
    if token_lemma(tok) not in EXCHANGE_LEMMAS or tok.pos_ != "VERB":
        return False
    for o in _objects(tok):
        words = {o.lower_, token_lemma(o)} | {c.lower_ for c in o.children if c.dep_ == "compound"}
        if words & FIRE_OBJECTS:
            return True
    return False


EXCHANGED_ACTS = {w: k[0] for k, v in wordsets.rows("realpolitik.coding", "readings", "EXCHANGED_ACTS") for w in v}


def exchanged_act(tok) -> str | None:
    """The act two parties trade when they exchange words of conflict ("traded accusations", "exchanged
    threats"): each does it to the other (PLOVER ACCUSE / THREATEN both ways), never COOPERATE; else None."""
    noun = _exchanged_noun(tok)
    if noun is not None:
        return EXCHANGED_ACTS.get(token_lemma(noun)) or EXCHANGED_ACTS.get(noun.lower_.rstrip("s"))
    if token_lemma(tok) not in EXCHANGE_LEMMAS or tok.pos_ != "VERB":
        return None
    for o in _objects(tok):
        act = EXCHANGED_ACTS.get(token_lemma(o)) or EXCHANGED_ACTS.get(o.lower_.rstrip("s"))
        if act:
            return act
    return None


def drills_toward(tok, idx: ActorIndex, sources) -> list:
    """The third party drills are held around ("joint drills around X", "exercises near X"), else []."""
    if token_lemma(tok) not in EXERCISE_LEMMAS and tok.lower_ not in EXERCISE_LEMMAS:
        return []
    own = {m.code[:3] for m in sources}
    holders = [tok] + ([tok.head] if tok.dep_ in ("dobj", "nsubjpass", "nsubj") else [])
    for h in holders:
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in AROUND_PREPS:
                continue
            objs = [o for o in p.children if o.dep_ == "pobj"]
            if p.lower_ == "close":  # "close to X"
                objs += [o for q in p.children if q.lower_ == "to" for o in q.children if o.dep_ == "pobj"]
            for o in objs:
                found = [m for m in idx.np_conj(o) if has_country(m) and m.code[:3] not in own]
                if found:
                    return found
    return []


# Month names (English), for "in October": an act in another month than the article's is before it.
_MONTHS = {calendar.month_name[i]: i for i in range(1, 13)}


def _earlier_month(month, verb, date: str | None) -> bool:
    """Whether a past-tense act "in <Month> <year>" lies before the article's month in the article's year
    ("agreed in March 2005" in a June 2005 article); a month with no year is dated instead (coding/when.py)."""
    if not date or len(date) < 7 or not date[5:7].isdigit() or verb.tag_ not in ("VBD", "VBN"):
        return False
    m, now = _MONTHS[month.text], int(date[5:7])
    years = [int(k.text) for k in month.subtree if k.i != month.i and _YEAR.match(k.text)]
    if not years:
        # "in May" alone is dated in that month by coding/when.py (last year's May when the month lies after
        # the article's), so the event is no new one on the article's date and is kept
        return False
    return years[0] == int(date[:4]) and m < now


def past_marker(tok, date: str | None) -> str | None:
    """Why an event lies in the past of the article, or None: a year before the article's, a past act in an
    earlier month, a decade, "last year"/"years ago", "since <year>", a background cue ("once", "the
    previous talks"), or the pluperfect of a clause no one reports ("had signed").

    Such events are background: coding them on the article's date would make a past act a new one."""
    verb = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr", "nsubjpass") else tok
    year = int(date[:4]) if date and date[:4].isdigit() else None
    heads = {verb, tok}
    if tok.dep_ in ("advcl", "xcomp", "nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        heads.add(tok.head)  # "X reopened the border in 2022, restoring trade", "fighting broke out in 2023"
    heads |= {c for c in tok.children if c.dep_ == "xcomp"}  # "first offered to lead a mission in July 2023"
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        heads.add(tok.head.head)  # "was jailed last year for killing X": the act behind a dated one is as old
    # "last year X sent a ship, prompting Y to put its navy on alert": a participle clause of consequence is as
    # old as the act it follows (from the trigger's own clause verb, through an infinitive it governs)
    clause = tok
    while clause.pos_ not in ("VERB", "AUX") and clause.dep_ in ("pobj", "prep", "dobj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "xcomp":
        clause = clause.head
    if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head.pos_ in ("VERB", "AUX"):
        heads.add(clause.head)
    # "last year seized and sold the arm": a verb joined to another, with no time of its own, shares its time
    if (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and verb.head.tag_ == verb.tag_
            and not any(c.dep_ == "npadvmod"
                        or (c.dep_ == "advmod" and c.lower_ in _background_words("OWN_TIME_ADVERBS"))
                        or (c.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in c.subtree))
                        for c in verb.children)):
        heads.add(verb.head)
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _TIME_PREPS:
                # in an undated article, "in <year or month>" on a simple past is all that dates the act
                undated_in = (year is None and c.lower_ == "in"
                              and (h.tag_ == "VBD" or (h is tok and verb.tag_ == "VBD")))
                for o in c.subtree:
                    if _DECADE.match(o.text):
                        return f"decade {o.text}"
                    if _YEAR.match(o.text) and o.pos_ == "NUM" and year is not None and int(o.text) < year:
                        return f"year {o.text}"
                    if undated_in and _YEAR.match(o.text) and o.pos_ == "NUM":
                        return f"year {o.text}, undated"  # "imposed its ban in 1989": no news act is dated by its year
                    if o.lower_ == "year" and any(k.lower_ == "last" for k in o.children):
                        return "last year"
                    if (undated_in and o.text in _MONTHS and o.dep_ == "pobj"
                            and any(not t.is_space for t in tok.doc[:tok.sent.start])):
                        # "tightened its embargo in May" after the lead: no news act is dated by its month
                        # alone (an opening sentence's month dates its news)
                        return f"month {o.text}, undated"
                    if c.lower_ == "in" and o.text in _MONTHS and _earlier_month(o, verb, date):
                        return f"month {o.text}"
            if c.dep_ in ("npadvmod", "advmod") and c.lower_ in ("year", "ago"):
                words = {t.lower_ for t in c.subtree}
                if c.lower_ == "year" and "last" in words:
                    return "last year"
                if c.lower_ == "ago" and words & {"years", "decades", "year", "decade"}:
                    return "years ago"
    cue = background_cue(tok, verb)
    if cue:
        return cue
    if verb.pos_ in ("VERB", "AUX") and verb.tag_ == "VBN" and any(
            a.dep_ == "aux" and a.lower_ in ("had", "'d") for a in verb.children):
        up = verb
        while up.dep_ in ("conj", "xcomp") and up.head.i != up.i:
            up = up.head
        # only a main clause or a clause of time ("before the war began, X had signed") sets the scene; a
        # complement ("said it had sent", "reports that it had sent", "accusations that it had shelled")
        # reports the act itself, and "if X had ..." is counterfactual
        if _time_clause(up) or (up.dep_ == "ROOT" and any(_time_clause(c) for c in up.children)):
            return "pluperfect, timed"  # "after X had signed", "X had signed before the war began"
        if up.dep_ == "ROOT":
            return "pluperfect"  # an opening sentence's is its news (`opening_news`)
    return None


def _main_clause(verb) -> bool:
    """Whether a verb heads the main clause, through the verbs it is joined to or the infinitive of."""
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _time_clause(tok) -> bool:
    """Whether a clause is a clause of time ("before the war began", "after X had left")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in tok.children)


def opening_news(past: str | None, sent) -> bool:
    """Whether a past act is the news of its article all the same: a main clause's pluperfect with no clause
    of time, a present perfect with "since" (`standing_since`), an "already" or an act told with the reaction
    it prompted (`told_consequence`), in the sentence that opens the
    article ("X had freed the hostages", "X has killed 81 people since April", "X has already sent troops"): no
    earlier act is told before it for it to set the scene of, so its tense is the reporter's, not background."""
    return past in ("pluperfect", "perfect since", "already", "told consequence") and all(
        t.is_space for t in sent.doc[:sent.start])


def _background_words(name: str) -> frozenset[str]:
    from realpolitik.wordsets import words

    return words("realpolitik.coding", "background", name)


def background_cue(tok, verb) -> str | None:
    """Why a trigger is background by its own words, without a date: a past adverb of its verb ("once
    advised", "previously imposed"), a past modifier of its noun ("the previous talks"), "in the past", "in
    recent years", or
    an earlier act the news follows ("in the aftermath of the crackdown")."""
    # a past tense in a main clause: "once the troops withdraw, talks begin" is a condition
    told = verb.tag_ in ("VBD", "VBN") and verb.dep_ != "advcl"
    for c in verb.children:
        if told and c.dep_ == "advmod" and c.lower_ in _background_words("PAST_ADVERBS"):
            return f"adverb {c.lower_}"
        if told and c.dep_ == "advmod" and c.lower_ in _background_words("ALREADY_ADVERBS") and _main_clause(verb):
            # "the UK has already cancelled its debts": an opening sentence's is its news (`opening_news`), and a
            # complement's ("said concessions had already been offered") reports the act itself
            return "already"
        if c.dep_ == "prep" and c.lower_ == "in" and any(
                o.dep_ == "pobj" and o.lower_ in _background_words("PAST_PREP_OBJECTS") for o in c.children):
            return "in the past"
        if c.dep_ == "prep" and c.lower_ == "at" and any(
                o.dep_ == "pobj" and o.lower_ in _background_words("PAST_AT_OBJECTS")
                and any(d.lower_ == "the" for d in o.children) and not any(d.dep_ == "prep" for d in o.children)
                for o in c.children):
            return "at the time"
    # "asked X to leave in recent years": the span may hang on the verb's infinitive
    spans = [c for v in (verb, *(x for x in verb.children if x.dep_ == "xcomp")) for c in v.children
             if c.dep_ == "prep" and c.lower_ == "in"]
    if told and any(o.dep_ == "pobj" and o.lower_ in _background_words("RECENT_SPANS")
                    and any(m.dep_ == "amod" and m.lower_ == "recent" for m in o.children)
                    for c in spans for o in c.children):
        return "in recent years"
    cause = _earlier_cause(tok, verb)
    if cause:
        return cause
    if describing_relative(tok, verb):
        return "describing relative"
    if speaker_relative(tok):
        return "speaker relative"
    if earlier_agent(tok, verb):
        return "earlier agent"
    if told_consequence(tok):
        return "told consequence"
    if told_history(tok):
        return "told history"
    if standing_since(tok, verb):
        return "perfect since"
    if tok.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "amod" and c.lower_ in _background_words("PAST_NOUN_MODS") for c in tok.children):
            return "earlier act"
        head = tok.head
        if (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i
                and token_lemma(head.head) in _background_words("PAST_FRAME_NOUNS")):
            return f"{head.head.lower_} of"
    return None


def describing_relative(tok, verb) -> bool:
    """Whether a trigger is told in a simple past relative clause set off by a comma to describe a participant ("Turkey,
    which sent troops to Syria in 2016, ...", "the minister, who met X, said ..."): what the participant did
    before, told to say who it is, no news act of the sentence. So is a past participle set off by commas on
    another noun than the trigger ("the merger, backed by X, will ..."; not "the attack, claimed by X, ...",
    which tells the news act itself)."""
    v = _clause_verb(tok, verb)
    while v.dep_ == "conj" and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
        v = v.head  # "which sent troops and trained fighters"
    if (v.dep_ == "acl" and v.tag_ == "VBN" and v.i > 0 and tok.doc[v.i - 1].text == ","
            and v.head.pos_ in ("NOUN", "PROPN") and v.right_edge.i + 1 < len(tok.doc)
            and tok.doc[v.right_edge.i + 1].text == "," and tok.i not in (v.head.i, *(t.i for t in v.head.lefts))):
        # "the merger, backed by the authorities, will ...": a participle set off by a comma says what the thing is
        return not any(t.lower_ in _background_words("NEWS_TIMES") for t in v.subtree)
    if v.dep_ != "relcl" or v.pos_ not in ("VERB", "AUX"):
        return False
    # a simple past: a present perfect ("France, which has vetoed the bid, ...") tells an act bearing on the news
    past = v.tag_ == "VBD"
    rel = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                and c.lower_ in _background_words("RELATIVE_PRONOUNS")), None)
    if not past or rel is None or rel.i == 0 or tok.doc[rel.i - 1].text != ",":
        return False
    # "Grossi, who met X in Doha on Tuesday, said ...": a clause dated in the news's own days tells news
    return not any(t.lower_ in _background_words("NEWS_TIMES") for t in v.subtree)


def speaker_relative(tok) -> bool:
    """Whether a trigger is told in a past or perfect relative clause on the subject of a verb of saying ("X, who
    was instrumental in returning Y to the party, insisted ...", "a barrister who has resigned in protest says
    ..."): what the speaker did before, told to say who speaks, no news act of the sentence (unless a word of the
    news's days dates it: "X, who met Y on Tuesday, said")."""
    v = tok
    for _ in range(8):
        if v.dep_ == "relcl" or v.head.i == v.i or v.dep_ not in _background_words("RELATIVE_INNER_DEPS"):
            break
        v = v.head
    if v.dep_ != "relcl" or v.pos_ not in ("VERB", "AUX"):
        return False
    noun = v.head
    if noun.dep_ != "nsubj" or token_lemma(noun.head) not in _background_words("SPEAKER_VERBS"):
        return False
    rel = next((c.lower_ for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                and c.lower_ in _background_words("RELATIVE_PRONOUNS")), None)
    if rel is None:
        return False
    # a perfect only on a person ("a barrister who has resigned"): a state's ("France, which has vetoed the bid,
    # said ...") bears on the news
    perfect = v.tag_ == "VBN" and any(a.dep_ in ("aux", "auxpass") and a.lower_ in ("has", "have", "had")
                                      for a in v.children)
    if v.tag_ != "VBD" and not (perfect and rel in _background_words("PERSON_RELATIVES")):
        return False
    return not any(t.lower_ in _background_words("NEWS_TIMES") for t in v.subtree)


def earlier_agent(tok, verb) -> bool:
    """Whether a trigger's past act is done by a government of before ("the previous government attempted to cut
    subsidies but was forced to back down", "tariffs imposed by the former regime"): its acts are history, the
    news is what the present one does."""
    v = _clause_verb(tok, verb)
    verbs = [v]
    while v.dep_ in ("conj", "xcomp") and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
        verbs.append(v)
    if not any(x.tag_ in ("VBD", "VBN") for x in verbs):
        return False
    agents = [c for x in verbs for c in x.children if c.dep_ == "nsubj"]
    agents += [o for x in verbs for c in x.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return any(token_lemma(a) in _background_words("PAST_AGENT_NOUNS") and any(
        m.dep_ == "amod" and m.lower_ in _background_words("PAST_NOUN_MODS") for m in a.children) for a in agents)


def told_consequence(tok) -> bool:
    """Whether a trigger's sentence tells a past act and the reaction it prompted ("X filed a complaint against Y,
    prompting a retaliatory complaint by Y"): a chain of acts told as a story, undated by the news's days, recounts
    what led to the news (an opening sentence's is its news: `opening_news`)."""
    root = tok.sent.root
    if root.tag_ != "VBD" or any(t.lower_ in _background_words("NEWS_TIMES") for t in tok.sent):
        return False
    return any(c.dep_ == "advcl" and c.tag_ == "VBG" and token_lemma(c) in _background_words("CONSEQUENCE_VERBS")
               and not any(m.dep_ == "mark" for m in c.children) for c in root.children)


def told_history(tok) -> bool:
    """Whether an event noun is described by a simple past relative clause telling its start or end ("the riots
    which began in Brixton", "the war, which ended with a truce"; not its effect: "a strike that killed two"):
    the clause tells the act's history, so the act is no news
    unless a word of the news's days dates it ("the clashes which broke out on Monday")."""
    if tok.pos_ != "NOUN" or tok.dep_ in ("nsubj", "nsubjpass"):
        return False  # "protests which began in X spread to Y": what the act does now is news
    # "attacks on troops which began in X": the parse may hang the clause on the noun's own object, which cannot
    # begin or end
    nouns = [tok] + [o for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    for v in (k for n in nouns for k in n.children):
        if v.dep_ == "relcl" and v.tag_ == "VBD" and token_lemma(v) in _background_words("HISTORY_VERBS") and any(
                c.dep_ == "nsubj" and c.lower_ in _background_words("HISTORY_PRONOUNS") for c in v.children):
            return not any(t.lower_ in _background_words("NEWS_TIMES") for t in v.subtree)
    return False


def _clause_verb(tok, verb):
    """The verb of the clause a trigger is told in: the trigger's own verb, the verb a noun trigger is the object
    of through its prepositions ("at X's request" -> "hosted"), the head of a verb it is the infinitive of."""
    v = verb
    for _ in range(6):
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i or v.dep_ not in ("pobj", "prep", "dobj", "compound"):
            break
        v = v.head
    while v.dep_ == "xcomp" and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
        v = v.head  # "has refused to recognise": the perfect is the head's
    if v.dep_ == "conj" and v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children):
        v = v.head  # "has cut X and deployed Y": one auxiliary for both
    return v


def standing_since(tok, verb) -> bool:
    """Whether a trigger's clause is in the present perfect with a "since" or "so far" of its own ("has detained
    1,000 lorries since the last closure", "has refused to recognise it since it was declared", "has hosted the
    office since 2012 at X's request", "have since charged him", "has so far received $11m from X"): a standing
    state or a tally from an earlier point, no new act."""
    v = _clause_verb(tok, verb)
    if v.pos_ not in ("VERB", "AUX") or v.tag_ != "VBN" or not any(
            a.dep_ == "aux" and a.lower_ in _background_words("PERFECT_AUX") for a in v.children):
        return False
    todo = list(v.children)
    while todo:
        t = todo.pop()
        if t.lower_ == "since" and t.dep_ in ("prep", "mark", "advmod"):
            return True
        if t.lower_ == "far" and t.dep_ == "advmod" and any(
                k.lower_ in _background_words("FAR_MODS") for k in t.children):
            return True  # "so far it has received $11m from X": a tally to date
        if t.dep_ == "advmod" and t.head.i == v.i and t.lower_ in _background_words("STANDING_ADVERBS"):
            return True  # "X has repeatedly denied it": a stance held over time
        if t.dep_ not in ("ccomp", "relcl", "parataxis", "conj") and not (t.dep_ == "advcl" and t.tag_ != "VBN"):
            todo += list(t.children)
    return False


def _earlier_cause(tok, verb) -> str | None:
    """An earlier act a past main clause follows from ("the EU imposed its ban after troops opened fire", "he
    quit when the government failed to ...", "a source of controversy after the army closed the airport",
    "flights stopped after a government warning"): told to explain the news, it is background to it. Where
    the main clause holds no event of its own ("talks stalled after jets bombed X") the earlier act is the
    sentence's only news and stays: stages.readings keeps it (see `cause_clause`)."""
    found = cause_clause(tok, verb)
    return f"cause {found[1]}" if found else None


def nested_cause(tok, clause: set[int]) -> bool:
    """Whether the clause an earlier cause explains (`clause`: the cause's tokens, from `cause_clause`) is itself
    told only to describe or set the scene ("the riots, which began when tensions rose after a police crackdown"):
    a relative, participle or adverbial clause. Then the cause is history behind history, never the sentence's
    news, even when nothing else is coded."""
    doc = tok.doc
    host = next(doc[i].head for i in sorted(clause) if doc[i].head.i not in clause)
    while host.dep_ == "conj" and host.head.i != host.i:
        host = host.head
    if host.dep_ == "acl" and host.head.dep_ == "ROOT" and host.head.pos_ in ("NOUN", "PROPN"):
        return False  # "Talks stalled after ...": a verbless parse hung the main verb on its subject
    if present_sequel(host):
        return True  # "it comes after X said ...": the reporter's frame tells the act as the news's past
    if host.tag_ == "VBN" and any(a.dep_ == "aux" and a.lower_ in _background_words("PERFECT_AUX")
                                  for a in host.children):
        return True  # "X has led the mission after Y broke a truce": a standing state from an earlier act
    return host.dep_ in _background_words("DESCRIBING_DEPS")


def cause_clause(tok, verb=None):
    """(the tokens of the clause or phrase of an earlier cause a trigger sits in, its mark), or None."""
    verb = verb if verb is not None else (
        tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr", "nsubjpass") else tok)
    marks = _background_words("CAUSE_MARKS")
    while (verb.head.i != verb.i and verb.head.pos_ == "VERB" and verb.tag_ in ("VBD", "VBG")
           and (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"
                                        and not any(c.dep_ == "mark" for c in verb.children)))):
        verb = verb.head  # "after X broke the truce, bombing Y and killing Z": the joined acts share the clause
    if verb.pos_ in ("VERB", "AUX") and verb.dep_ == "advcl" and verb.tag_ == "VBD":
        mark = next((c.lower_ for c in verb.children if c.dep_ == "mark"), None)
        head = verb.head
        if mark in marks and (head.tag_ in ("VBD", "VBN") or present_sequel(head)) and head.pos_ in ("VERB", "AUX"):
            return {t.i for t in verb.subtree}, mark
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in marks \
            and (tok.head.head.tag_ in ("VBD", "VBN") or present_sequel(tok.head.head)):
        return {t.i for t in tok.head.subtree}, tok.head.lower_
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and present_sequel(tok.head):
        return {t.i for t in tok.subtree}, tok.head.lower_  # "the setback follows the rejection of X's bid"
    return None


def present_sequel(verb) -> bool:
    """Whether a verb in the present tense places the news after an earlier act ("it comes after X said ...",
    "the move follows X's rejection"): the reporter's frame, whose earlier act is background."""
    return verb.tag_ in ("VBZ", "VBP") and token_lemma(verb) in _background_words("SEQUEL_VERBS")


GATHERING_NOUNS = _words("GATHERING_NOUNS")
NAMING_DEPS = ("compound", "poss", "nmod", "amod")


def named_gathering(tok, sources) -> bool:
    """Whether a gathering noun names the body that holds it ("the G8 summit", "the EU's meeting", "the
    European Council summit"): its members meet there, so an actor named elsewhere in the clause ("when Britain
    chairs the G8 summit", "not up for renegotiation at the EU summit") is the chair, a host or a member, no
    party the body meets, and does not stand in for the missing recipient (pairing.pairs). A partner the noun
    itself names ("a G8 summit with African leaders") stays."""
    if tok.pos_ not in ("NOUN", "PROPN") or token_lemma(tok) not in GATHERING_NOUNS or not sources:
        return False
    spans = [(t.idx, t.idx + len(t.text)) for c in tok.children if c.dep_ in NAMING_DEPS for t in c.subtree]
    return all(s.kind == "igo" and any(a <= s.start < b for a, b in spans) for s in sources)


def economic_statistic(tok) -> bool:
    """Whether a trade noun trigger is a measured flow ("exports to X rose 5%", "purchases fell"), no act."""
    if tok.pos_ not in ("NOUN", "PROPN") or (tok.lower_ not in FLOW_NOUNS and token_lemma(tok) not in FLOW_NOUNS):
        return False
    head = tok
    while head.dep_ in ("compound", "conj") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass") and token_lemma(head.head) in CHANGE_VERBS


def bullet_sources(doc, mentions, fctx) -> dict[int, list]:
    """Sentence start offset -> the actors a bullet's lead-in names as subject ("Sweden said it would:")."""
    bullets = [r for r in fctx.regions if r.kind == "bullet"] if fctx is not None else []
    if not bullets:
        return {}
    from realpolitik.actors.tables import text_of
    from realpolitik.coding.fastpath import lead_in_span

    text = text_of(doc)
    starts = [s.start_char for s in doc.sents]
    out: dict[int, list] = {}
    leads: dict[tuple[int, int], list] = {}
    for r in bullets:
        lead = lead_in_span(text, r.start)
        if lead is None:
            continue
        if lead not in leads:
            leads[lead] = _subject_actors(doc, mentions, *lead)
        if leads[lead]:
            for start in starts:
                if r.start <= start < r.end:
                    out[start] = leads[lead]
    return out


# A leader's bodies ("President X's office"): an institution of the leader's state, never "he" or "she".
LEADERS_BODIES = _words("LEADERS_BODIES")


def _subject_actors(doc, mentions, start: int, end: int) -> list:
    """The actors in subject position in a lead-in line (the speaker or doer its bullets continue)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    found = []
    for t in span:
        if t.dep_ in ("nsubj", "nsubjpass"):
            sub = {k.idx for k in t.subtree}
            found += [m for m in mentions if m.start in sub and has_country(m) and m not in found]
            if token_lemma(t) in LEADERS_BODIES and not any(m.start <= t.idx < m.end for m in found):
                # "President X's office": the leader's body, an institution ("it"), not the person ("he")
                found = [replace(m, kind="sector") if m.kind == "person" else m for m in found]
        if found:
            break
    return found


PRONOUN_SUBJECTS = _words("PRONOUN_SUBJECTS")


def pronoun_subject(tok):
    """The pronoun subject of a trigger's clause ("They accused X", "it sent troops"), else None."""
    verb = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "obj") else tok
    while verb.dep_ in ("xcomp", "conj") and not any(c.dep_.startswith("nsubj") for c in verb.children) \
            and verb.head.i != verb.i:
        verb = verb.head
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ == "it" and c.dep_ == "nsubjpass":
                return None  # "It was agreed that ...": no one, not the last state named
            return c if c.lower_ in PRONOUN_SUBJECTS else None
    return None


def pronoun_object(tok):
    """The plural object pronoun of a verb trigger ("The UN urged them to ..."), else None."""
    if tok.pos_ != "VERB":
        return None
    return next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "them"), None)


def antecedents_for(pron, previous: list) -> list:
    """The previous sentence's subject actors a pronoun can stand for: "they" several actors (or a plural
    group), "it" one state or body, "he"/"she" one person; else []."""
    if not previous:
        return []
    low = pron.lower_
    if low in ("they", "them"):
        return list(previous) if len(previous) > 1 or previous[0].text.lower().endswith("s") else []
    if len(previous) != 1:
        return []
    if low == "it":
        return list(previous) if previous[0].kind != "person" else []
    return list(previous) if previous[0].kind == "person" else []


def subject_actors(doc, sent, mentions) -> list:
    """The actors in subject position in a sentence (its first subject naming one)."""
    return _subject_actors(doc, mentions, sent.start_char, sent.end_char)


def _crowd(m) -> bool:
    """A society's sector of a known state ("Kenyan protesters", "farmers in Warsaw"), not a state organ."""
    from realpolitik.actors.crowds import civil_sectors

    return m.kind in ("sector", "state") and bool(m.country) and m.sector in civil_sectors()


def people_of(m):
    """A plural demonym ("Georgians", "thousands of Iraqis") as the people of its state (CVL), not the state;
    None for any other mention. Only where they protest: "the Russians said" often means the government."""
    if m.kind != "state" or m.sector or not m.country or not m.text.endswith("s") or not m.text[:1].isupper():
        return None
    if m.name and m.text.lower() in (m.name.lower(), "the " + m.name.lower()):
        return None  # "the United States", "the Philippines": the state's own name
    return replace(m, code=m.country + "CVL", sector="CVL", kind="sector")


def street_protest(c, sources=None) -> bool:
    """Whether a verb of protest read otherwise ("X protested the decision": ACCUSE; "struck": ASSAULT) is a
    crowd's street protest or stoppage ("thousands of farmers protested", "teachers struck": PLOVER PROTEST):
    its sources (the candidate's own unless the readings found others) are all unarmed crowds of a known
    state (rebels who strike attack)."""
    sources = c.sources if sources is None else sources
    return (c.type != "PROTEST" and c.trig.pos == "V" and token_lemma(c.tok) in protest_lemmas()
            and bool(sources) and all(_crowd(people_of(s) or s) and s.sector != "REB" for s in sources))


# Sectors that speak for their state: a protest they lodge is a diplomatic one.
OFFICIAL_SECTORS = _words("OFFICIAL_SECTORS")
DOMESTIC_SECTORS = _words("DOMESTIC_SECTORS")


def diplomatic_protest(c, sources=None) -> bool:
    """Whether a protest noun is a state's diplomatic protest ("Japan lodged a protest with North Korea"):
    the PLOVER manual codes diplomatic protests ACCUSE 'disapprove' and keeps PROTEST for crowds in the
    street. Its sources are all states, their governments or officials, or intergovernmental bodies."""
    sources = c.sources if sources is None else sources
    return (c.type == "PROTEST" and c.trig.pos == "N" and token_lemma(c.tok) == "protest" and bool(sources)
            and all((s.country and (not s.sector or s.sector in OFFICIAL_SECTORS) and people_of(s) is None)
                    or (s.code or "").startswith("IGO") for s in sources))


def _with_sense(trig, lemma: str, pos: str, **extra):
    """A trigger given the type, mode, CAMEO code and contexts of the lexicon's entry for (lemma, pos)."""
    from realpolitik.coding.lexicon import entries

    p = entries()[(lemma, pos)]
    return replace(trig, type=p.type, mode=p.mode, cameo=p.cameo, contexts=p.contexts, **extra)


def disapproval_trigger(trig):
    """A protest noun as a diplomatic protest: the lexicon's protest verb ("X protested the decision": ACCUSE
    'disapprove')."""
    return _with_sense(trig, "protest", "V")


def protest_trigger(trig):
    """A verb trigger as a street protest: the lexicon's protest noun's type, mode and CAMEO code."""
    return _with_sense(trig, "protest", "N", flags=trig.flags.replace("T", ""))


def protest_lemmas() -> frozenset[str]:
    """Verbs that, with a crowd as subject, are a street protest rather than a verbal one."""
    from realpolitik.wordsets import words

    return words("realpolitik.actors", "crowds", "PROTEST_LEMMAS")


def own_government(s, at: int, named=()):
    """The government a crowd's protest with no named target is against: its own state's ("protesters
    blocked highways" -> the state's GOV), as a mention with no text of its own; None for any other source, or
    where the sentence names another state (`named`: its mentions), which the protest is more likely about
    ("farmers began a hunger strike to protest against X's visa rules")."""
    from realpolitik.model import ActorMention

    if not _crowd(s) or any(m.country and m.country != s.country for m in named):
        return None
    return ActorMention(text="", start=at, end=at, code=s.country + "GOV", country=s.country, sector="GOV",
                        kind="state", name=None)


def scene_only(tok) -> bool:
    """Whether a token names only where something happens ("near the Kenyan embassy": actors/crowds.py; the
    coder modules reach the actors stage only through readings, tests/test_coding_stages.py)."""
    from realpolitik.actors.crowds import scene_only as scene

    return scene(tok)


def bare_civil(m) -> bool:
    """Whether a mention is a bare sector (no state) of a society or a civil organ (police, courts, government,
    parliament); not troops, which act abroad as often (actors/crowds.py). pairing.of_state gives such a sector the
    one state its sentence names; with troops too: plover_manual_dev holdout 0.702 -> 0.697."""
    from realpolitik.actors.crowds import civil_organs, civil_sectors

    return m.kind == "sector" and not m.country and (m.code in civil_sectors() or m.code in civil_organs())


def domestic(s, t) -> bool:
    """Whether two actors of one state are two parties of an event inside it: two of its organs or sectors of its
    society ("police detained students", "the court freed the opposition leader", "activists threatened the
    opposition"), not a state and its own organ ("Kenya's police"), which the recipient's own country only repeats.
    Two society sectors (no organ) added: corpus tune 0.271 -> 0.273, the other sets' tune figures unchanged.

    The team's gold codes such events; plover_manual_dev's keeps none. Measured with them against without
    (rules.v1, holdout parts): team 0.382 -> 0.388, corpus 0.193 -> 0.198, articles 0.274 -> 0.279,
    plover_manual_dev 0.708 -> 0.702 (one event), pentaclass_dev 0.654 -> 0.652."""
    from realpolitik.actors.crowds import civil_sectors, organ_sectors
    from realpolitik.actors.tables import capital_country

    if (s.country and s.country == t.country and s.kind == t.kind == "person"
            and (s.name or s.text) != (t.name or t.text)):
        return True  # two of its people, of one sector or not ("the prime minister sacked his finance minister X")
    if not (s.country and s.country == t.country and s.sector and t.sector and s.sector != t.sector):
        return False
    if t.text and capital_country(t.text):
        return False  # the state's own capital beside its organ is where it happens ("clashed near Khartoum")
    organs, society = organ_sectors(), civil_sectors()
    return {s.sector, t.sector} <= organs | society | DOMESTIC_SECTORS
