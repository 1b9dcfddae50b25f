"""Mail into conversations: dedupe, loops and bounces, threading, attachments, failed mail.

Everything one mail does happens in one transaction together with the mailbox cursor moving past
its UID (:func:`advance`), so a server stopped between fetching and committing fetches it again,
and the Message-ID (a synthetic one for mail without) makes the second copy a duplicate.

Threading, in order: ``In-Reply-To``, then every ``References`` entry, against the Message-IDs we
sent and received; then the conversation token in the subject (``[#AD-7Q3XK9]``) **only when the
sender is that conversation's customer** (a stranger quoting someone's token starts their own
conversation); otherwise a new conversation. A reply to a conversation resolved within
``reopen_days`` reopens it; an older one starts a new conversation.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from agent_desk.core.enums import Channel, ConversationStatus, IdentityKind
from agent_desk.core.ids import new_id
from agent_desk.server.cases import inbound
from agent_desk.server.channels.connections import ChannelConnection
from agent_desk.server.channels.email.parse import MailAttachment, ParsedMail
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import WriteTx, utcnow

log = logging.getLogger(__name__)

THREAD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
TOKEN_RE = re.compile(r"\[#AD-([0-9A-HJKMNP-TV-Z]{6})\]", re.IGNORECASE)
ATTACHMENT_PATH = "/api/v1/attachments/"
SUPPRESS_AFTER = 3  # permanent bounces within SUPPRESS_WINDOW …
SUPPRESS_WINDOW = timedelta(days=7)
SUPPRESS_FOR = timedelta(days=1)  # … and the address is not written to for this long

# what happened to one mail
NEW, APPENDED, REOPENED, DUPLICATE, IGNORED, BOUNCE, FAILED = (
    "new",
    "appended",
    "reopened",
    "duplicate",
    "ignored",
    "bounce",
    "failed",
)


@dataclass(frozen=True, slots=True)
class Taken:
    outcome: str
    conversation_id: str | None = None
    message_id: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Position:
    """Where in the mailbox a mail was: its folder's UIDVALIDITY, its UID and its size."""

    uidvalidity: int
    uid: int
    size: int


def token_text(token: str) -> str:
    return f"[#AD-{token}]"


def new_token(tx: WriteTx) -> str:
    while True:
        token = "".join(secrets.choice(THREAD_ALPHABET) for _ in range(6))
        taken = tx.conn.execute(
            sa.select(t.mail_threads.c.token).where(t.mail_threads.c.token == token)
        ).first()
        if taken is None:
            return token


def advance(tx: WriteTx, connection_id: str, position: Position) -> None:
    """The cursor moves past this UID, in the transaction that took the mail in."""
    s = t.mail_state
    tx.conn.execute(
        sa.update(s)
        .where(s.c.connection_id == connection_id, s.c.last_uid < position.uid)
        .values(last_uid=position.uid, fetched=s.c.fetched + 1, updated_at=utcnow())
    )


def take_in(
    tx: WriteTx,
    connection: ChannelConnection,
    mail: ParsedMail,
    position: Position,
    *,
    team_id: str | None,
) -> Taken:
    """One parsed mail into the database (the cursor advances with it)."""
    tx.lock_key("mail", mail.message_id)
    taken = _take_in(tx, connection, mail, position, team_id=team_id)
    advance(tx, connection.id, position)
    return taken


