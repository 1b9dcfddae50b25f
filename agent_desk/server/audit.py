"""The audit log: who did what, when, why — sign-ins, refusals, transfers, shares and every step
of a resolution action (request, approval, denial, execution, failure) with amounts before/after.

Append-only: the database refuses UPDATE and DELETE on ``audit_log`` (triggers, migration 0003),
and each row carries ``hash = sha256(canonical JSON of the row + prev_hash)`` with ``prev_hash``
the previous row's hash, so :func:`verify` (``agent-desk-server audit verify``) finds a row that
was edited directly in the database with the triggers dropped. The chain is linear: writers
append under one lock (PostgreSQL: an advisory lock, SQLite: the single writer). A write
transaction collects its rows and appends them just before commit (``db.Database.write``), so the
lock is held only for that moment and always taken after every other lock of the transaction.

Never holds a password, a token or a message body.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.server import schema as t

if TYPE_CHECKING:
    from agent_desk.server.db import WriteTx

GENESIS = "0" * 64
AUDIT_LOCK_KEY = 0x41_44_41_55  # "ADAU": the audit chain writer lock on PostgreSQL

Row = dict[str, Any]


def _plain(value: Any) -> Any:
    """Detail as JSON gives it back (datetimes and other objects as text)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


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


def entry(
    action: str,
    *,
    actor_id: str | None,
    entity: str | None = None,
    entity_id: str | None = None,
    at: datetime | None = None,
    **detail: Any,
) -> Row:
    """One audit row's content (without id and hashes)."""
    moment = at or datetime.now(UTC)
    # the stored precision: microseconds (SQLite keeps no more, PostgreSQL neither)
    return {
        "at": moment.astimezone(UTC),
        "actor_id": actor_id,
        "action": action[:64],
        "entity": entity[:32] if entity else None,
        "entity_id": entity_id[:160] if entity_id else None,
        "detail": _plain(detail),
    }


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


def record(
    target: WriteTx | Connection,
    action: str,
    *,
    actor_id: str | None,
    entity: str | None = None,
    entity_id: str | None = None,
    **detail: Any,
) -> None:
    """Audit one event: in a write transaction at its commit, on a bare connection right away."""
    row = entry(action, actor_id=actor_id, entity=entity, entity_id=entity_id, **detail)
    if isinstance(target, Connection):
        append(target, [row])
    else:
        target.audit_rows.append(row)


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    rows: int  # rows checked (all of them when ok)
    bad_id: int | None = None
    problem: str = ""


def verify(conn: Connection) -> Verification:
    """Walk the chain in id order; the first row whose hash or link does not hold is named."""
    prev = GENESIS
    count = 0
    query = sa.select(t.audit_log).order_by(t.audit_log.c.id)
    result = conn.execution_options(yield_per=2000).execute(query)
    try:
        for row in result:
            data = dict(row._mapping)
            if data["prev_hash"] != prev:
                problem = "its prev_hash is not the previous row's hash (a row was removed?)"
                return Verification(False, count, int(data["id"]), problem)
            if row_hash(data, prev) != data["hash"]:
                problem = "its content does not match its hash (edited?)"
                return Verification(False, count, int(data["id"]), problem)
            prev = str(data["hash"])
            count += 1
    finally:
        result.close()
    return Verification(True, count)
