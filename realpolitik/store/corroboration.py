"""Schema for corroboration and live monitoring (migrations 2-5), in portable SQL."""
from __future__ import annotations

import logging

from realpolitik.store.schema import migration

log = logging.getLogger(__name__)

# A cluster's corroboration status (event_clusters.status).
STATUSES = ("single_source", "corroborated", "contested")


@migration(2, "near-duplicate signatures: MinHash per article and LSH band buckets")
def _minhash() -> list[str]:
    return [
        # One MinHash signature per article (hex of uint32 values), so new articles are compared
        # against stored signatures instead of re-hashing the whole store every batch.
        """CREATE TABLE IF NOT EXISTS article_minhash (
            article_id VARCHAR PRIMARY KEY,
            scheme VARCHAR NOT NULL,
            n_shingles INTEGER,
            signature VARCHAR,
            created_at TIMESTAMP
        )""",
        # LSH: each band of the signature hashed to a bucket; articles sharing a bucket are candidates.
        """CREATE TABLE IF NOT EXISTS article_lsh (
            bucket VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            PRIMARY KEY (bucket, article_id)
        )""",
        "CREATE INDEX IF NOT EXISTS idx_article_lsh_article ON article_lsh (article_id)",
        "CREATE INDEX IF NOT EXISTS idx_articles_canonical ON articles (canonical_id)",
    ]


@migration(3, "event clusters: one row per real-world event, with corroboration status")
def _clusters() -> list[str]:
    return [
        """CREATE TABLE IF NOT EXISTS event_clusters (
            id VARCHAR PRIMARY KEY,
            coder VARCHAR NOT NULL,
            source3 VARCHAR,
            target3 VARCHAR,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            channel VARCHAR,
            first_seen DATE,
            last_seen DATE,
            n_mentions INTEGER,
            n_articles INTEGER,
            n_publishers INTEGER,
            n_independent INTEGER,
            n_denied INTEGER,
            status VARCHAR,
            evidence VARCHAR,
            updated_at TIMESTAMP
        )""",
        "CREATE INDEX IF NOT EXISTS idx_clusters_key ON event_clusters (coder, source3, target3, type, last_seen)",
        "CREATE INDEX IF NOT EXISTS idx_clusters_status ON event_clusters (status)",
        "CREATE INDEX IF NOT EXISTS idx_events_cluster ON events (cluster_id)",
    ]


@migration(4, "watch state: per-source validators and the feed items already taken")
def _watch() -> list[str]:
    return [
        """CREATE TABLE IF NOT EXISTS watch_sources (
            url VARCHAR PRIMARY KEY,
            etag VARCHAR,
            last_modified VARCHAR,
            last_polled TIMESTAMP,
            last_status INTEGER,
            last_error VARCHAR,
            n_items INTEGER
        )""",
        """CREATE TABLE IF NOT EXISTS watch_items (
            source_url VARCHAR NOT NULL,
            item_id VARCHAR NOT NULL,
            article_id VARCHAR,
            seen_at TIMESTAMP,
            PRIMARY KEY (source_url, item_id)
        )""",
    ]


@migration(5, "alerts already sent, so a restarted watch does not repeat them")
def _alerts() -> list[str]:
    return [
        """CREATE TABLE IF NOT EXISTS alerts_sent (
            key VARCHAR PRIMARY KEY,
            rule VARCHAR NOT NULL,
            message VARCHAR,
            payload VARCHAR,
            sent_at TIMESTAMP
        )""",
    ]
