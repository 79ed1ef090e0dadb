"""Dates a user can trust (datelines, --date, relative event dates, undated events said out loud),
one definition of an event count across every view, and failures that are not silent."""
from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from realpolitik import analytics as an
from realpolitik import report
from realpolitik.cli import main
from realpolitik.coding.when import resolve
from realpolitik.ingest.dates import dateline, dateline_date
from realpolitik.ingest.files import parse_text_document
from realpolitik.options import Options
from realpolitik.store import EventFilter, open_store
from realpolitik.web import queries

ROOT = Path(__file__).resolve().parents[1]
SUPPORT_ARTICLE = ROOT / "tests" / "data" / "support_article_dateline.txt"
# Written for this test: no metadata, no dateline, no time expression, so its event has no date.
UNDATED = "China sold attack drones to Iran, two diplomats said.\n"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


# -- dates ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("BRASILIA, March 3, 2026 - Brazil's government said ...", "2026-03-03"),
    ("Feb 2 2026 (Reuters) - China said ...", "2026-02-02"),
    ("February 2nd,2026 – Iran said ...", "2026-02-02"),
    ("WASHINGTON, D.C., Jan. 5, 2026 — The ...", "2026-01-05"),
    ("BEIJING, 12 June 2025 (Xinhua) -- ...", "2025-06-12"),
    ("LONDON (Reuters) - no date here", None),
    ("The talks on March 3, 2026 - were ...", None),  # a date inside a sentence is no dateline
    ("Feb 30 2026 - impossible day", None),
])
def test_dateline_forms(text, expected):
    assert dateline_date(text) == expected


def test_dateline_end_is_where_the_story_starts():
    text = "TEHRAN, March 3, 2026 - China has shipped"
    assert dateline(text) == ("2026-03-03", text.index("China"))


@pytest.mark.parametrize("sentence,expected", [
    ("Russia attacked Ukraine on Monday.", "2026-02-02"),  # the article is dated Wednesday 4 Feb
    ("The strike came yesterday.", "2026-02-03"),
    ("China will host talks next Tuesday.", "2026-02-10"),
    ("Iran bought drones last June.", "2025-06-01"),
    ("The deal was signed on March 3.", "2025-03-03"),  # a later day without a year is last year's
    ("Ministers will meet in May.", "2026-05-01"),
    ("Talks on 12 January 2025 failed.", "2025-01-12"),
    ("He may visit Tehran.", None),  # 'may' the verb is no month
    ("Chile and Peru held joint drills last month.", "2026-01-01"),  # a month without a day: its first day
    ("The two sides will meet next month.", "2026-03-01"),
    ("Rebels shelled the town last week.", None),  # no day named: the article's date stands
    ("Rebels shelled the town three days ago.", "2026-02-01"),
    ("The treaty was signed in June last year.", "2025-06-01"),
    ("Prices rose over the past year.", None),  # a span, no day
    ("Poland said on Monday it would send missiles next month.", "2026-02-02"),  # the saying's Monday, past
    ("Poland announced Tuesday that it will send troops.", "2026-02-03"),
    ("Poland will send troops on Monday.", "2026-02-09"),
])
def test_relative_event_dates(sentence, expected):
    assert resolve(sentence, "2026-02-04") == expected


def test_one_line_text_is_the_body_and_a_headline_is_not_coded_twice():
    one = parse_text_document("Russia attacked Ukraine on Monday.\n", Options(), "x.txt")
    assert (one.article.title, one.article.text) == (None, "Russia attacked Ukraine on Monday.")
    two = parse_text_document("Russia attacks Ukraine\nRussia attacked Ukraine on Monday.\n", Options(), "x.txt")
    assert (two.article.title, two.article.text) == ("Russia attacks Ukraine", "Russia attacked Ukraine on Monday.")


