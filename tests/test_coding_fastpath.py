"""The rules coder's fast path (parse only what can yield) against the full parse: same events."""
import json
from pathlib import Path

import pytest

from realpolitik.coding import RulesCoder
from realpolitik.coding import fastpath
from realpolitik.model import Article
from realpolitik.options import Options

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

TEXTS = {
    # the title and the lead-in name no actor: they are parsed for the document reading only
    "title_hedge": "Report: a drone deal is near\n\nIran has agreed to buy armed drones from China.\n\n"
                   "The weather in Tehran was mild on Monday. Officials in Beijing declined to comment.",
    "bullets": "Sources familiar with the plans say:\n- Turkey will send two frigates to Libya.\n- Ankara "
               "signed a military training pact with Tripoli.\n\nThe markets were calm all week.",
    "question": "Will Russia supply Serbia with fighter jets?\n\nRussia delivered six fighter jets to Serbia "
                "last year. Serbia thanked Moscow for the help.",
    "pronoun": "The Japanese foreign ministry issued a statement on Friday. It said North Korea had fired two "
               "missiles toward Japan. Tourists enjoyed the beaches.",
    "filler": "Football fans gathered in the square before the match. Brazil condemned Venezuela over the "
              "border clash, and Colombia offered to mediate between them. Prices rose by two percent.",
}


@pytest.fixture(scope="module")
def coders():
    return RulesCoder(Options().with_settings({"coding.fastpath": False})), RulesCoder(Options().with_settings({"coding.fastpath": True}))


def _events(coder, texts):
    arts = [Article.from_text(t, published="2026-03-01") for t in texts]
    return list(coder.code_many(arts))


def _plain(events):
    # the sentence number of a stretch left unparsed comes from the sentence recogniser, not the parser
    return sorted(json.dumps({k: v for k, v in e.as_dict().items() if k not in ("id", "sentence_index")},
                             sort_keys=True) for e in events)


def test_fast_path_is_the_default_for_rules_only():
    from realpolitik.coding.hybrid import HybridCoder

    assert RulesCoder()._fastpath() and not RulesCoder(Options().with_settings({"coding.fastpath": False}))._fastpath()
    assert not HybridCoder(Options().with_settings({"coding.classifier": False}))._fastpath()


def test_same_events_as_the_full_parse(coders):
    full, fast = coders
    for name, a, b in zip(TEXTS, _events(full, TEXTS.values()), _events(fast, TEXTS.values())):
        assert a, name  # every text reports something: the comparison is not between two empty lists
        assert _plain(a) == _plain(b), name


def test_bullet_and_question_statuses_survive(coders):
    _, fast = coders
    bullets, question = _events(fast, [TEXTS["bullets"], TEXTS["question"]])
    signed = [e for e in bullets if e.trigger.text == "signed"]
    assert signed and {e.factuality for e in signed} == {"reported"}  # from the lead-in line above it
    asked = [e for e in question if e.evidence.text.startswith("Will")]
    assert asked and all(e.factuality == "question" for e in asked)


def test_spans_are_article_offsets(coders):
    _, fast = coders
    for text, events in zip(TEXTS.values(), _events(fast, TEXTS.values())):
        for e in events:
            spans = [e.evidence, e.trigger, e.source_span, e.target_span, *e.cues]
            for sp in spans:
                if sp is not None:
                    assert 0 <= sp.start <= sp.end <= len(text) and text[sp.start:sp.end] == sp.text


def test_sentences_without_actor_or_trigger_are_not_parsed():
    from realpolitik.nlp import get_nlp

    text = TEXTS["filler"]
    doc = next(fastpath._stage1(get_nlp(), [text], 8))
    runs = fastpath._prefilter(False).plan(doc, text)
    parsed = [doc[s:e].text for s, e, p in runs if p]
    assert parsed == [doc[runs[1][0]:runs[1][1]].text] and parsed[0].startswith("Brazil condemned")


def _parsed(text):
    from realpolitik.nlp import get_nlp

    doc = next(fastpath._stage1(get_nlp(), [text], 8))
    return [doc[s:e].text for s, e, p in fastpath._prefilter(False).plan(doc, text) if p]


