"""The PLOVER manual's coding rules for the conflict types that decide a draft event's mode (and, where the
manual says so, its type), applied once the type is settled: combatants captured in a conflict are ASSAULT
'abduct' rather than an arrest; ships, missiles or vehicles moved with no troops named are MOBILIZE 'weapons'
rather than 'troops'; a demand withdrawn is CONCEDE; an arrest ordered in absentia is THREATEN 'arrest'."""
from __future__ import annotations

from realpolitik import wordsets
from realpolitik.coding.roles import token_lemma

_words = wordsets.reader("realpolitik.coding", "manual")

CAPTURE_LEMMAS = _words("CAPTURE_LEMMAS")
COMBATANT_SECTORS = _words("COMBATANT_SECTORS")
COMBATANT_LEMMAS = _words("COMBATANT_LEMMAS")
MOBILIZED_WEAPONS = _words("MOBILIZED_WEAPONS")
MOBILIZED_TROOPS = _words("MOBILIZED_TROOPS")
ABSENTIA_MARKS = _words("ABSENTIA_MARKS")
RETRACT_VERBS = _words("RETRACT_VERBS")
DEMAND_LEMMAS = _words("DEMAND_LEMMAS")
END_LEMMAS = _words("END_LEMMAS")
CONFLICT_LEMMAS = _words("CONFLICT_LEMMAS")
THIRD_PARTY_PREFIXES = _words("THIRD_PARTY_PREFIXES")
ENTRY_BAR_VERBS = _words("ENTRY_BAR_VERBS")
ENTRY_VERBS = _words("ENTRY_VERBS")
ORGANISATION_PREFIXES = _words("ORGANISATION_PREFIXES")


def _combatants(c, t) -> bool:
    """Whether those a capture falls on are armed: the target is a military or rebel party, or the object
    names soldiers or fighters ("captured 40 soldiers", "seized a rebel commander")."""
    return (t is not None and (t.sector or "") in COMBATANT_SECTORS) or bool(c.obj_lemmas & COMBATANT_LEMMAS)


def _retracted_demand(c) -> bool:
    """Whether the trigger is a demand taken back: "withdrew its demand" (the verb with a demand as object)
    or the demand noun as the object of such a verb ("dropped its demand that ...")."""
    if c.trig.lemma in RETRACT_VERBS and c.obj_lemmas & DEMAND_LEMMAS:
        return True
    return (c.trig.pos == "N" and token_lemma(c.tok) in DEMAND_LEMMAS and c.tok.dep_ in ("dobj", "nsubjpass")
            and token_lemma(c.tok.head) in RETRACT_VERBS)


def _own_conflict(c, s, t) -> bool:
    """Whether the caller is a party to the conflict: one side of a conflict within its own country (the one
    it calls on is of the same country), or the conflict is named as its own ("its war with X")."""
    if t is not None and s.country and s.country == t.country and (s.code or "") != (t.code or ""):
        return True
    return any(token_lemma(k) in CONFLICT_LEMMAS and any(
        g.dep_ == "poss" or (g.dep_ == "prep" and g.lower_ == "with") for g in k.children) for k in c.tok.subtree)


def _call_to_end_conflict(c, s, t) -> bool:
    """Whether a demand asks to end a war or fighting ("called for an end to the war") and is made by a party
    to it rather than by an outside state or an international or non-governmental body."""
    code = (s.code or "") if s is not None else ""
    return (bool(code) and code[:3] not in THIRD_PARTY_PREFIXES and bool(c.obj_lemmas & END_LEMMAS)
            and bool(c.obj_lemmas & CONFLICT_LEMMAS) and _own_conflict(c, s, t))


def _barred_from_entering(c, t) -> bool:
    """Whether an organisation is kept from entering ("barred Amnesty International from entering the
    country"): a verb of barring with "from" + a verb or noun of entry, and an IGO or NGO as target."""
    if c.trig.lemma not in ENTRY_BAR_VERBS or t is None or (t.code or "")[:3] not in ORGANISATION_PREFIXES:
        return False
    return any(k.dep_ == "prep" and k.lower_ == "from" and any(
        token_lemma(g) in ENTRY_VERBS for g in k.children) for k in c.tok.children)


def mode_rules(c, type_: str, mode: str | None, cameo: str | None, s, t,
               lemmas: set[str] | frozenset[str] = frozenset()) -> tuple[str, str | None, str | None]:
    """The type, mode and CAMEO code of a draft after the manual's mode rules (see the module docstring)."""
    if type_ in ("REQUEST", "RETREAT") and _retracted_demand(c):
        return "CONCEDE", None, "080"  # PLOVER manual (REQUEST): withdrawing a demand is a concession
    if type_ == "SANCTION" and _barred_from_entering(c, t):
        return "REJECT", None, "120"  # PLOVER manual: barring an organisation from entering is REJECT
    if type_ == "REQUEST" and _call_to_end_conflict(c, s, t):
        return "AGREE", None, "030"  # PLOVER manual (REQUEST): a party's call to end the conflict is AGREE
    if type_ == "COERCE" and mode == "arrest" and lemmas & ABSENTIA_MARKS:
        return "THREATEN", "arrest", None  # PLOVER manual: an arrest issued in absentia is THREATEN 'arrest'
    if type_ == "ASSAULT" and c.trig.lemma in CAPTURE_LEMMAS and _combatants(c, t):
        return type_, "abduct", "181"  # PLOVER manual (ASSAULT): captured combatants are 'abduct'
    if (type_ == "MOBILIZE" and mode == "troops" and c.obj_lemmas & MOBILIZED_WEAPONS
            and not c.obj_lemmas & MOBILIZED_TROOPS):
        return type_, "weapons", cameo  # PLOVER manual (MOBILIZE): weapons, ships or vehicles are 'weapons'
    return type_, mode, cameo
