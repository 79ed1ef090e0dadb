"""The Dask engine: code partitions of the input on Dask workers, commit them from the client.

Workers only code (each builds the coder once per process); the client reads the input,
decides what to code exactly as the local engine does, and commits batch by batch through
`pipeline.ingest_items`, so article ids, event ids and every count match the local engine.
Partitions are submitted ahead of the commit point (a bounded window), so coding on the
workers overlaps with reading and committing on the client.
"""
from __future__ import annotations

import contextlib
import logging
import os
from collections import deque
from typing import Any, Callable, Iterable, Iterator

from realpolitik.ingest import IngestError, RawItem, read_inputs
from realpolitik.model import Article, Event
from realpolitik.options import Options
from realpolitik.pipeline import IngestReport, coder_settings, ingest_items

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")
PARTITION_SIZE = 8  # articles per Dask task by default (see DaskCoder)

# Coders built in this (worker) process, by name and settings: building loads spaCy and the lexicons.
_WORKER_CODERS: dict[tuple, Any] = {}


def _worker_coder(factory: Callable[[Options], Any], options: Options):
    key = coder_settings(options)
    if key not in _WORKER_CODERS:
        _WORKER_CODERS[key] = factory(options)
    return _WORKER_CODERS[key]


def code_partition(factory: Callable[[Options], Any], options: Options, articles: list[Article]) -> list[list[Event]]:
    """Runs on a worker: the events of each article of one partition, in order."""
    from realpolitik.pipeline import code_with  # the same steps as pipeline.code_articles

    return list(code_with(_worker_coder(factory, options), articles, options))


def coder_key_on_worker(factory: Callable[[Options], Any], options: Options) -> str:
    """Runs on a worker: the coder's 'name.vN' (building it there, so the client never loads spaCy)."""
    c = _worker_coder(factory, options)
    return f"{c.name}.v{c.version}"


def coder_factory(options: Options) -> Callable[[Options], Any]:
    """The factory of the coder named in the options, for the workers to build it with."""
    # Shipped to the workers by reference (module + name), so any importable coder works,
    # including one registered by a plugin the workers do not import themselves.
    import realpolitik.coding  # noqa: F401  (registers the built-in coders)
    from realpolitik.registry import coders

    return coders.get(options.coder)


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A distributed Client: on the scheduler at `scheduler`, else on a new LocalCluster of `workers` processes."""
    from realpolitik.errors import require

    require("distributed", "dask", "the Dask engine")
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        try:
            if workers:
                client.wait_for_workers(workers, timeout=120)
            yield client
        finally:
            client.close()
        return
    # One single-threaded process per worker: the coder holds the GIL, so threads would not help.
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


class DaskCoder:
    """Submits partitions of new articles to Dask ahead of the commit and hands their events back in order."""

    def __init__(self, client: Any, options: Options, partition_size: int | None = None, window: int | None = None):
        self.client, self.options = client, options
        self.factory = coder_factory(options)
        # Small partitions spread even a short input over every worker; an article takes ~0.1-1 s
        # to code (benchmarks/throughput.py), so the ~1 ms Dask spends per task stays negligible.
        self.partition_size = partition_size or min(options.batch_size, PARTITION_SIZE)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        # Partitions submitted ahead of the commit point: one commit batch's worth (the client waits
        # for those) plus two per worker, so workers stay busy during a commit; this bounds client memory.
        self.window = window or -(-options.batch_size // self.partition_size) + 2 * n_workers
        self._done: set[str] = set()
        self._submitted: set[str] = set()
        self._pending: dict[str, tuple[Any, list[str]]] = {}
        self._ready: dict[str, list[Event]] = {}

    def key(self) -> str:
        """The coder's 'name.vN', asked of a worker."""
        return self.client.submit(coder_key_on_worker, self.factory, self.options, pure=False).result()

    def skip(self, article_ids: Iterable[str]) -> None:
        """Do not code these articles (already coded by this coder version)."""
        self._done.update(article_ids)

    def _submit(self, part: list[RawItem | IngestError]) -> None:
        arts: list[Article] = []
        if self.options.code:
            for it in part:
                if isinstance(it, RawItem):
                    aid = it.article.id
                    if aid not in self._done and aid not in self._submitted:
                        self._submitted.add(aid)
                        arts.append(it.article)
        if arts:
            fut = self.client.submit(code_partition, self.factory, self.options, arts, pure=False, retries=1)
            ids = [a.id for a in arts]
            for aid in ids:
                self._pending[aid] = (fut, ids)

    def prefetch(self, items: Iterable[RawItem | IngestError]) -> Iterator[RawItem | IngestError]:
        """The same items in the same order, each partition submitted for coding before it is passed on."""
        window: deque[list[RawItem | IngestError]] = deque()
        part: list[RawItem | IngestError] = []
        for it in items:
            part.append(it)
            if len(part) >= self.partition_size:
                self._submit(part)
                window.append(part)
                part = []
                while len(window) > self.window:
                    yield from window.popleft()
        if part:
            self._submit(part)
            window.append(part)
        while window:
            yield from window.popleft()

    def code(self, articles: list[Article]) -> list[list[Event]]:
        """The events of each article (waiting for its partition); used by ingest_items."""
        out = []
        for a in articles:
            if a.id not in self._ready and a.id in self._pending:
                fut, ids = self._pending[a.id]
                for aid, events in zip(ids, fut.result()):
                    self._ready[aid] = events
                    self._pending.pop(aid, None)
            if a.id not in self._ready:
                # Not foreseen (e.g. the store changed under us): code it on a worker now.
                log.debug("coding %s outside its partition", a.id)
                self._ready[a.id] = self.client.submit(code_partition, self.factory, self.options, [a],
                                                       pure=False).result()[0]
            out.append(self._ready.pop(a.id))
        return out


def ingest_items_dask(items: Iterable[RawItem | IngestError], store, options: Options | None = None,
                      client: Any = None, scheduler: str | None = None, workers: int | None = None,
                      on_item: Callable[[RawItem | IngestError], None] | None = None,
                      partition_size: int | None = None) -> IngestReport:
    """Like pipeline.ingest_items, coding on Dask workers (a given client, a scheduler address or a LocalCluster)."""
    options = options or Options()
    if not options.code:  # nothing to code: no workers needed
        return ingest_items(items, store, options, on_item, key="")
    if client is None:
        with dask_client(scheduler, workers) as c:
            return ingest_items_dask(items, store, options, c, on_item=on_item, partition_size=partition_size)
    coder = DaskCoder(client, options, partition_size)
    key = coder.key()
    coder.skip(store.coded_article_ids(key))
    return ingest_items(coder.prefetch(items), store, options, on_item, code=coder.code, key=key)


def ingest_dask(paths: Iterable[str], store, options: Options | None = None, client: Any = None,
                scheduler: str | None = None, workers: int | None = None,
                on_item: Callable[[RawItem | IngestError], None] | None = None,
                partition_size: int | None = None) -> IngestReport:
    """Read the inputs and ingest them with the Dask engine (see ingest_items_dask)."""
    options = options or Options()
    return ingest_items_dask(read_inputs(paths, options), store, options, client, scheduler, workers,
                             on_item, partition_size)
