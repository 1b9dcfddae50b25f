"""Replies by email: the mail for a delivery, and sending it over SMTP.

``From`` is the connection's address with the agent's name as configured; the ``Message-ID`` is
made from the delivery id (the same on every attempt, so a mail client drops a duplicate), and
remembered so the customer's answer threads; ``In-Reply-To`` and ``References`` continue the
customer's thread and the subject carries the conversation's token. Mail no agent wrote (the
server telling the customer an action went through) says ``Auto-Submitted: auto-generated``.

An SMTP 4xx, a dropped connection or a timeout is tried again like a webhook's 5xx; a 5xx fails
the delivery with the server's own words; an address that keeps bouncing is not written to.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY

import aiosmtplib
import sqlalchemy as sa

from agent_desk.core.enums import IdentityKind
from agent_desk.server.channels.connections import ChannelConnection
from agent_desk.server.channels.delivery import Job, Outcome
from agent_desk.server.channels.email import ingest
from agent_desk.server.channels.email.credentials import Login, tls_context
from agent_desk.server.channels.email.settings import smtp_endpoint
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import WriteTx, utcnow

_REPLY_PREFIX = re.compile(r"^\s*(re|aw|回复|答复|回覆)\s*[:：]\s*", re.IGNORECASE)
MAX_REFERENCES = 20


@dataclass(frozen=True, slots=True)
class OutboundMail:
    address: str  # ours
    from_name: str
    to: str
    subject: str
    message_id: str
    in_reply_to: str | None
    references: tuple[str, ...]
    body: str
    automatic: bool
    files: tuple[tuple[str, str, bytes], ...] = ()  # (name, type, bytes) kept by the server


class NotSendable(Exception):
    """The delivery cannot be sent at all (no address, suppressed): it fails with this reason."""


def message_id_for(delivery_id: str, address: str) -> str:
    return f"<ad.{delivery_id}@{address.rsplit('@', 1)[-1]}>"


def reply_subject(subject: str, token: str) -> str:
    base = ingest.TOKEN_RE.sub("", subject).strip()
    while _REPLY_PREFIX.match(base):
        base = _REPLY_PREFIX.sub("", base, count=1)
    base = " ".join(base.split()) or "Your request"
    return f"Re: {base} {ingest.token_text(token)}"


def prepare(tx: WriteTx, connection: ChannelConnection, job: Job) -> OutboundMail:
    """Everything the mail needs, read (and the thread made, if the conversation has none) in
    the sender's transaction."""
    message = tx.conn.execute(sa.select(t.messages).where(t.messages.c.id == job.message_id)).one()
    conv = tx.conn.execute(
        sa.select(t.conversations).where(t.conversations.c.id == job.conversation_id)
    ).one()
    thread = tx.conn.execute(
        sa.select(t.mail_threads).where(t.mail_threads.c.conversation_id == conv.id)
    ).first()
    if thread is None:  # a conversation that did not start by mail: write to their address
        address = tx.conn.execute(
            sa.select(t.customer_identities.c.value)
            .where(
                t.customer_identities.c.customer_id == conv.customer_id,
                t.customer_identities.c.kind == IdentityKind.EMAIL.value,
            )
            .limit(1)
        ).scalar()
        if not address:
            raise NotSendable("no_address: the customer has no email address")
        token = ingest.new_token(tx)
        tx.conn.execute(
            sa.insert(t.mail_threads).values(
                conversation_id=conv.id,
                token=token,
                subject=conv.subject[:300],
                address=address,
                created_at=utcnow(),
            )
        )
        thread = tx.conn.execute(
            sa.select(t.mail_threads).where(t.mail_threads.c.conversation_id == conv.id)
        ).one()
    why = ingest.suppressed(tx.conn, thread.address)
    if why is not None:
        raise NotSendable(why)
    ids = t.mail_ids
    known = tx.conn.execute(
        sa.select(ids.c.header_id, ids.c.direction)
        .where(ids.c.conversation_id == conv.id)
        .order_by(ids.c.created_at, ids.c.id)
    ).all()
    received = [r.header_id for r in known if r.direction == "in"]
    chain = [r.header_id for r in known]
    if len(chain) > MAX_REFERENCES:  # the thread's root and the most recent
        chain = [chain[0], *chain[-(MAX_REFERENCES - 1) :]]
    agent = ""
    if message.author_agent_id is not None:
        agent = (
            tx.conn.execute(
                sa.select(t.agents.c.display_name).where(t.agents.c.id == message.author_agent_id)
            ).scalar()
            or ""
        )
    body, files = _attachments(tx, conv.id, message.body, message.attachments or [])
    address = str(connection.settings["address"])
    template = str(connection.settings.get("from_name") or "{agent}")
    from_name = template.replace("{agent}", agent).strip(" ·-|") if agent else ""
    return OutboundMail(
        address=address,
        from_name=from_name or template.replace("{agent}", "").strip(" ·-|"),
        to=thread.address,
        subject=reply_subject(thread.subject or conv.subject, thread.token),
        message_id=message_id_for(job.delivery_id, address),
        in_reply_to=received[-1] if received else None,
        references=tuple(chain),
        body=body,
        automatic=message.author_agent_id is None,
        files=files,
    )


