"""The rules coder on the project's own support-style sentences (tests/data/support_sentences.jsonl).

The sentences were written for these tests in the style of the project's target news: great-power support
across military, cyber, economic and diplomatic fronts, with varied actors (states, capitals, demonyms,
leaders, IGOs), channels, passives, receipts, reported speech, hedges, denials, plans and questions. Each
record gives the events expected (source, target, type, factuality, and the support channel where it matters).
"""
import json
from pathlib import Path

import pytest

from realpolitik.coding import RulesCoder
from realpolitik.evaluate import match_events, score, type_agrees
from realpolitik.model import Article

DATA = Path(__file__).parent / "data" / "support_sentences.jsonl"
# Floors a little below the figures measured on the 155 records (seed-style step23, rules.v1): dyad+type
# F1 0.926 (P.959 R.895), factuality accuracy on matched pairs 1.000 (164/164), channel 92/95 = 0.968.
# Before the seed-style steps the same records measured F1 0.723, factuality 0.970, channel 64/74
# (see benchmarks/coder_dev_log.md); batches two to five (20, 20, 15, 15 records) were each written before
# being measured (F1 0.711, 0.744, 0.780, 0.625 then), so the set's later records are the fairer test.
F1_FLOOR = 0.90
FACTUALITY_FLOOR = 0.97
CHANNEL_FLOOR = 0.94


