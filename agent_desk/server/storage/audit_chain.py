"""The audit log's hash chain, as stored: each row carries ``hash = sha256(canonical JSON of the
row + prev_hash)``, ``prev_hash`` being the previous row's hash.

This is the storage half of the audit log (:mod:`agent_desk.server.audit.log` is the other): the
write transaction (:class:`agent_desk.server.storage.db.WriteTx`) appends the rows it collected
through :func:`append` just before commit, so the chain lock is held only for that moment and is
always taken after every other lock of the transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.server.storage import schema as t

GENESIS = "0" * 64
AUDIT_LOCK_KEY = 0x41_44_41_55  # "ADAU": the audit chain writer lock on PostgreSQL

Row = dict[str, Any]


def canonical(row: Row, prev_hash: str) -> bytes:
    """The bytes a row's hash covers. Frozen: changing it invalidates every stored chain."""
    at: datetime = row["at"]
    content = {
        "id": int(row["id"]),
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": row["actor_id"],
        "action": row["action"],
        "entity": row["entity"],
        "entity_id": row["entity_id"],
        "detail": row["detail"],
        "prev_hash": prev_hash,
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def row_hash(row: Row, prev_hash: str) -> str:
    return hashlib.sha256(canonical(row, prev_hash)).hexdigest()


def append(conn: Connection, rows: Iterable[Row]) -> int:
    """Append rows to the chain in order; returns how many. Takes the chain lock (PostgreSQL)."""
    pending = list(rows)
    if not pending:
        return 0
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": AUDIT_LOCK_KEY})
    last = conn.execute(
        sa.select(t.audit_log.c.id, t.audit_log.c.hash).order_by(t.audit_log.c.id.desc()).limit(1)
    ).first()
    next_id, prev = (1, GENESIS) if last is None else (int(last.id) + 1, str(last.hash))
    values: list[Row] = []
    for row in pending:
        full = {**row, "id": next_id}
        digest = row_hash(full, prev)
        values.append({**full, "prev_hash": prev, "hash": digest})
        prev, next_id = digest, next_id + 1
    conn.execute(sa.insert(t.audit_log), values)
    return len(values)
