"""The core works without the optional extras; an edge that needs one names the extra to install."""
import subprocess
import sys

# Run in a fresh interpreter where the extras' packages cannot be imported (a None entry in sys.modules).
BLOCK = ("import sys\nfor m in ('fastapi', 'uvicorn', 'starlette', 'psycopg', 'dask', 'distributed'):\n"
         "    sys.modules[m] = None\n")


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCK + code], capture_output=True, text=True, timeout=300)


def test_core_and_cli_import_and_run_without_extras(tmp_path):
    db = tmp_path / "x.duckdb"
    r = run("import realpolitik, realpolitik.cli, realpolitik.pipeline, realpolitik.analytics, realpolitik.report\n"
            f"s = realpolitik.open_store({str(db)!r}); print(s.count_events()); s.close()")
    assert (r.returncode, r.stdout) == (0, "0\n"), r.stderr


def test_each_edge_names_its_extra(tmp_path):
    cases = {
        "import realpolitik.web": "the web API and dashboard needs the 'fastapi' package: "
                                  "pip install 'realpolitik[web]'",
        "import realpolitik; realpolitik.open_store('postgresql://u@127.0.0.1:1/x')":
            "a PostgreSQL store needs the 'psycopg' package: pip install 'realpolitik[postgres]'",
        "from realpolitik.engines.dask import dask_client\nwith dask_client(): pass":
            "the Dask engine needs the 'distributed' package: pip install 'realpolitik[dask]'",
    }
    for code, message in cases.items():
        r = run("from realpolitik.errors import MissingExtraError\ntry:\n    exec(" + repr(code) + ")\n"
                "except MissingExtraError as exc:\n    print(exc)\n")
        assert (r.returncode, r.stdout) == (0, message + "\n"), (code, r.stdout, r.stderr)


def test_the_cli_prints_one_error_line_for_a_missing_extra(tmp_path):
    r = run("from realpolitik.cli import main\nmain(['serve', '--db', " + repr(str(tmp_path / "x.duckdb")) + "])")
    assert r.returncode == 3
    assert r.stderr == "error: the web API and dashboard needs the 'fastapi' package: pip install 'realpolitik[web]'\n"
