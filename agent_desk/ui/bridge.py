"""One message bridge: everything the agent is told, from anywhere below the window.

Panels, controllers and the application never hold a status bar or open a message box of their
own: they call :meth:`MessageBridge.info`, ``warning`` or ``error`` and the window decides where
it shows (:class:`MessageView`). The connection banner is not a message: it shows a state (offline,
signed out, refused changes) and is kept by ``ui.connection``.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox


class Level(StrEnum):
    """How much a message matters, and so where it shows."""

    INFO = "info"  # an outcome ("Sent for approval."): the status bar, for a few seconds
    WARNING = "warning"  # a refusal of what the agent just asked: a dialog they dismiss
    ERROR = "error"  # something broke: a dialog with the error icon


INFO_MS = 6000


class MessageBridge(QObject):
    """Signals:
    message(level: str, text: str, title: str): the agent should be told ``text``, already
        translated and plain (never rich text); ``level`` is a :class:`Level` value; ``title``
        names what it is about (a dialog's title), or is empty.
    """

    message = Signal(str, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history: list[tuple[Level, str, str]] = []  # the last few, for tests and the log
        self._keep = 50

    def tell(self, level: Level, text: str, title: str = "") -> None:
        self.history = [*self.history[-(self._keep - 1) :], (level, text, title)]
        self.message.emit(level.value, text, title)

    def info(self, text: str, title: str = "") -> None:
        self.tell(Level.INFO, text, title)

    def warning(self, text: str, title: str = "") -> None:
        self.tell(Level.WARNING, text, title)

    def error(self, text: str, title: str = "") -> None:
        self.tell(Level.ERROR, text, title)


class MessageView(QObject):
    """The window's way of showing the bridge's messages: the status bar for outcomes, a
    window-modal box for refusals and errors (opened, not exec'd: no nested event loop, so sync
    keeps running and nothing re-enters). A child of the window: Qt drops the connection when
    the window goes, so a late message never reaches a deleted status bar."""

    def __init__(self, bridge: MessageBridge, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        bridge.message.connect(self.show_message)

    def show_message(self, level: str, text: str, title: str) -> None:
        window = self.window
        if Level(level) is Level.INFO:
            window.statusBar().showMessage(text, INFO_MS)
            return
        icon = QMessageBox.Icon.Warning if level == Level.WARNING else QMessageBox.Icon.Critical
        box = QMessageBox(icon, title or self.tr("Agent Desk"), text, parent=window)
        box.setObjectName(f"message-{level}")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
