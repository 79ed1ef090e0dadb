"""Move module-level word sets written as Python literals into the module's `.words` table.

Usage: python benchmarks/sets_to_tables.py [--dry-run] MODULE.py ...

For each module, every top-level assignment whose value is a set of string literals --
``frozenset({"a", "b"})``, ``frozenset("a b".split())``, or such a literal joined to other sets with
``|`` (``OTHER | frozenset(...)``, ``OTHER | {"x"}``) -- becomes a section of
``<package>/data/en/<module>.words`` (the section holds the literal's words; a union keeps its other
operands in code), and the assignment reads the section instead. The section's doc is the code
comment just above the assignment or on its line. Its kind is guessed: PLOVER types, actor/sector
codes (capitals), parser labels (names ending in _DEPS/_LABELS/_TAGS), words, else text.
Names listed in KEEP stay in code (characters or markers of a file format, not words).
Re-running is safe: converted modules hold no literals, and new sections are appended to the table.
Run it from the repository root; afterwards, `ruff check --fix` the module (import order) and replace
each "TODO" doc (a set with no comment) with what the set is for. Keyed tables (dicts of words), tuples
and regexes built from word lists are moved by hand (see docs/coder.md, "Word tables").
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

from realpolitik import ontology, wordsets

# Not words: characters, lexicon-format markers and frame names, kept in code.
KEEP = {"FLAGS", "_TERMINAL", "_CLOSING", "POS_TAGS", "FRAMES", "NEG_FRAMES"}
WIDTH = 100
TABLE_NAMES = {"realpolitik/factuality/lexicon.py": "factuality"}


def _literal_words(node: ast.expr) -> list[str] | None:
    """The words of a set-of-strings literal expression, in written order, or None."""
    if isinstance(node, ast.Set):
        elts = node.elts
    elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "frozenset"
          and len(node.args) == 1 and not node.keywords):
        arg = node.args[0]
        if isinstance(arg, (ast.Set, ast.List, ast.Tuple)):
            elts = arg.elts
        elif (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "split"
              and not arg.args and isinstance(arg.func.value, ast.Constant)
              and isinstance(arg.func.value.value, str)):
            return arg.func.value.value.split()
        else:
            return None
    else:
        return None
    if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elts):
        return None
    return [e.value for e in elts]  # type: ignore[attr-defined]


def _split_union(node: ast.expr) -> tuple[list[str], list[ast.expr]] | None:
    """A literal's words and the other operands of a ``|`` chain holding exactly one literal."""
    operands: list[ast.expr] = []

    def flatten(n: ast.expr) -> None:
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.BitOr):
            flatten(n.left)
            flatten(n.right)
        else:
            operands.append(n)

    flatten(node)
    literals = [(i, w) for i, op in enumerate(operands) if (w := _literal_words(op)) is not None]
    if len(literals) != 1:
        return None
    i, found = literals[0]
    return found, operands[:i] + operands[i + 1:]


def _kind(name: str, entries: list[str]) -> str:
    """The section kind the entries fit."""
    if name.endswith(("_DEPS", "_LABELS", "_TAGS")):
        return "label"
    if all(e in ontology.types() for e in entries):
        return "type"
    if all(re.fullmatch(r"[A-Z]{2,5}", e) for e in entries):
        return "code"
    if all(wordsets._WORD.match(e) and e == e.lower() for e in entries):
        return "word"
    return "text"


def _doc(lines: list[str], node: ast.stmt) -> str:
    """The comments on the assignment's lines, else the comment block just above it (one line)."""
    inline = [m.group(1).strip() for ln in lines[node.lineno - 1:node.end_lineno]
              if (m := re.search(r"#\s*(.*)$", ln))]
    if inline:
        return " ".join(inline)
    block: list[str] = []
    i = node.lineno - 2
    while i >= 0 and lines[i].lstrip().startswith("#"):
        block.insert(0, lines[i].strip().lstrip("#").strip())
        i -= 1
    return " ".join(block)


def _wrap(entries: list[str]) -> list[str]:
    """Entries as lines of at most WIDTH characters."""
    out, line = [], ""
    for e in entries:
        if line and len(line) + 1 + len(e) > WIDTH:
            out.append(line)
            line = e
        else:
            line = f"{line} {e}" if line else e
    return [*out, line] if line else out


