"""Publication dates in many spellings to ISO YYYY-MM-DD."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

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
