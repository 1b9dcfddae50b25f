"""Fan-out of "something changed" pokes to server-sent-event listeners.

Writers commit on worker threads; right after commit, :meth:`PokeHub.committed` looks up who may
see the new rows (the conversation's team and shares) and hands the result to the event loop,
where each listener keeps only the newest sequence number it may see.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa

from agent_desk.core.enums import Role
from agent_desk.server import schema as t
from agent_desk.server.auth import Viewer
from agent_desk.server.db import CommittedChange, Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Audience:
    teams: frozenset[str]
    agents: frozenset[str]


@dataclass(eq=False)
class Listener:
    viewer: Viewer
    newest: int = 0
    event: asyncio.Event = field(default_factory=asyncio.Event)

    def poke(self, seq: int) -> None:
        if seq > self.newest:
            self.newest = seq
            self.event.set()


class PokeHub:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listeners: set[Listener] = set()

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def add(self, viewer: Viewer) -> Listener:
        listener = Listener(viewer)
        self._listeners.add(listener)
        return listener

    def remove(self, listener: Listener) -> None:
        self._listeners.discard(listener)

    @property
    def listener_count(self) -> int:
        return len(self._listeners)

    def committed(self, changes: list[CommittedChange]) -> None:
        """Called on the writer's thread after commit."""
        loop = self._loop
        if loop is None or loop.is_closed() or not self._listeners:
            return
        conv_ids = {c.scope.conversation_id for c in changes if c.scope.conversation_id}
        cust_ids = {
            c.scope.customer_id
            for c in changes
            if c.scope.customer_id and not c.scope.conversation_id
        }
        conv_aud: dict[str, Audience] = {}
        cust_aud: dict[str, Audience] = {}
        if conv_ids or cust_ids:
            with self._db.read() as conn:
                conv_aud = _audiences(conn, t.conversations.c.id.in_(conv_ids), by_customer=False)
                cust_aud = _audiences(
                    conn, t.conversations.c.customer_id.in_(cust_ids), by_customer=True
                )
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(self._dispatch, changes, conv_aud, cust_aud)

    def _dispatch(
        self,
        changes: list[CommittedChange],
        conv_aud: dict[str, Audience],
        cust_aud: dict[str, Audience],
    ) -> None:
        for listener in list(self._listeners):
            viewer = listener.viewer
            best = 0
            for change in changes:
                if change.seq > best and _may_see(viewer, change, conv_aud, cust_aud):
                    best = change.seq
            if best:
                listener.poke(best)


def _audiences(
    conn: sa.Connection, where: sa.ColumnElement[bool], *, by_customer: bool
) -> dict[str, Audience]:
    key = t.conversations.c.customer_id if by_customer else t.conversations.c.id
    teams: dict[str, set[str]] = defaultdict(set)
    agents: dict[str, set[str]] = defaultdict(set)
    for row in conn.execute(sa.select(key.label("k"), t.conversations.c.team_id).where(where)):
        teams[row.k]
        if row.team_id:
            teams[row.k].add(row.team_id)
    query = (
        sa.select(key.label("k"), t.conversation_shares.c.agent_id)
        .join(
            t.conversation_shares, t.conversation_shares.c.conversation_id == t.conversations.c.id
        )
        .where(where)
    )
    for row in conn.execute(query):
        agents[row.k].add(row.agent_id)
    return {
        k: Audience(frozenset(teams[k]), frozenset(agents.get(k, ())))
        for k in set(teams) | set(agents)
    }


def _may_see(
    viewer: Viewer,
    change: CommittedChange,
    conv_aud: dict[str, Audience],
    cust_aud: dict[str, Audience],
) -> bool:
    scope = change.scope
    if scope.audience_agent_id is not None:
        return scope.audience_agent_id == viewer.agent_id
    if viewer.sees_everything or scope.public:
        return True
    if scope.conversation_id is not None:
        audience = conv_aud.get(scope.conversation_id)
    elif scope.customer_id is not None:
        audience = cust_aud.get(scope.customer_id)
    else:
        return False
    if audience is None:
        return False
    if viewer.agent_id in audience.agents:
        return True
    return viewer.role is not Role.EXPERT and viewer.team_id in audience.teams
