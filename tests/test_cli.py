"""The CLI contracts: ingest, code, events, stats; re-running is safe; every command documented."""
from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from realpolitik.cli import main

ROOT = Path(__file__).resolve().parents[1]
EVENT_FIELDS = {"source", "target", "type", "mode", "contexts", "cameo", "quad", "factuality", "confidence", "evidence"}

STORY = ("Russia delivered two air-defence batteries to Serbia on Tuesday, the Serbian defence ministry said. "
         "Belgrade thanked Moscow for the support.")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(f"Batteries arrive\nDate: 2025-04-02\nPublisher: Wire\n\n{STORY}")
    (d / "b.jsonl").write_text(json.dumps({"id": "k1", "text": "Japan imposed sanctions on North Korea.",
                                           "date": "2025-06-01"}) + "\n")
    return d


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_ingest_twice_changes_nothing(corpus, db_path):
    first = run("ingest", str(corpus), "--db", db_path, "--json")
    assert first.exit_code == 0, first.output
    stats1 = json.loads(run("stats", "--db", db_path, "--json").output)
    second = json.loads(run("ingest", str(corpus), "--db", db_path, "--json").output)
    stats2 = json.loads(run("stats", "--db", db_path, "--json").output)
    assert stats1 == stats2 and stats1["articles"] == 2 and stats1["events"] >= 2
    assert (second["new_articles"], second["new_events"], second["coded"]) == (0, 0, 0)
    assert {"articles", "duplicates", "events"} <= set(stats1)


def test_ingest_reports_bad_file_and_keeps_the_rest(corpus, db_path):
    (corpus / "bad.jsonl").write_text("{oops\n")
    res = run("ingest", str(corpus), "--db", db_path)
    assert res.exit_code == 1 and "bad.jsonl:1: malformed JSON" in res.output
    assert json.loads(run("stats", "--db", db_path, "--json").output)["articles"] == 2


def test_events_jsonl_carries_code_fields(corpus, db_path):
    run("ingest", str(corpus), "--db", db_path)
    out = run("events", "--db", db_path, "--source", "RUS", "--format", "jsonl").output
    events = [json.loads(line) for line in out.splitlines()]
    assert events and all(EVENT_FIELDS <= set(e) for e in events)
    assert all(e["source"].startswith("RUS") for e in events)
    assert STORY[:20] in events[0]["evidence"]["text"] or events[0]["evidence"]["text"] in STORY


def test_events_csv_and_parquet(corpus, db_path, tmp_path):
    import pyarrow.parquet as pq

    run("ingest", str(corpus), "--db", db_path)
    csv_out = run("events", "--db", db_path, "--format", "csv").output.splitlines()
    assert csv_out[0].startswith("id,date,source,target,type")
    pq_file = tmp_path / "e.parquet"
    assert run("events", "--db", db_path, "--format", "parquet", "--out", str(pq_file)).exit_code == 0
    assert pq.read_table(pq_file).num_rows == len(csv_out) - 1


def test_events_min_confidence(corpus, db_path):
    run("ingest", str(corpus), "--db", db_path)
    confs = [json.loads(x)["confidence"] for x in run("events", "--db", db_path, "--format", "jsonl").output.splitlines()]
    cut = sorted(confs)[len(confs) // 2]
    kept = run("events", "--db", db_path, "--format", "jsonl", "--min-confidence", str(cut)).output.splitlines()
    assert confs and len(kept) == sum(c >= cut for c in confs)
    assert CliRunner().invoke(main, ["events", "--db", db_path, "--min-confidence", "1.5"]).exit_code == 2


def test_events_rejects_bad_date(corpus, db_path):
    run("ingest", str(corpus), "--db", db_path)
    res = CliRunner().invoke(main, ["events", "--db", db_path, "--since", "yesterday"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_code_contract(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "r1", "text": STORY, "date": "2025-04-02"}) + "\n"
                   + json.dumps({"id": "r2", "text": "The weather was mild on Sunday."}) + "\n")
    out = tmp_path / "out.jsonl"
    assert run("code", str(inp), "--out", str(out)).exit_code == 0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["id"] for r in lines] == ["r1", "r2"]
    assert lines[1]["events"] == []
    assert any(e["source"] == "RUS" and e["target"] == "SRB" for e in lines[0]["events"])
    assert all(EVENT_FIELDS <= set(e) for e in lines[0]["events"])


def test_code_bad_input_names_file_and_line(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "r1", "text": "ok"}\n[1, 2]\n')
    res = CliRunner().invoke(main, ["code", str(inp), "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 1 and f"{inp}:2" in res.output


def test_stats_on_missing_db_is_a_clear_error(tmp_path):
    res = CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "nope.duckdb")])
    assert res.exit_code == 1 and "no such database" in res.output


def _commands(group: click.Group, prefix: str = ""):
    for name, cmd in group.commands.items():
        yield prefix + name, cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + name + " ")


def test_every_command_has_help_and_is_in_readme():
    readme = (ROOT / "README.md").read_text()
    for name, cmd in _commands(main):
        assert (cmd.help or "").strip(), f"{name} has no help text"
        assert f"realpolitik {name}" in readme, f"README.md does not document `realpolitik {name}`"


def test_module_entry_points_know_every_command():
    import subprocess
    import sys

    for mod in ("realpolitik", "realpolitik.cli"):
        out = subprocess.run([sys.executable, "-m", mod, "--help"], capture_output=True, text=True, cwd=ROOT).stdout
        assert all(name in out for name in main.commands), f"python -m {mod} misses commands"


def test_code_reads_plain_text_piped_on_stdin():
    res = run("code", "-", input="Japan imposed sanctions on North Korea.\n")
    lines = [json.loads(line) for line in res.output.splitlines()]
    assert res.exit_code == 0 and [r["id"] for r in lines] == ["stdin"]
    assert [(e["source"], e["target"], e["type"]) for e in lines[0]["events"]] == [("JPN", "PRK", "SANCTION")]


def test_code_names_a_plain_text_file_and_says_what_to_do(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Japan imposed sanctions on North Korea.\n")
    res = run("code", str(path))
    assert res.exit_code == 1 and "story.txt:1: malformed JSON" in res.output and "realpolitik code -" in res.output
