"""The composition root against the real server, offscreen: the sign-in dialog (wrong password,
remember me), resuming the remembered session, starting offline from the cache, signing out
(no token left anywhere), drafts across restarts, and the demo's customer simulator reaching the
queue within a second."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QApplication

from agent_desk.app import Desk, Session
from agent_desk.server.demo.simulator import CustomerSimulator
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.store.queries import QueueView
from agent_desk.system.config import load_config
from agent_desk.system.secrets import SERVICE_NAME
from agent_desk.ui.queue_model import LastMessageRole
from agent_desk.ui.sign_in import SignInDialog
from tests.server.world import INBOUND_SECRET, PASSWORD
from tests.sync.conftest import Backend, Client
from tests.system.conftest import isolated_env, memory_keyring, set_backend  # noqa: F401
from tests.system.keyrings import MemoryKeyring
from tests.ui.windows import demo_desk, desk_args, make_window, synced_client, wait_until

pytestmark = pytest.mark.asyncio


def _desk(qapp: QApplication, **overrides: object) -> Desk:
    loaded = load_config(cli=dict(overrides))
    return Desk(qapp, desk_args(), loaded, dict(overrides))


async def _dialog() -> SignInDialog:
    for _ in range(100):
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog)]
        visible = [w for w in found if w.isVisible()]
        if visible:
            return visible[0]
        await asyncio.sleep(0.02)
    raise AssertionError("no sign-in dialog appeared")


async def _sign_in(desk: Desk, url: str, user: str, password: str, *, remember: bool) -> Session:
    task = asyncio.ensure_future(desk._dialog(url, None))
    dialog = await _dialog()
    dialog.username.setText(user)
    dialog.password.setText("wrong password")
    dialog.remember.setChecked(remember)
    dialog.sign_in.click()
    await wait_until(lambda: dialog.error.isVisible())
    assert "not right" in dialog.error.text()
    assert not task.done(), "a wrong password keeps the dialog open"
    assert dialog.username.text() == user, "nothing typed is lost"
    dialog.password.setText(password)
    dialog.sign_in.click()
    session = await asyncio.wait_for(task, 10)
    assert session is not None
    return session


def _token_status(url: str, token: str) -> int:
    reply = httpx.get(f"{url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    return reply.status_code


async def test_sign_in_remember_resume_and_sign_out_leaves_no_token(
    qapp,
    backend: Backend,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the system tests' fixture
    isolated_env: Path,  # noqa: F811
) -> None:
    desk = _desk(qapp, server_url=backend.url)
    session = await _sign_in(desk, backend.url, "anna", PASSWORD, remember=True)
    token = session.transport.token
    assert token and memory_keyring.passwords == {(SERVICE_NAME, session.profile.slug): token}
    await session.engine.sync_once()
    session.window.refresh(None)
    session.window.queue_panel.select_view(QueueView.TEAM)
    assert session.window.model.rowCount() > 0
    await session.close()

    # the next start resumes from the keyring (the account is in the user's settings now):
    # no dialog, the same account, online
    desk = _desk(qapp)
    resumed = await desk.first_session()
    assert resumed is not None and resumed.transport.token == token
    await resumed.engine.sync_once()
    assert resumed.engine.status.state.value == "online"

    # signing out: the server forgets the token, the keyring holds nothing, no file has it
    assert _token_status(backend.url, token) == 200
    await desk.sign_out(resumed)
    assert resumed.ended.result() == "signed_out"
    assert memory_keyring.passwords == {}
    assert _token_status(backend.url, token) == 401
    await resumed.close()
    for folder, _dirs, files in os.walk(isolated_env):
        for name in files:
            data = (Path(folder) / name).read_bytes()
            assert token.encode() not in data, f"the token is in {name}"


async def test_offline_start_from_the_cache_when_the_server_is_down(
    qapp,
    backend: Backend,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the system tests' fixture
    isolated_env: Path,  # noqa: F811
) -> None:
    desk = _desk(qapp, server_url=backend.url)
    session = await _sign_in(desk, backend.url, "anna", PASSWORD, remember=True)
    await session.engine.sync_once()
    cached = session.store.counts()["conversation"]
    await session.close()
    backend.stop()
    desk = _desk(qapp, server_url=backend.url, username="anna")
    offline = await desk.first_session()
    assert offline is not None
    with pytest.raises(Exception, match=r"reach|connect|refused"):
        await offline.engine.sync_once()
    window = offline.window
    window.show_status(offline.engine.status)
    assert offline.engine.status.state.value == "offline"
    assert window.banner.kind == "offline" and "Offline since" in window.banner.text.text()
    window.queue_panel.select_view(QueueView.TEAM)
    assert window.model.rowCount() > 0 and offline.store.counts()["conversation"] == cached
    await offline.close()


async def test_drafts_survive_switching_and_restarts_and_sync_never_disturbs_typing(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await synced_client(backend, tmp_path, clients, "alice")
    window = make_window(alice, tmp_path)
    qtbot.addWidget(window)
    first, second = backend.world.conversations["a_open"], backend.world.conversations["a_shared"]
    window.case.show_conversation(first)
    editor = window.conversation.composer.editor
    qtbot.keyClicks(editor, "Half-written answer")
    window.conversation.composer.note_mode.setChecked(True)
    window.case.show_conversation(second)  # switching saves at once, no waiting for the timer
    assert editor.toPlainText() == ""
    window.case.show_conversation(first)
    assert editor.toPlainText() == "Half-written answer"
    assert window.conversation.composer.note_mode.isChecked()

    # a sync that changes this very conversation leaves the text and the cursor alone
    cursor = editor.textCursor()
    cursor.setPosition(4)
    editor.setTextCursor(cursor)
    await alice.engine.sync_once()
    window.refresh(alice.desk.send_reply(second, "reply elsewhere")[1])
    await alice.engine.sync_once()  # the server's copy of this conversation comes back
    window.refresh_soon(alice.desk.mark_read(first))  # the window's gathered refresh path
    await wait_until(lambda: not window.hub.gathering)
    assert editor.toPlainText() == "Half-written answer" and editor.textCursor().position() == 4

    # a restart (a new window on the same cache) brings the draft back, and the open conversation
    window.close()
    again = make_window(alice, tmp_path)
    qtbot.addWidget(again)
    assert again.current == first
    assert again.conversation.composer.editor.toPlainText() == "Half-written answer"
    # sending removes the draft in the same transaction
    again.conversation.composer.note_mode.setChecked(False)
    again.conversation.composer._submit()
    assert alice.desk.draft(first) is None
    again.close()


async def test_a_simulator_message_reaches_the_queue_within_a_second(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    anna = await synced_client(backend, tmp_path, clients, "anna")
    window = make_window(anna, tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.queue_panel.select_view(QueueView.TEAM)
    runner = asyncio.create_task(anna.engine.run())
    simulator = CustomerSimulator(
        backend.url,
        INBOUND_SECRET.encode(),
        rate_per_minute=600,
        seed=7,
        known_identities=[("email", "c_a@example.com")],
    )
    try:
        await wait_until(lambda: anna.engine.status.state.value == "online")
        await asyncio.sleep(0.3)  # the event stream is listening
        before = {m.id for m in backend.query(sa.select(t.messages.c.id))}
        async with httpx.AsyncClient(base_url=backend.url, timeout=10.0) as http:
            await simulator._send_one(http)  # the demo's own sending path, once
        sent_at = time.monotonic()
        assert simulator.sent == 1
        new = [
            r
            for r in backend.query(sa.select(t.messages.c.id, t.messages.c.body))
            if r.id not in before
        ]
        assert len(new) == 1
        preview = " ".join(new[0].body.split())[:120]

        def visible() -> bool:
            model = window.model
            return any(
                model.data(model.index(r, 2), LastMessageRole) == preview
                for r in range(model.rowCount())
            )

        await wait_until(visible, within=1.0)
        assert time.monotonic() - sent_at <= 1.0
    finally:
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)
        window.close()


async def test_the_demo_queue_and_its_simulator_reach_the_window_with_no_user_action(
    qapp,
    memory_keyring: MemoryKeyring,  # noqa: F811
    isolated_env: Path,  # noqa: F811
) -> None:
    """`agent-desk --demo` as the README's first command runs it: the embedded demo server with
    its data and customer simulator, signed in as ``agent``; every simulator message for the
    agent's team shows up in the queue within a second of reaching the server."""
    desk = demo_desk(qapp, simulator_rate=240.0)
    session = await desk.first_session()
    assert session is not None
    try:
        await session.engine.sync_once()
        window = session.window
        window.refresh(None)
        counts = session.store.counts()
        assert counts["conversation"] > 300 and counts["order"] > 1000  # the demo data
        window.queue_panel.select_view(QueueView.TEAM)
        team = session.engine.me.team_id
        expected = session.store.row(
            "SELECT count(*) AS n FROM conversations WHERE team_id = ? AND status != 'resolved'",
            (team,),
        )["n"]
        assert window.model.rowCount() == expected > 0
        runner = asyncio.create_task(session.engine.run())
        db = Database(desk.demo.settings.database_url)
        try:
            await wait_until(lambda: session.engine.status.state.value == "online")
            with db.read() as conn:
                known = set(conn.execute(sa.select(t.messages.c.id)).scalars())
            seen = 0
            deadline = time.monotonic() + 30
            while seen < 3 and time.monotonic() < deadline:
                # the simulator writes on its own; watch the server's database for the next one
                with db.read() as conn:
                    row = conn.execute(
                        sa.select(
                            t.messages.c.id, t.messages.c.body, t.conversations.c.id.label("cid")
                        )
                        .join(t.conversations, t.conversations.c.id == t.messages.c.conversation_id)
                        .where(
                            t.messages.c.id.not_in(known),
                            t.messages.c.kind == "inbound",
                            t.conversations.c.team_id == team,
                        )
                        .limit(1)
                    ).first()
                if row is None:
                    await asyncio.sleep(0.01)
                    continue
                committed = time.monotonic()
                known.add(row.id)
                preview = " ".join(row.body.split())[:120]

                def shown(conv_id: str = row.cid, text: str = preview) -> bool:
                    model = window.model
                    return conv_id in model.ids and (
                        model.data(model.index(model.ids.index(conv_id), 2), LastMessageRole)
                        == text
                    )

                await wait_until(shown, within=1.0)
                assert time.monotonic() - committed <= 1.0
                seen += 1
            assert seen == 3, "the simulator should have written three times in 30 s"
        finally:
            db.dispose()
            runner.cancel()
            await asyncio.gather(runner, return_exceptions=True)
    finally:
        await session.close()
        desk.demo.stop()
