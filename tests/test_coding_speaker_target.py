"""A recipient-less attack, coercion or deployment by one state, reported by another state's speaker, falls on
the speaker's state (pairing.speaker_target); on texts written for these tests."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text

FILLER = ("Residents said the night was loud and that many families stayed indoors until the morning. "
          "Shops in the market opened late and schools kept their doors closed for the whole day. ") * 4


def _dyads(text, **settings):
    opts = Options().with_settings({f"coding.{k}": v for k, v in settings.items()})
    return [(e.source, e.target, e.type) for e in code_text(text, "2026-03-02", opts)]


def test_the_speakers_state_bears_the_reported_act():
    assert _dyads("Estonia says Russian jets entered its airspace on Friday.") == [("RUSMIL", "EST", "MOBILIZE")]
    assert _dyads("Finland's security police said Russian hackers had broken into the servers of parliament.") == [
        ("RUSSPY", "FIN", "COERCE")]


def test_not_the_speakers_own_act_nor_a_press_or_firms_report():
    assert _dyads("The Chilean army said it had recaptured the barracks.") == [("CHLMIL", None, "ASSAULT")]
    assert _dyads("A Brazilian software firm said Russian hackers had broken into several servers.") == [
        ("RUSSPY", None, "COERCE")]


def test_not_where_a_third_state_is_named():
    assert _dyads("Estonian officials said Russian jets had entered Latvian airspace.") == [
        ("RUSMIL", "LVA", "MOBILIZE")]


def test_an_article_keeps_its_one_sided_filter():
    text = f"Estonia says Russian jets entered its airspace on Friday. {FILLER}"
    assert _dyads(text) == []


def test_a_reported_withdrawal_falls_on_the_speakers_state_too():
    assert _dyads("Mali said French troops had withdrawn from the base.") == [("FRAMIL", "MLI", "RETREAT")]


def test_the_speakers_state_owns_the_bare_sector_the_act_fell_on():
    assert _dyads("Finland's foreign ministry said Russian hackers had attacked government networks.") == [
        ("RUSSPY", "FINGOV", "COERCE")]
