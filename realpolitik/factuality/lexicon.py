"""Word lists for factuality: reporting, denial, planning and possibility cues (the project's own lists)."""
from __future__ import annotations

import logging
from functools import partial

from realpolitik import wordsets

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.factuality", "factuality")
_rows = partial(wordsets.rows, "realpolitik.factuality", "factuality")

# Stronger classes win. The order follows the gold labels of ../shared/eval (FORMAT.md): a future or
# conditional claim stays planned / hypothetical even when someone is quoted saying it ("X will
# invest, the minister announced" is planned), while attribution outranks a plain statement.
PRECEDENCE = ("asserted", "reported", "planned", "hypothetical", "denied", "question")
RANK = {f: i for i, f in enumerate(PRECEDENCE)}

# Verbs that pass on a claim without being the event: in "X said Y would ...", X is the source.
REPORTING_VERBS = _words("REPORTING_VERBS")
# Verbs that deny their complement: "X denied that Y supplied Z" is Y's event, denied.
DENIAL_VERBS = _words("DENIAL_VERBS")
# Objects of "dismiss"/"reject" that make them a denial of the embedded claim, not a REJECT.
CLAIM_NOUNS = _words("CLAIM_NOUNS")
# Reporting verbs whose direct object is the hearer ("told reporters"), not what is said.
ADDRESSEE_VERBS = _words("ADDRESSEE_VERBS")
# Verbs whose infinitive or clausal complement did not happen.
REFUSAL_VERBS = _words("REFUSAL_VERBS")
# Verbs and passives that make their complement a plan, intention or expectation.
PLAN_VERBS = _words("PLAN_VERBS")
# Speech acts whose object is an undertaking: the event itself is planned ("pledged $2bn in aid").
PROMISE_VERBS = _words("PROMISE_VERBS")
# Promise verbs whose act is complete in the saying ("offered to mediate", "vowed revenge"): asserted.
ACT_PROMISE_VERBS = _words("ACT_PROMISE_VERBS")
# Verbs making their complement only possible.
POSSIBLE_VERBS = _words("POSSIBLE_VERBS")
# Speech acts that are themselves events and carry a that-clause ("warned that ..."): reported, as the
# gold labels a warning whose content is reported speech. Requests ("urged that") stay asserted, as
# the gold labels "called on X to ...".
SPEECH_ACTS = REPORTING_VERBS | _words("SPEECH_ACTS")
# Passive raising verbs: "is said/believed/thought to have ..." reports; "is expected/set to" plans.
REPORT_PASSIVES = _words("REPORT_PASSIVES")
HEDGE_ADVERBS = _words("HEDGE_ADVERBS")
POSSIBLE_ADVERBS = _words("POSSIBLE_ADVERBS")
REPORT_NOUNS = CLAIM_NOUNS | _words("REPORT_NOUNS")
PLAN_NOUNS = _words("PLAN_NOUNS")
POSSIBLE_NOUNS = _words("POSSIBLE_NOUNS")
DENIAL_NOUNS = _words("DENIAL_NOUNS")
# Adjectives on a nominal trigger ("the alleged sale", "a planned visit").
NOUN_MODIFIERS = {k[0]: v[0] for k, v in _rows("NOUN_MODIFIERS")}
# Modal auxiliaries and the factuality they give.
MODALS = {k[0]: v[0] for k, v in _rows("MODALS")}
# Subject heads that name no source: "reports indicate", "sources say", "it is claimed".
GENERIC_SOURCES = _words("GENERIC_SOURCES")
# Pronoun sources: resolved to the nearest earlier actor ("the ministry ... it said").
PRONOUNS = _words("PRONOUNS")
# Determiners that make a generic noun specific: "the report said" names a known report.
DEFINITE = _words("DEFINITE")
# Verbs whose "of"/"for" phrase is a claim against someone: "accused Beijing of providing ...".
ACCUSE_VERBS = _words("ACCUSE_VERBS")
# Raising verbs that hedge without naming a source: "appears to have supplied".
SEEM_VERBS = _words("SEEM_VERBS")
OCCURRENCE_VERBS = _words("OCCURRENCE_VERBS")
# Adjectives over an infinitive: "is likely to" (possible), "is ready to" (intended).
POSSIBLE_ADJECTIVES = _words("POSSIBLE_ADJECTIVES")
INTENT_ADJECTIVES = _words("INTENT_ADJECTIVES")
# Words that leave a generic source unnamed: "some media reports", "unconfirmed reports".
GENERIC_SOURCE_MODIFIERS = _words("GENERIC_SOURCE_MODIFIERS")
QUESTION_HEADS = _words("QUESTION_HEADS")
# Heads whose negation lists open questions ("What we don't know:"), not a denial.
OPEN_QUESTION_HEADS = _words("OPEN_QUESTION_HEADS")
# Words after "not" that make it "not only ... but also", which affirms.
NOT_ONLY_WORDS = _words("NOT_ONLY_WORDS")
# Conjunctions of a contrast: "did not deliver jets but sent tanks" affirms what follows.
CONTRAST_WORDS = _words("CONTRAST_WORDS")
# Plan verbs that plan only in the passive ("is set to", "is meant to"); active, they are no plan.
PASSIVE_PLAN_VERBS = _words("PASSIVE_PLAN_VERBS")


_KNOWN = (ACCUSE_VERBS | SEEM_VERBS | REPORTING_VERBS | DENIAL_VERBS | REFUSAL_VERBS | PLAN_VERBS
          | PROMISE_VERBS | POSSIBLE_VERBS | SPEECH_ACTS | REPORT_PASSIVES | QUESTION_HEADS | CLAIM_NOUNS | REPORT_NOUNS
          | PLAN_NOUNS
          | POSSIBLE_NOUNS | DENIAL_NOUNS | GENERIC_SOURCES)
# Suffixes to strip when the tagger's lemma is wrong ("hopes" -> "hop"): tried in this order.
_SUFFIXES = (("ing", "e"), ("ing", ""), ("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", ""),
             ("s", ""), ("d", ""))


def lemma_of(token) -> str:
    """The token's lemma, repaired against the lexicon when the lemmatiser missed ("hopes" -> "hope")."""
    lemma = token.lemma_.lower()
    if lemma in _KNOWN:
        return lemma
    low = token.lower_
    if low in _KNOWN:
        return low
    for suffix, repl in _SUFFIXES:
        if low.endswith(suffix) and (low[: -len(suffix)] + repl) in _KNOWN:
            return low[: -len(suffix)] + repl
    return lemma


def is_attribution_verb(token) -> bool:
    """True when the token introduces someone's claim (said, told, according to, denied, is said to)."""
    lemma = lemma_of(token)
    if token.lower_ == "according" or (token.lower_ == "citing" and token.dep_ in ("advcl", "prep", "xcomp")):
        return True
    return token.pos_ in ("VERB", "AUX") and (lemma in REPORTING_VERBS or lemma in DENIAL_VERBS)