def convert(path: Path, dry_run: bool) -> int:
    """Convert one module; returns how many sets moved."""
    src = path.read_text(encoding="utf-8")
    lines = src.splitlines(keepends=True)
    plain = [ln.rstrip("\n") for ln in lines]
    tree = ast.parse(src)
    rel = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    package = ".".join(Path(rel).parent.parts)
    table_name = TABLE_NAMES.get(rel, path.stem)
    table_path = Path(rel).parent / "data" / "en" / f"{table_name}.words"
    existing = wordsets.parse(table_path.read_text(encoding="utf-8"), str(table_path)) if table_path.exists() else {}
    sections: list[str] = []
    edits: list[tuple[int, int, str]] = []  # (first line, last line, replacement), 1-based inclusive
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if not isinstance(target, ast.Name) or target.id in KEEP:
            continue
        name = target.id
        split = _split_union(value)
        if split is None:
            continue
        entries, others = split
        if name in existing:
            sys.exit(f"error: {table_path}: section [{name}] exists already")
        doc = _doc(plain, node) or "TODO: say what this set is for"
        if others:
            doc = f"{doc} (joined in code to {', '.join(ast.unparse(o) for o in others)})"
        kind = _kind(name, entries)
        header = f"[{name}]" + (f" {kind}" if kind != "word" else "")
        sections.append("\n".join([f"{header}  # {doc}", *_wrap(entries)]) + "\n")
        read = f'_words("{name}")'
        new_value = " | ".join([*(ast.unparse(o) for o in others), read])
        annot = f": {ast.unparse(node.annotation)}" if isinstance(node, ast.AnnAssign) else ""
        start_line = plain[node.lineno - 1]
        indent = start_line[: len(start_line) - len(start_line.lstrip())]
        end = node.end_lineno or node.lineno
        tail = plain[end - 1][(node.end_col_offset or 0):].partition("#")[0].rstrip()
        edits.append((node.lineno, end, f"{indent}{name}{annot} = {new_value}{tail}\n"))
    if not edits:
        return 0
    for first, last, text in reversed(edits):
        lines[first - 1:last] = [text]
    body = "".join(lines)
    reader = f'_words = wordsets.reader("{package}", "{table_name}")\n'
    if "_words = wordsets.reader(" not in body:
        body = _add_reader(body, reader)
    header = f"# Word sets of {rel} (format and kinds: realpolitik/wordsets.py).\n" if not existing else ""
    old = table_path.read_text(encoding="utf-8") if table_path.exists() else ""
    text = old + header + ("\n" if old else "") + "\n".join(sections)
    wordsets.parse(text, str(table_path))
    if not dry_run:
        table_path.parent.mkdir(parents=True, exist_ok=True)
        table_path.write_text(text, encoding="utf-8")
        path.write_text(body, encoding="utf-8")
    print(f"{rel}: {len(edits)} set(s) -> {table_path}")
    return len(edits)


def _add_reader(body: str, reader: str) -> str:
    """Import wordsets and bind the module's reader after the imports (before the first definition)."""
    tree = ast.parse(body)
    lines = body.splitlines(keepends=True)
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    last = max((n.end_lineno or n.lineno) for n in imports)
    if not any(isinstance(n, ast.ImportFrom) and n.module == "realpolitik"
               and any(a.name == "wordsets" for a in n.names) for n in imports):
        tail = imports[-1]
        ours = isinstance(tail, ast.ImportFrom) and (tail.module or "").startswith("realpolitik")
        lines.insert(last, ("" if ours else "\n") + "from realpolitik import wordsets\n")  # `ruff --fix` sorts it
        last += 1
    # after `log = logging.getLogger(...)` when it directly follows the imports, else after the imports
    i = last
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and lines[i].startswith("log = "):
        lines.insert(i + 1, reader)
    else:
        lines.insert(last, "\n" + reader)
    return "".join(lines)


def main() -> None:
    """Convert the modules named on the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("modules", nargs="+", type=Path)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    total = sum(convert(p, args.dry_run) for p in args.modules)
    print(f"{total} set(s) moved")


if __name__ == "__main__":
    main()
