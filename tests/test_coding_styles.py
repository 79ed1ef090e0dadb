"""Wire-news sentence styles in the rules coder (coding/styles.py), on sentences written for these tests."""
import pytest

from realpolitik.coding import RulesCoder
from realpolitik.model import Article
from realpolitik.wordsets import parse, table, unused


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def code(c, text):
    return c.code(Article.from_text(text, published="2026-03-01"))


def events(evs):
    return sorted(((e.source, e.target, e.type) for e in evs), key=str)


def test_headline_opening_list_is_the_subject(coder):
    # the parser hangs "Ghana," off the verb instead of coordinating it with "Togo"
    assert events(code(coder, "Ghana, Togo sign border security pact")) == [
        ("GHA", "TGO", "SUPPORT"), ("TGO", "GHA", "SUPPORT")]


def test_pronoun_owned_organ_in_reported_speech_takes_the_speakers_country(coder):
    evs = code(coder, "Chile's foreign ministry said its government would ask Bolivia to reopen the border crossing.")
    assert [(e.source, e.target, e.type, e.factuality) for e in evs] == [("CHLGOV", "BOL", "REQUEST", "planned")]


def test_reaction_drawn_from_a_party_targets_the_doer_of_the_nominal_event(coder):
    evs = code(coder, "Uganda's arrest of two Kenyan journalists drew sharp criticism from Nairobi.")
    assert events(evs) == [("KENGOV", "UGA", "ACCUSE"), ("UGA", "KENMED", "COERCE")]


def test_welcoming_an_act_is_backing_and_welcoming_a_visitor_a_visit(coder):
    evs = code(coder, "Morocco's offer of grain to Mauritania was welcomed by Nouakchott.")
    assert events(evs) == [("MAR", "MRT", "AGREE"), ("MRTGOV", "MAR", "SUPPORT")]
    assert events(code(coder, "Germany welcomed the Polish president in Berlin.")) == [("DEU", "POLGOV", "CONSULT")]


def test_signing_does_not_yield_to_the_terms_in_a_relative_clause(coder):
    evs = code(coder, "Peru and Chile signed a treaty on Friday under which each would help the other if attacked.")
    assert events(evs) == [("CHL", "PER", "SUPPORT"), ("PER", "CHL", "SUPPORT")]


def test_multilateral_meeting_pairs_the_first_named_with_each_other(coder):
    evs = code(coder, "The foreign ministers of Ghana, Togo and Benin met in Accra on Monday.")
    assert events(evs) == [("GHAGOV", "BENGOV", "CONSULT"), ("GHAGOV", "TGOGOV", "CONSULT")]
    # two parties stay both ways
    assert events(code(coder, "Ghana and Togo held talks in Accra.")) == [("GHA", "TGO", "CONSULT"),
                                                                          ("TGO", "GHA", "CONSULT")]


def test_lead_in_before_a_bullet_is_not_the_subject(coder):
    evs = code(coder, "MORNING DIGEST: - Estonia expelled two Russian diplomats on Tuesday.")
    assert events(evs) == [("EST", "RUSGOV", "SANCTION")]


def test_styles_word_table_parses_and_every_section_is_used():
    import realpolitik.coding.styles as styles

    styles._words()
    assert set(table("realpolitik.coding", "styles")) == set(styles.SECTIONS)
    assert unused("realpolitik.coding", "styles") == []
    assert "draw" in table("realpolitik.coding", "styles")["DRAW_VERBS"].words
    with pytest.raises(ValueError, match="duplicate entry 'draw'"):
        parse("[DRAW_VERBS]\ndraw draw\n")


def test_two_forces_of_one_state_fighting_attack_each_other(coder):
    assert events(code(coder, "Sudan's army and the Rapid Support Forces clashed near Khartoum on Monday.")) == [
        ("SDNMIL", "SDNREB", "ASSAULT"), ("SDNREB", "SDNMIL", "ASSAULT")]
    # a bare side coordinated with one state's force is of that state
    assert events(code(coder, "Chadian troops and rebels exchanged artillery fire north of the capital.")) == [
        ("TCDMIL", "TCDREB", "ASSAULT"), ("TCDREB", "TCDMIL", "ASSAULT")]


def test_fighting_between_two_parties_as_a_gerund_subject(coder):
    evs = code(coder, "Fighting between Chadian and Sudanese troops erupted near the border.")
    assert events(evs) == [("SDNMIL", "TCDMIL", "ASSAULT"), ("TCDMIL", "SDNMIL", "ASSAULT")]


def test_their_on_an_object_event_noun_is_the_verbs_coordinated_subject(coder):
    evs = code(coder, "Bahrain and Israel held their first security consultations on Thursday.")
    assert events(evs) == [("BHR", "ISR", "CONSULT"), ("ISR", "BHR", "CONSULT")]


def test_headline_above_the_body_is_not_coded_a_second_time(coder):
    # the title's event is the lead's: coded once, from the body; as a sentence of its own it is coded
    title, body = "Chile recalls ambassador from Peru over border row", \
        "Chile recalled its ambassador from Peru on Monday, the foreign ministry said."
    assert events(code(coder, f"{title}\n{body}")) == [("CHL", "PER", "SANCTION")]
    assert events(code(coder, f"{title}. {body}")) == [("CHL", "PER", "SANCTION"), ("CHL", "PERGOV", "SANCTION")]


