"""Reported and quoted speech: whom a speaker's words make an actor, on sentences written for these tests."""
import pytest

from realpolitik.coding import RulesCoder
from realpolitik.model import Article


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def code(c, text):
    return c.code(Article.from_text(text, published="2026-03-01"))


def triples(events):
    return sorted(((e.source, e.target, e.type) for e in events), key=lambda x: tuple(v or "" for v in x))


def test_other_countries_a_speaker_names_are_not_the_speakers_state(coder):
    # roles.own_country: "the country" is the speaker's state; "the other countries" (plural, OTHER_WORDS) are not
    assert triples(code(coder, "Latvia's defence minister said the country would send drones to Ukraine.")) == [
        ("LVA", "UKR", "AID")]
    quoted = 'Latvia\'s defence minister said: "The other countries would not support Ukraine."'
    assert triples(code(coder, quoted)) == [(None, "UKR", "REJECT")]
    assert triples(code(coder, "Latvia's defence minister said the countries had not supported Ukraine.")) == [
        (None, "UKR", "SUPPORT")]
