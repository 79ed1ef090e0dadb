"""Event locations as columns (migration 25): where an event happened, for filters and the map."""
from __future__ import annotations

import logging

from realpolitik.store.schema import migration

log = logging.getLogger(__name__)


@migration(25, "event locations: place name, country, admin1, coordinates and precision")
def _locations() -> list[str]:
    cols = [("location_name", "VARCHAR"), ("location_country", "VARCHAR"), ("location_admin1", "VARCHAR"),
            ("location_lat", "DOUBLE PRECISION"), ("location_lon", "DOUBLE PRECISION"),
            ("location_precision", "VARCHAR")]
    return [f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {name} {kind}" for name, kind in cols] + [
        "CREATE INDEX IF NOT EXISTS idx_events_location ON events (location_country, date)"]
