"""Exports in the PLOVER, POLECAT and GDELT layouts, and Parquet: headers, column counts, round trips."""
from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.export.formats import GDELT_COLUMNS, POLECAT_COLUMNS, gdelt_event_id, iter_events, quad_number
from realpolitik.model import Article, Event, Location, Span, event_id_for
from realpolitik.store import EventFilter, open_store

TEXT = "Beijing shipped drones to Tehran. Moscow condemned Kyiv. Paris and Berlin held talks."


def _events(a: Article) -> list[Event]:
    def ev(i, s, t, type_, mode, cameo, quad, gold, date, **kw):
        return Event(id=event_id_for(a.id, i, s, t, type_, mode, i, "rules.v1"), article_id=a.id, sentence_index=i,
                     source=s, target=t, type=type_, mode=mode, cameo=cameo, quad=quad, goldstein=gold,
                     intensity=5.0, evidence=Span(0, 33, TEXT[:33]), trigger=Span(8, 15, "shipped"), date=date,
                     contexts=("military",), fronts=("military",), source_text="Beijing", target_text="Tehran", **kw)
    return [ev(0, "CHNGOV", "IRN", "AID", "military", "0712", "material_cooperation", 7.4, "2025-02-03",
               location=Location("Tehran", "IRN", 35.69, 51.39, 112931, admin1="IR.26", precision="city")),
            ev(1, "RUS", "UKR", "ACCUSE", None, "111", None, None, "2025-02-04",
               location=Location("Ukraine", "UKR", 49.14, 31.24, 690791, precision="country", basis="dateline")),
            ev(2, "FRA", "DEU", "CONSULT", None, None, "verbal_cooperation", 1.0, "2025-02-05")]


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "x.duckdb")
    a = Article.from_text(TEXT, url="https://news.example/a1", publisher="Example Wire", published="2025-02-05",
                          source="a1.txt")
    with open_store(path) as s:
        s.save([(a, _events(a), "rules.v1")])
    return path


def _export(db: str, fmt: str, out, *extra: str) -> str:
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", fmt, "--out", str(out), *extra])
    assert r.exit_code == 0, r.output
    return out.read_text(encoding="utf-8") if fmt != "parquet" else ""


def test_gdelt_has_61_columns_with_cameo_quad_and_goldstein(db, tmp_path):
    rows = list(csv.reader(_export(db, "gdelt-csv", tmp_path / "g.tsv").splitlines(), delimiter="\t"))
    assert rows[0] == list(GDELT_COLUMNS) and len(rows[0]) == 61 and len(rows) == 4
    assert all(len(r) == 61 for r in rows)
    by = {r[rows[0].index("EventCode")]: dict(zip(rows[0], r)) for r in rows[1:]}
    aid = by["0712"]
    assert (aid["SQLDATE"], aid["Actor1Code"], aid["Actor1CountryCode"], aid["Actor1Type1Code"]) == \
        ("20250203", "CHNGOV", "CHN", "GOV")
    assert (aid["EventRootCode"], aid["QuadClass"], aid["GoldsteinScale"]) == ("07", "2", "7.4")
    assert (aid["ActionGeo_FullName"], aid["ActionGeo_FeatureID"], aid["SOURCEURL"]) == \
        ("Tehran, Iran", "112931", "https://news.example/a1")
    geo = [f"ActionGeo_{c}" for c in ("Type", "CountryCode", "ADM1Code", "Lat", "Long")]
    assert [aid[c] for c in geo] == ["4", "IR", "IR26", "35.69", "51.39"]  # a world city; FIPS codes
    assert [by["111"][c] for c in geo] == ["1", "UP", "UP", "49.14", "31.24"]  # a country (FIPS UP)
    assert by["111"]["ActionGeo_FullName"] == "Ukraine"
    assert all(by["0712"][f"Actor{i}Geo_Type"] == "" for i in (1, 2))  # actors' places are not coded
    assert by["111"]["QuadClass"] == "3" and by["111"]["GoldsteinScale"] != ""  # from the CAMEO code
    assert int(aid["GLOBALEVENTID"]) > 0


def test_polecat_has_its_40_columns(db, tmp_path):
    rows = list(csv.reader(_export(db, "polecat-tsv", tmp_path / "p.tsv").splitlines(), delimiter="\t"))
    assert rows[0] == list(POLECAT_COLUMNS) and all(len(r) == 40 for r in rows)
    first = dict(zip(rows[0], rows[1]))
    assert (first["Event Type"], first["Event Mode"], first["Quad Code"], first["Actor Country"],
            first["Primary Actor Sector"], first["Source"]) == ("AID", "military", "2", "China", "GOV", "Example Wire")
    assert [first[c] for c in ("Placename", "City", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
                               "Feature Type")] == ["Tehran", "Tehran", "", "Iran", "35.69", "51.39", "112931", "PPL"]
    second = dict(zip(rows[0], rows[2]))
    assert [second[c] for c in ("Placename", "City", "Country", "Feature Type")] == ["Ukraine", "", "Ukraine", "PCLI"]


