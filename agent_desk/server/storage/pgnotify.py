"""Pokes across server processes that share one PostgreSQL database (LISTEN/NOTIFY).

Each write transaction that appends change rows sends ``NOTIFY agent_desk_changes, '<seq>'``;
PostgreSQL delivers it at commit, to every process, in commit order. Each process's listener
reads the change rows it has not dispatched yet (``last < seq <= notified``: all committed,
because change rows are numbered in commit order) and hands them to its hub.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
import sqlalchemy as sa

from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import CommittedChange, Database, Scope

log = logging.getLogger(__name__)

CHANNEL = "agent_desk_changes"


class PgChangeListener:
    def __init__(self, db: Database, deliver: Callable[[list[CommittedChange]], None]) -> None:
        self._db = db
        self._deliver = deliver
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pg-listen", daemon=True)
        self._last = 0
        self.listening = threading.Event()

    def start(self) -> None:
        with self._db.read() as conn:
            self._last = int(
                conn.execute(
                    sa.select(sa.func.coalesce(sa.func.max(t.changes.c.seq), 0))
                ).scalar_one()
            )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _dsn(self) -> str:
        url = self._db.url.set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    def _run(self) -> None:
        delay = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn(), autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    delay = 0.5
                    self._catch_up()  # anything committed while we were not listening
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            if note.payload.isdigit() and int(note.payload) > self._last:
                                self._catch_up()
            except psycopg.Error as exc:
                self.listening.clear()
                log.warning(
                    "PostgreSQL listener lost its connection (%s); retrying", type(exc).__name__
                )
                self._stop.wait(delay)
                delay = min(delay * 2, 10)

    def _catch_up(self) -> None:
        c = t.changes.c
        with self._db.read() as conn:
            rows = conn.execute(
                sa.select(
                    c.seq,
                    c.entity,
                    c.entity_id,
                    c.public,
                    c.audience_agent_id,
                    c.conversation_id,
                    c.customer_id,
                )
                .where(c.seq > self._last)
                .order_by(c.seq)
                .limit(5000)
            ).all()
        if not rows:
            return
        self._last = int(rows[-1].seq)
        changes = [
            CommittedChange(
                int(r.seq),
                r.entity,
                r.entity_id,
                Scope(r.public, r.audience_agent_id, r.conversation_id, r.customer_id),
            )
            for r in rows
        ]
        self._deliver(changes)
