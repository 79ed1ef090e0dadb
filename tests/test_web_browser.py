"""The dashboard in a real browser (Playwright + Debian's chromium) against a real server."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from webserver import build_store, make_server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt install chromium)")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("webui") / "ui.duckdb"
    ids = build_store(str(db))
    with make_server(db) as srv:
        yield {"url": srv.url, "ids": ids}


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page recording console errors, page errors, dialogs and every request's host."""
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.problems, pg.hosts, pg.dialogs = [], set(), []
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("request", lambda r: pg.hosts.add(urlsplit(r.url).hostname or r.url.split(":", 1)[0]))

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    ctx.close()


def pages(site):
    arts = site["ids"]["articles"]
    return {"index": "/", "dyad": "/dyads/CHN/IRN", "network": "/network", "article": f"/articles/{arts[1]}",
            "search": "/search?q=accord", "docs": "/docs", "script-article": f"/articles/{arts[3]}",
            "event": f"/events/{site['ids']['events'][0]}", "country": "/countries/IRN",
            "region": "/regions/middle_east", "filtered": "/?type=AID&factuality=asserted"}


def test_every_page_loads_cleanly_and_offline(site, page):
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in pages(site).items():
        resp = page.goto(site["url"] + path)
        page.wait_for_load_state("networkidle")
        assert resp.status == 200, name
        page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)
    assert page.problems == []
    assert page.hosts <= {"127.0.0.1"}, page.hosts  # nothing from a CDN or any other host


@pytest.mark.parametrize("path", ["/", "/dyads/CHN/IRN", "/network"])
def test_charts_render_as_svg(site, page, path):
    page.goto(site["url"] + path)
    charts = page.locator("svg.chart")
    assert charts.count() >= 1
    assert charts.first.bounding_box()["width"] > 200
    assert page.locator("svg.chart rect, svg.chart circle").count() > 0


def test_clicking_a_dyad_opens_its_page(site, page):
    page.goto(site["url"] + "/")
    page.locator("a.dyad", has_text="CHN China → IRN Iran").click()
    page.wait_for_url("**/dyads/CHN/IRN")
    assert page.locator("h1").inner_text() == "CHN → IRN"
    assert page.locator("li.event").count() == 3


def test_script_in_article_is_shown_as_text(site, page):
    page.goto(site["url"] + pages(site)["script-article"])
    page.wait_for_load_state("networkidle")
    assert page.dialogs == []
    assert "<script>alert(1)</script>" in page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert page.locator("#article-text script").count() == 0
    assert page.locator("#article-text mark.ev").count() >= 1


def test_keyboard_skip_link_search_key_and_event_links(site, page):
    page.goto(site["url"] + pages(site)["article"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-q"
    # An event's link takes the reader to its evidence in the text, which lights up.
    link = page.locator("li.event a").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('mark.ev.lit').length > 0")
    assert page.problems == []


def test_readable_on_a_phone(site, browser):
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True)
    pg = ctx.new_page()
    try:
        for name, path in pages(site).items():
            pg.goto(site["url"] + path)
            overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, (name, overflow)
            if name in ("index", "dyad", "event", "country", "region"):
                pg.screenshot(path=str(ARTIFACTS / f"web-{name}-phone.png"), full_page=True)
        pg.goto(site["url"] + "/")
        # chart labels keep a legible size: the figure scrolls sideways instead of shrinking them
        label = pg.evaluate("document.querySelector('svg.chart:not(.map) text').getBoundingClientRect().height")
        assert label >= 9, label
    finally:
        ctx.close()


def _shown_ids(page) -> list[str]:
    return page.eval_on_selector_all("li.event[data-event]", "els => els.map(e => e.dataset.event)")


def test_filters_narrow_the_events_and_keep_them_in_the_url(site, page):
    page.goto(site["url"] + "/")
    assert page.locator("li.event").count() == 5
    page.select_option("form.filters select[name=type]", "AID")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*type=AID*")
    assert page.locator("li.event").count() == 2
    assert page.locator(".pager-info").inner_text().startswith("Showing 1–2 of 2")
    # another filter on top: the asserted delivery only, which happened in Tehran
    page.select_option("form.filters select[name=factuality]", "asserted")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**factuality=asserted*")
    assert _shown_ids(page) == [site["ids"]["events"][0]]
    assert "Tehran" in page.locator("li.event .place").inner_text()
    # the dyad page takes the same filters
    page.goto(site["url"] + "/dyads/CHN/IRN?since=2026-02-01&until=2026-02-28")
    assert page.locator("li.event").count() == 1 and "accord" in page.locator("li.event blockquote").inner_text()
    page.goto(site["url"] + "/?country=UKR")
    assert page.locator("li.event").count() == 1 and "Kharkiv" in page.locator("li.event").inner_text()
    assert page.problems == []


def test_map_marker_leads_to_the_event_and_its_evidence(site, page):
    page.goto(site["url"] + "/")
    markers = page.locator("svg.map a")
    assert markers.count() == 3  # Tehran, Shanghai, Kharkiv
    page.locator("svg.map a[aria-label^='Kharkiv']").click()
    page.wait_for_url("**/events/*")
    assert page.locator("h1").inner_text() == "ASSAULT: RUS Russia → UKR Ukraine"
    assert page.locator("#where").inner_text().startswith("Kharkiv")
    assert "shelled positions near Kharkiv" in page.locator("#evidence").inner_text()
    # from the event to its place in the article
    page.locator("a", has_text="show in the article").click()
    page.wait_for_url("**/articles/*")
    page.wait_for_function("document.querySelectorAll('mark.ev.lit').length > 0")
    ARTIFACTS.mkdir(exist_ok=True)
    assert page.problems == []


def test_csv_download_is_what_the_page_shows(site, page, tmp_path):
    import csv

    page.goto(site["url"] + "/?country=IRN")
    shown = _shown_ids(page)
    assert len(shown) == 4  # the Kharkiv shelling involves neither IRN as a party nor as a place
    with page.expect_download() as dl:
        page.click("#dl-csv")
    path = tmp_path / "events.csv"
    dl.value.save_as(path)
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == shown
    assert {r["location_name"] for r in rows} == {"Tehran", "Shanghai", ""}
    # the briefing of a dyad downloads as a file with its map
    page.goto(site["url"] + "/dyads/CHN/IRN")
    with page.expect_download() as dl:
        page.click("#dl-briefing")
    html = dl.value.path().read_text(encoding="utf-8")
    assert "Where it happened" in html and "svg class='chart map'" in html


def test_country_and_region_pages(site, page):
    page.goto(site["url"] + "/countries/UKR")
    assert page.locator("h1").inner_text() == "UKR Ukraine"
    assert page.locator("li.event").count() == 1
    assert page.locator("svg.map path.lit").count() == 1
    page.goto(site["url"] + "/regions/middle_east")
    assert page.locator("h1").inner_text() == "Middle East"
    assert page.locator("li.event").count() == 4
    page.locator(".members a", has_text="IRN Iran").click()
    page.wait_for_url("**/countries/IRN")
    assert page.problems == []
