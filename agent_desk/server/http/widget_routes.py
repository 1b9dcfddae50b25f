"""The web chat widget over HTTP: the page (``GET /widget``, plain HTML, CSS and JavaScript
shipped with the server: no build step, no CDN) and its API under ``/api/v1/widget``.

The visitor's token travels in the ``X-Agent-Desk-Visitor`` header (never in a URL, so it is not
in proxy logs or the browser's history). The page is served with a strict Content-Security-Policy
(only its own script and style; ``frame-ancestors`` from the connection's allowed sites) and
inserts every text with ``textContent``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections import deque
from collections.abc import AsyncIterator
from datetime import datetime
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from agent_desk.core.errors import DomainError
from agent_desk.server.channels import connections, widget
from agent_desk.server.channels.connections import ChannelConnection
from agent_desk.server.channels.widget import Visitor
from agent_desk.server.http import session
from agent_desk.server.http.context import API, ServerContext
from agent_desk.server.http.errors import ApiError

VISITOR_HEADER = "X-Agent-Desk-Visitor"
PAGE_FILES = {"widget.js": "text/javascript", "widget.css": "text/css"}
POLL_S = 2.0  # a visitor's stream looks at least this often (a commit wakes it at once)
HEARTBEAT_S = 15.0


class IdentityIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: str = Field(default="", max_length=128)
    email: str = Field(default="", max_length=320)
    phone: str = Field(default="", max_length=64)
    signature: str = Field(default="", max_length=128)


class SessionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    connection: str | None = Field(default=None, max_length=80)
    identity: IdentityIn | None = None
    name: str | None = Field(default=None, max_length=80)
    locale: str | None = Field(default=None, max_length=16)


class SessionOut(BaseModel):
    token: str
    verified: bool


class VisitorMessageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    client_id: str = Field(min_length=1, max_length=64)
    body: str = Field(max_length=widget.VISITOR_MESSAGE_CHARS * 2)


class VisitorMessage(BaseModel):
    id: str
    client_id: str = ""
    sender: Literal["visitor", "agent"] = Field(alias="from")
    author: str
    body: str
    created_at: str
    status: str
    changed_at: str

    model_config = ConfigDict(populate_by_name=True)


class MessagesOut(BaseModel):
    messages: list[VisitorMessage]


class ReceiptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message_ids: list[Annotated[str, Field(max_length=64)]] = Field(max_length=200)
    status: Literal["delivered", "read"]


class ReceiptOut(BaseModel):
    acknowledged: int


class Window:
    """At most ``limit`` events per ``seconds`` for each key (in this process)."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and events[0] <= now - self.seconds:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            if len(self._events) > 50_000:  # forget idle keys
                for stale in [k for k, v in self._events.items() if not v][:10_000]:
                    del self._events[stale]
            return True


def _page(name: str) -> bytes:
    return resources.files("agent_desk.server.channels").joinpath("widget_page", name).read_bytes()


def _csp(connection: ChannelConnection) -> str:
    origins = [str(o) for o in connection.settings.get("allowed_origins") or []]
    ancestors = " ".join(origins) if origins else "'self'"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        f"img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors {ancestors}"
    )


