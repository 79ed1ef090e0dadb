"""Word cues that refine an event: contexts, mode, support channel and the CAMEO code by topic."""
from __future__ import annotations

import logging

from realpolitik import ontology, wordsets

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "cues")

# Lemma cues of each context (the PLOVER context definitions, as words a news sentence uses).
CONTEXT_CUES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "military": "military army navy naval troop soldier weapon arm missile drone jet fighter tank artillery "
                "warship submarine ammunition munition shell rocket battery air-defence defence defense "
                "exercise drill war helicopter aircraft airstrike force s-400 offensive combat",
    "cyber": "cyber hacker hack cyberattack malware ransomware network",
    "intelligence": "intelligence spy espionage surveillance",
    "economic": "economic economy trade oil gas crude export import investment invest loan credit tariff "
                "finance fund billion million dollar grant debt market refinery business sale price",
    "natural_resource": "oil gas crude mining mineral energy pipeline",
    "cbrn": "nuclear uranium enrichment chemical biological radiological atomic",
    "migration": "refugee migrant displaced",
    "asylum": "asylum",
    "legal": "court judge law legal lawsuit trial indictment",
    "terrorism": "terrorist terrorism terror militant",
    "rights_freedoms": "journalist freedom press censorship activist dissident",
    "human_rights": "rights",
    "election": "election vote ballot poll campaign",
    "peacekeeping": "peacekeeping peacekeeper",
    "health": "vaccine health medical disease epidemic",
    "human_security": "food water humanitarian famine",
    "technology": "technology semiconductor chip satellite",
    "territory": "territory border annexation",
}.items()}

# Object cues of each support channel, checked in order (the first that fits wins).
CHANNEL_CUES: tuple[tuple[str, frozenset[str]], ...] = tuple((k, frozenset(v.split())) for k, v in (
    ("sanctions_evasion", "evade evasion circumvent bypass shadow smuggle"),
    ("cyber_assistance", "cyber hacker hack surveillance malware spyware"),
    ("intelligence_sharing", "intelligence"),
    ("joint_exercise", "exercise drill maneuver manoeuvre patrol game"),
    ("military_training", "train training instructor adviser advisor"),
    ("military_technology", "technology component engine licence license know-how production semiconductor chip "
                            "microchip microelectronics microelectronic electronics electronic machine-tool"),
    ("arms_transfer", "weapon arm missile drone jet fighter tank artillery warship submarine ammunition "
                      "munition shell rocket battery helicopter aircraft rifle s-400 armoured armored defence defense "
                      "radar"),
    ("energy_trade", "oil gas crude lng energy fuel electricity coal"),
    ("infrastructure", "port railway road bridge infrastructure plant pipeline dam airport hospital school station "
                       "refinery reactor highway factory terminal harbour harbor canal grid tunnel"),
    ("investment", "invest investment stake"),
    ("credit_finance", "loan credit grant fund funding finance debt currency dollar billion million"),
    ("humanitarian", "humanitarian relief food medicine medical refugee asylum vaccine"),
    ("trade", "trade export import goods market purchase buy wheat grain fertiliser fertilizer commodity"),
))
EVASION_MARKS = _words("EVASION_MARKS")
_DEFAULT_CHANNEL = {"military": "arms_transfer", "economic": "trade", "intelligence": "intelligence_sharing",
                    "cyber": "cyber_assistance", "human_security": "humanitarian", "migration": "humanitarian",
                    "asylum": "humanitarian", "technology": "military_technology"}
COOPERATIVE = _words("COOPERATIVE")
VERBAL_SUPPORT = _words("VERBAL_SUPPORT")

# Mode cues for the open-ended types.
MODE_CUES: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    "ASSAULT": tuple((m, frozenset(v.split())) for m, v in (
        ("suicide-attack", "suicide"), ("drone", "drone uav"),
        ("aerial", "jet aircraft airstrike warplane helicopter air"),
        ("unconventional", "chemical nuclear gas biological"),
        ("heavy-weapons", "artillery shell rocket tank mortar missile"),
        ("explosives", "bomb ied explosive mine"), ("firearms", "gun gunfire shoot rifle gunman"),
        ("targeted", "assassinate assassination execute"), ("abduct", "kidnap abduct hijack hostage"),
        ("torture", "torture"), ("sexual", "rape"), ("beat", "beat"), ("primitive", "machete knife stone"),
        ("cyber", "cyber"))),
    "CONSULT": (("visit", frozenset({"visit", "arrive", "trip", "host"})),
                ("phone", frozenset({"phone", "telephone", "video"})),
                ("multilateral", frozenset({"summit", "forum"}))),
    "SANCTION": (("expel", frozenset({"expel"})), ("withdraw", frozenset({"recall", "withdraw"}))),
    "COERCE": (("cyber", frozenset({"hack", "cyber", "cyberattack"})), ("arrest", frozenset({"arrest", "detain"})),
               ("deport", frozenset({"deport", "expel"})), ("curfew", frozenset({"curfew"}))),
    "MOBILIZE": (("police", frozenset({"police"})), ("weapons", frozenset({"missile", "weapon"})),
                 ("militia", frozenset({"militia"}))),
}

# CAMEO code by (type, main context), for the types whose CAMEO code depends on the topic.
CAMEO_BY_CONTEXT = {
    ("AGREE", "economic"): "0311", ("AGREE", "military"): "0312", ("AGREE", "intelligence"): "0314",
    ("AGREE", "legal"): "0313",
    ("COOPERATE", "economic"): "061", ("COOPERATE", "military"): "062", ("COOPERATE", "legal"): "063",
    ("COOPERATE", "intelligence"): "064", ("COOPERATE", "cyber"): "062",
    ("AID", "economic"): "071", ("AID", "military"): "072", ("AID", "human_security"): "073",
    ("AID", "peacekeeping"): "074", ("AID", "asylum"): "075", ("AID", "migration"): "073", ("AID", "cyber"): "072",
    ("REQUEST", "economic"): "1011", ("REQUEST", "military"): "1012", ("REQUEST", "intelligence"): "1014",
    ("REJECT", "economic"): "1211", ("REJECT", "military"): "1212",
    ("SANCTION", "economic"): "163", ("SANCTION", "military"): "1622", ("SANCTION", "diplomatic"): "161",
}
# CAMEO code of a future cooperative event turned into AGREE, by the type it came from.
AGREE_CAMEO_FROM = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}


def contexts_for(lemmas: set[str], base: tuple[str, ...]) -> tuple[str, ...]:
    """Contexts: the trigger's own first, then those the sentence's words cue (at most three)."""
    known = ontology.contexts()
    out = [c for c in base if c in known]
    for ctx, cues in CONTEXT_CUES.items():
        if ctx not in out and lemmas & cues:
            out.append(ctx)
    # a military-specific cue outranks a generic trigger context such as "diplomatic"
    if out and out[0] == "diplomatic" and len(out) > 1 and out[1] in {"military", "intelligence", "cyber"}:
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
    if sentence_lemmas & EVASION_MARKS and sentence_lemmas & {"sanction", "sanctions", "embargo"}:
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
        if cameo is None or cameo in generic:
            return CAMEO_BY_CONTEXT[(type_, contexts[0])]
    if cameo:
        return cameo
    # the generic code of the mode, else of the type (ontology/cameo_defaults.tsv); none rather than a wrong one
    defaults = ontology.cameo_defaults()
    return defaults.get((type_, mode)) or defaults.get((type_, None))
