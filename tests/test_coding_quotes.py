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


def test_quotation_marks_are_read_by_their_spacing():
    from realpolitik.coding.quotes import quoted
    from realpolitik.nlp import get_nlp

    doc = get_nlp()('The envoy said: "We left. They stayed." Then he went home.')
    inside = [t.text for t in doc if quoted(t) and t.text not in ('"', ".")]
    assert inside == ["We", "left", "They", "stayed"]


def test_a_third_person_pronoun_in_a_quotation_is_not_its_speaker(coder):
    # roles.resolve_pronoun, quotes.quoted_third_person: "they" in the speaker's own words is someone else
    assert triples(code(coder, "The Polish minister said they would send troops to Iraq.")) == [
        ("POLGOV", "IRQ", "AID")]
    assert triples(code(coder, 'The Polish minister said: "They will send troops to Iraq."')) == []
    # no actor of the quotation before it is taken as its antecedent either ("if the cabinet ... they should")
    said = 'The Dutch party said: "If the cabinet wants a Belgian veto, they should ask Belgium."'
    assert [t for t in triples(code(coder, said)) if t[0] and t[0].startswith("NLD")] == []


def test_a_quoted_he_does_not_take_the_previous_speaker(coder):
    # stages.readings, quotes.quoted_speaker: the previous sentence's subject, when it introduced the quotation,
    # is not the "he" of the words it quotes; outside a quotation "he" still takes it
    def coded(text):
        return triples(coder.code(Article.from_text(text, published="2005-03-01")))

    assert coded('Prime Minister Tony Blair said: "Ian is a loyal friend. "He has agreed to send troops to Kenya."') == []
    assert coded("Prime Minister Tony Blair met the envoy on Monday. He has agreed to send troops to Kenya.") == [
        ("GBRGOV", "KEN", "AGREE")]
