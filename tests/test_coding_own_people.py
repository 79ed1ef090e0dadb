"""A state's own people (issue 14, actors at document level), on sentences written for these tests: a pronoun's
"people", "population", "nationals" stand as civilians (actors/sectors.py _OWNED_CIVIL), "countrymen" and
"compatriots" are civilians (sectors.tsv), and a state acting on its whole people (readings.words PEOPLE_NOUNS)
is a domestic event, as its government's is; civilians of a scene stay no party of the state."""
from realpolitik.actors import find_actors
from realpolitik.model import Article

DATE = "2026-03-01"


def events(coder, text):
    return sorted((e.source, e.target, e.type) for e in coder.code(Article.from_text(text, published=DATE)))


def test_a_pronouns_people_are_its_states_civilians(nlp):
    text = "The Peruvian government warned its population of floods."
    assert [(m.text, m.code) for m in find_actors(nlp(text), DATE)] == [
        ("Peruvian government", "PERGOV"), ("population", "PERCVL")]


def test_a_bare_people_is_still_no_actor(nlp):
    assert [(m.text, m.code) for m in find_actors(nlp("Many people in Peru voted on Sunday."), DATE)] == [
        ("Peru", "PER")]


def test_a_state_acting_on_its_own_people_is_a_domestic_event(rules_coder):
    assert events(rules_coder, "Chile accused its citizens of hoarding fuel.") == [("CHL", "CHLCVL", "ACCUSE")]
    assert events(rules_coder, "President Ivo Kask of Estonia lashed out at his countrymen on Tuesday.") == [
        ("ESTGOV", "ESTCVL", "ACCUSE")]


def test_civilians_of_a_scene_are_no_party_of_the_state(rules_coder):
    assert events(rules_coder, "Syria bombed civilians in Homs.") == [("SYR", None, "ASSAULT")]
