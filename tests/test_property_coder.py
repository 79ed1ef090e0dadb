"""Hypothesis: the coder never crashes on arbitrary Unicode, and every span it reports lies inside its text."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings, strategies as st

from realpolitik.options import Options
from realpolitik.pipeline import code_text

FAST = settings(max_examples=int(os.environ.get("RP_PROPERTY_EXAMPLES", 60)), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Words that make events (actors, triggers, cues) mixed with noise, so spans are actually produced.
WORDS = st.sampled_from([
    "China", "Iran", "Russia", "Beijing", "Tehran", "the Kremlin", "Chinese", "Iranian", "officials", "President",
    "Xi Jinping", "pledged", "sent", "drones", "to", "accused", "of", "attacking", "sanctions", "on", "met", "with",
    "said", "reportedly", "denied", "may", "will", "not", "signed", "a", "deal", "\"", "'", "(", ")", ".", ",", "?",
    "!", "\n", "\n\n", " ", "\t", "—", "…", "ı", "İ", "ß", "ﬁ", "\u200b", "\u0301", "\ufeff", "😀", "中国", "伊朗",
    "\u202e", "\r\n", "e\u0301", "Ⅻ", "٣", "Mr.", "U.S.", "No."])
TEXTS = st.one_of(st.text(max_size=300),
                  st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=60).map(" ".join),
                  st.lists(WORDS, max_size=60).map("".join))


def _spans(ev):
    yield "evidence", ev.evidence
    for name in ("trigger", "source_span", "target_span"):
        if getattr(ev, name) is not None:
            yield name, getattr(ev, name)
    for c in ev.cues:
        yield "cue", c


def check_spans(text: str, events) -> None:
    """Every span of every event covers exactly its text inside `text`."""
    for ev in events:
        for name, sp in _spans(ev):
            assert 0 <= sp.start <= sp.end <= len(text), (name, sp, len(text))
            assert text[sp.start:sp.end] == sp.text, (name, sp, text[sp.start:sp.end])
        if ev.trigger is not None:
            assert ev.evidence.start <= ev.trigger.start and ev.trigger.end <= ev.evidence.end


@FAST
@given(TEXTS)
def test_coder_never_crashes_and_spans_lie_inside_the_text(text: str):
    check_spans(text, code_text(text))


def test_spans_hold_on_a_text_with_events_and_odd_characters():
    text = ("\ufeffOfficials said ﬁve Chinese\u200b ships sent drones to Iran.\r\n\n"
            "Iranian officials reportedly denied that Russia pledged sanctions on Tehran. 😀 İstanbul.")
    events = code_text(text)
    assert events, "the coder found no event: the span check would be empty"
    check_spans(text, events)


def test_coding_limit_keeps_spans_inside_the_whole_text():
    text = " ".join(f"China sent drones to Iran in shipment {i}." for i in range(40))
    events = code_text(text, options=Options(max_sentences=5))
    assert 0 < len({e.sentence_index for e in events}) <= 5
    check_spans(text, events)