def test_a_reporting_verb_alone_needs_must_or_should():
    # "said" is no trigger: its one reading is "X said Y must ..." (candidates._obligation)
    assert _parsed("Brazil said the weather was mild.") == []
    assert _parsed("Brazil said Peru must withdraw its troops.") == ["Brazil said Peru must withdraw its troops."]
    # "state" opens the coder's gate as a reporting verb's lemma; with STATE_OF_NOUNS it is an event of its own
    kept = "Peru kept the state of emergency in Lima."
    assert _parsed(kept) == [kept]
    assert [(e.source, e.type) for e in _events(RulesCoder(), [kept])[0]] == [("PER", "COERCE")]


def test_said_sentences_left_unparsed_change_no_event(coders):
    text = ("Brazil said the talks were long. Peru said Chile must withdraw its troops. Chile said it was "
            "ready. It accused Peru of lying.")
    full, fast = coders
    [a], [b] = _events(full, [text]), _events(fast, [text])
    assert a and _plain(a) == _plain(b)


def test_multi_token_ruler_patterns_are_looked_for_only_where_they_may_match():
    from realpolitik.coding.fastattrs import FastAttrs
    from realpolitik.nlp import get_nlp

    nlp = get_nlp()
    fa = FastAttrs(nlp)
    rows = [d.to_array(fa.in_attrs).tolist() for d in nlp.pipe(["Peru signed the deal.", "There is a deal.",
                                                                 "We're gonna sign it."])]
    assert [fa._may_match(r) for r in rows] == [False, True, True]


def test_lemma_forms_cover_the_lemmatizer():
    from realpolitik.nlp import get_nlp

    nlp = get_nlp()
    forms = fastpath._prefilter(False)._lemmas.forms
    for doc in nlp.pipe(TEXTS.values()):
        for t in doc:
            assert t.lemma_.lower() in forms(t.lower_), t.text


def test_memoised_ruler_and_lemmatizer_match_the_real_ones():
    from spacy.attrs import LEMMA, MORPH, POS, TAG

    from realpolitik.coding.fastattrs import FastAttrs
    from realpolitik.nlp import get_nlp

    nlp = get_nlp()
    texts = list(TEXTS.values()) + ["There is a deal, and there's hope. Let's go, we're gonna sign it, ain't we?"] * 2
    want = [d.to_array([TAG, POS, MORPH, LEMMA]).tolist() for d in nlp.pipe(texts)]
    fa = FastAttrs(nlp)
    got = [d.to_array([TAG, POS, MORPH, LEMMA]).tolist()
           for d in fa.pipe(nlp.pipe(texts, disable=list(fa.names)))]
    assert got == want and fa.hits  # the repeated texts are answered from the memo


def test_lemma_index_as_sets_gives_the_stock_lemmas():
    import spacy

    from realpolitik.nlp import MODEL, get_nlp

    nlp = get_nlp()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    stock = spacy.load(MODEL, exclude=["parser", "ner"])  # spaCy's own list index
    texts = list(TEXTS.values()) + ["The envoys were meeting; sanctions hurt the oxen's owners, who fled."]
    assert [[t.lemma_ for t in d] for d in nlp.pipe(texts)] == [[t.lemma_ for t in d] for d in stock.pipe(texts)]


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared/eval is absent")
def test_dev_records_code_the_same(coders):
    full, fast = coders
    recs = [json.loads(line) for line in (SHARED / "eval" / "seedlike_dev.jsonl").read_text().splitlines() if line]
    recs += [json.loads(line) for line in
             (SHARED / "eval" / "plover_manual_dev.jsonl").read_text().splitlines()[:40] if line]
    texts = [r["text"] for r in recs]
    for r, a, b in zip(recs, _events(full, texts), _events(fast, texts)):
        assert _plain(a) == _plain(b), r["id"]


def test_two_processes_give_the_same_events(monkeypatch):
    from realpolitik.coding import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_ARTICLES", 0)
    texts = list(TEXTS.values()) * 2
    serial = _events(RulesCoder(Options(batch_size=2)), texts)
    try:
        two = _events(RulesCoder(Options(batch_size=2, n_process=2)), texts)
        forked = parallel._state["pool"] is not None
    finally:
        parallel.shutdown()
    if not forked:
        pytest.skip("this process cannot fork workers (threads running or no fork)")
    assert [[e.as_dict() for e in evs] for evs in two] == [[e.as_dict() for e in evs] for evs in serial]
