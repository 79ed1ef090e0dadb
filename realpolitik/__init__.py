"""realpolitik: news text to coded, evidence-linked PLOVER event data."""
from __future__ import annotations

__all__ = ["__version__", "code_text", "open_store", "Options"]

from realpolitik.options import Options
from realpolitik.version import __version__


def code_text(text: str, date: str | None = None, options: Options | None = None):
    """The events (list of Event) one text reports."""
    from realpolitik.pipeline import code_text as _code_text

    return _code_text(text, date, options)


def open_store(url: str, read_only: bool = False):
    """Open a store by URL: a DuckDB path, or postgresql://..."""
    from realpolitik.store import open_store as _open

    return _open(url, read_only=read_only)
