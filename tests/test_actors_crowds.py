"""Actor-side recall mechanisms (issue 14), on sentences written for these tests: sector nouns with no state of
their own take the state the text shows (realpolitik/actors/crowds.py); a crowd's protest is a street protest
against its own government (realpolitik/coding/readings.py); a territory whose name stands for the authority
governing it (regions.tsv `acts`: Gaza, the West Bank) is an actor of its state, still a place, and no party
inside an event's name."""
from realpolitik.actors import find_actors, find_places
from realpolitik.model import Article

DATE = "2026-03-01"


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


def test_a_crowd_protesting_is_a_street_protest_against_its_own_government(rules_coder):
    assert events(rules_coder, "Thousands of Polish farmers protested in Warsaw on Friday.") == [
        ("POLAGR", "POLGOV", "PROTEST")]
    assert events(rules_coder, "Thousands of demonstrators marched through Nairobi on Sunday.") == [
        ("KENCVL", "KENGOV", "PROTEST")]


def test_a_crowds_protest_at_a_named_state_is_against_that_state(rules_coder):
    assert events(rules_coder, "Kenyan students rallied against Israel outside the embassy on Monday.") == [
        ("KENEDU", "ISR", "PROTEST")]


def test_a_state_protesting_stays_a_verbal_protest(rules_coder):
    assert events(rules_coder, "Poland protested the decision to Germany on Friday.") == [("POL", "DEU", "ACCUSE")]

def test_a_territory_is_its_states_actor_and_stays_a_place(nlp):
    doc = nlp("Norway will send medical supplies to Gaza next week.")
    assert [(m.text, m.code) for m in find_actors(doc, DATE)] == [("Norway", "NOR"), ("Gaza", "PSE")]
    assert [(doc.text[s:e], loc.name, loc.country) for s, e, loc in find_places(doc)] == [
        ("Norway", "Norway", "NOR"), ("Gaza", "Gaza Strip", "PSE")]


def test_aid_to_and_withdrawal_from_a_territory_are_events_with_its_state(rules_coder):
    assert events(rules_coder, "Norway will send medical supplies to Gaza next week.") == [("NOR", "PSE", "AID")]
    assert events(rules_coder, "Israeli troops withdrew from the West Bank town on Friday.") == [
        ("ISRMIL", "PSE", "RETREAT")]


def test_a_territory_inside_an_events_name_is_no_party(nlp):
    assert actors(nlp, "Egypt hosted the Gaza truce talks on Monday.") == [("Egypt", "EGY")]


def test_a_region_without_acts_stays_a_place_only(nlp):
    assert actors(nlp, "Norway will send medical supplies to Darfur.") == [("Norway", "NOR")]


def test_a_state_organ_and_its_own_society_are_two_parties(rules_coder):
    assert events(rules_coder, "Bolivian police detained dozens of students in La Paz on Monday.") == [
        ("BOLCOP", "BOLEDU", "COERCE")]
    # a state and its own organ are one party: its police are not the recipient of its deployment
    assert events(rules_coder, "Bolivia deployed its police to the border on Monday.") == [("BOL", None, "MOBILIZE")]


def test_with_recipientless_off_an_event_inside_one_state_is_not_coded():
    from realpolitik.coding import RulesCoder
    from realpolitik.options import Options

    coder = RulesCoder(Options().with_settings({"coding.recipientless": False}))
    assert events(coder, "Bolivian police detained dozens of students in La Paz on Monday.") == []


def test_a_state_organ_in_a_state_is_its_own_but_troops_are_not(nlp):
    assert actors(nlp, "Lawmakers in Kenya voted to impeach the deputy president.") == [
        ("Lawmakers in Kenya", "KENLEG"), ("Kenya", "KEN")]
    assert actors(nlp, "Officials in Moscow rejected the plan.") == [("Officials in Moscow", "RUSGOV"),
                                                                   ("Moscow", "RUSGOV")]
    assert actors(nlp, "Troops in Syria shelled the town.") == [("Troops", "MIL"), ("Syria", "SYR")]


def test_generic_rights_and_aid_groups_are_ngos_in_lowercase(nlp):
    assert actors(nlp, "The arrest drew condemnation from rights groups.") == [("rights groups", "NGO")]
    assert actors(nlp, "Aid agencies said the crossing stayed shut.") == [("Aid agencies", "NGO")]
    # after a state's adjective, the state's NGOs; inside a state's own phrase, that phrase
    assert actors(nlp, "Two American aid groups delivered medicine.") == [("American aid groups", "USANGO")]
    assert actors(nlp, "Kenyan rights groups condemned the arrest.") == [("Kenyan rights groups", "KENHRI")]


def test_a_crowd_a_states_civil_organ_acts_on_is_that_states(nlp):
    # the only state named is the acting subject's: its police and courts act on their own people
    assert actors(nlp, "Chilean police detained dozens of students on Tuesday.") == [
        ("Chilean police", "CHLCOP"), ("students", "CHLEDU")]
    assert actors(nlp, "Tunisia jails opposition leader for ten years") == [("Tunisia", "TUN"), ("opposition leader", "TUNOPP")]
    # troops act abroad as often: the crowd they act on stays open
    assert actors(nlp, "Russian troops detained dozens of protesters on Monday.") == [
        ("Russian troops", "RUSMIL"), ("protesters", "CVL")]
