"""The fault-injecting proxy, between a real httpx client and the real server on loopback."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import sqlalchemy as sa
from httpx_sse import connect_sse

from agent_desk.core.ids import new_id
from agent_desk.server.storage import schema as t
from tests.faultproxy import FaultProxy, Framing, HttpFramer, body_framing, parse_head
from tests.server.conftest import Running, start_server
from tests.server.world import PASSWORD

# --- framing, without a network -------------------------------------------------------------


def _request_framer() -> HttpFramer:
    def decide(head: bytes) -> Framing:
        start, headers = parse_head(head)
        framing = body_framing(headers) or Framing("none")
        framing.tag = start.decode()
        return framing

    return HttpFramer(decide)


def _messages(stream: bytes, step: int) -> list[tuple[str, bytes]]:
    """Feed ``stream`` ``step`` bytes at a time; the (request line, bytes) of each message."""
    framer = _request_framer()
    out: list[tuple[str, bytes]] = []
    current = bytearray()
    for i in range(0, len(stream), step):
        for kind, payload, tag in framer.feed(stream[i : i + step]):
            current += payload
            if kind == "end":
                out.append((tag, bytes(current)))
                current.clear()
    assert not current and framer.between_messages
    return out


def test_framer_finds_message_boundaries_whatever_the_reads() -> None:
    plain = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
    sized = b"POST /b HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
    chunked = (
        b"POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5;ext=1\r\nhello\r\n1a\r\n" + b"z" * 26 + b"\r\n0\r\nX-Trailer: 1\r\n\r\n"
    )
    empty = b"POST /d HTTP/1.1\r\ncontent-length: 0\r\n\r\n"
    stream = plain + sized + chunked + empty + plain
    expected = [
        ("GET /a HTTP/1.1", plain),
        ("POST /b HTTP/1.1", sized),
        ("POST /c HTTP/1.1", chunked),
        ("POST /d HTTP/1.1", empty),
        ("GET /a HTTP/1.1", plain),
    ]
    for step in (1, 2, 3, 7, 64, len(stream)):
        assert _messages(stream, step) == expected, step


def test_framer_close_delimited_and_raw() -> None:
    framer = HttpFramer(lambda head: Framing("close", tag="r"))
    events = framer.feed(b"HTTP/1.0 200 OK\r\n\r\nsome") + framer.feed(b" body")
    assert b"".join(p for _, p, _ in events) == b"HTTP/1.0 200 OK\r\n\r\nsome body"
    assert all(kind != "end" for kind, _, _ in events)
    assert framer.eof() == [("end", b"", "r")]
    bad = HttpFramer(lambda head: Framing("chunked"))
    events = bad.feed(b"HTTP/1.1 200 OK\r\n\r\nnot-hex\r\nrest")
    assert b"".join(p for _, p, _ in events) == b"HTTP/1.1 200 OK\r\n\r\nnot-hex\r\nrest"


# --- against the real server ----------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """One real server for the module: every test works on its own connections and rows."""
    running = start_server(f"sqlite:///{tmp_path_factory.mktemp('faultproxy') / 's.db'}")
    try:
        yield running
    finally:
        running.close()


@pytest.fixture
def proxy(server: Running) -> Iterator[FaultProxy]:
    upstream = urlsplit(server.url)
    assert upstream.hostname and upstream.port
    before = set(threading.enumerate())
    with FaultProxy(upstream.hostname, upstream.port) as fault_proxy:
        yield fault_proxy
    leaked = [th for th in set(threading.enumerate()) - before if th.name == "fault-proxy"]
    assert not leaked, leaked


@contextmanager
def _client(proxy: FaultProxy, username: str | None = None) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=proxy.url + "/api/v1", timeout=10) as client:
        if username is not None:
            reply = client.post("/auth/login", json={"username": username, "password": PASSWORD})
            reply.raise_for_status()
            client.headers["Authorization"] = f"Bearer {reply.json()['token']}"
        yield client


def _note(
    client: httpx.Client, conversation_id: str, note_id: str, mutation_id: str
) -> dict[str, Any]:
    reply = client.post(
        "/mutations",
        json={
            "client_id": "proxy-test-client",
            "mutations": [
                {
                    "id": mutation_id,
                    "name": "note.add",
                    "args": {
                        "conversation_id": conversation_id,
                        "message_id": note_id,
                        "body": "written while the network flaps",
                    },
                }
            ],
        },
    )
    reply.raise_for_status()
    result: dict[str, Any] = reply.json()["results"][0]
    return result


def test_forwards_login_and_pull_on_one_connection(proxy: FaultProxy) -> None:
    with _client(proxy, "alice") as alice:
        first = alice.get("/changes", params={"limit": 1000})
        assert first.status_code == 200 and first.json()["changes"]
        again = alice.get("/changes", params={"after": first.json()["cursor"]})
        assert again.json()["changes"] == []
        assert alice.get("/me").json()["username"] == "alice"
    assert proxy.connections_accepted == 1  # keep-alive across requests
    lines = proxy.requests_seen
    assert lines[0] == "POST /api/v1/auth/login HTTP/1.1"
    assert lines[1] == "GET /api/v1/changes?limit=1000 HTTP/1.1"
    assert lines[3] == "GET /api/v1/me HTTP/1.1" and len(lines) == 4
    assert proxy.responses_dropped == 0


def test_response_lost_after_commit_then_replayed(server: Running, proxy: FaultProxy) -> None:
    conversation = server.world.conversations["a_open"]
    note_id, mutation_id = new_id(), new_id()
    with _client(proxy, "alice") as alice:
        assert alice.get("/me").status_code == 200
        proxy.drop_response_after_request(lambda head: head.startswith(b"POST /api/v1/mutations"))
        with pytest.raises(httpx.TransportError):
            _note(alice, conversation, note_id, mutation_id)
        assert proxy.responses_dropped == 1
        with server.db.read() as conn:
            rows = conn.execute(
                sa.select(t.messages.c.kind, t.messages.c.body).where(t.messages.c.id == note_id)
            ).all()
        assert [tuple(r) for r in rows] == [("note", "written while the network flaps")]
        # one-shot: the retry (same client id, same mutation id) gets its answer
        retry = _note(alice, conversation, note_id, mutation_id)
        assert retry["status"] == "applied" and retry["replayed"] is True
    with server.db.read() as conn:
        count = conn.execute(
            sa.select(sa.func.count()).select_from(t.messages).where(t.messages.c.id == note_id)
        ).scalar_one()
    assert count == 1
    assert proxy.responses_dropped == 1
    assert proxy.requests_seen.count("POST /api/v1/mutations HTTP/1.1") == 2


def test_drop_with_a_count_spares_other_requests(proxy: FaultProxy) -> None:
    with _client(proxy, "alice") as alice:
        proxy.drop_response_after_request(lambda head: b"GET /api/v1/me " in head, count=2)
        assert alice.get("/changes", params={"limit": 1}).status_code == 200
        for _ in range(2):
            with pytest.raises(httpx.TransportError):
                alice.get("/me")
        assert alice.get("/me").status_code == 200
    assert proxy.responses_dropped == 2


def test_down_refuses_then_up_works(proxy: FaultProxy) -> None:
    with _client(proxy, "alice") as alice:
        assert alice.get("/me").status_code == 200
        proxy.set_down(True)
        assert proxy.is_down
        with pytest.raises(httpx.ConnectError):
            alice.get("/me")
        proxy.set_down(False)
        assert alice.get("/me").status_code == 200
        proxy.set_down(True, mode="reset")
        with pytest.raises(httpx.TransportError):
            alice.get("/me")
        proxy.set_down(False)
        assert alice.get("/me").status_code == 200
        assert proxy.open_connections == 1
    deadline = time.monotonic() + 5
    while proxy.open_connections and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proxy.open_connections == 0  # the client's close reached the proxy


def test_cut_streams_ends_sse_only(proxy: FaultProxy) -> None:
    with _client(proxy, "alice") as alice, _client(proxy, "alice") as listener:
        _cut_one_stream(proxy, alice, listener)


def _cut_one_stream(proxy: FaultProxy, alice: httpx.Client, listener: httpx.Client) -> None:
    events: list[str] = []
    errors: list[BaseException] = []
    poked = threading.Event()

    def listen() -> None:
        try:
            with connect_sse(listener, "GET", "/events", timeout=10) as source:
                for sse in source.iter_sse():
                    events.append(sse.event)
                    poked.set()
        except Exception as exc:
            errors.append(exc)

    reader = threading.Thread(target=listen, daemon=True)
    reader.start()
    assert poked.wait(5), "no first poke through the proxy"
    assert events[0] == "poke"
    assert alice.get("/me").status_code == 200
    accepted = proxy.connections_accepted
    assert proxy.open_streams == 1
    assert proxy.cut_streams() == 1
    reader.join(5)
    assert not reader.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], httpx.TransportError), errors
    # the plain connection was left alone, and a new stream works
    assert alice.get("/me").status_code == 200
    assert proxy.connections_accepted == accepted
    with connect_sse(listener, "GET", "/events", timeout=10) as source:
        assert next(source.iter_sse()).event == "poke"
    assert proxy.connections_accepted == accepted + 1


def test_stall_holds_bytes(proxy: FaultProxy) -> None:
    with _client(proxy, "alice") as alice:
        proxy.stall(0.4)
        started = time.monotonic()
        assert alice.get("/me").status_code == 200
        assert time.monotonic() - started >= 0.35
        started = time.monotonic()
        assert alice.get("/me").status_code == 200
        assert time.monotonic() - started < 0.3


def test_cut_ends_a_stalled_connection_at_once(proxy: FaultProxy) -> None:
    errors: list[BaseException] = []
    with _client(proxy, "alice") as alice:
        seen = len(proxy.requests_seen)
        proxy.stall(30)

        def fetch() -> None:
            try:
                alice.get("/me")
            except httpx.TransportError as exc:
                errors.append(exc)

        fetcher = threading.Thread(target=fetch, daemon=True)
        fetcher.start()
        deadline = time.monotonic() + 5
        while len(proxy.requests_seen) == seen and time.monotonic() < deadline:
            time.sleep(0.01)
        started = time.monotonic()
        assert proxy.cut_all() == 1
        fetcher.join(5)
        assert time.monotonic() - started < 1
        assert len(errors) == 1
        proxy.clear_faults()
        assert alice.get("/me").status_code == 200


def test_stop_is_clean_with_open_connections(server: Running) -> None:
    upstream = urlsplit(server.url)
    assert upstream.hostname and upstream.port
    proxy = FaultProxy(upstream.hostname, upstream.port).start()
    with _client(proxy, "alice") as client:
        assert client.get("/me").status_code == 200
        proxy.stop()
        assert not any(th.name == "fault-proxy" for th in threading.enumerate())
        with pytest.raises(httpx.TransportError):
            client.get("/me")
        proxy.stop()  # idempotent
