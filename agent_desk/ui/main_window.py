"""The agent's window: queue | conversation | side panel, banners and a status bar that tell the
truth, every frequent action on a key, and a command palette."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import datetime

from pydantic import ValidationError
from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agent_desk.core.attention import AttentionPrefs
from agent_desk.core.enums import ConversationStatus, Presence, Role
from agent_desk.core.errors import DomainError
from agent_desk.services.actions import ActionsService
from agent_desk.services.desk import DeskService
from agent_desk.services.knowledge import KnowledgeService, Situation
from agent_desk.store import local, queries
from agent_desk.store.queries import QueueView
from agent_desk.store.store import ChangeSet, Store
from agent_desk.sync.engine import ConnectionState, SyncStatus
from agent_desk.ui import labels, theme
from agent_desk.ui.actions_panel import ActionsPanel
from agent_desk.ui.attention import Attention
from agent_desk.ui.banner import Banner
from agent_desk.ui.commands import Command, CommandRegistry
from agent_desk.ui.conversation import ConversationPanel, local_time, plain, tooltip_text
from agent_desk.ui.customer_panel import CustomerPanel
from agent_desk.ui.knowledge_panel import KnowledgePanel
from agent_desk.ui.links import UrlOpener
from agent_desk.ui.queue_model import QueueModel
from agent_desk.ui.queue_panel import QueuePanel

log = logging.getLogger(__name__)

VIEWS = [QueueView.MINE, QueueView.UNASSIGNED, QueueView.TEAM, QueueView.SHARED, QueueView.ALL]


def _open_url(url: QUrl) -> bool:
    return bool(QDesktopServices.openUrl(url))


class MainWindow(QMainWindow):
    """Signals: ``sign_out_requested()``, ``sync_requested()`` (sync now),
    ``settings_requested()``."""

    sign_out_requested = Signal()
    sync_requested = Signal()
    settings_requested = Signal()

    def __init__(
        self,
        store: Store,
        desk: DeskService,
        settings: QSettings,
        *,
        opener: UrlOpener | None = None,
        prefs: AttentionPrefs | None = None,
        knowledge: KnowledgeService | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.desk = desk
        self.me = desk.me
        self.settings = settings
        self.current: str | None = None
        self.can_act = False  # may the agent change the open conversation (claim, resolve…)
        self._customer_changed = True
        self.status: SyncStatus | None = None
        self._rejections_seen: set[str] = set()
        self.setWindowTitle(self.tr("Agent Desk"))
        self.setWindowIcon(theme.app_icon())

        self.views = [
            v for v in VIEWS if v is not QueueView.ALL or desk.role in (Role.SUPERVISOR, Role.ADMIN)
        ]
        self.model = QueueModel(store, self.me)
        self.queue_panel = QueuePanel(self.model, self.views, settings, self)
        self.queue_panel.conversation_selected.connect(self.open_conversation)
        self.queue_panel.claim_requested.connect(self._claim_id)
        self.queue_panel.view_changed.connect(self._queue_changed)
        self.queue_panel.delegate.can_claim = desk.role is not Role.EXPERT
        self.tabs = self.queue_panel.tabs
        self.search = self.queue_panel.search
        self.queue = self.queue_panel.table

        self.conversation = ConversationPanel(self, opener=opener or _open_url)
        self.conversation.claim_requested.connect(self._claim)
        self.conversation.resolve_requested.connect(self._resolve)
        self.conversation.reopen_requested.connect(self._reopen)
        self.conversation.snooze_requested.connect(self._snooze)
        self.conversation.retry_requested.connect(self._retry)
        self.conversation.composer.submitted.connect(self._reply)
        self.conversation.composer.draft_changed.connect(self._draft_changed)

        self.side = QTabWidget(self)
        self.side.tabBar().setExpanding(False)
        self.side.setUsesScrollButtons(False)
        self.side.setElideMode(Qt.TextElideMode.ElideRight)
        self.customer = CustomerPanel(self)
        self.customer.conversation_requested.connect(self.show_conversation)
        self.customer.note_saved.connect(self._save_customer_note)
        self.side.addTab(self.customer, theme.icon("customer"), self.tr("Customer 360"))
        self.knowledge = knowledge or KnowledgeService(store, desk)
        self.knowledge_panel = KnowledgePanel(self)
        self.knowledge_panel.insert_requested.connect(self.insert_answer)
        self.knowledge_panel.feedback_given.connect(self._answer_feedback)
        self.knowledge_panel.search_changed.connect(self._search_knowledge)
        self.knowledge_panel.preview_requested.connect(self._preview_answer)
        self.side.addTab(self.knowledge_panel, theme.icon("knowledge"), self.tr("Knowledge"))
        self._situation: Situation | None = None
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(250)  # messages come in bursts: the newest request wins
        self._suggest_timer.timeout.connect(self._suggest_now)
        self.conversation.composer.canned_query.connect(self._canned_query)
        self.conversation.composer.canned_chosen.connect(self.insert_answer)
        self.resolution = ActionsService(store, desk)
        self.actions_panel = ActionsPanel(self.resolution, self)
        self.actions_panel.notice.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.side.addTab(self.actions_panel, theme.icon("actions"), self.tr("Actions"))

        self.splitter = QSplitter(self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.queue_panel)
        self.splitter.addWidget(self.conversation)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 520, 370])
        saved = settings.value("window/splitter")
        if saved is not None:
            self.splitter.restoreState(saved)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)

        self.banner = Banner(self)
        self.banner.action_clicked.connect(self._banner_action)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.connection_icon = QLabel(self)
        self.connection = QLabel(self)
        self.connection.setTextFormat(Qt.TextFormat.PlainText)
        self.outbox = QLabel(self)
        self.last_sync = QLabel(self)
        self.load = QLabel(self)
        self.presence = QComboBox(self)
        self.presence.setAccessibleName(self.tr("Availability"))
        self.presence.setToolTip(self.tr("Your availability for new conversations"))
        for presence in Presence:
            self.presence.addItem(labels.presence(presence), presence.value)
        self.presence.activated.connect(self._presence_changed)
        for widget in (self.connection_icon, self.connection, self.outbox, self.last_sync):
            self.statusBar().addWidget(widget)
        self.statusBar().addPermanentWidget(self.load)
        self.statusBar().addPermanentWidget(self.presence)

        self.commands = CommandRegistry(self)
        self._add_commands()
        self._build_menus()

        self.attention = Attention(
            store,
            self.me,
            self,
            prefs or AttentionPrefs(),
            icon=theme.app_icon(),
            sounds_dir=theme.RESOURCES / "sounds",
        )
        self.attention.open_requested.connect(self.show_conversation)

        self._pending_changes = ChangeSet()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(50)
        self._refresh_timer.timeout.connect(self._refresh_pending)
        self.refresh(None)
        self._restore_conversation()

    # --- commands, menus ---------------------------------------------------------------------

    def _has_conversation(self) -> bool:
        return self.current is not None

    def _may_act(self) -> bool:
        return self.current is not None and self.can_act

    def _add_commands(self) -> None:
        conv = self.tr("Conversation")
        queue = self.tr("Queue")
        app = self.tr("Agent Desk")
        has = self._has_conversation
        names = self._view_names()
        entries: list[Command] = [
            Command(
                "conversation.claim",
                self.tr("Claim the conversation"),
                conv,
                self._claim,
                "Ctrl+Shift+C",
                self._may_act,
                ("take", "assign"),
            ),
            Command(
                "conversation.resolve",
                self.tr("Resolve the conversation"),
                conv,
                self._resolve,
                "Ctrl+Shift+R",
                self._may_act,
                ("close", "done"),
            ),
            Command(
                "conversation.snooze",
                self.tr("Snooze for 1 hour"),
                conv,
                self._snooze_hour,
                "Ctrl+Shift+S",
                self._may_act,
                ("later", "wait"),
            ),
            Command(
                "conversation.reopen",
                self.tr("Reopen the conversation"),
                conv,
                self._reopen,
                "Ctrl+Shift+O",
                self._may_act,
            ),
            Command(
                "composer.focus",
                self.tr("Write a reply"),
                conv,
                self._focus_composer,
                "Ctrl+R",
                has,
                ("answer", "type"),
            ),
            Command(
                "composer.note",
                self.tr("Switch between reply and internal note"),
                conv,
                self._toggle_note,
                "Ctrl+Shift+I",
                has,
                ("note", "internal"),
            ),
            Command(
                "message.retry",
                self.tr("Retry every failed message"),
                conv,
                self._retry_all,
                None,
                has,
            ),
            Command(
                "queue.next",
                self.tr("Take the next waiting conversation"),
                queue,
                self.next_waiting,
                "Ctrl+Shift+N",
                keywords=("next", "claim"),
            ),
            Command(
                "queue.down",
                self.tr("Next conversation in the list"),
                queue,
                lambda: self.queue_panel.step(1),
                "Ctrl+PgDown",
            ),
            Command(
                "queue.up",
                self.tr("Previous conversation in the list"),
                queue,
                lambda: self.queue_panel.step(-1),
                "Ctrl+PgUp",
            ),
            Command(
                "queue.search",
                self.tr("Search the queue"),
                queue,
                self._focus_search,
                "Ctrl+F",
                keywords=("find",),
            ),
            Command(
                "queue.clear_filters",
                self.tr("Clear the queue filters"),
                queue,
                self.queue_panel.clear_filters,
            ),
            Command(
                "knowledge.search",
                self.tr("Search answers"),
                self.tr("Knowledge"),
                self._focus_knowledge,
                "Ctrl+Shift+K",
                keywords=("knowledge", "article", "faq"),
            ),
            Command(
                "knowledge.insert",
                self.tr("Insert the selected answer into the reply"),
                self.tr("Knowledge"),
                self.knowledge_panel.insert.click,
                "Ctrl+Shift+Return",
                has,
                ("answer", "template"),
            ),
        ]
        for n, view in enumerate(self.views, start=1):
            entries.append(
                Command(
                    f"queue.view.{view.value}",
                    self.tr("Show {0}").format(names[view]),
                    queue,
                    functools.partial(self.queue_panel.select_view, view),
                    f"Ctrl+{n}",
                )
            )
        entries += [
            Command(
                "app.palette",
                self.tr("Command palette"),
                app,
                self.open_palette,
                "Ctrl+K",
                keywords=("jump", "go to", "find"),
            ),
            Command("app.help", self.tr("Keyboard shortcuts"), app, self.show_help, "F1"),
            Command(
                "app.sync",
                self.tr("Sync now"),
                app,
                self.sync_requested.emit,
                "F5",
                keywords=("refresh",),
            ),
            Command(
                "app.settings",
                self.tr("Settings"),
                app,
                self.settings_requested.emit,
                "Ctrl+,",
                keywords=("preferences", "language", "notifications"),
            ),
            Command(
                "app.sign_out",
                self.tr("Sign out"),
                app,
                self.sign_out_requested.emit,
                keywords=("log out", "logout"),
            ),
            Command(
                "app.quit",
                self.tr("Quit Agent Desk"),
                app,
                self._quit,
                "Ctrl+Q",
                keywords=("exit",),
            ),
        ]
        for presence in Presence:
            entries.append(
                Command(
                    f"presence.{presence.value}",
                    self.tr("Set me {0}").format(labels.presence(presence)),
                    app,
                    functools.partial(self._set_presence, presence),
                    keywords=("status",),
                )
            )
        for command in entries:
            self.commands.add(command)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for title, prefixes in (
            (self.tr("Agent Desk"), ("app.", "presence.")),
            (self.tr("Conversation"), ("conversation.", "composer.", "message.")),
            (self.tr("Queue"), ("queue.",)),
        ):
            menu = bar.addMenu(title)
            for command in self.commands.commands():
                if command.id.startswith(prefixes) and command.id != "app.help":
                    menu.addAction(self.commands.action(command.id))
        help_menu = bar.addMenu(self.tr("Help"))
        help_menu.addAction(self.commands.action("app.help"))

    def _view_names(self) -> dict[QueueView, str]:
        return {
            QueueView.MINE: self.tr("Mine"),
            QueueView.UNASSIGNED: self.tr("Unassigned"),
            QueueView.TEAM: self.tr("Team"),
            QueueView.SHARED: self.tr("Shared with me"),
            QueueView.ALL: self.tr("All"),
        }

    def open_palette(self) -> None:
        from agent_desk.ui.palette import CommandPalette

        palette = getattr(self, "_palette", None)
        if palette is None:
            palette = CommandPalette(self.commands, self.store, self)
            palette.conversation_requested.connect(self.show_conversation)
            self._palette = palette
        palette.open_palette()

    def show_help(self) -> None:
        from agent_desk.ui.help_dialog import ShortcutsDialog

        extra = [
            (self.tr("Conversation"), self.tr("Send the reply or add the note"), "Ctrl+Return"),
        ]
        dialog = ShortcutsDialog(self.commands, extra, self)
        dialog.exec()

    # --- reacting to changes -----------------------------------------------------------------

    def refresh_soon(self, changes: ChangeSet) -> None:
        """Changes from sync: gathered for 50 ms, then one refresh (a first sync brings hundreds
        of pages, and re-reading a 20,000-row queue per page would stall the window)."""
        self._pending_changes.merge(changes)
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _refresh_pending(self) -> None:
        changes, self._pending_changes = self._pending_changes, ChangeSet()
        if changes:
            self.refresh(changes)

    def refresh(self, changes: ChangeSet | None) -> None:
        if changes is None or changes.ids.get("article"):
            self.knowledge.apply(changes)
            self._suggest_soon()
        if (
            changes is None
            or any(
                changes.ids.get(e)
                for e in (
                    "action",
                    "authority_usage",
                    "authority_policy",
                    "action_type",
                    "order",
                    "customer",
                )
            )
            or changes.rejections
        ):
            self.actions_panel.refresh()
            if self.current and self.actions_panel.customer_id:
                self.customer.show_compensation(
                    self.resolution.compensation(self.actions_panel.customer_id)
                )
        self.model.refresh(changes)
        counts = queries.queue_counts(self.store, self.me, self.views)
        self.queue_panel.set_counts(self._view_names(), counts)
        mine = counts.get(QueueView.MINE, 0)
        me = self.store.row(
            "SELECT max_concurrent, presence FROM agents WHERE id = ?", (self.me.agent_id,)
        )
        capacity = me["max_concurrent"] if me else "?"
        self.load.setText(self.tr("Load {0}/{1}").format(mine, capacity))
        self.load.setToolTip(self.tr("Open conversations assigned to you / your capacity"))
        if me:
            self.presence.setCurrentIndex(max(0, self.presence.findData(me["presence"])))
        if self.current:
            touched = queries.touches_conversation(self.store, self.current, changes)
            if touched is not None:
                self._customer_changed = touched.customer
                self.open_conversation(self.current)
                self._customer_changed = False
                self._suggest_soon()
        if changes is None or changes.rejections:
            self._show_rejections()
        if changes is None or changes.outbox:
            self._update_outbox()
        if hasattr(self, "attention"):  # not during construction
            self.attention.refresh(changes)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.attention.show_status(status)
        state_names = {
            ConnectionState.ONLINE: self.tr("Online"),
            ConnectionState.SYNCING: self.tr("Syncing…"),
            ConnectionState.OFFLINE: self.tr("Offline"),
            ConnectionState.SIGNED_OUT: self.tr("Signed out"),
            ConnectionState.UPDATE_REQUIRED: self.tr("Update required"),
        }
        icons = {
            ConnectionState.ONLINE: "online",
            ConnectionState.SYNCING: "syncing",
            ConnectionState.OFFLINE: "offline",
            ConnectionState.SIGNED_OUT: "warning",
            ConnectionState.UPDATE_REQUIRED: "warning",
        }
        text = state_names[status.state]
        reason = self.reason_text(status)
        if reason and status.state is not ConnectionState.ONLINE:
            text += " — " + reason
        self.connection.setText(text)
        self.connection.setToolTip(
            tooltip_text(self.tr("Technical detail: {0}").format(status.reason))
            if status.reason
            else ""
        )
        self.connection_icon.setPixmap(theme.icon(icons[status.state]).pixmap(14, 14))
        self._update_outbox()
        if status.last_sync_at:
            self.last_sync.setText(self.tr("Last sync {0}").format(local_time(status.last_sync_at)))
        self._update_banner()

    def reason_text(self, status: SyncStatus) -> str:
        """The connection's reason in the agent's language (the engine's words are English)."""
        return {
            "unreachable": self.tr("the server cannot be reached"),
            "server_error": self.tr("the server is having trouble"),
            "bad_reply": self.tr("the server sent an answer this version cannot read"),
            "auth_required": self.tr("your session has ended"),
            "schema_mismatch": self.tr("this version does not match the server"),
            "not_started": self.tr("connecting…"),
        }.get(status.code, self.tr("the connection failed") if status.code else "")

    def _update_outbox(self) -> None:
        waiting = self.store.outbox_size()
        self.outbox.setText(self.tr("{0} waiting to be sent").format(waiting) if waiting else "")

    def _pending_text(self) -> str:
        summary = local.pending_summary(self.store)
        if not summary:
            return self.tr("Nothing is waiting to be sent.")
        parts = [f"{labels.mutation(name)}: {count}" for name, count in summary.items()]
        return self.tr("Waiting to be sent — {0}.").format(", ".join(parts))

    def _update_banner(self) -> None:
        status = self.status
        if status is None:
            return
        if status.state is ConnectionState.SIGNED_OUT:
            self.banner.show_message(
                "error",
                self.tr("Your session has ended. Sign in again to send and receive. {0}").format(
                    self._pending_text()
                ),
                action=self.tr("Sign in again"),
            )
        elif status.state is ConnectionState.UPDATE_REQUIRED:
            self.banner.show_message(
                "error",
                self.tr(
                    "This version of Agent Desk no longer matches the server. "
                    "Install the update; nothing you queued is lost."
                ),
            )
        elif status.state is ConnectionState.OFFLINE and status.code != "not_started":
            since = status.offline_since or status.since
            data_from = local_time(status.last_sync_at) if status.last_sync_at else self.tr("never")
            self.banner.show_message(
                "offline",
                self.tr(
                    "Offline since {0} ({1}). You are seeing the data from {2}; "
                    "you can keep working. {3}"
                ).format(
                    since.astimezone().strftime("%H:%M") if since else "?",
                    self.reason_text(status),
                    data_from,
                    self._pending_text(),
                ),
                action=self.tr("Try now"),
            )
        elif (
            status.state is ConnectionState.SYNCING
            and status.progress
            and (status.progress.phase == "loading")
        ):
            loaded = status.progress.loaded
            entity_names = {
                "conversation": self.tr("conversations"),
                "message": self.tr("messages"),
                "customer": self.tr("customers"),
                "order": self.tr("orders"),
            }
            parts = [f"{entity_names[e]} {loaded[e]:,}" for e in entity_names if loaded.get(e)]
            self.banner.show_message(
                "info",
                self.tr("Loading your workspace: {0} records so far ({1}).").format(
                    f"{status.progress.records:,}", ", ".join(parts)
                ),
                progress=status.progress.fraction,
            )
        elif status.state is ConnectionState.ONLINE:
            # only now: a retry while offline (syncing… offline again) must not make the
            # banner, and the whole window under it, jump
            if self.banner.kind in ("offline", "info"):
                self.banner.clear()
            self._show_rejections()

    def _show_rejections(self) -> None:
        if (
            self.status is not None
            and self.status.state
            in (
                ConnectionState.OFFLINE,
                ConnectionState.SIGNED_OUT,
                ConnectionState.UPDATE_REQUIRED,
            )
            and not self.banner.isHidden()
        ):
            return  # the connection banner matters more; refusals wait until it clears
        refused = self.desk.rejections()
        if not refused:
            if self.banner.kind == "error":
                self.banner.clear()
            return
        last = refused[-1]
        self.banner.show_message(
            "error",
            self.tr("The server refused {0} change(s). Latest: {1} — {2}").format(
                len(refused), labels.mutation(last["name"]), plain(last["message"])
            ),
            action=self.tr("Dismiss"),
        )

    def _banner_action(self) -> None:
        if self.status is not None and self.status.state is ConnectionState.SIGNED_OUT:
            self.sign_out_requested.emit()
        elif self.banner.kind == "error":
            self.desk.acknowledge_rejections([r["mutation_id"] for r in self.desk.rejections()])
            self.banner.clear()
        else:
            self.sync_requested.emit()

    # --- queue -------------------------------------------------------------------------------

    def _queue_changed(self) -> None:
        if self.current:
            self.queue_panel.show_selected(self.current)

    def next_waiting(self) -> None:
        """Open and claim the most urgent unassigned conversation."""
        ids = queries.queue_ids(self.store, QueueView.UNASSIGNED, self.me)
        if not ids:
            self.statusBar().showMessage(self.tr("Nobody is waiting. Well done."), 4000)
            return
        self.queue_panel.select_view(QueueView.UNASSIGNED)
        self.show_conversation(ids[0])
        self._claim()

    def show_conversation(self, conv_id: str) -> None:
        """Open a conversation from anywhere (palette, 360, notification)."""
        if conv_id != self.current:
            self.open_conversation(conv_id)

    def open_conversation(self, conv_id: str) -> None:
        conv = queries.conversation(self.store, conv_id)
        if conv is None:
            return
        switching = conv_id != self.current
        if switching:
            self.conversation.composer.flush_draft()
        self.current = conv_id
        self.queue_panel.show_selected(conv_id)  # the highlighted row is the open one, or none
        agents = {
            r["id"]: r["display_name"]
            for r in self.store.rows("SELECT id, display_name FROM agents")
        }
        customer = conv.get("customer") or {}
        names = dict(agents)
        names["customer"] = plain(customer.get("name")) or self.tr("Customer")
        assignee_id = conv.get("assignee_id")
        assignee = (
            self.tr("you")
            if assignee_id == self.me.agent_id
            else agents.get(assignee_id or "", self.tr("unassigned"))
        )
        mine = assignee_id == self.me.agent_id
        self.can_act = self.desk.may_change(conv)
        expert = self.desk.role is Role.EXPERT
        self.conversation.show_conversation(
            conv,
            names,
            assignee,
            mine=mine,
            can_act=self.can_act,
            can_write=self.can_act or expert,
        )
        composer = self.conversation.composer
        if switching:
            draft = self.desk.draft(conv_id)
            if draft is None:
                composer.clear()
            else:
                composer.set_draft(draft.body, draft.note_mode)
            self.settings.setValue("window/conversation", conv_id)
        if expert:  # experts advise through internal notes only
            composer.force_note_mode()
        if switching or self.isActiveWindow():
            self._mark_read(conv)  # what is on the agent's screen has been read
        if switching or self._customer_changed:
            self.customer.show_customer(queries.customer_360(self.store, conv["customer_id"]))
        # the note follows who owns the customer's conversations (a claim or a transfer changes it)
        self.customer.set_note_editable(self.desk.may_edit_customer_note(conv["customer_id"]))
        if switching:
            self._suggest_now()  # a new conversation: its answers at once
            said = self._situation.text if self._situation else ""
            about = self._situation.context.order(said) if self._situation else None
            locale = str(customer.get("locale") or "zh_CN")
            self.actions_panel.show_conversation(
                conv_id,
                conv["customer_id"],
                locale,
                said,
                str(about["id"]) if isinstance(about, dict) else None,
            )
            self.customer.show_compensation(self.resolution.compensation(conv["customer_id"]))

    def _mark_read(self, conv: dict[str, object]) -> None:
        inbound = [m for m in conv["messages"] if m["kind"] == "inbound"]  # type: ignore[attr-defined]
        if not inbound:
            return
        read = self.store.row(
            "SELECT last_read_seq FROM read_states WHERE conversation_id = ? AND agent_id = ?",
            (conv["id"], self.me.agent_id),
        )
        newest = max(int(m.get("seq") or 0) for m in inbound)
        if read is None or int(read["last_read_seq"]) < newest:
            try:
                self.desk.mark_read(str(conv["id"]))
            except DomainError as exc:
                log.info("mark read refused: %s", exc.code)

    def _restore_conversation(self) -> None:
        saved = self.settings.value("window/conversation")
        if saved and queries.conversation(self.store, str(saved)) is not None:
            self.show_conversation(str(saved))

    # --- knowledge ---------------------------------------------------------------------------

    def _scenario_labels(self) -> dict[str, str]:
        return {r["id"]: r["label"] for r in self.store.rows("SELECT id, label FROM scenarios")}

    def _selected_order(self) -> str | None:
        index = self.customer.orders.currentIndex()
        value = self.customer.orders_model.data(index, Qt.ItemDataRole.UserRole)
        return str(value) if index.isValid() and value else None

    def _suggest_soon(self) -> None:
        if self.current:
            self._suggest_timer.start()

    def _suggest_now(self) -> None:
        self._suggest_timer.stop()
        if not self.current:
            return
        self._situation = self.knowledge.situation(self.current, self._selected_order())
        if self._situation is None:
            return
        result = self.knowledge.suggest(self._situation)
        self.knowledge_panel.show_result(result, self._scenario_labels())

    def _search_knowledge(self, text: str) -> None:
        if text.strip():
            found = self.knowledge.search(text, k=20)
            self.knowledge_panel.show_search(found, self._scenario_labels())
        else:
            self._suggest_now()

    def _preview_answer(self, article_id: str) -> None:
        filled = self.knowledge.answer(article_id, self._situation)
        self.knowledge_panel.set_preview(filled.text if filled else "")

    def insert_answer(self, article_id: str) -> None:
        """One click: the answer, with this customer's and order's details, into the reply."""
        if not self.current:
            return
        if self._situation is None or self._situation.conversation_id != self.current:
            self._situation = self.knowledge.situation(self.current, self._selected_order())
        filled = self.knowledge.answer(article_id, self._situation)
        if filled is None:
            return
        self.conversation.composer.insert_answer(filled.text)
        self._answer_feedback(article_id, "inserted")

    def _answer_feedback(self, article_id: str, kind: str) -> None:
        conv_id = self.current
        if (
            self._run(
                self.tr("Answer feedback"),
                lambda: self.knowledge.feedback(article_id, kind, conv_id),
            )
            and kind != "inserted"
        ):
            self.statusBar().showMessage(self.tr("Thank you: your rating helps everyone."), 4000)

    def _canned_query(self, text: str) -> None:
        if text.strip():
            found = self.knowledge.search(text, k=8)
        else:  # just "/": what the conversation suggests
            situation = self.knowledge.situation(self.current) if self.current else None
            found = self.knowledge.suggest(situation).suggestions if situation else []
        self.conversation.composer.offer_canned([(s.id, s.title) for s in found])

    # --- intents -----------------------------------------------------------------------------

    def _run(self, action: str, fn: Callable[[], object]) -> bool:
        try:
            fn()
        except DomainError as exc:
            self._warn(action, self.error_text(exc))
            return False
        except ValidationError as exc:  # the protocol's limits, checked before queueing
            self._warn(action, self.tr("That cannot be done: {0}").format(exc.errors()[0]["msg"]))
            return False
        return True

    def _warn(self, title: str, text: str) -> None:
        """A refusal, without a nested event loop (sync keeps running; nothing re-enters)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def error_text(self, exc: DomainError) -> str:
        return {
            "already_assigned": self.tr("Another agent has already claimed this conversation."),
            "forbidden": self.tr("You are not allowed to do that here."),
            "not_found": self.tr("That conversation is no longer available to you."),
            "too_large": self.tr("The message is too long to send."),
            "invalid_arguments": self.tr("That cannot be done: {0}").format(plain(exc.message)),
        }.get(exc.code, self.tr("That did not work: {0}").format(plain(exc.message)))

    def _claim(self) -> None:
        if self.current:
            conv_id = self.current
            self._run(self.tr("Claim"), lambda: self.desk.claim(conv_id))

    def _claim_id(self, conv_id: str) -> None:
        self.show_conversation(conv_id)
        conv = self.store.row("SELECT assignee_id FROM conversations WHERE id = ?", (conv_id,))
        if conv is not None and conv["assignee_id"] is None:
            self._claim()

    def _resolve(self) -> None:
        if self.current:
            conv_id = self.current
            self._run(
                self.tr("Resolve"),
                lambda: self.desk.set_status(conv_id, ConversationStatus.RESOLVED),
            )

    def _reopen(self) -> None:
        if self.current:
            conv_id = self.current
            self._run(
                self.tr("Reopen"), lambda: self.desk.set_status(conv_id, ConversationStatus.OPEN)
            )

    def _snooze(self, until: datetime) -> None:
        if self.current:
            conv_id = self.current
            self._run(self.tr("Snooze"), lambda: self.desk.snooze(conv_id, until))

    def _snooze_hour(self) -> None:
        from agent_desk.ui.conversation import snooze_until

        self._snooze(snooze_until("1h"))

    def _retry(self, message_id: str) -> None:
        self._run(self.tr("Retry"), lambda: self.desk.retry_message(message_id))

    def _retry_all(self) -> None:
        if not self.current:
            return
        for row in self.store.rows(
            "SELECT id FROM messages WHERE conversation_id = ? AND delivery = 'failed'",
            (self.current,),
        ):
            self._retry(row["id"])

    def _reply(self, text: str, as_note: bool) -> None:
        conv_id = self.current
        if not conv_id:
            return

        def send() -> None:
            if as_note:
                self.desk.add_note(conv_id, text)
            else:
                self.desk.send_reply(conv_id, text)

        if self._run(self.tr("Send"), send):
            self.conversation.composer.clear()
            self.conversation.messages.scrollToBottom()

    def _draft_changed(self, text: str, as_note: bool) -> None:
        if self.current:
            self.desk.save_draft(self.current, text, as_note)

    def _save_customer_note(self, customer_id: str, text: str) -> None:
        if self._run(self.tr("Agent note"), lambda: self.desk.set_customer_note(customer_id, text)):
            self.customer.note_was_saved(text)

    def _focus_knowledge(self) -> None:
        self.side.setCurrentWidget(self.knowledge_panel)
        self.knowledge_panel.search.setFocus()
        self.knowledge_panel.search.selectAll()

    def _quit(self) -> None:
        self.close()

    def _focus_composer(self) -> None:
        self.conversation.composer.editor.setFocus()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _toggle_note(self) -> None:
        box = self.conversation.composer.note_mode
        box.setChecked(not box.isChecked())
        self._focus_composer()

    def _presence_changed(self, index: int) -> None:
        self._set_presence(Presence(self.presence.itemData(index)))

    def _set_presence(self, presence: Presence) -> None:
        self._run(self.tr("Availability"), lambda: self.desk.set_presence(presence))

    def theme_changed(self, _theme: object = None) -> None:
        """The system switched light/dark: restyle what carries its own colours, repaint."""
        composer = self.conversation.composer
        composer.apply_style(composer.note_mode.isChecked())
        self._update_banner()
        self.conversation.header.tick()
        for view in (self.queue, self.conversation.messages):
            view.viewport().update()

    # --- lifetime ----------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop every timer that reads the store (called before the store closes)."""
        self.conversation.composer.flush_draft()
        self.model.stop()
        self.attention.stop()
        self._suggest_timer.stop()
        self.knowledge_panel.stop()
        self.queue_panel.stop()
        self.conversation.stop()
        self._refresh_timer.stop()
        self._pending_changes = ChangeSet()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.shutdown()
        super().closeEvent(event)
