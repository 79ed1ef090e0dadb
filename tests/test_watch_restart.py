"""`realpolitik watch` as a real process: stopped by SIGTERM or killed by SIGKILL, then restarted."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

from realpolitik.store import open_store
from test_fetch_server import Route, rss, serve


def feed(n: int) -> bytes:
    return rss("Wire", [(f"g{i}", f"Story {i}", f"Item number {i}: delegates from two capitals met again for round "
                        f"{i} of talks on trade and fishing rights.", "Mon, 03 Mar 2025 08:00:00 GMT")
                       for i in range(n)])


def command(urls: list[str], db: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "realpolitik.cli", "watch", *urls, "--db", db, "--allow-private", "--no-code", *extra]


def start(urls: list[str], db: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(command(urls, db, *extra), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_for_line(proc: subprocess.Popen, needle: str, timeout: float = 120) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if needle in line:
            return line
        if not line and proc.poll() is not None:
            break
    raise AssertionError(f"no {needle!r} from the watch process")


def check(db: str, n: int) -> None:
    with open_store(db) as st:
        s = st.stats()
        items = st.query("SELECT COUNT(*) AS n, COUNT(DISTINCT article_id) AS a FROM watch_items")[0]
        assert (s["articles"], s["duplicates"], items["n"], items["a"]) == (n, 0, n, n)


def test_sigterm_stops_cleanly_and_restart_takes_only_new_items(db_path):
    with serve() as s:
        s.routes["/feed"] = Route(feed(3), "application/rss+xml")
        proc = start([s.url("/feed")], db_path, "--every", "1s")
        wait_for_line(proc, "3 new articles")
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0 and "rounds:" in out
        s.routes["/feed"] = Route(feed(5), "application/rss+xml")
        done = subprocess.run(command([s.url("/feed")], db_path, "--once"), capture_output=True, text=True, timeout=180)
        assert "2 new articles" in done.stdout, done.stdout + done.stderr
    check(db_path, 5)


def test_sigkill_mid_run_loses_and_doubles_nothing(db_path):
    with serve() as s:
        s.routes["/a"] = Route(feed(150), "application/rss+xml")
        s.routes["/b"] = Route(feed(150).replace(b"<guid>g", b"<guid>b").replace(b"Item number", b"Entry"),
                               "application/rss+xml")
        urls = [s.url("/a"), s.url("/b")]
        proc = start(urls, db_path, "--once")
        wait_for_line(proc, "/a:")  # the first source is committed; the kill lands during the second
        proc.kill()
        proc.wait(timeout=60)
        done = subprocess.run(command(urls, db_path, "--once"), capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
    check(db_path, 300)
