"""The action catalog in the database (entity ``action_type``): ``core.catalog`` written to the
``action_types`` table by ``migrate()`` and published to every client (for the labels)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core.catalog import CATALOG
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Scope, WriteTx


def sync_catalog(tx: WriteTx) -> int:
    """Bring the ``action_types`` table to this module's catalog; publish what changed."""
    conn: Connection = tx.conn
    have = {r.id: dict(r._mapping) for r in conn.execute(sa.select(t.action_types))}
    changed = 0
    for action, entry in CATALOG.items():
        old = have.get(action.value)
        if old == entry:
            continue
        if old is None:
            conn.execute(sa.insert(t.action_types).values(**entry))
        else:
            conn.execute(
                sa.update(t.action_types)
                .where(t.action_types.c.id == action.value)
                .values(**{k: v for k, v in entry.items() if k != "id"})
            )
        tx.changed("action_type", action.value, Scope(public=True))
        changed += 1
    return changed
