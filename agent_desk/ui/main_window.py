"""The agent's window: queue | conversation | side panel, a banner and a status bar that tell the
truth, every frequent action on a key, and a command palette.

Composition and layout only. What happens on a click lives in the rooms the window puts
together: the open case (``ui.case``), knowledge (``ui.knowledge_controller``), the connection
(``ui.connection``), presence (``ui.presence``) and the commands (``ui.window_commands``). Each of
them, and each panel, subscribes to the change hub for the entities it shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from agent_desk.core.attention import AttentionPrefs
from agent_desk.core.customer_request import scenario_tag
from agent_desk.core.enums import Role
from agent_desk.services.actions import ActionsService
from agent_desk.services.desk import DeskService
from agent_desk.services.knowledge import KnowledgeService
from agent_desk.services.mail import MailService
from agent_desk.store.customer_requests import CustomerRequests
from agent_desk.store.queries import QueueView, scenario_labels
from agent_desk.store.store import ChangeSet, Store
from agent_desk.sync.engine import SyncStatus
from agent_desk.ui import theme
from agent_desk.ui.accessibility import tab_chain
from agent_desk.ui.actions_panel import ActionsPanel
from agent_desk.ui.attention import Attention
from agent_desk.ui.banner import Banner
from agent_desk.ui.bridge import MessageBridge, MessageView
from agent_desk.ui.case import CaseController
from agent_desk.ui.case_bar import CaseBar
from agent_desk.ui.changes import ChangeHub
from agent_desk.ui.commands import CommandRegistry
from agent_desk.ui.connection import ConnectionView
from agent_desk.ui.conversation import ConversationPanel
from agent_desk.ui.customer_panel import CustomerPanel
from agent_desk.ui.intents import IntentRunner
from agent_desk.ui.knowledge_controller import KnowledgeController
from agent_desk.ui.knowledge_panel import KnowledgePanel
from agent_desk.ui.links import UrlOpener
from agent_desk.ui.mail import FileQuestions, MailController
from agent_desk.ui.presence import PresenceControl
from agent_desk.ui.queue_model import QueueModel
from agent_desk.ui.queue_panel import QueuePanel
from agent_desk.ui.window_commands import WindowCommands

log = logging.getLogger(__name__)

VIEWS = [QueueView.MINE, QueueView.UNASSIGNED, QueueView.TEAM, QueueView.SHARED, QueueView.ALL]


def _open_url(url: QUrl) -> bool:
    return bool(QDesktopServices.openUrl(url))


def _no_typing(_conversation_id: str) -> None:
    pass


@dataclass(frozen=True)
class WindowParts:
    """The long-lived objects a window works with, built by the composition root (``app.py``)."""

    store: Store
    desk: DeskService
    knowledge: KnowledgeService
    actions: ActionsService
    bridge: MessageBridge
    hub: ChangeHub
    runner: IntentRunner
    typing: Callable[[str], None] = _no_typing  # the agent types a reply (a hint to the server)
    mail: MailService | None = None  # a mail's original and attachments (online only)


class MainWindow(QMainWindow):
    """Signals: ``sign_out_requested()``, ``sync_requested()`` (sync now),
    ``settings_requested()``."""

    sign_out_requested = Signal()
    sync_requested = Signal()
    settings_requested = Signal()

    def __init__(
        self,
        parts: WindowParts,
        settings: QSettings,
        *,
        opener: UrlOpener | None = None,
        prefs: AttentionPrefs | None = None,
        files: FileQuestions | None = None,
    ) -> None:
        super().__init__()
        self.parts = parts
        self.store, self.desk, self.me = parts.store, parts.desk, parts.desk.me
        self.knowledge, self.resolution = parts.knowledge, parts.actions
        self.hub, self.bridge, self.runner = parts.hub, parts.bridge, parts.runner
        self.settings = settings
        self.setWindowTitle(self.tr("Agent Desk"))
        self.setWindowIcon(theme.app_icon())
        self.messages = MessageView(parts.bridge, self)

        # the order of building is the order of refreshing: data first, the open case after
        self.views = [
            v
            for v in VIEWS
            if v is not QueueView.ALL or self.desk.role in (Role.SUPERVISOR, Role.ADMIN)
        ]
        self.model = QueueModel(
            self.store, self.me, CustomerRequests(self.store, parts.knowledge.index)
        )
        self.queue_panel = QueuePanel(self.model, self.views, settings, self)
        self.queue_panel.delegate.can_claim = self.desk.role is not Role.EXPERT
        self.tabs = self.queue_panel.tabs
        self.search = self.queue_panel.search
        self.queue = self.queue_panel.table
        self.conversation = ConversationPanel(self, opener=opener or _open_url)
        self.mail = MailController(parts.mail, self.bridge, self.conversation, questions=files)
        self.customer = CustomerPanel(self)
        self.knowledge_panel = KnowledgePanel(self)
        self.actions_panel = ActionsPanel(self.resolution, self.runner, self.hub, self)
        self.hub.subscribe(
            self.queue_panel.changed,
            QueuePanel.ENTITIES,
            name="queue",
        )
        self.answers = KnowledgeController(
            self.knowledge,
            self.knowledge_panel,
            self.conversation.composer,
            self.runner,
            self.bridge,
            self.hub,
            current=lambda: self.case.current,
            selected_order=self.customer.chosen_order_id,
        )
        self.case = CaseController(
            self.desk,
            self.resolution,
            self.runner,
            self.bridge,
            self.hub,
            settings,
            queue=self.queue_panel,
            conversation=self.conversation,
            customer=self.customer,
            actions_panel=self.actions_panel,
            knowledge=self.answers,
            is_active=self.isActiveWindow,
            typing=parts.typing,
        )

        self.case_bar = CaseBar(self)
        self.case_bar.answer_requested.connect(self.answers.insert_answer)
        self.case_bar.action_requested.connect(self._start_action)
        self.answers.suggested.connect(self._show_case_bar)
        self.actions_panel.fitting_changed.connect(lambda _fitting: self._show_case_bar())
        self.side = QTabWidget(self)
        self.side.tabBar().setExpanding(False)
        self.side.setUsesScrollButtons(False)
        self.side.setElideMode(Qt.TextElideMode.ElideRight)
        self.side.addTab(self.customer, theme.icon("customer"), self.tr("Customer 360"))
        self.side.addTab(self.knowledge_panel, theme.icon("knowledge"), self.tr("Knowledge"))
        self.side.addTab(self.actions_panel, theme.icon("actions"), self.tr("Actions"))
        self.splitter = QSplitter(self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.queue_panel)
        self.splitter.addWidget(self.conversation)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.case_bar)
        side_layout.addWidget(self.side, 1)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 520, 370])
        self._restore_layout()

        self.banner = Banner(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.connection = ConnectionView(
            self.store, self.desk, self.hub, self.banner, self.statusBar()
        )
        self.connection.sign_in_requested.connect(self.sign_out_requested)
        self.connection.sync_requested.connect(self.sync_requested)
        self.presence = PresenceControl(self.desk, self.runner, self.hub, self.statusBar())
        self.queue_panel.counts_changed.connect(self.presence.show_counts)

        self.commands = CommandRegistry(self)
        window_commands = WindowCommands(self)
        window_commands.add_to(self.commands)
        window_commands.build_menus(self.commands)

        self._tab_order()
        self.attention = Attention(
            self.store,
            self.me,
            self,
            prefs or AttentionPrefs(),
            icon=theme.app_icon(),
            sounds_dir=theme.RESOURCES / "sounds",
        )
        self.attention.open_requested.connect(self.case.show_conversation)
        self.hub.subscribe(
            self.attention.refresh, Attention.ENTITIES, sync_state=True, name="attention"
        )
        self.hub.publish(None)
        self.case.restore()

    def _tab_order(self) -> None:
        """Tab reads the window as the agent does: the queue, the open conversation (its
        buttons, the messages, the reply), then the side tabs and the one shown."""
        queue, conversation = self.queue_panel, self.conversation
        composer = conversation.composer
        self.side.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one stop: its tab bar, not both
        self.side.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        tab_chain(
            [
                queue.tabs,
                queue.search,
                queue.filter_button,
                queue.sort,
                queue.table,
                conversation.claim,
                conversation.snooze,
                conversation.resolve,
                conversation.reopen,
                conversation.messages,
                composer.editor,
                composer.note_mode,
                composer.send,
                *self.case_bar.controls(),
                self.side.tabBar(),
                self.customer,
                self.knowledge_panel,
                self.actions_panel,
                self.presence.presence,
            ]
        )

    def _show_case_bar(self, _result: object = None) -> None:
        """What the case is about and its next step: the best answer for the customer and the
        actions that fit (the knowledge controller's and the Actions tab's)."""
        if not self.case.current:
            self.case_bar.show_case(None, None, None, [])
            return
        result = self.answers.result
        scenario = result.scenario if result is not None else None
        labels = scenario_labels(self.store)
        answer = self.answers.best_answer()
        chinese = QLocale().name().startswith("zh")
        self.case_bar.show_case(
            scenario_tag(labels.get(scenario, scenario), chinese=chinese) if scenario else None,
            answer.id if answer else None,
            answer.title if answer else None,
            self.actions_panel.fitting,
        )

    def _start_action(self, type_: str) -> None:
        self.side.setCurrentWidget(self.actions_panel)
        self.actions_panel.start(type_)

    def _restore_layout(self) -> None:
        saved = self.settings.value("window/splitter")
        if saved is not None:
            self.splitter.restoreState(saved)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)

    @property
    def current(self) -> str | None:
        """The open conversation's id."""
        return self.case.current

    # --- what comes in from outside ------------------------------------------------------------

    def refresh(self, changes: ChangeSet | None) -> None:
        """A change-set (None: anything may have changed) to every view that shows it."""
        self.hub.publish(changes)

    def refresh_soon(self, changes: ChangeSet) -> None:
        """Changes from sync, gathered for a short pause and then published once (a first sync
        brings hundreds of pages; re-reading a 20,000-row queue per page would stall)."""
        self.hub.publish_soon(changes)

    def show_status(self, status: SyncStatus) -> None:
        self.attention.show_status(status)
        self.connection.show_status(status)

    def theme_changed(self, _theme: object = None) -> None:
        """The system switched light/dark: restyle what carries its own colours, repaint."""
        composer = self.conversation.composer
        composer.apply_style(composer.note_mode.isChecked())
        self.connection.update_banner()
        self.conversation.header.tick()
        for view in (self.queue, self.conversation.messages):
            view.viewport().update()

    # --- places the keyboard goes ----------------------------------------------------------------

    def open_palette(self) -> None:
        from agent_desk.ui.palette import CommandPalette

        palette = getattr(self, "_palette", None)
        if palette is None:
            palette = CommandPalette(self.commands, self.store, self)
            palette.conversation_requested.connect(self.case.show_conversation)
            self._palette = palette
        palette.open_palette()

    def show_help(self) -> None:
        from agent_desk.ui.help_dialog import ShortcutsDialog

        extra = [
            (self.tr("Conversation"), self.tr("Send the reply or add the note"), "Ctrl+Return"),
        ]
        dialog = ShortcutsDialog(self.commands, extra, self)
        dialog.exec()

    def focus_knowledge(self) -> None:
        self.side.setCurrentWidget(self.knowledge_panel)
        self.knowledge_panel.search.setFocus()
        self.knowledge_panel.search.selectAll()

    def focus_composer(self) -> None:
        self.conversation.composer.editor.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def toggle_note(self) -> None:
        box = self.conversation.composer.note_mode
        box.setChecked(not box.isChecked())
        self.focus_composer()

    # --- lifetime ------------------------------------------------------------------------------

    def quit(self) -> None:
        self.close()

    def shutdown(self) -> None:
        """Stop everything that reads the store (called before the store closes)."""
        self.conversation.composer.flush_draft()
        self.hub.stop()
        self.model.stop()
        self.attention.stop()
        self.answers.stop()
        self.knowledge_panel.stop()
        self.queue_panel.stop()
        self.conversation.stop()
        self.mail.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.shutdown()
        super().closeEvent(event)
