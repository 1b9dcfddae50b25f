"""The HTTP API (FastAPI): the app factory and the sync, policy and inbound routes.

Every route is under ``/api/v1``; errors are ``{"error": {code, message}}`` (:mod:`.errors`).
Sign-in lives in :mod:`.session`, the event stream in :mod:`.events`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import sqlalchemy as sa
from fastapi import FastAPI, Query
from starlette.concurrency import run_in_threadpool

from agent_desk import __version__
from agent_desk.core.enums import Role
from agent_desk.core.text import unstorable
from agent_desk.protocol import (
    SCHEMA_VERSION,
    ChangesResponse,
    ErrorResponse,
    HealthResponse,
    MutationBatch,
    MutationsResponse,
)
from agent_desk.server.audit import log as audit
from agent_desk.server.audit.anonymous import AnonymousFailures
from agent_desk.server.auth.passwords import PasswordGate
from agent_desk.server.auth.throttle import SignInThrottle
from agent_desk.server.cases.snooze import wake_snoozed
from agent_desk.server.channels import connections
from agent_desk.server.channels.email.credentials import TokenRegistry
from agent_desk.server.channels.email.poller import MailPollers
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.channels.sender import DeliverySender
from agent_desk.server.config import ServerSettings
from agent_desk.server.feed import pages
from agent_desk.server.feed.hub import PokeHub
from agent_desk.server.http import (
    channel_routes,
    errors,
    events,
    mail_routes,
    session,
    widget_routes,
)
from agent_desk.server.http.context import API, ServerContext, ViewerDep
from agent_desk.server.http.errors import ApiError
from agent_desk.server.http.guards import RequestGuard
from agent_desk.server.mutations.apply import apply_mutation, handlers
from agent_desk.server.resolution import authority_policy as policy
from agent_desk.server.resolution.commerce import BuiltinCommerce, Commerce
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database, utcnow
from agent_desk.server.storage.migrate import migrate
from agent_desk.server.storage.pgnotify import PgChangeListener

log = logging.getLogger(__name__)


async def _every(seconds: float, stopping: asyncio.Event, job: object) -> None:
    """Run ``job`` on a worker thread every ``seconds`` until ``stopping`` is set."""
    while not stopping.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), seconds)
        try:
            await run_in_threadpool(job)  # type: ignore[arg-type]
        except Exception:
            log.exception("periodic server job failed")


def create_app(
    settings: ServerSettings, db: Database | None = None, *, commerce: Commerce | None = None
) -> FastAPI:
    """Build the API. The database is migrated on start-up.

    ``commerce``: the adapter resolution actions run through (orders, payments, refunds,
    coupons); the built-in one keeps them in the server's own database.
    """
    database = db or Database(settings.database_url)
    box = SecretBox.load(settings.secret_key, settings.key_file())
    hub = PokeHub(database)
    # SQLite: one process, the hub hears commits directly. PostgreSQL: several processes may
    # share the database, so every process (this one too) hears them through LISTEN/NOTIFY.
    pg_listener = (
        PgChangeListener(database, hub.committed) if database.dialect == "postgresql" else None
    )
    if pg_listener is None:
        database.on_commit(hub.committed)
    ctx = ServerContext(
        settings=settings,
        db=database,
        hub=hub,
        handlers=handlers(commerce or BuiltinCommerce()),
        throttle=SignInThrottle(
            pair_limit=settings.login_attempts_per_5min,
            user_limit=settings.login_failures_per_user_15min,
        ),
        passwords=PasswordGate(workers=settings.password_workers or None),
        failures=AnonymousFailures(database, window_s=settings.anonymous_audit_window_s),
        box=box,
    )
    tokens = TokenRegistry(database, box)  # OAuth2 access tokens, shared by IMAP and SMTP
    sender = DeliverySender(
        database,
        box,
        poll_s=settings.delivery_poll_s,
        batch=settings.delivery_batch,
        lease_s=settings.delivery_lease_s,
        tokens=tokens,
    )
    database.on_commit(sender.committed)
    mail = MailPollers(
        database, tokens, team_id=settings.default_team_id, refresh_s=settings.mail_refresh_s
    )

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

        ctx.state["epoch"] = await run_in_threadpool(load_epoch)
        await run_in_threadpool(connections.apply_outbound, database, settings.outbound)
        hub.attach(asyncio.get_running_loop())
        if pg_listener is not None:
            await run_in_threadpool(pg_listener.start)
        stopping = asyncio.Event()
        jobs = [
            asyncio.create_task(wake_snoozed(database, settings.snooze_check_s, stopping)),
            asyncio.create_task(
                _every(min(10.0, settings.anonymous_audit_window_s), stopping, ctx.failures.flush)
            ),
            asyncio.create_task(sender.run(stopping), name="delivery sender"),
        ]
        if settings.mail_pollers:
            jobs.append(asyncio.create_task(mail.run(stopping), name="mailbox pollers"))
        try:
            yield
        finally:
            stopping.set()
            await asyncio.gather(*jobs)
            await run_in_threadpool(ctx.failures.flush, everything=True)
            ctx.passwords.close()
            if pg_listener is not None:
                await run_in_threadpool(pg_listener.stop)
            if db is None:
                database.dispose()

    app = FastAPI(
        title="Agent Desk server",
        version=__version__,
        lifespan=lifespan,
        responses={
            code: {"model": ErrorResponse}
            for code in (400, 401, 403, 404, 409, 410, 413, 422, 429, 503)
        },
    )
    app.state.db = database
    app.state.hub = hub
    app.state.settings = settings
    app.state.ctx = ctx
    app.state.sender = sender
    app.state.mail = mail
    app.add_middleware(
        RequestGuard, max_bytes=settings.max_request_bytes, max_depth=settings.max_json_depth
    )
    errors.install(app)
    app.include_router(session.routes(ctx))
    app.include_router(events.routes(ctx))
    app.include_router(channel_routes.routes(ctx))
    app.include_router(mail_routes.routes(ctx))
    app.include_router(widget_routes.routes(ctx))

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

    @app.get(f"{API}/changes", response_model=ChangesResponse)
    def changes(
        viewer: ViewerDep,
        after: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
        schema_version: Annotated[int | None, Query()] = None,
    ) -> ChangesResponse:
        ctx.check_schema(schema_version)
        after_seq = pages.parse_cursor(ctx.epoch, after)
        with database.read() as conn:
            page = pages.read_page(conn, viewer, after_seq, limit)
        return ChangesResponse(
            changes=page.changes,
            cursor=pages.format_cursor(ctx.epoch, page.seq),
            has_more=page.has_more,
            behind=page.behind,
        )

    @app.post(f"{API}/mutations", response_model=MutationsResponse)
    def mutations(viewer: ViewerDep, batch: MutationBatch) -> MutationsResponse:
        """Each mutation is judged on its own: one refused mutation never fails the batch."""
        ctx.check_schema(batch.schema_version)
        results = [
            apply_mutation(database, ctx.handlers, viewer, batch.client_id, m)
            for m in batch.mutations
        ]
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
        problem = unstorable(body.model_dump(mode="json"))
        if problem is not None:
            raise ApiError(422, "invalid_request", problem)
        with database.write() as tx:
            policy.set_policy(tx, body, actor_id=viewer.agent_id, via="api")
        with database.read() as conn:
            return policy.policy_out(conn)

    return app
