"""HTML pages to articles with trafilatura: main text, title, date and publisher; boilerplate removed."""
from __future__ import annotations

import logging

from realpolitik.ingest.base import IngestError, RawItem
from realpolitik.options import Options

log = logging.getLogger(__name__)


def extract_html(html: str, options: Options, where: str, url: str | None = None) -> RawItem | IngestError:
    """The article in an HTML page, or an error saying why there is none."""
    import trafilatura

    from realpolitik.ingest.base import make_article

    if not html.strip():
        return IngestError(where, "empty HTML page")
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return IngestError(where, f"could not parse HTML: {type(exc).__name__}: {exc}")
    if doc is None:
        return IngestError(where, "no article text found in the HTML page")
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    text = get("text") or ""
    if not text.strip():
        return IngestError(where, "no article text found in the HTML page")
    publisher = get("sitename") or get("author")
    return make_article(text, options, where=url or where, title=get("title"), date=get("date"),
                        url=url or get("url"), publisher=publisher)
