"""Document structure for factuality: line items under a lead-in, question headings, tables of
contents, and hedging words in the title or lead that colour the article's main claim."""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass

from realpolitik.actors.tables import text_of
from realpolitik.factuality.lexicon import (
    DENIAL_VERBS,
    GENERIC_SOURCES,
    HEDGE_ADVERBS,
    MODALS,
    OPEN_QUESTION_HEADS,
    PLAN_VERBS,
    POSSIBLE_VERBS,
    PROMISE_VERBS,
    PRONOUNS,
    RANK,
    REPORT_NOUNS,
    REPORTING_VERBS,
    lemma_of,
)
from realpolitik.model import Span

log = logging.getLogger(__name__)

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–—+]|\(?\d{1,2}[.)]|\(?[a-hA-H][.)])\s+\S")
_TOC_HEAD = re.compile(r"^\s*(?:table of contents|contents|in this (?:article|report|story|issue|section)|"
                       r"on this page|jump to|sections?)\s*:?\s*$", re.I)
# A contents entry: a dot leader or a wide gap before a page number ("Background ..... 4").
_TOC_LEADER = re.compile(r"(?:\.{3,}|…+|\s{3,}|\t)\s*\d{1,4}\s*$")
# Headings are short: news headings in the project's corpora run under 15 words; 14 keeps one-line
# sentences out (a line of 15+ words without a full stop is almost always wrapped prose).
_HEADING_MAX_WORDS = 14
# Title-level hedges that colour the whole story, besides hedging adverbs: "Report:", "Unconfirmed".
_TITLE_HEDGE_PREFIX = re.compile(r"^\s*(?:reports?|claims?|rumou?rs?|unconfirmed|allegations?)\s*[:\-–—|]", re.I)
_CTX_KEY = "realpolitik.factuality.ctx"
ACTORS_KEY = "realpolitik.factuality.actors"  # actor mentions of the doc, shared with scope.py


@dataclass(frozen=True)
class Region:
    """A stretch of the document whose structure says something about the events in it."""

    start: int
    end: int
    kind: str  # title | lead | bullet | question_heading | heading | toc
    factuality: str | None = None  # status it passes to events inside (None: nothing)
    cues: tuple[Span, ...] = ()
    attributed_to: str | None = None
    unattributed: bool = False


@dataclass(frozen=True)
class DocContext:
    """Per-document structure: regions (bullets, headings, contents, hedged title) and block breaks."""

    regions: tuple[Region, ...] = ()
    breaks: tuple[int, ...] = ()  # char offsets where a new block starts (line item, heading, paragraph)
    title: Span | None = None
    lead: Span | None = None

    def regions_at(self, offset: int) -> tuple[Region, ...]:
        """The regions covering a character offset."""
        return tuple(r for r in self.regions if r.start <= offset < r.end)

    def in_toc(self, offset: int) -> bool:
        """Whether the offset lies in a table of contents (not news)."""
        return any(r.kind == "toc" for r in self.regions_at(offset))

    def block_start(self, offset: int, default: int = 0) -> int:
        """The start of the block holding offset, or default when that is later."""
        i = bisect_right(self.breaks, offset)
        return max(self.breaks[i - 1], default) if i else default

    def block_end(self, offset: int, default: int) -> int:
        """The start of the next block after offset, or default when it comes later."""
        i = bisect_right(self.breaks, offset)
        return min(self.breaks[i], default) if i < len(self.breaks) else default


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without the newline
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(_Line(pos, pos + len(body), body))
        pos += len(raw)
    return out


def _is_heading(line: _Line) -> bool:
    t = line.text.strip()
    return (0 < line.words <= _HEADING_MAX_WORDS and not _BULLET.match(t)
            and t[-1] not in ".:;,!\"'”’)")


