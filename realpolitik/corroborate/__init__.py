"""Corroboration: near-duplicate articles, event clusters with independent-source counts.

Its tables are store migrations 2-3 (store/migrations.py), the `cluster_*` fields and the
`corroboration` filter of event reads are declared in store/base.py, and the pipeline declares
`after_save` among its hooks: importing this package changes nothing elsewhere.
"""
from __future__ import annotations

from realpolitik.corroborate.clusters import cluster_events, clusters, get_cluster, recluster, refresh
from realpolitik.corroborate.neardup import link_near_duplicates, near_duplicates
from realpolitik.options import Options
from realpolitik.store.corroboration import STATUSES

__all__ = ["STATUSES", "after_save", "cluster_events", "clusters", "get_cluster", "link_near_duplicates",
           "near_duplicates", "recluster", "refresh"]


def after_save(store, article_ids: list[str], options: Options) -> None:
    """The pipeline hook: link near-duplicates of new articles, then cluster their events."""
    if not options.clustering.corroborate:
        return
    # One transaction, retried on PostgreSQL if it meets another writer's deadlock.
    store.retrying(lambda: cluster_events(store, options,
                                          touched_articles=link_near_duplicates(store, article_ids, options)))
