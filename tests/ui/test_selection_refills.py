"""The case's facts follow the agent's focus (issue 14, item 2), in the real window on the real
demo server, gestures sent to the widgets: an inserted answer follows the order selected in the
360 (click or keys) until the agent edits it; "where is my refund" with no order named fills from
the refunded order, which the 360 shows selected; the 360 shows each order's refunds and a
compensation history that counts order-level refunds once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from agent_desk.core.knowledge import normalize, scenario_order
from agent_desk.core.money import format_money
from agent_desk.core.refunds import order_refund
from agent_desk.ui import labels
from agent_desk.ui.main_window import MainWindow
from tests.system.conftest import isolated_env, memory_keyring, set_backend  # noqa: F401
from tests.system.keyrings import MemoryKeyring
from tests.ui.windows import demo_session, wait_until

pytestmark = pytest.mark.asyncio


def _my_open_conversations(store: Any, me: str) -> list[dict[str, Any]]:
    return list(
        store.rows(
            "SELECT id, customer_id FROM conversations WHERE assignee_id = ? "
            "AND status != 'resolved' ORDER BY last_message_at DESC",
            (me,),
        )
    )


def _orders(store: Any, customer_id: str) -> list[dict[str, Any]]:
    rows = store.rows(
        "SELECT * FROM orders WHERE customer_id = ? ORDER BY placed_at DESC", (customer_id,)
    )
    for row in rows:
        for key in ("lines", "payment", "shipment"):
            row[key] = json.loads(row[key] or "null")
    return list(rows)


def _type(qtbot: Any, widget: QWidget, text: str) -> None:
    """Typing: keys for ASCII, an input method's commit for Chinese (what an IME sends)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _click(qtbot: Any, viewport: QWidget, rect: Any) -> None:
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


def _click_order(qtbot: Any, window: MainWindow, order_id: str) -> None:
    """A real click on the order's row in the 360 (its tab shown first, by a click)."""
    bar = window.side.tabBar()
    _click(qtbot, bar, bar.tabRect(window.side.indexOf(window.customer)))
    panel = window.customer
    row = panel.orders_model.row_of(order_id)
    assert row is not None
    index = panel.orders_model.index(row, 0)
    panel.orders.scrollTo(index)
    _click(qtbot, panel.orders.viewport(), panel.orders.visualRect(index))


async def _search_and_insert(qtbot: Any, window: MainWindow, query: str, placeholder: str) -> str:
    bar = window.side.tabBar()
    _click(qtbot, bar, bar.tabRect(window.side.indexOf(window.knowledge_panel)))
    panel, knowledge = window.knowledge_panel, window.knowledge

    def using() -> int | None:
        if panel.heading.text() != "Search results":
            return None
        for n, item in enumerate(panel.model.items):
            article = knowledge.article(item.id)
            if (
                article is not None
                and placeholder in article.body
                and getattr(article, "audience", "customer") == "customer"
            ):
                return n
        return None

    panel.search.setFocus()
    _type(qtbot, panel.search, query)
    await wait_until(lambda: using() is not None)
    row = using()
    assert row is not None
    _click(qtbot, panel.list.viewport(), panel.list.visualRect(panel.model.index(row)))
    article_id = panel.model.items[row].id
    qtbot.mouseClick(panel.insert, Qt.MouseButton.LeftButton)
    return article_id


async def test_the_360_selection_refills_an_untouched_answer(
    qapp,
    qtbot,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the system tests' fixture
    isolated_env: Path,  # noqa: F811
) -> None:
    async with demo_session(qapp) as (_desk, session, _db):
        window, store = session.window, session.store
        me = session.engine.me.agent_id
        conv = next(
            c
            for c in _my_open_conversations(store, me)
            if len(_orders(store, c["customer_id"])) >= 3
        )
        orders = _orders(store, conv["customer_id"])
        window.show()
        window.case.show_conversation(conv["id"])
        panel, composer = window.customer, window.conversation.composer
        await wait_until(lambda: window.knowledge_panel.model.rowCount() > 0)
        composer.clear()

        # the 360 shows which order the answers use, selected by the window (not the agent)
        shown = panel.selected_order_id()
        assert shown is not None and panel.chosen_order_id() is None
        number = {o["id"]: str(o["order_no"]) for o in orders}

        await _search_and_insert(qtbot, window, "查看物流", "{order_no}")
        assert number[shown] in composer.editor.toPlainText()

        # a real click on another order: the untouched answer now names that order
        other = next(o["id"] for o in orders if o["id"] != shown)
        _click_order(qtbot, window, other)
        assert panel.chosen_order_id() == other
        text = composer.editor.toPlainText()
        assert number[other] in text and number[shown] not in text
        assert "{order_no}" not in text
        assert window.actions_panel.order.currentData() == other, "the Actions tab follows"

        # the keys move the selection too; typing before the answer does not count as editing it
        composer.editor.moveCursor(composer.editor.textCursor().MoveOperation.Start)
        qtbot.keyClicks(composer.editor, "Hi ")
        panel.orders.setFocus()
        qtbot.keyClick(panel.orders, Qt.Key.Key_Down)
        third = panel.chosen_order_id()
        assert third is not None and third != other
        text = composer.editor.toPlainText()
        assert text.startswith("Hi ") and number[third] in text and number[other] not in text

        # the agent edits the answer: the next selection leaves it as they wrote it, and says so
        composer.editor.setFocus()
        composer.editor.moveCursor(composer.editor.textCursor().MoveOperation.End)
        qtbot.keyClick(composer.editor, Qt.Key.Key_Backspace)
        edited = composer.editor.toPlainText()
        _click_order(qtbot, window, other)
        assert panel.chosen_order_id() == other
        assert composer.editor.toPlainText() == edited
        assert number[other] in window.statusBar().currentMessage()


