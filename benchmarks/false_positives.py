"""Why predicted events are wrong: each two-actor prediction of the TUNE parts of the team's sets that
matches no gold event on dyad and type, by cause and by type.

    .venv/bin/python benchmarks/false_positives.py [--coder rules.v1] [--only SET] [--show CAUSE] [--type T]

Sets: team, corpus and articles (as benchmarks/compare_coders.py loads them), tune parts only
(`split_of(id) == "tune"`; holdout records are never read into this script's output). Only predictions
with both source and target set count. A prediction is false when FORMAT.md rules 1 and 3 pair it with no
gold event of its type. Its cause, checked in this order:

- `empty record`: the record's gold has no event at all;
- `wrong type`: rule 1 pairs it with a gold event (same dyad) of another type;
- `reversed`: a gold event has its actors the other way round;
- `source wrong` / `target wrong`: a gold event shares its target / source (first three letters);
- `same actors`: source and target have the same first three letters;
- `unrelated`: no gold event has either of its actors.

With --show CAUSE (or `all`) prints each such prediction: the sentence, the trigger, the actors' spans,
and the record's gold events.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realpolitik.evaluate import actor_key, code_gold, match_events, type_agrees  # noqa: E402
from realpolitik.options import Options  # noqa: E402

CAUSES = ("empty record", "wrong type", "reversed", "source wrong", "target wrong", "same actors", "unrelated")


def cause_of(p: dict, gold: list[dict], paired: dict[int, int], pi: int) -> str:
    """The cause of one false prediction (index pi) of a record with these gold events."""
    s, t = actor_key(p.get("source")), actor_key(p.get("target"))
    keys = [(actor_key(g.get("source")), actor_key(g.get("target"))) for g in gold]
    if not gold:
        return "empty record"
    if pi in paired:
        return "wrong type"
    if s == t:
        return "same actors"
    if any(gs == t and gt == s for gs, gt in keys):
        return "reversed"
    if any(gt == t for _, gt in keys):
        return "source wrong"
    if any(gs == s for gs, _ in keys):
        return "target wrong"
    return "unrelated"


def main(argv=None) -> int:
    """Measure and print."""
    from recall_losses import SETS, tune_sets

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--coder", default="rules.v1")
    ap.add_argument("--only", action="append", default=[], choices=SETS)
    ap.add_argument("--show", choices=CAUSES + ("all",))
    ap.add_argument("--type", help="show only predictions of this type")
    a = ap.parse_args(argv)
    opts = Options(coder=a.coder, progress=False)
    shown = []
    by_type: Counter = Counter()
    true_by_type: Counter = Counter()
    print("set".ljust(10) + "pred2".rjust(7) + "true".rjust(6) + "false".rjust(7) + "".join(c.rjust(14) for c in CAUSES))
    for name, recs in tune_sets(a.only).items():
        preds = code_gold(recs, opts)
        counts: Counter = Counter()
        n2 = n_true = 0
        for rec in recs:
            gold, pred = rec["events"], preds.get(rec["id"], [])
            pairs = match_events(gold, pred)
            ok = {pi for gi, pi in pairs if type_agrees(gold[gi], pred[pi])}
            paired = {pi: gi for gi, pi in pairs}
            for pi, p in enumerate(pred):
                if not (p.get("source") and p.get("target")):
                    continue
                n2 += 1
                if pi in ok:
                    n_true += 1
                    true_by_type[p.get("type")] += 1
                    continue
                c = cause_of(p, gold, paired, pi)
                counts[c] += 1
                by_type[p.get("type")] += 1
                if (a.show in (c, "all")) and (not a.type or p.get("type") == a.type):
                    shown.append((name, rec, p, c, gold[paired[pi]] if pi in paired else None))
        print(name.ljust(10) + str(n2).rjust(7) + str(n_true).rjust(6) + str(sum(counts.values())).rjust(7)
              + "".join(str(counts[c]).rjust(14) for c in CAUSES))
    print("false by type (true): " + ", ".join(f"{t} {n} ({true_by_type[t]})" for t, n in by_type.most_common()))
    for name, rec, p, c, g in shown:
        ev = p.get("evidence") or {}
        trig = (ev.get("trigger") or {}).get("text")
        print(f"\n[{name} {rec['id']}] {c}: {p.get('source')} -> {p.get('target')} {p.get('type')} "
              f"trigger={trig!r} src={p.get('source_text')!r} tgt={p.get('target_text')!r} "
              f"fact={p.get('factuality')} conf={p.get('confidence')}")
        print("  " + (ev.get("text") or rec["text"])[:500].replace("\n", " "))
        print("  gold: " + "; ".join(f"{x.get('source')}->{x.get('target')} {x.get('type')}" for x in rec["events"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
