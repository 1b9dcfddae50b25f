"""Channel connections: how a channel reaches Agent Desk, and how replies reach the channel.

A connection has a name, a kind, the channel its conversations are on, settings, a secret and an
enabled flag. Kinds in this version:

- ``widget``: the built-in web chat (channel ``chat``);
- ``webhook``: a platform that calls us (``POST /api/v1/inbound/{channel}``, signed with the
  connection's secret) and that we call back with each reply (``outbound_url``, signed alike);
- ``email``: a mailbox we poll over IMAP and an SMTP server replies go through (channel
  ``email``; :mod:`.email`). Its secret holds only what the OAuth2 provider rotates, sealed.

The secret is generated here, shown once when the connection is made, and stored sealed with the
server key (:mod:`.secret_box`); it never goes to the change feed or a log. Every change is
audited.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core.enums import Channel
from agent_desk.core.errors import InvalidArguments, NotFound
from agent_desk.core.ids import new_id
from agent_desk.server.audit import log as audit
from agent_desk.server.channels.email import settings as email_settings
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database, WriteTx, utcnow

KINDS: dict[str, frozenset[Channel]] = {
    "widget": frozenset({Channel.CHAT}),
    "webhook": frozenset({Channel.CHAT, Channel.APP, Channel.SOCIAL, Channel.PHONE}),
    "email": frozenset({Channel.EMAIL}),
}
DEFAULTS: dict[str, Any] = {
    "outbound_url": "",  # webhook: where replies are POSTed
    "timeout_s": 10.0,  # one attempt's time limit
    "max_attempts": 12,  # then the delivery fails (an admin can re-queue it)
    "max_age_s": 24 * 3600.0,  # or after this long since it was queued
    "allowed_origins": [],  # widget: sites that may embed it (frame-ancestors)
    "show_agent_names": False,  # widget: the visitor sees "Support", or the agent's first name
}


@dataclass(frozen=True, slots=True)
class ChannelConnection:
    id: str
    name: str
    kind: str
    channel: str
    settings: dict[str, Any]
    enabled: bool

    @property
    def outbound_url(self) -> str:
        return str(self.settings.get("outbound_url") or "")

    @property
    def timeout_s(self) -> float:
        return float(self.settings.get("timeout_s") or DEFAULTS["timeout_s"])

    @property
    def max_attempts(self) -> int:
        return int(self.settings.get("max_attempts") or DEFAULTS["max_attempts"])

    @property
    def max_age_s(self) -> float:
        return float(self.settings.get("max_age_s") or DEFAULTS["max_age_s"])

    def public(self) -> dict[str, Any]:
        """What an admin may see: everything but the secret."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "channel": self.channel,
            "enabled": self.enabled,
            "settings": dict(self.settings),
        }


def _defaults(kind: str) -> dict[str, Any]:
    return {**DEFAULTS, **email_settings.EMAIL_DEFAULTS} if kind == "email" else dict(DEFAULTS)


def _from_row(row: Any) -> ChannelConnection:
    return ChannelConnection(
        id=row.id,
        name=row.name,
        kind=row.kind,
        channel=row.channel,
        settings={**_defaults(row.kind), **(row.settings or {})},
        enabled=bool(row.enabled),
    )


def check_url(url: str) -> str:
    """An outbound URL: http(s), a host, no credentials in it."""
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidArguments(f"not an http(s) URL: {url[:80]}")
    if parts.username or parts.password:
        raise InvalidArguments("put no credentials in the URL; the secret signs each delivery")
    return url


def _settings(kind: str, given: dict[str, Any]) -> dict[str, Any]:
    defaults = _defaults(kind)
    unknown = set(given) - set(defaults)
    if unknown:
        raise InvalidArguments(f"unknown settings: {', '.join(sorted(unknown))}")
    settings = {**defaults, **given}
    settings["outbound_url"] = check_url(str(settings["outbound_url"] or ""))
    for key in ("timeout_s", "max_age_s"):
        if not 0 < float(settings[key]) <= 7 * 24 * 3600:
            raise InvalidArguments(f"{key} must be positive")
    if not 1 <= int(settings["max_attempts"]) <= 100:
        raise InvalidArguments("max_attempts must be between 1 and 100")
    if kind in ("widget", "email") and settings["outbound_url"]:
        raise InvalidArguments(f"a {kind} connection has no outbound URL")
    if kind == "email":
        email_settings.check(settings)
    return settings


