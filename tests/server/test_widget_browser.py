"""The web chat widget in a real browser (Debian's chromium, headless, via Selenium) against the
real server: the customer writes in the page, the message reaches the agent's client cache, the
agent answers through the client's services, the answer appears in the page a moment later (and
is marked delivered and read), a reload keeps the history, and hostile text stays text."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from agent_desk.server.storage import schema as t
from tests.sync.conftest import Backend, Client, make_client

pytestmark = [pytest.mark.asyncio, pytest.mark.browser]


async def until(condition: Callable[[], Any], within: float = 15.0) -> Any:
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.1)


def bubbles(browser: Any) -> list[tuple[str, str]]:
    """(class, text of the bubble) of every message in the page, in order."""
    return [
        (li.get_attribute("class"), li.find_element(By.CLASS_NAME, "bubble").text)
        for li in browser.find_elements(By.CSS_SELECTOR, "#messages li")
    ]


async def test_a_customer_and_an_agent_talk_through_the_widget(
    browser: Any, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    backend.connect_widget()
    sam = await make_client(backend, "sam", tmp_path / "sam.db")  # a supervisor sees the team
    clients.append(sam)
    await sam.engine.sync_once()

    browser.get(f"{backend.url}/widget")
    box = await until(lambda: browser.find_elements(By.ID, "box"))
    assert browser.find_element(By.ID, "title").text == "在线客服", "the browser's language"
    box[0].send_keys("你好，我的订单还没到")
    box[0].send_keys(Keys.ENTER)
    await until(lambda: "已发送" in browser.find_element(By.CSS_SELECTOR, "#messages li").text)

    async def conversation_in_cache() -> str:
        for _ in range(100):
            await sam.engine.sync_once()
            row = sam.store.row(
                "SELECT conversation_id FROM messages WHERE body = ?", ("你好，我的订单还没到",)
            )
            if row:
                return str(row["conversation_id"])
            await asyncio.sleep(0.1)
        raise AssertionError("the visitor's message never reached the agent")

    conv = await conversation_in_cache()
    sam.engine.note_typing(conv)  # the agent starts typing a reply, through the client core
    await until(lambda: browser.find_element(By.ID, "state").text == "客服正在输入…")
    hostile = "<img src=x onerror=\"document.title='owned'\"> 您好，马上帮您查"
    message_id, _ = sam.desk.send_reply(conv, hostile)
    await sam.engine.sync_once()
    await until(lambda: any(text == hostile for _cls, text in bubbles(browser)))
    assert browser.find_elements(By.CSS_SELECTOR, "#messages img") == [], "text, never HTML"
    assert browser.title != "owned"

    def status() -> str | None:
        rows = backend.query(
            sa.select(t.messages.c.delivery_status).where(t.messages.c.id == message_id)
        )
        return rows[0].delivery_status if rows else None

    await until(lambda: status() == "read")  # the page had it, and the visitor saw it

    browser.refresh()  # the same visitor (token kept by the page) sees the whole conversation
    await until(lambda: len(bubbles(browser)) == 2)
    assert bubbles(browser) == [("visitor", "你好，我的订单还没到"), ("agent", hostile)]


async def test_the_page_keeps_what_the_visitor_wrote_while_the_server_was_down(
    browser: Any, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    backend.connect_widget()
    sam = await make_client(backend, "sam", tmp_path / "sam.db")
    clients.append(sam)
    browser.get(f"{backend.url}/widget")
    box = await until(lambda: browser.find_elements(By.ID, "box"))
    box[0].send_keys("第一条")
    box[0].send_keys(Keys.ENTER)
    await until(lambda: "已发送" in browser.find_element(By.CSS_SELECTOR, "#messages li").text)

    backend.stop()  # the server goes away; the page says so and keeps what is typed
    await until(lambda: browser.find_element(By.ID, "state").text in ("正在重新连接…",))
    box[0].send_keys("还在吗？")
    box[0].send_keys(Keys.ENTER)
    await until(lambda: len(bubbles(browser)) == 2)
    assert "发送中…" in browser.find_elements(By.CSS_SELECTOR, "#messages li")[1].text

    backend.start()  # back on the same address: the outbox is sent, the stream resumes

    def arrived() -> bool:
        rows = backend.query(sa.select(t.messages.c.body).where(t.messages.c.body == "还在吗？"))
        return bool(rows)

    await until(arrived, within=30)
    await sam.engine.sync_once()
    conv = sam.store.row("SELECT conversation_id FROM messages WHERE body = ?", ("还在吗？",))
    assert conv is not None
    sam.desk.send_reply(str(conv["conversation_id"]), "在的，请讲")
    await sam.engine.sync_once()
    await until(lambda: ("agent", "在的，请讲") in bubbles(browser), within=30)
    assert [text for _cls, text in bubbles(browser)] == ["第一条", "还在吗？", "在的，请讲"]
