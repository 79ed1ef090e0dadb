"""The document flow: ingest -> nlp -> actors -> coding -> factuality -> store, callable from Python.

Coding an article runs the coder's parse (`code_many`) and then the steps of `realpolitik.steps` in
order (`steps.ORDER`: actors, document structure, the coder's events, their factuality and
confidence, place); the coder receives the actor mentions in its context and matches none itself.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from realpolitik.corroborate import after_save as corroborate_after_save
from realpolitik.corroborate import refresh as refresh_clusters
from realpolitik.ingest import IngestError, RawItem, read_inputs
from realpolitik.model import Article, Event
from realpolitik.options import Options

log = logging.getLogger(__name__)

# Hooks run after each committed ingest batch, declared here: near-duplicate linking and event
# clustering. Each takes (store, new_article_ids, options).
AFTER_SAVE: list[Callable[[Any, list[str], Options], None]] = [corroborate_after_save]


_CODERS: dict[tuple, Any] = {}


def coder_settings(options: Options) -> tuple:
    """The key a coder instance is cached under: its name and every setting a coder reads (hashable)."""
    return (options.coder, options.batch_size, options.n_process, options.coding)


def _coder(options: Options):
    # Built once per process and settings: loading spaCy and the lexicons is the expensive part (they
    # are cached in their own modules, so a second instance with other settings is cheap).
    key = coder_settings(options)
    if key not in _CODERS:
        import realpolitik.coding  # noqa: F401  (registers the built-in coders)
        from realpolitik.registry import coders

        _CODERS[key] = coders.get(options.coder)(options)
    return _CODERS[key]


def get_coder(options: Options | None = None):
    """The coder named in the options, built once per process for each distinct setting."""
    return _coder(options or Options())


def coder_key(options: Options | None = None) -> str:
    """The 'name.vN' the coder stores its events under."""
    c = get_coder(options)
    return f"{c.name}.v{c.version}"


def code_articles(articles: list[Article], options: Options | None = None) -> Iterator[list[Event]]:
    """Events for each article, in order (an article over the coding limits is coded on its first sentences)."""
    options = options or Options()
    return code_with(get_coder(options), list(articles), options)


def code_with(coder, articles: list[Article], options: Options) -> Iterator[list[Event]]:
    """Events for each article by `coder`: coding limits and datelines applied, all-caps lines coded re-cased
    (offsets kept, span texts read back from the original), events dated; the one path of every engine."""
    from dataclasses import replace

    from realpolitik.coding.casing import recased, restore
    from realpolitik.coding.when import date_events, without_dateline
    from realpolitik.ingest.limits import limit_for_coding

    originals: list[str | None] = []  # the text before re-casing, for articles that had an all-caps line

    def prepared(a: Article) -> Article:
        a = limit_for_coding(without_dateline(a), options)
        fixed = recased(a.text)  # an all-caps headline coded in sentence case, offsets kept
        originals.append(None if fixed is None else a.text)
        return a if fixed is None else replace(a, text=fixed)

    coded = coder.code_many(prepared(a) for a in articles)
    for i, (art, events) in enumerate(zip(articles, coded)):
        original = originals[i]
        if events and original is not None:
            events = restore(events, original)
        yield date_events(events, art.published)


def code_text(text: str, date: str | None = None, options: Options | None = None) -> list[Event]:
    """The events of one text (a sentence or a whole article)."""
    art = Article.from_text(text, published=date)
    return next(iter(code_articles([art], options)))


def code_records(records: Iterable[dict[str, Any]], options: Options | None = None) -> Iterator[dict[str, Any]]:
    """For each `{id, text, date?}` record, `{"id", "events": [...]}` in input order (stateless)."""
    from realpolitik.ingest.dates import dateline_date

    options = options or Options()
    batch: list[tuple[Any, Article]] = []

    def flush() -> Iterator[dict[str, Any]]:
        for (rid, _), events in zip(batch, code_articles([a for _, a in batch], options)):
            yield {"id": rid, "events": [e.as_dict() for e in events]}
        batch.clear()

    for rec in records:
        text = rec.get("text") or ""
        # A record without a date is dated by its dateline, as ingest does.
        published = rec.get("date") or dateline_date(text)
        batch.append((rec.get("id"), Article.from_text(text, published=published, external_id=rec.get("id"))))
        if len(batch) >= options.batch_size:
            yield from flush()
    yield from flush()


@dataclass
class IngestReport:
    """What an ingest did: counts and the errors met on the way."""

    read: int = 0
    new_articles: int = 0
    duplicates: int = 0
    already_stored: int = 0  # read again from the same source: nothing to add (re-running an ingest is safe)
    new_events: int = 0
    coded: int = 0
    undated: int = 0  # new articles with no date from metadata, --date or a dateline
    # articles read with a date that are stored without one: a stored article is never rewritten, so they stay undated
    stored_undated: int = 0
    errors: list[IngestError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The report as a plain dict."""
        return {"read": self.read, "new_articles": self.new_articles, "duplicates": self.duplicates,
                "already_stored": self.already_stored, "new_events": self.new_events, "coded": self.coded,
                "undated_articles": self.undated, "stored_undated": self.stored_undated,
                "errors": [str(e) for e in self.errors]}


