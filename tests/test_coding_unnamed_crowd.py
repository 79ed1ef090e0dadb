"""A protest named only as a noun, with no actor of its own, is by the civilians of the one state the sentence
names, against its government, below the act it frames in confidence; not where the protest is a verb's direct
object (pairing.unnamed_crowd); on texts written for these tests."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text


def _events(text):
    return [(e.source, e.target, e.type, e.confidence) for e in code_text(text, "2026-03-02", Options())]


def test_a_protest_noun_with_no_actor_is_the_one_states_civilians():
    evs = _events("Kenyan police arrested ten students during a march in Nairobi.")
    assert [e[:3] for e in evs] == [("KENCOP", "KENEDU", "COERCE"), ("KENCVL", "KENGOV", "PROTEST")]
    assert evs[1][3] < evs[0][3]  # the framing act stays the sentence's main event
    assert [e[:3] for e in _events("Peru's government declared a curfew amid protests over fuel prices.")] == [
        ("PERGOV", "PERCVL", "COERCE"), ("PERCVL", "PERGOV", "PROTEST")]


def test_no_crowd_for_a_protest_acted_on():
    assert [e[:3] for e in _events("Police in Kenya broke up a protest outside parliament.")] == []
    assert [e[:3] for e in _events("The Kenyan government lifted its ban on demonstrations.")] == [
        ("KENGOV", "KENCVL", "CONCEDE")]


def test_no_crowd_for_a_protest_framing_a_past_act():
    assert [e[:3] for e in _events("Hundreds gathered in Peru, where four people died in riots last year.")] == []


def test_no_crowd_for_a_protest_against_a_nation():
    # no protest by the rioters; the evacuation of France's own citizens is its act on its people (AID)
    assert [e[:3] for e in _events("France began evacuating its citizens after days of anti-French riots.")] == [
        ("FRA", "FRACVL", "AID")]


def test_a_market_rally_is_no_protest():
    assert [e[:3] for e in _events("The Kenyan stock market rally continued on Monday.")] == []
    assert [e[:3] for e in _events("A rally in Kenyan bank shares lifted the index.")] == []
    assert [e[:3] for e in _events("Kenyan farmers held a rally against fuel prices.")] == [
        ("KENAGR", "KENGOV", "PROTEST")]
