"""The word-table loader: sections parse, every kind of bad line is named with its line number, and every
table the package ships validates and is used."""
from pathlib import Path

import pytest

import realpolitik
from realpolitik.wordsets import WordSetError, parse, rows, table, unused, words


def test_sections_parse_with_kind_doc_and_entries():
    sets = parse("# header comment\n[GOODS]  # what aid is made of\naid relief\nfood\n[TYPES] type\nAID ASSAULT\n")
    assert sets["GOODS"].words == frozenset({"aid", "relief", "food"})
    assert sets["GOODS"].kind == "word"
    assert sets["GOODS"].doc == "what aid is made of"
    assert sets["TYPES"].words == frozenset({"AID", "ASSAULT"})


@pytest.mark.parametrize("text, problem", [
    ("[A]\nfoo foo\n", "t.words:2: [A]: duplicate entry 'foo'"),
    ("[A]\nfoo\n[A]\nbar\n", "t.words:3: [A]: duplicate section"),
    ("[A] type\nATTACK\n", "t.words:2: [A]: 'ATTACK' is not a PLOVER type"),
    ("[A] context\nmilitary spaceflight\n", "t.words:2: [A]: 'spaceflight' is not a PLOVER context"),
    ("[A] colour\nred\n", "t.words:1: [A]: kind 'colour' is not one of"),
    ("foo\n[A]\nbar\n", "t.words:1: entries before any [SECTION] header"),
    ("[A]\nFoo\n", "t.words:2: [A]: 'Foo' is not a lowercase word"),
    ("[A]\n# nothing\n[B]\nx\n", "t.words: [A]: empty section"),
    ("[a b]\nx\n", "t.words:1: bad section header '[a b]'"),
])
def test_bad_lines_are_named(text, problem):
    with pytest.raises(WordSetError) as err:
        parse(text, "t.words")
    assert problem in str(err.value)


def test_quad_and_label_kinds():
    sets = parse("[Q] quad\nverbal_conflict\n[L] label\nnsubj ROOT\n")
    assert sets["L"].words == frozenset({"nsubj", "ROOT"})
    with pytest.raises(WordSetError, match="'cooperation' is not a quad class"):
        parse("[Q] quad\ncooperation\n")


def test_keyed_sections_keep_rows_in_order_and_validate_against_the_ontology():
    sets = parse("[CUES] word by type mode\nASSAULT aerial: jet\n  airstrike\nCONSULT visit: trip\n"
                 "[CAMEO] cameo by type context\nAID economic: 071\n[SENSES] name by word\nhit: CUES\n")
    assert sets["CUES"].rows == ((("ASSAULT", "aerial"), ("jet", "airstrike")), (("CONSULT", "visit"), ("trip",)))
    assert sets["CAMEO"].rows == ((("AID", "economic"), ("071",)),)
    assert sets["SENSES"].rows == ((("hit",), ("CUES",)),)
    rows_of = parse("[P] context by word word type mode cameo\non alert MOBILIZE troops 150: military\n"
                    "on strike PROTEST strike 143: -\n")["P"].rows
    assert rows_of == ((("on", "alert", "MOBILIZE", "troops", "150"), ("military",)),
                       (("on", "strike", "PROTEST", "strike", "143"), ()))


