"""A bare civil sector in a sentence that names no state takes the state of the one place it names
(pairing.place_state); on texts written for these tests."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text


def _dyads(text):
    return [(e.source, e.target, e.type) for e in code_text(text, "2026-03-02", Options())]


def test_a_crowd_near_a_named_city_is_that_states():
    assert _dyads("Protesters blocked a highway south of Sao Paulo on Tuesday.") == [("BRACVL", "BRAGOV", "PROTEST")]


def test_a_word_read_as_a_place_is_none():
    assert _dyads("Protesters blocked the road with a car on Tuesday.") == [("CVL", None, "PROTEST")]
