"""Whether a matched name really is the actor, from case and context.

The traps: "turkey" the bird, "china" the dishes, "Jordan" in "Michael Jordan", "Georgia" in
"Atlanta, Georgia", "Chad" as a first name, acronyms such as "US" against the word "us".
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from realpolitik import wordsets
from realpolitik.actors.tables import Alias, doc_cache, geonames, normalise, sentence_bounds, tables, text_of

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.actors", "context")

# Titles and words that may precede a state's name inside a PERSON entity without making
# the name a person's ("King Abdullah of Jordan", "President of Georgia").
_TITLE_WORDS = _words("_TITLE_WORDS")
# Heads after a demonym that make it a language, a cuisine or a style, not an actor; and people of the arts
# and sport ("the French writer", "a Kenyan sprinter"), whose nationality makes no state act unless a verb acts on them.
_NON_ACTOR_HEADS = _words("_NON_ACTOR_HEADS")
_ARTS_PEOPLE_HEADS = _words("_ARTS_PEOPLE_HEADS")
_ACTED_ON_VERBS = _words("_ACTED_ON_VERBS")
# Suffixes after a hyphen that make a demonym a product's origin ("Russian-made rockets").
_NON_ACTOR_SUFFIXES = tuple(sorted(_words("_NON_ACTOR_SUFFIXES")))  # a tuple for str.startswith
_PRO_ANTI = re.compile(r"(?:^|[^a-z])(?:pro|anti|non)-$")


def case_ok(alias: Alias, surface: str) -> bool:
    """Whether the text's case fits the alias (acronyms exact; names capitalised or sloppy)."""
    if not any(c.islower() for c in alias.text):  # acronym: "US" is not "us"
        return surface == alias.text
    if all(s.isupper() for a, s in zip(alias.text, surface) if a.isupper()):
        return True
    # All-lowercase text ("china", "russian crude"): states' names, adjectives and capitals, and
    # armed groups' one-word names ("hamas"; context_ok then asks for sloppy-text evidence).
    if surface != surface.lower():
        return False
    return alias.entry.role in ("country", "adjective", "plural", "capital") or (
        alias.entry.kind == "group" and " " not in alias.text)


