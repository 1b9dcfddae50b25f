"""Running a benchmark's server in a child process that stops when told or when we exit."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any


@contextlib.contextmanager
def child_server(
    serve: Callable[[str, Connection], None], database_url: str
) -> Iterator[tuple[Any, ...]]:
    """Start ``serve(database_url, pipe)`` in a spawned process; yield its ``("ready", …)`` rest.

    The child sends ``("ready", ...)`` or ``("error", message)`` and stops on ``"stop"``.
    """
    ctx = mp.get_context("spawn")
    mine, theirs = ctx.Pipe()
    proc = ctx.Process(target=serve, args=(database_url, theirs), name="bench-server", daemon=True)
    proc.start()
    theirs.close()
    try:
        if not mine.poll(120):
            raise RuntimeError("the server did not start within 120 s")
        message = mine.recv()
        if message[0] != "ready":
            raise RuntimeError(f"the server failed to start: {message[1]}")
        yield tuple(message[1:])
    finally:
        with contextlib.suppress(OSError):
            mine.send("stop")
        proc.join(20)
        if proc.is_alive():
            proc.terminate()
            proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()
        mine.close()
