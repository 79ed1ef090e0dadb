"""When an event happened: a time expression in its sentence resolved against the article's date.

News sentences date events relative to the day of publication ("on Tuesday", "yesterday", "last
June", "on March 3"). An event's `date` is the article date unless its evidence sentence holds one
such expression, which is then resolved against it. A month without a day resolves to its first day.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from typing import Iterable

from realpolitik.ingest.dates import MONTHS, dateline_span
from realpolitik.model import Article, Event

log = logging.getLogger(__name__)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
# The first matching form wins, most specific first.
_FULL = re.compile(rf"\b(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
                   rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MON})\.?,?\s+(?P<year2>(?:19|20)\d\d)\b",
                   re.I)
_DAY_MONTH = re.compile(rf"\b(?:on|since|from|until|by)\s+(?:(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                        rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MON})\b)", re.I)
_WEEKDAY = re.compile(rf"\b(?P<rel>last|next|this|on|since|from|by|until)?\s*(?P<wd>{'|'.join(_WEEKDAYS)})\b", re.I)
_MONTH_ONLY = re.compile(rf"\b(?P<rel>last|next|this|in|since|from|until|by|early|late)\s+(?P<mon>{_MON})\b"
                         r"(?!\s*\d)", re.I)
_DAY_WORD = re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight)\b", re.I)
# "next month", "earlier this month", "three days ago": a period before or after the article date. Not weeks:
# "last week" names no day, and the article's own date is as near to it as a day seven days back
_PERIOD = re.compile(r"\b(?P<rel>last|next|previous|coming|earlier this|later this)\s+(?P<unit>month|year)\b", re.I)
_AGO = re.compile(r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|ten)\s+(?P<unit>day|month)s?\s+ago\b", re.I)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_YEAR_SHIFT = re.compile(r"\b(?P<rel>last|next|previous)\s+year\b", re.I)
# Future-tense cues: a weekday or month without "last"/"next" then lies ahead of the article date.
_FUTURE = re.compile(r"\b(will|shall|is to|are to|plans? to|planned for|scheduled|due to|expected to|next)\b", re.I)
# "next month", "next year": a future cue of its own phrase only, not of a weekday elsewhere in the sentence.
_NEXT_PHRASE = re.compile(r"\bnext\s+(week|month|year|\w+day)\b", re.I)
# A past-tense verb right before a weekday ("said on Monday", "met Tuesday"): the weekday is that verb's, past.
_PAST_VERB = re.compile(r"\b(said|told|met|held|spoke|began|struck|sent|gave|took|made|wrote|\w+ed)\s+(on\s+)?$", re.I)
# "May" is a month and a modal verb; as a month it follows a preposition ("in May", "last May").


def resolve(sentence: str, published: str | None, planned: bool = False) -> str | None:
    """The ISO date a sentence's time expression names, resolved against `published`; None when it names none.
    `planned`: the event lies ahead (its factuality says so), so a bare month or weekday is the next one."""
    m = _FULL.search(sentence)
    if m:
        mon, day, year = (m.group("mon"), m.group("day"), m.group("year")) if m.group("mon") else \
            (m.group("mon2"), m.group("day2"), m.group("year2"))
        return _date(int(year), MONTHS[mon.lower()], int(day))
    if not published:
        return None
    try:
        base = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    future = planned or bool(_FUTURE.search(sentence))
    m = _DAY_WORD.search(sentence)
    if m:
        shift = {"yesterday": -1, "tomorrow": 1}.get(m.group("w").lower(), 0)
        return (base + dt.timedelta(days=shift)).isoformat()
    m = _WEEKDAY.search(sentence)
    if m:
        wd = _WEEKDAYS.index(m.group("wd").lower())
        rel = (m.group("rel") or "").lower()
        # "said on Monday it would send ... next month": the weekday dates the past verb it follows, and a
        # "next" of another phrase puts nothing ahead
        ahead_cue = ((planned or bool(_FUTURE.search(_NEXT_PHRASE.sub("", sentence))))
                     and not _PAST_VERB.search(sentence[:m.start("wd")]))
        if rel == "next" or (ahead_cue and rel != "last"):
            ahead = (wd - base.weekday()) % 7 or 7
            return (base + dt.timedelta(days=ahead)).isoformat()
        back = (base.weekday() - wd) % 7
        if rel == "last" and back == 0:
            back = 7
        return (base - dt.timedelta(days=back)).isoformat()
    m = _DAY_MONTH.search(sentence)
    if m:
        mon, day = (m.group("mon"), m.group("day")) if m.group("mon") else (m.group("mon2"), m.group("day2"))
        month, d = MONTHS[mon.lower()], int(day)
        year = base.year
        cand = _date(year, month, d)
        # Past unless the sentence speaks of the future; a date later than the article is last year's.
        if cand and not future and cand > base.isoformat():
            cand = _date(year - 1, month, d)
        elif cand and future and cand < base.isoformat():
            cand = _date(year + 1, month, d)
        return cand
    m = _MONTH_ONLY.search(sentence)
    if m:
        month, rel = MONTHS[m.group("mon").lower()], m.group("rel").lower()
        year = base.year
        which = _YEAR_SHIFT.search(sentence[m.end():m.end() + 20])  # "in June last year", "in March next year"
        if which:
            return _date(year + (1 if which.group("rel").lower() == "next" else -1), month, 1)
        if rel == "last":
            year -= 1 if month >= base.month else 0
        elif rel == "next":
            year += 1 if month <= base.month else 0
        elif rel != "this":
            if future and month < base.month:
                year += 1
            elif not future and month > base.month:
                year -= 1
        return _date(year, month, 1)
    return _relative_period(sentence, base)


def _relative_period(sentence: str, base: dt.date) -> str | None:
    """A period named relative to the article date: "three days ago" is that day; "last month" / "next month"
    the first of that month; "last year" its 1 January (a month or a year without a day resolves to its first
    day, as "in June" does)."""
    m = _AGO.search(sentence)
    if m:
        n = _NUMBERS.get(m.group("n").lower()) or int(m.group("n"))
        if m.group("unit").lower() == "month":
            return _month_start(base, -n)
        return (base - dt.timedelta(days=n)).isoformat()
    m = _PERIOD.search(sentence)
    if not m:
        return None
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    step = 1 if rel in ("next", "coming") else 0 if rel.endswith("this") else -1
    if unit == "month":
        return _month_start(base, step)
    return _date(base.year + step, 1, 1) if step else None  # "earlier this year": no day to name


def _month_start(base: dt.date, months: int) -> str | None:
    k = base.year * 12 + base.month - 1 + months
    return _date(k // 12, k % 12 + 1, 1)


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def event_date(e: Event, published: str | None) -> str | None:
    """The date of an event: the one its evidence sentence names, else the article's."""
    # an event the coder left undated lies before the article ("in 2019", "had signed": see
    # coding/readings.py): its sentence's own date when it names one, never the article's
    # a planned act's bare month or weekday is the next one ("said they would meet again in January")
    return resolve(e.evidence.text, published, e.factuality == "planned") or (
        published if e.date is not None else None)


def date_events(events: Iterable[Event], published: str | None) -> list[Event]:
    """The events with `date` resolved from their evidence sentence (else the article date), evidence trimmed."""
    from realpolitik.model import Span

    out = []
    for e in events:
        when = event_date(e, published)
        ev = e.evidence
        lead = len(ev.text) - len(ev.text.lstrip())
        trail = len(ev.text) - len(ev.text.rstrip())
        if (lead or trail) and ev.text.strip():
            # a blanked dateline (see without_dateline) and the paragraph break after a sentence are not evidence
            e = dataclasses.replace(e, evidence=Span(ev.start + lead, ev.end - trail, ev.text.strip()))
        out.append(e if when == e.date else dataclasses.replace(e, date=when))
    return out


def without_dateline(article: Article) -> Article:
    """The article with its opening dateline ("TEHRAN, March 3, 2026 -") blanked to spaces for coding.

    The place of a dateline is where the story was filed, not an actor of its first sentence, and
    its date is the article's, not the event's; spaces keep every offset into the stored text valid.
    """
    found = dateline_span(article.text)
    if not found:
        return article
    _, start, end = found  # a headline above the dateline stays
    return dataclasses.replace(article, text=article.text[:start] + " " * (end - start) + article.text[end:])
