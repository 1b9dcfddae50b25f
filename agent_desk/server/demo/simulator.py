"""The demo's customer simulator: customers keep writing in — through the signed inbound webhook
(app, social, phone, email) and through the web chat widget's API (new chat visitors) — and they
read the replies they get and answer some of them ("thanks, that helps", a follow-up question),
so the demo is a conversation, not a stream of first messages."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import secrets
from dataclasses import dataclass
from typing import Any

import httpx

from agent_desk.core.enums import Channel, IdentityKind
from agent_desk.protocol.signing import signed_headers
from agent_desk.server.demo import texts
from agent_desk.server.demo.texts import EN, ZH

log = logging.getLogger(__name__)

EXISTING_SHARE = 0.60
FOLLOW_UP_SHARE = 0.15
ANSWER_SHARE = 0.6  # replies a simulated customer answers
ANSWER_AFTER_S = (4.0, 15.0)  # how long they take to read and answer
_MAX_THREADS = 50
_MAX_VISITORS = 12  # web chat visitors whose page it keeps reading
_IDENTITY_OF_CHANNEL = {
    Channel.APP.value: IdentityKind.APP_USER_ID.value,
    Channel.SOCIAL.value: IdentityKind.WECHAT_ID.value,
    Channel.PHONE.value: IdentityKind.PHONE.value,
}

_ZH_MAIL = frozenset(texts.ZH_EMAIL_DOMAINS) - {"gmail.com"}
_CHANNEL_OF_KIND: dict[str, tuple[Channel, ...]] = {
    IdentityKind.PHONE.value: (Channel.PHONE, Channel.CHAT),
    IdentityKind.EMAIL.value: (Channel.EMAIL,),
    IdentityKind.WECHAT_ID.value: (Channel.SOCIAL,),
    IdentityKind.APP_USER_ID.value: (Channel.APP,),
}


@dataclass(frozen=True, slots=True)
class _Thread:
    channel: Channel
    sender: dict[str, str]
    locale: str


@dataclass(slots=True)
class _Visitor:
    """A web chat visitor the simulator plays: their token and what their page has shown."""

    token: str
    locale: str
    seen: set[str]


def guess_locale(kind: str, value: str, rng: random.Random) -> str:
    """The language a known identity most likely writes in."""
    if kind == IdentityKind.PHONE.value:
        return ZH if value.startswith("+86") else EN
    if kind == IdentityKind.EMAIL.value:
        return ZH if value.rpartition("@")[2] in _ZH_MAIL else EN
    if kind == IdentityKind.WECHAT_ID.value:
        return ZH
    return ZH if rng.random() < 0.7 else EN


class CustomerSimulator:
    """Posts a customer message every ``60 / rate_per_minute`` seconds (with jitter) until stopped.

    About 60% come from known customers, 15% follow up a thread it started, the rest are new
    people. Failures are logged (status code only) and the loop carries on.
    """

    def __init__(
        self,
        base_url: str,
        secret: bytes,
        *,
        rate_per_minute: float,
        seed: int,
        known_identities: list[tuple[str, str]],
        answer_share: float = ANSWER_SHARE,
        answer_after_s: tuple[float, float] = ANSWER_AFTER_S,
    ) -> None:
        if rate_per_minute <= 0:
            raise ValueError("rate_per_minute must be positive")
        self.base_url = base_url.rstrip("/")
        self._secret = secret
        self.interval = 60.0 / rate_per_minute
        self._rng = random.Random(seed)
        self._known = [(k, v) for k, v in known_identities if k in _CHANNEL_OF_KIND]
        self._threads: list[_Thread] = []
        self._run_token = secrets.token_hex(4)  # external ids differ between runs
        self._count = 0
        self._visitors: list[_Visitor] = []
        self._answers: list[tuple[float, str, dict[str, Any]]] = []  # (due, how, what)
        self._loop: asyncio.AbstractEventLoop | None = None
        self.answer_share = answer_share
        self.answer_after_s = answer_after_s
        self.sent = 0
        self.failed = 0
        self.answered = 0

    # ---------------------------------------------------------------- payloads

    def one_payload(self) -> tuple[str, dict[str, Any]]:
        """The channel and body of the next inbound message."""
        rng = self._rng
        self._count += 1
        roll = rng.random()
        if self._threads and roll < FOLLOW_UP_SHARE:
            thread = rng.choice(self._threads)
            body = rng.choice(texts.SIM_FOLLOWUPS[thread.locale])
            return thread.channel.value, self._payload(thread, body, None)
        if self._known and roll < FOLLOW_UP_SHARE + EXISTING_SHARE:
            kind, value = rng.choice(self._known)
            channel = rng.choice(_CHANNEL_OF_KIND[kind])
            thread = _Thread(channel, {kind: value}, guess_locale(kind, value, rng))
        else:
            thread = self._new_person()
        subject, body = self._opener(thread.locale)
        self._threads.append(thread)
        if len(self._threads) > _MAX_THREADS:
            self._threads.pop(0)
        return thread.channel.value, self._payload(
            thread, body, subject if thread.channel is Channel.EMAIL else None
        )

    def _payload(self, thread: _Thread, body: str, subject: str | None) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "external_id": f"sim-{self._run_token}-{self._count}",
            "sender": dict(thread.sender),
            "body": body,
            "locale": thread.locale,
        }
        if subject is not None:
            payload["subject"] = subject
        return payload

    def _opener(self, locale: str) -> tuple[str, str]:
        rng = self._rng
        subject, body = rng.choice(texts.SIM_OPENERS[locale])
        product = rng.choice(texts.CATALOG)
        if locale == ZH:
            city, streets = rng.choice(texts.ZH_CITIES)
            slots = {
                "item": product.zh,
                "height": f"身高{rng.randint(155, 185)}cm",
                "weight": f"体重{rng.randint(45, 85)}kg",
                "new_address": f"{city}市{rng.choice(streets)} {rng.randint(1, 399)} 号",
            }
        else:
            city, _, _, streets = rng.choice(texts.EN_CITIES)
            slots = {
                "item": product.en,
                "height": f"{rng.randint(5, 6)}'{rng.randint(0, 11)}\"",
                "weight": f"{rng.randint(110, 200)} lb",
                "new_address": f"{rng.randint(2, 480)} {rng.choice(streets)}, {city}",
            }
        return subject.format_map(slots), body.format_map(slots)

    def _new_person(self) -> _Thread:
        rng = self._rng
        tag = f"{self._run_token[:4]}{self._count}"
        if rng.random() < 0.7:
            surname, s_py = rng.choice(texts.ZH_SURNAMES)
            given, g_py = rng.choice(texts.ZH_GIVEN)
            name, handle = surname + given, s_py + g_py
            channel = rng.choice(
                (Channel.CHAT, Channel.PHONE, Channel.SOCIAL, Channel.APP, Channel.EMAIL)
            )
            sender: dict[str, str] = {"name": name}
            if channel is Channel.SOCIAL:
                sender["wechat_id"] = f"{handle}_{tag}"
            elif channel is Channel.APP:
                sender["app_user_id"] = f"u{rng.randrange(100_000_000, 999_999_999)}"
            elif channel is Channel.EMAIL:
                sender["email"] = f"{handle}.{tag}@{rng.choice(texts.ZH_EMAIL_DOMAINS)}"
            else:
                prefix = rng.choice(("138", "139", "150", "186", "188", "177", "199"))
                sender["phone"] = prefix + "".join(rng.choice("0123456789") for _ in range(8))
            return _Thread(channel, sender, ZH)
        first, last = rng.choice(texts.EN_FIRST), rng.choice(texts.EN_LAST)
        handle = f"{first}.{last}".lower().replace("'", "")
        channel = rng.choice((Channel.EMAIL, Channel.EMAIL, Channel.CHAT, Channel.APP))
        sender = {"name": f"{first} {last}"}
        if channel is Channel.APP:
            sender["app_user_id"] = f"u{rng.randrange(100_000_000, 999_999_999)}"
        else:
            sender["email"] = f"{handle}.{tag}@{rng.choice(texts.EN_EMAIL_DOMAINS)}"
        return _Thread(channel, sender, EN)

    # ---------------------------------------------------------------- answering replies

    def heard(self, delivery: dict[str, Any]) -> None:
        """The demo's receiver got an agent's reply for an app, social or phone customer (on its
        own thread): maybe answer it a little later."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._maybe_answer, "webhook", delivery)

    def _maybe_answer(self, how: str, what: dict[str, Any]) -> None:
        if self._rng.random() < self.answer_share:
            due = asyncio.get_running_loop().time() + self._rng.uniform(*self.answer_after_s)
            self._answers.append((due, how, what))

    def _answer_text(self, locale: str) -> str:
        return self._rng.choice(texts.SIM_ANSWERS[locale])

    async def _answer_due(self, client: httpx.AsyncClient) -> None:
        now = asyncio.get_running_loop().time()
        due = [a for a in self._answers if a[0] <= now]
        self._answers = [a for a in self._answers if a[0] > now]
        for _when, how, what in due:
            if how == "widget":
                visitor = what["visitor"]
                await self._widget_say(client, visitor, self._answer_text(visitor.locale))
                continue
            channel = str(what.get("channel"))
            identity = (what.get("customer") or {}).get("identity") or {}
            kind, value = identity.get("kind"), identity.get("value")
            if channel not in _IDENTITY_OF_CHANNEL or not kind or not value:
                continue
            locale = ZH if any("\u4e00" <= ch <= "\u9fff" for ch in str(what.get("body"))) else EN
            self._count += 1
            payload = self._payload(_Thread(Channel(channel), {kind: value}, locale), "", None)
            payload["body"] = self._answer_text(locale)
            if await self._post_inbound(client, channel, payload):
                self.answered += 1

    async def _read_pages(self, client: httpx.AsyncClient) -> None:
        """Each simulated visitor's page: new replies are read (and maybe answered)."""
        for visitor in list(self._visitors):
            try:
                reply = await client.get(
                    "/api/v1/widget/messages", headers={"X-Agent-Desk-Visitor": visitor.token}
                )
            except httpx.HTTPError:
                continue
            if not reply.is_success:
                continue
            fresh = [
                m
                for m in reply.json()["messages"]
                if m["from"] == "agent" and m["id"] not in visitor.seen
            ]
            if not fresh:
                continue
            visitor.seen.update(m["id"] for m in fresh)
            with contextlib.suppress(httpx.HTTPError):
                await client.post(
                    "/api/v1/widget/receipts",
                    json={"message_ids": [m["id"] for m in fresh], "status": "read"},
                    headers={"X-Agent-Desk-Visitor": visitor.token},
                )
            self._maybe_answer("widget", {"visitor": visitor})

    async def _widget_say(self, client: httpx.AsyncClient, visitor: _Visitor, body: str) -> bool:
        self._count += 1
        try:
            reply = await client.post(
                "/api/v1/widget/messages",
                json={"client_id": f"sim-{self._run_token}-{self._count}", "body": body},
                headers={"X-Agent-Desk-Visitor": visitor.token},
            )
        except httpx.HTTPError as exc:
            log.warning("simulated visitor message not delivered: %s", type(exc).__name__)
            return False
        return reply.is_success

    async def _new_visitor(
        self, client: httpx.AsyncClient, thread: _Thread, body: str
    ) -> bool | None:
        """A new chat customer arrives through the web chat (as a browser would); None when
        the server has no web chat."""
        try:
            reply = await client.post(
                "/api/v1/widget/session",
                json={"name": thread.sender.get("name"), "locale": thread.locale},
            )
        except httpx.HTTPError:
            return False
        if reply.status_code == 404:
            return None
        if not reply.is_success:
            return False
        visitor = _Visitor(reply.json()["token"], thread.locale, set())
        self._visitors = [*self._visitors[-(_MAX_VISITORS - 1) :], visitor]
        return await self._widget_say(client, visitor, body)

    # ---------------------------------------------------------------- the loop

    async def run(self, stop: asyncio.Event) -> None:
        """Send messages, read replies and answer some, until ``stop`` is set. Only
        cancellation escapes."""
        self._loop = asyncio.get_running_loop()
        loop = self._loop
        async with httpx.AsyncClient(base_url=self.base_url, timeout=10.0) as client:
            next_new = loop.time()
            while not stop.is_set():
                if loop.time() >= next_new:
                    await self._send_one(client)
                    next_new = loop.time() + self.interval * self._rng.uniform(0.5, 1.5)
                try:
                    await self._read_pages(client)
                    await self._answer_due(client)
                except Exception as exc:  # never let one answer stop the demo
                    log.warning("simulated answer failed: %s", type(exc).__name__)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=min(1.0, self.interval))
        self._loop = None

    async def _send_one(self, client: httpx.AsyncClient) -> None:
        try:
            channel, payload = self.one_payload()
        except Exception as exc:  # never let a bad payload stop the demo
            self.failed += 1
            log.warning("simulated customer message failed: %s", type(exc).__name__)
            return
        thread = self._threads[-1] if self._threads else None
        new_chat = (
            channel == Channel.CHAT.value
            and thread is not None
            and "name" in thread.sender
            and payload["sender"] == thread.sender
        )
        ok: bool | None = None
        if new_chat and thread is not None:  # a new person on chat: through the web chat
            ok = await self._new_visitor(client, thread, payload["body"])
        if ok is None:  # not chat, or a server without a web chat: the webhook
            ok = await self._post_inbound(client, channel, payload)
        if ok:
            self.sent += 1
        else:
            self.failed += 1

    async def _post_inbound(
        self, client: httpx.AsyncClient, channel: str, payload: dict[str, Any]
    ) -> bool:
        try:
            body = json.dumps(payload, ensure_ascii=False).encode()
            reply = await client.post(
                f"/api/v1/inbound/{channel}",
                content=body,
                headers={
                    "Content-Type": "application/json",
                    **signed_headers(self._secret, channel, body),
                },
            )
        except httpx.HTTPError as exc:
            log.warning("simulated customer message not delivered: %s", type(exc).__name__)
            return False
        if not reply.is_success:
            log.warning("simulated customer message refused: HTTP %s", reply.status_code)
        return reply.is_success
