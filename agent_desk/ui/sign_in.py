"""The sign-in dialog: server, username, password, remember me — and an honest error."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Credentials:
    server_url: str
    username: str
    password: str
    remember: bool


@dataclass(frozen=True, slots=True)
class AttemptResult:
    """What a sign-in attempt came to: ``ok``, or an error code with the server's words."""

    ok: bool
    code: str = ""  # refused | unreachable | locked_out | bad_url | wrong_profile | server_error
    detail: str = ""
    offline_possible: bool = False  # the server is unreachable but this account has a cache


Attempt = Callable[[Credentials], Awaitable[AttemptResult]]


class SignInDialog(QDialog):
    """Signals: ``work_offline()`` — the agent chose to start from the cache.

    ``attempt`` is awaited when the agent presses Sign in; the dialog stays open (and keeps what
    was typed, except nothing is lost) until it succeeds or the agent cancels.
    """

    work_offline = Signal()

    def __init__(
        self,
        attempt: Attempt,
        *,
        server_url: str,
        username: str | None,
        remember_available: bool,
        remember_problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._attempt = attempt
        self._task: asyncio.Task[None] | None = None
        self.setWindowTitle(self.tr("Sign in to Agent Desk"))
        self.server = QLineEdit(server_url, self)
        self.server.setAccessibleName(self.tr("Server address"))
        self.username = QLineEdit(username or "", self)
        self.username.setAccessibleName(self.tr("Username"))
        self.password = QLineEdit(self)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"), self)
        self.remember.setChecked(remember_available)
        self.remember.setEnabled(remember_available)
        if not remember_available:
            self.remember.setToolTip(
                self.tr("This computer has no secure keyring, so you will sign in each time.")
            )
            if remember_problem:
                log.info("remember me unavailable: %s", remember_problem)
        self.error = QLabel(self)
        self.error.setObjectName("signInError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.sign_in = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in.setDefault(True)
        self.offline = QPushButton(self.tr("Work offline"), self)
        self.offline.hide()
        self.buttons.addButton(self.offline, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in.clicked.connect(self._submit)
        self.offline.clicked.connect(self._offline)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(420)

    def credentials(self) -> Credentials:
        return Credentials(
            self.server.text().strip(),
            self.username.text().strip(),
            self.password.text(),
            self.remember.isChecked(),
        )

    def _submit(self) -> None:
        creds = self.credentials()
        if not creds.server_url or not creds.username or not creds.password:
            self.show_error(self.tr("Enter the server, your username and your password."))
            return
        if self._task is not None and not self._task.done():
            return
        self._set_busy(True)
        self._task = asyncio.ensure_future(self._run(creds))

    async def _run(self, creds: Credentials) -> None:
        try:
            result = await self._attempt(creds)
        except Exception:  # a bug: say so, keep the dialog usable, keep the traceback in the log
            log.exception("sign-in attempt failed")
            result = AttemptResult(False, "internal")
        finally:
            self._set_busy(False)
        if result.ok:
            self.accept()
            return
        self.offline.setVisible(result.offline_possible)
        self.show_error(self.describe(result))

    def _set_busy(self, busy: bool) -> None:
        self.sign_in.setEnabled(not busy)
        self.sign_in.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))

    def _offline(self) -> None:
        self.work_offline.emit()
        self.reject()

    def describe(self, result: AttemptResult) -> str:
        messages = {
            "refused": self.tr("The username or password is not right."),
            "auth_required": self.tr("The username or password is not right."),
            "locked_out": self.tr("Too many attempts. Wait a few minutes, then try again."),
            "unreachable": self.tr(
                "Cannot reach the server. Check the address and your network connection."
            ),
            "bad_url": self.tr("The server address must start with http:// or https://."),
            "wrong_profile": self.tr("This computer's cache belongs to another account."),
            "server_error": self.tr("The server failed. Try again in a moment."),
            "schema_mismatch": self.tr(
                "This version of Agent Desk does not match the server. Install the update."
            ),
        }
        text = messages.get(result.code, self.tr("Signing in did not work."))
        if result.offline_possible:
            text += "\n" + self.tr("You can work offline from the cached data meanwhile.")
        return text

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def done(self, result: int) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().done(result)
