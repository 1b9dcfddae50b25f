"""Routes channels call: a customer's message in (``/inbound/{channel}``) and a receipt for a
reply we delivered (``/deliveries/receipts``), both signed (:mod:`agent_desk.protocol.signing`).

Inbound on a channel is signed with the secret of one of its enabled webhook connections, or with
the server-wide inbound secret (``AGENT_DESK_INBOUND_SECRET``) for a platform set up before
connections existed. A receipt is signed with the secret of the connection that sent the delivery.
"""

from __future__ import annotations

import logging
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Header, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from agent_desk.core.enums import Channel
from agent_desk.core.errors import DomainError
from agent_desk.protocol import InboundAck, InboundMessage
from agent_desk.protocol.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, signature_problem
from agent_desk.server.cases import inbound
from agent_desk.server.cases.timeline import require_actor
from agent_desk.server.channels import connections, delivery
from agent_desk.server.feed.visibility import load_conversation
from agent_desk.server.http import errors, session
from agent_desk.server.http.context import API, ServerContext, ViewerDep
from agent_desk.server.http.errors import ApiError
from agent_desk.server.storage import schema as t

log = logging.getLogger(__name__)


class Receipt(BaseModel):
    model_config = ConfigDict(extra="forbid")

    delivery_id: str = Field(min_length=1, max_length=64)
    status: Literal["delivered", "read", "failed"]
    reason: str = Field(default="", max_length=300)


class ReceiptAck(BaseModel):
    delivery_id: str
    status: str  # the delivery's state after the receipt


def routes(ctx: ServerContext) -> APIRouter:
    router = APIRouter()
    database, settings = ctx.db, ctx.settings

    def refuse(problem: str, request: Request, what: str, detail: str) -> ApiError:
        ctx.failures.note(f"{what}.bad_signature", session.client_address(request), detail)
        if problem == "stale_signature":
            return ApiError(
                401, problem, "the signature's timestamp is outside the 5-minute window"
            )
        return ApiError(401, problem, "the signature does not match the channel and body")

    def inbound_secrets(channel: str) -> list[bytes]:
        with database.read() as conn:
            found = connections.inbound_secrets(conn, ctx.box, channel)
        if settings.inbound_secret:
            found.append(settings.inbound_secret.encode())
        return found

    @router.post(f"{API}/inbound/{{channel}}", response_model=InboundAck)
    async def receive_inbound(
        channel: Channel,
        request: Request,
        signature: Annotated[str | None, Header(alias=SIGNATURE_HEADER, max_length=200)] = None,
        timestamp: Annotated[str | None, Header(alias=TIMESTAMP_HEADER, max_length=20)] = None,
    ) -> InboundAck:
        """A channel delivers a customer's message, signed."""
        raw = await request.body()
        problem: str | None = "bad_signature"
        for secret in await run_in_threadpool(inbound_secrets, channel.value):
            problem = signature_problem(
                secret, channel.value, raw, timestamp=timestamp, signature=signature
            )
            if problem is None or problem == "stale_signature":
                break
        if problem is not None:
            raise refuse(problem, request, "inbound", channel.value)
        try:
            payload = InboundMessage.model_validate_json(raw)
        except ValueError as exc:
            raise ApiError(422, "invalid_request", errors.first_error(exc)) from exc
        return await run_in_threadpool(
            inbound.receive, database, channel, payload, team_id=settings.default_team_id
        )

    @router.post(f"{API}/deliveries/receipts", response_model=ReceiptAck)
    async def receive_receipt(
        request: Request,
        signature: Annotated[str | None, Header(alias=SIGNATURE_HEADER, max_length=200)] = None,
        timestamp: Annotated[str | None, Header(alias=TIMESTAMP_HEADER, max_length=20)] = None,
    ) -> ReceiptAck:
        """A receiver confirms a delivery (delivered, read) or reports it failed, signed with
        the secret of the connection that sent it (over ``timestamp.channel.body``)."""
        raw = await request.body()
        try:
            receipt = Receipt.model_validate_json(raw)
        except ValueError as exc:
            raise ApiError(422, "invalid_request", errors.first_error(exc)) from exc

        def signer() -> tuple[str, str, bytes] | None:
            with database.read() as conn:
                row = conn.execute(
                    sa.select(t.deliveries.c.connection_id, t.deliveries.c.channel).where(
                        t.deliveries.c.id == receipt.delivery_id
                    )
                ).first()
                if row is None or row.connection_id is None:
                    return None
                secret = connections.secret_of(conn, ctx.box, row.connection_id)
                return row.connection_id, row.channel, secret.encode()

        found = await run_in_threadpool(signer)
        if found is None:  # the same answer as a bad signature: ids are not probed
            raise refuse("bad_signature", request, "receipt", "-")
        connection_id, channel, secret = found
        problem = signature_problem(secret, channel, raw, timestamp=timestamp, signature=signature)
        if problem is not None:
            raise refuse(problem, request, "receipt", channel)

        def apply() -> str:
            with database.write() as tx:
                return delivery.apply_receipt(
                    tx, connection_id, receipt.delivery_id, receipt.status, receipt.reason
                )

        try:
            status = await run_in_threadpool(apply)
        except DomainError as exc:
            raise ApiError(422, exc.code, exc.message) from exc
        return ReceiptAck(delivery_id=receipt.delivery_id, status=status)

    @router.post(f"{API}/conversations/{{conversation_id}}/typing", status_code=204)
    async def agent_typing(conversation_id: str, viewer: ViewerDep) -> Response:
        """The agent is writing a reply: the customer's web chat may show "typing…" for a few
        seconds. Only who may reply (the assignee, a supervisor) can say so."""

        def check() -> None:
            with database.read() as conn:
                conv = load_conversation(conn, viewer, conversation_id[:64])
                require_actor(viewer, conv)

        try:
            await run_in_threadpool(check)
        except DomainError as exc:
            raise ApiError(403 if exc.code == "forbidden" else 404, exc.code, exc.message) from exc
        ctx.typing.typing(conversation_id)
        ctx.hub.wake_message_waiters()
        return Response(status_code=204)

    return router
