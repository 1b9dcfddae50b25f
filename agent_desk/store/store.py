"""The local cache: one SQLite file per profile, one writer, a change-set from every write."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agent_desk.store import schema

log = logging.getLogger(__name__)

ENTITY_TABLES: dict[str, str] = {
    "team": "teams",
    "agent": "agents",
    "customer": "customers",
    "order": "orders",
    "conversation": "conversations",
    "message": "messages",
    "article": "articles",
    "scenario": "scenarios",
    "action_type": "action_types",
    "authority_policy": "authority_policies",
    "action": "actions",
    "authority_usage": "authority_usages",
    "sla_policy": "sla_policies",
    "conversation_share": "conversation_shares",
    "read_state": "read_states",
}
_LOCAL_ONLY = {
    "messages": {"delivery", "error_code", "error_message"},
    "actions": {"delivery"},
}
_TIME_FIELDS = {
    "created_at",
    "updated_at",
    "last_message_at",
    "snoozed_until",
    "resolved_at",
    "waiting_since",
    "first_response_at",
    "response_due_at",
    "response_breach_at",
    "resolution_due_at",
    "resolution_breach_at",
    "placed_at",
    "read_at",
    "requested_at",
    "decided_at",
    "executed_at",
}

Row = dict[str, Any]


def to_time(value: datetime) -> str:
    """The one text form of a moment in the cache: sortable, UTC, microseconds."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def now_text() -> str:
    return to_time(datetime.now(UTC))


def _norm_time(value: Any) -> Any:
    if (
        isinstance(value, str)
        and len(value) == 32
        and value.endswith("+00:00")
        and value[19] == "."
    ):
        return value[:26] + "Z"  # the server's own form: UTC with microseconds (hot path)
    if isinstance(value, str) and value:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return to_time(moment)
    return value


