"""An email conversation's extras in the window: a received mail's original, shown as plain text,
and the files customers attached, saved only after the agent confirms — never opened.

Both fetch from the server when the agent asks (``services.mail``); offline, or when the agent
may not see it, the agent is told why on the message bridge and nothing else happens. Asking
(the confirmation, the save location) goes through :class:`FileQuestions`, so tests answer the
questions themselves.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from agent_desk.services.mail import AttachmentFacts, MailOriginal, MailService, original_text
from agent_desk.sync.transport import SyncError
from agent_desk.ui.bridge import MessageBridge
from agent_desk.ui.conversation import ConversationPanel
from agent_desk.ui.links import isolate
from agent_desk.ui.refusals import refusal_text

log = logging.getLogger(__name__)


def size_text(size: int) -> str:
    """A file's size the way the agent reads it."""
    if size < 1024:
        return QCoreApplication.translate("Mail", "{0} bytes").format(size)
    if size < 1024 * 1024:  # units read the same in every language we ship (as attachment_line)
        return f"{size / 1024:,.0f} KB"
    return f"{size / (1024 * 1024):,.1f} MB"


def confirmation_text(attachment: AttachmentFacts) -> str:
    """What the agent reads before saving a file: its name, the type the server found in it,
    its size, that Agent Desk never opens it — and a warning for files that run code."""
    lines = [
        QCoreApplication.translate("Mail", "Save this file from the customer?"),
        "",
        QCoreApplication.translate("Mail", "Name: {0}").format(isolate(attachment.name)),
        QCoreApplication.translate("Mail", "Type: {0} (what the server found in the file)").format(
            attachment.content_type
        ),
        QCoreApplication.translate("Mail", "Size: {0}").format(size_text(attachment.size)),
        "",
        QCoreApplication.translate(
            "Mail",
            "Agent Desk never opens files. Open it yourself only if you expected this file "
            "from this customer.",
        ),
    ]
    if attachment.risky:
        lines += [
            "",
            QCoreApplication.translate(
                "Mail",
                "Warning: a file of this kind can run programs or scripts on your computer "
                "when it is opened. Do not open it unless your team lead says it is safe.",
            ),
        ]
    return "\n".join(lines)


def confirm_save(parent: QWidget, attachment: AttachmentFacts) -> bool:
    """Ask before anything is downloaded; only an explicit "Save…" says yes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the customer's text
    box.setWindowTitle(QCoreApplication.translate("Mail", "Save attachment?"))
    box.setText(confirmation_text(attachment))
    save = box.addButton(
        QCoreApplication.translate("Mail", "Save…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is save


def ask_save_path(parent: QWidget, file_name: str) -> str | None:
    """Where to save: the platform's save dialog, in the Downloads folder; None if cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Mail", "Save attachment"),
        str(Path(folder) / file_name) if folder else file_name,
    )
    return path or None


@dataclass(frozen=True)
class FileQuestions:
    """How the window asks before saving a file (tests answer these themselves).

    Attributes:
        confirm: shows the file's name, type and size and the warnings; True to go on.
        save_path: the location the agent chose for a file name offered, or None.
    """

    confirm: Callable[[QWidget, AttachmentFacts], bool] = confirm_save
    save_path: Callable[[QWidget, str], str | None] = ask_save_path


