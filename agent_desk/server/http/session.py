"""Signing in and out: ``/auth/login``, ``/auth/logout``, ``/me``.

A sign-in is counted by the throttle *before* its password is checked; the account is read in a
read transaction, the password checked on the password gate's own threads (no transaction open),
and only a success writes (the token and its audit row, in one short transaction). A failure is
counted by :class:`~agent_desk.server.audit.anonymous.AnonymousFailures`, not written at once.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from agent_desk.core.text import text_problem
from agent_desk.protocol import AgentOut, LoginRequest, LoginResponse
from agent_desk.server.audit import log as audit
from agent_desk.server.audit.anonymous import unknown_username
from agent_desk.server.auth import accounts
from agent_desk.server.auth.passwords import Busy
from agent_desk.server.auth.throttle import Refused
from agent_desk.server.http.context import API, ServerContext, TokenDep, ViewerDep
from agent_desk.server.http.errors import ApiError
from agent_desk.server.storage import schema as t

log = logging.getLogger(__name__)


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def agent_out(row: sa.Row[Any]) -> AgentOut:
    return AgentOut(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        team_id=row.team_id,
        presence=row.presence,
        max_concurrent=row.max_concurrent,
    )


def routes(ctx: ServerContext) -> APIRouter:
    router = APIRouter()
    db = ctx.db

    def find(username: str) -> sa.Row[Any] | None:
        with db.read() as conn:
            return accounts.find_agent(conn, username)

    def issue(agent_id: str) -> tuple[str, Any]:
        with db.write() as tx:
            token, expires = accounts.issue_token(tx.conn, agent_id, ctx.settings.token_ttl)
            audit.record(tx, "auth.login", actor_id=agent_id)
        return token, expires

    @router.post(f"{API}/auth/login", response_model=LoginResponse)
    async def login(body: LoginRequest, request: Request) -> LoginResponse:
        address = client_address(request)
        try:
            attempt = ctx.throttle.reserve(body.username, address)
        except Refused as exc:
            raise ApiError(
                429,
                "too_many_attempts",
                "too many failed sign-ins; wait a few minutes",
                {"Retry-After": str(exc.retry_after_s)},
            ) from None
        row = await run_in_threadpool(find, body.username)
        try:
            ok = await ctx.passwords.matches(row.password_hash if row else None, body.password)
        except Busy:
            ctx.throttle.released(attempt)
            raise ApiError(
                503, "busy", "the server is busy signing people in; retry", {"Retry-After": "1"}
            ) from None
        if row is None or not ok:
            who = body.username if row is not None else unknown_username(body.username)
            ctx.failures.note("auth.login_failed", address, who)
            raise ApiError(401, "bad_credentials", "wrong username or password")
        ctx.throttle.succeeded(attempt)
        token, expires = await run_in_threadpool(issue, row.id)
        log.info("agent %s signed in", row.id)
        return LoginResponse(token=token, expires_at=expires, agent=agent_out(row))

    def revoke(token: str) -> None:
        with db.write() as tx:
            agent_id = accounts.revoke_token(tx.conn, token)
            if agent_id is not None:
                audit.record(tx, "auth.logout", actor_id=agent_id)

    @router.post(f"{API}/auth/logout", status_code=204)
    async def logout(token: TokenDep) -> None:
        if len(token) > 256 or text_problem(token) is not None:
            return
        await run_in_threadpool(revoke, token)
        ctx.hub.revoke(accounts.token_digest(token))  # this process's streams end at once

    @router.get(f"{API}/me", response_model=AgentOut)
    def me(viewer: ViewerDep) -> AgentOut:
        with db.read() as conn:
            row = conn.execute(sa.select(t.agents).where(t.agents.c.id == viewer.agent_id)).one()
        return agent_out(row)

    return router
