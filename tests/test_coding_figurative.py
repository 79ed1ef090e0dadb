"""Figurative force verbs and background acts without a date (realpolitik/coding/figurative.py,
background.background_cue), on sentences written for these tests."""
import pytest

from realpolitik.coding import RulesCoder
from realpolitik.pipeline import code_text
from realpolitik.coding.figurative import abstract_object, firm_agent, speculative_force
from realpolitik.model import Article


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def triples(coder, text):
    return sorted((e.source, e.target, e.type) for e in coder.code(Article.from_text(text, published="2026-03-01")))


def test_force_verbs_on_abstract_objects_are_figurative(coder):
    assert triples(coder, "The French government attacked the German plan on Monday.") == []
    assert triples(coder, "The Polish army attacked the German plan.") == []
    assert triples(coder, "Egypt fought the election on its record.") == []
    # "targets" struck are places, not goals
    assert triples(coder, "Israeli jets struck targets near Damascus overnight.") == [("ISRMIL", "SYR", "ASSAULT")]
    # on a party, its forces or its places the verb is an act of force
    assert triples(coder, "Russian troops attacked Ukrainian positions near the town.") == [("RUSMIL", "UKR", "ASSAULT")]
    assert triples(coder, "Rebels fought government troops in the north.") == [("REB", "MIL", "ASSAULT")]


def test_firms_do_not_attack_but_may_threaten(coder):
    assert triples(coder, "Huawei attacked the British government's plan.") == []
    assert triples(coder, "Samsung threatened Japan with a lawsuit over the patents.") == [("KORBUS", "JPN", "THREATEN")]
    assert firm_agent("ASSAULT", "CHNBUS") and firm_agent("COERCE", "RUSBUS")
    assert not firm_agent("THREATEN", "RUSBUS") and not firm_agent("ASSAULT", "CHNGOV")


def test_abstract_object_needs_a_force_type():
    assert abstract_object("ASSAULT", "plan") and abstract_object("COERCE", "election")
    assert not abstract_object("SUPPORT", "plan") and not abstract_object("ASSAULT", "base")


def test_background_acts_without_a_date(coder):
    assert triples(coder, "Japan once imposed sanctions on Russia.") == []
    assert triples(coder, "Japan previously imposed sanctions on Russia.") == []
    assert triples(coder, "Germany attacked Poland in the past.") == []
    assert triples(coder, "The previous talks between Iran and Iraq failed.") == []
    assert triples(coder, "The ban was imposed in the aftermath of China's crackdown on Tibetan protesters.") == []
    assert triples(coder, "Japan imposed sanctions on Russia on Monday.") == [("JPN", "RUS", "SANCTION")]
    assert triples(coder, "The talks between Iran and Iraq failed.") == [("IRN", "IRQ", "CONSULT"), ("IRQ", "IRN", "CONSULT")]
    assert triples(coder, "The move was welcomed at the time by Beijing.") == []
    assert triples(coder, "The move was welcomed by Beijing.") == [("CHNGOV", None, "SUPPORT")]  # an act welcomed
    # "once" of a condition is no past
    assert triples(coder, "Once Russia withdraws its troops from Georgia, talks can begin.") == [("RUS", "GEO", "RETREAT")]


def test_possible_violence_by_a_kind_of_actor_is_speculation(coder):
    assert triples(coder, "Terrorists could attack the French capital during the summit, the police chief said.") == []
    assert triples(coder, "Rebels attacked the French embassy on Monday.") == [("REB", "FRAGOV", "ASSAULT")]
    # a denial of a named kind of act stays an event (factuality "denied")
    assert triples(coder, "Rebels did not attack the French embassy.") == [("REB", "FRAGOV", "ASSAULT")]
    assert speculative_force("ASSAULT", "hypothetical", "REB")
    assert not speculative_force("ASSAULT", "hypothetical", "PSEREB")  # a named group's possible attack
    assert not speculative_force("THREATEN", "hypothetical", "REB")


