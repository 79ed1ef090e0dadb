"""The HTTP API against a real uvicorn server on 127.0.0.1 over a hand-made DuckDB store."""
from __future__ import annotations

import httpx
import pytest

from webserver import ARTICLES, SCRIPT_TEXT, build_store, make_server


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(base URL, ids, writer token, db path) of a live server."""
    from realpolitik.store import open_store
    from realpolitik.store.tokens import create_token

    db = tmp_path_factory.mktemp("web") / "api.duckdb"
    ids = build_store(str(db))
    with open_store(str(db)) as store:
        writer = create_token(store, "writer")
    with make_server(db) as srv:
        yield {"url": srv.url, "ids": ids, "writer": writer, "db": db}


def get(site, path, **params):
    return httpx.get(site["url"] + path, params=params, timeout=30)


def test_events_filter_and_paginate(site):
    everything = get(site, "/api/events").json()
    assert everything["total"] == sum(len(a[4]) for a in ARTICLES) == len(everything["events"])
    chn = get(site, "/api/events", source="chn").json()
    assert chn["total"] == 3 and all(e["source"].startswith("CHN") for e in chn["events"])
    page1 = get(site, "/api/events", limit=2, offset=0, sort="date").json()
    page2 = get(site, "/api/events", limit=2, offset=2, sort="date").json()
    assert page1["total"] == page2["total"] == 5
    full = get(site, "/api/events", sort="date").json()["events"]
    assert [e["id"] for e in page1["events"] + page2["events"]] == [e["id"] for e in full[:4]]
    assert get(site, "/api/events", type="ASSAULT", factuality="reported").json()["total"] == 1
    assert get(site, "/api/events", since="2026-02-01", until="2026-02-28").json()["total"] == 2
    assert get(site, "/api/events", q="RADAR").json()["total"] == 1
    assert get(site, "/api/events", min_confidence=0.8).json()["total"] == 5  # the fixtures are all at 0.8
    assert get(site, "/api/events", min_confidence=0.81).json()["total"] == 0
    assert get(site, "/api/events", min_confidence=2).status_code == 422
    assert get(site, "/api/events", front="military", channel="arms_transfer").json()["total"] == 2


def test_events_sorted_newest_first_by_default(site):
    dates = [e["date"] for e in get(site, "/api/events").json()["events"]]
    assert dates == sorted(dates, reverse=True)


def test_event_has_evidence_and_article(site):
    eid = site["ids"]["events"][0]
    ev = get(site, f"/api/events/{eid}").json()
    assert ev["evidence"]["text"] == "Beijing delivered radar components to Tehran on Friday."
    assert ev["evidence"]["trigger"]["text"] == "delivered"
    assert ev["article"]["title"] == "Radar parts reach Tehran"
    assert ev["article"]["text"][ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]


def test_unknown_ids_are_json_404(site):
    for path in ("/api/events/e000", "/api/articles/a000"):
        r = get(site, path)
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
        assert "error" in r.json()


def test_articles_list_and_detail(site):
    lst = get(site, "/api/articles", limit=2).json()
    assert lst["total"] == 4 and len(lst["articles"]) == 2 and "text" not in lst["articles"][0]
    assert lst["articles"][0]["published"] == "2026-03-20"  # newest first
    art = get(site, f"/api/articles/{site['ids']['articles'][1]}").json()
    assert [e["type"] for e in art["events"]] == ["AGREE", "ACCUSE"]  # in text order
    assert art["sources"][0]["source"] == "test:Grain-for-oil accord signed"


def test_dyads_count_directions(site):
    d = get(site, "/api/dyads").json()["dyads"]
    assert d[0] == {**d[0], "source": "CHN", "target": "IRN", "events": 3, "cooperation": 3, "conflict": 0}
    assert {(x["source"], x["target"]) for x in d} == {("CHN", "IRN"), ("IRN", "USA"), ("RUS", "UKR")}


def test_stats(site):
    s = get(site, "/api/stats").json()
    assert s["articles"] == 4 and s["events"] == 5 and s["events_by_type"]["AID"] == 2


@pytest.mark.parametrize("path", ["/api/series", "/api/profile", "/api/network", "/api/shifts", "/api/stability"])
def test_analytics_endpoints(site, path):
    r = get(site, path, source="CHN", target="IRN")
    assert r.status_code == 200, r.text
    assert r.json()["scope"]["source"] == "CHN"


def test_profile_names_strongest_evidence(site):
    summary = get(site, "/api/profile", source="CHN", target="IRN").json()["summary"]
    military = [c for c in summary if c["front"] == "military"]
    assert military and military[0]["best_evidence"].startswith("Beijing delivered")  # asserted beats reported


def test_bad_scope_is_400(site):
    r = get(site, "/api/series", region="atlantis")
    assert r.status_code == 400 and "atlantis" in r.json()["error"]


def test_validation_errors_are_json(site):
    for params in ({"limit": 0}, {"limit": 5000}, {"since": "yesterday"}, {"sort": "payload"}, {"factuality": "rumour"}):
        r = get(site, "/api/events", **params)
        assert r.status_code == 422 and r.json()["error"], params


def test_openapi_and_local_docs(site):
    spec = get(site, "/openapi.json").json()
    assert {"/api/events", "/api/ingest", "/api/recode", "/api/network"} <= set(spec["paths"])
    docs = get(site, "/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower() and "src=\"http" not in docs.text and "href=\"http" not in docs.text
    assert get(site, "/redoc").status_code == 404


def test_cors_is_off_by_default(site):
    r = httpx.get(site["url"] + "/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = httpx.options(site["url"] + "/api/ingest", headers={"Origin": "https://elsewhere.example",
                                                              "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers


def test_ingest_text_codes_and_stores(site):
    auth = {"Authorization": f"Bearer {site['writer']}"}
    text = "Moscow sent fighter jets to Pyongyang on Thursday, the defence ministry said."
    r = httpx.post(site["url"] + "/api/ingest", json={"text": text, "title": "Jets", "date": "2026-04-02"},
                   headers=auth, timeout=120)
    assert r.status_code == 201, r.text
    aid = r.json()["articles"][0]
    art = get(site, f"/api/articles/{aid}").json()
    assert art["title"] == "Jets" and art["published"] == "2026-04-02"
    again = httpx.post(site["url"] + "/api/ingest", json={"text": text}, headers=auth, timeout=120)
    assert again.status_code == 200 and again.json()["new_articles"] == 0


def test_ingest_needs_text_or_http_url(site):
    auth = {"Authorization": f"Bearer {site['writer']}"}
    for body in ({}, {"url": "file:///etc/passwd"}, {"url": "/etc/passwd"}, {"text": "x", "extra": 1}):
        r = httpx.post(site["url"] + "/api/ingest", json=body, headers=auth, timeout=30)
        assert r.status_code == 422, body
    # A URL on this very machine is refused by the safe-fetch rules.
    r = httpx.post(site["url"] + "/api/ingest", json={"url": site["url"] + "/api/stats"}, headers=auth, timeout=30)
    assert r.status_code == 422 and "error" in r.json()


def test_recode_with_writer(site):
    r = httpx.post(site["url"] + "/api/recode", json={"force": False}, headers={"Authorization": f"Bearer {site['writer']}"},
                   timeout=300)
    assert r.status_code == 200, r.text
    assert r.json()["read"] >= 4


def test_script_article_is_json_data(site):
    art = get(site, f"/api/articles/{site['ids']['articles'][3]}").json()
    assert art["text"] == SCRIPT_TEXT  # the API returns the text as data, unchanged


@pytest.mark.postgres
def test_serves_a_postgres_store(pg_db):
    from realpolitik.store import open_store
    from realpolitik.store.tokens import create_token

    ids = build_store(pg_db)
    with open_store(pg_db) as store:
        writer = create_token(store, "writer")
    with make_server(pg_db) as srv:
        assert httpx.get(srv.url + "/api/events", params={"source": "CHN"}).json()["total"] == 3
        assert httpx.get(f"{srv.url}/api/events/{ids['events'][0]}").json()["article"]["title"] == "Radar parts reach Tehran"
        r = httpx.post(srv.url + "/api/recode", json={}, headers={"Authorization": f"Bearer {writer}"}, timeout=300)
        assert r.status_code == 200, r.text
