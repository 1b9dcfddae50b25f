"""The reply's way to the customer on its bubble (issue 13): not delivered (with the reason, in
the agent's language) and flagged in the queue; retried from the bubble; then sent, delivered
and read as the channel's receipts come in."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from agent_desk.protocol.signing import signed_headers
from agent_desk.server.storage import schema as t
from agent_desk.ui.conversation import HeadingRole
from agent_desk.ui.queue_model import COLUMNS
from tests.server.receiver import Receiver
from tests.sync.conftest import Backend, Client
from tests.ui.windows import open_window, wait_until

pytestmark = pytest.mark.asyncio
SECRET = "bubble-test-webhook-secret-0123456789"


async def test_a_reply_that_did_not_get_through_is_flagged_retried_and_then_read(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice, window = await open_window(qtbot, backend, tmp_path, clients, "alice", "a_open")
    conv = backend.world.conversations["a_open"]
    window.case.reply("Your parcel left today", False)
    model = window.conversation.model
    message_id = next(m["id"] for m in model.messages if m["body"] == "Your parcel left today")

    def heading() -> str:
        row = next(n for n, m in enumerate(model.messages) if m["id"] == message_id)
        return str(model.data(model.index(row, 0), HeadingRole))

    assert "queued" in heading()
    await alice.engine.sync_once()  # sent; the server has no connection for chat: failed
    await alice.engine.sync_once()
    assert "not delivered — no channel connection serves this channel (ask an admin)" in heading()
    queue = window.model
    row = queue.ids.index(conv)
    preview = queue.data(queue.index(row, COLUMNS.index("preview")))
    assert preview.startswith("Not delivered · ")

    receiver = Receiver(SECRET, "chat").up()
    try:
        backend.connect_webhook(receiver.url, SECRET)  # an admin connects the channel
        window.case.retry(message_id)  # the bubble's Retry (Enter, or its menu)
        assert "sending…" in heading() or "queued" in heading()

        async def synced_until(word: str) -> None:
            for _ in range(100):
                await alice.engine.sync_once()
                if word in heading():
                    return
                await asyncio.sleep(0.1)
            raise AssertionError(heading())

        await synced_until("sent")
        assert list(receiver.accepted.values()) == [1]
        assert not queue.data(queue.index(row, COLUMNS.index("preview"))).startswith(
            "Not delivered"
        )
        [delivery_id] = receiver.accepted
        for status in ("delivered", "read"):
            body = json.dumps({"delivery_id": delivery_id, "status": status}).encode()
            headers = signed_headers(SECRET.encode(), "chat", body)
            async with httpx.AsyncClient() as http:
                reply = await http.post(
                    f"{backend.url}/api/v1/deliveries/receipts", content=body, headers=headers
                )
            assert reply.status_code == 200, reply.text
        await synced_until("read")
        rows = backend.query(
            sa.select(t.messages.c.delivery_status).where(t.messages.c.id == message_id)
        )
        assert rows[0].delivery_status == "read"
    finally:
        receiver.down()
    await wait_until(lambda: True)
    window.close()
