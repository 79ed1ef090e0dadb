"""Scope of factuality cues within a sentence: which words govern the event's trigger.

`assess(doc, sent, trigger, ctx)` walks from the event's trigger up the dependency tree to the
sentence root, collecting the cues that scope over it (modals, negation, hedging adverbs,
"according to", reporting, denial, planning and conditional verbs), then adds what the document
structure says (bullets inheriting their lead-in, question headings, tables of contents, hedged
titles). The strongest cue wins, in the order of `PRECEDENCE`.

Precedence follows the logic of the project's gold labels (../shared/eval/FORMAT.md): a future or
conditional claim stays planned / hypothetical even when someone is quoted saying it ("X will
invest, the prince announced" is planned), while attribution outranks a plain statement of fact.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable

from realpolitik.actors import find_actors
from realpolitik.factuality.document import ACTORS_KEY, DocContext, document_context
from realpolitik.factuality.lexicon import (
    ACCUSE_VERBS,
    ACT_PROMISE_VERBS,
    ADDRESSEE_VERBS,
    CLAIM_NOUNS,
    CONTRAST_WORDS,
    DEFINITE,
    DENIAL_NOUNS,
    DENIAL_VERBS,
    GENERIC_SOURCE_MODIFIERS,
    GENERIC_SOURCES,
    HEDGE_ADVERBS,
    INTENT_ADJECTIVES,
    MODALS,
    NOT_ONLY_WORDS,
    NOUN_MODIFIERS,
    OCCURRENCE_VERBS,
    PASSIVE_PLAN_VERBS,
    PLAN_NOUNS,
    PLAN_VERBS,
    POSSIBLE_ADJECTIVES,
    POSSIBLE_ADVERBS,
    POSSIBLE_NOUNS,
    POSSIBLE_VERBS,
    PROMISE_VERBS,
    PRONOUNS,
    QUESTION_HEADS,
    RANK,
    REFUSAL_VERBS,
    REPORT_NOUNS,
    REPORT_PASSIVES,
    REPORTING_VERBS,
    SEEM_VERBS,
    SPEECH_ACTS,
    lemma_of,
)
from realpolitik.model import Span
from realpolitik.nlp import misattached_reporter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Assessment:
    """How sure the text is about one event, the words that say so, and who says so."""

    factuality: str = "asserted"  # one of PRECEDENCE
    cues: tuple[Span, ...] = ()  # words that decided it, char offsets in doc.text
    attributed_to: str | None = None  # who says so, as written ("two officials familiar with ...")
    attribution_code: str | None = None  # actor code of the source when it resolves
    unattributed: bool = False  # a claim with no named source ("reports indicate", "reportedly")
    suppress: bool = False  # not news at all (table of contents): the coder should drop the event
    reason: str = ""  # short label of the deciding rule, for debugging and evidence


@dataclass(frozen=True)
class _Cue:
    factuality: str
    tokens: tuple[int, ...]  # token indices in the doc
    rule: str
    source: tuple[int, int] | None = None  # token range [start, end) of the named source
    generic: bool = False  # a reporting cue with no named source


def _subject(tok):
    """The grammatical subject of a verb (or the agent of a passive), or None."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _np_range(tok) -> tuple[int, int]:
    """Token range of a noun phrase: its subtree, trimmed of punctuation at either end."""
    toks = list(tok.subtree)
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    return (toks[0].i, toks[-1].i + 1) if toks else (tok.i, tok.i + 1)


def _is_generic(doc, rng: tuple[int, int]) -> bool:
    """A source phrase that names no one: "reports", "some media reports", "sources", "it"."""
    toks = [t for t in doc[rng[0]:rng[1]] if not t.is_punct]
    if not toks:
        return True
    heads = [t for t in toks if t.head.i < rng[0] or t.head.i >= rng[1] or t.head == t]
    head = heads[0] if heads else toks[-1]
    if head.lower_ not in GENERIC_SOURCES and lemma_of(head) not in GENERIC_SOURCES:
        return False
    if any(t.lower_ in DEFINITE or t.dep_ == "poss" for t in toks):
        return False  # "the report said": a known report, not hearsay
    # "a defence industry source", "Western intelligence sources" describe their source: attributed.
    return all(t is head or t.pos_ in ("DET", "NUM", "PRON") or t.lower_ in GENERIC_SOURCE_MODIFIERS
               for t in toks)


