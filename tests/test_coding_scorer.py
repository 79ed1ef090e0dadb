"""The learned scorer of rules.v2: features over hand-built parses, the model file, training, the coder."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from realpolitik import scorer_training as scorer_train
from realpolitik.coding import scorer
from realpolitik.model import Article, Event, Span


def _doc():
    """ "Russia sent tanks to Ukraine." as a parser would give it, built by hand (no model needed)."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["Russia", "sent", "tanks", "to", "Ukraine", "."],
               spaces=[True, True, True, True, False, False], heads=[1, 1, 1, 1, 3, 1],
               deps=["nsubj", "ROOT", "dobj", "dative", "pobj", "punct"],
               lemmas=["Russia", "send", "tank", "to", "Ukraine", "."],
               pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"], sent_starts=[1, 0, 0, 0, 0, 0])


def _event(**kw):
    base = dict(id="e1", article_id="a1", sentence_index=0, source="RUS", target="UKR", type="AID",
                factuality="asserted", confidence=0.83, source_span=Span(0, 6, "Russia"),
                target_span=Span(21, 28, "Ukraine"))
    return Event(**{**base, **kw})


def test_parse_features_of_a_hand_built_parse():
    doc = _doc()
    feats = scorer.parse_features(doc[0:6], doc[1], _event(), "direct+clause", False, 0)
    assert feats == ['bias', 'rt:AID', 'rq:material_cooperation', 'lem:send', 'lemt:send|AID', 'pos:VERB',
                     'dep:ROOT', 'hd:ROOT', 'how:direct', 'fact:asserted', 'conf:8', 'how:+clause', 'sk:state',
                     'tk:state', 'pair:state>state', 'sp:vnsubj', 'sside:before', 'tp:vdativevpobj', 'tside:after',
                     'sent:0', 'tokpos:0', 'w-2:<edge>', 'w-1:russia', 'w+1:tank', 'w+2:to']


def test_parse_features_of_an_actorless_sector_candidate():
    doc = _doc()
    ev = _event(source="RUSMIL", target=None, target_span=None, type="MOBILIZE", factuality="planned",
                confidence=0.2)
    feats = scorer.parse_features(doc[0:6], doc[1], ev, "noun", True, 5)
    assert [f for f in feats if f.startswith(("sk:", "tk:", "pair:", "tp:", "sent:", "weak", "how:", "conf:"))] == \
        ['how:noun', 'conf:2', 'weak', 'sk:sector', 'tk:none', 'pair:sector>none', 'tp:none', 'sent:3']


def test_word_features_and_dependency_paths():
    doc = _doc()
    assert scorer.word_features(doc[0:6], _event()) == [
        'bias', 'rt:AID', 'rq:material_cooperation', 'sk:state', 'tk:state', 'l:russia', 'l:send', 'l:tank',
        'l:ukraine']
    assert scorer.dep_path(doc[1], doc[4]) == "vdativevpobj"
    assert scorer.dep_path(doc[0], doc[4]) == "nsubj^vdativevpobj"
    assert scorer.dep_path(doc[2], doc[2]) == "self"
    with pytest.raises(scorer.ScorerError, match="unknown feature set 'bag'"):
        scorer.features("bag", doc[0:6], doc[1], _event(), "direct", False, 0)


def test_shipped_model_loads_and_validates():
    m = scorer.read(scorer.MODEL)
    assert m.feature_set in scorer.FEATURE_SETS
    assert m.type_w.shape == (len(m.index), 16) and m.keep_w.shape == (len(m.index),)
    assert 0.0 <= m.threshold <= 1.0
    assert set(m.best_guess_types) <= set(scorer.types_order())
    assert {"trained_on", "cv"} <= set(m.meta)
    p = m.type_proba(["bias", "rt:ASSAULT"])
    assert abs(sum(p.values()) - 1.0) < 1e-9 and list(p) == list(scorer.types_order())


def test_bad_model_files_name_the_file_and_the_problem(tmp_path):
    good = json.loads(scorer.MODEL.read_text(encoding="utf-8"))
    cases = {"types": ({**good, "types": good["types"][:15]}, "its types differ from the ontology"),
             "threshold": ({**good, "threshold": 1.5}, "threshold 1.5 is outside"),
             "weights": ({**good, "weights": {"bias": [0.1, 0.2]}}, "feature 'bias' needs 17 weights"),
             "format": ({**good, "format": 9}, "format 9, expected 1")}
    for name, (data, message) in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(scorer.ScorerError, match=f"{name}.json: {message}"):
            scorer.read(path)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(scorer.ScorerError, match="broken.json: cannot read"):
        scorer.read(tmp_path / "broken.json")
    with pytest.raises(scorer.ScorerError, match="absent.json: no such file"):
        scorer.read(tmp_path / "absent.json")


