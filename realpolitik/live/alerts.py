"""Alert rules over newly stored events, and the sinks they are written to.

Rules (a JSON list, or {"rules": [...]}, each with "rule" and optional parameters):

- `new_channel` {"source"?, "target"?}: a support channel (arms_transfer, cyber_assistance, ...)
  is asserted or reported for a dyad (3-letter codes, directed) for the first time: no event of
  another article in the store has that dyad and channel.
- `conflict_spike` {"country"?, "weeks": 8, "k": 2.0, "min_count": 3}: the number of distinct
  material-conflict events (clusters, so fifty reports of one strike count once) involving a
  country, as source or target, in the ISO week of a new event exceeds mean + k * sd of the
  previous `weeks` weeks (population sd, empty weeks counted as 0) and is at least `min_count`.
  Two standard deviations is the usual outlier bound; eight weeks is two months of baseline,
  recent enough to follow a changing conflict; min_count 3 keeps one or two events in a quiet
  country from counting as a surge. The rule stays silent until the store holds events from
  before the baseline window (no baseline, no spike).

Each alert has a key (rule + dyad + channel, or rule + country + week) and is sent once: keys
sent are stored in `alerts_sent`, so a restarted watch does not repeat them.
Sinks, registered in `realpolitik.registry.alert_sinks`: `console`, `jsonl` (append to a file),
`webhook` (POST the alert as JSON to a URL the operator chose, local ones included).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import statistics
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from realpolitik.errors import RealpolitikError
from realpolitik.options import Options
from realpolitik.registry import alert_sinks
from realpolitik.store.base import now, to_date

log = logging.getLogger(__name__)

AFFIRMING = ("asserted", "reported")


class AlertRuleError(RealpolitikError, ValueError):
    """A rules file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class NewChannelRule:
    """A support channel appears for a dyad for the first time."""

    source: str | None = None
    target: str | None = None
    rule: str = "new_channel"


@dataclass(frozen=True)
class ConflictSpikeRule:
    """Material conflict involving a country rises beyond its weekly baseline."""

    country: str | None = None
    weeks: int = 8
    k: float = 2.0
    min_count: int = 3
    rule: str = "conflict_spike"


RULES = {"new_channel": NewChannelRule, "conflict_spike": ConflictSpikeRule}


@dataclass(frozen=True)
class Alert:
    """One alert: which rule, its dedup key, a readable message and the figures behind it."""

    rule: str
    key: str
    message: str
    data: dict[str, Any] = field(default_factory=dict)
    at: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The alert as a JSON-ready dict."""
        return asdict(self)


def load_rules(path: str | Path) -> list[Any]:
    """Rules from a JSON file (see the module doc)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AlertRuleError(f"{path}: cannot read alert rules: {exc}") from exc
    return parse_rules(raw, str(path))


def parse_rules(raw: Any, where: str = "rules") -> list[Any]:
    """Rule objects from parsed JSON."""
    if isinstance(raw, dict):
        raw = raw.get("rules")
    if not isinstance(raw, list):
        raise AlertRuleError(f"{where}: expected a list of rules or {{\"rules\": [...]}}")
    out = []
    for i, r in enumerate(raw):
        if not isinstance(r, dict) or r.get("rule") not in RULES:
            raise AlertRuleError(f"{where}[{i}]: each rule needs \"rule\": one of {', '.join(RULES)}")
        cls = RULES[r["rule"]]
        try:
            out.append(cls(**{k: v for k, v in r.items()}))
        except TypeError as exc:
            raise AlertRuleError(f"{where}[{i}]: {exc}") from exc
    return out


def _in(n: int) -> str:
    return ", ".join("?" * n)


def evaluate(store, rules: Iterable[Any], article_ids: list[str]) -> list[Alert]:
    """The alerts the events of the given (new) articles raise."""
    if not article_ids:
        return []
    events = store._fetch(
        "SELECT e.id, e.source, e.target, e.channel, e.quad, e.type, e.factuality, e.date, e.cluster_id, "
        "e.evidence_text, a.published FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE e.article_id IN ({_in(len(article_ids))})", article_ids)
    alerts: list[Alert] = []
    for rule in rules:
        if isinstance(rule, NewChannelRule):
            alerts += _new_channels(store, rule, events, article_ids)
        elif isinstance(rule, ConflictSpikeRule):
            alerts += _spikes(store, rule, events)
    return alerts


def _new_channels(store, rule: NewChannelRule, events: list[dict[str, Any]], new_ids: list[str]) -> list[Alert]:
    out, done = [], set()
    for e in events:
        s3, t3 = (e["source"] or "")[:3], (e["target"] or "")[:3]
        if not (e["channel"] and s3 and t3 and e["factuality"] in AFFIRMING):
            continue
        if (rule.source and s3 != rule.source[:3].upper()) or (rule.target and t3 != rule.target[:3].upper()):
            continue
        key = f"new_channel:{s3}:{t3}:{e['channel']}"
        if key in done:
            continue
        done.add(key)
        earlier = store._fetch(
            "SELECT COUNT(*) AS n FROM events WHERE SUBSTR(source, 1, 3) = ? AND SUBSTR(target, 1, 3) = ? "
            f"AND channel = ? AND article_id NOT IN ({_in(len(new_ids))})", (s3, t3, e["channel"], *new_ids))[0]["n"]
        if earlier:
            continue
        out.append(Alert("new_channel", key, f"new support channel {e['channel']} for {s3}->{t3}: {e['evidence_text']}",
                         {"source": s3, "target": t3, "channel": e["channel"], "event_id": e["id"],
                          "cluster_id": e["cluster_id"], "date": str(e["date"] or e["published"] or "")},
                         now().isoformat(timespec="seconds")))
    return out


