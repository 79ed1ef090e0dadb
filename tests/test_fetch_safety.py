"""Safe fetching against a real local HTTP server: address checks, redirects, size, type, time."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from realpolitik.ingest.base import IngestError, RawItem
from realpolitik.ingest.web import FetchError, fetch, read_url, resolve
from realpolitik.options import Options
from test_fetch_server import Route, rss, serve

PAGE = ("<html><head><title>Harbour deal signed</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Harbour deal signed</h1><p>Ministers from two coastal states signed an agreement on Friday "
        "to share a deep-water harbour, officials said after a long night of talks in the port city.</p>"
        "<p>The accord lets naval supply ships of both countries refuel at the harbour and sets up a joint "
        "committee to manage the berths for the next ten years.</p></article>"
        "<footer>Subscribe now! Advertisement</footer></body></html>").encode()
OPEN = Options(allow_private=True)


def only_this(server) -> Options:
    """Options that let through the test server alone, keeping every other private address refused."""
    return Options().with_settings({"fetching.allow_hosts": [f"127.0.0.1:{server.port}"]})


def test_loopback_refused_without_allow_private_with_a_clear_message():
    with serve() as s:
        s.routes["/p"] = Route(PAGE)
        with pytest.raises(FetchError) as err:
            fetch(s.url("/p"), Options())
        assert s.url("/p") in str(err.value) and "loopback" in str(err.value) and "--allow-private" in str(err.value)
        assert s.requests == []  # refused before any connection
        assert fetch(s.url("/p"), OPEN).content == PAGE


@pytest.mark.parametrize("addr,why", [("10.1.2.3", "private"), ("192.168.0.7", "private"), ("169.254.169.254", "link-local"),
                                      ("224.0.0.1", "multicast"), ("0.0.0.0", "unspecified"), ("[::1]", "loopback"),
                                      ("240.0.0.1", "reserved")])
def test_non_public_addresses_refused(addr, why):
    with pytest.raises(FetchError, match=why):
        resolve(f"http://{addr}/x")


def test_names_are_checked_by_their_dns_answers():
    with pytest.raises(FetchError, match="localhost resolves to 127.0.0.1, a loopback"):
        resolve("http://localhost:9/feed")


def test_redirect_to_private_address_refused_after_the_hop():
    with serve() as s:
        s.routes["/go"] = Route(b"", status=302, headers={"Location": "http://10.20.30.40/admin"})
        with pytest.raises(FetchError, match="10.20.30.40 is a private address"):
            fetch(s.url("/go"), only_this(s))
        s.routes["/go2"] = Route(b"", status=301, headers={"Location": f"http://localhost:{s.port}/p"})
        with pytest.raises(FetchError, match="loopback"):
            fetch(s.url("/go2"), only_this(s))


def test_redirects_followed_and_limited():
    with serve() as s:
        s.routes["/p"] = Route(PAGE)
        s.routes["/old"] = Route(b"", status=301, headers={"Location": "/p"})
        res = fetch(s.url("/old"), OPEN)
        assert res.final_url == s.url("/p") and res.redirects == (s.url("/old"),)
        s.routes["/loop"] = Route(b"", status=302, headers={"Location": "/loop"})
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetch(s.url("/loop"), OPEN)


def test_redirect_to_other_scheme_refused():
    with serve() as s:
        s.routes["/f"] = Route(b"", status=302, headers={"Location": "file:///etc/passwd"})
        with pytest.raises(FetchError, match="scheme 'file'"):
            fetch(s.url("/f"), OPEN)


def test_size_cap_by_header_and_while_streaming():
    big = b"<html><body>" + b"x" * 200_000 + b"</body></html>"
    opts = OPEN.with_settings({"fetching.max_bytes": 100_000})
    with serve() as s:
        s.routes["/big"] = Route(big)
        s.routes["/big-stream"] = Route(big, send_length=False)
        with pytest.raises(FetchError, match="200,026 bytes, over the limit of 100,000"):
            fetch(s.url("/big"), opts)
        with pytest.raises(FetchError, match="stopped reading"):
            fetch(s.url("/big-stream"), opts)


def test_wrong_content_type_refused():
    with serve() as s:
        s.routes["/img"] = Route(b"\x89PNG....", "image/png")
        with pytest.raises(FetchError, match="content type 'image/png'"):
            fetch(s.url("/img"), OPEN)


def test_slow_server_times_out():
    with serve() as s:
        s.routes["/slow"] = Route(PAGE, delay=1.5)
        with pytest.raises(FetchError, match="timed out"):
            fetch(s.url("/slow"), OPEN.with_settings({"fetching.timeout": 0.3}))


def test_http_errors_name_the_status():
    with serve() as s:
        with pytest.raises(FetchError, match="HTTP 404"):
            fetch(s.url("/missing"), OPEN)


def test_conditional_request_gets_304():
    with serve() as s:
        s.routes["/p"] = Route(PAGE)
        first = fetch(s.url("/p"), OPEN)
        again = fetch(s.url("/p"), OPEN, etag=first.etag)
        assert first.status == 200 and again.not_modified and again.content == b""


def test_read_url_page_and_feed():
    feed = rss("Coast Wire", [("g1", "Navies hold drill", "Two navies held a joint drill near the strait on Monday.",
                               "Mon, 03 Mar 2025 08:00:00 GMT"),
                              ("g2", "Talks resume", "Trade talks between the two capitals resumed on Tuesday.",
                               "Tue, 04 Mar 2025 08:00:00 GMT")])
    with serve() as s:
        s.routes["/p"] = Route(PAGE)
        s.routes["/feed"] = Route(feed, "application/rss+xml")
        page = list(read_url(s.url("/p"), OPEN))
        assert len(page) == 1 and isinstance(page[0], RawItem)
        assert "deep-water harbour" in page[0].article.text and "Subscribe" not in page[0].article.text
        items = list(read_url(s.url("/feed"), OPEN))
        assert [i.article.external_id for i in items] == ["g1", "g2"]
        assert items[0].article.published == "2025-03-03" and items[0].article.publisher == "Coast Wire"
        refused = list(read_url(s.url("/p"), Options()))
        assert isinstance(refused[0], IngestError) and "loopback" in refused[0].message


def test_cli_ingest_url(tmp_path):
    from realpolitik.cli import main
    from realpolitik.store import open_store

    db = str(tmp_path / "u.duckdb")
    with serve() as s:
        s.routes["/p"] = Route(PAGE)
        r = CliRunner().invoke(main, ["ingest", s.url("/p"), "--db", db, "--no-code"])
        assert r.exit_code == 1 and "loopback" in r.output
        r = CliRunner().invoke(main, ["ingest", s.url("/p"), "--db", db, "--no-code", "--allow-private"])
        assert r.exit_code == 0, r.output
    with open_store(db) as st:
        assert st.stats()["articles"] == 1
