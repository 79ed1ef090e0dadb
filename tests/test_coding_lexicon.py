"""The trigger lexicon is data validated against the ontology; CAMEO codes always fit their type."""
import pytest

from realpolitik import ontology
from realpolitik.coding import cues, lexicon


def test_shipped_lexicon_is_valid():
    table = lexicon.entries()
    assert len(table) > 400
    assert all(t.cameo is None or ontology.cameo_fits(t.type, t.cameo) for t in table.values() if t.type)


@pytest.mark.parametrize("line, problem", [
    ("bomb V ASSAULT - 163 so - -", "CAMEO 163 is COERCE, not ASSAULT"),
    ("bomb V ATTACK - - so - -", "type 'ATTACK' is not a PLOVER type"),
    ("bomb V ASSAULT visit - so - -", "mode 'visit' is not a mode of ASSAULT"),
    ("bomb V ASSAULT - - so Z -", "flags 'Z' hold letters other than"),
    ("bomb V ASSAULT - - so - warfare", "context 'warfare' is not a PLOVER context"),
    ("bomb V ASSAULT - -", "5 columns, expected 8"),
])
def test_a_bad_row_is_refused_with_its_line(line, problem):
    with pytest.raises(lexicon.LexiconError) as err:
        lexicon.parse("# header\n" + line, where="test.txt")
    assert "test.txt:2:" in str(err.value) and problem in str(err.value)


def test_duplicate_rows_are_refused():
    row = "bomb V ASSAULT - 195 so - -"
    with pytest.raises(lexicon.LexiconError, match="test.txt:2: bomb V: duplicate row"):
        lexicon.parse(f"{row}\n{row}", where="test.txt")


def test_default_codes_fit_their_type():
    for (type_, _mode), code in ontology.cameo_defaults().items():
        assert ontology.cameo_crosswalk()[code].type == type_, code


@pytest.mark.parametrize("type_, given, mode, expected", [
    ("COERCE", None, None, "170"),          # not 163, which the crosswalk gives to sanctions
    ("RETREAT", None, "resign", None),      # CAMEO has no resignation code: none rather than 084
    ("RETREAT", None, "release", "084"),
    ("ASSAULT", "1382", None, "190"),       # a threat's code on an assault is replaced
    ("SANCTION", "163", None, "163"),       # the declared exception
])
def test_cameo_for_never_gives_a_code_of_another_type(type_, given, mode, expected):
    assert cues.cameo_for(type_, given, (), mode) == expected