def test_one_liner_on_stdin_and_in_a_txt_file_is_coded(tmp_path):
    db = str(tmp_path / "one.duckdb")
    r = run("ingest", "-", "--db", db, "--date", "2026-02-04", "--no-progress",
            input="Russia attacked Ukraine on Monday.")
    assert r.exit_code == 0 and "1 new events" in r.output, r.output
    f = tmp_path / "one.txt"
    f.write_text("Russia attacks Ukraine\nRussia struck Kyiv with drones on Sunday.\n", encoding="utf-8")
    r = run("ingest", str(f), "--db", db, "--date", "2026-02-04", "--no-progress")
    assert r.exit_code == 0 and "1 new events" in r.output, r.output  # the headline is not a second event
    rows = [json.loads(x) for x in run("events", "--db", db, "--format", "jsonl").output.splitlines()]
    assert sorted((e["date"], e["source"], e["target"], e["type"]) for e in rows) == [
        ("2026-02-01", "RUS", "UKR", "ASSAULT"), ("2026-02-02", "RUS", "UKR", "ASSAULT")]
    assert run("ingest", "-", "--db", db, "--date", "2026-02-30", input="x").exit_code == 2


def test_an_undated_one_liner_is_stored_with_a_warning_to_give_a_date(tmp_path):
    db = str(tmp_path / "u.duckdb")
    r = run("ingest", "-", "--db", db, "--no-progress", input="Russia attacked Ukraine on Monday.")
    assert r.exit_code == 0 and "1 new events" in r.output, r.output
    assert "warning: 1 new article(s) have no date" in r.output and "--date YYYY-MM-DD" in r.output
    # a wire dateline without its year dates nothing, and the warning says what a dated one looks like
    assert "a wire dateline without the year cannot be dated" in r.output
    r = run("ingest", "-", "--db", db, "--no-progress", input="Russia attacked Ukraine on Monday.")
    assert "warning" not in r.output  # a duplicate is not new: nothing to warn about
    assert "0 new, 0 duplicates, 1 already stored" in r.output, r.output
    # following the warning on the same database cannot date the stored article: say so, rather than nothing
    r = run("ingest", "-", "--db", db, "--no-progress", "--date", "2026-02-02",
            input="Russia attacked Ukraine on Monday.")
    assert "1 article(s) read with a date were already stored without one" in r.output, r.output
    assert "new database" in r.output


# -- the support-style article, dated only by its dateline -------------------------------------------
@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """examples/ plus the support article (plain .txt) and one undated CHN -> IRN story, in one store."""
    d = tmp_path_factory.mktemp("corpus")
    db = str(d / "c.duckdb")
    (d / "undated.txt").write_text(UNDATED, encoding="utf-8")
    for path in (str(ROOT / "examples"), str(SUPPORT_ARTICLE), str(d / "undated.txt")):
        r = run("ingest", path, "--db", db, "--no-progress")
        assert r.exit_code == 0, r.output
    return db


def test_support_article_briefing_has_its_evidence_and_every_front(tmp_path):
    db = str(tmp_path / "s.duckdb")
    assert run("ingest", str(SUPPORT_ARTICLE), "--db", db, "--no-progress").exit_code == 0
    with open_store(db, read_only=True) as store:
        art = next(store.iter_articles())
        assert (art.title, art.published) == (None, "2026-03-03")
        b = report.build_briefing(store, an.Scope(source="CHN", target="IRN"))
    fronts = {c["front"] for c in b["profile"]}
    assert {"military", "cyber", "economic", "diplomatic"} <= fronts
    assert b["coverage"]["events"] == 4 and b["coverage"]["undated"] == 0
    quoted = {e["evidence_text"].split(",")[0] for e in b["evidence"]}
    assert "China has shipped a battery of HQ-9 surface-to-air missiles to Iran" in quoted
    # The dateline's place (Tehran) is not read as an actor, nor is its text part of the evidence.
    first = [e for e in b["evidence"] if "HQ-9" in e["evidence_text"]][0]
    assert (first["source"], first["target"], first["date"]) == ("CHN", "IRN", "2026-03-02")  # "on Monday"


