"""Where events happened: the gazetteer, the clause's place, the dateline fallback, and the figures on
examples/ (share located, precision and recall against the manifest's expected locations)."""
from __future__ import annotations

import json

import pytest

from realpolitik.geo import dateline_location, resolve
from realpolitik.geo.score import LocationScore, same_place
from realpolitik.model import Event, Location
from realpolitik.pipeline import code_text


def _where(loc: Location | None):
    return None if loc is None else (loc.name, loc.country, loc.precision, loc.basis)


def test_gazetteer_precision_admin1_and_ambiguity():
    dc = resolve("Washington")
    assert (dc.name, dc.country, dc.admin1, dc.precision) == ("Washington", "USA", "District of Columbia", "city")
    assert (resolve("Georgia").country, resolve("Georgia").precision) == ("GEO", "country")
    assert (resolve("Gaza Strip").country, resolve("Gaza Strip").precision) == ("PSE", "region")
    # a shared name goes to the article's country, else to the most populous place
    assert resolve("Tripoli").country == "LBY" and resolve("Tripoli", {"LBN"}).country == "LBN"
    assert resolve("Paris").country == "FRA" and resolve("Paris", {"USA"}).admin1 == "Texas"
    tehran = resolve("Tehran")
    assert (tehran.admin1, tehran.geonameid, round(tehran.lat), round(tehran.lon)) == ("IR.26", 112931, 36, 51)
    assert resolve("Xyzzyville") is None


def test_dateline_gives_the_country_at_lower_precision():
    assert _where(dateline_location("KYIV, March 3 (Reuters) - Drones hit the city.")) == \
        ("Ukraine", "UKR", "country", "dateline")
    assert dateline_location("TRIPOLI — Officials said.", {"LBN"}).country == "LBN"
    assert dateline_location("Officials met on Monday and agreed.") is None


@pytest.mark.parametrize("text, want", [
    ("Iranian and American envoys met in Geneva on Monday.", ("Geneva", "CHE", "city", "sentence")),
    ("Russian drones struck an oil depot near the port of Odesa overnight.", ("Odesa", "UKR", "city", "sentence")),
    ("Turkish Foreign Minister Hakan Fidan said in Ankara that Turkey supports Azerbaijan.",
     ("Ankara", "TUR", "city", "sentence")),
    # a place inside a clause the event does not happen in is no location ("mediated by Oman")
    ("France freed an Iranian prisoner in an exchange mediated by Oman.", None),
    # the targets of sanctions are not where anything happened
    ("The United States imposed sanctions on two Hong Kong firms.", None),
])
def test_location_of_coded_events(text, want):
    events = code_text(text)
    assert events and {_where(e.location) for e in events} == {want}


def test_dateline_fallback_and_places_never_become_actors():
    events = code_text("KYIV, March 3 (Wire) - Russia attacked Ukraine with drones overnight. "
                       "Ukrainian and Polish envoys met in Geneva on Monday.")
    got = sorted((e.type, e.source[:3], _where(e.location)) for e in events)
    assert ("ASSAULT", "RUS", ("Ukraine", "UKR", "country", "dateline")) in got
    assert ("CONSULT", "UKR", ("Geneva", "CHE", "city", "sentence")) in got
    assert not any("CHE" in (e.source or "", e.target or "") for e in events)


def test_location_in_the_event_json_round_trip():
    ev = next(e for e in code_text("Iranian and American envoys met in Geneva on Monday."))
    d = ev.as_dict()
    assert set(d["location"]) == {"name", "country", "lat", "lon", "geonameid", "admin1", "precision", "basis"}
    assert Event.from_dict(json.loads(json.dumps(d))).location == ev.location


def test_same_place_accepts_the_gazetteer_spelling():
    assert same_place({"name": "Kryvyy Rih", "country": "UKR"}, {"name": "Kryvyi Rih", "country": "UKR"})
    assert not same_place({"name": "Odesa", "country": "UKR"}, None)
    assert same_place(None, None)
    s = LocationScore(events=4, located=2)
    s.add("k", "cue", {"name": "Geneva", "country": "CHE"}, {"name": "Geneva", "country": "CHE"})
    s.add("k", "cue", {"name": "Oman", "country": "OMN"}, None)
    s.add("k", "cue", None, {"name": "Riyadh", "country": "SAU"})
    assert {k: s.as_dict()[k] for k in ("share_located", "precision", "recall")} == \
        {"share_located": 0.5, "precision": 0.5, "recall": 0.5}


@pytest.mark.slow
def test_locations_on_the_sample_corpus():
    """Floors under the figures README reports (share 0.186, precision 0.957, recall 0.789)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "locations.py"
    spec = importlib.util.spec_from_file_location("locations_bench", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    fig = mod.run().as_dict()
    assert fig["expected_places"] >= 45 and fig["matched"] >= 150
    # share_located falls as the coder codes more events that name no place (324 -> 340 events with 60 located
    # on branch attach; precision and recall unchanged): the floor follows the event count, not the locator.
    # Stop 35 codes an act retold later in an article once (327 -> 311 events, 62 -> 59 located, share 0.19)
    assert fig["located"] >= 57
    assert fig["share_located"] >= 0.17 and fig["precision"] >= 0.95 and fig["recall"] >= 0.75, fig


def test_code_and_events_output_carry_the_location(tmp_path):
    from click.testing import CliRunner

    from realpolitik.cli import main

    rec = json.dumps({"id": "x1", "text": "Iranian and American envoys met in Geneva on Monday.", "date": "2026-02-02"})
    out = CliRunner().invoke(main, ["code", "-"], input=rec + "\n", catch_exceptions=False).output
    events = json.loads(out.splitlines()[0])["events"]
    assert [(e["location"]["name"], e["location"]["country"], e["location"]["precision"]) for e in events] == \
        [("Geneva", "CHE", "city")] * 2
    db = str(tmp_path / "g.duckdb")
    src = tmp_path / "a.txt"
    src.write_text("Envoys meet in Geneva\n\nIranian and American envoys met in Geneva on Monday.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["ingest", str(src), "--db", db], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    lines = CliRunner().invoke(main, ["events", "--db", db, "--format", "jsonl"], catch_exceptions=False).output
    stored = [json.loads(line) for line in lines.splitlines() if line.strip()]
    assert stored and {e["location"]["name"] for e in stored} == {"Geneva"}


def test_kosovo_has_the_plover_code_everywhere():
    from realpolitik.actors.tables import geonames
    from realpolitik.geo.gazetteer import country_location, resolve

    assert resolve("Pristina").country == "KOS"
    assert country_location("KOS").name == "Kosovo"
    assert geonames().get_countries()["XK"]["iso3"] == "KOS"
