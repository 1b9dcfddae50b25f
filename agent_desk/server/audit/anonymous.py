"""Failures nobody signed in caused — wrong passwords, badly signed webhook posts — counted, not
written one by one: a flood of them must not grow the append-only audit log without limit.

Each (kind, source address, window) becomes one audit row when its window has closed (default one
minute), with how many there were and, for sign-ins, which usernames were tried (a username that
has no account is stored as ``unknown:<12 hex of its SHA-256>``, since people type their password
into the username field). At most :data:`MAX_SOURCES` sources are tracked per window; the rest are
counted together under ``"other"``. Whatever is still open is written at shutdown.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from agent_desk.server.audit import log as audit
from agent_desk.server.storage.db import Database

log = logging.getLogger(__name__)

MAX_SOURCES = 1000
MAX_DETAIL_KEYS = 20


def unknown_username(username: str) -> str:
    digest = hashlib.sha256(username.encode("utf-8", "surrogatepass")).hexdigest()
    return f"unknown:{digest[:12]}"


@dataclass
class _Tally:
    count: int = 0
    details: Counter[str] = field(default_factory=Counter)


class AnonymousFailures:
    def __init__(
        self, db: Database, *, window_s: float = 60.0, clock: Callable[[], float] = time.time
    ) -> None:
        self._db = db
        self.window_s = window_s
        self._clock = clock
        self._lock = threading.Lock()
        self._open: dict[tuple[str, str, int], _Tally] = {}
        self._sources: dict[tuple[str, int], set[str]] = {}

    def _window(self, now: float) -> int:
        return int(now // self.window_s)

    def note(self, kind: str, source: str | None, detail: str | None = None) -> None:
        """Count one failure of ``kind`` from ``source`` (``detail``: a username or a channel)."""
        window = self._window(self._clock())
        source = (source or "unknown")[:64]
        with self._lock:
            sources = self._sources.setdefault((kind, window), set())
            if source not in sources:
                if len(sources) >= MAX_SOURCES:
                    source = "other"
                sources.add(source)
            tally = self._open.setdefault((kind, source, window), _Tally())
            tally.count += 1
            if detail is not None:
                key = detail[:64]
                if key in tally.details or len(tally.details) < MAX_DETAIL_KEYS:
                    tally.details[key] += 1
                else:
                    tally.details["(more)"] += 1

    def flush(self, *, everything: bool = False) -> int:
        """Write one audit row per closed window (``everything``: the open ones too)."""
        current = self._window(self._clock())
        with self._lock:
            due = {k: v for k, v in self._open.items() if everything or k[2] < current}
            for key in due:
                del self._open[key]
                self._sources.pop((key[0], key[2]), None)
        if not due:
            return 0
        with self._db.write() as tx:
            for (kind, source, window), tally in sorted(due.items()):
                audit.record(
                    tx,
                    kind,
                    actor_id=None,
                    entity="source",
                    entity_id=source,
                    count=tally.count,
                    window_start=int(window * self.window_s),
                    window_s=self.window_s,
                    tried=dict(tally.details.most_common()),
                )
        return len(due)
