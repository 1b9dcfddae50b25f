"""HTTP to the Agent Desk server: one long-lived AsyncClient, typed errors, bounded replies."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from httpx_sse import aconnect_sse
from pydantic import BaseModel, Field, ValidationError

from agent_desk import __version__
from agent_desk.core.ids import new_id
from agent_desk.protocol import (
    SCHEMA_VERSION,
    ChangesResponse,
    LoginResponse,
    MutationsResponse,
)

log = logging.getLogger(__name__)

MAX_REPLY_BYTES = 32 * 1024 * 1024
T = TypeVar("T", bound=BaseModel)
_SERVER_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class SyncError(Exception):
    """Something went wrong talking to the server. ``transient`` errors are retried."""

    transient = True
    code = "sync_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class Unreachable(SyncError):
    code = "unreachable"


class BadReply(SyncError):
    """The server answered with something that is not what the protocol says."""

    code = "bad_reply"


class ServerFailed(SyncError):
    code = "server_error"


class AuthRequired(SyncError):
    transient = False
    code = "auth_required"


class ResetRequired(SyncError):
    transient = False
    code = "reset_required"


class SchemaMismatch(SyncError):
    transient = False
    code = "schema_mismatch"


class Refused(SyncError):
    """A 4xx the request itself caused (bad credentials, invalid request)."""

    transient = False
    code = "refused"


class MailOriginal(BaseModel):
    """A received mail as the server kept it (``GET /messages/{id}/original``): every header,
    decoded, and the whole text with its quotes. All of it is the sender's text: plain only."""

    message_id: str
    header_id: str
    from_address: str | None = None
    subject: str = ""
    headers: list[tuple[str, str]] = Field(default_factory=list)
    text: str = ""
    html_only: bool = False
    size: int = 0


@dataclass(frozen=True, slots=True)
class Download:
    """An attachment's bytes and the type the server sniffed from them (for showing only)."""

    data: bytes
    content_type: str


@dataclass(frozen=True, slots=True)
class ServerEvent:
    event: str
    id: str | None
    data: str


