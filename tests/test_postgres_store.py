"""The PostgreSQL store: same schema and behaviour as DuckDB, read-only mode, concurrent writers."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
import time

import pytest

from realpolitik.model import Article, Event, Span, event_id_for
from realpolitik.store import EventFilter, StoreError, open_store


def _event(article: Article, source: str, target: str, type_: str = "AID", date: str = "2025-05-01", **kw) -> Event:
    eid = event_id_for(article.id, 0, source, target, type_, None, 0, "rules.v1")
    return Event(id=eid, article_id=article.id, sentence_index=0, source=source, target=target, type=type_,
                 evidence=Span(0, len(article.text), article.text), date=date, contexts=("military",),
                 fronts=("military",), coder="rules", coder_version="1", **kw)


@pytest.fixture
def pg(pg_db):
    s = open_store(pg_db)
    yield s
    s.close()


def test_translate_keeps_quoted_marks_and_escapes_percent():
    from realpolitik.store.postgres_store import translate

    assert translate("SELECT '?' AS q, x LIKE ? FROM t WHERE y = ?") == "SELECT '?' AS q, x LIKE %s FROM t WHERE y = %s"
    assert translate("SELECT '50%' AS p") == "SELECT '50%%' AS p"


def test_same_tables_and_columns_as_duckdb(pg, store):
    sql = ("SELECT table_name AS t, column_name AS c FROM information_schema.columns "
           "WHERE table_name IN ('articles', 'article_sources', 'events', 'coding_runs', 'schema_migrations')")
    assert {(r["t"], r["c"]) for r in pg.query(sql)} == {(r["t"], r["c"]) for r in store.query(sql)}
    assert pg.schema_version() == store.schema_version()


def test_migrations_are_recorded_once(pg_db):
    with open_store(pg_db) as s:
        v = s.schema_version()
    with open_store(pg_db) as s:
        assert s.migrate() == [] and s.schema_version() == v >= 1


def test_save_is_idempotent_and_counts_duplicates(pg):
    a = Article.from_text("Egypt opened the crossing.", source="one.txt", published="2025-05-01")
    ev = [_event(a, "EGY", "PSE")]
    first = pg.save([(a, ev, "rules.v1")])
    again = pg.save([(a, ev, "rules.v1")])
    copy = pg.save([(Article.from_text("egypt opened the  CROSSING.", source="two.txt"), None, "rules.v1")])
    assert (len(first.new_articles), first.new_events) == (1, 1)
    assert (len(again.new_articles), again.new_events, again.duplicates) == (0, 0, 0)
    assert copy.duplicates == 1
    s = pg.stats()
    assert (s["articles"], s["events"], s["duplicates"], s["first_published"]) == (1, 1, 1, "2025-05-01")


def test_failed_transaction_leaves_nothing(pg):
    a = Article.from_text("Fiji joined the pact.", source="f.txt")
    bad = _event(a, "FJI", "AUS")
    broken = dataclasses.replace(bad, id="e-broken", type=None)  # violates NOT NULL on events.type
    with pytest.raises(Exception):
        pg.save([(a, [bad, broken], "rules.v1")])
    assert pg.stats()["articles"] == 0 and pg.stats()["events"] == 0


def test_filters_match_duckdb(pg, store):
    a = Article.from_text("Several events, 100% of them tested_here.", source="s.txt")
    evs = [_event(a, "CHNGOV", "IRN"), _event(a, "RUS", "UKR", "ASSAULT", "2026-01-01")]
    for s in (pg, store):
        s.save([(a, evs, "rules.v1")])
    for flt in (EventFilter(source="CHN"), EventFilter(since="2025-12-01"), EventFilter(front="military"),
                EventFilter(q="100%"), EventFilter(q="d_h"), EventFilter(source="' OR 1=1 --"),
                EventFilter(sort="source", descending=True, limit=1)):
        assert [e["id"] for e in pg.events(flt)] == [e["id"] for e in store.events(flt)], flt
    assert pg.events_table().num_rows == 2 and pg.events(EventFilter(type="aid"))[0]["evidence"]["text"] == a.text


def test_read_only_refuses_writes(pg_db, pg):
    a = Article.from_text("Chile signed the accord.", source="c.txt")
    with open_store(pg_db, read_only=True) as ro:
        with pytest.raises(Exception, match="read-only"):
            ro.save([(a, None, "rules.v1")])
        assert ro.stats()["articles"] == 0


def test_read_only_on_an_empty_database_says_so(pg_db):
    with pytest.raises(StoreError, match="no realpolitik schema"):
        open_store(pg_db, read_only=True)


def test_bad_url_is_a_store_error_without_password(pg_url):
    with pytest.raises(StoreError, match=r"postgres:\*\*\*@") as err:
        open_store("postgresql://postgres:secret@127.0.0.1:1/nowhere")
    assert "secret" not in str(err.value)


_WRITER = textwrap.dedent("""
    import json, sys, time
    from realpolitik.model import Article, Event, Span, event_id_for
    from realpolitik.store import open_store
    url, order, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
    ids = list(range(0, 240)) if order == "up" else list(range(399, 159, -1))
    store = open_store(url)
    while time.time() < start_at:
        time.sleep(0.005)
    new_articles = new_events = 0
    for i in range(0, len(ids), 4):
        items = []
        for n in ids[i:i + 4]:
            a = Article.from_text(f"Report number {n}: a ministry met an embassy.", source="shared.jsonl")
            evs = [Event(id=event_id_for(a.id, k, "AAA", "BBB", "CONSULT", None, k, "t.v1"), article_id=a.id,
                         sentence_index=k, source="AAA", target="BBB", type="CONSULT",
                         evidence=Span(0, 5, a.text[:5])) for k in range(n % 3 + 1)]
            items.append((a, evs, "t.v1"))
        res = store.save(items)
        new_articles += len(res.new_articles)
        new_events += res.new_events
    print(json.dumps([new_articles, new_events]))
