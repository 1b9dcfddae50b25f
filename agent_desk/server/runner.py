"""Running the server: in the foreground (CLI) or on a background thread (embedded demo, tests)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
from collections.abc import Callable, Coroutine
from typing import Any

import uvicorn

from agent_desk.server.app import create_app
from agent_desk.server.config import ServerSettings
from agent_desk.server.db import Database

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
        background: list[Callable[[str, asyncio.Event], Coroutine[Any, Any, None]]] | None = None,
    ) -> None:
        self.settings = settings
        self.app = create_app(settings, db)
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

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
