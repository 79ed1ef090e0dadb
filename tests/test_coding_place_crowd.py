"""A protest whose only actor is its place is by the civilians of the place's state, also where the city
stands for a body's seat (pairing.place_crowd); on texts written for these tests."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text


def _dyads(text):
    return [(e.source, e.target, e.type) for e in code_text(text, "2026-03-02", Options())]


def test_a_crowd_in_a_state_or_its_capital_is_its_civilians():
    assert _dyads("Thousands took to the streets in Lima on Sunday.") == [("PERCVL", "PERGOV", "PROTEST")]
    assert _dyads("Hundreds marched in Ghana on Sunday.") == [("GHACVL", "GHAGOV", "PROTEST")]


def test_a_crowd_in_a_bodys_seat_is_its_host_states():
    assert _dyads("Thousands took to the streets in Brussels on Sunday.") == [("BELCVL", "BELGOV", "PROTEST")]
