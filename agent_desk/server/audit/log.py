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

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.server.storage import schema as t
from agent_desk.server.storage.audit_chain import GENESIS, Row, append, row_hash
from agent_desk.server.storage.db import WriteTx


def _plain(value: Any) -> Any:
    """Detail as JSON gives it back (datetimes and other objects as text)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


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


def _decoded(raw: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """A row as the hash covers it, read without trusting the stored text: (row, problem)."""
    data = dict(raw)
    detail = data["detail"]
    if isinstance(detail, str | bytes):  # SQLite keeps JSON as text
        try:
            data["detail"] = json.loads(detail)
        except ValueError:
            return None, "its detail is not valid JSON (edited?)"
    at = data["at"]
    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at)
        except ValueError:
            return None, "its time is not a valid timestamp (edited?)"
    if not isinstance(at, datetime):
        return None, "its time is missing (edited?)"
    data["at"] = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    if not isinstance(data.get("hash"), str) or not isinstance(data.get("prev_hash"), str):
        return None, "its hash is missing (edited?)"
    return data, ""


def verify(conn: Connection) -> Verification:
    """Walk the chain in id order; the first row whose hash or link does not hold is named.

    Columns are read as stored (JSON and times as text on SQLite) and decoded here, so a row
    damaged beyond the hash (its JSON broken, its time garbled) is named like any other edit.
    """
    prev = GENESIS
    count = 0
    a = t.audit_log.c
    raw_columns = [
        sa.type_coerce(c, sa.Text).label(c.name) if c.name in ("detail", "at") else c
        for c in t.audit_log.columns
    ]
    query = sa.select(*raw_columns).order_by(a.id)
    result = conn.execution_options(yield_per=2000).execute(query)
    try:
        for row in result:
            row_id = int(row.id)
            data, problem = _decoded(dict(row._mapping))
            if data is None:
                return Verification(False, count, row_id, problem)
            if data["prev_hash"] != prev:
                problem = "its prev_hash is not the previous row's hash (a row was removed?)"
                return Verification(False, count, row_id, problem)
            if row_hash(data, prev) != data["hash"]:
                problem = "its content does not match its hash (edited?)"
                return Verification(False, count, row_id, problem)
            prev = str(data["hash"])
            count += 1
    finally:
        result.close()
    return Verification(True, count)
