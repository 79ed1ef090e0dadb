"""The `token` and `serve` commands."""
from __future__ import annotations

import re

from click.testing import CliRunner

from realpolitik.cli import main


def test_token_create_list_revoke(db_path):
    run = CliRunner().invoke
    out = run(main, ["token", "create", "--role", "reader", "--label", "analyst", "--db", db_path])
    assert out.exit_code == 0, out.output
    token = out.output.strip()
    m = re.fullmatch(r"rp_([0-9a-f]{12})_([A-Za-z0-9_-]{43})", token)
    assert m
    listing = run(main, ["token", "list", "--db", db_path]).output
    assert m.group(1) in listing and "reader" in listing and "analyst" in listing and m.group(2) not in listing
    assert run(main, ["token", "revoke", m.group(1), "--db", db_path]).exit_code == 0
    assert "revoked" in run(main, ["token", "list", "--db", db_path]).output
    assert run(main, ["token", "revoke", m.group(1), "--db", db_path]).exit_code != 0  # already revoked


def test_token_role_is_checked(db_path):
    out = CliRunner().invoke(main, ["token", "create", "--role", "admin", "--db", db_path])
    assert out.exit_code == 2 and "admin" in out.output


def test_serve_help_names_its_options():
    out = CliRunner().invoke(main, ["serve", "--help"]).output
    for opt in ("--db", "--host", "--port", "--require-token", "--max-body-bytes", "--cors-origin"):
        assert opt in out
