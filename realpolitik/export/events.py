"""Writing events out: a terminal table, JSONL, CSV and Parquet (more formats register as exporters)."""
from __future__ import annotations

import contextlib
import csv
import json
import logging
import sys
from dataclasses import replace
from typing import Any, Iterator, TextIO

from realpolitik.registry import exporters
from realpolitik.store.base import EventFilter

log = logging.getLogger(__name__)

TABLE_COLUMNS = ("date", "source", "target", "type", "mode", "factuality", "confidence", "channel", "evidence")
TABLE_COLUMNS_SHOWN = ("date", "source", "target", "type", "factuality", "confidence", "channel", "evidence")
CSV_COLUMNS = ("id", "date", "source", "target", "type", "mode", "contexts", "cameo", "quad", "intensity",
               "goldstein", "factuality", "confidence", "channel", "fronts", "attributed_to", "evidence",
               "cluster_status", "cluster_sources", "article_id", "sentence_index", "coder",
               "location_name", "location_country", "location_admin1", "location_lat", "location_lon",
               "location_precision")
# Events are read in pages so an export of millions of rows keeps memory flat.
PAGE = 5000


def _flat(e: dict[str, Any]) -> dict[str, Any]:
    row = dict(e)
    row["contexts"] = ";".join(e.get("contexts") or [])
    row["fronts"] = ";".join(e.get("fronts") or [])
    row["evidence"] = (e.get("evidence") or {}).get("text", "")
    loc = e.get("location") or {}
    for k in ("name", "country", "admin1", "lat", "lon", "precision"):
        row[f"location_{k}"] = loc.get(k)
    return row


def one_line(v: Any) -> Any:
    """A text value with its line breaks folded to spaces, so one record is one line of CSV or a table."""
    return " ".join(v.split()) if isinstance(v, str) and ("\n" in v or "\r" in v) else v


@contextlib.contextmanager
def output(outfile: str | None) -> Iterator[TextIO]:
    """Standard output for None or '-', else the file opened for writing and closed afterwards."""
    if outfile in (None, "-"):
        yield sys.stdout
        return
    with open(outfile, "w", encoding="utf-8", newline="") as f:
        yield f


def iter_events(store, flt: EventFilter, page: int = PAGE) -> Iterator[list[dict[str, Any]]]:
    """The events matching `flt` in pages (lists), honouring its limit and offset."""
    remaining = flt.limit
    offset = flt.offset
    while remaining is None or remaining > 0:
        size = page if remaining is None else min(page, remaining)
        rows = store.events(replace(flt, limit=size, offset=offset))
        if not rows:
            return
        yield rows
        offset += len(rows)
        if remaining is not None:
            remaining -= len(rows)
        if len(rows) < size:
            return


@exporters.register("jsonl")
def write_jsonl(store, flt: EventFilter, outfile: str | None) -> int:
    """Events as JSON Lines, the same objects `realpolitik code` writes."""
    n = 0
    with output(outfile) as out:
        for page in iter_events(store, flt):
            for e in page:
                out.write(json.dumps(e, ensure_ascii=False, default=str) + "\n")
            n += len(page)
    return n


@exporters.register("csv")
def write_csv(store, flt: EventFilter, outfile: str | None) -> int:
    """Events as CSV, lists joined with ';'."""
    n = 0
    with output(outfile) as out:
        w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for page in iter_events(store, flt):
            # Line breaks folded (exact text and offsets are in the JSONL), so rows = records = lines.
            w.writerows({k: one_line(v) for k, v in _flat(e).items()} for e in page)
            n += len(page)
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
    """Events as a readable table: actor names beside codes, 'undated' for an event without a date."""
    from realpolitik.analytics.frame import COUNT_DEFINITION
    from realpolitik.display import actor_label, print_table

    rows = [_flat(e) for e in store.events(flt)]
    cells = [[r.get("date") or "undated", actor_label(r.get("source")), actor_label(r.get("target")), r.get("type"),
              r.get("factuality"), r.get("confidence"), r.get("channel"),
              " ".join(str(r.get("evidence") or "").split())]
             for r in rows]
    undated = sum(1 for r in rows if not r.get("date"))
    notes = [f"{len(rows)} events" + (f", {undated} of them undated (no date in the article's metadata or "
                                      "dateline, nor in the sentence)" if undated else "") + ".",
             f"Counted: {COUNT_DEFINITION}."]
    with output(outfile) as out:
        print_table(lambda line: out.write(line + "\n"), "Events", TABLE_COLUMNS_SHOWN, cells, notes,
                    max_rows=len(cells))
    return len(rows)


def _cell(r: dict[str, Any], c: str) -> str:
    v = r.get(c)
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)