def add(
    tx: WriteTx,
    box: SecretBox,
    *,
    name: str,
    kind: str,
    channel: str,
    settings: dict[str, Any] | None = None,
    actor_id: str | None = None,
    secret: str | None = None,
) -> tuple[ChannelConnection, str]:
    """A new connection and its secret (shown this once)."""
    name = name.strip()
    if not 1 <= len(name) <= 80:
        raise InvalidArguments("a connection needs a name of 1 to 80 characters")
    if kind not in KINDS:
        raise InvalidArguments(f"kind must be one of {', '.join(KINDS)}")
    try:
        wanted = Channel(channel)
    except ValueError as exc:
        raise InvalidArguments(f"no such channel: {channel}") from exc
    if wanted not in KINDS[kind]:
        raise InvalidArguments(f"a {kind} connection serves {', '.join(sorted(KINDS[kind]))}")
    if tx.conn.execute(
        sa.select(t.channel_connections.c.id).where(t.channel_connections.c.name == name)
    ).first():
        raise InvalidArguments(f"a connection named {name!r} exists already")
    # an email connection's secret holds what its OAuth2 provider rotates (nothing yet)
    secret = secret or ("{}" if kind == "email" else secrets.token_urlsafe(32))
    now = utcnow()
    connection_id = new_id()
    row: dict[str, Any] = {
        "id": connection_id,
        "name": name,
        "kind": kind,
        "channel": wanted.value,
        "settings": _settings(kind, settings or {}),
        "secret_ciphertext": box.seal(secret),
        "enabled": True,
        "created_at": now,
        "updated_at": now,
    }
    tx.conn.execute(sa.insert(t.channel_connections).values(**row))
    audit.record(
        tx,
        "channel.add",
        actor_id=actor_id,
        entity="channel_connection",
        entity_id=connection_id,
        name=name,
        kind=kind,
        channel=wanted.value,
    )
    return get(tx.conn, connection_id), secret


def all_connections(conn: Connection) -> list[ChannelConnection]:
    rows = conn.execute(
        sa.select(t.channel_connections).order_by(t.channel_connections.c.created_at)
    ).all()
    return [_from_row(r) for r in rows]


def get(conn: Connection, name_or_id: str) -> ChannelConnection:
    row = conn.execute(
        sa.select(t.channel_connections).where(
            sa.or_(
                t.channel_connections.c.id == name_or_id,
                t.channel_connections.c.name == name_or_id,
            )
        )
    ).first()
    if row is None:
        raise NotFound(f"no channel connection {name_or_id!r}")
    return _from_row(row)


def for_channel(
    conn: Connection, channel: str, kind: str | None = None
) -> ChannelConnection | None:
    """The enabled connection replies on ``channel`` go through (the oldest, if several)."""
    query = sa.select(t.channel_connections).where(
        t.channel_connections.c.channel == channel, t.channel_connections.c.enabled.is_(True)
    )
    if kind is not None:
        query = query.where(t.channel_connections.c.kind == kind)
    row = conn.execute(query.order_by(t.channel_connections.c.created_at).limit(1)).first()
    return _from_row(row) if row is not None else None


def for_conversation(
    conn: Connection, conversation_id: str, channel: str
) -> ChannelConnection | None:
    """The connection a reply in this conversation goes through: an email thread's own mailbox
    while it is enabled, else the channel's."""
    if channel == Channel.EMAIL.value:
        row = conn.execute(
            sa.select(t.channel_connections)
            .join(
                t.mail_threads,
                t.mail_threads.c.connection_id == t.channel_connections.c.id,
            )
            .where(
                t.mail_threads.c.conversation_id == conversation_id,
                t.channel_connections.c.enabled.is_(True),
            )
        ).first()
        if row is not None:
            return _from_row(row)
    return for_channel(conn, channel)


