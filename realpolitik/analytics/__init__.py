"""Analytics over a store: dyad series, support profiles, the alignment network, shifts and stability.

Each function takes a store and a `Scope` and returns pandas (or a `Network`); the `*_dict`
variants return JSON-able data for the API. Formulas: docs/analytics.md.
"""
from __future__ import annotations

from realpolitik.analytics.frame import (
                                         FACTUALITY_WEIGHT,
                                         Scope,
                                         ScopeError,
                                         great_powers,
                                         load_events,
                                         records,
                                         regions,
                                         regions_of,
                                         to_arrow,
)
from realpolitik.analytics.network import Network, compare, compare_windows, network, network_dict
from realpolitik.analytics.profile import profile_dict, support_profile
from realpolitik.analytics.series import series, series_dict
from realpolitik.analytics.shifts import shifts, shifts_dict
from realpolitik.analytics.stability import stability, stability_dict

__all__ = ["Scope", "ScopeError", "FACTUALITY_WEIGHT", "load_events", "records", "to_arrow", "regions",
           "regions_of", "great_powers", "series", "series_dict", "support_profile", "profile_dict", "network",
           "network_dict",
           "Network", "compare", "compare_windows", "shifts", "shifts_dict", "stability", "stability_dict"]
