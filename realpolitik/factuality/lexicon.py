"""Word lists for factuality: reporting, denial, planning and possibility cues (the project's own lists)."""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

# Stronger classes win. The order follows the gold labels of ../shared/eval (FORMAT.md): a future or
# conditional claim stays planned / hypothetical even when someone is quoted saying it ("X will
# invest, the minister announced" is planned), while attribution outranks a plain statement.
PRECEDENCE = ("asserted", "reported", "planned", "hypothetical", "denied", "question")
RANK = {f: i for i, f in enumerate(PRECEDENCE)}

# Verbs that pass on a claim without being the event: in "X said Y would ...", X is the source.
REPORTING_VERBS = frozenset("""
say tell announce report claim allege state add note declare confirm insist assert argue maintain
suggest indicate reveal disclose write acknowledge admit explain comment estimate believe think show
quote cite brief testify assess conclude stress emphasise emphasize underline tweet post inform
recount recall describe contend reiterate affirm observe remark mention predict speculate hint find
""".split())
# Verbs that deny their complement: "X denied that Y supplied Z" is Y's event, denied.
DENIAL_VERBS = frozenset("deny refute dispute disavow repudiate rebut dismiss contest".split())
# Objects of "dismiss"/"reject" that make them a denial of the embedded claim, not a REJECT.
CLAIM_NOUNS = frozenset("""report claim allegation accusation rumour rumor suggestion speculation
assertion charge story""".split())
# Verbs whose infinitive or clausal complement did not happen.
REFUSAL_VERBS = frozenset("refuse decline fail neglect avoid".split())
# Verbs and passives that make their complement a plan, intention or expectation.
PLAN_VERBS = frozenset("""plan intend aim expect schedule set due slate poise prepare seek want hope
wish pledge promise vow commit offer undertake resolve decide mean""".split())
# Speech acts whose object is an undertaking: the event itself is planned ("pledged $2bn in aid").
PROMISE_VERBS = frozenset("pledge promise vow commit offer earmark".split())
# Verbs making their complement only possible.
POSSIBLE_VERBS = frozenset("""consider mull weigh contemplate propose threaten urge call ask demand
request press push explore discuss debate""".split())
# Speech acts that are themselves events and carry a that-clause ("warned that ..."): reported, as the
# gold labels a warning whose content is reported speech. Requests ("urged that") stay asserted, as
# the gold labels "called on X to ...".
SPEECH_ACTS = REPORTING_VERBS | frozenset("warn threaten vow pledge promise".split())
# Passive raising verbs: "is said/believed/thought to have ..." reports; "is expected/set to" plans.
REPORT_PASSIVES = frozenset("say believe think report allege rumour rumor understand know suspect claim".split())
HEDGE_ADVERBS = frozenset("""reportedly allegedly purportedly apparently supposedly seemingly ostensibly
rumouredly reputedly""".split())
POSSIBLE_ADVERBS = frozenset("possibly perhaps maybe potentially probably likely conceivably".split())
REPORT_NOUNS = CLAIM_NOUNS | frozenset("""reports claims allegations rumours rumors indication
indications sign signs word""".split())
PLAN_NOUNS = frozenset("""plan plans intention intent pledge promise offer commitment bid aim goal talks
negotiations""".split())
POSSIBLE_NOUNS = frozenset("threat proposal possibility prospect call demand request option idea".split())
DENIAL_NOUNS = frozenset("denial".split())
# Adjectives on a nominal trigger ("the alleged sale", "a planned visit").
NOUN_MODIFIERS = {
    "alleged": "reported", "reported": "reported", "suspected": "reported", "rumoured": "reported",
    "rumored": "reported", "purported": "reported", "claimed": "reported", "unconfirmed": "reported",
    "planned": "planned", "upcoming": "planned", "forthcoming": "planned", "future": "planned",
    "scheduled": "planned", "intended": "planned", "promised": "planned", "pledged": "planned",
    "expected": "planned", "prospective": "planned",
    "possible": "hypothetical", "potential": "hypothetical", "proposed": "hypothetical",
    "hypothetical": "hypothetical", "likely": "hypothetical", "mooted": "hypothetical",
}
MODALS = {"will": "planned", "shall": "planned", "'ll": "planned", "wo": "planned", "would": "hypothetical",
           "could": "hypothetical", "may": "hypothetical", "might": "hypothetical", "should": "hypothetical",
           "must": "hypothetical", "can": "hypothetical", "ca": "hypothetical", "'d": "hypothetical"}
# Subject heads that name no source: "reports indicate", "sources say", "it is claimed".
GENERIC_SOURCES = frozenset("report reports source sources rumour rumours rumor rumors some many "
                             "speculation word claim claims".split())
# Pronoun sources: resolved to the nearest earlier actor ("the ministry ... it said").
PRONOUNS = frozenset("it they he she we".split())
# Determiners that make a generic noun specific: "the report said" names a known report.
DEFINITE = frozenset("the this that these those its their his her our".split())
# Verbs whose "of"/"for" phrase is a claim against someone: "accused Beijing of providing ...".
ACCUSE_VERBS = frozenset("accuse suspect blame charge implicate".split())
# Raising verbs that hedge without naming a source: "appears to have supplied".
SEEM_VERBS = frozenset("appear seem".split())
# Adjectives over an infinitive: "is likely to" (possible), "is ready to" (intended).
POSSIBLE_ADJECTIVES = frozenset("likely unlikely possible able unable".split())
INTENT_ADJECTIVES = frozenset("ready willing prepared determined eager keen poised due set".split())
# Words that leave a generic source unnamed: "some media reports", "unconfirmed reports".
GENERIC_SOURCE_MODIFIERS = frozenset("""some several many multiple various other recent unconfirmed unnamed
anonymous media press news local numerous earlier further""".split())
QUESTION_HEADS = frozenset("ask wonder question unclear uncertain investigate probe examine check "
                            "know".split())


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
