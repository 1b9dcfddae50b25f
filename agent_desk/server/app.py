"""The HTTP API (FastAPI). Every route under /api/v1; errors are ``{"error": {code, message}}``."""

import asyncio
import contextlib
import logging
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agent_desk import __version__
from agent_desk.core.enums import Channel, ConversationStatus, Role
from agent_desk.core.errors import DomainError
from agent_desk.protocol import (
    SCHEMA_VERSION,
    AgentOut,
    ChangesResponse,
    ErrorResponse,
    EventType,
    HealthResponse,
    InboundAck,
    InboundMessage,
    LoginRequest,
    LoginResponse,
    MutationBatch,
    MutationsResponse,
    PokeEvent,
)
from agent_desk.protocol.signing import SIGNATURE_HEADER, verify_signature
from agent_desk.server import audit, auth, feed, inbound, policy
from agent_desk.server import schema as t
from agent_desk.server.auth import Viewer
from agent_desk.server.config import ServerSettings
from agent_desk.server.db import Database, utcnow
from agent_desk.server.hub import PokeHub
from agent_desk.server.migrate import migrate
from agent_desk.server.mutations import apply_mutation, has_nul
from agent_desk.server.pgnotify import PgChangeListener
from agent_desk.server.timeline import update_conversation

log = logging.getLogger(__name__)

API = "/api/v1"


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status, headers=headers)


_DOMAIN_STATUS = {
    "not_found": 404,
    "forbidden": 403,
    "invalid_cursor": 400,
    "reset_required": 410,
    "too_large": 413,
    "invalid_state": 409,
}


class BodyLimit:
    """Refuse request bodies over a size limit before they are read into memory."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = True
                if too_big:
                    await _error(413, "too_large", "the request body is too large")(
                        scope, receive, send
                    )
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise ApiError(413, "too_large", "the request body is too large")
            return message

        await self.app(scope, limited, send)


class LoginThrottle:
    """At most N failed logins per username per five minutes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def blocked(self, username: str) -> bool:
        window = self._failures[username.lower()]
        cutoff = time.monotonic() - 300
        while window and window[0] < cutoff:
            window.popleft()
        return len(window) >= self.limit

    def failed(self, username: str) -> None:
        self._failures[username.lower()].append(time.monotonic())

    def succeeded(self, username: str) -> None:
        self._failures.pop(username.lower(), None)


async def _wake_snoozed(db: Database, every: float, stopping: asyncio.Event) -> None:
    """Snoozed conversations come back to the queue when their time is up."""
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), every)
        if stopping.is_set():  # never cancelled mid-transaction: its thread would outlive us
            return
        try:
            await run_in_threadpool(_wake_due, db)
        except Exception:
            log.exception("waking snoozed conversations failed")


def _wake_due(db: Database) -> None:
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


