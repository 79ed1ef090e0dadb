"""Live monitoring: poll feeds and pages, ingest and code only what is new, raise alerts.

Nothing is lost or doubled across stops and restarts: for each source, the new articles, their
events and clusters, the ids of the items taken and the source's ETag / Last-Modified are
committed in one transaction. A stop before the commit leaves the source as it was, so the next
poll fetches the same items again; a stop after it finds them already taken.
"""
from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from realpolitik.ingest.base import IngestError, RawItem
from realpolitik.options import Options
from realpolitik.store.base import now

log = logging.getLogger(__name__)

# Polling a news feed more than once a minute gains nothing and is impolite to its server.
MIN_INTERVAL = 60.0
# A feed entry shorter than this is a teaser; with follow_links its page is fetched for the text.
TEASER_CHARS = 600
INTERVAL_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)


def parse_interval(text: str | float | int) -> float:
    """Seconds from '90', '30s', '15m', '2h' or '1d'; ValueError for anything else."""
    if isinstance(text, (int, float)):
        return float(text)
    m = INTERVAL_RE.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not an interval such as 30s, 15m, 2h or 1d")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2).lower()]


@dataclass
class PollResult:
    """What one poll of one source did."""

    url: str
    status: str  # new | unchanged | not_modified | error
    fetched: int = 0
    new_items: int = 0
    new_articles: int = 0
    new_events: int = 0
    article_ids: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The result as a plain dict."""
        return dict(self.__dict__)

    def __str__(self) -> str:
        if self.status == "error":
            return f"{self.url}: error: {'; '.join(self.errors)}"
        return (f"{self.url}: {self.status}, {self.fetched} items fetched, {self.new_items} new, "
                f"{self.new_articles} new articles, {self.new_events} new events"
                + (f", {len(self.errors)} errors" if self.errors else ""))


def _item_id(item: RawItem | IngestError) -> str:
    if isinstance(item, IngestError):
        return item.where
    # Feed entries carry their feed id; a page is identified by its text, so an edited page is new.
    return item.article.external_id or item.article.id


def _record_source(store, url: str, status: int | None, etag: str | None, last_modified: str | None,
                   error: str | None, n_items: int) -> None:
    store._execute(
        "INSERT INTO watch_sources (url, etag, last_modified, last_polled, last_status, last_error, n_items) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
        "etag = COALESCE(EXCLUDED.etag, watch_sources.etag), "
        "last_modified = COALESCE(EXCLUDED.last_modified, watch_sources.last_modified), "
        "last_polled = EXCLUDED.last_polled, last_status = EXCLUDED.last_status, "
        "last_error = EXCLUDED.last_error, n_items = watch_sources.n_items + EXCLUDED.n_items",
        (url, etag, last_modified, now(), status, error, n_items))


def _follow(item: RawItem, options: Options) -> RawItem:
    """The entry's linked page as the article when the entry is only a teaser; else the entry."""
    from dataclasses import replace

    from realpolitik.ingest.web import read_url

    art = item.article
    if not art.url or len(art.text) >= TEASER_CHARS:
        return item
    # A feed author chooses the links: --allow-private covers the sources the operator named, not the
    # pages they point to, which only reach private addresses through --allow-host.
    got = next((x for x in read_url(art.url, options.with_(allow_private=False)) if isinstance(x, RawItem)), None)
    if got is None:
        return item
    page = got.article
    return RawItem(replace(page, title=page.title or art.title, published=page.published or art.published,
                           publisher=page.publisher or art.publisher, external_id=art.external_id), item.where)


def poll_source(store, url: str, options: Options | None = None) -> PollResult:
    """Poll one feed or page once: conditional fetch, keep unseen items, ingest them atomically."""
    from realpolitik.ingest.web import FetchError, fetch, items_from_result
    from realpolitik.pipeline import ingest_items

    options = options or Options()
    state = store._fetch("SELECT etag, last_modified FROM watch_sources WHERE url = ?", (url,))
    etag, lm = (state[0]["etag"], state[0]["last_modified"]) if state else (None, None)
    try:
        res = fetch(url, options, etag=etag, last_modified=lm)
    except FetchError as exc:
        with store.transaction():
            _record_source(store, url, None, None, None, exc.reason, 0)
        return PollResult(url, "error", errors=[str(exc)])
    if res.not_modified:
        with store.transaction():
            _record_source(store, url, 304, res.etag, res.last_modified, None, 0)
        return PollResult(url, "not_modified")
    items = list(items_from_result(res, options))
    ids = [_item_id(it) for it in items]
    seen: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        seen |= {r["item_id"] for r in store._fetch(
            f"SELECT item_id FROM watch_items WHERE source_url = ? AND item_id IN ({', '.join('?' * len(chunk))})",
            (url, *chunk))}
    fresh: dict[str, RawItem | IngestError] = {}
    for iid, it in zip(ids, items):
        if iid not in seen and iid not in fresh:
            fresh[iid] = it
    result = PollResult(url, "new" if fresh else "unchanged", fetched=len(items), new_items=len(fresh))
    if options.fetching.follow_links:
        fresh = {k: (_follow(v, options) if isinstance(v, RawItem) else v) for k, v in fresh.items()}
    with store.transaction():
        arts = sorted({it.article.id for it in fresh.values() if isinstance(it, RawItem)})
        before = {r["id"] for r in store._fetch(
            f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(arts))})", arts)} if arts else set()
        report = ingest_items(list(fresh.values()), store, options)
        store._executemany(
            "INSERT INTO watch_items VALUES (?, ?, ?, ?) ON CONFLICT (source_url, item_id) DO NOTHING",
            [(url, iid, it.article.id if isinstance(it, RawItem) else None, now()) for iid, it in fresh.items()])
        _record_source(store, url, res.status, res.etag, res.last_modified, None, len(fresh))
    result.new_articles, result.new_events = report.new_articles, report.new_events
    result.article_ids = [a for a in arts if a not in before]
    result.errors = [str(e) for e in report.errors]
    return result


