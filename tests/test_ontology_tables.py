"""Integrity of the project's own ontology tables (realpolitik/ontology/*.tsv)."""
from realpolitik import ontology
from realpolitik.model import QUADS


def test_sixteen_types_each_with_a_quad_and_a_definition():
    types = ontology.types()
    assert list(types) == list(ontology.TYPES_ORDER)
    assert all(t.quad in QUADS and t.definition for t in types.values())


def test_modes_belong_to_known_types_and_score():
    for type_, modes in ontology.modes().items():
        assert type_ in ontology.types()
        for mode in modes:
            assert ontology.intensity(type_, mode) is not None, (type_, mode)


def test_thirty_seven_contexts():
    assert len(ontology.contexts()) == 37
    assert {"military", "cyber", "economic", "diplomatic", "intelligence"} <= set(ontology.contexts())


def test_every_crosswalk_code_maps_to_known_type_mode_and_contexts():
    types, modes, contexts = ontology.types(), ontology.modes(), ontology.contexts()
    rows = ontology.cameo_crosswalk()
    assert len(rows) > 200
    for code, row in rows.items():
        assert code.isdigit() and row.type in types, code
        assert row.mode is None or row.mode in modes.get(row.type, {}), code
        assert all(c in contexts for c in row.contexts), code


def test_scores_and_goldstein_lookups():
    assert ontology.intensity("ASSAULT", "drone") == -9.5
    assert ontology.intensity("CONSULT", "no-such-mode") == ontology.intensity("CONSULT")
    assert all(v < 0 for (t, _), v in ontology.scores().items() if ontology.quad(t) == "material_conflict")
    assert all(v > 0 for (t, _), v in ontology.scores().items() if ontology.quad(t).endswith("cooperation"))
    assert ontology.goldstein("0721") == ontology.goldstein("072")  # falls back to the parent code
    assert ontology.goldstein(None) is None


def test_channels_have_known_fronts():
    fronts = ontology.fronts()
    assert set(fronts) == {"military", "cyber", "economic", "diplomatic", "intelligence", "technology"}
    channels = ontology.channels()
    assert len(channels) == 14
    assert all(c.fronts and set(c.fronts) <= set(fronts) and c.definition for c in channels.values())
    assert ontology.fronts_of("cyber_assistance") == ("cyber", "technology")


def test_as_dict_and_text_cover_every_section():
    d = ontology.as_dict()
    assert {k: len(v) for k, v in d.items()} == {"types": 16, "modes": 67, "contexts": 37, "channels": 14, "fronts": 6}
    text = ontology.render_text()
    assert "SUPPORT CHANNELS" in text and "arms_transfer" in text
