"""A corpus of broken inputs, built at run time: each bad item gets one clear error, every good item is kept."""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from realpolitik.ingest import IngestError, RawItem, read_inputs
from realpolitik.options import Options

GOOD = "Norway and Chile signed a treaty on fisheries in Oslo on Tuesday."


def _read(paths, options: Options | None = None):
    out = list(read_inputs([str(p) for p in paths], options or Options()))
    items = [i for i in out if isinstance(i, RawItem)]
    errors = [e for e in out if isinstance(e, IngestError)]
    assert len(items) + len(errors) == len(out)
    return items, errors


def _one_error(paths, options: Options | None = None) -> IngestError:
    items, errors = _read(paths, options)
    assert items == [] and len(errors) == 1, (items, errors)
    assert "\n" not in str(errors[0])
    return errors[0]


def _cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "realpolitik.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


# -- binary, empty, huge ----------------------------------------------------------------------------

@pytest.mark.parametrize("data", [bytes(range(256)) * 40, b"\x7fELF\x02\x01\x01" + b"\x00" * 500,
                                  b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 200])
def test_binary_file_is_refused_by_name(tmp_path: Path, data: bytes):
    f = tmp_path / "blob.txt"
    f.write_bytes(data)
    err = _one_error([f])
    assert err.where == str(f) and "binary" in err.message


