"""Load test of the HTTP API: N concurrent clients against a real `realpolitik serve` on 127.0.0.1.

    python benchmarks/load_api.py [--db FILE] [--clients 8] [--requests 2000] [--json]

Without --db it ingests examples/ into a temporary DuckDB first (the coder runs, so that takes
about a minute). The server runs in its own process, so clients and server do not share a GIL.
Prints p50/p95/p99 latency, requests per second and errors (exit status 1 when any request failed).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_db(path: Path) -> None:
    """Ingest and code examples/ into `path`."""
    subprocess.run([sys.executable, "-m", "realpolitik.cli", "ingest", str(ROOT / "examples"), "--db", str(path),
                    "--no-progress"], check=True, cwd=ROOT)


def start_server(db: Path, port: int) -> subprocess.Popen:
    """`realpolitik serve` in a child process, once it answers."""
    proc = subprocess.Popen([sys.executable, "-m", "realpolitik.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def url_mix(base: str) -> list[str]:
    """The request mix: list and filter events, one event, articles, dyads, stats and one analytics view."""
    ev = httpx.get(base + "/api/events", params={"limit": 5}).json()["events"]
    arts = httpx.get(base + "/api/articles", params={"limit": 5}).json()["articles"]
    top = httpx.get(base + "/api/dyads", params={"limit": 1}).json()["dyads"]
    src, tgt = (top[0]["source"], top[0]["target"]) if top else ("CHN", "IRN")
    mix = ["/api/events?limit=50", f"/api/events?source={src}&target={tgt}&limit=20", "/api/events?q=oil&limit=20",
           "/api/events?type=AID&sort=-confidence&limit=20", "/api/articles?limit=20", "/api/dyads?limit=20",
           "/api/stats", f"/api/profile?source={src}&target={tgt}"]
    mix += [f"/api/events/{e['id']}" for e in ev[:2]] + [f"/api/articles/{a['id']}" for a in arts[:2]]
    return [base + u for u in mix]


def run(base: str, clients: int, requests: int) -> dict:
    """Fire `requests` requests from `clients` threads; latencies and failures."""
    urls = url_mix(base)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        with httpx.Client(timeout=60) as c:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                url = urls[i % len(urls)]
                t0 = time.perf_counter()
                try:
                    r = c.get(url)
                    ok = r.status_code == 200
                    why = f"{r.status_code} {url}"
                except httpx.HTTPError as exc:
                    ok, why = False, f"{type(exc).__name__} {url}"
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    if not ok:
                        errors.append(why)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100)
    return {"clients": clients, "requests": len(latencies), "seconds": round(wall, 2),
            "requests_per_s": round(len(latencies) / wall, 1), "p50_ms": round(q[49] * 1000, 1),
            "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1),
            "max_ms": round(max(latencies) * 1000, 1), "errors": len(errors), "first_errors": errors[:5],
            "endpoints": len(urls), "cpus": os.cpu_count()}


def main() -> None:
    """Parse arguments, start the server, run the load, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="A store to serve (default: examples/ ingested into a temporary file).")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "load.duckdb"
            build_db(db)
        port = free_port()
        server = start_server(db, port)
        try:
            res = run(f"http://127.0.0.1:{port}", args.clients, args.requests)
        finally:
            server.terminate()
            server.wait(timeout=30)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(f"{res['requests']} requests from {res['clients']} clients over {res['endpoints']} endpoints in "
              f"{res['seconds']} s: {res['requests_per_s']} requests/s; latency p50 {res['p50_ms']} ms, "
              f"p95 {res['p95_ms']} ms, p99 {res['p99_ms']} ms, max {res['max_ms']} ms; errors {res['errors']}")
        for e in res["first_errors"]:
            print("  error:", e)
    sys.exit(1 if res["errors"] else 0)


if __name__ == "__main__":
    main()
