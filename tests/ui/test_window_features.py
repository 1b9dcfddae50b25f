"""The window's everyday tools against the real server, offscreen: filters and sort (kept across
restarts), snooze / resolve / reopen, retry of a refused reply, links behind a confirmation,
the shortcut list, and no Alt+letter mnemonics anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from agent_desk.core.ids import new_id
from agent_desk.server.storage import schema as t
from agent_desk.store.queries import QueueSort, QueueView
from agent_desk.store.store import now_text
from agent_desk.ui.commands import assert_no_mnemonics
from agent_desk.ui.help_dialog import ShortcutsDialog
from agent_desk.ui.links import links_in, real_host
from agent_desk.ui.queue_model import COLUMNS
from tests.sync.conftest import Backend, Client, make_client
from tests.ui.windows import make_window, refused_reply, synced_client

pytestmark = pytest.mark.asyncio


async def test_filters_and_sort_apply_and_are_remembered(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await synced_client(backend, tmp_path, clients, "alice")
    window = make_window(alice, tmp_path)
    qtbot.addWidget(window)
    panel = window.queue_panel
    panel.select_view(QueueView.TEAM)
    everything = list(window.model.ids)
    assert everything
    channels = {
        alice.store.row("SELECT channel FROM conversations WHERE id = ?", (i,))["channel"]
        for i in everything
    }
    channel = sorted(channels)[0]
    panel.filter_actions[("channel", channel)].setChecked(True)
    shown = list(window.model.ids)
    assert shown and set(shown) <= set(everything)
    assert all(
        alice.store.row("SELECT channel FROM conversations WHERE id = ?", (i,))["channel"]
        == channel
        for i in shown
    )
    assert panel.filter_button.text().endswith("(1)")
    panel.sort.setCurrentIndex(panel.sort.findData(QueueSort.NEWEST.value))
    assert window.model.queue_sort is QueueSort.NEWEST
    window.close()
    again = make_window(alice, tmp_path)
    qtbot.addWidget(again)
    assert again.queue_panel.current_view() is QueueView.TEAM
    assert again.queue_panel.filters().channels == frozenset({channel})
    assert again.model.queue_sort is QueueSort.NEWEST
    again.queue_panel.clear_filters()
    assert set(again.model.ids) == set(everything)
    again.close()


async def test_snooze_resolve_reopen_reach_the_server(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await synced_client(backend, tmp_path, clients, "alice")
    window = make_window(alice, tmp_path)
    qtbot.addWidget(window)
    window.show()
    conv = backend.world.conversations["a_open"]
    window.case.show_conversation(conv)
    panel = window.conversation
    assert panel.snooze.isVisible() and panel.resolve.isVisible() and not panel.reopen.isVisible()
    panel.snooze_menu.actions()[0].trigger()  # for 1 hour
    assert "Snoozed until" in panel.header.text()
    await alice.engine.sync_once()
    status = alice.store.row("SELECT status FROM conversations WHERE id = ?", (conv,))["status"]
    assert status == "snoozed"
    panel.resolve.click()
    await alice.engine.sync_once()
    assert panel.reopen.isVisible() and not panel.resolve.isVisible()
    panel.reopen.click()
    await alice.engine.sync_once()
    row = alice.store.row("SELECT status FROM conversations WHERE id = ?", (conv,))
    assert row["status"] == "open"
    assert not alice.desk.rejections()
    on_server = backend.query(
        sa.select(t.conversations.c.status, t.conversations.c.resolved_at).where(
            t.conversations.c.id == conv
        )
    )
    assert [(r.status, r.resolved_at) for r in on_server] == [("open", None)]
    window.close()


async def test_a_refused_reply_shows_failed_and_retries(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    anna, window, _conv = await refused_reply(qtbot, backend, tmp_path, clients)
    window.refresh(None)
    model = window.conversation.model
    failed = [r for r in model.messages if r.get("delivery") == "failed"]
    assert [r["body"] for r in failed] == ["I'll help you"], "a refused reply stays visible"
    row = model.messages.index(failed[0])
    assert "failed" in model.data(model.index(row, 0))
    assert not window.banner.isHidden() and window.banner.kind == "error"
    assert "refused" in window.banner.text.text()
    menu = window.conversation.message_menu(model.index(row, 0))
    assert "Retry sending" in [a.text() for a in menu.actions()]
    window.case.retry(failed[0]["id"])  # queued again (the server will say no again: not hers)
    assert (
        anna.store.row("SELECT delivery FROM messages WHERE id = ?", (failed[0]["id"],))["delivery"]
        == "queued"
    )
    window.banner.button.click()  # dismiss: the refusals are acknowledged
    assert not anna.desk.rejections() and window.banner.isHidden()
    window.close()


async def test_links_open_only_after_confirmation_and_only_http_https_mailto(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    found = links_in(
        "see http://xn--80ak6aa92e.com/login, javascript:alert(1) file:///etc/passwd "
        "https://shop.example/orders?id=1 mailto:help@example.com"
    )
    assert [u.scheme() for u in found] == ["http", "https", "mailto"]
    assert real_host(found[0]) == "xn--80ak6aa92e.com"
    alice = await synced_client(backend, tmp_path, clients, "alice")
    opened: list[QUrl] = []
    window = make_window(alice, tmp_path, opened=opened)
    qtbot.addWidget(window)
    conv = backend.world.conversations["a_open"]
    with alice.store.transaction() as tx:
        tx.write(
            "message",
            {
                "id": new_id(),
                "conversation_id": conv,
                "kind": "inbound",
                "body": "track it at http://xn--80ak6aa92e.com/track or javascript:alert(1) "
                "file:///etc/passwd mailto:a@example.com?attach=/etc/passwd&subject=hi",
                "seq": 999,
                "created_at": now_text(),
                "delivery": "sent",
            },
        )
    window.case.show_conversation(conv)
    seen: list[str] = []

    def answer(button: QMessageBox.StandardButton | None) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        if button is None:
            next(b for b in box.buttons() if b.text() == "Open").click()
        else:
            box.button(button).click()

    QTimer.singleShot(50, lambda: answer(QMessageBox.StandardButton.Cancel))
    assert not window.conversation.open_link(found[0])
    assert opened == []
    QTimer.singleShot(50, lambda: answer(None))
    assert window.conversation.open_link(found[0])
    assert [u.toString() for u in opened] == [found[0].toString()]
    assert "xn--80ak6aa92e.com" in seen[0]  # the real host, not a look-alike
    # a message's menu lists its links; none of the other schemes
    model = window.conversation.model
    menu = window.conversation.message_menu(model.index(model.rowCount() - 1, 0))
    links = next(a.menu() for a in menu.actions() if a.text() == "Open link")
    offered = [a.text() for a in links.actions()]
    assert offered == [
        "http://xn--80ak6aa92e.com/track",
        "mailto:a@example.com?attach=/etc/passwd&&subject=hi",
    ]
    # the mailto is offered, but what opens carries no attach=
    QTimer.singleShot(50, lambda: answer(None))
    assert window.conversation.open_link(links_in(model.messages[-1]["body"])[1])
    assert opened[-1].toString() == "mailto:a@example.com?subject=hi"
    window.close()


async def test_attachments_are_listed_and_open_only_after_confirmation(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await synced_client(backend, tmp_path, clients, "alice")
    opened: list[QUrl] = []
    window = make_window(alice, tmp_path, opened=opened)
    qtbot.addWidget(window)
    conv = backend.world.conversations["a_open"]
    files = [
        {
            "name": "invoice.pdf",
            "content_type": "application/pdf",
            "size": 20480,
            "url": "https://files.example.com/invoice.pdf",
        },
        # an old row from before the server checked addresses: shown, never opened
        {
            "name": "<b>run me</b>.html",
            "content_type": "text/html",
            "size": 10,
            "url": "javascript:alert(1)",
        },
        {"name": "passwd", "content_type": "text/plain", "size": 10, "url": "file:///etc/passwd"},
    ]
    with alice.store.transaction() as tx:
        tx.write(
            "message",
            {
                "id": new_id(),
                "conversation_id": conv,
                "kind": "inbound",
                "body": "here are the files",
                "attachments": files,
                "seq": 999,
                "created_at": now_text(),
                "delivery": "sent",
            },
        )
    window.case.show_conversation(conv)
    model = window.conversation.model
    index = model.index(model.rowCount() - 1, 0)
    menu = window.conversation.message_menu(index)
    attached = next(a.menu() for a in menu.actions() if a.text() == "Open attachment")
    entries = attached.actions()
    assert [a.text() for a in entries] == [
        "📎 invoice.pdf (20 KB)",
        "📎 <b>run me</b>.html (1 KB)",
        "📎 passwd (1 KB)",
    ]
    assert [a.isEnabled() for a in entries] == [True, False, False]
    seen: list[str] = []

    def answer(open_it: bool) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.textFormat() == Qt.TextFormat.PlainText
        seen.append(box.text())
        if open_it:
            next(b for b in box.buttons() if b.text() == "Open").click()
        else:
            box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(50, lambda: answer(False))
    entries[0].trigger()
    assert opened == []  # cancelled: nothing opened
    QTimer.singleShot(50, lambda: answer(True))
    entries[0].trigger()
    assert [u.toString() for u in opened] == ["https://files.example.com/invoice.pdf"]
    assert "files.example.com" in seen[0] and "attachment" in seen[0]
    window.close()


async def test_the_customer_note_is_editable_only_by_the_case_owner(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    anna = await synced_client(backend, tmp_path, clients, "anna")
    window = make_window(anna, tmp_path)
    qtbot.addWidget(window)
    window.show()
    panel = window.customer
    # c_a's conversations: a_open is alice's, a_unassigned nobody's: anna only reads the note
    window.case.show_conversation(backend.world.conversations["a_unassigned"])
    assert panel.note.isReadOnly() and not panel.save_note.isVisible()
    assert "Only the agent assigned" in panel.note.toolTip()
    with pytest.raises(Exception, match="only the agent assigned"):
        window.desk.set_customer_note(backend.world.customers["c_a"], "anna was here")
    # once she claims one of the customer's conversations, the note is hers to change
    window.desk.claim(backend.world.conversations["a_unassigned"])
    window.case.show_conversation(backend.world.conversations["a_unassigned"])
    assert not panel.note.isReadOnly() and panel.save_note.isVisible()
    panel.note.setPlainText("prefers email")
    panel.save_note.click()
    await anna.engine.sync_once()
    (note,) = backend.query(
        sa.select(t.customers.c.agent_note).where(
            t.customers.c.id == backend.world.customers["c_a"]
        )
    )
    assert note.agent_note == "prefers email"
    window.close()


async def test_every_shortcut_is_listed_and_no_alt_mnemonics(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await synced_client(backend, tmp_path, clients, "alice")
    window = make_window(alice, tmp_path)
    qtbot.addWidget(window)
    window.show()
    assert_no_mnemonics(window)
    listed = {row[1] for row in ShortcutsDialog(window.commands, (), window).rows()}
    with_keys = {c.title for c in window.commands.commands() if c.shortcut}
    assert with_keys <= listed
    for command in window.commands.commands():
        keys = QKeySequence(command.shortcut or "")
        for n in range(keys.count()):
            assert not keys[n].keyboardModifiers() & Qt.KeyboardModifier.AltModifier, command.id
    window.close()


async def test_one_click_claims_an_unassigned_row(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    anna = await synced_client(backend, tmp_path, clients, "anna")
    window = make_window(anna, tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.queue_panel.select_view(QueueView.UNASSIGNED)
    conv = backend.world.conversations["a_unassigned"]
    row = window.model.ids.index(conv)
    cell = window.model.index(row, COLUMNS.index("assignee"))
    centre = window.queue.visualRect(cell).center()
    qtbot.mouseClick(window.queue.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.current == conv
    assert (
        anna.store.row("SELECT assignee_id FROM conversations WHERE id = ?", (conv,))["assignee_id"]
        == anna.engine.me.agent_id
    )
    await anna.engine.sync_once()
    assert not anna.desk.rejections()
    window.close()


async def test_the_first_sync_shows_what_is_loading_and_how_far(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    supervisor = await make_client(backend, "sam", tmp_path / "sam.db")
    clients.append(supervisor)
    supervisor.engine.page_limit = 3  # many pages, as a real first sync has
    window = make_window(supervisor, tmp_path)
    qtbot.addWidget(window)
    shown: list[tuple[str, float | None]] = []

    def status(s) -> None:  # type: ignore[no-untyped-def]
        window.show_status(s)
        if s.progress is not None and s.progress.phase == "loading":
            shown.append((window.banner.text.text(), window.banner.progress.value()))

    supervisor.engine.connect(on_status=status)
    await supervisor.engine.sync_once()
    assert len(shown) >= 3
    assert all("Loading your workspace" in text for text, _ in shown)
    fractions = [value for _, value in shown]
    assert fractions == sorted(fractions) and fractions[-1] > fractions[0]
    assert window.banner.isHidden(), "the banner goes once the sync is done"
    window.close()


async def test_a_double_click_on_claim_takes_one_customer_and_the_highlight_follows(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    anna = await synced_client(backend, tmp_path, clients, "anna")
    conv = backend.world.conversations["a_unassigned"]
    # a second unassigned conversation right below it, as a busy queue has
    with anna.store.transaction() as tx:
        row = tx.get("conversation", conv)
        assert row is not None
        tx.write("conversation", {**row, "id": new_id(), "subject": "another customer"})
    window = make_window(anna, tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.queue_panel.select_view(QueueView.UNASSIGNED)
    assert window.model.rowCount() == 2
    first = window.model.ids[0]
    cell = window.model.index(0, COLUMNS.index("assignee"))
    where = window.queue.visualRect(cell).center()
    viewport = window.queue.viewport()
    # what Qt 6 delivers for a double-click: press, release, double-click, release
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=where)
    claimed = anna.store.rows(
        "SELECT id FROM conversations WHERE assignee_id = ? AND team_id = 'team-a'",
        (anna.engine.me.agent_id,),
    )
    assert [r["id"] for r in claimed] == [first], "one double-click, one customer"
    assert window.model.rowCount() == 1

    # opening a conversation the tab does not list leaves no stale highlight, and a click on
    # the remaining row opens it
    window.case.show_conversation(first)
    assert not window.queue.selectionModel().hasSelection()
    other = window.model.ids[0]
    qtbot.mouseClick(
        window.queue.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.queue.visualRect(window.model.index(0, 2)).center(),
    )
    assert window.current == other
    window.close()
