"""Publication dates in many spellings to ISO YYYY-MM-DD."""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

log = logging.getLogger(__name__)

ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


# Two unrelated "nows": a date that comes out differently against them was filled in from the
# reading time, so it is not a publication date: "yesterday", "March 5" without a year, and junk
# that dateparser completes from today ("1e999" came out as today, "nan" as 1 August and "-1" as
# 1 January of the current year).
_BASES = (dt.datetime(2001, 2, 3, 4, 5, 6), dt.datetime(2013, 11, 22, 21, 20, 19))


def parse_date(value: Any) -> str | None:
    """An ISO date from a date, datetime, ISO string or free-form date text; None when unknown or relative."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (int, float)):  # a JSON number (bool included) is not a date
        return None
    s = str(value).strip()
    m = ISO_RE.match(s)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    if len(s) > 100:
        return None
    import dateparser  # slow to import: only for non-ISO dates

    got = {_parse(dateparser, s, base) for base in _BASES}
    return got.pop() if len(got) == 1 else None


def _parse(dateparser, s: str, base: dt.datetime) -> str | None:
    try:
        d = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                          "RELATIVE_BASE": base})
    except (ValueError, OverflowError):  # dateparser's own arithmetic on absurd numbers
        return None
    return d.strftime("%Y-%m-%d") if d else None


MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), 1) for m in names}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A date written in a dateline: "March 3, 2026", "Feb 2 2026", "February 2nd,2026", "3 March 2026",
# "2026-03-03".
_DATE_FORMS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s*,?\s*{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\s*,?\s*{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
)
# What ends a dateline: a dash (any of - – —), a colon, or the agency in brackets followed by one.
_DATELINE_END = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—:]|$)")
# A dateline is the first thing in a story: the date must start within this many characters of the
# body's first line ("RIO DE JANEIRO, BRAZIL, March 3, 2026 -" is 40; room for a longer place name).
DATELINE_REACH = 80
# The place before a dateline's date: words ending in a comma ("Brasilia, ", "WASHINGTON, D.C., "), or
# words in capitals ("BEIJING ").
_PLACE_RE = re.compile(r"(?:[A-Z][\w.'\-]*(?:\s+[\w.'\-]+)*\s*,\s*)+|[A-Z][A-Z.'\-]*(?:\s+[A-Z.'\-]+)*\s+")


def dateline_date(text: str) -> str | None:
    """The ISO date of a dateline opening the text ("BRASILIA, March 3, 2026 -", "Feb 2 2026 (Reuters) -")."""
    found = dateline(text)
    return found[0] if found else None


def dateline(text: str) -> tuple[str, int] | None:
    """(ISO date, offset where the story proper starts) of the dateline opening the text; None without one."""
    found = dateline_span(text)
    return (found[0], found[2]) if found else None


def dateline_span(text: str) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the dateline opening the text, or opening its body under a headline: a first
    paragraph of one short line that ends in no full stop, then a blank line ("China to help Iran, Tehran
    says\n\nTEHRAN, March 9, 2026 - ..."), as wire copy is laid out; None without one."""
    m0 = re.match(r"\s*", text)
    found = _dateline_at(text, m0.end())
    if found is None:
        head = re.match(r"[^\n]{1,200}\n[ \t]*\n\s*", text[m0.end():])
        if head and not head.group(0).split("\n")[0].rstrip().endswith("."):
            start = m0.end() + head.end()
            got = _dateline_at(text, start)
            return (got[0], start, got[1]) if got else None
        return None
    return found[0], m0.end(), found[1]


def _dateline_at(text: str, start: int) -> tuple[str, int] | None:
    """(ISO date, end) of a dateline that opens the line starting at `start`; None without one."""
    end_of_line = text.find("\n", start)
    line = text[start:end_of_line if end_of_line >= 0 else len(text)].rstrip()
    for form in _DATE_FORMS:
        m = form.search(line, 0, DATELINE_REACH + 40)
        if not m or m.start() > DATELINE_REACH:
            continue
        # Only a place name (capitals, commas) or nothing may come before the date.
        head = line[:m.start()]
        if head.strip() and not _PLACE_RE.fullmatch(head):
            continue
        tail = _DATELINE_END.match(line, m.end())
        if not tail:
            continue
        mon = m.group("mon")
        month = int(mon) if mon.isdigit() else MONTHS[mon.lower()]
        try:
            iso = dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
        except ValueError:
            return None
        rest = re.match(r"[-–—:\s]*", line[tail.end():])
        return iso, start + tail.end() + (rest.end() if rest else 0)
    return None
