"""Lexicon helpers: repaired lemmas, attribution verbs, and robustness of `assess` on any parse."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.factuality import PRECEDENCE, Assessment, assess, document_context, is_attribution_verb
from realpolitik.factuality.lexicon import lemma_of
from realpolitik.nlp import get_nlp


def test_lemma_repair_where_the_lemmatiser_misses():
    doc = get_nlp()("Iran hopes to buy jets and officials says so.")
    assert lemma_of(doc[1]) == "hope"
    assert lemma_of(doc[7]) == "say"


def test_reporting_and_denial_verbs_are_attribution():
    doc = get_nlp()("Analysts claimed that Cuba refuted the story, the paper reported.")
    assert [t.text for t in doc if is_attribution_verb(t)] == ["claimed", "refuted", "reported"]


def test_event_verbs_are_not_attribution():
    doc = get_nlp()("Ecuador expelled the envoy and condemned the raid.")
    assert not any(is_attribution_verb(t) for t in doc)


def test_assessment_defaults_to_asserted():
    a = Assessment()
    assert (a.factuality, a.cues, a.attributed_to, a.unattributed, a.suppress) == ("asserted", (), None, False, False)


WORDS = ["Peru", "Chile", "said", "will", "not", "could", "if", "reportedly", "denied", "that", "sent", "troops",
         "to", "?", ".", ",", "according", "officials", "\n", "- ", "Reports", "indicate:", "expected", "is",
         "Contents", "would", "have", "never", "plans"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_any_text_gets_a_valid_assessment(words):
    doc = get_nlp()(" ".join(words))
    ctx = document_context(doc)
    for tok in doc:
        a = assess(doc, tok.sent, tok, ctx)
        assert a.factuality in PRECEDENCE and a.reason != "error"
        for cue in a.cues:
            assert doc.text[cue.start:cue.end] == cue.text
