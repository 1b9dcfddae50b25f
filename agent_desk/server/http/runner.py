"""Running the server: in the foreground (CLI) or on a background thread (embedded demo, tests)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
from collections.abc import Callable, Coroutine
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from agent_desk.server.config import ServerSettings
from agent_desk.server.http.app import create_app
from agent_desk.server.resolution.commerce import Commerce
from agent_desk.server.storage.db import Database

log = logging.getLogger(__name__)


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind now (port 0 picks a free one), so the port is known before the server starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets that say TCP,
    # and without it every response waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.setblocking(False)
    return sock


class GuardedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for the request headers: a connection that
    sends nothing, or dribbles its headers (slowloris), is closed after ``header_timeout_s``
    instead of holding a socket forever. (uvicorn's keep-alive timeout stops at the first byte.)"""

    header_timeout_s = 10.0
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._headers_overdue)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_overdue(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the headers are in
            self._disarm_header_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._arm_header_timer()  # the next request on this connection gets a deadline too

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)


def guarded_protocol(header_timeout_s: float) -> type[GuardedH11Protocol]:
    return type("GuardedH11", (GuardedH11Protocol,), {"header_timeout_s": header_timeout_s})


class ServerThread:
    """The API served by uvicorn on its own thread and event loop.

    ``background`` coroutines (the demo's customer simulator) run on the same loop and are
    cancelled at stop.
    """

    def __init__(
        self,
        settings: ServerSettings,
        *,
        db: Database | None = None,
        commerce: Commerce | None = None,
        background: list[Callable[[str, asyncio.Event], Coroutine[Any, Any, None]]] | None = None,
        on_stopped: Callable[[], None] | None = None,
    ) -> None:
        self.settings = settings
        self.app = create_app(settings, db, commerce=commerce)
        self._on_stopped = on_stopped
        self.sock = bind_socket(settings.host, settings.port)
        self.port: int = self.sock.getsockname()[1]
        host = settings.host if ":" not in settings.host else f"[{settings.host}]"
        self.url = f"http://{host}:{self.port}"
        self._config = uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=3,
            http=guarded_protocol(settings.header_timeout_s),
            timeout_keep_alive=max(1, round(settings.keep_alive_s)),
        )
        self._server = uvicorn.Server(self._config)
        self._background = background or []
        self._thread = threading.Thread(target=self._run, name="agent-desk-server", daemon=True)
        self._stop_event: asyncio.Event | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self.error: BaseException | None = None

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to the starter
            self.error = exc
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop_event = asyncio.Event()
        serve = asyncio.create_task(self._server.serve(sockets=[self.sock]))
        while not self._server.started and not serve.done():  # noqa: ASYNC110 - uvicorn has no event
            await asyncio.sleep(0.01)
        if serve.done():
            serve.result()
            raise RuntimeError("the server did not start")
        self._tasks = [
            asyncio.create_task(job(self.url, self._stop_event)) for job in self._background
        ]
        self._ready.set()
        await serve
        await self._stop_background()

    async def _stop_background(self) -> None:
        """The simulator stops before the server does (else its last post meets a closed port)."""
        if self._stop_event is not None:
            self._stop_event.set()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def start(self, timeout: float = 30) -> ServerThread:
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the server did not start in time")
        if self.error is not None:
            raise RuntimeError("the server failed to start") from self.error
        return self

    def stop(self, timeout: float = 10) -> None:
        loop = self._loop
        if loop is not None and self._thread.is_alive() and self._tasks:
            with contextlib.suppress(Exception):  # a loop already closing: nothing to stop
                asyncio.run_coroutine_threadsafe(self._stop_background(), loop).result(timeout)
        self._server.should_exit = True
        self._thread.join(timeout)
        self.sock.close()
        if self._on_stopped is not None:
            callback, self._on_stopped = self._on_stopped, None
            callback()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