def _attachments(
    tx: WriteTx, conversation_id: str, body: str, listed: list[dict[str, object]]
) -> tuple[str, tuple[tuple[str, str, bytes], ...]]:
    """A reply's attachments by mail: files this conversation holds on the server go as MIME
    parts; links to elsewhere go as lines under the text (a mail cannot carry them otherwise)."""
    files: list[tuple[str, str, bytes]] = []
    links: list[str] = []
    for item in listed[:20]:
        url = str(item.get("url") or "")
        name = str(item.get("name") or "attachment")
        if url.startswith(ingest.ATTACHMENT_PATH):
            row = tx.conn.execute(
                sa.select(
                    t.attachments.c.filename, t.attachments.c.content_type, t.attachments.c.data
                ).where(
                    t.attachments.c.id == url.removeprefix(ingest.ATTACHMENT_PATH),
                    t.attachments.c.conversation_id == conversation_id,
                )
            ).first()
            if row is not None:
                files.append((row.filename, row.content_type, bytes(row.data)))
        elif url.startswith(("https://", "http://")):
            links.append(f"{name}: {url}")
    if links:
        body = body.rstrip() + "\n\n" + "\n".join(links)
    return body, tuple(files)


def build(mail: OutboundMail) -> EmailMessage:
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["From"] = (
        email.utils.formataddr((mail.from_name, mail.address)) if mail.from_name else (mail.address)
    )
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Date"] = email.utils.format_datetime(utcnow())
    msg["Message-ID"] = mail.message_id
    if mail.in_reply_to:
        msg["In-Reply-To"] = mail.in_reply_to
    if mail.references:
        msg["References"] = " ".join(mail.references)
    if mail.automatic:
        msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All" if mail.automatic else "OOF, AutoReply"
    msg.set_content(mail.body, subtype="plain", charset="utf-8", cte="quoted-printable")
    for name, content_type, data in mail.files:
        maintype, _, subtype = content_type.partition("/")
        if maintype == "text":  # sent as the bytes we hold, never re-encoded
            maintype, subtype = "application", "octet-stream"
        msg.add_attachment(
            data,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=name,
        )
    return msg


def outcome_of_error(exc: Exception) -> Outcome:
    """An SMTP failure: 5xx is final (the server's words kept), everything else is tried again."""
    if isinstance(exc, aiosmtplib.SMTPAuthenticationError):  # the connection's, not the mail's
        said = " ".join(str(exc.message).split())[:200]
        return Outcome(
            ok=False,
            retry=True,
            code=exc.code,
            error=f"the mail server refused our sign-in: {exc.code} {said}",
        )
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused) and exc.recipients:
        first = exc.recipients[0]
        return _by_code(first.code, first.message)
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        return _by_code(exc.code, exc.message)
    if isinstance(exc, aiosmtplib.SMTPTimeoutError | TimeoutError):
        return Outcome(ok=False, retry=True, error="the mail server did not answer in time")
    return Outcome(ok=False, retry=True, error=f"cannot reach the mail server: {exc}"[:300])


def _by_code(code: int, text: str) -> Outcome:
    said = " ".join(str(text).split())[:240]
    if 500 <= code < 600:
        return Outcome(ok=False, code=code, error=f"refused by the mail server: {code} {said}")
    return Outcome(ok=False, retry=True, code=code, error=f"the mail server said {code} {said}")


async def send(
    connection: ChannelConnection, login: Login, message: EmailMessage, timeout_s: float
) -> Outcome:
    settings = connection.settings
    endpoint = smtp_endpoint(str(settings["smtp_url"]))
    insecure = bool(settings.get("insecure_tls"))
    smtp = aiosmtplib.SMTP(
        hostname=endpoint.host,
        port=endpoint.port,
        use_tls=endpoint.implicit_tls,
        # implicit TLS; else STARTTLS, required unless a lab allows a server without it
        start_tls=False if endpoint.implicit_tls else (None if insecure else True),
        validate_certs=not insecure,
        tls_context=None if insecure else tls_context(settings),
        timeout=timeout_s,
    )
    try:
        await smtp.connect()
        try:
            if login.mechanism == "xoauth2":
                await smtp.auth_xoauth2(login.user, login.secret)
            else:
                await smtp.login(login.user, login.secret)
            await smtp.send_message(message)
        finally:
            try:
                await smtp.quit()
            except aiosmtplib.SMTPException:
                smtp.close()
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        return outcome_of_error(exc)
    return Outcome(ok=True, code=250)
