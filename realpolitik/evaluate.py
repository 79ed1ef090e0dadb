"""Score coded events against a gold set, exactly by the rules of ../shared/eval/FORMAT.md.

`score(gold, predictions)` is pure: it never runs the coder. `evaluate_file` is the one call
behind `realpolitik eval`: it loads the gold file, codes its texts with the project's coder
(or loads a predictions file) and scores them. Every metric whose denominator is empty is None.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from realpolitik.errors import RealpolitikError
from realpolitik.model import FACTUALITIES, SENTENCE_CLASSES

log = logging.getLogger(__name__)

__all__ = ["EvalError", "EvalReport", "PRF", "Accuracy", "Band", "load_jsonl", "score", "format_report",
           "evaluate_file", "code_gold", "predictions_from_records", "match_events", "split_of", "load_gold_files",
           "select_split", "SPLITS"]

# Confidence bands of the reliability table. The cut points are the ones the brief proposed
# (issue 4): a coarse split that keeps enough predictions per band on a 30-record dev set.
CONFIDENCE_BANDS: tuple[tuple[float, float], ...] = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.0))
# Fields scored on matched pairs (FORMAT.md rule 4); `cameo2` is the CAMEO code's first two digits.
FIELDS = ("type", "mode", "cameo", "cameo2", "quad", "factuality", "contexts")
NONE_LABEL = "none"  # a predicted field that is absent or null, in the confusion matrix


# The frozen 70/30 split of every set the project tunes on: a record's part is fixed by the
# SHA-256 of its id, so it never changes when records are added. "holdout" (30%) records are
# scored but never inspected; "tune" (70%) records may be read and fixed.
SPLITS = ("tune", "holdout")
HOLDOUT_PERCENT = 30


def split_of(record_id: Any) -> str:
    """The frozen part ("tune" or "holdout") a record id belongs to."""
    digest = hashlib.sha256(str(record_id).encode("utf-8")).digest()
    return "holdout" if int.from_bytes(digest[:8], "big") % 100 < HOLDOUT_PERCENT else "tune"


def select_split(records: list[dict[str, Any]], split: str | None) -> list[dict[str, Any]]:
    """The records of one part (None or "all": every record)."""
    if split in (None, "all"):
        return records
    if split not in SPLITS:
        raise EvalError(f"unknown split {split!r}: use tune, holdout or all")
    return [r for r in records if split_of(r.get("id")) == split]


class EvalError(RealpolitikError, ValueError):
    """A gold or predictions file (or record) that cannot be scored; the message names it."""

    exit_code = 2


# --------------------------------------------------------------------------------------- I/O
def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file; blank lines are skipped, bad lines raise EvalError."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise EvalError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read: {exc}") from None
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{n}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise EvalError(f"{path}:{n}: expected a JSON object, got {type(obj).__name__}")
        records.append(obj)
    return records


def load_gold_files(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """The gold records of several files in order, with only the fields FORMAT.md scores."""
    keep = ("id", "text", "date", "events", "sentence_quad")
    return [{k: r[k] for k in keep if k in r} for p in paths for r in load_jsonl(p)]


def check_gold(records: list[dict[str, Any]], name: str = "gold") -> None:
    """Raise EvalError naming the record when gold records break FORMAT.md's shape."""
    seen: set[str] = set()
    for n, rec in enumerate(records, 1):
        rid = rec.get("id")
        where = f"{name}: record {n}" + (f" ({rid})" if rid is not None else "")
        if not isinstance(rid, str) or not rid:
            raise EvalError(f"{where}: missing or non-string 'id'")
        if rid in seen:
            raise EvalError(f"{where}: duplicate id {rid!r}")
        seen.add(rid)
        events = rec.get("events")
        if events is not None and not (isinstance(events, list) and all(isinstance(e, dict) for e in events)):
            raise EvalError(f"{where}: 'events' must be a list of objects")
        sq = rec.get("sentence_quad")
        if sq is not None and sq not in SENTENCE_CLASSES:
            raise EvalError(f"{where}: unknown sentence_quad {sq!r}")


