"""Near-duplicate articles: MinHash over word shingles, LSH buckets kept in the store.

A syndicated or lightly edited copy is kept, but linked to its canonical (earliest) article through
`articles.canonical_id` and `articles.similarity`, so it never counts as an independent source.

Thresholds (measured by benchmarks/dedup_bbc.py on ../shared/corpora/bbc_news_2005.jsonl):
- 4-word shingles: with them, lightly edited copies (byline and footer added, last paragraph cut,
  one word in 25 changed, lead rewritten) keep a Jaccard of 0.59 or more in 99% of 300 trials.
- DUPLICATE_JACCARD = 0.5: distinct BBC stories on the same topic reach at most about 0.36,
  while the revised versions of one story in the corpus sit at 0.5-1.0; 0.5 falls in that gap.
- Candidates come from LSH tuned for 0.4 (below the decision line, so few true copies are missed);
  each candidate is then confirmed with the exact Jaccard of the two texts.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections import defaultdict
from typing import Any, Iterable

import numpy as np

from realpolitik.options import Options
from realpolitik.settings import DUPLICATE_JACCARD  # noqa: F401  (the default of clustering.near_dup_threshold)
from realpolitik.store.base import now

log = logging.getLogger(__name__)

SHINGLE_WORDS = 4
NUM_PERM = 128
SEED = 1
LSH_THRESHOLD = 0.4
# Texts shorter than this many words are too short for shingles to tell copies from
# formulaic one-liners ("X met Y on Monday"); they are only ever exact duplicates.
MIN_WORDS = 12
SCHEME = f"w{SHINGLE_WORDS}.p{NUM_PERM}.s{SEED}"
WORD_RE = re.compile(r"\w+", re.UNICODE)
# The store lock held while near-duplicate links and event clusters are rewritten.
LOCK = "corroborate"


def _bands() -> tuple[int, int]:
    from datasketch.lsh import _optimal_param

    # The (bands, rows) that minimise false positives plus false negatives around LSH_THRESHOLD.
    return _optimal_param(LSH_THRESHOLD, NUM_PERM, 0.5, 0.5)


BANDS, ROWS = _bands()


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The set of k-word shingles of a text (lowercased words)."""
    words = WORD_RE.findall(text.casefold())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """The Jaccard similarity of two sets (0 when both are empty)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


_PERMUTATIONS = None


def signature(sh: set[str]) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32 values) of a shingle set."""
    from datasketch import MinHash

    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        _PERMUTATIONS = (m.permutations, m.scheme)  # generated once per process: the same for every signature
    else:
        m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS[0], scheme=_PERMUTATIONS[1])
    m.update_batch(s.encode("utf-8") for s in sh)
    return m.hashvalues.astype(np.uint32)