def test_a_past_act_in_an_earlier_month_is_dated_in_that_month():
    # not dropped as background: coding/when.py dates it, so it is no new event on the article's date
    def at(text, date):
        return sorted((e.source, e.target, e.type, e.date) for e in code_text(text, date))

    def both(day):
        return [("ESP", "GBR", "AGREE", day), ("GBR", "ESP", "AGREE", day)]

    assert at("In October, Britain and Spain agreed to set up a forum on Gibraltar.", "2005-01-15") == both("2004-10-01")
    # with its year, an earlier month of the article's year (which the dater does not place) is background
    assert at("Britain and Spain agreed in March 2005 to set up a forum.", "2005-06-15") == []
    assert at("Britain and Spain agreed in March 2003 to set up a forum.", "2005-06-15") == []


def test_beating_between_two_states_is_a_match_and_police_beating_people_an_attack():
    from realpolitik.coding import RulesCoder
    from realpolitik.model import Article

    coder = RulesCoder()

    def code(text):
        return [(e.source, e.target, e.type) for e in coder.code(Article.from_text(text, published="2026-03-01"))]

    assert code("Chile beat Bolivia 3-1 in La Paz on Tuesday.") == []
    assert code("Bolivian police beat Chilean protesters in La Paz.") == [("BOLCOP", "CHLCVL", "ASSAULT")]


def test_hosting_refugees_is_no_visit(coder):
    # the people hosted decide: refugees or migrants live there, an official or a delegation visits
    assert triples(coder, "Kenya hosts more than two million refugees from South Sudan.") == []
    assert triples(coder, "Jordan hosted thousands of Syrian refugees.") == []
    assert triples(coder, "Egypt hosted a Sudanese delegation.") == [("EGY", "SDNGOV", "CONSULT"),
                                                                    ("SDNGOV", "EGY", "CONSULT")]
    # a count noun passes its sense on, and no further than that: "thousands of rebels" are still fought
    assert triples(coder, "The army fought thousands of rebels in Chad.") == [("TCDMIL", "TCDREB", "ASSAULT")]


def test_a_score_makes_beating_a_match_won(coder):
    # whatever the teams' names match (a capital, a federation, a nickname), a result beside "beat" is sport
    assert triples(coder, "Real Madrid beat Pachuca 3-0 to win the FIFA Intercontinental Cup in Lusail.") == []
    assert triples(coder, "The Pumas came back to beat the All Blacks 29-23 in Wellington.") == []
    assert triples(coder, "Kuwait hosted the opening match of the Gulf Cup, beating Oman 2-1.") == []
    # a range counting the people beaten is no score
    assert triples(coder, "Police beat 20-30 protesters in Tehran.") == [("IRNCOP", "IRNCVL", "ASSAULT")]


def test_sending_envoys_is_a_visit_and_a_conference_venue_no_party(coder):
    assert triples(coder, "The US sent an envoy to Caracas.") == [("USA", "VENGOV", "CONSULT")]
    assert triples(coder, "Qatar dispatched a team of negotiators to Cairo.") == [("QAT", "EGYGOV", "CONSULT")]
    assert triples(coder, "France sent doctors to Gaza.") == [("FRA", "PSE", "AID")]
    # the country a conference sits in is a place (FORMAT.md: "talks in Doha" make no party of Qatar)
    assert triples(coder, "Beijing sent a delegation to the peace conference in Switzerland.") == []


def test_a_firms_deal_with_a_state_named_in_passing_is_business(coder):
    # issue 14: commerce by firms is no state event; the state is a place or a modifier ("US plants")
    assert triples(coder, "A Taiwanese chipmaker said it would invest $100 billion in US plants.") == []
    assert triples(coder, "A Chinese battery maker said it would build a $1.2 billion plant in Morocco.") == []
    assert triples(coder, "Japan's biggest trading house said it would buy a stake in a US gas project.") == []
    # a state or its organ as the firm's partner is still a party
    assert triples(coder, "A Chinese firm signed a mining deal with Guinea's government.") == [
        ("CHNBUS", "GINGOV", "SUPPORT")]
    assert triples(coder, "A Russian company agreed to supply gas to Serbia.") == [("RUSBUS", "SRB", "AGREE")]


