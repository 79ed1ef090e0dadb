"""The store's clock: naive UTC timestamps, in a module of its own so schema sets can use it without the store."""
from __future__ import annotations

import datetime as dt
import logging

log = logging.getLogger(__name__)


def now() -> dt.datetime:
    """The current UTC time, naive (stored as TIMESTAMP)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
