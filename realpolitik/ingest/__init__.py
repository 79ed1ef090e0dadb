"""Ingest: files, directories, stdin and URLs into Articles, with one clear error per bad item."""
from __future__ import annotations

from realpolitik.ingest.base import IngestError, RawItem
from realpolitik.ingest.inputs import read_inputs

__all__ = ["IngestError", "RawItem", "read_inputs"]
