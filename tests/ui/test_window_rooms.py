"""The window's rooms (issue 12): one intent runner that turns a refusal into the agent's language,
one message bridge for everything the agent is told, a change hub that reaches only the views
showing what changed, queue rows re-read one by one, and the newest-wins helper."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QTranslator
from PySide6.QtWidgets import QMessageBox

from agent_desk import i18n_build
from agent_desk.store.store import ChangeSet
from agent_desk.ui.bridge import Level
from agent_desk.ui.changes import ChangeHub
from agent_desk.ui.latest import Debounce
from agent_desk.ui.queue_model import COLUMNS
from agent_desk.ui.refusals import refusal_text
from tests.sync.conftest import Backend, Client
from tests.ui.windows import (
    make_window,
    open_window,
    refused_reply,
    synced_client,
    wait_until,
)

pytestmark = pytest.mark.asyncio


@pytest.fixture
def chinese(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The app in Simplified Chinese (the .qm built from the .ts in the checkout)."""
    directory = tmp_path_factory.mktemp("qm")
    shutil.copy(i18n_build.I18N_DIR / "agent_desk_zh_CN.ts", directory)
    i18n_build.build(directory)
    translator = QTranslator()
    assert translator.load(str(directory / "agent_desk_zh_CN.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _open_boxes(window: QObject) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


async def test_a_refused_claim_is_told_in_the_agents_language(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client], chinese: None
) -> None:
    conv = backend.world.conversations["a_unassigned"]
    alice = await synced_client(backend, tmp_path, clients, "alice")
    alice.desk.claim(conv)
    await alice.engine.sync_once()
    anna = await synced_client(backend, tmp_path, clients, "anna")  # sees it claimed by alice
    window = make_window(anna, tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.case.show_conversation(conv)
    published = window.hub.published

    window.case.claim()  # through the runner, as the button and Ctrl+Shift+C do

    level, text, title = window.bridge.history[-1]
    assert level is Level.WARNING
    assert text == "其他客服已接手此会话。", text  # the code's text, not the service's English
    assert title == "接手"
    boxes = _open_boxes(window)
    assert [b.text() for b in boxes] == [text]
    assert boxes[0].textFormat().name == "PlainText"
    assert window.hub.published == published, "a refusal changes nothing, so nothing refreshes"
    for box in boxes:
        box.close()
    window.close()


async def test_a_server_refusal_in_the_banner_is_the_codes_text_not_the_servers_words(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    anna, window, _conv = await refused_reply(qtbot, backend, tmp_path, clients)
    refused = anna.desk.rejections()
    assert len(refused) == 1
    banner = window.banner.text.text()
    assert refusal_text(refused[0]["code"]) in banner
    assert refused[0]["message"] not in banner, "the server's English stays in the log"
    window.close()


async def test_the_bridge_speaks_in_the_status_bar_and_in_dialogs(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    _alice, window = await open_window(qtbot, backend, tmp_path, clients, "alice")

    window.bridge.info("Sent for approval.")
    assert window.statusBar().currentMessage() == "Sent for approval."
    assert _open_boxes(window) == []

    hostile = "<b>bold</b> <a href='https://evil.example'>click</a>"
    window.bridge.warning(hostile, "Send")
    window.bridge.error("The cache could not be written.")
    boxes = _open_boxes(window)
    assert [(b.windowTitle(), b.text(), b.icon()) for b in boxes] == [
        ("Send", hostile, QMessageBox.Icon.Warning),
        ("Agent Desk", "The cache could not be written.", QMessageBox.Icon.Critical),
    ]
    assert all(b.textFormat().name == "PlainText" for b in boxes), "untrusted text stays text"
    assert window.statusBar().currentMessage() == "Sent for approval.", "a dialog, not a toast"
    for box in boxes:
        box.close()
    window.close()


async def test_one_change_re_reads_and_repaints_only_the_rows_it_touches(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    # a supervisor: "All" lists every conversation
    sam, window = await open_window(qtbot, backend, tmp_path, clients, "sam")
    window.queue_panel.select_view(window.views[-1])
    model = window.model
    assert model.rowCount() >= 3
    for row in range(model.rowCount()):  # every row painted once: all are cached
        model.row_data(row)
    cached = set(model._cache)
    repainted: list[tuple[int, int]] = []

    def seen(top, bottom, _roles=()) -> None:  # type: ignore[no-untyped-def]
        if not (top.column() == bottom.column() == COLUMNS.index("wait")):  # not the clock
            repainted.append((top.row(), bottom.row()))

    model.dataChanged.connect(seen)
    conv = backend.world.conversations["a_open"]
    before = model.rows_reread

    changes = window.desk.mark_read(conv)  # one read state: one row
    assert changes.ids.get("read_state"), changes
    row = model.ids.index(conv)
    assert model.rows_reread - before == 1
    assert repainted == [(row, row)]
    assert set(model._cache) == cached - {conv}, "the other rows stay cached"

    customer = backend.world.customers["c_a"]  # two of the queue's conversations are hers
    of_customer = {
        r["id"]
        for r in sam.store.rows("SELECT id FROM conversations WHERE customer_id = ?", (customer,))
    } & cached
    assert len(of_customer) == 2
    for conv_id in of_customer:
        model.row_data(model.ids.index(conv_id))
    repainted.clear()
    before = model.rows_reread
    window.desk.set_customer_note(customer, "prefers email")
    assert model.rows_reread - before == 2
    painted = {r for top, bottom in repainted for r in range(top, bottom + 1)}
    assert painted == {model.ids.index(c) for c in of_customer}

    repainted.clear()
    before = model.rows_reread
    window.refresh(ChangeSet(ids={"article": {"nothing-the-queue-shows"}}))
    assert model.rows_reread == before and repainted == []
    window.close()


# --- the hub and the helper, on their own ------------------------------------------------------


async def test_the_hub_hands_a_change_only_to_who_shows_it_and_once_per_hold(qapp) -> None:
    hub = ChangeHub()
    queue: list[ChangeSet | None] = []
    outbox: list[ChangeSet | None] = []
    hub.subscribe(queue.append, {"conversation", "message"})
    hub.subscribe(outbox.append, outbox=True)

    hub.publish(ChangeSet(ids={"article": {"a1"}}))
    assert queue == [] and outbox == []
    hub.publish(ChangeSet())  # nothing changed: nobody hears
    assert queue == [] and outbox == []

    with hub.held():
        hub.publish(ChangeSet(ids={"message": {"m1"}}))
        hub.publish(ChangeSet(ids={"message": {"m2"}, "conversation": {"c1"}}, outbox=True))
        assert queue == []
    assert len(queue) == 1 and queue[0] is not None
    assert queue[0].ids == {"message": {"m1", "m2"}, "conversation": {"c1"}}
    assert len(outbox) == 1

    hub.publish(None)  # anything may have changed: everyone hears
    assert queue[-1] is None and outbox[-1] is None
    hub.stop()
    hub.publish(None)
    assert len(queue) == 2


async def test_debounce_runs_the_newest_request_once_after_a_pause(qapp) -> None:
    owner = QObject()
    ran: list[str] = []
    task = Debounce("test", 30, ran.append, owner)
    for text in ("a", "an", "ann"):
        task.soon(text)
    assert task.pending and ran == []
    await wait_until(lambda: ran != [])
    assert ran == ["ann"] and not task.pending

    task.soon("x")
    task.now("y")  # at once; the pending one is dropped
    assert ran == ["ann", "y"] and not task.pending
    task.soon("z")
    task.flush()
    assert ran == ["ann", "y", "z"]
    task.soon("dropped")
    task.cancel()
    await wait_until(lambda: True)
    QCoreApplication.processEvents()
    assert ran == ["ann", "y", "z"] and not task.pending


async def test_the_load_follows_a_claim_from_the_queues_own_counts(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    _alice, window = await open_window(qtbot, backend, tmp_path, clients, "alice")
    assert window.presence.load.text() == "Load 2/5"
    window.case.show_conversation(backend.world.conversations["a_unassigned"])
    window.case.claim()
    assert window.presence.load.text() == "Load 3/5"
    window.close()
