"""Reading the change feed: gap-free pages of what one viewer may see."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core.errors import InvalidCursor, ResetRequired
from agent_desk.protocol import ChangeRecord
from agent_desk.server.auth.accounts import Viewer
from agent_desk.server.feed.records import LOADERS
from agent_desk.server.feed.visibility import change_clause, may_see_record
from agent_desk.server.storage import schema as t

_CURSOR = re.compile(r"^([0-9a-f]{1,32})-(\d{1,19})$")


def format_cursor(epoch: str, seq: int) -> str:
    return f"{epoch}-{seq}"


def parse_cursor(epoch: str, cursor: str | None) -> int:
    if cursor is None or cursor == "":
        return 0
    match = _CURSOR.match(cursor)
    if match is None:
        raise InvalidCursor("the cursor is malformed")
    if match.group(1) != epoch:
        raise ResetRequired("the cursor comes from another server database; reset the cache")
    return int(match.group(2))


def high_water(conn: Connection) -> int:
    return int(
        conn.execute(sa.select(sa.func.coalesce(sa.func.max(t.changes.c.seq), 0))).scalar_one()
    )


def newest_visible(conn: Connection, viewer: Viewer) -> int:
    query = sa.select(sa.func.coalesce(sa.func.max(t.changes.c.seq), 0)).where(
        change_clause(viewer)
    )
    return int(conn.execute(query).scalar_one())


@dataclass(frozen=True, slots=True)
class Page:
    changes: list[ChangeRecord]
    seq: int
    has_more: bool
    behind: int = 0


def read_page(conn: Connection, viewer: Viewer, after: int, limit: int) -> Page:
    """One page after ``after``. Must run in one snapshot (Database.read)."""
    high = high_water(conn)
    if after > high:
        raise ResetRequired("the cursor is ahead of the server; reset the cache")
    rows = conn.execute(
        sa.select(t.changes.c.seq, t.changes.c.entity, t.changes.c.entity_id, t.changes.c.op)
        .where(t.changes.c.seq > after, t.changes.c.seq <= high, change_clause(viewer))
        .order_by(t.changes.c.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    seq = rows[-1].seq if has_more else high

    latest: dict[tuple[str, str], str] = {}
    for row in rows:  # the last change of an entity in the page decides; order by that change
        key = (row.entity, row.entity_id)
        latest.pop(key, None)
        latest[key] = row.op
    wanted: dict[str, list[str]] = {}
    for (entity, entity_id), op in latest.items():
        if op == "upsert":
            wanted.setdefault(entity, []).append(entity_id)
    loaded = {
        entity: LOADERS[entity](conn, ids) for entity, ids in wanted.items() if entity in LOADERS
    }
    records: list[ChangeRecord] = []
    for (entity, entity_id), op in latest.items():
        data = loaded.get(entity, {}).get(entity_id) if op == "upsert" else None
        if data is not None and not may_see_record(viewer, entity, data):
            data = None
        if data is None:
            records.append(ChangeRecord(entity=entity, id=entity_id, op="delete"))
        else:
            records.append(ChangeRecord(entity=entity, id=entity_id, op="upsert", data=data))
    return Page(records, int(seq), has_more, int(high) - int(seq))
