"""Analytics figures on a hand-made store (tests/analytics_fixtures.py), checked against hand computations."""
from __future__ import annotations

import json

import numpy as np
import pytest
from analytics_fixtures import article, fill, make_event

from realpolitik import analytics as an
from realpolitik.analytics.shifts import cusum

WINDOW = dict(since="2025-01-01", until="2025-06-30")
DYAD = an.Scope(source="CHN", target="IRN", **WINDOW)


@pytest.fixture
def ids(store):
    return fill(store)


def _cell(df, period, dim, key):
    row = df[(df["period"] == period) & (df["dimension"] == dim) & (df["key"] == key)]
    return row.iloc[0]


def test_series_counts_and_intensity_by_front(store, ids):
    s = an.series(store, DYAD)
    # diplomatic: one CONSULT (+2.5) in each of Jan..Apr, nothing after.
    jan = _cell(s, "2025-01-01", "front", "diplomatic")
    assert (jan.events, jan.intensity) == (1.0, 2.5)
    assert _cell(s, "2025-05-01", "front", "diplomatic").events == 0.0
    # military: E5 (May, asserted, +10) and E6 (June, reported, +10); E6 is a claim.
    jun = _cell(s, "2025-06-01", "front", "military")
    assert (jun.events, jun.intensity, jun.claims, jun.asserted) == (1.0, 10.0, 1.0, 0.0)
    # CHNGOV -> IRNMIL (E5) is folded into the CHN -> IRN dyad; 6 months x 1 dyad per key.
    assert set(s["source"]) == {"CHN"} and len(s[(s["dimension"] == "all")]) == 6
    # quad: May has one material cooperation event.
    assert _cell(s, "2025-05-01", "quad", "material_cooperation").intensity == 10.0


def test_series_factuality_filter_drops_the_reported_event(store, ids):
    s = an.series(store, DYAD.with_(factuality=("asserted",)))
    mil = s[(s["dimension"] == "front") & (s["key"] == "military")]
    # Only E5 (May) is left: 10 in May, 0 in June.
    assert mil.set_index("period")["intensity"].loc["2025-05-01"] == 10.0
    assert mil.set_index("period")["intensity"].loc["2025-06-01"] == 0.0


def test_weekly_periods_start_on_monday(store, ids):
    s = an.series(store, DYAD.with_(freq="week", since="2025-05-01", until="2025-05-31"))
    # 12 May 2025 is a Monday, so E5 falls in the week starting 2025-05-12.
    row = s[(s["dimension"] == "all") & (s["events"] > 0)]
    assert [str(p.date()) for p in row["period"]] == ["2025-05-12"]


def test_profile_cells_and_strongest_evidence(store, ids):
    p = an.support_profile(store, DYAD, by_period=False).set_index("channel")
    arms = p.loc["arms_transfer"]
    # E5 + E6: 2 events, 10 + 10 = 20, one claim (E6), two publishers (Wire B, Daily A).
    assert (arms.events, arms.intensity, arms.claims, arms.sources) == (2.0, 20.0, 1.0, 2)
    # The asserted E5 beats the reported E6 of the same intensity.
    assert arms.best_event_id == ids["E5"] and arms.best_publisher == "Wire B"
    dip = p.loc["diplomatic_backing"]
    # E1..E4: 4 x 2.5 = 10 from one publisher; all equal, so the earliest (E1) is the strongest.
    assert (dip.events, dip.intensity, dip.sources, dip.best_event_id) == (4.0, 10.0, 1, ids["E1"])


def test_country_profile_is_support_received(store, ids):
    p = an.support_profile(store, an.Scope(country="IRN", **WINDOW), by_period=False).set_index("channel")
    # diplomatic_backing received: E1..E4 (10) + RUS E11 (5) = 15; ISR receives E10, not IRN.
    assert p.loc["diplomatic_backing"].intensity == 15.0 and p.loc["arms_transfer"].intensity == 20.0


def test_network_edges_and_blocs(store, ids):
    net = an.network(store, an.Scope(**WINDOW))
    e = net.edges.set_index(["a", "b"])
    # CHN-IRN: (4 x 2.5 x 1 + 10 x 1 + 10 x 0.8 reported) / 10 = 2.8 cooperation.
    assert e.loc[("CHN", "IRN")].cooperation == pytest.approx(2.8)
    # IRN-ISR: 9.0 / 10 = 0.9 conflict, net -0.9; IRN-USA: 3.5 / 10 = 0.35 conflict.
    assert e.loc[("IRN", "ISR")].weight == pytest.approx(-0.9)
    assert e.loc[("IRN", "USA")].conflict == pytest.approx(0.35)
    # Positive ties CHN-IRN, IRN-RUS, ISR-USA: two blocs (modularity 0.357 for this split, by hand).
    assert net.blocs == (("CHN", "IRN", "RUS"), ("ISR", "USA"))
    assert net.bridges == ()
    json.dumps(net.as_dict())


