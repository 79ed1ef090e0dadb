"""Background: an act a sentence tells that lies before the news of its article (coding/readings.py's stage 3
drops it, or leaves it undated, by the setting `coding.past_events`).

`past_marker` says why an act is past: a year or a month before the article's, a decade, "last year", "since
<year>", a background cue of its own words (`background_cue`: "once", "previously", "already" after the lead, a
relative clause on the one who speaks, a former government's act, a told consequence), or the pluperfect of a
clause no one reports. `opening_news` keeps such an act when it opens the article, and `cause_clause` /
`nested_cause` tell the earlier act of "after"/"following" clauses. Words are in data/en/background.words.
"""
from __future__ import annotations

import calendar
import re

from realpolitik.coding.readings import token_lemma
from realpolitik.wordsets import words

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(?:1[89]\d0|20\d0)'?s$")
# Prepositions of a time phrase ("in 2003", "since the 1990s") that can make an event background.
TIME_PREPS = words("realpolitik.coding", "background", "TIME_PREPS")
# Marks of a clause of time whose pluperfect sets the scene ("after X had signed", "when X had left").
BACKGROUND_MARKS = words("realpolitik.coding", "background", "BACKGROUND_MARKS")

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
    if (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "prep"
            and tok.head.head.pos_ == "VERB"):
        # "had settled the dispute through X's mediation in 2024": an event noun in a prepositional phrase is
        # as old as the verb it hangs on (its year, its pluperfect)
        verb = tok.head.head
        heads.add(verb)
    # "China committed to opening its banks when it joined the WTO in 2002": a past act dated by its clause of time
    # (the clause may hang on the act's infinitive or gerund: "committed to opening X when ...")
    holders = {h for h in heads if h.tag_ in ("VBD", "VBN")}
    holders |= {k for h in holders for c in h.children if c.dep_ in ("xcomp", "prep")
                for k in (c, *c.children) if k.dep_ in ("xcomp", "pcomp")}
    heads |= {c for h in holders for c in h.children
              if c.dep_ == "advcl" and c.tag_ == "VBD" and _clause_mark(c) in _background_words("DATING_MARKS")}
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in TIME_PREPS:
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


def _clause_mark(verb) -> str | None:
    """The word that opens a clause of time: its mark ("after X left"), or a "when" the parse hangs on it as an
    adverb ("when X left")."""
    return next((c.lower_ for c in verb.children if c.dep_ == "mark"
                 or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.lower_ == "when" and c.i < verb.i)), None)


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
    # a simple past main clause held over a long span ("bought its arms from X for three decades") tells history
    if told and _main_clause(verb) and verb.tag_ == "VBD" and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(_durative_span(o) for o in c.children if o.dep_ == "pobj")
            for c in verb.children):
        return "durative"  # "bought its arms from X for three decades"
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
        if any(c.dep_ == "amod" and (c.lower_ in _background_words("PAST_NOUN_MODS")
                                     or c.lower_ in _background_words("RECENT_NOUN_MODS"))
               for c in tok.children):
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
    """Whether a trigger's clause is in the present perfect with a "since", "so far" or a long "for" of its own
    ("has armed X for years", "has detained
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
        if t.dep_ == "prep" and t.lower_ == "for" and t.head.i == v.i and any(
                _durative_span(o) for o in t.children if o.dep_ == "pobj"):
            return True  # "has armed the rebels for years": a standing state
        # "has trained and armed X since 2015": a joined participle sharing the auxiliary shares its "since"
        shared = (t.dep_ == "conj" and t.head.i == v.i and t.tag_ == "VBN"
                  and not any(a.dep_ in ("aux", "nsubj") for a in t.children))
        if shared or (t.dep_ not in ("ccomp", "relcl", "parataxis", "conj")
                      and not (t.dep_ == "advcl" and t.tag_ != "VBN")):
            todo += list(t.children)
    return False


def _durative_span(o) -> bool:
    """Whether the object of a "for" is a span of years long enough to tell a standing state ("for years", "for
    three decades", "for the past two years"), not the length of a measure ("banned for five years")."""
    if token_lemma(o) not in _background_words("DURATIVE_SPANS") or o.tag_ != "NNS":
        return False
    mods = {c.lower_ for c in o.children if c.dep_ in ("amod", "nummod", "quantmod", "det")}
    if not mods or mods & _background_words("DURATIVE_MODS"):
        return True  # "for years", "for the past two years", "for many months"
    return token_lemma(o) in _background_words("LONG_SPANS")  # "for three decades"


def _earlier_cause(tok, verb) -> str | None:
    """An earlier act a past main clause follows from ("the EU imposed its ban after troops opened fire", "he
    quit when the government failed to ...", "a source of controversy after the army closed the airport",
    "flights stopped after a government warning"): told to explain the news, it is background to it. Where
    the main clause holds no event of its own ("talks stalled after jets bombed X") the earlier act is the
    sentence's only news and stays: stages.readings keeps it (see `cause_clause`). A cause dated in the news's
    own days ("the strikes come after X and Y swapped prisoners on Thursday") is news too, dated by `when`."""
    found = cause_clause(tok, verb)
    if found and any(_dates_act(tok.doc[i]) for i in found[0]):
        return None
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
    # a past sequel frames its "after" clause or its object ("the move came after ...", "talks followed weeks of
    # clashes in which ...")
    framed = any((doc[i].lower_ == "after" and doc[i].dep_ in ("mark", "prep"))
                 or (doc[i].dep_ == "dobj" and doc[i].head.i == host.i) for i in clause)
    if present_sequel(host, framed):
        return True  # "it comes after X said ...": the reporter's frame tells the act as the news's past
    if host.tag_ == "VBN" and any(a.dep_ == "aux" and a.lower_ in _background_words("PERFECT_AUX")
                                  for a in host.children):
        return True  # "X has led the mission after Y broke a truce": a standing state from an earlier act
    return host.dep_ in _background_words("DESCRIBING_DEPS")


def _dates_act(t) -> bool:
    """Whether a token is a day of the news's week dating the verb it hangs on ("swapped prisoners on Thursday",
    "met Tuesday"), not a noun's ("a protest over Sunday's elections")."""
    if t.lower_ not in _background_words("NEWS_TIMES"):
        return False
    h = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head
    return h.pos_ in ("VERB", "AUX") and t.dep_ in ("pobj", "npadvmod", "advmod", "tmod")


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
    # "the talks followed weeks of clashes in which jets struck X": an act told inside what the news followed
    up = tok
    for _ in range(8):
        if up.dep_ == "dobj" and up.head.tag_ == "VBD" and present_sequel(up.head, past=True):
            return {t.i for t in up.subtree}, up.head.lower_
        if up.head.i == up.i:
            break
        up = up.head
    return None


def present_sequel(verb, past: bool = False) -> bool:
    """Whether a verb in the present tense places the news after an earlier act ("it comes after X said ...",
    "the move follows X's rejection"): the reporter's frame, whose earlier act is background. `past`: a past
    tense does too ("the move came after X vowed", "the talks followed weeks of clashes"), where the caller
    has its "after" clause or its object."""
    return (verb.tag_ in ("VBZ", "VBP") or (past and verb.tag_ == "VBD")) and token_lemma(verb) in _background_words(
        "SEQUEL_VERBS")
