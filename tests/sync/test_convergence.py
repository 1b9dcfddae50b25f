"""Random operations, disconnects and restarts: client and server converge, nothing lost or doubled."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from pathlib import Path

import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from agent_desk.core.enums import ConversationStatus
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.sync.transport import SyncError
from tests.server.world import build_world
from tests.sync.conftest import Backend, Client, make_client

USERS = ("alice", "sam")
CONVERSATIONS = ("a_open", "a_shared")


class Convergence(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.dir = Path(tempfile.mkdtemp(prefix="agent-desk-conv-"))
        url = f"sqlite:///{self.dir / 'server.db'}"
        db = Database(url)
        world = build_world(db)
        db.dispose()
        self.backend = Backend(url, world)
        self.backend.start()
        self.clients: dict[str, Client] = {}
        self.written: dict[str, str] = {}  # message id -> body, everything a client wrote
        self.author: dict[str, str] = {}  # message id -> user who wrote it
        self.up = True

    def run(self, coro):  # type: ignore[no-untyped-def]
        return self.loop.run_until_complete(coro)

    @initialize()
    def sign_in(self) -> None:
        for user in USERS:
            self.clients[user] = self.run(make_client(self.backend, user, self.dir / f"{user}.db"))
            self.run(self.clients[user].engine.sync_once())

    @rule(
        user=st.sampled_from(USERS),
        conv=st.sampled_from(CONVERSATIONS),
        text=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() and "\x00" not in s),
    )
    def reply(self, user: str, conv: str, text: str) -> None:
        message_id, _ = self.clients[user].desk.send_reply(
            self.backend.world.conversations[conv], text
        )
        self.written[message_id] = text.strip()
        self.author[message_id] = user

    @rule(
        user=st.sampled_from(USERS),
        conv=st.sampled_from(CONVERSATIONS),
        text=st.text(min_size=1, max_size=20).filter(lambda s: s.strip() and "\x00" not in s),
    )
    def note(self, user: str, conv: str, text: str) -> None:
        message_id, _ = self.clients[user].desk.add_note(
            self.backend.world.conversations[conv], text
        )
        self.written[message_id] = text.strip()
        self.author[message_id] = user

    @rule(
        user=st.sampled_from(USERS),
        conv=st.sampled_from(CONVERSATIONS),
        status=st.sampled_from([ConversationStatus.OPEN, ConversationStatus.PENDING]),
    )
    def status(self, user: str, conv: str, status: ConversationStatus) -> None:
        self.clients[user].desk.set_status(self.backend.world.conversations[conv], status)

    @rule(
        user=st.sampled_from(USERS), conv=st.sampled_from(CONVERSATIONS), pause=st.integers(0, 30)
    )
    def reply_while_pulling(self, user: str, conv: str, pause: int) -> None:
        """The agent types while a pull is half-way: the next page's rebase must keep the reply."""
        client = self.clients[user]
        client.engine.page_limit = 1

        async def interleave() -> None:
            task = asyncio.ensure_future(client.engine.sync_once())
            await asyncio.sleep(pause / 1000)
            message_id, _ = client.desk.send_reply(
                self.backend.world.conversations[conv], f"typed {pause}"
            )
            self.written[message_id] = f"typed {pause}"
            self.author[message_id] = user
            try:
                await task
            except SyncError:
                assert not self.up

        try:
            self.run(interleave())
        finally:
            client.engine.page_limit = 1000

    @rule(user=st.sampled_from(USERS))
    def sync(self, user: str) -> None:
        try:
            self.run(self.clients[user].engine.sync_once())
        except SyncError:
            assert not self.up

    @precondition(lambda self: self.up)
    @rule()
    def server_goes_down(self) -> None:
        self.backend.stop()
        self.up = False

    @precondition(lambda self: not self.up)
    @rule()
    def server_comes_back(self) -> None:
        self.backend.start()
        self.up = True

    @precondition(lambda self: self.up)
    @rule(user=st.sampled_from(USERS))
    def client_restarts(self, user: str) -> None:
        self.run(self.clients[user].close())
        self.clients[user] = self.run(make_client(self.backend, user, self.dir / f"{user}.db"))

    @invariant()
    def outbox_never_loses_a_message(self) -> None:
        for message_id, user in self.author.items():  # the author always sees what they wrote
            row = self.clients[user].store.row(
                "SELECT body FROM messages WHERE id = ?", (message_id,)
            )
            assert row is not None, "a message vanished from its author's client"
        for client in self.clients.values():
            for message_id, body in self.written.items():
                row = client.store.row(
                    "SELECT body, author_agent_id FROM messages WHERE id = ?", (message_id,)
                )
                if row is not None:
                    assert row["body"] == body

    def teardown(self) -> None:
        try:
            if not self.up:
                self.backend.start()
            for _ in range(2):
                for client in self.clients.values():
                    self.run(client.engine.sync_once())
            db = Database(self.backend.db_url)
            with db.read() as conn:
                server = conn.execute(
                    sa.select(t.messages.c.id, t.messages.c.body, t.messages.c.conversation_id)
                ).all()
            db.dispose()
            server_ids = [r.id for r in server]
            assert len(server_ids) == len(set(server_ids))
            watched = {self.backend.world.conversations[c] for c in CONVERSATIONS}
            server_bodies = {r.id: r.body for r in server if r.conversation_id in watched}
            for message_id, body in self.written.items():
                assert server_bodies.get(message_id) == body, "a written message was lost"
            for client in self.clients.values():
                assert client.store.outbox_size() == 0
                local = {
                    r["id"]: r
                    for r in client.store.rows(
                        "SELECT id, body, delivery, conversation_id FROM messages"
                    )
                    if r["conversation_id"] in watched
                }
                assert set(local) == set(server_bodies), "client and server disagree on messages"
                assert all(r["delivery"] == "sent" for r in local.values())
                assert client.store.row("SELECT count(*) AS n FROM shadows")["n"] == 0
                for conv in CONVERSATIONS:
                    cid = self.backend.world.conversations[conv]
                    mine = client.store.row(
                        "SELECT status, message_count FROM conversations WHERE id = ?", (cid,)
                    )
                    db = Database(self.backend.db_url)
                    with db.read() as conn:
                        theirs = conn.execute(
                            sa.select(
                                t.conversations.c.status, t.conversations.c.message_count
                            ).where(t.conversations.c.id == cid)
                        ).one()
                    db.dispose()
                    assert (mine["status"], mine["message_count"]) == (
                        theirs.status,
                        theirs.message_count,
                    )
        finally:
            for client in self.clients.values():
                self.run(client.close())
            self.backend.stop()
            self.loop.close()
            shutil.rmtree(self.dir, ignore_errors=True)


Convergence.TestCase.settings = settings(
    max_examples=8,
    stateful_step_count=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestConvergence = Convergence.TestCase
