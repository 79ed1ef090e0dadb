"""Core data model: frozen dataclasses shared by every stage, from ingest to the web."""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

log = logging.getLogger(__name__)

FACTUALITIES = ("asserted", "reported", "planned", "hypothetical", "denied", "question")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
SENTENCE_CLASSES = ("statement",) + QUADS


def normalise_text(text: str) -> str:
    """Text normalised for identity: NFKC, lowercased, whitespace folded."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hex id from the given parts."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def article_id_for(text: str) -> str:
    """The stable article id: a hash of the normalised text, so exact copies share it."""
    return "a" + stable_id(normalise_text(text))


@dataclass(frozen=True, slots=True)
class Span:
    """A character span [start, end) in an article's text, with the text it covers."""

    start: int
    end: int
    text: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The span as a plain dict."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Article:
    """One ingested document."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    language: str = "en"
    ingested_at: str | None = None  # ISO timestamp, set by the store
    source: str | None = None  # where it came from (path, URL, record id)
    external_id: str | None = None  # the id the input gave it, if any

    @classmethod
    def from_text(cls, text: str, **meta: Any) -> "Article":
        """An article whose id is derived from its normalised text."""
        return cls(id=article_id_for(text), text=text, **meta)

    def as_dict(self) -> dict[str, Any]:
        """The article as a plain dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article by character offsets."""

    article_id: str
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in text, resolved to a CAMEO/Phoenix-style code."""

    text: str
    start: int
    end: int
    code: str  # e.g. CHN, IRNMIL, IGOUNO
    country: str | None = None  # ISO alpha-3 when the actor belongs to a state
    sector: str | None = None  # e.g. GOV, MIL, REB
    kind: str = "state"  # state | igo | ngo | group | person | sector
    name: str | None = None  # canonical name, e.g. "China", "Xi Jinping"


@dataclass(frozen=True, slots=True)
class Location:
    """A place an event happened, resolved against the offline gazetteer."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None  # first-level division: a US state's name, else GeoNames' code ("IR.26")
    precision: str | None = None  # city | region | country
    basis: str | None = None  # sentence (a place the event's clause names) | dateline (the story's dateline)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, with its evidence in the article text."""

    id: str
    article_id: str
    sentence_index: int
    source: str | None
    target: str | None
    type: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    cameo: str | None = None
    quad: str | None = None
    intensity: float | None = None  # PLOVER score of type+mode
    goldstein: float | None = None  # Goldstein score of the CAMEO code
    factuality: str = "asserted"
    cues: tuple[Span, ...] = ()
    attributed_to: str | None = None
    attribution_code: str | None = None
    unattributed: bool = False  # a claim with no named source ("reports indicate")
    confidence: float = 0.5
    evidence: Span = field(default_factory=lambda: Span(0, 0, ""))
    trigger: Span | None = None
    source_text: str | None = None
    target_text: str | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    channel: str | None = None
    fronts: tuple[str, ...] = ()
    location: Location | None = None
    date: str | None = None
    coder: str = "rules"
    coder_version: str = "1"

    def as_dict(self) -> dict[str, Any]:
        """The event as the JSON object `realpolitik code` writes (FORMAT.md fields first)."""
        def span(s: Span | None) -> dict[str, Any] | None:
            return None if s is None else s.as_dict()

        return {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "quad": self.quad,
            "factuality": self.factuality,
            "confidence": round(self.confidence, 3),
            "evidence": {**self.evidence.as_dict(), "trigger": span(self.trigger)},
            "intensity": self.intensity,
            "goldstein": self.goldstein,
            "channel": self.channel,
            "fronts": list(self.fronts),
            "cues": [c.as_dict() for c in self.cues],
            "attributed_to": self.attributed_to,
            "attribution_code": self.attribution_code,
            "unattributed": self.unattributed,
            "source_text": self.source_text,
            "target_text": self.target_text,
            "source_span": span(self.source_span),
            "target_span": span(self.target_span),
            "location": None if self.location is None else asdict(self.location),
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "date": self.date,
            "coder": f"{self.coder}.v{self.coder_version}",
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        """Rebuild an event from `as_dict` output (or a stored row as a dict)."""
        def span(x: Any) -> Span | None:
            if not x:
                return None
            return Span(int(x["start"]), int(x["end"]), x.get("text") or "")

        ev = d.get("evidence") or {}
        coder = d.get("coder") or "rules.v1"
        name, _, ver = coder.rpartition(".v")
        loc = d.get("location")
        return cls(
            id=d["id"], article_id=d.get("article_id") or "", sentence_index=int(d.get("sentence_index") or 0),
            source=d.get("source"), target=d.get("target"), type=d["type"], mode=d.get("mode"),
            contexts=tuple(d.get("contexts") or ()), cameo=d.get("cameo"), quad=d.get("quad"),
            intensity=d.get("intensity"), goldstein=d.get("goldstein"),
            factuality=d.get("factuality") or "asserted",
            cues=tuple(s for s in (span(c) for c in d.get("cues") or ()) if s),
            attributed_to=d.get("attributed_to"), attribution_code=d.get("attribution_code"),
            unattributed=bool(d.get("unattributed")), confidence=float(d.get("confidence") or 0.0),
            evidence=span(ev) or Span(0, 0, ""), trigger=span(ev.get("trigger")),
            source_text=d.get("source_text"), target_text=d.get("target_text"),
            source_span=span(d.get("source_span")), target_span=span(d.get("target_span")),
            channel=d.get("channel"), fronts=tuple(d.get("fronts") or ()),
            location=Location(**loc) if loc else None, date=d.get("date"),
            coder=name or coder, coder_version=ver or "1",
        )


def event_id_for(article_id: str, sentence_index: int, source: str | None, target: str | None,
                 type_: str, mode: str | None, trigger_start: int | None, coder: str) -> str:
    """The stable event id: the same text coded by the same coder version gets the same id."""
    return "e" + stable_id(article_id, sentence_index, source, target, type_, mode, trigger_start, coder)
