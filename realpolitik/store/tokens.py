"""API tokens: random, shown once, stored only as a SHA-256 hash, checked in constant time.

A token reads `rp_<id>_<secret>`. The secret's SHA-256 finds the row (a lookup by id would take
longer for ids that exist); the id is then compared with hmac.compare_digest. The secret has
256 bits from `secrets`, so a plain (unsalted) SHA-256 is enough: there is nothing to brute-force.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any

from realpolitik.store.clock import now
from realpolitik.store.schema import migration

log = logging.getLogger(__name__)

ROLES = ("reader", "writer")
# What each role may do: a writer may also read.
GRANTS = {"reader": {"read"}, "writer": {"read", "write"}}
_TOKEN = re.compile(r"^rp_([0-9a-f]{12})_([A-Za-z0-9_-]{20,100})$")


@migration(10, "API tokens: role and SHA-256 hash of the secret, never the secret")
def _tokens_table() -> list[str]:
    return [
        """CREATE TABLE IF NOT EXISTS api_tokens (
            id VARCHAR PRIMARY KEY,
            role VARCHAR NOT NULL,
            secret_sha256 VARCHAR NOT NULL,
            label VARCHAR,
            created_at TIMESTAMP,
            revoked_at TIMESTAMP
        )""",
    ]


@dataclass(frozen=True)
class TokenInfo:
    """A stored token's public facts (never its secret)."""

    id: str
    role: str
    label: str | None
    created_at: Any
    revoked_at: Any

    def as_dict(self) -> dict[str, Any]:
        """The token's facts as JSON-able data."""
        return {"id": self.id, "role": self.role, "label": self.label,
                "created_at": str(self.created_at) if self.created_at else None,
                "revoked_at": str(self.revoked_at) if self.revoked_at else None}


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(store, role: str, label: str | None = None) -> str:
    """Store a new token of `role` and return it; this is the only time the secret exists in clear."""
    if role not in ROLES:
        raise ValueError(f"role {role!r}: expected one of {', '.join(ROLES)}")
    tid = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    with store.transaction():
        store.query("INSERT INTO api_tokens VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    (tid, role, _hash(secret), label, now(), None))
    return f"rp_{tid}_{secret}"


def check_token(store, token: str | None) -> str | None:
    """The role of a valid, unrevoked token, else None."""
    m = _TOKEN.match(token or "")
    if not m:
        return None
    tid, secret = m.groups()
    digest = _hash(secret)
    try:
        # Looked up by the secret's hash, never by the id: how long the lookup takes then depends on
        # a value a guesser cannot steer, so timing cannot tell which token ids exist.
        rows = store.query("SELECT id, role FROM api_tokens WHERE secret_sha256 = ? AND revoked_at IS NULL", (digest,))
    except Exception:  # no tokens table yet (a store never opened for writing): no valid token
        return None
    found = rows[0]["id"] if rows else "-" * 12
    ok = hmac.compare_digest(found.encode(), tid.encode())
    return rows[0]["role"] if ok and rows else None


def list_tokens(store) -> list[TokenInfo]:
    """Every token, newest first, without secrets."""
    rows = store.query("SELECT id, role, label, created_at, revoked_at FROM api_tokens ORDER BY created_at DESC, id")
    return [TokenInfo(**r) for r in rows]


def revoke_token(store, token_id: str) -> bool:
    """Revoke a token by id; False when there is no such active token."""
    with store.transaction():
        rows = store.query("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id",
                           (now(), token_id))
    return bool(rows)


def allows(role: str | None, action: str) -> bool:
    """Whether a role may `read` or `write`."""
    return bool(role) and action in GRANTS.get(role, set())
