"""The Store interface and the portable SQL both DuckDB and PostgreSQL run.

Only `?` placeholders and standard SQL live here; each backend translates placeholders and
owns its connection. Nothing DuckDB- or PostgreSQL-specific belongs in this module.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

from realpolitik.errors import RealpolitikError
from realpolitik.model import Article, Event
from realpolitik.store.clock import now
from realpolitik.store.corroboration import STATUSES
from realpolitik.store.migrations import MIGRATIONS

log = logging.getLogger(__name__)

# Where the event happened (migration 25), so stores filter and map by place without reading payloads.
LOCATION_COLUMNS = ("location_name", "location_country", "location_admin1", "location_lat", "location_lon",
                    "location_precision")
EVENT_COLUMNS = (
    "id", "article_id", "sentence_index", "date", "source", "target", "source_text", "target_text",
    "type", "mode", "contexts", "cameo", "quad", "intensity", "goldstein", "factuality", "confidence",
    "channel", "fronts", "evidence_start", "evidence_end", "evidence_text", "trigger_start",
    "trigger_end", "attributed_to", "attribution_code", "unattributed", "coder", "coder_version",
    "cluster_id", "payload", *LOCATION_COLUMNS)
ARTICLE_COLUMNS = ("id", "external_id", "title", "url", "publisher", "published", "language", "text",
                   "source", "ingested_at", "canonical_id", "similarity")
SORTABLE = {"date", "source", "target", "type", "confidence", "intensity", "goldstein", "id"}
# Event reads carry their cluster's corroboration (tables of migration 3); dates as ISO text, so every
# consumer (JSON lines, the API) can serialise event dicts as they are.
_CLUSTER_FIELDS = {"status": "cluster_status", "n_articles": "cluster_articles",
                   "n_independent": "cluster_sources", "first_seen": "cluster_first_seen",
                   "last_seen": "cluster_last_seen"}
EVENT_EXTRA_COLUMNS: tuple[str, ...] = tuple(
    f"(SELECT {f'CAST(c.{col} AS VARCHAR)' if col.endswith('_seen') else f'c.{col}'} FROM event_clusters c "
    f"WHERE c.id = events.cluster_id) AS {alias}" for col, alias in _CLUSTER_FIELDS.items())


def _corroboration_filter(value: Any) -> tuple[str, list[Any]]:
    values = [v.strip() for v in str(value).split(",") if v.strip()]
    bad = [v for v in values if v not in STATUSES]
    if bad:
        raise ValueError(f"unknown corroboration status {bad[0]!r}; expected one of {', '.join(STATUSES)}")
    return (f"cluster_id IN (SELECT id FROM event_clusters WHERE status IN ({', '.join('?' * len(values))}))", values)


# Named filters for EventFilter.extra (name -> value -> SQL, params), declared here rather than added at import.
EVENT_EXTRA_FILTERS: dict[str, Callable[[Any], tuple[str, list[Any]]]] = {
    "corroboration": _corroboration_filter,
    "event_id": lambda v: ("id = ?", [str(v)]),  # one event by id (the API and dashboard)
}


class StoreError(RealpolitikError, RuntimeError):
    """A store could not be opened or written; the message says which and why."""


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the CLI, the API and analytics; every value is bound, never interpolated."""

    source: str | None = None
    target: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    channel: str | None = None
    front: str | None = None
    factuality: str | None = None
    article_id: str | None = None
    coder: str | None = None
    q: str | None = None
    min_confidence: float | None = None  # e.g. 0.35 hides the actor-less best guesses (confidence 0.2)
    # ISO alpha-3 codes: events with a party from any of them, on either side (IRN matches IRNGOV). The one
    # definition of "a country's events" for the CLI, the API, the dashboard and analytics' Scope.country.
    countries: tuple[str, ...] = ()
    located: bool | None = None  # True: only events with coordinates (the map); False: only those without
    limit: int | None = None
    offset: int = 0
    sort: str = "date"
    descending: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (with `?` placeholders) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        # Actor codes match on prefix so CHN also finds CHNGOV and CHNMIL.
        for col, val in (("source", self.source), ("target", self.target)):
            if val:
                clauses.append(f"{col} LIKE ? ESCAPE '\\'")
                params.append(like_prefix(val.upper()))
        for col, val in (("type", self.type and self.type.upper()), ("channel", self.channel),
                         ("factuality", self.factuality), ("article_id", self.article_id), ("coder", self.coder)):
            if val:
                clauses.append(f"{col} = ?")
                params.append(val)
        if self.front:
            clauses.append("fronts LIKE ? ESCAPE '\\'")
            params.append(f'%"{escape_like(self.front)}"%')
        if self.since:
            clauses.append("date >= ?")
            params.append(to_date(self.since))
        if self.until:
            clauses.append("date <= ?")
            params.append(to_date(self.until))
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(float(self.min_confidence))
        if self.countries:
            codes = [c.upper() for c in self.countries]
            marks = ", ".join("?" * len(codes))
            clauses.append(f"(SUBSTR(source, 1, 3) IN ({marks}) OR SUBSTR(target, 1, 3) IN ({marks}))")
            params.extend(codes * 2)
        if self.located is not None:
            clauses.append("location_lat IS NOT NULL" if self.located else "location_lat IS NULL")
        if self.q:
            clauses.append("LOWER(evidence_text) LIKE ? ESCAPE '\\'")
            params.append(f"%{escape_like(self.q.lower())}%")
        for name, val in self.extra.items():
            if val not in (None, "") and name in EVENT_EXTRA_FILTERS:
                sql, ps = EVENT_EXTRA_FILTERS[name](val)
                clauses.append(sql)
                params.extend(ps)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def escape_like(s: str) -> str:
    """`s` with LIKE's wildcards and the escape character escaped (for `LIKE ? ESCAPE '\\'`)."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_prefix(s: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') matching strings that start with `s` taken literally."""
    return escape_like(s) + "%"


