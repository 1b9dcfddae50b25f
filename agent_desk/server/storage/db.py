"""Engine set-up and transactions for SQLite (embedded default) and PostgreSQL.

Writes go through :meth:`Database.write`, which hands out a :class:`WriteTx`. Entity changes are
recorded on it and appended to the ``changes`` feed just before commit. The feed's cursor must never
skip a row, so change rows are numbered in commit order: SQLite serializes writers (``BEGIN
IMMEDIATE``); on PostgreSQL every writer takes one transaction-scoped advisory lock right before it
numbers its change rows and keeps it until commit, so a reader that sees row *n* sees every row
before it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from agent_desk.server.storage import audit_chain
from agent_desk.server.storage import schema as t

log = logging.getLogger(__name__)

FEED_LOCK_KEY = 0x41_44_46_45  # "ADFE": the change-feed writer lock on PostgreSQL


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Scope:
    """Who may see a change row."""

    public: bool = False
    audience_agent_id: str | None = None
    conversation_id: str | None = None
    customer_id: str | None = None


@dataclass(frozen=True, slots=True)
class CommittedChange:
    seq: int
    entity: str
    entity_id: str
    scope: Scope


@dataclass
class WriteTx:
    """A write transaction plus the change rows it will append."""

    conn: Connection
    dialect: str
    _pending: list[tuple[str, str, str, Scope]] = field(default_factory=list)
    committed: list[CommittedChange] = field(default_factory=list)
    audit_rows: list[dict[str, Any]] = field(default_factory=list)  # appended at commit

    def changed(self, entity: str, entity_id: str, scope: Scope, op: str = "upsert") -> None:
        self._pending.append((entity, entity_id, op, scope))

    def mark(self) -> tuple[int, int]:
        return len(self._pending), len(self.audit_rows)

    def rollback_to(self, mark: tuple[int, int]) -> None:
        """Forget changes and audit rows recorded after ``mark`` (their savepoint rolled back)."""
        del self._pending[mark[0] :]
        del self.audit_rows[mark[1] :]

    def flush_audit(self) -> None:
        """Append the collected audit rows to the chain (just before the change rows)."""
        audit_chain.append(self.conn, self.audit_rows)
        self.audit_rows.clear()

    def lock_key(self, *parts: str) -> None:
        """Serialize with other transactions on the same key (PostgreSQL; SQLite already is)."""
        if self.dialect != "postgresql":
            return
        digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
        key = int.from_bytes(digest[:8], "big", signed=True)
        self.conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})

    def flush_changes(self) -> None:
        if not self._pending:
            return
        if self.dialect == "postgresql":
            self.conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": FEED_LOCK_KEY})
        now = utcnow()
        pending = self._pending
        for start in range(0, len(pending), 1000):
            chunk = pending[start : start + 1000]
            rows = [
                {
                    "entity": entity,
                    "entity_id": entity_id,
                    "op": op,
                    "public": scope.public,
                    "audience_agent_id": scope.audience_agent_id,
                    "conversation_id": scope.conversation_id,
                    "customer_id": scope.customer_id,
                    "at": now,
                }
                for entity, entity_id, op, scope in chunk
            ]
            seqs = (
                self.conn.execute(
                    sa.insert(t.changes).returning(t.changes.c.seq, sort_by_parameter_order=True),
                    rows,
                )
                .scalars()
                .all()
            )
            for seq, (entity, entity_id, _op, scope) in zip(seqs, chunk, strict=True):
                self.committed.append(CommittedChange(int(seq), entity, entity_id, scope))
        self._pending.clear()
        if self.dialect == "postgresql":  # delivered at commit to every server process
            self.conn.execute(
                sa.text("SELECT pg_notify('agent_desk_changes', :seq)"),
                {"seq": str(self.committed[-1].seq)},
            )


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.info.pop("begin", "BEGIN"))


class Database:
    """The server's database. Thread-safe; one instance per server process."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = sa.make_url(url)
        if self.url.drivername == "postgresql":
            self.url = self.url.set(drivername="postgresql+psycopg")
        self.dialect = self.url.get_backend_name()
        if self.dialect == "sqlite":
            self.engine = sa.create_engine(self.url, echo=echo, pool_size=8, max_overflow=8)
            _sqlite_setup(self.engine)
        elif self.dialect == "postgresql":
            self.engine = sa.create_engine(
                self.url, echo=echo, pool_size=10, max_overflow=20, pool_pre_ping=True
            )
        else:
            raise ValueError(f"unsupported database: {self.dialect}")
        self._listeners: list[Callable[[list[CommittedChange]], None]] = []
        # SQLite has one writer anyway; queueing writers here instead of in SQLite's busy
        # handler (which sleeps in growing steps) cut p99 under contention from ~600 ms.
        self._write_lock = threading.Lock() if self.dialect == "sqlite" else None

    def describe(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def on_commit(self, listener: Callable[[list[CommittedChange]], None]) -> None:
        self._listeners.append(listener)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction with one consistent snapshot."""
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[WriteTx]:
        """A write transaction; change rows are appended at its end, listeners told after commit."""
        with contextlib.ExitStack() as stack:
            if self._write_lock is not None:
                stack.enter_context(self._write_lock)
            conn = stack.enter_context(self.engine.connect())
            if self.dialect == "sqlite":
                conn.info["begin"] = "BEGIN IMMEDIATE"
            tx = WriteTx(conn, self.dialect)
            with conn.begin():
                yield tx
                tx.flush_audit()
                tx.flush_changes()
        if tx.committed:
            for listener in self._listeners:
                try:
                    listener(tx.committed)
                except Exception:
                    log.exception("commit listener failed")

    def dispose(self) -> None:
        self.engine.dispose()
