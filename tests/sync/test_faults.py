"""Network faults between the client core and the real server, injected by a loopback proxy."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_desk.sync.transport import Unreachable
from tests.faultproxy import FaultProxy
from tests.sync.conftest import Backend, Client, make_client

pytestmark = pytest.mark.asyncio


@pytest.fixture
def proxy(backend: Backend) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", backend.port) as p:
        yield p


async def test_response_lost_after_commit_is_retried_and_applied_once(
    backend: Backend, proxy: FaultProxy, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await make_client(backend, "alice", tmp_path / "alice.db", base_url=proxy.url)
    clients.append(alice)
    await alice.engine.sync_once()
    message_id, _ = alice.desk.send_reply(backend.world.conversations["a_open"], "did it arrive?")
    proxy.drop_response_after_request(lambda head: head.startswith(b"POST /api/v1/mutations"))
    with pytest.raises(Unreachable):
        await alice.engine.sync_once()
    assert backend.message_count(message_id) == 1  # the server committed it
    assert alice.store.outbox_size() == 1  # the client could not know
    assert alice.store.row("SELECT delivery FROM messages WHERE id = ?", (message_id,)) == {
        "delivery": "queued"
    }
    await alice.engine.sync_once()
    assert backend.message_count(message_id) == 1  # the retry was replayed, not applied again
    assert alice.store.outbox_size() == 0
    assert alice.store.row("SELECT delivery FROM messages WHERE id = ?", (message_id,)) == {
        "delivery": "sent"
    }
    assert alice.desk.rejections() == []


async def test_cut_event_stream_is_noticed_and_the_client_catches_up(
    backend: Backend, proxy: FaultProxy, tmp_path: Path, clients: list[Client]
) -> None:
    sam = await make_client(backend, "sam", tmp_path / "sam.db", base_url=proxy.url)
    alice = await make_client(backend, "alice", tmp_path / "alice.db")
    clients.extend([sam, alice])
    await alice.engine.sync_once()
    runner = asyncio.create_task(sam.engine.run())
    try:
        await _until(lambda: sam.engine.status.state.value == "online", 5)
        await asyncio.sleep(0.3)
        assert proxy.cut_streams() >= 1
        proxy.set_down(True)  # and the server stays unreachable for a moment
        message_id, _ = alice.desk.send_reply(
            backend.world.conversations["a_open"], "while you were away"
        )
        await alice.engine.sync_once()
        await asyncio.sleep(0.5)
        assert sam.store.row("SELECT 1 AS x FROM messages WHERE id = ?", (message_id,)) is None
        proxy.set_down(False)
        started = time.monotonic()
        await _until(
            lambda: (
                sam.store.row("SELECT 1 AS x FROM messages WHERE id = ?", (message_id,)) is not None
            ),
            10,
        )
        assert time.monotonic() - started < 10
        # and the stream is back: a later change arrives through a poke
        second, _ = alice.desk.send_reply(backend.world.conversations["a_open"], "and again")
        await alice.engine.sync_once()
        await _until(
            lambda: (
                sam.store.row("SELECT 1 AS x FROM messages WHERE id = ?", (second,)) is not None
            ),
            5,
        )
    finally:
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)


async def test_silent_stream_is_noticed_by_the_heartbeat_timeout(
    backend: Backend, proxy: FaultProxy, tmp_path: Path, clients: list[Client]
) -> None:
    sam = await make_client(backend, "sam", tmp_path / "sam.db", base_url=proxy.url)
    clients.append(sam)
    runner = asyncio.create_task(sam.engine.run())
    try:
        await _until(lambda: sam.engine.status.state.value == "online", 5)
        before = proxy.connections_accepted
        proxy.stall(
            4.5
        )  # longer than the client's 3 s heartbeat timeout; the server beats every 1 s
        await _until(lambda: proxy.connections_accepted > before, 10)
    finally:
        proxy.stall(0)
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)


async def _until(condition, limit: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)
