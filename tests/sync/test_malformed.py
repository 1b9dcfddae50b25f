"""Broken replies (from a misbehaving server or a proxy in between) never corrupt the cache.

A real HTTP server on loopback plays the broken server; the client core is real.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from agent_desk.core.enums import Role
from agent_desk.core.ids import new_id
from agent_desk.services.desk import DeskService
from agent_desk.store.local import Me
from agent_desk.store.store import Store
from agent_desk.sync.engine import SyncEngine
from agent_desk.sync.transport import BadReply, SchemaMismatch, ServerFailed, SyncError, Transport

pytestmark = pytest.mark.asyncio

GOOD_PAGE = (
    b'{"changes": [{"entity": "team", "id": "t1", "op": "upsert", "data": {"id": "t1", "name": "A"}}],'
    b' "cursor": "abc-1", "has_more": false}'
)
REPLIES: dict[str, tuple[int, str, bytes]] = {
    "truncated": (200, "application/json", GOOD_PAGE[:40]),
    "wrong_types": (
        200,
        "application/json",
        b'{"changes": "lots", "cursor": 5, "has_more": "maybe"}',
    ),
    "html_error": (502, "text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
    "server_error": (
        500,
        "application/json",
        b'{"error": {"code": "internal", "message": "boom"}}',
    ),
    "huge": (200, "application/json", b'{"changes": [' + b" " * (50 * 1024 * 1024) + b"]}"),
    "html_ok": (200, "text/html", b"<html>captive portal login</html>"),
}


class _Broken(BaseHTTPRequestHandler):
    mode = "truncated"

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _reply(self) -> None:
        status, ctype, body = REPLIES[type(self).mode]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._reply()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        self._reply()


@pytest.fixture
def broken_server() -> Iterator[tuple[str, type[_Broken]]]:
    handler = type("Handler", (_Broken,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


def _cache_a_conversation(store: Store, me: Me, *, team: str | None = None) -> None:
    """Something already cached: one conversation assigned to me (and a team, if asked)."""
    with store.transaction() as tx:
        if team is not None:
            tx.write("team", {"id": team, "name": "Existing"})
        tx.write(
            "conversation",
            {
                "id": "c1",
                "customer_id": "x",
                "channel": "chat",
                "subject": "s",
                "status": "open",
                "priority": "normal",
                "assignee_id": me.agent_id,
                "team_id": "team-a",
                "message_count": 0,
                "last_message_preview": "",
            },
        )
        tx.set_state("cursor", "abc-0")


def _snapshot(store: Store) -> tuple[dict[str, int], str | None, list[str]]:
    outbox = [r["mutation_id"] for r in store.rows("SELECT mutation_id FROM outbox ORDER BY seq")]
    return store.counts(), store.state("cursor"), outbox


@pytest.mark.parametrize("path", ["push", "pull"])
@pytest.mark.parametrize("mode", list(REPLIES))
async def test_bad_reply_is_a_clear_error_and_changes_nothing(
    mode: str, path: str, broken_server, tmp_path: Path
) -> None:
    url, handler = broken_server
    handler.mode = mode
    store = Store(tmp_path / "cache.db")
    me = Me(new_id(), "team-a")
    _cache_a_conversation(store, me, team="t0")
    desk = DeskService(store, me, Role.AGENT)
    if path == "push":
        desk.send_reply("c1", "still here")
    before = _snapshot(store)
    transport = Transport(url, token="t", timeout=10)
    engine = SyncEngine(store, transport, me)
    try:
        with pytest.raises(SyncError) as caught:
            await engine.sync_once()
        assert caught.value.transient  # retried later, nothing dropped
        assert isinstance(caught.value, (BadReply, ServerFailed))
        assert caught.value.message and "Traceback" not in caught.value.message
        assert _snapshot(store) == before
        if path == "push":
            delivery = store.row("SELECT delivery FROM messages WHERE conversation_id = 'c1'")
            assert delivery == {"delivery": "queued"}
    finally:
        await transport.aclose()
        store.close()


async def test_schema_mismatch_stops_syncing_and_keeps_the_outbox(
    broken_server, tmp_path: Path
) -> None:
    url, handler = broken_server
    REPLIES["schema"] = (
        409,
        "application/json",
        b'{"error": {"code": "schema_mismatch", "message": "server speaks 2"}}',
    )
    handler.mode = "schema"
    store = Store(tmp_path / "cache.db")
    me = Me(new_id(), "team-a")
    _cache_a_conversation(store, me)
    DeskService(store, me, Role.AGENT).send_reply("c1", "kept")
    transport = Transport(url, token="t", timeout=10)
    engine = SyncEngine(store, transport, me)
    try:
        with pytest.raises(SchemaMismatch):
            await engine.sync_once()
        assert store.outbox_size() == 1
    finally:
        del REPLIES["schema"]
        await transport.aclose()
        store.close()
