"""Today's use of an agent's authority (entity ``authority_usage``, id ``<agent_id>:<yyyy-mm-dd>``).

The day is the UTC day. The total is what the agent moved on their own authority: executed
money-moving actions (``core.authority.DAILY_TOTAL_ACTIONS``) in the policy currency whose
``authorized_by`` is the agent — the requester, or the approver of an approved action. It is
computed from the ``actions`` table whenever it is read, so it can never drift from the facts.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core.authority import DAILY_TOTAL_ACTIONS
from agent_desk.core.enums import ActionStatus
from agent_desk.server.resolution.authority_policy import current_policy
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Scope, WriteTx


def day_of(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def used_on(conn: Connection, agent_id: str, day: date, currency: str) -> int:
    """Money the agent moved on their own authority on ``day`` (UTC), in ``currency``."""
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    a = t.actions.c
    total = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(a.amount_minor), 0)).where(
            a.authorized_by == agent_id,
            a.status == ActionStatus.EXECUTED.value,
            a.executed_at >= start,
            a.executed_at < start + timedelta(days=1),
            a.currency == currency,
            a.type.in_([x.value for x in DAILY_TOTAL_ACTIONS]),
        )
    ).scalar_one()
    return int(total)


def usage_id(agent_id: str, day: date) -> str:
    return f"{agent_id}:{day.isoformat()}"


def publish_usage(tx: WriteTx, agent_id: str, day: date) -> None:
    """The agent sees their own usage; supervisors and admins see everyone's (an unscoped row)."""
    key = usage_id(agent_id, day)
    tx.changed("authority_usage", key, Scope(audience_agent_id=agent_id))
    tx.changed("authority_usage", key, Scope())


def load_usages(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    currency = current_policy(conn).currency
    out: dict[str, dict[str, Any]] = {}
    for key in ids:
        agent_id, _, day_text = key.rpartition(":")
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            continue
        out[key] = {
            "id": key,
            "agent_id": agent_id,
            "day": day.isoformat(),
            "used_minor": used_on(conn, agent_id, day, currency),
            "currency": currency,
        }
    return out
