"""The delivery outbox: every outbound message gets a delivery row in the transaction that writes
it, and a sender in each server process takes due rows, sends them and records what happened.

States: ``queued`` → ``sending`` (claimed by one sender, with a lease) → ``sent`` (the channel
took it) → ``delivered`` → ``read`` (receipts), or ``failed`` with the reason. The message row
carries the same state (``delivery_status``, ``delivery_error``) to the agents' clients through
the change feed. ``delivery_error`` is ``code: detail``: the code (``no_connection``,
``no_outbound_url``, ``refused``, ``gave_up``, ``receiver_failed``, ``cannot_send``) is what the
agent's window translates; the detail (an HTTP status, the receiver's words) is shown as it is.

Claiming is a database operation, never in-memory state: PostgreSQL ``FOR UPDATE SKIP LOCKED``
lets several processes share the queue, each row going to one of them; SQLite has one writer.
A sender that dies mid-send leaves a lease that runs out, and the row is sent again: delivery is
at least once, and the stable delivery id (``X-Agent-Desk-Delivery``) lets receivers drop
duplicates.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core.enums import MessageKind
from agent_desk.core.errors import InvalidArguments, InvalidState, NotFound
from agent_desk.core.ids import new_id
from agent_desk.server.audit import log as audit
from agent_desk.server.channels import connections
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Scope, WriteTx, utcnow

log = logging.getLogger(__name__)

QUEUED, SENDING, SENT, DELIVERED, READ, FAILED = (
    "queued",
    "sending",
    "sent",
    "delivered",
    "read",
    "failed",
)
RECEIPTS = (DELIVERED, READ, FAILED)
# which of a customer's identities a channel knows them by, in order of preference
IDENTITY_ON: dict[str, tuple[str, ...]] = {
    "app": ("app_user_id",),
    "social": ("wechat_id",),
    "phone": ("phone",),
    "chat": ("app_user_id", "phone", "email"),
    "email": ("email",),
}
_RANK = {QUEUED: 0, SENDING: 0, SENT: 1, DELIVERED: 2, READ: 3}
FIRST_RETRY_S = 1.0  # then doubling, with jitter
MAX_RETRY_S = 300.0
MAX_RETRY_AFTER_S = 3600.0  # a receiver's Retry-After is honoured up to this
_JITTER = random.SystemRandom()  # its own source: never the shared module-level generator


def retry_delay(attempts: int, retry_after: float | None = None) -> float:
    """Seconds until the next attempt after ``attempts`` tries: 1 s doubling up to 5 min, with
    jitter (so a receiver coming back is not hit by every sender at once); at least what the
    receiver asked for in ``Retry-After``."""
    base = min(MAX_RETRY_S, FIRST_RETRY_S * 2 ** max(0, attempts - 1))
    delay = base * random.uniform(0.5, 1.0)
    if retry_after is not None:
        delay = max(delay, min(MAX_RETRY_AFTER_S, retry_after))
    return float(delay)


def _set_message(
    tx: WriteTx, message_id: str, conversation_id: str, status: str, error: str | None
) -> None:
    tx.conn.execute(
        sa.update(t.messages)
        .where(t.messages.c.id == message_id)
        .values(
            delivery_status=SENT if status == SENDING else status,
            delivery_error=error[:300] if error else None,
            delivery_updated_at=utcnow(),
        )
    )
    tx.changed("message", message_id, Scope(conversation_id=conversation_id))


def enqueue(tx: WriteTx, conversation_id: str, channel: str, message_id: str) -> str:
    """Queue the delivery of an outbound message (in the transaction that wrote it)."""
    now = utcnow()
    connection = connections.for_conversation(tx.conn, conversation_id, channel)
    status, error = QUEUED, None
    if connection is None:
        status, error = FAILED, f"no_connection: no channel connection serves {channel}"
    elif connection.kind == "webhook" and not connection.outbound_url:
        status, error = FAILED, f"no_outbound_url: {connection.name} has no outbound URL"
    elif connection.kind == "widget":
        status = SENT  # the visitor's page fetches it; its receipts say delivered and read
    delivery_id = new_id()
    tx.conn.execute(
        sa.insert(t.deliveries).values(
            id=delivery_id,
            message_id=message_id,
            conversation_id=conversation_id,
            connection_id=connection.id if connection else None,
            channel=channel,
            status=status,
            attempts=0,
            next_attempt_at=now,
            last_error=error,
            queued_at=now,
            created_at=now,
            updated_at=now,
            sent_at=now if status == SENT else None,
        )
    )
    _set_message(tx, message_id, conversation_id, status, error)
    return delivery_id


# --- the sender's side --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Job:
    """One claimed delivery, with everything the sender needs to send it."""

    delivery_id: str
    message_id: str
    conversation_id: str
    channel: str
    connection_id: str
    kind: str  # webhook (POST to url) or email (SMTP)
    url: str
    timeout_s: float
    attempts: int  # including this one
    payload: dict[str, Any]


def _payload(conn: Connection, delivery: Any) -> dict[str, Any]:
    message = conn.execute(
        sa.select(t.messages).where(t.messages.c.id == delivery.message_id)
    ).one()
    conv = conn.execute(
        sa.select(t.conversations).where(t.conversations.c.id == delivery.conversation_id)
    ).one()
    identities = {
        r.kind: r.value
        for r in conn.execute(
            sa.select(t.customer_identities.c.kind, t.customer_identities.c.value).where(
                t.customer_identities.c.customer_id == conv.customer_id
            )
        )
    }
    # only who the customer is on this channel: the platform needs no other address of theirs
    kind = next((k for k in IDENTITY_ON.get(delivery.channel, ()) if k in identities), None)
    identity = {"kind": kind, "value": identities[kind]} if kind else None
    return {
        "delivery_id": delivery.id,
        "conversation_id": conv.id,
        "message_id": message.id,
        "channel": delivery.channel,
        "customer": {"id": conv.customer_id, "identity": identity},
        "body": message.body,
        "attachments": message.attachments or [],
        "sent_at": message.created_at.isoformat(),
    }


def _due(now: datetime) -> sa.ColumnElement[bool]:
    d = t.deliveries
    return sa.or_(
        sa.and_(d.c.status == QUEUED, d.c.next_attempt_at <= now),
        sa.and_(d.c.status == SENDING, d.c.claimed_until < now),
    )


def any_due(conn: Connection) -> bool:
    """A read (no write lock) before a sender claims: most polls find nothing to do."""
    found = conn.execute(sa.select(t.deliveries.c.id).where(_due(utcnow())).limit(1)).first()
    return found is not None


def claim(tx: WriteTx, *, limit: int, lease_s: float) -> list[Job]:
    """Take up to ``limit`` due deliveries for this sender (queued and due, or a lease run out)."""
    now = utcnow()
    d = t.deliveries
    due = sa.select(d.c.id).where(_due(now)).order_by(d.c.next_attempt_at).limit(limit)
    if tx.dialect == "postgresql":
        due = due.with_for_update(skip_locked=True)
    ids = list(tx.conn.execute(due).scalars())
    jobs: list[Job] = []
    for delivery_id in ids:
        row = tx.conn.execute(sa.select(d).where(d.c.id == delivery_id)).one()
        connection = (
            connections.get(tx.conn, row.connection_id) if row.connection_id is not None else None
        )
        if connection is None or not connection.enabled:
            _finish(tx, row, FAILED, "no_connection: the channel connection is gone or disabled")
            continue
        if connection.kind == "webhook" and not connection.outbound_url:
            _finish(tx, row, FAILED, f"no_outbound_url: {connection.name} has no outbound URL")
            continue
        tx.conn.execute(
            sa.update(d)
            .where(d.c.id == delivery_id)
            .values(
                status=SENDING,
                claimed_until=now + timedelta(seconds=lease_s),
                attempts=row.attempts + 1,
                updated_at=now,
            )
        )
        jobs.append(
            Job(
                delivery_id=row.id,
                message_id=row.message_id,
                conversation_id=row.conversation_id,
                channel=row.channel,
                connection_id=connection.id,
                kind=connection.kind,
                url=connection.outbound_url,
                timeout_s=connection.timeout_s,
                attempts=row.attempts + 1,
                payload=_payload(tx.conn, row),
            )
        )
    return jobs


def _finish(tx: WriteTx, row: Any, status: str, error: str | None, code: int | None = None) -> None:
    now = utcnow()
    tx.conn.execute(
        sa.update(t.deliveries)
        .where(t.deliveries.c.id == row.id)
        .values(
            status=status,
            claimed_until=None,
            last_error=error[:300] if error else None,
            last_status_code=code,
            updated_at=now,
            sent_at=now if status == SENT else row.sent_at,
        )
    )
    _set_message(tx, row.message_id, row.conversation_id, status, error)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt came to."""

    ok: bool
    retry: bool = False  # a network error, a timeout, 408, 429 or 5xx
    code: int | None = None  # the HTTP status, if there was one
    error: str = ""
    retry_after: float | None = None