def _take_in(
    tx: WriteTx,
    connection: ChannelConnection,
    mail: ParsedMail,
    position: Position,
    *,
    team_id: str | None,
) -> Taken:
    ids = t.mail_ids
    seen = tx.conn.execute(
        sa.select(ids.c.direction, ids.c.conversation_id, ids.c.message_id).where(
            ids.c.header_id == mail.message_id
        )
    ).all()
    if any(r.direction == "in" for r in seen):
        first = next(r for r in seen if r.direction == "in")
        return Taken(DUPLICATE, first.conversation_id, first.message_id)
    own = str(connection.settings["address"])
    ignored = _ignored_because(mail, own, sent_by_us=bool(seen))
    if ignored is not None:
        code, reason = ignored
        if mail.bounce is not None:
            reason = _apply_bounce(tx, mail) or reason
        _remember(tx, connection.id, mail.message_id, None, None)
        record_failed(
            tx, connection.id, position, mail=mail, code=code, reason=reason, status="ignored"
        )
        return Taken(BOUNCE if code == "bounce" else IGNORED, reason=reason)
    sender = mail.from_address or ""
    now = utcnow()
    identities = [(IdentityKind.EMAIL.value, sender)]
    tx.lock_key("identity", IdentityKind.EMAIL.value, sender)
    into = _thread_of(tx, mail, sender, float(connection.settings["reopen_days"]))
    customer_id, created_customer = inbound.resolve_customer(
        tx, mail.from_name or None, None, identities, now
    )
    message_id = new_id()
    conversation_id_hint = into
    files = _store_attachments(tx, message_id, conversation_id_hint, mail.attachments)
    was_resolved = into is not None and _is_resolved(tx, into)
    conversation_id, _, created = inbound.append_inbound(
        tx,
        Channel.EMAIL,
        customer_id,
        mail.body or mail.text or "—",
        external_key=("email:" + hashlib.sha256(mail.message_id.encode()).hexdigest())[:256],
        subject=mail.subject or None,
        team_id=team_id,
        created_customer=created_customer,
        now=now,
        into=into,
        new_thread=into is None,
        attachments=files["listed"],
        message_id=message_id,
    )
    _finish_attachments(tx, files["rows"], conversation_id)
    if created:
        tx.conn.execute(
            sa.insert(t.mail_threads).values(
                conversation_id=conversation_id,
                token=new_token(tx),
                subject=(mail.subject or "")[:300],
                address=sender[:320],
                connection_id=connection.id,
                created_at=now,
            )
        )
    _remember(tx, connection.id, mail.message_id, conversation_id, message_id)
    tx.conn.execute(
        sa.insert(t.mail_originals).values(
            message_id=message_id,
            header_id=mail.message_id[:512],
            from_address=sender[:320] or None,
            subject=(mail.subject or "")[:300],
            headers=[[k, v[:2000]] for k, v in mail.headers[:200]],
            text=mail.text[:200_000],
            html_only=mail.html_only,
            size=position.size,
            created_at=now,
        )
    )
    outcome = NEW if created else (REOPENED if was_resolved else APPENDED)
    return Taken(outcome, conversation_id, message_id)


def _ignored_because(mail: ParsedMail, own: str, *, sent_by_us: bool) -> tuple[str, str] | None:
    """Mail that must not open a conversation or be answered: (code, reason)."""
    if mail.bounce is not None:
        return "bounce", f"a delivery report: {mail.bounce.diagnostic[:200]}"
    if mail.auto_reply is not None:
        return "auto_reply", f"an automatic reply ({mail.auto_reply[:200]})"
    if sent_by_us or (mail.from_address or "").lower() == own.lower():
        return "own_address", f"mail from our own address {own}"
    if not mail.from_address:
        return "no_sender", "the mail names no sender address"
    return None


def _is_resolved(tx: WriteTx, conversation_id: str) -> bool:
    status = tx.conn.execute(
        sa.select(t.conversations.c.status).where(t.conversations.c.id == conversation_id)
    ).scalar_one()
    return bool(status == ConversationStatus.RESOLVED.value)


def _remember(
    tx: WriteTx,
    connection_id: str | None,
    header_id: str,
    conversation_id: str | None,
    message_id: str | None,
    *,
    direction: str = "in",
    delivery_id: str | None = None,
) -> None:
    tx.conn.execute(
        sa.insert(t.mail_ids).values(
            id=new_id(),
            connection_id=connection_id,
            header_id=header_id[:512],
            direction=direction,
            conversation_id=conversation_id,
            message_id=message_id,
            delivery_id=delivery_id,
            created_at=utcnow(),
        )
    )


def remember_sent(
    tx: WriteTx,
    connection_id: str,
    header_id: str,
    conversation_id: str,
    message_id: str,
    delivery_id: str,
) -> None:
    """A reply we send: its Message-ID threads the customer's answer (once per delivery)."""
    exists = tx.conn.execute(
        sa.select(t.mail_ids.c.id).where(
            t.mail_ids.c.header_id == header_id, t.mail_ids.c.direction == "out"
        )
    ).first()
    if exists is None:
        _remember(
            tx,
            connection_id,
            header_id,
            conversation_id,
            message_id,
            direction="out",
            delivery_id=delivery_id,
        )