def test_the_first_word_under_a_title_stays_in_its_sentence(coder):
    # the parser cut "Chile | and Peru urged ..." after a title with no full stop, losing the first party
    from realpolitik.nlp import get_nlp

    text = "Chile, Peru press Bolivia to reopen border talks\n\nChile and Peru urged Bolivia on Monday to reopen talks."
    assert [s.text.strip() for s in get_nlp()(text).sents][1:] == [
        "Chile and Peru urged Bolivia on Monday to reopen talks."]
    assert [e for e in events(code(coder, text)) if e[2] == "REQUEST"] == [
        ("CHL", "BOL", "REQUEST"), ("PER", "BOL", "REQUEST")]
    # a bullet under a lead-in is still a line of its own
    assert [s.text.strip() for s in get_nlp()("Chile said it would:\n- expel two envoys\n- recall its envoy").sents] == [
        "Chile said it would:", "- expel two envoys", "- recall its envoy"]


def test_headline_verb_the_parser_took_for_a_noun_is_read_in_the_verb_slot(coder):
    # "halts" tagged as a noun: the trigger's present-tense form right after the opening party is the verb;
    # the same words ending in a full stop get it too, as a sentence with no verb at all is a misparse
    assert events(code(coder, "Bolivia halts gas exports to Chile over border dispute")) == [
        ("BOL", "CHL", "SANCTION")]
    assert events(code(coder, "Peru shoots down Chilean drone over Tacna")) == [("PER", "CHL", "ASSAULT")]
    assert events(code(coder, "Bolivia halts gas exports to Chile over border dispute.")) == [
        ("BOL", "CHL", "SANCTION")]


def test_headline_verb_is_read_when_the_only_triggers_found_name_no_one(coder):
    # "truce" is found but names no party; the misparsed headline verb after the opening list still acts
    assert events(code(coder, "Peru, Chile reopen border crossings after truce")) == [
        ("CHL", "PER", "RETREAT"), ("PER", "CHL", "RETREAT")]


def test_opening_list_after_a_two_word_state_keeps_the_next_state(coder):
    # "Lanka, India" is no place followed by its country: both names are states of the list
    assert events(code(coder, "Sri Lanka, India sign fisheries accord")) == [
        ("IND", "LKA", "SUPPORT"), ("LKA", "IND", "SUPPORT")]


def test_an_all_caps_headline_is_coded_in_sentence_case_with_the_original_spans():
    import realpolitik as rp
    from realpolitik.coding.casing import recased

    assert recased("PERU RECALLS ENVOY FROM CHILE\nThe talks failed.") == "Peru recalls envoy from Chile\nThe talks failed."
    assert recased("The NATO summit opened in Rome.") is None  # capitals inside a sentence are no headline
    [e] = rp.code_text("EGYPT SENDS AID TO GAZA", "2026-03-01")
    assert (e.source[:3], e.target[:3], e.type) == ("EGY", "PSE", "AID")
    assert (e.evidence.text, e.trigger.text, e.source_text) == ("EGYPT SENDS AID TO GAZA", "SENDS", "EGYPT")
    evs = rp.code_text("NATO CONDEMNS RUSSIAN STRIKE ON KYIV", "2026-03-01")
    assert sorted((e.source[:3], (e.target or "")[:3], e.type) for e in evs) == [
        ("IGO", "RUS", "ACCUSE"), ("RUS", "UKR", "ASSAULT")]


def test_joint_act_subject_takes_the_between_phrase_its_verb_carries(coder):
    # the parser hangs "between X and Y" on "broke out", not on the clashes
    evs = code(coder, "Heavy clashes broke out between Malian troops and Tuareg rebels near Kidal on Sunday.")
    assert events(evs) == [("MLIMIL", "MLIREB", "ASSAULT"), ("MLIREB", "MLIMIL", "ASSAULT")]
    # one party named is no pair
    assert events(code(coder, "Heavy clashes broke out between Malian troops near Kidal on Sunday.")) == []


def test_taking_part_in_any_act_makes_the_subject_its_doer(coder):
    # not only joint acts: those who take part in strikes carry them out
    evs = code(coder, "Danish jets took part in the air strikes on Libyan militia positions last week.")
    assert events(evs) == [("DNKMIL", "LBYREB", "ASSAULT")]


def test_headline_verb_inside_a_sector_name_is_the_verb(coder):
    # "Togo share intelligence" is read as one sector name (Togo's intelligence service) over the verb
    assert events(code(coder, "Ghana, Togo share intelligence on smugglers")) == [
        ("GHA", "TGO", "COOPERATE"), ("TGO", "GHA", "COOPERATE")]


def test_yes_no_question_subject_after_the_opening_auxiliary(coder):
    # the parser reads "Beijing" as a compound of the verb; the question's subject follows its auxiliary
    evs = code(coder, "Could Beijing supply Pakistan with stealth fighters next year? Analysts are divided.")
    assert [(e.source, e.target, e.type, e.factuality) for e in evs] == [("CHNGOV", "PAK", "AID", "question")]