@dataclass
class ChangeSet:
    """What a transaction changed: ids per entity, and whether the outbox or sync state did."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    outbox: bool = False
    sync_state: bool = False
    rejections: bool = False

    def add(self, entity: str, entity_id: str) -> None:
        self.ids.setdefault(entity, set()).add(entity_id)

    def merge(self, other: ChangeSet) -> ChangeSet:
        for entity, ids in other.ids.items():
            self.ids.setdefault(entity, set()).update(ids)
        self.outbox |= other.outbox
        self.sync_state |= other.sync_state
        self.rejections |= other.rejections
        return self

    def __bool__(self) -> bool:
        return bool(self.ids) or self.outbox or self.sync_state or self.rejections

    def count(self) -> int:
        return sum(len(v) for v in self.ids.values())


class Tx:
    """One write transaction on the cache."""

    def __init__(self, conn: sqlite3.Connection, columns: dict[str, list[str]]) -> None:
        self.conn = conn
        self.changes = ChangeSet()
        self._columns = columns

    # --- rows ------------------------------------------------------------------------------

    def _encode(self, table: str, data: Row) -> Row:
        row: Row = {}
        for column in self._columns[table]:
            if column not in data:
                continue
            value = data[column]
            if column in _TIME_FIELDS:
                value = _norm_time(value)
            elif isinstance(value, (list, dict)):
                value = json.dumps(value, ensure_ascii=False)
            elif isinstance(value, bool):
                value = int(value)
            row[column] = value
        return row

    def write(self, entity: str, data: Row) -> None:
        """Insert or replace a row with the given fields (others keep their values)."""
        table = ENTITY_TABLES[entity]
        row = self._encode(table, data)
        names = list(row)
        placeholders = ", ".join("?" for _ in names)
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
        sql = (
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}"
        )
        self.conn.execute(sql, [row[n] for n in names])
        if entity == "customer" and "identities" in data:
            self.conn.execute(
                "DELETE FROM customer_identities WHERE customer_id = ?", (data["id"],)
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO customer_identities (customer_id, kind, value) "
                "VALUES (?, ?, ?)",
                [
                    (data["id"], i.get("kind"), i.get("value"))
                    for i in data["identities"]
                    if isinstance(i, dict)
                ],
            )
        self.changes.add(entity, str(data["id"]))

    def update(self, entity: str, entity_id: str, **values: Any) -> None:
        """Change some fields of an existing row."""
        table = ENTITY_TABLES[entity]
        row = self._encode(table, values)
        if not row:
            return
        assignments = ", ".join(f"{n} = ?" for n in row)
        self.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?",
            [*row.values(), entity_id],
        )
        self.changes.add(entity, entity_id)

    def delete(self, entity: str, entity_id: str) -> None:
        table = ENTITY_TABLES[entity]
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (entity_id,))
        if entity == "conversation":
            gone = [
                r[0]
                for r in self.conn.execute(
                    "SELECT id FROM messages WHERE conversation_id = ? AND delivery = 'sent'",
                    (entity_id,),
                )
            ]
            self.conn.execute(
                "DELETE FROM messages WHERE conversation_id = ? AND delivery = 'sent'", (entity_id,)
            )
            for message_id in gone:
                self.changes.add("message", message_id)
        elif entity == "customer":
            self.conn.execute("DELETE FROM customer_identities WHERE customer_id = ?", (entity_id,))
        self.changes.add(entity, entity_id)

    def get(self, entity: str, entity_id: str) -> Row | None:
        table = ENTITY_TABLES[entity]
        cur = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (entity_id,))
        found = cur.fetchone()
        if found is None:
            return None
        return dict(zip([d[0] for d in cur.description], found, strict=True))

    # --- shadows: the server's version of rows changed by pending mutations ----------------

    def ensure_shadow(self, entity: str, entity_id: str) -> None:
        exists = self.conn.execute(
            "SELECT 1 FROM shadows WHERE entity = ? AND id = ?", (entity, entity_id)
        ).fetchone()
        if exists is None:
            current = self.get(entity, entity_id)
            self.conn.execute(
                "INSERT INTO shadows (entity, id, data) VALUES (?, ?, ?)",
                (
                    entity,
                    entity_id,
                    None if current is None else json.dumps(current, ensure_ascii=False),
                ),
            )

    def shadowed(self, entity: str, entity_id: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM shadows WHERE entity = ? AND id = ?", (entity, entity_id)
            ).fetchone()
            is not None
        )

    def set_shadow(self, entity: str, entity_id: str, data: Row | None) -> None:
        self.conn.execute(
            "UPDATE shadows SET data = ? WHERE entity = ? AND id = ?",
            (
                None
                if data is None
                else json.dumps(self._encode(ENTITY_TABLES[entity], data), ensure_ascii=False),
                entity,
                entity_id,
            ),
        )

    def drop_shadow(self, entity: str, entity_id: str) -> None:
        self.conn.execute("DELETE FROM shadows WHERE entity = ? AND id = ?", (entity, entity_id))

    def restore_shadows(self) -> list[tuple[str, str]]:
        """Put every shadowed row back to the server's version; returns what was restored."""
        restored = []
        for entity, entity_id, data in self.conn.execute(
            "SELECT entity, id, data FROM shadows"
        ).fetchall():
            table = ENTITY_TABLES[entity]
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (entity_id,))
            if data is not None:
                row = json.loads(data)
                names = list(row)
                self.conn.execute(
                    f"INSERT INTO {table} ({', '.join(names)}) "
                    f"VALUES ({', '.join('?' for _ in names)})",
                    [row[n] for n in names],
                )
            self.changes.add(entity, entity_id)
            restored.append((entity, entity_id))
        return restored

    # --- sync state --------------------------------------------------------------------------

    def set_state(self, key: str, value: str | None) -> None:
        self.conn.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        self.changes.sync_state = True


class Store:
    """The cache file. Use from one thread (the event loop's); transactions are short."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoint
        self.conn.execute("PRAGMA busy_timeout=5000")
        self.conn.execute("PRAGMA foreign_keys=OFF")  # the feed may deliver children first
        # No checkpoints inside our commits (they stalled the loop for 50+ ms now and then);
        # checkpoint() runs them from a worker thread on its own connection instead.
        self.conn.execute("PRAGMA wal_autocheckpoint=0")
        schema.migrate(self.conn)
        self._columns = {
            table: [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]
            for table in [*ENTITY_TABLES.values()]
        }

    def close(self) -> None:
        self.checkpoint()
        self.conn.close()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file without blocking the writer.

        Safe to call from any thread: it uses a connection of its own.
        """
        conn = sqlite3.connect(self.path, timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.OperationalError as exc:
            log.info("checkpoint skipped: %s", exc)
        finally:
            conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        self.conn.execute("BEGIN IMMEDIATE")
        tx = Tx(self.conn, self._columns)
        try:
            yield tx
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- reading -------------------------------------------------------------------------------

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        cur = self.conn.execute(sql, tuple(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def row(self, sql: str, params: Iterable[Any] = ()) -> Row | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def state(self, key: str) -> str | None:
        found = self.conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
        return None if found is None else found[0]

    def counts(self) -> dict[str, int]:
        out = {}
        for entity, table in ENTITY_TABLES.items():
            out[entity] = int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return out

    def outbox_size(self) -> int:
        return int(
            self.conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
        )
