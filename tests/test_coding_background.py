"""Background acts told beside an article's news (realpolitik/coding/readings.py background cues), on
articles written for these tests: the opening sentence is the news, a later one tells the background."""
import pytest

from realpolitik.coding import RulesCoder
from realpolitik.model import Article

LEAD = "Spain and Morocco held talks in Rabat on Monday.\n\n"


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def later(coder, text):
    """The events of the sentence after the lead, coded as part of a dated article."""
    events = coder.code(Article.from_text(LEAD + text, published="2026-03-01"))
    return sorted((e.source, e.target, e.type) for e in events if e.evidence.start >= len(LEAD))


def test_present_perfect_since_is_a_standing_state(coder):
    assert later(coder, "Norway has detained more than 300 Danish trawlers since the last closure.") == []
    assert later(coder, "Chile has refused to recognise the Bolivian claim since it was filed.") == []
    assert later(coder, "Kenya has hosted the Somali talks since 2019 at Ethiopia's request.") == []
    # the same acts without "since" are news
    assert later(coder, "Norway has detained more than 300 Danish trawlers.") == [("NOR", "DNK", "COERCE")]
    assert later(coder, "Chile has refused to recognise the Bolivian claim.") == [("CHL", "BOL", "REJECT")]


def test_present_perfect_since_opening_an_article_is_its_news(coder):
    events = coder.code(Article.from_text("Norway has detained more than 300 Danish trawlers since April.",
                                          published="2026-03-01"))
    assert sorted((e.source, e.target, e.type) for e in events) == [("NOR", "DNK", "COERCE")]


def test_in_recent_years_is_background(coder):
    assert later(coder, "Mali and Niger have also asked Danish troops to leave in recent years.") == []
    assert later(coder, "Norway delivered patrol boats to Ghana in recent years.") == []
    # recent weeks are news, and so is the act with no span
    assert later(coder, "Norway delivered patrol boats to Ghana in recent weeks.") == [("NOR", "GHA", "AID")]
    assert later(coder, "Mali asked Danish troops to leave.") == [("MLI", "DNKMIL", "REQUEST")]


def test_present_perfect_so_far_is_a_tally(coder):
    assert later(coder, "So far the agency has only received 11 million dollars from Norway and Japan.") == []
    assert later(coder, "Norway has so far sent 200 troops to Mali.") == []
    assert later(coder, "Norway has sent 200 troops to Mali.") == [("NOR", "MLI", "AID")]


def undated(coder, text):
    """The events of a text coded as an article with no date of publication."""
    return sorted((e.source, e.target, e.type) for e in coder.code(Article.from_text(text)))


def test_a_past_act_in_a_named_year_is_background_without_a_date(coder):
    # with no article date, no year can be the article's own: a past act dated by its year is history
    assert undated(coder, "Norway imposed sanctions on Ghana in 1994.") == []
    assert undated(coder, "In 2001, Chile expelled two Peruvian diplomats.") == []
    # the same act without a year is news, and so is a plan for a year (its year hangs on the planned act)
    assert undated(coder, "Norway imposed sanctions on Ghana.") == [("NOR", "GHA", "SANCTION")]
    assert undated(coder, "Chile promised to pay Peru in 2031.") == [("CHL", "PER", "AGREE")]


def test_an_earlier_cause_of_a_describing_clause_is_background_even_alone(coder):
    # the cause hangs on a relative clause describing a participant: history behind history
    assert later(coder, "He recalled the riots which began when tensions rose after a Spanish police raid on "
                        "Moroccan traders.") == []
    # a main clause with no event of its own leaves its cause as the sentence's only news (a police raid is a search)
    assert later(coder, "Tensions rose after Spanish police raided Moroccan traders.") == [("ESPCOP", "MARBUS", "COERCE")]


def test_an_earlier_cause_of_a_present_perfect_is_background_even_alone(coder):
    # a present perfect tells a standing state the earlier act began, and the acts joined to that act share it
    assert later(coder, "Norway has played a lead role in peacekeeping in Mali after the Malian army broke a truce "
                        "with the rebels, shelling their camps and killing two Norwegian soldiers.") == []
    # a simple past main clause with no event leaves the cause, and its joined acts, as the news
    assert later(coder, "Tensions rose after Malian troops shelled Norwegian soldiers and killed two of them.") == [
        ("MLIMIL", "NORMIL", "ASSAULT")]