def _report_cue(doc, verb, rule: str, cue_tokens: Iterable[int] | None = None) -> _Cue:
    """A reported cue from a reporting verb, with its subject as the source."""
    subj = _subject(verb)
    toks = tuple(cue_tokens) if cue_tokens is not None else (verb.i,)
    if subj is None or subj.lower_ in ("it", "there") and subj.dep_ == "nsubjpass":
        return _Cue("reported", toks, rule, None, True)
    rng = _np_range(subj)
    return _Cue("reported", toks, rule, rng, _is_generic(doc, rng))


def _has_if_clause(tok) -> int | None:
    """Index of the "if"/"unless" of a conditional clause attached to tok, or None."""
    for c in tok.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in ("if", "unless"):
                    return m.i
    return None


def _is_negation(tok) -> bool:
    """A "not"/"never"/"n't" negating its head; "not only ... but also" affirms."""
    if not (tok.dep_ == "neg" or (tok.lower_ in ("never", "not") and tok.dep_ == "advmod")):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.lower_ not in NOT_ONLY_WORDS


def _own_cues(doc, tok, is_trigger: bool, in_report: bool, neg_ok: bool, subject_event: bool = False) -> list[_Cue]:
    """Cues carried by tok's own modifiers: modals, negation, hedges, according-to, conditions. `subject_event`:
    the trigger is an event noun subject of tok ("a blockade of X would cost ..."), whose "would" tells a
    supposed act's consequence, never a reported plan, even under "said"."""
    cues: list[_Cue] = []
    children = list(tok.children)
    for c in children:
        low, dep = c.lower_, c.dep_
        if dep in ("aux", "auxpass") and c.tag_ == "MD" and low in MODALS:
            fact = MODALS[low]
            has_perfect = any(a.dep_ == "aux" and a.lemma_ == "have" for a in children)
            if low == "would" and in_report and not has_perfect and not subject_event and _has_if_clause(tok) is None:
                fact = "planned"  # future in the past: "said it would veto"
            toks = [c.i] + ([a.i for a in children if a.dep_ == "aux" and a.lemma_ == "have"] if has_perfect else [])
            cues.append(_Cue(fact, tuple(sorted(toks)), f"modal:{low}"))
        elif dep == "aux" and low == "to" and tok.tag_ == "VB" and is_trigger and (
                tok.dep_ == "ROOT" or (tok.dep_ == "ccomp" and tok.head.i > tok.i and any(
                    s.dep_ == "nsubj" for s in tok.children))):
            # "China to supply Iran ..." (also before ", sources say": still a plan, reported)
            cues.append(_Cue("planned", (c.i,), "headline-infinitive"))
        elif neg_ok and _is_negation(c):
            toks = [a.i for a in children if a.dep_ == "aux" and a.i == c.i - 1] + [c.i]
            cues.append(_Cue("denied", tuple(toks), "negation"))
        elif dep == "advmod" and low in HEDGE_ADVERBS:
            cues.append(_Cue("reported", (c.i,), "hedge-adverb", None, True))
        elif dep == "advmod" and low in POSSIBLE_ADVERBS:
            cues.append(_Cue("hypothetical", (c.i,), "possibility-adverb"))
        elif dep == "prep" and low == "according":
            to = [g for g in c.children if g.lower_ == "to"]
            pobj = [p for g in to for p in g.children if p.dep_ == "pobj"]
            src = _np_range(pobj[0]) if pobj else None
            cues.append(_Cue("reported", (c.i,) + tuple(g.i for g in to), "according-to", src,
                             src is None or _is_generic(doc, src)))
        elif dep in ("parataxis", "ccomp", "advcl", "conj") and lemma_of(c) in REPORTING_VERBS \
                and c.i > tok.i and not (lemma_of(tok) in SPEECH_ACTS and dep == "ccomp") \
                and c.tag_ != "VB" \
                and not any(g.dep_ in ("ccomp", "xcomp") for g in c.children) \
                and not ((c.tag_ == "VBG" or dep == "conj") and lemma_of(c) not in ADDRESSEE_VERBS
                         and any(g.dep_ == "dobj" for g in c.children)):
            # a purpose infinitive ("training crews to maintain tanks") attributes nothing, and a verb with
            # its own content ("..., while NATO said the alliance would hold") reports that, not the trigger;
            # nor does one with its own object ("..., citing security concerns", "and Niger recalled its envoy")
            cues.append(_report_cue(doc, c, "inverted-report"))  # "..., officials said"
        elif dep == "mark" and low == "whether":
            cues.append(_Cue("question", (c.i,), "whether"))
        elif dep == "mark" and low in ("if", "unless"):
            q = lemma_of(tok.head) in QUESTION_HEADS and tok.dep_ in ("ccomp", "xcomp")
            cues.append(_Cue("question" if q else "hypothetical", (c.i,), "if-clause"))
        elif dep in ("amod", "advmod") and tok.pos_ in ("NOUN", "PROPN") and low in NOUN_MODIFIERS:
            cues.append(_Cue(NOUN_MODIFIERS[low], (c.i,), "noun-modifier"))
        elif is_trigger and dep in ("dobj", "nsubjpass", "nsubj") and neg_ok:
            for g in c.children:
                if g.dep_ == "det" and g.lower_ == "no":
                    cues.append(_Cue("denied", (g.i,), "no-object"))
    m = _has_if_clause(tok)
    if m is not None:
        cues.append(_Cue("hypothetical", (m,), "conditional"))
    return cues