def test_every_view_counts_the_same_events(corpus):
    """CHN -> IRN: one number everywhere (dated + undated), each view saying what it left out."""
    with open_store(corpus, read_only=True) as store:
        listed = store.count_events(EventFilter(source="CHN", target="IRN"))
        scope = an.Scope(source="CHN", target="IRN")
        b = report.build_briefing(store, scope)
        edge = an.network(store, an.Scope()).edges.query("a == 'CHN' and b == 'IRN'").iloc[0]
        series = an.series(store, scope, fill=False)
        dash = [d for d in queries.dyads(store, EventFilter()) if (d["source"], d["target"]) == ("CHN", "IRN")][0]
        undated = an.frame.undated_events(store, scope)
    assert undated == 1 and b["coverage"]["undated"] == 1
    # from examples/ and the support article as the default coder codes them (acts before the article,
    # "since the 1990s", are not coded), 1 of them undated; "the package the two governments signed in Beijing in
    # January" is China and Iran's (the pair in focus), dated January
    assert listed == 44 and dash["events"] == 44
    assert b["coverage"]["events"] + undated == listed
    assert b["certainty"]["events"] == b["coverage"]["events"]
    assert int(edge["a_to_b"]) + undated == listed
    assert int(series.query("dimension == 'all'")["events"].sum()) + undated == listed
    md = report.render(open_store(corpus, read_only=True), scope, "md")
    assert "1 event left out: no date in the article's metadata or dateline" in md
    assert "Counted: events = coded event records" in md


def test_cli_views_state_the_count_and_what_they_left_out(corpus):
    for cmd in ("series", "profile", "shifts", "network", "stability"):
        r = run(cmd, "--db", corpus, "--source", "CHN", "--target", "IRN")
        assert r.exit_code == 0, (cmd, r.output)
        assert "Counted: events = coded event records" in r.output, cmd
        assert "1 event left out" in r.output and "None" not in r.output, cmd
        data = json.loads(run(cmd, "--db", corpus, "--source", "CHN", "--target", "IRN", "--json").output)
        assert data["undated"] == 1 and data["count_definition"].startswith("events = coded event records"), cmd
    net = run("network", "--db", corpus).output
    assert "CHN China" in net and "Blocs" in net and "Bridges" in net
    table = run("events", "--db", corpus, "--source", "CHN", "--target", "IRN").output
    assert "undated" in table and "CHN China" in table and "44 events, 1 of them undated" in table


def test_corroborated_and_contested_clusters_in_the_examples(corpus):
    rows = {s: run("clusters", "--db", corpus, "--status", s).output for s in ("corroborated", "contested")}
    assert "RUS->DZA AID  corroborated  2 articles, 2 independent" in rows["corroborated"]
    assert "TUR->SDN AID  contested  2 articles, 2 independent" in rows["contested"]