def test_a_past_relative_clause_describing_a_participant_is_background(coder):
    # set off by commas, a past relative clause tells who a participant is, not what the news is
    assert later(coder, "Turkey, which sent warships to Ghana under an old deal, said it hoped for calm.") == []
    assert later(coder, "The Spanish foreign minister, who visited Ghana twice, said talks could resume.") == []
    # dated in the days of the news, it tells news
    assert later(coder, "Turkey, which sent warships to Ghana on Monday, said it hoped for calm.") == [
        ("TUR", "GHA", "AID")]
    # a restrictive relative clause is not set off, and the same act in a main clause is news
    assert later(coder, "Turkey sent warships to Ghana under an old deal.") == [("TUR", "GHA", "AID")]


def test_an_event_noun_whose_relative_clause_tells_its_start_is_history(coder):
    # "which began in ...": the clause tells the act's history
    assert later(coder, "He chaired an inquiry into Moroccan protests against Spain which began in Ceuta.") == []
    assert later(coder, "He chaired an inquiry into Moroccan attacks on Spanish troops which began in Ceuta.") == []
    # dated in the news's days it stays news
    assert later(coder, "The Moroccan attacks on Spanish troops which began in Ceuta on Monday spread to Rabat.") == [
        ("MAR", "ESPMIL", "ASSAULT")]
    # the act as the subject of a verb of its own tells news
    assert later(coder, "The Moroccan attacks on Spanish troops which began in Ceuta spread to Rabat.") == [
        ("MAR", "ESPMIL", "ASSAULT")]


def test_a_relative_clause_on_a_speaker_tells_who_speaks(coder):
    # a past or perfect relative clause on the subject of a verb of saying, with or without commas
    assert later(coder, "A Spanish diplomat who has resigned in protest at Morocco's policy says talks are futile.") == []
    assert later(coder, "The Spanish minister, who was instrumental in sending aid to Morocco, insisted talks go on.") == []
    # dated in the news's days it tells news
    assert later(coder, "The Spanish minister, who sent aid to Morocco on Monday, insisted talks go on.") == [
        ("ESPGOV", "MAR", "AID")]
    # on a subject of another verb, a restrictive perfect relative clause names the act's party
    assert later(coder, "The Spanish minister sent aid to Morocco.") == [("ESPGOV", "MAR", "AID")]


def test_already_done_after_the_lead_is_background(coder):
    assert later(coder, "Morocco has already expelled two Spanish diplomats.") == []
    # a complement reports the act itself, and the same act without "already" is news
    assert later(coder, "Spain said Morocco had already expelled two Spanish diplomats.") == [("MAR", "ESPGOV", "SANCTION")]
    assert later(coder, "Morocco has expelled two Spanish diplomats.") == [("MAR", "ESPGOV", "SANCTION")]
    # the opening sentence's is its news
    events = coder.code(Article.from_text("Morocco has already expelled two Spanish diplomats.", published="2026-03-01"))
    assert sorted((e.source, e.target, e.type) for e in events) == [("MAR", "ESPGOV", "SANCTION")]


def test_a_government_of_before_does_history(coder):
    assert later(coder, "Morocco's previous government also expelled two Spanish diplomats.") == []
    assert later(coder, "Two Spanish diplomats were expelled by Morocco's former government.") == []
    # the present government's act, and a former official's, are news
    assert later(coder, "Morocco's government also expelled two Spanish diplomats.") == [("MARGOV", "ESPGOV", "SANCTION")]


def test_what_the_news_comes_after_or_follows_is_background(coder):
    assert later(coder, "The comments come after Morocco expelled two Spanish diplomats.") == []
    assert later(coder, "The dispute follows the expulsion of two Spanish diplomats by Morocco.") == []
    # in the past tense too: the reporter's frame tells what the news came after, or followed
    assert later(coder, "The comments came after Morocco expelled two Spanish diplomats.") == []
    assert later(coder, "The talks followed weeks of clashes in which Moroccan jets struck Algerian posts.") == []
    # another verb's "after" clause, with no news of its own, is the sentence's news
    assert later(coder, "Talks stalled after Morocco expelled two Spanish diplomats.") == [
        ("MAR", "ESPGOV", "SANCTION")]