def _thread_of(tx: WriteTx, mail: ParsedMail, sender: str, reopen_days: float) -> str | None:
    """The conversation this mail continues, or None for a new one."""
    ids = t.mail_ids
    for header_id in (*mail.in_reply_to, *reversed(mail.references)):
        found = tx.conn.execute(
            sa.select(ids.c.conversation_id)
            .where(ids.c.header_id == header_id, ids.c.conversation_id.is_not(None))
            .limit(1)
        ).scalar()
        if found is not None:
            return _unless_too_old(tx, found, reopen_days)
    for token in TOKEN_RE.findall(mail.subject or ""):
        row = tx.conn.execute(
            sa.select(t.mail_threads.c.conversation_id, t.conversations.c.customer_id)
            .join(t.conversations, t.conversations.c.id == t.mail_threads.c.conversation_id)
            .where(t.mail_threads.c.token == token.upper())
        ).first()
        if row is not None and _is_customers_address(tx, row.customer_id, sender):
            return _unless_too_old(tx, row.conversation_id, reopen_days)
    return None


def _is_customers_address(tx: WriteTx, customer_id: str, address: str) -> bool:
    ci = t.customer_identities
    found = tx.conn.execute(
        sa.select(ci.c.value).where(
            ci.c.customer_id == customer_id,
            ci.c.kind == IdentityKind.EMAIL.value,
            ci.c.value == address,
        )
    ).first()
    return found is not None


def _unless_too_old(tx: WriteTx, conversation_id: str, reopen_days: float) -> str | None:
    row = tx.conn.execute(
        sa.select(t.conversations.c.status, t.conversations.c.resolved_at).where(
            t.conversations.c.id == conversation_id
        )
    ).one()
    if row.status != ConversationStatus.RESOLVED.value or row.resolved_at is None:
        return conversation_id
    if utcnow() - row.resolved_at > timedelta(days=reopen_days):
        return None  # resolved long ago: the customer's new problem gets its own conversation
    return conversation_id


# --- attachments ------------------------------------------------------------------------------


def _store_attachments(
    tx: WriteTx, message_id: str, conversation_id: str | None, files: tuple[MailAttachment, ...]
) -> dict[str, list[dict[str, Any]]]:
    """Attachment rows to insert once the conversation is known, and the message's list."""
    rows: list[dict[str, Any]] = []
    listed: list[dict[str, Any]] = []
    now = utcnow()
    for attachment in files[:20]:
        attachment_id = new_id()
        rows.append(
            {
                "id": attachment_id,
                "message_id": message_id,
                "conversation_id": conversation_id,
                "filename": attachment.filename[:255],
                "content_type": attachment.content_type[:127],
                "declared_type": attachment.declared_type[:127],
                "size": len(attachment.data),
                "sha256": hashlib.sha256(attachment.data).hexdigest(),
                "inline": attachment.inline,
                "data": attachment.data,
                "created_at": now,
            }
        )
        listed.append(
            {
                "name": attachment.filename[:255],
                "content_type": attachment.content_type[:127],
                "size": len(attachment.data),
                "url": ATTACHMENT_PATH + attachment_id,
            }
        )
    return {"rows": rows, "listed": listed}


def _finish_attachments(tx: WriteTx, rows: list[dict[str, Any]], conversation_id: str) -> None:
    if rows:
        tx.conn.execute(
            sa.insert(t.attachments), [{**r, "conversation_id": conversation_id} for r in rows]
        )


# --- bounces and suppression ------------------------------------------------------------------


def _apply_bounce(tx: WriteTx, mail: ParsedMail) -> str | None:
    """A delivery report: the delivery it refers to fails with the remote server's reason; an
    address that keeps bouncing is suppressed for a while. Returns the reason recorded."""
    from agent_desk.server.channels import delivery  # the outbox module imports this one

    bounce = mail.bounce
    if bounce is None:
        return None
    reason = f"bounced: {bounce.diagnostic or bounce.status or 'the receiving server refused it'}"
    if bounce.original_message_id:
        row = tx.conn.execute(
            sa.select(t.mail_ids.c.delivery_id).where(
                t.mail_ids.c.header_id == bounce.original_message_id,
                t.mail_ids.c.direction == "out",
            )
        ).first()
        if row is not None and row.delivery_id is not None and bounce.permanent:
            delivery.fail_after_sending(tx, row.delivery_id, reason[:300])
    if bounce.permanent and bounce.recipient:
        _count_bounce(tx, bounce.recipient, reason)
    return reason[:500]


