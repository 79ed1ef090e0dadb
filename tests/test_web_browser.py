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
            "search": "/search?q=accord", "docs": "/docs", "script-article": f"/articles/{arts[3]}"}


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
    page.locator("a.dyad", has_text="CHN → IRN").click()
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
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    pg = ctx.new_page()
    try:
        for name, path in pages(site).items():
            pg.goto(site["url"] + path)
            overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, (name, overflow)
        pg.goto(site["url"] + "/dyads/CHN/IRN")
        pg.screenshot(path=str(ARTIFACTS / "web-dyad-phone.png"), full_page=True)
        pg.goto(site["url"] + "/")
        # chart labels keep a legible size: the figure scrolls sideways instead of shrinking them
        label = pg.evaluate("document.querySelector('svg.chart text').getBoundingClientRect().height")
        assert label >= 9, label
    finally:
        ctx.close()
