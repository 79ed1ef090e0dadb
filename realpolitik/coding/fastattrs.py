"""The attribute ruler and lemmatizer of the spaCy model, memoised per token (speed).

Both are Python loops over tokens and cost about a quarter of the pipeline on the fast path's
short runs, yet what they write on a token depends only on its own text and tag, its dependency
label where a rule tests one (a few words and tags, and whether it is "aux"), and the few
multi-token rules of the attribute ruler that match at it ("there is": POS VERB). This module
keys each token on exactly that, runs the real components once over the unseen keys of a batch
and reuses their answers afterwards, so the annotations are those of the real components
(tests/test_coding_fastpath.py compares them; on 302 whole BBC articles every token agreed).
"""
from __future__ import annotations

import logging

import numpy

log = logging.getLogger(__name__)

# Distinct keys kept before the memo starts afresh: 300 whole BBC articles give some 16,000
# (a few MB); the cap bounds memory on endless streams.
MAX_KEYS = 400_000


# Columns of `FastAttrs.in_attrs` a pattern's fixed values are looked up in.
_COLUMNS = {"ORTH": 0, "TAG": 1, "DEP": 2, "LOWER": 3}


def _needs(pattern: list[dict], strings) -> list[tuple[str, frozenset[int]]]:
    """(attribute, allowed values) that some token of a Doc must have for the pattern to match: one per
    token condition with fixed values (a string or an IN list); a regex or any other test needs nothing."""
    out = []
    for tok in pattern:
        for attr, v in tok.items():
            if attr not in _COLUMNS:
                continue
            vals = [v] if isinstance(v, str) else list(v["IN"]) if isinstance(v, dict) and set(v) == {"IN"} else None
            if vals is not None:
                out.append((attr, frozenset(strings.add(x.lower() if attr == "LOWER" else x) for x in vals)))
    return out