def predictions_from_records(records: Iterable[Mapping[str, Any]], name: str = "predictions"
                             ) -> dict[str, list[dict[str, Any]]]:
    """Map id -> predicted events from records shaped like `realpolitik code` output."""
    out: dict[str, list[dict[str, Any]]] = {}
    for n, rec in enumerate(records, 1):
        rid = rec.get("id")
        if rid is None:
            raise EvalError(f"{name}: record {n}: missing 'id'")
        events = rec.get("events") or []
        if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
            raise EvalError(f"{name}: record {n} ({rid}): 'events' must be a list of objects")
        # A record split over several lines (e.g. one per sentence) adds up, it does not replace.
        out.setdefault(str(rid), []).extend(events)
    return out


# ----------------------------------------------------------------------------- metric values
@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from true positives, false positives and false negatives."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp), None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn), None when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall (0 when either is 0, None when both undefined)."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Counts and rates as a plain dict."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Accuracy:
    """Share of `total` items that were `correct`."""

    correct: int
    total: int

    @property
    def accuracy(self) -> float | None:
        """correct / total, None when total is 0."""
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        """Counts and rate as a plain dict."""
        return {"accuracy": self.accuracy, "correct": self.correct, "total": self.total}


@dataclass(frozen=True)
class Band:
    """One row of the reliability table: predictions whose confidence is in [lo, hi)."""

    lo: float
    hi: float
    n: int
    correct: int

    @property
    def label(self) -> str:
        """The band as an interval, closed at 1.0."""
        return f"[{self.lo:.2f}, {self.hi:.2f}{']' if self.hi >= 1.0 else ')'}"

    @property
    def precision(self) -> float | None:
        """Share of the band's predictions that are dyad+type true positives."""
        return self.correct / self.n if self.n else None

    def as_dict(self) -> dict[str, Any]:
        """The band as a plain dict."""
        return {"band": self.label, "lo": self.lo, "hi": self.hi, "n": self.n,
                "correct": self.correct, "precision": self.precision}


@dataclass(frozen=True)
class EvalReport:
    """Every figure of one evaluation; `as_dict()` is what `realpolitik eval --json` prints."""

    counts: dict[str, int]
    dyad: PRF
    dyad_type: PRF
    fields: dict[str, Accuracy]
    has_event: PRF
    sentence_quad: Accuracy
    sentence_quad_classes: dict[str, PRF]
    actors_all: dict[str, PRF]
    actors_type_matched: dict[str, PRF]
    factuality_confusion: dict[str, dict[str, int]]
    reliability: tuple[Band, ...]
    per_type: dict[str, PRF]
    strict_actors: bool = False
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def sentence_quad_macro_f1(self) -> float | None:
        """Mean F1 over the five sentence classes seen in gold or predictions."""
        f1s = [p.f1 for p in self.sentence_quad_classes.values() if p.f1 is not None]
        return sum(f1s) / len(f1s) if f1s else None

    def metric(self, dotted: str) -> float | None:
        """One figure by its dotted path in `as_dict()`, e.g. ``dyad_type.f1``."""
        node: Any = self.as_dict()
        for part in dotted.split("."):
            node = node[part]
        return node

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "meta": dict(self.meta),
            "strict_actors": self.strict_actors,
            "counts": dict(self.counts),
            "dyad": self.dyad.as_dict(),
            "dyad_type": self.dyad_type.as_dict(),
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "has_event": self.has_event.as_dict(),
            "sentence_quad": {**self.sentence_quad.as_dict(), "macro_f1": self.sentence_quad_macro_f1,
                              "classes": {k: v.as_dict() for k, v in self.sentence_quad_classes.items()}},
            "actors": {"all_events": {k: v.as_dict() for k, v in self.actors_all.items()},
                       "type_matched": {k: v.as_dict() for k, v in self.actors_type_matched.items()}},
            "factuality_confusion": {g: dict(row) for g, row in self.factuality_confusion.items()},
            "reliability": [b.as_dict() for b in self.reliability],
            "per_type": {k: v.as_dict() for k, v in self.per_type.items()},
        }


# ----------------------------------------------------------------------------------- scoring
def _is_set(value: Any) -> bool:
    return value is not None and value != "" and value != []


def actor_key(code: Any, strict: bool = False) -> str | None:
    """The part of an actor code that is compared: its first three letters unless strict."""
    if not isinstance(code, str) or not code.strip():
        return None
    code = code.strip().upper()
    return code if strict else code[:3]


