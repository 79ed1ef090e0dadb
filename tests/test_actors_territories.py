"""A territory whose name stands for the authority governing it (regions.tsv `acts`: Gaza, the West Bank) is an
actor of its state, still a place, and no party inside an event's name (issue 14); on sentences written for
these tests."""
import pytest

from realpolitik.actors import find_actors, find_places
from realpolitik.coding import RulesCoder
from realpolitik.model import Article

DATE = "2026-03-01"


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


@pytest.fixture(scope="module")
def nlp():
    from realpolitik.nlp import get_nlp

    return get_nlp()


def events(coder, text):
    return sorted((e.source, e.target, e.type) for e in coder.code(Article.from_text(text, published=DATE)))


def test_a_territory_is_its_states_actor_and_stays_a_place(nlp):
    doc = nlp("Norway will send medical supplies to Gaza next week.")
    assert [(m.text, m.code) for m in find_actors(doc, DATE)] == [("Norway", "NOR"), ("Gaza", "PSE")]
    assert [(doc.text[s:e], loc.name, loc.country) for s, e, loc in find_places(doc)] == [
        ("Norway", "Norway", "NOR"), ("Gaza", "Gaza Strip", "PSE")]


def test_aid_to_and_withdrawal_from_a_territory_are_events_with_its_state(coder):
    assert events(coder, "Norway will send medical supplies to Gaza next week.") == [("NOR", "PSE", "AID")]
    assert events(coder, "Israeli troops withdrew from the West Bank town on Friday.") == [("ISRMIL", "PSE", "RETREAT")]


def test_a_territory_inside_an_events_name_is_no_party(nlp):
    assert [(m.text, m.code) for m in find_actors(nlp("Egypt hosted the Gaza truce talks on Monday."), DATE)] == [
        ("Egypt", "EGY")]


def test_a_region_without_acts_stays_a_place_only(nlp):
    assert [(m.text, m.code) for m in find_actors(nlp("Norway will send medical supplies to Darfur."), DATE)] == [
        ("Norway", "NOR")]
