"""CLI commands for the HTTP API and dashboard: serve, token."""
from __future__ import annotations

import click

from realpolitik.cli.common import allow_host_option, build_options, cli_store, settings_option
from realpolitik.settings import help_for


@click.command()
@click.option("--db", default="realpolitik.duckdb", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--require-token", is_flag=True, help=help_for("web.require_token"))
@click.option("--max-body-bytes", type=click.IntRange(1), default=None, help=help_for("web.max_body_bytes"))
@click.option("--cors-origin", "cors_origins", multiple=True, help=help_for("web.cors_origins"))
@click.option("--allow-private", is_flag=True, help="Let POST /api/ingest fetch URLs on loopback or private addresses.")
@allow_host_option
@settings_option
def serve(db: str, host: str, port: int, require_token: bool, max_body_bytes: int | None,
          cors_origins: tuple[str, ...], allow_private: bool, allow_hosts: list[str],
          assignments: tuple[str, ...]) -> None:
    """Serve the HTTP API (/api, /docs) and the dashboard (/) under uvicorn."""
    from realpolitik.web import serve as run_serve

    settings = {"web.require_token": require_token or None, "web.max_body_bytes": max_body_bytes,
                "web.cors_origins": list(cors_origins) or None, "fetching.allow_hosts": allow_hosts or None}
    run_serve(db, host=host, port=port, options=build_options(allow_private=allow_private, progress=False,
                                                         settings=settings, assignments=assignments))


@click.group()
def token() -> None:
    """API tokens: create (printed once, stored hashed), list, revoke."""


@token.command("create")
@click.option("--role", type=click.Choice(["writer", "reader"]), required=True)
@click.option("--label", default=None, help="A note saying whose token it is.")
@click.option("--db", default="realpolitik.duckdb", show_default=True)
def token_create(role: str, label: str | None, db: str) -> None:
    """Create a token and print it; only its SHA-256 hash is stored, so keep it now."""
    from realpolitik.store.tokens import create_token

    with cli_store(db) as store:
        click.echo(create_token(store, role, label))


@token.command("list")
@click.option("--db", default="realpolitik.duckdb", show_default=True)
def token_list(db: str) -> None:
    """List tokens (id, role, label, dates), never their secrets."""
    from realpolitik.store.tokens import list_tokens

    with cli_store(db) as store:
        for t in list_tokens(store):
            click.echo(f"{t.id}\t{t.role}\t{t.label or '-'}\tcreated {t.created_at}"
                       + (f"\trevoked {t.revoked_at}" if t.revoked_at else ""))


@token.command("revoke")
@click.argument("token_id")
@click.option("--db", default="realpolitik.duckdb", show_default=True)
def token_revoke(token_id: str, db: str) -> None:
    """Revoke a token by its id (the 12 hex digits after 'rp_')."""
    from realpolitik.store.tokens import revoke_token

    with cli_store(db) as store:
        if not revoke_token(store, token_id):
            raise click.ClickException(f"{token_id}: no such active token")
    click.echo(f"revoked {token_id}")


COMMANDS = [serve, token]
