"""The scored rules coder (`rules.v2`): `rules.v1`'s events as candidates, kept, retyped and scored by a model.

Every event the rules read off a sentence is a candidate. The learned scorer (coding/scorer.py,
trained by benchmarks/train_scorer.py) gives it a probability that the text states it, a type among
the 16 PLOVER types and a confidence (P(keep) x P(type)); candidates below the model's threshold are
dropped. Retyped events get the new type's quad, CAMEO root and PLOVER intensity; their mode is
cleared (the trigger's mode belonged to the old type).

`ScoredRulesCoder(options, model_path=PATH)` uses another model file; `collect=True` turns scoring
off and records each candidate's features in `coder.collected` (event id -> (feature set name ->
features)) for training (realpolitik/scorer_training.py).
"""
from __future__ import annotations

from dataclasses import replace

from realpolitik import ontology
from realpolitik.coding import cues, scorer
from realpolitik.coding.rules import RulesCoder
from realpolitik.coding.stages import SentenceContext
from realpolitik.model import Event, event_id_for
from realpolitik.options import Options
from realpolitik.registry import coders

VERSION = "2"


class ScoredRulesCoder(RulesCoder):
    """Rules candidates decided by a trained linear model."""

    version = VERSION

    def __init__(self, options: Options | None = None, model_path: str | None = None, collect: bool = False):
        options = options or Options()
        self.collect = collect
        self.collected: dict[str, dict[str, list[str]]] = {}
        self.model = None if collect else scorer.load(str(model_path or scorer.MODEL))
        # the candidates the model was trained on: its best-guess types unless the settings name some
        if self.model is not None and self.model.best_guess_types and not options.coding.best_guess_types:
            options = options.with_(coding=replace(options.coding,
                                                   best_guess_types=frozenset(self.model.best_guess_types)))
        super().__init__(options)

    def sentence(self, ctx: SentenceContext) -> list[Event]:
        """The sentence's rule events, each kept or dropped, typed and scored by the model."""
        out = []
        for got in self.coded(ctx):
            ev, c = got.event, got.cand
            args = (ctx.sent, c.tok, ev, c.how, bool(c.trig.weak), ctx.index)
            if self.collect:
                self.collected[ev.id] = {fs: scorer.features(fs, *args) for fs in scorer.FEATURE_SETS}
                out.append(ev)
                continue
            typ, conf, _ = self.model.decide(scorer.features(self.model.feature_set, *args), ev.type)
            if conf < self.model.threshold:
                continue
            out.append(self._retyped(ev, typ, round(conf, 3), ctx.article_id, ctx.index))
        return out

    def _retyped(self, ev: Event, typ: str, conf: float, article_id: str, sent_index: int) -> Event:
        """The event with the model's confidence and, when the model changed it, its new type."""
        if typ == ev.type:
            return replace(ev, confidence=conf)
        cameo = cues.cameo_for(typ, None, ev.contexts)
        eid = event_id_for(article_id, sent_index, ev.source, ev.target, typ, None,
                           ev.trigger.start if ev.trigger else 0, f"{self.name}.v{self.version}")
        channel = ev.channel if typ in cues.COOPERATIVE else None
        return replace(ev, id=eid, type=typ, mode=None, cameo=cameo, quad=ontology.quad(typ),
                       intensity=ontology.intensity(typ, None), goldstein=ontology.goldstein(cameo),
                       channel=channel, fronts=ontology.fronts_of(channel), confidence=conf)


@coders.register("rules.v2")
def make_scored_rules_coder(options: Options | None = None) -> ScoredRulesCoder:
    """Factory of the scored rules coder."""
    return ScoredRulesCoder(options)
