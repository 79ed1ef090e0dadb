"""Actors at document level (issue 14, realpolitik/actors/document.py), on sentences written for these tests."""
import pytest

from realpolitik.actors import find_actors
from realpolitik.coding import RulesCoder
from realpolitik.model import Article
from realpolitik.options import Options

DATE = "2026-03-01"


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def events(coder, text):
    return [(e.source, e.target, e.type) for e in coder.code(Article.from_text(text, published=DATE))]


def actors(nlp, text):
    return [(m.text, m.code, m.kind) for m in find_actors(nlp(text), DATE)]


def test_ms_surname_after_a_titled_full_name_is_that_person(coder, nlp):
    text = ("Peruvian Interior Minister Rosa Quispe flew to La Paz on Monday. "
            "Ms Quispe later accused Bolivia of harbouring smugglers.")
    assert ("Ms Quispe", "PERGOV", "person") in actors(nlp, text)
    assert events(coder, text) == [("PERGOV", "BOL", "ACCUSE")]


def test_mr_surname_after_a_table_persons_full_name_the_tagger_split(coder, nlp):
    # the tagger may read only the last word of a long name as a person: the table's full name is the antecedent
    text = ("The contract was signed in the presence of President Mahamat Idriss Deby on Monday. "
            "Mr Deby later accused Niger of harbouring smugglers.")
    assert ("Mr Deby", "TCDGOV", "person") in actors(nlp, text)
    assert ("TCDGOV", "NER", "ACCUSE") in events(coder, text)


def test_mr_family_name_written_first_is_that_person(coder, nlp):
    # East Asian names put the family name first: "Mr Liang" after "Liang Wenhao", not "Mr Wenhao"
    text = ("Chinese Trade Minister Liang Wenhao flew to Hanoi on Monday. "
            "Mr Liang later accused Vietnam of dumping steel.")
    assert ("Mr Liang", "CHNGOV", "person") in actors(nlp, text)
    assert events(coder, text) == [("CHNGOV", "VNM", "ACCUSE")]
    # without an honorific the first word is no reference (a given name elsewhere)
    text = ("Peruvian Interior Minister Rosa Quispe flew to La Paz on Monday. "
            "Rosa later accused Bolivia of harbouring smugglers.")
    assert [a for a in actors(nlp, text) if a[0] == "Rosa"] == []


def test_a_rank_before_a_surname_refers_back_like_mr(coder, nlp):
    text = ("Chad's army chief, Gen Moussa Haroun, visited the border on Monday. "
            "Gen Haroun later accused Sudan of arming the rebels.")
    assert ("Gen Haroun", "TCDMIL", "person") in actors(nlp, text)
    assert events(coder, text) == [("TCDMIL", "SDN", "ACCUSE")]


def test_a_bare_minister_or_spokesman_is_the_official_named_just_before(coder, nlp):
    text = ("Peru's interior minister, Rosa Quispe, said Lima wanted calm on the border. "
            "The minister urged Bolivia to arrest the smugglers.")
    assert ("The minister", "PERGOV", "state") in actors(nlp, text)
    assert ("PERGOV", "BOL", "REQUEST") in events(coder, text)
    text = "Chile's foreign ministry said it had closed two crossings. A spokesman urged Argentina to act."
    assert ("A spokesman", "CHLGOV", "state") in actors(nlp, text)
    # with no such official named just before, the noun stays unresolved
    assert [a for a in actors(nlp, "The minister urged Bolivia to arrest the smugglers.") if a[0] == "The minister"] == []


def test_a_surname_never_named_in_full_stays_unresolved(nlp):
    assert [a for a in actors(nlp, "Ms Quispe later accused Bolivia of harbouring smugglers.") if a[2] == "person"] == []


