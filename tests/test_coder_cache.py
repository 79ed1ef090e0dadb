"""Coder instances are cached by name and settings (issue 14): a later Options must not get the first coder."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text, coder_settings, get_coder


def test_distinct_settings_get_distinct_coders():
    plain = get_coder(Options())
    no_guess = get_coder(Options(extra={"best_guess_types": ()}))
    assert no_guess is not plain
    assert no_guess.best_guess_types == frozenset()
    assert get_coder(Options(extra={"best_guess_types": ()})) is no_guess  # still built once per setting
    assert get_coder(Options()) is plain


def test_settings_key_ignores_dict_order_but_not_values():
    a = Options(extra={"loose": True, "sourceless": False})
    b = Options(extra={"sourceless": False, "loose": True})
    assert coder_settings(a) == coder_settings(b)
    assert coder_settings(a) != coder_settings(a.with_(extra={"loose": False, "sourceless": False}))
    assert coder_settings(a) != coder_settings(a.with_(batch_size=8))


def test_a_setting_changes_the_output_after_another_coder_was_built():
    # no one is named as releasing: only the actor-less best guess can code it
    text = "Dozens of prisoners were released on Sunday, the Kenyan interior ministry said."
    on = code_text(text, "2026-03-01", Options(extra={"best_guess_types": ("RETREAT",)}))
    off = code_text(text, "2026-03-01", Options(extra={"best_guess_types": ()}))
    assert [(e.source, e.target, e.type, e.mode) for e in on] == [(None, None, "RETREAT", "release")]
    assert off == []
