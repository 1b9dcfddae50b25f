"""What the email channel's tests share: a server with a mailbox connected to real dovecot and
aiosmtpd, a customer's mail built like a mail client builds it, and waiting on the database."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa

from agent_desk.core.ids import new_id
from agent_desk.server.channels import connections
from agent_desk.server.storage import schema as t
from tests.email.conftest import MAIL_PASSWORD, MAIL_USER
from tests.email.servers import Dovecot, SmtpRecorder
from tests.server.conftest import Running

SUPPORT = MAIL_USER  # our support address: the mailbox's user and the From of replies


def wait_for(condition: Callable[[], Any], within: float = 15.0, what: str = "") -> Any:
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


def customer_mail(
    sender: str,
    subject: str,
    body: str,
    *,
    name: str = "",
    message_id: str | None = None,
    in_reply_to: str | None = None,
    references: tuple[str, ...] = (),
    headers: dict[str, str] | None = None,
    attachments: tuple[tuple[str, str, bytes], ...] = (),
) -> tuple[bytes, str]:
    """A mail as a customer's mail client sends it to us: (raw bytes, its Message-ID)."""
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["From"] = email.utils.formataddr((name, sender)) if name else sender
    msg["To"] = SUPPORT
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(email.utils.localtime())
    message_id = message_id or f"<{new_id()}@mail.example.com>"
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references)
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    for filename, content_type, data in attachments:
        maintype, subtype = content_type.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes(), message_id


@dataclass
class Mailbox:
    """The server, the mail servers and the connection between them."""

    running: Running
    dovecot: Dovecot
    smtp: SmtpRecorder
    connection_id: str

    def deliver(self, raw: bytes) -> int:
        """The customer's mail arrives in the support mailbox (IMAP APPEND): its UID."""
        return self.dovecot.append(SUPPORT, raw)

    def messages_with(self, header_id: str) -> list[Any]:
        with self.running.db.read() as conn:
            return list(
                conn.execute(
                    sa.select(t.messages)
                    .join(t.mail_ids, t.mail_ids.c.message_id == t.messages.c.id)
                    .where(t.mail_ids.c.header_id == header_id, t.mail_ids.c.direction == "in")
                ).all()
            )

    def taken(self, header_id: str, within: float = 15.0) -> Any:
        """The message a mail became, once the server took it in."""
        found = wait_for(lambda: self.messages_with(header_id), within, f"mail {header_id}")
        assert len(found) == 1, f"{header_id} is {len(found)} messages"
        return found[0]

    def conversation(self, conversation_id: str) -> Any:
        with self.running.db.read() as conn:
            return conn.execute(
                sa.select(t.conversations).where(t.conversations.c.id == conversation_id)
            ).one()

    def failed(self, *, status: str | None = None) -> list[Any]:
        with self.running.db.read() as conn:
            query = sa.select(t.failed_mail).where(
                t.failed_mail.c.connection_id == self.connection_id
            )
            if status is not None:
                query = query.where(t.failed_mail.c.status == status)
            return list(conn.execute(query.order_by(t.failed_mail.c.uid)).all())

    def state(self) -> Any:
        with self.running.db.read() as conn:
            return conn.execute(
                sa.select(t.mail_state).where(t.mail_state.c.connection_id == self.connection_id)
            ).first()

    def caught_up_to(self, uid: int, within: float = 15.0) -> None:
        wait_for(
            lambda: (s := self.state()) is not None and s.last_uid >= uid, within, f"uid {uid}"
        )

    def email_conversations(self) -> list[Any]:
        with self.running.db.read() as conn:
            return list(
                conn.execute(
                    sa.select(t.conversations)
                    .where(t.conversations.c.channel == "email")
                    .order_by(t.conversations.c.created_at)
                ).all()
            )


def connect_mailbox(
    running: Running, dovecot: Dovecot, smtp: SmtpRecorder, tmp_path: Path, **settings: Any
) -> Mailbox:
    """An email connection: dovecot over STARTTLS and aiosmtpd over STARTTLS, both verified
    against the test CA; the password in a file; a 1 s poll."""
    password_file = tmp_path / "mailbox-password"
    password_file.write_text(MAIL_PASSWORD + "\n", encoding="utf-8")
    given: dict[str, Any] = {
        "address": SUPPORT,
        "from_name": "{agent} · Shop Support",
        "imap_url": dovecot.url(SUPPORT),
        "smtp_url": f"smtp://{quote(SUPPORT, safe='')}@127.0.0.1:{smtp.port}",
        "password_file": str(password_file),
        "ca_file": str(dovecot.ca_file) if dovecot.tls else "",
        "poll_s": 1.0,
        **settings,
    }
    with running.db.write() as tx:
        made, _ = connections.add(
            tx,
            running.box,
            name=f"mail-{new_id()[-6:]}",
            kind="email",
            channel="email",
            settings=given,
        )
    return Mailbox(running, dovecot, smtp, made.id)


def claim(running: Running, conversation_id: str, agent: str = "alice") -> None:
    sam = running.client("sam")
    result = running.mutate(
        sam,
        "conversation.assign",
        {"conversation_id": conversation_id, "agent_id": running.world.agents[agent]},
    )
    assert result["status"] == "applied", result


def reply(running: Running, conversation_id: str, body: str, agent: str = "alice") -> str:
    message_id = new_id()
    result = running.mutate(
        running.client(agent),
        "message.send",
        {"conversation_id": conversation_id, "message_id": message_id, "body": body},
    )
    assert result["status"] == "applied", result
    return message_id


def delivery_of(running: Running, message_id: str) -> Any:
    with running.db.read() as conn:
        return conn.execute(
            sa.select(t.deliveries).where(t.deliveries.c.message_id == message_id)
        ).first()
