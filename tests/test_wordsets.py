"""The word-table loader: sections parse, and every kind of bad line is named with its line number."""
import pytest

from realpolitik.wordsets import WordSetError, parse


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
