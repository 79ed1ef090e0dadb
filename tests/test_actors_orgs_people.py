"""Organisations, armed groups and people with dated roles."""
import pytest

from realpolitik.actors import find_actors, lookup
from realpolitik.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.mark.parametrize("name", ["NATO", "UN", "U.N.", "European Union", "IAEA", "SCO", "BRICS", "OPEC",
                                  "African Union", "ASEAN", "GCC", "Arab League", "IMF", "World Bank", "WHO",
                                  "WTO", "ICC", "OSCE", "UNHCR", "Security Council"])
def test_igos_start_with_igo_and_have_no_country(name):
    (m,) = lookup(name)
    assert m.code.startswith("IGO") and m.kind == "igo" and m.country is None


def test_ngos():
    (m,) = lookup("Human Rights Watch")
    assert m.code.startswith("NGO") and m.kind == "ngo"


@pytest.mark.parametrize("name,code", [("Hezbollah", "LBNREB"), ("Hamas", "PSEREB"), ("Houthis", "YEMREB"),
                                       ("al-Shabaab", "SOMREB"), ("PKK", "TURREB"), ("Wagner Group", "RUSMIL")])
def test_armed_groups_have_country_and_sector(name, code):
    (m,) = lookup(name)
    assert (m.code, m.kind, m.country) == (code, "group", code[:3])


def test_transnational_groups_use_img():
    assert lookup("Islamic State")[0].code.startswith("IMG")
    assert lookup("al-Qaeda")[0].code.startswith("IMG")


def test_houthi_rebels_is_one_mention(nlp):
    ms = find_actors(nlp("Houthi rebels fired a missile at a ship."))
    assert [(m.text, m.code) for m in ms] == [("Houthi rebels", "YEMREB")]


def test_taliban_change_role_with_the_date():
    assert lookup("Taliban", "2019-03-01")[0].code == "AFGREB"
    assert lookup("Taliban", "2023-03-01")[0].code == "AFGGOV"


def test_leader_resolved_by_date(nlp):
    (m,) = find_actors(nlp("Xi Jinping received the delegation."), "2024-05-01")
    assert (m.code, m.kind, m.country, m.name) == ("CHNGOV", "person", "CHN", "Xi Jinping")


def test_leader_out_of_office_is_no_longer_the_government():
    assert lookup("Boris Johnson", "2021-01-01")[0].code == "GBRGOV"
    assert lookup("Boris Johnson", "2024-01-01")[0].code == "GBRELI"
    assert lookup("Trump", "2022-06-01")[0].code == "USAELI"
    assert lookup("Trump", "2025-06-01")[0].code == "USAGOV"


def test_officials_who_moved_to_an_igo():
    assert lookup("Mark Rutte", "2020-01-01")[0].code == "NLDGOV"
    assert lookup("Mark Rutte", "2025-01-01")[0].code == "IGONAT"


def test_shared_surname_picks_who_held_office_then():
    assert lookup("Bush", "1990-06-01")[0].name == "George H. W. Bush"
    assert lookup("Bush", "2005-06-01")[0].name == "George W. Bush"


def test_surnames_alone(nlp):
    ms = find_actors(nlp("Putin and Erdogan spoke by phone."), "2025-01-10")
    assert [(m.code, m.kind) for m in ms] == [("RUSGOV", "person"), ("TURGOV", "person")]


def test_names_need_capitals(nlp):
    assert find_actors(nlp("the congress of delegates voted for an amnesty."), "2025-01-01") == []


def test_lookup_reads_a_phrase_when_no_name_matches():
    assert [m.code for m in lookup("Iranian navy")] == ["IRNMIL"]
    assert lookup("nothing known") == []


@pytest.mark.parametrize("name, code", [("USAID", "USAGOV"), ("Immigration and Customs Enforcement", "USACOP"),
                                        ("CBP", "USACOP"), ("DFID", "GBRGOV")])
def test_aid_and_border_agencies_are_their_states_organs(name, code):
    (m,) = lookup(name)
    assert m.code == code and m.kind == "state"


def test_an_all_capitals_agency_name_is_no_common_word(nlp):
    assert [m.code for m in find_actors(nlp("ICE deported 40 Guatemalan migrants."))][:1] == ["USACOP"]
    assert find_actors(nlp("The chefs put ice on the fish.")) == []


def test_a_surname_inside_a_hyphenated_name_is_not_the_leader(nlp):
    doc = nlp("Deputy minister Yunus-Bek Tamirov visited the base; Muhammad Yunus stayed home.")
    assert [(m.text, m.code) for m in find_actors(doc, "2025-01-01")] == [("Muhammad Yunus", "BGDGOV")]
    doc = nlp("The Putin-Xi summit ended.")
    assert [m.code for m in find_actors(doc, "2025-01-01")] == ["RUSGOV", "CHNGOV"]


def test_an_undated_text_is_read_in_the_years_its_office_holders_share(nlp):
    text = "Tony Blair and Gordon Brown met on Monday. Liam Fox criticised them."
    codes = {m.text: m.code for m in find_actors(nlp(text))}
    assert codes == {"Tony Blair": "GBRGOV", "Gordon Brown": "GBRGOV", "Liam Fox": "GBRELI"}  # Fox: minister 2010-11
    assert {m.text: m.code for m in find_actors(nlp(text), "2011-01-10")}["Liam Fox"] == "GBRGOV"
    # one office holder alone gives no era: his latest role stands
    assert [m.code for m in find_actors(nlp("Liam Fox spoke."))] == ["GBRGOV"]


@pytest.mark.parametrize("sentence,text,code", [
    ("The Islamic Development Bank signed a grant.", "Islamic Development Bank", "IGOISDB"),
    ("The EBRD lent money to a power company in the region.", "EBRD", "IGOEBRD"),
    ("Leaders of the Quad met in the capital on Tuesday.", "Quad", "IGOQUAD"),
    ("The AfDB approved a loan for a new railway.", "AfDB", "IGOAFDB"),
    ("Ministers of CELAC gathered for a summit.", "CELAC", "IGOCELAC"),
    ("The European Investment Bank will fund the bridge.", "European Investment Bank", "IGOEUREIB"),
])
def test_added_intergovernmental_bodies_resolve(nlp, sentence, text, code):
    ms = find_actors(nlp(sentence))
    assert [(m.text, m.code) for m in ms] == [(text, code)]


def test_a_quad_bike_is_no_alliance(nlp):
    assert find_actors(nlp("Quad bikes were stolen from a farm.")) == []
