"""Read queries the API and the dashboard share, in portable SQL with bound parameters only."""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from realpolitik.store.base import EventFilter, escape_like

log = logging.getLogger(__name__)

COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")
# Actor codes are letters and digits (CHN, CHNGOV, IGOUNO); anything else cannot be one.
ACTOR_CODE = re.compile(r"^[A-Za-z0-9]{2,15}$")


def event_by_id(store, event_id: str) -> dict[str, Any] | None:
    """One event (as the JSON object `realpolitik code` writes) by id."""
    rows = store.events(EventFilter(extra={"event_id": event_id}, limit=1))
    return rows[0] if rows else None


def known_actor(store, code: str) -> bool:
    """Whether a code names an actor: a state of the actor tables, or a prefix of a stored event's actor."""
    from realpolitik.analytics.frame import states

    if code.upper() in states():
        return True
    pattern = escape_like(code.upper()) + "%"
    return bool(store.query("SELECT 1 AS x FROM events WHERE source LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\' "
                            "LIMIT 1", (pattern, pattern)))


def article_total(store, q: str | None = None) -> int:
    """How many articles match the text query (all of them without one)."""
    where, params = "", []
    if q:
        where = " WHERE LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(text) LIKE ? ESCAPE '\\'"
        params = [f"%{escape_like(q.lower())}%"] * 2
    return int(store.query(f"SELECT COUNT(*) AS n FROM articles{where}", params)[0]["n"])


def article_sources(store, article_id: str) -> list[dict[str, Any]]:
    """Every place an article was seen (more than one: exact duplicates)."""
    return store.query("SELECT source, external_id, seen_at FROM article_sources WHERE article_id = ? "
                       "ORDER BY seen_at, source", (article_id,))


def dyads(store, flt: EventFilter, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Directed dyads (first three letters of each actor) with event counts by quad class and dates."""
    where, params = replace(flt, limit=None, offset=0).where()
    cond = "source IS NOT NULL AND target IS NOT NULL AND source <> '' AND target <> ''"
    where = f"{where} AND {cond}" if where else f" WHERE {cond}"
    co = ", ".join(f"'{q}'" for q in COOPERATION)
    cf = ", ".join(f"'{q}'" for q in CONFLICT)
    rows = store.query(
        "SELECT SUBSTR(source, 1, 3) AS source, SUBSTR(target, 1, 3) AS target, COUNT(*) AS events, "
        f"SUM(CASE WHEN quad IN ({co}) THEN 1 ELSE 0 END) AS cooperation, "
        f"SUM(CASE WHEN quad IN ({cf}) THEN 1 ELSE 0 END) AS conflict, "
        "SUM(CASE WHEN factuality = 'asserted' THEN 1 ELSE 0 END) AS asserted, "
        "MIN(date) AS first, MAX(date) AS last "
        f"FROM events{where} GROUP BY SUBSTR(source, 1, 3), SUBSTR(target, 1, 3) "
        f"ORDER BY events DESC, source, target LIMIT {int(limit)} OFFSET {int(offset)}", params)
    return [{**r, "events": int(r["events"]), "cooperation": int(r["cooperation"] or 0),
             "conflict": int(r["conflict"] or 0), "asserted": int(r["asserted"] or 0),
             "first": _iso(r["first"]), "last": _iso(r["last"])} for r in rows]


def volume(store, since: str | None = None, until: str | None = None,
           flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events per month by type and quad class (of the events `flt` selects); an event without a date
    takes its article's."""
    clauses, params = ["COALESCE(e.date, a.published) IS NOT NULL"], []
    inner, inner_params = replace(flt or EventFilter(), limit=None, offset=0).where()
    if since:
        clauses.append("COALESCE(e.date, a.published) >= ?")
        params.append(since)
    if until:
        clauses.append("COALESCE(e.date, a.published) <= ?")
        params.append(until)
    rows = store.query(
        "SELECT CAST(date_trunc('month', COALESCE(e.date, a.published)) AS DATE) AS period, e.type AS type, "
        f"e.quad AS quad, COUNT(*) AS n FROM (SELECT id, article_id, date, type, quad FROM events{inner}) e "
        "LEFT JOIN articles a ON a.id = e.article_id "
        f"WHERE {' AND '.join(clauses)} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", [*inner_params, *params])
    return [{"period": _iso(r["period"])[:7], "type": r["type"], "quad": r["quad"], "events": int(r["n"])}
            for r in rows]


def _iso(v: Any) -> str | None:
    return None if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v))


def titles_of(store, events: list[dict[str, Any]]) -> dict[str, str]:
    """Article id -> title for the events' articles."""
    ids = sorted({e["article_id"] for e in events})
    if not ids:
        return {}
    rows = store.query(f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids)
    return {r["id"]: r["title"] for r in rows if r["title"]}
