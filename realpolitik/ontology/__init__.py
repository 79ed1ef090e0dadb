"""The project's own event ontology: PLOVER types, modes, contexts, scores, the CAMEO crosswalk,
Goldstein weights, and the support channels and fronts, loaded from the TSV tables beside this file."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

TYPES_ORDER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True, slots=True)
class EventType:
    """A PLOVER event type."""

    name: str
    quad: str
    needs_target: bool
    definition: str


@dataclass(frozen=True, slots=True)
class CameoRow:
    """One CAMEO code of the crosswalk, with its PLOVER reading and Goldstein weight."""

    cameo: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    goldstein: float | None


@dataclass(frozen=True, slots=True)
class Channel:
    """A support channel between states and the fronts it belongs to."""

    name: str
    fronts: tuple[str, ...]
    definition: str


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of one TSV table (lines starting with '#' are comments)."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(lines, delimiter="\t")]


@lru_cache(maxsize=1)
def types() -> dict[str, EventType]:
    """The 16 event types by name, in PLOVER order."""
    out = {r["type"]: EventType(r["type"], r["quad"], r["needs_target"] == "yes", r["definition"])
           for r in _rows("types.tsv")}
    return {t: out[t] for t in TYPES_ORDER if t in out}


@lru_cache(maxsize=1)
def modes() -> dict[str, dict[str, str]]:
    """Modes by type: type -> {mode: definition}."""
    out: dict[str, dict[str, str]] = {}
    for r in _rows("modes.tsv"):
        out.setdefault(r["type"], {})[r["mode"]] = r["definition"]
    return out


@lru_cache(maxsize=1)
def contexts() -> dict[str, str]:
    """The 37 contexts: name -> definition."""
    return {r["context"]: r["definition"] for r in _rows("contexts.tsv")}


@lru_cache(maxsize=1)
def scores() -> dict[tuple[str, str | None], float]:
    """PLOVER intensity by (type, mode); mode None is the type's base score."""
    return {(r["type"], r["mode"] or None): float(r["score"]) for r in _rows("scores.tsv")}


def intensity(type_: str, mode: str | None = None) -> float | None:
    """The PLOVER score of a type and mode (falls back to the type's base score)."""
    s = scores()
    return s.get((type_, mode), s.get((type_, None)))


@lru_cache(maxsize=1)
def cameo_crosswalk() -> dict[str, CameoRow]:
    """CAMEO code -> its PLOVER type, mode, contexts and Goldstein weight."""
    out = {}
    for r in _rows("cameo_plover.tsv"):
        g = float(r["goldstein"]) if r["goldstein"] else None
        out[r["cameo"]] = CameoRow(r["cameo"], r["type"], r["mode"] or None,
                                   tuple(c for c in r["contexts"].split(";") if c), g)
    return out


@lru_cache(maxsize=1)
def cameo_defaults() -> dict[tuple[str, str | None], str]:
    """(type, mode or None) -> the CAMEO code an event of that type gets when its trigger gives none."""
    return {(r["type"], r["mode"] or None): r["cameo"] for r in _rows("cameo_defaults.tsv")}


@lru_cache(maxsize=1)
def cameo_exceptions() -> frozenset[tuple[str, str]]:
    """(type, CAMEO code) pairs used on purpose although the crosswalk files the code elsewhere."""
    return frozenset((r["type"], r["cameo"]) for r in _rows("cameo_exceptions.tsv"))


def cameo_fits(type_: str, cameo: str) -> bool:
    """Whether a CAMEO code may stand for an event of this type (crosswalk or declared exception)."""
    row = cameo_crosswalk().get(cameo)
    return (row is not None and row.type == type_) or (type_, cameo) in cameo_exceptions()


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """Goldstein weight of every CAMEO code (statements included)."""
    return {r["cameo"]: float(r["goldstein"]) for r in _rows("goldstein.tsv") if r["goldstein"]}


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein weight of a CAMEO code, or of its nearest parent code."""
    if not cameo:
        return None
    table = goldstein_table()
    code = cameo
    while code and code not in table:
        code = code[:-1]
    return table.get(code)


def quad(type_: str) -> str | None:
    """The quad class of a PLOVER type."""
    t = types().get(type_)
    return t.quad if t else None


@lru_cache(maxsize=1)
def channels() -> dict[str, Channel]:
    """Support channels by name."""
    return {r["channel"]: Channel(r["channel"], tuple(f for f in r["fronts"].split(";") if f), r["definition"])
            for r in _rows("channels.tsv")}


@lru_cache(maxsize=1)
def fronts() -> dict[str, str]:
    """Fronts: name -> definition."""
    return {r["front"]: r["definition"] for r in _rows("fronts.tsv")}


def fronts_of(channel: str | None) -> tuple[str, ...]:
    """The fronts a channel belongs to (empty for no or an unknown channel)."""
    c = channels().get(channel or "")
    return c.fronts if c else ()


def as_dict() -> dict[str, Any]:
    """The whole ontology as plain data, for `realpolitik ontology --json`."""
    return {
        "types": [{"type": t.name, "quad": t.quad, "needs_target": t.needs_target, "definition": t.definition,
                   "score": intensity(t.name)} for t in types().values()],
        "modes": [{"type": t, "mode": m, "definition": d, "score": intensity(t, m)}
                  for t, ms in modes().items() for m, d in ms.items()],
        "contexts": [{"context": c, "definition": d} for c, d in contexts().items()],
        "channels": [{"channel": c.name, "fronts": list(c.fronts), "definition": c.definition}
                     for c in channels().values()],
        "fronts": [{"front": f, "definition": d} for f, d in fronts().items()],
    }


def render_text() -> str:
    """The ontology as readable plain text, for `realpolitik ontology`."""
    d = as_dict()
    out = ["EVENT TYPES (PLOVER)"]
    out += [f"  {t['type']:<10} {t['quad']:<21} {t['definition']}" for t in d["types"]]
    out.append("\nMODES")
    out += [f"  {m['type']:<10} {m['mode']:<15} {m['definition']}" for m in d["modes"]]
    out.append("\nCONTEXTS")
    out += [f"  {c['context']:<23} {c['definition']}" for c in d["contexts"]]
    out.append("\nSUPPORT CHANNELS")
    out += [f"  {c['channel']:<21} [{', '.join(c['fronts'])}] {c['definition']}" for c in d["channels"]]
    out.append("\nFRONTS")
    out += [f"  {f['front']:<13} {f['definition']}" for f in d["fronts"]]
    return "\n".join(out)
