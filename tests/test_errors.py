"""One exception hierarchy: every error realpolitik raises on purpose is a RealpolitikError, shown by the CLI
as one `error:` line with its class's exit code."""
import pickle

from click.testing import CliRunner

from realpolitik.analytics.frame import ScopeError
from realpolitik.cli import main
from realpolitik.coding.lexicon import LexiconError
from realpolitik.errors import MissingExtraError, RealpolitikError, SettingsError
from realpolitik.evaluate import EvalError
from realpolitik.ingest import IngestError
from realpolitik.ingest.decoding import DecodeError
from realpolitik.ingest.web import FetchError
from realpolitik.live.alerts import AlertRuleError
from realpolitik.registry import RegistryError, coders
from realpolitik.store import StoreError


def test_every_error_class_derives_from_the_base():
    for cls in (IngestError, EvalError, RegistryError, StoreError, FetchError, LexiconError, SettingsError,
                MissingExtraError, ScopeError, AlertRuleError, DecodeError):
        assert issubclass(cls, RealpolitikError), cls


def test_ingest_error_is_an_exception_and_a_value():
    err = IngestError("a.jsonl:3", "malformed JSON")
    assert str(err) == "a.jsonl:3: malformed JSON" and (err.where, err.message) == ("a.jsonl:3", "malformed JSON")
    same = IngestError("a.jsonl:3", "malformed JSON")
    assert err == same and len({err, same}) == 1
    assert pickle.loads(pickle.dumps(err)) == err  # shipped back from Dask workers


def test_registry_error_reads_as_its_message():
    try:
        coders.get("no.such.coder")
    except RegistryError as exc:
        assert str(exc).startswith("no coders named 'no.such.coder'; known: ")


def test_the_cli_shows_a_library_error_as_one_line(tmp_path):
    bad = tmp_path / "not-a-store.duckdb"
    bad.write_text("this is not a DuckDB file", encoding="utf-8")
    r = CliRunner().invoke(main, ["stats", "--db", str(bad)])
    assert r.exit_code == StoreError.exit_code == 1
    assert r.output.startswith(f"error: {bad}") and r.output.count("\n") == 1, r.output
