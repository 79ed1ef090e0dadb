"""Hypothesis: every ingest parser returns articles or clear errors on arbitrary text and bytes, never raises."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from realpolitik.ingest import IngestError, RawItem, read_inputs
from realpolitik.ingest.dates import parse_date
from realpolitik.ingest.feeds import parse_feed
from realpolitik.ingest.files import DecodeError, decode, parse_text_document, read_jsonl_text, record_to_item
from realpolitik.ingest.html import extract_html
from realpolitik.options import Options

OPTS = Options(max_text_chars=5_000)
# 60 examples keep CI fast; RP_PROPERTY_EXAMPLES=2000 runs a deeper search.
FAST = settings(max_examples=int(os.environ.get("RP_PROPERTY_EXAMPLES", 60)), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Markup-ish fragments mixed with arbitrary text, so the parsers see near-valid input, not only noise.
MARKUP = st.sampled_from(["<", ">", "</", "<p>", "</p>", "<script>", "<![CDATA[", "]]>", "<!--", "-->", "&amp;",
                          "&#0;", "&#xD800;", "&lol;", "<!DOCTYPE x [", "<!ENTITY a 'b'>", "]>", "<item>", "</item>",
                          "<rss>", "<channel>", "<description>", "<?xml version='1.0'?>", "\"", "'", "=", "\x00",
                          "\ufeff", "\ud800", "\n", "\r", "{", "}", "[", "]", ",", ":", "\\", "null"])
MIXED = st.lists(st.one_of(st.text(max_size=20), MARKUP), max_size=40).map("".join)


def _ok(result) -> None:
    items = list(result) if not isinstance(result, (RawItem, IngestError)) else [result]
    for it in items:
        assert isinstance(it, (RawItem, IngestError)), it
        if isinstance(it, RawItem):
            assert it.article.text.strip() and len(it.article.text) <= OPTS.max_text_chars
            it.article.text.encode("utf-8")  # storable: no lone surrogates
            assert "\x00" not in it.article.text
        else:
            str(it).encode("utf-8", "backslashreplace")


@FAST
@given(st.binary(max_size=2000))
def test_decode_returns_text_or_decode_error(data: bytes):
    try:
        assert isinstance(decode(data), str)
    except DecodeError as exc:
        assert str(exc)


@FAST
@given(st.one_of(st.text(max_size=500), MIXED))
def test_text_documents(text: str):
    _ok(parse_text_document(text, OPTS, where="t.txt"))


@FAST
@given(st.one_of(st.text(max_size=500), MIXED,
                 st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "date", "url", "publisher", "x"]),
                                          st.one_of(st.none(), st.integers(), st.floats(), st.text(max_size=40),
                                                    st.lists(st.integers(), max_size=3))), max_size=5)
                 .map(lambda recs: "\n".join(json.dumps(r) for r in recs))))
def test_jsonl_text(text: str):
    _ok(read_jsonl_text(text, OPTS, "r.jsonl"))


@FAST
@given(st.dictionaries(st.text(max_size=8), st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30)),
                       max_size=8),
       st.one_of(st.none(), st.text(max_size=40), st.integers(-10**12, 10**12), st.floats(allow_nan=True)))
def test_records_and_dates(rec: dict, date):
    _ok(record_to_item({**rec, "text": "Peru recalled its envoy.", "date": date}, OPTS, "r.jsonl:1"))
    out = parse_date(date)
    assert out is None or (len(out) == 10 and out[4] == "-")


@FAST
@given(st.one_of(st.text(max_size=800), MIXED))
def test_html(html: str):
    _ok(extract_html(html, OPTS, where="p.html"))


@FAST
@given(st.one_of(st.binary(max_size=800), MIXED.map(lambda s: s.encode("utf-8", "surrogatepass")),
                 MIXED.map(lambda s: ("<?xml version='1.0'?><rss><channel><item><title>" + s +
                                      "</title><description>" + s + "</description></item></channel></rss>")
                           .encode("utf-8", "surrogatepass"))))
def test_feeds(data: bytes):
    _ok(parse_feed(data, OPTS, where="f.xml"))


def test_a_feed_naming_a_lone_surrogate_is_one_error():
    assert [type(x).__name__ for x in parse_feed(b"<>&#xD800;", OPTS, where="f.xml")] == ["IngestError"]


@FAST
@given(st.binary(max_size=600), st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv", ".tsv", ".xml", ".atom"]))
def test_files_of_every_kind_through_read_inputs(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"x{suffix}"
        f.write_bytes(data)
        _ok(read_inputs([str(f)], OPTS))


@FAST
@given(MIXED, st.sampled_from([".csv", ".tsv"]))
def test_csv_text(text: str, suffix: str):
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"x{suffix}"
        f.write_bytes(("id,title,text,date\n" + text).encode("utf-8", "surrogatepass"))
        _ok(read_inputs([str(f)], OPTS))
