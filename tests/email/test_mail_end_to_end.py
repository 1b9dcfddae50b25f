"""The issue's end to end, through the agent's client: a customer's mail arrives in dovecot and
shows in alice's client; she claims it and replies through the client's services; aiosmtpd
receives the reply with the threading headers; the customer answers it from Gmail with the quote
below; the answer lands in the same conversation in her client, the quote stripped."""

from __future__ import annotations

import asyncio
import types
from pathlib import Path
from typing import Any

import pytest

from tests.email.mailtest import Mailbox, customer_mail
from tests.email.test_mail_channel import CUSTOMER
from tests.sync.conftest import Client, make_client

pytestmark = pytest.mark.asyncio


async def test_mail_to_the_client_reply_by_smtp_and_the_answer_back(
    mailbox: Mailbox,
    tmp_path: Path,
    clients: list[Client],
) -> None:
    running = mailbox.running
    raw, first_id = customer_mail(
        CUSTOMER, "Where is my parcel?", "Hi, order 1001 has not arrived yet.", name="Li Wei"
    )
    mailbox.deliver(raw)
    taken = await asyncio.to_thread(mailbox.taken, first_id)
    conv_id = taken.conversation_id

    backend: Any = types.SimpleNamespace(url=running.url)
    alice = await make_client(backend, "alice", tmp_path / "alice.db", base_url=running.url)
    clients.append(alice)
    await alice.engine.sync_once()
    row = alice.store.row("SELECT channel, subject FROM conversations WHERE id = ?", (conv_id,))
    assert row == {"channel": "email", "subject": "Where is my parcel?"}

    alice.desk.claim(conv_id)
    await alice.engine.sync_once()
    reply_id, _ = alice.desk.send_reply(conv_id, "Hello Li Wei, it is out for delivery today.")
    await alice.engine.sync_once()
    [sent] = await asyncio.to_thread(mailbox.smtp.wait_for, 1, 15)
    ours = sent.message
    assert ours["In-Reply-To"] == first_id
    assert ours["References"] == first_id
    assert ours.get_content().strip() == "Hello Li Wei, it is out for delivery today."

    gmail_answer = (
        "Great, thank you!\n\n"
        f"On Thu, Dec 3, 2026 at 10:00 AM alice · Shop Support <{ours['From'].addresses[0].addr_spec}> wrote:\n"
        "> Hello Li Wei, it is out for delivery today.\n"
    )
    raw, answer_id = customer_mail(
        CUSTOMER,
        ours["Subject"],
        gmail_answer,
        in_reply_to=ours["Message-ID"],
        references=(first_id, ours["Message-ID"]),
    )
    mailbox.deliver(raw)
    answer = await asyncio.to_thread(mailbox.taken, answer_id)
    assert answer.conversation_id == conv_id

    for _ in range(50):
        await alice.engine.sync_once()
        found = alice.store.row(
            "SELECT body, conversation_id FROM messages WHERE id = ?", (answer.id,)
        )
        if found:
            break
        await asyncio.sleep(0.1)
    assert found == {"body": "Great, thank you!", "conversation_id": conv_id}
    delivered = alice.store.row("SELECT delivery FROM messages WHERE id = ?", (reply_id,))
    assert delivered == {"delivery": "sent"}