def _embedding_cues(doc, node, head) -> list[_Cue]:
    """What a governing word does to the clause or phrase below it (node is head's dependent)."""
    lemma, dep = lemma_of(head), node.dep_
    passive = any(c.dep_ == "auxpass" for c in head.children)
    clausal = dep in ("ccomp", "xcomp", "parataxis", "csubj")
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        # "dismissed/rejected reports that ..." deny the claim; "rejects threats" is a REJECT event.
        claim_obj = dep == "dobj" and lemma_of(node) in CLAIM_NOUNS
        if lemma in DENIAL_VERBS and (clausal or dep in ("dobj", "pcomp")) and (
                lemma not in ("dismiss", "contest") or clausal or claim_obj):
            return [_Cue("denied", (head.i,), f"denial:{lemma}", _src(doc, head))]
        if lemma in ("reject", "dismiss") and claim_obj:
            return [_Cue("denied", (head.i,), f"denial:{lemma}", _src(doc, head))]
        if lemma in REFUSAL_VERBS and dep == "xcomp":
            return [_Cue("denied", (head.i,), f"refusal:{lemma}")]
        if passive and dep == "xcomp" and lemma in REPORT_PASSIVES:
            aux = [c.i for c in head.children if c.dep_ == "auxpass"]
            return [_report_cue(doc, head, "passive-report", aux + [head.i])]
        if lemma in ACCUSE_VERBS and dep == "prep" and node.lower_ in ("of", "for"):
            aux = [c.i for c in head.children if c.dep_ == "auxpass"]
            return [_report_cue(doc, head, f"accusation:{lemma}", aux + [head.i])]
        if lemma in SEEM_VERBS and dep in ("xcomp", "ccomp"):
            return [_Cue("reported", (head.i,), f"seem:{lemma}", None, True)]
        if head.pos_ == "ADJ" and dep == "xcomp" and (lemma in POSSIBLE_ADJECTIVES or lemma in INTENT_ADJECTIVES):
            fact = "hypothetical" if lemma in POSSIBLE_ADJECTIVES else "planned"
            return [_Cue(fact, (head.i,), f"adjective:{lemma}")]
        if lemma in SPEECH_ACTS and clausal and lemma not in PROMISE_VERBS:
            return [_report_cue(doc, head, f"report:{lemma}")]
        if lemma == "go" and head.tag_ == "VBG" and dep == "xcomp":
            return [_Cue("planned", (head.i,), "going-to")]
        if lemma in ("have", "be") and dep == "xcomp" and any(c.lower_ == "yet" for c in head.children):
            return [_Cue("denied", tuple(sorted([head.i] + [c.i for c in head.children if c.lower_ == "yet"])),
                         "yet-to")]  # "has yet to deliver": not (yet) done
        if lemma == "be" and dep == "xcomp" and any(c.lower_ == "to" for c in node.children):
            return [_Cue("planned", (head.i,), "be-to")]  # "Russia is to deliver ..."
        if lemma in PLAN_VERBS and dep in ("xcomp", "ccomp", "dobj"):
            aux = [c.i for c in head.children if c.dep_ == "auxpass"]
            return [_Cue("planned", tuple(sorted(aux + [head.i])), f"plan:{lemma}")]
        if lemma in POSSIBLE_VERBS and dep in ("xcomp", "ccomp", "dobj"):
            return [_Cue("hypothetical", (head.i,), f"possible:{lemma}")]
        if lemma in QUESTION_HEADS and clausal and any(c.dep_ == "mark" and c.lower_ in ("whether", "if")
                                                       for c in node.children):
            return [_Cue("question", (head.i,), f"question:{lemma}")]
    elif head.pos_ in ("NOUN", "PROPN") and dep in ("acl", "relcl", "prep", "ccomp", "pobj", "compound"):
        low = head.lower_
        if dep == "relcl":
            return []
        if low in REPORT_NOUNS or lemma in REPORT_NOUNS:
            return [_Cue("reported", (head.i,), f"report-noun:{lemma}", None, not _has_named_modifier(head))]
        if lemma in DENIAL_NOUNS:
            return [_Cue("denied", (head.i,), "denial-noun")]
        if (lemma in PLAN_NOUNS or low in PLAN_NOUNS) and (dep == "acl" or (dep == "prep" and node.lower_ == "of")):
            no = [c.i for c in head.children if c.dep_ == "det" and c.lower_ == "no"]
            if no:  # "has no plans to send", "had no intention of attacking": the act is disowned
                return [_Cue("denied", tuple(no) + (head.i,), f"no-plan-noun:{lemma}")]
            return [_Cue("planned", (head.i,), f"plan-noun:{lemma}")]
        if (lemma in POSSIBLE_NOUNS or low in POSSIBLE_NOUNS) and dep == "acl":
            return [_Cue("hypothetical", (head.i,), f"possible-noun:{lemma}")]
    return []


