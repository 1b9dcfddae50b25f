"""The web chat widget's visitors: sessions, their messages, and what their page may see.

A visitor gets an opaque token (random, stored as SHA-256, expiring) when the page first starts;
the page keeps it and sends it in a header (never in a URL). A shop may vouch for who the visitor
is: its own backend signs ``user_id``, ``email`` and ``phone`` together with the connection's
secret (HMAC-SHA256 over ``user_id\\nemail\\nphone``), so a visitor cannot claim someone else's
email to be merged into their customer; a missing or wrong signature makes an anonymous visitor.

A visitor sees only the messages of their own customer's chat conversations, and only what was
said to or by them: no internal notes, no system lines, agents' names only if the connection says
so.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core.enums import Channel, IdentityKind, MessageKind
from agent_desk.core.errors import InvalidArguments
from agent_desk.core.identity import normalize_identity
from agent_desk.core.ids import new_id
from agent_desk.core.text import unstorable
from agent_desk.server.cases.inbound import append_inbound, resolve_customer
from agent_desk.server.channels import connections, delivery
from agent_desk.server.channels.connections import ChannelConnection
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database, WriteTx, utcnow

SESSION_DAYS = 30
TYPING_S = 6.0  # "the agent is typing" lasts this long after the agent's last hint
VISITOR_MESSAGE_CHARS = 4000  # a chat line, not a document


@dataclass(frozen=True, slots=True)
class Visitor:
    id: str
    connection_id: str
    customer_id: str
    verified: bool


class TypingBoard:
    """Which conversations an agent is typing a reply in, right now (in this process: a hint,
    not a record; a visitor's stream on another PostgreSQL process does not see it)."""

    def __init__(self) -> None:
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def typing(self, conversation_id: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._until = {k: v for k, v in self._until.items() if v > now}
            self._until[conversation_id] = now + TYPING_S

    def any_typing(self, conversation_ids: set[str]) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(self._until.get(c, 0.0) > now for c in conversation_ids)


def conversations_of(conn: Connection, visitor: Visitor) -> set[str]:
    """The visitor's chat conversations."""
    c = t.conversations
    return set(
        conn.execute(
            sa.select(c.c.id).where(
                c.c.customer_id == visitor.customer_id, c.c.channel == Channel.CHAT.value
            )
        ).scalars()
    )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def identity_signature(secret: str, user_id: str, email: str, phone: str) -> str:
    """What the shop's backend computes (and what we compare with, in constant time)."""
    text = "\n".join((user_id, email, phone)).encode()
    return hmac.new(secret.encode(), text, hashlib.sha256).hexdigest()


def _vouched(secret: str, identity: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The identities a valid signature vouches for (none if it is missing or wrong)."""
    if not identity:
        return []
    user_id = str(identity.get("user_id") or "")
    email = str(identity.get("email") or "")
    phone = str(identity.get("phone") or "")
    given = str(identity.get("signature") or "")
    expected = identity_signature(secret, user_id, email, phone)
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        return []
    found: list[tuple[str, str]] = []
    for kind, raw in (
        (IdentityKind.APP_USER_ID, user_id),
        (IdentityKind.EMAIL, email),
        (IdentityKind.PHONE, phone),
    ):
        if raw.strip():
            try:
                found.append((kind.value, normalize_identity(kind, raw)))
            except ValueError as exc:
                raise InvalidArguments(f"identity.{kind.value}: {exc}") from exc
    return found


def start_session(
    tx: WriteTx,
    connection: ChannelConnection,
    secret: str,
    *,
    identity: dict[str, Any] | None,
    name: str | None,
    locale: str | None,
) -> tuple[str, Visitor]:
    """A new visitor session: ``(token, visitor)``. The token is shown to the page once."""
    now = utcnow()
    vouched = _vouched(secret, identity)
    if vouched:
        for kind, value in vouched:  # two first sessions of one person must not race
            tx.lock_key("identity", kind, value)
    label = (name or "").strip()[:80] or f"Web visitor {secrets.randbelow(9000) + 1000}"
    customer_id, _created = resolve_customer(tx, label, locale, vouched, now)
    token = secrets.token_urlsafe(32)
    visitor = Visitor(new_id(), connection.id, customer_id, bool(vouched))
    tx.conn.execute(
        sa.insert(t.widget_visitors).values(
            id=visitor.id,
            connection_id=connection.id,
            token_hash=_digest(token),
            customer_id=customer_id,
            verified=visitor.verified,
            created_at=now,
            expires_at=now + timedelta(days=SESSION_DAYS),
            last_seen_at=now,
        )
    )
    return token, visitor


def visitor_of(conn: Connection, token: str | None) -> Visitor | None:
    """The visitor a token belongs to (None: unknown, expired, or its connection is off)."""
    if not token or len(token) > 200:
        return None
    row = conn.execute(
        sa.select(t.widget_visitors, t.channel_connections.c.enabled)
        .join(
            t.channel_connections, t.channel_connections.c.id == t.widget_visitors.c.connection_id
        )
        .where(t.widget_visitors.c.token_hash == _digest(token))
    ).first()
    if row is None or row.expires_at <= utcnow() or not row.enabled:
        return None
    return Visitor(row.id, row.connection_id, row.customer_id, bool(row.verified))


def post_message(
    db: Database, visitor: Visitor, client_id: str, body: str, *, team_id: str | None
) -> dict[str, Any]:
    """The visitor writes (idempotent per ``client_id``: the page's outbox may send twice); a
    new conversation goes to ``team_id`` (the server's team for new inbound conversations)."""
    text = body.strip()
    if not text:
        raise InvalidArguments("the message is empty", code="empty_message")
    if len(text) > VISITOR_MESSAGE_CHARS:
        raise InvalidArguments(
            f"a message can have at most {VISITOR_MESSAGE_CHARS} characters", code="too_large"
        )
    problem = unstorable({"body": text})
    if problem is not None:
        raise InvalidArguments(problem, code="invalid_text")
    if not 1 <= len(client_id) <= 64:
        raise InvalidArguments("client_id: 1 to 64 characters")
    external_key = f"widget:{visitor.id}:{client_id}"
    with db.write() as tx:
        tx.lock_key("inbound", external_key)
        dup = tx.conn.execute(
            sa.select(t.messages.c.id).where(t.messages.c.external_key == external_key)
        ).scalar()
        if dup is None:
            _conv, message_id, _created = append_inbound(
                tx,
                Channel.CHAT,
                visitor.customer_id,
                text,
                external_key=external_key,
                subject=None,
                team_id=team_id,
                created_customer=False,
                now=utcnow(),
            )
        else:
            message_id = dup
        tx.conn.execute(
            sa.update(t.widget_visitors)
            .where(t.widget_visitors.c.id == visitor.id)
            .values(last_seen_at=utcnow())
        )
    with db.read() as conn:
        return messages(conn, visitor, ids=[message_id])[0]


def _visible(visitor: Visitor) -> Any:
    m, c = t.messages, t.conversations
    return sa.and_(
        c.c.customer_id == visitor.customer_id,
        c.c.channel == Channel.CHAT.value,
        m.c.kind.in_([MessageKind.INBOUND.value, MessageKind.OUTBOUND.value]),
    )


def messages(
    conn: Connection,
    visitor: Visitor,
    *,
    changed_after: datetime | None = None,
    ids: list[str] | None = None,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """What the visitor's page shows: their messages and the replies, oldest first. With
    ``changed_after``, only what was written or changed (delivered, read) since."""
    m, c, a = t.messages, t.conversations, t.agents
    query = (
        sa.select(m, a.c.display_name)
        .join(c, c.c.id == m.c.conversation_id)
        .outerjoin(a, a.c.id == m.c.author_agent_id)
        .where(_visible(visitor))
    )
    if ids is not None:
        query = query.where(m.c.id.in_(ids))
    if changed_after is not None:
        query = query.where(
            sa.or_(m.c.created_at > changed_after, m.c.delivery_updated_at > changed_after)
        )
    rows = conn.execute(query.order_by(m.c.created_at.desc(), m.c.id).limit(limit)).all()
    show_names = bool(connections.get(conn, visitor.connection_id).settings.get("show_agent_names"))
    out = []
    for r in reversed(rows):
        changed = max(r.created_at, r.delivery_updated_at or r.created_at)
        mine = r.kind == MessageKind.INBOUND.value
        key = str(r.external_key or "")
        out.append(
            {
                "id": r.id,
                # the page's own id for what the visitor wrote (its outbox matches it)
                "client_id": key.rsplit(":", 1)[-1] if mine and key.startswith("widget:") else "",
                "from": "visitor" if mine else "agent",
                "author": (
                    (r.display_name or "").split()[0]
                    if not mine and show_names and r.display_name
                    else ""
                ),
                "body": r.body,
                "created_at": r.created_at.isoformat(),
                "status": "sent" if mine else (r.delivery_status or "sent"),
                "changed_at": changed.isoformat(),
            }
        )
    return out


def acknowledge(db: Database, visitor: Visitor, message_ids: list[str], status: str) -> int:
    """The page received (``delivered``) or showed (``read``) agents' replies."""
    if status not in ("delivered", "read"):
        raise InvalidArguments("status is delivered or read")
    with db.write() as tx:
        found = tx.conn.execute(
            sa.select(t.deliveries.c.id, t.deliveries.c.connection_id)
            .join(t.messages, t.messages.c.id == t.deliveries.c.message_id)
            .join(t.conversations, t.conversations.c.id == t.messages.c.conversation_id)
            .where(t.messages.c.id.in_(message_ids[:200]), _visible(visitor))
        ).all()
        for row in found:
            if row.connection_id == visitor.connection_id:
                delivery.apply_receipt(tx, row.connection_id, row.id, status)
    return len(found)
