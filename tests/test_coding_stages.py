"""The rules coder's stages one by one over stored parses (model-free), and the pipeline's steps around them.

The parses are spaCy's `en_core_web_sm` output for sentences written for these tests, kept as
`Doc.to_json()` in tests/data/stage_parses.json; `PYTHONPATH=. python tests/test_coding_stages.py` records
them again (after a model change, check that the expected outputs below still hold).
"""
from __future__ import annotations

import ast
import json
from dataclasses import replace
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from realpolitik import steps
from realpolitik.coding import RulesCoder, rules, stages
from realpolitik.model import ActorMention, Article
from realpolitik.options import Options

PARSES = Path(__file__).parent / "data" / "stage_parses.json"
DATE = "2026-03-01"
SENTENCES = [
    "Russia sent tanks to Ukraine on Monday.",
    "Japan agreed to supply fuel to Vietnam.",
    "Armenia and Azerbaijan traded artillery strikes overnight.",
    "Japan imposed sanctions on Russia in 2019.",
    "Officials said Chile may send aid to Peru.",
    "Peru sent arms to help defend Bolivia.",
    "Iran will attack Israel unless the strikes stop.",
    "The visitors sent tanks to Ukraine.",
]


def record() -> None:
    """Parse SENTENCES with the project's model and store the parses (run by hand)."""
    from realpolitik.nlp import get_nlp

    nlp = get_nlp()
    PARSES.write_text(json.dumps({t: nlp(t).to_json() for t in SENTENCES}, indent=0) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def parses() -> dict:
    return json.loads(PARSES.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def stored(parses, vocab, text: str):
    """The stored parse of `text` and its article."""
    return Doc(vocab).from_json(parses[text]), Article.from_text(text, published=DATE)


def context(coder, parses, vocab, text: str, settings: dict | None = None) -> stages.SentenceContext:
    """The first sentence's context, its actors found by the pipeline's actors step."""
    doc, art = stored(parses, vocab, text)
    ctx = steps.prepare(doc, art)
    c = coder if settings is None else RulesCoder(Options().with_settings(settings))
    return c.context(doc, next(doc.sents), 0, ctx.mentions, art.id, art.published, ctx)


def summary(cands) -> list[tuple]:
    """A candidate list as (trigger, type, sources, targets, how, absorbed, mutual, past)."""
    return [(c.tok.text, c.type, [m.code for m in c.sources], [m.code for m in c.targets], c.how, c.absorbed,
             c.mutual, c.past) for c in cands]


def through_readings(ctx):
    found = stages.candidates(ctx)
    return found, stages.readings(ctx, found.idx, stages.combine(found.cands))


def test_stored_parses_are_the_sentences(parses):
    assert sorted(parses) == sorted(SENTENCES)


def test_candidates_read_triggers_and_their_roles(coder, parses, vocab):
    found = stages.candidates(context(coder, parses, vocab, "Russia sent tanks to Ukraine on Monday."))
    assert summary(found.cands) == [("sent", "AID", ["RUS"], ["UKR"], "direct+prep", False, False, None)]
    assert found.guessable is True
    # no actor named: the gate stops the sentence before any trigger is read
    ctx = context(coder, parses, vocab, "Russia sent tanks to Ukraine on Monday.")
    assert stages.candidates(replace(ctx, mentions=())) is None


def test_combine_lets_a_wrapper_absorb_what_it_governs(coder, parses, vocab):
    found = stages.candidates(context(coder, parses, vocab, "Japan agreed to supply fuel to Vietnam."))
    assert summary(found.cands) == [("agreed", "AGREE", ["JPN"], [], "direct", False, False, None),
                                    # fuel supplied is energy trade (retype.trade_type), not aid
                                    ("supply", "COOPERATE", ["JPN"], ["VNM"], "inherited+prep", False, False, None)]
    assert summary(stages.combine(found.cands)) == [("agreed", "AGREE", ["JPN"], ["VNM"], "direct", False, False,
                                                     None)]


def test_readings_retype_an_exchange_of_fire(coder, parses, vocab):
    ctx = context(coder, parses, vocab, "Armenia and Azerbaijan traded artillery strikes overnight.")
    found = stages.candidates(ctx)
    before = summary(found.cands)
    assert summary(stages.readings(ctx, found.idx, found.cands)) == [
        ("traded", "ASSAULT", ["ARM", "AZE"], [], "direct", False, True, None),
        ("strikes", "ASSAULT", [], [], "noun", False, False, None)]
    assert summary(found.cands) == before  # the stage returns corrected copies


def test_readings_drop_or_undate_a_past_act(coder, parses, vocab):
    text = "Japan imposed sanctions on Russia in 2019."
    assert through_readings(context(coder, parses, vocab, text))[1] == []
    _, undated = through_readings(context(coder, parses, vocab, text, {"coding.past_events": "undate"}))
    assert summary(undated) == [("sanctions", "SANCTION", ["JPN"], ["RUS"], "light", False, False, "year 2019")]


def test_roles_pair_a_fight_both_ways(coder, parses, vocab):
    ctx = context(coder, parses, vocab, "Armenia and Azerbaijan traded artillery strikes overnight.")
    found, cands = through_readings(ctx)
    got = rules.roles(ctx, found.idx, cands)
    assert [(y.cand.tok.text, y.source.code, y.target.code, y.agentless) for y in got.dyads] == [
        ("traded", "ARM", "AZE", False), ("traded", "AZE", "ARM", False)]
    assert got.agentless == []


def test_roles_take_a_clause_actor_for_a_missing_recipient(coder, parses, vocab):
    ctx = context(coder, parses, vocab, "Peru sent arms to help defend Bolivia.")
    found, cands = through_readings(ctx)
    got = rules.roles(ctx, found.idx, cands)
    assert [(y.cand.tok.text, y.source.code, y.target.code, y.cand.how) for y in got.dyads] == [
        ("sent", "PER", "BOL", "direct+clause"), ("defend", "PER", "BOL", "inherited+direct")]
    assert [c.how for c in cands] == ["direct", "inherited+direct"]  # the input keeps its reading


def test_events_draft_a_conditional_attack_as_a_threat(coder, parses, vocab):
    ctx = context(coder, parses, vocab, "Iran will attack Israel unless the strikes stop.")
    found, cands = through_readings(ctx)
    [d] = rules.events(ctx, rules.roles(ctx, found.idx, cands).dyads)
    assert (d.cand.tok.text, d.source.code, d.target.code, d.type, d.mode, d.cameo, d.contexts, d.channel,
            d.refused) == ("attack", "IRN", "ISR", "THREATEN", None, "130", ("military",), None, False)


def test_factuality_step_of_a_reported_hedge(coder, parses, vocab):
    ctx = context(coder, parses, vocab, "Officials said Chile may send aid to Peru.")
    found, cands = through_readings(ctx)
    drafts = rules.events(ctx, rules.roles(ctx, found.idx, cands).dyads)
    [fact] = stages.factuality(ctx, drafts)
    assert (fact["factuality"], [c.text for c in fact["cues"]], fact["attributed_to"], fact["attribution_code"],
            fact["unattributed"]) == ("hypothetical", ["may"], "Officials", "GOV", False)


def test_confidence_from_roles_and_factuality(coder, parses, vocab):
    ctx = context(coder, parses, vocab, "Russia sent tanks to Ukraine on Monday.")
    [c] = stages.candidates(ctx).cands
    rus, ukr = c.sources[0], c.targets[0]
    assert stages.confidence(c, ukr, rus, "asserted") == 0.85
    assert stages.confidence(c, ukr, rus, "reported") == 0.75
    assert stages.confidence(c, None, rus, "asserted") == 0.35  # AID needs a recipient
    assert stages.confidence(replace(c, how="direct+clause"), ukr, rus, "asserted") == 0.73
    sector = ActorMention(text="troops", start=0, end=6, code="MIL", kind="sector")
    assert stages.confidence(c, ukr, sector, "asserted") == 0.65  # a bare sector was never right


def test_select_keeps_the_governing_act_of_a_dyad(coder, parses, vocab):
    ctx = context(coder, parses, vocab, "Peru sent arms to help defend Bolivia.")
    found, cands = through_readings(ctx)
    made = stages.finish(ctx, rules.events(ctx, rules.roles(ctx, found.idx, cands).dyads))
    assert [(m.event.type, m.event.confidence) for m in made] == [("AID", 0.73), ("SUPPORT", 0.7)]
    made, scene_only = stages.foreground(made)
    assert scene_only is False
    assert [(m.event.source, m.event.target, m.event.type, m.event.trigger.text) for m in stages.select(made)] == [
        ("PER", "BOL", "AID", "sent")]


def test_the_coder_composition_equals_its_stages(coder, parses, vocab):
    for text in SENTENCES:
        ctx = context(coder, parses, vocab, text)
        assert [c.event for c in coder.coded(ctx)] == coder.sentence(ctx)


def test_the_coder_codes_with_actor_mentions_found_elsewhere(coder, parses, vocab):
    doc, art = stored(parses, vocab, "The visitors sent tanks to Ukraine.")
    # the actors step knows no "visitors": an unnamed agent's act on the named recipient (pairing.unnamed_agent)
    assert [(e.source, e.target, e.type) for e in steps.code_parsed(coder, doc, art)] == [(None, "UKR", "AID")]
    given = (ActorMention(text="The visitors", start=0, end=12, code="RUS", country="RUS", name="Russia"),
             ActorMention(text="Ukraine", start=27, end=34, code="UKR", country="UKR", name="Ukraine"))
    evs = steps.code_parsed(coder, doc, art, mentions=given)
    assert [(e.source, e.target, e.type, e.source_text, e.factuality, e.confidence) for e in evs] == [
        ("RUS", "UKR", "AID", "The visitors", "asserted", 0.85)]
    # the same through the coder's own article entry, with the context the steps made
    assert coder.code_article(steps.prepare(doc, art, given)) == evs


def test_pipeline_steps_order_and_the_article_context(coder, parses, vocab):
    assert steps.ORDER == ("parse", "actors", "structure", "events", "factuality", "confidence", "place")
    doc, art = stored(parses, vocab, "Officials said Chile may send aid to Peru.")
    ctx = steps.prepare(doc, art)
    assert [(m.text, m.code) for m in ctx.mentions] == [("Officials", "GOV"), ("Chile", "CHL"), ("Peru", "PER")]
    assert ctx.structure is not None
    assert [(e.source, e.target, e.factuality, e.attribution_code) for e in coder.code_article(ctx)] == [
        ("CHL", "PER", "hypothetical", "GOV")]


CODER_MODULES = ("rules", "drafts", "pairing", "stages", "scored", "hybrid")


def test_coders_match_no_actors_and_assess_no_factuality_themselves():
    root = Path(__file__).resolve().parents[1] / "realpolitik" / "coding"
    for name in CODER_MODULES:
        tree = ast.parse((root / f"{name}.py").read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | \
            {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not {m for m in imported if m and m.startswith(("realpolitik.actors", "realpolitik.factuality"))}, name


def test_coder_settings_resolve_the_coders_defaults():
    opts = Options().with_settings({"coding.past_events": "keep", "coding.clause_roles": False})
    s = RulesCoder(opts).settings
    assert (s.name, s.version, s.past_events, s.clause_roles, s.sourceless, s.recipientless) == (
        "rules", "1", "keep", False, False, True)
    from realpolitik.coding import HybridCoder

    h = HybridCoder(Options(coder="hybrid.v1").with_settings({"coding.classifier": False})).settings
    assert (h.name, h.sourceless, h.recipientless) == ("hybrid", True, False)


if __name__ == "__main__":
    record()
