"""The case bar, above the side tabs: what the open case is about and the next step that fits it —
the best customer-facing answer, one click to insert, and the actions its scenario suggests, one
click to open in the Actions tab with what the case says filled in. Whatever side tab is shown.

It decides nothing: the knowledge controller gives the answer, ``core.playbook`` (through the
Actions tab) the actions.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from agent_desk.ui.conversation import plain

MAX_ACTIONS = 3
ANSWER_CHARS = 40


class CaseBar(QWidget):
    """Signals: ``answer_requested(article_id)``, ``action_requested(action_type)``."""

    answer_requested = Signal(str)
    action_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseBar")
        self.title = QLabel(self)
        self.title.setObjectName("caseBarTitle")
        self.title.setWordWrap(True)
        self.answer = QPushButton(self)
        self.answer.setObjectName("caseBarAnswer")
        self.answer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.answer.clicked.connect(self._answer)
        self.actions_row = QHBoxLayout()
        self.actions_row.setContentsMargins(0, 0, 0, 0)
        self.action_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.answer)
        layout.addLayout(self.actions_row)
        self._article_id: str | None = None
        self._scenario_label = ""
        self.show_case(None, None, None, [])

    def show_case(
        self,
        scenario_label: str | None,
        article_id: str | None,
        article_title: str | None,
        actions: list[tuple[str, str]],
    ) -> None:
        """The scenario's label, the answer to insert (id, title), and the actions that fit
        (type, label), best first. Nothing known: the bar hides."""
        self._article_id = article_id
        self._scenario_label = scenario_label or ""
        self.title.setText(
            self.tr("This case: {0}").format(plain(scenario_label)) if scenario_label else ""
        )
        self.title.setVisible(bool(scenario_label))
        if article_id:
            title = plain(article_title)
            short = title if len(title) <= ANSWER_CHARS else title[: ANSWER_CHARS - 1] + "…"
            self.answer.setText(self.tr("Insert answer: {0}").format(short))
            self.answer.setToolTip(self.tr("Insert the suggested answer: {0}").format(title))
            self.answer.setAccessibleName(self.tr("Insert the suggested answer: {0}").format(title))
        self.answer.setVisible(bool(article_id))
        for button in self.action_buttons:
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = []
        for type_, label in actions[:MAX_ACTIONS]:
            button = QPushButton(self.tr("★ {0}").format(label), self)
            button.setObjectName(f"caseBar-{type_}")
            button.setAccessibleName(self.tr("Suggested action: {0}").format(label))
            button.setToolTip(self.tr("Open {0} for this case in the Actions tab").format(label))
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _c=False, t=type_: self.action_requested.emit(t))
            self.actions_row.addWidget(button)
            button.show()  # shown with the bar now, not after the next event loop turn
            self.action_buttons.append(button)
        previous: QWidget = self.answer
        for button in self.action_buttons:  # Tab goes the way they read
            QWidget.setTabOrder(previous, button)
            previous = button
        self.setVisible(bool(scenario_label or article_id or actions))

    def controls(self) -> list[QWidget]:
        """Its buttons in reading order (for the window's Tab chain)."""
        return [self.answer, *self.action_buttons]

    def _answer(self) -> None:
        if self._article_id:
            self.answer_requested.emit(self._article_id)
