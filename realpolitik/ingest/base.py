"""What every reader shares: the item and error types, the reader registry, and building an Article."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from realpolitik.errors import RealpolitikError
from realpolitik.ingest.dates import dateline_date, parse_date
from realpolitik.model import Article
from realpolitik.options import Options

log = logging.getLogger(__name__)

_UNPRINTABLE = {c: f"\\x{c:02x}" for c in [*range(32), 127]}
_UNPRINTABLE.update({9: "\\t", 10: "\\n", 13: "\\r"})


def printable(s: str) -> str:
    """One printable line: control characters as escapes (a file name with a newline cannot forge a
    second `error:` line) and lone surrogates (undecodable file names) as \\udcXX."""
    s = s.translate(_UNPRINTABLE)
    return s.encode("utf-8", "backslashreplace").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in s) else s



class IngestError(RealpolitikError):
    """One input that could not be read: where and why. Readers yield it among their items (one bad
    record must not stop a batch); it is an exception so that a caller may also raise it."""

    def __init__(self, where: str, message: str):
        super().__init__(where, message)
        self.where, self.message = where, message

    def __str__(self) -> str:
        return printable(f"{self.where}: {self.message}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IngestError) and (self.where, self.message) == (other.where, other.message)

    def __hash__(self) -> int:
        return hash((self.where, self.message))


@dataclass(frozen=True)
class RawItem:
    """One article read from an input, before coding."""

    article: Article
    where: str


Reader = Callable[[Path, Options], Iterator["RawItem | IngestError"]]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (lowercase, with the dot)."""
    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
        return fn
    return deco


# Control characters other than tab, newline and form feed: no news text has them, PostgreSQL refuses
# NUL in text, and they break terminals and CSV exports. Lone surrogates (legal in JSON, "\ud800")
# cannot be encoded as UTF-8 at all, so they would crash hashing and every store.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def clean_text(value: Any) -> str | None:
    """A string safe to hash and store: control characters dropped, lone surrogates replaced by U+FFFD."""
    if value is None:
        return None
    s = value if isinstance(value, str) else str(value)
    return _SURROGATE_RE.sub("\ufffd", _CONTROL_RE.sub("", s))


def make_article(text: str, options: Options, *, where: str, title: str | None = None, date: Any = None,
                 url: str | None = None, publisher: str | None = None,
                 external_id: str | None = None) -> RawItem | IngestError:
    """An Article from fields read anywhere, or an error when there is no usable text."""
    text, title, url, publisher = (clean_text(v) for v in (text, title, url, publisher))
    external_id, where = clean_text(external_id), clean_text(where) or "?"
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return IngestError(where, "no text")
    if len(text) > options.max_text_chars:
        return IngestError(where, f"text is {len(text):,} characters, over the limit of {options.max_text_chars:,} "
                           "(raise it with --max-text-chars)")
    # The date the input gives, else the one the user gave (--date), else the body's dateline.
    # A given date that is not a date ("1e999") is ignored with a warning, never turned into today.
    given = parse_date(date) if date not in (None, "") else None
    if date not in (None, "") and given is None:
        log.warning("warning: %s: date %s is not a publication date; ignored",
                    printable(where), printable(repr(date)[:80]))
    published = given or options.date or dateline_date(text)
    art = Article.from_text(text, title=(title or None) and str(title).strip()[:1000], url=url or None,
                            publisher=publisher or None, published=published, source=where,
                            external_id=None if external_id is None else str(external_id))
    return RawItem(art, where)
