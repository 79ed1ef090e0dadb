"""Coding on several cores: `Options.n_process` processes share each round of articles.

The parent process codes one share of every round itself and forked workers code the others, so
two processes use both cores of a small machine. Workers are forked from the parent after its
model and tables are loaded: they start at once and share those pages until they write to them.
A process only starts its workers once it has coded PARALLEL_MIN_ARTICLES articles (short inputs
never pay for them) and keeps them for later calls (ingest codes batch by batch).
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing as mp
import os
import threading
from itertools import islice
from typing import Callable, Iterable, Iterator

from realpolitik.model import Article, Event

log = logging.getLogger(__name__)

# Articles coded in one process before its workers start: at ~30 articles/s a pool that takes
# about a second to fork and warm up pays for itself within the next few batches.
PARALLEL_MIN_ARTICLES = 64

Serial = Callable[[object, Iterable[Article]], Iterator[list[Event]]]

_state: dict = {"coded": 0, "pool": None, "key": None}
_WORKER: dict = {}


def _init(coder, serial: Serial) -> None:
    _WORKER["coder"], _WORKER["serial"] = coder, serial


def _work(articles: list[Article]) -> list[list[Event]]:
    return [list(evs) for evs in _WORKER["serial"](_WORKER["coder"], articles)]


def _pool(coder, serial: Serial, workers: int):
    """The process's worker pool for this coder (forked once, reused), or None when it cannot fork."""
    key = (id(coder), workers)
    if _state["pool"] is not None and _state["key"] == key:
        return _state["pool"]
    if "fork" not in mp.get_all_start_methods() or mp.current_process().daemon \
            or threading.active_count() > 1:  # forking a threaded process (a server) is unsafe
        return None
    shutdown()
    ctx = mp.get_context("fork")
    _state["pool"] = ctx.Pool(workers, initializer=_init, initargs=(coder, serial))
    _state["key"] = key
    return _state["pool"]


def shutdown() -> None:
    """Stop the worker processes, if any."""
    pool = _state["pool"]
    _state["pool"] = _state["key"] = None
    if pool is not None:
        pool.terminate()
        pool.join()


atexit.register(shutdown)


def n_process(options) -> int:
    """Processes to code with: Options.n_process, at most the machine's cores."""
    return max(1, min(int(getattr(options, "n_process", 1) or 1), os.cpu_count() or 1))


def code_many(coder, articles: Iterable[Article], serial: Serial) -> Iterator[list[Event]]:
    """The events of each article, in order, `serial` spread over `n_process` processes."""
    n = n_process(coder.options)
    size = max(1, coder.options.batch_size)
    arts = iter(articles)
    while True:
        round_ = list(islice(arts, size * n))
        if not round_:
            return
        pool = None
        if n > 1 and len(round_) > 1 and _state["coded"] >= PARALLEL_MIN_ARTICLES:
            pool = _pool(coder, serial, n - 1)
        _state["coded"] += len(round_)
        if pool is None:
            yield from serial(coder, round_)
            continue
        share = -(-len(round_) // n)
        parts = [round_[i:i + share] for i in range(0, len(round_), share)]
        pending = [pool.apply_async(_work, (p,)) for p in parts[1:]]
        yield from list(serial(coder, parts[0]))
        for res in pending:
            yield from res.get()