class OriginalDialog(QDialog):
    """A received mail as it came: its headers (``Name: value``), a blank line, the whole text.
    Read-only plain text: a ``<b>`` in the mail is shown as the characters ``<b>``."""

    def __init__(self, original: MailOriginal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("originalMail")
        self.setWindowTitle(self.tr("Original mail"))
        self.about = QLabel(self)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        facts = [self.tr("As received, {0}").format(size_text(original.size))]
        if original.html_only:
            facts.append(self.tr("the mail had only HTML: shown here as text"))
        self.about.setText(" · ".join(facts))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("originalText")
        self.text.setAccessibleName(self.tr("Original mail: headers, then the whole text"))
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(original_text(original))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self.text.setFocus()


class MailController(QObject):
    """Show original and Save attachment for the open conversation.

    Each fetch is a task the controller keeps (a newer "show original" replaces an older one
    still on its way); :meth:`stop` cancels what is left when the window closes.

    Args:
        mail: the online reads (None: this window has no server, e.g. an offline start).
        questions: how to ask before saving (the real dialogs unless a test answers).
    """

    def __init__(
        self,
        mail: MailService | None,
        bridge: MessageBridge,
        panel: ConversationPanel,
        *,
        questions: FileQuestions | None = None,
    ) -> None:
        super().__init__(panel)
        self.mail = mail
        self.bridge = bridge
        self.panel = panel
        self.questions = questions or FileQuestions()
        self.dialog: OriginalDialog | None = None
        self._original: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        panel.original_requested.connect(self.show_original)
        panel.save_attachment_requested.connect(self.save_attachment)

    # --- show original -------------------------------------------------------------------------

    def can_show_original(self) -> bool:
        return self.panel.original_index().isValid()

    def show_original_of_selected(self) -> None:
        """The keyboard's way (Ctrl+U): the selected mail, else the customer's latest."""
        index = self.panel.original_index()
        if index.isValid():
            self.show_original(str(index.data(Qt.ItemDataRole.UserRole)))

    def show_original(self, message_id: str) -> None:
        title = self.tr("Show original")
        if self.mail is None:
            self.bridge.warning(self.problem_text("unreachable", original=True), title)
            return
        if self._original is not None and not self._original.done():
            self._original.cancel()  # the newest request wins
        self._original = self._spawn(self._fetch_original(self.mail, message_id), "show original")

    async def _fetch_original(self, mail: MailService, message_id: str) -> None:
        try:
            original = await mail.original(message_id)
        except SyncError as exc:
            log.info("show original: %s", exc.code)
            self.bridge.warning(
                self.problem_text(exc.code, original=True), self.tr("Show original")
            )
            return
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = OriginalDialog(original, self.panel.window())
        self.dialog.show()

    # --- save attachment -----------------------------------------------------------------------

    def save_attachment(self, attachment: AttachmentFacts) -> None:
        """Ask (name, type, size, warnings), then where, then download and write the file."""
        title = self.tr("Save attachment")
        if self.mail is None:
            self.bridge.warning(self.problem_text("unreachable", original=False), title)
            return
        parent = self.panel.window()
        if not self.questions.confirm(parent, attachment):
            return
        chosen = self.questions.save_path(parent, attachment.file_name)
        if not chosen:
            return
        self.bridge.info(self.tr("Downloading {0}…").format(isolate(attachment.file_name)))
        self._spawn(self._save(self.mail, attachment, Path(chosen)), "save attachment")

    async def _save(self, mail: MailService, attachment: AttachmentFacts, path: Path) -> None:
        title = self.tr("Save attachment")
        try:
            written = await mail.save(attachment, path)
        except SyncError as exc:
            log.info("save attachment: %s", exc.code)
            self.bridge.warning(self.problem_text(exc.code, original=False), title)
            return
        except OSError as exc:
            log.info("save attachment: cannot write (%s)", type(exc).__name__)
            self.bridge.warning(
                self.tr("The file could not be written there: {0}").format(
                    exc.strerror or type(exc).__name__
                ),
                title,
            )
            return
        self.bridge.info(
            self.tr("Saved {0} ({1}). Agent Desk does not open it.").format(
                isolate(str(path)), size_text(written)
            )
        )

    # --- both ----------------------------------------------------------------------------------

    def problem_text(self, code: str, *, original: bool) -> str:
        """Why the original or the file cannot be had, in the agent's language."""
        if code in ("unreachable", "server_error", "bad_reply", "sync_error"):
            if original:
                return self.tr(
                    "The original mail is kept on the server, which cannot be reached now. "
                    "Try again when you are back online."
                )
            return self.tr(
                "The file is kept on the server, which cannot be reached now. "
                "Try again when you are back online."
            )
        if code == "not_found":
            if original:
                return self.tr("The original of this mail is not available to you.")
            return self.tr("This attachment is not available to you.")
        if code == "auth_required":
            return self.tr("Your session has ended. Sign in again, then try once more.")
        return refusal_text(code)

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        """Keep a reference to the task and log what went wrong in it."""
        task = asyncio.ensure_future(work)
        task.set_name(name)
        self._tasks.add(task)

        def done(t: asyncio.Task[None]) -> None:
            self._tasks.discard(t)
            if not t.cancelled() and t.exception() is not None:
                log.error("%s failed", name, exc_info=t.exception())
                self.bridge.error(self.tr("Something went wrong. The log has the details."))

        task.add_done_callback(done)
        return task

    @property
    def busy(self) -> bool:
        """Whether a fetch is still on its way (tests wait on it)."""
        return any(not t.done() for t in self._tasks)

    def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self.dialog is not None:
            self.dialog.close()
