"""The Coder interface: an article in, its events out."""
from __future__ import annotations

import logging
from typing import Iterable, Iterator, Protocol, runtime_checkable

from realpolitik.model import Article, Event

log = logging.getLogger(__name__)


@runtime_checkable
class Coder(Protocol):
    """Turns articles into events. Registered by versioned name in `realpolitik.registry.coders`."""

    name: str
    version: str

    def code(self, article: Article) -> list[Event]:
        """The events of one article."""

    def code_many(self, articles: Iterable[Article]) -> Iterator[list[Event]]:
        """The events of each article, in order, batching the parse with `nlp.pipe`."""
