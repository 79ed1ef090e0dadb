"""A stance given up is a concession (retype.dropped_stance; PLOVER: "Withdrawing a demand should be coded as
CONCEDE"), not the objection, demand or threat it names; on sentences written for these tests."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text


def _dyads(text):
    return [(e.source, e.target, e.type) for e in code_text(text, "2026-03-02", Options())]


def test_a_dropped_objection_or_demand_is_a_concession():
    assert _dyads("Iran dropped its demand for compensation from Britain.") == [("IRN", "GBR", "CONCEDE")]
    assert _dyads("Hungary dropped its objections to the sanctions package.") == [("HUN", None, "CONCEDE")]


def test_a_withdrawn_opposition_is_a_concession_not_a_retreat():
    assert _dyads("Turkey withdrew its opposition to Finland's membership.") == [("TUR", "FIN", "CONCEDE")]


def test_a_stance_repeated_stays_what_it_is():
    assert _dyads("Iran repeated its demand for compensation from Britain.") == [("IRN", "GBR", "REQUEST")]
