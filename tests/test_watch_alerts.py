"""Alert rules and sinks: new support channel for a dyad, conflict above baseline, JSONL and webhook."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from realpolitik.live.alerts import (AlertRuleError, ConflictSpikeRule, NewChannelRule, dispatch, evaluate, make_sinks,
                                parse_rules)
from realpolitik.corroborate import after_save
from realpolitik.model import Article, Event, Span
from realpolitik.options import Options
from realpolitik.live.watch import watch
from test_fetch_server import Route, rss, serve

DRONES = ("d1", "Drones delivered", "China delivered a batch of attack drones to Iran on Monday, officials said.",
          "Mon, 03 Mar 2025 08:00:00 GMT")
MORE = ("d2", "More drones", "China shipped more attack drones to Iran on Friday, according to officials.",
        "Fri, 07 Mar 2025 08:00:00 GMT")


def test_new_channel_alert_to_jsonl_and_webhook_once(db_path, tmp_path):
    from realpolitik.store import open_store

    out = tmp_path / "alerts.jsonl"
    rules = parse_rules([{"rule": "new_channel"}])
    opts = Options(allow_private=True)
    with serve() as s:
        s.routes["/feed"] = Route(rss("Wire", [DRONES]), "application/rss+xml")
        s.routes["/hook"] = Route(b"{}", "application/json")
        sinks = make_sinks(str(out), s.url("/hook"), console=False)
        with open_store(db_path) as st:
            first = watch([s.url("/feed")], st, opts, once=True, rules=rules, sinks=sinks)
        s.routes["/feed"] = Route(rss("Wire", [MORE, DRONES]), "application/rss+xml")
        with open_store(db_path) as st:  # a restart: the same dyad and channel again raise nothing
            second = watch([s.url("/feed")], st, opts, once=True, rules=rules, sinks=sinks)
            assert second.new_articles == 1
        lines = [json.loads(x) for x in out.read_text().splitlines()]
        assert (first.alerts, second.alerts, len(lines)) == (1, 0, 1)
        assert lines[0]["rule"] == "new_channel" and lines[0]["key"] == "new_channel:CHN:IRN:arms_transfer"
        assert s.posts("/hook") == lines


TARGETS = ["a fuel depot was hit by drones", "missiles destroyed the rail bridge", "shelling wrecked the market",
           "mortar rounds fell near a school", "rockets knocked out the power plant"]


def conflict(i: int, day: dt.date, what: str = "artillery fire hit a village near the frontier") -> tuple[Article, list[Event]]:
    text = f"{what.capitalize()} on {day.strftime('%A')}, local officials said ({i})."
    art = Article.from_text(text, published=day.isoformat(), publisher=f"Outlet {i}", source=f"s{i}")
    ev = Event(id=f"e{i}", article_id=art.id, sentence_index=0, source="RUSMIL", target="UKR", type="ASSAULT",
               quad="material_conflict", evidence=Span(0, len(text), text), date=day.isoformat(), coder="test",
               coder_version="1", mode="artillery", location=None)
    return art, [ev]


def save(store, pairs) -> list[str]:
    res = store.save([(a, evs, "test.v1") for a, evs in pairs])
    after_save(store, res.new_articles, Options())
    return res.new_articles


def test_conflict_spike_beyond_baseline(store):
    monday = dt.date(2025, 3, 3)
    history, i = [], 0
    for w in range(1, 9):  # one or two events a week for eight weeks
        for k in range(1 + w % 2):
            i += 1
            history.append(conflict(i, monday - dt.timedelta(weeks=w) + dt.timedelta(days=k * 3)))
    save(store, history)
    rule = ConflictSpikeRule()
    quiet = save(store, [conflict(100, monday, TARGETS[0])])
    assert evaluate(store, [rule], quiet) == []
    # Distinct events on different days (clusters), not repeats of one report.
    surge = save(store, [conflict(100 + d, monday + dt.timedelta(days=d), TARGETS[d]) for d in range(1, 5)])
    alerts = evaluate(store, [rule], surge)
    keys = {a.key for a in alerts}
    assert keys == {"conflict_spike:RUS:2025-03-03", "conflict_spike:UKR:2025-03-03"}
    a = alerts[0].data
    assert a["count"] == 5 and a["mean"] == 1.5 and a["threshold"] == pytest.approx(2.5)
    assert dispatch(store, alerts, []) == 2 and dispatch(store, alerts, []) == 0


def test_one_event_reported_many_times_is_not_a_spike(store):
    monday = dt.date(2025, 3, 3)
    save(store, [conflict(i, monday - dt.timedelta(weeks=w)) for i, w in enumerate(range(1, 9), 1)])
    # Five reports of the same strike on the same day form one cluster.
    ids = save(store, [conflict(200 + k, monday) for k in range(5)])
    assert store.query("SELECT COUNT(DISTINCT cluster_id) AS n FROM events WHERE date = ?", (monday,))[0]["n"] == 1
    assert evaluate(store, [ConflictSpikeRule(country="UKR")], ids) == []


def test_no_baseline_no_spike(store):
    ids = save(store, [conflict(i, dt.date(2025, 3, 3) + dt.timedelta(days=i % 5), TARGETS[i % 5]) for i in range(6)])
    assert evaluate(store, [ConflictSpikeRule()], ids) == []


def test_rules_file_errors_are_clear():
    with pytest.raises(AlertRuleError, match=r"rules\[0\].*one of new_channel, conflict_spike"):
        parse_rules([{"rule": "bogus"}])
    with pytest.raises(AlertRuleError, match="unexpected keyword"):
        parse_rules({"rules": [{"rule": "conflict_spike", "sigma": 3}]})
    assert parse_rules([{"rule": "new_channel", "source": "CHN"}]) == [NewChannelRule(source="CHN")]


def test_a_failing_webhook_does_not_stop_other_sinks(store, tmp_path, capsys):
    from realpolitik.live.alerts import Alert

    out = tmp_path / "a.jsonl"
    with serve() as s:  # /down is not routed: the server answers 404
        sinks = make_sinks(str(out), s.url("/down"), console=True)
        assert dispatch(store, [Alert("new_channel", "k1", "test message")], sinks) == 1
    assert "test message" in capsys.readouterr().out and out.read_text().count("\n") == 1


def test_cli_watch_with_alert_rules(db_path, tmp_path):
    from click.testing import CliRunner

    from realpolitik.cli import main

    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"rules": [{"rule": "new_channel", "source": "CHN"}, {"rule": "conflict_spike"}]}))
    out = tmp_path / "alerts.jsonl"
    with serve() as s:
        s.routes["/feed"] = Route(rss("Wire", [DRONES]), "application/rss+xml")
        r = CliRunner().invoke(main, ["watch", s.url("/feed"), "--db", db_path, "--once", "--allow-private",
                                      "--alerts", str(rules), "--alert-out", str(out)])
    assert r.exit_code == 0, r.output
    assert "ALERT [new_channel] new support channel arms_transfer for CHN->IRN" in r.output
    assert json.loads(out.read_text())["data"]["channel"] == "arms_transfer"
    rules.write_text("[{\"rule\": \"nope\"}]")
    r = CliRunner().invoke(main, ["watch", "http://127.0.0.1:9/", "--db", db_path, "--once", "--alerts", str(rules)])
    assert r.exit_code != 0 and "one of new_channel, conflict_spike" in r.output