def ingest(paths: Iterable[str], store, options: Options | None = None,
           on_item: Callable[[RawItem | IngestError], None] | None = None) -> IngestReport:
    """Read the inputs, code new articles and store them batch by batch, each batch one transaction."""
    options = options or Options()
    return ingest_items(read_inputs(paths, options), store, options, on_item)


def ingest_items(items: Iterable[RawItem | IngestError], store, options: Options | None = None,
                 on_item: Callable[[RawItem | IngestError], None] | None = None,
                 code: Callable[[list[Article]], Iterable[list[Event]]] | None = None,
                 key: str | None = None) -> IngestReport:
    """Store already-read items (from files, feeds or the API).

    `code` and `key` replace the in-process coder and its 'name.vN' (the Dask engine codes elsewhere).
    """
    options = options or Options()
    report = IngestReport()
    key = (key or coder_key(options)) if options.code else ""
    code = code or (lambda arts: code_articles(arts, options))
    done = store.coded_article_ids(key) if options.code else set()
    pending: list[RawItem] = []

    def flush() -> None:
        if not pending:
            return
        to_code: list[Article] = []
        seen: set[str] = set()
        for it in pending:
            if options.code and it.article.id not in done and it.article.id not in seen:
                to_code.append(it.article)
                seen.add(it.article.id)
        events_by_id: dict[str, list[Event]] = {}
        if to_code:
            for art, events in zip(to_code, code(to_code)):
                events_by_id[art.id] = events
        res = store.save([(it.article, events_by_id.pop(it.article.id, None), key) for it in pending])
        done.update(a.id for a in to_code)
        report.new_articles += len(res.new_articles)
        new = set(res.new_articles)
        report.undated += sum(1 for it in pending if it.article.id in new and not it.article.published)
        for it in pending:
            if it.article.id not in new and it.article.published:
                stored = store.get_article(it.article.id)
                report.stored_undated += stored is not None and not stored.published
        report.duplicates += res.duplicates
        report.already_stored += len(pending) - len(res.new_articles) - res.duplicates
        report.new_events += res.new_events
        report.coded += len(to_code)
        for hook in AFTER_SAVE:
            hook(store, res.new_articles, options)
        pending.clear()

    for item in items:
        if on_item:
            on_item(item)
        if isinstance(item, IngestError):
            report.errors.append(item)
            continue
        report.read += 1
        pending.append(item)
        if len(pending) >= options.batch_size:
            flush()
    flush()
    return report


def recode_articles(store, options: Options | None = None, force: bool = False,
                    on_article: Callable[[Article], None] | None = None) -> IngestReport:
    """Code every stored article not yet coded by the current coder version (all of them with force)."""
    options = options or Options()
    report = IngestReport()
    key = coder_key(options)
    done = set() if force else store.coded_article_ids(key)
    batch: list[Article] = []

    def flush() -> None:
        for art, events in zip(batch, code_articles(batch, options)):
            report.new_events += store.replace_events(art.id, events, key)
            report.coded += 1
        ids = [a.id for a in batch]
        for hook in AFTER_SAVE:
            hook(store, ids, options)
        batch.clear()

    for art in store.iter_articles():
        report.read += 1
        if art.id in done:
            continue
        if on_article:
            on_article(art)
        batch.append(art)
        if len(batch) >= options.batch_size:
            flush()
    flush()
    return report


def recode(store, options: Options | None = None, force: bool = False, prune: bool = False) -> dict[str, Any]:
    """Re-code the store with the options' coder; with `prune`, delete other coder versions' events."""
    options = options or Options()
    report = recode_articles(store, options, force=force).as_dict()
    report["coder"] = coder_key(options)
    report["pruned"] = store.prune_coders(report["coder"]) if prune else 0
    report["clusters_refreshed"] = refresh_clusters(store)
    return report
