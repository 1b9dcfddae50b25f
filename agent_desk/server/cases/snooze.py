"""Snoozed conversations come back to the queue when their time is up (every server process
checks; each wake-up is one write transaction, so two processes cannot both wake one)."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import sqlalchemy as sa
from starlette.concurrency import run_in_threadpool

from agent_desk.core.enums import ConversationStatus
from agent_desk.server.cases.timeline import update_conversation
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database, utcnow

log = logging.getLogger(__name__)


async def wake_snoozed(db: Database, every: float, stopping: asyncio.Event) -> None:
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), every)
        if stopping.is_set():  # never cancelled mid-transaction: its thread would outlive us
            return
        try:
            await run_in_threadpool(wake_due, db)
        except Exception:
            log.exception("waking snoozed conversations failed")


def wake_due(db: Database) -> None:
    with db.write() as tx:
        due = tx.conn.execute(
            sa.select(t.conversations)
            .where(
                t.conversations.c.status == ConversationStatus.SNOOZED.value,
                t.conversations.c.snoozed_until <= utcnow(),
            )
            .limit(500)
        ).all()
        for conv in due:
            update_conversation(tx, conv, status=ConversationStatus.OPEN.value, snoozed_until=None)
