"""The scorer on small hand-made gold/prediction cases, one FORMAT.md rule per test."""
from __future__ import annotations

import pytest

from realpolitik.evaluate import EvalError, match_events, predicted_sentence_class, score


def ev(source, target, type_="AID", **kw):
    return {"source": source, "target": target, "type": type_, **kw}


def one(gold_events, pred_events, **kw):
    return score([{"id": "x", "events": gold_events}], {"x": pred_events}, **kw)


def test_greedy_matching_takes_first_unmatched_prediction_in_gold_order():
    gold = [ev("CHN", "IRN"), ev("CHN", "IRN", "AGREE")]
    pred = [ev("CHN", "IRN", "AGREE"), ev("RUS", "IRN"), ev("CHN", "IRN")]
    assert match_events(gold, pred) == [(0, 0), (1, 2)]
    # Greedy, not optimal: the first gold event takes the AGREE prediction, so types mismatch twice.
    r = one(gold, pred)
    assert (r.dyad.tp, r.dyad.fp, r.dyad.fn) == (2, 1, 0)
    assert r.dyad_type.tp == 0


def test_gold_null_actor_matches_any_prediction():
    r = one([ev(None, "USA", "ACCUSE"), ev("IRN", None, "THREATEN")],
            [ev("IRN", "USA", "THREATEN"), ev("RUS", "USA", "ACCUSE")])
    assert r.dyad.tp == 1 and r.dyad_type.tp == 0  # the null source took the first prediction
    r = one([ev(None, None, "ACCUSE")], [ev("IRN", "USA", "ACCUSE")])
    assert r.dyad_type.tp == 1


def test_predicted_null_does_not_match_set_gold_actor():
    r = one([ev("CHN", "IRN")], [ev(None, "IRN")])
    assert (r.dyad.tp, r.dyad.fp, r.dyad.fn) == (0, 1, 1)


def test_first_three_letters_unless_strict():
    gold, pred = [ev("CHNGOV", "IRN")], [ev("CHNMIL", "irn")]
    assert one(gold, pred).dyad.tp == 1
    strict = one(gold, pred, strict_actors=True)
    assert strict.dyad.tp == 0 and strict.strict_actors


def test_type_mismatch_counts_for_dyad_not_dyad_type():
    r = one([ev("USA", "CHN", "SANCTION")], [ev("USA", "CHN", "THREATEN")])
    assert r.dyad.f1 == 1.0
    assert (r.dyad_type.tp, r.dyad_type.fp, r.dyad_type.fn) == (0, 1, 1)
    assert r.dyad_type.f1 == 0.0


def test_gold_null_type_counts_on_dyad_alone():
    r = one([ev("USA", "CHN", None)], [ev("USA", "CHN", "THREATEN")])
    assert r.dyad_type.tp == 1
    assert r.fields["type"].total == 0  # and the type field is not scored


def test_empty_events_make_every_prediction_a_false_positive():
    r = score([{"id": "x", "events": []}], {"x": [ev("USA", "CHN")]})
    assert (r.dyad.tp, r.dyad.fp, r.dyad.fn) == (0, 1, 0)
    assert r.has_event.fp == 1 and r.counts["predicted_events"] == 1


def test_absent_or_null_events_are_not_scored():
    for rec in ({"id": "x"}, {"id": "x", "events": None}):
        r = score([rec], {"x": [ev("USA", "CHN")]})
        assert r.counts["records_with_events"] == 0 and r.counts["predicted_events"] == 0
        assert r.dyad.precision is None and r.dyad_type.f1 is None


def test_record_missing_from_predictions_predicts_nothing():
    r = score([{"id": "x", "events": [ev("USA", "CHN")]}, {"id": "y", "events": []}], {})
    assert (r.dyad.tp, r.dyad.fp, r.dyad.fn) == (0, 0, 1)
    assert r.counts["records_without_predictions"] == 2
    assert (r.has_event.tp, r.has_event.fp, r.has_event.fn) == (0, 0, 1)


def test_predictions_for_unknown_ids_are_counted_not_scored():
    r = score([{"id": "x", "events": []}], {"zzz": [ev("USA", "CHN")]})
    assert r.counts["predictions_for_unknown_ids"] == 1 and r.dyad.fp == 0


