"""Indexes for big stores (migration 20), measured with benchmarks/big_store.py on 10 million events.

The country and region scopes of analytics filter on the 3-letter state of either side
(`SUBSTR(source, 1, 3) IN (...) OR SUBSTR(target, 1, 3) IN (...)`); expression indexes on those
prefixes, with the date, let PostgreSQL answer them from two index scans instead of reading the
whole table. DuckDB accepts the same statements (its scans are fast without them). Dyad prefix
queries (`source LIKE 'CHN%'`) use idx_events_dyad from migration 1 wherever the collation
allows it; PostgresStore adds a pattern-ops twin where it does not.
"""
from __future__ import annotations

import logging

from realpolitik.store.schema import migration

log = logging.getLogger(__name__)


@migration(20, "indexes for big stores: state prefix of source and of target, with the date")
def _big_store_indexes() -> list[str]:
    return [
        "CREATE INDEX IF NOT EXISTS idx_events_source3 ON events ((SUBSTR(source, 1, 3)), date)",
        "CREATE INDEX IF NOT EXISTS idx_events_target3 ON events ((SUBSTR(target, 1, 3)), date)",
    ]