def record(tx: WriteTx, job: Job, outcome: Outcome) -> str:
    """Write down an attempt's outcome: sent, queued again (with backoff) or failed."""
    d = t.deliveries
    row = tx.conn.execute(sa.select(d).where(d.c.id == job.delivery_id)).first()
    if row is None or row.status != SENDING or row.attempts != job.attempts:
        return "stale"  # another sender took it after our lease ran out; theirs counts
    if outcome.ok:
        _finish(tx, row, SENT, None, outcome.code)
        return SENT
    connection = connections.get(tx.conn, job.connection_id)
    now = utcnow()
    too_old = (now - row.queued_at).total_seconds() >= connection.max_age_s
    if outcome.retry and row.attempts < connection.max_attempts and not too_old:
        delay = retry_delay(row.attempts, outcome.retry_after)
        tx.conn.execute(
            sa.update(d)
            .where(d.c.id == row.id)
            .values(
                status=QUEUED,
                claimed_until=None,
                next_attempt_at=now + timedelta(seconds=delay),
                last_error=outcome.error[:300],
                last_status_code=outcome.code,
                updated_at=now,
            )
        )
        return QUEUED
    if outcome.retry:
        why = f"gave_up: {row.attempts} attempts, the last: {outcome.error}"
    else:
        why = outcome.error
    _finish(tx, row, FAILED, why, outcome.code)
    log.info("delivery %s failed: %s", row.id, why[:120])
    return FAILED