def secret_of(conn: Connection, box: SecretBox, connection_id: str) -> str:
    sealed = conn.execute(
        sa.select(t.channel_connections.c.secret_ciphertext).where(
            t.channel_connections.c.id == connection_id
        )
    ).scalar_one()
    return box.open(sealed)


def set_secret(tx: WriteTx, box: SecretBox, connection_id: str, secret: str) -> None:
    """Replace a connection's sealed secret (an email connection's rotated OAuth2 token)."""
    tx.conn.execute(
        sa.update(t.channel_connections)
        .where(t.channel_connections.c.id == connection_id)
        .values(secret_ciphertext=box.seal(secret), updated_at=utcnow())
    )


def enabled_of_kind(conn: Connection, kind: str) -> list[ChannelConnection]:
    rows = conn.execute(
        sa.select(t.channel_connections)
        .where(t.channel_connections.c.kind == kind, t.channel_connections.c.enabled.is_(True))
        .order_by(t.channel_connections.c.created_at)
    ).all()
    return [_from_row(r) for r in rows]


def inbound_secrets(conn: Connection, box: SecretBox, channel: str) -> list[bytes]:
    """The secrets an inbound call on ``channel`` may be signed with (its enabled webhooks)."""
    rows = conn.execute(
        sa.select(t.channel_connections.c.secret_ciphertext).where(
            t.channel_connections.c.channel == channel,
            t.channel_connections.c.kind == "webhook",
            t.channel_connections.c.enabled.is_(True),
        )
    ).scalars()
    return [box.open(sealed).encode() for sealed in rows]


def update(
    tx: WriteTx,
    name_or_id: str,
    *,
    enabled: bool | None = None,
    settings: dict[str, Any] | None = None,
    actor_id: str | None = None,
) -> ChannelConnection:
    found = get(tx.conn, name_or_id)
    values: dict[str, Any] = {"updated_at": utcnow()}
    if enabled is not None:
        values["enabled"] = enabled
    if settings:
        values["settings"] = _settings(found.kind, {**found.settings, **settings})
    tx.conn.execute(
        sa.update(t.channel_connections)
        .where(t.channel_connections.c.id == found.id)
        .values(**values)
    )
    audit.record(
        tx,
        "channel.update",
        actor_id=actor_id,
        entity="channel_connection",
        entity_id=found.id,
        enabled=enabled,
        settings=sorted(settings or {}),
    )
    return get(tx.conn, found.id)


def remove(tx: WriteTx, name_or_id: str, *, actor_id: str | None = None) -> ChannelConnection:
    """Delete a connection; its deliveries keep their history (no connection any more)."""
    found = get(tx.conn, name_or_id)
    tx.conn.execute(
        sa.update(t.deliveries)
        .where(t.deliveries.c.connection_id == found.id)
        .values(connection_id=None)
    )
    tx.conn.execute(  # its visitors' sessions end with it
        sa.delete(t.widget_visitors).where(t.widget_visitors.c.connection_id == found.id)
    )
    tx.conn.execute(  # the Message-IDs stay: a later reply still finds its conversation
        sa.update(t.mail_ids)
        .where(t.mail_ids.c.connection_id == found.id)
        .values(connection_id=None)
    )
    for table in (t.mail_state, t.failed_mail):  # its mailbox cursor and its failed-mail list
        tx.conn.execute(sa.delete(table).where(table.c.connection_id == found.id))
    tx.conn.execute(sa.delete(t.channel_connections).where(t.channel_connections.c.id == found.id))
    audit.record(
        tx, "channel.remove", actor_id=actor_id, entity="channel_connection", entity_id=found.id
    )
    return found


def apply_outbound(db: Database, outbound: tuple[tuple[str, str], ...]) -> None:
    """``--outbound CHANNEL=URL``: point the channel's webhook connection at a receiver."""
    for channel, url in outbound:
        with db.write() as tx:
            found = for_channel(tx.conn, channel, kind="webhook")
            if found is None:
                raise InvalidArguments(
                    f"--outbound {channel}=…: no enabled webhook connection serves {channel} "
                    f"(add one: agent-desk-server channels add webhook --channel {channel} …)"
                )
            update(tx, found.id, settings={"outbound_url": url}, actor_id=None)