""")


def test_two_concurrent_writers_lose_nothing_and_duplicate_nothing(pg_db):
    open_store(pg_db).close()  # migrate first, so both writers start writing at the same moment
    start_at = str(time.time() + 3)
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, pg_db, order, start_at], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for order in ("up", "down")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-2000:] for o in outs]
    reported = [json.loads(o[0]) for o in outs]
    expected_events = sum(n % 3 + 1 for n in range(400))
    with open_store(pg_db, read_only=True) as s:
        st = s.stats()
        runs = s.query("SELECT COUNT(*) AS n FROM coding_runs")[0]["n"]
    assert (st["articles"], st["events"], st["duplicates"], runs) == (400, expected_events, 0, 400)
    assert sum(r[0] for r in reported) == 400 and sum(r[1] for r in reported) == expected_events


def test_cli_ingest_events_stats_on_postgres(pg_db, tmp_path):
    from click.testing import CliRunner

    from realpolitik.cli import main

    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps({"id": f"r{i}", "text": f"Peru and Bolivia met on day {i}.",
                                        "date": "2025-03-0" + str(i + 1)}) for i in range(3)) + "\n")
    r = CliRunner().invoke(main, ["ingest", str(f), "--db", pg_db, "--no-code", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["new_articles"] == 3
    r = CliRunner().invoke(main, ["stats", "--db", pg_db, "--json"])
    assert r.exit_code == 0 and json.loads(r.output)["articles"] == 3, r.output
    r = CliRunner().invoke(main, ["events", "--db", pg_db, "--format", "jsonl"])
    assert r.exit_code == 0 and r.output == "", r.output


def test_big_store_indexes_serve_prefix_and_country_queries(pg, store):
    assert {"idx_events_source3", "idx_events_target3"} <= {
        r["index_name"] for r in store.query("SELECT index_name FROM duckdb_indexes()")}
    pg.con.execute("SET enable_seqscan = off")  # an empty table: ask which index the planner would use
    plan = lambda sql, *p: " ".join(r["QUERY PLAN"] for r in pg.query("EXPLAIN " + sql, p))  # noqa: E731
    assert "idx_events_dyad" in plan("SELECT COUNT(*) AS n FROM events WHERE source LIKE ? AND target LIKE ?",
                                     "CHN%", "IRN%")
    country = plan("SELECT COUNT(*) AS n FROM events WHERE SUBSTR(source, 1, 3) IN (?) OR SUBSTR(target, 1, 3) IN (?)",
                   "IRN", "IRN")
    assert "idx_events_source3" in country and "idx_events_target3" in country
