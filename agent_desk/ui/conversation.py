"""The open conversation: header, messages (plain text, styled by kind), and the composer."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_desk.store.store import Row

_Index = QModelIndex | QPersistentModelIndex

KIND_COLOURS = {
    "inbound": QColor("#f1f3f4"),
    "outbound": QColor("#e3f2fd"),
    "note": QColor("#fff8e1"),
    "system": QColor("#eceff1"),
}


def plain(text: Any) -> str:
    """Untrusted text as it will be shown: a plain string, never markup."""
    return "" if text is None else str(text)


def tooltip_text(text: Any) -> str:
    """Tooltips guess whether text is rich; escaped inside <qt> it always shows literally."""
    escaped = html.escape(plain(text)[:2000]).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"


class MessagesModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[Row] = []
        self.names: dict[str, str] = {}

    def set_messages(self, messages: list[Row], names: dict[str, str]) -> None:
        self.beginResetModel()  # a different conversation: a reset is the honest signal
        self.messages, self.names = messages, names
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.messages)

    def _heading(self, message: Row) -> str:
        kind = message["kind"]
        if kind == "inbound":
            who = self.names.get("customer", self.tr("Customer"))
        elif kind == "system":
            who = self.tr("System")
        else:
            who = self.names.get(message.get("author_agent_id") or "", self.tr("Agent"))
        labels = {
            "note": self.tr("internal note"),
            "outbound": self.tr("reply"),
        }
        stamp = str(message.get("created_at") or "")[:16].replace("T", " ")
        state = {
            "queued": self.tr("queued"),
            "failed": self.tr("failed — {0}").format(plain(message.get("error_message"))),
        }.get(message.get("delivery") or "sent", "")
        parts = [who, labels.get(kind, ""), stamp, state]
        return " · ".join(p for p in parts if p)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        message = self.messages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._heading(message)}\n{plain(message['body'])}"
        if role == Qt.ItemDataRole.BackgroundRole:
            if message.get("delivery") == "failed":
                return QColor("#ffebee")
            return KIND_COLOURS.get(message["kind"])
        if role == Qt.ItemDataRole.UserRole:
            return message["id"]
        return None


class Composer(QWidget):
    """Signals: ``submitted(text: str, as_note: bool)``."""

    submitted = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(self.tr("Write a reply… (Ctrl+Enter sends)"))
        self.editor.setMaximumHeight(120)
        self.note_mode = QCheckBox(self.tr("Internal note"), self)
        self.note_mode.toggled.connect(self._style)
        self.send = QPushButton(self.tr("Send"), self)
        self.send.clicked.connect(self._submit)
        row = QHBoxLayout()
        row.addWidget(self.note_mode)
        row.addStretch(1)
        row.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addLayout(row)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.editor)
            shortcut.activated.connect(self._submit)

    def _style(self, note: bool) -> None:
        self.editor.setStyleSheet("QPlainTextEdit { background: #fff8e1; }" if note else "")
        self.send.setText(self.tr("Add note") if note else self.tr("Send"))

    def _submit(self) -> None:
        text = self.editor.toPlainText()
        if text.strip():
            self.submitted.emit(text, self.note_mode.isChecked())

    def clear(self) -> None:
        self.editor.clear()


class ConversationPanel(QWidget):
    """Signals: ``claim_requested()``, ``resolve_requested()``, ``reply(text, as_note)``."""

    claim_requested = Signal()
    resolve_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self.tr("Pick a conversation from the queue"), self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.claim = QPushButton(self.tr("Claim"), self)
        self.claim.clicked.connect(self.claim_requested)
        self.resolve = QPushButton(self.tr("Resolve"), self)
        self.resolve.clicked.connect(self.resolve_requested)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.claim)
        top.addWidget(self.resolve)
        self.model = MessagesModel()
        self.messages = QListView(self)
        self.messages.setModel(self.model)
        self.messages.setWordWrap(True)
        self.messages.setUniformItemSizes(False)
        self.messages.setSpacing(3)
        self.messages.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.composer = Composer(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.composer)
        self.set_enabled(False)

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.claim, self.resolve, self.composer):
            widget.setEnabled(enabled)

    def show_conversation(self, conv: Row, names: dict[str, str], header: str) -> None:
        self.header.setText(header)
        self.model.set_messages(conv["messages"], names)
        self.messages.scrollToBottom()
        self.set_enabled(True)
