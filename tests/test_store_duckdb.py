"""The DuckDB store: migrations, idempotent saves, duplicates, filters, arrow output."""
from __future__ import annotations

import dataclasses

import pytest

from realpolitik.model import Article, Event, Span, event_id_for
from realpolitik.store import EventFilter, open_store


def _event(article: Article, source: str, target: str, type_: str = "AID", date: str = "2025-05-01", **kw) -> Event:
    eid = event_id_for(article.id, 0, source, target, type_, None, 0, "rules.v1")
    return Event(id=eid, article_id=article.id, sentence_index=0, source=source, target=target, type=type_,
                 evidence=Span(0, len(article.text), article.text), date=date, contexts=("military",),
                 fronts=("military",), coder="rules", coder_version="1", **kw)


def test_migrations_are_recorded_once(db_path):
    s = open_store(db_path)
    v = s.schema_version()
    s.close()
    s = open_store(db_path)
    assert s.migrate() == [] and s.schema_version() == v >= 1


def test_same_article_twice_is_stored_once(store):
    a = Article.from_text("Egypt opened the crossing.", source="one.txt")
    ev = [_event(a, "EGY", "PSE")]
    first = store.save([(a, ev, "rules.v1")])
    again = store.save([(a, ev, "rules.v1")])
    assert (len(first.new_articles), first.new_events) == (1, 1)
    assert (len(again.new_articles), again.new_events, again.duplicates) == (0, 0, 0)
    assert store.stats()["articles"] == 1 and store.stats()["events"] == 1


def test_copy_from_another_source_counts_as_duplicate(store):
    store.save([(Article.from_text("Egypt opened the crossing.", source="one.txt"), None, "rules.v1")])
    store.save([(Article.from_text("egypt  opened the CROSSING.", source="two.txt"), None, "rules.v1")])
    assert store.stats()["duplicates"] == 1 and store.stats()["articles"] == 1


def test_failed_transaction_leaves_nothing(store):
    a = Article.from_text("Fiji joined the pact.", source="f.txt")
    bad = _event(a, "FJI", "AUS")
    broken = dataclasses.replace(bad, id="e-broken", type=None)  # violates NOT NULL on events.type
    with pytest.raises(Exception):
        store.save([(a, [bad, broken], "rules.v1")])
    assert store.stats()["articles"] == 0 and store.stats()["events"] == 0


def test_filters_and_prefix_match(store):
    a = Article.from_text("Several events.", source="s.txt")
    store.save([(a, [_event(a, "CHNGOV", "IRN"), _event(a, "RUS", "UKR", "ASSAULT", "2026-01-01")], "rules.v1")])
    assert [e["source"] for e in store.events(EventFilter(source="CHN"))] == ["CHNGOV"]
    assert [e["type"] for e in store.events(EventFilter(since="2025-12-01"))] == ["ASSAULT"]
    assert store.count_events(EventFilter(front="military")) == 2
    assert store.count_events(EventFilter(source="' OR 1=1 --")) == 0


def test_events_table_is_arrow(store):
    a = Article.from_text("One event.", source="s.txt")
    store.save([(a, [_event(a, "USA", "ISR")], "rules.v1")])
    t = store.events_table()
    assert t.num_rows == 1 and t.column("contexts").to_pylist() == [["military"]]
    assert store.events_frame().iloc[0]["target"] == "ISR"


def test_min_confidence_hides_best_guesses(store):
    a = Article.from_text("Two events, one a guess.", source="g.txt")
    store.save([(a, [_event(a, "CHN", "IRN", confidence=0.8), _event(a, "RUS", "SYR", confidence=0.2)], "rules.v1")])
    assert [e["source"] for e in store.events(EventFilter(min_confidence=0.35))] == ["CHN"]
    assert store.count_events(EventFilter(min_confidence=0.0)) == 2


def test_top_dyads_count_organs_as_their_state_and_keep_each_igo(store):
    a = Article.from_text("Egypt and the EU met; Egypt's army and the UN met; the UN and Egypt met.", source="d.txt")
    evs = [_event(a, "EGYGOV", "IGOEU", "CONSULT"), _event(a, "EGYMIL", "IGOUNO", "CONSULT"),
           _event(a, "EGY", "IGOUNO", "AID")]
    store.save([(a, evs, "rules.v1")])
    assert store.stats()["top_dyads"] == [{"source": "EGY", "target": "IGOUNO", "events": 2},
                                          {"source": "EGY", "target": "IGOEU", "events": 1}]
