"""Known wrong readings, fixed by mechanism: each function names one distinction the trigger alone
misses, from the parse around it, for any sentence of its kind.

- Two parties exchanging fire or trading strikes fight: ASSAULT both ways, never COOPERATE; trading
  accusations or threats is ACCUSE / THREATEN both ways.
- Drills around a third party are a show of force toward it: MOBILIZE toward the third, not cooperation.
- Background and past events ("in June last year", "since the 1990s", "in 2019", pluperfect "had signed")
  are no new events on the article's date: they are dropped (coding/background.py, `past_marker`).
- Economic statistics ("exports to X rose 5%") report no state act.
- A bullet's event with no subject of its own takes the actor of its lead-in ("Sweden said it would:").
- A pronoun subject no actor in its sentence resolves ("They accused X") is the previous sentence's subject.
- A crowd protesting ("thousands of farmers protested") is a street protest, not a verbal one; a crowd's
  protest with no target named is against its own state's government.
- Two parties inside one state, a state organ and a sector of its society or another organ ("police detained
  students"), are an event between them, not a state acting on its own people.
"""
from __future__ import annotations

from dataclasses import replace

from realpolitik import wordsets
from realpolitik.coding.roles import ActorIndex, has_country

_words = wordsets.reader("realpolitik.coding", "readings")

# Verbs of a two-way exchange and the objects that make the exchange a fight ("exchanged fire", "traded
# artillery strikes", "swapped blows"): the PLOVER manual codes fighting between two parties as ASSAULT.
EXCHANGE_LEMMAS = _words("EXCHANGE_LEMMAS")
HELD_MARKS = _words("HELD_MARKS")
# Nouns that count what follows their "of" ("hundreds of prisoners"): retype's table, shared.
COUNT_NOUNS = wordsets.words("realpolitik.coding", "retype", "COUNT_NOUNS")
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


def token_lemma(tok) -> str:
    return tok.lemma_.lower()


def _objects(tok) -> list:
    """The trigger's direct objects with their coordinated ones, and what a count noun among them counts
    ("swapped hundreds of prisoners")."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "obj"):
            out += [c, *c.conjuncts]
    return out + [p for o in out if token_lemma(o) in COUNT_NOUNS for k in o.children if k.dep_ == "prep"
                  and k.lower_ == "of" for p in k.children if p.dep_ == "pobj"]


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
        if o.pos_ == "NOUN" and any(m.dep_ == "amod" and m.lower_ in HELD_MARKS for m in o.children):
            return "RETREAT"  # "swapped detained fishermen": captives, whoever they are
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


GATHERING_NOUNS = _words("GATHERING_NOUNS")
STATE_FOES = _words("STATE_FOES")
HOME_FRONT = _words("HOME_FRONT")
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
# Nouns of a state's whole people ("its citizens", "his countrymen"): the state itself acts on them as its government
# does; a crowd or civilians of a scene ("killed civilians") are no party the state addresses.
PEOPLE_NOUNS = _words("PEOPLE_NOUNS")


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
    words = (t.text or "").lower().split()
    if (s.country and s.country == t.country and s.kind == "state" and not s.sector and t.sector == "CVL"
            and t.kind == "sector" and words and words[-1] in PEOPLE_NOUNS):
        return True  # the state itself and its own people ("X accused its people"): its government acts on them
    if s.country and s.country == t.country and any(a.kind == "state" and not a.sector and b.sector in STATE_FOES
                                                    for a, b in ((s, t), (t, s))):
        return True  # a state and its own rebels or opposition ("X refused to meet the rebel leader")
    if not (s.country and s.country == t.country and s.sector and t.sector and s.sector != t.sector):
        return False
    if t.text and capital_country(t.text):
        return False  # the state's own capital beside its organ is where it happens ("clashed near Khartoum")
    organs, society = organ_sectors(), civil_sectors()
    return {s.sector, t.sector} <= organs | society | DOMESTIC_SECTORS


LENDER_WORDS = _words("LENDER_WORDS")


def lenders(ms) -> bool:
    """Whether mentions are all lending bodies or banks ("the IMF", "the Export-Import Bank of X"): in a loan signed
    with a state they are the lender, whoever is named first."""
    return bool(ms) and all(m.kind == "igo" or m.sector == "BUS" for m in ms) and all(
        set(f"{m.name or ''} {m.text}".lower().replace("-", " ").split()) & LENDER_WORDS for m in ms)
