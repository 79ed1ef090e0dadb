"""`realpolitik eval` on hand-made gold and prediction files, and its error lines."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.evaluate import EvalError, load_jsonl

GOLD = [
    {"id": "g1", "text": "Invented: the navy of A shelled a port of B.", "date": "2026-01-05",
     "events": [{"source": "AAA", "target": "BBB", "type": "ASSAULT", "factuality": "asserted"}]},
    {"id": "g2", "text": "Invented: officials met for tea.", "events": []},
    {"id": "g3", "text": "Invented: nothing happened today.", "sentence_quad": "statement"},
]
PRED = [
    {"id": "g1", "events": [{"source": "AAAMIL", "target": "BBB", "type": "ASSAULT",
                             "factuality": "reported", "confidence": 0.9}]},
    {"id": "g2", "events": [{"source": "CCC", "target": "DDD", "type": "CONSULT", "confidence": 0.4}]},
]


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


@pytest.fixture
def files(tmp_path):
    return write_jsonl(tmp_path / "gold.jsonl", GOLD), write_jsonl(tmp_path / "pred.jsonl", PRED)


def test_eval_with_predictions_prints_tables(files):
    gold, pred = files
    res = CliRunner().invoke(main, ["eval", gold, "--predictions", pred])
    assert res.exit_code == 0, res.output
    assert "dyad+type (headline)" in res.output and "Reliability" in res.output
    assert "Factuality on matched pairs (accuracy 0.000)" in res.output
    assert "macro-F1 1.000" in res.output


def test_eval_json_has_the_format_md_figures(files):
    gold, pred = files
    res = CliRunner().invoke(main, ["eval", gold, "--predictions", pred, "--json"])
    d = json.loads(res.output)
    assert d["dyad_type"] == {"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "tp": 1, "fp": 1, "fn": 0}
    assert d["counts"]["records"] == 3 and d["counts"]["gold_events"] == 1
    assert d["factuality_confusion"] == {"asserted": {"reported": 1}}
    assert d["sentence_quad"]["accuracy"] == 1.0


def test_eval_strict_actors_flag(files):
    gold, pred = files
    res = CliRunner().invoke(main, ["eval", gold, "--predictions", pred, "--json", "--strict-actors"])
    d = json.loads(res.output)
    assert d["strict_actors"] is True and d["dyad"]["tp"] == 0


def test_eval_missing_file_is_one_line_and_exit_2(tmp_path, files):
    gold, _ = files
    missing = str(tmp_path / "nope.jsonl")
    for args in (["eval", missing], ["eval", gold, "--predictions", missing]):
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 2
        assert res.output.strip().splitlines() == [f"error: {missing}: no such file"]


def test_eval_bad_json_names_file_and_line(tmp_path, files):
    _, pred = files
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "events": []}\n\n{"id": "b", "events": [}\n')
    res = CliRunner().invoke(main, ["eval", str(bad), "--predictions", pred])
    assert res.exit_code == 2 and f"{bad}:3: invalid JSON" in res.output
    with pytest.raises(EvalError, match=r"bad\.jsonl:3"):
        load_jsonl(bad)


def test_eval_bad_gold_record_exit_2(tmp_path, files):
    _, pred = files
    gold = write_jsonl(tmp_path / "g.jsonl", [{"id": "a", "events": []}, {"id": "a", "events": []}])
    res = CliRunner().invoke(main, ["eval", gold, "--predictions", pred])
    assert res.exit_code == 2 and "duplicate id 'a'" in res.output


def test_eval_unknown_coder_exit_2(files):
    gold, _ = files
    res = CliRunner().invoke(main, ["eval", gold, "--coder", "no.such.coder.v9"])
    assert res.exit_code == 2 and "no.such.coder" in res.output


def test_eval_codes_the_gold_texts_with_the_project_coder(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "s1", "text": "Russian troops shelled the Ukrainian city of Kharkiv on Monday.",
         "events": [{"source": "RUS", "target": "UKR", "type": "ASSAULT"}]},
        {"id": "s2", "text": "The weather in the capital was mild and dry.", "events": [],
         "sentence_quad": "statement"},
    ])
    res = CliRunner().invoke(main, ["eval", gold, "--json", "--coder", "rules.v1"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["meta"]["coder"] == "rules.v1" and d["counts"]["records"] == 2
    assert d["dyad_type"]["tp"] == 1 and d["has_event"]["fp"] == 0
