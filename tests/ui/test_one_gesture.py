"""One gesture, one effect (issue 14, its first defects): a double-click on a suggestion inserts
it once (and counts once on the server); the Knowledge tab's search does not carry over to the
next conversation and hide its suggestions; a reply with a template's gap is never sent."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from agent_desk.server.storage import schema as t
from tests.system.conftest import isolated_env, memory_keyring, set_backend  # noqa: F401
from tests.system.keyrings import MemoryKeyring
from tests.ui.windows import demo_session, wait_until

pytestmark = pytest.mark.asyncio


async def test_one_gesture_one_effect(
    qapp,
    qtbot,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the system tests' fixture
    isolated_env: Path,  # noqa: F811
) -> None:
    async with demo_session(qapp) as (_desk, session, db):
        window, store = session.window, session.store
        mine = [
            r["id"]
            for r in store.rows(
                "SELECT id FROM conversations WHERE assignee_id = ? AND status != 'resolved' "
                "ORDER BY last_message_at DESC LIMIT 2",
                (session.engine.me.agent_id,),
            )
        ]
        window.show()
        window.case.show_conversation(mine[0])
        window.side.setCurrentWidget(window.knowledge_panel)
        panel, composer = window.knowledge_panel, window.conversation.composer
        await wait_until(lambda: panel.model.rowCount() > 0)
        composer.clear()

        # a double-click inserts the answer once
        article_id = panel.model.items[0].id
        rect = panel.list.visualRect(panel.model.index(0))
        asked: list[str] = []
        panel.insert_requested.connect(asked.append)
        # what a real double-click sends: press, release, double-click, release
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert asked == [article_id], asked
        inserted = composer.editor.toPlainText()
        assert inserted.strip(), "the answer is in the reply"
        first_line = inserted.strip().splitlines()[0]
        assert inserted.count(first_line) == 1, "inserted once, not twice"
        await session.engine.sync_once()
        with db.read() as conn:
            counted = conn.execute(
                sa.select(t.articles.c.inserted_count).where(t.articles.c.id == article_id)
            ).scalar_one()
        assert counted == 1, "and counted once on the server"

        # a template's gap never reaches the customer: Ctrl+Enter refuses, saying which
        before = store.row("SELECT count(*) AS n FROM messages WHERE kind = 'outbound'")["n"]
        composer.editor.setPlainText("您的退款 {refund_amount} 已原路退回")
        qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        after = store.row("SELECT count(*) AS n FROM messages WHERE kind = 'outbound'")["n"]
        assert after == before, "not sent"
        assert "{refund_amount}" in composer.hint.text()
        assert composer.editor.textCursor().selectedText() == "{refund_amount}"
        composer.clear()

        # the search of one conversation does not hide the next one's suggestions
        panel.search.setText("发票")
        await wait_until(lambda: panel.heading.text() == "Search results")
        window.case.show_conversation(mine[1])
        assert panel.search.text() == ""
        await wait_until(
            lambda: panel.heading.text() == "Suggested for what the customer just said"
        )
