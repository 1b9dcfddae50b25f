"""Accounts and opaque bearer tokens (random, stored hashed, expiring, revocable).

Passwords are hashed and checked in :mod:`agent_desk.server.auth.passwords`.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core import permissions
from agent_desk.core.enums import Role
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import utcnow


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in agent a request acts for."""

    agent_id: str
    role: Role
    team_id: str | None

    @property
    def sees_everything(self) -> bool:
        return permissions.sees_everything(self.role)


def find_agent(conn: Connection, username: str) -> sa.Row[Any] | None:
    """The active account with this username (its password is checked by ``passwords``)."""
    return conn.execute(
        sa.select(t.agents).where(t.agents.c.username == username, t.agents.c.active.is_(True))
    ).first()


def issue_token(conn: Connection, agent_id: str, ttl: timedelta) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    expires = now + ttl
    conn.execute(
        sa.insert(t.auth_tokens).values(
            token_hash=token_digest(token), agent_id=agent_id, created_at=now, expires_at=expires
        )
    )
    return token, expires


@dataclass(frozen=True, slots=True)
class Session:
    """A valid token: who it acts for, and until when."""

    viewer: Viewer
    expires_at: datetime


def resolve_session(conn: Connection, token: str) -> Session | None:
    """The token's session, or None when it is unknown, revoked, expired or its agent inactive."""
    if len(token) > 256:
        return None
    row = conn.execute(
        sa.select(t.agents.c.id, t.agents.c.role, t.agents.c.team_id, t.auth_tokens.c.expires_at)
        .join(t.auth_tokens, t.auth_tokens.c.agent_id == t.agents.c.id)
        .where(
            t.auth_tokens.c.token_hash == token_digest(token),
            t.auth_tokens.c.revoked_at.is_(None),
            t.agents.c.active.is_(True),
        )
    ).first()
    if row is None or row.expires_at <= utcnow():
        return None
    return Session(
        Viewer(agent_id=row.id, role=Role(row.role), team_id=row.team_id), row.expires_at
    )


def resolve_token(conn: Connection, token: str) -> Viewer | None:
    session = resolve_session(conn, token)
    return None if session is None else session.viewer


def revoke_token(conn: Connection, token: str) -> str | None:
    """Revoke a token; returns its agent's id, or None if it was unknown or already revoked."""
    return conn.execute(
        sa.update(t.auth_tokens)
        .where(t.auth_tokens.c.token_hash == token_digest(token))
        .where(t.auth_tokens.c.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .returning(t.auth_tokens.c.agent_id)
    ).scalar_one_or_none()
