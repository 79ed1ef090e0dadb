"""Places resolve to gazetteer locations without becoming actors."""
import pytest

from realpolitik.actors import find_actors, find_places
from realpolitik.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def places(nlp, text):
    doc = nlp(text)
    return {doc.text[s:e]: loc for s, e, loc in find_places(doc)}


def test_city_resolves_with_coordinates_and_country(nlp):
    loc = places(nlp, "The blast hit a market in Basra on Monday.")["Basra"]
    assert loc.country == "IRQ" and loc.geonameid and 29 < loc.lat < 32


def test_plain_city_is_a_place_not_an_actor(nlp):
    doc = nlp("Leaders met in Christchurch to discuss trade.")
    assert find_actors(doc) == [] or all(m.kind == "sector" for m in find_actors(doc))
    assert places(nlp, "Leaders met in Christchurch to discuss trade.")["Christchurch"].country == "NZL"


def test_countries_and_capitals_are_places_too(nlp):
    p = places(nlp, "Talks in Doha on Iraq ended.")
    assert p["Doha"].country == "QAT" and p["Iraq"].country == "IRQ"


def test_regions_and_lowercase(nlp):
    p = places(nlp, "tensions rose across the middle east and in the Gaza Strip.")
    assert p["middle east"].name == "Middle East" and p["Gaza Strip"].country == "PSE"


def test_us_state_and_traps(nlp):
    p = places(nlp, "She flew from Atlanta, Georgia to Boston.")
    assert p["Georgia"].country == "USA"
    assert places(nlp, "He dropped the fine china.") == {}
