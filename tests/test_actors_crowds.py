"""Sector nouns with no state of their own take the state the text shows (issue 14, realpolitik/actors/crowds.py),
and a crowd's protest is a street protest against its own government (realpolitik/coding/readings.py); on
sentences written for these tests."""
import pytest

from realpolitik.actors import find_actors
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


def actors(nlp, text):
    return [(m.text, m.code) for m in find_actors(nlp(text), DATE)]


def test_a_crowd_takes_the_state_of_where_it_acts(nlp):
    assert actors(nlp, "Thousands of demonstrators marched through Nairobi on Sunday.") == [
        ("demonstrators", "KENCVL"), ("Nairobi", "KENGOV")]


def test_a_crowd_takes_the_one_state_its_sentence_names_outside_its_verb(nlp):
    assert actors(nlp, "Bolivia declared a curfew on Friday after rioters set fire to a customs post.") == [
        ("Bolivia", "BOL"), ("rioters", "BOLCVL")]


def test_a_state_the_crowds_verb_governs_is_its_target_not_its_home(nlp):
    assert actors(nlp, "Hundreds of students rallied against Israel on Monday.") == [
        ("students", "EDU"), ("Israel", "ISR")]


def test_a_crowd_of_a_sentence_naming_two_states_stays_open(nlp):
    assert actors(nlp, "Chile and Peru said on Monday that strikers had blocked the border road.") == [
        ("Chile", "CHL"), ("Peru", "PER"), ("strikers", "LAB")]


def test_the_dateline_gives_a_stateless_sentence_its_state(nlp):
    assert actors(nlp, "QUITO, May 4 - Riot police detained dozens of farmers on Tuesday.") == [
        ("Riot police", "ECUCOP"), ("farmers", "ECUAGR")]


def test_the_state_in_focus_gives_a_later_sentence_its_state(nlp):
    text = "Serbia's government raised fuel taxes on Monday. On Tuesday, protesters blocked the main bridges."
    assert ("protesters", "SRBCVL") in actors(nlp, text)


def test_troops_take_a_state_only_from_a_sentence_of_one_state(nlp):
    # no state in the sentence: plural troops of no named state stay open (unlike a crowd)
    assert actors(nlp, "QUITO, May 4 - Troops patrolled the streets on Tuesday.") == [("Troops", "MIL")]


def test_a_crowd_protesting_is_a_street_protest_against_its_own_government(coder):
    assert events(coder, "Thousands of Polish farmers protested in Warsaw on Friday.") == [
        ("POLAGR", "POLGOV", "PROTEST")]
    assert events(coder, "Thousands of demonstrators marched through Nairobi on Sunday.") == [
        ("KENCVL", "KENGOV", "PROTEST")]


def test_a_crowds_protest_at_a_named_state_is_against_that_state(coder):
    assert events(coder, "Kenyan students rallied against Israel outside the embassy on Monday.") == [
        ("KENEDU", "ISR", "PROTEST")]


def test_a_state_protesting_stays_a_verbal_protest(coder):
    assert events(coder, "Poland protested the decision to Germany on Friday.") == [("POL", "DEU", "ACCUSE")]