def create_app(settings: ServerSettings, db: Database | None = None) -> FastAPI:
    """Build the API. The database is migrated on start-up."""
    database = db or Database(settings.database_url)
    hub = PokeHub(database)
    # SQLite: one process, the hub hears commits directly. PostgreSQL: several processes may
    # share the database, so every process (this one too) hears them through LISTEN/NOTIFY.
    pg_listener = (
        PgChangeListener(database, hub.committed) if database.dialect == "postgresql" else None
    )
    if pg_listener is None:
        database.on_commit(hub.committed)
    throttle = LoginThrottle(settings.login_attempts_per_5min)
    state: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(migrate, database)

        def load_epoch() -> str:
            with database.read() as conn:
                return str(
                    conn.execute(
                        sa.select(t.server_meta.c.value).where(t.server_meta.c.key == "epoch")
                    ).scalar_one()
                )

        state["epoch"] = await run_in_threadpool(load_epoch)
        hub.attach(asyncio.get_running_loop())
        if pg_listener is not None:
            await run_in_threadpool(pg_listener.start)
        stopping = asyncio.Event()
        waker = asyncio.create_task(_wake_snoozed(database, settings.snooze_check_s, stopping))
        try:
            yield
        finally:
            stopping.set()
            await waker
            if pg_listener is not None:
                await run_in_threadpool(pg_listener.stop)
            if db is None:
                database.dispose()

    app = FastAPI(
        title="Agent Desk server",
        version=__version__,
        lifespan=lifespan,
        responses={
            400: {"model": ErrorResponse},
            401: {"model": ErrorResponse},
            403: {"model": ErrorResponse},
            404: {"model": ErrorResponse},
            409: {"model": ErrorResponse},
            410: {"model": ErrorResponse},
            413: {"model": ErrorResponse},
            422: {"model": ErrorResponse},
            429: {"model": ErrorResponse},
        },
    )
    app.state.db = database
    app.state.hub = hub
    app.state.settings = settings
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)

    @app.exception_handler(ApiError)
    async def _api_error(_r: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _error(exc.status, exc.code, exc.message, headers)

    @app.exception_handler(DomainError)
    async def _domain_error(_r: Request, exc: DomainError) -> JSONResponse:
        return _error(_DOMAIN_STATUS.get(exc.code, 422), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_r: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}.get(
            exc.status_code, "http_error"
        )
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _crash(_r: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error: %s", type(exc).__name__, exc_info=exc)
        return _error(500, "internal", "the server failed; the request can be retried")

    bearer = HTTPBearer(auto_error=False)

    def current_token(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> str:
        if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
            raise ApiError(401, "unauthorized", "sign in first")
        return creds.credentials

    def current_viewer(token: Annotated[str, Depends(current_token)]) -> Viewer:
        if len(token) > 256:
            raise ApiError(401, "unauthorized", "the session is invalid or has expired")
        with database.read() as conn:
            viewer = auth.resolve_token(conn, token)
        if viewer is None:
            raise ApiError(401, "unauthorized", "the session is invalid or has expired")
        return viewer

    ViewerDep = Annotated[Viewer, Depends(current_viewer)]

    @app.get(f"{API}/health", response_model=HealthResponse)
    def health() -> HealthResponse:
        with database.read() as conn:
            conn.execute(sa.select(sa.literal(1)))
        return HealthResponse(
            status="ok",
            schema_version=SCHEMA_VERSION,
            database=database.dialect,
            server_time=utcnow(),
        )

    @app.post(f"{API}/auth/login", response_model=LoginResponse)
    def login(body: LoginRequest) -> LoginResponse:
        if throttle.blocked(body.username):
            raise ApiError(429, "too_many_attempts", "too many failed sign-ins; wait five minutes")
        with database.write() as tx:
            row = auth.check_password(tx.conn, body.username, body.password)
            if row is None:
                audit.record(tx, "auth.login_failed", actor_id=None, username=body.username[:128])
            else:
                token, expires = auth.issue_token(tx.conn, row.id, settings.token_ttl)
                audit.record(tx, "auth.login", actor_id=row.id)
        if row is None:
            throttle.failed(body.username)
            raise ApiError(401, "bad_credentials", "wrong username or password")
        throttle.succeeded(body.username)
        log.info("agent %s signed in", row.id)
        return LoginResponse(token=token, expires_at=expires, agent=_agent_out(row))

    @app.post(f"{API}/auth/logout", status_code=204)
    def logout(token: Annotated[str, Depends(current_token)]) -> None:
        with database.write() as tx:
            agent_id = auth.revoke_token(tx.conn, token)
            if agent_id is not None:
                audit.record(tx, "auth.logout", actor_id=agent_id)

    @app.get(f"{API}/me", response_model=AgentOut)
    def me(viewer: ViewerDep) -> AgentOut:
        with database.read() as conn:
            row = conn.execute(sa.select(t.agents).where(t.agents.c.id == viewer.agent_id)).one()
        return _agent_out(row)

    @app.get(f"{API}/changes", response_model=ChangesResponse)
    def changes(
        viewer: ViewerDep,
        after: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
        schema_version: Annotated[int | None, Query()] = None,
    ) -> ChangesResponse:
        _check_schema(schema_version)
        after_seq = feed.parse_cursor(state["epoch"], after)
        with database.read() as conn:
            page = feed.read_page(conn, viewer, after_seq, limit)
        return ChangesResponse(
            changes=page.changes,
            cursor=feed.format_cursor(state["epoch"], page.seq),
            has_more=page.has_more,
            behind=page.behind,
        )

    @app.post(f"{API}/mutations", response_model=MutationsResponse)
    def mutations(viewer: ViewerDep, batch: MutationBatch) -> MutationsResponse:
        _check_schema(batch.schema_version)
        results = [apply_mutation(database, viewer, batch.client_id, m) for m in batch.mutations]
        return MutationsResponse(results=results)

    @app.get(f"{API}/authority-policy", response_model=policy.PolicyOut)
    def get_authority_policy(viewer: ViewerDep) -> policy.PolicyOut:
        with database.read() as conn:
            return policy.policy_out(conn)

    @app.put(f"{API}/authority-policy", response_model=policy.PolicyOut)
    def put_authority_policy(viewer: ViewerDep, body: policy.PolicyIn) -> policy.PolicyOut:
        """Replace the authority policy (admins only): validated, versioned, audited, published."""
        if viewer.role is not Role.ADMIN:
            with database.write() as tx:
                audit.record(
                    tx,
                    "authority_policy.refused",
                    actor_id=viewer.agent_id,
                    entity="authority_policy",
                    entity_id=policy.POLICY_ID,
                    role=viewer.role.value,
                )
            raise ApiError(403, "forbidden", "only admins change the authority policy")
        if has_nul(body.model_dump(mode="json")):
            raise ApiError(422, "invalid_request", "text must not contain NUL characters")
        with database.write() as tx:
            policy.set_policy(tx, body, actor_id=viewer.agent_id, via="api")
        with database.read() as conn:
            return policy.policy_out(conn)

    @app.get(f"{API}/events", response_class=EventSourceResponse)
    async def events(
        viewer: ViewerDep,
        last_event_id: Annotated[str | None, Header(max_length=64)] = None,
    ) -> EventSourceResponse:
        epoch = state["epoch"]
        try:
            last_seen = feed.parse_cursor(epoch, last_event_id) if last_event_id else -1
        except DomainError:
            last_seen = -1  # from another database: poke with what we have
        listener = hub.add(viewer)

        def newest() -> int:
            with database.read() as conn:
                return feed.newest_visible(conn, viewer)

        try:
            listener.newest = await run_in_threadpool(newest)
        except BaseException:
            hub.remove(listener)
            raise

        async def stream() -> AsyncIterator[dict[str, str]]:
            try:
                sent = last_seen
                if listener.newest > sent:
                    sent = listener.newest
                    yield _poke(epoch, sent)
                while True:
                    listener.event.clear()
                    if listener.newest > sent:
                        sent = listener.newest
                        yield _poke(epoch, sent)
                        continue
                    try:
                        await asyncio.wait_for(listener.event.wait(), settings.heartbeat_s)
                    except TimeoutError:
                        yield {"event": EventType.HEARTBEAT.value, "data": "{}"}
            finally:
                hub.remove(listener)

        return EventSourceResponse(stream(), ping=3600, send_timeout=30)

    @app.post(f"{API}/inbound/{{channel}}", response_model=InboundAck)
    async def receive_inbound(
        channel: Channel,
        request: Request,
        signature: Annotated[str | None, Header(alias=SIGNATURE_HEADER, max_length=200)] = None,
    ) -> InboundAck:
        raw = await request.body()
        if not verify_signature(settings.inbound_secret.encode(), raw, signature):
            await run_in_threadpool(_audit_bad_signature, channel)
            raise ApiError(401, "bad_signature", "the signature does not match the body")
        try:
            payload = InboundMessage.model_validate_json(raw)
        except ValueError as exc:
            raise ApiError(422, "invalid_request", _first_error(exc)) from exc
        return await run_in_threadpool(
            inbound.receive, database, channel, payload, team_id=settings.default_team_id
        )

    def _audit_bad_signature(channel: Channel) -> None:
        with database.write() as tx:
            audit.record(tx, "inbound.bad_signature", actor_id=None, channel=channel.value)

    def _check_schema(version: int | None) -> None:
        if version is not None and version != SCHEMA_VERSION:
            raise ApiError(
                409,
                "schema_mismatch",
                f"this server speaks schema {SCHEMA_VERSION}; the client sent {version}",
            )

    return app


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        items = errors()
        if items:
            where = ".".join(str(p) for p in items[0].get("loc", ()))
            return f"{where}: {items[0].get('msg', 'invalid')}"
    return "the body is not valid JSON for this endpoint"


def _poke(epoch: str, seq: int) -> dict[str, str]:
    cursor = feed.format_cursor(epoch, seq)
    return {
        "event": EventType.POKE.value,
        "id": cursor,
        "data": PokeEvent(cursor=cursor).model_dump_json(),
    }


def _agent_out(row: sa.Row[Any]) -> AgentOut:
    return AgentOut(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        team_id=row.team_id,
        presence=row.presence,
        max_concurrent=row.max_concurrent,
    )