def _count_bounce(tx: WriteTx, address: str, reason: str) -> None:
    s = t.mail_suppressions
    now = utcnow()
    row = tx.conn.execute(sa.select(s).where(s.c.address == address)).first()
    if row is None:
        tx.conn.execute(
            sa.insert(s).values(
                address=address,
                bounces=1,
                first_bounce_at=now,
                last_bounce_at=now,
                suppressed_until=None,
                last_reason=reason[:300],
            )
        )
        return
    fresh = now - row.first_bounce_at > SUPPRESS_WINDOW
    bounces = 1 if fresh else row.bounces + 1
    values: dict[str, Any] = {
        "bounces": bounces,
        "last_bounce_at": now,
        "last_reason": reason[:300],
        "first_bounce_at": now if fresh else row.first_bounce_at,
    }
    if bounces >= SUPPRESS_AFTER:
        values["suppressed_until"] = now + SUPPRESS_FOR
        log.warning("suppressing mail to an address that bounced %d times", bounces)
    tx.conn.execute(sa.update(s).where(s.c.address == address).values(**values))


def suppressed(conn: sa.Connection, address: str) -> str | None:
    """Why mail to ``address`` is not sent now, or None."""
    s = t.mail_suppressions
    row = conn.execute(sa.select(s).where(s.c.address == address.lower())).first()
    if row is None or row.suppressed_until is None or row.suppressed_until <= utcnow():
        return None
    return (
        f"suppressed: {row.bounces} bounces, until {row.suppressed_until:%Y-%m-%d %H:%M} UTC "
        f"(the last: {row.last_reason[:160]})"
    )


# --- failed mail ------------------------------------------------------------------------------


def record_failed(
    tx: WriteTx,
    connection_id: str,
    position: Position,
    *,
    code: str,
    reason: str,
    mail: ParsedMail | None = None,
    subject: str = "",
    from_address: str | None = None,
    status: str = "failed",
) -> None:
    """Mail not taken in, in the connection's list (left in the mailbox); the cursor advances."""
    f = t.failed_mail
    now = utcnow()
    existing = tx.conn.execute(
        sa.select(f.c.id, f.c.attempts).where(
            f.c.connection_id == connection_id,
            f.c.uidvalidity == position.uidvalidity,
            f.c.uid == position.uid,
        )
    ).first()
    values: dict[str, Any] = {
        "header_id": mail.message_id[:512] if mail else None,
        "from_address": ((mail.from_address if mail else from_address) or "")[:320] or None,
        "subject": ((mail.subject if mail else subject) or "")[:300],
        "size": position.size,
        "code": code[:32],
        "reason": reason[:500],
        "status": status,
        "updated_at": now,
    }
    if existing is None:
        tx.conn.execute(
            sa.insert(f).values(
                id=new_id(),
                connection_id=connection_id,
                uidvalidity=position.uidvalidity,
                uid=position.uid,
                attempts=1,
                created_at=now,
                **values,
            )
        )
    else:
        tx.conn.execute(
            sa.update(f)
            .where(f.c.id == existing.id)
            .values(attempts=existing.attempts + 1, **values)
        )
    advance(tx, connection_id, position)
    if status == "failed":
        log.warning("mail uid %d not taken in: %s", position.uid, reason[:160])


def mark_done(tx: WriteTx, connection_id: str, position: Position) -> None:
    """A reprocessed mail that was taken in leaves the failed-mail list."""
    f = t.failed_mail
    tx.conn.execute(
        sa.update(f)
        .where(
            f.c.connection_id == connection_id,
            f.c.uidvalidity == position.uidvalidity,
            f.c.uid == position.uid,
        )
        .values(status="done", updated_at=utcnow())
    )


def failed_list(conn: sa.Connection, connection_id: str, *, ignored: bool = False) -> list[Any]:
    f = t.failed_mail
    statuses = ("ignored",) if ignored else ("failed", "reprocess")
    return list(
        conn.execute(
            sa.select(f)
            .where(f.c.connection_id == connection_id, f.c.status.in_(statuses))
            .order_by(f.c.created_at)
        ).all()
    )


def ask_reprocess(tx: WriteTx, connection_id: str, failed_id: str | None) -> int:
    """Failed mail the poller fetches again (one, or all of the connection's)."""
    f = t.failed_mail
    query = sa.update(f).where(f.c.connection_id == connection_id, f.c.status == "failed")
    if failed_id is not None:
        query = query.where(f.c.id == failed_id)
    result = tx.conn.execute(query.values(status="reprocess", updated_at=utcnow()))
    return int(result.rowcount or 0)


def to_reprocess(conn: sa.Connection, connection_id: str, uidvalidity: int) -> list[Position]:
    f = t.failed_mail
    rows = conn.execute(
        sa.select(f.c.uid, f.c.size).where(
            f.c.connection_id == connection_id,
            f.c.status == "reprocess",
            f.c.uidvalidity == uidvalidity,
        )
    ).all()
    return [Position(uidvalidity, int(r.uid), int(r.size)) for r in rows]
