"""A real server that can be stopped and started again on the same port, and client cores."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import sqlalchemy as sa

from agent_desk.core.enums import Role
from agent_desk.server.config import ServerSettings
from agent_desk.server.http.runner import ServerThread
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.services.desk import DeskService
from agent_desk.store.local import Me
from agent_desk.store.store import ChangeSet, Store
from agent_desk.sync.engine import SyncEngine
from agent_desk.sync.transport import Transport
from tests.server.world import INBOUND_SECRET, PASSWORD, World, build_world


@dataclass
class Backend:
    """The server, restartable on one port with one database file."""

    db_url: str
    world: World
    port: int = 0
    server: ServerThread | None = None
    overrides: dict[str, Any] = field(default_factory=dict)  # more server settings

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        settings = ServerSettings(
            database_url=self.db_url,
            port=self.port,
            inbound_secret=INBOUND_SECRET,
            heartbeat_s=1.0,
            default_team_id=self.world.team_a,
            **self.overrides,
        )
        self.server = ServerThread(settings).start()
        self.port = self.server.port

    def query(self, statement: Any) -> list[Any]:
        """Rows straight from the server's database (what the server really holds)."""
        db = Database(self.db_url)
        try:
            with db.read() as conn:
                return list(conn.execute(statement).all())
        finally:
            db.dispose()

    def message_count(self, message_id: str) -> int:
        rows = self.query(
            sa.select(sa.func.count()).select_from(t.messages).where(t.messages.c.id == message_id)
        )
        return int(rows[0][0])

    def connect_widget(self, **settings: Any) -> str:
        """An admin turns on the web chat widget; returns its secret."""
        return self._connect("web chat", "widget", "chat", settings, None)

    def connect_webhook(self, url: str, secret: str, channel: str = "chat") -> None:
        """An admin connects ``channel`` to a webhook receiver at ``url``."""
        self._connect(f"{channel} webhook", "webhook", channel, {"outbound_url": url}, secret)

    def _connect(
        self, name: str, kind: str, channel: str, settings: dict[str, Any], secret: str | None
    ) -> str:
        from agent_desk.server.channels import connections
        from agent_desk.server.channels.secret_box import SecretBox

        db = Database(self.db_url)
        server = ServerSettings(database_url=self.db_url)
        try:
            with db.write() as tx:
                _made, secret_text = connections.add(
                    tx,
                    SecretBox.load(server.secret_key, server.key_file()),
                    name=name,
                    kind=kind,
                    channel=channel,
                    settings=settings,
                    secret=secret,
                )
        finally:
            db.dispose()
        return secret_text

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[Backend]:
    yield from serve_backend(tmp_path)


def serve_backend(tmp_path: Path, **overrides: Any) -> Iterator[Backend]:
    """A started server on a fresh test world (for a fixture to yield from)."""
    url = f"sqlite:///{tmp_path / 'server.db'}"
    db = Database(url)
    world = build_world(db)
    db.dispose()
    b = Backend(url, world, overrides=overrides)
    b.start()
    try:
        yield b
    finally:
        b.stop()


@dataclass
class Client:
    """One agent's client core: store, transport, engine, services."""

    store: Store
    transport: Transport
    engine: SyncEngine
    desk: DeskService
    changes: list[ChangeSet] = field(default_factory=list)

    async def close(self) -> None:
        await self.engine.stop()
        await self.transport.aclose()
        self.store.close()


async def make_client(
    backend: Backend, username: str, path: Path, *, base_url: str | None = None
) -> Client:
    transport = Transport(base_url or backend.url, timeout=5)
    reply = await transport.login(username, PASSWORD)
    me = Me(reply.agent.id, reply.agent.team_id)
    store = Store(path)
    seen: list[ChangeSet] = []
    engine = SyncEngine(
        store, transport, me, on_change=seen.append, heartbeat_timeout=3, backoff=(0.05, 0.5)
    )
    desk = DeskService(store, me, Role(reply.agent.role), on_change=lambda c: engine.trigger())
    return Client(store, transport, engine, desk, seen)


@pytest_asyncio.fixture
async def clients(tmp_path: Path) -> AsyncIterator[list[Client]]:
    made: list[Client] = []
    yield made
    for client in made:
        await client.close()
