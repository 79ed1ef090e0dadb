"""Measure realpolitik.factuality on a gold file without the event coder (measurement only).

For each gold event, the trigger is guessed as the main verb of the event's clause: the sentence
root, stepping down through pure reporting verbs ("..., officials said"), denials and raising
verbs ("is expected to"). Usage: python benchmarks/factuality_check.py [GOLD.jsonl] [-v]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from realpolitik.factuality import assess, document_context, is_attribution_verb
from realpolitik.factuality.lexicon import DENIAL_VERBS, PLAN_VERBS, REPORT_PASSIVES
from realpolitik.nlp import get_nlp

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "seedlike_dev.jsonl"


def guess_trigger(sent):
    """The main verb of the clause that carries the sentence's event (a heuristic for measuring)."""
    node = sent.root
    for _ in range(4):
        kids = {c.dep_: c for c in node.children}
        lemma = node.lemma_.lower()
        passive = "auxpass" in kids
        if is_attribution_verb(node) and lemma not in DENIAL_VERBS and "ccomp" in kids:
            node = kids["ccomp"]
        elif lemma in DENIAL_VERBS and ("xcomp" in kids or "ccomp" in kids):
            node = kids.get("xcomp") or kids["ccomp"]
        elif passive and "xcomp" in kids and (lemma in PLAN_VERBS or lemma in REPORT_PASSIVES):
            node = kids["xcomp"]
        else:
            break
    return node


def run(path: Path, verbose: bool = False) -> tuple[int, int, Counter]:
    """(correct, total, confusion counter of (gold, predicted)) over the gold events of a file."""
    nlp = get_nlp()
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    confusion: Counter = Counter()
    for rec in records:
        events = [e for e in rec.get("events") or [] if e.get("factuality")]
        if not events:
            continue
        doc = nlp(rec["text"])
        ctx = document_context(doc)
        sent = next(iter(doc.sents))
        trig = guess_trigger(sent)
        a = assess(doc, sent, trig, ctx)
        for e in events:
            confusion[(e["factuality"], a.factuality)] += 1
            if verbose and e["factuality"] != a.factuality:
                print(f"{rec['id']}: gold={e['factuality']} pred={a.factuality} trigger={trig.text!r} "
                      f"reason={a.reason} source={a.attributed_to!r}")
    correct = sum(n for (g, p), n in confusion.items() if g == p)
    return correct, sum(confusion.values()), confusion


def main(argv: list[str]) -> None:
    """Print accuracy and the confusion pairs for a gold file."""
    args = [a for a in argv if not a.startswith("-")]
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        sys.exit(f"gold file not found: {path}")
    correct, total, confusion = run(path, verbose="-v" in argv)
    print(f"factuality accuracy {correct}/{total} = {correct / max(total, 1):.3f}")
    for (g, p), n in sorted(confusion.items()):
        print(f"  gold={g:<12} pred={p:<12} {n}")


if __name__ == "__main__":
    main(sys.argv[1:])
