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


def check_xml_safe(data: bytes) -> str | None:
    """A reason to refuse the XML (entity declarations, external entities), or None when safe."""
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        return f"refused: the feed declares entities ({type(exc).__name__}), a known attack"
    except ParseError as exc:
        return f"malformed XML: {exc}"
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
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield IngestError(where, f"not a readable RSS/Atom feed: {feed.get('bozo_exception')}")
        return
    publisher = feed.feed.get("title")
    for i, e in enumerate(feed.entries):
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