def test_zero_byte_and_whitespace_files(tmp_path: Path):
    (tmp_path / "zero.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("   \n\n\t\n")
    (tmp_path / "zero.jsonl").write_bytes(b"")
    (tmp_path / "zero.html").write_bytes(b"")
    (tmp_path / "zero.xml").write_bytes(b"")
    items, errors = _read([tmp_path])
    assert items == []
    assert sorted(Path(e.where).name for e in errors) == ["blank.md", "zero.html", "zero.jsonl", "zero.txt", "zero.xml"]


def _big_file(path: Path, mb: int = 50) -> Path:
    line = (GOOD + " ") * 15 + "\n"
    block = (line * (1024 * 1024 // len(line) + 1)).encode()[:1024 * 1024]
    with path.open("wb") as fh:
        for _ in range(mb):
            fh.write(block)
    return path


@pytest.mark.slow
def test_fifty_megabyte_file_over_default_limit_is_refused_before_reading(tmp_path: Path):
    big = _big_file(tmp_path / "big.txt")
    (tmp_path / "ok.txt").write_text(GOOD)
    items, errors = _read([tmp_path])
    assert [i.article.text for i in items] == [GOOD]
    assert len(errors) == 1 and errors[0].where == str(big)
    assert "over the limit" in errors[0].message and "--max-file-bytes" in errors[0].message


@pytest.mark.slow
def test_fifty_megabyte_file_with_raised_file_limit_meets_the_text_limit(tmp_path: Path):
    # Decision (SECURITY.md): one 50 MB article is not an article; raising --max-file-bytes alone
    # lets the file be read, and the text-length limit then refuses it with its own clear message.
    big = _big_file(tmp_path / "big.txt")
    err = _one_error([big], Options(max_file_bytes=100 * 1024 * 1024))
    assert "characters, over the limit" in err.message and "--max-text-chars" in err.message


def test_text_limit_and_file_limit_are_configurable(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(GOOD * 10)
    assert "over the limit" in _one_error([f], Options(max_file_bytes=100)).message
    assert "over the limit" in _one_error([f], Options(max_text_chars=100)).message
    items, _ = _read([f], Options(max_file_bytes=len(GOOD) * 10, max_text_chars=len(GOOD) * 10))
    assert len(items) == 1


def test_default_file_limit_is_below_fifty_megabytes():
    assert Options().max_file_bytes < 50 * 1024 * 1024 <= 100 * Options().max_file_bytes


# -- encodings ----------------------------------------------------------------------------------------

def test_invalid_utf8_latin1_and_utf16_bom(tmp_path: Path):
    (tmp_path / "bad_utf8.txt").write_bytes(b"Talks in Lima \xc3\x28 resumed after a pause of two weeks.")
    (tmp_path / "latin1.txt").write_bytes("Ministers met in Asunción and Bogotá.".encode("latin-1"))
    (tmp_path / "u16le.txt").write_bytes(codecs.BOM_UTF16_LE + "Envoys met in Kraków.".encode("utf-16-le"))
    (tmp_path / "u16be.txt").write_bytes(codecs.BOM_UTF16_BE + "Envoys met in Gdańsk.".encode("utf-16-be"))
    (tmp_path / "u8bom.txt").write_bytes(codecs.BOM_UTF8 + "Envoys met in Tórshavn.".encode())
    items, errors = _read([tmp_path])
    assert errors == []
    texts = {Path(i.where).name: i.article.text for i in items}
    assert texts["latin1.txt"] == "Ministers met in Asunción and Bogotá."
    assert texts["u16le.txt"] == "Envoys met in Kraków." and texts["u16be.txt"] == "Envoys met in Gdańsk."
    assert texts["u8bom.txt"] == "Envoys met in Tórshavn."
    assert texts["bad_utf8.txt"].startswith("Talks in Lima") and "\ufeff" not in "".join(texts.values())


def test_broken_utf16_after_bom_is_one_error(tmp_path: Path):
    f = tmp_path / "broken16.txt"
    f.write_bytes(codecs.BOM_UTF16_LE + "Envoys met.".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    err = _one_error([f])
    assert err.where == str(f) and "utf-16" in err.message


def test_lone_surrogates_and_control_characters_are_cleaned(tmp_path: Path):
    f = tmp_path / "s.jsonl"
    f.write_text('{"id": "x\\ud800", "text": "Peru \\udc00 recalled\\u0000 its envoy.", "title": "T\\u0007"}\n'
                 '{"id": "\\ud801", "text": ""}\n')
    (item,), (err,) = _read([f])
    assert item.article.text == "Peru \ufffd recalled its envoy." and item.article.title == "T"
    assert item.article.external_id == "x\ufffd"
    str(err).encode("utf-8")  # printable


def test_undecodable_file_name_is_stored(tmp_path: Path):
    d = os.fsencode(tmp_path) + b"/bad\xff.txt"
    with open(d, "wb") as fh:
        fh.write(GOOD.encode())
    (item,), _ = _read([tmp_path])
    item.article.source.encode("utf-8")
    from realpolitik.store import open_store

    with open_store(str(tmp_path / "s.duckdb")) as s:
        from realpolitik.pipeline import ingest_items

        assert ingest_items([item], s, Options(code=False)).new_articles == 1


# -- HTML ---------------------------------------------------------------------------------------------

def test_truncated_html_keeps_its_text_or_says_why(tmp_path: Path):
    body = " ".join(["The envoy from Ghana met the foreign minister of Togo to discuss the border."] * 4)
    (tmp_path / "cut.html").write_text(f"<html><head><title>Talks</title></head><body><article><p>{body}</p><p>More tal")
    (tmp_path / "stub.html").write_text("<html><head><tit")
    items, errors = _read([tmp_path])
    assert [Path(i.where).name for i in items] == ["cut.html"] and "Togo" in items[0].article.text
    assert [Path(e.where).name for e in errors] == ["stub.html"]


def test_script_and_iframe_text_never_leaks_into_article_text(tmp_path: Path):
    body = " ".join(["Kenya and Uganda agreed to reopen the railway line between their capitals."] * 4)
    f = tmp_path / "hostile.html"
    f.write_text(f"""<html><head><title>Rail deal</title><script>var SECRETJS = "alert(1)";</script>
    <style>.x{{content:"STYLELEAK"}}</style></head><body>
    <iframe src="https://evil.example/"><p>IFRAMELEAK inside the frame</p></iframe>
    <article><p>{body}</p><script>document.write("SCRIPTLEAK")</script>
    <noscript>NOSCRIPTLEAK</noscript><p>Officials said trains would run from May.</p>
    <img src=x onerror="alert('ONERRORLEAK')"><object data="x.swf">OBJECTLEAK</object></article>
    <script type="application/ld+json">{{"articleBody": "LDLEAK"}}</script></body></html>""")
    (item,), errors = _read([f])
    assert errors == [] and "railway line" in item.article.text
    for marker in ("SECRETJS", "alert", "STYLELEAK", "IFRAMELEAK", "SCRIPTLEAK", "NOSCRIPTLEAK", "ONERRORLEAK",
                   "OBJECTLEAK", "<script", "<iframe"):
        assert marker not in item.article.text, marker
        assert marker not in (item.article.title or ""), marker


# -- JSONL and CSV --------------------------------------------------------------------------------------

def test_jsonl_malformed_lines_each_named_and_good_lines_kept(tmp_path: Path):
    f = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"id": "1", "text": GOOD}), "{\"id\": \"2\", \"text\": ", "[1, 2, 3]", "null",
             json.dumps({"id": "5", "text": 42}), json.dumps({"id": "6", "text": "Peru recalled its envoy."}),
             "\x01\x02 garbage", json.dumps({"id": "8", "text": "Oman hosted talks.", "date": "not a date at all"}),
             json.dumps({"id": "9", "text": "Mali expelled a diplomat.", "date": "2025-13-45"})]
    f.write_text("\n".join(lines) + "\n")
    items, errors = _read([f])
    assert [i.article.external_id for i in items] == ["1", "6", "8", "9"]
    assert [i.article.published for i in items][2:] == [None, None]
    assert [e.where for e in errors] == [f"{f}:{n}" for n in (2, 3, 4, 5, 7)]


def test_csv_missing_and_extra_columns(tmp_path: Path):
    f = tmp_path / "rows.csv"
    f.write_text("id,title,text,date\n"
                 f"1,Accord,{GOOD},2025-01-02\n"
                 "2,Short row\n"
                 "3,Extra,Peru recalled its envoy.,2025-01-03,surplus,more\n"
                 "4,,\"Oman hosted talks between the two sides.\",\n"
                 '5,Broken,"an unclosed quote\n')
    items, errors = _read([f])
    assert [i.article.external_id for i in items] == ["1", "4"]
    assert [e.where for e in errors] == [f"{f}:{n}" for n in (3, 4, 6)]
    assert "text" in errors[0].message and "more fields" in errors[1].message and "malformed CSV" in errors[2].message


def test_csv_unclosed_quote_does_not_swallow_later_rows(tmp_path: Path):
    f = tmp_path / "q.csv"
    f.write_text(f'id,text\n1,"an unclosed quote\n2,{GOOD}\n3,"a stray" quote\n4,Oman hosted talks.\n')
    items, errors = _read([f])
    # Row 1's quote closes on line 4 and is followed by a letter: an error on line 2, where the row
    # began. The reader starts again on the line after each broken row's first line: 2 and 4 survive.
    assert [i.article.external_id for i in items] == ["2", "4"]
    assert [(e.where, e.message) for e in errors] == [
        (f"{f}:2", "malformed CSV: ',' expected after '\"'"), (f"{f}:4", "malformed CSV: ',' expected after '\"'")]


def test_csv_with_huge_field_is_refused_cleanly(tmp_path: Path):
    f = tmp_path / "huge.csv"
    f.write_text("id,text\n1," + "x" * 5000 + f"\n2,{GOOD}\n")
    items, errors = _read([f], Options(max_text_chars=1000))
    assert [i.article.external_id for i in items] == ["2"]
    assert len(errors) == 1 and "limit" in errors[0].message


# -- feeds --------------------------------------------------------------------------------------------

XXE_FILE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>T</title><item><guid>1</guid><description>&xxe;</description></item></channel></rss>"""
XXE_URL = """<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">
<rss version="2.0"><channel><title>T</title><item><guid>1</guid><description>x</description></item></channel></rss>"""
XXE_PARAM = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>
<rss version="2.0"><channel><item><description>x</description></item></channel></rss>"""
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
          + ']><rss><channel><item><description>&lol9;</description></item></channel></rss>')
QUADRATIC = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + "A" * 50_000 + '">]>'
             "<rss><channel><item><description>" + "&a;" * 2000 + "</description></item></channel></rss>")


