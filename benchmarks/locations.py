"""Event locations on the sample corpus: share of events located, and precision/recall against the
`location` of each expected event in examples/manifest.json.

Usage: python benchmarks/locations.py [--dump]   (--dump lists each expected event with the coder's place)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(dump: bool = False):
    """Code examples/ and score the locations; returns the LocationScore."""
    from realpolitik.geo.score import LocationScore, match_expected
    from realpolitik.ingest import RawItem, read_inputs
    from realpolitik.pipeline import code_articles

    manifest = json.loads((ROOT / "examples" / "manifest.json").read_text(encoding="utf-8"))
    items = {i.where.split("examples/", 1)[-1]: i.article for i in read_inputs([str(ROOT / "examples")])
             if isinstance(i, RawItem)}
    keys = [e["file"] + (f"#{e['id']}" if e["id"] else "") for e in manifest]
    arts = [items[k] for k in keys]
    score = LocationScore()
    for entry, art, events in zip(manifest, arts, code_articles(arts)):
        score.events += len(events)
        for ev in events:
            if ev.location is not None:
                score.located += 1
                p = ev.location.precision or "unknown"
                score.by_precision[p] = score.by_precision.get(p, 0) + 1
        for want in entry["expected"]:
            got = match_expected(art.text, events, want)
            if dump:
                print(json.dumps({"key": entry["key"], "cue": want["cue"], "type": want["type"],
                                  "matched": got is not None,
                                  "got": None if got is None or got.location is None else
                                  [got.location.name, got.location.country, got.location.precision, got.location.basis],
                                  "want": want.get("location", "?")}, ensure_ascii=False))
            if got is not None and "location" in want:
                loc = got.location
                score.add(entry["key"], want["cue"], None if loc is None else
                          {"name": loc.name, "country": loc.country, "precision": loc.precision}, want["location"])
    return score


if __name__ == "__main__":
    s = run(dump="--dump" in sys.argv)
    print(json.dumps(s.as_dict(), indent=1))
    for e in s.errors:
        print("miss:", e)
