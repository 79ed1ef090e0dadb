"""Web security against a real server: tokens, injection through every parameter, escaping, limits, locks."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
from urllib.parse import quote
import pytest

from webserver import ARTICLES, build_store, make_server

ROOT = Path(__file__).resolve().parents[1]

INJECTIONS = ["' OR '1'='1", "'; DROP TABLE events; --", "CHN%' OR 1=1 --", "%", "_", "\\",
              "1 UNION SELECT payload FROM events", "<script>alert(1)</script>", "\x00", "漢字 é", "{{7*7}}"]
EVENT_PARAMS = ["source", "target", "type", "channel", "front", "factuality", "corroboration", "since", "until", "q",
                "article_id", "limit", "offset", "sort"]
SCOPE_PARAMS = ["source", "target", "country", "region", "since", "until", "freq", "factuality", "corroboration", "coder"]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A store with hand-made data and its tokens: {db, ids, writer, reader}."""
    from realpolitik.store import open_store
    from realpolitik.store.tokens import create_token

    db = tmp_path_factory.mktemp("websec") / "sec.duckdb"
    ids = build_store(str(db))
    with open_store(str(db)) as store:
        toks = {"writer": create_token(store, "writer"), "reader": create_token(store, "reader"),
                "revoked": create_token(store, "writer")}
    return {"db": db, "ids": ids, **toks}


@pytest.fixture(scope="module")
def open_site(base):
    with make_server(base["db"]) as srv:
        yield srv


@pytest.fixture(scope="module")
def strict_site(base, tmp_path_factory):
    db = tmp_path_factory.mktemp("websec2") / "strict.duckdb"
    shutil.copy(base["db"], db)
    with make_server(db, require_token=True, max_body_bytes=2048) as srv:
        yield srv


def bearer(tok: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tok}"}


def test_write_refused_without_valid_writer_token(open_site, base):
    url = open_site.url + "/api/ingest"
    body = {"text": "A short note."}
    r = httpx.post(url, json=body)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer" and "token" in r.json()["error"]
    assert httpx.post(url, json=body, headers=bearer("rp_000000000000_" + "x" * 43)).status_code == 401
    assert httpx.post(url, json=body, headers=bearer("garbage")).status_code == 401
    tampered = base["writer"][:-1] + ("A" if base["writer"][-1] != "A" else "B")
    assert httpx.post(url, json=body, headers=bearer(tampered)).status_code == 401
    r = httpx.post(url, json=body, headers=bearer(base["reader"]))
    assert r.status_code == 403 and "reader" in r.json()["error"]
    assert httpx.post(open_site.url + "/api/recode", json={}, headers=bearer(base["reader"])).status_code == 403


def test_revoked_token_is_refused(open_site, base):
    from realpolitik.store.tokens import revoke_token

    tid = base["revoked"].split("_")[1]
    with open_site.server.config.app.state.gate.writer() as store:
        assert revoke_token(store, tid)
    r = httpx.post(open_site.url + "/api/recode", json={}, headers=bearer(base["revoked"]))
    assert r.status_code == 401 and "revoked" in r.json()["error"]


def test_tokens_are_stored_hashed(open_site, base):
    from realpolitik.store.tokens import check_token

    with open_site.server.config.app.state.gate.reader() as store:
        rows = store.query("SELECT * FROM api_tokens")
        assert check_token(store, base["reader"]) == "reader" and check_token(store, base["writer"]) == "writer"
    dump = repr(rows)
    for tok in (base["writer"], base["reader"]):
        secret = tok.split("_", 2)[2]
        assert secret not in dump
        assert hashlib.sha256(secret.encode()).hexdigest() in dump


def _requests():
    """(path, params) for every parameter of every read endpoint and page, with each injection string."""
    for s in INJECTIONS:
        for p in EVENT_PARAMS:
            yield "/api/events", {p: s}
            yield "/api/dyads", {p: s}
        for p in ("q", "limit", "offset"):
            yield "/api/articles", {p: s}
        for endpoint in ("/api/series", "/api/profile", "/api/network", "/api/shifts", "/api/stability"):
            for p in SCOPE_PARAMS:
                yield endpoint, {p: s}
        for p in ("q", "source", "target", "type", "offset"):
            yield "/search", {p: s}
        for p in ("since", "until"):
            yield "/network", {p: s}
        quoted = quote(s, safe="")
        for path in ("/api/events/", "/api/articles/", "/articles/", "/dyads/CHN/", "/dyads/"):
            yield path + quoted + ("/IRN" if path == "/dyads/" else ""), {}


def test_injection_strings_never_break_anything(open_site):
    with httpx.Client(base_url=open_site.url, timeout=60) as c:
        before = c.get("/api/stats").json()
        for path, params in _requests():
            r = c.get(path, params=params)
            assert r.status_code in (200, 400, 404, 422), (path, params, r.status_code, r.text[:200])
            value = next(iter(params.values()), "")
            in_data = any(value in a[0] or value in a[1] for a in ARTICLES)  # a real match, not an injection
            if r.status_code == 200 and path in ("/api/events", "/api/articles") and not in_data \
                    and set(params) - {"limit", "offset", "sort"}:
                assert r.json()["total"] == 0, (path, params)
        after = c.get("/api/stats").json()
    assert (after["articles"], after["events"]) == (before["articles"], before["events"]) == (4, 5)