def _status(doc, start: int, end: int) -> tuple[str, tuple[Span, ...], str | None, bool]:
    """The status a lead-in or title passes on: (factuality, cue spans, source text, unattributed)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "asserted", (), None, False
    best, cues, source, generic = "asserted", [], None, False

    def take(fact: str, tok) -> None:
        nonlocal best, cues
        if RANK[fact] > RANK[best]:
            best, cues = fact, [tok]
        elif fact == best:
            cues.append(tok)

    for t in span:
        low, lemma = t.lower_, lemma_of(t)
        if t.text == "?" and t.i >= span.end - 2:
            take("question", t)
        elif t.dep_ == "neg" or low == "never":
            # "What we don't know:" lists open questions; "Officials did not confirm:" denies nothing more
            take("question" if lemma_of(t.head) in OPEN_QUESTION_HEADS else "denied", t)
        elif t.pos_ == "VERB" and lemma in DENIAL_VERBS:
            take("denied", t)
        elif t.tag_ == "MD" and low in MODALS:
            take(MODALS[low], t)
        elif t.pos_ == "VERB" and (lemma in PLAN_VERBS or lemma in PROMISE_VERBS):
            take("planned", t)
        elif t.pos_ == "VERB" and lemma in POSSIBLE_VERBS:
            take("hypothetical", t)
        elif low in HEDGE_ADVERBS or low in REPORT_NOUNS and t.dep_ in ("nsubj", "ROOT", "pobj"):
            take("reported", t)
            generic = True
        elif low == "according":
            take("reported", t)
            objs = [p for g in t.children if g.lower_ == "to" for p in g.children if p.dep_ == "pobj"]
            if objs and source is None:
                source = _np_text(doc, objs[0])
        elif t.pos_ == "VERB" and lemma in REPORTING_VERBS and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i >= span.start for c in t.children):
            take("reported", t)  # with its subject in the line: "Confirmed so far:" reports nothing
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i >= span.start]
            generic_subj = subj[0].lower_ in GENERIC_SOURCES or subj[0].lower_ in PRONOUNS or \
                lemma_of(subj[0]) in GENERIC_SOURCES
            if source is None and not generic_subj:
                source = _np_text(doc, subj[0])
            elif generic_subj:
                generic = True
    if _TITLE_HEDGE_PREFIX.match(span.text):
        first = span[0]
        take("reported", first)
        generic = True
    spans = tuple(Span(t.idx, t.idx + len(t.text), t.text) for t in cues)
    return best, spans, source, generic and source is None


def _np_text(doc, tok) -> str:
    toks = [t for t in tok.subtree if not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    return doc[toks[0].i:toks[-1].i + 1].text if toks else tok.text


def _toc_lines(lines: list[_Line]) -> set[int]:
    """Indices of lines belonging to a table of contents."""
    toc: set[int] = set()
    i = 0
    while i < len(lines):
        if _TOC_HEAD.match(lines[i].text):
            toc.add(i)
            j = i + 1
            while j < len(lines) and (lines[j].blank or _is_heading(lines[j]) or _BULLET.match(lines[j].text)
                                      and lines[j].words <= _HEADING_MAX_WORDS
                                      or _TOC_LEADER.search(lines[j].text)):
                if lines[j].blank and (j + 1 >= len(lines) or lines[j + 1].blank):
                    break
                toc.add(j)
                j += 1
            i = j
            continue
        i += 1
    # Three or more consecutive lines ending in page numbers are a contents list on their own.
    run: list[int] = []
    for k, line in enumerate(lines + [_Line(0, 0, "")]):
        if _TOC_LEADER.search(line.text):
            run.append(k)
            continue
        if len(run) >= 3:
            toc.update(run)
        run = []
    return toc


def document_context(doc, mentions: list | None = None) -> DocContext:
    """The structure of a parsed document, computed once and cached on the Doc.

    Passing the actor mentions the caller already found lets attribution codes reuse them.
    """
    if mentions is not None and hasattr(doc, "user_data"):
        doc.user_data[ACTORS_KEY] = list(mentions)
    cached = doc.user_data.get(_CTX_KEY) if hasattr(doc, "user_data") else None
    if cached is not None:
        return cached
    ctx = _build(doc)
    try:
        doc.user_data[_CTX_KEY] = ctx
    except (AttributeError, TypeError):  # a Span or an object without user_data: no cache
        pass
    return ctx


def _build(doc) -> DocContext:
    text = text_of(doc)
    lines = _lines(text)
    nonblank = [k for k, ln in enumerate(lines) if not ln.blank]
    if len(nonblank) < 2:  # one paragraph: no structure beyond the sentence itself
        return DocContext()
    regions: list[Region] = []
    breaks: set[int] = set()
    toc = _toc_lines(lines)
    for k in toc:
        regions.append(Region(lines[k].start, lines[k].end + 1, "toc"))
    # Title and lead.
    title = lead = None
    first = lines[nonblank[0]]
    if _is_heading(first) or first.text.rstrip().endswith("?"):
        title = Span(first.start, first.end, first.text)
        body = [k for k in nonblank[1:] if k not in toc and not _BULLET.match(lines[k].text)
                and not lines[k].text.rstrip().endswith(":") and not _is_heading(lines[k])]
        if body:
            k0 = body[0]
            k1 = k0
            while k1 + 1 < len(lines) and not lines[k1 + 1].blank and not _BULLET.match(lines[k1 + 1].text) \
                    and not _is_heading(lines[k1 + 1]) and any(ln.blank for ln in lines):
                k1 += 1  # blank-line paragraphs: the lead runs to the next blank line
            lead = Span(lines[k0].start, lines[k1].end, text[lines[k0].start:lines[k1].end])
        regions.extend(_hedge_regions(doc, title, lead))
    # Line by line: bullets under a lead-in, headings, question headings, block breaks.
    lead_in: tuple[str, tuple[Span, ...], str | None, bool] | None = None
    prev_kind = "blank"
    for k, line in enumerate(lines):
        if line.blank:
            prev_kind = "blank"
            continue
        stripped = line.text.strip()
        is_bullet = bool(_BULLET.match(line.text))
        if is_bullet or prev_kind in ("blank", "heading", "bullet", "leadin") or _is_heading(line):
            breaks.add(line.start)
        if k in toc:
            prev_kind = "heading"
            continue
        if is_bullet:
            if lead_in is not None:
                fact, cues, src, generic = lead_in
                regions.append(Region(line.start, line.end + 1, "bullet", fact, cues, src, generic))
            prev_kind = "bullet"
            continue
        if stripped.endswith(":"):
            lead_in = _status(doc, line.start, line.end)
            prev_kind = "leadin"
            continue
        if prev_kind == "bullet" and lead_in is not None and line.text[:1].isspace():
            # an indented continuation of a line item keeps the item's status
            fact, cues, src, generic = lead_in
            regions.append(Region(line.start, line.end + 1, "bullet", fact, cues, src, generic))
            continue
        lead_in = None
        # A question standing on its own line (a heading or a title) asserts nothing.
        if stripped.endswith("?") and line.words <= 2 * _HEADING_MAX_WORDS \
                and prev_kind in ("blank", "heading", "bullet", "leadin"):
            q = line.start + len(line.text.rstrip()) - 1
            regions.append(Region(line.start, line.end + 1, "question_heading", "question",
                                  (Span(q, q + 1, "?"),)))
            prev_kind = "heading"
            continue
        prev_kind = "heading" if _is_heading(line) else "text"
    return DocContext(tuple(sorted(regions, key=lambda r: (r.start, r.end))), tuple(sorted(breaks)),
                      title, lead)


def _hedge_regions(doc, title: Span, lead: Span | None) -> list[Region]:
    """The title's (or lead's first sentence's) unattributed hedging, spread over title and lead."""
    fact, cues, src, generic = _status(doc, title.start, title.end)
    if fact != "reported" and lead is not None:
        # spaCy may run the title into the lead: clip the lead's first sentence to the lead.
        first_sent = next((s for s in doc.sents if s.end_char > lead.start), None)
        if first_sent is not None:
            f2, c2, s2, g2 = _status(doc, max(first_sent.start_char, lead.start), min(first_sent.end_char, lead.end))
            if f2 == "reported" and g2:  # only hedges with no named source colour the whole story
                fact, cues, src, generic = f2, c2, s2, g2
    if fact != "reported" or not generic:
        return []
    out = [Region(title.start, title.end + 1, "title", fact, cues, src, generic)]
    if lead is not None:
        out.append(Region(lead.start, lead.end + 1, "lead", fact, cues, src, generic))
    return out
