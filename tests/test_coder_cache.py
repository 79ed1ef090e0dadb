"""Coder instances are cached by name and settings: a later Options must not get the first coder."""
from realpolitik.options import Options
from realpolitik.pipeline import code_text, coder_settings, get_coder


def guesses(types) -> Options:
    return Options().with_settings({"coding.best_guess_types": types})


def test_distinct_settings_get_distinct_coders():
    plain = get_coder(Options())
    guessing = get_coder(guesses(["RETREAT"]))
    assert guessing is not plain
    assert guessing.best_guess_types == frozenset({"RETREAT"}) and plain.best_guess_types == frozenset()
    assert get_coder(guesses(("RETREAT",))) is guessing  # still built once per setting
    assert get_coder(Options()) is plain


def test_settings_key_ignores_order_but_not_values():
    a = Options().with_settings({"coding.sourceless": False, "coding.future_as_agree": True})
    b = Options().with_settings({"coding.future_as_agree": True, "coding.sourceless": False})
    assert coder_settings(a) == coder_settings(b)
    assert coder_settings(a) != coder_settings(a.with_settings({"coding.sourceless": True}))
    assert coder_settings(a) != coder_settings(a.with_(batch_size=8))


def test_a_setting_changes_the_output_after_another_coder_was_built():
    # no one is named as releasing: only the actor-less best guess can code it
    text = "Dozens of prisoners were released on Sunday, the Kenyan interior ministry said."
    on = code_text(text, "2026-03-01", guesses(["RETREAT"]))
    off = code_text(text, "2026-03-01", guesses([]))
    assert [(e.source, e.target, e.type, e.mode) for e in on] == [(None, None, "RETREAT", "release")]
    assert off == []