def _tiny_set():
    """Eight labelled candidates: the "cue:said" ones are dropped, "cue:sent" kept as AID, "cue:hit" kept as ASSAULT."""
    rows = []
    for i in range(8):
        cue = ("said", "sent", "hit", "sent")[i % 4]
        keep = 0 if cue == "said" else 1
        typ = {"sent": "AID", "hit": "ASSAULT"}.get(cue)
        feats = {"parse": ["bias", f"cue:{cue}", "rt:AID"], "words": ["bias"]}
        rows.append(scorer_train.Candidate(f"r{i}", {"source": "AAA", "target": "BBB", "type": "AID"}, feats,
                                           keep=keep, type=typ))
    return rows


def test_training_is_deterministic_and_learns_a_tiny_set():
    a = scorer_train.fit(_tiny_set(), "parse", l2=1e-2, threshold=0.5, retype_margin=0.1)
    b = scorer_train.fit(_tiny_set(), "parse", l2=1e-2, threshold=0.5, retype_margin=0.1)
    assert json.dumps(a.to_json()) == json.dumps(b.to_json())
    assert sorted(a.index) == ["bias", "cue:hit", "cue:said", "cue:sent", "rt:AID"]
    decide = lambda cue: a.decide(["bias", f"cue:{cue}", "rt:AID"], "AID")  # noqa: E731
    assert decide("said")[2] < 0.5 < decide("sent")[2]
    assert decide("sent")[0] == "AID" and decide("hit")[0] == "ASSAULT"
    preds = scorer_train.apply(a, _tiny_set(), 0.5, 0.1)
    assert {r: [e["type"] for e in evs] for r, evs in preds.items()} == {
        "r0": [], "r1": ["AID"], "r2": ["ASSAULT"], "r3": ["AID"], "r4": [], "r5": ["AID"], "r6": ["ASSAULT"],
        "r7": ["AID"]}


def test_labels_follow_the_format_matching():
    rec = {"id": "x", "events": [{"source": "RUS", "target": "UKR", "type": "ASSAULT"}]}
    cands = [({"source": "RUS", "target": "UKR", "type": "COERCE"}, {"parse": ["bias"]}),
             ({"source": "RUS", "target": "UKR", "type": "ASSAULT"}, {"parse": ["bias"]}),
             ({"source": "UKR", "target": "RUS", "type": "ASSAULT"}, {"parse": ["bias"]})]
    out = scorer_train.label(rec, cands)
    assert [(c.keep, c.type) for c in out] == [(1, "ASSAULT"), (0, None), (0, None)]
    weak = scorer_train.label({"id": "y", "sentence_quad": "material_conflict"}, cands, weight=0.3)
    assert [(c.keep, c.weight) for c in weak] == [(1, 0.3), (1, 0.3), (1, 0.3)]
    none = scorer_train.label({"id": "z", "sentence_quad": "statement"}, cands[:1])
    assert [c.keep for c in none] == [0]


@pytest.fixture(scope="module")
def v2():
    from realpolitik.options import Options
    from realpolitik.pipeline import get_coder

    return get_coder(Options(coder="rules.v2"))


def _code(coder, text):
    return [(e.source, e.target, e.type, e.coder_version) for e in coder.code(Article.from_text(text))]


def test_rules_v2_codes_own_sentences(v2):
    assert v2.name == "rules" and v2.version == "2"
    assert _code(v2, "Turkey accused Greece of violating its airspace.") == [("TUR", "GRC", "ACCUSE", "2")]
    assert _code(v2, "Brazil will host talks with Argentina next week.") == [("BRA", "ARG", "AGREE", "2")]
    assert _code(v2, "The weather in Oslo was mild this week.") == []
    evs = v2.code(Article.from_text("Japan sent food aid to Nepal after the floods."))
    assert [(e.source, e.target, e.type, e.quad) for e in evs] == [("JPN", "NPL", "AID", "material_cooperation")]
    # the confidence is the model's (P(keep) x P(type)), not the rules' fixed score
    keep = v2.model.keep_proba(_features_of(v2, "Japan sent food aid to Nepal after the floods."))
    assert evs[0].confidence < keep <= 1.0 and evs[0].confidence >= v2.model.threshold


def _features_of(coder, text):
    from realpolitik.coding.scored import ScoredRulesCoder
    from realpolitik.options import Options

    collector = ScoredRulesCoder(Options(coder="rules.v2"), collect=True)
    evs = collector.code(Article.from_text(text))
    return collector.collected[evs[0].id][coder.model.feature_set]


def test_a_retyped_event_takes_the_new_types_fields(v2):
    ev = _event(mode="provide_military_aid", cameo="0234", quad="material_cooperation", trigger=Span(7, 11, "sent"),
                channel="arms_transfer", fronts=("military",))
    out = v2._retyped(ev, "SANCTION", 0.42, "a1", 0)
    assert (out.type, out.mode, out.cameo, out.quad, out.channel, out.fronts, out.confidence) == \
        ("SANCTION", None, "160", "material_conflict", None, (), 0.42)
    assert out.id != ev.id and out.trigger == ev.trigger and (out.source, out.target) == ("RUS", "UKR")
    same = v2._retyped(ev, "AID", 0.42, "a1", 0)
    assert (same.id, same.mode, same.cameo, same.confidence) == (ev.id, ev.mode, ev.cameo, 0.42)
