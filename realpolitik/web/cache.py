"""A small cache of analytics results, keyed on the store's data version so a write invalidates it.

Analytics re-read every event of their scope (hundreds of milliseconds on a busy store) while the
data changes only on ingest or recode; the data version is a few aggregate reads (about a
millisecond), so a dashboard reload or a repeated API call costs a cache lookup instead.
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Any, Callable

log = logging.getLogger(__name__)

# Entries kept: each dashboard page needs a few; 128 covers many scopes at a few MB at most.
MAX_ENTRIES = 128


def data_version(store) -> tuple:
    """What changes whenever articles, events, coding runs or clusters change."""
    row = store.query(
        "SELECT (SELECT COUNT(*) FROM articles) AS a, (SELECT MAX(ingested_at) FROM articles) AS ai, "
        "(SELECT COUNT(*) FROM events) AS e, (SELECT MAX(coded_at) FROM coding_runs) AS c, "
        "(SELECT COUNT(*) FROM coding_runs) AS cn, (SELECT MAX(canonical_id) FROM articles) AS cid")[0]
    extra: tuple = ()
    try:  # clusters are re-scored on their own by `realpolitik clusters`/recluster
        extra = tuple(store.query("SELECT COUNT(*) AS n, MAX(updated_at) AS u FROM event_clusters")[0].values())
    except Exception:  # a store without the corroboration tables
        extra = ()
    return tuple(row.values()) + extra


class ResultCache:
    """Thread-safe LRU of computed results."""

    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, store, key: tuple, fn: Callable[[], Any]) -> Any:
        """The cached result for `key` at the store's current data version, computing it when missing."""
        full = (key, data_version(store))
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        value = fn()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)
        return value