def _src(doc, verb) -> tuple[int, int] | None:
    subj = _subject(verb)
    return _np_range(subj) if subj is not None else None


def _has_named_modifier(noun) -> bool:
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and
               (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG", "GPE")) for c in noun.children)


def _speaker_participle(tok):
    """The reporting verb whose speaker performs a trailing participle the parser hung inside the reported
    clause ("Oslo said it would expel the envoy, accusing Moscow of spying"): the clause's subject is a
    pronoun for the speaker, so the participle is the speaker's own act, made as it speaks. Else None."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or tok.i == 0 or tok.doc[tok.i - 1].text != "," \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    clause = tok.head
    if clause.dep_ != "ccomp" or lemma_of(clause.head) not in REPORTING_VERBS or clause.head.i > tok.i:
        return None
    subj = _subject(clause)
    return clause.head if subj is not None and subj.lower_ in PRONOUNS else None


def _walk(doc, sent, trigger, lo: int, hi: int) -> list[_Cue]:
    """Cues scoping over the trigger, from its own modifiers up to the root of its block [lo, hi)."""
    cues = _trigger_cues(doc, trigger)
    node, scope = trigger, "full"  # full | report: past a relative/adverbial clause only reports pass
    in_report = _under_report(trigger)
    neg_ok = True
    seen = set()
    while node.i not in seen:
        seen.add(node.i)
        subject_event = (node.i == trigger.head.i and trigger.pos_ in ("NOUN", "PROPN")
                         and trigger.dep_ in ("nsubj", "nsubjpass") and lemma_of(node) not in OCCURRENCE_VERBS)
        own = _own_cues(doc, node, node is trigger, in_report, neg_ok, subject_event)
        if scope == "report":
            own = [c for c in own if c.factuality == "reported" and c.rule != "noun-modifier"]
        cues.extend(own)
        head = node.head
        # spaCy can run a heading or a line item into the next line: never climb out of the block.
        if head is node or not (sent.start <= head.i < sent.end) or not (lo <= head.idx < hi):
            break
        dep = node.dep_
        reporter = misattached_reporter(node) or (_speaker_participle(node) if node is trigger else None)
        if reporter is not None:
            # "warned that X would face penalties, and called on Y": the call is the speaker's own act, not
            # inside the warning's modal clause (the parser hung it there)
            node = reporter
            continue
        emb = _embedding_cues(doc, node, head)
        if scope == "report":
            emb = [c for c in emb if c.factuality == "reported"]
        cues.extend(emb)
        if dep in ("relcl", "advcl") or (dep == "conj" and _subject(node) is not None and node.pos_ == "VERB"):
            scope = "report"  # a clause of its own: only attribution scopes over it
        elif dep in ("ccomp", "parataxis", "csubj"):
            neg_ok = False  # "X did not say Y ..." does not deny Y's event
        elif dep == "conj" and any(c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS and c.i < node.i
                                   for c in head.children):
            neg_ok = False  # "did not deliver jets but sent tanks": the contrast affirms
        node = head
    return [c for c in cues if all(lo <= doc[i].idx < hi for i in c.tokens)]


def _segment_end(doc, sent, trigger, hi: int) -> int:
    """Token index ending the trigger's stretch of text: a full stop, a block break or the sentence end."""
    for t in doc[trigger.i + 1:sent.end]:
        if t.idx >= hi or t.text in (".", "!", "?", ";"):
            return t.i
    return sent.end


def _trailing_attribution(doc, sent, trigger, hi: int) -> _Cue | None:
    """ "..., the ministry said." closing the trigger's stretch when the parse missed it."""
    end = _segment_end(doc, sent, trigger, hi)
    commas = [t.i for t in doc[trigger.i + 1:end] if t.text == ","]
    if not commas:
        return None
    chunk = doc[commas[-1] + 1:end]
    if not len(chunk) or chunk[0].pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM") or chunk[0].tag_ in ("WDT", "WP"):
        return None
    verbs = [t for t in chunk if lemma_of(t) in REPORTING_VERBS and t.tag_ in ("VBD", "VBZ", "VBP")]
    if not verbs or verbs[0].i == chunk.start or end - verbs[0].i > 6:  # a short tail: "on Monday", "in a statement"
        return None
    rng = (chunk.start, verbs[0].i)
    return _Cue("reported", (verbs[0].i,), "trailing-report", rng, _is_generic(doc, rng))


def _under_report(tok) -> bool:
    """Whether tok's clause hangs below a reporting verb (for future-in-the-past "would")."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "parataxis") and lemma_of(node.head) in SPEECH_ACTS:
            return True
        if any(c.dep_ in ("parataxis", "ccomp") and lemma_of(c) in REPORTING_VERBS and c.i > node.i
               for c in node.children):
            return True
        node = node.head
    return False


def _trigger_cues(doc, trigger) -> list[_Cue]:
    """Cues from the trigger word itself: a pledge is planned; "warned that ..." is reported; an offer or
    a vow is itself the event, made as stated ("offered to mediate", "vowed revenge": asserted)."""
    lemma = lemma_of(trigger)
    kids = {c.dep_ for c in trigger.children}
    if trigger.pos_ != "VERB":
        return []
    if lemma in PROMISE_VERBS:
        return [] if lemma in ACT_PROMISE_VERBS else [_Cue("planned", (trigger.i,), f"promise:{lemma}")]
    if lemma in DENIAL_VERBS and kids & {"xcomp", "ccomp"}:
        return [_Cue("denied", (trigger.i,), f"denial:{lemma}", _src(doc, trigger))]
    if lemma in SPEECH_ACTS and "ccomp" in kids:
        return [_report_cue(doc, trigger, f"speech-act:{lemma}")]
    passive = "auxpass" in kids
    if lemma in PLAN_VERBS and "xcomp" in kids and (passive or lemma not in PASSIVE_PLAN_VERBS):
        return [_Cue("planned", (trigger.i,), f"plan:{lemma}")]
    return []


def _question_cue(doc, sent, trigger, ctx: DocContext) -> _Cue | None:
    """A "?" ending the trigger's own sentence segment (cut at block breaks such as a new line item)."""
    end = ctx.block_end(trigger.idx, default=sent.end_char)
    for t in doc[trigger.i:sent.end]:
        if t.idx >= end:
            break
        if t.text in (".", "!") and t.i > trigger.i:
            return None
        if "?" in t.text:
            return _Cue("question", (t.i,), "question-mark")
    return None


def _spans(doc, idx: Iterable[int]) -> tuple[Span, ...]:
    """Token indices as character spans, merging runs of adjacent tokens ("is expected to")."""
    out: list[Span] = []
    first = prev = None
    for i in sorted(set(idx)) + [None]:
        if i is not None and prev is not None and i == prev + 1:
            prev = i
            continue
        if first is not None:
            run = doc[first:prev + 1]  # Span.text: cheap, unlike Doc.text which rebuilds the whole text
            out.append(Span(run.start_char, run.end_char, run.text))
        first = prev = i
    return tuple(out)


def _char_range_text(doc, rng: tuple[int, int]) -> tuple[str, int, int]:
    run = doc[rng[0]:rng[1]]
    return run.text, run.start_char, run.end_char


def _mentions(doc) -> list:
    """Actor mentions of the doc, from `realpolitik.actors`, cached on it."""
    if ACTORS_KEY not in doc.user_data:
        doc.user_data[ACTORS_KEY] = list(find_actors(doc, None))
    return doc.user_data[ACTORS_KEY]


def _resolve_code(doc, start: int, end: int) -> str | None:
    """Actor code of the source phrase ("a Turkish official" -> TUR...), when it resolves."""
    inside = [m for m in _mentions(doc) if m.start >= start and m.end <= end]
    return inside[0].code if inside else None


def _antecedent(doc, pos: int, pronoun: str) -> tuple[str, str | None]:
    """The nearest actor named before a pronoun source, within its sentence or the one before."""
    sent = doc[doc.char_span(pos, pos + len(pronoun), alignment_mode="expand").start].sent
    floor = sent.start_char
    if sent.start > 0:
        floor = doc[sent.start - 1].sent.start_char
    before = [m for m in _mentions(doc) if floor <= m.start and m.end <= pos]
    if not before:
        return pronoun, None
    m = before[-1]
    return m.text, m.code


def assess(doc, sent, trigger, ctx: DocContext | None = None) -> Assessment:
    """The factuality of the event whose trigger token is given, with cues and attribution."""
    try:
        return _assess(doc, sent, trigger, ctx)
    except Exception:  # noqa: BLE001 - a parse this module did not foresee must not stop coding
        log.warning("factuality of %r failed; assessed as unknown", trigger.text, exc_info=True)
        return Assessment(reason="error")


def _assess(doc, sent, trigger, ctx: DocContext | None) -> Assessment:
    if ctx is None:
        ctx = document_context(doc)
    lo = ctx.block_start(trigger.idx, sent.start_char)
    hi = ctx.block_end(trigger.idx, sent.end_char)
    cues = _walk(doc, sent, trigger, lo, hi)
    if not any(c.factuality == "reported" for c in cues):
        tail = _trailing_attribution(doc, sent, trigger, hi)
        if tail is not None:
            cues.append(tail)
    q = _question_cue(doc, sent, trigger, ctx)
    if q is not None:
        cues.append(q)
    regional: list[tuple[str, tuple[Span, ...], str]] = []
    suppress = False
    attributed_to: str | None = None
    generic_only = False
    for region in ctx.regions_at(trigger.idx):
        if region.kind == "toc":
            suppress = True
        elif region.factuality and region.factuality != "asserted":
            regional.append((region.factuality, region.cues, region.kind))
            if region.factuality == "reported" and region.attributed_to and attributed_to is None:
                attributed_to = region.attributed_to
            generic_only = generic_only or region.unattributed
    # Decide the class: the strongest of syntactic and structural cues.
    best = max([c.factuality for c in cues] + [r[0] for r in regional] + ["asserted"], key=RANK.__getitem__)
    win_cues = [c for c in cues if c.factuality == best]
    spans: list[Span] = []
    for c in win_cues:
        spans.extend(_spans(doc, c.tokens))
    for fact, rspans, _ in regional:
        if fact == best:
            spans.extend(rspans)
    reason = ",".join(c.rule for c in win_cues) or ",".join(r[2] for r in regional if r[0] == best)
    # Attribution: the nearest reporting cue that names a source; unattributed if none does.
    reports = [c for c in cues if c.factuality == "reported" or c.source is not None]
    code = None
    named = [c for c in reports if c.source is not None and not c.generic]
    if named:
        attributed_to, s, e = _char_range_text(doc, named[0].source)
        code = _resolve_code(doc, s, e)
        if attributed_to.lower() in PRONOUNS:
            attributed_to, code = _antecedent(doc, s, attributed_to)
    unattributed = attributed_to is None and (bool([c for c in reports if c.factuality == "reported"])
                                              or generic_only)
    seen: set[tuple[int, int]] = set()
    uniq = []
    for sp in sorted(spans, key=lambda x: x.start):
        if (sp.start, sp.end) not in seen:
            seen.add((sp.start, sp.end))
            uniq.append(sp)
    return Assessment(best, tuple(uniq), attributed_to, code, unattributed, suppress, reason)


def attribution_of(doc, sent, trigger) -> tuple[str | None, bool]:
    """Who the sentence says the event comes from (text or None) and whether no source is named."""
    a = assess(doc, sent, trigger)
    return a.attributed_to, a.unattributed
