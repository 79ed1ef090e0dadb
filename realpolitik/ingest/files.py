"""Readers for text, Markdown, HTML, JSON Lines, CSV and feed files."""
from __future__ import annotations

import codecs
import csv
import functools
import io
import json
import logging
import re
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

from realpolitik.errors import RealpolitikError
from realpolitik.ingest.base import IngestError, RawItem, clean_text, make_article, reader
from realpolitik.ingest.dates import dateline_date
from realpolitik.options import Options

log = logging.getLogger(__name__)

HEADER_RE = re.compile(r"^(title|date|published|publisher|source|url|author)\s*:\s*(.+)$", re.I)


class DecodeError(RealpolitikError, ValueError):
    """Bytes that are not text."""


def decode(data: bytes) -> str:
    """Decode bytes as text: BOMs honoured, UTF-8 first, then Windows-1252/Latin-1; binary refused."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} text at byte {exc.start}") from exc
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    # Mostly control characters means it is not a legacy-encoded text file.
    ctrl = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if ctrl > 0.05 * max(1, len(text[:4096])):
        raise DecodeError("binary file, not text")
    return text


def _read_text(path: Path) -> str:
    return decode(path.read_bytes())


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
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(f"{where}:{n}", f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(rec, dict):
            yield IngestError(f"{where}:{n}", "a record must be a JSON object")
            continue
        yield record_to_item(rec, options, f"{where}:{n}")


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
    # strict: an unclosed quote is an error on its row, instead of silently swallowing the rows after it.
    buf = io.StringIO(text, newline="")
    rd = csv.DictReader(buf, delimiter=delim, restkey="__extra__", strict=True)
    try:
        header = rd.fieldnames
    except csv.Error as exc:
        yield IngestError(f"{path}:1", f"malformed CSV header: {exc}")
        return
    if not header or options.fields["text"] not in header:
        yield IngestError(str(path), f"no {options.fields['text']!r} column in the header "
                          f"(columns: {', '.join(header or []) or 'none'}); use --field text=NAME")
        return
    while True:
        start, pos = rd.line_num + 1, buf.tell()
        try:
            row = next(rd)
        except StopIteration:
            return
        except csv.Error as exc:
            # The reader resumes at the next line, so one broken row costs only itself.
            yield IngestError(f"{path}:{start}",
                              f"a field is over the limit of {options.max_text_chars:,} characters "
                              "(raise it with --max-text-chars)" if "field limit" in str(exc)
                              else f"malformed CSV: {exc}")
            if buf.tell() == pos:  # no progress: stop rather than loop
                return
            continue
        n = rd.line_num
        if row.get("__extra__"):
            yield IngestError(f"{path}:{n}", f"{len(row['__extra__'])} more fields than the header has")
            continue
        yield record_to_item(row, options, f"{path}:{n}")


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
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    try:
        text = decode(data)
    except DecodeError as exc:
        yield IngestError("<stdin>", str(exc))
        return
    if text.lstrip().startswith("{"):
        yield from read_jsonl_text(text, options, "<stdin>")
    else:
        yield parse_text_document(text, options, where="<stdin>")
