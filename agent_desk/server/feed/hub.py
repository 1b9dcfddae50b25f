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
from agent_desk.server.auth.accounts import Viewer
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import CommittedChange, Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Audience:
    teams: frozenset[str]
    agents: frozenset[str]


@dataclass(eq=False)
class Listener:
    """One open event stream. ``ended``: its session was revoked here, or a newer stream of the
    same token replaced it; ``stale``: its agent changed (role, team…), re-read before the next
    poke."""

    viewer: Viewer
    token_digest: str = ""
    newest: int = 0
    event: asyncio.Event = field(default_factory=asyncio.Event)
    ended: bool = False
    stale: bool = False

    def poke(self, seq: int) -> None:
        if seq > self.newest:
            self.newest = seq
            self.event.set()

    def end(self) -> None:
        self.ended = True
        self.event.set()


class PokeHub:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listeners: set[Listener] = set()
        self._order: list[Listener] = []  # oldest first
        self._message_waiters: set[asyncio.Event] = set()  # web chat streams (channels.widget)

    def message_waiter(self) -> asyncio.Event:
        """An event set whenever a message is written or changes (a web chat visitor's stream
        waits on it, then reads what is new for its visitor). ``drop_waiter`` when done."""
        event = asyncio.Event()
        self._message_waiters.add(event)
        return event

    def drop_waiter(self, event: asyncio.Event) -> None:
        self._message_waiters.discard(event)

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def add(self, viewer: Viewer, token_digest: str = "", *, per_token: int = 0) -> Listener:
        """A new stream; beyond ``per_token`` streams of one token the oldest is ended (a client
        reconnecting over a half-open connection must not be refused, nor pile streams up)."""
        listener = Listener(viewer, token_digest)
        if per_token and token_digest:
            same = [x for x in self._order if x.token_digest == token_digest and not x.ended]
            for old in same[: max(0, len(same) - per_token + 1)]:
                old.end()
        self._listeners.add(listener)
        self._order.append(listener)
        return listener

    def revoke(self, token_digest: str) -> int:
        """End every stream of a token (signed out here); returns how many."""
        ended = [x for x in self._listeners if x.token_digest == token_digest and not x.ended]
        for listener in ended:
            listener.end()
        return len(ended)

    def streams_of(self, token_digest: str) -> int:
        return sum(1 for x in self._listeners if x.token_digest == token_digest and not x.ended)

    def remove(self, listener: Listener) -> None:
        self._listeners.discard(listener)
        with contextlib.suppress(ValueError):
            self._order.remove(listener)

    @property
    def listener_count(self) -> int:
        return len(self._listeners)

    def committed(self, changes: list[CommittedChange]) -> None:
        """Called on the writer's thread after commit."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        if self._message_waiters and any(c.entity == "message" for c in changes):
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self.wake_message_waiters)
        if not self._listeners:
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

    def wake_message_waiters(self) -> None:
        """Wake every web chat stream (on the event loop's thread)."""
        for event in list(self._message_waiters):
            event.set()

    def _dispatch(
        self,
        changes: list[CommittedChange],
        conv_aud: dict[str, Audience],
        cust_aud: dict[str, Audience],
    ) -> None:
        changed_agents = {c.entity_id for c in changes if c.entity == "agent"}
        for listener in list(self._listeners):
            if listener.viewer.agent_id in changed_agents:  # role or team may have changed
                listener.stale = True
                listener.event.set()
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
