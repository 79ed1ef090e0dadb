"""Event clusters from hand-made mentions saved through the store, as the coder would save them."""
from __future__ import annotations

import pytest

from realpolitik.corroborate import after_save, clusters, get_cluster, recluster
from realpolitik.corroborate.clusters import evidence_similarity, independent_sources
from realpolitik.model import Article, Event, Span, event_id_for
from realpolitik.options import Options
from realpolitik.store import EventFilter

BODY = ("Officials said a cargo aircraft landed at the air base late on Sunday carrying air-defence radar parts, "
        "the latest in a series of deliveries that began in the spring. Local residents reported hearing "
        "the plane arrive shortly before midnight, and satellite images later showed crates on the apron.")


def article(text: str, publisher: str, date: str, url: str | None = None) -> Article:
    return Article.from_text(text, publisher=publisher, published=date, url=url, source=f"{publisher}:{date}")


def mention(art: Article, evidence: str, factuality: str = "asserted", source: str = "RUSMIL", target: str = "SYR",
            type_: str = "AID", channel: str | None = "arms_transfer", date: str | None = None, idx: int = 0) -> Event:
    return Event(id=event_id_for(art.id, idx, source, target, type_, "military", idx, "test.v1"),
                 article_id=art.id, sentence_index=idx, source=source, target=target, type=type_, mode="military",
                 channel=channel, factuality=factuality, evidence=Span(0, len(evidence), evidence),
                 date=date or art.published, source_text="Russia", target_text="Syria", coder="test",
                 coder_version="1", quad="material_cooperation")


def save(store, *pairs: tuple[Article, list[Event]]) -> None:
    res = store.save([(a, evs, "test.v1") for a, evs in pairs])
    after_save(store, res.new_articles, Options())


def test_two_independent_reports_corroborate_one_event(store):
    a = article("Report one. " + BODY, "North Gazette", "2025-06-02")
    b = article("Sources at the airport said air-defence parts from Moscow were unloaded overnight at the base, "
                "and a second flight is expected within the week.", "South Herald", "2025-06-03")
    save(store, (a, [mention(a, "Russia delivered air-defence radar parts to Syria")]),
         (b, [mention(b, "air-defence parts from Russia were unloaded in Syria")]))
    (c,) = clusters(store)
    assert (c["n_mentions"], c["n_articles"], c["n_independent"], c["status"]) == (2, 2, 2, "corroborated")
    assert str(c["first_seen"]) == "2025-06-02" and str(c["last_seen"]) == "2025-06-03"
    assert (c["source3"], c["target3"]) == ("RUS", "SYR")


def test_copies_and_same_publisher_are_not_independent(store):
    a = article(BODY, "North Gazette", "2025-06-02")
    copy = article("From the wires. " + BODY + " More to follow.", "Relay Daily", "2025-06-02")
    same_pub = article("Radar parts from Russia were seen at the air base, according to our reporter at the scene "
                       "who watched crates being unloaded.", "North Gazette", "2025-06-03")
    save(store, (a, [mention(a, "Russia delivered radar parts to Syria")]),
         (copy, [mention(copy, "Russia delivered radar parts to Syria")]),
         (same_pub, [mention(same_pub, "Radar parts from Russia were seen in Syria")]))
    (c,) = clusters(store)
    assert (c["n_articles"], c["n_publishers"], c["n_independent"], c["status"]) == (3, 2, 1, "single_source")


def test_a_denial_makes_the_event_contested(store):
    a = article(BODY, "North Gazette", "2025-06-02")
    d = article("The Russian defence ministry denied that any radar equipment had been flown to Syria, calling "
                "the reports an invention of foreign media.", "Capital Times", "2025-06-03")
    save(store, (a, [mention(a, "Russia delivered radar parts to Syria")]),
         (d, [mention(d, "Russia denied flying radar equipment to Syria", factuality="denied")]))
    (c,) = clusters(store)
    assert c["status"] == "contested" and c["n_denied"] == 1


