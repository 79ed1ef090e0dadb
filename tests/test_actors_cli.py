"""`realpolitik actors lookup NAME [--date] [--json]`."""
import json

from click.testing import CliRunner

from realpolitik.cli import main


def test_lookup_prints_code_kind_and_name():
    res = CliRunner().invoke(main, ["actors", "lookup", "Xi Jinping", "--date", "2024-01-01"])
    assert res.exit_code == 0 and res.output.split("\t")[:2] == ["CHNGOV", "person"]


def test_lookup_json_and_date_picks_the_role():
    res = CliRunner().invoke(main, ["actors", "lookup", "Boris Johnson", "--date", "2023-05-01", "--json"])
    (m,) = json.loads(res.output)
    assert (m["code"], m["sector"], m["name"]) == ("GBRELI", "ELI", "Boris Johnson")


def test_lookup_unknown_name_and_bad_date_fail():
    runner = CliRunner()
    assert runner.invoke(main, ["actors", "lookup", "Nobody In Particular"]).exit_code != 0
    assert runner.invoke(main, ["actors", "lookup", "Putin", "--date", "May 2024"]).exit_code == 2
