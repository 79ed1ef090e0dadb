"""The recipient a noun trigger finds in its clause (patients.clause_actors) is a party to its own act, not the doer
of another act in a phrase of a phrase, nor the presenter of the measure; on sentences written for these tests."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text


def _dyads(text):
    return [(e.source, e.target, e.type) for e in code_text(text, "2026-03-02", Options())]


def test_the_agent_of_a_passive_in_a_nested_clause_is_no_recipient():
    assert _dyads("Kenya welcomed a G8 aid package which critics compared to the scheme used by the United States "
                  "to rebuild Europe.") == [("KEN", "IGOG7", "SUPPORT"), ("IGOG7", "KEN", "AID")]


def test_the_author_of_the_thing_acted_on_stays():
    assert _dyads("Italy rejected a peace plan drawn up by Norway.") == [("ITA", "NOR", "REJECT")]


def test_the_presenter_of_a_measure_is_no_recipient_of_it():
    assert _dyads("The Dutch government unveiled an EU aid package on Monday.") == []
    assert _dyads("The Dutch government unveiled an EU aid package for Greece on Monday.") == [
        ("IGOEUR", "GRC", "AID")]
    assert _dyads("The British minister unveiled a G8 aid package which he compared to the scheme used by the "
                  "United States to rebuild Europe.") == []


def test_a_state_in_a_clause_on_the_presenter_stays():
    assert _dyads("Norway, which has troops in Iraq, announced the withdrawal of its forces.") == [
        ("NOR", "IRQMIL", "RETREAT")]


def test_a_clause_on_a_verbs_subject_names_no_recipient_of_the_verb():
    # the verb itself is the act: what the subject's relative clause names is its standing, not its party
    assert _dyads("Russia, which keeps troops in Armenia, called for restraint.") == []
    assert _dyads("Russia, which keeps troops in Armenia, criticised Azerbaijan.") == [("RUS", "AZE", "ACCUSE")]


def test_the_subject_of_a_conjoined_acting_clause_is_no_recipient():
    # patients._conjoined: each clause's subject does its own act, no party to the other's
    assert _dyads("Chile has rejected the proposal and Peru's main parties have opposed it.") == [
        ("CHL", None, "REJECT"), ("PERPTY", None, "REJECT")]
    # a shared subject's second verb, a reply to the first clause's doer and joint subjects stay
    assert _dyads("Chile rejected the plan and criticised Peru.") == [
        ("CHL", "PER", "REJECT"), ("CHL", "PER", "ACCUSE")]
    assert _dyads("Peru accused Chile of spying and Chile denied the charge.") == [
        ("PER", "CHL", "ACCUSE"), ("CHL", "PER", "REJECT")]
    assert _dyads("Chile and Peru signed a trade deal.") == [("CHL", "PER", "SUPPORT"), ("PER", "CHL", "SUPPORT")]
    # a conjoined clause telling a state of things, no act, still names the party
    assert _dyads("Bolivia offered to send planes, but Chile has no relations with Peru.")[0] == ("BOL", "CHL", "AGREE")


def test_an_appositive_on_a_verbs_subject_names_no_recipient_of_the_verb():
    # clause_actors: like a relative clause, an appositive says who the subject is
    assert _dyads("Chile, one of the largest EU member states, rejected its adoption twice.") == [
        ("CHL", None, "REJECT")]
    assert _dyads("Chile, a close ally of Peru, criticised Bolivia.") == [("CHL", "BOL", "ACCUSE")]
    # an act noun under a presenting verb keeps it, as with a relative clause
    assert _dyads("Norway, one of the largest troop contributors in Iraq, announced the withdrawal.") == [
        ("NOR", "IRQ", "RETREAT")]


def test_a_party_an_act_moved_to_react_is_no_beneficiary():
    # patients._prompted: "prompting Y to ..." tells Y's reaction; Y receives nothing the act gives
    assert ("TUR", "GRC", "AID") not in _dyads(
        "Turkey sent a survey ship into disputed waters, prompting Greece to put its navy on alert.")
    # the one a cut or attack forces to act is still its victim
    assert _dyads("Russia cut gas supplies, forcing Ukraine to ration energy.") == [("RUS", "UKR", "SANCTION")]


def test_it_accused_in_a_participle_is_the_acts_recipient():
    # roles.resolve_pronoun: "accusing it of" names whom the main act fell on; stages._stated_reason keeps both
    assert _dyads("The US imposed sanctions on Yemen, accusing it of manipulating its currency.") == [
        ("USA", "YEM", "SANCTION"), ("USA", "YEM", "ACCUSE")]
    # "it" that a verb of speech names is a thing, no actor
    assert _dyads("The US launched a campaign, calling it a success.") == []


def test_two_verbal_acts_of_one_dyad_apart_are_two_events():
    # stages._apart: neither verb in what the other says or wants, so each is its own event of the dyad
    assert _dyads("Ghana's information minister said the country had no intention of invading Togo and rejected "
                  "Lome's claims.") == [("GHA", "TGO", "ASSAULT"), ("GHA", "TGOGOV", "REJECT")]


def test_a_request_naming_its_addressee_takes_no_recipient_from_a_second_act():
    # patients._addressed: "called on Western allies" names whom it asks; Moscow is the accusation's, not the ask's
    assert _dyads("Zelenskyy called on Western allies to deliver more Patriot systems and accused Moscow of "
                  "trying to freeze Ukrainians.") == [("UKRGOV", "RUSGOV", "ACCUSE")]
    # what is asked, joined in the infinitive, stays the request's
    assert _dyads("An official Syrian newspaper called on Arabs to unite and mobilize against Israel.") == [
        ("SYRMED", "ISR", "REQUEST")]


def test_a_place_hung_on_a_verb_of_word_is_a_venue():
    # patients._venue: where a charge or rejection was made is no party to it; the party named still is
    assert _dyads("In Paris on Thursday, Brazil's finance minister lashed out at the farm subsidies of the rich "
                  "nations.") == [("BRAGOV", None, "ACCUSE")]
    assert _dyads("In Paris on Thursday, Brazil's finance minister lashed out at Chile.") == [
        ("BRAGOV", "CHL", "ACCUSE")]
    assert _dyads("At a summit in Accra, the Kenyan president rejected the proposal.") == [("KENGOV", None, "REJECT")]
    # a request goes to whoever is there
    assert _dyads("Norway sought asylum for the dissident at the Chinese embassy.") == [("NOR", "CHNGOV", "REQUEST")]


def test_the_on_phrase_of_talks_is_their_topic():
    # patients.TALK_HEADS: a meeting on a state's affairs is no meeting with it
    assert _dyads("Friday's conference on Iraqi reconstruction will be hosted by the German chancellor.") == []
    assert _dyads("The German chancellor hosted a meeting on Iraqi reconstruction.") == []
    assert _dyads("The German chancellor hosted a meeting with Iraq on reconstruction.") == [
        ("DEUGOV", "IRQ", "CONSULT")]
