"""Typed settings: one table, unknown names and wrong types rejected, docs generated from the table."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from realpolitik import settings
from realpolitik.cli import main
from realpolitik.errors import RealpolitikError, SettingsError
from realpolitik.options import Options
from realpolitik.pipeline import coder_settings, get_coder

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_docs_match_the_table():
    assert DOCS.read_text(encoding="utf-8") == settings.markdown(), \
        "docs/settings.md is stale: run `realpolitik settings --markdown > docs/settings.md`"


def test_names_by_dots_or_nested_dicts_give_typed_groups():
    a = Options().with_settings({"coding.fastpath": False, "clustering": {"window_days": 3}})
    assert a.coding == settings.CoderSettings(fastpath=False)
    assert a.clustering == settings.ClusterSettings(window_days=3)
    assert a.fetching == settings.FetchSettings() and a.web == settings.WebSettings()
    # a later change keeps the earlier ones of the same group
    b = a.with_settings({"coding.classifier": False})
    assert (b.coding.fastpath, b.coding.classifier, b.clustering.window_days) == (False, False, 3)


def test_a_misspelt_name_fails_with_a_suggestion():
    with pytest.raises(SettingsError) as info:
        Options().with_settings({"coding.fastpth": False})
    assert str(info.value) == "unknown setting 'coding.fastpth' (did you mean coding.fastpath?); see docs/settings.md"
    with pytest.raises(SettingsError, match="unknown setting 'loose'"):
        Options().with_settings({"loose": True})  # the removed setting: no longer silently accepted
    with pytest.raises(SettingsError, match="unknown setting 'coding.nothing'"):
        Options().with_settings({"coding": {"nothing": 1}})
    assert issubclass(SettingsError, RealpolitikError)


def test_values_of_the_wrong_type_fail():
    for name, value, expected in (("coding.fastpath", "no", "expected true or false, got 'no'"),
                                  ("clustering.window_days", 2.5, "expected an integer, got 2.5"),
                                  ("clustering.window_days", True, "expected a number, got True"),
                                  ("fetching.allow_hosts", "a:1", "expected a list of strings, got 'a:1'")):
        with pytest.raises(SettingsError) as info:
            Options().with_settings({name: value})
        assert str(info.value) == f"setting {name}: {expected}"
    with pytest.raises(TypeError, match="Options.coding must be a CoderSettings"):
        Options(coding={"fastpath": False})  # type: ignore[arg-type]


def test_text_values_from_the_command_line_are_converted():
    o = Options().with_settings({"coding.fastpath": "off", "coding.best_guess_types": "AID, REJECT",
                                 "clustering.evidence_min": "0.5", "web.allowed_hosts": "default"}, from_text=True)
    assert o.coding.fastpath is False and o.coding.best_guess_types == frozenset({"AID", "REJECT"})
    assert o.clustering.evidence_min == 0.5 and o.web.allowed_hosts is None


def test_settings_are_hashable_and_key_the_coder_cache():
    a = Options().with_settings({"coding.best_guess_types": ["AID"]})
    b = Options().with_settings({"coding.best_guess_types": ("AID",)})
    assert hash(a.coding) == hash(b.coding) and coder_settings(a) == coder_settings(b)
    assert coder_settings(a) != coder_settings(Options())
    # settings a coder does not read (clustering) do not make another coder
    assert coder_settings(Options().with_settings({"clustering.window_days": 5})) == coder_settings(Options())
    plain, guessing = get_coder(Options()), get_coder(Options().with_settings({"coding.best_guess_types": ["AID"]}))
    assert guessing is not plain and (plain.best_guess_types, guessing.best_guess_types) == (frozenset(), {"AID"})
    assert get_coder(Options().with_settings({"coding.best_guess_types": ("AID",)})) is guessing
    assert get_coder(Options().with_settings({"coding.best_guess_types": []})) is plain  # the default, spelt out


def test_coder_defaults_of_unset_settings():
    from realpolitik.coding import HybridCoder, RulesCoder

    rules, hybrid = RulesCoder(), HybridCoder(Options().with_settings({"coding.classifier": False}))
    assert (rules.sourceless, rules.recipientless, rules._fastpath()) == (False, True, True)
    assert (hybrid.sourceless, hybrid.recipientless, hybrid._fastpath()) == (True, False, False)
    set_ = Options().with_settings({"coding.sourceless": True, "coding.recipientless": False})
    assert (RulesCoder(set_).sourceless, RulesCoder(set_).recipientless) == (True, False)


def test_cli_set_rejects_an_unknown_name_in_one_error_line(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "a", "text": "Chile and Peru signed a treaty."}\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["code", str(inp), "--set", "coding.fast_path=false"])
    assert r.exit_code == 2
    assert r.output == ("error: unknown setting 'coding.fast_path' (did you mean coding.fastpath?); "
                        "see docs/settings.md\n")
    r = CliRunner().invoke(main, ["code", str(inp), "--set", "coding.fastpath"])
    assert r.exit_code == 2 and r.output.startswith("error: --set 'coding.fastpath': expected NAME=VALUE")


def test_cli_help_text_comes_from_the_table():
    r = CliRunner().invoke(main, ["watch", "--help"], terminal_width=400)
    assert settings.help_for("fetching.follow_links") in " ".join(r.output.split())
    r = CliRunner().invoke(main, ["settings"])
    assert r.exit_code == 0 and len(r.output.splitlines()) == len(settings.table())
    assert r.output.splitlines()[0].split("\t")[:3] == ["coding.fastpath", "bool | None", "null"]
