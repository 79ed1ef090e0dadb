"""Human-readable terminal output: actor names beside codes, values without Python's None, rich tables."""
from __future__ import annotations

import logging
import math
import shutil
from functools import lru_cache
from typing import Any, Iterable, Sequence

log = logging.getLogger(__name__)

# Rows a terminal table shows before pointing to --json: a screenful an analyst can read.
MAX_ROWS = 40


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    from realpolitik.actors.tables import read_table

    states = {r["iso3"]: r["name"] for r in read_table("countries.tsv") if r.get("iso3")}
    orgs = {r["code"]: r["name"] for r in read_table("organisations.tsv") if r.get("code")}
    sectors = {r["code"]: r["description"].split(":")[0] for r in read_table("sectors.tsv") if r.get("code")}
    return states, orgs, sectors


def actor_name(code: str | None) -> str | None:
    """The human name of an actor code: 'China', 'China (military)', 'United Nations'; None when unknown."""
    if not isinstance(code, str) or not code:
        return None
    states, orgs, sectors = _names()
    code = code.upper()
    rest = code[3:]
    parts = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    # A state with sectors names the sectors, not one organisation coded so: several
    # organisations share CHNGOV (the central bank among them) and RUSGOV is the whole government.
    if code[:3] in states and all(p in sectors for p in parts):
        return states[code[:3]] + (f" ({', '.join(sectors[p] for p in parts)})" if parts else "")
    if code in orgs:
        return orgs[code]
    if code[:3] in states:
        return states[code[:3]] + f" ({rest.lower()})"
    if code in sectors:
        return sectors[code]
    return None


def actor_label(code: str | None) -> str:
    """'CHN China', 'CHNMIL China (military)', a bare unknown code as itself, no actor as '-'."""
    if not isinstance(code, str) or not code:
        return "-"
    name = actor_name(code)
    return f"{code} {name}" if name else code


def text(v: Any, digits: int = 2) -> str:
    """A cell value as text: '' for None/NaN, numbers without needless decimals, lists joined."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        v = v.item()
    if hasattr(v, "date") and callable(v.date) and not isinstance(v, str):
        try:
            return v.date().isoformat()
        except (ValueError, AttributeError):
            return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.0f}" if v == int(v) else f"{v:.{digits}f}".rstrip("0")
    if isinstance(v, (list, tuple)):
        return ", ".join(text(x) for x in v)
    if isinstance(v, dict):
        return ", ".join(f"{k} {text(x)}" for k, x in v.items())
    return "\n".join(" ".join(line.split()) for line in str(v).strip().split("\n"))  # a cell keeps its line breaks


def print_table(echo, title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                notes: Iterable[str | None] = (), max_rows: int = MAX_ROWS) -> None:
    """Print a rich table (plain box characters when piped) with notes below it; long tables are cut with a note."""
    from rich.console import Console
    from rich.table import Table

    rows = list(rows)
    t = Table(title=title, show_lines=False, title_justify="left", expand=False)
    for c in columns:
        numeric = c in ("events", "distinct", "intensity", "claims", "denied", "sources", "periods")
        wide = "evidence" in c or "shift" in c or c == "actors"  # the sentence is what a reader came for
        t.add_column(c, justify="right" if numeric else "left", overflow="fold", min_width=50 if wide else None)
    for r in rows[:max_rows]:
        t.add_row(*[text(v) for v in r])
    width = max(100, shutil.get_terminal_size((140, 24)).columns)
    console = Console(width=width, highlight=False, soft_wrap=False)
    with console.capture() as cap:
        console.print(t)
    echo(cap.get().rstrip("\n"))
    if len(rows) > max_rows:
        echo(f"({len(rows) - max_rows} more rows not shown; --json gives all)")
    for n in notes:
        if n:
            echo(n)