def actors_agree(gold: Any, pred: Any, strict: bool = False) -> bool:
    """Whether a predicted actor code agrees with a gold one (a gold null agrees with anything)."""
    g = actor_key(gold, strict)
    return g is None or g == actor_key(pred, strict)


def match_events(gold: list[dict[str, Any]], pred: list[dict[str, Any]], strict: bool = False
                 ) -> list[tuple[int, int]]:
    """FORMAT.md rule 1: pairs (gold index, prediction index), greedy in gold order."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and actors_agree(g.get("source"), p.get("source"), strict) \
                    and actors_agree(g.get("target"), p.get("target"), strict):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def type_agrees(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    """FORMAT.md rule 3: types agree, or the gold type is null."""
    return not _is_set(g.get("type")) or g.get("type") == p.get("type")


def _cameo(value: Any) -> str | None:
    return None if not _is_set(value) else str(value).strip()


def _field_value(event: Mapping[str, Any], name: str) -> Any:
    if name == "cameo":
        return _cameo(event.get("cameo"))
    if name == "cameo2":
        c = _cameo(event.get("cameo"))
        return None if c is None else c[:2]
    return event.get(name)


def _field_correct(name: str, g: Mapping[str, Any], p: Mapping[str, Any]) -> bool | None:
    """None when the gold field is unset (not scored), else whether the prediction agrees."""
    gv = _field_value(g, name)
    if not _is_set(gv):  # an empty gold context list cannot be shared, so it is not scored
        return None
    pv = _field_value(p, name)
    if name == "contexts":
        return bool(set(gv) & set(pv or ()))
    return gv == pv


def _confidence(event: Mapping[str, Any]) -> float | None:
    try:
        c = event.get("confidence")
        return None if c is None else float(c)
    except (TypeError, ValueError):
        return None


def predicted_sentence_class(pred: list[dict[str, Any]]) -> str | None:
    """FORMAT.md rule 5: `statement` when nothing was predicted, else the most confident quad."""
    if not pred:
        return "statement"
    # max() keeps the first of equally confident predictions, so ties go to coder order.
    best = max(pred, key=lambda e: _confidence(e) if _confidence(e) is not None else -1.0)
    return best.get("quad")


def _multiset_prf(gold: list[Any], pred: list[Any], strict: bool) -> tuple[int, int, int]:
    """(tp, fp, fn) of one record's actor codes compared as multisets of keys."""
    g = Counter(k for k in (actor_key(c, strict) for c in gold) if k)
    p = Counter(k for k in (actor_key(c, strict) for c in pred) if k)
    tp = sum((g & p).values())
    # A gold null may stand for any code (FORMAT.md: it matches anything), so each one absorbs
    # one otherwise unmatched predicted code instead of making it a false positive.
    nulls = sum(1 for c in gold if actor_key(c, strict) is None)
    return tp, max(0, sum(p.values()) - tp - nulls), sum(g.values()) - tp


def _type_pairs(gold: list[dict[str, Any]], pred: list[dict[str, Any]], strict: bool
                ) -> list[tuple[int, int]]:
    """Gold events paired with predictions of the same type, for the actor metrics.

    Greedy in gold order; among unmatched predictions of the gold type it takes the one that
    agrees on most actors (the first on ties), so two mirrored events ("A and B exercised
    together") are not paired crosswise.
    """
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        if not _is_set(g.get("type")):
            continue
        best, best_score = None, -1
        for pi, p in enumerate(pred):
            if pi in used or p.get("type") != g.get("type"):
                continue
            agree = sum(actor_key(g.get(r), strict) == actor_key(p.get(r), strict) for r in ("source", "target"))
            if agree > best_score:
                best, best_score = pi, agree
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _band_index(conf: float) -> int:
    for i, (lo, hi) in enumerate(CONFIDENCE_BANDS):
        if lo <= conf < hi or (hi >= 1.0 and conf >= hi):
            return i
    return 0  # negative confidences are clamped into the lowest band


