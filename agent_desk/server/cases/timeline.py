"""Timeline helpers shared by mutations, inbound deliveries and resolution actions: appending a
message to a conversation, updating the conversation (and announcing both), SLA clocks, and who
may change a conversation."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core import permissions, sla
from agent_desk.core.enums import Channel, MessageKind
from agent_desk.core.errors import Forbidden
from agent_desk.server.auth.accounts import Viewer
from agent_desk.server.channels import delivery
from agent_desk.server.feed.records import conversation_scope
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Scope, WriteTx, utcnow

_Row = sa.Row[Any]


def preview(body: str) -> str:
    """A message as the queue row shows it: one line, 120 characters at most."""
    return " ".join(body.split())[:120]


def load_sla_policy(conn: Connection, channel: str) -> sla.SlaPolicy:
    row = conn.execute(sa.select(t.sla_policies).where(t.sla_policies.c.channel == channel)).first()
    if row is None:
        return sla.DEFAULT_POLICIES[Channel(channel)]
    data = dict(row._mapping)
    data["channel"] = Channel(data["channel"])
    return sla.SlaPolicy(**data)


def clock_of(row: _Row) -> sla.SlaClock:
    return sla.clock_from(row._mapping)


def clock_values(clock: sla.SlaClock) -> dict[str, Any]:
    return sla.clock_fields(clock)


def update_conversation(tx: WriteTx, conv: _Row, **values: Any) -> None:
    values.setdefault("updated_at", utcnow())
    tx.conn.execute(
        sa.update(t.conversations).where(t.conversations.c.id == conv.id).values(**values)
    )
    tx.changed("conversation", conv.id, conversation_scope(conv.id, conv.customer_id))


def append_message(
    tx: WriteTx,
    conv: _Row,
    *,
    message_id: str,
    kind: MessageKind,
    body: str,
    author_agent_id: str | None = None,
    author_customer_id: str | None = None,
    attachments: list[dict[str, Any]] | None = None,
    external_key: str | None = None,
    at: Any = None,
) -> tuple[int, Any]:
    """Insert a message as the conversation's next one. The caller updates the conversation."""
    now = at or utcnow()
    seq = int(conv.message_count) + 1
    tx.conn.execute(
        sa.insert(t.messages).values(
            id=message_id,
            conversation_id=conv.id,
            seq=seq,
            kind=kind.value,
            author_agent_id=author_agent_id,
            author_customer_id=author_customer_id,
            body=body,
            attachments=attachments or [],
            created_at=now,
            external_key=external_key,
        )
    )
    tx.changed("message", message_id, Scope(conversation_id=conv.id))
    if kind is MessageKind.OUTBOUND:  # on its way to the customer, in this same transaction
        delivery.enqueue(tx, conv.id, conv.channel, message_id)
    return seq, now


def require_actor(viewer: Viewer, conv: _Row) -> None:
    """Only the assignee (or a supervisor) changes a conversation someone owns.

    The rule is ``core.permissions``, shared with the client."""
    refusal = permissions.conversation_change_refusal(
        viewer.role, viewer.agent_id, conv.assignee_id
    )
    if refusal is not None:
        raise Forbidden(refusal)
