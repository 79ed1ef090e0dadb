"""Malformed URLs and Locations, IPv6 forms that hide a private IPv4 address, and the host/CIDR allow-list."""
from __future__ import annotations

import httpx
import pytest
from click.testing import CliRunner

from realpolitik.ingest import IngestError, RawItem, read_inputs
from realpolitik.ingest.web import FetchError, fetch, resolve
from realpolitik.options import Options
from test_fetch_server import Route, serve
from webserver import build_store, make_server

PAGE = (b"<html><body><article><p>Chile and Peru signed a fisheries agreement in Lima on Monday, the two "
        b"foreign ministries said in a joint statement after the talks.</p></article></body></html>")

MALFORMED = [("http://example.com:99999/", "Port out of range"),
             ("http://example.com:abc/", "Port could not be cast"),
             ("http://" + "a" * 70 + ".com/", "label empty or too long"),
             ("http://a..b/", "label empty or too long"),
             ("http://[::1/", "Invalid IPv6 URL"),
             ("http://\udcff.example/", "Invalid character")]


@pytest.mark.parametrize("url,why", MALFORMED)
def test_malformed_url_is_one_error_and_the_next_input_is_still_read(tmp_path, url, why):
    good = tmp_path / "ok.txt"
    good.write_text("Chile and Peru signed a fisheries agreement in Lima on Monday.")
    out = list(read_inputs([url, str(good)], Options()))
    assert [type(o) for o in out] == [IngestError, RawItem]
    assert out[0].where == url and out[0].message.startswith("malformed URL: ") and why in out[0].message


@pytest.mark.parametrize("location,why", [("http://127.0.0.1:99999/x", "Port out of range"),
                                          ("http://[::1/x", "Invalid"),
                                          ("http://" + "b" * 64 + ".example/", "label empty or too long")])
def test_malformed_redirect_location_is_a_fetch_error(location, why):
    with serve() as s:
        s.routes["/go"] = Route(b"", status=302, headers={"Location": location})
        with pytest.raises(FetchError) as err:
            fetch(s.url("/go"), Options().with_settings({"fetching.allow_hosts": [f"127.0.0.1:{s.port}"]}))
    assert why in str(err.value) and ("malformed URL" in str(err.value) or "Invalid URL in location" in str(err.value))


def test_location_httpx_cannot_send_is_a_fetch_error():
    # urljoin keeps "http:foo" as it is and httpx refuses to build a request for it (httpx.InvalidURL).
    with serve() as s:
        s.routes["/go"] = Route(b"", status=302, headers={"Location": "http:foo"})
        with pytest.raises(FetchError) as err:
            fetch(s.url("/go"), Options().with_settings({"fetching.allow_hosts": [f"127.0.0.1:{s.port}"]}))
        with pytest.raises(FetchError, match="malformed URL: Invalid non-printable ASCII"):
            fetch(s.url("/a\x01b"), Options().with_settings({"fetching.allow_hosts": [f"127.0.0.1:{s.port}"]}))
    assert err.value.reason == "malformed URL: For absolute URLs, path must be empty or begin with '/'"


def test_api_ingest_with_a_malformed_url_is_a_422_not_a_500(tmp_path):
    from realpolitik.store import open_store
    from realpolitik.store.tokens import create_token

    db = tmp_path / "w.duckdb"
    build_store(str(db))
    with open_store(str(db)) as st:
        writer = create_token(st, "writer")
    with make_server(db) as srv:
        answers = [httpx.post(srv.url + "/api/ingest", json={"url": u}, headers={"Authorization": f"Bearer {writer}"},
                              timeout=60) for u, _ in MALFORMED[:5]]
    assert [r.status_code for r in answers] == [422] * 5
    assert all("malformed URL" in r.text for r in answers), [r.text for r in answers]


@pytest.mark.parametrize("addr,inner", [("2002:7f00:1::", "127.0.0.1"), ("2002:a00:1::", "10.0.0.1"),
                                        ("2002:a9fe:a9fe::", "169.254.169.254"), ("64:ff9b::7f00:1", "127.0.0.1"),
                                        ("64:ff9b::c0a8:101", "192.168.1.1"),
                                        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1")])
def test_ipv6_forms_carrying_a_private_ipv4_are_refused(addr, inner):
    with pytest.raises(FetchError, match=f"IPv4 {inner} inside"):
        resolve(f"http://[{addr}]/x")


def test_public_ipv4_inside_6to4_is_still_public():
    assert resolve("http://[2002:808:808::]/x") == ["2002:808:808::"]


def test_allow_list_takes_hosts_and_cidrs_and_nothing_else():
    with pytest.raises(FetchError, match="private"):
        resolve("http://10.2.3.4/x")
    assert resolve("http://10.2.3.4/x", allow_hosts=["10.2.0.0/16"]) == ["10.2.3.4"]
    assert resolve("http://10.2.3.4:8080/x", allow_hosts=["10.2.3.4"]) == ["10.2.3.4"]
    assert resolve("http://10.2.3.4:8080/x", allow_hosts=["10.2.3.4:8080"]) == ["10.2.3.4"]
    for other in ("http://10.3.0.1/x", "http://192.168.1.1/x", "http://127.0.0.1/x"):
        with pytest.raises(FetchError, match="refused"):
            resolve(other, allow_hosts=["10.2.0.0/16"])
    with pytest.raises(FetchError, match="refused"):
        resolve("http://10.2.3.4:81/x", allow_hosts=["10.2.3.4:8080"])
    with pytest.raises(FetchError, match="loopback"):
        resolve("http://localhost:9/x", allow_hosts=["10.0.0.0/8"])
    assert resolve("http://localhost:9/x", allow_hosts=["localhost"])


def test_cli_allow_host_lets_one_local_server_through(tmp_path):
    from realpolitik.cli import main

    db = str(tmp_path / "a.duckdb")
    with serve() as s:
        s.routes["/p"] = Route(PAGE)
        refused = CliRunner().invoke(main, ["ingest", s.url("/p"), "--db", db, "--no-code", "--no-progress",
                                            "--allow-host", "10.0.0.0/8"])
        taken = CliRunner().invoke(main, ["ingest", s.url("/p"), "--db", db, "--no-code", "--no-progress",
                                          "--allow-host", "127.0.0.0/8"])
        bad = CliRunner().invoke(main, ["ingest", s.url("/p"), "--db", db, "--allow-host", "10.0.0.0/99"])
    assert refused.exit_code == 1 and "a loopback address" in refused.output
    assert taken.exit_code == 0 and "1 new" in taken.output, taken.output
    assert bad.exit_code == 2 and "expected HOST, HOST:PORT or a CIDR" in bad.output