class _Tally:
    """Mutable counters filled record by record, frozen into an EvalReport at the end."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.fields = {f: [0, 0] for f in FIELDS}
        self.actor_all = {r: [0, 0, 0] for r in ("source", "target")}
        self.actor_typed = {r: [0, 0, 0] for r in ("source", "target")}
        self.confusion: dict[str, Counter[str]] = {}
        self.bands = [[0, 0] for _ in CONFIDENCE_BANDS]
        self.per_type: dict[str, list[int]] = {}
        self.sq_pairs: list[tuple[str, str | None]] = []

    def _type_row(self, t: Any) -> list[int]:
        return self.per_type.setdefault(str(t) if _is_set(t) else "(none)", [0, 0, 0])

    def add_events(self, gold: list[dict[str, Any]], pred: list[dict[str, Any]], strict: bool) -> None:
        pairs = match_events(gold, pred, strict)
        typed_ok = {pi for gi, pi in pairs if type_agrees(gold[gi], pred[pi])}
        c = self.c
        c["gold_events"] += len(gold)
        c["predicted_events"] += len(pred)
        c["dyad_tp"] += len(pairs)
        c["dyad_type_tp"] += len(typed_ok)
        c["has_tp"] += bool(gold) and bool(pred)
        c["has_fp"] += (not gold) and bool(pred)
        c["has_fn"] += bool(gold) and not pred
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            for name in FIELDS:
                ok = _field_correct(name, g, p)
                if ok is not None:
                    self.fields[name][0] += ok
                    self.fields[name][1] += 1
            if _is_set(g.get("factuality")):
                pv = p.get("factuality") if _is_set(p.get("factuality")) else NONE_LABEL
                self.confusion.setdefault(g["factuality"], Counter())[str(pv)] += 1
        # Per PLOVER type: a gold event is found when its matched prediction has its type.
        found = {gi for gi, pi in pairs if pi in typed_ok}
        for gi, g in enumerate(gold):
            self._type_row(g.get("type"))[2 if gi not in found else 0] += 1
        for pi, p in enumerate(pred):
            if pi not in typed_ok:
                self._type_row(p.get("type"))[1] += 1
        for pi, p in enumerate(pred):
            conf = _confidence(p)
            if conf is None:
                c["no_confidence"] += 1
                continue
            band = self.bands[_band_index(conf)]
            band[0] += 1
            band[1] += pi in typed_ok
        for role in ("source", "target"):
            tp, fp, fn = _multiset_prf([g.get(role) for g in gold], [p.get(role) for p in pred], strict)
            row = self.actor_all[role]
            for i, n in enumerate((tp, fp, fn)):
                row[i] += n
            row = self.actor_typed[role]
            for gi, pi in _type_pairs(gold, pred, strict):
                gk, pk = actor_key(gold[gi].get(role), strict), actor_key(pred[pi].get(role), strict)
                if gk is None:
                    continue  # gold leaves the actor open: nothing to check
                ok = gk == pk
                row[0] += ok
                row[1] += pk is not None and not ok
                row[2] += not ok

    def freeze(self, n_records: int, strict: bool, meta: dict[str, Any]) -> EvalReport:
        c = self.c
        per_type = {t: PRF(*row) for t, row in sorted(self.per_type.items())}
        sq_classes = {}
        for cls in SENTENCE_CLASSES:
            tp = sum(1 for g, p in self.sq_pairs if g == cls and p == cls)
            fp = sum(1 for g, p in self.sq_pairs if g != cls and p == cls)
            fn = sum(1 for g, p in self.sq_pairs if g == cls and p != cls)
            if tp + fp + fn:  # a class absent from gold and predictions has no defined F1
                sq_classes[cls] = PRF(tp, fp, fn)
        labels = list(FACTUALITIES) + sorted({p for row in self.confusion.values() for p in row}
                                             - set(FACTUALITIES))
        confusion = {g: {p: self.confusion[g].get(p, 0) for p in labels if self.confusion[g].get(p)}
                     for g in labels if g in self.confusion}
        return EvalReport(
            counts={"records": n_records, "records_with_events": c["records_with_events"],
                    "records_with_sentence_quad": c["records_with_sentence_quad"],
                    "gold_events": c["gold_events"], "predicted_events": c["predicted_events"],
                    "matched_pairs": c["dyad_tp"], "records_without_predictions": c["no_prediction"],
                    "predictions_for_unknown_ids": c["unknown_ids"],
                    "predictions_without_confidence": c["no_confidence"]},
            dyad=PRF(c["dyad_tp"], c["predicted_events"] - c["dyad_tp"], c["gold_events"] - c["dyad_tp"]),
            dyad_type=PRF(c["dyad_type_tp"], c["predicted_events"] - c["dyad_type_tp"],
                          c["gold_events"] - c["dyad_type_tp"]),
            fields={k: Accuracy(*v) for k, v in self.fields.items()},
            has_event=PRF(c["has_tp"], c["has_fp"], c["has_fn"]),
            sentence_quad=Accuracy(sum(1 for g, p in self.sq_pairs if g == p), len(self.sq_pairs)),
            sentence_quad_classes=sq_classes,
            actors_all={k: PRF(*v) for k, v in self.actor_all.items()},
            actors_type_matched={k: PRF(*v) for k, v in self.actor_typed.items()},
            factuality_confusion=confusion,
            reliability=tuple(Band(lo, hi, n, ok) for (lo, hi), (n, ok) in zip(CONFIDENCE_BANDS, self.bands)),
            per_type=per_type, strict_actors=strict, meta=dict(meta))


def score(gold_records: list[dict[str, Any]], predictions: Mapping[str, list[dict[str, Any]]],
          strict_actors: bool = False, meta: Mapping[str, Any] | None = None) -> EvalReport:
    """Score predictions (id -> predicted event dicts) against gold records by FORMAT.md."""
    check_gold(gold_records)
    tally = _Tally()
    gold_ids = set()
    for rec in gold_records:
        rid = rec["id"]
        gold_ids.add(rid)
        if rid not in predictions:
            tally.c["no_prediction"] += 1  # absent from predictions: it predicted nothing
        pred = list(predictions.get(rid) or [])
        if rec.get("events") is not None:  # absent or null: events are not scored here
            tally.c["records_with_events"] += 1
            tally.add_events(rec["events"], pred, strict_actors)
        if rec.get("sentence_quad") is not None:
            tally.c["records_with_sentence_quad"] += 1
            tally.sq_pairs.append((rec["sentence_quad"], predicted_sentence_class(pred)))
    tally.c["unknown_ids"] = sum(1 for k in predictions if k not in gold_ids)
    return tally.freeze(len(gold_records), strict_actors, dict(meta or {}))


# ------------------------------------------------------------------------ running the coder
def code_gold(records: list[dict[str, Any]], options: Any = None,
              on_record: Callable[[], None] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Code the gold records' texts with the project's coder; id -> predicted event dicts."""
    from realpolitik.options import Options
    from realpolitik.pipeline import code_records  # imported late: it loads spaCy
    from realpolitik.registry import RegistryError

    options = options or Options()
    # The coder sees only what `realpolitik code` would read, never the gold labels.
    inputs: list[dict[str, Any]] = [{k: r[k] for k in ("id", "text", "date", "title", "url", "publisher") if k in r}
                                    for r in records]

    def coded() -> Iterator[dict[str, Any]]:
        for rec in code_records(inputs, options):
            if on_record:
                on_record()
            yield rec

    try:
        return predictions_from_records(coded(), name=f"coder {options.coder}")
    except RegistryError as exc:
        raise EvalError(str(exc).strip("'\"")) from None


