"""One options object for the whole pipeline, instead of keyword arguments everywhere."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from realpolitik.settings import GROUPS, ClusterSettings, CoderSettings, FetchSettings, WebSettings, parse

log = logging.getLogger(__name__)


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
    # Typed settings groups (realpolitik/settings.py, docs/settings.md): frozen and hashable.
    coding: CoderSettings = field(default_factory=CoderSettings)
    clustering: ClusterSettings = field(default_factory=ClusterSettings)
    fetching: FetchSettings = field(default_factory=FetchSettings)
    web: WebSettings = field(default_factory=WebSettings)

    def __post_init__(self) -> None:
        for name, cls in GROUPS.items():
            if not isinstance(getattr(self, name), cls):
                raise TypeError(f"Options.{name} must be a {cls.__name__}, not {type(getattr(self, name)).__name__} "
                                f"(build settings from a dict with Options().with_settings(...))")

    def with_(self, **changes: Any) -> "Options":
        """A copy with the given fields changed."""
        return replace(self, **changes)

    def with_settings(self, values: Mapping[str, Any], from_text: bool = False) -> "Options":
        """A copy with settings changed by name (`{"coding.fastpath": False}`); unknown names raise SettingsError."""
        return replace(self, **parse(values, base={g: getattr(self, g) for g in GROUPS}, from_text=from_text))
