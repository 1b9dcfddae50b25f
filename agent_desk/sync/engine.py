"""The sync engine: push the outbox, pull the feed, listen for pokes, survive the network.

States: ``offline`` (with the reason), ``syncing``, ``online``, ``signed_out`` (the token was
refused), ``update_required`` (schema mismatch). Transient failures back off with jitter; the
outbox is never dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from agent_desk.core.ids import new_id
from agent_desk.store import local
from agent_desk.store.local import Me
from agent_desk.store.store import ENTITY_TABLES, ChangeSet, Store
from agent_desk.sync.transport import (
    AuthRequired,
    ResetRequired,
    SchemaMismatch,
    SyncError,
    Transport,
)

log = logging.getLogger(__name__)

TYPING_EVERY_S = 3.0  # the server shows "typing" for a few seconds after each hint


class ConnectionState(StrEnum):
    OFFLINE = "offline"
    SYNCING = "syncing"
    ONLINE = "online"
    SIGNED_OUT = "signed_out"
    UPDATE_REQUIRED = "update_required"


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """What the current round is doing: sending the outbox, or loading pages (and how much)."""

    phase: str  # "sending" | "loading"
    loaded: dict[str, int] = field(default_factory=dict)  # records applied so far, per entity
    fraction: float | None = None  # an estimate from the server's ``behind``; None if unknown

    @property
    def records(self) -> int:
        return sum(self.loaded.values())


@dataclass(frozen=True, slots=True)
class SyncStatus:
    state: ConnectionState
    reason: str = ""  # in English, for logs and support; the window words it from ``code``
    code: str = ""  # the error's code (``unreachable``, ``server_error``, ``auth_required``…)
    since: datetime | None = None
    outbox: int = 0
    last_sync_at: str | None = None
    progress: SyncProgress | None = None  # while syncing: what is loading, how much of it
    offline_since: datetime | None = None  # when the connection was last lost (None: online)


def client_id_of(store: Store) -> str:
    found = store.state("client_id")
    if found:
        return found
    made = new_id()
    with store.transaction() as tx:
        tx.set_state("client_id", made)
    return made


class SyncEngine:
    def __init__(
        self,
        store: Store,
        transport: Transport,
        me: Me,
        *,
        on_change: Callable[[ChangeSet], None] | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        page_limit: int = 150,  # one page is one transaction on the UI's loop: keep it short
        push_batch: int = 100,
        heartbeat_timeout: float = 45.0,
        backoff: tuple[float, float] = (0.5, 30.0),
        periodic: float = 60.0,
    ) -> None:
        self.store = store
        self.transport = transport
        self.me = me
        self.client_id = client_id_of(store)
        self._on_change = on_change or (lambda _c: None)
        self._on_status = on_status or (lambda _s: None)
        self.page_limit = page_limit
        self.push_batch = push_batch
        self.heartbeat_timeout = heartbeat_timeout
        self.backoff = backoff
        self.periodic = periodic
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._hints: set[asyncio.Future[None]] = set()  # typing hints on their way
        self._typing_sent: dict[str, float] = {}
        self._lock = asyncio.Lock()
        self._pages_since_checkpoint = 0
        self._reset_happened = False
        self.status = SyncStatus(
            ConnectionState.OFFLINE,
            "not started",
            code="not_started",
            since=datetime.now(UTC),
            outbox=store.outbox_size(),
            last_sync_at=store.state("last_sync_at"),
        )
        self.last_event_id: str | None = store.state("cursor")

    def connect(
        self,
        *,
        on_change: Callable[[ChangeSet], None] | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
    ) -> None:
        """Tell ``on_change`` what each pulled page changed, ``on_status`` every state change."""
        if on_change is not None:
            self._on_change = on_change
        if on_status is not None:
            self._on_status = on_status

    # --- status --------------------------------------------------------------------------------

    def _set_status(
        self,
        state: ConnectionState,
        reason: str = "",
        progress: SyncProgress | None = None,
        code: str = "",
    ) -> None:
        now = datetime.now(UTC)
        since = self.status.since if state == self.status.state else now
        offline_since = self.status.offline_since
        if state is ConnectionState.ONLINE:
            offline_since = None
        elif state is ConnectionState.OFFLINE and offline_since is None:
            offline_since = since
        self.status = replace(
            self.status,
            state=state,
            reason=reason,
            code=code,
            since=since,
            offline_since=offline_since,
            progress=progress,
            outbox=self.store.outbox_size(),
            last_sync_at=self.store.state("last_sync_at"),
        )
        self._on_status(self.status)

    def _changed(self, changes: ChangeSet) -> None:
        if changes:
            self._on_change(changes)

    def trigger(self) -> None:
        """Sync soon (after a local change, a poke, or a reconnect)."""
        self._wake.set()

    def note_typing(self, conversation_id: str) -> None:
        """The agent types a reply: tell the server now and then (every few seconds at most,
        only when online; it is a hint, so nothing is queued or retried)."""
        now = time.monotonic()
        if self.status.state is not ConnectionState.ONLINE:
            return
        if now - self._typing_sent.get(conversation_id, -TYPING_EVERY_S) < TYPING_EVERY_S:
            return
        self._typing_sent = {conversation_id: now}  # one conversation at a time

        async def send() -> None:
            try:
                await self.transport.typing(conversation_id)
            except SyncError as exc:
                log.debug("typing hint not sent: %s", exc.code)

        task = asyncio.ensure_future(send())
        self._hints.add(task)
        task.add_done_callback(self._hints.discard)

    # --- one round ---------------------------------------------------------------------------

    async def sync_once(self) -> ChangeSet:
        """Push everything pending, then pull until up to date. Raises SyncError."""
        async with self._lock:
            try:
                return await self._round()
            except AuthRequired as exc:
                self._set_status(ConnectionState.SIGNED_OUT, exc.message, code=exc.code)
                raise
            except SchemaMismatch as exc:
                self._set_status(ConnectionState.UPDATE_REQUIRED, exc.message, code=exc.code)
                raise
            except SyncError as exc:
                self._set_status(ConnectionState.OFFLINE, exc.message, code=exc.code)
                raise

    async def _round(self) -> ChangeSet:
        self._set_status(ConnectionState.SYNCING, progress=SyncProgress("sending"))
        total = ChangeSet()
        self._reset_happened = False
        total.merge(await self._push())
        total.merge(await self._pull())
        if self._reset_happened and self.store.outbox_size():
            # after a reset, mutations acknowledged by the old database are sent again:
            # the server replays what it has and applies what it lost
            total.merge(await self._push())
            total.merge(await self._pull())
        self._set_status(ConnectionState.ONLINE)
        return total

    async def _push(self) -> ChangeSet:
        total = ChangeSet()
        while True:
            batch = local.pending(self.store, self.push_batch)
            if not batch:
                return total
            mutations = [
                {"id": m["mutation_id"], "name": m["name"], "args": m["args"]} for m in batch
            ]
            reply = await self.transport.push(self.client_id, mutations)
            by_id = {r.id: r for r in reply.results}
            applied: list[str] = []
            for mutation in batch:
                result = by_id.get(mutation["mutation_id"])
                if result is None:  # not processed: try again next round
                    break
                if result.status == "applied":
                    applied.append(result.id)
                else:
                    if applied:
                        total.merge(local.acknowledge(self.store, applied))
                        applied = []
                    error = result.error
                    code = error.code if error else "rejected"
                    message = error.message if error else ""
                    log.info(
                        "mutation %s (%s) rejected: %s",
                        mutation["mutation_id"],
                        mutation["name"],
                        code,
                    )
                    total.merge(local.reject(self.store, result.id, code, message, self.me))
            if applied:
                total.merge(local.acknowledge(self.store, applied))
            self._changed(total)
            if len(reply.results) < len(batch):
                return total

    async def _pull(self) -> ChangeSet:
        total = ChangeSet()
        loaded: dict[str, int] = {}
        first_behind: int | None = None
        while True:
            cursor = self.store.state("cursor")
            try:
                page = await self.transport.pull(cursor, self.page_limit)
            except ResetRequired:
                log.warning("the server asked for a reset; the cache is rebuilt, the outbox kept")
                total.merge(self.reset_cache())
                self._reset_happened = True
                continue
            changes = local.apply_page(
                self.store, page.changes, page.cursor, self.me, last_page=not page.has_more
            )
            self._pages_since_checkpoint += 1
            if self._pages_since_checkpoint >= 40 or not page.has_more:
                self._pages_since_checkpoint = 0
                await asyncio.to_thread(self.store.checkpoint)
            for record in page.changes:
                loaded[record.entity] = loaded.get(record.entity, 0) + 1
            self.last_event_id = page.cursor
            self._changed(changes)
            total.merge(changes)
            if not page.has_more:
                return total
            if first_behind is None:
                first_behind = page.behind + len(page.changes)
            fraction = 1 - page.behind / first_behind if first_behind else None
            self._set_status(
                ConnectionState.SYNCING, progress=SyncProgress("loading", dict(loaded), fraction)
            )

    def reset_cache(self) -> ChangeSet:
        with self.store.transaction() as tx:
            for table in ENTITY_TABLES.values():
                if table == "messages":  # replies not yet delivered survive the reset
                    tx.conn.execute("DELETE FROM messages WHERE delivery = 'sent'")
                else:
                    tx.conn.execute(f"DELETE FROM {table}")  # noqa: S608
            tx.conn.execute("DELETE FROM customer_identities")
            tx.conn.execute("DELETE FROM shadows")
            tx.conn.execute("UPDATE outbox SET state = 'pending' WHERE state = 'acked'")
            tx.set_state("cursor", None)
            return tx.changes

    # --- the loop ----------------------------------------------------------------------------

    async def run(self) -> None:
        """Sync until cancelled: on triggers, pokes and a periodic timer; back off when failing."""
        listener = asyncio.create_task(self._listen(), name="sync-events")
        self._tasks.append(listener)
        delay = self.backoff[0]
        self._wake.set()
        try:
            while True:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.periodic)
                self._wake.clear()
                try:
                    await self.sync_once()
                    delay = self.backoff[0]
                except (AuthRequired, SchemaMismatch):
                    await self._wait_for_wake()
                except SyncError:
                    await asyncio.sleep(delay * (0.5 + random.random()))
                    delay = min(delay * 2, self.backoff[1])
                    self._wake.set()
        finally:
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener

    async def _wait_for_wake(self) -> None:
        await self._wake.wait()

    async def _listen(self) -> None:
        delay = self.backoff[0]
        while True:
            try:
                async for event in self.transport.events(
                    self.last_event_id, self.heartbeat_timeout
                ):
                    delay = self.backoff[0]
                    if (
                        event.event == "poke"
                        and event.id
                        and event.id != self.store.state("cursor")
                    ):
                        self.trigger()
                # the server closed the stream (restart): reconnect, and catch up
            except (AuthRequired, SchemaMismatch):
                await asyncio.sleep(self.backoff[1])
            except SyncError as exc:
                log.info("event stream: %s", exc.message)
            self.trigger()  # whatever happened while we were not listening
            await asyncio.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, self.backoff[1])

    async def stop(self) -> None:
        hints = list(self._hints)
        if hints:  # a hint is one short request: let it finish (or give up on it) first
            _done, late = await asyncio.wait(hints, timeout=2)
            for hint in late:
                hint.cancel()
            await asyncio.gather(*late, return_exceptions=True)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()


def describe(status: SyncStatus) -> dict[str, Any]:
    return {
        "state": status.state.value,
        "reason": status.reason,
        "outbox": status.outbox,
        "last_sync_at": status.last_sync_at,
    }
