"""Dashboard filters, paging, the event, country and region pages and the downloads, over real HTTP."""
from __future__ import annotations

import csv
import io

import httpx
import pytest

from webserver import build_store, make_server


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("explore") / "x.duckdb"
    ids = build_store(str(db))
    with make_server(db) as srv:
        yield {"url": srv.url, "ids": ids, "db": db}


def get(site, path, **params):
    return httpx.get(site["url"] + path, params=params, timeout=30)


def _csv_ids(resp) -> list[str]:
    return [r["id"] for r in csv.DictReader(io.StringIO(resp.text))]


def test_paging_and_page_download_follow_the_same_filters(site, monkeypatch):
    from realpolitik.web import filters

    monkeypatch.setattr(filters, "PAGE_SIZE", 2)  # five events: pages of 2, 2 and 1
    first, third = get(site, "/"), get(site, "/", page="3")
    assert "Showing 1–2 of 5" in first.text and 'rel="next" href="/?page=2"' in first.text
    assert "Showing 5–5 of 5" in third.text and "Page 3 of 3" in third.text and 'rel="next"' not in third.text
    # page 2 of the newest-first list, as CSV: exactly those two events
    page2 = get(site, "/download/events.csv", page="2", limit="page")
    every = get(site, "/download/events.csv")
    assert page2.headers["content-disposition"] == 'attachment; filename="realpolitik-events.csv"'
    assert _csv_ids(page2) == _csv_ids(every)[2:4] and len(_csv_ids(every)) == 5
    # filters narrow both the page and its download
    aid = get(site, "/download/events.csv", type="AID")
    assert len(_csv_ids(aid)) == 2 and "Showing 1–2 of 2" in get(site, "/", type="AID").text


def test_parquet_download_is_the_filtered_table(site):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from realpolitik.store import EventFilter, open_store

    got = pq.read_table(pa.BufferReader(get(site, "/download/events.parquet", country="UKR").content)).to_pylist()
    with open_store(str(site["db"]), read_only=True) as s:
        want = s.events_table(EventFilter(countries=("UKR",), sort="date", descending=True)).to_pylist()
    assert got == want and [r["location_name"] for r in got] == ["Kharkiv"]


@pytest.mark.parametrize("params, message", [
    ({"since": "2026-13-01"}, "since='2026-13-01': expected a YYYY-MM-DD date"),
    ({"country": "Iran"}, "country='Iran': expected a 3-letter ISO code such as IRN"),
    ({"type": "HUG"}, "type='HUG': expected one of AGREE"),
    ({"factuality": "maybe"}, "factuality='maybe': expected one of asserted"),
    ({"min_confidence": "2"}, "min_confidence='2': expected a number from 0 to 1"),
    ({"page": "0"}, "page='0': expected a page number from 1"),
])
def test_malformed_filters_are_a_400_naming_them(site, params, message):
    r = get(site, "/", **params)
    assert r.status_code == 400 and message.replace("'", "&#39;") in r.text
    assert get(site, "/download/events.csv", **params).status_code == 400


def test_event_country_and_region_pages(site):
    ev = get(site, f"/events/{site['ids']['events'][0]}")
    assert ev.status_code == 200 and '<span class="type">AID</span>: CHN China → IRN Iran' in ev.text and "Tehran" in ev.text
    assert get(site, "/events/enope").status_code == 404
    ukr = get(site, "/countries/UKR")
    assert "UKR Ukraine" in ukr.text and "Showing 1–1 of 1" in ukr.text and ">Clear<" not in ukr.text
    assert get(site, "/countries/XYZ").status_code == 404
    me = get(site, "/regions/middle_east", type="AGREE")
    assert "Showing 1–1 of 1" in me.text and ">Clear<" in me.text
    assert get(site, "/regions/atlantis").status_code == 404


def test_briefing_downloads(site):
    dyad = get(site, "/download/briefing.html", source="CHN", target="IRN")
    assert dyad.status_code == 200 and 'filename="briefing-CHN-IRN.html"' in dyad.headers["content-disposition"]
    assert "Where it happened" in dyad.text and "<circle" in dyad.text
    country = get(site, "/download/briefing.md", country="IRN")
    assert country.status_code == 200 and country.headers["content-type"].startswith("text/markdown")
    assert get(site, "/download/briefing.html", source="CHN").status_code == 400  # a dyad needs both sides