def to_date(value: Any) -> dt.date | None:
    """An ISO date string, date or datetime as a date; None when empty; ValueError when malformed."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def event_row(e: Event) -> tuple[Any, ...]:
    """An event as a row of EVENT_COLUMNS."""
    d = e.as_dict()
    trig = e.trigger
    loc = e.location
    return (e.id, e.article_id, e.sentence_index, to_date(e.date), e.source, e.target, e.source_text,
            e.target_text, e.type, e.mode, json.dumps(list(e.contexts)), e.cameo, e.quad, e.intensity,
            e.goldstein, e.factuality, e.confidence, e.channel, json.dumps(list(e.fronts)),
            e.evidence.start, e.evidence.end, e.evidence.text, trig.start if trig else None,
            trig.end if trig else None, e.attributed_to, e.attribution_code, e.unattributed, e.coder,
            e.coder_version, None, json.dumps(d, ensure_ascii=False),
            *((loc.name, loc.country, loc.admin1, loc.lat, loc.lon, loc.precision) if loc else (None,) * 6))


def row_to_event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row as the JSON object `realpolitik code` writes, plus store-side fields."""
    d = json.loads(row["payload"]) if row.get("payload") else {}
    d["cluster_id"] = row.get("cluster_id")
    for k, v in row.items():
        if k.startswith("cluster_") and k != "cluster_id":
            d[k] = v
    return d