@pytest.mark.parametrize("text, problem", [
    ("[M] word by type mode\nASSAULT cyber: hack\n", "t.words:2: [M]: key 'cyber' is not a mode of ASSAULT"),
    ("[M] word by type mode\nASSAULT: hack\n", "t.words:2: [M]: key 'ASSAULT' should be 2 item(s): type mode"),
    ("[C] cameo by type context\nAID economic: 163\n", "t.words:2: [C]: CAMEO 163 does not fit AID"),
    ("[C] cameo by type\nAID: 9999\n", "t.words:2: [C]: '9999' is not a CAMEO code of the crosswalk"),
    ("[D] channel by context\nmilitary: tanks\n", "t.words:2: [D]: 'tanks' is not a support channel"),
    ("[K] word by word\na: x\na: y\n", "t.words:3: [K]: duplicate key 'a'"),
    ("[K] word by word\nx y\n", "t.words:2: [K]: entries before any 'key:' of a keyed section"),
    ("[K] word by word\na:\n", "t.words: [K]: a key without entries (write '-' for none)"),
    ("[K] word by word\na: - x\n", "t.words: [K]: a key with '-' (no entries) and entries"),
    ("[N] name by word\nhit: MISSING\n", "t.words:1: [N]: no section [MISSING]"),
    ("[S] code\nGOV rebels\n", "t.words:2: [S]: 'rebels' is not an actor or sector code"),
])
def test_bad_keyed_rows_are_named(text, problem):
    with pytest.raises(WordSetError) as err:
        parse(text, "t.words")
    assert problem in str(err.value)


def test_asking_a_keyed_section_for_words_is_an_error():
    with pytest.raises(WordSetError, match=r"\[CONTEXT_CUES\] is a keyed section"):
        words("realpolitik.coding", "cues", "CONTEXT_CUES")
    with pytest.raises(WordSetError, match=r"\[AID_GOODS\] is not a keyed section"):
        rows("realpolitik.coding", "retype", "AID_GOODS")


def _package_tables() -> list[tuple[str, str, Path]]:
    """(package, table name, path) of every .words table shipped in the package."""
    root = Path(realpolitik.__file__).parent
    return [(".".join(("realpolitik", *p.relative_to(root).parts[:-3])), p.stem, p)
            for p in sorted(root.rglob("data/*/*.words"))]


def test_every_shipped_table_validates():
    found = _package_tables()
    assert {t for _, t, _ in found} >= {"candidates", "cues", "retype", "rules", "factuality", "document", "titles"}
    for package, name, path in found:
        assert table(package, name, path.parent.name), path  # raises WordSetError naming the bad line


def test_no_section_of_any_table_is_unused():
    import realpolitik.actors.context  # noqa: F401
    import realpolitik.actors.document  # noqa: F401
    import realpolitik.actors.ethnic  # noqa: F401
    import realpolitik.actors.places  # noqa: F401
    import realpolitik.actors.sectors  # noqa: F401
    import realpolitik.actors.titles  # noqa: F401
    import realpolitik.coding.hybrid  # noqa: F401
    import realpolitik.coding.quadclf  # noqa: F401
    import realpolitik.coding.rules  # noqa: F401
    import realpolitik.coding.scorer  # noqa: F401
    import realpolitik.factuality.scope  # noqa: F401
    import realpolitik.geo.locate  # noqa: F401

    # sections some modules read lazily (on first use) count when a module of the package names them in a string
    import ast

    named = {node.value for py in Path(realpolitik.__file__).parent.rglob("*.py")
             for node in ast.walk(ast.parse(py.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    left = {f"{package}/{name}": [n for n in unused(package, name, path.parent.name) if n not in named]
            for package, name, path in _package_tables()}
    assert {k: v for k, v in left.items() if v} == {}


def test_a_bad_row_in_a_real_table_is_named_with_file_and_line(tmp_path):
    real = Path(realpolitik.__file__).parent / "coding" / "data" / "en" / "cues.words"
    lines = real.read_text(encoding="utf-8").splitlines()
    n = lines.index("COERCE arrest: arrest detain") + 1
    lines[n - 1] = "COERCE arest: arrest detain"
    m = lines.index("SANCTION economic: 163") + 1
    lines[m - 1] = "AID cbrn: 163"
    copy = tmp_path / "cues.words"
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(WordSetError) as err:
        parse(copy.read_text(encoding="utf-8"), str(copy))
    assert str(err.value).splitlines()[1:] == [
        f"{copy}:{n}: [MODE_CUES]: key 'arest' is not a mode of COERCE",
        f"{copy}:{m}: [CAMEO_BY_CONTEXT]: CAMEO 163 does not fit AID (crosswalk: COERCE)",
    ]