def test_field_accuracy_denominator_is_matched_pairs_with_gold_field_set():
    gold = [ev("USA", "CHN", factuality="reported", cameo="172", quad="material_conflict"),
            ev("USA", "RUS", factuality=None, cameo="163"),
            ev("USA", "IRN", factuality="denied")]  # unmatched: not in any denominator
    pred = [ev("USA", "CHN", factuality="reported", cameo="173"),
            ev("USA", "RUS", factuality="asserted", cameo="163")]
    r = one(gold, pred)
    assert (r.fields["factuality"].correct, r.fields["factuality"].total) == (1, 1)
    assert (r.fields["cameo"].correct, r.fields["cameo"].total) == (1, 2)
    assert r.fields["cameo2"].accuracy == 1.0
    assert (r.fields["quad"].correct, r.fields["quad"].total) == (0, 1)  # predicted quad missing
    assert r.fields["mode"].accuracy is None


def test_contexts_score_when_any_context_is_shared():
    gold = [ev("A", "B", contexts=["military", "cyber"]), ev("C", "D", contexts=["economic"]),
            ev("E", "F", contexts=None), ev("G", "H", contexts=[])]
    pred = [ev("A", "B", contexts=["cyber"]), ev("C", "D", contexts=[]),
            ev("E", "F", contexts=["military"]), ev("G", "H", contexts=["military"])]
    r = one(gold, pred)
    assert (r.fields["contexts"].correct, r.fields["contexts"].total) == (1, 2)


def test_has_event_per_record():
    gold = [{"id": "a", "events": [ev("A", "B")]}, {"id": "b", "events": []},
            {"id": "c", "events": [ev("A", "B")]}, {"id": "d", "events": []}]
    r = score(gold, {"a": [ev("X", "Y")], "b": [ev("X", "Y")]})
    assert (r.has_event.tp, r.has_event.fp, r.has_event.fn) == (1, 1, 1)


def test_sentence_class_is_the_most_confident_quad_or_statement():
    assert predicted_sentence_class([]) == "statement"
    pred = [ev("A", "B", quad="verbal_conflict", confidence=0.4),
            ev("A", "B", quad="material_conflict", confidence=0.8),
            ev("A", "B", quad="verbal_cooperation", confidence=0.8)]
    assert predicted_sentence_class(pred) == "material_conflict"  # ties keep coder order


def test_sentence_quad_accuracy_and_macro_f1_over_classes():
    gold = [{"id": str(i), "sentence_quad": q} for i, q in
            enumerate(["statement", "statement", "verbal_conflict", "material_conflict"])]
    preds = {"1": [ev("A", "B", quad="verbal_conflict", confidence=0.9)],
             "2": [ev("A", "B", quad="verbal_conflict", confidence=0.9)],
             "3": [ev("A", "B", quad="material_conflict", confidence=0.9)]}
    r = score(gold, preds)
    assert (r.sentence_quad.correct, r.sentence_quad.total) == (3, 4)
    # statement: P 1, R .5 -> 2/3; verbal_conflict: P .5, R 1 -> 2/3; material_conflict: 1.
    assert set(r.sentence_quad_classes) == {"statement", "verbal_conflict", "material_conflict"}
    assert r.sentence_quad_macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert r.counts["records_with_events"] == 0


def test_macro_f1_counts_a_gold_class_never_predicted_as_zero():
    gold = [{"id": "a", "sentence_quad": "statement"}, {"id": "b", "sentence_quad": "material_cooperation"}]
    r = score(gold, {})
    assert r.sentence_quad_classes["material_cooperation"].f1 == 0.0
    assert r.sentence_quad_macro_f1 == pytest.approx((2 / 3 + 0) / 2)


def test_factuality_confusion_matrix_on_matched_pairs():
    gold = [ev("A", "B", factuality="reported"), ev("C", "D", factuality="reported"),
            ev("E", "F", factuality="denied"), ev("G", "H", factuality="planned")]
    pred = [ev("A", "B", factuality="reported"), ev("C", "D", factuality="asserted"),
            ev("E", "F", factuality=None)]
    r = one(gold, pred)
    assert r.factuality_confusion == {"reported": {"reported": 1, "asserted": 1}, "denied": {"none": 1}}


