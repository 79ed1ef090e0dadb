"""The hybrid coder (`hybrid.v1`): the rules coder plus a best-guess event for every sentence that reports one.

Where `rules.v1` finds no event whose actor it can resolve, `hybrid.v1` still says what kind of
event the sentence reports: it takes the sentence's trigger candidates (their actor when one was
resolved, else none; a recipient when one was found) and lets the sentence classifier
(`realpolitik.coding.quadclf`, trained on the project's own sentences) decide whether the sentence
is a plain statement (no event then) and which quad class its event has (the candidate whose
type has that quad wins). These events carry a low confidence (rules.SOURCELESS_CONFIDENCE).
It suits sentence-level classification and domestic news whose actors are unnamed groups; the
actor-resolved events are exactly those of `rules.v1`.
"""
from __future__ import annotations

import logging

from realpolitik import ontology
from realpolitik.coding import quadclf
from realpolitik.coding.candidates import Candidate
from realpolitik.coding.rules import RulesCoder, fallback_rank
from realpolitik.coding.stages import Coded, SentenceContext
from realpolitik.options import Options
from realpolitik.registry import coders

log = logging.getLogger(__name__)

NAME, VERSION = "hybrid", "1"
# The classifier's top class must have at least this probability for a best-guess event. Swept on the
# dev sets (0.5-0.7, coder_dev_log step13): 0.5 kept pentaclass macro-F1 at 0.653 while cutting
# plover_manual_dev false positives from 121 to 101; higher values cost pentaclass more than they gave.
MIN_CLASS_PROB = 0.5


class HybridCoder(RulesCoder):
    """Rules events, plus one classifier-checked best-guess event for sentences the rules leave empty."""

    name = NAME
    version = VERSION
    SOURCELESS = True
    # recipient-less rules events are left to the classifier-checked best guess (pairing.drop_targetless)
    RECIPIENTLESS = False

    def __init__(self, options: Options | None = None):
        super().__init__(options)
        self.clf = quadclf.model() if self.options.coding.classifier else None

    def _sourceless_event(self, ctx: SentenceContext, cands: list[Candidate]) -> Coded | None:
        """The best-guess event of a sentence without actor-resolved events, or None for a statement."""
        if not cands:
            return None
        ranked = sorted(cands, key=fallback_rank)
        if self.clf is not None:
            p = self.clf.proba(ctx.sent)
            if max(p, key=p.get) == "statement":
                return None
            if max(p.values()) < MIN_CLASS_PROB:
                return None  # an unsure classifier: no best guess (on plover_manual_dev these were mostly wrong)
            quads = {ontology.quad(c.type) for c in ranked}
            best = max(quads, key=lambda q: p.get(q, 0.0))
            ranked = [c for c in ranked if ontology.quad(c.type) == best] + \
                     [c for c in ranked if ontology.quad(c.type) != best]
        return self._first_event(ctx, ranked)


@coders.register("hybrid.v1")
def make_hybrid_coder(options: Options | None = None) -> HybridCoder:
    """Factory of the hybrid coder."""
    return HybridCoder(options)
