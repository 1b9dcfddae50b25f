"""Customer messages delivered by channels: find the customer, continue or start a conversation."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from agent_desk.core import sla
from agent_desk.core.enums import (
    Channel,
    ConversationStatus,
    IdentityKind,
    LifecycleStage,
    MessageKind,
    Priority,
    ValueTier,
)
from agent_desk.core.errors import InvalidArguments
from agent_desk.core.identity import normalize_identity
from agent_desk.core.ids import new_id
from agent_desk.core.text import unstorable
from agent_desk.protocol import InboundAck, InboundMessage
from agent_desk.server.cases.timeline import (
    append_message,
    clock_of,
    clock_values,
    load_sla_policy,
    preview,
    update_conversation,
)
from agent_desk.server.feed.records import publish_case
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database, Scope, WriteTx, utcnow


def sender_identities(msg: InboundMessage) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for kind in IdentityKind:
        raw = getattr(msg.sender, kind.value)
        if raw is None or not raw.strip():
            continue
        try:
            found.append((kind.value, normalize_identity(kind, raw)))
        except ValueError as exc:
            raise InvalidArguments(f"sender.{kind.value}: {exc}", code="invalid_identity") from exc
    if not found:
        raise InvalidArguments(
            "the sender needs a phone, email, WeChat id or app user id", code="invalid_identity"
        )
    return found


def _default_team(tx: WriteTx, preferred: str | None) -> str | None:
    if preferred is not None:
        exists = tx.conn.execute(sa.select(t.teams.c.id).where(t.teams.c.id == preferred)).first()
        if exists is not None:
            return preferred
    return tx.conn.execute(sa.select(t.teams.c.id).order_by(t.teams.c.name).limit(1)).scalar()


def receive(
    db: Database, channel: Channel, msg: InboundMessage, *, team_id: str | None
) -> InboundAck:
    problem = unstorable(msg.model_dump(mode="json"))
    if problem is not None:
        raise InvalidArguments(problem)
    body = msg.body.strip()
    if not body:
        raise InvalidArguments("the message is empty")
    identities = sender_identities(msg)
    external_key = f"{channel.value}:{msg.external_id}"
    with db.write() as tx:
        tx.lock_key("inbound", external_key)
        dup = tx.conn.execute(
            sa.select(
                t.messages.c.id, t.messages.c.conversation_id, t.messages.c.author_customer_id
            ).where(t.messages.c.external_key == external_key)
        ).first()
        if dup is not None:
            return InboundAck(
                customer_id=dup.author_customer_id or "",
                conversation_id=dup.conversation_id,
                message_id=dup.id,
                created_conversation=False,
                created_customer=False,
                duplicate=True,
            )
        for kind, value in identities:  # two first messages from one new person must not race
            tx.lock_key("identity", kind, value)
        now = utcnow()
        customer_id, created_customer = resolve_customer(
            tx, msg.sender.name, msg.locale, identities, now
        )
        conversation_id, message_id, created_conversation = append_inbound(
            tx,
            channel,
            customer_id,
            body,
            external_key=external_key,
            subject=msg.subject,
            team_id=team_id,
            created_customer=created_customer,
            now=now,
        )
        return InboundAck(
            customer_id=customer_id,
            conversation_id=conversation_id,
            message_id=message_id,
            created_conversation=created_conversation,
            created_customer=created_customer,
            duplicate=False,
        )


def append_inbound(
    tx: WriteTx,
    channel: Channel,
    customer_id: str,
    body: str,
    *,
    external_key: str,
    subject: str | None,
    team_id: str | None,
    created_customer: bool,
    now: Any,
    into: str | None = None,
    new_thread: bool = False,
    attachments: list[dict[str, Any]] | None = None,
    message_id: str | None = None,
) -> tuple[str, str, bool]:
    """The customer's message into their open conversation on ``channel`` (a new one if none):
    ``(conversation_id, message_id, created_conversation)``. Email threads by its own headers:
    ``into`` names the conversation (reopened if resolved), ``new_thread`` starts one."""
    if into is not None:
        conv = tx.conn.execute(sa.select(t.conversations).where(t.conversations.c.id == into)).one()
    elif new_thread:
        conv = None
    else:
        conv = tx.conn.execute(
            sa.select(t.conversations)
            .where(
                t.conversations.c.customer_id == customer_id,
                t.conversations.c.channel == channel.value,
                t.conversations.c.status != ConversationStatus.RESOLVED.value,
            )
            .order_by(t.conversations.c.updated_at.desc())
            .limit(1)
        ).first()
    policy = load_sla_policy(tx.conn, channel.value)
    created_conversation = conv is None
    if conv is None:
        conv_id = new_id()
        clock = sla.on_opened(sla.SlaClock(), policy, now)
        tx.conn.execute(
            sa.insert(t.conversations).values(
                id=conv_id,
                customer_id=customer_id,
                channel=channel.value,
                subject=(subject or preview(body))[:120] or "—",
                status=ConversationStatus.OPEN.value,
                priority=Priority.NORMAL.value,
                assignee_id=None,
                team_id=_default_team(tx, team_id),
                created_at=now,
                updated_at=now,
                last_message_at=None,
                last_message_preview="",
                message_count=0,
                **clock_values(clock),
            )
        )
        conv = tx.conn.execute(
            sa.select(t.conversations).where(t.conversations.c.id == conv_id)
        ).one()
    message_id = message_id or new_id()
    seq, at = append_message(
        tx,
        conv,
        message_id=message_id,
        kind=MessageKind.INBOUND,
        body=body,
        author_customer_id=customer_id,
        attachments=attachments,
        external_key=external_key,
        at=now,
    )
    values: dict[str, Any] = {
        "message_count": seq,
        "last_message_at": at,
        "last_message_preview": preview(body),
        **clock_values(sla.on_inbound(clock_of(conv), policy, at)),
    }
    if conv.status in (ConversationStatus.SNOOZED.value, ConversationStatus.PENDING.value):
        values.update(status=ConversationStatus.OPEN.value, snoozed_until=None)
    elif conv.status == ConversationStatus.RESOLVED.value:  # a reply to a resolved email thread
        reopened = sla.on_inbound(sla.on_opened(clock_of(conv), policy, at), policy, at)
        values.update(
            status=ConversationStatus.OPEN.value, resolved_at=None, **clock_values(reopened)
        )
    update_conversation(tx, conv, **values)
    if created_conversation:
        publish_case(tx, conv.id)  # the team may not have seen this customer before
    elif created_customer:
        tx.changed("customer", customer_id, Scope(customer_id=customer_id))
    return conv.id, message_id, created_conversation


def resolve_customer(
    tx: WriteTx, name: str | None, locale: str | None, identities: list[tuple[str, str]], now: Any
) -> tuple[str, bool]:
    """The customer these identities belong to (the oldest, if several), or a new one."""
    ci = t.customer_identities
    owners = tx.conn.execute(
        sa.select(ci.c.kind, ci.c.value, ci.c.customer_id, t.customers.c.created_at)
        .join(t.customers, t.customers.c.id == ci.c.customer_id)
        .where(sa.tuple_(ci.c.kind, ci.c.value).in_(identities or [("", "")]))
        .order_by(t.customers.c.created_at, ci.c.customer_id)
    ).all()
    created = not owners
    if owners:
        # Several customers may match (e.g. a phone and an email on two profiles): keep the
        # oldest; merging profiles is a supervisor's decision, not the webhook's.
        customer_id = owners[0].customer_id
    else:
        customer_id = new_id()
        locale = locale or "zh_CN"
        tx.conn.execute(
            sa.insert(t.customers).values(
                id=customer_id,
                name=(name or (identities[0][1] if identities else "—")).strip()[:200],
                attributes={},
                tags=[],
                lifecycle_stage=LifecycleStage.NEW.value,
                value_tier=ValueTier.STANDARD.value,
                lifetime_value_minor=0,
                currency="USD" if locale.startswith("en") else "CNY",
                agent_note="",
                locale=locale,
                created_at=now,
                updated_at=now,
            )
        )
    owned = {(o.kind, o.value) for o in owners}
    added = [
        {"kind": k, "value": v, "customer_id": customer_id, "verified": False, "created_at": now}
        for k, v in identities
        if (k, v) not in owned
    ]
    if added:
        tx.conn.execute(sa.insert(ci), added)
        if not created:
            tx.changed("customer", customer_id, Scope(customer_id=customer_id))
    return customer_id, created
