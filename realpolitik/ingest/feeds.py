"""RSS and Atom feeds to articles; entity tricks (XXE, billion laughs) are refused before parsing."""
from __future__ import annotations

import html as htmllib
import logging
import re
from typing import Iterator

from realpolitik.ingest.base import IngestError, RawItem
from realpolitik.options import Options

log = logging.getLogger(__name__)

TAG_RE = re.compile(r"<[^>]+>")


_DTD_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


def check_xml_safe(data: bytes) -> str | None:
    """A reason to refuse the XML (entity declarations, external entities), or None when safe.

    Malformed XML is refused only when it has a DTD the check could not read to its end; a
    truncated feed without one goes on to feedparser, which keeps the items before the break.
    """
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        return f"refused: the feed declares entities ({type(exc).__name__}), a known attack"
    except ParseError as exc:
        return f"malformed XML: {exc}" if _DTD_RE.search(data) else None
    return None


def _malformed(data: bytes) -> str | None:
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as DET

    try:
        DET.fromstring(data)
    except ParseError as exc:
        return str(exc)
    except Exception:  # refused for other reasons: check_xml_safe has spoken
        return None
    return None


def entry_text(entry) -> str:
    """The plain text of a feed entry: its content, else its summary, with tags removed."""
    parts = [c.get("value", "") for c in entry.get("content", []) or []] or [entry.get("summary", "")]
    raw = "\n\n".join(p for p in parts if p)
    return htmllib.unescape(TAG_RE.sub(" ", raw)).strip()


def parse_feed(data: bytes, options: Options, where: str) -> Iterator[RawItem | IngestError]:
    """One item per feed entry with text; a bad feed gives one error."""
    import feedparser

    from realpolitik.ingest.base import make_article

    reason = check_xml_safe(data)
    if reason:
        yield IngestError(where, reason)
        return
    try:
        feed = feedparser.parse(data)
    except (UnicodeError, ValueError) as exc:  # e.g. "&#xD800;": feedparser cannot encode a lone surrogate
        yield IngestError(where, f"not a readable RSS/Atom feed: {exc}")
        return
    broken = _malformed(data)
    entries = list(feed.entries)
    if broken and entries and not data.rstrip().lower().endswith((b"</rss>", b"</feed>", b"</rdf:rdf>")):
        entries.pop()  # the file stops inside its last item: that item is cut off, so it is not kept half
    if not entries and (feed.bozo or broken or not feed.get("version")):
        why = broken or feed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> root element"
        yield IngestError(where, f"not a readable RSS/Atom feed: {why}")
        return
    if broken:
        # A cut-off feed: keep the complete items before the break, and say that the rest is lost.
        yield IngestError(where, f"malformed XML after {len(entries)} items (the rest is lost): {broken}")
    publisher = feed.feed.get("title")
    for i, e in enumerate(entries):
        text = entry_text(e)
        title = e.get("title")
        if title and text and not text.startswith(title):
            body = f"{title}.\n\n{text}" if not title.endswith((".", "?", "!")) else f"{title}\n\n{text}"
        else:
            body = text
        eid = e.get("id") or e.get("link") or f"{i}"
        date = e.get("published") or e.get("updated")
        yield make_article(body, options, where=f"{where}#{eid}", title=title, date=date,
                           url=e.get("link"), publisher=publisher, external_id=eid)
