"""The PostgreSQL store (psycopg 3): one shared server, many concurrent writers.

It runs the same portable SQL and migrations as DuckDB; only placeholders are translated
(`?` -> `%s`, a literal `%` -> `%%`). Concurrent ingests are safe because every insert in
BaseStore.save is `ON CONFLICT DO NOTHING ... RETURNING`, rows are written in article-id
order (so two writers take their locks in the same order) and a batch that still meets a
deadlock or serialization failure is retried as a whole. Shared state rewritten after a save
(near-duplicate links, event clusters) is rewritten under an advisory lock (`lock`), one writer
at a time, in a transaction retried the same way (`retrying`).
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import random
import re
import time
from typing import Any, Callable, Iterable, Iterator, Sequence

from realpolitik.registry import stores
from realpolitik.store.base import BaseStore, SaveResult, StoreError

log = logging.getLogger(__name__)

# pg_advisory_lock key serialising migrations between processes opening the same database
# at once (any constant works; this is the first 8 bytes of sha256("realpolitik.migrate")).
_MIGRATE_LOCK = 0x2B1F0C6A5D3E4F71
# A batch meeting a deadlock is retried this often; two writers rarely collide twice in a row.
_SAVE_RETRIES = 5


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


@functools.lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """Portable SQL with `?` placeholders as psycopg SQL: `?` -> `%s`, `%` -> `%%` (outside quotes too)."""
    out: list[str] = []
    quote: str | None = None
    for ch in sql:
        if ch == "%":
            out.append("%%")
            continue
        if quote:
            if ch == quote:
                quote = None
            out.append(ch)
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


class PostgresStore(BaseStore):
    """A Store in a PostgreSQL database, opened from a postgresql:// URL."""

    placeholder = "%s"

    def __init__(self, url: str, read_only: bool = False):
        from realpolitik.errors import require

        psycopg = require("psycopg", "postgres", "a PostgreSQL store")
        from psycopg.rows import dict_row

        self.url = url
        self.read_only = read_only
        self._psycopg = psycopg
        try:
            self.con = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(f"{redact(url)}: cannot connect to PostgreSQL: {str(exc).strip()}") from exc
        if read_only:
            # Every transaction of this session, implicit ones included, refuses writes.
            self.con.execute("SET default_transaction_read_only = on")
            if not self._fetch("SELECT to_regclass('schema_migrations') AS t")[0]["t"]:
                self.close()
                raise StoreError(f"{redact(url)}: no realpolitik schema in this database yet "
                                 f"(create it with `realpolitik ingest PATH --db {redact(url)}`)")
        else:
            self.migrate()

    # -- backend hooks -------------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.con.execute(translate(sql), tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.con.cursor() as cur:
                cur.executemany(translate(sql), rows)

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.con.cursor() as cur:
            cur.execute(translate(sql), tuple(params))
            return list(cur.fetchall()) if cur.description else []

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; a nested call becomes a savepoint inside the outer one."""
        with self.con.transaction():
            yield

    def close(self) -> None:
        """Close the connection."""
        with contextlib.suppress(Exception):
            self.con.close()

    # -- schema and writes ---------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply pending migrations, holding an advisory lock so concurrent openers wait their turn."""
        self.con.execute("SELECT pg_advisory_lock(%s)", (_MIGRATE_LOCK,))
        try:
            applied = super().migrate()
            self._pattern_indexes()
            return applied
        finally:
            self.con.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATE_LOCK,))

    def _pattern_indexes(self) -> None:
        # Under a collation other than C, PostgreSQL cannot use a plain b-tree for the prefix
        # matches analytics and filters make (source LIKE 'CHN%'); a text_pattern_ops twin of
        # idx_events_dyad can. On 10M events it turns a dyad query from a full scan into an
        # index range scan (benchmarks/big_store.py). PostgreSQL-only, hence not a portable migration.
        coll = self._fetch("SELECT datcollate AS c FROM pg_database WHERE datname = current_database()")
        if coll and coll[0]["c"] not in ("C", "POSIX"):
            self._execute("CREATE INDEX IF NOT EXISTS idx_events_dyad_pattern ON events "
                          "(source text_pattern_ops, target text_pattern_ops, date)")

    def lock(self, name: str) -> None:
        """Hold an advisory lock named `name` until the transaction ends: writers of shared state take turns."""
        key = int.from_bytes(hashlib.sha256(f"realpolitik.{name}".encode()).digest()[:8], "big", signed=True)
        self._execute("SELECT pg_advisory_xact_lock(?)", (key,))

    def retrying(self, fn: Callable[[], Any]) -> Any:
        """fn() in one transaction, run again (up to _SAVE_RETRIES times) after a deadlock or serialization failure."""
        if self.con.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE:
            return fn()  # inside a caller's transaction: it owns the retry
        errors = self._psycopg.errors
        for attempt in range(_SAVE_RETRIES):
            try:
                with self.transaction():
                    return fn()
            except (errors.DeadlockDetected, errors.SerializationFailure):
                if attempt == _SAVE_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1) * (1 + random.random()))
        raise AssertionError("unreachable")

    def save(self, items: Iterable[tuple[Any, Any, str]]) -> SaveResult:
        """BaseStore.save in article-id order, retrying a batch that hit a deadlock with another writer."""
        # Sorting is stable, so copies of one article keep their input order (the first is the original).
        items = sorted(items, key=lambda it: it[0].id)
        return self.retrying(lambda: super(PostgresStore, self).save(items))

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Bulk-load rows with COPY (much faster than INSERT for millions of rows); returns the count."""
        n = 0
        with self.transaction(), self.con.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as cp:
                for row in rows:
                    cp.write_row(row)
                    n += 1
        return n


@stores.register("postgresql")
def open_postgres(url: str, read_only: bool = False) -> PostgresStore:
    """Open a PostgreSQL store from a postgresql:// (or postgres://) URL."""
    return PostgresStore(url, read_only=read_only)
