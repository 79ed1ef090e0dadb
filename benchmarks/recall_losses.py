"""Why gold events are lost: each missed gold event of the TUNE parts of the team's sets, by cause.

    .venv/bin/python benchmarks/recall_losses.py [--coder rules.v1] [--only SET] [--show CAUSE] [--top N]

Sets: team (training/team), corpus (training/corpus) and articles (training/articles), tune parts
only (`split_of(id) == "tune"`; holdout records are never read into this script's output). A gold
event is missed when no prediction matches it on dyad and type (../shared/eval/FORMAT.md rules 1
and 3). Its cause, checked in this order:

- `no source`, `no target`, `no actors`: the actor finder (`realpolitik.actors.find_actors` over the
  whole record) yields no mention with the gold source's / target's / either's first three letters;
- `wrong type`: a prediction has the dyad but another type;
- `wrong pairing`: both actors are found and a prediction has the gold type, but on another dyad
  (the trigger was read, its actors attached wrongly or not at all);
- `no trigger`: both actors are found and no prediction has the gold type (no trigger read, or
  one whose actors were not attached so no event came of it).

`wrong pairing` and `no trigger` are split further by the coder's candidates of the gold type (before
its readings and filters): none (`no trigger`), none with the gold source (`source unattached`), none
with the gold target (`target unattached`), or one with both that a later stage dropped.

Prints counts per set and cause, the gold codes most often missing for the actor causes, and with
--show CAUSE the tune records of that cause (text, gold event, the record's predictions).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realpolitik.evaluate import actor_key, code_gold, match_events, select_split, type_agrees  # noqa: E402
from realpolitik.options import Options  # noqa: E402

SETS = ("team", "corpus", "articles")
CAUSES = ("no actors", "no source", "no target", "wrong type", "wrong pairing", "no trigger")
# the split of "no trigger" and "wrong pairing" by the coder's candidates of the gold type
DETAILS = ("source unattached", "target unattached", "dropped later", "no trigger")


def tune_sets(only: list[str]) -> dict[str, list[dict]]:
    """Set name -> its tune records (the holdout parts are dropped before anything else sees them)."""
    from compare_coders import SHARED, sets

    data = sets(SHARED, [ROOT])
    return {k: select_split(v, "tune") for k, v in data.items() if k in SETS and (not only or k in only)}


def causes(rec: dict, pred: list[dict], found: set[str]) -> list[tuple[dict, str]]:
    """(gold event, cause) for each gold event of one record that no prediction matches on dyad and type."""
    gold = rec["events"]
    pairs = match_events(gold, pred)
    ok = {gi for gi, pi in pairs if type_agrees(gold[gi], pred[pi])}
    dyad = {gi for gi, _ in pairs}
    out = []
    for gi, g in enumerate(gold):
        if gi in ok:
            continue
        src, tgt = actor_key(g.get("source")), actor_key(g.get("target"))
        s_ok, t_ok = src is None or src in found, tgt is None or tgt in found
        if not s_ok and not t_ok:
            cause = "no actors"
        elif not s_ok:
            cause = "no source"
        elif not t_ok:
            cause = "no target"
        elif gi in dyad:
            cause = "wrong type"
        elif any(p.get("type") == g.get("type") for p in pred):
            cause = "wrong pairing"
        else:
            cause = "no trigger"
        out.append((g, cause))
    return out


def read_records(records: list[dict]) -> list[tuple[set[str], list[tuple[str, set, set]]]]:
    """Per record: the first three letters of every actor code the actor finder yields, and the coder's
    candidates as (type, source keys, target keys) before its readings and filters."""
    from realpolitik.actors import find_actors
    from realpolitik.coding.candidates import sentence_candidates
    from realpolitik.coding.embedding import resolve_embedding
    from realpolitik.coding.roles import ActorIndex, localise
    from realpolitik.nlp import parse

    out = []
    for r, doc in zip(records, parse(r["text"] for r in records)):
        mentions = find_actors(doc, r.get("date") or r.get("dateline_date"))
        cands = []
        for sent in doc.sents:
            inside = localise(sent, [m for m in mentions if m.start >= sent.start_char and m.end <= sent.end_char])
            for c in resolve_embedding(sentence_candidates(sent, ActorIndex(sent, inside))):
                cands.append((c.type, {actor_key(m.code) for m in c.sources if m.code},
                              {actor_key(m.code) for m in c.targets if m.code}))
        out.append(({actor_key(m.code) for m in mentions if m.code}, cands))
    return out


def trigger_cause(g: dict, cands: list[tuple[str, set, set]]) -> str:
    """Why a gold event whose actors were both found got no event of its type: no candidate of the type,
    one whose source or target is not the gold one, or one with both that a later stage dropped."""
    src, tgt = actor_key(g.get("source")), actor_key(g.get("target"))
    typed = [(s, t) for ty, s, t in cands if ty == g.get("type")]
    if not typed:
        return "no trigger"
    if any((src is None or src in s) and (tgt is None or tgt in t) for s, t in typed):
        return "dropped later"
    if any(src is None or src in s for s, _ in typed):
        return "target unattached"
    return "source unattached"


def main(argv=None) -> int:
    """Measure and print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--coder", default="rules.v1")
    ap.add_argument("--only", action="append", default=[], choices=SETS)
    ap.add_argument("--show", choices=CAUSES, help="print the tune records lost for this cause")
    ap.add_argument("--top", type=int, default=12, help="missing gold codes listed per actor cause")
    a = ap.parse_args(argv)
    opts = Options(coder=a.coder, progress=False)
    total: Counter = Counter()
    print("set".ljust(10) + "gold".rjust(6) + "missed".rjust(8) + "".join(c.rjust(15) for c in CAUSES))
    missing: dict[str, Counter] = {c: Counter() for c in CAUSES[:3]}
    shown = []
    details: dict[str, Counter] = {"no trigger": Counter(), "wrong pairing": Counter(), "all": Counter()}
    for name, recs in tune_sets(a.only).items():
        preds = code_gold(recs, opts)
        counts: Counter = Counter()
        n_gold = 0
        for rec, (found, cands) in zip(recs, read_records(recs)):
            n_gold += len(rec["events"])
            for g, cause in causes(rec, preds.get(rec["id"], []), found):
                counts[cause] += 1
                if cause in ("no trigger", "wrong pairing"):
                    detail = trigger_cause(g, cands)
                    details[cause][detail] += 1
                    details["all"][detail] += 1
                if cause in missing:
                    for role in ("source", "target"):
                        k = actor_key(g.get(role))
                        if k is not None and k not in found:
                            missing[cause][f"{role} {g.get(role)}"] += 1
                if cause == a.show:
                    shown.append((name, rec, g, preds.get(rec["id"], [])))
        total.update(counts)
        total["gold"] += n_gold
        print(name.ljust(10) + str(n_gold).rjust(6) + str(sum(counts.values())).rjust(8)
              + "".join(str(counts[c]).rjust(15) for c in CAUSES))
    print("all".ljust(10) + str(total["gold"]).rjust(6) + str(sum(total[c] for c in CAUSES)).rjust(8)
          + "".join(str(total[c]).rjust(15) for c in CAUSES))
    for cause, split in details.items():
        print(f"{cause} by candidates of the gold type: " + ", ".join(f"{d} {split[d]}" for d in DETAILS))
    for cause, codes in missing.items():
        if codes:
            print(f"{cause}: " + ", ".join(f"{k} {n}" for k, n in codes.most_common(a.top)))
    for name, rec, g, pred in shown:
        print(f"\n[{name} {rec['id']}] {rec['text'][:600]}")
        print(f"  gold: {g.get('source')} -> {g.get('target')} {g.get('type')}")
        for p in pred:
            print(f"  pred: {p.get('source')} -> {p.get('target')} {p.get('type')} ({p.get('trigger_text', '')})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
