"""The queue says what the case is (issue 14, item 3), in the real window on the real demo: a
row shows the scenario and the customer's request, not the "在吗？" they wrote last; Ctrl+Shift+N
takes the next case, opens it with the keyboard in the reply box and keeps its row selected and
in sight in the tab the agent is working."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from agent_desk.core.customer_request import is_filler
from agent_desk.protocol.signing import signed_headers
from agent_desk.store import queries
from agent_desk.store.queries import QueueView
from agent_desk.ui.queue_model import COLUMNS, LastMessageRole, ScenarioRole
from tests.server.world import INBOUND_SECRET
from tests.sync.conftest import Backend, Client
from tests.system.conftest import isolated_env, memory_keyring, set_backend  # noqa: F401
from tests.system.keyrings import MemoryKeyring
from tests.ui.windows import demo_session, open_window, wait_until

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "knowledge" / "demo_articles.jsonl"

pytestmark = pytest.mark.asyncio

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


async def test_rows_say_the_scenario_and_the_request_not_the_filler(
    qapp,
    qtbot,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the system tests' fixture
    isolated_env: Path,  # noqa: F811
) -> None:
    async with demo_session(qapp) as (_desk, session, _db):
        window = session.window
        window.show()
        await wait_until(lambda: not window.hub.gathering)  # the first sync reached the views
        window.queue_panel.select_view(QueueView.TEAM)
        model, column = window.model, COLUMNS.index("preview")
        assert model.headerData(column, Qt.Orientation.Horizontal, 0) == "Request"
        rows = [model.index(r, column) for r in range(model.rowCount())]
        waiting = [i for i in rows if is_filler(str(i.data(LastMessageRole)))]
        assert len(waiting) >= 5, "the demo has customers whose last words are a filler"
        hello = [i for i in waiting if i.data(LastMessageRole) == "在吗？"]
        assert hello, "and one of them wrote 在吗？"
        for index in waiting:
            shown = str(index.data(Qt.ItemDataRole.DisplayRole))
            assert not is_filler(shown), (shown, index.data(LastMessageRole))
        tagged = [i for i in waiting if i.data(ScenarioRole)]
        assert len(tagged) >= len(waiting) * 0.8, "most of them with a scenario"
        for index in hello:
            tag, shown = index.data(ScenarioRole), index.data(Qt.ItemDataRole.DisplayRole)
            assert shown != "在吗？" and tag
            spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
            assert spoken == f"{tag}: {shown}", "a screen reader hears the scenario too"
            described = index.sibling(index.row(), 0).data(
                Qt.ItemDataRole.AccessibleDescriptionRole
            )
            assert tag in described and shown in described
            assert "在吗？" in index.data(Qt.ItemDataRole.ToolTipRole), "the last words on hover"
        labels = queries.scenario_labels(session.store)
        assert all(" · " not in str(i.data(ScenarioRole)) for i in tagged), "one language"
        assert any(str(i.data(ScenarioRole)) in labels.get(s, "") for i in tagged for s in labels)
        window.queue.viewport().repaint()  # the delegate draws the tag (no warning, no error)


async def test_ctrl_shift_n_takes_the_next_case_into_the_reply_box_and_keeps_its_row(
    qapp,
    qtbot,
    memory_keyring: MemoryKeyring,  # noqa: F811
    isolated_env: Path,  # noqa: F811
) -> None:
    async with demo_session(qapp) as (_desk, session, _db):
        window, store, me = session.window, session.store, session.engine.me
        window.show()
        await wait_until(lambda: not window.hub.gathering)
        window.activateWindow()
        await wait_until(window.isActiveWindow)
        panel, table, composer = window.queue_panel, window.queue, window.conversation.composer
        panel.select_view(QueueView.UNASSIGNED)
        expected = queries.next_case(store, me, may_claim=True)
        assert expected is not None

        def kept_in_sight(conv_id: str) -> None:
            assert window.case.current == conv_id
            assert panel.current_view() is QueueView.UNASSIGNED, "the agent stays where they were"
            row = window.model.ids.index(conv_id)  # listed, though claimed
            assert table.currentIndex().row() == row
            assert table.selectionModel().isRowSelected(row)
            assert table.viewport().rect().intersects(table.visualRect(window.model.index(row, 0)))
            assert QApplication.focusWidget() is composer.editor, "the keyboard is in the reply"

        qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
        kept_in_sight(expected)
        known, assignee = queries.assignee_of(store, expected)
        assert known and assignee == me.agent_id, "taken: claimed by the agent"
        assert expected not in queries.queue_ids(store, QueueView.UNASSIGNED, me)

        # a reply is one typed text away
        qtbot.keyClicks(composer.editor, "Hello")
        assert composer.editor.toPlainText().endswith("Hello")
        composer.clear()

        # the next one: the first is no longer kept (it lives in Mine now), the second is
        second = queries.next_case(store, me, may_claim=True, skip=expected)
        assert second is not None and second != expected
        qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
        kept_in_sight(second)
        assert expected not in window.model.ids

        # moving on (another tab) lists only what the tab lists
        panel.select_view(QueueView.MINE)
        assert window.model.ids == queries.queue_ids(
            store, QueueView.MINE, me, sort=panel.current_sort(), filters=panel.filters()
        )
        assert expected in window.model.ids and second in window.model.ids


async def test_a_row_gets_its_scenario_once_the_articles_arrive(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    """The queue read the row before any article was synced: no scenario yet; the articles
    come in a later change-set and the row is worked out again, with no user action."""
    anna, window = await open_window(qtbot, backend, tmp_path, clients, "anna")
    window.queue_panel.select_view(QueueView.TEAM)
    body = json.dumps(
        {
            "external_id": "rq-1",
            "sender": {"email": "c_a@example.com"},
            "body": "衣服尺码偏小，想换大一号",
        }
    ).encode()
    async with httpx.AsyncClient(base_url=backend.url) as http:
        reply = await http.post(
            "/api/v1/inbound/chat",
            content=body,
            headers=signed_headers(INBOUND_SECRET.encode(), "chat", body),
        )
    assert reply.status_code == 200, reply.text
    conv_id = reply.json()["conversation_id"]
    await anna.engine.sync_once()
    model = window.model
    index = model.index(model.ids.index(conv_id), COLUMNS.index("preview"))
    assert index.data() == "衣服尺码偏小，想换大一号" and index.data(ScenarioRole) == ""

    with anna.store.transaction() as tx:  # what a sync page of articles writes
        with ARTICLES.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    tx.write("article", {"status": "published", "version": 1, **json.loads(line)})
        changes = tx.changes
    window.hub.publish(changes)
    await wait_until(lambda: bool(index.data(ScenarioRole)))
    assert index.data() == "衣服尺码偏小，想换大一号"
