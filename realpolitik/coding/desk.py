"""Which desk an article comes from: politics, business, sport, entertainment or tech copy.

PLOVER codes political actors' interactions (manual, "Required entities"). A newspaper's sport,
arts and technology pages use the lexicon's verbs in other senses ("the club attacked", "the film
backs", "the firm launched a strike on rivals' prices"), and its business pages report commerce,
trade figures and firms coded as their states. A multinomial naive Bayes model over lowercase word
counts reads an article's desk; the coder then keeps, in non-political copy, only the events with a
political actor on one side (`desk_events`, called by coding/rules.py).

The model is fitted by `fit()` (benchmarks/train_desk.py) on BBC 2005 articles with index below
1300 (their `category` field) plus the synthetic NGEC stories as political copy, and stored as
realpolitik/coding/data/desk_model.json. It is used at document level only: a text shorter than
`MIN_WORDS` (a lone sentence, a headline) is never classed, so sentence gold sets are unaffected.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from realpolitik.coding import domain
from realpolitik.model import Event
from realpolitik.settings import DESK_MIN_WORDS, CoderSettings

MODEL = Path(__file__).with_name("data") / "desk_model.json"
DESKS = ("politics", "business", "sport", "entertainment", "tech")
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")

# Words of an article below which it is not classed (settings.DESK_MIN_WORDS says why).
MIN_WORDS = DESK_MIN_WORDS
# Vocabulary kept: words seen in at least this many training articles, the most frequent first, up
# to VOCAB words. benchmarks/train_desk.py measured, on the held-out part of BBC < 1300, 367 of 384
# articles right (0.956), and 1,222 of 1,298 held-out NGEC stories read as politics (NGEC weight 0.1;
# weight 0: 0.966 and 639 of 1,298, so the stories teach what international political copy reads like).
MIN_DF = 3
VOCAB = 6000
# Additive smoothing of word counts per desk (Laplace).
ALPHA = 1.0


@dataclass(frozen=True)
class DeskModel:
    """Per desk, a log-probability for every vocabulary word and one for unseen words."""

    desks: tuple[str, ...]
    vocab: dict[str, int]
    logp: tuple[tuple[float, ...], ...]  # [desk][word index]

    def log_likelihoods(self, text: str) -> tuple[dict[str, float], int]:
        """Each desk's log-likelihood of a text's known words, and how many known words it has."""
        counts = Counter(w for w in words(text) if w in self.vocab)
        logs = {d: sum(n * lp[self.vocab[w]] for w, n in counts.items()) for d, lp in zip(self.desks, self.logp)}
        return logs, sum(counts.values())

    def scores(self, text: str) -> dict[str, float]:
        """The posterior probability of each desk for a text (uniform priors)."""
        logs = list(self.log_likelihoods(text)[0].values())
        top = max(logs)
        exp = [math.exp(x - top) for x in logs]
        total = sum(exp)
        return {d: e / total for d, e in zip(self.desks, exp)}


def words(text: str) -> list[str]:
    """The lowercase words of a text."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=1)
def model() -> DeskModel:
    """The stored model (realpolitik/coding/data/desk_model.json)."""
    with open(MODEL, encoding="utf-8") as f:
        data = json.load(f)
    return DeskModel(tuple(data["desks"]), {w: i for i, w in enumerate(data["vocab"])},
                     tuple(tuple(row) for row in data["logp"]))


def desk_of(text: str, min_words: int = MIN_WORDS, margin: float = 0.0) -> str | None:
    """The desk an article's text most likely comes from; None for a text under `min_words` words.

    A desk other than politics must beat politics by `margin` nats of log-likelihood per 100 known words,
    else the text is read as politics (statecraft over gas, trade or sanctions reads half as business)."""
    if len(text.split()) < min_words:
        return None
    logs, n = model().log_likelihoods(text)
    best = max(logs, key=logs.get)
    if best != "politics" and (logs[best] - logs["politics"]) * 100 / max(n, 1) < margin:
        return "politics"
    return best


def desk_events(events: list[Event], text: str, settings: CoderSettings) -> list[Event]:
    """The events kept from an article: all of them in political copy (or a text too short to class),
    else those with a political actor on one side (in sport copy, every named side political; elsewhere a court
    or prosecutor facing a firm does not count, `domain.litigation`). Business,
    sport, arts and technology pages report trade figures, deals and matches between firms, clubs and states
    read through their firms; there a capital is an exchange's or a club's city and "the sides" are teams
    (domain.political_in_sport)."""
    desk = desk_of(text, settings.desk_min_words, settings.desk_margin)
    if desk in (None, "politics"):
        return events
    if desk == "sport":
        # an official acting on athletes, clubs or fans ("the sprinters were charged by a Greek prosecutor",
        # "the minister praised the team") is sport news: every named side must be political there
        return [e for e in events if (e.source or e.target)
                and (not e.source or domain.political_in_sport(e.source, e.source_text))
                and (not e.target or domain.political_in_sport(e.target, e.target_text))]
    # a court or prosecutor acting on a firm is the firm's litigation, which the court does not make political
    return [e for e in events if (domain.political_in_sport(e.source, e.source_text)
                                  or domain.political_in_sport(e.target, e.target_text))
            and not domain.litigation(e.source, e.target)]


def fit(docs: Iterable[tuple[str, str, float]], min_df: int = MIN_DF, vocab_size: int = VOCAB) -> DeskModel:
    """A model fitted on (text, desk, weight) rows; a row's word counts are scaled by its weight (to
    balance a source that outnumbers the others)."""
    per_desk: dict[str, Counter] = {d: Counter() for d in DESKS}
    df: Counter = Counter()
    for text, desk, weight in docs:
        c = Counter(words(text))
        per_desk[desk].update({w: n * weight for w, n in c.items()})
        df.update(c.keys())
    kept = [w for w, n in df.most_common() if n >= min_df][:vocab_size]
    vocab = {w: i for i, w in enumerate(kept)}
    logp = []
    for d in DESKS:
        total = sum(per_desk[d][w] for w in kept) + ALPHA * len(kept)
        logp.append(tuple(round(math.log((per_desk[d][w] + ALPHA) / total), 4) for w in kept))
    return DeskModel(DESKS, vocab, tuple(logp))


def save(m: DeskModel, path: Path = MODEL) -> None:
    """Write a model as JSON (the vocabulary in index order)."""
    vocab = sorted(m.vocab, key=m.vocab.get)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"desks": list(m.desks), "vocab": vocab, "logp": [list(r) for r in m.logp]}, f,
                  separators=(",", ":"))
        f.write("\n")
