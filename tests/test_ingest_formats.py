"""Each input format becomes articles with their metadata; bad items give one clear error each."""
from __future__ import annotations

import io
import json
from pathlib import Path

from realpolitik.ingest import IngestError, RawItem, read_inputs
from realpolitik.ingest.files import read_stdin
from realpolitik.options import Options


def _items(*paths):
    out = list(read_inputs([str(p) for p in paths]))
    return [i for i in out if isinstance(i, RawItem)], [e for e in out if isinstance(e, IngestError)]


def test_text_file_with_header(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("Ministers meet\nDate: 2025-03-01\nPublisher: The Ledger\n\nThe foreign ministers met in Oslo.")
    (item,), errors = _items(f)
    assert errors == []
    assert (item.article.title, item.article.published, item.article.publisher) == ("Ministers meet", "2025-03-01", "The Ledger")
    assert item.article.text == "The foreign ministers met in Oslo."


def test_html_removes_boilerplate(tmp_path: Path):
    f = tmp_path / "p.html"
    body = " ".join(["The envoy arrived in the capital for two days of talks on grain exports."] * 3)
    f.write_text(f"""<html><head><title>Envoy in talks</title>
    <meta property="article:published_time" content="2025-06-07"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    <div class="ad">Buy cheap flights now!</div><article><h1>Envoy in talks</h1><p>{body}</p>
    <p>Officials said a second round would follow next month.</p></article>
    <footer>Copyright 2025 Example Media. All rights reserved.</footer></body></html>""")
    (item,), _ = _items(f)
    assert "grain exports" in item.article.text
    assert "cheap flights" not in item.article.text and "All rights reserved" not in item.article.text
    assert item.article.published == "2025-06-07" and item.article.title == "Envoy in talks"


def test_jsonl_bad_line_is_reported_and_rest_ingested(tmp_path: Path):
    f = tmp_path / "r.jsonl"
    f.write_text(json.dumps({"id": "1", "text": "Chile recalled its ambassador.", "date": "2025-02-03"}) + "\n"
                 "{not json\n" + json.dumps({"id": "3", "text": ""}) + "\n")
    items, errors = _items(f)
    assert [i.article.external_id for i in items] == ["1"]
    assert [e.where for e in errors] == [f"{f}:2", f"{f}:3"]
    assert "malformed JSON" in errors[0].message and "text" in errors[1].message


def test_csv_extra_columns_and_custom_field_names(tmp_path: Path):
    f = tmp_path / "r.csv"
    f.write_text('uid,body,when\n7,"Peru and Chile signed a fisheries accord.",2025-09-09\n8,"x",2025-01-01,surplus\n')
    out = list(read_inputs([str(f)], Options(fields={**Options().fields, "id": "uid", "text": "body", "date": "when"})))
    items = [i for i in out if isinstance(i, RawItem)]
    errors = [e for e in out if isinstance(e, IngestError)]
    assert items[0].article.published == "2025-09-09" and items[0].article.external_id == "7"
    assert len(errors) == 1 and "more fields" in errors[0].message


def test_csv_without_text_column(tmp_path: Path):
    f = tmp_path / "r.csv"
    f.write_text("a,b\n1,2\n")
    items, errors = _items(f)
    assert items == [] and "no 'text' column" in errors[0].message


def test_directory_recursion_and_bad_files(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("Kenya hosted the summit.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    items, errors = _items(tmp_path, tmp_path / "missing.txt")
    assert [i.article.text for i in items] == ["Kenya hosted the summit."]
    assert sorted(e.message.split(" (")[0] for e in errors) == ["binary file", "empty file", "no such file or directory"]


def test_encodings(tmp_path: Path):
    (tmp_path / "l1.txt").write_bytes("Café talks in Bogotá resumed.".encode("latin-1"))
    (tmp_path / "u16.txt").write_bytes("Talks in Zürich resumed.".encode("utf-16"))
    items, errors = _items(tmp_path)
    assert errors == []
    assert sorted(i.article.text for i in items) == ["Café talks in Bogotá resumed.", "Talks in Zürich resumed."]


def test_stdin_jsonl_and_text():
    class Fake(io.StringIO):
        pass
    js = list(read_stdin(Fake('{"id": "a", "text": "Oman mediated."}\n'), Options()))
    tx = list(read_stdin(Fake("Oman mediated between the two sides."), Options()))
    assert js[0].article.external_id == "a" and tx[0].article.text.startswith("Oman")


def test_feed_file(tmp_path: Path):
    f = tmp_path / "f.xml"
    f.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><guid>g1</guid><title>Talks open</title><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>
    <description>Delegations from Ghana and Togo opened border talks.</description></item></channel></rss>""")
    (item,), errors = _items(f)
    assert item.article.publisher == "Wire" and item.article.published == "2025-03-03"
    assert "Ghana and Togo" in item.article.text


def test_feed_with_entity_bomb_is_refused(tmp_path: Path):
    f = tmp_path / "bomb.xml"
    f.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                 "<rss><channel><item><description>&b;</description></item></channel></rss>")
    items, errors = _items(f)
    assert items == [] and "entities" in errors[0].message
