"""Stores: DuckDB by default, PostgreSQL for a shared server; chosen by URL."""
from __future__ import annotations

from realpolitik.registry import stores
from realpolitik.store import duckdb_store  # noqa: F401  (registers "duckdb")
from realpolitik.store.base import BaseStore, EventFilter, SaveResult, StoreError

__all__ = ["open_store", "BaseStore", "EventFilter", "SaveResult", "StoreError"]


def open_store(url: str, read_only: bool = False) -> BaseStore:
    """Open (and migrate) a store: a file path or duckdb://PATH for DuckDB, postgresql://... for PostgreSQL."""
    url = str(url)
    if url.startswith(("postgresql://", "postgres://")):
        from realpolitik.store import postgres_store  # noqa: F401  (registers "postgresql"; psycopg is the [postgres] extra)
        return stores.get("postgresql")(url, read_only=read_only)
    return stores.get("duckdb")(url, read_only=read_only)
