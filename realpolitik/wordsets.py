"""Named word sets kept as data: the coder's words live in ``<package>/data/en/<table>.words`` files.

A ``.words`` file holds sections. A section starts with a header line ``[NAME] kind  # what it is``
(kind is optional and defaults to ``word``), followed by its entries, whitespace-separated, over any
number of lines; ``#`` starts a comment. Kinds and what each entry must be:

- ``word``: a lowercase lemma or word form (no whitespace; ``-``, ``.`` and ``'`` allowed);
- ``text``: any token text (case kept, e.g. titles such as ``Mr``);
- ``type``: a PLOVER event type; ``context``: a PLOVER context; ``quad``: a quad class;
- ``mode``: a PLOVER mode (of the row's type when the row is keyed by a type);
- ``channel``: a support channel; ``cameo``: a CAMEO code of the crosswalk, which must fit the last
  PLOVER type of its row's key (`realpolitik.ontology.cameo_fits`);
- ``code``: an actor or sector code (``GOV``, ``REB``: two to five capitals);
- ``label``: a parser label (dependency, POS or entity label), kept as written;
- ``name``: the name of another section of the same table.

A keyed section maps keys to entries, in the order written: its header names the kinds of the key
after ``by`` (``[MODE_CUES] word by type mode``) and each row is ``key ...: entries`` (a row may go on
over the next lines; a key may not repeat; ``-`` alone says the row has no entries). `rows` returns
such a section's rows.

`parse` validates every line and raises WordSetError naming each bad line (unknown kind, an entry
that is not of its kind, a duplicate entry, key or section, an empty section, entries before a
header). `words(package, table, name)` is what modules call (`reader` binds package and table); it
records the request so a test can check that every section of every table is used (`unused`).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial

from realpolitik.errors import RealpolitikError

KINDS = frozenset({"word", "text", "type", "context", "quad", "mode", "channel", "cameo", "code", "label",
                   "name"})
QUADS = frozenset({"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"})
_HEADER = re.compile(r"^\[(_?[A-Z][A-Z0-9_]*)\](?:\s+([a-z]+)(?:\s+by((?:\s+[a-z]+)+))?)?\s*$")
_WORD = re.compile(r"^(?:[^\W_]|')[\w'.\-]*$")  # any script ("communiqué"); "'ll" is a word
_CODE = re.compile(r"^[A-Z]{2,5}$")

_requested: set[tuple[str, str, str]] = set()

Row = tuple[tuple[str, ...], tuple[str, ...]]


class WordSetError(RealpolitikError, ValueError):
    """A word table that does not parse or validate; the message names each bad line."""


@dataclass(frozen=True, slots=True)
class WordSet:
    """One named section of a word table (a keyed section also has its rows)."""

    name: str
    kind: str
    doc: str
    words: frozenset[str]
    keys: tuple[str, ...] = ()
    rows: tuple[Row, ...] = field(default=())


def _entry_problem(kind: str, entry: str, type_: str | None = None) -> str | None:
    """Why one entry is not of its kind (None when it is); type_ is the PLOVER type of its row, if any."""
    from realpolitik import ontology

    if kind == "word" and (not _WORD.match(entry) or entry != entry.lower()):
        return f"{entry!r} is not a lowercase word"
    if kind == "type" and entry not in ontology.types():
        return f"{entry!r} is not a PLOVER type"
    if kind == "context" and entry not in ontology.contexts():
        return f"{entry!r} is not a PLOVER context"
    if kind == "quad" and entry not in QUADS:
        return f"{entry!r} is not a quad class"
    if kind == "channel" and entry not in ontology.channels():
        return f"{entry!r} is not a support channel"
    if kind == "code" and not _CODE.match(entry):
        return f"{entry!r} is not an actor or sector code"
    if kind == "mode":
        modes = ontology.modes()
        if type_ is not None and entry not in modes.get(type_, {}):
            return f"{entry!r} is not a mode of {type_}"
        if type_ is None and not any(entry in m for m in modes.values()):
            return f"{entry!r} is not a PLOVER mode"
    if kind == "cameo":
        if entry not in ontology.cameo_crosswalk():
            return f"{entry!r} is not a CAMEO code of the crosswalk"
        if type_ is not None and not ontology.cameo_fits(type_, entry):
            return f"CAMEO {entry} does not fit {type_} (crosswalk: {ontology.cameo_crosswalk()[entry].type})"
    return None


def _key_problems(kinds: tuple[str, ...], key: tuple[str, ...]) -> tuple[list[str], str | None]:
    """Problems of one row key, and the last PLOVER type in it (what its modes and CAMEO codes must fit)."""
    if len(key) != len(kinds):
        return [f"key {' '.join(key)!r} should be {len(kinds)} item(s): {' '.join(kinds)}"], None
    problems, type_ = [], None
    for kind, item in zip(kinds, key):
        why = _entry_problem(kind, item, type_)
        if why:
            problems.append(f"key {why}")
        if kind == "type":
            type_ = item
    return problems, type_


def parse(text: str, where: str = "<words>") -> dict[str, WordSet]:
    """Parse and validate a word table; WordSetError lists every problem with its line."""
    problems: list[str] = []
    # name -> (kind, doc, key kinds, rows as [key, entries, type of the row])
    sections: dict[str, tuple[str, str, tuple[str, ...], list[tuple[tuple[str, ...], list[str], str | None]]]] = {}
    current: str | None = None
    lines: dict[str, int] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        body, _, comment = raw.partition("#")
        line = body.strip()
        if not line:
            continue
        if line.startswith("["):
            m = _HEADER.match(line)
            if not m:
                problems.append(f"{where}:{n}: bad section header {line!r} (expected '[NAME] kind')")
                current = None
                continue
            name, kind = m.group(1), m.group(2) or "word"
            keys = tuple((m.group(3) or "").split())
            for k in (kind, *keys):
                if k not in KINDS:
                    problems.append(f"{where}:{n}: [{name}]: kind {k!r} is not one of {sorted(KINDS)}")
            if name in sections:
                problems.append(f"{where}:{n}: [{name}]: duplicate section")
            sections[name] = (kind, comment.strip(), keys, [] if keys else [((), [], None)])
            lines[name] = n
            current = name
            continue
        if current is None:
            problems.append(f"{where}:{n}: entries before any [SECTION] header")
            continue
        kind, _, keys, rows = sections[current]
        if keys:
            head, colon, rest = line.partition(":")
            if colon:
                key = tuple(head.split())
                key_why, type_ = _key_problems(keys, key)
                problems.extend(f"{where}:{n}: [{current}]: {w}" for w in key_why)
                if any(r[0] == key for r in rows):
                    problems.append(f"{where}:{n}: [{current}]: duplicate key {' '.join(key)!r}")
                rows.append((key, [], type_))
                line = rest
            elif not rows:
                problems.append(f"{where}:{n}: [{current}]: entries before any 'key:' of a keyed section")
                continue
        _, entries, type_ = rows[-1]
        for entry in line.split():
            if keys and entry == "-":  # a keyed row with no entries says so
                entries.append(entry)
                continue
            why = _entry_problem(kind, entry, type_)
            if why:
                problems.append(f"{where}:{n}: [{current}]: {why}")
            if entry in entries:
                problems.append(f"{where}:{n}: [{current}]: duplicate entry {entry!r}")
            entries.append(entry)
    for name, (kind, _, keys, rows) in sections.items():
        if not rows or any(not entries for _, entries, _ in rows):
            problems.append(f"{where}: [{name}]: empty section" if not keys or not rows
                            else f"{where}: [{name}]: a key without entries (write '-' for none)")
        if any("-" in entries and len(entries) > 1 for _, entries, _ in rows):
            problems.append(f"{where}: [{name}]: a key with '-' (no entries) and entries")
        if kind == "name":
            for _, entries, _ in rows:
                problems.extend(f"{where}:{lines[name]}: [{name}]: no section [{e}]" for e in entries
                                if e not in sections)
    if problems:
        raise WordSetError("invalid word table:\n" + "\n".join(problems))
    return {name: WordSet(name, kind, doc, frozenset(e for _, entries, _ in rows for e in entries if e != "-"), keys,
                          tuple((key, tuple(e for e in entries if e != "-")) for key, entries, _ in rows) if keys
                          else ())
            for name, (kind, doc, keys, rows) in sections.items()}


@lru_cache(maxsize=None)
def table(package: str, name: str, language: str = "en") -> dict[str, WordSet]:
    """Every section of ``<package>/data/<language>/<name>.words``, validated."""
    from importlib import resources

    path = f"data/{language}/{name}.words"
    res = resources.files(package).joinpath(path)
    if not res.is_file():
        raise WordSetError(f"{package}/{path}: no such word table")
    return parse(res.read_text(encoding="utf-8"), f"{package.replace('.', '/')}/{path}")


def _section(package: str, table_name: str, name: str, language: str, keyed: bool) -> WordSet:
    """One section, recorded as used; asking for a plain section's rows (or the reverse) is an error."""
    sections = table(package, table_name, language)
    where = f"{package}/data/{language}/{table_name}.words"
    if name not in sections:
        raise WordSetError(f"{where}: no section [{name}]")
    if bool(sections[name].keys) != keyed:
        raise WordSetError(f"{where}: [{name}] is {'not ' if keyed else ''}a keyed section")
    _requested.add((package, table_name, name))
    return sections[name]


def words(package: str, table_name: str, name: str, language: str = "en") -> frozenset[str]:
    """The entries of one section of a word table; an unknown section is a WordSetError."""
    return _section(package, table_name, name, language, keyed=False).words


def rows(package: str, table_name: str, name: str, language: str = "en") -> tuple[Row, ...]:
    """The (key, entries) rows of one keyed section, in the order written."""
    return _section(package, table_name, name, language, keyed=True).rows


def reader(package: str, table_name: str, language: str = "en") -> Callable[[str], frozenset[str]]:
    """`words` bound to one table: what a module holding many of its sets calls."""
    return partial(words, package, table_name, language=language)


def unused(package: str, table_name: str, language: str = "en") -> list[str]:
    """Sections of a table no module has asked for (call after importing the modules that use it)."""
    return sorted(n for n in table(package, table_name, language) if (package, table_name, n) not in _requested)
