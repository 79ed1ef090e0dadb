"""Bad input found by the attack run of issue 16: each one costs only itself, with one clear line."""
from __future__ import annotations

import codecs
import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from realpolitik.ingest import IngestError, RawItem, read_inputs
from realpolitik.ingest.dates import parse_date
from realpolitik.options import Options
from reliability_fixtures import ROOT

GOOD = "Norway and Chile signed a treaty on fisheries in Oslo on Tuesday."
OTHER = "Peru recalled its ambassador from Bolivia after the border incident."


def _read(paths, options: Options | None = None):
    out = list(read_inputs([str(p) for p in paths], options or Options()))
    return [i for i in out if isinstance(i, RawItem)], [e for e in out if isinstance(e, IngestError)]


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "realpolitik.cli", *args], input=stdin, capture_output=True,
                          timeout=300, cwd=ROOT)


# -- JSON ---------------------------------------------------------------------------------------------

def test_json_integer_over_4300_digits_costs_only_its_line_and_other_files_survive(tmp_path: Path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": GOOD}) + "\n"
                                      + '{"text": "x y z", "n": ' + "7" * 5000 + "}\n"
                                      + json.dumps({"text": OTHER}) + "\n")
    (tmp_path / "b.txt").write_text("Oman hosted talks between the two sides on Sunday.")
    items, errors = _read([tmp_path])
    assert [i.article.text for i in items] == [GOOD, OTHER, "Oman hosted talks between the two sides on Sunday."]
    assert [e.where for e in errors] == [f"{tmp_path / 'a.jsonl'}:2"]
    assert errors[0].message.startswith("malformed JSON: Exceeds the limit (4300 digits)")


def test_deeply_nested_json_line_is_named_and_the_lines_after_it_are_kept(tmp_path: Path):
    f = tmp_path / "deep.jsonl"
    f.write_text(json.dumps({"text": GOOD}) + "\n" + '{"text": "a", "x": ' + "[" * 200_000 + "]" * 200_000 + "}\n"
                 + json.dumps({"text": OTHER}) + "\n")
    items, errors = _read([f])
    assert [i.article.text for i in items] == [GOOD, OTHER]
    assert [(e.where, e.message) for e in errors] == [(f"{f}:2", "malformed JSON: nested too deeply")]


# -- encodings and NUL bytes --------------------------------------------------------------------------

def test_one_invalid_byte_costs_only_its_line_a_legacy_reading_with_a_warning(tmp_path: Path, caplog):
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(json.dumps({"id": "1", "text": "Talks in Zürich ended."}, ensure_ascii=False).encode() + b"\n"
                  + b'{"id": "2", "text": "Caf\xe9 owners in Lyon protested."}\n'
                  + json.dumps({"id": "3", "text": "Envoys met in Gdańsk."}, ensure_ascii=False).encode() + b"\n")
    with caplog.at_level(logging.WARNING):
        items, errors = _read([f])
    assert errors == []
    assert [i.article.text for i in items] == ["Talks in Zürich ended.", "Café owners in Lyon protested.",
                                               "Envoys met in Gdańsk."]
    assert [r.getMessage() for r in caplog.records] == [
        f"warning: {f}: 1 line is not UTF-8 (first: line 2); read as Windows-1252"]


def test_one_early_nul_byte_is_dropped_like_the_later_ones(tmp_path: Path):
    (tmp_path / "n.jsonl").write_bytes(b'{"id": "1", "text": "Peru\x00 recalled its envoy."}\n'
                                       + json.dumps({"id": "2", "text": GOOD}).encode() + b"\n")
    (tmp_path / "n.csv").write_bytes(b"id,text\n3,Oman hosted\x00 talks.\n4," + GOOD.encode() + b"\n")
    items, errors = _read([tmp_path])
    assert errors == []
    assert sorted((i.article.external_id, i.article.text) for i in items) == [
        ("1", "Peru recalled its envoy."), ("2", GOOD), ("3", "Oman hosted talks."), ("4", GOOD)]


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, enc: str):
    f = tmp_path / "u16.txt"
    f.write_bytes("Envoys met in Kraków on Friday.".encode(enc))
    items, errors = _read([f])
    assert errors == [] and [i.article.text for i in items] == ["Envoys met in Kraków on Friday."]
    broken = tmp_path / "broken16.txt"
    broken.write_bytes("Envoys met in Kraków.".encode(enc) + (b"\x00\xd8" if enc.endswith("le") else b"\xd8\x00"))
    _, (err,) = _read([broken])
    assert err.message == f"looks like {enc.upper()} text without a byte-order mark, but is not valid {enc.upper()} at byte 42"


