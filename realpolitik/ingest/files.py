"""Readers for text, Markdown, HTML, JSON Lines, CSV and feed files."""
from __future__ import annotations

import csv
import functools
import io
import json
import logging
import re
from pathlib import Path
from typing import Any, Callable, Generator, Iterator, TextIO

from realpolitik.ingest.base import IngestError, RawItem, clean_text, make_article, reader
from realpolitik.ingest.dates import dateline_date
from realpolitik.ingest.decoding import DecodeError, decode
from realpolitik.options import Options

log = logging.getLogger(__name__)

HEADER_RE = re.compile(r"^(title|date|published|publisher|source|url|author)\s*:\s*(.+)$", re.I)


def _read_text(path: Path) -> str:
    return decode(path.read_bytes(), str(path))


def decoded(fn: Callable[[Path, str, Options], Iterator[RawItem | IngestError]]
            ) -> Callable[[Path, Options], Iterator[RawItem | IngestError]]:
    """Turn a reader of decoded text into a file reader; undecodable bytes give one error naming the file."""
    @functools.wraps(fn)
    def read(path: Path, options: Options) -> Iterator[RawItem | IngestError]:
        try:
            text = _read_text(path)
        except DecodeError as exc:
            yield IngestError(str(path), str(exc))
            return
        yield from fn(path, text, options)
    return read


@reader(".txt", ".md", ".text")
@decoded
def read_text_file(path: Path, text: str, options: Options) -> Iterator[RawItem | IngestError]:
    """A plain-text article; leading `Title:`/`Date:`/`Publisher:` lines (or a first-line title) are metadata."""
    yield parse_text_document(text, options, where=str(path))


def parse_text_document(text: str, options: Options, where: str) -> RawItem | IngestError:
    """Split metadata header lines from the body of a plain-text article."""
    lines = text.replace("\r\n", "\n").split("\n")
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    # A short first line followed by header lines or a blank line is the title, when a body follows
    # it: a text of one line (with or without its final newline) is the body itself.
    # A first line that opens with a dateline ("TEHRAN, March 3, 2026 - ...") or ends like a sentence
    # is the story's first paragraph, not its title.
    if i < len(lines) and len(lines[i]) < 200 and not HEADER_RE.match(lines[i]) and i + 1 < len(lines) \
            and (HEADER_RE.match(lines[i + 1]) or not lines[i + 1].strip()) \
            and any(ln.strip() and not HEADER_RE.match(ln.strip()) for ln in lines[i + 1:]) \
            and not dateline_date(lines[i]) \
            and (HEADER_RE.match(lines[i + 1]) or not lines[i].rstrip().endswith(".")):
        meta["title"] = lines[i].lstrip("# ").strip()
        i += 1
    elif i + 1 < len(lines) and _is_headline(lines[i]) and lines[i + 1].strip() and not dateline_date(lines[i]):
        # A headline directly above the body ("Russia attacks Ukraine" then the story) is the title,
        # not a sentence of the story: coding it would repeat the body's first event.
        meta["title"] = lines[i].lstrip("# ").strip()
        i += 1
    while i < len(lines):
        m = HEADER_RE.match(lines[i].strip())
        if not m:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
        i += 1
    body = "\n".join(lines[i:])
    return make_article(body, options, where=where, title=meta.get("title"),
                        date=meta.get("date") or meta.get("published"), url=meta.get("url"),
                        publisher=meta.get("publisher") or meta.get("source"))


def _is_headline(line: str) -> bool:
    """A short line without the full stop, question or exclamation mark that ends a sentence of a story."""
    line = line.strip().rstrip('"\u201d\u2019\'')
    return 0 < len(line) < 150 and not HEADER_RE.match(line) and line[-1] not in ".?!:;,-\u2013\u2014"


@reader(".html", ".htm", ".xhtml")
@decoded
def read_html_file(path: Path, html: str, options: Options) -> Iterator[RawItem | IngestError]:
    """An HTML page: main text and metadata by trafilatura, boilerplate removed."""
    from realpolitik.ingest.html import extract_html

    yield extract_html(html, options, where=str(path))


@reader(".jsonl", ".ndjson")
@decoded
def read_jsonl_file(path: Path, text: str, options: Options) -> Iterator[RawItem | IngestError]:
    """JSON Lines: one record per line; a malformed line is reported and skipped."""
    yield from read_jsonl_text(text, options, str(path))


def read_jsonl_text(text: str, options: Options, where: str) -> Iterator[RawItem | IngestError]:
    """Records from JSON Lines text."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        rec = parse_json_record(line)
        if isinstance(rec, str):
            yield IngestError(f"{where}:{n}", rec)
            continue
        yield record_to_item(rec, options, f"{where}:{n}")


def parse_json_record(line: str) -> dict[str, Any] | str:
    """One JSON object from a line, or the reason it is not one (never an exception: bad lines are reported)."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"malformed JSON: {exc.msg} at column {exc.colno}"
    except ValueError as exc:  # an integer over Python's 4,300-digit conversion limit
        return f"malformed JSON: {str(exc).split(';')[0]}"
    except RecursionError:
        return "malformed JSON: nested too deeply"
    if not isinstance(rec, dict):
        return "a record must be a JSON object"
    return rec


