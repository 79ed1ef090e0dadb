"""Writing events out: a terminal table, JSONL, CSV and Parquet (more formats register as exporters)."""
from __future__ import annotations

import csv
import json
import sys
from typing import Any, TextIO

from realpolitik.registry import exporters
from realpolitik.store.base import EventFilter

TABLE_COLUMNS = ("date", "source", "target", "type", "mode", "factuality", "confidence", "channel", "evidence")
CSV_COLUMNS = ("id", "date", "source", "target", "type", "mode", "contexts", "cameo", "quad", "intensity",
               "goldstein", "factuality", "confidence", "channel", "fronts", "attributed_to", "evidence",
               "article_id", "sentence_index", "coder")


def _flat(e: dict[str, Any]) -> dict[str, Any]:
    row = dict(e)
    row["contexts"] = ";".join(e.get("contexts") or [])
    row["fronts"] = ";".join(e.get("fronts") or [])
    row["evidence"] = (e.get("evidence") or {}).get("text", "")
    return row


def _open(outfile: str | None) -> TextIO:
    return sys.stdout if outfile in (None, "-") else open(outfile, "w", encoding="utf-8", newline="")


@exporters.register("jsonl")
def write_jsonl(store, flt: EventFilter, outfile: str | None) -> int:
    """Events as JSON Lines, the same objects `realpolitik code` writes."""
    out, n = _open(outfile), 0
    try:
        for e in store.events(flt):
            out.write(json.dumps(e, ensure_ascii=False, default=str) + "\n")
            n += 1
    finally:
        if out is not sys.stdout:
            out.close()
    return n


@exporters.register("csv")
def write_csv(store, flt: EventFilter, outfile: str | None) -> int:
    """Events as CSV, lists joined with ';'."""
    out, n = _open(outfile), 0
    try:
        w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for e in store.events(flt):
            w.writerow(_flat(e))
            n += 1
    finally:
        if out is not sys.stdout:
            out.close()
    return n


@exporters.register("parquet")
def write_parquet(store, flt: EventFilter, outfile: str | None) -> int:
    """Events as a Parquet file (one column per stored field)."""
    import pyarrow.parquet as pq

    table = store.events_table(flt)
    pq.write_table(table, outfile)
    return table.num_rows


@exporters.register("table")
def write_table(store, flt: EventFilter, outfile: str | None) -> int:
    """Events as a readable table (rich on a terminal, aligned text otherwise)."""
    rows = [_flat(e) for e in store.events(flt)]
    if outfile in (None, "-") and sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        t = Table(*TABLE_COLUMNS, show_lines=False)
        for r in rows:
            t.add_row(*[_cell(r, c) for c in TABLE_COLUMNS])
        Console().print(t)
    else:
        out = _open(outfile)
        try:
            out.write("\t".join(TABLE_COLUMNS) + "\n")
            for r in rows:
                out.write("\t".join(_cell(r, c).replace("\t", " ").replace("\n", " ") for c in TABLE_COLUMNS) + "\n")
        finally:
            if out is not sys.stdout:
                out.close()
    return len(rows)


def _cell(r: dict[str, Any], c: str) -> str:
    v = r.get(c)
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def write_events(store, flt: EventFilter, fmt: str, outfile: str | None = None) -> int:
    """Write the events matching `flt` in format `fmt` (a registered exporter) to a file or stdout."""
    import realpolitik.exporters  # noqa: F401  (registers plover-json, polecat-tsv, gdelt-csv)

    return exporters.get(fmt)(store, flt, outfile)
