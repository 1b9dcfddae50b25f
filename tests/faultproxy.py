"""A fault-injecting TCP proxy on loopback, for tests that break the network on purpose.

``FaultProxy`` sits between a real client and the real server and forwards bytes both ways on
its own thread and asyncio event loop. Tests switch faults on and off from their own thread:

* ``set_down(True)`` — the server becomes unreachable: the proxy stops listening (new connections
  are refused) and resets every open connection; ``set_down(False)`` listens again on the same
  port.
* ``drop_response_after_request(predicate)`` — the next request whose head matches reaches the
  server, the proxy reads the server's complete response and throws it away, then closes the
  client's connection: "the server committed, the response was lost".
* ``cut_streams()`` — reset every connection that is carrying a ``text/event-stream`` response.
* ``cut_all()`` — reset every open connection (the proxy keeps listening).
* ``stall(seconds)`` — hold every forwarded byte for a while.

To find request and response boundaries on keep-alive connections the proxy follows HTTP/1.1
framing (``Content-Length``, chunked, close-delimited, bodiless responses to ``HEAD``/204/304,
interim 1xx responses); after a ``101 Switching Protocols`` it forwards bytes blindly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

log = logging.getLogger(__name__)

HeadPredicate = Callable[[bytes], bool]
_T = TypeVar("_T")

_READ_SIZE = 65536
_MAX_HEAD = 256 * 1024  # a head bigger than this is not HTTP we understand: forward blindly
_HEAD_END = b"\r\n\r\n"
_CRLF = b"\r\n"

# --- HTTP/1.1 framing -----------------------------------------------------------------------

Mode = Literal["none", "length", "chunked", "close", "raw"]


@dataclass
class Framing:
    """How the body after one message head is delimited, plus whatever the caller attaches."""

    mode: Mode
    length: int = 0
    tag: Any = None


Event = tuple[Literal["head", "body", "end"], bytes, Any]


def parse_head(head: bytes) -> tuple[bytes, dict[bytes, list[bytes]]]:
    """The start line and the headers (lower-cased names) of a message head."""
    lines = head.rstrip(b"\r\n").split(b"\r\n")
    headers: dict[bytes, list[bytes]] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(b":")
        if sep:
            headers.setdefault(name.strip().lower(), []).append(value.strip())
    return lines[0], headers


def body_framing(headers: dict[bytes, list[bytes]]) -> Framing | None:
    """Framing from ``Transfer-Encoding``/``Content-Length``; ``None`` when neither is present."""
    codings = b",".join(headers.get(b"transfer-encoding", []))
    if codings.strip():
        last = codings.split(b",")[-1].strip().lower()
        return Framing("chunked") if last == b"chunked" else Framing("close")
    lengths = {v.strip() for v in b",".join(headers.get(b"content-length", [])).split(b",")}
    lengths.discard(b"")
    if not lengths:
        return None
    if len(lengths) != 1 or not next(iter(lengths)).isdigit():
        return Framing("raw")  # malformed: stop parsing, just forward
    return Framing("length", int(next(iter(lengths))))


class HttpFramer:
    """Splits one direction of an HTTP/1.1 byte stream into messages, incrementally.

    ``decide(head)`` is called for each message head and returns its ``Framing``; the tag it
    carries comes back with every event of that message. ``feed`` returns events
    ``("head", bytes, tag)``, ``("body", bytes, tag)`` and ``("end", b"", tag)``; the bytes of all
    events, concatenated, are exactly the bytes fed.
    """

    def __init__(self, decide: Callable[[bytes], Framing]) -> None:
        self._decide = decide
        self._buf = bytearray()
        self._state: Literal["head", "length", "size", "data", "trailer", "close", "raw"] = "head"
        self._remaining = 0
        self._tag: Any = None

    @property
    def between_messages(self) -> bool:
        return self._state == "head" and not self._buf

    def go_raw(self) -> None:
        """Stop parsing (e.g. after a protocol switch): everything from now on is ``body``."""
        if self._state == "head":
            self._tag = None
        self._state = "raw"

    def feed(self, data: bytes) -> list[Event]:
        events: list[Event] = []
        self._buf += data
        while self._buf:
            state = self._state
            if state in ("raw", "close"):
                events.append(("body", bytes(self._buf), self._tag))
                self._buf.clear()
            elif state == "head":
                end = self._buf.find(_HEAD_END)
                if end < 0:
                    if len(self._buf) > _MAX_HEAD:
                        self.go_raw()
                        continue
                    break
                head = bytes(self._buf[: end + 4])
                del self._buf[: end + 4]
                framing = self._decide(head)
                self._tag = framing.tag
                events.append(("head", head, self._tag))
                self._begin_body(framing, events)
            elif state in ("length", "data"):
                take = bytes(self._buf[: self._remaining])
                del self._buf[: len(take)]
                self._remaining -= len(take)
                events.append(("body", take, self._tag))
                if self._remaining == 0:
                    if state == "length":
                        self._finish(events)
                    else:
                        self._state = "size"
            else:  # "size" or "trailer": a line at a time
                end = self._buf.find(_CRLF)
                if end < 0:
                    if len(self._buf) > _MAX_HEAD:
                        self.go_raw()
                        continue
                    break
                line = bytes(self._buf[: end + 2])
                del self._buf[: end + 2]
                events.append(("body", line, self._tag))
                if state == "trailer":
                    if line == _CRLF:
                        self._finish(events)
                    continue
                try:
                    size = int(line.split(b";", 1)[0].strip(), 16)
                except ValueError:
                    self.go_raw()
                    continue
                if size == 0:
                    self._state = "trailer"
                else:
                    self._state, self._remaining = "data", size + 2  # data and its CRLF
        return events

    def eof(self) -> list[Event]:
        """The stream ended: a close-delimited body is complete."""
        if self._state == "close":
            self._state = "head"
            return [("end", b"", self._tag)]
        return []

    def _begin_body(self, framing: Framing, events: list[Event]) -> None:
        if framing.mode == "none" or (framing.mode == "length" and framing.length == 0):
            self._finish(events)
        elif framing.mode == "length":
            self._state, self._remaining = "length", framing.length
        elif framing.mode == "chunked":
            self._state = "size"
        else:
            self._state = framing.mode

    def _finish(self, events: list[Event]) -> None:
        events.append(("end", b"", self._tag))
        self._state = "head"


# --- the proxy ------------------------------------------------------------------------------


@dataclass
class _Request:
    line: str
    method: bytes
    drop: bool


@dataclass(eq=False)
class _Rule:
    predicate: HeadPredicate
    remaining: int


def _set_reset_on_close(writer: asyncio.StreamWriter | None) -> None:
    if writer is None:
        return
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class _Conn:
    """One proxied connection: the client's side, and the server's once connected."""

    def __init__(self, proxy: FaultProxy, client: asyncio.StreamWriter) -> None:
        self.proxy = proxy
        self.client = client
        self.upstream: asyncio.StreamWriter | None = None
        self.task: asyncio.Task[None] | None = None
        self.pending: deque[_Request] = deque()
        self.streaming = False  # carrying a text/event-stream response right now
        self.aborted = False
        self.requests = HttpFramer(self._request_framing)
        self.responses = HttpFramer(self._response_framing)

    def abort(self) -> None:
        """Close both sides at once with a reset (SO_LINGER 0), dropping anything buffered."""
        self.aborted = True
        for writer in (self.client, self.upstream):
            if writer is not None and not writer.transport.is_closing():
                _set_reset_on_close(writer)
                writer.transport.abort()

    def _request_framing(self, head: bytes) -> Framing:
        start, headers = parse_head(head)
        line = start.decode("latin-1")
        method = start.split(b" ", 1)[0].upper()
        request = _Request(line, method, drop=self.proxy._should_drop(head, line))
        self.pending.append(request)
        framing = body_framing(headers) or Framing("none")
        if framing.mode == "close":  # a request body cannot be close-delimited
            framing = Framing("raw")
        framing.tag = request
        return framing

    def _response_framing(self, head: bytes) -> Framing:
        start, headers = parse_head(head)
        parts = start.split(b" ", 2)
        try:
            status = int(parts[1])
        except (IndexError, ValueError):
            return Framing("raw")
        if 100 <= status < 200 and status != 101:  # interim: the final response follows
            return Framing("none", tag=self.pending[0] if self.pending else None)
        request = self.pending.popleft() if self.pending else None
        method = request.method if request else b"GET"
        content_type = b",".join(headers.get(b"content-type", [])).lower()
        self.streaming = content_type.startswith(b"text/event-stream")
        if status == 101 or (method == b"CONNECT" and 200 <= status < 300):
            self.requests.go_raw()
            return Framing("raw", tag=request)
        if method == b"HEAD" or status in (204, 304):
            return Framing("none", tag=request)
        framing = body_framing(headers) or Framing("close")
        framing.tag = request
        return framing


class FaultProxy:
    """A loopback TCP proxy to ``upstream_host:upstream_port`` with switchable faults.

    Thread-safe: faults are switched from any thread but the proxy's own. ``start()`` binds a
    free port on 127.0.0.1; ``stop()`` resets every connection and joins the thread.
    """

    def __init__(self, upstream_host: str, upstream_port: int, *, connect_timeout: float = 10):
        self.upstream_host = upstream_host
        self.upstream_port = upstream_port
        self.connect_timeout = connect_timeout
        self.port = 0
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []
        self._stall_until = 0.0
        self._down: Literal["up", "refuse", "reset"] = "up"
        self._accepted = 0
        self._requests: list[str] = []
        self._dropped = 0
        # owned by the loop thread
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._conns: set[_Conn] = set()
        self._stopping: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # --- lifecycle --------------------------------------------------------------------------

    @property
    def url(self) -> str:
        if not self.port:
            raise RuntimeError("the proxy is not started")
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 10) -> FaultProxy:
        if self._thread is not None:
            raise RuntimeError("the proxy was already started")
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the proxy did not start in time")
        if self._error is not None:
            self._thread.join(timeout)
            raise RuntimeError("the proxy failed to start") from self._error
        return self

    def stop(self, timeout: float = 10) -> None:
        thread, loop, stopping = self._thread, self._loop, self._stopping
        if thread is None or not thread.is_alive():
            return
        if loop is not None and stopping is not None:
            with contextlib.suppress(RuntimeError):  # the loop has just finished by itself
                loop.call_soon_threadsafe(stopping.set)
        thread.join(timeout)
        if thread.is_alive():
            raise RuntimeError("the proxy thread did not stop")

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- faults -----------------------------------------------------------------------------

    def set_down(self, down: bool, *, mode: Literal["refuse", "reset"] = "refuse") -> None:
        """Make the server unreachable, or reachable again.

        Going down resets every open connection. ``mode="refuse"`` stops listening, so new
        connections are refused (the client sees a connect error); ``mode="reset"`` keeps
        accepting but resets each new connection at once.
        """
        self._call(self._set_down(down, mode))

    def drop_response_after_request(self, predicate: HeadPredicate, count: int = 1) -> None:
        """Lose the responses to the next ``count`` requests whose head matches ``predicate``.

        The predicate gets the request head as bytes (request line and headers, ending with a
        blank line), e.g. ``lambda head: head.startswith(b"POST /api/v1/mutations")``. A
        matching request is forwarded; the server's complete response is read and discarded,
        and then the client's connection is closed.
        """
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._rules.append(_Rule(predicate, count))

    def cut_streams(self) -> int:
        """Reset every connection carrying an SSE response; returns how many were cut."""
        return self._call(self._cut(lambda conn: conn.streaming))

    def cut_all(self) -> int:
        """Reset every open connection (new ones still work); returns how many were cut."""
        return self._call(self._cut(lambda conn: True))

    def stall(self, seconds: float) -> None:
        """Hold every forwarded byte until ``seconds`` from now (0 ends a stall at once)."""
        with self._lock:
            self._stall_until = time.monotonic() + max(0.0, seconds)

    def clear_faults(self) -> None:
        """Forget pending drops and stalls (does not bring the proxy back up)."""
        with self._lock:
            self._rules.clear()
            self._stall_until = 0.0

    # --- counters ---------------------------------------------------------------------------

    @property
    def connections_accepted(self) -> int:
        with self._lock:
            return self._accepted

    @property
    def requests_seen(self) -> list[str]:
        """Request lines in the order the proxy saw them, e.g. ``"GET /api/v1/me HTTP/1.1"``."""
        with self._lock:
            return list(self._requests)

    @property
    def responses_dropped(self) -> int:
        with self._lock:
            return self._dropped

    @property
    def open_connections(self) -> int:
        """Connections being proxied right now."""
        return self._call(self._count(lambda conn: True))

    @property
    def open_streams(self) -> int:
        """Connections carrying an SSE response right now."""
        return self._call(self._count(lambda conn: conn.streaming))

    @property
    def is_down(self) -> bool:
        return self._down != "up"

    # --- internals --------------------------------------------------------------------------

    def _call(self, coro: Coroutine[Any, Any, _T], timeout: float = 10) -> _T:
        loop = self._loop
        if loop is None or self._thread is None or not self._thread.is_alive():
            coro.close()
            raise RuntimeError("the proxy is not running")
        if threading.current_thread() is self._thread:
            coro.close()
            raise RuntimeError("call the proxy's controls from another thread")
        return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout)

    def _should_drop(self, head: bytes, line: str) -> bool:
        with self._lock:
            self._requests.append(line)
            rules = list(self._rules)
        for rule in rules:  # predicates run outside the lock: they may call back
            try:
                matched = rule.predicate(head)
            except Exception:
                log.exception("fault proxy: drop predicate failed on %r", line)
                continue
            if matched:
                with self._lock:
                    if rule not in self._rules:  # used up or cleared meanwhile
                        continue
                    rule.remaining -= 1
                    if rule.remaining <= 0:
                        self._rules.remove(rule)
                return True
        return False

    async def _stalled(self, conn: _Conn) -> None:
        while not conn.aborted:
            with self._lock:
                delay = self._stall_until - time.monotonic()
            if delay <= 0:
                return
            await asyncio.sleep(min(delay, 0.05))

    async def _send(self, conn: _Conn, writer: asyncio.StreamWriter, data: bytes) -> bool:
        """Forward ``data`` after any stall; False once this side cannot take more."""
        await self._stalled(conn)
        if conn.aborted or writer.transport.is_closing():
            return False
        writer.write(data)
        await writer.drain()
        return True

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:
            self._error = exc
            log.debug("fault proxy loop ended with an error", exc_info=True)
        finally:
            self._ready.set()

    async def _main(self) -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(self._loop_exception)
        self._stopping = asyncio.Event()
        await self._listen()
        self._loop = loop
        self._ready.set()
        try:
            await self._stopping.wait()
        finally:
            await self._close_server()
            await self._cut(lambda conn: True)

    @staticmethod
    def _loop_exception(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, ConnectionError | TimeoutError):
            log.debug("fault proxy: %s", context.get("message"), exc_info=exc)
        else:
            loop.default_exception_handler(context)

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(
            self._serve, "127.0.0.1", self.port, reuse_address=True, backlog=512
        )
        if not self.port:
            self.port = self._server.sockets[0].getsockname()[1]

    async def _close_server(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
            await server.wait_closed()

    async def _set_down(self, down: bool, mode: Literal["refuse", "reset"]) -> None:
        if down:
            self._down = mode
            if mode == "refuse":
                await self._close_server()
            await self._cut(lambda conn: True)
        else:
            self._down = "up"
            if self._server is None:
                await self._listen()

    async def _count(self, which: Callable[[_Conn], bool]) -> int:
        return sum(1 for conn in self._conns if which(conn))

    async def _cut(self, which: Callable[[_Conn], bool]) -> int:
        chosen = [conn for conn in list(self._conns) if which(conn)]
        for conn in chosen:
            conn.abort()
        tasks = [conn.task for conn in chosen if conn.task is not None]
        if tasks:  # wait until the sockets are really closed
            await asyncio.wait(tasks, timeout=5)
        return len(chosen)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = _Conn(self, writer)
        conn.task = asyncio.current_task()
        self._conns.add(conn)
        with self._lock:
            self._accepted += 1
        pumps: list[asyncio.Task[None]] = []
        try:
            if self._down != "up":
                conn.abort()
                return
            try:
                up_reader, conn.upstream = await asyncio.wait_for(
                    asyncio.open_connection(self.upstream_host, self.upstream_port),
                    self.connect_timeout,
                )
            except (OSError, TimeoutError) as exc:
                log.debug("fault proxy: cannot reach the server: %r", exc)
                conn.abort()
                return
            if conn.aborted:  # cut while connecting
                conn.abort()
                return
            pumps = [
                asyncio.create_task(self._pump_requests(conn, reader)),
                asyncio.create_task(self._pump_responses(conn, up_reader)),
            ]
            await asyncio.wait(pumps, return_when=asyncio.FIRST_COMPLETED)
        except Exception:
            log.exception("fault proxy: connection handler failed")
            conn.abort()
        finally:
            for pump in pumps:
                pump.cancel()
            if pumps:
                await asyncio.gather(*pumps, return_exceptions=True)
            for side in (conn.client, conn.upstream):
                if side is not None:
                    side.close()
                    with contextlib.suppress(Exception):
                        await side.wait_closed()
            self._conns.discard(conn)

    async def _pump_requests(self, conn: _Conn, reader: asyncio.StreamReader) -> None:
        upstream = conn.upstream
        assert upstream is not None
        try:
            while data := await reader.read(_READ_SIZE):
                conn.requests.feed(data)  # for the request lines and drop marks
                if not await self._send(conn, upstream, data):
                    return
        except (OSError, ConnectionError) as exc:
            log.debug("fault proxy: client side ended: %r", exc)

    async def _pump_responses(self, conn: _Conn, reader: asyncio.StreamReader) -> None:
        client = conn.client
        try:
            while True:
                data = await reader.read(_READ_SIZE)
                events = conn.responses.feed(data) if data else conn.responses.eof()
                out = bytearray()
                lost = False
                for kind, payload, request in events:
                    if kind == "end":
                        conn.streaming = False
                    if request is not None and request.drop:
                        lost = lost or kind == "end"
                    else:
                        out += payload
                if out and not await self._send(conn, client, bytes(out)):
                    return
                if lost:  # the whole response was read and thrown away: close on the client
                    with self._lock:
                        self._dropped += 1
                    conn.abort()
                    return
                if not data:
                    return
        except (OSError, ConnectionError) as exc:
            log.debug("fault proxy: server side ended: %r", exc)
