"""Publication dates in many spellings to ISO YYYY-MM-DD."""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

log = logging.getLogger(__name__)

ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: Any) -> str | None:
    """An ISO date from a date, datetime, ISO string or free-form date text; None when unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
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

    d = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return d.strftime("%Y-%m-%d") if d else None
