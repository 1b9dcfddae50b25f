"""Passwords (argon2) and opaque bearer tokens (random, stored hashed, expiring, revocable)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Connection

from agent_desk.core.enums import Role
from agent_desk.server import schema as t
from agent_desk.server.db import utcnow

_hasher = PasswordHasher()
# A real hash to verify against when the user does not exist, so timing does not tell.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in agent a request acts for."""

    agent_id: str
    role: Role
    team_id: str | None

    @property
    def sees_everything(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)


def check_password(
    conn: Connection, username: str, password: str
) -> sa.Row[tuple[object, ...]] | None:
    row = conn.execute(
        sa.select(t.agents).where(t.agents.c.username == username, t.agents.c.active.is_(True))
    ).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return row


def issue_token(conn: Connection, agent_id: str, ttl: timedelta) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    expires = now + ttl
    conn.execute(
        sa.insert(t.auth_tokens).values(
            token_hash=_token_digest(token), agent_id=agent_id, created_at=now, expires_at=expires
        )
    )
    return token, expires


def resolve_token(conn: Connection, token: str) -> Viewer | None:
    row = conn.execute(
        sa.select(t.agents.c.id, t.agents.c.role, t.agents.c.team_id, t.auth_tokens.c.expires_at)
        .join(t.auth_tokens, t.auth_tokens.c.agent_id == t.agents.c.id)
        .where(
            t.auth_tokens.c.token_hash == _token_digest(token),
            t.auth_tokens.c.revoked_at.is_(None),
            t.agents.c.active.is_(True),
        )
    ).first()
    if row is None or row.expires_at <= utcnow():
        return None
    return Viewer(agent_id=row.id, role=Role(row.role), team_id=row.team_id)


def revoke_token(conn: Connection, token: str) -> str | None:
    """Revoke a token; returns its agent's id, or None if it was unknown or already revoked."""
    return conn.execute(
        sa.update(t.auth_tokens)
        .where(t.auth_tokens.c.token_hash == _token_digest(token))
        .where(t.auth_tokens.c.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .returning(t.auth_tokens.c.agent_id)
    ).scalar_one_or_none()
