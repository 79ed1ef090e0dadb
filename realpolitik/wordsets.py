"""Named word sets kept as data: the coder's words live in ``<package>/data/en/<table>.words`` files.

A ``.words`` file holds sections. A section starts with a header line ``[NAME] kind  # what it is``
(kind is optional and defaults to ``word``), followed by its entries, whitespace-separated, over any
number of lines; ``#`` starts a comment. Kinds and what each entry must be:

- ``word``: a lowercase lemma or word form (no whitespace; ``-`` and ``'`` allowed);
- ``text``: any token text (case kept, e.g. titles such as ``Mr``);
- ``type``: a PLOVER event type; ``context``: a PLOVER context; ``quad``: a quad class;
- ``label``: a parser label (dependency, POS or entity label), kept as written.

`parse` validates every line and raises WordSetError naming each bad line (unknown kind, an entry
that is not of its kind, a duplicate entry or section, an empty section, entries before a header).
`words(package, table, name)` is what modules call; it records the request so a test can check that
every section of every table is used (`unused`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from realpolitik.errors import RealpolitikError

KINDS = frozenset({"word", "text", "type", "context", "quad", "label"})
QUADS = frozenset({"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"})
_HEADER = re.compile(r"^\[([A-Z][A-Z0-9_]*)\](?:\s+([a-z]+))?\s*$")
_WORD = re.compile(r"^[^\W_][\w'.\-]*$")  # any script: "communiqué" is a word

_requested: set[tuple[str, str, str]] = set()


class WordSetError(RealpolitikError, ValueError):
    """A word table that does not parse or validate; the message names each bad line."""


@dataclass(frozen=True, slots=True)
class WordSet:
    """One named section of a word table."""

    name: str
    kind: str
    doc: str
    words: frozenset[str]


def _entry_problem(kind: str, entry: str) -> str | None:
    """Why one entry is not of its section's kind (None when it is)."""
    from realpolitik import ontology

    if kind == "word" and (not _WORD.match(entry) or entry != entry.lower()):
        return f"{entry!r} is not a lowercase word"
    if kind == "type" and entry not in ontology.types():
        return f"{entry!r} is not a PLOVER type"
    if kind == "context" and entry not in ontology.contexts():
        return f"{entry!r} is not a PLOVER context"
    if kind == "quad" and entry not in QUADS:
        return f"{entry!r} is not a quad class"
    return None


def parse(text: str, where: str = "<words>") -> dict[str, WordSet]:
    """Parse and validate a word table; WordSetError lists every problem with its line."""
    problems: list[str] = []
    sections: dict[str, tuple[str, str, list[str]]] = {}
    current: str | None = None
    seen: dict[str, set[str]] = {}
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
            if kind not in KINDS:
                problems.append(f"{where}:{n}: [{name}]: kind {kind!r} is not one of {sorted(KINDS)}")
            if name in sections:
                problems.append(f"{where}:{n}: [{name}]: duplicate section")
            sections[name] = (kind, comment.strip(), [])
            seen[name] = set()
            current = name
            continue
        if current is None:
            problems.append(f"{where}:{n}: entries before any [SECTION] header")
            continue
        kind, _, entries = sections[current]
        for entry in line.split():
            why = _entry_problem(kind, entry)
            if why:
                problems.append(f"{where}:{n}: [{current}]: {why}")
            if entry in seen[current]:
                problems.append(f"{where}:{n}: [{current}]: duplicate entry {entry!r}")
            seen[current].add(entry)
            entries.append(entry)
    for name, (_, _, entries) in sections.items():
        if not entries:
            problems.append(f"{where}: [{name}]: empty section")
    if problems:
        raise WordSetError("invalid word table:\n" + "\n".join(problems))
    return {name: WordSet(name, kind, doc, frozenset(entries)) for name, (kind, doc, entries) in sections.items()}


@lru_cache(maxsize=None)
def table(package: str, name: str, language: str = "en") -> dict[str, WordSet]:
    """Every section of ``<package>/data/<language>/<name>.words``, validated."""
    from importlib import resources

    path = f"data/{language}/{name}.words"
    res = resources.files(package).joinpath(path)
    if not res.is_file():
        raise WordSetError(f"{package}/{path}: no such word table")
    return parse(res.read_text(encoding="utf-8"), f"{package.replace('.', '/')}/{path}")


def words(package: str, table_name: str, name: str, language: str = "en") -> frozenset[str]:
    """The entries of one section of a word table; an unknown section is a WordSetError."""
    sections = table(package, table_name, language)
    if name not in sections:
        raise WordSetError(f"{package}/data/{language}/{table_name}.words: no section [{name}]")
    _requested.add((package, table_name, name))
    return sections[name].words


def unused(package: str, table_name: str, language: str = "en") -> list[str]:
    """Sections of a table no module has asked for (call after importing the modules that use it)."""
    return sorted(n for n in table(package, table_name, language) if (package, table_name, n) not in _requested)
