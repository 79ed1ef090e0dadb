"""Event clusters: the mentions of one real-world event across articles, and how well sourced it is.

A mention joins a cluster of the same coder version when all of these hold:
- it has a date (its own, else its article's publication date) and at least one side is a state:
  "civilians vs police" or an undated report cannot be told apart from other such events, so
  those mentions stay single-mention clusters;
- the same dyad at three letters (CHNMIL and CHNGOV are both CHN), in the same direction;
- the same PLOVER type, and a compatible mode and channel (equal, or one of them unknown);
- its date lies within WINDOW_DAYS of both the cluster's first and last seen dates (so a cluster
  spans at most WINDOW_DAYS and daily fighting in one dyad does not chain into one endless event);
- its evidence shares content words with a mention of the cluster (actor names and reporting
  words left out): EVIDENCE_MIN_NEAR within SAME_DAY_DAYS, EVIDENCE_MIN beyond. Outlets word one
  event differently but keep its key nouns (drones, radar, the depot); two strikes on one day
  share the dyad and the type, rarely what was hit.

Corroboration counts independent sources: articles that are near-duplicate copies of one another,
or come from one publisher, count once. Status: `contested` when a mention denies what another
asserts or reports; `corroborated` when two or more independent sources assert or report it;
`single_source` otherwise.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import urlsplit

from realpolitik.corroborate.neardup import LOCK
from realpolitik.model import stable_id
from realpolitik.options import Options
from realpolitik.store.base import now, to_date

log = logging.getLogger(__name__)

# WINDOW_DAYS, EVIDENCE_MIN and EVIDENCE_MIN_NEAR are the defaults of the clustering.* settings, where their
# provenance is (realpolitik/settings.py).
SAME_DAY_DAYS = 1
AFFIRMING = ("asserted", "reported")
STOPWORDS = frozenset("""a an the of to in on at for from by with and or but as is are was were be been has have
had it its this that these those said says say told will would could may might not no than then there their they he she
we you i his her our after before over under into about also which who whom what when where while amid against
monday tuesday wednesday thursday friday saturday sunday today yesterday week officials official according sources
reported report reports media news agency statement spokesman spokeswoman local""".split())
# Letters only: numbers in evidence are mostly dates and times, which differ between reports of one event.
WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _content_words(text: str, drop: Iterable[str | None]) -> set[str]:
    words = {w for w in WORD_RE.findall((text or "").casefold()) if w not in STOPWORDS}
    for d in drop:
        if d:
            words -= set(WORD_RE.findall(d.casefold()))
    return words


def evidence_similarity(a: str, b: str, drop: Iterable[str | None] = ()) -> float:
    """Overlap of the content words of two evidence sentences: |A & B| / min(|A|, |B|)."""
    drop = list(drop)
    wa, wb = _content_words(a, drop), _content_words(b, drop)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


@functools.lru_cache(maxsize=1)
def states() -> frozenset[str]:
    """ISO alpha-3 codes of the states the actor tables know."""
    from realpolitik.actors.tables import read_table

    return frozenset(r["iso3"] for r in read_table("countries.tsv") if r.get("iso3"))


def _mention_date(row: dict[str, Any]) -> dt.date | None:
    # Not ingested_at: when a report was fetched says nothing about when the event happened.
    for key in ("date", "published"):
        try:
            d = to_date(row.get(key))
        except ValueError:
            d = None
        if d:
            return d
    return None


def _in(n: int) -> str:
    return ", ".join("?" * n)


@dataclass
class _Cluster:
    id: str
    mode: str | None
    channel: str | None
    first: dt.date
    last: dt.date
    texts: list[str] = field(default_factory=list)


def _key(r: dict[str, Any]) -> str:
    return "|".join((f"{r['coder']}.v{r['coder_version']}", (r["source"] or "")[:3], (r["target"] or "")[:3],
                     r["type"]))


def cluster_events(store, options: Options | None = None, touched_articles: Iterable[str] = ()) -> set[str]:
    """Put every event without a cluster into one (new or existing); refresh the touched clusters.

    Unclustered events are found by query, so a run stopped before clustering is caught up later.
    `touched_articles` are articles whose near-duplicate links changed: their clusters are recounted.
    Work is batched: candidate clusters are read once per batch and written back in bulk.
    Returns the ids of the clusters created or updated.
    """
    options = options or Options()
    window = dt.timedelta(days=options.clustering.window_days)
    ev_min = (options.clustering.evidence_min_near, options.clustering.evidence_min)
    touched: set[str] = set()
    with store.transaction():
        store.lock(LOCK)  # one writer at a time rewrites clusters (PostgreSQL), so none is counted twice
        rows = store._fetch(
            "SELECT e.id, e.article_id, e.sentence_index, e.date, e.source, e.target, e.source_text, e.target_text, "
            "e.type, e.mode, e.channel, e.evidence_text, e.coder, e.coder_version, a.published, a.ingested_at "
            "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IS NULL")
        rows.sort(key=lambda r: (str(_mention_date(r) or ""), r["article_id"], r["sentence_index"] or 0, r["id"]))
        state = _candidates(store, rows, window)
        assigned: dict[str, str] = {}
        for r in rows:
            assigned[r["id"]] = _assign(state, r, window, ev_min)
        _write_assignments(store, assigned)
        touched = set(assigned.values())
        ids = list(touched_articles)
        if ids:
            touched |= {x["cluster_id"] for x in store._fetch(
                "SELECT DISTINCT cluster_id FROM events WHERE cluster_id IS NOT NULL "
                f"AND article_id IN ({_in(len(ids))})", ids)}
        recount(store, touched)
    return touched


def _candidates(store, rows: list[dict[str, Any]], window: dt.timedelta) -> dict[str, list[_Cluster]]:
    """Stored clusters that the new mentions could join, by key, with their evidence texts."""
    dated = [(r, _mention_date(r)) for r in rows]
    days = [d for _, d in dated if d]
    state: dict[str, list[_Cluster]] = {}
    if not days:
        return state
    keys = sorted({_key(r) for r, d in dated if d})
    found: dict[str, _Cluster] = {}
    for i in range(0, len(keys), 300):
        chunk = keys[i:i + 300]
        for c in store._fetch(
                "SELECT id, coder, source3, target3, type, mode, channel, first_seen, last_seen FROM event_clusters "
                "WHERE last_seen >= ? AND first_seen <= ? AND "
                f"(coder || '|' || source3 || '|' || target3 || '|' || type) IN ({_in(len(chunk))})",
                (min(days) - window, max(days) + window, *chunk)):
            cl = _Cluster(c["id"], c["mode"], c["channel"], to_date(c["first_seen"]), to_date(c["last_seen"]))
            found[c["id"]] = cl
            state.setdefault("|".join((c["coder"], c["source3"], c["target3"], c["type"])), []).append(cl)
    ids = sorted(found)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for t in store._fetch(
                f"SELECT cluster_id, evidence_text FROM events WHERE cluster_id IN ({_in(len(chunk))})", chunk):
            texts = found[t["cluster_id"]].texts
            if len(texts) < 50:  # enough wording to compare against; big clusters repeat themselves
                texts.append(t["evidence_text"] or "")
    return state


def _assign(state: dict[str, list[_Cluster]], r: dict[str, Any], window: dt.timedelta,
            ev_min: tuple[float, float]) -> str:
    day = _mention_date(r)
    key = _key(r)
    best: tuple[float, _Cluster] | None = None
    known = states()
    if day is not None and ((r["source"] or "")[:3] in known or (r["target"] or "")[:3] in known):
        for c in state.get(key, ()):
            if not (c.first >= day - window and c.last <= day + window):
                continue
            if not (_compatible(c.mode, r["mode"]) and _compatible(c.channel, r["channel"])):
                continue
            gap = max((c.first - day).days, (day - c.last).days, 0)
            sim = max((evidence_similarity(r["evidence_text"], t, (r["source_text"], r["target_text"]))
                       for t in c.texts), default=0.0)
            if sim < (ev_min[0] if gap <= SAME_DAY_DAYS else ev_min[1]):
                continue
            score = sim - gap * 0.1  # prefer the closest in wording, then in time
            if best is None or score > best[0]:
                best = (score, c)
    if best is not None:
        c = best[1]
        c.first, c.last = min(c.first, day), max(c.last, day)
        c.mode, c.channel = c.mode or r["mode"], c.channel or r["channel"]
    else:
        # The cluster is named after its founding mention, so the same input gives the same ids.
        c = _Cluster("c" + stable_id(key.split("|")[0], r["id"]), r["mode"], r["channel"], day, day)
        if day is not None and ((r["source"] or "")[:3] in known or (r["target"] or "")[:3] in known):
            state.setdefault(key, []).append(c)
    c.texts.append(r["evidence_text"] or "")
    return c.id


def _write_assignments(store, assigned: dict[str, str]) -> None:
    items = sorted(assigned.items())
    for i in range(0, len(items), 500):
        chunk = items[i:i + 500]
        store._execute(f"UPDATE events SET cluster_id = CASE id {' '.join(['WHEN ? THEN ?'] * len(chunk))} END "
                       f"WHERE id IN ({_in(len(chunk))})", [v for pair in chunk for v in pair] + [e for e, _ in chunk])


def _publisher_key(row: dict[str, Any]) -> str | None:
    pub = (row.get("publisher") or "").strip().casefold()
    if pub:
        return "p:" + re.sub(r"\s+", " ", pub)
    host = urlsplit(row.get("url") or "").hostname
    if host:
        return "h:" + host.removeprefix("www.")
    return None


def independent_sources(articles: list[dict[str, Any]]) -> int:
    """How many independent sources a set of articles is: copies and same-publisher articles count once."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a in articles:
        node = "a:" + a["id"]
        find(node)
        for key in ("c:" + (a.get("canonical_id") or a["id"]), _publisher_key(a)):
            if key:
                parent[find(node)] = find(key)
    return len({find("a:" + a["id"]) for a in articles})