@dataclass
class WatchSummary:
    """Totals over a watch run."""

    polls: int = 0
    new_articles: int = 0
    new_events: int = 0
    alerts: int = 0
    errors: int = 0
    source_polls: int = 0  # polls of one source
    failed_polls: int = 0  # of them, those that got nothing (status "error")

    @property
    def all_failed(self) -> bool:
        """True when sources were polled and every poll failed (the command then exits non-zero)."""
        return self.source_polls > 0 and self.failed_polls == self.source_polls


def watch(sources: Sequence[str], store, options: Options | None = None, every: float = 900.0,
          once: bool = False, max_polls: int | None = None, rules: Iterable[Any] = (), sinks: Iterable[Any] = (),
          on_poll: Callable[[PollResult], None] | None = None, stop: threading.Event | None = None) -> WatchSummary:
    """Poll every source, then wait `every` seconds, until stopped, `once`, or after `max_polls` rounds.

    `store` is an open store, or a URL/path: then the store is opened for each round and closed
    while waiting, so other processes can read and write a DuckDB file between polls.
    """
    options = options or Options()
    stop = stop or threading.Event()
    rules, sinks = list(rules), list(sinks)
    summary = WatchSummary()
    while not stop.is_set():
        started = time.monotonic()
        if isinstance(store, str):
            from realpolitik.store import StoreError, open_store

            try:
                with open_store(store) as st:
                    _round(sources, st, options, rules, sinks, on_poll, stop, summary)
            except StoreError as exc:  # e.g. another writer holds the DuckDB lock: try again next round
                summary.errors += 1
                summary.source_polls += 1
                summary.failed_polls += 1
                if on_poll:
                    on_poll(PollResult(store, "error", errors=[str(exc)]))
        else:
            _round(sources, store, options, rules, sinks, on_poll, stop, summary)
        summary.polls += 1
        if once or (max_polls is not None and summary.polls >= max_polls):
            break
        stop.wait(max(0.0, every - (time.monotonic() - started)))
    return summary


def _round(sources: Sequence[str], store, options: Options, rules: list[Any], sinks: list[Any],
           on_poll: Callable[[PollResult], None] | None, stop: threading.Event, summary: WatchSummary) -> None:
    """One poll of every source, then the alert rules over what was new."""
    from realpolitik.live.alerts import dispatch, evaluate

    new_ids: list[str] = []
    for url in sources:
        if stop.is_set():
            break
        try:
            r = poll_source(store, url, options)
        except Exception as exc:  # one broken source or item must not end the watch; its poll rolled back
            r = PollResult(url, "error", errors=[f"{type(exc).__name__}: {exc}"])
        summary.new_articles += r.new_articles
        summary.new_events += r.new_events
        summary.errors += (r.status == "error") + len(r.errors)
        summary.source_polls += 1
        summary.failed_polls += r.status == "error"
        new_ids += r.article_ids
        if on_poll:
            on_poll(r)
    if rules and new_ids:
        summary.alerts += dispatch(store, evaluate(store, rules, new_ids), sinks)


def run_cli(sources: Sequence[str], db: str, *, every: str, once: bool, max_polls: int | None,
            rules_file: str | None, alert_out: str | None, webhook: str | None,
            echo: Callable[[str], None], options: Options) -> WatchSummary:
    """The `realpolitik watch` command: validate, poll until stopped (SIGINT/SIGTERM end it cleanly)."""
    import signal

    from realpolitik.live.alerts import load_rules, make_sinks

    seconds = parse_interval(every)
    if seconds <= 0:
        raise ValueError(f"--every {every}: the interval must be positive")
    if seconds < MIN_INTERVAL and not once:
        echo(f"warning: polling every {seconds:g}s; news servers expect at most one poll a minute")
    bad = [s for s in sources if not s.startswith(("http://", "https://"))]
    if bad:
        raise ValueError(f"{bad[0]}: a watch source must be an http(s) URL of a feed or page")
    rules = load_rules(rules_file) if rules_file else []
    sinks = make_sinks(alert_out, webhook, console=True, options=options)
    stop = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            # A stop request ends the watch between sources; the source being ingested commits first.
            previous[sig] = signal.signal(sig, lambda *_: stop.set())
    try:
        # The store is opened for each round and closed while waiting (see `watch`).
        summary = watch(sources, str(db), options, every=seconds, once=once, max_polls=max_polls, rules=rules,
                        sinks=sinks, on_poll=lambda r: echo(str(r)), stop=stop)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    echo(f"{summary.polls} rounds: {summary.new_articles} new articles, {summary.new_events} new events, "
         f"{summary.alerts} alerts, {summary.errors} errors")
    return summary
