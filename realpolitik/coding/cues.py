"""Word cues that refine an event: contexts, mode, support channel and the CAMEO code by topic."""
from __future__ import annotations

import logging
from functools import partial

from realpolitik import ontology, wordsets

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "cues")
_rows = partial(wordsets.rows, "realpolitik.coding", "cues")

# Lemma cues of each context (the PLOVER context definitions, as words a news sentence uses), in table order.
CONTEXT_CUES: dict[str, frozenset[str]] = {k[0]: frozenset(v) for k, v in _rows("CONTEXT_CUES")}

# Object cues of each support channel, checked in order (the first that fits wins).
CHANNEL_CUES: tuple[tuple[str, frozenset[str]], ...] = tuple((k[0], frozenset(v)) for k, v in _rows("CHANNEL_CUES"))
EVASION_MARKS = _words("EVASION_MARKS")
SANCTION_WORDS = _words("SANCTION_WORDS")
_DEFAULT_CHANNEL = {k[0]: v[0] for k, v in _rows("_DEFAULT_CHANNEL")}
# Security contexts a sentence's words cue that outrank a trigger's generic "diplomatic" context.
SPECIFIC_CONTEXTS = _words("SPECIFIC_CONTEXTS")
COOPERATIVE = _words("COOPERATIVE")
VERBAL_SUPPORT = _words("VERBAL_SUPPORT")

# Mode cues for the open-ended types (each mode validated against the ontology's modes of its type).
MODE_CUES: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
for _key, _cues in _rows("MODE_CUES"):
    MODE_CUES[_key[0]] = (*MODE_CUES.get(_key[0], ()), (_key[1], frozenset(_cues)))

# CAMEO code by (type, main context), for the types whose CAMEO code depends on the topic.
CAMEO_BY_CONTEXT = {(k[0], k[1]): v[0] for k, v in _rows("CAMEO_BY_CONTEXT")}
# CAMEO code of a future cooperative event turned into AGREE, by the type it came from.
AGREE_CAMEO_FROM = {k[0]: v[0] for k, v in _rows("AGREE_CAMEO_FROM")}


def contexts_for(lemmas: set[str], base: tuple[str, ...]) -> tuple[str, ...]:
    """Contexts: the trigger's own first, then those the sentence's words cue (at most three)."""
    known = ontology.contexts()
    out = [c for c in base if c in known]
    for ctx, cues in CONTEXT_CUES.items():
        if ctx not in out and lemmas & cues:
            out.append(ctx)
    # a military-specific cue outranks a generic trigger context such as "diplomatic"
    if out and out[0] == "diplomatic" and len(out) > 1 and out[1] in SPECIFIC_CONTEXTS:
        out[0], out[1] = out[1], out[0]
    return tuple(out[:3])


def mode_for(type_: str, mode: str | None, lemmas: set[str]) -> str | None:
    """The trigger's mode, or one the sentence's words cue for open-ended types."""
    if mode:
        return mode
    for m, cues in MODE_CUES.get(type_, ()):
        if lemmas & cues and m in ontology.modes().get(type_, {}):
            return m
    return None


def channel_for(type_: str, object_lemmas: set[str], contexts: tuple[str, ...],
                sentence_lemmas: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The support channel of a cooperative event: cued by the words of its object, else by topic.

    Cooperation "despite" or "in defiance of" sanctions is sanctions evasion whatever is traded."""
    if type_ not in COOPERATIVE:
        return None
    if sentence_lemmas & EVASION_MARKS and sentence_lemmas & SANCTION_WORDS:
        return "sanctions_evasion"
    for ch, cues in CHANNEL_CUES:
        if object_lemmas & cues:
            return ch
    if type_ in VERBAL_SUPPORT:
        return "diplomatic_backing"  # PLOVER SUPPORT/CONSULT are non-material: not the topic's material channel
    for c in contexts:
        if c in _DEFAULT_CHANNEL:
            return _DEFAULT_CHANNEL[c]
    return "diplomatic_backing"


def cameo_for(type_: str, cameo: str | None, contexts: tuple[str, ...], mode: str | None = None) -> str | None:
    """A CAMEO code consistent with the type, refined by the main context where CAMEO splits by topic."""
    if cameo and not ontology.cameo_fits(type_, cameo):
        cameo = None
    if contexts and (type_, contexts[0]) in CAMEO_BY_CONTEXT and (cameo is None or len(cameo) <= 3):
        generic = {"030", "060", "070", "100", "120", "160", "033"}
        refined = CAMEO_BY_CONTEXT[(type_, contexts[0])]
        row = ontology.cameo_crosswalk().get(refined)
        # never a code of another mode: leaving a body (SANCTION 'withdraw') is no cut in military aid (1622)
        if (cameo is None or cameo in generic) and not (mode and row is not None and row.mode and row.mode != mode):
            return refined
    if cameo:
        return cameo
    # the generic code of the mode, else of the type (ontology/cameo_defaults.tsv); none rather than a wrong one
    defaults = ontology.cameo_defaults()
    return defaults.get((type_, mode)) or defaults.get((type_, None))