def test_html_escapes_article_title_publisher_and_query(open_site, base):
    html = httpx.get(f"{open_site.url}/articles/{base['ids']['articles'][3]}").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Gazette</b>" not in html and "&lt;b&gt;Gazette&lt;/b&gt;" in html
    page = httpx.get(open_site.url + "/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert" not in page and "&lt;script&gt;" in page


# Pages compute charts and indicators on first view; on two cores shared with three other test
# workers that takes several seconds, over httpx's 5 s default. Waiting longer costs nothing
# when the server is quick.
SLOW_OK = httpx.Timeout(120.0)


def test_pages_send_strict_security_headers(open_site):
    r = httpx.get(open_site.url + "/", timeout=SLOW_OK)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_foreign_host_header_is_refused(open_site):
    r = httpx.get(open_site.url + "/api/stats", headers={"Host": "rebind.example:80"})
    assert r.status_code == 400 and r.json()["error"] == "unexpected Host header"


def test_require_token_guards_reads(strict_site, base):
    r = httpx.get(strict_site.url + "/api/events")
    assert r.status_code == 401 and "error" in r.json()
    assert httpx.get(strict_site.url + "/").status_code == 401
    assert httpx.get(strict_site.url + "/api/events", headers=bearer(base["reader"])).json()["total"] == 5


def test_request_body_limit(strict_site, base):
    url = strict_site.url + "/api/ingest"
    r = httpx.post(url, json={"text": "x" * 5000}, headers=bearer(base["writer"]))
    assert r.status_code == 413 and "limit" in r.json()["error"]

    def chunks():  # no Content-Length: the limit is enforced while the body streams in
        for _ in range(10):
            yield b"x" * 1000

    r = httpx.post(url, content=chunks(), headers={**bearer(base["writer"]), "Content-Type": "application/json"})
    assert r.status_code == 413


def test_locked_database_gives_clear_503(base, tmp_path):
    db = tmp_path / "locked.duckdb"
    shutil.copy(base["db"], db)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with make_server(db, idle_release=0.2) as srv:
            r = httpx.get(srv.url + "/api/stats")
            assert r.status_code == 503 and "another process" in r.json()["error"] and r.headers["retry-after"]
            holder.kill()
            holder.wait()
            assert httpx.get(srv.url + "/api/stats").json()["events"] == 5  # the lock is gone: reads work again
    finally:
        holder.kill()
        holder.wait()


def test_idle_server_lets_another_process_write(base, tmp_path):
    db = tmp_path / "shared.duckdb"
    shutil.copy(base["db"], db)
    with make_server(db, idle_release=0.2) as srv:
        assert httpx.get(srv.url + "/api/stats").json()["articles"] == 4
        time.sleep(1.0)  # idle: the server lets the file go
        code = ("import sys; from realpolitik.store import open_store; from realpolitik.model import Article; "
                "s = open_store(sys.argv[1]); s.save([(Article.from_text('A note written by another process.'), None, '')]); s.close()")
        subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=120)
        assert httpx.get(srv.url + "/api/stats").json()["articles"] == 5  # and sees the new article


def test_sign_in_cookie_reads_but_never_writes(strict_site, base):
    url = strict_site.url
    assert httpx.post(url + "/login", data={"token": "rp_000000000000_" + "y" * 43}, timeout=SLOW_OK).status_code == 401
    r = httpx.post(url + "/login", data={"token": base["writer"]}, timeout=SLOW_OK)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    with httpx.Client(base_url=url, cookies=r.cookies, timeout=SLOW_OK) as c:
        assert c.get("/").status_code == 200
        assert c.get("/api/events").json()["total"] == 5
        assert c.post("/api/recode", json={}).status_code == 401  # a cookie is not a bearer token


def test_server_is_warm_before_its_first_request(base):
    # In a fresh process: once uvicorn reports started, the overview's imports are done, so the
    # first page is not the one that pays seconds of import time.
    code = ("import sys; sys.path.insert(0, 'tests')\n"
            "from webserver import make_server\n"
            f"with make_server({str(base['db'])!r}) as srv:\n"
            "    print('realpolitik.analytics' in sys.modules, 'pandas' in sys.modules)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                       cwd=ROOT)
    assert r.stdout.split() == ["True", "True"], r.stderr[-2000:]


class _Recording:
    """A real store that records every query a token check sends to it."""

    def __init__(self, store):
        self.store, self.calls = store, []

    def query(self, sql, params=()):
        self.calls.append((sql, tuple(params)))
        return self.store.query(sql, params)


def test_token_check_does_the_same_work_for_known_and_unknown_ids(tmp_path):
    # No timed assertion: the check sends the very same query, with the same parameter, whether the
    # id exists or not, so nothing about the ids can leak through its timing.
    from realpolitik.store import open_store
    from realpolitik.store.tokens import check_token, create_token

    with open_store(str(tmp_path / "t.duckdb")) as store:
        good = create_token(store, "writer")
        tid = good.split("_")[1]
        guess = "z" * 43
        known, unknown = _Recording(store), _Recording(store)
        assert check_token(known, f"rp_{tid}_{guess}") is None
        assert check_token(unknown, f"rp_{'0' * 12}_{guess}") is None
        assert known.calls == unknown.calls and len(known.calls) == 1
        assert tid not in repr(known.calls)
        assert check_token(store, good) == "writer"
        assert check_token(store, f"rp_{'0' * 12}_{good.split('_', 2)[2]}") is None  # right secret, wrong id
