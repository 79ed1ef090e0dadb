"""Clauses that state no act (conditions, descriptions, purposes), on sentences written for these tests."""
import pytest

from realpolitik.coding import RulesCoder
from realpolitik.model import Article


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def coded(coder, text):
    return sorted((e.source, e.target, e.type) for e in coder.code(Article.from_text(text)))


def test_a_multiword_condition_reports_no_act(coder):
    # "provided that", "on condition that", "as long as": like "if", the act is only a condition
    assert coded(coder, "The quota takes effect provided that Ghana and Togo cooperate on customs.") == []
    assert coded(coder, "The quota takes effect on condition that Ghana and Togo cooperate on customs.") == []
    assert coded(coder, "The quota takes effect as long as Ghana and Togo cooperate on customs.") == []
    # the verb "provide" and the act of the main clause are untouched
    assert coded(coder, "Ghana provided food aid to Togo.") == [("GHA", "TGO", "AID")]
    assert coded(coder, "Ghana and Togo cooperate on customs.") == [("GHA", "TGO", "COOPERATE"),
                                                                   ("TGO", "GHA", "COOPERATE")]


def test_a_deal_described_as_cooperation_is_no_new_act(coder):
    # a cooperative noun that characterises what the sentence names: told elsewhere, no act here
    assert coded(coder, "Rome describes the pact as the most important agreement between Ghana and Togo.") == []
    assert coded(coder, "The pact was hailed as a breakthrough in cooperation between Ghana and Togo.") == []
    # the act itself is coded, and so is an attack told only through its description
    assert coded(coder, "Ghana and Togo signed an agreement.") == [("GHA", "TGO", "SUPPORT"), ("TGO", "GHA", "SUPPORT")]
    assert coded(coder, "Accra described the shelling as an attack on its towns by Togo.") == [
        ("TGO", "GHA", "ASSAULT")]


def test_what_a_thing_is_used_to_do_is_no_act(coder):
    # the purpose of an instrument, and what it helps a party do, is no act of that party
    assert coded(coder, "In Accra, cameras will be used to take photos and help the police to arrest Togolese "
                        "smugglers.") == []
    assert coded(coder, "The boats will be used to attack Togo.") == []
    # a party's own use of a means, and a verb only joined to a passive "used", stay
    assert coded(coder, "Ghana used its veto to block Togo.") == [("GHA", "TGO", "COERCE")]
    assert coded(coder, "Ghana would not let its land be used by anyone and called on Togo to withdraw.") == [
        ("GHA", "TGO", "REQUEST")]


def test_giving_an_opportunity_or_a_speech_is_no_aid(coder):
    # an abstract thing given (retype GIVEN_ABSTRACTS) is a figure of speech, no aid handed over
    assert coded(coder, "The visit to Kenya gave the French minister an opportunity to show his human side.") == []
    assert coded(coder, "The new law will give Italian police greater powers to close bars.") == []
    assert coded(coder, "Belgian officials gave an intelligence briefing to Dutch diplomats.") == []
    assert coded(coder, "Few have seen the advice which the French minister gave to the German chancellor.") == []
    # money, goods or a grant given stay aid, in a relative clause too
    assert coded(coder, "Ghana gave Togo a grant of 4m dollars.") == [("GHA", "TGO", "AID")]
    assert coded(coder, "The aid which France gave to Chad was stolen.") == [("FRA", "TCD", "AID")]


def test_offering_congratulations_or_good_news_is_no_offer(coder):
    # a courtesy or a figure of speech offered (retype OFFERED_ABSTRACTS) is no offer of a deal or help
    assert coded(coder, "The French prime minister offered his congratulations to the Spanish king.") == []
    assert coded(coder, "The German minister did offer some good news for the short term.") == []
    # goods or help offered stay an offer
    assert coded(coder, "France offered Chad 10 helicopters.") == [("FRA", "TCD", "AGREE")]


def test_revising_a_figure_or_shooting_a_film_is_no_act(coder):
    # a measure cut or lifted, a market sent up (retype QUANTITY_OBJECTS), a game or a film shot (SHOT_OBJECTS)
    assert coded(coder, "The World Bank is to cut its growth forecast for the Ghanaian economy.") == []
    assert coded(coder, "The Togolese minister's remarks sent Ghanaian shares lower.") == []
    assert coded(coder, "The Ghanaian president shot basketball hoops with pupils in Accra.") == []
    # supplies cut, forces sent and people shot stay acts
    assert coded(coder, "Ghana cut gas supplies to Togo.") == [("GHA", "TGO", "SANCTION")]
    assert coded(coder, "Ghana sent troops to Togo.") == [("GHA", "TGO", "AID")]
    assert coded(coder, "Ghanaian police shot protesters in Accra.") == [("GHACOP", "GHACVL", "ASSAULT")]


def test_a_past_tense_after_an_infinitive_is_the_subjects_second_act(coder):
    # nlp.misattached_reporter: the parser hangs "condemned" on "send"; a past tense is no part of the request
    got = coder.code(Article.from_text("Ghana urged partners to send more weapons and condemned Togo."))
    assert [(e.source, e.target, e.factuality) for e in got if e.type == "ACCUSE"] == [("GHA", "TGO", "asserted")]
    # the infinitive's own conjunct stays what is asked for
    assert coded(coder, "Ghana urged Togo to stop the raids and allow inspectors in.") == [("GHA", "TGO", "REQUEST")]


def test_a_wish_that_another_state_act_is_a_request(coder):
    # "wants X to do": a request made of X, the act asked for no event of its own; the wish to act oneself,
    # or to see a thing done, stays a hope (no act)
    assert coded(coder, "Ghana wants Togo to reopen the border crossing.") == [("GHA", "TGO", "REQUEST")]
    assert coded(coder, "Ghana wanted Togo to withdraw its troops from the border.") == [("GHA", "TGO", "REQUEST")]
    assert coded(coder, "Ghana wants to sell cocoa to Togo.") == []
    assert coded(coder, "Ghana does not want the ban on Togo lifted.") == []
    assert coded(coder, "Ghana wants Togo to be prosperous and strong.") == []


def test_forces_or_craft_sent_into_claimed_waters_are_a_deployment_not_aid(coder):
    # retype INCURSION_CRAFT / CLAIMED_SPACES: entering another's waters is a show of force at it, no gift
    assert coded(coder, "Ghana sent a survey ship into Togolese waters.") == [("GHA", "TGO", "MOBILIZE")]
    assert coded(coder, "Ghana sent a warship into Togolese waters.") == [("GHA", "TGO", "MOBILIZE")]
    # food or troops sent into a country stay aid
    assert coded(coder, "Ghana sent food into Togo.") == [("GHA", "TGO", "AID")]


def test_swapping_detained_people_is_their_release(coder):
    # readings HELD_MARKS: a participle of captivity makes whoever it describes captives
    assert coded(coder, "Ghana and Togo swapped dozens of detained fishermen.") == [
        ("GHA", "TGO", "RETREAT"), ("TGO", "GHA", "RETREAT")]
