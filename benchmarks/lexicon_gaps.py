"""Trigger-coverage gaps of the rules coder: which words of missed gold events the lexicon lacks.

Codes the TUNE part (evaluate.split_of(id) == "tune") of training/team and training/corpus (corpus
texts resolved from ../shared/corpora, never stored), finds gold events with no prediction of the same
dyad and type, and counts, per gold type, the verbs and nouns of those sentences that are no trigger
of coding/data/lexicon.txt, by lemma across records (a word counts once per record). `in_tune` is how
many tune records hold the lemma at all, so a word frequent everywhere (noise) shows as such.
Holdout records are never read.

    python benchmarks/lexicon_gaps.py [--top 25] [--min 3] [--type PROTEST]
Prints lemma counts only, never a sentence.
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from realpolitik.coding import lexicon  # noqa: E402
from realpolitik.evaluate import code_gold, match_events, split_of, type_agrees  # noqa: E402

# spaCy's coarse tags -> the lexicon's POS column (verbs and event nouns only).
POS = {"VERB": "V", "NOUN": "N"}


def tune_records() -> list[dict]:
    """The tune part of training/team and training/corpus as {id, text, date, events}."""
    from corpus_text import resolve

    out = []
    for pattern, corpus in (("team/*.jsonl", False), ("corpus/*.jsonl", True)):
        for path in sorted(glob.glob(str(ROOT / "training" / pattern))):
            for line in open(path, encoding="utf-8"):
                rec = json.loads(line)
                if split_of(rec["id"]) != "tune":
                    continue
                text = resolve(rec) if corpus else rec["text"]
                out.append({"id": rec["id"], "text": text, "date": rec.get("date"), "events": rec["events"]})
    return out


def missed(gold: list[dict], pred: list[dict]) -> list[dict]:
    """Gold events with no prediction of the same dyad and type (FORMAT.md rules 1 and 3)."""
    pairs = dict(match_events(gold, pred))
    return [g for gi, g in enumerate(gold) if gi not in pairs or not type_agrees(g, pred[pairs[gi]])]


def main() -> None:
    """Print the frequency list of non-trigger lemmas in sentences with missed gold events."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--min", type=int, default=3, help="least number of records a lemma must recur in")
    ap.add_argument("--type", default=None, help="only this gold type")
    args = ap.parse_args()

    from realpolitik.nlp import parse

    records = tune_records()
    preds = code_gold(records)
    known = set(lexicon.entries())
    heads = {k[0].split("_")[0] for k in known}
    docs = list(parse(r["text"] for r in records))
    per_type: dict[str, Counter] = defaultdict(Counter)
    in_tune: Counter = Counter()
    misses: Counter = Counter()
    for rec, doc in zip(records, docs):
        lemmas = {(t.lemma_.lower(), POS[t.pos_]) for t in doc if t.pos_ in POS}
        for lp in lemmas:
            in_tune[lp] += 1
        gaps = {lp for lp in lemmas if lp not in known}
        for typ in {g.get("type") for g in missed(rec["events"], preds.get(rec["id"], []))}:
            misses[typ] += 1
            for lp in gaps:
                per_type[typ][lp] += 1
    print(f"tune records: {len(records)}; records with a missed gold event, by type: {dict(misses.most_common())}")
    for typ, counts in sorted(per_type.items(), key=lambda kv: -misses[kv[0]]):
        if args.type and typ != args.type:
            continue
        rows = [(lp, n) for lp, n in counts.most_common() if n >= args.min][: args.top]
        print(f"\n{typ} (records with a miss: {misses[typ]})")
        for (lemma, pos), n in rows:
            # '*': the word already heads another trigger (other POS or a multiword form).
            mark = "*" if lemma in heads else " "
            print(f"  {lemma:<18} {pos}{mark} missed-in {n:>3}  in_tune {in_tune[(lemma, pos)]:>4}")


if __name__ == "__main__":
    main()
