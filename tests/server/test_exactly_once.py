"""Exactly-once mutations and a change feed that never skips a row, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import sqlalchemy as sa

from agent_desk.core.ids import new_id
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Scope
from tests.server.conftest import Running


def _messages_with_id(running: Running, message_id: str) -> int:
    with running.db.read() as conn:
        return conn.execute(
            sa.select(sa.func.count()).select_from(t.messages).where(t.messages.c.id == message_id)
        ).scalar_one()


def _strip_replayed(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "replayed"}


def test_same_mutation_100_times_in_a_row_applies_once(running: Running) -> None:
    alice = running.client("alice")
    mid = new_id()
    args = {
        "conversation_id": running.world.conversations["a_open"],
        "message_id": mid,
        "body": "once",
    }
    results = [running.mutate(alice, "message.send", args, mutation_id=mid) for _ in range(100)]
    assert results[0]["status"] == "applied" and results[0]["replayed"] is False
    assert all(r["replayed"] for r in results[1:])
    assert all(_strip_replayed(r) == _strip_replayed(results[0]) for r in results)
    assert _messages_with_id(running, mid) == 1
    with running.db.read() as conn:
        count = conn.execute(
            sa.select(t.conversations.c.message_count).where(
                t.conversations.c.id == running.world.conversations["a_open"]
            )
        ).scalar_one()
    assert count == 2


def test_same_mutation_20_times_concurrently_applies_once(running: Running) -> None:
    mid = new_id()
    args = {
        "conversation_id": running.world.conversations["a_open"],
        "message_id": mid,
        "body": "race",
    }
    token = running.client("alice").headers["Authorization"]  # one sign-in, 20 connections
    clients = [running.client() for _ in range(20)]
    for client in clients:
        client.headers["Authorization"] = token
    barrier = threading.Barrier(20)

    def send(i: int) -> dict:
        barrier.wait()
        return running.mutate(clients[i], "message.send", args, mutation_id=mid)

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(send, range(20)))
    assert sum(not r["replayed"] for r in results) == 1
    assert all(r["status"] == "applied" for r in results)
    assert len({json.dumps(_strip_replayed(r), sort_keys=True) for r in results}) == 1
    assert _messages_with_id(running, mid) == 1


def test_same_id_with_different_arguments_is_refused(running: Running) -> None:
    alice = running.client("alice")
    mid = new_id()
    conv = running.world.conversations["a_open"]
    first = running.mutate(
        alice,
        "message.send",
        {"conversation_id": conv, "message_id": mid, "body": "a"},
        mutation_id=mid,
    )
    second = running.mutate(
        alice,
        "message.send",
        {"conversation_id": conv, "message_id": mid, "body": "b"},
        mutation_id=mid,
    )
    assert first["status"] == "applied"
    assert second["status"] == "rejected" and second["error"]["code"] == "mutation_id_reused"
    # another agent reusing someone's (client_id, id) learns nothing about it
    other = running.mutate(
        running.client("anna"),
        "message.send",
        {"conversation_id": conv, "message_id": mid, "body": "a"},
        mutation_id=mid,
    )
    assert other["status"] == "rejected" and other["error"]["code"] == "mutation_id_reused"


def _incremental_reader(
    running: Running, stop: threading.Event, seen: set[str], cursor: list[str]
) -> None:
    client = running.client("sam")
    while True:
        done = stop.is_set()
        while True:
            params = {"limit": 50} | ({"after": cursor[0]} if cursor else {})
            page = client.get("/changes", params=params).json()
            seen.update(c["id"] for c in page["changes"] if c["entity"] == "message")
            cursor[:] = [page["cursor"]]
            if not page["has_more"]:
                break
        if done:
            return
        time.sleep(0.002)


def test_out_of_order_commits_lose_nothing(running: Running) -> None:
    """A transaction that numbered its change first but commits last is not skipped."""
    sam = running.client("sam")
    seen: set[str] = set()
    cursor: list[str] = []
    page = sam.get("/changes").json()
    while page["has_more"]:
        page = sam.get("/changes", params={"after": page["cursor"]}).json()
    cursor.append(page["cursor"])

    token = running.client("anna").headers["Authorization"]  # sign in before the race
    fast_clients = [running.client() for _ in range(5)]
    for client in fast_clients:
        client.headers["Authorization"] = token
    slow_id = new_id()
    slow_started = threading.Event()
    release = threading.Event()

    def slow_writer() -> None:
        # numbers its change row now, commits only when released
        with running.db.write() as tx:
            conv = running.world.conversations["a_open"]
            tx.conn.execute(
                sa.insert(t.messages).values(
                    id=slow_id,
                    conversation_id=conv,
                    seq=1000,
                    kind="note",
                    author_agent_id=None,
                    author_customer_id=None,
                    body="slow",
                    attachments=[],
                    created_at=datetime.now(UTC),
                )
            )
            tx.changed("message", slow_id, Scope(conversation_id=conv))
            tx.flush_changes()
            slow_started.set()
            release.wait(20)

    slow = threading.Thread(target=slow_writer)
    slow.start()
    assert slow_started.wait(10)

    fast_ids = [new_id() for _ in range(5)]
    stop = threading.Event()
    reader = threading.Thread(target=_incremental_reader, args=(running, stop, seen, cursor))
    reader.start()

    def fast(n: int, mid: str) -> dict:
        return running.mutate(
            fast_clients[n],
            "note.add",
            {
                "conversation_id": running.world.conversations["a_unassigned"],
                "message_id": mid,
                "body": "fast",
            },
            client_id=mid,
        )

    with ThreadPoolExecutor(5) as pool:
        futures = [pool.submit(fast, n, mid) for n, mid in enumerate(fast_ids)]
        time.sleep(1.0)  # the fast writers are in flight while the slow one holds its number
        release.set()
        results = [f.result(30) for f in futures]
    slow.join(20)
    assert all(r["status"] == "applied" for r in results)
    time.sleep(0.2)
    stop.set()
    reader.join(20)
    assert slow_id in seen, "the slow transaction's change was skipped by the cursor"
    assert set(fast_ids) <= seen


def test_concurrent_writers_and_a_reader_see_every_row(running: Running) -> None:
    stop = threading.Event()
    seen: set[str] = set()
    cursor: list[str] = []
    reader = threading.Thread(target=_incremental_reader, args=(running, stop, seen, cursor))
    reader.start()
    conv_ids = [running.world.conversations[k] for k in ("a_open", "a_unassigned", "a_shared")]
    written: list[str] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        client = running.client("sam")
        for i in range(20):
            mid = new_id()
            result = running.mutate(
                client,
                "note.add",
                {"conversation_id": conv_ids[(n + i) % 3], "message_id": mid, "body": f"{n}/{i}"},
                client_id=f"w{n}",
            )
            assert result["status"] == "applied"
            with lock:
                written.append(mid)

    with ThreadPoolExecutor(6) as pool:
        list(pool.map(writer, range(6)))
    stop.set()
    reader.join(30)
    assert len(written) == 120
    missing = set(written) - seen
    assert not missing, f"{len(missing)} rows skipped by the incremental reader"
