"""Versioned schema migrations in portable SQL (DuckDB and PostgreSQL run the same statements)."""
from __future__ import annotations

import logging
from typing import Callable

log = logging.getLogger(__name__)

# (version, description, statements). Append only: a released migration is never edited.
# The core set; store/migrations.py joins it with the other sets.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "articles, article sources, events, coding runs", [
        """CREATE TABLE IF NOT EXISTS articles (
            id VARCHAR PRIMARY KEY,
            external_id VARCHAR,
            title VARCHAR,
            url VARCHAR,
            publisher VARCHAR,
            published DATE,
            language VARCHAR,
            text VARCHAR NOT NULL,
            source VARCHAR,
            ingested_at TIMESTAMP,
            canonical_id VARCHAR,
            similarity DOUBLE PRECISION
        )""",
        # Every place an article was seen; a second row for one article is an exact duplicate.
        """CREATE TABLE IF NOT EXISTS article_sources (
            article_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            external_id VARCHAR,
            seen_at TIMESTAMP,
            PRIMARY KEY (article_id, source)
        )""",
        """CREATE TABLE IF NOT EXISTS events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            date DATE,
            source VARCHAR,
            target VARCHAR,
            source_text VARCHAR,
            target_text VARCHAR,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            contexts VARCHAR,
            cameo VARCHAR,
            quad VARCHAR,
            intensity DOUBLE PRECISION,
            goldstein DOUBLE PRECISION,
            factuality VARCHAR,
            confidence DOUBLE PRECISION,
            channel VARCHAR,
            fronts VARCHAR,
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            attributed_to VARCHAR,
            attribution_code VARCHAR,
            unattributed BOOLEAN,
            coder VARCHAR,
            coder_version VARCHAR,
            cluster_id VARCHAR,
            payload VARCHAR
        )""",
        # Which coder version has coded which article, so re-runs skip finished work.
        """CREATE TABLE IF NOT EXISTS coding_runs (
            article_id VARCHAR NOT NULL,
            coder VARCHAR NOT NULL,
            n_events INTEGER,
            coded_at TIMESTAMP,
            PRIMARY KEY (article_id, coder)
        )""",
        "CREATE INDEX IF NOT EXISTS idx_events_dyad ON events (source, target, date)",
        "CREATE INDEX IF NOT EXISTS idx_events_article ON events (article_id)",
        "CREATE INDEX IF NOT EXISTS idx_events_date ON events (date)",
        "CREATE INDEX IF NOT EXISTS idx_articles_published ON articles (published)",
    ]),
]


def migration(version: int, description: str) -> Callable[[Callable[[], list[str]]], Callable[[], list[str]]]:
    """Mark a function returning SQL statements as migration `version`; store/migrations.py lists the sets."""
    def deco(fn: Callable[[], list[str]]) -> Callable[[], list[str]]:
        fn.migration = (version, description)  # type: ignore[attr-defined]
        return fn
    return deco
