"""The rules coder's fast path: parse only the sentences that can yield an event.

Stage 1 runs the tokenizer, the model's own sentence recogniser (`senter`, shipped disabled: on
BBC news it costs about 1/70 of the full pipeline) and the line-break rule over the whole
article. A sentence is a candidate when it holds an actor's surface form (the actors' alias
automaton, or a sector noun) and a word that can lemmatise to one of the coder's gate lemmas
(`triggers.gate_lemmas`; the lemmatizer's own tables, inverted, so the test is a superset of the gate),
except that a reporting verb that is no trigger ("said", `triggers.say_only_lemmas`) counts only beside
"must" or "should", the one reading it has.
Stage 2 runs the full pipeline on runs of candidate sentences only, with a few tokens of context
either side, plus what the document-level reading needs from outside them: the title and the
lead's first sentence (title hedges), lead-in lines above bullets, and the sentence before a
pronoun that may be a source ("he said"). Its attribute ruler and lemmatizer answer from a memo
(coding/fastattrs.py). The parsed runs are written back into the stage-1 Doc, so the coder sees
one Doc over the whole article text and every offset stays an article offset; unparsed sentences
carry a flat placeholder tree and no lemmas, so the coder's gate passes over them.

On the three dev sets both paths give the same predictions, ids included; on the 2,225 BBC
articles the same events, but in 90 articles some ids and `sentence_index` differ: the sentences
of an unparsed stretch are counted as the recogniser cuts them, which now and then differs from
the parser. Off with the setting `coding.fastpath` false (`realpolitik code --no-fastpath`).
"""
from __future__ import annotations

import logging
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable, Iterator

import numpy

from realpolitik.actors.tables import TEXT_KEY
from realpolitik.model import Article, Event
from realpolitik.steps import code_parsed

log = logging.getLogger(__name__)

# Token flags of the prefilter: a trigger's possible lemma, a sector noun, a pronoun, a reporting verb that
# is no trigger ("said"), an auxiliary of obligation ("must").
TRIG, SECTOR, PRON, SAY, OBLIGE = 1, 2, 4, 8, 16
_PARSED_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID")
# Tokens of context a run is parsed with on each side (see _context). On the 2,225 BBC articles
# 2, 3 and 4 all give exactly the whole-article parse's events (0 does not: 7 articles differ);
# each token more costs about a point of parsed text (0: 35%, 2: 37.7%, 3: 39%, 4: 40.3%).
CONTEXT_TOKENS = 3
# Word forms whose flags are memoised: news vocabularies stay far below (the 2,225 BBC articles
# have 30,428 distinct lowercase forms); the cap bounds memory on endless streams.
MAX_WORDS = 500_000
STATS = {"reparsed": 0}  # runs parsed again without context (a sentence crossed the run's edge)


