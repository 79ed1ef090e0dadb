"""Near-duplicate linking: syndicated and lightly edited copies are kept but linked to the earliest."""
from __future__ import annotations

from realpolitik.corroborate import near_duplicates
from realpolitik.corroborate.neardup import DUPLICATE_JACCARD, jaccard, shingles
from realpolitik.ingest.base import RawItem
from realpolitik.model import Article
from realpolitik.options import Options
from realpolitik.pipeline import ingest_items

STORY = ("The defence ministry of a Gulf state said on Wednesday that it had received the first batch of "
         "armoured vehicles under a contract signed last year, with further deliveries expected before the "
         "end of the summer. A ministry spokesman told reporters that crews had already begun training on the "
         "new vehicles at a base outside the capital, and that instructors from the supplier would stay for "
         "six months. The contract, worth several hundred million dollars, also covers spare parts and "
         "maintenance for a decade.")
SYNDICATED = ("By our correspondent. " + STORY.replace("told reporters", "said")
              + " Reporting by the regional desk; editing by the night team.")
OTHER = ("Farmers in the northern valley began the grape harvest two weeks early this year after an unusually "
         "warm spring, and cooperatives said the yield looked strong despite a dry August. Prices at the "
         "regional market were stable, and exporters expected steady demand from neighbouring countries.")
SAME_TOPIC = ("A Gulf state's army has started training crews on armoured vehicles bought last year, "
              "its defence ministry said, adding that the supplier would send instructors and that talks "
              "about a second order were under way with two other manufacturers.")


def item(text: str, date: str, publisher: str, src: str) -> RawItem:
    return RawItem(Article.from_text(text, published=date, publisher=publisher, source=src), src)


def ingest(store, *items: RawItem) -> None:
    ingest_items(list(items), store, Options(code=False))


def test_copy_is_kept_and_linked_to_the_earliest(store):
    ingest(store, item(SYNDICATED, "2025-05-08", "Relay News", "relay"), item(STORY, "2025-05-07", "First Wire", "first"))
    assert jaccard(shingles(STORY), shingles(SYNDICATED)) >= DUPLICATE_JACCARD
    rows = {r["publisher"]: r for r in store.query("SELECT publisher, id, canonical_id, similarity FROM articles")}
    assert rows["First Wire"]["canonical_id"] is None
    assert rows["Relay News"]["canonical_id"] == rows["First Wire"]["id"]
    assert 0.5 <= rows["Relay News"]["similarity"] < 1.0
    s = store.stats()
    assert (s["articles"], s["near_duplicates"], s["duplicates"]) == (2, 1, 0)


def test_distinct_stories_on_one_topic_stay_apart(store):
    ingest(store, item(STORY, "2025-05-07", "First Wire", "first"), item(SAME_TOPIC, "2025-05-07", "Other", "o"),
           item(OTHER, "2025-05-07", "Farm Post", "farm"))
    assert store.stats()["near_duplicates"] == 0


def test_an_earlier_copy_arriving_later_becomes_canonical(store):
    ingest(store, item(STORY, "2025-05-09", "Late Wire", "late"))
    ingest(store, item(SYNDICATED, "2025-05-10", "Relay News", "relay"))
    ingest(store, item(STORY + " Updated at noon.", "2025-05-07", "Early Wire", "early"))
    rows = {r["publisher"]: r for r in store.query("SELECT publisher, id, canonical_id FROM articles")}
    early = rows["Early Wire"]["id"]
    assert rows["Early Wire"]["canonical_id"] is None
    assert rows["Late Wire"]["canonical_id"] == early and rows["Relay News"]["canonical_id"] == early
    assert {r["id"] for r in near_duplicates(store, early)} == {rows["Late Wire"]["id"], rows["Relay News"]["id"]}


def test_exact_repeat_is_a_duplicate_not_a_near_duplicate(store):
    ingest(store, item(STORY, "2025-05-07", "First Wire", "a"), item(STORY, "2025-05-07", "First Wire", "b"))
    s = store.stats()
    assert (s["articles"], s["duplicates"], s["near_duplicates"]) == (1, 1, 0)


def test_signatures_are_persisted_once_per_article(store):
    ingest(store, item(STORY, "2025-05-07", "First Wire", "a"))
    ingest(store, item(SYNDICATED, "2025-05-08", "Relay", "b"), item(OTHER, "2025-05-08", "Farm", "c"))
    assert store.query("SELECT COUNT(*) AS n FROM article_minhash")[0]["n"] == 3
    assert store.query("SELECT COUNT(DISTINCT article_id) AS n FROM article_lsh")[0]["n"] == 3


def test_short_texts_are_not_linked(store):
    ingest(store, item("Talks resumed on Monday in the capital.", "2025-05-07", "A", "a"),
           item("Talks resumed on Monday in the capital city.", "2025-05-07", "B", "b"))
    assert store.stats()["near_duplicates"] == 0


def test_many_copies_of_one_story_cost_a_bounded_number_of_checks_each(store, monkeypatch):
    # 300 copies, each with one word changed: every pair is a near-duplicate. Each copy used to be
    # checked against every earlier one (300 * 299 / 2 = 44,850 exact comparisons); now a group keeps
    # MAX_INDEXED_PER_GROUP members in the buckets, so each copy meets a bounded number of candidates.
    from realpolitik.corroborate import neardup

    calls = []
    real = neardup.jaccard
    monkeypatch.setattr(neardup, "jaccard", lambda a, b: calls.append(1) or real(a, b))
    words = STORY.split()
    copies = []
    for i in range(300):
        w = list(words)
        w[(i * 7) % len(w)] = f"variant{i}"
        copies.append(item(" ".join(w), "2025-05-07", "Wire", f"v{i}"))
    ingest_items(copies, store, Options(code=False, progress=False, batch_size=32))
    roots = store.query("SELECT COUNT(*) AS n FROM articles WHERE canonical_id IS NULL")[0]["n"]
    linked = store.query("SELECT COUNT(DISTINCT canonical_id) AS r, COUNT(canonical_id) AS n FROM articles")[0]
    assert (roots, linked["r"], linked["n"]) == (1, 1, 299)
    indexed = store.query("SELECT COUNT(DISTINCT article_id) AS n FROM article_lsh")[0]["n"]
    assert indexed == neardup.MAX_INDEXED_PER_GROUP
    # Per copy: at most the indexed members, the copies of its own batch, and the similarity to the root.
    assert len(calls) <= 300 * (neardup.MAX_INDEXED_PER_GROUP + 32 + 1)