def buckets(sig: np.ndarray) -> list[str]:
    """The LSH bucket keys of a signature, one per band."""
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS:(b + 1) * ROWS].astype(">u4").tobytes()
        out.append(f"{b}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return out


def _order_key(row: dict[str, Any]) -> tuple[str, str, str]:
    # The canonical article is the earliest: by published date, then by when it was ingested.
    pub = row.get("published")
    ing = row.get("ingested_at")
    return (str(pub) if pub else "9999-99-99", str(ing) if ing else "9999", row["id"])


def _in(n: int) -> str:
    return ", ".join("?" * n)


# A group of near-duplicates keeps at most this many members in the LSH buckets. Every member is
# at least DUPLICATE_JACCARD like some other one, so a new copy that matches the group almost
# always matches one of its first members; indexing all of them made a story syndicated N times
# cost N candidates per new copy, N^2 in all (1,000 near-identical records took 108 s, see
# benchmarks/neardup_scaling.py). With 8 the BBC corpus links exactly the same copies.
MAX_INDEXED_PER_GROUP = 8


def link_near_duplicates(store, article_ids: Iterable[str] = (), options: Options | None = None) -> set[str]:
    """Sign every article that has no signature yet and link it to its near-duplicates.

    Returns the ids of articles whose canonical link changed. Articles without a signature are
    found by query, not only from `article_ids`, so a run stopped between save and linking is
    caught up by the next one. The work is batched (one query for the stored candidates of the
    whole batch, one multi-row insert per table) and bounded: a group of copies keeps at most
    MAX_INDEXED_PER_GROUP members in the LSH buckets, so each article meets a bounded number of
    candidates however often its story was copied.
    """
    options = options or Options()
    threshold = options.clustering.near_dup_threshold
    changed: set[str] = set()
    with store.transaction():
        # Writers take turns here (PostgreSQL): each sees every signature committed before it, so two
        # concurrent ingests neither sign one article twice nor miss each other's copies.
        store.lock(LOCK)
        todo = store._fetch(
            "SELECT a.id, a.text, a.published, a.ingested_at FROM articles a "
            "LEFT JOIN article_minhash m ON m.article_id = a.id WHERE m.article_id IS NULL "
            "ORDER BY a.published NULLS LAST, a.ingested_at, a.id")
        signed: list[tuple] = []
        sig_rows: list[tuple[str, str, int, str | None, Any]] = []
        for row in todo:
            sh = shingles(row["text"])
            if len(WORD_RE.findall(row["text"])) < MIN_WORDS:
                sig_rows.append((row["id"], SCHEME, len(sh), None, now()))
                continue
            sig = signature(sh)
            signed.append((row, sh, sig, buckets(sig)))
            sig_rows.append((row["id"], SCHEME, len(sh), sig.astype(">u4").tobytes().hex(), now()))
        stored: dict[str, set[str]] = defaultdict(set)
        keys_all = sorted({k for *_, keys in signed for k in keys})
        for i in range(0, len(keys_all), 1000):
            chunk = keys_all[i:i + 1000]
            for r in store._fetch(
                    f"SELECT bucket, article_id FROM article_lsh WHERE bucket IN ({_in(len(chunk))})", chunk):
                stored[r["bucket"]].add(r["article_id"])
        insert_rows(store, "article_minhash", 5, sig_rows, " ON CONFLICT DO NOTHING")
        in_batch: dict[str, set[str]] = defaultdict(set)
        sigs: dict[str, np.ndarray] = {}
        shs: dict[str, set[str]] = {}
        lsh_rows: list[tuple[str, str]] = []
        for row, sh, sig, keys in signed:
            cands = set().union(*(stored[k] | in_batch[k] for k in keys)) - {row["id"]}
            sigs[row["id"]], shs[row["id"]] = sig, sh
            moved, indexed = (_verify_and_merge(store, row, sh, sig, cands, sigs, shs, threshold) if cands
                              else (set(), 0))
            changed |= moved
            if indexed < MAX_INDEXED_PER_GROUP:
                for k in keys:
                    in_batch[k].add(row["id"])
                lsh_rows += [(k, row["id"]) for k in keys]
        insert_rows(store, "article_lsh", 2, lsh_rows, " ON CONFLICT DO NOTHING")
    return changed


def insert_rows(store, table: str, width: int, rows: list[tuple[Any, ...]], tail: str = "") -> None:
    """Insert `rows` of `width` columns into `table`, 500 per statement; `tail` ends each (e.g. ON CONFLICT)."""
    # Multi-row VALUES: one statement per 500 rows instead of one execution per row.
    one = "(" + ", ".join("?" * width) + ")"
    for i in range(0, len(rows), 500):
        chunk = rows[i:i + 500]
        store._execute(f"INSERT INTO {table} VALUES {', '.join([one] * len(chunk))}{tail}",
                       [v for r in chunk for v in r])


# MinHash estimates with 128 permutations have a standard error of about 0.044 near 0.5, so
# candidates estimated 0.15 (over 3 errors) below the threshold still get the exact check.
ESTIMATE_MARGIN = 0.15


def _shingles_of(r: dict[str, Any], shs: dict[str, set[str]]) -> set[str]:
    if r["id"] not in shs:
        shs[r["id"]] = shingles(r["text"])
    return shs[r["id"]]


def _verify_and_merge(store, row: dict[str, Any], sh: set[str], sig: np.ndarray, cands: set[str],
                      sigs: dict[str, np.ndarray], shs: dict[str, set[str]], threshold: float) -> tuple[set[str], int]:
    """(ids whose link changed, how many members of the row's group are already in the buckets).

    The indexed members are counted among the candidates: they share buckets with the row.
    """
    missing = sorted(c for c in cands if c not in sigs)
    if missing:
        for r in store._fetch("SELECT article_id, signature FROM article_minhash "
                              f"WHERE article_id IN ({_in(len(missing))})",
                              missing):
            if r["signature"]:
                sigs[r["article_id"]] = np.frombuffer(bytes.fromhex(r["signature"]), dtype=">u4").astype(np.uint32)
    likely = sorted(c for c in cands if c in sigs and float(np.mean(sigs[c] == sig)) >= threshold - ESTIMATE_MARGIN)
    if not likely:
        return set(), 0
    others = store._fetch(
        f"SELECT id, text, published, ingested_at, canonical_id FROM articles WHERE id IN ({_in(len(likely))})", likely)
    matches = [o for o in others if jaccard(sh, _shingles_of(o, shs)) >= threshold]
    if not matches:
        return set(), 0
    changed, root = _merge(store, row, sh, matches, shs)
    return changed, sum(1 for o in others if o["id"] != row["id"] and (o["canonical_id"] or o["id"]) in root)


def _merge(store, row: dict[str, Any], sh: set[str], matches: list[dict[str, Any]],
           shs: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """(ids whose link changed, the roots the row's group had before: its members were theirs)."""
    roots = {o["canonical_id"] or o["id"] for o in matches}
    if len(roots) == 1:
        # The common case, a copy of one known story: link the row alone, without reading the group.
        (root_id,) = roots
        root = next((o for o in matches if o["id"] == root_id), None) or store._fetch(
            "SELECT id, text, published, ingested_at, canonical_id FROM articles WHERE id = ?", (root_id,))[0]
        if _order_key(root) <= _order_key(row):
            store._execute("UPDATE articles SET canonical_id = ?, similarity = ? WHERE id = ?",
                           (root_id, round(jaccard(sh, _shingles_of(root, shs)), 4), row["id"]))
            return {row["id"]}, roots
    # All groups the new article touches become one group under the earliest article.
    members = store._fetch(
        f"SELECT id, text, published, ingested_at, canonical_id FROM articles WHERE id IN ({_in(len(roots))}) "
        f"OR canonical_id IN ({_in(len(roots))})", [*roots, *roots])
    group = {m["id"]: m for m in members}
    group[row["id"]] = {**row, "canonical_id": None}
    root = min(group.values(), key=_order_key)
    root_sh = sh if root["id"] == row["id"] else _shingles_of(root, shs)
    changed = set()
    for m in group.values():
        if m["id"] == root["id"]:
            if m.get("canonical_id") is not None:
                store._execute("UPDATE articles SET canonical_id = NULL, similarity = NULL WHERE id = ?", (m["id"],))
                changed.add(m["id"])
            continue
        if m["id"] != row["id"] and m.get("canonical_id") == root["id"]:
            continue  # already linked to this root
        m_sh = sh if m["id"] == row["id"] else _shingles_of(m, shs)
        store._execute("UPDATE articles SET canonical_id = ?, similarity = ? WHERE id = ?",
                       (root["id"], round(jaccard(m_sh, root_sh), 4), m["id"]))
        changed.add(m["id"])
    return changed, roots


def near_duplicates(store, article_id: str) -> list[dict[str, Any]]:
    """The articles linked with `article_id` (its canonical and the canonical's other copies)."""
    row = store._fetch("SELECT id, canonical_id FROM articles WHERE id = ?", (article_id,))
    if not row:
        return []
    root = row[0]["canonical_id"] or row[0]["id"]
    return store._fetch(
        "SELECT id, title, publisher, published, canonical_id, similarity FROM articles "
        "WHERE (id = ? OR canonical_id = ?) AND id <> ? ORDER BY published NULLS LAST, id", (root, root, article_id))