def evaluate_file(gold_path: str | Path, predictions_path: str | Path | None = None,
                  strict_actors: bool = False, options: Any = None,
                  on_record: Callable[[], None] | None = None, split: str | None = None) -> EvalReport:
    """Load a gold file, code it (or load predictions) and score it; EvalError names a bad file."""
    gold = load_jsonl(gold_path)
    check_gold(gold, name=str(gold_path))
    gold = select_split(gold, split)
    meta: dict[str, Any] = {"gold": str(gold_path), "split": split or "all"}
    if predictions_path is not None:
        predictions = predictions_from_records(load_jsonl(predictions_path), name=str(predictions_path))
        meta["predictions"] = str(predictions_path)
    else:
        from realpolitik.options import Options
        from realpolitik.pipeline import coder_key

        options = options or Options()
        predictions = code_gold(gold, options, on_record)
        meta["coder"] = coder_key(options)
    return score(gold, predictions, strict_actors=strict_actors, meta=meta)


# ------------------------------------------------------------------------------- formatting
def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _table(header: list[str], rows: list[list[Any]], title: str) -> list[str]:
    cells = [[str(c) for c in r] for r in [header] + rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    fmt = lambda r: "  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w)  # noqa: E731
                                     for i, (c, w) in enumerate(zip(r, widths)))
    return ["", title, fmt(cells[0]), "  " + "  ".join("-" * w for w in widths)] + [fmt(r) for r in cells[1:]]


