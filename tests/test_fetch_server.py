"""A real local HTTP server (http.server on 127.0.0.1, port 0) for the fetch, watch and alert tests.

Other test modules import `LocalServer`, `serve` and `rss` from here; the tests at the end check
the server itself.
"""
from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Iterator
from urllib.request import urlopen


@dataclass
class Route:
    """What the server answers on one path; an ETag is derived from the body unless `etag=False`."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: bool = True
    last_modified: str | None = None
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    delay: float = 0.0  # seconds to wait before answering


class LocalServer:
    """Routes by path; records every request (method, path, headers, body)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[dict] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _answer(self, method: str) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                server.requests.append({"method": method, "path": self.path, "headers": dict(self.headers),
                                        "body": body})
                route = server.routes.get(self.path)
                if route is not None and route.delay:
                    time.sleep(route.delay)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                tag = '"' + hashlib.sha1(route.body).hexdigest()[:12] + '"' if route.etag else None
                if tag and self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.end_headers()
                    return
                if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if tag:
                    self.send_header("ETag", tag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)

            def do_GET(self) -> None:
                self._answer("GET")

            def do_POST(self) -> None:
                self._answer("POST")

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def posts(self, path: str) -> list[dict]:
        """The JSON bodies POSTed to a path."""
        return [json.loads(r["body"]) for r in self.requests if r["method"] == "POST" and r["path"] == path]


@contextlib.contextmanager
def serve() -> Iterator[LocalServer]:
    """A running LocalServer, shut down afterwards."""
    s = LocalServer()
    s.thread.start()
    try:
        yield s
    finally:
        s.httpd.shutdown()
        s.httpd.server_close()


def rss(title: str, items: list[tuple[str, ...]]) -> bytes:
    """An RSS 2.0 feed from (guid, title, description, pubDate[, link]) tuples."""
    parts = [f"<item><guid>{it[0]}</guid><title>{it[1]}</title><description>{it[2]}</description>"
             f"<pubDate>{it[3]}</pubDate><link>{it[4] if len(it) > 4 else 'http://example.invalid/' + it[0]}</link></item>"
             for it in items]
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.invalid/</link><description>test feed</description>{''.join(parts)}"
            "</channel></rss>").encode("utf-8")


def test_server_answers_and_honours_etag():
    with serve() as s:
        s.routes["/a"] = Route(b"hello")
        with urlopen(s.url("/a")) as r:
            assert r.read() == b"hello" and r.headers["ETag"]


def test_server_records_posts():
    import urllib.request

    with serve() as s:
        s.routes["/hook"] = Route(b"ok", "text/plain")
        req = urllib.request.Request(s.url("/hook"), data=b'{"x": 1}', headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req).read()
        assert s.posts("/hook") == [{"x": 1}]
