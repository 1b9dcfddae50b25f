"""Password checks off the request path: argon2 is deliberately slow (about 50 ms of CPU and
64 MiB per check), so it runs on a small pool of threads of its own, at a lower CPU priority,
never inside a database transaction, with a bounded number of checks waiting. A flood of wrong
passwords then costs the flood, not every agent's writes and reads."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

log = logging.getLogger(__name__)

_hasher = PasswordHasher()
# A real hash to verify against when the user does not exist, so timing does not tell.
_DUMMY_HASH = _hasher.hash(os.urandom(16).hex())


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Constant work whether or not the account exists (``None``: check against a dummy)."""
    try:
        _hasher.verify(stored_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return stored_hash is not None


class Busy(Exception):
    """Too many checks are waiting already; the caller is asked to retry shortly."""


def _lower_priority() -> None:
    """Checks yield the CPU to request handling (Linux: per-thread nice; elsewhere: nothing)."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


class PasswordGate:
    def __init__(self, *, workers: int | None = None, max_waiting: int = 32) -> None:
        self.workers = workers or max(1, (os.cpu_count() or 2) // 2)
        self.max_waiting = max_waiting
        self._pool = ThreadPoolExecutor(
            max_workers=self.workers, thread_name_prefix="password", initializer=_lower_priority
        )
        self._pending = 0

    async def matches(self, stored_hash: str | None, password: str) -> bool:
        """Check on the gate's own threads; raises :class:`Busy` when the queue is full."""
        if self._pending >= self.max_waiting:
            raise Busy
        self._pending += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._pool, password_matches, stored_hash, password)
        finally:
            self._pending -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