def test_csv_has_one_line_per_event(corpus):
    out = run("events", "--db", corpus, "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(out.splitlines()) == len(rows) + 1 and all("\n" not in r["evidence"] for r in rows)


# -- minimum support --------------------------------------------------------------------------------
def test_sparse_data_gives_too_few_events_not_shifts_or_trends(tmp_path):
    from analytics_fixtures import article, make_event

    with open_store(str(tmp_path / "sparse.duckdb")) as store:
        # Talks in January, then one story in June: CUSUM alone calls that a "qualitative shift".
        a = article("Beijing held talks with Tehran.", "2025-01-10", "Wire")
        store.save([(a, [make_event(a, "CHN", "IRN", "CONSULT", 2.5, None)], "rules.v1")])
        b = article("Beijing sent drones to Tehran.", "2025-06-10", "Wire")
        store.save([(b, [make_event(b, "CHN", "IRN", "AID", 20.0, "arms_transfer")], "rules.v1")])
        c = article("Israel struck a depot in Iran.", "2025-09-12", "Wire")
        store.save([(c, [make_event(c, "ISR", "IRN", "ASSAULT", 9.0, None)], "rules.v1")])
        d = an.shifts_dict(store, an.Scope())
        stab = an.stability(store, an.Scope(country="IRN")).iloc[0]
    assert d["shifts"] == [] and d["too_few"] >= 1 and "too few events" in d["note"]
    assert (stab["trend"], stab["trend_label"]) == (None, "too few events")


# -- silent failures --------------------------------------------------------------------------------
def test_read_commands_do_not_create_a_store(tmp_path):
    typo = tmp_path / "typo.duckdb"
    for cmd in (["events"], ["stats"], ["clusters"], ["series"], ["report", "--country", "IRN"]):
        r = run(*cmd, "--db", str(typo))
        assert r.exit_code == 1 and f"error: {typo}: no such database" in r.output, (cmd, r.output)
    assert not typo.exists()


def test_unknown_event_type_is_refused(corpus):
    r = run("events", "--db", corpus, "--type", "FOO")
    assert r.exit_code == 2 and "'FOO' is not a PLOVER event type" in r.output


def test_watch_once_fails_when_every_source_failed(db_path):
    r = run("watch", "http://127.0.0.1:9/feed", "--db", db_path, "--once")
    assert r.exit_code == 1 and "every poll failed (1 of 1)" in r.output, r.output


def test_make_eval_works_without_the_shared_folder(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    venv_bin = Path(__import__("sys").executable).parent
    r = subprocess.run(["make", "-C", str(ROOT), "eval", "STAMP=", f"BIN={venv_bin}", f"SHARED={tmp_path}/none"],
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "support_sentences.jsonl" in r.stdout and f"note: no gold sets in {tmp_path}/none/eval" in r.stdout


# -- the API ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def api(corpus):
    from webserver import make_server

    with make_server(Path(corpus)) as srv:
        yield srv.url


def test_api_refuses_unknown_parameters_and_types(api):
    r = httpx.get(api + "/api/events", params={"contry": "IRN"}, timeout=30)
    assert r.status_code == 400 and r.json()["error"].startswith("unknown query parameter contry")
    r = httpx.get(api + "/api/events", params={"type": "FOO"}, timeout=30)
    assert r.status_code == 400 and "unknown event type 'FOO'" in r.json()["error"]


def test_api_country_filter_takes_either_side(api):
    def total(**p):
        return httpx.get(api + "/api/events", params=p, timeout=30).json()["total"]

    assert total(country="DZA") == total(target="DZA") + total(source="DZA") > 0
    assert total(country="IRN") > total(target="IRN")
    bad = httpx.get(api + "/api/events", params={"country": "IRNGOV"}, timeout=30)
    assert bad.status_code == 400 and "3-letter ISO code" in bad.json()["error"]


def test_a_countrys_events_are_one_set_in_cli_api_and_dashboard(api, corpus):
    n = httpx.get(api + "/api/events", params={"country": "IRN"}, timeout=30).json()["total"]
    rows = run("events", "--db", corpus, "--country", "IRN", "--format", "jsonl").output.splitlines()
    assert len(rows) == n > 0
    assert f"{n} events" in httpx.get(api + "/countries/IRN", timeout=30).text
    assert run("events", "--db", corpus, "--country", "IRNGOV").exit_code == 2


def test_dyad_page_404_for_unknown_codes(api):
    assert httpx.get(api + "/dyads/XXX/YYY", timeout=30).status_code == 404
    page = httpx.get(api + "/dyads/CHN/IRN", timeout=30)
    assert page.status_code == 200 and "Counted: events = coded event records" in page.text
    assert "1 of them have no date" in page.text
    net = httpx.get(api + "/network", timeout=30).text
    assert "CHN → IRN 43" in net and "1 event left out" in net


def test_code_command_dates_a_record_by_its_dateline():
    rec = {"id": "x", "text": "BRASILIA, March 3, 2026 - Brazil sent food aid to Haiti on Monday."}
    out = json.loads(run("code", "-", input=json.dumps(rec) + "\n").output)
    assert [(e["source"], e["target"], e["type"], e["date"], e["evidence"]["text"]) for e in out["events"]] == [
        ("BRA", "HTI", "AID", "2026-03-02", "Brazil sent food aid to Haiti on Monday.")]


def test_stats_counts_undated_events(corpus):
    s = json.loads(run("stats", "--db", corpus, "--json").output)
    assert s["undated_events"] == 1
    text = run("stats", "--db", corpus).output
    assert "1 event left out" in text and "CHN China" in text


def test_a_planned_act_of_a_bare_month_is_the_next_one():
    # when.date_events passes the event's factuality: "would meet again in January" said in November is next January
    sentence = "The ministers said the two countries would meet again in January."
    assert resolve(sentence, "2026-11-30") == "2026-01-01"  # no future cue of its own: the past January
    assert resolve(sentence, "2026-11-30", planned=True) == "2027-01-01"
    assert resolve("They met in January.", "2026-11-30", planned=False) == "2026-01-01"