def status_of(factualities: list[str], n_independent_affirming: int) -> str:
    """The corroboration status from the mentions' factuality and the independent affirming sources."""
    if "denied" in factualities and any(f in AFFIRMING for f in factualities):
        return "contested"
    return "corroborated" if n_independent_affirming >= 2 else "single_source"


def recount(store, cluster_ids: Iterable[str]) -> None:
    """Rebuild the rows of the given clusters from their mentions; drop those left without mentions."""
    from realpolitik.corroborate.neardup import insert_rows

    ids = sorted(set(cluster_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = store._fetch(
            "SELECT e.cluster_id, e.id, e.article_id, e.factuality, e.date, e.source, e.target, e.type, e.mode, "
            "e.channel, e.evidence_text, e.coder, e.coder_version, a.publisher, a.url, a.canonical_id, "
            "a.published, a.ingested_at FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE e.cluster_id IN ({_in(len(chunk))})", chunk)
        by_cluster: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            by_cluster.setdefault(r["cluster_id"], []).append(r)
        store._execute(f"DELETE FROM event_clusters WHERE id IN ({_in(len(chunk))})", chunk)
        insert_rows(store, "event_clusters (" + ", ".join(CLUSTER_COLUMNS) + ", updated_at)", len(CLUSTER_COLUMNS) + 1,
                     [_cluster_row(cid, ms) for cid, ms in sorted(by_cluster.items())])


def _cluster_row(cid: str, ms: list[dict[str, Any]]) -> tuple[Any, ...]:
    ms.sort(key=lambda m: (str(_mention_date(m) or ""), m["id"]))
    first = ms[0]
    arts = {m["article_id"]: {**m, "id": m["article_id"]} for m in ms}
    affirming = {m["article_id"]: arts[m["article_id"]] for m in ms if m["factuality"] in AFFIRMING}
    pubs = {_publisher_key(a) or "a:" + a["id"] for a in arts.values()}
    days = [d for d in (_mention_date(m) for m in ms) if d]
    facts = [m["factuality"] for m in ms]
    pick = lambda col: next((m[col] for m in ms if m[col]), None)  # noqa: E731
    return (cid, f"{first['coder']}.v{first['coder_version']}", (first["source"] or "")[:3],
            (first["target"] or "")[:3], first["type"], pick("mode"), pick("channel"),
            min(days) if days else None, max(days) if days else None, len(ms), len(arts), len(pubs),
            independent_sources(list(arts.values())), facts.count("denied"),
            status_of(facts, independent_sources(list(affirming.values()))), first["evidence_text"], now())


def refresh(store) -> int:
    """Recount clusters whose mentions changed outside the hooks (re-coding, pruning); returns how many."""
    with store.transaction():
        store.lock(LOCK)
        stale = [r["id"] for r in store._fetch(
            "SELECT c.id FROM event_clusters c LEFT JOIN (SELECT cluster_id, COUNT(*) AS n FROM events "
            "WHERE cluster_id IS NOT NULL GROUP BY cluster_id) m ON m.cluster_id = c.id "
            "WHERE m.n IS NULL OR m.n <> c.n_mentions")]
        recount(store, stale)
    return len(stale)


def recluster(store, options: Options | None = None) -> int:
    """Rebuild every cluster from the raw mentions (e.g. after changing the window); returns the count."""
    with store.transaction():
        store._execute("UPDATE events SET cluster_id = NULL")
        store._execute("DELETE FROM event_clusters")
        cluster_events(store, options)
    return int(store._fetch("SELECT COUNT(*) AS n FROM event_clusters")[0]["n"])


CLUSTER_COLUMNS = ("id", "coder", "source3", "target3", "type", "mode", "channel", "first_seen", "last_seen",
                   "n_mentions", "n_articles", "n_publishers", "n_independent", "n_denied", "status", "evidence")


def clusters(store, status: str | None = None, source: str | None = None, target: str | None = None,
             since: str | None = None, until: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Event clusters, newest first, optionally filtered by status, dyad (3-letter prefix) and dates."""
    clauses: list[str] = []
    params: list[Any] = []
    for col, val in (("status", status), ("source3", source and source[:3].upper()),
                     ("target3", target and target[:3].upper())):
        if val:
            clauses.append(f"{col} = ?")
            params.append(val)
    if since:
        clauses.append("last_seen >= ?")
        params.append(to_date(since))
    if until:
        clauses.append("first_seen <= ?")
        params.append(to_date(until))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    lim = f" LIMIT {int(limit)}" if limit else ""
    return store._fetch(f"SELECT {', '.join(CLUSTER_COLUMNS)} FROM event_clusters{where} "
                        f"ORDER BY last_seen DESC NULLS LAST, id{lim}", params)


def get_cluster(store, cluster_id: str) -> dict[str, Any] | None:
    """One cluster with its mentions (event id, article, publisher, factuality, evidence)."""
    rows = store._fetch(f"SELECT {', '.join(CLUSTER_COLUMNS)} FROM event_clusters WHERE id = ?", (cluster_id,))
    if not rows:
        return None
    c = rows[0]
    c["mentions"] = store._fetch(
        "SELECT e.id, e.article_id, e.date, e.factuality, e.evidence_text, a.publisher, a.url, a.canonical_id "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? ORDER BY e.date, e.id",
        (cluster_id,))
    return c
