"""The steps an article goes through once parsed, in order: actors -> events -> factuality -> place.

`code_parsed(coder, doc, article)` runs them: `actors` finds the article's actor mentions (one pass of
`realpolitik.actors`, document-level references included), `structure` reads its document structure
for factuality (title, lead, bullets, question headings; the mentions go with it so attributions reuse
them), the coder's `code_article` codes the events of each sentence from the `ArticleContext` they
make (the coder matches no actors itself), asking `ArticleContext.factuality` for each event's
factuality fields, and `place` says where the events happened. The parse itself comes before: the
coder's `code_many` (coding/fastpath.py parses only what can yield).

Nothing here imports the coders: a coder is anything with `code_article(ctx)` and `options`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from realpolitik.model import ActorMention, Article, Event

log = logging.getLogger(__name__)

PLACES_KEY = "rp_places"  # Doc.user_data key of the places, shared with geo.locate_events
# The order of the steps of `code_parsed`, for readers and tests.
ORDER = ("parse", "actors", "structure", "events", "factuality", "confidence", "place")


@dataclass(frozen=True)
class ArticleContext:
    """A parsed article with what the pipeline's steps found in it, handed to the coder."""

    doc: Any  # spacy.tokens.Doc
    article: Article | None
    mentions: tuple[ActorMention, ...]
    structure: Any = None  # factuality.document.DocContext, or None when it could not be read

    def factuality(self, sent, tok) -> dict:
        """The factuality step for one event: its fields (factuality, cues, attribution) from its trigger."""
        return factuality(self.doc, sent, tok, self.structure)

    def places(self) -> list:
        """The article's gazetteer places as (start, end, location), found once per Doc (`actors.find_places`):
        the coder asks for them only when an attack names no party but a place."""
        from realpolitik.actors import find_places

        found = self.doc.user_data.get(PLACES_KEY)
        if found is None:
            found = self.doc.user_data[PLACES_KEY] = find_places(self.doc)
        return found


def actors(doc, article: Article) -> tuple[ActorMention, ...]:
    """The actors step: every actor mention of a parsed article, as of its date (`realpolitik.actors`)."""
    from realpolitik.actors import find_actors

    return tuple(find_actors(doc, article.published))


def structure(doc, mentions: tuple[ActorMention, ...] | list[ActorMention]):
    """The article's document structure for factuality, or None when it cannot be read; the actor
    mentions go with it, so attributions reuse them (found once, with the article's date)."""
    from realpolitik.factuality import document_context

    try:
        return document_context(doc, list(mentions))
    except Exception:  # noqa: BLE001 - factuality must never stop coding; logged, since it is a bug
        log.warning("document factuality context failed; coding this article without it", exc_info=True)
        return None


def factuality(doc, sent, tok, fctx) -> dict:
    """Factuality fields of an event whose trigger is `tok` (`realpolitik.factuality.assess`)."""
    from realpolitik.factuality import assess

    a = assess(doc, sent, tok, fctx)
    return {"factuality": a.factuality, "cues": tuple(a.cues), "attributed_to": a.attributed_to,
            "attribution_code": a.attribution_code, "unattributed": bool(a.unattributed)}


def prepare(doc, article: Article, mentions: tuple[ActorMention, ...] | None = None) -> ArticleContext:
    """The actors step (unless `mentions` were found already), then the document structure."""
    found = actors(doc, article) if mentions is None else tuple(mentions)
    return ArticleContext(doc, article, found, structure(doc, found))


def place(ctx: ArticleContext, events: list[Event]) -> list[Event]:
    """The place step: events with `location` set where the text says where they happened (`realpolitik.geo`)."""
    from realpolitik.geo import locate_events

    return locate_events(ctx.doc, ctx.article, events, list(ctx.mentions), ctx.places())


def code_parsed(coder, doc, article: Article, mentions: tuple[ActorMention, ...] | None = None) -> list[Event]:
    """The events of a parsed article: actors, structure, the coder's events (with their factuality and
    confidence), then their place when the setting `coding.locate` is on."""
    ctx = prepare(doc, article, mentions)
    out = coder.code_article(ctx)
    if coder.options.coding.locate:
        out = place(ctx, out)
    return out
