"""Mutations on conversations, their messages and customers: claim, assign, status, snooze,
priority, read state, shares, replies, internal notes, the customer's agent note, presence.

Each handler runs inside the exactly-once machinery of :mod:`agent_desk.server.mutations.apply`
(its own savepoint; a :class:`~agent_desk.core.errors.DomainError` is a permanent refusal).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core import permissions, sla
from agent_desk.core.enums import ConversationStatus, MessageKind, Role
from agent_desk.core.errors import (
    AlreadyAssigned,
    Forbidden,
    InvalidArguments,
    InvalidState,
    NotFound,
)
from agent_desk.core.ids import is_valid_id
from agent_desk.core.knowledge import unfilled_placeholders
from agent_desk.protocol import mutations as m
from agent_desk.server.audit import log as audit
from agent_desk.server.auth.accounts import Viewer
from agent_desk.server.cases.timeline import (
    append_message,
    clock_of,
    clock_values,
    load_sla_policy,
    preview,
    require_actor,
    update_conversation,
)
from agent_desk.server.channels import delivery
from agent_desk.server.feed.records import PUBLIC, publish_case
from agent_desk.server.feed.visibility import (
    can_see_conversation,
    can_see_customer,
    conversation_clause,
    load_conversation,
)
from agent_desk.server.mutations.handler import Handler, Result
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Scope, WriteTx, utcnow

_Row = sa.Row[Any]


def _existing_message(conn: Connection, message_id: str) -> _Row | None:
    return conn.execute(sa.select(t.messages).where(t.messages.c.id == message_id)).first()


def claim(tx: WriteTx, viewer: Viewer, args: m.ClaimArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    if viewer.role is Role.EXPERT:
        raise Forbidden("experts do not take conversations")
    if conv.assignee_id == viewer.agent_id:
        return {"assignee_id": viewer.agent_id}
    if conv.assignee_id is not None:
        raise AlreadyAssigned("another agent has already claimed this conversation")
    if conv.status == ConversationStatus.RESOLVED:
        raise InvalidState("the conversation is resolved; reopen it first")
    values: dict[str, Any] = {"assignee_id": viewer.agent_id}
    if conv.status == ConversationStatus.SNOOZED:
        values.update(status=ConversationStatus.OPEN.value, snoozed_until=None)
    update_conversation(tx, conv, **values)
    return {"assignee_id": viewer.agent_id}


def _agent(conn: Connection, agent_id: str) -> _Row:
    row = conn.execute(
        sa.select(t.agents).where(t.agents.c.id == agent_id, t.agents.c.active.is_(True))
    ).first()
    if row is None:
        raise NotFound("agent not found")
    return row


def assign(tx: WriteTx, viewer: Viewer, args: m.AssignArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    require_actor(viewer, conv)
    values: dict[str, Any] = {"assignee_id": args.agent_id}
    moved_team = False
    if args.agent_id is not None:
        target = _agent(tx.conn, args.agent_id)
        if target.role == Role.EXPERT.value:
            raise InvalidArguments("experts are invited with conversation.share, not assigned")
        if target.team_id != conv.team_id:
            if not viewer.sees_everything:
                raise Forbidden("only a supervisor moves a conversation to another team")
            if target.team_id is not None:
                values["team_id"] = target.team_id
                moved_team = True
    update_conversation(tx, conv, **values)
    audit.record(
        tx,
        "conversation.assign",
        actor_id=viewer.agent_id,
        entity="conversation",
        entity_id=conv.id,
        before=conv.assignee_id,
        after=args.agent_id,
        team_before=conv.team_id,
        team_after=values.get("team_id", conv.team_id),
    )
    if moved_team:
        publish_case(tx, conv.id)
        _retract_from_team(tx, conv.id, conv.team_id)
    return {"assignee_id": args.agent_id, "team_id": values.get("team_id", conv.team_id)}


def _retract_from_team(tx: WriteTx, conversation_id: str, team_id: str | None) -> None:
    """Agents of the team a conversation left get a delete, unless it is shared with them."""
    if team_id is None:
        return
    for row in tx.conn.execute(
        sa.select(t.agents.c.id, t.agents.c.role, t.agents.c.team_id).where(
            t.agents.c.team_id == team_id
        )
    ):
        viewer = Viewer(row.id, Role(row.role), row.team_id)
        if not can_see_conversation(tx.conn, viewer, conversation_id):
            tx.changed(
                "conversation", conversation_id, Scope(audience_agent_id=row.id), op="delete"
            )


def set_status(tx: WriteTx, viewer: Viewer, args: m.SetStatusArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    require_actor(viewer, conv)
    if args.status is ConversationStatus.SNOOZED:
        raise InvalidArguments("use conversation.snooze to snooze")
    now = utcnow()
    clock = clock_of(conv)
    values: dict[str, Any] = {"status": args.status.value, "snoozed_until": None}
    if args.status is ConversationStatus.RESOLVED:
        values.update(resolved_at=now, **clock_values(sla.on_resolved(clock)))
    elif conv.status == ConversationStatus.RESOLVED:  # reopened
        policy = load_sla_policy(tx.conn, conv.channel)
        values.update(resolved_at=None, **clock_values(sla.on_opened(clock, policy, now)))
    update_conversation(tx, conv, **values)
    return {"status": args.status.value}


def snooze(tx: WriteTx, viewer: Viewer, args: m.SnoozeArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    require_actor(viewer, conv)
    until = args.until
    if until.tzinfo is None:
        raise InvalidArguments("the snooze time needs a time zone")
    now = utcnow()
    if until <= now:
        raise InvalidArguments("the snooze time is in the past")
    if until > now + timedelta(days=90):
        raise InvalidArguments("a conversation can be snoozed for 90 days at most")
    if conv.status == ConversationStatus.RESOLVED:
        raise InvalidState("a resolved conversation cannot be snoozed")
    update_conversation(tx, conv, status=ConversationStatus.SNOOZED.value, snoozed_until=until)
    return {"status": ConversationStatus.SNOOZED.value, "snoozed_until": until.isoformat()}


def set_priority(tx: WriteTx, viewer: Viewer, args: m.SetPriorityArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    require_actor(viewer, conv)
    update_conversation(tx, conv, priority=args.priority.value)
    return {"priority": args.priority.value}


def mark_read(tx: WriteTx, viewer: Viewer, args: m.MarkReadArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id)
    seq = int(conv.message_count)
    if args.up_to_message_id is not None:
        msg = _existing_message(tx.conn, args.up_to_message_id)
        if msg is None or msg.conversation_id != conv.id:
            raise NotFound("message not found in this conversation")
        seq = int(msg.seq)
    rs = t.read_states
    key = (rs.c.conversation_id == conv.id) & (rs.c.agent_id == viewer.agent_id)
    current = tx.conn.execute(sa.select(rs.c.last_read_seq).where(key)).scalar_one_or_none()
    if current is not None and current >= seq:
        return {"last_read_seq": int(current)}
    now = utcnow()
    if current is None:
        tx.conn.execute(
            sa.insert(rs).values(
                conversation_id=conv.id, agent_id=viewer.agent_id, last_read_seq=seq, read_at=now
            )
        )
    else:
        tx.conn.execute(sa.update(rs).where(key).values(last_read_seq=seq, read_at=now))
    tx.changed(
        "read_state", f"{conv.id}:{viewer.agent_id}", Scope(audience_agent_id=viewer.agent_id)
    )
    return {"last_read_seq": seq}


def share(tx: WriteTx, viewer: Viewer, args: m.ShareArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    require_actor(viewer, conv)
    target = _agent(tx.conn, args.agent_id)
    cs = t.conversation_shares
    key = (cs.c.conversation_id == conv.id) & (cs.c.agent_id == target.id)
    if tx.conn.execute(sa.select(cs.c.agent_id).where(key)).first() is None:
        tx.conn.execute(
            sa.insert(cs).values(
                conversation_id=conv.id,
                agent_id=target.id,
                shared_by=viewer.agent_id,
                created_at=utcnow(),
            )
        )
        tx.changed("conversation_share", f"{conv.id}:{target.id}", Scope(conversation_id=conv.id))
        audit.record(
            tx,
            "conversation.share",
            actor_id=viewer.agent_id,
            entity="conversation",
            entity_id=conv.id,
            agent_id=target.id,
        )
        publish_case(tx, conv.id)
    return {"shared_with": target.id}


def unshare(tx: WriteTx, viewer: Viewer, args: m.ShareArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    if viewer.agent_id != args.agent_id:  # anyone may leave; removing others needs authority
        require_actor(viewer, conv)
    cs = t.conversation_shares
    key = (cs.c.conversation_id == conv.id) & (cs.c.agent_id == args.agent_id)
    if tx.conn.execute(sa.delete(cs).where(key)).rowcount:
        tx.changed(
            "conversation_share",
            f"{conv.id}:{args.agent_id}",
            Scope(conversation_id=conv.id),
            op="delete",
        )
        audit.record(
            tx,
            "conversation.unshare",
            actor_id=viewer.agent_id,
            entity="conversation",
            entity_id=conv.id,
            agent_id=args.agent_id,
        )
        target = tx.conn.execute(sa.select(t.agents).where(t.agents.c.id == args.agent_id)).first()
        if target is not None:
            still = Viewer(target.id, Role(target.role), target.team_id)
            if not can_see_conversation(tx.conn, still, conv.id):
                tx.changed("conversation", conv.id, Scope(audience_agent_id=target.id), op="delete")
    return {"unshared": args.agent_id}


def _write_message(
    tx: WriteTx,
    viewer: Viewer,
    conv: _Row,
    message_id: str,
    body: str,
    kind: MessageKind,
    attachments: list[dict[str, Any]] | None = None,
) -> tuple[int, Any, str]:
    """Checks shared by replies and notes, then the message itself."""
    text = body.strip()
    if not text:
        raise InvalidArguments("the message is empty")
    if not is_valid_id(message_id):
        raise InvalidArguments("message_id must be a UUID made by the client")
    if _existing_message(tx.conn, message_id) is not None:
        raise InvalidArguments("a message with this id already exists", code="duplicate_id")
    seq, now = append_message(
        tx,
        conv,
        message_id=message_id,
        kind=kind,
        body=text,
        author_agent_id=viewer.agent_id,
        attachments=attachments,
    )
    return seq, now, text


def send(tx: WriteTx, viewer: Viewer, args: m.MessageSendArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    require_actor(viewer, conv)
    gaps = unfilled_placeholders(args.body)
    if gaps:  # the composer refuses too (core.knowledge): a template's gap to the customer
        raise InvalidArguments(
            f"fill in {', '.join(gaps)} before sending", code="unfilled_placeholder"
        )
    attachments = [a.model_dump(mode="json") for a in args.attachments]
    seq, now, text = _write_message(
        tx, viewer, conv, args.message_id, args.body, MessageKind.OUTBOUND, attachments
    )
    values: dict[str, Any] = {
        "message_count": seq,
        "last_message_at": now,
        "last_message_preview": preview(text),
        **clock_values(sla.on_outbound(clock_of(conv), now)),
    }
    if conv.assignee_id is None:
        values["assignee_id"] = viewer.agent_id  # answering a waiting customer takes the case
    if conv.status == ConversationStatus.SNOOZED:
        values.update(status=ConversationStatus.PENDING.value, snoozed_until=None)
    update_conversation(tx, conv, **values)
    return {"message_id": args.message_id, "seq": seq, "created_at": now.isoformat()}


def retry_delivery(tx: WriteTx, viewer: Viewer, args: m.RetryDeliveryArgs) -> Result:
    """The agent sends a reply whose delivery failed once more (same delivery id)."""
    message = _existing_message(tx.conn, args.message_id)
    if message is None or message.kind != MessageKind.OUTBOUND.value:
        raise NotFound("no such reply")
    conv = load_conversation(tx.conn, viewer, message.conversation_id, for_update=True)
    require_actor(viewer, conv)
    found = delivery.delivery_of_message(tx.conn, message.id)
    delivery.requeue(tx, found.id, actor_id=viewer.agent_id, via="agent")
    return {"message_id": message.id, "delivery_id": found.id}


def note(tx: WriteTx, viewer: Viewer, args: m.NoteAddArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    seq, now, _ = _write_message(tx, viewer, conv, args.message_id, args.body, MessageKind.NOTE)
    update_conversation(tx, conv, message_count=seq)
    return {"message_id": args.message_id, "seq": seq, "created_at": now.isoformat()}


def customer_note(tx: WriteTx, viewer: Viewer, args: m.CustomerSetNoteArgs) -> Result:
    """The customer's agent note: the assignee of one of their conversations, or a supervisor."""
    if not can_see_customer(tx.conn, viewer, args.customer_id):
        raise NotFound("customer not found")
    assignees = tx.conn.execute(
        sa.select(t.conversations.c.assignee_id).where(
            t.conversations.c.customer_id == args.customer_id, conversation_clause(viewer)
        )
    ).scalars()
    refusal = permissions.customer_note_refusal(viewer.role, viewer.agent_id, assignees)
    if refusal is not None:
        raise Forbidden(refusal)
    before = tx.conn.execute(
        sa.select(t.customers.c.agent_note).where(t.customers.c.id == args.customer_id)
    ).scalar_one()
    if before == args.note:
        return {"customer_id": args.customer_id}
    tx.conn.execute(
        sa.update(t.customers)
        .where(t.customers.c.id == args.customer_id)
        .values(agent_note=args.note, updated_at=utcnow())
    )
    tx.changed("customer", args.customer_id, Scope(customer_id=args.customer_id))
    audit.record(  # what changed, not the words (a note may hold personal details)
        tx,
        "customer.set_note",
        actor_id=viewer.agent_id,
        entity="customer",
        entity_id=args.customer_id,
        before_chars=len(before or ""),
        after_chars=len(args.note),
    )
    return {"customer_id": args.customer_id}