def test_an_act_named_by_a_speaker_is_not_the_speakers_act(coder):
    # "called the incursion a provocation": the object predicate names the act; the speaker did not carry it out,
    # but decried it (PLOVER ACCUSE: "condemn, decry ... an action"; its doer is unnamed)
    assert triples(coder, 'Tusk called the incursion "a large-scale provocation".') == [("POLGOV", None, "ACCUSE")]
    assert triples(coder, "Seoul branded the launch a provocation.") == []
    assert triples(coder, "Russia slapped sanctions on Estonia.") == [("RUS", "EST", "SANCTION")]


def test_demonstrating_a_thing_is_showing_not_protest():
    from realpolitik.coding import RulesCoder
    from realpolitik.model import Article

    coder = RulesCoder()

    def code(text):
        return [(e.source, e.target, e.type) for e in coder.code(Article.from_text(text, published="2026-03-01"))]

    # a direct object or a clause makes "demonstrate" showing; without one it is a protest
    assert code("Hanwha demonstrated a radar to Peru's navy.") == []
    assert code("Chileans demonstrated against Peru in Santiago.") == [("CHLCVL", "PER", "PROTEST")]


def test_a_warning_about_an_economy_or_welfare_is_a_forecast(coder):
    # the reported clause's subject is a quantity or a state of welfare: a forecast, no threat to a party
    assert triples(coder, "The IMF warned that Chile's budget deficit was too large.") == []
    assert triples(coder, "Millions of Malians' livelihoods are at risk from drought, the UN has warned.") == []
    assert triples(coder, "The World Bank warned that Peru's economy would shrink.") == []
    # a warning of what a party will face, or of a party's own act, is a threat
    assert triples(coder, "Russia warned that Ukraine would face sanctions.") == [("RUS", "UKR", "THREATEN")]
    assert triples(coder, "France warned that Turkish membership of the EU was incompatible with its laws.") == [
        ("FRA", "TUR", "THREATEN")]


def test_a_quantity_doing_through_a_participle_is_economic_copy(coder):
    # the participle's doer is the quantity it hangs on: no party cuts anything
    assert triples(coder, "Slower French exports would mean slower EU growth, reducing the demand for US goods.") == []
    assert triples(coder, "Oil prices fell sharply, hurting Russia.") == []
    # a party's participle keeps its act
    assert triples(coder, "Israel imposed a blockade, cutting aid to Gaza.") == [("ISR", "PSE", "SANCTION")]


def test_a_force_verb_done_by_an_event_a_work_or_a_raised_quantity_uses_no_force(coder):
    # a quantity raised to the subject of "set to", an event, a natural force or a work "hits": no party acts
    assert triples(coder, "The Italian budget deficit is set to hit a record 40bn euros this year.") == []
    assert triples(coder, "A fresh delay has hit new French rules on energy.") == []
    assert triples(coder, "The song hit number one in Canada and Ireland.") == []
    assert triples(coder, "Floods that hit Pakistan killed 40 people.") == []
    # arms and the forces that fire them keep their act, counted or not
    assert triples(coder, "Russian missiles hit Kyiv.") == [("RUSMIL", "UKR", "ASSAULT")]
    assert triples(coder, "A series of bombs hit Baghdad on Monday.") == [(None, "IRQ", "ASSAULT")]


