"""Corroboration: near-duplicate articles, event clusters with independent-source counts, re-coding.

Importing this package registers its schema migrations, the `cluster_*` fields every event read
carries, the `corroboration` event filter, and the pipeline hook that links and clusters each
ingested batch.
"""
from __future__ import annotations

from typing import Any

from realpolitik.corroborate import migrations  # noqa: F401  (registers migrations 2-5)
from realpolitik.corroborate.clusters import (STATUSES, cluster_events, clusters, get_cluster, recluster,
                                              refresh)
from realpolitik.corroborate.neardup import link_near_duplicates, near_duplicates
from realpolitik.options import Options
from realpolitik.store.base import EVENT_EXTRA_COLUMNS, EVENT_EXTRA_FILTERS

__all__ = ["STATUSES", "after_save", "cluster_events", "clusters", "get_cluster", "link_near_duplicates",
           "near_duplicates", "recluster", "recode", "refresh"]

_CLUSTER_FIELDS = {"status": "cluster_status", "n_articles": "cluster_articles",
                   "n_independent": "cluster_sources", "first_seen": "cluster_first_seen",
                   "last_seen": "cluster_last_seen"}
for _col, _alias in _CLUSTER_FIELDS.items():
    # Dates as ISO text, so every consumer (JSON lines, the API) can serialise event dicts as they are.
    _val = f"CAST(c.{_col} AS VARCHAR)" if _col.endswith("_seen") else f"c.{_col}"
    _expr = f"(SELECT {_val} FROM event_clusters c WHERE c.id = events.cluster_id) AS {_alias}"
    if _expr not in EVENT_EXTRA_COLUMNS:
        EVENT_EXTRA_COLUMNS.append(_expr)


def _corroboration_filter(value: Any) -> tuple[str, list[Any]]:
    values = [v.strip() for v in str(value).split(",") if v.strip()]
    bad = [v for v in values if v not in STATUSES]
    if bad:
        raise ValueError(f"unknown corroboration status {bad[0]!r}; expected one of {', '.join(STATUSES)}")
    return (f"cluster_id IN (SELECT id FROM event_clusters WHERE status IN ({', '.join('?' * len(values))}))", values)


EVENT_EXTRA_FILTERS["corroboration"] = _corroboration_filter


def after_save(store, article_ids: list[str], options: Options) -> None:
    """The pipeline hook: link near-duplicates of new articles, then cluster their events."""
    if not options.extra.get("corroborate", True):
        return
    # One transaction, retried on PostgreSQL if it meets another writer's deadlock.
    store.retrying(lambda: cluster_events(store, options, touched_articles=link_near_duplicates(store, article_ids, options)))


def _register_hook() -> None:
    from realpolitik import pipeline

    if after_save not in pipeline.AFTER_SAVE:
        pipeline.AFTER_SAVE.append(after_save)


_register_hook()


def recode(store, options: Options | None = None, force: bool = False, prune: bool = False) -> dict[str, Any]:
    """Re-code the store with the options' coder; with `prune`, delete other coder versions' events."""
    from realpolitik.pipeline import coder_key, recode as run_recode

    options = options or Options()
    report = run_recode(store, options, force=force).as_dict()
    report["coder"] = coder_key(options)
    report["pruned"] = store.prune_coders(report["coder"]) if prune else 0
    report["clusters_refreshed"] = refresh(store)
    return report
