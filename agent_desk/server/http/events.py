"""``/events``: server-sent "pull now" pokes for one signed-in agent.

A stream lives only as long as its session: on every poke it checks, in memory, that the session
has not expired and was not revoked in this process (sign-out ends its streams at once), and that
its agent did not change (a role or team change is re-read before the next poke, so visibility
follows at once); at every heartbeat it reads the token from the database (a sign-out in another
server process, a disabled account). A stream whose session ended is closed; the client's
reconnect then gets 401. One token holds at most ``streams_per_token`` streams: a newer one ends
the oldest (a reconnect over a half-open connection is never refused).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import run_in_threadpool

from agent_desk.core.errors import DomainError
from agent_desk.protocol import EventType, PokeEvent
from agent_desk.server.auth.accounts import Session, Viewer, token_digest
from agent_desk.server.feed import pages
from agent_desk.server.http.context import API, ServerContext, TokenDep
from agent_desk.server.http.errors import ApiError
from agent_desk.server.storage.db import utcnow


def poke(epoch: str, seq: int) -> dict[str, str]:
    cursor = pages.format_cursor(epoch, seq)
    return {
        "event": EventType.POKE.value,
        "id": cursor,
        "data": PokeEvent(cursor=cursor).model_dump_json(),
    }


def routes(ctx: ServerContext) -> APIRouter:
    router = APIRouter()
    settings, hub = ctx.settings, ctx.hub

    def newest(viewer: Viewer) -> int:
        with ctx.db.read() as conn:
            return pages.newest_visible(conn, viewer)

    @router.get(f"{API}/events", response_class=EventSourceResponse)
    async def events(
        token: TokenDep,
        last_event_id: Annotated[str | None, Header(max_length=64)] = None,
    ) -> EventSourceResponse:
        session: Session | None = await run_in_threadpool(ctx.session, token)
        if session is None:
            raise ApiError(401, "unauthorized", "the session is invalid or has expired")
        epoch = ctx.epoch
        try:
            last_seen = pages.parse_cursor(epoch, last_event_id) if last_event_id else -1
        except DomainError:
            last_seen = -1  # from another database: poke with what we have
        listener = hub.add(
            session.viewer, token_digest(token), per_token=settings.streams_per_token
        )
        try:
            listener.newest = await run_in_threadpool(newest, session.viewer)
        except BaseException:
            hub.remove(listener)
            raise

        async def stream() -> AsyncIterator[dict[str, str]]:
            expires = session.expires_at
            sent = last_seen
            try:
                while True:
                    if listener.ended or utcnow() >= expires:
                        return
                    if listener.stale:  # its agent changed: re-read who they are now
                        listener.stale = False
                        fresh = await run_in_threadpool(ctx.session, token)
                        if fresh is None:
                            return
                        listener.viewer, expires = fresh.viewer, fresh.expires_at
                        seen = await run_in_threadpool(newest, fresh.viewer)
                        listener.newest = max(listener.newest, seen)
                    if listener.newest > sent:
                        sent = listener.newest
                        yield poke(epoch, sent)
                        continue
                    listener.event.clear()
                    if listener.ended or listener.stale or listener.newest > sent:
                        continue
                    left = (expires - utcnow()).total_seconds()
                    try:
                        await asyncio.wait_for(
                            listener.event.wait(), max(0.05, min(settings.heartbeat_s, left))
                        )
                    except TimeoutError:
                        fresh = await run_in_threadpool(ctx.session, token)
                        if fresh is None:  # revoked elsewhere, expired, or account disabled
                            return
                        listener.viewer, expires = fresh.viewer, fresh.expires_at
                        yield {"event": EventType.HEARTBEAT.value, "data": "{}"}
            finally:
                hub.remove(listener)

        return EventSourceResponse(stream(), ping=3600, send_timeout=30)

    return router
