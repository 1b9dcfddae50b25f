"""The delivery sender that runs in every server process: claim due deliveries, POST each to its
connection's outbound URL (signed), record the outcome.

Webhook body: JSON with ``delivery_id``, ``conversation_id``, ``message_id``, ``channel``, the
``customer`` (id and identities on every channel), ``body``, ``attachments`` and ``sent_at``.
Headers: ``X-Agent-Desk-Timestamp`` and ``X-Agent-Desk-Signature`` (HMAC-SHA256 of
``timestamp.channel.body`` with the connection's secret, like inbound) and
``X-Agent-Desk-Delivery`` (the delivery id, the same on every attempt).
A 2xx is sent; a network error, a timeout, 408, 429 or 5xx is tried again later (``Retry-After``
honoured); any other status fails at once with the receiver's reason.

An email connection's deliveries go out over SMTP instead (:mod:`.email.outbound`), with the
same claiming, retries and bounds.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from email.utils import parsedate_to_datetime

import httpx
from starlette.concurrency import run_in_threadpool

from agent_desk.protocol.signing import signed_headers
from agent_desk.server.channels import connections, delivery
from agent_desk.server.channels.delivery import Job, Outcome
from agent_desk.server.channels.email import ingest, outbound
from agent_desk.server.channels.email.credentials import TokenRegistry, login_for
from agent_desk.server.channels.email.settings import CredentialError, smtp_endpoint
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.storage.db import CommittedChange, Database, utcnow

log = logging.getLogger(__name__)

DELIVERY_HEADER = "X-Agent-Desk-Delivery"
RETRYABLE = {408, 429}


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    with contextlib.suppress(ValueError):
        return max(0.0, float(value))
    with contextlib.suppress(TypeError, ValueError):
        return max(0.0, (parsedate_to_datetime(value) - utcnow()).total_seconds())
    return None


def outcome_of(response: httpx.Response) -> Outcome:
    code = response.status_code
    if 200 <= code < 300:
        return Outcome(ok=True, code=code)
    excerpt = " ".join(response.text[:160].split())
    error = f"HTTP {code}" + (f": {excerpt}" if excerpt else "")
    if code in RETRYABLE or code >= 500:
        return Outcome(
            ok=False,
            retry=True,
            code=code,
            error=error,
            retry_after=_retry_after(response.headers.get("Retry-After")),
        )
    return Outcome(ok=False, code=code, error=f"refused: {error}")


class DeliverySender:
    """Sends due deliveries until stopped. ``poke()`` (from any thread) wakes it at once."""

    def __init__(
        self,
        db: Database,
        box: SecretBox,
        *,
        poll_s: float = 1.0,
        batch: int = 20,
        lease_s: float = 60.0,
        tokens: TokenRegistry | None = None,
    ) -> None:
        self.db = db
        self.box = box
        self.tokens = tokens or TokenRegistry(db, box)
        self.poll_s = poll_s
        self.batch = batch
        self.lease_s = lease_s
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake = asyncio.Event()
        self._lock = threading.Lock()
        self.sent = 0  # attempts made by this sender (for the bench and tests)

    def committed(self, changes: list[CommittedChange]) -> None:
        """A commit in this process: a new outbound message may be due now."""
        if any(c.entity == "message" for c in changes):
            self.poke()

    def poke(self) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._wake.set)

    async def run(self, stopping: asyncio.Event) -> None:
        self._loop = asyncio.get_running_loop()
        async with httpx.AsyncClient(follow_redirects=False, trust_env=False) as http:
            while not stopping.is_set():
                self._wake.clear()  # before looking: a poke from now on is not lost
                try:
                    jobs = await run_in_threadpool(self._claim)
                except Exception:
                    log.exception("claiming deliveries failed")
                    jobs = []
                if jobs:
                    await asyncio.gather(*(self._send(http, job) for job in jobs))
                    continue  # there may be more due
                waiter = asyncio.ensure_future(self._wake.wait())
                stopper = asyncio.ensure_future(stopping.wait())
                _done, pending = await asyncio.wait(
                    {waiter, stopper}, timeout=self.poll_s, return_when=asyncio.FIRST_COMPLETED
                )
                for task in pending:
                    task.cancel()
        self._loop = None

    def _claim(self) -> list[Job]:
        with self.db.read() as conn:
            if not delivery.any_due(conn):
                return []
        with self.db.write() as tx:
            return delivery.claim(tx, limit=self.batch, lease_s=self.lease_s)

    def _sign(self, job: Job, body: bytes) -> dict[str, str]:
        with self.db.read() as conn:
            secret = connections.secret_of(conn, self.box, job.connection_id)
        headers = signed_headers(secret.encode(), job.channel, body)
        headers[DELIVERY_HEADER] = job.delivery_id
        headers["Content-Type"] = "application/json"
        return headers

    async def _send(self, http: httpx.AsyncClient, job: Job) -> None:
        if job.kind == "email":
            outcome, header_id = await self._send_mail(job)
        else:
            outcome, header_id = await self._post(http, job), None
        self.sent += 1

        def write() -> str:
            with self.db.write() as tx:
                result = delivery.record(tx, job, outcome)
                if result == delivery.SENT and header_id is not None:
                    ingest.remember_sent(
                        tx,
                        job.connection_id,
                        header_id,
                        job.conversation_id,
                        job.message_id,
                        job.delivery_id,
                    )
                return result

        try:
            result = await run_in_threadpool(write)
        except Exception:
            log.exception("recording delivery %s failed (its lease will run out)", job.delivery_id)
            return
        log.debug("delivery %s attempt %d: %s", job.delivery_id, job.attempts, result)

    async def _send_mail(self, job: Job) -> tuple[Outcome, str | None]:
        """One reply by email: (what came of it, the Message-ID it went out with)."""

        def prepare() -> tuple[connections.ChannelConnection, outbound.OutboundMail]:
            with self.db.write() as tx:
                connection = connections.get(tx.conn, job.connection_id)
                return connection, outbound.prepare(tx, connection, job)

        try:
            connection, mail = await run_in_threadpool(prepare)
            user = smtp_endpoint(str(connection.settings["smtp_url"])).user
            tokens = self.tokens.get(connection)
            login = await run_in_threadpool(login_for, connection, user, tokens)
        except outbound.NotSendable as exc:
            return Outcome(ok=False, error=str(exc)), None
        except CredentialError as exc:
            return Outcome(ok=False, retry=True, error=f"cannot sign in: {exc}"), None
        except Exception as exc:  # a broken key or setting: fail it, never stall the queue
            log.exception("delivery %s could not be prepared", job.delivery_id)
            return Outcome(ok=False, error=f"cannot_send: {type(exc).__name__}"), None
        try:
            message = outbound.build(mail)
        except (ValueError, TypeError) as exc:  # a header the mail format cannot carry
            log.warning("delivery %s cannot be written as mail: %s", job.delivery_id, exc)
            return Outcome(ok=False, error=f"cannot_send: not a valid mail ({exc})"[:300]), None
        result = await outbound.send(connection, login, message, job.timeout_s)
        if result.error.startswith("the mail server refused our sign-in") and tokens is not None:
            tokens.forget()  # a revoked or expired token: renew before the next attempt
        return result, mail.message_id

    async def _post(self, http: httpx.AsyncClient, job: Job) -> Outcome:
        body = json.dumps(job.payload, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            headers = await run_in_threadpool(self._sign, job, body)
            response = await http.post(
                job.url, content=body, headers=headers, timeout=job.timeout_s
            )
            outcome = outcome_of(response)
        except httpx.TimeoutException:
            outcome = Outcome(ok=False, retry=True, error=f"no answer within {job.timeout_s:g} s")
        except httpx.HTTPError as exc:
            outcome = Outcome(ok=False, retry=True, error=f"cannot reach the receiver: {exc}")
        except Exception as exc:  # a broken key, a bad URL: fail it, never stall the queue
            log.exception("delivery %s could not be sent", job.delivery_id)
            outcome = Outcome(ok=False, error=f"cannot_send: {type(exc).__name__}")
        return outcome
