"""The victims of an agentless killing with no state of their own are the civilians of the one state their
sentence names (pairing.placed_victims); on texts written for these tests."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text


def _dyads(text):
    return [(e.source, e.target, e.type) for e in code_text(text, "2026-03-02", Options())]


def test_counted_people_killed_in_a_named_state_are_its_civilians():
    assert _dyads("At least nine people were killed in a blast outside a Lisbon cafe.") == [(None, "PRTCVL", "ASSAULT")]
    assert _dyads("Four villagers were killed in an explosion in Peru.") == [(None, "PERCVL", "ASSAULT")]


def test_not_with_two_states_nor_in_a_relative_clause():
    assert _dyads("Four people were killed in an explosion near the border of Peru and Chile.") == []
    assert _dyads("Hundreds rallied in Peru, where four people were killed in riots last year.") == []
