"""The window built the way app.py builds it, on a test client core."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QApplication

from agent_desk.app import Desk, compose_window
from agent_desk.core.ids import new_id
from agent_desk.protocol.signing import signed_headers
from agent_desk.server.config import DEMO_INBOUND_SECRET
from agent_desk.server.storage.db import Database
from agent_desk.services.desk import DeskService
from agent_desk.system.config import load_config
from agent_desk.ui.main_window import MainWindow
from tests.sync.conftest import Backend, Client, make_client


def make_window(client: Client, tmp_path: Path, *, opened: list[QUrl] | None = None) -> MainWindow:
    """A window on ``client``'s cache; window state in ``tmp_path/ui.ini`` (a second call is a
    restart); links the window would open are appended to ``opened`` instead."""
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    desk = DeskService(client.store, client.engine.me, client.desk.role)

    def opener(url: QUrl) -> bool:
        if opened is not None:
            opened.append(url)
        return True

    window = compose_window(client.store, desk, settings, opener=opener)
    client.engine.connect(on_change=window.hub.publish, on_status=window.show_status)
    return window


async def wait_until(condition: Callable[[], bool], within: float = 5.0) -> None:
    """Until ``condition()`` holds, letting both asyncio and Qt run: the tests use a plain
    asyncio loop, while the app's qasync loop also runs Qt's timers (the window gathers sync
    changes for 50 ms on one, and asks for suggestions after a 250 ms pause)."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.01)
        QApplication.processEvents()


async def synced_client(
    backend: Backend, tmp_path: Path, clients: list[Client], username: str
) -> Client:
    """A client core signed in as ``username`` with a first sync done (closed by ``clients``)."""
    client = await make_client(backend, username, tmp_path / f"{username}.db")
    clients.append(client)
    await client.engine.sync_once()
    return client


def desk_args(**given: object) -> argparse.Namespace:
    """The command line of `agent-desk` (no flags unless given)."""
    values: dict[str, object] = {
        "demo": False,
        "self_test": False,
        "screenshot": None,
        "simulator_rate": 6.0,
        "no_simulator": False,
    }
    values.update(given)
    return argparse.Namespace(**values)


def demo_desk(qapp: QApplication, *, simulator_rate: float | None = None) -> Desk:
    """`agent-desk --demo` (no simulator unless a rate is given); first_session() starts it."""
    args = desk_args(
        demo=True,
        no_simulator=simulator_rate is None,
        simulator_rate=simulator_rate or 6.0,
    )
    return Desk(qapp, args, load_config(cli={}), {})


async def post_inbound(
    url: str, channel: str, sender: dict[str, str], body: str, external_id: str
) -> None:
    """A customer writes, through the demo's signed inbound webhook (as its simulator does)."""
    payload = json.dumps(
        {"external_id": external_id, "sender": sender, "body": body}, ensure_ascii=False
    ).encode()
    async with httpx.AsyncClient(base_url=url) as http:
        reply = await http.post(
            f"/api/v1/inbound/{channel}",
            content=payload,
            headers=signed_headers(DEMO_INBOUND_SECRET.encode(), channel, payload),
        )
    assert reply.status_code == 200, reply.text


async def supervisor_mutates(url: str, name: str, args: dict[str, Any]) -> dict[str, Any]:
    """The demo's supervisor runs one mutation at the server (from another desk): its result."""
    async with httpx.AsyncClient(base_url=url + "/api/v1") as http:
        login = await http.post("/auth/login", json={"username": "supervisor", "password": "demo"})
        token = login.json()["token"]
        done = await http.post(
            "/mutations",
            headers={"Authorization": f"Bearer {token}"},
            json={
                "client_id": "supervisor-desk",
                "mutations": [{"id": new_id(), "name": name, "args": args}],
            },
        )
    result: dict[str, Any] = done.json()["results"][0]
    assert result["status"] == "applied", done.text
    return result


async def open_window(
    qtbot: Any,
    backend: Backend,
    tmp_path: Path,
    clients: list[Client],
    username: str,
    conversation: str | None = None,
) -> tuple[Client, MainWindow]:
    """``username`` signed in and synced, their window shown (``conversation`` open: a key of
    the test world's conversations)."""
    client = await synced_client(backend, tmp_path, clients, username)
    window = make_window(client, tmp_path)
    qtbot.addWidget(window)
    window.show()
    if conversation is not None:
        window.case.show_conversation(backend.world.conversations[conversation])
    return client, window


async def refused_reply(
    qtbot: Any, backend: Backend, tmp_path: Path, clients: list[Client]
) -> tuple[Client, MainWindow, str]:
    """anna replies to a conversation alice has meanwhile claimed at the server: the reply
    comes back refused. Returns anna, her window (the conversation open) and its id."""
    anna = await synced_client(backend, tmp_path, clients, "anna")
    conv = backend.world.conversations["a_unassigned"]
    alice = await synced_client(backend, tmp_path, clients, "alice")
    alice.desk.claim(conv)
    await alice.engine.sync_once()
    window = make_window(anna, tmp_path)  # still unassigned in anna's cache: she may reply
    qtbot.addWidget(window)
    window.show()
    window.case.show_conversation(conv)
    window.case.reply("I'll help you", False)
    await anna.engine.sync_once()
    return anna, window, conv


@contextlib.asynccontextmanager
async def demo_session(qapp: QApplication) -> AsyncIterator[tuple[Any, Any, Database]]:
    """`agent-desk --demo` signed in and synced once: ``(desk, session, the demo's database)``;
    everything is closed and the demo stopped afterwards."""
    desk = demo_desk(qapp)
    session = await desk.first_session()
    assert session is not None
    db = Database(desk.demo.settings.database_url)
    try:
        await session.engine.sync_once()
        yield desk, session, db
    finally:
        db.dispose()
        await session.close()
        desk.demo.stop()
