"""The manifest of schema migrations: every named set, whatever else was imported, in version order.

Each set is a module of functions marked with `@migration(version, description)`; a store applies
the versions it has not applied yet, so `open_store()` has every table (tokens included) from a
plain library import.
"""
from __future__ import annotations

import logging
from types import ModuleType

from realpolitik.store import corroboration, indexes, locations, schema, tokens

log = logging.getLogger(__name__)


def _marked(module: ModuleType) -> list[tuple[int, str, list[str]]]:
    fns = [f for f in vars(module).values() if callable(f) and hasattr(f, "migration")]
    return [(*f.migration, f()) for f in fns]


# Set name -> its migrations. Version numbers are fixed once released; never renumber.
SETS: dict[str, list[tuple[int, str, list[str]]]] = {
    "core": list(schema.MIGRATIONS),                                            # 1
    "corroboration": [m for m in _marked(corroboration) if m[0] in (2, 3)],    # near-duplicates, clusters
    "live": [m for m in _marked(corroboration) if m[0] in (4, 5)],             # watch state, alerts sent
    "tokens": _marked(tokens),                                                 # 10: API tokens
    "indexes": _marked(indexes),                                               # 20: indexes for big stores
    "locations": _marked(locations),                                           # 25: event location columns
}

MIGRATIONS: list[tuple[int, str, list[str]]] = sorted((m for ms in SETS.values() for m in ms), key=lambda m: m[0])

_versions = [m[0] for m in MIGRATIONS]
if len(set(_versions)) != len(_versions):
    raise RuntimeError(f"a migration version is listed twice: {_versions}")
