"""An email conversation in the window (issue 15): the subject and the customer's address in the
header, "Show original…" (headers and the whole text, as plain text), attachments as chips saved
only after a confirmation (never opened), and the composer saying the reply goes by email.

The mail comes in by the server's own ingestion code (parse, then take in), without a mail
server: the server runs on loopback with no mailbox pollers, the client syncs it for real.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QStyleOptionViewItem

from agent_desk.app import compose_window
from agent_desk.server.channels import connections
from agent_desk.server.channels.email import ingest
from agent_desk.server.channels.email.parse import parse_mail
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.config import ServerSettings
from agent_desk.server.storage.db import Database
from agent_desk.services.desk import DeskService
from agent_desk.services.mail import AttachmentFacts, MailService
from agent_desk.sync.transport import Refused, Transport
from agent_desk.ui.bridge import Level
from agent_desk.ui.mail import FileQuestions, confirmation_text
from agent_desk.ui.main_window import MainWindow
from tests.sync.conftest import Backend, Client, serve_backend
from tests.ui.windows import synced_client, wait_until

pytestmark = pytest.mark.asyncio

ADDRESS = "li.wei@example.cn"
SUBJECT = "Invoice for order 1001 is wrong <b>urgent</b>"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PDF_NAME = "invoice-1001.pdf"
EARLIER = "<ad.earlier-reply@example.test>"


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[Backend]:
    """The test server, with no mailbox pollers (the connection's mailbox does not exist)."""
    yield from serve_backend(tmp_path, mail_pollers=False)


def raw_mail() -> bytes:
    """Li Wei answers a reply of ours: new words, our quoted text, and the PDF we asked for."""
    mail = EmailMessage()
    mail["From"] = f"Li Wei <{ADDRESS}>"
    mail["To"] = "support@example.test"
    mail["Subject"] = SUBJECT
    mail["Message-ID"] = "<m1.li.wei@example.cn>"
    mail["In-Reply-To"] = EARLIER
    mail["References"] = EARLIER
    mail["Date"] = format_datetime(datetime(2026, 12, 3, 9, 30, tzinfo=UTC))
    mail.set_content(
        "The invoice says one item but I bought <b>two</b>.\n"
        "\n"
        "On Mon, 30 Nov 2026 at 10:00, Support <support@example.test> wrote:\n"
        "> Your invoice is attached.\n"
        "> Kind regards\n"
    )
    mail.add_attachment(PDF, maintype="application", subtype="pdf", filename=PDF_NAME)
    return bytes(mail)


def mail_comes_in(backend: Backend) -> tuple[str, str]:
    """The server takes the mail in as its poller would: (conversation id, message id)."""
    raw = raw_mail()
    mail = parse_mail(raw)
    server = ServerSettings(database_url=backend.db_url)
    db = Database(backend.db_url)
    try:
        with db.write() as tx:
            connection, _secret = connections.add(
                tx,
                SecretBox.load(server.secret_key, server.key_file()),
                name="support mail",
                kind="email",
                channel="email",
                settings={
                    "address": "support@example.test",
                    "imap_url": "imap://support%40example.test@127.0.0.1:1/INBOX",
                    "smtp_url": "smtp://support%40example.test@127.0.0.1:2",
                    "password_env": "X",
                    "poll_s": 30,
                },
            )
            taken = ingest.take_in(
                tx,
                connection,
                mail,
                ingest.Position(1, 1, len(raw)),
                team_id=backend.world.team_a,
            )
    finally:
        db.dispose()
    assert taken.outcome == ingest.NEW and taken.conversation_id and taken.message_id
    return taken.conversation_id, taken.message_id


class Answers:
    """The agent's answers to the save questions, and what they were asked."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.confirm_with = False
        self.asked: list[tuple[str, object]] = []

    def confirm(self, _parent: object, attachment: AttachmentFacts) -> bool:
        self.asked.append(("confirm", attachment))
        return self.confirm_with

    def save_path(self, _parent: object, file_name: str) -> str | None:
        self.asked.append(("path", file_name))
        return str(self.target)

    def questions(self) -> FileQuestions:
        return FileQuestions(confirm=self.confirm, save_path=self.save_path)


def mail_window(
    client: Client,
    tmp_path: Path,
    answers: Answers,
    *,
    transport: Transport | None = None,
) -> MainWindow:
    """The window as app.py composes it, with the save questions answered by ``answers`` and the
    mail reads going through ``transport`` (the client's own unless given)."""
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    desk = DeskService(client.store, client.engine.me, client.desk.role)
    window = compose_window(
        client.store,
        desk,
        settings,
        opener=lambda _url: True,
        mail=MailService(transport or client.transport),
        files=answers.questions(),
    )
    client.engine.connect(on_change=window.hub.publish, on_status=window.show_status)
    return window


def unisolated(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


def mail_index(window: MainWindow, message_id: str) -> QModelIndex:
    model = window.conversation.model
    row = next(n for n, m in enumerate(model.messages) if m["id"] == message_id)
    return model.index(row, 0)


def action_named(menu: QMenu, text: str) -> QAction:
    return next(a for a in menu.actions() if a.text() == text)


def last_message(window: MainWindow) -> tuple[Level, str]:
    level, text, _title = window.bridge.history[-1]
    return level, text


async def test_an_email_conversation_shows_subject_sender_original_and_the_reply_route(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    conv_id, message_id = mail_comes_in(backend)
    alice = await synced_client(backend, tmp_path, clients, "alice")
    window = mail_window(alice, tmp_path, Answers(tmp_path / "unused.pdf"))
    qtbot.addWidget(window)
    window.show()
    window.case.show_conversation(conv_id)
    panel = window.conversation

    # the header: the mail's subject and the customer's address, both as plain text
    header = panel.header
    assert f"Subject: {SUBJECT}" in header.text()
    assert f"From: {ADDRESS}" in unisolated(header.text())
    for label in (header.subject, header.address):
        assert label.textFormat() == Qt.TextFormat.PlainText and label.accessibleName()

    # the composer says where a reply goes; an internal note goes nowhere
    route = panel.composer.route
    assert route.isVisible() and route.accessibleName()
    assert unisolated(route.text()) == f"Replying to {ADDRESS} by email"
    panel.composer.note_mode.setChecked(True)
    assert not route.isVisible()
    panel.composer.note_mode.setChecked(False)
    assert route.isVisible()

    # the bubble has the customer's new words; the quote is only in the original
    index = mail_index(window, message_id)
    bubble = panel.model.messages[index.row()]["body"]
    assert "I bought <b>two</b>" in bubble and "Your invoice is attached" not in bubble

    # Show original… from the message's menu: headers, a blank line, the whole text, plain
    action_named(panel.message_menu(index), "Show original…").trigger()
    await wait_until(lambda: window.mail.dialog is not None and not window.mail.busy)
    dialog = window.mail.dialog
    assert dialog is not None and dialog.isVisible()
    assert isinstance(dialog.text, QPlainTextEdit) and dialog.text.isReadOnly()
    assert dialog.text.accessibleName()
    shown = dialog.text.toPlainText()
    headers, _blank, text = shown.partition("\n\n")
    assert f"In-Reply-To: {EARLIER}" in headers.splitlines()
    assert f"From: Li Wei <{ADDRESS}>" in headers.splitlines()
    assert f"Subject: {SUBJECT}" in headers.splitlines()  # the <b> stays characters
    assert text.startswith("The invoice says one item but I bought <b>two</b>.")
    assert "> Your invoice is attached.\n> Kind regards" in text
    assert dialog.text.document().toPlainText() == shown  # nothing was taken as markup

    # the keyboard's way: Ctrl+U (a command: the Conversation menu and the palette have it)
    dialog.close()
    first = dialog
    panel.messages.setCurrentIndex(QModelIndex())  # none selected: the customer's latest mail
    window.activateWindow()
    await wait_until(window.isActiveWindow)
    QTest.keySequence(window, QKeySequence("Ctrl+U"))
    await wait_until(lambda: window.mail.dialog is not first and not window.mail.busy)
    assert window.mail.dialog is not None
    assert window.mail.dialog.text.toPlainText() == shown

    # the attachment is a chip under the bubble's text (the save test clicks it)
    chip = _chip_rect(window, index)
    assert chip is not None and panel.messages.visualRect(index).contains(chip)

    shots = os.environ.get("AGENT_DESK_SCREENSHOT_DIR")  # a look at it: where to save one
    if shots:
        window.mail.dialog.grab().save(str(Path(shots) / "email-original.png"))
        window.mail.dialog.close()
        window.resize(1360, 820)
        QApplication.processEvents()
        window.grab().save(str(Path(shots) / "email-window.png"))
    window.close()


def _chip_rect(window: MainWindow, index: QModelIndex) -> QRect | None:
    """Where the first attachment chip of the message at ``index`` is painted (viewport)."""
    view = window.conversation.messages
    view.scrollTo(index)
    QApplication.processEvents()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.font = view.font()
    chips = window.conversation.delegate.chips(option, index)
    return chips[0] if chips else None


async def test_an_attachment_is_saved_only_after_the_agent_confirms_and_never_opened(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    conv_id, message_id = mail_comes_in(backend)
    alice = await synced_client(backend, tmp_path, clients, "alice")
    folder = tmp_path / "downloads"
    folder.mkdir()
    answers = Answers(folder / "saved.pdf")
    window = mail_window(alice, tmp_path, answers)
    qtbot.addWidget(window)
    window.show()
    window.case.show_conversation(conv_id)
    panel = window.conversation
    index = mail_index(window, message_id)

    # the message's menu lists it under Save attachment (it is the server's: never "Open")
    menu = panel.message_menu(index)
    assert "Open attachment" not in [a.text() for a in menu.actions()]
    saving = action_named(menu, "Save attachment").menu()
    (entry,) = saving.actions()
    assert entry.text() == f"📎 {PDF_NAME} (1 KB)…"

    # cancelled at the confirmation: not asked where, nothing downloaded or written
    entry.trigger()
    assert [what for what, _ in answers.asked] == ["confirm"]
    facts = answers.asked[0][1]
    assert isinstance(facts, AttachmentFacts)
    assert (facts.name, facts.content_type, facts.size) == (PDF_NAME, "application/pdf", len(PDF))
    assert not window.mail.busy and list(folder.iterdir()) == []
    text = unisolated(confirmation_text(facts))
    for expected in (PDF_NAME, "application/pdf", f"{len(PDF)} bytes", "never opens files"):
        assert expected in text
    assert "Warning" not in text  # a PDF gets no extra warning

    # confirmed, from the chip's own menu (a click on the chip): asked where, then the bytes
    answers.confirm_with = True
    chip = _chip_rect(window, index)
    assert chip is not None

    def save_from_popup() -> None:
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu), "a click on the chip opens its menu"
        action = action_named(popup, "Save attachment…")
        popup.close()
        action.trigger()

    QTimer.singleShot(100, save_from_popup)
    QTest.mouseClick(panel.messages.viewport(), Qt.MouseButton.LeftButton, pos=chip.center())
    assert [what for what, _ in answers.asked] == ["confirm", "confirm", "path"]
    assert answers.asked[2][1] == PDF_NAME
    await wait_until(lambda: not window.mail.busy)
    assert (folder / "saved.pdf").read_bytes() == PDF
    assert [p.name for p in folder.iterdir()] == ["saved.pdf"]  # no partial file left beside
    level, said = last_message(window)
    assert level is Level.INFO and "Saved" in said and "does not open it" in said
    window.close()


async def test_a_file_that_runs_code_gets_an_extra_warning() -> None:
    for name in ("setup.exe", "run.BAT", "invoice.pdf.js", "page.html", "logo.svg", "x.lnk"):
        facts = AttachmentFacts(name, "application/octet-stream", 10, "/api/v1/attachments/x")
        assert facts.risky, name
        assert "Warning: a file of this kind can run programs" in confirmation_text(facts)
    for name in ("invoice.pdf", "photo.jpg", "list.xlsx"):
        assert not AttachmentFacts(name, "application/pdf", 10, "/api/v1/attachments/x").risky
    # a program whose name says it is a photo: what the server found in it counts
    assert AttachmentFacts("photo.jpg", "application/x-msdownload", 10, "").risky
    # a name is never a path (the save dialog offers it in the agent's folder)
    assert AttachmentFacts("../../.bashrc", "text/plain", 1, "").file_name == "bashrc"
    assert AttachmentFacts("a\\b/c:d.pdf", "text/plain", 1, "").file_name == "c_d.pdf"


async def test_another_teams_agent_gets_neither_the_file_nor_the_original(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    conv_id, message_id = mail_comes_in(backend)
    alice = await synced_client(backend, tmp_path, clients, "alice")
    bob = await synced_client(backend, tmp_path, clients, "bob")  # team B
    assert bob.store.row("SELECT id FROM conversations WHERE id = ?", (conv_id,)) is None
    facts = _attachment_of(alice, message_id)

    # the server decides by the token: bob's is answered 404, whatever the client asks
    bobs = MailService(bob.transport)
    with pytest.raises(Refused) as refused:
        await bobs.download(facts)
    assert refused.value.code == "not_found"
    with pytest.raises(Refused) as refused:
        await bobs.original(message_id)
    assert refused.value.code == "not_found"

    # in a window that asks with bob's token: the agent is told, nothing is written
    folder = tmp_path / "downloads"
    folder.mkdir()
    answers = Answers(folder / "saved.pdf")
    answers.confirm_with = True
    window = mail_window(alice, tmp_path, answers, transport=bob.transport)
    qtbot.addWidget(window)
    window.show()
    window.case.show_conversation(conv_id)
    index = mail_index(window, message_id)
    menu = window.conversation.message_menu(index)
    (entry,) = action_named(menu, "Save attachment").menu().actions()
    entry.trigger()
    await wait_until(lambda: not window.mail.busy)
    assert last_message(window) == (Level.WARNING, "This attachment is not available to you.")
    assert list(folder.iterdir()) == []
    action_named(window.conversation.message_menu(index), "Show original…").trigger()
    await wait_until(lambda: not window.mail.busy)
    assert last_message(window) == (
        Level.WARNING,
        "The original of this mail is not available to you.",
    )
    assert window.mail.dialog is None
    window.close()


def _attachment_of(client: Client, message_id: str) -> AttachmentFacts:
    row = client.store.row("SELECT attachments FROM messages WHERE id = ?", (message_id,))
    assert row is not None
    (attachment,) = json.loads(row["attachments"])
    return AttachmentFacts.of(attachment)


async def test_offline_the_agent_is_told_and_nothing_breaks(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    conv_id, message_id = mail_comes_in(backend)
    alice = await synced_client(backend, tmp_path, clients, "alice")
    folder = tmp_path / "downloads"
    folder.mkdir()
    answers = Answers(folder / "saved.pdf")
    answers.confirm_with = True
    window = mail_window(alice, tmp_path, answers)
    qtbot.addWidget(window)
    window.show()
    window.case.show_conversation(conv_id)
    backend.stop()  # the network is gone

    index = mail_index(window, message_id)
    action_named(window.conversation.message_menu(index), "Show original…").trigger()
    await wait_until(lambda: not window.mail.busy)
    level, said = last_message(window)
    assert level is Level.WARNING and "cannot be reached now" in said
    assert window.mail.dialog is None

    (entry,) = (
        action_named(window.conversation.message_menu(index), "Save attachment").menu().actions()
    )
    entry.trigger()
    await wait_until(lambda: not window.mail.busy)
    level, said = last_message(window)
    assert level is Level.WARNING and "The file is kept on the server" in said
    assert list(folder.iterdir()) == []
    # the header, the chips and the route are the cache's: still there
    assert f"Subject: {SUBJECT}" in window.conversation.header.text()
    assert window.conversation.composer.route.isVisible()
    window.close()


async def test_a_chat_conversation_offers_no_original_and_no_route(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    alice = await synced_client(backend, tmp_path, clients, "alice")
    window = mail_window(alice, tmp_path, Answers(tmp_path / "unused"))
    qtbot.addWidget(window)
    window.show()
    window.case.show_conversation(backend.world.conversations["a_open"])
    panel = window.conversation
    model = panel.model
    for row in range(model.rowCount()):
        texts = [a.text() for a in panel.message_menu(model.index(row, 0)).actions()]
        assert "Show original…" not in texts
    assert not panel.composer.route.isVisible() and not panel.header.address.isVisible()
    assert not window.mail.can_show_original()
    assert not window.commands.run("message.original")
    window.close()
