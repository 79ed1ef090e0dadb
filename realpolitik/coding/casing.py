"""All-caps lines ("RUSSIA ATTACKS UKRAINE GRID") re-cased before coding, offsets kept.

The tagger reads an all-caps line as a row of proper nouns, so its verbs are no verbs and its roles are lost.
Such a line is coded in sentence case, the names the actor tables know written as the tables write them
("Russia attacks Ukraine grid", "NATO condemns Russian strike on Kyiv"). Every character keeps its offset,
so the events' spans are the original text's: their texts are read back from it (`restore`).
"""
from __future__ import annotations

import re
from dataclasses import replace

from realpolitik.model import Event, Span

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 3  # a line of fewer words is a name or a label, not a headline
MAX_LOWER = 0.05  # the share of lowercase letters an all-caps line may hold ("US, JAPAN HOLD DRILLS in ...")
_ASCII_LOWER = re.compile(r"[a-z]+")


def all_caps(line: str) -> bool:
    """Whether a line is written in capitals (three words or more, next to no lowercase letter)."""
    if len(line) - len(_ASCII_LOWER.sub("", line)) > MAX_LOWER * len(line):
        return False  # more lowercase letters than the share allows, counted in C: nearly every line of prose
    words = _WORD.findall(line)
    if len(words) < MIN_WORDS:
        return False
    letters = [c for c in line if c.isalpha()]
    lower = sum(1 for c in letters if c.islower())
    return lower <= MAX_LOWER * len(letters) and sum(1 for w in words if w.isupper()) >= MIN_WORDS


def _sentence_case(line: str) -> str:
    """A line in lower case with its first letter and the names the actor tables know capitalised as there."""
    from realpolitik.actors.tables import candidates, tables

    low = line.lower()
    if len(low) != len(line):  # a character that lowers to several: leave the line as it is
        return line
    chars = list(low)
    for i, c in enumerate(chars):
        if c.isalpha():
            chars[i] = line[i]
            break
    aliases = tables().aliases
    for start, end, key in sorted(candidates(low), key=lambda h: (h[0], -(h[1] - h[0]))):
        forms = [a.text for a in aliases.get(key, ()) if len(a.text) == end - start]
        if not forms:
            continue
        # a name written with capitals in the tables ("Russia", "NATO"), the first such form
        form = next((f for f in forms if f != f.lower()), None)
        if form is None:
            continue
        for k, ch in enumerate(form):
            if ch.lower() == chars[start + k].lower():
                chars[start + k] = ch
    return "".join(chars)


def recased(text: str) -> str | None:
    """The text with every all-caps line in sentence case (same length, same offsets), or None if it has none."""
    out = None
    for m in _LINE.finditer(text):
        line = m.group(0)
        if not all_caps(line):
            continue
        fixed = _sentence_case(line)
        if fixed != line:
            out = (out if out is not None else text)
            out = out[:m.start()] + fixed + out[m.end():]
    return out


def _span(s: Span | None, text: str) -> Span | None:
    return None if s is None else Span(s.start, s.end, text[s.start:s.end])


def restore(events: list[Event], text: str) -> list[Event]:
    """Events coded on a re-cased text with their spans' texts read from the original `text`."""
    out = []
    for e in events:
        src, tgt = _span(e.source_span, text), _span(e.target_span, text)
        out.append(replace(
            e, evidence=_span(e.evidence, text), trigger=_span(e.trigger, text), source_span=src, target_span=tgt,
            source_text=src.text if src is not None and e.source_text else e.source_text,
            target_text=tgt.text if tgt is not None and e.target_text else e.target_text,
            cues=tuple(_span(c, text) for c in e.cues)))
    return out