def presence(tx: WriteTx, viewer: Viewer, args: m.PresenceSetArgs) -> Result:
    tx.conn.execute(
        sa.update(t.agents)
        .where(t.agents.c.id == viewer.agent_id)
        .values(presence=args.presence.value)
    )
    tx.changed("agent", viewer.agent_id, PUBLIC)
    return {"presence": args.presence.value}


HANDLERS: dict[str, Handler] = {
    m.MutationName.CONVERSATION_CLAIM: claim,
    m.MutationName.CONVERSATION_ASSIGN: assign,
    m.MutationName.CONVERSATION_SET_STATUS: set_status,
    m.MutationName.CONVERSATION_SNOOZE: snooze,
    m.MutationName.CONVERSATION_SET_PRIORITY: set_priority,
    m.MutationName.CONVERSATION_MARK_READ: mark_read,
    m.MutationName.CONVERSATION_SHARE: share,
    m.MutationName.CONVERSATION_UNSHARE: unshare,
    m.MutationName.MESSAGE_SEND: send,
    m.MutationName.NOTE_ADD: note,
    m.MutationName.MESSAGE_RETRY_DELIVERY: retry_delivery,
    m.MutationName.CUSTOMER_SET_NOTE: customer_note,
    m.MutationName.PRESENCE_SET: presence,
}
