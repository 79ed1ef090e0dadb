"""find_actors and lookup: one automaton pass over the text, then context, dates and sectors."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

from realpolitik.actors.context import case_ok, context_ok
from realpolitik.actors.document import resolve_document
from realpolitik.actors.ethnic import ethnic_groups
from realpolitik.actors.sectors import attach_sector, standalone_sectors
from realpolitik.actors.tables import Alias, Entry, candidates, normalise, tables, text_of
from realpolitik.actors.titles import apply_titles, disambiguate
from realpolitik.model import ActorMention

log = logging.getLogger(__name__)


def _valid_aliases(doc, start: int, end: int, key: str) -> list[Alias]:
    surface = text_of(doc)[start:end]
    return [a for a in tables().aliases[key]
            if a.entry.kind in ("block", "place") or (case_ok(a, surface) and context_ok(doc, start, end, a))]


def select(doc) -> list[tuple[int, int, list[Alias]]]:
    """Valid matches, leftmost-longest and non-overlapping (a longer name wins: "South Sudan")."""
    found = []
    for start, end, key in candidates(text_of(doc)):
        valid = _valid_aliases(doc, start, end, key)
        if valid:
            found.append((start, end, valid))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    chosen, last_end = [], -1
    for start, end, valid in found:
        if start >= last_end:
            chosen.append((start, end, valid))
            last_end = end
    return [(s, e, v) for s, e, v in chosen if not any(a.entry.kind in ("block", "place") for a in v)]


def resolve(entries: list[Entry], date: str | None) -> list[Entry]:
    """The entries that hold on the date: one per distinct name, the latest role without a date;
    a person out of every role becomes their country's elite (ELI), no longer its government."""
    by_name: dict[tuple[str, str], list[Entry]] = {}
    for e in entries:
        by_name.setdefault((e.name, e.kind), []).append(e)
    out: list[Entry] = []
    persons: list[Entry] = []
    for (_, kind), rows in by_name.items():
        if not date:
            best = max(rows, key=lambda r: (r.end == "", r.end, r.start))
        else:
            live = [r for r in rows if r.covers(date)]
            if live:
                best = max(live, key=lambda r: r.start)
            elif kind == "person":
                past = max(rows, key=lambda r: r.end or "9999")
                c = past.country  # an IGO official out of office keeps the IGO's code, as "former"
                best = Entry(c + "ELI" if c else past.code, c, "ELI" if c else None, "person", past.name,
                             "former", end=past.end, title=("former " + past.title).strip())
            else:  # an organisation out of its dated rows: its nearest coding
                best = min(rows, key=lambda r: abs(_days(r.start or r.end) - _days(date)))
        (persons if kind == "person" else out).append(best)
    if persons:
        # Several people share a surname ("Bush"): those in office on the date, else the one
        # who left office last (without a date: the latest in office).
        in_office = [p for p in persons if p.role == "person"]
        if date and in_office:
            persons = in_office
        else:
            persons = [max(persons, key=lambda r: (r.end == "", r.end, r.start))]
    seen, result = set(), []
    for e in out + persons:
        if (e.code, e.name) not in seen:
            seen.add((e.code, e.name))
            result.append(e)
    return result


def _locative_apposition(doc, start: int, valid: list[Alias]) -> bool:
    """A state named after a place in it, as its address ("Christchurch, New Zealand")."""
    if not all(a.entry.role == "country" for a in valid):
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start < 2 or doc[span.start - 1].text != ",":
        return False
    prev = doc[span.start - 2]
    if prev.pos_ != "PROPN" or normalise(prev.text) in tables().aliases:
        return False
    if any(normalise(doc[max(0, span.start - 1 - k):span.start - 1].text) in tables().aliases for k in (2, 3)):
        return False  # "Sri Lanka, India sign": a list of named states, no place and its country
    from realpolitik.actors.places import place_country

    return prev.ent_type_ in ("GPE", "LOC", "FAC") or place_country(prev.text) in {a.entry.country for a in valid}


def _iso_day(date: str | None) -> str | None:
    """The YYYY-MM-DD part of a date or timestamp ("2026-02-02T10:00Z" -> "2026-02-02")."""
    return date[:10] if date else None


def _days(iso: str) -> int:
    y, m, d = (int(x) for x in (iso + "-01-01")[:10].split("-")[:3])
    return y * 372 + m * 31 + d


