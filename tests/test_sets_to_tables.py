"""benchmarks/sets_to_tables.py: a module's set literals become table sections, mechanically and re-runnably."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MODULE = '''"""A module with word sets."""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

# Goods that are aid.
AID = frozenset({"aid", "relief"})
LETTERS = frozenset("""alpha beta
gamma""".split())  # letters, in order
TYPES = frozenset({"AID", "ASSAULT"})
MORE = AID | {"food"}
MARKS = frozenset("WwT")
'''


def _converter():
    spec = importlib.util.spec_from_file_location("sets_to_tables", ROOT / "benchmarks" / "sets_to_tables.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_set_literals_move_into_the_modules_table(tmp_path, monkeypatch):
    conv = _converter()
    (tmp_path / "pkg").mkdir()
    module = tmp_path / "pkg" / "mod.py"
    module.write_text(MODULE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert conv.convert(Path("pkg/mod.py"), dry_run=False) == 4
    assert module.read_text(encoding="utf-8") == '''"""A module with word sets."""
from __future__ import annotations

import logging

from realpolitik import wordsets

log = logging.getLogger(__name__)
_words = wordsets.reader("pkg", "mod")

# Goods that are aid.
AID = _words("AID")
LETTERS = _words("LETTERS")
TYPES = _words("TYPES")
MORE = AID | _words("MORE")
MARKS = frozenset("WwT")
'''
    assert (tmp_path / "pkg" / "data" / "en" / "mod.words").read_text(encoding="utf-8") == '''\
# Word sets of pkg/mod.py (format and kinds: realpolitik/wordsets.py).
[AID]  # Goods that are aid.
aid relief

[LETTERS]  # letters, in order
alpha beta gamma

[TYPES] type  # TODO: say what this set is for
AID ASSAULT

[MORE]  # TODO: say what this set is for (joined in code to AID)
food
'''
    # nothing left to move: a second run changes nothing
    assert conv.convert(Path("pkg/mod.py"), dry_run=False) == 0
