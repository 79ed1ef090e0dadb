"""The attribute ruler and lemmatizer of the spaCy model, memoised per token (issue 9, speed).

Both are Python loops over tokens and cost about a quarter of the pipeline on the fast path's
short runs, yet what they write on a token depends only on its own text, tag and dependency
label, plus the few multi-token rules of the attribute ruler that match at it ("there is": POS
VERB). This module keys each token on exactly that, replays the real components on a Doc holding
an unseen key and reuses their answers afterwards, so the annotations are those of the real
components (tests/test_coding_fastpath.py checks it on whole articles).
"""
from __future__ import annotations

import numpy

# Distinct keys kept before the memo starts afresh: some 100,000 on the 2,225 BBC articles
# (about 20 MB); the cap bounds memory on endless streams.
MAX_KEYS = 400_000


class FastAttrs:
    """`attribute_ruler` + `lemmatizer` of a pipeline, answered from a memo where it can."""

    names = ("attribute_ruler", "lemmatizer")

    def __init__(self, nlp):
        from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
        from spacy.matcher import Matcher

        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.in_attrs = [ORTH, TAG, DEP]
        self.out_attrs = [TAG, POS, MORPH, LEMMA, DEP]
        # The multi-token rules, under the ruler's own rule number (its order of precedence).
        self.multi = Matcher(nlp.vocab, validate=False)
        self.n_multi = 0
        for i, rule in enumerate(self.ruler.patterns):
            pats = [p for p in rule["patterns"] if len(p) > 1]
            if pats:
                self.multi.add(f"{i}:{rule['index']}", pats)
                self.n_multi += 1
        self.memo: dict[tuple, tuple[int, ...]] = {}
        self.hits = self.misses = 0

    def _keys(self, doc) -> list[tuple]:
        rows = doc.to_array(self.in_attrs).tolist()
        extra: dict[int, list[int]] = {}
        if self.n_multi:
            strings = doc.vocab.strings
            for match_id, start, end in self.multi(doc):
                rule, index = strings[match_id].split(":")
                idx = int(index)
                tok = start + (idx if idx >= 0 else end - start + idx)
                extra.setdefault(tok, []).append(int(rule))
        return [(o, t, d, tuple(sorted(extra[i])) if i in extra else ()) for i, (o, t, d) in enumerate(rows)]

    def _learn(self, vocab, keys: set[tuple]) -> None:
        """Run the real components once over the unseen single-token keys, laid out in one Doc.

        A token whose neighbours there happen to form a multi-token rule gets another key and is
        not learnt: it is learnt later from its article.
        """
        from spacy.attrs import DEP, HEAD, TAG
        from spacy.tokens import Doc

        keys = sorted(keys)
        strings = vocab.strings
        doc = Doc(vocab, words=[strings[k[0]] for k in keys])
        doc.from_array([TAG, DEP, HEAD], numpy.asarray([(k[1], k[2], 0) for k in keys], dtype="uint64"))
        laid_out = self._keys(doc)
        doc = self.lemmatizer(self.ruler(doc))
        for k, got, row in zip(keys, laid_out, doc.to_array(self.out_attrs).tolist()):
            if got == k:
                self.memo[k] = tuple(row)

    def __call__(self, doc, keys: list[tuple] | None = None):
        """The Doc with the ruler's and the lemmatizer's annotations."""
        if not len(doc):
            return self.lemmatizer(self.ruler(doc))
        keys = keys if keys is not None else self._keys(doc)
        memo = self.memo
        try:
            out = [memo[k] for k in keys]
        except KeyError:
            self.misses += 1
            doc = self.lemmatizer(self.ruler(doc))
            for k, row in zip(keys, doc.to_array(self.out_attrs).tolist()):
                memo[k] = tuple(row)
            return doc
        self.hits += 1
        doc.from_array(self.out_attrs, numpy.asarray(out, dtype="uint64"))
        return doc

    def pipe(self, docs):
        """Each Doc, annotated (unseen tokens are first learnt together, in one pass)."""
        docs = list(docs)
        if len(self.memo) > MAX_KEYS:
            self.memo.clear()
        all_keys = [self._keys(doc) for doc in docs]
        unseen = {k for keys in all_keys for k in keys if not k[3] and k not in self.memo}
        if unseen:
            self._learn(docs[0].vocab, unseen)
        for doc, keys in zip(docs, all_keys):
            yield self(doc, keys)