class Prefilter:
    """Which stage-1 sentences may yield an event, and what else must be parsed for them."""

    def __init__(self, nlp, sourceless: bool = False):
        from realpolitik.coding.candidates import OBLIGATION_AUX
        from realpolitik.coding.triggers import STATE_OF_NOUNS, gate_lemmas, say_only_lemmas

        self.sourceless = sourceless
        # The coder's own gate: a sentence without one of these lemmas yields nothing (stages.candidates).
        # Its reporting verbs yield only with "must" or "should" (candidates._obligation); on BBC news a
        # sentence that only they let through is a tenth of the parsed text, and hardly ever has either.
        self.say = say_only_lemmas()
        self.heads = frozenset(gate_lemmas() - self.say) | frozenset(STATE_OF_NOUNS)
        self.oblige = frozenset(OBLIGATION_AUX)
        self.pronouns = _pronouns()
        self.sectors, self.not_standalone = _sector_terms()
        self._lemmas = _LemmaForms(nlp)
        self._flags: dict[str, int] = {}
        self._by_hash: dict[int, int] = {}

    def flags(self, lower: str) -> int:
        """The prefilter flags of a lowercase word form (cached)."""
        f = self._flags.get(lower)
        if f is None:
            forms = self._lemmas.forms(lower)
            f = 0
            if forms & self.heads:
                f |= TRIG
            elif forms & self.say:
                f |= SAY
            if lower in self.oblige:
                f |= OBLIGE
            if lower not in self.not_standalone and (forms & self.sectors):
                f |= SECTOR
            if lower in self.pronouns:
                f |= PRON
            self._flags[lower] = f
        return f

    def actor_hits(self, text: str) -> list[int]:
        """Start offsets of alias occurrences that may be an actor (case fits, not a non-actor phrase)."""
        from realpolitik.actors.context import case_ok
        from realpolitik.actors.tables import candidates, tables

        aliases = tables().aliases
        out = []
        for start, end, key in candidates(text):
            surface = text[start:end]
            if any(a.entry.kind not in ("block", "place") and case_ok(a, surface) for a in aliases[key]):
                out.append(start)
        return out

    def token_flags(self, doc) -> numpy.ndarray:
        """The flags of every token of a Doc (from its lowercase forms' hashes, no Token objects)."""
        from spacy.attrs import LOWER

        by_hash = self._by_hash
        if len(by_hash) > MAX_WORDS:  # endless streams of new words (numbers, links): start afresh
            by_hash.clear()
            self._flags.clear()
            self._lemmas._cache.clear()
        strings = doc.vocab.strings
        out = []
        for h in doc.to_array(LOWER).tolist():
            f = by_hash.get(h)
            if f is None:
                f = by_hash[h] = self.flags(strings[h])
            out.append(f)
        return numpy.asarray(out, dtype="int64")

    def plan(self, doc, text: str) -> list[tuple[int, int, bool]]:
        """Runs of stage-1 sentences as (start token, end token, parse?), covering the whole Doc."""
        from spacy.attrs import IDX, SENT_START

        from realpolitik.actors.document import reference_hits

        arr = doc.to_array([IDX, SENT_START]).astype("int64")
        firm = [0]
        for i in numpy.flatnonzero(arr[:, 1] == 1).tolist():
            if not i:
                continue
            if _firm(doc, i):
                firm.append(i)
            else:
                doc[i].is_sent_start = False  # the unparsed stretches keep these sentences too
        starts = numpy.asarray(firm, dtype="int64")
        bounds = starts.tolist() + [len(doc)]
        n = len(starts)
        starts_char = arr[starts, 0].tolist()
        sent_flags = numpy.bitwise_or.reduceat(self.token_flags(doc), starts).tolist()
        has_actor = [bool(f & SECTOR) for f in sent_flags]
        for start in self.actor_hits(text):
            k = bisect_right(starts_char, start) - 1
            if k >= 0:
                has_actor[k] = True
        # document-level references ("Ms X", "the two sides", "the IRGC"): actors once the article is read;
        # the sentence naming a reference's antecedent is parsed with it (its name's entity and title)
        antecedents: dict[int, list[int]] = {}
        named = list(has_actor)
        for start, before in reference_hits(text):
            k = bisect_right(starts_char, start) - 1
            if k < 0:
                continue
            if before is None:
                has_actor[k] = True
                continue
            a = max(0, bisect_right(starts_char, before) - 1)
            if named[a]:  # a name resolves only through an actor named with it ("Polish minister X")
                has_actor[k] = True
                antecedents.setdefault(k, []).append(a)
        sel = [False] * n
        for i, f in enumerate(sent_flags):
            if (f & TRIG or f & SAY and f & OBLIGE) and (has_actor[i] or self.sourceless):
                sel[i] = True
        cands = [i for i in range(n) if sel[i]]
        if not cands:
            return [(0, len(doc), False)]
        for i in cands:
            for k in antecedents.get(i, ()):
                sel[k] = True
        # "he said": the source's antecedent is looked up in the sentence before (factuality.scope)
        for i in cands:
            if sent_flags[i] & PRON and i > 0 and has_actor[i - 1]:
                sel[i - 1] = True
        ends_char = starts_char[1:] + [len(text)]
        for i in _structure_sentences(doc, text, starts_char, [(starts_char[i], ends_char[i]) for i in cands]):
            sel[i] = True
        for i in range(1, n - 1):  # a short sentence between two parsed ones costs less than their contexts
            if not sel[i] and sel[i - 1] and sel[i + 1] and bounds[i + 1] - bounds[i] <= 2 * CONTEXT_TOKENS:
                sel[i] = True
        runs: list[tuple[int, int, bool]] = []
        for i in range(n):
            s, e = bounds[i], bounds[i + 1]
            if runs and runs[-1][2] == sel[i]:
                runs[-1] = (runs[-1][0], e, sel[i])
            else:
                runs.append((s, e, sel[i]))
        return runs


_TERMINAL = frozenset(".!?\u2026")
_CLOSING = frozenset("\"'\u201d\u2019)]\u00bb")


