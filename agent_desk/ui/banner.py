"""A banner across the top of the window: offline, first-sync progress, signed out, refusals."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from agent_desk.ui import theme

KIND_ICONS = {"offline": "offline", "info": "syncing", "error": "warning"}


class Banner(QFrame):
    """Signals: ``action_clicked()`` — the banner's button (retry, sign in, dismiss…)."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # reasons may quote the server
        self.text.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.button = QPushButton(self)
        self.button.hide()
        self.button.clicked.connect(self.action_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.button)
        self.kind = ""
        self.hide()

    def show_message(
        self,
        kind: str,
        text: str,
        *,
        action: str = "",
        progress: float | None = None,
    ) -> None:
        """``kind`` is offline, info or error; ``progress`` a fraction 0–1 for a bar."""
        self.kind = kind
        colours = theme.current_theme()
        fill, ink = {
            "offline": (colours.banner_offline, colours.banner_offline_text),
            "info": (colours.banner_info, colours.banner_info_text),
            "error": (colours.banner_error, colours.banner_error_text),
        }[kind]
        self.setStyleSheet(
            f"QFrame#banner {{ background: {fill.name()}; border: none; border-radius: 4px; }}"
            f"QFrame#banner QLabel {{ color: {ink.name()}; }}"
        )
        self.icon.setPixmap(theme.icon(KIND_ICONS[kind], ink).pixmap(18, 18))
        self.text.setText(text)
        self.button.setText(action)
        self.button.setVisible(bool(action))
        if progress is None:
            self.progress.hide()
        else:
            self.progress.setValue(int(max(0.0, min(1.0, progress)) * 100))
            self.progress.show()
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.hide()