def test_plover_json_round_trip(db, tmp_path):
    recs = [json.loads(line) for line in _export(db, "plover-json", tmp_path / "p.jsonl").splitlines()]
    with open_store(db, read_only=True) as s:
        stored = {e["id"]: e for e in s.events()}
    assert {r["id"] for r in recs} == set(stored)
    for r in recs:
        e = stored[r["id"]]
        assert r["event"] == [e["type"]] and r["actor"][0]["identifier_id"] == e["source"]
        assert r["recipient"][0]["code"] == e["target"][:3] and r["quad_code"] in (1, 2, 3, 4)
        assert r["text"] == e["evidence"]["text"] and r["cite_info"]["url"] == "https://news.example/a1"
    tehran = next(r["event_loc"] for r in recs if r["event"] == ["AID"])
    assert tehran == {"extracted_place": "Tehran", "resolved_place": "Tehran", "geonameid": 112931, "lat": 35.69,
                      "lon": 51.39, "city": "Tehran", "province": None, "country": "Iran", "country_code": "IRN",
                      "resolution": 1}
    assert next(r["event_loc"] for r in recs if r["event"] == ["CONSULT"]) is None


def test_location_columns_filter_and_csv(db, tmp_path):
    with open_store(db, read_only=True) as s:
        assert [r["location_name"] for r in s.event_rows(EventFilter(countries=("IRN",)))] == ["Tehran"]
        assert sorted(r["type"] for r in s.event_rows(EventFilter(located=True))) == ["ACCUSE", "AID"]
        assert [r["type"] for r in s.event_rows(EventFilter(located=False))] == ["CONSULT"]
        # a place is no party: Ukraine as the location of RUS -> UKR, found by either
        assert [r["type"] for r in s.event_rows(EventFilter(countries=("UKR",)))] == ["ACCUSE"]
    rows = list(csv.DictReader(_export(db, "csv", tmp_path / "e.csv").splitlines()))
    assert [(r["location_name"], r["location_country"], r["location_precision"]) for r in rows] == [
        ("Tehran", "IRN", "city"), ("Ukraine", "UKR", "country"), ("", "", "")]


def test_parquet_round_trip_with_filter(db, tmp_path):
    import pyarrow.parquet as pq

    _export(db, "parquet", tmp_path / "e.parquet", "--source", "CHN")
    t = pq.read_table(tmp_path / "e.parquet").to_pylist()
    with open_store(db, read_only=True) as s:
        want = s.events_table(EventFilter(source="CHN")).to_pylist()
    assert t == want and len(t) == 1 and t[0]["goldstein"] == 7.4


def test_paging_honours_limit_and_offset(db):
    with open_store(db, read_only=True) as s:
        pages = list(iter_events(s, EventFilter(limit=2), page=1))
        rest = [e for p in iter_events(s, EventFilter(offset=1), page=2) for e in p]
    assert [len(p) for p in pages] == [1, 1] and len(rest) == 2


def test_quad_falls_back_to_cameo_root_then_type():
    assert quad_number({"cameo": "190"}) == 4 and quad_number({"cameo": "042"}) == 1
    assert quad_number({"type": "ASSAULT"}) == 4 and quad_number({"quad": "verbal_conflict", "cameo": "190"}) == 3
    assert gdelt_event_id("e00000000000000ff") == 15  # the first 15 hex digits after the 'e' prefix


def test_export_from_postgres(pg_db, tmp_path):
    a = Article.from_text(TEXT, published="2025-02-05", source="a1.txt")
    with open_store(pg_db) as s:
        s.save([(a, _events(a), "rules.v1")])
    rows = list(csv.reader(_export(pg_db, "gdelt-csv", tmp_path / "g.tsv").splitlines(), delimiter="\t"))
    assert len(rows) == 4 and all(len(r) == 61 for r in rows)
    with open_store(pg_db, read_only=True) as s:  # the location columns (migration 25) on PostgreSQL
        assert [(r["location_name"], r["location_precision"]) for r in s.event_rows(EventFilter(countries=("IRN",)))] \
            == [("Tehran", "city")]
        assert [r["type"] for r in s.event_rows(EventFilter(located=False))] == ["CONSULT"]
