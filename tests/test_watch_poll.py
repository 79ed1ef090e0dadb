"""Watching feeds and pages on a local server: only new items, conditional requests, restarts."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from realpolitik import pipeline
from realpolitik.options import Options
from realpolitik.store import open_store
from realpolitik.live.watch import parse_interval, poll_source, watch
from test_fetch_server import Route, rss, serve

ITEMS = [
    ("w1", "Drones delivered", "China delivered a batch of attack drones to Iran on Monday, officials said.",
     "Mon, 03 Mar 2025 08:00:00 GMT"),
    ("w2", "Border talks", "Delegations from India and Nepal met in Kathmandu to discuss the border on Monday.",
     "Mon, 03 Mar 2025 09:00:00 GMT"),
    ("w3", "Harvest", "Farmers in the valley began the grape harvest early after a warm spring this year.",
     "Mon, 03 Mar 2025 10:00:00 GMT"),
]
NEW = ("w4", "Strike", "Israeli aircraft struck targets near Damascus on Tuesday, killing four people.",
       "Tue, 04 Mar 2025 08:00:00 GMT")
OPEN = Options(allow_private=True, code=False)


def counts(store) -> tuple[int, int]:
    s = store.stats()
    return s["articles"], store.query("SELECT COUNT(*) AS n FROM watch_items")[0]["n"]


def test_only_new_items_are_taken_and_304_skips_work(store):
    with serve() as s:
        s.routes["/feed"] = Route(rss("Wire", ITEMS), "application/rss+xml")
        first = poll_source(store, s.url("/feed"), OPEN)
        assert (first.status, first.new_items, first.new_articles) == ("new", 3, 3)
        again = poll_source(store, s.url("/feed"), OPEN)
        assert again.status == "not_modified"
        assert s.requests[-1]["headers"].get("If-None-Match")
        s.routes["/feed"] = Route(rss("Wire", [NEW] + ITEMS), "application/rss+xml")
        third = poll_source(store, s.url("/feed"), OPEN)
        assert (third.status, third.fetched, third.new_items, third.new_articles) == ("new", 4, 1, 1)
    assert counts(store) == (4, 4)


def test_restart_loses_nothing_and_doubles_nothing(db_path):
    with serve() as s:
        s.routes["/feed"] = Route(rss("Wire", ITEMS), "application/rss+xml", etag=False)
        with open_store(db_path) as st:
            watch([s.url("/feed")], st, OPEN.with_(code=True), once=True)
            first = st.stats()
        s.routes["/feed"] = Route(rss("Wire", [NEW] + ITEMS), "application/rss+xml", etag=False)
        for _ in range(2):  # two restarts: the second finds nothing new
            with open_store(db_path) as st:
                watch([s.url("/feed")], st, OPEN.with_(code=True), once=True)
        with open_store(db_path) as st:
            after = st.stats()
            assert (first["articles"], after["articles"], after["duplicates"]) == (3, 4, 0)
            assert first["events"] >= 1 and after["events"] > first["events"]
            ids = [r["id"] for r in st.query("SELECT id FROM events")]
            assert len(ids) == len(set(ids))
            assert st.query("SELECT COUNT(*) AS n FROM coding_runs")[0]["n"] == 4


def test_a_failed_poll_commits_nothing_and_is_retried(store):
    calls = []

    def broken_once(st, ids, options):
        calls.append(ids)
        if len(calls) == 1:
            raise RuntimeError("disk full (simulated)")

    pipeline.AFTER_SAVE.append(broken_once)
    try:
        with serve() as s:
            s.routes["/feed"] = Route(rss("Wire", ITEMS), "application/rss+xml")
            seen = []
            watch([s.url("/feed")], store, OPEN, once=True, on_poll=seen.append)
            assert seen[0].status == "error" and "disk full" in seen[0].errors[0]
            assert counts(store) == (0, 0)
            assert store.query("SELECT COUNT(*) AS n FROM watch_sources")[0]["n"] == 0
            watch([s.url("/feed")], store, OPEN, once=True, on_poll=seen.append)
            assert seen[1].new_articles == 3 and counts(store) == (3, 3)
    finally:
        pipeline.AFTER_SAVE.remove(broken_once)


def test_pages_are_new_only_when_their_text_changes(store):
    page = "<html><body><article><h1>{t}</h1><p>{b}</p></article></body></html>"
    body = ("The foreign ministers of two neighbouring states met on Thursday and agreed to reopen a border "
            "crossing closed since the winter, their offices said in a joint statement after the meeting.")
    with serve() as s:
        s.routes["/news"] = Route(page.format(t="Crossing to reopen", b=body).encode(), etag=False)
        assert poll_source(store, s.url("/news"), OPEN).new_articles == 1
        assert poll_source(store, s.url("/news"), OPEN).status == "unchanged"
        s.routes["/news"] = Route(page.format(t="Crossing to reopen", b=body + " Trucks will pass first.").encode(),
                                  etag=False)
        assert poll_source(store, s.url("/news"), OPEN).new_articles == 1
    assert counts(store) == (2, 2)


def test_refused_source_is_reported_not_fatal(store):
    with serve() as s:
        s.routes["/feed"] = Route(rss("Wire", ITEMS), "application/rss+xml")
        r = poll_source(store, s.url("/feed"), Options(code=False))
        assert r.status == "error" and "loopback" in r.errors[0]
    assert store.query("SELECT last_error FROM watch_sources")[0]["last_error"].startswith("refused")


def test_max_polls_and_interval_parsing(store):
    with serve() as s:
        s.routes["/feed"] = Route(rss("Wire", ITEMS), "application/rss+xml")
        summary = watch([s.url("/feed")], store, OPEN, every=0.05, max_polls=3)
        assert summary.polls == 3 and summary.new_articles == 3
    assert parse_interval("15m") == 900 and parse_interval("30s") == 30 and parse_interval("2h") == 7200
    with pytest.raises(ValueError):
        parse_interval("soon")


def test_cli_watch_once_twice(db_path):
    from realpolitik.cli import main

    with serve() as s:
        s.routes["/feed"] = Route(rss("Wire", ITEMS), "application/rss+xml")
        args = ["watch", s.url("/feed"), "--db", db_path, "--once", "--allow-private", "--no-code"]
        r1 = CliRunner().invoke(main, args)
        r2 = CliRunner().invoke(main, args)
        assert r1.exit_code == 0 and "3 new articles" in r1.output, r1.output
        assert r2.exit_code == 0 and "not_modified" in r2.output, r2.output
        r3 = CliRunner().invoke(main, ["watch", "feeds.txt", "--db", db_path, "--once"])
        assert r3.exit_code != 0 and "http(s) URL" in r3.output


def test_follow_links_fetches_the_page_behind_a_teaser(store):
    page = ("<html><body><nav>Menu</nav><article><h1>Ports deal</h1><p>Port authorities of two neighbouring "
            "countries signed an agreement on Wednesday to share customs data and to run joint inspections of "
            "container ships, officials from both sides said after the signing ceremony.</p></article></body></html>")
    with serve() as s:
        s.routes["/story"] = Route(page.encode())
        s.routes["/feed"] = Route(rss("Wire", [("t1", "Ports deal", "Two ports agree.", "Wed, 05 Mar 2025 08:00:00 GMT",
                                                 s.url("/story"))]), "application/rss+xml")
        # The linked page is on a private address: only an explicit --allow-host lets it be followed.
        only = Options(code=False).with_settings({"fetching.follow_links": True,
                                                  "fetching.allow_hosts": [f"127.0.0.1:{s.port}"]})
        r = poll_source(store, s.url("/feed"), only)
    assert r.new_articles == 1
    art = store.query("SELECT text, title, published FROM articles")[0]
    assert "joint inspections" in art["text"] and str(art["published"]) == "2025-03-05"
    assert store.query("SELECT item_id FROM watch_items")[0]["item_id"] == "t1"


def test_follow_links_never_reaches_private_pages_through_allow_private(store):
    with serve() as s:
        s.routes["/admin"] = Route(b"<html><body><article><p>" + b"Internal admin page text. " * 20 + b"</p></article></body></html>")
        s.routes["/feed"] = Route(rss("Wire", [("t1", "Ports deal", "Two ports agree on customs.",
                                                 "Wed, 05 Mar 2025 08:00:00 GMT", s.url("/admin"))]), "application/rss+xml")
        r = poll_source(store, s.url("/feed"), OPEN.with_settings({"fetching.follow_links": True}))
        paths = [q["path"] for q in s.requests]
    assert r.new_articles == 1 and paths == ["/feed"]  # the link was refused before any connection
    assert store.query("SELECT text FROM articles")[0]["text"] == "Ports deal.\n\nTwo ports agree on customs."


def test_store_is_free_for_other_processes_between_rounds(db_path):
    import subprocess
    import sys
    import threading

    polled = threading.Event()
    with serve() as s:
        s.routes["/feed"] = Route(rss("Wire", ITEMS), "application/rss+xml")
        t = threading.Thread(target=watch, args=([s.url("/feed")], db_path, OPEN),
                             kwargs={"every": 30, "max_polls": 2, "on_poll": lambda r: polled.set(),
                                     "stop": (stop := threading.Event())})
        t.start()
        try:
            assert polled.wait(60)
            # The round closes the store just after its last poll; retry briefly, well inside the 30 s wait.
            code = ("import sys, time\nfrom realpolitik.store import StoreError, open_store\n"
                    "for _ in range(40):\n    try:\n        st = open_store(sys.argv[1])\n        break\n"
                    "    except StoreError:\n        time.sleep(0.25)\nprint(st.stats()['articles'])\nst.close()\n")
            other = subprocess.run([sys.executable, "-c", code, db_path], capture_output=True, text=True, timeout=120)
        finally:
            stop.set()
            t.join(60)
    assert other.returncode == 0 and other.stdout.strip() == "3", other.stderr