def fail_after_sending(tx: WriteTx, delivery_id: str, reason: str) -> bool:
    """A mail server's bounce report: a delivery that was sent did not arrive after all."""
    row = tx.conn.execute(sa.select(t.deliveries).where(t.deliveries.c.id == delivery_id)).first()
    if row is None or row.status == FAILED:
        return False
    _finish(tx, row, FAILED, reason)
    log.info("delivery %s bounced: %s", row.id, reason[:120])
    return True


# --- receipts and re-queueing ---------------------------------------------------------------------


def apply_receipt(
    tx: WriteTx, connection_id: str, delivery_id: str, status: str, reason: str = ""
) -> str:
    """A receiver confirms (delivered, read) or reports a failure. Never goes backwards: a late
    "delivered" after "read" changes nothing; a failure after delivery is ignored."""
    if status not in RECEIPTS:
        raise InvalidArguments(f"a receipt's status is one of {', '.join(RECEIPTS)}")
    row = tx.conn.execute(sa.select(t.deliveries).where(t.deliveries.c.id == delivery_id)).first()
    if row is None or row.connection_id != connection_id:
        raise NotFound("no such delivery on this connection")
    current = _RANK.get(row.status, -1)
    if status == FAILED:
        if row.status in (DELIVERED, READ, FAILED):
            return str(row.status)
        _finish(tx, row, FAILED, f"receiver_failed: {reason or 'no reason given'}")
        return FAILED
    if row.status == FAILED or _RANK[status] > current:
        _finish(tx, row, status, None)
        return status
    return str(row.status)


def requeue(tx: WriteTx, delivery_id: str, *, actor_id: str | None, via: str) -> None:
    """A failed delivery goes again (an admin, or the agent's retry from the bubble)."""
    row = tx.conn.execute(sa.select(t.deliveries).where(t.deliveries.c.id == delivery_id)).first()
    if row is None:
        raise NotFound("no such delivery")
    if row.status != FAILED:
        raise InvalidState("only a failed delivery is sent again")
    connection = connections.for_conversation(tx.conn, row.conversation_id, row.channel)
    now = utcnow()
    tx.conn.execute(
        sa.update(t.deliveries)
        .where(t.deliveries.c.id == row.id)
        .values(
            status=QUEUED,
            attempts=0,
            next_attempt_at=now,
            queued_at=now,
            claimed_until=None,
            connection_id=connection.id if connection else row.connection_id,
            updated_at=now,
        )
    )
    _set_message(tx, row.message_id, row.conversation_id, QUEUED, None)
    audit.record(
        tx, "delivery.requeue", actor_id=actor_id, entity="delivery", entity_id=row.id, via=via
    )


def delivery_of_message(conn: Connection, message_id: str) -> Any:
    row = conn.execute(
        sa.select(t.deliveries).where(t.deliveries.c.message_id == message_id)
    ).first()
    if row is None:
        raise NotFound("this message has no delivery")
    return row


def failed(conn: Connection, connection_id: str | None = None, limit: int = 200) -> list[Any]:
    query = sa.select(t.deliveries).where(t.deliveries.c.status == FAILED)
    if connection_id is not None:
        query = query.where(t.deliveries.c.connection_id == connection_id)
    return list(conn.execute(query.order_by(t.deliveries.c.updated_at.desc()).limit(limit)))


def is_outbound(kind: MessageKind) -> bool:
    return kind is MessageKind.OUTBOUND


def counts(conn: Connection, connection_id: str | None = None) -> dict[str, int]:
    """How many deliveries are in each state (of one connection, or all)."""
    query = sa.select(t.deliveries.c.status, sa.func.count()).group_by(t.deliveries.c.status)
    if connection_id is not None:
        query = query.where(t.deliveries.c.connection_id == connection_id)
    rows = conn.execute(query)
    return {str(status): int(n) for status, n in rows}


def due_soonest(conn: Connection) -> datetime | None:
    return conn.execute(
        sa.select(sa.func.min(t.deliveries.c.next_attempt_at)).where(
            t.deliveries.c.status == QUEUED
        )
    ).scalar_one_or_none()
