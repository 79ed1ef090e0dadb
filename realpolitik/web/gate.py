"""Store access for the web server under DuckDB's one-writer rule.

DuckDB lets one process write a file, or several read it, never both; inside one process every
connection to a file must share one configuration. So the server keeps a single connection to the
file, read-only while it only reads, and hands each request its own cursor (a cheap, thread-safe
child connection). A write switches the connection to read-write once no reader holds a cursor,
and readers keep working on cursors of the read-write connection meanwhile. After `idle_release`
seconds with no request the connection is closed, so a `realpolitik ingest` in another process can
take the file while the dashboard is idle. When another process holds the write lock, reads and
writes fail with StoreError, which the app turns into a 503 with a clear message.

PostgreSQL handles concurrency itself: each request opens its own store.
"""
from __future__ import annotations

import contextlib
import logging
import threading
import time
from typing import Any, Iterator

from realpolitik.store import BaseStore, StoreError, open_store

log = logging.getLogger(__name__)

# Seconds without a request after which the DuckDB file is let go, so other processes can write
# it; short enough that a CLI ingest started while the dashboard sits idle gets in at once, long
# enough that a page and the requests it triggers share one open connection.
IDLE_RELEASE = 2.0


def is_postgres(url: str) -> bool:
    """Whether the store URL names a PostgreSQL database."""
    return str(url).startswith(("postgresql://", "postgres://"))


class StoreGate:
    """Hands out per-request stores: `reader()` and `writer()` context managers."""

    def __init__(self, url: str, idle_release: float = IDLE_RELEASE):
        self.url = str(url)
        self.idle_release = idle_release
        self._cond = threading.Condition()
        self._write_lock = threading.Lock()  # one writer at a time
        self._base: Any = None  # the shared DuckDBStore (its connection is read here), or None when closed
        self._rw = False
        self._users = 0
        self._switching = False
        self._last_used = time.monotonic()
        self._closed = False
        self._reaper: threading.Thread | None = None

    # -- setup ---------------------------------------------------------------------------------
    def prepare(self) -> None:
        """Create and migrate the store once at start-up (read-write, then let go)."""
        try:
            open_store(self.url).close()
        except StoreError:
            if is_postgres(self.url):
                raise
            # Locked by a writer elsewhere: serve reads anyway; migrations wait for the next start.

    # -- per-request stores --------------------------------------------------------------------
    @contextlib.contextmanager
    def reader(self) -> Iterator[BaseStore]:
        """A store for reading during one request."""
        if is_postgres(self.url):
            with open_store(self.url, read_only=True) as s:
                yield s
            return
        with self._cursor(write=False) as s:
            yield s

    @contextlib.contextmanager
    def writer(self) -> Iterator[BaseStore]:
        """A store for writing during one request (writers take turns)."""
        if is_postgres(self.url):
            with open_store(self.url) as s:
                yield s
            return
        with self._write_lock, self._cursor(write=True) as s:
            yield s

    @contextlib.contextmanager
    def _cursor(self, write: bool) -> Iterator[BaseStore]:
        from realpolitik.store.duckdb_store import DuckDBStore

        with self._cond:
            while self._switching:
                self._cond.wait()
            if self._base is None or (write and not self._rw):
                self._switching = True
                try:
                    while self._users:
                        self._cond.wait()
                    self._reopen(write)
                finally:
                    self._switching = False
                    self._cond.notify_all()
            self._users += 1
            base = self._base
            cur = base.con.cursor()
        # A store object over the cursor: same SQL, its own connection state and transactions.
        view = DuckDBStore.__new__(DuckDBStore)
        view.path = view.url = base.path
        view.read_only = base.read_only
        view._depth = 0
        view.con = cur
        try:
            yield view
        finally:
            with contextlib.suppress(Exception):
                cur.close()
            with self._cond:
                self._users -= 1
                self._last_used = time.monotonic()
                self._cond.notify_all()
            self._start_reaper()

    def _reopen(self, write: bool) -> None:
        if self._base is not None:
            self._base.close()
            self._base = None
        try:
            self._base = open_store(self.url, read_only=not write)
        except StoreError as exc:
            if "not a usable DuckDB" in str(exc) and not write:
                raise StoreError(f"{self.url}: no realpolitik database here yet "
                                 "(create it with `realpolitik ingest PATH --db FILE`)") from exc
            raise
        self._rw = write

    # -- letting the file go when idle ---------------------------------------------------------
    def _start_reaper(self) -> None:
        if self._reaper is None and not self._closed:
            self._reaper = threading.Thread(target=self._reap, name="store-idle-release", daemon=True)
            self._reaper.start()

    def _reap(self) -> None:
        while not self._closed:
            time.sleep(min(0.5, self.idle_release))
            with self._cond:
                idle = time.monotonic() - self._last_used
                if self._base is not None and not self._users and not self._switching and idle >= self.idle_release:
                    self._base.close()
                    self._base = None
                    self._rw = False

    def close(self) -> None:
        """Close the shared connection (the server is stopping)."""
        with self._cond:
            self._closed = True
            if self._base is not None:
                self._base.close()
                self._base = None
