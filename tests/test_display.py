"""Actor names beside codes in tables, reports and pages."""
from realpolitik.display import actor_label, actor_name
from realpolitik.web.filters import actor_label as web_label


def test_state_sector_codes_name_the_sector_not_one_organisation_so_coded():
    # organisations.tsv codes the central bank and the Kremlin as CHNGOV / RUSGOV
    assert actor_name("CHNGOV") == "China (government)"
    assert actor_name("RUSGOV") == "Russia (government)"
    assert actor_name("IRNMILGOV") == "Iran (military, government)"


def test_states_organisations_and_unknown_codes():
    assert actor_name("USA") == "United States"
    assert actor_name("IGOUNO") == "United Nations"
    assert actor_name("XYZ") is None
    assert actor_label("XYZ") == "XYZ" and actor_label(None) == "-"


def test_web_pages_name_actors_as_the_terminal_does():
    assert web_label("CHNMIL") == "CHNMIL China (military)" == actor_label("CHNMIL")