@pytest.fixture(scope="module")
def records():
    return [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


@pytest.fixture(scope="module")
def predictions(records, coder):
    arts = [Article.from_text(r["text"], published=r["date"]) for r in records]
    return {r["id"]: [e.as_dict() for e in evs] for r, evs in zip(records, coder.code_many(arts))}


def code(coder, text):
    return [(e.source[:3] if e.source else None, e.target[:3] if e.target else None, e.type, e.factuality)
            for e in coder.code(Article.from_text(text, published="2026-03-01"))]


def test_the_set_is_varied(records):
    types = {e["type"] for r in records for e in r["events"]}
    facts = {e["factuality"] for r in records for e in r["events"]}
    channels = {e.get("channel") for r in records for e in r["events"]} - {None}
    assert len(records) >= 150 and len(types) == 16
    assert facts == {"asserted", "reported", "planned", "hypothetical", "denied", "question"}
    assert len(channels) >= 13
    assert any(r["events"] == [] for r in records)


def test_dyad_type_f1_and_factuality_above_floors(records, predictions):
    rep = score(records, predictions)
    assert rep.dyad_type.f1 >= F1_FLOOR, rep.dyad_type.as_dict()
    assert rep.fields["factuality"].accuracy >= FACTUALITY_FLOOR, rep.fields["factuality"].as_dict()


def test_channels_of_matched_events_above_floor(records, predictions):
    right = total = 0
    for r in records:
        gold, pred = r["events"], predictions[r["id"]]
        for gi, pi in match_events(gold, pred):
            if gold[gi].get("channel") and type_agrees(gold[gi], pred[pi]):
                total += 1
                right += gold[gi]["channel"] == pred[pi].get("channel")
    assert total >= 60 and right / total >= CHANNEL_FLOOR, (right, total)


def test_announced_plan_keeps_its_type_offer_is_agree(coder):
    assert code(coder, "Oman will build a gas terminal for Jordan.") == [("OMN", "JOR", "AID", "planned")]
    assert code(coder, "Oman is willing to build a gas terminal for Jordan.")[0][2] == "AGREE"


def test_receipt_takes_the_giver_from_the_goods(coder):
    assert code(coder, "Ghana obtained Korean patrol vessels.") == [("KOR", "GHA", "AID", "asserted")]
    assert code(coder, "Chad took delivery of Chinese armoured cars.") == [("CHN", "TCD", "AID", "asserted")]
    # a received person is a visit, not aid
    assert code(coder, "Lima received the Chilean foreign minister.")[0][2] == "CONSULT"


def test_help_x_do_y_aids_x(coder):
    assert code(coder, "Seoul helped Hanoi modernise its coast guard radar network.") == \
        [("KOR", "VNM", "AID", "asserted")]


def test_passive_light_verb_and_passive_sale(coder):
    assert code(coder, "Tariffs were imposed on Canada by Washington.")[0][:3] == ("USA", "CAN", "SANCTION")
    evs = RulesCoder().code(Article.from_text("Norwegian salmon was sold to Japan through a broker.",
                                              published="2026-03-01"))
    assert [(e.type, e.channel) for e in evs] == [("COOPERATE", "trade")]


def test_nominalised_delivery_and_infrastructure(coder):
    assert code(coder, "The transfer of Belgian jets to Kyiv was delayed.")[0][:3] == ("BEL", "UKR", "AID")
    assert code(coder, "Japan is building a railway in Indonesia.")[0][:3] == ("JPN", "IDN", "AID")
    assert code(coder, "Japan is building a coalition with Indonesia.") == []


def test_joint_drills_with_a_partner_are_mutual(coder):
    got = code(coder, "Thailand staged air drills with Singapore.")
    assert sorted(got) == [("SGP", "THA", "COOPERATE", "asserted"), ("THA", "SGP", "COOPERATE", "asserted")]


def test_denial_hedge_question_and_report(coder):
    assert code(coder, "Minsk denied sending fuel to Moscow.")[0][3] == "denied"
    assert code(coder, "Ankara might sell drones to Dhaka.")[0][3] == "hypothetical"
    assert code(coder, "Did Riyadh lend money to Cairo?")[0][3] == "question"
    assert code(coder, "Qatar shipped gas to Italy, officials in Rome said.")[0][3] == "reported"


def test_voiced_support_and_solidarity(coder):
    assert code(coder, "Algeria voiced support for Tunisia.") == [("DZA", "TUN", "SUPPORT", "asserted")]
    assert code(coder, "Laos expressed solidarity with Vietnam in the face of Chinese pressure.") == \
        [("LAO", "VNM", "SUPPORT", "asserted")]


def test_proxies_working_for_a_state_and_fighting_alongside(coder):
    # hackers' attacks are PLOVER COERCE 'cyber' (training/GUIDE.md: cyber intrusions are COERCE)
    assert code(coder, "Hackers working for Tehran attacked ministries in Bahrain.")[0][:3] == ("IRN", "BHR", "COERCE")
    assert code(coder, "Chadian troops fought alongside Malian soldiers.")[0][:3] == ("TCD", "MLI", "AID")


def test_purpose_infinitive_is_no_attribution(coder):
    assert code(coder, "Polish officers are training Moldovan cadets to maintain radars.") == \
        [("POL", "MDA", "AID", "asserted")]


def test_agentless_accusation_gives_the_charged_act(coder):
    assert code(coder, "Belarusian firms have been accused of selling rifles to Sudan.")[0][:3] == ("BLR", "SDN", "AID")


def test_warning_of_ones_own_act_targets_its_recipient(coder):
    assert code(coder, "Cuban officials warned that Cuba would expel Spanish diplomats.")[0][:3] == \
        ("CUB", "ESP", "THREATEN")


def test_headline_plan_before_an_attribution_stays_planned(coder):
    assert code(coder, "Japan to lend Kenya $300 million, officials say.")[0] == ("JPN", "KEN", "AID", "planned")


def test_agentless_expulsion_from_a_state_and_ramming(coder):
    assert code(coder, "Iranian diplomats were expelled from Albania.")[0][:3] == ("ALB", "IRN", "SANCTION")
    assert code(coder, "Russian patrol boats rammed a Georgian ferry.")[0][:3] == ("RUS", "GEO", "ASSAULT")


def test_deed_one_is_thanked_for_is_coded(coder):
    got = code(coder, "Kyrgyzstan thanked Kazakhstan for the delivery of fuel.")
    assert sorted(got) == [("KAZ", "KGZ", "AID", "asserted"), ("KGZ", "KAZ", "SUPPORT", "asserted")]


def test_spyware_sold_is_assistance_and_found_attributes(coder):
    evs = RulesCoder().code(Article.from_text("Italian spyware was sold to Bahrain, investigators found.",
                                              published="2026-03-01"))
    assert [(e.source[:3], e.target[:3], e.type, e.factuality, e.channel) for e in evs] == \
        [("ITA", "BHR", "AID", "reported", "cyber_assistance")]


def test_in_defiance_of_sanctions_is_no_sanction(coder):
    assert code(coder, "Syria bought Iranian oil in defiance of European sanctions.") == \
        [("SYR", "IRN", "COOPERATE", "asserted")]


def test_installing_equipment_for_a_state(coder):
    assert code(coder, "Turkey installed radars in Qatar.")[0][:3] == ("TUR", "QAT", "AID")
    assert code(coder, "Rebels installed a new government in the capital of Chad.") == []
