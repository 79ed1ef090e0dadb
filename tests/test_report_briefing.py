"""Briefings: content, escaping of data, and the HTML page rendered in headless Chromium."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from analytics_fixtures import article, fill, make_event
from click.testing import CliRunner

from realpolitik import report
from realpolitik.analytics import Scope
from realpolitik.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
PAYLOAD = "<script>alert(1)</script>"
DYAD = Scope(source="CHN", target="IRN", since="2025-01-01", until="2025-06-30")


@pytest.fixture
def filled(store):
    fill(store)
    # A hostile article: script in the title, the publisher and the evidence, and a javascript: URL.
    a = article(f"Beijing pledged {PAYLOAD} support to Tehran.", "2025-06-25", f"Evil {PAYLOAD} Press",
                title=PAYLOAD, url="javascript:alert(2)")
    store.save([(a, [make_event(a, "CHN", "IRN", "AGREE", 2.5, "diplomatic_backing", factuality="planned")],
                 "rules.v1")])
    return store


def test_dyad_briefing_answers_the_questions(filled):
    b = report.build_briefing(filled, DYAD)
    assert b["mode"] == "dyad" and b["profile"][0]["channel"] == "arms_transfer"
    assert any("military cooperation" in s["description"] for s in b["shifts"])
    assert b["pressure"][0]["source"] == "ISR"  # ASSAULT 9.0 outweighs USA's THREATEN 3.5
    assert {r["unit"] for r in b["stability"]} >= {"CHN", "IRN", "middle_east", "gulf"}
    assert b["certainty"]["claims"] == 2.0  # E6 reported + the planned pledge
    assert all(e["title"] for e in b["evidence"])


def test_html_escapes_everything_from_the_data(filled):
    html = report.render(filled, DYAD, "html")
    assert "<script" not in html.lower()  # the page has no script at all, and none gets in
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html  # a non-http URL is shown as text, never linked
    assert not re.search(r"<(link|img|iframe)\b", html) and "http://" not in html.replace(
        "http://www.w3.org/2000/svg", "")  # nothing loaded from outside


def test_markdown_escapes_everything_from_the_data(filled):
    md = report.render(filled, DYAD, "md")
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert md.startswith("# CHN → IRN") and "**claim: planned**" in md


@pytest.mark.parametrize("scope", [Scope(country="IRN"), Scope(region="middle_east", since="2025-01-01")])
def test_country_and_region_briefings_render(filled, scope):
    html = report.render(filled, scope, "html")
    assert html.count("<svg") >= 3 and "Regional stability" in html


def test_cli_report_writes_a_file(filled, tmp_path, db_path):
    filled.close()
    out = tmp_path / "brief.md"
    r = CliRunner().invoke(main, ["report", "--db", db_path, "--region", "gulf", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("# Persian Gulf")
    r = CliRunner().invoke(main, ["report", "--db", db_path, "--source", "CHN"])
    assert r.exit_code != 0 and "--target" in r.output


def test_cli_report_out_dash_is_standard_output(filled, tmp_path, db_path, monkeypatch):
    filled.close()
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["report", "--db", db_path, "--region", "gulf", "--format", "md", "--out", "-"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("# Persian Gulf") and not (tmp_path / "-").exists()


def _browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api")
    return sync_api.sync_playwright()


@pytest.mark.browser
@pytest.mark.parametrize("name,scope", [("dyad", DYAD), ("region", Scope(region="middle_east"))])
def test_briefing_in_headless_chromium(filled, tmp_path, name, scope):
    page_file = tmp_path / f"brief_{name}.html"
    report.write_report(filled, scope, page_file)
    with _browser() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            problems, dialogs, requests = [], [], []
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            assert page.locator("svg.chart").count() >= 3
            assert page.locator("svg.chart polyline.series, svg.chart rect.bar").count() >= 2
            if name == "dyad":  # the hostile pledge is among the dyad's quoted evidence, shown as text
                assert page.get_by_text(PAYLOAD, exact=False).count() >= 1
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"report_{name}.png"), full_page=True)
        finally:
            browser.close()
    assert problems == [] and dialogs == []
    assert all(u.startswith(("file:", "data:")) for u in requests), requests


@pytest.mark.slow
def test_briefings_on_the_sample_corpus(tmp_path):
    import json

    from realpolitik.pipeline import ingest
    from realpolitik.store import EventFilter, open_store

    examples = ROOT / "examples"
    manifest = json.loads((examples / "manifest.json").read_text(encoding="utf-8"))  # the corpus is in the repo
    with open_store(str(tmp_path / "ex.duckdb")) as store:
        report_ = ingest([str(examples)], store)
        # every sample article is read; one of them is an exact copy (the manifest's 47 entries, 46 articles)
        assert (report_.read, report_.new_articles, report_.errors) == (len(manifest), len(manifest) - 1, [])
        # a regression to zero events must fail: every article was written to report China-Iran or regional
        # events (measured: events in 46 of 46 articles, 42 of them CHN->IRN)
        coded = {r["article_id"] for r in store._fetch("SELECT DISTINCT article_id FROM events")}
        assert len(coded) == report_.new_articles
        assert store.count_events(EventFilter(source="CHN", target="IRN")) > 0
        for scope in (Scope(source="CHN", target="IRN"), Scope(country="IRN"), Scope(region="middle_east")):
            html = report.render(store, scope, "html")
            assert html.count("<svg") >= 3 and "Key evidence" in html
        b = report.build_briefing(store, Scope(source="CHN", target="IRN"))
        assert b["profile"] and b["evidence"]


def test_country_briefing_shows_the_countrys_own_acts(filled):
    b = report.build_briefing(filled, Scope(country="USA"))
    acts = {r["target"]: r for r in b["acts"]}
    assert set(acts) == {"ISR", "IRN"}
    assert acts["ISR"]["cooperation"] == 10.0 and acts["ISR"]["conflict"] == 0.0  # E10 AID
    assert acts["IRN"]["conflict"] == 3.5 and acts["IRN"]["types"] == "THREATEN 1"  # E8
    assert b["summary"][0].startswith("USA acted towards 2 states")
    md = report.render(filled, Scope(country="USA"), "md")
    assert "## What USA did" in md and "Washington warned Tehran" in md