# -- CSV ----------------------------------------------------------------------------------------------

def test_csv_with_a_duplicated_column_is_refused_by_name(tmp_path: Path):
    f = tmp_path / "dup.csv"
    f.write_text(f"id,text,title,text\n1,{GOOD},Treaty,an older text column\n")
    items, errors = _read([f])
    assert items == [] and [(e.where, e.message) for e in errors] == [
        (f"{f}:1", "duplicate column 'text' in the header: rename one")]


def test_csv_unclosed_quote_at_the_end_costs_only_its_row(tmp_path: Path):
    f = tmp_path / "q.csv"
    f.write_text(f'id,text\n1,{GOOD}\n2,"never closed\n3,{OTHER}\n4,Oman hosted talks.\n')
    items, errors = _read([f])
    assert [i.article.external_id for i in items] == ["1", "3", "4"]
    assert [(e.where, e.message) for e in errors] == [(f"{f}:3", "malformed CSV: unexpected end of data")]


# -- paths --------------------------------------------------------------------------------------------

def test_symlink_leaving_the_directory_is_refused_unless_asked(tmp_path: Path):
    outside = tmp_path / "secret.txt"
    outside.write_text("The secret plans of the harbour authority were kept here.")
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "ok.txt").write_text(GOOD)
    (d / "passwd.txt").symlink_to("/etc/passwd")
    (d / "secret.txt").symlink_to(outside)
    (d / "sub" / "inside.txt").symlink_to(d / "ok.txt")  # a link that stays inside is read
    items, errors = _read([d])
    assert [Path(i.where).name for i in items] == ["ok.txt", "inside.txt"]
    assert [(Path(e.where).name, e.message) for e in errors] == [
        ("passwd.txt", f"a symlink to /etc/passwd, outside {d}: refused (use --follow-symlinks to read links that leave the directory)"),
        ("secret.txt", f"a symlink to {outside}, outside {d}: refused (use --follow-symlinks to read links that leave the directory)")]
    items, errors = _read([d], Options().with_settings({"fetching.follow_symlinks": True}))
    assert errors == [] and len(items) == 4


