"""Requests and responses of the HTTP API (all under ``/api/v1``)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from agent_desk.core.enums import Presence, Role
from agent_desk.core.text import text_problem

SCHEMA_VERSION = 1
"""Bumped when a client's local cache can no longer be updated in place and must reset."""

MAX_BODY_CHARS = 100_000
"""Longest message body accepted (characters). Longer bodies are refused with ``too_large``."""

MAX_MUTATIONS_PER_BATCH = 200


class Strict(BaseModel):
    """Request bodies: unknown fields are an error, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid")


def _storable(value: str) -> str:
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


Text = Annotated[str, AfterValidator(_storable)]
"""A string that can be stored anywhere (no NUL, no lone surrogate: ``core.text``)."""


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class HealthResponse(BaseModel):
    status: Literal["ok"]
    schema_version: int
    database: str
    server_time: datetime


class LoginRequest(Strict):
    username: Text = Field(min_length=1, max_length=128)
    password: Text = Field(min_length=1, max_length=1024)


class AgentOut(BaseModel):
    id: str
    username: str
    display_name: str
    role: Role
    team_id: str | None
    presence: Presence
    max_concurrent: int


class LoginResponse(BaseModel):
    token: str
    expires_at: datetime
    agent: AgentOut


class ChangeRecord(BaseModel):
    entity: str
    id: str
    op: Literal["upsert", "delete"]
    data: dict[str, Any] | None = None


class ChangesResponse(BaseModel):
    changes: list[ChangeRecord]
    cursor: str
    has_more: bool
    schema_version: int = SCHEMA_VERSION
    behind: int = 0
    """Change rows after ``cursor`` when the page was read, for everyone: an upper bound of
    what is still to come, so a client can show how far a first sync has got."""


class MutationIn(Strict):
    id: Text = Field(min_length=1, max_length=64)
    name: Text = Field(min_length=1, max_length=64)
    args: dict[str, Any] = Field(default_factory=dict)


class MutationBatch(Strict):
    client_id: Text = Field(min_length=1, max_length=64)
    schema_version: int = SCHEMA_VERSION
    mutations: list[MutationIn] = Field(max_length=MAX_MUTATIONS_PER_BATCH)


class MutationError(BaseModel):
    code: str
    message: str


class MutationResult(BaseModel):
    id: str
    status: Literal["applied", "rejected"]
    error: MutationError | None = None
    result: dict[str, Any] | None = None
    replayed: bool = False


class MutationsResponse(BaseModel):
    results: list[MutationResult]


class EventType(StrEnum):
    POKE = "poke"
    HEARTBEAT = "heartbeat"


class PokeEvent(BaseModel):
    """Data of a ``poke`` server-sent event: pull now, there is something up to ``cursor``."""

    cursor: str


class InboundSender(Strict):
    """Who wrote to us. At least one identity must be given."""

    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=64)
    email: str | None = Field(default=None, max_length=320)
    wechat_id: str | None = Field(default=None, max_length=128)
    app_user_id: str | None = Field(default=None, max_length=128)


class InboundMessage(Strict):
    """What a channel delivers. ``external_id`` makes redelivery idempotent."""

    external_id: str = Field(min_length=1, max_length=200)
    sender: InboundSender
    body: str = Field(max_length=MAX_BODY_CHARS)
    subject: str | None = Field(default=None, max_length=300)
    locale: str | None = Field(default=None, max_length=16)
    sent_at: datetime | None = None


class InboundAck(BaseModel):
    customer_id: str
    conversation_id: str
    message_id: str
    created_conversation: bool
    created_customer: bool
    duplicate: bool
