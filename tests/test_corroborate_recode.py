"""Stable ids on re-ingest, and re-coding with a new coder version that keeps old rows until pruned."""
from __future__ import annotations

import dataclasses
import json

from click.testing import CliRunner

from realpolitik.coding.rules import RulesCoder
from realpolitik.corroborate import clusters
from realpolitik.ingest.base import RawItem
from realpolitik.model import Article, event_id_for
from realpolitik.options import Options
from realpolitik.pipeline import ingest_items, recode
from realpolitik.registry import coders
from realpolitik.store import open_store

TEXTS = [
    ("China delivered a batch of attack drones to Iran on Monday, officials said. Iran denied that it had "
     "received any drones from China.", "2025-03-03", "Harbour Times"),
    ("Israeli aircraft struck targets near Damascus on Tuesday, killing four people, a monitoring group said.",
     "2025-03-04", "Levant Daily"),
    ("Chinese engineers delivered attack drones to Iran this week, according to two officials in Tehran.",
     "2025-03-04", "Gulf Courier"),
]


class NextRulesCoder(RulesCoder):
    """The same rules under a new version number, standing in for an improved coder release."""

    name, version = "testrules", "2"

    def code_many(self, articles):
        for events in super().code_many(articles):
            yield [dataclasses.replace(e, coder_version="2", id=event_id_for(
                e.article_id, e.sentence_index, e.source, e.target, e.type, e.mode,
                e.trigger.start if e.trigger else None, "testrules.v2")) for e in events]


coders.register("testrules.v2")(lambda options=None: NextRulesCoder(options))


def items() -> list[RawItem]:
    return [RawItem(Article.from_text(t, published=d, publisher=p, source=f"{p}.txt"), f"{p}.txt") for t, d, p in TEXTS]


def snapshot(store) -> tuple[set, set, set]:
    q = lambda sql: {tuple(r.values()) for r in store.query(sql)}  # noqa: E731
    return q("SELECT id FROM articles"), q("SELECT id, cluster_id FROM events"), q("SELECT id, status FROM event_clusters")


def test_same_text_gives_the_same_ids_in_any_store(tmp_path):
    snaps = []
    for name in ("one", "two"):
        with open_store(str(tmp_path / f"{name}.duckdb")) as st:
            ingest_items(items(), st, Options())
            snaps.append(snapshot(st))
            ingest_items(items(), st, Options())  # again: nothing new
            assert snapshot(st) == snaps[-1] and st.stats()["duplicates"] == 0
    assert snaps[0] == snaps[1] and len(snaps[0][1]) >= 3


def test_drone_reports_form_a_contested_cluster(store):
    ingest_items(items(), store, Options())
    aid = [c for c in clusters(store) if c["type"] == "AID"]
    assert len(aid) == 1 and aid[0]["status"] == "contested" and aid[0]["n_articles"] == 2


def test_recode_keeps_old_version_until_pruned(store):
    ingest_items(items(), store, Options())
    v1 = store.stats()["events"]
    r = recode(store, Options(coder="testrules.v2"))
    assert (r["coder"], r["coded"], r["pruned"]) == ("testrules.v2", 3, 0)
    by_coder = {x["c"]: x["n"] for x in store.query("SELECT coder_version AS c, COUNT(*) AS n FROM events GROUP BY 1")}
    assert by_coder == {"1": v1, "2": v1}
    assert {c["coder"] for c in clusters(store)} == {"rules.v1", "testrules.v2"}
    r = recode(store, Options(coder="testrules.v2"), prune=True)
    assert (r["coded"], r["pruned"]) == (0, v1)
    assert store.stats()["events"] == v1 and {c["coder"] for c in clusters(store)} == {"testrules.v2"}


def test_cli_recode(db_path):
    from realpolitik.cli import main

    with open_store(db_path) as st:
        ingest_items(items(), st, Options(code=False))
    r = CliRunner().invoke(main, ["recode", "--db", db_path])
    assert r.exit_code == 0 and "rules.v1: coded 3 of 3 articles" in r.output, r.output
    r = CliRunner().invoke(main, ["recode", "--db", db_path, "--force"])
    assert r.exit_code == 0 and "coded 3 of 3" in r.output
    r = CliRunner().invoke(main, ["clusters", "--db", db_path, "--status", "contested", "--json"])
    assert r.exit_code == 0 and json.loads(r.output.splitlines()[0])["source3"] == "CHN"
    r = CliRunner().invoke(main, ["events", "--db", db_path, "--corroboration", "contested", "--format", "jsonl"])
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert r.exit_code == 0 and rows and all(e["cluster_status"] == "contested" for e in rows)
