"""Highlighting events in an article's text: spans marked in place, every piece escaped."""
from __future__ import annotations

from realpolitik.web.highlight import highlight


def ev(eid, start, end, text, trig=None):
    e = {"id": eid, "evidence": {"start": start, "end": end, "text": text, "trigger": None}}
    if trig:
        e["evidence"]["trigger"] = {"start": trig[0], "end": trig[1], "text": text[trig[0] - start:trig[1] - start]}
    return e


def test_marks_evidence_and_trigger_in_place():
    text = "Intro. Iran bought oil. Outro."
    html = str(highlight(text, [ev("e1", 7, 23, "Iran bought oil.", (12, 18))]))
    assert html.startswith("Intro. <span id='txt-e1' class='anchor'></span><mark class='ev' data-events='e1'>Iran </mark>")
    assert "<b class='trigger'>bought</b>" in html and html.endswith("</mark> Outro.")


def test_overlapping_events_share_pieces():
    text = "A met B. C hit D."
    html = str(highlight(text, [ev("e1", 0, 8, "A met B."), ev("e2", 0, 17, text)]))
    assert "data-events='e1 e2'>A met B.</mark>" in html and "data-events='e2'> C hit D.</mark>" in html
    assert html.count("id='txt-e2'") == 1


def test_script_in_text_is_escaped_even_when_cut_by_a_span():
    text = "Memo <script>alert(1)</script> ends."
    start = text.index("alert")
    html = str(highlight(text, [ev("e1", start, start + 8, "alert(1)")]))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;/script&gt;" in html


def test_bad_offsets_fall_back_to_the_evidence_text_or_are_dropped():
    text = "One. Two sentences here."
    html = str(highlight(text, [ev("e1", 50, 60, "Two sentences here."), ev("e2", -3, 2, "nowhere")]))
    assert "<mark class='ev' data-events='e1'>Two sentences here.</mark>" in html and "e2" not in html