def _mention(text: str, start: int, end: int, e: Entry) -> ActorMention:
    kind = {"state": "state", "igo": "igo", "ngo": "ngo", "group": "group", "person": "person"}.get(e.kind, e.kind)
    name = e.name if e.role != "capital" else tables().country_names.get(e.country or "", e.name)
    return ActorMention(text=text[start:end], start=start, end=end, code=e.code, country=e.country,
                        sector=e.sector, kind=kind, name=name)


def era(matches: list[tuple[int, int, list[Alias]]]) -> str | None:
    """For an undated text, the middle of the longest span in which most of the office holders it names
    (at least two) held office, or None: "Tony Blair" and "Gordon Brown" put a text in 1997-2007."""
    people: dict[str, list[Entry]] = {}
    for _, _, valid in matches:
        rows = [a.entry for a in valid if a.entry.kind == "person" and a.entry.start]
        if rows:
            people.setdefault(normalise(rows[0].name), []).extend(rows)
    if len(people) < 2:
        return None
    day = dt.date.fromisoformat
    # the spans between consecutive boundaries (a role's first day, the day after its last) have constant
    # coverage; an open role runs to today
    edges = sorted({day(r.start[:10]) for rows in people.values() for r in rows}
                   | {day(r.end[:10]) + dt.timedelta(days=1) for rows in people.values() for r in rows if r.end}
                   | {dt.date.today()})
    best: tuple[int, int, dt.date] | None = None
    for lo, hi in zip(edges, edges[1:]):
        n = sum(any(r.covers(lo.isoformat()) for r in rows) for rows in people.values())
        if n >= 2 and (best is None or (n, (hi - lo).days) > best[:2]):
            best = (n, (hi - lo).days, lo + (hi - lo) / 2)
    return best[2].isoformat() if best else None


def find_actors(doc, date: str | None = None) -> list[ActorMention]:
    """All actor mentions in a spaCy Doc (char offsets in text_of(doc), sorted by start); an undated
    text is read on the date its office holders agree on (`era`), so a minister of later years is no
    minister in it."""
    text = text_of(doc)
    matches = select(doc)
    date = _iso_day(date) or era(matches)
    mentions: list[ActorMention] = []
    for start, end, valid in matches:
        if _locative_apposition(doc, start, valid):
            continue
        for e in resolve([a.entry for a in valid], date):
            m = disambiguate(doc, _mention(text, start, end, e), date)
            if (e.kind == "state" and e.sector is None) or e.kind == "group":
                m = attach_sector(doc, m)
            elif e.role == "capital" and m.sector:  # "the Kabul government", "Cairo police"
                m = attach_sector(doc, m, resector=True)
            mentions.append(m)
    mentions = _national_ngos(text, mentions)
    mentions.extend(standalone_sectors(doc, mentions))
    mentions = apply_titles(doc, mentions)
    mentions = ethnic_groups(doc, mentions)
    mentions = resolve_document(doc, mentions, date)
    mentions.sort(key=lambda m: (m.start, m.end, m.code))
    return mentions


def _national_ngos(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A generic NGO phrase right after a state's adjective ("American aid groups") as that state's NGOs
    (CAMEO's USANGO): one mention over both, so the state's name is not lost to the phrase."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if m.code == "NGO" and prev is not None and prev.start <= m.start and m.end <= prev.end:
            continue  # already inside the state's phrase ("Kenyan rights groups" -> KENHRI)
        if (m.code == "NGO" and prev is not None and prev.kind == "state" and prev.country and prev.sector is None
                and not text[prev.end:m.start].strip()):
            out[-1] = replace(m, text=text[prev.start:m.end], start=prev.start, code=prev.country + "NGO",
                              country=prev.country, sector="NGO")
            continue
        out.append(m)
    return out


def lookup(name: str, date: str | None = None) -> list[ActorMention]:
    """What a name resolves to: the table entries for exactly that name, else the actors
    found when the name is read as a phrase ("Iranian navy" -> IRNMIL)."""
    key, date = normalise(name.strip()), _iso_day(date)
    rows = [a.entry for a in tables().aliases.get(key, []) if a.entry.kind != "block"]
    if rows:
        return [_mention(name.strip(), 0, len(name.strip()), e) for e in resolve(rows, date)]
    from realpolitik.nlp import get_nlp

    return find_actors(get_nlp()(name.strip()), date)