@pytest.mark.parametrize("name,doc", [("xxe_file", XXE_FILE), ("xxe_param", XXE_PARAM), ("laughs", LAUGHS),
                                      ("quadratic", QUADRATIC)])
def test_feed_entity_attacks_are_refused_by_name(tmp_path: Path, name: str, doc: str):
    f = tmp_path / f"{name}.xml"
    f.write_text(doc)
    err = _one_error([f])
    assert err.where == str(f) and "entities" in err.message


def test_feed_with_external_dtd_never_fetches_or_reads_files(tmp_path: Path):
    f = tmp_path / "dtd.rss"
    f.write_text(XXE_URL)
    items, errors = _read([f])
    # Either refused, or parsed without the external DTD: no error about a network fetch, no file contents.
    assert all("root:" not in i.article.text for i in items)
    assert len(items) + len(errors) == 1


def test_malformed_feed_is_one_error_and_neighbours_survive(tmp_path: Path):
    (tmp_path / "a_bad.xml").write_text("<rss><channel><item><description>unclosed")
    (tmp_path / "b_good.txt").write_text(GOOD)
    (tmp_path / "c_notxml.atom").write_bytes(b"\xff\xfe\x00garbage\x00")
    items, errors = _read([tmp_path])
    assert [i.article.text for i in items] == [GOOD]
    assert sorted(Path(e.where).name for e in errors) == ["a_bad.xml", "c_notxml.atom"]


