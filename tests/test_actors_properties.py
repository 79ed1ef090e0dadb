"""Properties that hold for any text: true offsets, sorted output, no crash on odd input."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.actors import find_actors, find_places
from realpolitik.nlp import get_nlp

WORDS = ["China", "china", "U.S.", "US", "us", "Iranian", "navy", "Turkey", "turkey", "roast", "and", "the",
         "Beijing", "condemned", "Jordan", "Michael", "Georgia", "Atlanta", ",", "-", "İstanbul", "’s", "NATO",
         "rebels", "in", "Chad", "Putin", "Kremlin", "Türkiye", "\n", "Xi", "Jinping", "fine", "police"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=14), st.sampled_from([None, "2019-01-01", "2025-06-01"]))
def test_offsets_are_true_and_sorted(words, date):
    doc = get_nlp()(" ".join(words))
    ms = find_actors(doc, date)
    assert all(doc.text[m.start:m.end] == m.text and m.code for m in ms)
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert all(doc.text[s:e] and loc.name for s, e, loc in find_places(doc))


@pytest.mark.parametrize("text", ["", "   ", "!!!", "\u0130\u0130\u0130 China"])
def test_degenerate_input(text):
    doc = get_nlp()(text)
    assert isinstance(find_actors(doc), list) and isinstance(find_places(doc), list)
