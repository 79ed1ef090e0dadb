"""Actor coverage gaps on the TUNE part of gold files: which gold actor codes the actor finder
misses, and which capitalised phrases of those records resolve to nothing.

    python benchmarks/actor_gaps.py GOLD.jsonl... [--top N]

A gold file is JSONL with id, text, date, events (../shared/eval/FORMAT.md); an offset-only
training/corpus record (corpus, doc, start, end) is resolved with training/corpus_text.py.
Only records with split_of(id) == "tune" are read (never the holdout part). Prints two
frequency lists, each counted once per record: missed codes (first three letters of a gold
source/target that no mention in the record yields) and unresolved capitalised phrases of the
records with a miss, so the names worth adding to realpolitik/actors/data are the recurring ones.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from realpolitik.actors import find_actors  # noqa: E402
from realpolitik.evaluate import split_of  # noqa: E402
from realpolitik.nlp import parse  # noqa: E402

# A run of capitalised words (inner "of/the/and/for/al-" allowed), the shape of a name.
_CAPS = re.compile(r"\b[A-Z][\w'\-.]*(?:\s+(?:(?:of|the|and|for|al-|el-|de)\s+)*[A-Z][\w'\-]*)*")
# Capitalised words that are sentence furniture, not names (why: they dominate the list).
_SKIP = {"The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "But", "And", "Mr", "Mrs",
         "Ms", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "This",
         "That", "After", "Before", "Latest", "Key", "Jan", "Feb", "March", "April", "May", "June",
         "July", "Aug", "Sept", "Oct", "Nov", "Dec", "January", "February", "August", "September",
         "October", "November", "December", "Reuters", "AFP", "AP", "BREAKING", "UPDATE"}


def records(path: str) -> list[dict]:
    """The tune records of one gold or offset-only file, with their text."""
    out = []
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        if split_of(rec["id"]) != "tune" or rec.get("events") is None:
            continue
        if "text" not in rec:
            from corpus_text import resolve
            rec["text"] = resolve(rec)
        out.append(rec)
    return out


def gaps(recs: list[dict]) -> tuple[Counter, Counter, Counter, int]:
    """(missed codes, unresolved phrases in missing records, codes seen, records with a miss)."""
    missed, phrases, seen, n_miss = Counter(), Counter(), Counter(), 0
    for rec, doc in zip(recs, parse(r["text"] for r in recs)):
        found = find_actors(doc, rec.get("date"))
        got = {m.code[:3] for m in found}
        gold = {c[:3] for e in rec["events"] for c in (e.get("source"), e.get("target")) if c}
        seen.update(gold)
        miss = gold - got
        if not miss:
            continue
        n_miss += 1
        missed.update(miss)
        covered = [(m.start, m.end) for m in found]
        names = set()
        for m in _CAPS.finditer(rec["text"]):
            s, e = m.span()
            phrase = m.group().strip(".")
            if phrase in _SKIP or any(a < e and s < b for a, b in covered):
                continue
            names.add(phrase)
        phrases.update(names)
    return missed, phrases, seen, n_miss


def main(argv: list[str]) -> None:
    """Print the two frequency lists for the files on the command line."""
    top = 60
    if "--top" in argv:
        i = argv.index("--top")
        top = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    recs = [r for path in argv for r in records(path)]
    missed, phrases, seen, n_miss = gaps(recs)
    print(f"tune records: {len(recs)}; records with a missed gold actor: {n_miss}")
    print("\nmissed code (records missed / records with it in gold):")
    for code, n in missed.most_common(top):
        print(f"  {code}\t{n}/{seen[code]}")
    print("\nunresolved capitalised phrases in those records:")
    for phrase, n in phrases.most_common(top):
        if n > 1:
            print(f"  {n}\t{phrase}")


if __name__ == "__main__":
    main(sys.argv[1:])