# -- paths --------------------------------------------------------------------------------------------

def test_unreadable_file_is_one_error(tmp_path: Path):
    f = tmp_path / "secret.txt"
    f.write_text(GOOD)
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            # root reads anything: use a path that cannot be read as a file instead (a dangling symlink).
            f.chmod(0o644)
            f = tmp_path / "dangling.txt"
            f.symlink_to(tmp_path / "nowhere.txt")
        err = _one_error([f])
        assert err.where == str(f)
        assert "permission denied" in err.message or "no such file" in err.message
    finally:
        (tmp_path / "secret.txt").chmod(0o644)


def test_unreadable_subdirectory_does_not_stop_the_walk(tmp_path: Path):
    locked = tmp_path / "a_locked"
    locked.mkdir()
    (locked / "x.txt").write_text(GOOD)
    (tmp_path / "b_ok.txt").write_text("Peru recalled its envoy.")
    locked.chmod(0)
    try:
        items, errors = _read([tmp_path])
        texts = [i.article.text for i in items]
        assert "Peru recalled its envoy." in texts
        if os.access(locked, os.R_OK):
            assert GOOD in texts  # running as root: permissions do not bite
        else:
            assert [e.where for e in errors] == [str(locked)]
    finally:
        locked.chmod(0o755)


def test_special_files_are_refused(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "ok.txt").write_text(GOOD)
    items, errors = _read([tmp_path])  # must not block reading the FIFO
    assert [i.article.text for i in items] == [GOOD]
    assert [e.where for e in errors] == [str(fifo)] and "not a regular file" in errors[0].message


def test_directory_loops_terminate(tmp_path: Path):
    d = tmp_path / "a" / "b"
    d.mkdir(parents=True)
    (d / "x.txt").write_text(GOOD)
    (d / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "self").symlink_to(".")
    (tmp_path / "a" / "link.txt").symlink_to(d / "x.txt")
    items, errors = _read([tmp_path / "a"])
    assert [i.article.text for i in items].count(GOOD) >= 1 and errors == []
    # The symlinked directory given directly on the command line is walked, once.
    items2, _ = _read([d / "loop"])
    assert GOOD in [i.article.text for i in items2]


def test_unknown_file_type_given_explicitly(tmp_path: Path):
    f = tmp_path / "scan.pdf"
    f.write_bytes(b"%PDF-1.4 binary")
    err = _one_error([f])
    assert "unsupported file type" in err.message and err.where == str(f)


# -- sentences ----------------------------------------------------------------------------------------