class BaseStore:
    """Portable store logic; subclasses provide the connection and placeholder style."""

    url: str = ""
    placeholder = "?"

    # -- backend hooks -------------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def transaction(self):  # -> context manager
        """A context manager wrapping one transaction."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the connection."""

    def lock(self, name: str) -> None:
        """Hold the lock `name` until the current transaction ends (DuckDB has one writer: nothing to do)."""

    def retrying(self, fn: Callable[[], Any]) -> Any:
        """fn() in one transaction; PostgreSQL runs it again after a deadlock with another writer."""
        with self.transaction():
            return fn()

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply pending migrations in order; returns the versions applied."""
        self._execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                      "description VARCHAR, applied_at TIMESTAMP)")
        done = {r["version"] for r in self._fetch("SELECT version FROM schema_migrations")}
        applied = []
        for version, description, statements in MIGRATIONS:
            if version in done:
                continue
            with self.transaction():
                for stmt in statements:
                    self._execute(stmt)
                self._execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                              (version, description, now()))
            applied.append(version)
        return applied

    def schema_version(self) -> int:
        """The highest applied migration."""
        rows = self._fetch("SELECT MAX(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    # -- writes --------------------------------------------------------------------------------
    def save(self, items: Iterable[tuple[Article, list[Event] | None, str]]) -> "SaveResult":
        """Store articles (with their events, when coded) in one transaction.

        Each item is (article, events or None when not coded, coder name). An article already
        stored is not stored again; a new source for it is recorded as an exact duplicate.
        """
        res = SaveResult()
        with self.transaction():
            for article, events, coder in items:
                source = article.source or article.url or article.external_id or article.id
                # Insert-or-nothing, not check-then-insert: two concurrent writers cannot both
                # insert (or both miss) an article; RETURNING says whether this one did.
                inserted = self._fetch(
                    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}) "
                    "ON CONFLICT (id) DO NOTHING RETURNING id",
                    (article.id, article.external_id, article.title, article.url, article.publisher,
                     to_date(article.published), article.language, article.text, source, now(), None, None))
                if inserted:
                    res.new_articles.append(article.id)
                new_source = self._fetch("INSERT INTO article_sources VALUES (?, ?, ?, ?) "
                                         "ON CONFLICT (article_id, source) DO NOTHING RETURNING article_id",
                                         (article.id, source, article.external_id, now()))
                if new_source and not inserted:
                    res.duplicates += 1
                if events is not None:
                    res.new_events += self._save_events(article.id, events, coder)
        return res

    def _save_events(self, article_id: str, events: list[Event], coder: str) -> int:
        rows = [event_row(e) for e in events]
        # Claim the (article, coder) run first: a writer that loses the claim to a concurrent
        # one stores nothing, so no event is stored twice.
        claimed = self._fetch("INSERT INTO coding_runs VALUES (?, ?, ?, ?) "
                              "ON CONFLICT (article_id, coder) DO NOTHING RETURNING article_id",
                              (article_id, coder, len(rows), now()))
        if not claimed:
            return 0
        # Stable ids make a re-run a no-op; ON CONFLICT guards against a crashed half-run.
        if rows:
            self._executemany(
                f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))}) "
                "ON CONFLICT (id) DO NOTHING", rows)
        return len(rows)

    def replace_events(self, article_id: str, events: list[Event], coder: str) -> int:
        """Re-code one article with `coder`: its previous rows for that coder are replaced."""
        with self.transaction():
            self._execute("DELETE FROM events WHERE article_id = ? AND coder || '.v' || coder_version = ?",
                          (article_id, coder))
            self._execute("DELETE FROM coding_runs WHERE article_id = ? AND coder = ?", (article_id, coder))
            return self._save_events(article_id, events, coder)

    def prune_coders(self, keep: str) -> int:
        """Delete events and coding runs of every coder other than `keep` (e.g. 'rules.v1')."""
        with self.transaction():
            n = self._fetch("SELECT COUNT(*) AS n FROM events WHERE coder || '.v' || coder_version <> ?",
                            (keep,))[0]["n"]
            self._execute("DELETE FROM events WHERE coder || '.v' || coder_version <> ?", (keep,))
            self._execute("DELETE FROM coding_runs WHERE coder <> ?", (keep,))
        return int(n)

    # -- reads ---------------------------------------------------------------------------------
    def coded_article_ids(self, coder: str) -> set[str]:
        """Ids of articles already coded by `coder`."""
        return {r["article_id"] for r in self._fetch("SELECT article_id FROM coding_runs WHERE coder = ?", (coder,))}

    def article_ids(self) -> set[str]:
        """Ids of all stored articles."""
        return {r["id"] for r in self._fetch("SELECT id FROM articles")}

    def get_article(self, article_id: str) -> Article | None:
        """One article by id."""
        rows = self._fetch(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,))
        return _article(rows[0]) if rows else None

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored article, in id order, fetched in batches."""
        last = ""
        while True:
            rows = self._fetch(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id > ? "
                               f"ORDER BY id LIMIT {int(batch)}", (last,))
            if not rows:
                return
            for r in rows:
                yield _article(r)
            last = rows[-1]["id"]

    def articles(self, limit: int = 50, offset: int = 0, q: str | None = None) -> list[dict[str, Any]]:
        """Article summaries (no text), newest first."""
        where, params = "", []
        if q:
            where = " WHERE LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(text) LIKE ? ESCAPE '\\'"
            params = [f"%{escape_like(q.lower())}%"] * 2
        return self._fetch(
            "SELECT id, title, url, publisher, published, source, canonical_id, ingested_at FROM articles"
            f"{where} ORDER BY published DESC NULLS LAST, id LIMIT {int(limit)} OFFSET {int(offset)}", params)

    def event_rows(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Stored event rows matching the filter."""
        flt = flt or EventFilter()
        where, params = flt.where()
        sort = flt.sort if flt.sort in SORTABLE else "date"
        order = f" ORDER BY {sort} {'DESC' if flt.descending else 'ASC'} NULLS LAST, id"
        limit = f" LIMIT {int(flt.limit)}" if flt.limit else ""
        offset = f" OFFSET {int(flt.offset)}" if flt.offset else ""
        cols = ", ".join((*EVENT_COLUMNS, *EVENT_EXTRA_COLUMNS))
        return self._fetch(f"SELECT {cols} FROM events{where}{order}{limit}{offset}", params)

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events matching the filter, as the same JSON objects `realpolitik code` writes."""
        return [row_to_event_dict(r) for r in self.event_rows(flt)]

    def count_events(self, flt: EventFilter | None = None) -> int:
        """How many events match the filter."""
        where, params = (flt or EventFilter()).where()
        return int(self._fetch(f"SELECT COUNT(*) AS n FROM events{where}", params)[0]["n"])

    def events_table(self, flt: EventFilter | None = None):  # -> pyarrow.Table
        """Events matching the filter as a pyarrow Table (one column per stored field, JSON lists decoded)."""
        import pyarrow as pa

        rows = self.event_rows(flt)
        cols = [c for c in EVENT_COLUMNS if c != "payload"]
        data = {c: [r[c] for r in rows] for c in cols}
        for c in ("contexts", "fronts"):
            data[c] = [json.loads(v) if v else [] for v in data[c]]
        schema = pa.schema([(c, pa.list_(pa.string())) if c in ("contexts", "fronts") else
                            (c, _arrow_type(c)) for c in cols])
        return pa.table(data, schema=schema)

    def events_frame(self, flt: EventFilter | None = None):  # -> pandas.DataFrame
        """Events matching the filter as a pandas DataFrame."""
        return self.events_table(flt).to_pandas()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run read-only portable SQL with `?` placeholders (for analytics)."""
        return self._fetch(sql, params)

    def stats(self) -> dict[str, Any]:
        """Counts: articles, duplicates, near duplicates, events, by type, top dyads, date range."""
        one = lambda sql: self._fetch(sql)[0]["n"]  # noqa: E731
        articles = int(one("SELECT COUNT(*) AS n FROM articles"))
        sources = int(one("SELECT COUNT(*) AS n FROM article_sources"))
        near = int(one("SELECT COUNT(*) AS n FROM articles WHERE canonical_id IS NOT NULL AND canonical_id <> id"))
        by_type = {r["type"]: int(r["n"]) for r in self._fetch(
            "SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")}
        # a state's organs count as the state (CHNGOV -> CHN); an IGO or NGO keeps its own code (IGOEU is not IGOUNO)
        party = ("CASE WHEN SUBSTR({c}, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN {c} ELSE SUBSTR({c}, 1, 3) END")
        dyads = [{"source": r["source"], "target": r["target"], "events": int(r["n"])} for r in self._fetch(
            f"SELECT {party.format(c='source')} AS source, {party.format(c='target')} AS target, COUNT(*) AS n "
            "FROM events WHERE source IS NOT NULL AND target IS NOT NULL GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 10")]
        rng = self._fetch("SELECT MIN(published) AS lo, MAX(published) AS hi FROM articles")[0]
        by_fact = {r["factuality"]: int(r["n"]) for r in self._fetch(
            "SELECT factuality, COUNT(*) AS n FROM events GROUP BY factuality ORDER BY n DESC")}
        return {
            "articles": articles,
            "duplicates": sources - articles,
            "near_duplicates": near,
            "events": int(one("SELECT COUNT(*) AS n FROM events")),
            # Events with no date of their own nor their article's: listed, but left out of every window.
            "undated_events": int(one("SELECT COUNT(*) AS n FROM events WHERE date IS NULL AND article_id IN "
                                      "(SELECT id FROM articles WHERE published IS NULL)")),
            "events_by_type": by_type,
            "events_by_factuality": by_fact,
            "top_dyads": dyads,
            "first_published": str(rng["lo"]) if rng["lo"] else None,
            "last_published": str(rng["hi"]) if rng["hi"] else None,
            "schema_version": self.schema_version(),
        }


@dataclass
class SaveResult:
    """What one `save` changed."""

    new_articles: list[str] = field(default_factory=list)
    duplicates: int = 0
    new_events: int = 0


def _arrow_type(col: str):
    import pyarrow as pa

    if col in ("sentence_index", "evidence_start", "evidence_end", "trigger_start", "trigger_end"):
        return pa.int64()
    if col in ("intensity", "goldstein", "confidence", "location_lat", "location_lon"):
        return pa.float64()
    if col == "unattributed":
        return pa.bool_()
    if col == "date":
        return pa.date32()
    return pa.string()


def _article(r: dict[str, Any]) -> Article:
    pub = r.get("published")
    ing = r.get("ingested_at")
    return Article(id=r["id"], text=r["text"], title=r.get("title"), url=r.get("url"),
                   publisher=r.get("publisher"), published=str(pub) if pub else None,
                   language=r.get("language") or "en", ingested_at=str(ing) if ing else None,
                   source=r.get("source"), external_id=r.get("external_id"))
