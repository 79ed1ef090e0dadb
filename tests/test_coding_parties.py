"""Events between bare sectors (no state, IGO or NGO on either side) are dropped from articles
(setting coding.require_party), kept in a lone sentence; on texts written for these tests."""
from realpolitik.coding.domain import names_a_party, stateless
from realpolitik.options import Options
from realpolitik.pipeline import code_text

LEAD = "Rebels attacked an army base in the hills on Sunday, killing four soldiers."
FILLER = ("Residents said the night was loud and that many families stayed indoors until the morning. "
          "Shops in the market opened late and schools kept their doors closed for the whole day. ") * 4


def _dyads(text, **settings):
    opts = Options().with_settings({f"coding.{k}": v for k, v in settings.items()})
    return [(e.source, e.target, e.type) for e in code_text(text, "2026-03-02", opts)]


def test_a_bare_sector_names_no_party_and_a_state_igo_or_ethiopia_do():
    assert [names_a_party(c) for c in ("REB", "COP", "NGAREB", "IGOUNO", "NGO", "ETH", "ETHGOV", None)] == [
        False, False, True, True, True, True, True, False]
    assert stateless("REB", "MIL") and stateless("CVL", None)
    assert not stateless("REB", "NGA") and not stateless(None, None)


def test_an_article_drops_an_event_between_bare_sectors():
    assert _dyads(f"{LEAD} {FILLER}") == []
    assert _dyads(f"{LEAD} {FILLER}", require_party=False) == [("REB", "MIL", "ASSAULT")]


def test_a_lone_sentence_keeps_it():
    assert _dyads(LEAD) == [("REB", "MIL", "ASSAULT")]


ONE_SIDED = "Norway's navy staged drills off the coast on Tuesday."
TWO_SIDED = "Sweden accused Norway of violating its airspace on Monday."


def test_an_article_drops_an_event_with_one_side_unnamed():
    text = f"{TWO_SIDED} {ONE_SIDED} {FILLER}"
    assert _dyads(text) == [("SWE", "NOR", "ACCUSE")]
    assert _dyads(text, one_sided=True) == [("SWE", "NOR", "ACCUSE"), ("NORMIL", None, "MOBILIZE")]


def test_a_lone_sentence_keeps_its_one_sided_event():
    assert _dyads(ONE_SIDED) == [("NORMIL", None, "MOBILIZE")]