def _tokens_around(doc, start: int, end: int, width: int = 3) -> list[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    s_start, s_end = sentence_bounds(doc, span.start)
    lo, hi = max(span.start - width, s_start), min(span.end + width, s_end)
    return [t.lower_ for t in doc[lo:span.start]] + [t.lower_ for t in doc[span.end:hi]]


@lru_cache(maxsize=1)
def us_places() -> frozenset[str]:
    """US states and larger US cities whose names are not also foreign states or capitals."""
    gc = geonames()
    known = tables().aliases
    names = {s["name"].lower() for s in gc.get_us_states().values()}
    # Cities over 100,000 people: big enough to be named with their state ("Atlanta, Georgia").
    names |= {c["name"].lower() for c in gc.get_cities().values()
              if c["countrycode"] == "US" and c["population"] >= 100_000}
    return frozenset(n for n in names if normalise(n) not in known) | {"d.c.", "ga.", "wash."}


def _inside_person(doc, start: int, end: int, glued: bool, own_name: str = "") -> bool:
    """True when the match sits inside a longer person's name ("Michael Jordan"), other than
    the person's own full name ("Vladimir V. Putin" for "Putin")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    own = set(normalise(own_name).replace(".", " ").split())
    for ent in _person_ents(doc):
        if ent.start <= span.start and span.end <= ent.end:
            others = [t for t in ent if t.i < span.start or t.i >= span.end]
            # (a question's opening modal is no first name: "Will Washington send troops?" tags "Will Washington")
            names = [t for t in others if t.text[:1].isupper() and t.lower_ not in _TITLE_WORDS
                     and normalise(t.text) not in tables().aliases and t.lower_ not in own
                     and len(t.text.rstrip(".")) > 1 and not (t.tag_ == "MD" and t.dep_ == "aux")]
            if names:
                return True
    if not glued:
        return False
    # The tagger may miss the entity: a capitalised unknown name glued before or after.
    s_start, s_end = sentence_bounds(doc, span.start)
    prev = doc[span.start - 1] if span.start > s_start else None
    nxt = doc[span.end] if span.end < s_end else None
    # a hyphenated name ("Yunus-Bek Yevkurov", "Jean-Yves"): the word across a glued hyphen
    if nxt is not None and nxt.text == "-" and not doc[span.end - 1].whitespace_ and not nxt.whitespace_ \
            and span.end + 1 < s_end:
        nxt = doc[span.end + 1]
    if prev is not None and prev.text == "-" and not prev.whitespace_ and span.start - 1 > s_start \
            and not doc[span.start - 2].whitespace_:
        prev = doc[span.start - 2]
    for tok in (prev, nxt):
        if (tok is not None and tok.pos_ == "PROPN" and tok.text[:1].isupper()
                and tok.lower_ not in _TITLE_WORDS and normalise(tok.text) not in tables().aliases
                and tok.lower_ not in tables().sectors and len(tok.text.rstrip(".")) > 1
                and tok.lower_ not in own
                and tok.ent_type_ in ("PERSON", "ORG", "")):
            return True
    return False


def _person_ents(doc) -> list:
    """The Doc's PERSON entities, computed once per Doc (``Doc.ents`` rebuilds them per call)."""
    memo = doc_cache(doc)
    if "person_ents" not in memo:
        memo["person_ents"] = [e for e in doc.ents if e.label_ == "PERSON"]
    return memo["person_ents"]


def _near_us_place(doc, start: int, end: int) -> bool:
    near = _tokens_around(doc, start, end, 3)
    text = text_of(doc)[end:end + 12].lower()
    return (any(w in us_places() for w in near) or "state" in near[3:4]
            or bool(re.match(r",?\s*(u\.s\.|us|usa)\b", text)))


def _lowercase_evidence(doc, start: int, end: int) -> bool:
    """Evidence a lowercase ambiguous name is the state: NER, sloppy neighbours, or a subject."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if any(t.ent_type_ in ("GPE", "NORP") for t in span) and span.root.dep_ not in ("pobj",):
        return True
    if span.root.dep_ in ("nsubj", "nsubjpass", "conj") and span.root.head.pos_ in ("VERB", "AUX", "PROPN"):
        return True
    # Sloppy text: another state named in lowercase in the same sentence.
    s_start, s_end = sentence_bounds(doc, span.start)
    for tok in doc[s_start:s_end]:
        if tok.i in range(span.start, span.end) or not tok.is_lower:
            continue
        key = normalise(tok.text)
        if key in tables().aliases and key not in tables().ambiguous and any(
                a.entry.role == "country" for a in tables().aliases[key]):
            return True
    return False


def context_ok(doc, start: int, end: int, alias: Alias) -> bool:
    """Whether the match at [start, end) stands for its entry, given the sentence around it."""
    text = text_of(doc)
    key = normalise(text[start:end])
    role = alias.entry.role
    if alias.prefix_only and not text[end:end + 1] == "-":
        return False
    if role in ("adjective", "plural", "country") and _PRO_ANTI.search(normalise(text[max(0, start - 6):start])):
        return False  # "pro-Russian separatists" are not Russia
    if role in ("adjective", "plural"):
        after = normalise(text[end:end + 16])
        if after.startswith("-") and after[1:].startswith(_NON_ACTOR_SUFFIXES):
            return False
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.end < len(doc) and doc[span.end].lower_ in _NON_ACTOR_HEADS:
            return False
        if span is not None and span.end < len(doc) and doc[span.end].lower_ in _ARTS_PEOPLE_HEADS and not (
                doc[span.end].dep_ in ("dobj", "nsubjpass") and doc[span.end].head.lemma_.lower() in _ACTED_ON_VERBS):
            return False  # "the French writer said": no state; "jailed a French writer": France's civilian
        if span is not None and role == "adjective" and span.root.dep_ == "pobj" \
                and span.root.head.lower_ in ("in", "into", "from") and span.root.pos_ != "PROPN" \
                and not span.root.head.head.lower_.startswith("translat") and _is_language_use(span):
            return False  # "she answered in Russian"
    if role == "org" and text[start:end].islower() and not alias.text.islower() \
            and not _lowercase_evidence(doc, start, end):
        return False  # "hamas" in sloppy text needs evidence; a generic alias ("rights groups") is lowercase
    if role == "org" and _named_body(doc, start, end, key):
        return False  # "the Trades Union Congress" is not the US Congress
    if role in ("capital", "country") and _dateline(text, start, end):
        return False  # "MOSCOW (Reuters) -", "KUWAIT CITY, May 2 -": where the story was filed, not who acted
    if _dateline_agency(text, start, end):
        return False  # "(Reuters) -": the agency that filed the story reports it, it is no party to it
    traits, traps = tables().ambiguous.get(key, (frozenset(), frozenset()))
    if traps and set(_tokens_around(doc, start, end, 3)) & traps:
        return False
    if "lower" in traits and text[start:end].islower() and not _lowercase_evidence(doc, start, end):
        return False
    if role != "person" and text[start:start + 1].isupper():
        if "person" in traits and _inside_person(doc, start, end, glued=True):
            return False
        if role in ("country", "capital") and _inside_person(doc, start, end, glued=False):
            return False
    if role == "person" and " " not in alias.text.strip() \
            and _inside_person(doc, start, end, glued=True, own_name=alias.entry.name):
        return False  # "Jeb Bush", "Sharon Stone": another person sharing the surname or name
    if "usstate" in traits and _near_us_place(doc, start, end):
        return False
    if role in ("country", "capital") and re.match(r",\s*[A-Z][a-z]+", text[end:end + 20]):
        nxt = re.match(r",\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?)", text[end:end + 30])
        if nxt and nxt.group(1).lower() in us_places():
            return False  # "Moscow, Idaho"; "Lebanon, Pennsylvania"
    return True


def _named_body(doc, start: int, end: int, key: str) -> bool:
    """Whether a one-word institution ("Congress", "Senate") ends another body's proper name: a
    capitalised name word before it that is no state, title or sector ("Trades Union Congress",
    "Student Senate"); "US Congress" and "the Senate" stay the state's."""
    if " " in key or key not in tables().sectors:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    return (prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.lower_ not in _TITLE_WORDS
            and normalise(prev.text) not in tables().aliases and prev.is_alpha
            and prev.i >= sentence_bounds(doc, span.start)[0])


# A story's dateline: "CITY, Month Day -", "CITY (Agency) -" (geo.locate reads its place too).
DATELINE = re.compile(r"^\s*([A-Z][A-Za-z'.\- ]{1,40}?)\s*(?:,\s*[A-Za-z0-9 .]{1,30}?)?"
                      r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:[—–:]|--?\s)")
_DATELINE = re.compile(r"^[,.]?\s*(?:\(|[-\u2013\u2014]|\d|[A-Z][a-z]{2,8}\.? \d)")


_CAPS_PLACE = re.compile(r"[A-Z][A-Z.'\- ]*[A-Z.]")


def _dateline(text: str, start: int, end: int) -> bool:
    """A name inside the upper-case place opening a line ("MOSCOW", "MEXICO CITY"), followed by "(Reuters)",
    a dash or a date."""
    line_start = text.rfind("\n", 0, start) + 1
    place = _CAPS_PLACE.match(text, line_start)
    return (text[start:end].isupper() and place is not None and place.end() >= end
            and bool(_DATELINE.match(text[place.end():place.end() + 14])))


def _dateline_agency(text: str, start: int, end: int) -> bool:
    """A name in the parentheses of the dateline opening a line ("BEIJING, Jan 16 (Reuters) -")."""
    if text[start - 1:start] != "(" or text[end:end + 1] != ")":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    m = DATELINE.match(text[line_start:line_start + 160])
    return m is not None and line_start + m.end() > end


def _is_language_use(span) -> bool:
    # "in Russian" at the end of a clause, with no noun after it.
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN")
