"""What agents fetch of a received mail, only when they ask: an attachment's bytes and the
original (its headers and whole text, quotes and all). Both need the right to see the
conversation; an unknown id and someone else's look the same (404).

An attachment is always sent as ``application/octet-stream`` with ``Content-Disposition:
attachment`` and ``nosniff``, so nothing renders or runs it; the type we sniffed travels in
``X-Agent-Desk-Content-Type`` for the window to show.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from fastapi import APIRouter, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from agent_desk.core.errors import DomainError, NotFound
from agent_desk.server.feed.visibility import load_conversation
from agent_desk.server.http.context import API, ServerContext, ViewerDep
from agent_desk.server.http.errors import ApiError
from agent_desk.server.storage import schema as t

log = logging.getLogger(__name__)


class MailOriginal(BaseModel):
    message_id: str
    header_id: str
    from_address: str | None
    subject: str
    headers: list[tuple[str, str]]
    text: str
    html_only: bool
    size: int


def _ascii_name(name: str) -> str:
    kept = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in name)
    return kept or "attachment"


def routes(ctx: ServerContext) -> APIRouter:
    router = APIRouter()
    database = ctx.db

    @router.get(f"{API}/attachments/{{attachment_id}}")
    async def download_attachment(attachment_id: str, viewer: ViewerDep) -> Response:
        """An attachment's bytes, for the agent who asked to save it."""

        def load() -> Any:
            with database.read() as conn:
                row = conn.execute(
                    sa.select(t.attachments).where(t.attachments.c.id == attachment_id[:64])
                ).first()
                if row is None:
                    raise NotFound("no such attachment")
                load_conversation(conn, viewer, row.conversation_id)
                return row

        try:
            row = await run_in_threadpool(load)
        except DomainError as exc:
            raise ApiError(404, "not_found", "no such attachment") from exc
        log.info("agent %s downloaded attachment %s", viewer.agent_id, row.id)
        disposition = (
            f'attachment; filename="{_ascii_name(row.filename)}"; '
            f"filename*=UTF-8''{quote(row.filename, safe='')}"
        )
        return Response(
            content=bytes(row.data),
            media_type="application/octet-stream",
            headers={
                "Content-Disposition": disposition,
                "X-Content-Type-Options": "nosniff",
                "X-Agent-Desk-Content-Type": row.content_type,
                "Cache-Control": "private, no-store",
                "Content-Security-Policy": "sandbox; default-src 'none'",
            },
        )

    @router.get(f"{API}/messages/{{message_id}}/original", response_model=MailOriginal)
    async def mail_original(message_id: str, viewer: ViewerDep) -> MailOriginal:
        """A received mail as it came: its headers and whole text (plain), quotes included."""

        def load() -> MailOriginal:
            with database.read() as conn:
                row = conn.execute(
                    sa.select(t.mail_originals, t.messages.c.conversation_id)
                    .join(t.messages, t.messages.c.id == t.mail_originals.c.message_id)
                    .where(t.mail_originals.c.message_id == message_id[:64])
                ).first()
                if row is None:
                    raise NotFound("no original for this message")
                load_conversation(conn, viewer, row.conversation_id)
                return MailOriginal(
                    message_id=row.message_id,
                    header_id=row.header_id,
                    from_address=row.from_address,
                    subject=row.subject,
                    headers=[(str(k), str(v)) for k, v in row.headers],
                    text=row.text,
                    html_only=row.html_only,
                    size=row.size,
                )

        try:
            return await run_in_threadpool(load)
        except DomainError as exc:
            raise ApiError(404, "not_found", "no original for this message") from exc

    return router
