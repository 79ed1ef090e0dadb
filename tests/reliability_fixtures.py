"""A generated news corpus (our own template sentences) and helpers to run the CLI in a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STATES = ["China", "Iran", "Russia", "France", "Brazil", "India", "Turkey", "Egypt", "Japan", "Kenya",
          "Norway", "Chile", "Peru", "Ghana", "Oman", "Qatar"]
TEMPLATES = [
    "{a} pledged {n} armoured vehicles to {b} on {day}, the defence ministry said.",
    "{a} accused {b} of sponsoring a cyber attack on its power grid.",
    "The foreign minister of {a} met her counterpart from {b} in {city} to discuss trade.",
    "{a} imposed new sanctions on banks in {b} after the talks failed.",
    "Troops from {a} shelled positions held by {b} near the border, officials said.",
    "{a} signed a loan agreement worth {n} million dollars with {b}.",
    "{a} expelled {n} diplomats from {b}, citing espionage.",
    "{a} and {b} held joint naval exercises in the {sea} this week.",
]
CITIES = ["Geneva", "Doha", "Nairobi", "Lima", "Oslo", "Ankara"]
SEAS = ["Arabian Sea", "Baltic Sea", "Red Sea", "South China Sea"]


def article_text(i: int) -> str:
    """The i-th generated article: three sentences from the templates, distinct for every i."""
    out = []
    for k in range(3):
        a = STATES[(i + k) % len(STATES)]
        b = STATES[(i * 7 + 3 * k + 1) % len(STATES)]
        if a == b:
            b = STATES[(STATES.index(a) + 5) % len(STATES)]
        t = TEMPLATES[(i + 3 * k) % len(TEMPLATES)]
        out.append(t.format(a=a, b=b, n=10 + (i * 13 + k) % 90, day=f"{1 + i % 28} March",
                            city=CITIES[(i + k) % len(CITIES)], sea=SEAS[(i + k) % len(SEAS)]))
    return " ".join(out) + f" Report number {i}."


def write_corpus(path: Path, n: int = 300) -> Path:
    """A JSONL file of n generated articles, dated across 2025."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"r{i}", "title": f"Report {i}", "text": article_text(i),
                                 "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"}) + "\n")
    return path


def cli_cmd(*args: str) -> list[str]:
    """The argv running `realpolitik ARGS` with this interpreter."""
    return [sys.executable, "-m", "realpolitik.cli", *args]


def run_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `realpolitik ARGS` to the end and capture its output."""
    return subprocess.run(cli_cmd(*args), capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})


SNAPSHOT = {
    "articles": "SELECT id, external_id, title, published FROM articles",
    "sources": "SELECT article_id, source FROM article_sources",
    "runs": "SELECT article_id, coder, n_events FROM coding_runs",
    "events": "SELECT id, article_id, type, source, target, evidence_start, evidence_end FROM events",
}


def snapshot(db: str, queries: dict[str, str] | None = None) -> dict[str, object]:
    """What a store holds, by id: the sorted rows of each query (default: articles, article sources,
    coding runs and events)."""
    from realpolitik.store import open_store

    with open_store(db, read_only=True) as s:
        return {name: sorted(tuple(r.values()) for r in s.query(sql)) for name, sql in (queries or SNAPSHOT).items()}