def test_an_act_and_the_reaction_it_prompted_recount_the_story(coder):
    assert later(coder, "Morocco expelled two Spanish diplomats, prompting Spain to recall its ambassador.") == []
    # dated in the news's days, or in the opening sentence, it is news
    assert later(coder, "On Monday Morocco expelled two Spanish diplomats, prompting protests.") == [
        ("MAR", "ESPGOV", "SANCTION")]
    events = coder.code(Article.from_text("Morocco expelled two Spanish diplomats, prompting protests.",
                                          published="2026-03-01"))
    assert sorted((e.source, e.target, e.type) for e in events) == [("MAR", "ESPGOV", "SANCTION")]


def test_an_act_done_originally_is_background(coder):
    assert later(coder, "He added that Morocco had originally expelled two Spanish diplomats.") == []
    assert later(coder, "He added that Morocco had expelled two Spanish diplomats.") == [("MAR", "ESPGOV", "SANCTION")]


def test_a_stance_held_over_time_is_no_new_act(coder):
    assert later(coder, "Chile has repeatedly refused to recognise the Bolivian claim.") == []
    assert later(coder, "Chile has consistently refused to recognise the Bolivian claim.") == []
    assert later(coder, "Chile has refused to recognise the Bolivian claim.") == [("CHL", "BOL", "REJECT")]


def test_the_act_behind_a_dated_one_is_as_old(coder):
    assert later(coder, "A Moroccan was sentenced to 18 years in prison last year for attacking Spanish troops.") == []
    assert later(coder, "A Moroccan was sentenced to 18 years in prison for attacking Spanish troops.") == [
        ("MAR", "ESPMIL", "ASSAULT")]


def test_a_participle_set_off_by_commas_says_what_a_thing_is(coder):
    assert later(coder, "The Spanish plan, backed by Morocco, will be discussed by economists.") == []
    # dated in the news's days it tells news (the parse pairs it with the main clause, as before this rule)
    assert later(coder, "The Spanish plan, backed by Morocco on Monday, will be discussed by economists.") == [
        ("ESP", "MAR", "SUPPORT")]
    assert later(coder, "The Spanish plan was backed by Morocco.") == [("MAR", "ESP", "SUPPORT")]


def test_a_cause_dated_in_the_news_week_is_news(coder):
    # background._dates_act: a weekday on the cause's own verb dates it in the news's days
    assert later(coder, "The talks come after Chile and Peru swapped prisoners on Thursday.") == [
        ("CHL", "PER", "RETREAT"), ("PER", "CHL", "RETREAT")]
    # undated, or a weekday on a noun of the cause, it stays background
    assert later(coder, "The talks come after Chile and Peru swapped prisoners.") == []
    from realpolitik.options import Options
    from realpolitik.pipeline import code_text

    events = code_text(LEAD + "The talks come after Chile and Peru swapped prisoners on Thursday.", "2026-03-01",
                       Options())
    assert {e.date for e in events if e.evidence.start >= len(LEAD)} == {"2026-02-26"}


def test_swapping_counted_prisoners_is_their_release(coder):
    # readings._objects: a count noun's "of" object decides what is exchanged
    assert later(coder, "Chile and Peru swapped hundreds of prisoners.") == [
        ("CHL", "PER", "RETREAT"), ("PER", "CHL", "RETREAT")]


def test_a_long_for_span_tells_a_standing_state_or_history(coder):
    assert later(coder, "Norway has armed the Ghanaian navy for years.") == []
    assert later(coder, "Norway has armed the Ghanaian navy for the past two years.") == []
    assert later(coder, "Ghana bought most of its patrol boats from Norway for three decades.") == []
    # a bare number of years may be a measure's length, and with no span the act is news
    assert later(coder, "Norway banned Danish trawlers for five years.") == [("NOR", "DNK", "SANCTION")]
    assert later(coder, "Norway has armed the Ghanaian navy.") == [("NOR", "GHAMIL", "AID")]


def test_a_joined_participle_shares_the_since_of_its_perfect(coder):
    assert later(coder, "Norway has trained and armed the Ghanaian navy since 2015.") == []


def test_an_event_noun_in_a_phrase_is_as_old_as_its_verb(coder):
    assert later(coder, "Spain and Morocco had settled a similar dispute through French mediation.") == []
    assert later(coder, "Spain and Morocco settled a similar dispute through French mediation in 2019.") == []



def test_a_recent_or_earlier_act_noun_is_background(coder):
    assert later(coder, "The topic came up during the Moroccan king's recent visit to Spain.") == []
    assert later(coder, "The topic came up during the Moroccan king's visit to Spain.") == [("MARGOV", "ESP", "CONSULT")]