def test_a_firms_takeover_offer_or_stake_is_commerce(coder):
    # an offer, purchase, rejection or withdrawal naming a takeover, a stake, a price per share or customers
    assert triples(coder, "The Dutch brewer has rejected a takeover offer from its German rival.") == []
    assert triples(coder, "Japanese lender Mizuho has withdrawn its takeover offer for a rival bank.") == []
    assert triples(coder, "An Irish publisher is buying a 26% stake in a Chinese newspaper company.") == []
    assert triples(coder, "A Swiss drinks firm has agreed to buy 30% of Tsingtao, the biggest brewer in China.") == []
    assert triples(coder, "German broadcasters could offer viewers loyalty points.") == []
    # a state's or government's offer stays, of a stake or of soldiers
    assert triples(coder, "Russia offered Ukraine a stake in its gas pipeline.") == [("RUS", "UKR", "AGREE")]
    assert triples(coder, "Britain has offered to send 120 soldiers to Indonesia.") == [("GBR", "IDN", "AGREE")]


def test_a_bid_for_a_named_body_or_by_a_suitor_is_commerce(coder):
    # a sum offered for a firm, an offer to buy a named club, a suitor's offer: no commerce word, still commerce
    assert triples(coder, "The Frankfurt bourse has offered 1.3bn pounds for the Swiss Stock Exchange.") == []
    assert triples(coder, "The American billionaire launched a new offer to buy Glasgow Rovers.") == []
    assert triples(coder, "The paper said the German suitor will offer to run a combined market out of Paris.") == []
    # a state's sum for relief, or its offer to buy goods, stays
    assert triples(coder, "France offered 10m euros for the relief of Haiti.") == [("FRA", "HTI", "AGREE")]
    assert triples(coder, "Russia offered to buy Ukrainian gas.") == [("RUS", "UKR", "AGREE")]


def test_beating_for_a_prize_or_by_a_margin_is_a_contest_won(coder):
    assert triples(coder, "The runner beat Spanish champion Ana Ruiz by 30 metres in the race.") == []
    assert triples(coder, "The French band beat German rivals for best live act.") == []
    assert triples(coder, "The second series beat two French dramas to the comedy trophy.") == []
    # police beating people keeps its sense
    assert triples(coder, "Kenyan police beat protesters in Nairobi.") == [("KENCOP", "KENCVL", "ASSAULT")]


def test_asking_if_or_whether_is_a_question_not_a_request(coder):
    assert triples(coder, "The Foreign Office asked Iran whether the envoy would be released.") == []
    assert triples(coder, "The British minister is heard asking a reporter if he is a German spy.") == []
    # a request for an act, even on a condition, stays one
    assert triples(coder, "France asked Germany to send troops.") == [("FRA", "DEU", "REQUEST")]
    assert triples(coder, "France asked Germany for aid if the war spread.") == [("FRA", "DEU", "REQUEST")]


def test_arms_of_idiom_are_words_not_force(coder):
    assert triples(coder, "The chancellor used his budget to fire both barrels at the opposition parties.") == []
    assert triples(coder, "The Labour leader launched a broadside at the Conservatives.") == []
    assert triples(coder, "Syrian troops fired rockets at Israeli positions.") == [("SYRMIL", "ISR", "ASSAULT")]
    assert abstract_object("ASSAULT", "barrel") and not abstract_object("SUPPORT", "broadside")


def test_a_story_plot_is_fiction_not_an_event(coder):
    # a character played, a scene "in the film", a work's plot: acts of the story, no event
    assert triples(coder, "In the thriller the actor plays a Russian general who orders an attack on Georgia.") == []
    assert triples(coder, "The singer stars as a British envoy who negotiates with China in the new drama.") == []
    assert triples(coder, "In the film, French troops attack Algerian rebels near the border.") == []
    assert triples(coder, "The novel follows a Cuban spy who helps Venezuela build a missile base.") == []
    # a part played in real events, a talk hosted, or a real act "in the talks" stays
    assert triples(coder, "In the talks, France agreed to help Chad.") == [("FRA", "TCD", "AGREE")]
    assert triples(coder, "The US played host to talks between Israel and Syria.") == [
        ("ISR", "SYR", "CONSULT"), ("SYR", "ISR", "CONSULT")]


