"""Rows added from the actor-coverage pass (benchmarks/actor_gaps.py): territories, IGOs,
generic rights groups and recent office holders, each checked in a sentence of our own."""
import pytest

from realpolitik.actors import find_actors, lookup
from realpolitik.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def found(nlp, text, date="2025-06-01"):
    return [(m.text, m.code) for m in find_actors(nlp(text), date)]


@pytest.mark.parametrize("name,code", [("Greenland", "GRL"), ("Falklands", "FLK"), ("Puerto Rico", "PRI"),
                                       ("British Virgin Islands", "VGB"), ("Turks and Caicos", "TCA"),
                                       ("New Caledonia", "NCL"), ("Curaçao", "CUW")])
def test_territories_resolve_to_their_iso_code(name, code):
    assert [(m.code, m.kind) for m in lookup(name)] == [(code, "state")]


def test_strait_of_gibraltar_is_no_actor(nlp):
    assert found(nlp, "Spain sent a frigate through the Strait of Gibraltar.") == [("Spain", "ESP"),
                                                                                  ("frigate", "MIL")]


def test_longer_igo_names_beat_the_demonym_inside(nlp):
    assert found(nlp, "Honduras asked the Inter-American Development Bank for a loan.") == [
        ("Honduras", "HND"), ("Inter-American Development Bank", "IGOIADB")]
    assert found(nlp, "The Caribbean Community met in Georgetown.")[0] == ("Caribbean Community", "IGOCARICOM")


def test_rights_groups_are_ngos(nlp):
    assert found(nlp, "Rights groups condemned the arrest of the Zambian journalist.") == [
        ("Rights groups", "NGO"), ("Zambian journalist", "ZMBMED")]


def test_recent_office_holders_have_dated_roles():
    assert [m.code for m in lookup("Duma Boko", "2025-02-01")] == ["BWAGOV"]
    assert [m.code for m in lookup("Duma Boko", "2020-02-01")] == ["BWAELI"]
    assert [m.code for m in lookup("Boric", "2026-06-01")] == ["CHLELI"]
    assert [m.code for m in lookup("Jose Antonio Kast", "2026-06-01")] == ["CHLGOV"]


@pytest.mark.parametrize("name,code", [("Tatmadaw", "MMRMIL"), ("Arakan Army", "MMRREB"), ("TPLF", "ETHREB"),
                                       ("Bundesbank", "DEUGOV"), ("Self-Defense Forces", "JPNMIL")])
def test_armed_groups_and_institutions(name, code):
    assert [m.code for m in lookup(name)] == [code]


def test_cartel_in_a_sentence(nlp):
    assert found(nlp, "Mexican marines arrested a Sinaloa Cartel commander.") == [
        ("Mexican marines", "MEXMIL"), ("Sinaloa Cartel commander", "MEXREB")]
