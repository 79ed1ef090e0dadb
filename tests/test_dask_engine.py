"""The Dask engine on a real LocalCluster: same ids and counts as the local engine."""
from __future__ import annotations

import json
import re

import pytest

from realpolitik.model import Article, Event, Span, event_id_for
from realpolitik.options import Options
from realpolitik.registry import coders
from realpolitik.store import open_store

pytest.importorskip("distributed")

_ACTORS = {"Peru": "PER", "Chile": "CHL", "Bolivia": "BOL", "Ecuador": "ECU"}
_VERBS = {"met": "CONSULT", "attacked": "ASSAULT", "aided": "AID"}


class KeywordCoder:
    """A tiny deterministic coder: 'X <verb> Y' per sentence (keeps these tests independent of rules.v1)."""

    name, version = "keyword", "1"

    def __init__(self, options: Options):
        self.options = options

    def code(self, article: Article) -> list[Event]:
        out = []
        for i, m in enumerate(re.finditer(r"[^.]+\.", article.text)):
            words = m.group().split()
            for k in range(1, len(words) - 1):
                src, verb, tgt = words[k - 1], words[k], words[k + 1].strip(".")
                if verb in _VERBS and src in _ACTORS and tgt in _ACTORS:
                    t = m.start() + m.group().index(f" {verb} ") + 1
                    out.append(Event(
                        id=event_id_for(article.id, i, _ACTORS[src], _ACTORS[tgt], _VERBS[verb], None, t, "keyword.v1"),
                        article_id=article.id, sentence_index=i, source=_ACTORS[src], target=_ACTORS[tgt],
                        type=_VERBS[verb], evidence=Span(m.start(), m.end(), m.group()),
                        trigger=Span(t, t + len(verb), verb), date=article.published,
                        coder="keyword", coder_version="1"))
        return out

    def code_many(self, articles):
        for a in articles:
            yield self.code(a)


coders.register("keyword.v1")(KeywordCoder)


@pytest.fixture(scope="module")
def client():
    from realpolitik.engines.dask import dask_client

    with dask_client(workers=2) as c:
        yield c


@pytest.fixture
def corpus(tmp_path):
    names = list(_ACTORS)
    recs = []
    for i in range(37):
        a, b = names[i % 4], names[(i + 1) % 4]
        verb = list(_VERBS)[i % 3]
        recs.append({"id": f"r{i}", "text": f"On day {i} {a} {verb} {b}. Later {b} met {a}.",
                     "date": f"2025-04-{i % 28 + 1:02d}"})
    recs += [{**recs[3], "id": "c3"}, {**recs[20], "id": "c20"}]  # exact copies: duplicates in both engines
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in recs) + "\n{broken\n")
    return str(f)


def _snapshot(url):
    with open_store(url, read_only=True) as s:
        return (sorted(r["id"] for r in s.query("SELECT id FROM events")),
                sorted(r["id"] for r in s.query("SELECT id FROM articles")), s.stats()["events_by_type"])


def test_dask_matches_local_engine(client, corpus, tmp_path):
    from realpolitik.engines.dask import ingest_dask
    from realpolitik.pipeline import ingest

    opts = Options(coder="keyword.v1", batch_size=5)
    with open_store(str(tmp_path / "local.duckdb")) as s:
        local = ingest([corpus], s, opts).as_dict()
    with open_store(str(tmp_path / "dask.duckdb")) as s:
        dask = ingest_dask([corpus], s, opts, client=client, partition_size=4).as_dict()
    assert dask == local and local["new_events"] > 40 and local["duplicates"] == 2 and len(local["errors"]) == 1
    assert _snapshot(str(tmp_path / "dask.duckdb")) == _snapshot(str(tmp_path / "local.duckdb"))


def test_dask_rerun_codes_nothing_new(client, corpus, tmp_path):
    from realpolitik.engines.dask import ingest_dask

    opts = Options(coder="keyword.v1")
    with open_store(str(tmp_path / "d.duckdb")) as s:
        first = ingest_dask([corpus], s, opts, client=client)
        again = ingest_dask([corpus], s, opts, client=client)
    assert first.coded == 37 and (again.coded, again.new_events, again.new_articles) == (0, 0, 0)


def test_cli_engine_dask_on_a_scheduler(client, corpus, tmp_path):
    from click.testing import CliRunner

    from realpolitik.cli import main

    db = str(tmp_path / "cli.duckdb")
    r = CliRunner().invoke(main, ["ingest", corpus, "--db", db, "--coder", "keyword.v1", "--engine", "dask",
                                  "--scheduler", client.scheduler.address, "--json"])
    assert r.exit_code == 1, r.output  # the broken line is an error, reported and counted
    report = json.loads(r.output[r.output.index("{"):])
    assert report["new_articles"] == 37 and report["coded"] == 37


def test_a_worker_codes_as_the_local_pipeline_does_all_caps_lines_included():
    # pipeline.code_with is the one path: limits, datelines, all-caps lines re-cased, dates
    from realpolitik.engines.dask import code_partition, coder_factory
    from realpolitik.pipeline import code_articles

    opts = Options(progress=False)
    arts = [Article.from_text("RUSSIA ATTACKS UKRAINE GRID\n\nOfficials said the strike hit a power plant.",
                              published="2026-03-01")]
    worker = code_partition(coder_factory(opts), opts, arts)
    local = list(code_articles(arts, opts))
    assert [[(e.source, e.target, e.type, e.evidence.text) for e in evs] for evs in worker] == [
        [(e.source, e.target, e.type, e.evidence.text) for e in evs] for evs in local]
    assert [(e.source, e.target, e.type) for e in worker[0]][:1] == [("RUS", "UKR", "ASSAULT")]
    assert worker[0][0].evidence.text.startswith("RUSSIA ATTACKS")
