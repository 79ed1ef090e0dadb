"""Factuality and attribution: is an event stated as fact, reported, planned, possible, denied or asked?

The event coder calls, once per document and then once per event::

    ctx = document_context(doc)                 # bullets, headings, tables of contents, title hedges
    a = assess(doc, sent, trigger_token, ctx)   # -> Assessment(factuality, cues, attributed_to, ...)

and uses `is_attribution_verb(token)` to tell, in "X said Y would ...", that X is the source of
the claim and not the actor of the event.
"""
from __future__ import annotations

from realpolitik.factuality.document import DocContext, Region, document_context
from realpolitik.factuality.lexicon import (
    DENIAL_VERBS,
    PRECEDENCE,
    REPORTING_VERBS,
    is_attribution_verb,
)
from realpolitik.factuality.scope import Assessment, assess, attribution_of

__all__ = ["Assessment", "DocContext", "Region", "assess", "attribution_of", "document_context",
           "is_attribution_verb", "PRECEDENCE", "REPORTING_VERBS", "DENIAL_VERBS"]