def _week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def weekly_conflict_counts(store, country: str, start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """Distinct material-conflict events (clusters) involving `country`, per ISO week in [start, end)."""
    rows = store._fetch(
        "SELECT e.date, e.cluster_id, e.id FROM events e WHERE e.quad = 'material_conflict' "
        "AND (SUBSTR(e.source, 1, 3) = ? OR SUBSTR(e.target, 1, 3) = ?) AND e.date >= ? AND e.date < ? "
        "AND e.factuality IN ('asserted', 'reported')", (country, country, start, end))
    seen: dict[dt.date, set[str]] = {}
    for r in rows:
        seen.setdefault(_week_start(to_date(r["date"])), set()).add(r["cluster_id"] or r["id"])
    return {w: len(v) for w, v in seen.items()}


def _spikes(store, rule: ConflictSpikeRule, events: list[dict[str, Any]]) -> list[Alert]:
    pairs = set()
    for e in events:
        d = to_date(e["date"])
        if e["quad"] != "material_conflict" or d is None or e["factuality"] not in AFFIRMING:
            continue
        for c in {(e["source"] or "")[:3], (e["target"] or "")[:3]} - {""}:
            if not rule.country or c == rule.country[:3].upper():
                pairs.add((c, _week_start(d)))
    out = []
    history = store._fetch("SELECT MIN(date) AS d FROM events WHERE date IS NOT NULL")[0]["d"] if pairs else None
    for country, week in sorted(pairs):
        base_start = week - dt.timedelta(weeks=rule.weeks)
        if history is None or to_date(history) > base_start:
            continue  # no baseline yet
        counts = weekly_conflict_counts(store, country, base_start, week + dt.timedelta(weeks=1))
        base = [counts.get(base_start + dt.timedelta(weeks=i), 0) for i in range(rule.weeks)]
        mean, sd = statistics.fmean(base), statistics.pstdev(base)
        n, limit = counts.get(week, 0), mean + rule.k * sd
        if n < rule.min_count or n <= limit:
            continue
        key = f"conflict_spike:{country}:{week.isoformat()}"
        out.append(Alert("conflict_spike", key,
                         f"material conflict involving {country} in the week of {week}: {n} events, "
                         f"above its {rule.weeks}-week baseline {mean:.1f} + {rule.k:g} x {sd:.1f} = {limit:.1f}",
                         {"country": country, "week": week.isoformat(), "count": n, "mean": round(mean, 3),
                          "sd": round(sd, 3), "threshold": round(limit, 3), "baseline": base},
                         now().isoformat(timespec="seconds")))
    return out


def dispatch(store, alerts: Iterable[Alert], sinks: Iterable[Callable[[dict[str, Any]], None]]) -> int:
    """Send each alert not sent before to every sink and remember it; returns how many were sent."""
    sinks = list(sinks)
    sent = 0
    for a in alerts:
        if store._fetch("SELECT 1 AS x FROM alerts_sent WHERE key = ?", (a.key,)):
            continue
        ok = False
        for sink in sinks:
            try:
                sink(a.as_dict())
                ok = True
            except Exception as exc:  # one broken sink must not stop the others or the watch
                log.error("alert sink failed for %s: %s", a.key, exc)
        if ok or not sinks:
            with store.transaction():
                store._execute("INSERT INTO alerts_sent VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                               (a.key, a.rule, a.message, json.dumps(a.data, default=str), now()))
            sent += 1
    return sent


@alert_sinks.register("console")
def console_sink(stream=None) -> Callable[[dict[str, Any]], None]:
    """Print each alert as one line (the sink's output itself, so a print, not a log record)."""
    def send(alert: dict[str, Any]) -> None:
        print(f"ALERT [{alert['rule']}] {alert['message']}", file=stream or sys.stdout, flush=True)
    return send


@alert_sinks.register("jsonl")
def jsonl_sink(path: str | Path) -> Callable[[dict[str, Any]], None]:
    """Append each alert as a JSON line to `path`."""
    def send(alert: dict[str, Any]) -> None:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(alert, ensure_ascii=False, default=str) + "\n")
    return send


@alert_sinks.register("webhook")
def webhook_sink(url: str, options: Options | None = None) -> Callable[[dict[str, Any]], None]:
    """POST each alert as JSON to `url`: timeouts and no redirects; the operator chose it, so local is allowed."""
    from realpolitik.ingest.web import fetch

    opts = (options or Options()).with_(allow_private=True)

    def send(alert: dict[str, Any]) -> None:
        fetch(url, opts, method="POST", json_body=alert, accept=())
    return send


def make_sinks(out: str | None = None, webhook: str | None = None, console: bool = True,
               options: Options | None = None) -> list[Callable[[dict[str, Any]], None]]:
    """The sinks a watch writes to: the console, and a JSONL file and/or a webhook when given."""
    sinks = [alert_sinks.get("console")()] if console else []
    if out:
        sinks.append(alert_sinks.get("jsonl")(out))
    if webhook:
        sinks.append(alert_sinks.get("webhook")(webhook, options))
    return sinks
