"""Render the window on the demo data with a side tab open, offscreen (docs/screenshots.sh).

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshot.py OUT.png --lang en --tab knowledge
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", default="en")
    parser.add_argument(
        "--tab",
        choices=["customer", "knowledge", "actions", "widget", "undelivered", "refund-case"],
        default="knowledge",
        help="widget: the web chat page beside the window on the same conversation; "
        "undelivered: a reply on a channel with no connection (email); refund-case: a "
        "customer asks where their refund is without naming the order, the answer inserted",
    )
    parser.add_argument("--row", type=int, default=0)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from agent_desk import app as desk_app

    async def self_test(desk: desk_app.Desk, session: desk_app.Session) -> int:
        await session.engine.sync_once()
        window = session.window
        if args.tab == "widget":
            return await widget_beside_window(app, desk, session, args.out, args.lang)
        if args.tab == "undelivered":
            return await undelivered(app, session, args.out)
        if args.tab == "refund-case":
            return await refund_case(app, desk, session, args.out, args.lang)
        window.refresh(None)
        window.show()
        await _settle()
        window.queue.selectRow(args.row)
        await _settle()
        if args.tab == "knowledge":
            window.side.setCurrentWidget(window.knowledge_panel)
            panel = window.knowledge_panel
            if panel.model.rowCount():
                window.answers.insert_answer(panel.model.items[0].id)
        if args.tab == "actions":
            window.side.setCurrentWidget(window.actions_panel)
            # the form: the preview, and what is left for this customer and order
            window.actions_panel.type_buttons["refund"].click()
            await _settle()
        await _settle()
        return 0 if window.grab().save(args.out) else 1

    desk_app.Desk.self_test = self_test  # type: ignore[method-assign]
    return desk_app.main(["--demo", "--self-test", "--no-simulator", "--lang", args.lang])


async def _settle() -> None:
    """Let Qt and asyncio run a moment (never processEvents() inside a coroutine: an asyncio
    task woken there would be entered while this one runs)."""
    import asyncio

    await asyncio.sleep(0.1)


async def _synced(session: object, times: int = 3) -> None:
    import asyncio

    for _ in range(times):
        await session.engine.sync_once()  # type: ignore[attr-defined]
        await asyncio.sleep(0.3)


async def undelivered(app: QApplication, session: object, out: str) -> int:
    """A reply on an email conversation (the demo connects no mail server yet)."""
    window = session.window  # type: ignore[attr-defined]
    store = session.store  # type: ignore[attr-defined]
    row = store.row(
        "SELECT id FROM conversations WHERE channel = 'email' AND assignee_id = ? "
        "AND status != 'resolved' ORDER BY last_message_at DESC LIMIT 1",
        (window.me.agent_id,),
    )
    window.refresh(None)
    window.show()
    window.case.show_conversation(row["id"])
    window.case.reply("Thank you, I have asked the warehouse to check your order today.", False)
    await _synced(session)
    window.refresh(None)
    await _settle()
    window.conversation.messages.scrollToBottom()
    await _settle()
    return 0 if window.grab().save(out) else 1


async def refund_case(app: QApplication, desk: object, session: object, out: str, lang: str) -> int:
    """ "Where is my refund?" from a customer whose latest order is not the refunded one: the
    case opened from the queue and its answer inserted, as the agent would (issue 14's case)."""
    import json

    import httpx
    import sqlalchemy as sa

    from agent_desk.core.ids import new_id
    from agent_desk.protocol.signing import signed_headers
    from agent_desk.server.config import DEMO_INBOUND_SECRET
    from agent_desk.server.storage import schema as t
    from agent_desk.server.storage.db import Database

    locale = "zh_CN" if lang.startswith("zh") else "en"
    said = "你好，我的退款怎么还没到账？" if locale == "zh_CN" else "Hi, where is my refund?"
    db = Database(desk.demo.settings.database_url)  # type: ignore[attr-defined]
    with db.read() as conn:
        busy = set(
            conn.execute(
                sa.select(t.conversations.c.customer_id).where(
                    t.conversations.c.status != "resolved", t.conversations.c.channel == "chat"
                )
            ).scalars()
        )
        chosen = None
        for customer in conn.execute(
            sa.select(t.customers).where(t.customers.c.locale == locale).order_by(t.customers.c.id)
        ):
            orders = conn.execute(
                sa.select(t.orders)
                .where(t.orders.c.customer_id == customer.id)
                .order_by(t.orders.c.placed_at.desc())
            ).all()
            refunded = [o for o in orders if (o.payment or {}).get("refunded_minor")]
            if customer.id not in busy and refunded and orders[0] is not refunded[0]:
                chosen = customer
                break
        if chosen is None:
            return 1
        kind, value = conn.execute(
            sa.select(t.customer_identities.c.kind, t.customer_identities.c.value).where(
                t.customer_identities.c.customer_id == chosen.id
            )
        ).first()
    payload = json.dumps(
        {"external_id": new_id(), "sender": {kind: value}, "body": said}, ensure_ascii=False
    ).encode()
    async with httpx.AsyncClient(base_url=desk.demo.url) as http:  # type: ignore[attr-defined]
        reply = await http.post(
            "/api/v1/inbound/chat",
            content=payload,
            headers=signed_headers(DEMO_INBOUND_SECRET.encode(), "chat", payload),
        )
    db.dispose()
    if reply.status_code != 200:
        return 1
    window = session.window  # type: ignore[attr-defined]
    store = session.store  # type: ignore[attr-defined]
    await _synced(session)
    row = store.row("SELECT conversation_id FROM messages WHERE body = ?", (said,))
    if row is None:
        return 1
    window.refresh(None)
    window.show()
    window.queue_panel.select_view(window.views[1])  # Unassigned: where it arrived
    window.case.show_conversation(row["conversation_id"])
    await _settle()
    window.side.setCurrentWidget(window.knowledge_panel)
    bar = getattr(window, "case_bar", None)
    if bar is not None and bar.answer.isVisible():  # the answer the case bar offers
        bar.answer.click()
    elif window.knowledge_panel.model.rowCount():  # before it: the top suggestion
        window.answers.insert_answer(window.knowledge_panel.model.items[0].id)
    await _settle()
    return 0 if window.grab().save(out) else 1


async def widget_beside_window(
    app: QApplication, desk: object, session: object, out: str, lang: str
) -> int:
    """A customer writes in the web chat page; the agent answers in the window; both shown."""
    import asyncio
    import time

    from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    chinese = lang.startswith("zh")
    said = (
        "你好，我昨天下的单还没发货，能帮我看看吗？"
        if chinese
        else "Hi, my order from yesterday has not shipped yet, can you check?"
    )
    answer = (
        "您好，我来帮您查一下：订单已打包，今天下午发出，发货后会短信通知您。"
        if chinese
        else "Hello! Your order is packed and leaves this afternoon; you will get a text."
    )
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=420,760", "--force-device-scale-factor=1",
                     f"--lang={'zh-CN' if chinese else 'en-US'}"):  # fmt: skip
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs", {"intl.accept_languages": "zh-CN,zh" if chinese else "en-US,en"}
    )
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        browser.get(f"{desk.demo.url}/widget")  # type: ignore[attr-defined]
        await asyncio.sleep(1)
        box = browser.find_element(By.ID, "box")
        box.send_keys(said)
        box.send_keys(Keys.ENTER)
        await asyncio.sleep(1)
        window = session.window  # type: ignore[attr-defined]
        store = session.store  # type: ignore[attr-defined]
        row = None
        for _ in range(30):
            await _synced(session, 1)
            row = store.row("SELECT conversation_id FROM messages WHERE body = ?", (said,))
            if row is not None:
                break
        if row is None:
            print("the visitor's message never arrived:", browser.find_element(By.ID, "state").text)
            return 1
        window.refresh(None)
        window.show()
        window.queue_panel.select_view(window.views[1])  # Unassigned: where it arrived
        window.case.show_conversation(row["conversation_id"])
        window.case.claim()
        window.case.reply(answer, False)
        await _synced(session)
        deadline = time.monotonic() + 10
        while not browser.find_elements(By.CSS_SELECTOR, "#messages li.agent"):
            if time.monotonic() > deadline:
                return 1
            await asyncio.sleep(0.1)
        await asyncio.sleep(5)  # the page marks it read; the window shows it
        await _synced(session)
        window.refresh(None)
        await _settle()
        page = QImage()
        page.loadFromData(browser.get_screenshot_as_png())
    finally:
        browser.quit()
    shot = window.grab()
    gap = 16
    canvas = QPixmap(page.width() + gap + shot.width(), max(page.height(), shot.height()))
    canvas.fill(QColor("#d8dde4"))
    painter = QPainter(canvas)
    painter.drawImage(0, (canvas.height() - page.height()) // 2, page)
    painter.drawPixmap(page.width() + gap, 0, shot)
    painter.end()
    return 0 if canvas.save(out) else 1


if __name__ == "__main__":
    raise SystemExit(main())
