"""The coding limits: an article longer than the coder may parse is coded on its first sentences only.

Ingest refuses files over `max_file_bytes` and texts over `max_text_chars` (see files.py). What
remains can still be too long to parse: spaCy refuses texts over 1,000,000 characters and needs
about 3 MB of memory per 1,000 characters parsed (measured on en_core_web_sm: 200,000 characters
took 21 s and 580 MB above the loaded model). So the coder sees a prefix of at most
`max_sentences` sentences and MAX_CODED_CHARS characters. The prefix keeps the article's id and
its offsets, so every event span still points into the stored (whole) text; a warning names it.
"""
from __future__ import annotations

import dataclasses
import logging
import re

from realpolitik.model import Article
from realpolitik.options import Options

log = logging.getLogger(__name__)

# Half of spaCy's default max_length (1,000,000): about 1.5 GB of parse memory at the rate measured above.
MAX_CODED_CHARS = 500_000

# A cheap sentence end: terminal punctuation (and closing quotes/brackets) before whitespace, or a
# blank line. It over-counts a little (abbreviations) compared with the parser, which only makes
# the cut earlier, never later.
_END_RE = re.compile(r"[.!?\u2026\u3002]+[\"'\u2019\u201d)\]]*\s+|\n\s*\n")


def count_sentences(text: str, stop_after: int | None = None) -> tuple[int, int]:
    """(sentences counted, end offset of the last counted one), stopping after `stop_after` of them."""
    n, end = 0, 0
    for m in _END_RE.finditer(text):
        n += 1
        end = m.start() + len(m.group(0).rstrip())
        if stop_after is not None and n >= stop_after:
            return n, end
    if text[end:].strip():
        n, end = n + 1, len(text.rstrip())
    return n, end


def for_coding(article: Article, options: Options) -> tuple[Article, int]:
    """The article the coder should see (itself, or a prefix with the same id) and its sentence count."""
    text = article.text
    limit = max(1, options.max_sentences)
    n, cut = count_sentences(text, stop_after=limit + 1)
    if n <= limit and len(text) <= MAX_CODED_CHARS:
        return article, n
    if n > limit:
        n_all = count_sentences(text)[0]
        cut = count_sentences(text, stop_after=limit)[1]
    else:
        n_all, cut = n, len(text)
    if cut > MAX_CODED_CHARS:
        # Cut at the last whitespace before the character limit, so no word is split.
        ws = text.rfind(" ", 0, MAX_CODED_CHARS)
        cut = ws if ws > MAX_CODED_CHARS // 2 else MAX_CODED_CHARS
    return dataclasses.replace(article, text=text[:cut]), n_all


def limit_for_coding(article: Article, options: Options) -> Article:
    """`for_coding`, with one warning line when the article is cut."""
    cut, n = for_coding(article, options)
    if cut is not article:
        log.warning("warning: %s: %s sentences, %s characters: coded only the first %s characters "
                    "(limits: --max-sentences %s, %s characters)", article.source or article.id, f"{n:,}",
                    f"{len(article.text):,}", f"{len(cut.text):,}", options.max_sentences, f"{MAX_CODED_CHARS:,}")
    return cut