class FastAttrs:
    """`attribute_ruler` + `lemmatizer` of a pipeline, answered from a memo where it can."""

    names = ("attribute_ruler", "lemmatizer")

    def __init__(self, nlp):
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
        from spacy.matcher import Matcher

        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.in_attrs = [ORTH, TAG, DEP, LOWER, IS_SPACE]
        self.out_attrs = [TAG, POS, MORPH, LEMMA, DEP]
        # The multi-token rules, under the ruler's own rule number (its order of precedence).
        self.multi = Matcher(nlp.vocab, validate=False)
        self.n_multi = 0
        # per multi-token pattern, what a Doc must hold for it to match: the matcher costs as much as
        # the ruler it replaces, and most runs hold none of them (no "gon na", no expletive "there")
        self.needs: list[list[tuple[str, frozenset[int]]]] = []
        for i, rule in enumerate(self.ruler.patterns):
            pats = [p for p in rule["patterns"] if len(p) > 1]
            if pats:
                self.multi.add(f"{i}:{rule['index']}", pats)
                self.n_multi += 1
                self.needs += [_needs(p, nlp.vocab.strings) for p in pats]
        self._dep_rules(nlp.vocab.strings)
        self.memo: dict[tuple, tuple[int, ...]] = {}
        self.hits = self.misses = 0

    def _dep_rules(self, strings) -> None:
        """Where a token's dependency label can matter to the ruler, read off its one-token rules.

        Most rules ignore the label, so a key carries it only for the words, tags and whitespace
        that label rules are about; elsewhere it only says whether the label is one a rule tests
        ("aux" makes any word an AUX). With a rule beyond that, keys carry every label."""
        def values(v) -> tuple[list[str], bool]:
            if isinstance(v, str):
                return [v], False
            if isinstance(v, dict) and "IN" in v:
                return list(v["IN"]), False
            return [], True  # NOT_IN, REGEX, ...: any value

        self.dep_words: set[int] = set()
        self.dep_tags: set[int] = set()
        self.dep_labels: set[int] = set()
        self.dep_all = False
        for rule in self.ruler.patterns:
            for pat in rule["patterns"]:
                if len(pat) != 1:
                    continue
                tok = pat[0]
                if "DEP" not in tok and "DEP" not in rule["attrs"]:
                    continue
                words, any_word = values(tok.get("LOWER", tok.get("ORTH")))
                tags, any_tag = values(tok.get("TAG"))
                if tok.get("IS_SPACE") is True:
                    continue  # whitespace tokens always carry their label
                if words and not any_word:
                    self.dep_words.update(strings.add(w.lower()) for w in words)
                elif tags and not any_tag:
                    self.dep_tags.update(strings.add(t) for t in tags)
                else:
                    labels, any_label = values(tok.get("DEP"))
                    self.dep_labels.update(strings.add(d) for d in labels)
                    self.dep_all = self.dep_all or any_label or "DEP" in rule["attrs"]

    def _keys(self, doc) -> tuple[list[tuple], list[bool]]:
        """Each token's key, and whether the key holds its own dependency label."""
        rows = doc.to_array(self.in_attrs).tolist()
        extra: dict[int, list[int]] = {}
        if self.n_multi and self._may_match(rows):
            strings = doc.vocab.strings
            for match_id, start, end in self.multi(doc):
                rule, index = strings[match_id].split(":")
                idx = int(index)
                tok = start + (idx if idx >= 0 else end - start + idx)
                extra.setdefault(tok, []).append(int(rule))
        keys, full = [], []
        words, tags, labels, every = self.dep_words, self.dep_tags, self.dep_labels, self.dep_all
        for i, (o, t, d, low, space) in enumerate(rows):
            own = every or space or low in words or t in tags
            keys.append((o, t, d if own or d in labels else 0, own, tuple(sorted(extra[i])) if i in extra else ()))
            full.append(own)
        return keys, full

    def _may_match(self, rows: list[list[int]]) -> bool:
        """Whether some multi-token pattern may match tokens of these (ORTH, TAG, DEP, LOWER, IS_SPACE) rows."""
        have = {attr: {r[col] for r in rows} for attr, col in _COLUMNS.items()}
        return any(all(have[attr] & values for attr, values in need) for need in self.needs)

    def _learn(self, vocab, keys: set[tuple]) -> None:
        """Run the real components once over the unseen single-token keys, laid out in one Doc.

        A token whose neighbours there happen to form a multi-token rule gets another key and is
        not learnt: it is learnt later from its article.
        """
        from spacy.attrs import DEP, HEAD, TAG
        from spacy.tokens import Doc

        ordered = sorted(keys)
        strings = vocab.strings
        # A key without its label: any label no rule tests ("dep") will do. A last such token
        # keeps the Doc parsed, as the ruler's label rules require.
        placeholder = strings.add("dep")
        rows = [(k[1], k[2] if k[3] else placeholder, 0) for k in ordered] + [(strings.add(":"), placeholder, 0)]
        doc = Doc(vocab, words=[strings[k[0]] for k in ordered] + ["|"])
        doc.from_array([TAG, DEP, HEAD], numpy.asarray(rows, dtype="uint64"))  # type: ignore[arg-type]  # Ints2d is one
        laid_out, _ = self._keys(doc)
        doc = self.lemmatizer(self.ruler(doc))
        for k, got, row in zip(ordered, laid_out, doc.to_array(self.out_attrs).tolist()):
            if got == k:
                self.memo[k] = tuple(row)

    def __call__(self, doc, keys: tuple[list[tuple], list[bool]] | None = None):
        """The Doc with the ruler's and the lemmatizer's annotations."""
        from spacy.attrs import DEP

        if not len(doc):
            return self.lemmatizer(self.ruler(doc))
        token_keys, full = keys if keys is not None else self._keys(doc)
        memo = self.memo
        try:
            out = numpy.asarray([memo[k] for k in token_keys], dtype="uint64")
        except KeyError:
            self.misses += 1
            doc = self.lemmatizer(self.ruler(doc))
            for k, row in zip(token_keys, doc.to_array(self.out_attrs).tolist()):
                memo[k] = tuple(row)
            return doc
        self.hits += 1
        # a label the key left out is the token's own: the ruler does not change it there
        coarse = ~numpy.asarray(full, dtype=bool)
        out[coarse, 4] = doc.to_array(DEP)[coarse]
        doc.from_array(self.out_attrs, out)
        return doc

    def pipe(self, docs):
        """Each Doc, annotated (unseen tokens are first learnt together, in one pass)."""
        docs = list(docs)
        if len(self.memo) > MAX_KEYS:
            self.memo.clear()
        all_keys = [self._keys(doc) for doc in docs]
        unseen = {k for keys, _ in all_keys for k in keys if not k[4] and k not in self.memo}
        if unseen:
            self._learn(docs[0].vocab, unseen)
        for doc, keys in zip(docs, all_keys):
            yield self(doc, keys)
