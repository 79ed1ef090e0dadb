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
  target, O needs an object or a target, F future cooperation is not turned into AGREE, f a ``from``
  object is the target ("withdrew from Syria"), i an ``in`` object is the target ("invested in Laos").

`entries()` validates every row against the ontology (type, mode of that type, CAMEO code of that type
by the crosswalk or a declared exception, frame, flags, contexts, duplicates) and raises LexiconError
naming each bad line.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from realpolitik import ontology
from realpolitik.errors import RealpolitikError

log = logging.getLogger(__name__)

POS_TAGS = frozenset({"V", "N", "L"})
FRAMES = frozenset({"so", "recv", "buy", "sym", "say"})
FLAGS = frozenset("WwTOFfi")


class LexiconError(RealpolitikError, ValueError):
    """A lexicon row that does not fit the ontology; the message names the line and the problem."""


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


def _row_problems(trig: Trigger) -> list[str]:
    """What is wrong with one row against the ontology (empty when it is valid)."""
    problems = []
    if trig.pos not in POS_TAGS:
        problems.append(f"POS {trig.pos!r} is not one of {sorted(POS_TAGS)}")
    if trig.type is None:
        if trig.pos != "L":
            problems.append("only a light verb (L) may have no type")
    elif trig.type not in ontology.types():
        problems.append(f"type {trig.type!r} is not a PLOVER type")
    elif trig.mode and trig.mode not in ontology.modes().get(trig.type, {}):
        problems.append(f"mode {trig.mode!r} is not a mode of {trig.type}")
    if trig.cameo and trig.type and not ontology.cameo_fits(trig.type, trig.cameo):
        row = ontology.cameo_crosswalk().get(trig.cameo)
        problems.append(f"CAMEO {trig.cameo} is {row.type if row else 'not in the crosswalk'}, not {trig.type}")
    if trig.frame not in FRAMES:
        problems.append(f"frame {trig.frame!r} is not one of {sorted(FRAMES)}")
    if set(trig.flags) - FLAGS:
        problems.append(f"flags {trig.flags!r} hold letters other than {''.join(sorted(FLAGS))}")
    problems += [f"context {c!r} is not a PLOVER context" for c in trig.contexts if c not in ontology.contexts()]
    return problems


def parse(text: str, where: str = "lexicon.txt") -> dict[tuple[str, str], Trigger]:
    """Parse and validate lexicon lines; LexiconError lists every bad or duplicate row with its line."""
    out: dict[tuple[str, str], Trigger] = {}
    problems: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split()
        if len(cols) != 8:
            problems.append(f"{where}:{n}: {len(cols)} columns, expected 8")
            continue
        lemma, pos, type_, mode, cameo, frame, flags, ctx = cols
        trig = Trigger(lemma, pos, _none(type_), _none(mode), _none(cameo), frame,
                       "" if flags == "-" else flags, () if ctx == "-" else tuple(ctx.split(";")))
        problems += [f"{where}:{n}: {lemma} {pos}: {p}" for p in _row_problems(trig)]
        if (lemma, pos) in out:
            problems.append(f"{where}:{n}: {lemma} {pos}: duplicate row")
        out[(lemma, pos)] = trig
    if problems:
        raise LexiconError("invalid trigger lexicon:\n" + "\n".join(problems))
    return out


@lru_cache(maxsize=1)
def entries() -> dict[tuple[str, str], Trigger]:
    """(lemma, POS) -> trigger, validated; multiword lemmas use '_' ("call_for")."""
    return parse(_table())


@lru_cache(maxsize=1)
def head_lemmas() -> frozenset[str]:
    """The first word of every trigger lemma: the fast per-sentence candidate filter. A hyphenated word's
    first part stands for it ("cease" for "cease-fire"): the parser splits such words at the hyphen."""
    return frozenset(k[0].split("_")[0].split("-")[0] for k in entries())
