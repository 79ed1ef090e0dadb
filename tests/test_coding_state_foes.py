"""A state and its own rebels or opposition are two parties of an event inside it (readings.domestic, words
STATE_FOES); on texts written for these tests."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text


def _dyads(text):
    return [(e.source, e.target, e.type) for e in code_text(text, "2026-03-02", Options())]


def test_a_state_and_its_own_rebels_or_opposition_act_on_each_other():
    assert _dyads("Peru accused Peruvian rebels of the attack.") == [("PER", "PERREB", "ACCUSE")]
    assert _dyads("The Peruvian opposition accused Peru of rigging the vote.") == [("PEROPP", "PER", "ACCUSE")]
    assert _dyads("Rebels in Peru demanded that Peru free their leaders.") == [("PERREB", "PER", "REQUEST")]


def test_another_states_rebels_keep_their_state():
    assert _dyads("Peruvian troops fought Chilean rebels.") == [("PERMIL", "CHLREB", "ASSAULT")]


def test_a_crowd_whose_controlled_verb_takes_the_state_is_not_its_own():
    # the state is what "attack" (the crowd's own act through "need to") governs: its target, not its home
    assert _dyads("As it stands militants do not need to attack Peru.") == [("REB", "PER", "ASSAULT")]


def test_a_rebel_or_opposition_leader_is_an_actor_a_bare_leader_or_office_is_not():
    # sectors.standalone_sectors: a society's longer term of the table stands alone; "leader" alone, or a state's
    # office before a name the tables do not know, does not
    assert _dyads("Peru refused to meet rebel leader Tomas Ferrante.") == [("PER", "PERREB", "REJECT")]
    assert _dyads("Peru jailed opposition leader Tomas Ferrante.") == [("PER", "PEROPP", "COERCE")]
    assert _dyads("Peru refused to meet the leader.") == [("PER", None, "REJECT")]
    assert _dyads("Interior Minister Tomas Ferrante defended Peru's decision.") == [(None, "PER", "SUPPORT")]


def test_bare_troops_acting_on_the_one_states_crowd_are_its_own():
    # pairing.of_state, words HOME_FRONT: the crowd is the state's; troops firing on it are its forces
    assert _dyads("Protesters in the Peruvian capital were attacked by government forces.") == [
        ("PERMIL", "PERCVL", "ASSAULT")]
    assert _dyads("Soldiers fired on Peruvian protesters.") == [("PERMIL", "PERCVL", "ASSAULT")]
    # not troops against the state itself or its rebels: whose troops, the text does not say
    assert _dyads("Troops attacked Peru.") == [("MIL", "PER", "ASSAULT")]
    assert _dyads("Soldiers fought Peruvian rebels.") == [("MIL", "PERREB", "ASSAULT")]
