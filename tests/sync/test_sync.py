"""The client core against the real server: initial sync, offline work, rebase, pokes."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from agent_desk.core.enums import ConversationStatus
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.store import queries
from agent_desk.store.queries import QueueView
from agent_desk.store.store import Store
from agent_desk.sync.transport import Unreachable
from tests.sync.conftest import Backend, Client, make_client

pytestmark = pytest.mark.asyncio


async def test_initial_sync_then_answers_from_cache_with_server_stopped(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await make_client(backend, "alice", tmp_path / "alice.db")
    clients.append(alice)
    await alice.engine.sync_once()
    counts = alice.store.counts()
    assert counts["conversation"] == 3  # team A's three, not team B's
    assert counts["message"] == 3 and counts["customer"] == 2 and counts["order"] == 2
    me = alice.engine.me
    backend.stop()
    await alice.close()
    clients.clear()

    store = Store(tmp_path / "alice.db")  # a restart, offline
    try:
        mine = queries.queue_ids(store, QueueView.MINE, me)
        assert set(mine) == {
            backend.world.conversations["a_open"],
            backend.world.conversations["a_shared"],
        }
        assert queries.queue_ids(store, QueueView.UNASSIGNED, me) == [
            backend.world.conversations["a_unassigned"]
        ]
        conv = queries.conversation(store, backend.world.conversations["a_open"])
        assert conv is not None and [m["body"] for m in conv["messages"]] == ["hello from a_open"]
        c360 = queries.customer_360(store, backend.world.customers["c_a"])
        assert c360 is not None and c360["orders"][0]["order_no"] == "DD-c_a"
        assert {i["value"] for i in c360["identities"]} == {"c_a@example.com"}
        assert len(c360["conversations"]) == 2
        assert queries.queue_ids(
            store, QueueView.MINE, me, filters=queries.QueueFilter(search="DD-c_a")
        )
    finally:
        store.close()


async def test_offline_work_is_delivered_once_in_order(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await make_client(backend, "alice", tmp_path / "alice.db")
    clients.append(alice)
    await alice.engine.sync_once()
    backend.stop()
    conv = backend.world.conversations["a_open"]
    reply_ids = []
    for n in range(20):
        message_id, _ = alice.desk.send_reply(conv, f"reply {n}")
        reply_ids.append(message_id)
        if n % 4 == 0:
            alice.desk.add_note(conv, f"note {n}")
            alice.desk.set_status(
                conv, ConversationStatus.PENDING if n % 8 == 0 else ConversationStatus.OPEN
            )
    with pytest.raises(Unreachable):
        await alice.engine.sync_once()
    states = {
        r["delivery"]
        for r in alice.store.rows("SELECT delivery FROM messages WHERE kind = 'outbound'")
    }
    assert states == {"queued"}
    assert alice.store.outbox_size() == 30
    backend.start()
    await alice.engine.sync_once()
    assert alice.store.outbox_size() == 0
    rows = alice.store.rows(
        "SELECT id, delivery, seq FROM messages WHERE kind = 'outbound' ORDER BY seq"
    )
    assert [r["id"] for r in rows] == reply_ids and {r["delivery"] for r in rows} == {"sent"}
    db = Database(backend.db_url)
    try:
        with db.read() as c:
            server = c.execute(
                sa.select(t.messages.c.id, t.messages.c.kind, t.messages.c.body)
                .where(t.messages.c.conversation_id == conv)
                .order_by(t.messages.c.seq)
            ).all()
            applied = c.execute(
                sa.select(sa.func.count()).select_from(t.applied_mutations)
            ).scalar_one()
    finally:
        db.dispose()
    bodies = [r.body for r in server if r.kind in ("outbound", "note")]
    expected = []
    for n in range(20):
        expected.append(f"reply {n}")
        if n % 4 == 0:
            expected.append(f"note {n}")
    assert bodies == expected  # once each, in order
    assert applied == 30


async def test_claim_that_loses_the_race_is_rebased_and_reported(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await make_client(backend, "alice", tmp_path / "alice.db")
    anna = await make_client(backend, "anna", tmp_path / "anna.db")
    clients.extend([alice, anna])
    await alice.engine.sync_once()
    await anna.engine.sync_once()
    conv = backend.world.conversations["a_unassigned"]
    alice.desk.claim(conv)
    anna.desk.claim(conv)
    assert (
        anna.store.row("SELECT assignee_id FROM conversations WHERE id = ?", (conv,))["assignee_id"]
        == anna.engine.me.agent_id
    )
    await alice.engine.sync_once()
    await anna.engine.sync_once()
    row = anna.store.row("SELECT assignee_id FROM conversations WHERE id = ?", (conv,))
    assert row["assignee_id"] == alice.engine.me.agent_id  # rebased onto the server's decision
    rejected = anna.desk.rejections()
    assert [(r["name"], r["code"]) for r in rejected] == [
        ("conversation.claim", "already_assigned")
    ]
    assert json.loads(rejected[0]["args"]) == {"conversation_id": conv}
    assert anna.store.outbox_size() == 0
    assert anna.store.row("SELECT count(*) AS n FROM shadows")["n"] == 0


async def test_rejected_reply_stays_visible_as_failed(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    anna = await make_client(backend, "anna", tmp_path / "anna.db")
    clients.append(anna)
    await anna.engine.sync_once()
    conv = backend.world.conversations["a_unassigned"]
    # locally unassigned, so the service lets anna reply; meanwhile alice takes it on the server
    alice = await make_client(backend, "alice", tmp_path / "alice.db")
    clients.append(alice)
    await alice.engine.sync_once()
    alice.desk.claim(conv)
    await alice.engine.sync_once()
    message_id, _ = anna.desk.send_reply(conv, "I'll help you")
    await anna.engine.sync_once()
    row = anna.store.row(
        "SELECT delivery, error_code, body FROM messages WHERE id = ?", (message_id,)
    )
    assert row == {"delivery": "failed", "error_code": "forbidden", "body": "I'll help you"}


async def test_a_reply_reaches_the_other_client_within_a_second_through_the_poke(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await make_client(backend, "alice", tmp_path / "alice.db")
    sam = await make_client(backend, "sam", tmp_path / "sam.db")
    clients.extend([alice, sam])
    await alice.engine.sync_once()
    runner = asyncio.create_task(sam.engine.run())
    try:
        for _ in range(100):
            if sam.engine.status.state.value == "online":
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # the event stream is connected
        message_id, _ = alice.desk.send_reply(backend.world.conversations["a_open"], "on its way")
        await alice.engine.sync_once()
        sent = time.monotonic()
        while time.monotonic() - sent < 1.0:
            if sam.store.row("SELECT 1 AS x FROM messages WHERE id = ?", (message_id,)):
                break
            await asyncio.sleep(0.01)
        assert sam.store.row("SELECT delivery FROM messages WHERE id = ?", (message_id,)) == {
            "delivery": "sent"
        }
    finally:
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)


@pytest.mark.allow_log_warnings  # the reset is logged as a warning
async def test_cursor_from_another_database_resets_the_cache_and_keeps_the_outbox(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await make_client(backend, "alice", tmp_path / "alice.db")
    clients.append(alice)
    await alice.engine.sync_once()
    backend.stop()
    message_id, _ = alice.desk.send_reply(
        backend.world.conversations["a_open"], "written before the restore"
    )
    db = Database(backend.db_url)  # the server is restored from a backup: a new database identity
    try:
        with db.write() as tx:
            tx.conn.execute(
                sa.update(t.server_meta)
                .where(t.server_meta.c.key == "epoch")
                .values(value="0123456789ab")
            )
    finally:
        db.dispose()
    backend.start()
    await alice.engine.sync_once()
    assert alice.store.state("cursor").startswith("0123456789ab-")
    assert alice.store.outbox_size() == 0
    assert alice.store.row("SELECT delivery FROM messages WHERE id = ?", (message_id,)) == {
        "delivery": "sent"
    }
    assert alice.store.counts()["conversation"] == 3


async def test_full_sync_of_the_demo_data_then_offline(
    tmp_path: Path, clients: list[Client]
) -> None:
    from agent_desk.server.config import ServerSettings
    from agent_desk.server.demo.data import DEMO_PASSWORD
    from agent_desk.server.demo.launch import prepare_demo
    from agent_desk.server.http.runner import ServerThread
    from agent_desk.store.local import Me
    from agent_desk.sync.engine import SyncEngine
    from agent_desk.sync.transport import Transport

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    db = Database(url)
    prepare_demo(db, seed=7)
    server = ServerThread(ServerSettings(database_url=url, port=0, demo=True), db=db).start()
    store = Store(tmp_path / "agent.db")
    transport = Transport(server.url)
    try:
        reply = await transport.login("agent", DEMO_PASSWORD)
        me = Me(reply.agent.id, reply.agent.team_id)
        engine = SyncEngine(store, transport, me)
        await engine.sync_once()
        with db.read() as conn:
            team_conversations = conn.execute(
                sa.select(sa.func.count())
                .select_from(t.conversations)
                .where(t.conversations.c.team_id == me.team_id)
            ).scalar_one()
            shared = conn.execute(
                sa.select(sa.func.count())
                .select_from(t.conversation_shares)
                .where(t.conversation_shares.c.agent_id == me.agent_id)
            ).scalar_one()
            articles = conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one()
        counts = store.counts()
        assert team_conversations <= counts["conversation"] <= team_conversations + shared
        assert counts["article"] == articles and counts["customer"] > 100 and counts["order"] > 500
    finally:
        await transport.aclose()
        server.stop()
        db.dispose()
    # the server is gone: every query answers from the cache
    mine = queries.queue_ids(store, QueueView.MINE, me)
    assert mine
    first = queries.conversation(store, mine[0])
    assert first is not None and first["messages"]
    profile = queries.customer_360(store, first["customer_id"])
    assert profile is not None and profile["identities"]
    assert queries.queue_counts(store, me, list(QueueView))[QueueView.TEAM] >= len(mine)
    store.close()
