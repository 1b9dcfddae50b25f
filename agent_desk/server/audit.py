"""The audit log: who did what, when — sign-ins, refusals, transfers and shares.

Append-only by convention here; issue 6 adds the hash chain and refuses UPDATE and DELETE.
Never holds a password, a token or a message body.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.server import schema as t
from agent_desk.server.db import utcnow


def record(
    conn: Connection,
    action: str,
    *,
    actor_id: str | None,
    entity: str | None = None,
    entity_id: str | None = None,
    **detail: Any,
) -> None:
    conn.execute(
        sa.insert(t.audit_log).values(
            at=utcnow(),
            actor_id=actor_id,
            action=action,
            entity=entity,
            entity_id=entity_id[:160] if entity_id else None,
            detail=detail,
        )
    )
