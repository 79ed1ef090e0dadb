"""The layout reads as the pipeline and imports go one way: no cycle between modules or between packages.

The import graph is built from the source (ast over every import statement, function-local ones
included, since deferring an import hides a cycle without removing it), so nothing is imported.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent / "realpolitik"

# Cycles still to break, each named by its modules (or packages); none today. An entry whose cycle is
# gone fails the test too, so the list only shrinks.
ALLOWED_PACKAGE_CYCLES: set[frozenset[str]] = set()
ALLOWED_MODULE_CYCLES: set[frozenset[str]] = set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The realpolitik modules `name` imports, at module level or inside functions (a deferred import
    is still a dependency), leaving out `if TYPE_CHECKING:` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
               for stmt in node.body for n in ast.walk(stmt)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package holding this module
                pkg = name.split(".") if is_package else name.split(".")[:-1]
                pkg = pkg[:len(pkg) - node.level + 1]
                base = ".".join([*pkg, base] if base else pkg)
            # `from realpolitik.store import tokens` imports the module store.tokens, not only the package.
            found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names)
    out = set()
    for imp in found:
        while imp and imp not in known:  # `import realpolitik.store.base as b` -> that module; others are outside
            imp = imp.rpartition(".")[0]
        if imp and imp != name:
            out.add(imp)
    return out


def _graph() -> nx.DiGraph:
    mods = _modules()
    g = nx.DiGraph()
    g.add_nodes_from(mods)
    for name, path in mods.items():
        for imp in _imports(name, path, set(mods)):
            g.add_edge(name, imp)
    return g


def _package(module: str) -> str:
    """The top-level part of realpolitik a module belongs to: `store` for realpolitik.store.base."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _cycles(g: nx.DiGraph) -> set[frozenset[str]]:
    return {frozenset(c) for c in nx.strongly_connected_components(g) if len(c) > 1}


def test_no_module_import_cycles():
    cycles = _cycles(_graph())
    assert cycles - ALLOWED_MODULE_CYCLES == set(), sorted(sorted(c) for c in cycles - ALLOWED_MODULE_CYCLES)
    assert ALLOWED_MODULE_CYCLES - cycles == set(), "allowed cycles that are gone: drop them from the list"


def test_no_package_import_cycles():
    g = _graph()
    pg = nx.DiGraph()
    pg.add_nodes_from({_package(n) for n in g})
    pg.add_edges_from((_package(a), _package(b)) for a, b in g.edges if _package(a) != _package(b))
    cycles = _cycles(pg)
    assert cycles - ALLOWED_PACKAGE_CYCLES == set(), sorted(sorted(c) for c in cycles - ALLOWED_PACKAGE_CYCLES)
    assert ALLOWED_PACKAGE_CYCLES - cycles == set(), "allowed cycles that are gone: drop them from the list"


def test_layout_has_no_loose_shell_modules():
    loose = sorted(p.name for p in ROOT.glob("*.py")
                   if p.stem.startswith("cli") or p.stem in ("watch", "alerts", "export", "exporters", "distributed"))
    assert loose == []
    for pkg, modules in {"cli": {"__init__", "__main__", "common", "analysis", "live", "server"},
                         "live": {"__init__", "watch", "alerts"},
                         "export": {"__init__", "events", "formats"},
                         "engines": {"__init__", "dask"}}.items():
        assert modules <= {p.stem for p in (ROOT / pkg).glob("*.py")}, pkg