def test_bridge_and_bloc_change(store):
    # Window 1: A = {USA, GBR}, B = {CHN, PAK}; ARE cooperates with both USA and CHN.
    # Window 2: GBR turns to CHN (and conflicts with USA).
    rows = []
    for i, (src, tgt, typ, val, date) in enumerate([
            ("USA", "GBR", "AID", 10.0, "2024-01-05"), ("CHN", "PAK", "AID", 10.0, "2024-01-06"),
            ("ARE", "USA", "AGREE", 2.5, "2024-01-07"), ("ARE", "CHN", "AGREE", 2.5, "2024-01-08"),
            ("USA", "GBR", "THREATEN", -3.5, "2024-07-05"), ("CHN", "GBR", "AID", 10.0, "2024-07-06"),
            ("CHN", "PAK", "AID", 10.0, "2024-07-07"), ("USA", "ARE", "AID", 10.0, "2024-07-08")]):
        a = article(f"Event number {i} between {src} and {tgt}.", date, "Wire")
        rows.append((a, [make_event(a, src, tgt, typ, val)], "rules.v1"))
    store.save(rows)
    first = an.network(store, an.Scope(since="2024-01-01", until="2024-06-30"))
    # ARE's cooperation is 0.25 with its own bloc and 0.25 with the other: outside share 0.5 >= 0.25.
    assert [b["actor"] for b in first.bridges] == ["ARE"] and first.bridges[0]["outside_share"] == 0.5
    second = an.network(store, an.Scope(since="2024-07-01", until="2024-12-31"))
    change = an.compare(first, second)
    assert "GBR" in [m["actor"] for m in change["moved"]]
    assert "CHN" not in [m["actor"] for m in change["moved"]]


def test_cusum_by_hand():
    # Baseline [0, 0, 0]: mu 0, sigma floored to 2.5, k 1.25, h 10.
    # A one-off AID (10) gives S+ = 8.75 < 10: no shift.
    assert cusum(np.array([0, 0, 0, 10.0, 0, 0]), 3) == []
    # Two in a row: 8.75, then 8.75 + 10 - 1.25 = 17.5 > 10: shift from index 3, seen at index 4.
    [a] = cusum(np.array([0, 0, 0, 10.0, 10.0, 10.0]), 3)
    assert (a["direction"], a["start"], a["detected"], a["level"]) == ("up", 3, 4, 10.0)


def test_shifts_report_the_new_military_front_with_its_events(store, ids):
    s = an.shifts(store, DYAD)
    # 6 months, baseline 3. military: x = [0,0,0,0,10,8] (E6 reported: 10 x 0.8).
    # S+: May 10 - 1.25 = 8.75; June 8.75 + 8 - 1.25 = 15.5 > 10 -> since May, detected June, level (10+8)/2 = 9.
    # diplomatic: x = [2.5,2.5,2.5,2.5,0,0], S- reaches only 2.5: no shift.
    assert len(s) == 1
    row = s.iloc[0]
    assert (row.aspect, row.kind, str(row.since.date()), str(row.detected.date()), row.level) == \
        ("military cooperation", "new", "2025-05-01", "2025-06-01", 9.0)
    assert "since May 2025" in row.description
    assert [e["id"] for e in row.events] == [ids["E5"], ids["E6"]]


def test_stability_of_a_country_by_hand(store, ids):
    r = an.stability(store, an.Scope(country="IRN", **WINDOW)).iloc[0]
    months = 181 / 30.4375  # 1 Jan .. 30 Jun 2025 is 181 days
    # conflict touching IRN: THREATEN 3.5 + ASSAULT 9.0 = 12.5 per window.
    assert r.conflict_intensity == pytest.approx(12.5 / months, abs=1e-4)
    assert r.material_conflict_intensity == pytest.approx(9.0 / months, abs=1e-4)
    # cooperation: AID 10 + AID 10 x 0.8 + 4 x 2.5 + SUPPORT 5 = 33.
    assert r.cooperation_intensity == pytest.approx(33 / months, abs=1e-4)
    # interstate magnitude 28 (CHN) + 3.5 (USA) + 9 (ISR) + 5 (RUS) = 45.5; great powers 36.5.
    assert r.great_power_involvement == pytest.approx(36.5 / 45.5, abs=1e-4)
    # ties: CHN 2.8, RUS 0.5 (same bloc), USA 0.35 and ISR 0.9 conflict across blocs: 1.25 / 4.55.
    assert r.polarisation == pytest.approx(1.25 / 4.55, abs=1e-4)
    # all conflict after the midpoint (1 Apr), but two conflict events are too few for a trend
    # (MIN_TREND_EVENTS = 4): no +1.0 "escalating" from two stories.
    assert (r.trend, r.trend_label) == (None, "too few events")
    # weights 4 + 1 + 0.8 + 1 + 1 + 1 = 8.8, of which the reported E6 is 0.8.
    assert r.claims_share == pytest.approx(0.8 / 8.8, abs=1e-4)


def test_stability_of_a_window_shorter_than_a_month_is_not_scaled_up(store, ids):
    # One day holding ISR's ASSAULT 9.0 on IRN: 9 in that month, not 9 x 30.4 extrapolated.
    r = an.stability(store, an.Scope(country="IRN", since="2025-06-20", until="2025-06-20")).iloc[0]
    assert (r.events, r.conflict_intensity, r.material_conflict_intensity) == (1, 9.0, 9.0)