def test_a_speakers_attack_in_words_is_criticism(coder):
    # a clause of speech, a reason "for" or "over", or "hit out" / "lash out": a speaker criticises (ACCUSE)
    assert triples(coder, "The French foreign minister attacked the Italian government, saying its plan would hurt "
                          "Europe.") == [("FRAGOV", "ITAGOV", "ACCUSE")]
    assert triples(coder, "The Spanish prime minister hit out at Morocco for its fishing policy.") == [
        ("ESPGOV", "MAR", "ACCUSE")]
    assert triples(coder, "The Dutch opposition leader lashed out at the German chancellor over the budget.") == [
        ("NLDOPP", "DEUGOV", "ACCUSE")]
    assert triples(coder, "The Greek president rounded on Turkey, saying it had broken its word.") == [
        ("GRCGOV", "TUR", "ACCUSE")]
    assert triples(coder, "The Kenyan opposition clashed with the government over the budget.") == [
        ("KENGOV", "KENOPP", "ACCUSE"), ("KENOPP", "KENGOV", "ACCUSE")]
    # words against no party named are no event; an attack "on" a plan is words
    assert triples(coder, "The Belgian foreign minister hit back by arguing that the talks had failed.") == []
    assert triples(coder, "The German chancellor launched an attack on the French spending plans.") == []
    # armed agents, or a clash with police, keep their force
    assert triples(coder, "Rebels attacked the Malian army, saying it had killed civilians.") == [
        ("REB", "MLIMIL", "ASSAULT")]
    assert triples(coder, "Turkish jets attacked Kurdish positions in Iraq for a second day.") == [
        ("TURMIL", "IRQ", "ASSAULT")]
    assert triples(coder, "Israeli jets launched an attack on Hamas positions in Gaza.") == [
        ("ISRMIL", "PSEREB", "ASSAULT")]
    assert triples(coder, "Protesters clashed with police in Nairobi over the budget.") == [
        ("KENCOP", "KENCVL", "ASSAULT"), ("KENCVL", "KENCOP", "ASSAULT")]


def test_a_workers_strike_is_a_protest_not_an_attack(coder):
    # workers doing, joining or holding a strike stop work (PROTEST, planned when future); none is a threat
    assert triples(coder, "British workers will take part in a strike next month.") == [
        ("GBRLAB", "GBRGOV", "PROTEST")]
    assert triples(coder, "A strike by French civil servants closed offices across the country.") == [
        ("FRA", "FRAGOV", "PROTEST")]
    assert triples(coder, "French civil servants will strike next week over pensions.") == [
        ("FRA", "FRAGOV", "PROTEST")]
    assert triples(coder, "The French union said its members would strike over pay.") == [
        ("FRALAB", "FRAGOV", "PROTEST")]
    # what a stoppage "hit" is its effect; a strike ended is no new one
    assert triples(coder, "The UK-wide action hit job centres and pensions offices.") == []
    assert triples(coder, "Workers at a Korean shipyard ended their strike after the firm agreed to a pay rise.") == [
        ("KORLAB", None, "CONCEDE")]
    # a military strike keeps its force
    assert triples(coder, "Israeli jets carried out a strike on Gaza.") == [("ISRMIL", "PSE", "ASSAULT")]
    assert triples(coder, "An Israeli strike hit a house in Gaza.") == [("ISR", "PSE", "ASSAULT")]


def test_a_police_raid_is_a_search_not_an_attack(coder):
    # a raid by police on anything but armed people or their holds, with no one killed, is PLOVER COERCE 'seize'
    assert triples(coder, "Finnish police raided a Swedish file-sharing firm.") == [("FINCOP", "SWEBUS", "COERCE")]
    assert triples(coder, "The Greek firm faced raids by Turkish tax police.") == [("TURCOP", "GRCBUS", "COERCE")]
    # troops raiding, police raiding rebel hideouts, or a raid that kills stay attacks
    assert triples(coder, "Israeli troops raided a Palestinian village.") == [("ISRMIL", "PSE", "ASSAULT")]
    assert triples(coder, "Indian police raided Pakistani rebel hideouts.") == [("INDCOP", "PAKREB", "ASSAULT")]