def _firm(doc, i: int) -> bool:
    """Whether a sentence start found by the recogniser is one the parser would also make.

    It keeps line starts and starts after terminal punctuation (closing quotes and brackets
    included); it drops the others ("Anti|-smoking", "[|Rosneft"), which the parser almost never
    makes (on 300 BBC articles: 16 of the recogniser's 19 starts that the parser does not make,
    none of the 5,450 it does) and which, at the edge of a parsed run, would cut a sentence in two.
    """
    prev = doc[i - 1]
    if prev.is_space:
        if "\n" in prev.text or i < 2:
            return True
        prev = doc[i - 2]
    t = prev.text
    if t[-1] in _TERMINAL:
        return True
    if t[-1] in _CLOSING:
        return (len(t) > 1 and t[-2] in _TERMINAL) or (prev.i > 0 and doc[prev.i - 1].text[-1] in _TERMINAL)
    return False


def _structure_sentences(doc, text: str, starts_char: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """Sentences the document-level factuality reading needs parsed for the candidate spans: the
    title and the lead's first sentence when a candidate lies in them (title hedges colour both),
    and the lead-in line above a bullet holding a candidate ("Officials said:")."""
    if "\n" not in text:
        return []
    from realpolitik.factuality.document import document_context

    ctx = document_context(doc)  # its geometry (lines, title, lead, bullets) comes from the text alone
    doc.user_data.clear()  # ... but its statuses do not: the coder must compute them on the parse
    out: list[int] = []

    def sent_at(offset: int) -> int:
        return max(0, bisect_right(starts_char, offset) - 1)

    def sents_over(start: int, end: int) -> list[int]:
        return list(range(sent_at(start), sent_at(max(start, end - 1)) + 1))

    def hit(a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in spans)

    if ctx.title is not None and (hit(ctx.title.start, ctx.title.end + 1)
                                  or (ctx.lead is not None and hit(ctx.lead.start, ctx.lead.end + 1))):
        out += sents_over(ctx.title.start, ctx.title.end)
        if ctx.lead is not None:
            out.append(sent_at(ctx.lead.start))
    for r in ctx.regions:
        if r.kind == "bullet" and hit(r.start, r.end):
            lead_in = lead_in_span(text, r.start)
            if lead_in is not None:
                out += sents_over(*lead_in)
    return out


def lead_in_span(text: str, pos: int) -> tuple[int, int] | None:
    """The (start, end) of the nearest line above `pos` that ends in a colon: a bullet's lead-in."""
    for _ in range(200):  # a list longer than this is no news article; its items keep their own status
        if pos <= 0:
            return None
        start = text.rfind("\n", 0, pos - 1) + 1
        line = text[start:pos].rstrip()
        if line.endswith(":"):
            return start, start + len(line)
        pos = start
    return None


def _pronouns() -> frozenset[str]:
    from realpolitik.factuality.lexicon import PRONOUNS

    return frozenset(PRONOUNS)


def _sector_terms() -> tuple[frozenset[str], frozenset[str]]:
    """Single-word sector terms (a standalone sector actor is one noun) and the too-vague ones."""
    from realpolitik.actors.sectors import NOT_STANDALONE
    from realpolitik.actors.tables import tables

    return frozenset(tables().sectors), frozenset(NOT_STANDALONE)


class _LemmaForms:
    """Every lemma the pipeline could give a word form, whatever its part of speech.

    It replays spaCy's rule lemmatizer for each part of speech it has tables for (keeping the
    forms it would drop too) and adds the attribute ruler's fixed lemmas, so a trigger lemma the
    full parse finds is always among them.
    """

    def __init__(self, nlp):
        lem = nlp.get_pipe("lemmatizer")
        self.tables = []
        exc_t, rules_t = (lem.lookups.get_table(t, {}) for t in ("lemma_exc", "lemma_rules"))
        for pos in set(rules_t.keys()) | set(exc_t.keys()):
            self.tables.append((rules_t.get(pos, []), exc_t.get(pos, {})))
        self.fixed: dict[str, set[str]] = {}
        self.wild: set[str] = set()
        for p in nlp.get_pipe("attribute_ruler").patterns:
            lemma = p["attrs"].get("LEMMA")
            if lemma is None:
                continue
            for pat in p["patterns"]:
                for tok in pat:
                    v = tok.get("LOWER", tok.get("ORTH"))
                    vals = [v] if isinstance(v, str) else (v.get("IN", []) if isinstance(v, dict) else [])
                    if not vals:  # a tag-only or regex rule: its lemma may land on any word
                        self.wild.add(lemma.lower())
                    for w in vals:
                        self.fixed.setdefault(w.lower(), set()).add(lemma.lower())
        self._cache: dict[str, frozenset[str]] = {}

    def forms(self, lower: str) -> frozenset[str]:
        """The possible lemmas (lowercase) of a lowercase word."""
        got = self._cache.get(lower)
        if got is not None:
            return got
        out = {lower}
        for rules, exc in self.tables:
            for old, new in rules:
                if lower.endswith(old):
                    form = lower[:len(lower) - len(old)] + new
                    if form:
                        out.add(form)
            out.update(exc.get(lower, ()))
        out |= self.fixed.get(lower, set())
        out |= self.wild
        got = frozenset(out)
        self._cache[lower] = got
        return got


@lru_cache(maxsize=1)
def _fast_attrs():
    from realpolitik.coding.fastattrs import FastAttrs
    from realpolitik.nlp import get_nlp

    return FastAttrs(get_nlp())


@lru_cache(maxsize=4)
def _prefilter(sourceless: bool) -> Prefilter:
    from realpolitik.nlp import get_nlp

    warm_up()
    return Prefilter(get_nlp(), sourceless)


def warm_up() -> None:
    """Load what the actors and place steps load lazily on their first article (the gazetteers: ~2 s),
    so that a long ingest's throughput and the first article's latency are not mixed up."""
    try:
        from realpolitik.actors import context, places
        from realpolitik.geo import gazetteer

        places.place_country("Lima")
        context.us_places()
        gazetteer.warm_up()
    except Exception:  # noqa: BLE001 - an optimisation only: the actors stage loads them itself
        log.warning("warming up the actor gazetteer failed; it loads on the first article", exc_info=True)


def _stage1(nlp, texts: list[str], batch_size: int):
    """Tokens, the model's sentence recogniser and the line-break rule: no tagger, parser or NER."""
    senter = nlp.get_pipe("senter")
    lines = nlp.get_pipe("rp_line_boundaries")
    for doc, text in zip(senter.pipe(nlp.tokenizer.pipe(texts, batch_size=batch_size), batch_size=batch_size), texts):
        doc.user_data[TEXT_KEY] = text  # the Doc was made from it: nobody need rebuild it
        yield lines(doc)


def _chunk(nlp, text: str, cols, s: int, e: int):
    """A fresh Doc of tokens s..e (same words, spaces and token norms; no sentence starts).

    `cols` is the article Doc's (IDX, LENGTH, SPACY, NORM) array: words are cut from the text.
    """
    from spacy.attrs import NORM
    from spacy.tokens import Doc

    rows = cols[s:e].tolist()
    out = Doc(nlp.vocab, words=[text[i:i + n] for i, n, _, _ in rows], spaces=[bool(sp) for _, _, sp, _ in rows])
    out.from_array([NORM], cols[s:e, 3:4])
    return out


def _context(doc, s: int, e: int) -> tuple[int, int]:
    """How many tokens before and after a run to parse with it, for context only.

    The model's token vectors see four tokens either side (a CNN of depth 4, window 1) and the
    parser's last decisions in a sentence look at the words after it, so a run parsed alone can
    come out otherwise than in its article (on the BBC corpus: "police issue ... and his parents
    plead ..." lost its root without the next paragraph). With a few tokens each side its words
    are tagged and parsed as in the whole article; the context's own annotations are dropped.
    """
    return min(s, CONTEXT_TOKENS), min(len(doc) - e, CONTEXT_TOKENS)


def _strip(nlp, chunk, k: int, r: int):
    """The parsed run without its context tokens (k before, r after), as an attribute array."""
    from spacy.attrs import ENT_IOB, HEAD, intify_attr

    attrs = [intify_attr(a) for a in _PARSED_ATTRS]
    arr = chunk.to_array(attrs)
    if not k and not r:
        return arr
    n = len(chunk)
    heads = numpy.arange(n) + arr[:, attrs.index(HEAD)].astype("int64")
    inside = (numpy.arange(n) >= k) & (numpy.arange(n) < n - r)
    if (inside != inside[heads]).any():
        # a sentence runs across the run's edge: the parser joined it to its context, which the
        # whole-article parse may not do; parse the run alone, as its sentence recogniser cut it
        from spacy.attrs import IDX, LENGTH, NORM, SPACY

        STATS["reparsed"] += 1
        again = nlp(_chunk(nlp, chunk.text, chunk.to_array([IDX, LENGTH, SPACY, NORM]), k, n - r))
        return again.to_array(attrs)
    arr = arr[k:n - r]
    iob = attrs.index(ENT_IOB)
    if len(arr) and arr[0][iob] == 1:  # an entity begun in the context: it starts here
        arr[0][iob] = 3
    return arr


def _merge(nlp, doc, runs, parsed: list) -> None:
    """Write the parsed runs' annotations into the stage-1 Doc; other sentences get a flat tree."""
    from spacy.attrs import DEP, HEAD, SENT_START, intify_attr

    attrs = [intify_attr(a) for a in _PARSED_ATTRS]
    head_col, dep_col = attrs.index(HEAD), attrs.index(DEP)
    arr = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
    root, flat = nlp.vocab.strings.add("ROOT"), nlp.vocab.strings.add("dep")
    it = iter(parsed)
    sent_starts = None
    for s, e, parse in runs:
        if parse:
            arr[s:e] = next(it)
            continue
        if sent_starts is None:
            sent_starts = numpy.flatnonzero(doc.to_array(SENT_START).astype("int64") == 1).tolist()
            if not sent_starts or sent_starts[0] != 0:
                sent_starts.insert(0, 0)
        lo = bisect_right(sent_starts, s) - 1
        for k in range(max(lo, 0), len(sent_starts)):
            a = max(sent_starts[k], s)
            if a >= e:
                break
            b = min(sent_starts[k + 1] if k + 1 < len(sent_starts) else len(doc), e)
            arr[a, dep_col] = root
            arr[a + 1:b, dep_col] = flat
            # relative heads, stored as unsigned: each token points at its sentence's first one
            arr[a + 1:b, head_col] = numpy.arange(-1, a - b, -1, dtype="int64").astype("uint64")
    doc.from_array(attrs, arr)
    doc.user_data.clear()


def parse_articles(texts: list[str], prefilter: Prefilter, batch_size: int = 32) -> list:
    """Stage 1 + stage 2 over a batch of texts: one Doc per text, parsed where it matters."""
    from spacy.attrs import IDX, LENGTH, NORM, SPACY

    from realpolitik.nlp import get_nlp

    nlp = get_nlp()
    docs = list(_stage1(nlp, texts, batch_size))
    plans, jobs, margins = [], [], []
    for doc, text in zip(docs, texts):
        runs = prefilter.plan(doc, text) if len(doc) else []
        plans.append(runs)
        if any(p for _, _, p in runs):
            cols = doc.to_array([IDX, LENGTH, SPACY, NORM])
            for s, e, p in runs:
                if p:
                    k, r = _context(doc, s, e)
                    jobs.append(_chunk(nlp, text, cols, s - k, e + r))
                    margins.append((k, r))
    attrs = _fast_attrs()
    done = attrs.pipe(nlp.pipe(jobs, batch_size=batch_size, disable=list(attrs.names)))
    parsed = iter([_strip(nlp, d, k, r) for d, (k, r) in zip(done, margins)])
    out = []
    for doc, runs, text in zip(docs, plans, texts):
        mine = [next(parsed) for _, _, p in runs if p]
        if mine:
            _merge(nlp, doc, runs, mine)
            doc.user_data[TEXT_KEY] = text  # the Doc was made from it: nobody need rebuild it
            out.append(doc)
        else:
            out.append(None)  # nothing to parse: no sentence can yield an event
    return out


def code_many(coder, articles: Iterable[Article]) -> Iterator[list[Event]]:
    """The events of each article, in order: the pipeline's steps (`steps.code_parsed`) on fast-path Docs (on
    `Options.n_process` processes for long inputs, see coding/parallel.py)."""
    from realpolitik.coding import parallel

    if parallel.n_process(coder.options) > 1:
        yield from parallel.code_many(coder, articles, code_serial)
    else:
        yield from code_serial(coder, articles)


def code_serial(coder, articles: Iterable[Article]) -> Iterator[list[Event]]:
    """The events of each article, in order, in this process."""
    opts = coder.options
    prefilter = _prefilter(bool(getattr(coder, "sourceless", False)))  # best guesses too need an actor mention
    arts = iter(articles)
    while True:
        batch = [a for _, a in zip(range(opts.batch_size), arts)]
        if not batch:
            return
        for art, doc in zip(batch, parse_articles([a.text for a in batch], prefilter, opts.batch_size)):
            yield code_parsed(coder, doc, art) if doc is not None else []