async def test_where_is_my_refund_without_an_order_fills_from_the_refunded_one(
    qapp,
    qtbot,
    memory_keyring: MemoryKeyring,  # noqa: F811
    isolated_env: Path,  # noqa: F811
) -> None:
    async with demo_session(qapp) as (_desk, session, _db):
        window, store, knowledge = session.window, session.store, session.window.knowledge
        me = session.engine.me.agent_id
        mine = _my_open_conversations(store, me)
        window.show()
        window.case.show_conversation(mine[0]["id"])
        await wait_until(lambda: window.knowledge_panel.model.rowCount() > 0)  # indexed

        def refund_case(conv: dict[str, Any]) -> bool:
            """About a refund, no order named, the latest order not refunded, one that is."""
            situation = knowledge.situation(conv["id"])
            if situation is None:
                return False
            orders = situation.context.orders
            said = normalize(situation.text)
            return (
                len(orders) >= 2
                and ("退" in said or "refund" in said)
                and order_refund(orders[0]) is None
                and any(order_refund(o) is not None for o in orders)
                and not any(normalize(str(o["order_no"])) in said for o in orders)
            )

        conv = next(c for c in mine if refund_case(c))
        situation = knowledge.situation(conv["id"])
        assert situation is not None
        expected = scenario_order(situation.context.orders, "refund_status")
        assert expected is not None and expected is not situation.context.orders[0]

        window.case.show_conversation(conv["id"])
        composer = window.conversation.composer
        await wait_until(lambda: window.knowledge_panel.model.rowCount() > 0)
        composer.clear()
        # the 360 selects the order the case is about (here the words alone do not say)
        assert window.customer.selected_order_id() is not None
        assert window.customer.chosen_order_id() is None

        # the agent looks for the refund answer and inserts it: it is filled from the refunded
        # order (the bug: the latest order, and {refund_amount} left as written)
        article_id = await _search_and_insert(qtbot, window, "退款到账", "{refund_amount}")
        article = knowledge.article(article_id)
        assert article is not None and article.scenario == "refund_status"
        text = composer.editor.toPlainText()
        amount = format_money(int(expected["payment"]["refunded_minor"]), expected["currency"])
        assert amount in text, text
        assert "{refund_amount}" not in text
        # and the 360 and the Actions tab now show that order
        assert window.customer.selected_order_id() == expected["id"]
        assert window.actions_panel.order.currentData() == expected["id"]


async def test_the_360_shows_refunds_and_counts_them_in_the_history(
    qapp,
    qtbot,
    memory_keyring: MemoryKeyring,  # noqa: F811
    isolated_env: Path,  # noqa: F811
) -> None:
    async with demo_session(qapp) as (_desk, session, _db):
        window, store = session.window, session.store
        me = session.engine.me.agent_id
        actions = session.window.resolution

        def partly_refunded(conv: dict[str, Any]) -> dict[str, Any] | None:
            return next(
                (
                    o
                    for o in _orders(store, conv["customer_id"])
                    if o["status"] == "partially_refunded"
                ),
                None,
            )

        conv = next(c for c in _my_open_conversations(store, me) if partly_refunded(c))
        order = partly_refunded(conv)
        assert order is not None
        window.show()
        window.case.show_conversation(conv["id"])
        panel = window.customer
        row = panel.orders_model.row_of(order["id"])
        assert row is not None
        cell = panel.orders_model.refund_text(order)
        amount = labels.money(int(order["payment"]["refunded_minor"]), order["currency"])
        assert cell.startswith(amount) and cell.endswith("partial"), cell
        assert cell in panel.text()
        line = panel.compensation.text()
        assert line and not line.startswith("No refunds"), line
        # every refund is in the history once: as the action that made it, or as the order's
        history = actions.compensation(conv["customer_id"])
        for o in _orders(store, conv["customer_id"]):
            refund = order_refund(o)
            if refund is None:
                continue
            by_action = sum(
                int(a.get("amount_minor") or 0)
                for a in history
                if a.get("source") != "order"
                and a.get("order_id") == o["id"]
                and a.get("type")
                in ("refund", "refund_no_return", "refund_shipping", "cancel_order")
            )
            on_order = sum(
                int(a["amount_minor"])
                for a in history
                if a.get("source") == "order" and a.get("order_id") == o["id"]
            )
            assert on_order == max(0, refund.amount_minor - by_action), o["order_no"]
        shown_outside = [a for a in history if a.get("source") == "order"][:5]
        for entry in shown_outside:
            if entry in history[:5]:
                assert f"Refund on order {entry['order_no']}" in line

        # a customer whose refund came from an executed action: it is not counted twice
        twice = store.row(
            "SELECT a.customer_id, a.order_id, o.order_no FROM actions a "
            "JOIN orders o ON o.id = a.order_id WHERE a.status = 'executed' "
            "AND a.type = 'refund' "
            "AND json_extract(o.payment, '$.refunded_minor') = a.amount_minor LIMIT 1"
        )
        assert twice is not None, "the demo has refunds made by an action"
        history = actions.compensation(twice["customer_id"])
        assert not any(
            a.get("source") == "order" and a.get("order_id") == twice["order_id"] for a in history
        )
        assert any(
            a.get("type") == "refund" and a.get("order_id") == twice["order_id"] for a in history
        )
