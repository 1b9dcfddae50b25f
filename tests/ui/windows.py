"""The window built the way app.py builds it, on a test client core."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QApplication

from agent_desk.services.desk import DeskService
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

    window = MainWindow(client.store, desk, settings, opener=opener)
    client.engine.connect(on_change=window.refresh, on_status=window.show_status)
    desk.subscribe(window.refresh)
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