def _prf_row(name: str, p: PRF) -> list[Any]:
    return [name, _f(p.precision), _f(p.recall), _f(p.f1), p.tp, p.fp, p.fn]


PRF_HEADER = ["", "precision", "recall", "F1", "tp", "fp", "fn"]


def format_report(report: EvalReport) -> str:
    """The report as plain-text tables (readable in a terminal and when piped)."""
    c, m = report.counts, report.meta
    what = ", ".join(f"{k} {v}" for k, v in m.items())
    out = [f"realpolitik eval: {what}" if what else "realpolitik eval",
           f"actors compared on {'full codes (--strict-actors)' if report.strict_actors else 'first three letters'}",
           f"records {c['records']} (with events {c['records_with_events']}, with sentence_quad "
           f"{c['records_with_sentence_quad']}); gold events {c['gold_events']}, predicted events "
           f"{c['predicted_events']}, matched pairs {c['matched_pairs']}"]
    if c["predictions_for_unknown_ids"]:
        out.append(f"warning: {c['predictions_for_unknown_ids']} predicted ids are not in the gold file")
    if c["records_with_events"]:
        out += _table(PRF_HEADER, [_prf_row("dyad+type (headline)", report.dyad_type),
                                   _prf_row("dyad", report.dyad),
                                   _prf_row("has an event (per record)", report.has_event)], "Events")
        out += _table(["field", "accuracy", "correct", "scored"],
                      [[("cameo (first 2 digits)" if k == "cameo2" else
                         "contexts (any shared)" if k == "contexts" else k),
                        _f(a.accuracy), a.correct, a.total] for k, a in report.fields.items()],
                      "Field accuracy on matched pairs (scored = pairs whose gold field is set)")
        roles = [_prf_row(f"{r}, all events", p) for r, p in report.actors_all.items()]
        roles += [_prf_row(f"{r}, type-matched events", p) for r, p in report.actors_type_matched.items()]
        out += _table(PRF_HEADER, roles, "Actor codes (multisets per record; type-matched = gold and "
                                         "predicted events paired by PLOVER type)")
        out += _table(["confidence", "predictions", "correct", "precision"],
                      [[b.label, b.n, b.correct, _f(b.precision)] for b in report.reliability],
                      "Reliability (correct = a dyad+type true positive)")
        if c["predictions_without_confidence"]:
            out.append(f"  ({c['predictions_without_confidence']} predictions have no confidence)")
        if report.factuality_confusion:
            cols = sorted({p for row in report.factuality_confusion.values() for p in row},
                          key=lambda x: (x not in FACTUALITIES, FACTUALITIES.index(x) if x in FACTUALITIES else 0, x))
            rows = [[g] + [row.get(p, 0) for p in cols] + [sum(row.values())]
                    for g, row in report.factuality_confusion.items()]
            out += _table(["gold \\ predicted"] + cols + ["total"], rows,
                          f"Factuality on matched pairs (accuracy {_f(report.fields['factuality'].accuracy)})")
        out += _table(PRF_HEADER, [_prf_row(t, p) for t, p in report.per_type.items()],
                      "Dyad+type by PLOVER type (fp under the predicted type, fn under the gold type)")
    else:
        out.append("\nEvents: not scored (no record has `events`)")
    if c["records_with_sentence_quad"]:
        sq = report.sentence_quad
        out += _table(PRF_HEADER, [_prf_row(k, p) for k, p in report.sentence_quad_classes.items()],
                      f"Sentence class: accuracy {_f(sq.accuracy)} ({sq.correct}/{sq.total}), "
                      f"macro-F1 {_f(report.sentence_quad_macro_f1)}")
    else:
        out.append("\nSentence class: not scored (no record has `sentence_quad`)")
    return "\n".join(out)
