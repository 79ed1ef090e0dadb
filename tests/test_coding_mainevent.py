"""The rules coder codes a sentence's reported event, not the scene around it (sentences written for these tests)."""
import pytest

from realpolitik.coding import RulesCoder
from realpolitik.model import Article


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def triples(c, text):
    evs = c.code(Article.from_text(text, published="2026-03-01"))
    return sorted((e.source[:3] if e.source else "", e.target[:3] if e.target else "", e.type) for e in evs)


def test_event_in_temporal_phrase_yields_to_main_event(coder):
    got = triples(coder, "Chile granted asylum to three Bolivian officers after last year's Peruvian invasion of Bolivia.")
    assert got == [("CHL", "BOL", "AID")]  # no Peruvian event


def test_event_in_causal_clause_yields_to_main_event(coder):
    got = triples(coder, "Norway expelled two Russian diplomats because Russia had attacked a Norwegian ship.")
    assert got == [("NOR", "RUS", "SANCTION")]


def test_participle_describing_an_actor_is_no_event(coder):
    got = triples(coder, "Kenya will withdraw its troops from Somalia, where militants attacking Ethiopian convoys remain.")
    assert not any(t[2] == "ASSAULT" for t in got)


def test_background_event_alone_is_still_coded(coder):
    got = triples(coder, "Talks stalled after Turkish jets bombed Syrian positions.")
    assert got == [("TUR", "SYR", "ASSAULT")]


def test_purpose_clause_is_not_a_second_event(coder):
    got = triples(coder, "Turkish farmers began a hunger strike in Ankara to protest against Germany's new visa rules.")
    # no ACCUSE of Germany beside it; the strike, with no target read, falls on the strikers' own state
    assert got == [("TUR", "TUR", "PROTEST")]


def test_measure_noun_lends_its_verb_to_the_event(coder):
    got = triples(coder, "Chinese and Iranian warships on Monday launched five days of war games in the Gulf.")
    assert got == [("CHN", "IRN", "COOPERATE"), ("IRN", "CHN", "COOPERATE")]


def test_travellers_for_talks_hold_them(coder):
    got = triples(coder, "Indian and Pakistani envoys travel to Vienna next week for talks on the border.")
    assert got == [("IND", "PAK", "CONSULT"), ("PAK", "IND", "CONSULT")]


def test_general_strike_is_a_protest_not_an_attack(coder):
    got = triples(coder, "Greek dockworkers held a general strike on Monday against Germany's austerity demands.")
    assert ("GRC", "DEU", "PROTEST") in got and not any(t[2] == "ASSAULT" for t in got)


def test_participle_misparsed_as_subject_keeps_the_speaker(coder):
    got = triples(coder, "The Red Cross operating in Syria said Russian and Turkish forces must ensure security for aid convoys.")
    assert got == [("IGO", "RUS", "REQUEST"), ("IGO", "TUR", "REQUEST")]


def test_infinitive_describing_a_noun_is_not_a_second_event(coder):
    got = triples(coder, "Washington defended the right of Israeli troops to fire on Hezbollah positions in Lebanon.")
    assert got == [("USA", "ISR", "SUPPORT")]  # no ASSAULT


def test_helper_in_with_phrase_is_not_a_target(coder):
    got = triples(coder, "The EU said it would tighten its naval blockade of Libya with Malta's help.")
    assert got == [("IGO", "LBY", "COERCE")]  # Malta helps, it is no target


def test_possible_sanction_on_a_condition_is_a_threat(coder):
    got = triples(coder, "Japan may suspend aid to Myanmar if the junta refuses to free political prisoners.")
    assert got == [("JPN", "MMR", "THREATEN")]


def test_act_in_a_condition_is_hypothetical(coder):
    got = triples(coder, "Japan may suspend aid to Myanmar if the junta refuses to free political prisoners.")
    assert got == [("JPN", "MMR", "THREATEN")]  # the junta's refusal is a condition: no REJECT


def test_host_meets_the_parties_of_the_talks_it_hosts(coder):
    got = triples(coder, "Qatar hosted talks between Afghan and American negotiators.")
    assert got == [("AFG", "USA", "CONSULT"), ("QAT", "AFG", "CONSULT"), ("QAT", "USA", "CONSULT"),
                   ("USA", "AFG", "CONSULT")]


def test_offered_meeting_is_the_hosts_event_only(coder):
    got = triples(coder, "King Abdullah of Jordan said he was willing to host talks between Israeli officials "
                         "and the Palestinian Authority.")
    assert got == [("JOR", "ISR", "AGREE"), ("JOR", "PSE", "AGREE")]  # no event of the invited parties


def test_cause_in_because_of_phrase_yields_to_main_event(coder):
    got = triples(coder, "Kazakhstan closed its border with China because of fighting between Kyrgyz and Tajik troops.")
    assert got == [("KAZ", "CHN", "SANCTION")]  # the Kyrgyz-Tajik fighting is the cause, not coded


def test_act_answered_in_retaliation_is_background(coder):
    got = triples(coder, "Poland expelled three Belarusian diplomats in retaliation for Belarus's arrest of a Polish journalist.")
    assert got == [("POL", "BLR", "COERCE")]  # Belarus's arrest is what is answered, not coded