def test_cli_follow_symlinks_flag(tmp_path: Path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(OTHER)
    d = tmp_path / "in"
    d.mkdir()
    (d / "link.txt").symlink_to(outside)
    db = str(tmp_path / "s.duckdb")
    refused = _cli("ingest", str(d), "--db", db, "--no-code", "--no-progress")
    taken = _cli("ingest", str(d), "--db", db, "--no-code", "--no-progress", "--follow-symlinks")
    assert refused.returncode == 1 and b"outside" in refused.stderr
    assert taken.returncode == 0 and b"1 new" in taken.stdout


def test_file_inside_an_unreadable_directory_is_one_error_not_a_traceback():
    # Root reads through any permission, so the check runs as `nobody` in a child process.
    base = Path(tempfile.mkdtemp(prefix="rp_perm_"))
    try:
        base.chmod(0o755)
        locked = base / "locked"
        locked.mkdir()
        (locked / "a.txt").write_text(GOOD)
        (base / "ok.txt").write_text(OTHER)
        base.joinpath("ok.txt").chmod(0o644)
        locked.chmod(0o000)
        # The interpreter lives in root's home, so the child starts as root, imports, then drops to nobody.
        code = ("import json, os, sys\nfrom realpolitik.ingest import read_inputs, files\n"
                "if os.geteuid() == 0:\n    os.setgid(65534); os.setuid(65534)\n"
                "print(json.dumps([str(x) if type(x).__name__ == 'IngestError' else x.article.text "
                "for x in read_inputs(sys.argv[1:])]))")
        r = subprocess.run([sys.executable, "-c", code, str(locked / "a.txt"), str(base / "ok.txt")], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr[-2000:]
        assert json.loads(r.stdout) == [f"{locked / 'a.txt'}: cannot read: Permission denied", OTHER]
    finally:
        (base / "locked").chmod(0o755)
        import shutil

        shutil.rmtree(base)


def test_file_name_with_a_newline_cannot_forge_an_error_line(tmp_path: Path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a\nerror: forged.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = _cli("ingest", str(d), "--db", str(tmp_path / "s.duckdb"), "--no-code", "--no-progress")
    lines = r.stderr.decode().splitlines()
    assert r.returncode == 1
    assert lines == [f"error: {d}/a\\nerror: forged.txt: binary file (contains NUL bytes), not text"]


# -- stdin --------------------------------------------------------------------------------------------

def test_stdin_over_the_file_limit_is_refused(tmp_path: Path):
    r = _cli("ingest", "-", "--db", str(tmp_path / "s.duckdb"), "--no-code", "--no-progress",
             "--max-file-bytes", "1000", stdin=(GOOD + " ").encode() * 100)
    assert r.returncode == 1
    assert r.stderr.decode().splitlines() == [
        "error: <stdin>: input is over the limit of 1,000 bytes (raise it with --max-file-bytes, or split it into files)"]


# -- feeds --------------------------------------------------------------------------------------------

def _rss(n: int) -> str:
    items = "".join(f"<item><guid>g{i}</guid><title>Item {i}</title><description>{GOOD} Item {i}.</description></item>"
                    for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def test_truncated_feed_keeps_its_complete_items_and_says_the_rest_is_lost(tmp_path: Path):
    doc = _rss(4)
    f = tmp_path / "cut.rss"
    f.write_text(doc[:doc.index("<item><guid>g3")] + "<item><guid>g3</guid><title>Item 3</title><descr")
    items, errors = _read([f])
    assert [i.article.external_id for i in items] == ["g0", "g1", "g2"]
    assert len(errors) == 1 and errors[0].where == str(f)
    assert errors[0].message.startswith("malformed XML after 3 items (the rest is lost): unclosed token")


def test_xml_that_is_not_a_feed_is_an_error_not_a_silent_skip(tmp_path: Path):
    (tmp_path / "config.xml").write_text('<?xml version="1.0"?><config><db>x</db></config>')
    r = _cli("ingest", str(tmp_path / "config.xml"), "--db", str(tmp_path / "s.duckdb"), "--no-code", "--no-progress")
    assert r.returncode == 1
    assert r.stderr.decode().splitlines() == [
        f"error: {tmp_path / 'config.xml'}: not a readable RSS/Atom feed: no <rss>, <feed> or <rdf:RDF> root element"]


# -- dates --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["1e999", "1e+300", 1e300, 20250301, "nan", "-1", "1.5", "now", "yesterday",
                                   "2 hours ago", "March 5"])
def test_bogus_or_relative_dates_are_not_dates(value):
    assert parse_date(value) is None


@pytest.mark.parametrize("value,iso", [("5 March 2025", "2025-03-05"), ("Tue, 04 Mar 2025 10:00:00 GMT", "2025-03-04"),
                                       ("2025-03-04T10:00:00Z", "2025-03-04"), ("March 2025", "2025-03-01")])
def test_real_dates_still_parse(value, iso):
    assert parse_date(value) == iso


def test_bogus_metadata_date_is_dropped_with_a_warning_not_made_today(tmp_path: Path, caplog):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"id": "a", "text": GOOD, "date": "1e999"}) + "\n"
                 + json.dumps({"id": "b", "text": OTHER, "date": "2025-02-03"}) + "\n")
    with caplog.at_level(logging.WARNING):
        items, errors = _read([f])
    assert errors == [] and [i.article.published for i in items] == [None, "2025-02-03"]
    assert [r.getMessage() for r in caplog.records] == [
        f"warning: {f}#a: date '1e999' is not a publication date; ignored"]


# -- the stateless `code` command -----------------------------------------------------------------------

@pytest.mark.parametrize("line,why", [('{"id": "x", "text": "a", "n": ' + "9" * 5000 + "}",
                                       "malformed JSON: Exceeds the limit (4300 digits)"),
                                      ('{"id": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
                                       "malformed JSON: nested too deeply")])
def test_code_command_reports_bad_lines_in_one_line(tmp_path: Path, line: str, why: str):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "ok", "text": GOOD}) + "\n" + line + "\n")
    r = _cli("code", str(f), "--no-progress")
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    assert err.splitlines() == [f"error: {f}:2: {why}" + err.split(why, 1)[1].splitlines()[0]]


def test_code_command_writes_lone_surrogates_as_replacement_characters(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "s\\ud800", "text": "Peru \\udc00 recalled its ambassador from Bolivia."}\n')
    r = _cli("code", str(f), "--no-progress")
    assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr.decode()[-2000:]
    out = json.loads(r.stdout.decode("utf-8"))
    assert out["id"] == "s\ufffd"
