"""The sample corpus in examples/ parses, matches its manifest, and has what other tests rely on."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import feedparser
import pytest
from defusedxml import ElementTree

from realpolitik.ingest import IngestError, RawItem, read_inputs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MANIFEST = json.loads((EXAMPLES / "manifest.json").read_text(encoding="utf-8"))
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
FACTUALITY = {"asserted", "reported", "planned", "hypothetical", "denied", "question"}


@pytest.fixture(scope="module")
def ingested() -> dict[str, RawItem]:
    """Every item of examples/ as the project's ingest reads it, keyed by its `where`."""
    out = list(read_inputs([str(EXAMPLES)]))
    assert [e for e in out if isinstance(e, IngestError)] == []
    return {i.where.split("examples/", 1)[-1]: i for i in out if isinstance(i, RawItem)}


def _where(entry: dict) -> str:
    return entry["file"] + (f"#{entry['id']}" if entry["id"] else "")


def test_structured_files_parse():
    rows = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text().splitlines() if line.strip()]
    with open(EXAMPLES / "articles.csv", newline="", encoding="utf-8") as fh:
        crow = list(csv.DictReader(fh))
    fields = {"id", "title", "text", "date", "url", "publisher"}
    assert all(set(r) == fields for r in rows + crow) and len(rows) >= 5 and len(crow) >= 5
    for name, version in (("sample_rss.xml", "rss20"), ("sample_atom.xml", "atom10")):
        ElementTree.parse(EXAMPLES / "feeds" / name)
        feed = feedparser.parse(str(EXAMPLES / "feeds" / name))
        assert not feed.bozo and feed.version == version and 3 <= len(feed.entries) <= 4
        assert all(e.id and e.link.startswith("http://127.0.0.1/") and e.summary for e in feed.entries)


def test_manifest_covers_every_item_with_valid_events(ingested):
    assert sorted(_where(e) for e in MANIFEST) == sorted(ingested)
    for e in MANIFEST:
        assert e["expected"], e["key"]
        for ev in e["expected"]:
            assert ev["type"] in TYPES and ev["factuality"] in FACTUALITY
            assert re.fullmatch(r"[A-Z]{3}[A-Z0-9]*", ev["source"])


def test_cues_titles_and_dates_survive_ingest(ingested):
    for e in MANIFEST:
        art = ingested[_where(e)].article
        assert art.title == e["title"] and str(art.published)[:10] == e["date"]
        full = f"{art.title}\n{art.text}"
        missing = [ev["cue"] for ev in e["expected"] if ev["cue"] not in full]
        assert missing == [], e["key"]


def test_corpus_breadth():
    originals = [e for e in MANIFEST if e["kind"] == "original"]
    assert {ev["type"] for e in originals for ev in e["expected"]} == TYPES
    assert {ev["factuality"] for e in originals for ev in e["expected"]} == FACTUALITY
    dates = sorted(dt.date.fromisoformat(e["date"]) for e in MANIFEST)
    assert (dates[-1] - dates[0]).days >= 18 * 30
    assert 30 <= sum(e["format"] not in ("rss", "atom") for e in originals) <= 40


def test_duplicates_are_where_the_manifest_says(ingested):
    keyed = {e["key"]: e for e in MANIFEST}
    kinds = Counter(e["kind"] for e in MANIFEST)
    assert kinds["exact_duplicate"] == 1 and kinds["near_duplicate"] >= 2
    for e in MANIFEST:
        if e["kind"] == "original":
            continue
        copy = ingested[_where(e)].article.text
        orig = ingested[_where(keyed[e["duplicate_of"]])].article.text
        assert (copy == orig) == (e["kind"] == "exact_duplicate")


def test_xss_probe_is_in_an_article_body(ingested):
    assert sum("<script>alert(1)</script>" in i.article.text for i in ingested.values()) == 1


def test_html_boilerplate_decoys_outside_the_article_are_removed(ingested):
    for e in MANIFEST:
        for d in e.get("boilerplate_decoys", []):
            if d["where"] == "outside-article":
                assert d["text"] not in ingested[_where(e)].article.text, (e["key"], d["text"])
