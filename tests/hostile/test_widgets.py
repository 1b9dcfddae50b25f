"""The hostile corpus in every widget that shows customer text: literal text, nothing loaded."""

from __future__ import annotations

import html
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent_desk.app import compose_window
from agent_desk.core.enums import Role
from agent_desk.core.ids import new_id
from agent_desk.core.links import may_open_attachment
from agent_desk.services.desk import DeskService
from agent_desk.store.local import Me
from agent_desk.store.store import Store, now_text
from agent_desk.ui.customer_panel import NOTE_LIMIT
from agent_desk.ui.knowledge_panel import PREVIEW_LIMIT
from agent_desk.ui.main_window import MainWindow
from agent_desk.ui.queue_model import TierRole
from tests.hostile.payloads import PAYLOADS


@pytest.fixture
def hostile_window(qtbot, tmp_path: Path):
    store = Store(tmp_path / "cache.db")
    me = Me(new_id(), "team-a")
    conversations = []
    with store.transaction() as tx:
        tx.write(
            "agent",
            {
                "id": me.agent_id,
                "username": "a",
                "display_name": "<b>Agent</b>",
                "role": "agent",
                "team_id": "team-a",
                "presence": "available",
                "max_concurrent": 5,
            },
        )
        for payload in PAYLOADS:
            customer_id, conv_id = new_id(), new_id()
            tx.write(
                "customer",
                {
                    "id": customer_id,
                    "name": payload[:200],
                    "identities": [{"kind": "email", "value": payload[:300]}],
                    "attributes": {},
                    "tags": [payload[:50]],
                    "agent_note": payload,
                    "lifecycle_stage": "new",
                    "value_tier": "gold",
                    "lifetime_value_minor": 0,
                    "currency": "CNY",
                    "locale": "zh_CN",
                },
            )
            tx.write(
                "order",
                {
                    "id": new_id(),
                    "order_no": payload[:64],
                    "customer_id": customer_id,
                    "status": "paid",
                    "currency": "CNY",
                    "total_minor": 100,
                    "lines": [],
                    "payment": {},
                    "shipment": {"carrier": payload[:40], "tracking_no": payload[:40]},
                    "placed_at": now_text(),
                },
            )
            tx.write(
                "conversation",
                {
                    "id": conv_id,
                    "customer_id": customer_id,
                    "channel": "chat",
                    "subject": payload[:300],
                    "status": "open",
                    "priority": "normal",
                    "assignee_id": me.agent_id,
                    "team_id": "team-a",
                    "last_message_at": now_text(),
                    "last_message_preview": payload[:200],
                    "message_count": 1,
                    "waiting_since": now_text(),
                },
            )
            tx.write(
                "message",
                {
                    "id": new_id(),
                    "conversation_id": conv_id,
                    "kind": "inbound",
                    "author_customer_id": customer_id,
                    "body": payload,
                    # the payload as an attachment's name and address too (an old row)
                    "attachments": [
                        {
                            "name": payload[:255],
                            "content_type": "text/html",
                            "size": 1,
                            "url": payload[:2048],
                        }
                    ],
                    "seq": 1,
                    "created_at": now_text(),
                    "delivery": "sent",
                },
            )
            conversations.append((conv_id, payload))
    desk = DeskService(store, me, Role.AGENT)
    window = compose_window(
        store, desk, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    yield window, conversations
    window.close()
    store.close()


def _labels_are_plain(window: MainWindow) -> None:
    for label in window.findChildren(QLabel):
        if label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText or not any(
                marker in label.text() for marker in ("<", "&")
            ), f"a label that may render markup: {label.text()[:80]!r}"


def test_every_payload_is_shown_literally(hostile_window) -> None:
    window, conversations = hostile_window
    model = window.model
    assert model.rowCount() == len(PAYLOADS)
    names = {
        (model.data(model.index(r, 0)), model.data(model.index(r, 0), TierRole))
        for r in range(model.rowCount())
    }
    previews = {model.data(model.index(r, 2)) for r in range(model.rowCount())}
    for r in range(model.rowCount()):
        tooltip = model.data(model.index(r, 2), Qt.ItemDataRole.ToolTipRole)
        raw = model.row_data(r)["last_message_preview"]
        assert (
            tooltip.startswith("<qt>")
            and html.unescape(tooltip[4:-5]).replace("<br>", "\n") == raw[:2000]
        )
    for conv_id, payload in conversations:
        assert (payload[:200], "gold") in names
        assert " ".join(payload[:200].split())[:120] in previews
        window.case.open_conversation(conv_id)
        messages = window.conversation.model
        shown = messages.data(messages.index(0, 0))
        assert shown.endswith(payload), "the message body must be shown as written"
        menu = window.conversation.message_menu(messages.index(0, 0))
        (entry,) = next(a.menu() for a in menu.actions() if a.text() == "Open attachment").actions()
        assert entry.text() == ("📎 " + payload[:255] + " (1 KB)").replace("&", "&&")
        assert entry.isEnabled() == may_open_attachment(payload[:2048])
        assert payload[:300] in window.conversation.header.text()
        # the agent note, verbatim (a note longer than the server accepts: its start, read-only)
        assert payload[:NOTE_LIMIT] in window.customer.text()
        assert window.customer.note.isReadOnly() == (len(payload) > NOTE_LIMIT)
        _labels_are_plain(window)
        window.repaint()  # painting must not fetch or crash


def test_nothing_is_fetched_or_opened(hostile_window, monkeypatch) -> None:
    """Painting every payload opens no URL and reads no file named by a message."""
    from PySide6.QtGui import QDesktopServices

    opened: list[object] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    window, conversations = hostile_window
    for conv_id, _payload in conversations:
        window.case.open_conversation(conv_id)
        window.grab()
    assert opened == []


def test_hostile_articles_stay_plain_in_the_knowledge_tab(hostile_window) -> None:
    """Articles come from the company's own editors, but a pasted page or a compromised editor
    account must not turn the Knowledge tab into a browser either."""
    window, conversations = hostile_window
    with window.store.transaction() as tx:
        for n, payload in enumerate(PAYLOADS):
            tx.write(
                "article",
                {
                    "id": f"hostile-{n}",
                    "title": f"退款 refund {payload[:200]}",
                    "body": f"退款 refund {payload}",
                    "scenario": "refund",
                    "tags": [payload[:40]],
                    "locale": "zh_CN",
                    "status": "published",
                    "version": 1,
                    "updated_at": now_text(),
                },
            )
    window.knowledge.catch_up()
    panel = window.knowledge_panel
    window.answers.search("退款 refund")
    assert panel.model.rowCount() > 0
    for row in range(panel.model.rowCount()):
        item = panel.model.items[row]
        shown = panel.model.data(panel.model.index(row), Qt.ItemDataRole.DisplayRole)
        assert shown == f"{item.title}\n{item.snippet}"  # strings, painted as strings
        tooltip = panel.model.data(panel.model.index(row), Qt.ItemDataRole.ToolTipRole)
        assert tooltip.startswith("<qt>") and "<img" not in tooltip and "<b>" not in tooltip
        panel.list.setCurrentIndex(panel.model.index(row))
        body = window.store.row("SELECT body FROM articles WHERE id = ?", (item.id,))["body"]
        shown = panel.preview.toPlainText()
        # a plain-text editor, verbatim (it writes line breaks its own way; very long: shortened)
        expected = body.replace("\r\n", "\n").replace("\r", "\n")[:PREVIEW_LIMIT]
        assert shown.replace("\u2029", "\n").startswith(expected)
    window.grab()
    _labels_are_plain(window)
    window.case.open_conversation(conversations[0][0])
    window.answers.insert_answer(panel.model.items[0].id)
    assert window.conversation.composer.editor.toPlainText().startswith("退款 refund")
