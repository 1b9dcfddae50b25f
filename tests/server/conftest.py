from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from cryptography.fernet import Fernet

from agent_desk.core.ids import new_id
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.config import ServerSettings
from agent_desk.server.http.runner import ServerThread
from agent_desk.server.storage.db import Database
from tests.server.world import INBOUND_SECRET, PASSWORD, World, build_world
from tests.sync.conftest import backend, clients  # noqa: F401 - shared fixtures

# the server key of every test server: no key file is written (PostgreSQL has no file beside it)
TEST_SECRET_KEY = Fernet.generate_key().decode()


@dataclass
class Running:
    url: str
    db: Database
    world: World
    server: ServerThread
    clients: list[httpx.Client] = field(default_factory=list)
    box: SecretBox = field(default_factory=lambda: SecretBox(TEST_SECRET_KEY.encode()))

    def client(self, username: str | None = None) -> httpx.Client:
        client = httpx.Client(base_url=self.url + "/api/v1", timeout=30)
        self.clients.append(client)
        if username is not None:
            reply = client.post("/auth/login", json={"username": username, "password": PASSWORD})
            reply.raise_for_status()
            client.headers["Authorization"] = f"Bearer {reply.json()['token']}"
        return client

    def mutate(
        self,
        client: httpx.Client,
        name: str,
        args: dict,
        *,
        client_id: str = "test-client",
        mutation_id: str | None = None,
    ) -> dict:
        reply = client.post(
            "/mutations",
            json={
                "client_id": client_id,
                "mutations": [{"id": mutation_id or new_id(), "name": name, "args": args}],
            },
        )
        reply.raise_for_status()
        return reply.json()["results"][0]

    def close(self) -> None:
        for client in self.clients:
            client.close()
        self.server.stop()
        self.db.dispose()


def start_server(db_url: str, **overrides) -> Running:
    db = Database(db_url)
    world = build_world(db)
    options = {
        "database_url": db_url,
        "port": 0,
        "inbound_secret": INBOUND_SECRET,
        "heartbeat_s": 1.0,
        "snooze_check_s": 0.2,
        "default_team_id": world.team_a,
        "secret_key": TEST_SECRET_KEY,
        **overrides,
    }
    settings = ServerSettings(**options)
    server = ServerThread(settings, db=db).start()
    return Running(server.url, db, world, server)


@pytest.fixture
def running(db_url: str) -> Iterator[Running]:
    r = start_server(db_url)
    try:
        yield r
    finally:
        r.close()


@pytest.fixture
def sqlite_running(tmp_path) -> Iterator[Running]:
    r = start_server(f"sqlite:///{tmp_path / 'server.db'}")
    try:
        yield r
    finally:
        r.close()