def test_a_bare_title_is_the_office_holder_of_the_state_in_focus(coder, nlp):
    text = "Germany pledged new tanks to Ukraine on Tuesday. The chancellor also criticised Russia for the attacks."
    [m] = [m for m in find_actors(nlp(text), DATE) if m.text == "chancellor"]
    # Ukraine was named last, but has no chancellor: the first state in focus that has one
    assert (m.code, m.kind, m.name) == ("DEUGOV", "person", "Friedrich Merz")
    assert ("DEUGOV", "RUS", "ACCUSE") in events(coder, text)


def test_an_abbreviation_defined_in_the_text_is_its_actor(coder):
    text = ("Iran's Revolutionary Guards (IRGC) seized a tanker on Friday. "
            "Washington said on Saturday that the IRGC must free the crew.")
    assert ("USAGOV", "IRNMIL", "REQUEST") in events(coder, text)


def test_the_two_countries_are_the_pair_last_named(coder):
    text = "Ethiopia and Eritrea signed a border deal on Sunday. The two countries agreed to reopen crossings."
    assert sorted(e for e in events(coder, text) if e[2] == "AGREE") == [("ERI", "ETH", "AGREE"), ("ETH", "ERI", "AGREE")]


def test_the_two_countries_are_the_states_even_after_a_states_firms(nlp):
    # the pair noun says what the two parties are: states, their governments or their forces
    text = "Chilean firms will sell copper to Peru. The two countries agreed to cut tariffs."
    assert [(m, c) for m, c, _ in actors(nlp, text) if m.startswith("The two")] == [
        ("The two countries", "CHL"), ("The two countries", "PER")]
    text = "Chile and Peru held talks. The two navies will patrol the coast together."
    assert [(m, c) for m, c, _ in actors(nlp, text) if m.startswith("The two")] == [
        ("The two navies", "CHLMIL"), ("The two navies", "PERMIL")]


def test_the_two_governments_or_defence_ministers_are_the_pair_too(coder, nlp):
    # a bare sector read inside the phrase ("governments") yields to the pair; one modifier may stand between
    text = "Kenya and Ghana held talks on Monday. The two governments agreed to start trade negotiations."
    assert [(m, c) for m, c, _ in actors(nlp, text) if m.startswith("The two")] == [
        ("The two governments", "GHAGOV"), ("The two governments", "KENGOV")]
    text = "Peru and Chile held talks in Lima. Both defence ministers agreed to share radar data."
    assert ("PERGOV", "CHLGOV", "AGREE") in events(coder, text)


def test_a_definite_state_organ_takes_the_state_in_focus(coder, nlp):
    text = "Nigeria said the week had been long. Soldiers were tired. The army killed several Chadian fighters."
    found = actors(nlp, text)
    assert ("army", "NGAMIL", "sector") in found
    # indefinite, in a sentence naming no state: no known state's organ (actors/crowds.py gives troops only
    # the one state of their own sentence)
    assert ("Soldiers", "MIL", "sector") in found
    assert events(coder, text) == [("NGAMIL", "TCDREB", "ASSAULT")]


def test_a_state_organ_stays_open_where_another_state_is_named_or_it_is_plural(coder):
    # another state in the sentence: the army may be either's
    assert events(coder, "Nigeria said soldiers were tired after a long week. Ghana criticised the army for the raid.") == [
        ("GHA", "MIL", "ACCUSE")]
    # a plural organ is often generic ("the courts")
    assert events(coder, "Nigeria said soldiers were tired after a long week. The courts later freed two Ghanaian fishermen.") == [
        ("JUD", "GHA", "RETREAT")]


def test_both_countries_acting_without_a_recipient_act_on_each_other(coder):
    text = "India and Pakistan held talks in March. Both countries eased travel restrictions afterwards."
    assert sorted(e for e in events(coder, text) if e[2] == "CONCEDE") == [("IND", "PAK", "CONCEDE"),
                                                                           ("PAK", "IND", "CONCEDE")]


def test_venue_cities_and_event_names_are_never_parties(coder, nlp):
    assert events(coder, "Ghana and Togo held talks in Accra on Monday.") == [
        ("GHA", "TGO", "CONSULT"), ("TGO", "GHA", "CONSULT")]
    assert [a for a in actors(nlp, "The Doha talks between Chad and Sudan ended on Friday.") if a[0] == "Doha"] == []


