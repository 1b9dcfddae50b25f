"""The agent's own state in the status bar: their availability and their load."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QStatusBar

from agent_desk.core.enums import Presence
from agent_desk.services.desk import DeskService
from agent_desk.store import queries
from agent_desk.store.queries import QueueView
from agent_desk.store.store import ChangeSet
from agent_desk.ui import labels
from agent_desk.ui.changes import ChangeHub
from agent_desk.ui.intents import IntentRunner


class PresenceControl(QObject):
    """The availability box (the agent changes it) and "Load 3/6" beside it."""

    def __init__(
        self, desk: DeskService, runner: IntentRunner, hub: ChangeHub, status_bar: QStatusBar
    ) -> None:
        super().__init__(status_bar)
        self.desk = desk
        self.runner = runner
        self.load = QLabel(status_bar)
        self.load.setObjectName("load")
        self.load.setToolTip(self.tr("Open conversations assigned to you / your capacity"))
        self.presence = QComboBox(status_bar)
        self.presence.setAccessibleName(self.tr("Availability"))
        self.presence.setToolTip(self.tr("Your availability for new conversations"))
        for presence in Presence:
            self.presence.addItem(labels.presence(presence), presence.value)
        self.presence.activated.connect(
            lambda index: self.set_presence(Presence(self.presence.itemData(index)))
        )
        status_bar.addPermanentWidget(self.load)
        status_bar.addPermanentWidget(self.presence)
        self._mine = 0
        hub.subscribe(self.refresh, {"agent"}, name="presence")

    def show_counts(self, counts: dict[QueueView, int]) -> None:
        """The queue's counts, read once for its tabs (``QueuePanel.counts_changed``)."""
        self._mine = counts.get(QueueView.MINE, 0)
        self.refresh()

    def refresh(self, _changes: ChangeSet | None = None) -> None:
        row = queries.agent_load(self.desk.store, self.desk.me.agent_id)
        capacity = row["max_concurrent"] if row else "?"
        self.load.setText(self.tr("Load {0}/{1}").format(self._mine, capacity))
        if row:
            self.presence.setCurrentIndex(max(0, self.presence.findData(row["presence"])))

    def set_presence(self, presence: Presence) -> None:
        self.runner.run(self.tr("Availability"), lambda: self.desk.set_presence(presence))
