"""Writing events out: table, JSONL, CSV, Parquet (events.py) and other datasets' layouts (formats.py)."""
from __future__ import annotations

from realpolitik.export import events, formats  # noqa: F401  (each registers its exporters)
from realpolitik.registry import exporters
from realpolitik.store.base import EventFilter

__all__ = ["write_events"]


def write_events(store, flt: EventFilter, fmt: str, outfile: str | None = None) -> int:
    """Write the events matching `flt` in format `fmt` (a registered exporter) to a file or stdout."""
    return exporters.get(fmt)(store, flt, outfile)