def record_to_item(rec: dict[str, Any], options: Options, where: str) -> RawItem | IngestError:
    """An article from a JSON/CSV record, using the configured field names."""
    f = options.fields
    text = rec.get(f["text"])
    if not isinstance(text, str) or not text.strip():
        return IngestError(where, f"no {f['text']!r} field with text")
    rid = clean_text(rec.get(f["id"]))
    src = where.rsplit(":", 1)[0] + (f"#{rid}" if rid not in (None, "") else f":{where.rsplit(':', 1)[-1]}")
    item = make_article(text, options, where=src, title=_s(rec.get(f["title"])), date=rec.get(f["date"]),
                        url=_s(rec.get(f["url"])), publisher=_s(rec.get(f["publisher"])), external_id=rid)
    return item


def _s(v: Any) -> str | None:
    return None if v in (None, "") else str(v)


@reader(".csv", ".tsv")
@decoded
def read_csv_file(path: Path, text: str, options: Options) -> Iterator[RawItem | IngestError]:
    """CSV (or TSV) with a header row; rows with missing text or a broken shape are reported."""
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(options.max_text_chars + 1024)
    lines = list(io.StringIO(text, newline=""))
    # strict: a stray or unclosed quote is an error on its row (the reader then starts again on the
    # next line, so the rows after it are still read) instead of silently swallowing the rows after it.
    rd = csv.reader(iter(lines), delimiter=delim, strict=True)
    try:
        header = next(rd, [])
    except csv.Error as exc:
        yield IngestError(f"{path}:1", f"malformed CSV header: {exc}")
        return
    if not header or options.fields["text"] not in header:
        yield IngestError(str(path), f"no {options.fields['text']!r} column in the header "
                          f"(columns: {', '.join(header or []) or 'none'}); use --field text=NAME")
        return
    dups = sorted({c for c in header if header.count(c) > 1})
    if dups:
        yield IngestError(f"{path}:1", f"duplicate column{'s' if len(dups) > 1 else ''} "
                          f"{', '.join(repr(c) for c in dups)} in the header: rename one")
        return
    pos = rd.line_num
    while pos < len(lines):
        pos = yield from _csv_rows(path, lines, pos, header, delim, options)


def _csv_rows(path: Path, lines: list[str], pos: int, header: list[str], delim: str,
              options: Options) -> Generator[RawItem | IngestError, None, int]:
    """The rows from line index `pos`; returns where to start again (after a broken row's first line)."""
    rd = csv.reader((lines[i] for i in range(pos, len(lines))), delimiter=delim, strict=True)
    while True:
        start = pos + rd.line_num + 1  # the row's first line, counted from 1
        try:
            row = next(rd)
        except StopIteration:
            return len(lines)
        except csv.Error as exc:
            yield IngestError(f"{path}:{start}",
                              f"a field is over the limit of {options.max_text_chars:,} characters "
                              "(raise it with --max-text-chars)" if "field limit" in str(exc)
                              else f"malformed CSV: {exc}")
            return start
        n = pos + rd.line_num
        if not row:
            continue
        if len(row) > len(header):
            yield IngestError(f"{path}:{n}", f"{len(row) - len(header)} more fields than the header has")
            continue
        yield record_to_item(dict(zip(header, row)), options, f"{path}:{n}")


@reader(".xml", ".rss", ".atom")
def read_feed_file(path: Path, options: Options) -> Iterator[RawItem | IngestError]:
    """An RSS or Atom feed file: one article per item."""
    from realpolitik.ingest.feeds import parse_feed

    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from parse_feed(data, options, where=str(path))


def read_stdin(stream: TextIO, options: Options) -> Iterator[RawItem | IngestError]:
    """Standard input: JSON Lines when it starts with '{', else one plain-text article."""
    # At most one byte over the file limit is read: a 1 GB pipe is refused, not loaded into memory.
    cap = options.max_file_bytes + 1
    data = stream.buffer.read(cap) if hasattr(stream, "buffer") else stream.read(cap).encode("utf-8")
    if len(data) > options.max_file_bytes:
        yield IngestError("<stdin>", f"input is over the limit of {options.max_file_bytes:,} bytes "
                          "(raise it with --max-file-bytes, or split it into files)")
        return
    try:
        text = decode(data, "<stdin>")
    except DecodeError as exc:
        yield IngestError("<stdin>", str(exc))
        return
    if text.lstrip().startswith("{"):
        yield from read_jsonl_text(text, options, "<stdin>")
    else:
        yield parse_text_document(text, options, where="<stdin>")
