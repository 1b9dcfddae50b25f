"""What the routes share: built once by :func:`agent_desk.server.http.app.create_app`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from agent_desk.protocol import SCHEMA_VERSION
from agent_desk.server.audit.anonymous import AnonymousFailures
from agent_desk.server.auth import accounts
from agent_desk.server.auth.accounts import Session, Viewer
from agent_desk.server.auth.passwords import PasswordGate
from agent_desk.server.auth.throttle import SignInThrottle
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.channels.widget import TypingBoard
from agent_desk.server.config import ServerSettings
from agent_desk.server.feed.hub import PokeHub
from agent_desk.server.http.errors import ApiError
from agent_desk.server.mutations.handler import Handler
from agent_desk.server.storage.db import Database

API = "/api/v1"


@dataclass
class ServerContext:
    settings: ServerSettings
    db: Database
    hub: PokeHub
    handlers: Mapping[str, Handler]
    throttle: SignInThrottle
    passwords: PasswordGate
    failures: AnonymousFailures
    box: SecretBox  # opens channel secrets
    typing: TypingBoard = field(default_factory=TypingBoard)  # agents typing replies, now
    state: dict[str, str] = field(default_factory=dict)  # "epoch", set at start-up

    @property
    def epoch(self) -> str:
        return self.state["epoch"]

    def session(self, token: str) -> Session | None:
        with self.db.read() as conn:
            return accounts.resolve_session(conn, token)

    def check_schema(self, version: int | None) -> None:
        if version is not None and version != SCHEMA_VERSION:
            raise ApiError(
                409,
                "schema_mismatch",
                f"this server speaks schema {SCHEMA_VERSION}; the client sent {version}",
            )


_bearer = HTTPBearer(auto_error=False)


def current_token(
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise ApiError(401, "unauthorized", "sign in first")
    return creds.credentials


TokenDep = Annotated[str, Depends(current_token)]


def context_of(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.ctx
    return ctx


async def current_viewer(request: Request, token: TokenDep) -> Viewer:
    """The signed-in agent the request acts for, or 401."""
    session = await run_in_threadpool(context_of(request).session, token)
    if session is None:
        raise ApiError(401, "unauthorized", "the session is invalid or has expired")
    return session.viewer


ViewerDep = Annotated[Viewer, Depends(current_viewer)]