def test_reliability_bands_count_dyad_type_true_positives():
    gold = [ev("A", "B"), ev("C", "D")]
    pred = [ev("A", "B", confidence=0.95), ev("C", "D", "ASSAULT", confidence=0.9),
            ev("X", "Y", confidence=0.5), ev("X", "Z", confidence=1.0), ev("X", "W")]
    bands = {b.label: (b.n, b.correct) for b in one(gold, pred).reliability}
    assert bands == {"[0.00, 0.50)": (0, 0), "[0.50, 0.70)": (1, 0), "[0.70, 0.85)": (0, 0),
                     "[0.85, 1.00]": (3, 1)}


def test_actor_metrics_over_all_events_compare_code_multisets():
    gold = [ev("CHN", "IRN"), ev("CHN", "PAK"), ev(None, "USA")]
    pred = [ev("CHNGOV", "IRN", "AGREE"), ev("RUS", "PAK")]
    r = one(gold, pred)
    s, t = r.actors_all["source"], r.actors_all["target"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)  # the gold null source absorbs the stray RUS
    assert (t.tp, t.fp, t.fn) == (2, 0, 1)
    s = one([ev("CHN", "IRN")], [ev("CHN", "IRN"), ev("RUS", "IRN")]).actors_all["source"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)  # without a gold null, a stray code is a false positive


def test_actor_metrics_on_type_matched_events():
    r = one([ev("CHN", "IRN", "AID"), ev("USA", "CHN", "SANCTION"), ev("IRN", None, "ACCUSE")],
            [ev("USA", "CHN", "SANCTION"), ev("RUS", "IRN", "AID"), ev("IRN", "ISR", "ACCUSE")])
    s = r.actors_type_matched["source"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    t = r.actors_type_matched["target"]
    assert (t.tp, t.fp, t.fn) == (2, 0, 0)  # the gold null target is not checked


def test_per_type_rows_add_up_to_dyad_type():
    r = one([ev("A", "B", "AID"), ev("C", "D", "ACCUSE")], [ev("A", "B", "AID"), ev("C", "D", "REJECT")])
    assert sum(p.tp for p in r.per_type.values()) == r.dyad_type.tp == 1
    assert r.per_type["REJECT"].fp == 1 and r.per_type["ACCUSE"].fn == 1


def test_bad_gold_records_are_named():
    with pytest.raises(EvalError, match="duplicate id 'x'"):
        score([{"id": "x"}, {"id": "x"}], {})
    with pytest.raises(EvalError, match="record 1.*events"):
        score([{"id": "x", "events": "AID"}], {})
    with pytest.raises(EvalError, match="sentence_quad"):
        score([{"id": "x", "sentence_quad": "war"}], {})


def test_report_is_json_ready_and_frozen():
    import dataclasses
    import json

    r = one([ev("A", "B")], [ev("A", "B", confidence=0.9)])
    d = json.loads(json.dumps(r.as_dict()))
    assert d["dyad_type"]["f1"] == 1.0 and d["counts"]["gold_events"] == 1
    assert r.metric("dyad_type.f1") == 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.strict_actors = True


def test_type_matched_actor_pairs_do_not_cross_mirrored_events():
    gold = [ev("PAK", "CHN", "COOPERATE"), ev("CHN", "PAK", "COOPERATE")]
    r = one(gold, list(reversed(gold)))
    assert r.actors_type_matched["source"].f1 == 1.0 and r.actors_type_matched["target"].f1 == 1.0


def test_split_is_frozen_by_id_hash_and_near_70_30():
    from realpolitik.evaluate import select_split, split_of

    ids = [f"rec-{i}" for i in range(2000)]
    held = [i for i in ids if split_of(i) == "holdout"]
    assert 0.27 < len(held) / len(ids) < 0.33
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids]
    recs = [{"id": i} for i in ids]
    assert len(select_split(recs, "tune")) + len(select_split(recs, "holdout")) == len(recs)
    assert select_split(recs, "all") == recs