def test_fast_path_resolves_references_like_the_full_parse():
    text = ("Ethiopia and Eritrea signed a border deal on Sunday.\n"
            "Rain fell in the hills.\n"
            "The two countries agreed to reopen crossings.")
    fast = RulesCoder(Options().with_settings({"coding.fastpath": True})).code(Article.from_text(text, published=DATE))
    full = RulesCoder(Options().with_settings({"coding.fastpath": False})).code(Article.from_text(text, published=DATE))
    assert [(e.source, e.target, e.type) for e in fast] == [(e.source, e.target, e.type) for e in full]
    assert ("ETH", "ERI", "AGREE") in [(e.source, e.target, e.type) for e in fast]


def test_who_addresses_the_pair_is_neither_of_them(coder):
    text = "Ethiopia and Eritrea traded fire on Monday. Kenya urged the two countries to hold talks."
    assert [e for e in events(coder, text) if e[2] == "REQUEST"] == [("KEN", "ERI", "REQUEST"), ("KEN", "ETH", "REQUEST")]
    # also where the parser read the sentence as a noun phrase ("envoy" the root, "called" its modifier)
    text = "Chile and Bolivia freed 40 prisoners. The UN envoy called on both sides to free all remaining detainees."
    assert [e for e in events(coder, text) if e[2] == "REQUEST"] == [
        ("IGOUNO", "BOL", "REQUEST"), ("IGOUNO", "CHL", "REQUEST")]


def test_a_state_named_inside_a_nouns_phrase_is_no_antecedent_of_the_pair(nlp):
    text = "Peru backed Chile in its call for new sanctions on Bolivia, and the two governments agreed to meet."
    assert [(m, c) for m, c, _ in actors(nlp, text) if m.startswith("the two")] == [
        ("the two governments", "CHLGOV"), ("the two governments", "PERGOV")]


def test_a_firm_named_in_a_row_between_states_is_no_side_of_the_pair(nlp):
    # "the two sides" after a firm named inside the row: the states it is between, not the firm
    text = ("Canada and Japan clashed over subsidies to Canadian firm Bombardier. "
            "A Japanese official said the two sides had agreed to resume talks.")
    assert [(m, c) for m, c, _ in actors(nlp, text) if m == "the two sides"] == [
        ("the two sides", "CAN"), ("the two sides", "JPNGOV")]


def test_a_states_political_parties_are_no_pair_of_states(nlp):
    # "the two main parties" after two states are one state's political parties, not those states
    text = "Chile and Peru argued over fishing. In Chile the two main parties will fight each other in the election."
    assert [(m, c) for m, c, _ in actors(nlp, text) if m.startswith("the two")] == []
    text = "Chile and Peru argued over fishing. Officials said the two parties will meet again in Lima."
    assert [(m, c) for m, c, _ in actors(nlp, text) if m.startswith("the two")] == [
        ("the two parties", "CHL"), ("the two parties", "PER")]


def test_a_pair_whose_sentence_names_neither_party_is_the_pair_in_focus(coder, nlp):
    # the sentence names no two parties before the phrase: the two named most often, not the mediator named last
    text = ("Chile and Bolivia held talks in Lima on Monday. Chile and Bolivia agreed to free prisoners. "
            "Peru's foreign ministry said the two sides had also agreed to reopen the border.")
    assert [(m, c) for m, c, _ in actors(nlp, text) if m == "the two sides"] == [
        ("the two sides", "BOL"), ("the two sides", "CHL")]
    # both parties named in the sentence before the phrase: those two, whoever the article is about
    text = ("Chile and Bolivia held talks on Monday. Chile freed prisoners. "
            "The Chilean president met his Peruvian counterpart and said the two leaders agreed to cut tariffs.")
    assert [(m, c) for m, c, _ in actors(nlp, text) if m == "the two leaders"] == [
        ("the two leaders", "CHLGOV"), ("the two leaders", "PERGOV")]
