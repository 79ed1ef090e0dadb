"""Bytes to text: BOMs, UTF-16 without a BOM, UTF-8 line by line with a Windows-1252 fallback, binary refused.

A file is decoded line by line when it is not valid UTF-8 as a whole: one stray byte in a JSONL
dump then costs only its own line a Windows-1252 reading (named in one warning), instead of every
record of the file being read as Latin-1 ("Zürich" turning into "ZÃ¼rich").
"""
from __future__ import annotations

import codecs
import logging

from realpolitik.errors import RealpolitikError
from realpolitik.ingest.base import printable

log = logging.getLogger(__name__)

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# How much of the start of a file is sampled to tell text from binary.
SAMPLE = 8192
# Binary when over 1% of the sample is NUL or over 5% is other control characters (and more than
# STRAY of them, so a short file is not judged by a stray byte or two): text files (JSONL, CSV, news text)
# have none or a stray one, while executables, images and archives have them by the hundred in
# their first 8 KB. A stray NUL in text is dropped wherever it is.
MAX_NUL_SHARE = 0.01
MAX_CONTROL_SHARE = 0.05
STRAY = 2
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


class DecodeError(RealpolitikError, ValueError):
    """Bytes that are not text."""


def _utf16_without_bom(sample: bytes) -> str | None:
    # ASCII-range text in UTF-16 has a NUL in every other byte: the high byte of each code unit.
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.6 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.6 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, where: str = "") -> str:
    """Decode bytes as text (see the module doc); DecodeError for binary or broken encodings."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} text at byte {exc.start}") from exc
    sample = data[:SAMPLE]
    enc16 = _utf16_without_bom(sample)
    if enc16:
        try:
            return data.decode(enc16)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"looks like {enc16.upper()} text without a byte-order mark, but is not valid "
                              f"{enc16.upper()} at byte {exc.start}") from exc
    if sample.count(0) > max(STRAY, MAX_NUL_SHARE * len(sample)):
        raise DecodeError("binary file (contains NUL bytes), not text")
    if sum(sample.count(b) for b in _CONTROL_BYTES) > max(STRAY, MAX_CONTROL_SHARE * len(sample)):
        raise DecodeError("binary file (control characters), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_lines(data, where)
    return text.replace("\x00", "")


def _decode_lines(data: bytes, where: str) -> str:
    # b"\n" is a line end in UTF-8 and in Windows-1252 alike, so lines can be decoded one by one.
    out, legacy = [], []
    for n, raw in enumerate(data.split(b"\n"), 1):
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("cp1252", errors="strict") if _cp1252_ok(raw) else raw.decode("latin-1"))
            legacy.append(n)
    if legacy:
        log.warning("warning: %s: %s not UTF-8 (first: line %d); read as Windows-1252",
                    printable(where or "input"), "1 line is" if len(legacy) == 1 else f"{len(legacy):,} lines are",
                    legacy[0])
    return "\n".join(out)


def _cp1252_ok(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False