def routes(ctx: ServerContext) -> APIRouter:
    router = APIRouter()
    database = ctx.db
    board = ctx.typing
    messages_per_visitor = Window(10, 10.0)  # a person types; a script does not
    messages_per_address = Window(60, 10.0)
    sessions_per_address = Window(20, 60.0)

    def widget_connection(name: str | None) -> ChannelConnection:
        with database.read() as conn:
            if name:
                try:
                    found = connections.get(conn, name)
                except DomainError:
                    found = None
            else:
                found = connections.for_channel(conn, "chat", kind="widget")
        if found is None or found.kind != "widget" or not found.enabled:
            raise ApiError(404, "not_found", "no web chat here")
        return found

    def visitor(token: str | None) -> Visitor:
        with database.read() as conn:
            found = widget.visitor_of(conn, token)
        if found is None:
            raise ApiError(401, "auth_required", "start a new chat session")
        return found

    def too_many(what: str) -> ApiError:
        return ApiError(429, "rate_limited", f"too many {what}: wait a few seconds")

    @router.get("/widget", include_in_schema=False)
    def page(connection: str | None = None) -> Response:
        found = widget_connection(connection)
        return Response(
            _page("index.html"),
            media_type="text/html; charset=utf-8",
            headers={
                "Content-Security-Policy": _csp(found),
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "no-store",
            },
        )

    @router.get("/widget/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        if name not in PAGE_FILES:
            raise ApiError(404, "not_found", "no such file")
        return Response(
            _page(name),
            media_type=PAGE_FILES[name] + "; charset=utf-8",
            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"},
        )

    @router.post(f"{API}/widget/session", response_model=SessionOut)
    def start(body: SessionIn, request: Request) -> SessionOut:
        """A visitor's session; ``identity`` counts only when the shop signed it."""
        if not sessions_per_address.allow(session.client_address(request)):
            raise too_many("new chats from this address")
        found = widget_connection(body.connection)
        with database.write() as tx:
            secret = connections.secret_of(tx.conn, ctx.box, found.id)
            token, made = widget.start_session(
                tx,
                found,
                secret,
                identity=body.identity.model_dump() if body.identity else None,
                name=body.name,
                locale=body.locale,
            )
        return SessionOut(token=token, verified=made.verified)

    @router.get(f"{API}/widget/messages", response_model=MessagesOut)
    def history(
        visitor_token: Annotated[str | None, Header(alias=VISITOR_HEADER, max_length=200)] = None,
    ) -> MessagesOut:
        who = visitor(visitor_token)
        with database.read() as conn:
            rows = widget.messages(conn, who)
        return MessagesOut.model_validate({"messages": rows})

    @router.post(f"{API}/widget/messages", response_model=VisitorMessage)
    def write(
        body: VisitorMessageIn,
        request: Request,
        visitor_token: Annotated[str | None, Header(alias=VISITOR_HEADER, max_length=200)] = None,
    ) -> VisitorMessage:
        who = visitor(visitor_token)
        if not messages_per_visitor.allow(who.id) or not messages_per_address.allow(
            session.client_address(request)
        ):
            raise too_many("messages")
        try:
            written = widget.post_message(
                database, who, body.client_id, body.body, team_id=ctx.settings.default_team_id
            )
        except DomainError as exc:
            status = 413 if exc.code == "too_large" else 422
            raise ApiError(status, exc.code, exc.message) from exc
        return VisitorMessage.model_validate(written)

    @router.post(f"{API}/widget/receipts", response_model=ReceiptOut)
    def receipts(
        body: ReceiptIn,
        visitor_token: Annotated[str | None, Header(alias=VISITOR_HEADER, max_length=200)] = None,
    ) -> ReceiptOut:
        who = visitor(visitor_token)
        return ReceiptOut(
            acknowledged=widget.acknowledge(database, who, body.message_ids, body.status)
        )

    @router.get(f"{API}/widget/events")
    async def events(
        request: Request,
        visitor_token: Annotated[str | None, Header(alias=VISITOR_HEADER, max_length=200)] = None,
        last_event_id: Annotated[str | None, Header(alias="Last-Event-ID", max_length=64)] = None,
    ) -> StreamingResponse:
        """New and changed messages as server-sent events (``id`` = the newest change seen, so a
        reconnect with ``Last-Event-ID`` gets everything since), and a heartbeat."""
        who = await run_in_threadpool(visitor, visitor_token)
        try:
            mark = datetime.fromisoformat(last_event_id) if last_event_id else None
        except ValueError:
            mark = None

        def read(after: datetime | None) -> tuple[list[dict[str, Any]], bool]:
            with database.read() as conn:
                if widget.visitor_of(conn, visitor_token) is None:
                    raise ApiError(401, "auth_required", "the session has ended")
                typing = board.any_typing(widget.conversations_of(conn, who))
                return widget.messages(conn, who, changed_after=after), typing

        async def stream() -> AsyncIterator[bytes]:
            beat = time.monotonic()
            woken = ctx.hub.message_waiter()
            try:
                yield b"retry: 2000\n\n"
                async for chunk in updates(woken, beat):
                    yield chunk
            finally:
                ctx.hub.drop_waiter(woken)

        async def updates(woken: asyncio.Event, beat: float) -> AsyncIterator[bytes]:
            nonlocal mark
            was_typing = False
            while not await request.is_disconnected():
                woken.clear()
                try:
                    rows, typing = await run_in_threadpool(read, mark)
                except ApiError:
                    yield b"event: ended\ndata: {}\n\n"
                    return
                if typing != was_typing:  # "the agent is typing", and when it stops
                    was_typing = typing
                    yield f"event: typing\ndata: {json.dumps({'typing': typing})}\n\n".encode()
                if rows:
                    mark = max(datetime.fromisoformat(r["changed_at"]) for r in rows)
                    data = json.dumps({"messages": rows}, ensure_ascii=False)
                    yield f"id: {mark.isoformat()}\nevent: messages\ndata: {data}\n\n".encode()
                    beat = time.monotonic()
                elif time.monotonic() - beat > HEARTBEAT_S:
                    yield b": heartbeat\n\n"
                    beat = time.monotonic()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(woken.wait(), POLL_S)

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    return router
