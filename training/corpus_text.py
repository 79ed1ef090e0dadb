"""Resolve offset-only corpus annotations to their sentence text, and the deterministic sampler
that picked the sentences of training/corpus/ann2_batchNN.jsonl.

The texts stay in ../shared/corpora (copyrighted): the project stores only (corpus, doc, start, end).
    resolve(record) -> the sentence text of one annotation record
    python training/corpus_text.py check FILE...     verify every record's offsets and fields
    python training/corpus_text.py sample N          print the first N sampled (corpus, doc, start, end)
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (the main repo); a worktree elsewhere names it in REALPOLITIK_SHARED.
SHARED = Path(os.environ.get("REALPOLITIK_SHARED") or (ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir()
                                                      else "/work/shared"))
CORPORA = SHARED / "corpora"
EVAL = SHARED / "eval"
NAMES = ("synthetic_events_weaklabels", "bbc_news_2005")

TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
         "PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()
QUAD = {**{t: "verbal_cooperation" for t in TYPES[0:4]}, **{t: "material_cooperation" for t in TYPES[4:7]},
        **{t: "verbal_conflict" for t in TYPES[7:11]}, **{t: "material_conflict" for t in TYPES[11:]}}
FACTUALITY = {"asserted", "reported", "planned", "hypothetical", "denied", "question"}


@lru_cache(maxsize=None)
def corpus(name: str, root: str = str(CORPORA)) -> dict:
    """All records of one corpus file, by id."""
    out = {}
    with open(Path(root) / f"{name}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


def resolve(record: dict, root: str = str(CORPORA)) -> str:
    """The sentence text an offset-only annotation record points at."""
    text = corpus(record["corpus"], root)[record["doc"]]["text"]
    return text[record["start"]:record["end"]]


# Sentence ends: terminal punctuation (optionally a closing quote) then space and a capital/quote.
_END = re.compile(r"""(?<=[.!?])["”’']?\s+(?=["“‘(]?[A-Z0-9])""")
# Tokens ending in a full stop that do not end a sentence (why: titles and initials split wrongly).
_ABBR = re.compile(r"(\b(Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Rep|Sen|Gov|Prof|Jr|Sr|No|vs|Jan|Feb|Aug|Sept|Oct|"
                   r"Nov|Dec|Inc|Corp|Ltd|Co)|\b[A-Z]|\b[A-Z]\.[A-Z])\.$")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text, whitespace-stripped, never across a line break."""
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        base, chunk, last = para.start(), para.group(), 0
        for m in _END.finditer(chunk):
            words = chunk[last:m.start()].split()
            if not words or _ABBR.search(words[-1]):
                continue
            end = m.start() + (len(m.group()) - len(m.group().lstrip("\"”’'")))
            spans.append((base + last, base + end))
            last = m.end()
        spans.append((base + last, base + len(chunk)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        if e > s:
            out.append((s, e))
    return out


def _h(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()


def _usable(sent: str) -> bool:
    """A whole, ordinary sentence: 40-320 chars, ends in terminal punctuation or a closing quote."""
    return 40 <= len(sent) <= 320 and (sent[0].isupper() or sent[0] in '"“') and sent[-1] in '.!?"”'


_COUNTRY = re.compile(r"\b(US|UK|EU|UN|Nato|America\w*|Brit\w*|Chin\w*|Russia\w*|Iran\w*|Iraq\w*|Israel\w*|"
                      r"Palestin\w*|Syria\w*|Afghan\w*|Pakistan\w*|India\w*|Japan\w*|Korea\w*|German\w*|"
                      r"France|French|Ital\w*|Spain|Spanish|Ukrain\w*|Turk\w*|Egypt\w*|Sudan\w*|Zimbabwe\w*|"
                      r"Libya\w*|Saudi\w*|Brussels|Washington|Moscow|Beijing|Tehran|Baghdad|Kabul|Europe\w*)\b")


@lru_cache(maxsize=None)
def _excluded_ids() -> frozenset[str]:
    """Ids of every record in ../shared/eval and of the agreement batch's documents (never sampled)."""
    ids: set[str] = set()
    for path in sorted(EVAL.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            ids.update(json.loads(line)["id"] for line in fh)
    batch = ROOT / "training" / "agreement" / "batch.jsonl"
    if batch.exists():
        with open(batch, encoding="utf-8") as fh:
            ids.update(json.loads(line)["doc"] for line in fh)
    return frozenset(ids)


def _pick(corpus_name: str, rec: dict, want_country: bool, lead_share: float = 0.0) -> tuple[int, int] | None:
    """One usable sentence of a record, chosen by hash; optionally one naming a country; with
    probability lead_share (by hash) the record's first sentence, which carries the story's event."""
    text = rec["text"]
    spans = [(s, e) for s, e in sentences(text) if _usable(text[s:e])]
    if spans and int(_h("lead", rec["id"])[:8], 16) / 0xFFFFFFFF < lead_share and spans[0] == sentences(text)[0]:
        return spans[0]
    if want_country:
        spans = [(s, e) for s, e in spans if _COUNTRY.search(text[s:e])]
    if not spans:
        return None
    return min(spans, key=lambda se: _h(corpus_name, rec["id"], se[0]))


# Phases of the order (records, share of synthetic picks that are the story's lead sentence): batch 01
# took any sentence of a story and half had no event; batch 02 took 60% leads and still 42% had none;
# from batch 03 on 90% are leads (towards the guide's ~25% no-event share). Batches 01-06 held no question,
# so from batch 07 one slot in 10 is a sentence ending in "?" (factuality `question`). Docs already used
# are skipped.
PHASES = ((100, 0.0, False), (100, 0.6, False), (400, 0.9, False), (None, 0.9, True))


def sample():
    """Yield (corpus, doc, start, end) in the fixed order batches take them (see PHASES and _stream)."""
    seen: set[str] = set()
    for count, lead_share, questions in PHASES:
        taken = 0
        # the question phase skips used docs inside each source, so the 1-in-10 slots stay in step
        for row in _stream(lead_share, questions, seen if questions else None):
            if count is not None and taken == count:
                break
            if row[1] in seen:
                continue
            seen.add(row[1])
            taken += 1
            yield row


def _stream(lead_share: float, questions: bool = False, skip: set[str] | None = None):
    """Per 10 records, 7 synthetic (round robin over the 16 weak labels, docs in hash order) and 3 BBC
    (2 politics, 1 business/sport; sentences naming a country); with questions, the 8th slot is a
    question sentence naming a country while any is left (synthetic or BBC politics, in hash order, each text once).
    Docs in skip (read as it grows) are passed over inside each source."""
    skip = skip if skip is not None else set()
    excluded = _excluded_ids()
    syn = corpus(NAMES[0])
    by_label: dict[str, list[dict]] = {}
    for rec in sorted(syn.values(), key=lambda r: _h(NAMES[0], r["id"])):
        if rec["id"] not in excluded:
            by_label.setdefault(rec["label_event"], []).append(rec)
    bbc = corpus(NAMES[1])
    pol = [r for r in sorted(bbc.values(), key=lambda r: _h(NAMES[1], r["id"]))
           if r["id"] not in excluded and r["category"] == "politics"]
    neg = [r for r in sorted(bbc.values(), key=lambda r: _h(NAMES[1], r["id"]))
           if r["id"] not in excluded and r["category"] in ("business", "sport")]

    def syn_stream():
        labels = sorted(by_label)
        pos = {k: 0 for k in labels}
        while True:
            for lab in labels:
                while pos[lab] < len(by_label[lab]):
                    rec = by_label[lab][pos[lab]]
                    pos[lab] += 1
                    if rec["id"] in skip:
                        continue
                    span = _pick(NAMES[0], rec, False, lead_share)
                    if span:
                        yield (NAMES[0], rec["id"], *span)
                        break

    def bbc_stream(recs):
        for rec in recs:
            if rec["id"] in skip:
                continue
            span = _pick(NAMES[1], rec, True)
            if span:
                yield (NAMES[1], rec["id"], *span)

    def question_stream():
        recs = [(NAMES[0], r) for rows in by_label.values() for r in rows] + [(NAMES[1], r) for r in pol]
        texts: set[str] = set()
        for name, rec in sorted(recs, key=lambda nr: _h("question", nr[1]["id"])):
            text = rec["text"]
            spans = [(s, e) for s, e in sentences(text) if text[e - 1] == "?" and _usable(text[s:e])
                     and _COUNTRY.search(text[s:e]) and text[s:e] not in texts]
            if spans and rec["id"] not in skip:
                texts.add(text[spans[0][0]:spans[0][1]])
                yield (name, rec["id"], *spans[0])

    s, p, n, q = syn_stream(), bbc_stream(pol), bbc_stream(neg), question_stream()
    while True:
        for src in (s, s, p, s, s, n, s, q if questions else s, p, s):
            # few question sentences name a country: when they run out the slot goes back to synthetic
            row = next(src, None) if src is q else next(src)
            yield row if row is not None else next(s)


def check(record: dict) -> list[str]:
    """Problems with one annotation record (offsets not one stripped sentence, bad field values)."""
    errs = []
    text = corpus(record["corpus"])[record["doc"]]["text"]
    sent = text[record["start"]:record["end"]]
    if sent != sent.strip() or not sent:
        errs.append("span not stripped")
    if (record["start"], record["end"]) not in sentences(text):
        errs.append("span is not one whole sentence")
    if record["doc"] in _excluded_ids():
        errs.append("doc is in ../shared/eval or the agreement batch")
    for ev in record["events"]:
        if ev["type"] not in TYPES:
            errs.append(f"type {ev['type']}")
        elif ev["quad"] != QUAD[ev["type"]]:
            errs.append(f"quad {ev['quad']} for {ev['type']}")
        if ev["factuality"] not in FACTUALITY:
            errs.append(f"factuality {ev['factuality']}")
        for side in ("source", "target"):
            code = ev[side]
            if code is not None and not re.fullmatch(r"[A-Z]{3}[A-Z]*", code):
                errs.append(f"{side} {code}")
        if ev["mode"] is not None and ev["mode"] not in _modes().get(ev["type"], set()):
            errs.append(f"mode {ev['mode']} for {ev['type']}")
        if any(c not in _contexts() for c in ev["contexts"]):
            errs.append(f"contexts {ev['contexts']}")
    return errs


@lru_cache(maxsize=None)
def _modes() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in (SHARED / "reference" / "plover_modes.tsv").read_text().splitlines()[1:]:
        ev, mode = line.split("\t")[:2]
        out.setdefault(ev, set()).add(mode)
    return out


@lru_cache(maxsize=None)
def _contexts() -> set[str]:
    lines = (SHARED / "reference" / "plover_contexts.tsv").read_text().splitlines()[1:]
    return {line.split("\t")[0] for line in lines}


if __name__ == "__main__":
    if sys.argv[1:2] == ["check"]:
        bad = 0
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    for err in check(rec):
                        bad += 1
                        print(f"error: {path}: {rec['id']}: {err}")
        sys.exit(1 if bad else 0)
    if sys.argv[1:2] == ["sample"]:
        from itertools import islice
        for row in islice(sample(), int(sys.argv[2])):
            print(json.dumps(row))
