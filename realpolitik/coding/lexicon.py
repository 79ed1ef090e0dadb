"""Trigger lexicon of the rules coder, written from the PLOVER definitions of each type.

The table is ``data/lexicon.txt``, one line per trigger: ``lemma  POS  TYPE  mode  cameo  frame  flags
contexts``; ``-`` means empty.

- POS: V (verb; a multiword lemma is a verb plus particle or preposition), N (event noun), L (light
  verb: no event of its own, it hands its subject to an event noun it governs, e.g. "imposed sanctions").
- frame: ``so`` subject acts on object; ``recv`` receipt (the subject gets, the ``from`` object gives);
  ``buy`` purchase (weapons bought = the seller's AID, other goods = the buyer's trade);
  ``sym`` joint action (coordinated subjects act on each other); ``say`` speech act (the target may be
  the subject of the reported clause: "warned that Tehran would ...").
- flags: W wrapper (the event that absorbs a trigger it governs for the same dyad, e.g. "agreed to
  supply"), w weak (yields to a trigger it governs, e.g. "signed a deal to share"), T needs an actor
  target, O needs an object or a target, F future cooperation is not turned into AGREE.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

def _table() -> str:
    """The lexicon's lines (realpolitik/coding/data/lexicon.txt)."""
    from importlib import resources

    return resources.files("realpolitik.coding").joinpath("data/lexicon.txt").read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry."""

    lemma: str
    pos: str  # V, N or L
    type: str | None
    mode: str | None
    cameo: str | None
    frame: str
    flags: str
    contexts: tuple[str, ...]

    @property
    def wrapper(self) -> bool:
        """Whether this event absorbs an event it governs for the same dyad."""
        return "W" in self.flags

    @property
    def weak(self) -> bool:
        """Whether this event yields to an event it governs for the same dyad."""
        return "w" in self.flags


def _none(x: str) -> str | None:
    return None if x == "-" else x


@lru_cache(maxsize=1)
def entries() -> dict[tuple[str, str], Trigger]:
    """(lemma, POS) -> trigger; multiword lemmas use '_' ("call_for")."""
    out: dict[tuple[str, str], Trigger] = {}
    for line in _table().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, type_, mode, cameo, frame, flags, ctx = line.split()
        out[(lemma, pos)] = Trigger(lemma, pos, _none(type_), _none(mode), _none(cameo), frame,
                                    "" if flags == "-" else flags, () if ctx == "-" else tuple(ctx.split(";")))
    return out


@lru_cache(maxsize=1)
def head_lemmas() -> frozenset[str]:
    """The first word of every trigger lemma: the fast per-sentence candidate filter."""
    return frozenset(k[0].split("_")[0] for k in entries())
