"""Direct quotations: which tokens of a sentence stand inside quotation marks.

A third-person pronoun inside a speaker's own words ("they should ask us", "he has agreed") names someone
the speaker talks about, never the speaker, who says "I" or "we" of himself. Straight quotes are told
apart by their spacing: an opening mark follows a space (or starts the sentence), a closing mark follows
a word or punctuation with no space. A sentence whose first mark closes began inside a quotation that
an earlier sentence opened.
"""
from __future__ import annotations

from realpolitik import wordsets

_words = wordsets.reader("realpolitik.coding", "quotes")

OPENING = ("\u201c", "\u2018")
CLOSING = ("\u201d", "\u2019")
THIRD_PERSON = _words("THIRD_PERSON")
QUOTE_VERBS = _words("QUOTE_VERBS")


def _opens(tok, first) -> bool | None:
    """True for an opening quotation mark, False for a closing one, None for any other token."""
    if tok.text in OPENING:
        return True
    if tok.text in CLOSING:
        return False
    if tok.text != '"':
        return None
    if tok.i == first:
        return True
    return bool(tok.doc[tok.i - 1].whitespace_)


def quoted(tok) -> bool:
    """Whether a token stands inside quotation marks of its own sentence (or of a quotation running on
    from an earlier one: the sentence's first mark closes)."""
    sent = tok.sent
    marks = [(t.i, o) for t in sent if (o := _opens(t, sent.start)) is not None]
    inside = bool(marks) and marks[0][1] is False
    for i, o in marks:
        if i >= tok.i:
            break
        inside = o
    return inside


def quoted_third_person(tok) -> bool:
    """A third-person pronoun inside a quotation ("they should ask us"): someone other than the speaker."""
    return tok.lower_ in THIRD_PERSON and quoted(tok)


def speaker(tok) -> bool:
    """Whether a token, outside any quotation, is in the subject of a verb that introduces one in its
    sentence ("Prime Minister X said: \"...\""): a quotation's speaker, whom its "he" is not."""
    if quoted(tok) or not any(_opens(t, tok.sent.start) is not None for t in tok.sent):
        return False
    while tok.dep_ in ("compound", "flat", "appos", "conj", "amod", "poss") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in QUOTE_VERBS


def quoted_speaker(pron, mention) -> bool:
    """Whether a mention is the speaker of a quotation a third-person pronoun stands in: "X said: \"...\"
    \"He has agreed ...\"" (he is someone X talks about, not X)."""
    if not quoted_third_person(pron):
        return False
    span = pron.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and speaker(span.root)
