"""The data tables are well-formed: codes, dates, coverage."""
import re

from realpolitik.actors.tables import read_table, tables

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_every_state_has_a_three_letter_code_and_a_name():
    rows = read_table("countries.tsv")
    assert len(rows) >= 199  # 193 UN members + 2 observers + Taiwan, Kosovo, Hong Kong, Western Sahara
    assert all(re.fullmatch(r"[A-Z]{3}", r["iso3"]) and r["name"] for r in rows)
    assert len({r["iso3"] for r in rows}) == len(rows)


def test_organisation_and_people_codes_and_dates():
    for name in ("organisations.tsv", "people.tsv"):
        for r in read_table(name):
            code = r["code"]
            assert re.fullmatch(r"[A-Z]{3}[A-Z0-9]*", code), (name, r)
            for d in (r["start"], r["end"]):
                assert not d or ISO_DATE.match(d), (name, r)
            assert not (r["start"] and r["end"]) or r["start"] <= r["end"], (name, r)


def test_people_codes_name_a_known_state_or_igo():
    states = set(tables().country_names)
    for r in read_table("people.tsv"):
        assert r["code"][:3] in states or r["code"].startswith("IGO"), r


def test_sector_codes_are_three_letters():
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in set(tables().sectors.values()))


def test_normalise_keeps_offsets_and_each_characters_own_lower_case():
    from realpolitik.actors.tables import normalise

    assert normalise("Peru\u2019s \u2014 \u00a3 CAF\u00c9") == "peru's - \u00a3 caf\u00e9"
    # "İ" lowers to two characters and a final sigma by context: each keeps one character of its own
    assert normalise("\u0130stanbul \u039f\u0394\u039f\u03a3") == "\u0130stanbul \u03bf\u03b4\u03bf\u03c3"


def test_alias_hits_are_answered_again_for_the_same_text():
    from realpolitik.actors.tables import candidates

    text = "Peru and Chile met in Lima."
    first = candidates(text)
    assert [text[s:e] for s, e, _ in first] == ["Peru", "Chile", "Lima"] and candidates(str(text)) is first
