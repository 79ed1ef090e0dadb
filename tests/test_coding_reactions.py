"""Reactions to an earlier act take its author as their target, in an article and never in a lone sentence."""
from realpolitik.pipeline import code_text


def _dyads(text):
    return [(e.source, e.target, e.type) for e in code_text(text, "2026-03-02")]


def test_condemning_an_earlier_strike_targets_the_striker():
    text = ("Pakistan launched air strikes on Afghanistan's capital on Sunday.\n\n"
            "Norway and Chile condemned the strike.")
    assert _dyads(text) == [("PAK", "AFG", "ASSAULT"), ("CHL", "PAK", "ACCUSE"), ("NOR", "PAK", "ACCUSE")]


def test_an_aimed_reaction_is_as_confident_as_a_parsed_dyad():
    events = code_text("Pakistan launched air strikes on Afghanistan on Sunday.\n\nNorway condemned the strike.",
                       "2026-03-02")
    aimed = [e for e in events if e.source == "NOR"]
    assert [(e.target, e.confidence >= 0.72) for e in aimed] == [("PAK", True)]
    assert code_text("Norway condemned the strike.", "2026-03-02")[0].confidence < 0.72  # no recipient found


def test_welcoming_a_decision_targets_the_decider_of_the_sentence_before():
    text = ("Washington agreed on Monday to lift tariffs on Kenyan tea.\n\nNairobi welcomed the decision.")
    assert _dyads(text)[-1] == ("KENGOV", "USAGOV", "SUPPORT")


def test_a_lone_reaction_keeps_no_target():
    assert _dyads("Norway condemned the strike.") == [("NOR", None, "ACCUSE")]


def test_an_actor_of_the_reacting_country_is_never_its_target():
    text = "Pakistan launched air strikes on Afghan border posts.\n\nPakistan's army defended the strike."
    assert _dyads(text) == [("PAK", "AFG", "ASSAULT"), ("PAKMIL", None, "SUPPORT")]


def test_an_act_noun_reported_in_other_words_targets_the_act_before_it():
    text = ("China agreed on Monday to supply Iran with air-defence radars.\n\nWashington condemned the deal.")
    assert _dyads(text) == [("CHN", "IRN", "AGREE"), ("USAGOV", "CHN", "ACCUSE")]


def test_a_reaction_to_an_act_by_a_bare_sector_keeps_no_target():
    # the insurgents have no country here (a bare REB): the condemnation names no party to aim at
    text = "Insurgents ambushed a convoy on Sunday, killing six soldiers.\n\nThe United Nations condemned the attack."
    assert _dyads(text) == [("REB", "MIL", "ASSAULT"), ("IGOUNO", None, "ACCUSE")]


def test_denying_an_earlier_accusation_rejects_the_accuser():
    text = "Bolivia accused Paraguay of arming smugglers on Monday.\n\nParaguay denied the accusation."
    assert _dyads(text) == [("BOL", "PRY", "ACCUSE"), ("PRY", "BOL", "REJECT")]


def test_a_denial_with_no_accuser_before_it_is_a_statement():
    assert _dyads("Paraguay denied the accusation.") == []
    # the accuser named with the charge is its target in a lone sentence too
    assert _dyads("Paraguay's foreign ministry rejected Bolivian accusations.") == [("PRYGOV", "BOL", "REJECT")]


def test_a_denial_aims_at_no_accuser_of_another_party():
    text = "Bolivia accused Chile of arming smugglers on Monday.\n\nParaguay denied the charges."
    assert _dyads(text) == [("BOL", "CHL", "ACCUSE")]


def test_rejecting_a_demand_answers_every_state_that_made_it_of_the_rejecter():
    # the latest act of another state (Chile's request to Peru) is not what Bolivia was asked
    text = ("Peru and Chile called on Bolivia to reopen the border crossing.\n\n"
            "Chile also asked Peru for more gas supplies.\n\nLa Paz rejected the demand.")
    assert _dyads(text)[-2:] == [("BOLGOV", "CHL", "REJECT"), ("BOLGOV", "PER", "REJECT")]


def test_the_pronoun_of_a_denied_accusation_is_the_denier_not_the_accuser():
    # the accuser is the nearer actor; the one accused is who denies
    events = code_text("Chile denied accusations by Peru that it supplied rifles to Bolivia.", "2026-03-02")
    assert [(e.source, e.target, e.type, e.factuality) for e in events] == [("CHL", "BOL", "AID", "denied")]


def test_welcoming_a_step_backs_its_author_and_welcoming_a_guest_hosts_them():
    assert _dyads("Chile and Peru welcomed the Brazilian package.") == [
        ("CHL", "BRA", "SUPPORT"), ("PER", "BRA", "SUPPORT")]
    assert _dyads("Chile welcomed the Brazilian delegation.") == [("CHL", "BRAGOV", "CONSULT")]


def test_a_reaction_to_a_thing_named_again_targets_who_did_it():
    text = ("Brazil announced a package of support for Bolivia on Monday.\n\n"
            "Argentina rejected it. Uruguay condemned the drought.\n\nChile welcomed the package.")
    assert _dyads(text)[-1] == ("CHL", "BRA", "SUPPORT")


def test_a_verb_conjoined_to_a_reaction_shares_the_target_it_found():
    text = ("Brazil approved an arms sale to Bolivia on Monday.\n\n"
            "Chile condemned the sale and warned it would retaliate.")
    assert _dyads(text)[1:] == [("CHL", "BRA", "ACCUSE"), ("CHL", "BRA", "THREATEN")]
    assert _dyads("Chile condemned the sale and warned it would retaliate.") == [
        ("CHL", None, "ACCUSE"), ("CHL", None, "THREATEN")]


def test_condemning_an_attack_accuses_its_author_never_its_victim():
    assert _dyads("Chile condemned the strikes on Peru.") == [("CHL", None, "ACCUSE")]
    assert _dyads("Chile condemned Bolivia's strikes on Peru.")[0] == ("CHL", "BOL", "ACCUSE")
    text = "Bolivia struck Peru on Monday.\n\nChile condemned the strikes on Peru."
    assert _dyads(text) == [("BOL", "PER", "ASSAULT"), ("CHL", "BOL", "ACCUSE")]



def test_an_act_that_makes_its_object_answers_no_earlier_act():
    # "reach agreement", "offered talks": the agreement and the talks are made here, not an act reported before
    text = "Norway struck Sweden on Monday.\n\nFinland said the EU would never reach agreement."
    assert _dyads(text) == [("NOR", "SWE", "ASSAULT"), ("IGOEUR", None, "REJECT")]
    text = "Chile accused Peru of blocking the river talks on Monday.\n\nBolivia offered the talks."
    assert _dyads(text) == [("CHL", "PER", "ACCUSE"), ("BOL", None, "AGREE")]


def test_a_reaction_to_a_joint_act_answers_both_parties():
    text = "Peru and Bolivia signed a border treaty on Monday.\n\nChile protested the treaty."
    assert _dyads(text) == [("BOL", "PER", "SUPPORT"), ("PER", "BOL", "SUPPORT"),
                            ("CHL", "PER", "ACCUSE"), ("CHL", "BOL", "ACCUSE")]
    # a one-way act keeps its one author
    text = "Peru agreed on Monday to lift tariffs on Bolivian tin.\n\nChile welcomed the decision."
    assert _dyads(text) == [("PER", "BOL", "AGREE"), ("CHL", "PER", "SUPPORT")]
