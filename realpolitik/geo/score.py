"""How well events are placed: share located, precision and recall of locations against a manifest whose
expected events carry a `location` ({"name", "country", "precision"} or null when the text says nowhere)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from realpolitik.model import Event

log = logging.getLogger(__name__)


def match_expected(text: str, events: list[Event], expected: dict[str, Any]) -> Event | None:
    """The coded event standing for an expected one: its evidence covers the cue, the type agrees, and
    the same source state when several do."""
    at = text.find(expected["cue"])
    if at < 0:
        return None
    covering = [e for e in events if e.evidence.start <= at < e.evidence.end]
    typed = [e for e in covering if e.type == expected["type"]]
    same_source = [e for e in typed if (e.source or "")[:3] == expected["source"][:3]]
    pick = same_source or typed
    return pick[0] if pick else None


def same_place(got: dict[str, Any] | None, want: dict[str, Any] | None) -> bool:
    """Whether a predicted location is the expected one: same country and name (or both none)."""
    if not got or not want:
        return not got and not want
    if got.get("country") != want.get("country"):
        return False
    if (got.get("name") or "").lower() == (want.get("name") or "").lower():
        return True
    from realpolitik.geo.gazetteer import resolve

    # The gazetteer's spelling of the same place ("Kryvyi Rih" is GeoNames' "Kryvyy Rih").
    same = resolve(want.get("name") or "", [want["country"]] if want.get("country") else ())
    return same is not None and same.name == got.get("name") and same.country == got.get("country")


@dataclass
class LocationScore:
    """Counts behind the location figures."""

    events: int = 0  # every event coded
    located: int = 0  # of those, with a location
    matched: int = 0  # expected events the coder found
    predicted: int = 0  # matched events the coder located
    correct: int = 0  # of those, at the expected place
    expected_places: int = 0  # matched events whose text says where
    found_places: int = 0  # of those, located at the expected place
    by_precision: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str, Any, Any]] = field(default_factory=list)

    def add(self, key: str, cue: str, got: dict[str, Any] | None, want: dict[str, Any] | None) -> None:
        """Count one matched expected event."""
        self.matched += 1
        ok = same_place(got, want)
        if got:
            self.predicted += 1
            self.correct += ok
        if want:
            self.expected_places += 1
            self.found_places += bool(got) and ok
        if not ok:
            self.errors.append((key, cue, got, want))

    def as_dict(self) -> dict[str, Any]:
        """The figures: share located, precision, recall, with their counts."""
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {"events": self.events, "located": self.located, "share_located": ratio(self.located, self.events),
                "by_precision": dict(sorted(self.by_precision.items())), "matched": self.matched,
                "precision": ratio(self.correct, self.predicted),
                "recall": ratio(self.found_places, self.expected_places),
                "predicted": self.predicted, "correct": self.correct, "expected_places": self.expected_places}