def test_stability_of_a_region_counts_each_event_once(store, ids):
    st = an.stability(store, an.Scope(region="middle_east", **WINDOW))
    region = st.iloc[0]
    assert (region.unit, region.kind) == ("middle_east", "region")
    assert set(st["unit"][1:]) == {"IRN", "ISR"}
    # ISR -> IRN is inside the region: still 12.5 of conflict in all.
    assert region.conflict_intensity == pytest.approx(12.5 / (181 / 30.4375), abs=1e-4)
    # + USA -> ISR AID 10: interstate 55.5, great powers 46.5.
    assert region.great_power_involvement == pytest.approx(46.5 / 55.5, abs=1e-4)
    # all five edges touch the region: total 5.55, across-bloc conflict 1.25.
    assert region.polarisation == pytest.approx(1.25 / 5.55, abs=1e-4)


def test_corroboration_clusters_count_once_and_filter(store):
    # Two articles from two publishers report one delivery; one cluster, corroborated.
    a1 = article("Turkey handed armoured vehicles to Qatar.", "2025-03-02", "Paper One")
    a2 = article("Qatar received armoured vehicles from Turkey.", "2025-03-03", "Paper Two")
    a3 = article("Turkey offered Qatar more training.", "2025-03-20", "Paper One")
    e1, e2 = make_event(a1, "TUR", "QAT", "AID", 10.0, "arms_transfer"), make_event(a2, "TUR", "QAT", "AID", 10.0, "arms_transfer")
    e3 = make_event(a3, "TUR", "QAT", "AGREE", 2.5)
    store.save([(a1, [e1], "rules.v1"), (a2, [e2], "rules.v1"), (a3, [e3], "rules.v1")])
    if "event_clusters" not in {r["table_name"] for r in store.query("SELECT table_name FROM information_schema.tables")}:
        store._execute("CREATE TABLE event_clusters (id VARCHAR PRIMARY KEY, coder VARCHAR, type VARCHAR, status VARCHAR)")
    store._execute("INSERT INTO event_clusters (id, coder, type, status) VALUES ('c1', 'rules.v1', 'AID', 'corroborated'), "
                   "('c2', 'rules.v1', 'AGREE', 'single_source')")
    store._execute("UPDATE events SET cluster_id = 'c1' WHERE id IN (?, ?)", (e1.id, e2.id))
    store._execute("UPDATE events SET cluster_id = 'c2' WHERE id = ?", (e3.id,))
    scope = an.Scope(source="TUR", target="QAT")
    s = an.series(store, scope).query("dimension == 'all'").iloc[0]
    # Two records of one event (weights 1/2 each) + one single-source event: 3 events, 2 distinct.
    assert (s.events, s.distinct, s.intensity) == (3, 2.0, 12.5)
    only = an.series(store, scope.with_(corroboration=("corroborated",))).query("dimension == 'all'").iloc[0]
    assert (only.events, only.distinct, only.intensity) == (2, 1.0, 10.0)


def test_json_results_are_plain_data(store, ids):
    for fn, scope in ((an.series_dict, DYAD), (an.profile_dict, DYAD), (an.shifts_dict, DYAD),
                      (an.stability_dict, an.Scope(region="gulf", **WINDOW))):
        assert json.loads(json.dumps(fn(store, scope)))["scope"]["since"] == "2025-01-01"


def test_bad_scopes_are_refused():
    with pytest.raises(an.ScopeError, match="region"):
        an.Scope(region="atlantis")
    with pytest.raises(an.ScopeError, match="since"):
        an.Scope(since="last tuesday")


def test_regions_file_uses_known_state_codes():
    from realpolitik.analytics.frame import states

    for key, reg in an.regions().items():
        assert reg["codes"] and set(reg["codes"]) <= states(), key
    assert {"USA", "CHN", "RUS"} <= set(an.great_powers())


def test_events_without_a_target_are_kept_out_of_dyads(store, ids):
    a = article("Iran mobilised reserve units near the border.", "2025-06-02", "Wire B")
    store.save([(a, [make_event(a, "IRN", None, "THREATEN", -3.5)], "rules.v1")])
    df = an.load_events(store, an.Scope(country="IRN", **WINDOW))
    assert df["tgt"].isna().sum() == 1
    # The network has no edge for it, so the edges are those of the hand-made store.
    assert len(an.network(store, an.Scope(**WINDOW)).edges) == 5


def test_network_of_an_empty_window_is_empty(store, ids):
    net = an.network(store, an.Scope(since="2030-01-01", until="2030-12-31"))
    assert net.as_dict()["nodes"] == [] and net.as_dict()["edges"] == []


def test_actor_wildcards_are_taken_literally(store, ids):
    # "C%" and "C_N" must not widen the dyad to every C... code: LIKE's wildcards are escaped.
    assert an.load_events(store, an.Scope(source="C%", **WINDOW)).empty
    assert an.load_events(store, an.Scope(source="C_N", **WINDOW)).empty
    assert not an.load_events(store, an.Scope(source="CHN", **WINDOW)).empty
