"""One options object for the whole pipeline, instead of keyword arguments everywhere."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Options:
    """Settings for ingest, coding and storage; `with_(**changes)` returns a modified copy."""

    coder: str = "rules.v1"
    batch_size: int = 32
    n_process: int = 1
    # Limits against hostile or broken input (documented in SECURITY.md and README).
    # A file is read whole into memory: 32 MiB holds some 10,000 news articles as JSONL; split or raise for more.
    max_file_bytes: int = 32 * 1024 * 1024
    # One article: 2,000,000 characters is some 300,000 words, far beyond any news text; it bounds memory per record.
    max_text_chars: int = 2_000_000
    # Sentences the coder parses per article (the rest is stored, not coded): ~10x a long news feature,
    # and about 500 MB of parse memory at typical sentence lengths (see realpolitik/ingest/limits.py).
    max_sentences: int = 2_000
    # JSONL/CSV field names: the logical field -> the name used in the input.
    fields: dict[str, str] = field(default_factory=lambda: {
        "id": "id", "title": "title", "text": "text", "date": "date", "url": "url", "publisher": "publisher"})
    code: bool = True
    progress: bool = True
    allow_private: bool = False
    # Publication date (YYYY-MM-DD) for articles whose input gives none (`ingest --date`); it comes
    # before a date read from the body's dateline.
    date: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> "Options":
        """A copy with the given fields changed."""
        return replace(self, **changes)
