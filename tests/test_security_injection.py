"""Hostile filter values through every EventFilter field, CLI option and API parameter: empty, tables intact."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.model import Article, Event, Span, event_id_for
from realpolitik.store import EventFilter, open_store

HOSTILE = [
    "' OR 1=1 --",
    "\"; DROP TABLE events; --",
    "') OR ('a'='a",
    "CHN' UNION SELECT * FROM articles --",
    "%", "_", "%%", "\\", "\\%", "C%", "CH_",
    "*", "'", "\"", ";", "--", "/*", "\x00", "\u202e\u0645\u0635\u0631", "中国' OR ''='",
    "😀" * 50,
    "A" * 10_000,
]
TEXT_FIELDS = ["source", "target", "type", "channel", "front", "factuality", "article_id", "coder", "q"]


def _event(art: Article, source: str, target: str, type_: str, channel: str | None, fronts: tuple[str, ...]) -> Event:
    eid = event_id_for(art.id, 0, source, target, type_, None, 0, "rules.v1")
    return Event(id=eid, article_id=art.id, sentence_index=0, source=source, target=target, type=type_,
                 quad="material_cooperation", intensity=5.0, channel=channel, fronts=fronts, factuality="asserted",
                 confidence=0.8, evidence=Span(0, len(art.text), art.text), date=art.published,
                 source_text=source, target_text=target, coder="rules", coder_version="1")


def fill(store, payload: str = "") -> None:
    """Three events: CHN->IRN AID, CHNGOV->IRN AID, USA->ISR THREATEN (payload goes into text and titles)."""
    rows = []
    for i, (s, t, ty, ch, fr) in enumerate([("CHN", "IRN", "AID", "arms_transfer", ("military",)),
                                            ("CHNGOV", "IRN", "AID", "arms_transfer", ("military",)),
                                            ("USA", "ISR", "THREATEN", None, ())]):
        art = Article.from_text(f"Officials in {s} acted toward {t}, report {i}. {payload}", published=f"2025-0{i + 1}-15",
                                title=f"Report {i} {payload}", publisher=f"Wire {payload}", source=f"test:{i}")
        rows.append((art, [_event(art, s, t, ty, ch, fr)], "rules.v1"))
    store.save(rows)


@pytest.fixture
def filled(tmp_path: Path):
    db = str(tmp_path / "s.duckdb")
    with open_store(db) as s:
        fill(s)
    return db


def _intact(store) -> tuple[int, int, int]:
    st = store.stats()
    tables = {r["table_name"] for r in store.query("SELECT table_name FROM information_schema.tables")}
    assert {"events", "articles", "coding_runs", "article_sources"} <= tables
    return st["articles"], st["events"], len(tables)


def test_positive_controls_find_events(filled):
    with open_store(filled, read_only=True) as s:
        assert len(s.events(EventFilter(source="CHN"))) == 2  # prefix match
        assert len(s.events(EventFilter(q="report 1"))) == 1
        assert len(s.events(EventFilter(front="military"))) == 2


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_hostile_values_in_each_event_filter_field(filled, field: str):
    with open_store(filled) as s:
        before = _intact(s)
        for val in HOSTILE:
            flt = EventFilter(**{field: val})
            assert s.events(flt) == [], (field, val)
            assert s.count_events(flt) == 0
        assert _intact(s) == before


def test_hostile_dates_sort_limit_and_extra(filled):
    with open_store(filled) as s:
        before = _intact(s)
        for val in HOSTILE:
            for field in ("since", "until"):
                with pytest.raises(ValueError):
                    s.events(EventFilter(**{field: val}))
            # An unknown sort column falls back to date: never interpolated.
            assert len(s.events(EventFilter(sort=val, descending=True))) == 3
            with pytest.raises(ValueError):
                s.events(EventFilter(extra={"corroboration": val}))
            assert len(s.events(EventFilter(extra={val: "x"}))) == 3  # unknown extra filters are ignored
            assert s.articles(q=val) == []
            assert s.get_article(val) is None and s.coded_article_ids(val) == set()
        with pytest.raises((TypeError, ValueError)):
            s.events(EventFilter(limit="1; DROP TABLE events"))  # type: ignore[arg-type]
        assert _intact(s) == before


def test_like_wildcards_match_literally(tmp_path: Path):
    with open_store(str(tmp_path / "w.duckdb")) as s:
        fill(s, payload="Growth was 5% in Q_1 (a\\b).")
        assert len(s.events(EventFilter(q="5%"))) == 3 and s.events(EventFilter(q="6%")) == []
        assert len(s.events(EventFilter(q="q_1"))) == 3 and s.events(EventFilter(q="q11")) == []
        assert len(s.events(EventFilter(q="a\\b"))) == 3 and s.events(EventFilter(q="a\\c")) == []
        assert len(s.articles(q="5%")) == 3 and s.articles(q="5_") == []


CLI_TEXT_OPTIONS = ["--source", "--target", "--channel", "--front", "--q"]


@pytest.mark.parametrize("command", ["events", "export"])
def test_cli_filter_options_with_hostile_values(filled, command: str):
    runner = CliRunner()
    fmt = ["--format", "jsonl"]
    assert len(runner.invoke(main, [command, "--db", filled, *fmt, "--source", "CHN"]).output.splitlines()) == 2
    for opt in CLI_TEXT_OPTIONS:
        for val in HOSTILE:
            if val == "\x00":
                continue  # a NUL cannot be passed in argv
            r = runner.invoke(main, [command, "--db", filled, *fmt, opt, val])
            assert r.exit_code == 0 and r.output.strip() == "", (opt, val, r.output, r.exception)
    for opt in ("--since", "--until"):
        for val in HOSTILE[:6]:
            r = runner.invoke(main, [command, "--db", filled, *fmt, opt, val])
            assert r.exit_code == 2 and "YYYY-MM-DD" in r.output, (opt, val, r.output)
    for val in HOSTILE[:6]:
        r = runner.invoke(main, [command, "--db", filled, *fmt, "--factuality", val])
        assert r.exit_code == 2  # a choice: refused by click
        r = runner.invoke(main, [command, "--db", filled, *fmt, "--type", val])
        assert r.exit_code == 2 and "not a PLOVER event type" in r.output  # checked against the ontology
    with open_store(filled, read_only=True) as s:
        assert _intact(s)[:2] == (3, 3)


def test_cli_other_commands_with_hostile_values(filled):
    runner = CliRunner()
    for val in HOSTILE[:12]:
        r = runner.invoke(main, ["clusters", "--db", filled, "--source", val, "--target", val, "--json"])
        assert r.exit_code == 0 and r.output.strip() == "", (val, r.output, r.exception)
        r = runner.invoke(main, ["events", "--db", filled, "--corroboration", val])
        assert r.exit_code != 0 and "Traceback" not in r.output and not _crashed(r), (val, r.output, r.exception)
        for cmd in ("series", "profile", "network", "stability", "shifts"):
            r = runner.invoke(main, [cmd, "--db", filled, "--source", val, "--target", "IRN", "--json"])
            assert not _crashed(r), (cmd, val, r.output, r.exception)
            r = runner.invoke(main, [cmd, "--db", filled, "--country", val, "--json"])
            assert not _crashed(r), (cmd, val, r.output, r.exception)
        r = runner.invoke(main, ["actors", "lookup", val])
        assert not _crashed(r), (val, r.exception)
    with open_store(filled, read_only=True) as s:
        assert _intact(s)[:2] == (3, 3)


def _crashed(r) -> bool:
    """An uncaught exception (a traceback for the user), as opposed to a clean exit with a message."""
    return r.exception is not None and not isinstance(r.exception, SystemExit)


def _client(db: str):
    pytest.importorskip("realpolitik.web.app", reason="the web app is not built yet")
    from fastapi.testclient import TestClient

    from realpolitik.web.app import create_app

    return TestClient(create_app(db), base_url="http://127.0.0.1")


def test_api_query_parameters_with_hostile_values(filled):
    with _client(filled) as c:
        assert c.get("/api/events", params={"source": "CHN"}).json()["total"] == 2
        for name in ("source", "target", "type", "channel", "front", "factuality", "q", "article_id", "corroboration"):
            for val in HOSTILE:
                r = c.get("/api/events", params={name: val})
                assert r.status_code in (200, 400, 422), (name, val, r.status_code, r.text[:200])
                if r.status_code == 200:
                    assert r.json()["total"] == 0 and r.json()["events"] == [], (name, val)
        for path in ("/api/events/{}", "/api/articles/{}"):
            for val in HOSTILE[:12]:
                r = c.get(path.format(val.replace("/", "%2F")))
                assert r.status_code in (404, 400, 422), (path, val, r.status_code)
        for val in HOSTILE:
            for params in ({"since": val}, {"sort": val}, {"limit": val}, {"corroboration": val}):
                r = c.get("/api/events", params=params)
                assert r.status_code in (400, 422), (params, r.status_code, r.text[:200])
            r = c.get("/api/articles", params={"q": val})
            assert r.status_code in (200, 422) and (r.status_code == 422 or r.json()["articles"] == [])
        assert c.get("/api/stats").json()["events"] == 3


# -- script payloads in HTML outputs (cross-check of the web and report escaping) ------------------------

PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def _payload_store(tmp_path: Path) -> str:
    db = str(tmp_path / "p.duckdb")
    with open_store(db) as s:
        art = Article.from_text(f"Officials in Beijing promised drones to Tehran. {PAYLOAD}", published="2025-03-03",
                                title=f"Drones {PAYLOAD}", publisher=f"Wire {PAYLOAD}", url="javascript:alert(1)")
        ev = dataclasses.replace(_event(art, "CHN", "IRN", "AID", "arms_transfer", ("military",)),
                                 source_text=f"Beijing {PAYLOAD}", target_text=f"Tehran {PAYLOAD}",
                                 attributed_to=f"officials {PAYLOAD}")
        s.save([(art, [ev], "rules.v1")])
    return db


def _no_raw_script(html: str) -> None:
    low = html.lower()
    assert "<script>alert" not in low
    assert "<img src=x" not in low
    assert 'href="javascript:' not in low


def test_report_html_escapes_script_payloads(tmp_path: Path):
    pytest.importorskip("realpolitik.report", reason="the report module is not built yet")
    from realpolitik import report
    from realpolitik.analytics import Scope

    db = _payload_store(tmp_path)
    with open_store(db, read_only=True) as s:
        for scope in (Scope(source="CHN", target="IRN"), Scope(country="IRN")):
            html = report.render(s, scope, "html")
            assert "drones" in html.lower()
            _no_raw_script(html)
            json.dumps(report.briefing_dict(s, scope))


def test_dashboard_pages_escape_script_payloads(tmp_path: Path):
    db = _payload_store(tmp_path)
    with open_store(db, read_only=True) as s:
        (art,) = list(s.iter_articles())
    with _client(db) as c:
        pages = ["/", "/dyads/CHN/IRN", f"/articles/{art.id}", "/search?q=drones", "/network",
                 f"/search?q={PAYLOAD}"]
        for page in pages:
            r = c.get(page)
            assert r.status_code == 200, (page, r.status_code)
            _no_raw_script(r.text)
        assert "&lt;script&gt;" in c.get(f"/articles/{art.id}").text