def test_different_dyad_type_or_far_dates_make_separate_clusters(store):
    a = article(BODY, "North Gazette", "2025-06-02")
    b = article("Second story. " + BODY[:120] + " Officials gave no further details.", "South Herald", "2025-06-20")
    save(store, (a, [mention(a, "Russia delivered radar parts to Syria"),
                     mention(a, "Russia delivered radar parts to Syria", target="IRQ", idx=1),
                     mention(a, "Russia criticised Syria", type_="DISAPPROVE", channel=None, idx=2)]),
         (b, [mention(b, "Russia delivered radar parts to Syria")]))
    assert len(clusters(store)) == 4


def test_dissimilar_evidence_days_apart_is_a_different_event(store):
    a = article(BODY, "North Gazette", "2025-06-02")
    b = article("Engineers from Moscow will build a grain terminal at the port under a deal signed on Wednesday, "
                "officials announced.", "South Herald", "2025-06-04")
    save(store, (a, [mention(a, "Russia delivered air-defence radar parts to Syria")]),
         (b, [mention(b, "Russian engineers will build a grain terminal for Syria")]))
    assert len(clusters(store)) == 2


def test_event_reads_carry_cluster_fields_and_filter_by_corroboration(store):
    a = article(BODY, "North Gazette", "2025-06-02")
    b = article("Witnesses near the base said crates of radar equipment from Russia were unloaded on Sunday "
                "night.", "South Herald", "2025-06-02")
    c = article("Separately, Russia and Syria signed a trade memorandum covering wheat shipments for the "
                "coming year, the two governments said.", "East Star", "2025-06-02")
    save(store, (a, [mention(a, "Russia delivered radar parts to Syria")]),
         (b, [mention(b, "radar equipment from Russia was unloaded in Syria")]),
         (c, [mention(c, "Russia and Syria signed a trade memorandum", type_="AGREE", channel=None)]))
    evs = store.events()
    assert all(e["cluster_id"] and e["cluster_status"] in ("corroborated", "single_source") for e in evs)
    corro = store.events(EventFilter(extra={"corroboration": "corroborated"}))
    assert len(corro) == 2 and {e["cluster_sources"] for e in corro} == {2}
    assert store.count_events(EventFilter(extra={"corroboration": "single_source"})) == 1
    detail = get_cluster(store, corro[0]["cluster_id"])
    assert len(detail["mentions"]) == 2


def test_clusters_are_stable_across_rebuilds(store):
    a = article(BODY, "North Gazette", "2025-06-02")
    b = article("Crates of Russian radar parts arrived at the base, witnesses said.", "South Herald", "2025-06-03")
    save(store, (a, [mention(a, "Russia delivered radar parts to Syria")]),
         (b, [mention(b, "Russian radar parts arrived in Syria")]))
    before = clusters(store)
    assert recluster(store) == 1
    assert [c["id"] for c in clusters(store)] == [c["id"] for c in before]


def test_evidence_similarity_and_independence_helpers():
    assert evidence_similarity("Russia sent radar parts to Syria", "radar parts were sent to Syria by Russia",
                               ("Russia", "Syria")) == 1.0
    assert evidence_similarity("Russia sent radar parts", "a grain terminal will be built", ()) == 0.0
    arts = [{"id": "a1", "publisher": "X"}, {"id": "a2", "publisher": "x "}, {"id": "a3", "canonical_id": "a1"},
            {"id": "a4", "url": "https://www.y.example/1"}, {"id": "a5", "url": "https://y.example/2"}]
    assert independent_sources(arts) == 2


@pytest.mark.postgres
def test_linking_and_clustering_run_on_postgresql(pg_db):
    from realpolitik.store import open_store

    with open_store(pg_db) as pg:
        a = article(BODY, "North Gazette", "2025-06-02")
        copy = article("From the wires. " + BODY + " More to follow.", "Relay Daily", "2025-06-02")
        d = article("Moscow denied flying radar equipment to Damascus and called the reports invented.",
                    "Capital Times", "2025-06-03")
        save(pg, (a, [mention(a, "Russia delivered radar parts to Syria")]),
             (copy, [mention(copy, "Russia delivered radar parts to Syria")]),
             (d, [mention(d, "Russia denied flying radar equipment to Syria", factuality="denied")]))
        (c,) = clusters(pg)
        assert (c["n_articles"], c["n_independent"], c["status"]) == (3, 2, "contested")
        assert pg.stats()["near_duplicates"] == 1
        assert len(pg.events(EventFilter(extra={"corroboration": "contested"}))) == 3