class Transport:
    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        verify: bool | str = True,
        timeout: float = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._client = httpx.AsyncClient(
            base_url=self.base_url + "/api/v1",
            verify=verify,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            headers={"User-Agent": f"agent-desk/{__version__}"},
            transport=transport,
            limits=httpx.Limits(max_connections=8, max_keepalive_connections=4),
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    def _headers(self) -> dict[str, str]:
        headers = {"X-Request-ID": new_id()}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    async def _fetch(self, method: str, path: str, **kwargs: Any) -> tuple[bytes, httpx.Headers]:
        """The reply's body (at most MAX_REPLY_BYTES) and headers; an error status raises."""
        try:
            async with self._client.stream(
                method, path, headers=self._headers(), **kwargs
            ) as reply:
                body = bytearray()
                async for chunk in reply.aiter_bytes():
                    body += chunk
                    if len(body) > MAX_REPLY_BYTES:
                        raise BadReply("the server's reply is too large")
                status, headers = reply.status_code, reply.headers
        except httpx.TimeoutException as exc:
            raise Unreachable("the server did not answer in time") from exc
        except httpx.TransportError as exc:
            raise Unreachable(f"cannot reach the server ({type(exc).__name__})") from exc
        if status >= 400:
            raise _error_for(status, bytes(body))
        return bytes(body), headers

    async def _call(self, method: str, path: str, model: type[T], **kwargs: Any) -> T:
        body, _headers = await self._fetch(method, path, **kwargs)
        try:
            return model.model_validate_json(body)
        except ValidationError as exc:
            raise BadReply("the server's reply does not follow the protocol") from exc

    async def login(self, username: str, password: str) -> LoginResponse:
        reply = await self._call(
            "POST", "/auth/login", LoginResponse, json={"username": username, "password": password}
        )
        self.token = reply.token
        return reply

    async def logout(self) -> None:
        try:
            await self._client.post("/auth/logout", headers=self._headers())
        except httpx.TransportError:
            log.info("sign-out could not reach the server; the token is forgotten locally")
        self.token = None

    async def typing(self, conversation_id: str) -> None:
        """The agent is writing a reply in this conversation (the customer's page may say so)."""
        try:
            reply = await self._client.post(
                f"/conversations/{conversation_id}/typing", headers=self._headers()
            )
        except httpx.TransportError as exc:
            raise Unreachable(f"cannot reach the server ({type(exc).__name__})") from exc
        if reply.status_code >= 400:
            raise _error_for(reply.status_code, reply.content)

    async def mail_original(self, message_id: str) -> MailOriginal:
        """A received mail as it came (online only; Refused ``not_found`` when there is none
        or the agent may not see its conversation)."""
        if not _SERVER_ID.match(message_id):
            raise Refused("not a message id", code="not_found")
        return await self._call("GET", f"/messages/{message_id}/original", MailOriginal)

    async def attachment(self, attachment_id: str) -> Download:
        """An attachment's bytes (online only; Refused ``not_found`` like the original)."""
        if not _SERVER_ID.match(attachment_id):
            raise Refused("not an attachment id", code="not_found")
        data, headers = await self._fetch("GET", f"/attachments/{attachment_id}")
        sniffed = headers.get("X-Agent-Desk-Content-Type", "application/octet-stream")
        return Download(data, sniffed[:127])

    async def pull(self, after: str | None, limit: int) -> ChangesResponse:
        params: dict[str, Any] = {"limit": limit, "schema_version": SCHEMA_VERSION}
        if after:
            params["after"] = after
        return await self._call("GET", "/changes", ChangesResponse, params=params)

    async def push(self, client_id: str, mutations: list[dict[str, Any]]) -> MutationsResponse:
        body = {"client_id": client_id, "schema_version": SCHEMA_VERSION, "mutations": mutations}
        return await self._call("POST", "/mutations", MutationsResponse, json=body)

    async def events(
        self, last_event_id: str | None, heartbeat_timeout: float
    ) -> AsyncIterator[ServerEvent]:
        """Server-sent events until the stream ends; raises Unreachable when it breaks or stalls."""
        headers = self._headers()
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        try:
            async with aconnect_sse(
                self._client,
                "GET",
                "/events",
                headers=headers,
                timeout=httpx.Timeout(heartbeat_timeout, connect=5.0),
            ) as source:
                if source.response.status_code >= 400:
                    body = await source.response.aread()
                    raise _error_for(source.response.status_code, body)
                stream = source.aiter_sse().__aiter__()
                while True:
                    try:
                        sse = await asyncio.wait_for(stream.__anext__(), heartbeat_timeout)
                    except StopAsyncIteration:
                        return
                    except TimeoutError as exc:
                        raise Unreachable("no heartbeat from the server") from exc
                    yield ServerEvent(sse.event, sse.id or None, sse.data)
        except httpx.TimeoutException as exc:
            raise Unreachable("no heartbeat from the server") from exc
        except httpx.TransportError as exc:
            raise Unreachable(f"the event stream broke ({type(exc).__name__})") from exc


def _error_for(status: int, body: bytes) -> SyncError:
    code, message = "", ""
    try:
        parsed = json.loads(body[:65536])
        if isinstance(parsed, dict) and isinstance(parsed.get("error"), dict):
            code = str(parsed["error"].get("code", ""))[:64]
            message = str(parsed["error"].get("message", ""))[:300]
    except ValueError:
        pass
    if status == 401:
        return AuthRequired(message or "sign in again", code=code or None)
    if status == 410:
        return ResetRequired(message or "the server asks for a fresh start")
    if status == 409 and code == "schema_mismatch":
        return SchemaMismatch(message or "this version of Agent Desk does not match the server")
    if status == 429 or status >= 500:
        return ServerFailed(f"the server failed (HTTP {status})", code=code or None)
    if not code:
        return BadReply(f"unexpected HTTP {status} from the server")
    return Refused(message or f"HTTP {status}", code=code)
