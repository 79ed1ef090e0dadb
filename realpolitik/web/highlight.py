"""An article's text as HTML with its events' evidence and triggers marked in place.

The text is cut at every span boundary and each piece is escaped on its own, then wrapped in
markup we write; so nothing in the article can ever become a tag, however it is split.
"""
from __future__ import annotations

import logging
from typing import Any, Sequence

from markupsafe import Markup, escape

log = logging.getLogger(__name__)


def _span(text: str, span: dict[str, Any] | None) -> tuple[int, int] | None:
    """A valid (start, end) inside the text; a span whose text does not sit there is looked up by its text."""
    if not span:
        return None
    try:
        start, end = int(span["start"]), int(span["end"])
    except (KeyError, TypeError, ValueError):
        return None
    want = span.get("text") or ""
    if 0 <= start < end <= len(text) and (not want or text[start:end] == want):
        return start, end
    if want:  # offsets into another version of the text (e.g. before normalisation): find it instead
        i = text.find(want)
        if i >= 0:
            return i, i + len(want)
    return None


def highlight(text: str, events: Sequence[dict[str, Any]]) -> Markup:
    """The text with `<mark>` around each event's evidence and `<b class=trigger>` around its trigger."""
    cover: list[tuple[int, int, str]] = []
    triggers: list[tuple[int, int]] = []
    for ev in events:
        evidence = ev.get("evidence") or {}
        s = _span(text, evidence)
        if s:
            cover.append((s[0], s[1], str(ev.get("id", ""))))
        t = _span(text, evidence.get("trigger"))
        if t:
            triggers.append(t)
    cuts = sorted({0, len(text), *(c for a, b, _ in cover for c in (a, b)), *(c for a, b in triggers for c in (a, b))})
    first_piece: set[str] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        ids = [eid for s, e, eid in cover if s <= a and b <= e]
        if any(s <= a and b <= e for s, e in triggers):
            piece = Markup(f"<b class='trigger'>{piece}</b>")
        if ids:
            anchors = "".join(f"<span id='txt-{escape(i)}' class='anchor'></span>" for i in ids if i not in first_piece)
            first_piece.update(ids)
            piece = Markup(f"{anchors}<mark class='ev' data-events='{escape(' '.join(ids))}'>{piece}</mark>")
        out.append(str(piece))
    return Markup("".join(out))
