"""The window against the real server, offscreen: queue, claim, reply, offline, live updates."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from agent_desk.protocol.signing import signed_headers
from agent_desk.server.storage import schema as t
from agent_desk.sync.transport import Unreachable
from agent_desk.ui.queue_model import LastMessageRole
from tests.server.world import INBOUND_SECRET
from tests.sync.conftest import Backend, Client
from tests.ui.windows import make_window, synced_client

pytestmark = pytest.mark.asyncio


def _server_bodies(backend: Backend, conversation_id: str) -> list[str]:
    query = sa.select(t.messages.c.body).where(t.messages.c.conversation_id == conversation_id)
    return [row.body for row in backend.query(query.order_by(t.messages.c.seq))]


async def test_queue_claim_reply_and_live_inbound(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    anna = await synced_client(backend, tmp_path, clients, "anna")
    window = make_window(anna, tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.refresh(None)
    unassigned = window.views.index(window.views[1])
    window.tabs.setCurrentIndex(unassigned)
    assert window.model.rowCount() == 1
    assert "Customer c_a" in window.model.data(window.model.index(0, 0))
    window.queue.selectRow(0)
    conv = backend.world.conversations["a_unassigned"]
    assert window.current == conv
    qtbot.mouseClick(window.conversation.claim, Qt.MouseButton.LeftButton)
    window.conversation.composer.editor.setPlainText("<b>Hello</b> — on it!")
    window.conversation.composer._submit()
    assert window.conversation.composer.editor.toPlainText() == ""
    shown = [
        window.conversation.model.data(window.conversation.model.index(r, 0))
        for r in range(window.conversation.model.rowCount())
    ]
    assert any("<b>Hello</b> — on it!" in text and "queued" in text for text in shown)
    await anna.engine.sync_once()
    assert _server_bodies(backend, conv)[-1] == "<b>Hello</b> — on it!"
    shown = [
        window.conversation.model.data(window.conversation.model.index(r, 0))
        for r in range(window.conversation.model.rowCount())
    ]
    assert not any("queued" in text for text in shown)

    # a customer writes: it shows up in the queue with no user action, through the poke
    runner = asyncio.create_task(anna.engine.run())
    try:
        for _ in range(100):
            if anna.engine.status.state.value == "online":
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
        window.tabs.setCurrentIndex(0)  # Mine: anna now owns the conversation
        body = json.dumps(
            {
                "external_id": "ui-1",
                "sender": {"email": "c_a@example.com"},
                "body": "are you there?",
            }
        ).encode()
        async with httpx.AsyncClient() as http:
            reply = await http.post(
                f"{backend.url}/api/v1/inbound/chat",
                content=body,
                headers=signed_headers(INBOUND_SECRET.encode(), "chat", body),
            )
        assert reply.status_code == 200
        model = window.model
        for _ in range(100):
            last = [model.data(model.index(r, 2), LastMessageRole) for r in range(model.rowCount())]
            if "are you there?" in last:
                break
            await asyncio.sleep(0.01)
        row = last.index("are you there?")
        # anna's reply found no channel connection in this world: the row says so first; and
        # it says what the customer asked (the subject), not their filler (issue 14)
        assert model.data(model.index(row, 2)) == "Not delivered · About a_unassigned"
    finally:
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)
    window.close()


async def test_reply_while_offline_shows_queued_then_sent(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await synced_client(backend, tmp_path, clients, "alice")
    window = make_window(alice, tmp_path)
    qtbot.addWidget(window)
    window.refresh(None)
    conv = backend.world.conversations["a_open"]
    window.case.open_conversation(conv)
    backend.stop()
    window.conversation.composer.editor.setPlainText("sent while offline")
    window.conversation.composer._submit()
    with pytest.raises(Unreachable):
        await alice.engine.sync_once()
    window.show_status(alice.engine.status)
    assert "Offline" in window.connection.state.text()
    # the reply waits (beside the read mark that opening the conversation queued)
    assert f"{alice.store.outbox_size()} waiting to be sent" == window.connection.outbox.text()
    assert not window.banner.isHidden() and window.banner.kind == "offline"
    assert "Reply: 1" in window.banner.text.text()
    last = window.conversation.model.data(
        window.conversation.model.index(window.conversation.model.rowCount() - 1, 0)
    )
    assert "queued" in last
    backend.start()
    await alice.engine.sync_once()
    last = window.conversation.model.data(
        window.conversation.model.index(window.conversation.model.rowCount() - 1, 0)
    )
    assert "queued" not in last and "sent while offline" in last
    assert _server_bodies(backend, conv)[-1] == "sent while offline"
    window.close()