def test_sentence_limit_truncates_coding_not_the_article():
    from realpolitik.ingest.limits import for_coding

    text = " ".join(f"Sentence number {i} is here." for i in range(50))
    from realpolitik.model import Article

    art = Article.from_text(text)
    cut, n = for_coding(art, Options(max_sentences=10))
    assert cut.id == art.id and art.text.startswith(cut.text) and n == 50
    assert cut.text.count("Sentence number") == 10
    same, _ = for_coding(art, Options(max_sentences=100))
    assert same is art


def test_text_longer_than_the_parser_allows_is_coded_without_crashing():
    from realpolitik.pipeline import code_text

    sent = "Chinese officials pledged new drones to Iran. "
    text = sent * (1_100_000 // len(sent))  # over spaCy's 1,000,000-character limit
    events = code_text(text, options=Options(max_sentences=20))
    assert 0 < len(events) <= 20 and all(text[e.evidence.start:e.evidence.end] == e.evidence.text for e in events)


# -- the whole corpus through the CLI --------------------------------------------------------------------

def _corpus(root: Path) -> list[str]:
    """Writes a mixed corpus; returns the texts that must end up stored."""
    good = [f"Delegations from Ghana and Togo held talks on border trade, round {n}." for n in range(6)]
    (root / "g0.txt").write_text(good[0])
    (root / "g1.md").write_text("Title line\n\n" + good[1])
    (root / "g2.jsonl").write_text(json.dumps({"id": "a", "text": good[2]}) + "\n{broken\n"
                                   + json.dumps({"id": "b", "text": good[3]}) + "\n")
    (root / "g3.csv").write_text(f"id,text\nc,\"{good[4]}\"\nd\ne,x,y\n")
    (root / "g4.txt").write_bytes(good[5].encode("utf-16"))
    (root / "x_bin.txt").write_bytes(bytes(range(256)) * 10)
    (root / "x_zero.txt").write_bytes(b"")
    (root / "x_bomb.xml").write_text(LAUGHS)
    (root / "x_xxe.xml").write_text(XXE_FILE)
    (root / "x_cut.html").write_text("<html><bo")
    (root / "loop").symlink_to(".")
    return good


def test_cli_corpus_one_line_per_bad_item_and_good_items_stored(tmp_path: Path):
    root = tmp_path / "corpus"
    root.mkdir()
    good = _corpus(root)
    db = str(tmp_path / "s.duckdb")
    r = _cli("ingest", str(root), "--db", db, "--no-code", "--no-progress", "--json")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    err_lines = [ln for ln in r.stderr.splitlines() if ln.startswith("error: ")]
    assert len(err_lines) == 8, r.stderr
    for name in ("g2.jsonl:2", "g3.csv:3", "g3.csv:4", "x_bin.txt", "x_zero.txt", "x_bomb.xml", "x_xxe.xml",
                 "x_cut.html"):
        assert sum(name in ln for ln in err_lines) == 1, (name, err_lines)
    report = json.loads(r.stdout)
    assert report["new_articles"] == len(good) and len(report["errors"]) == 8
    from realpolitik.store import open_store

    with open_store(db, read_only=True) as s:
        assert sorted(a.text for a in s.iter_articles()) == sorted(good)


def test_cli_limit_flags(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(GOOD)
    db = str(tmp_path / "s.duckdb")
    r = _cli("ingest", str(f), "--db", db, "--no-code", "--no-progress", "--max-file-bytes", "10")
    assert r.returncode == 1 and "over the limit of 10" in r.stderr and "Traceback" not in r.stderr
    r = _cli("ingest", str(f), "--db", db, "--no-code", "--no-progress", "--max-text-chars", "10")
    assert r.returncode == 1 and "over the limit of 10" in r.stderr
    r = _cli("ingest", str(f), "--db", db, "--no-progress", "--max-sentences", "1")
    assert r.returncode == 0, r.stderr


def test_dask_partitions_apply_the_coding_limits():
    from realpolitik.engines.dask import coder_factory, code_partition
    from realpolitik.model import Article

    text = "Chinese officials pledged new drones to Iran. " * 30_000  # 1.4M characters: over spaCy's limit
    opts = Options(max_sentences=3)
    (events,) = code_partition(coder_factory(opts), opts, [Article.from_text(text)])
    assert 0 < len(events) <= 3
