"""The agent's window: queue | conversation | side panel, and a status bar that tells the truth."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agent_desk.core.enums import ConversationStatus, Presence, Role
from agent_desk.core.errors import DomainError
from agent_desk.services.desk import DeskService
from agent_desk.store import queries
from agent_desk.store.queries import QueueFilter, QueueView
from agent_desk.store.store import ChangeSet, Row, Store
from agent_desk.sync.engine import ConnectionState, SyncStatus
from agent_desk.ui.conversation import ConversationPanel, plain
from agent_desk.ui.queue_model import QueueModel

log = logging.getLogger(__name__)

VIEWS = [QueueView.MINE, QueueView.UNASSIGNED, QueueView.TEAM, QueueView.SHARED, QueueView.ALL]


class CustomerPanel(QWidget):
    """The Customer 360 tab (plain text only: everything here was written by someone else)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(self.tr("No customer selected"), self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)

    def show_customer(self, c360: Row | None) -> None:
        if c360 is None:
            self.text.setText(self.tr("No customer selected"))
            return
        lines = [
            plain(c360["name"]),
            self.tr("Stage: {0} · Tier: {1} · Lifetime value: {2} {3}").format(
                c360.get("lifecycle_stage"),
                c360.get("value_tier"),
                f"{(c360.get('lifetime_value_minor') or 0) / 100:,.2f}",
                c360.get("currency"),
            ),
            self.tr("Identities:")
            + " "
            + ", ".join(
                f"{i.get('kind')}: {plain(i.get('value'))}" for i in c360.get("identities") or []
            ),
            self.tr("Tags:") + " " + ", ".join(plain(t) for t in c360.get("tags") or []),
            self.tr("Agent note:") + " " + plain(c360.get("agent_note")),
            "",
            self.tr("Orders (latest first):"),
        ]
        for order in c360["orders"][:8]:
            shipment = order.get("shipment") or {}
            lines.append(
                f"  {plain(order['order_no'])} · {order['status']} · "
                f"{order['total_minor'] / 100:,.2f} {order['currency']} · "
                f"{plain(shipment.get('carrier') or '')} "
                f"{plain(shipment.get('tracking_no') or '')} "
                + (
                    self.tr("ETA {0}").format(str(shipment.get("eta"))[:10])
                    if shipment.get("eta")
                    else ""
                )
            )
        lines += ["", self.tr("Conversations:")]
        for conv in c360["conversations"][:8]:
            lines.append(f"  {conv['channel']} · {conv['status']} · {plain(conv['subject'])}")
        if c360["satisfaction"]:
            scores = ", ".join(str(s["score"]) for s in c360["satisfaction"])
            lines += ["", self.tr("Satisfaction: {0}").format(scores)]
        self.text.setText("\n".join(lines))


class MainWindow(QMainWindow):
    def __init__(self, store: Store, desk: DeskService, settings: QSettings) -> None:
        super().__init__()
        self.store = store
        self.desk = desk
        self.me = desk.me
        self.settings = settings
        self.current: str | None = None
        self.setWindowTitle(self.tr("Agent Desk"))

        self.tabs = QTabBar(self)
        self.views = [
            v for v in VIEWS if v is not QueueView.ALL or desk.role in (Role.SUPERVISOR, Role.ADMIN)
        ]
        for _ in self.views:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._view_changed)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, phone, email, order, text…"))
        self.search.setClearButtonEnabled(True)
        # one query per pause in typing, not per keystroke (a search costs ~70 ms at 20k rows)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.model = QueueModel(store, self.me)
        self.queue = QTableView(self)
        self.queue.setModel(self.model)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.verticalHeader().hide()
        self.queue.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.queue.setWordWrap(False)
        self.queue.selectionModel().currentRowChanged.connect(self._row_changed)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tabs)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.queue)

        self.conversation = ConversationPanel(self)
        self.conversation.claim_requested.connect(self._claim)
        self.conversation.resolve_requested.connect(self._resolve)
        self.conversation.composer.submitted.connect(self._reply)

        self.side = QTabWidget(self)
        self.customer = CustomerPanel(self)
        self.side.addTab(self.customer, self.tr("Customer 360"))
        for title, text in (
            (
                self.tr("Knowledge"),
                self.tr(
                    "Suggested answers for the open conversation appear "
                    "here, searchable offline, ready to insert."
                ),
            ),
            (
                self.tr("Actions"),
                self.tr(
                    "Refunds, reships, coupons and cancellations within "
                    "your authority for this customer appear here."
                ),
            ),
        ):
            label = QLabel(text, self)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.side.addTab(label, title)

        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.conversation)
        self.splitter.addWidget(self.side)
        self.splitter.setSizes([420, 560, 320])
        saved = settings.value("window/splitter")
        if saved is not None:
            self.splitter.restoreState(saved)
        self.setCentralWidget(self.splitter)

        self.connection = QLabel(self)
        self.outbox = QLabel(self)
        self.last_sync = QLabel(self)
        self.load = QLabel(self)
        self.presence = QComboBox(self)
        for presence in Presence:
            self.presence.addItem(self._presence_label(presence), presence.value)
        self.presence.activated.connect(self._presence_changed)
        for widget in (self.connection, self.outbox, self.last_sync):
            self.statusBar().addWidget(widget)
        self.statusBar().addPermanentWidget(self.load)
        self.statusBar().addPermanentWidget(self.presence)

        for keys, slot in (
            ("Ctrl+F", self.search.setFocus),
            ("Ctrl+Shift+C", self._claim),
            ("Ctrl+Shift+N", self.next_waiting),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self._pending_changes = ChangeSet()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(50)
        self._refresh_timer.timeout.connect(self._refresh_pending)
        self.resize(1360, 820)
        self.refresh(None)

    def _presence_label(self, presence: Presence) -> str:
        return {
            Presence.AVAILABLE: self.tr("Available"),
            Presence.BUSY: self.tr("Busy"),
            Presence.AWAY: self.tr("Away"),
            Presence.OFFLINE: self.tr("Offline"),
        }[presence]

    # --- reacting to changes -----------------------------------------------------------------

    def refresh_soon(self, changes: ChangeSet) -> None:
        """Changes from sync: gathered for 50 ms, then one refresh (a first sync brings hundreds
        of pages, and re-reading a 20,000-row queue per page would stall the window)."""
        self._pending_changes.merge(changes)
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _refresh_pending(self) -> None:
        changes, self._pending_changes = self._pending_changes, ChangeSet()
        if not changes:
            return
        if not changes:
            return
        self.refresh(changes)

    def refresh(self, changes: ChangeSet | None) -> None:
        self.model.refresh(changes)
        counts = queries.queue_counts(self.store, self.me, self.views)
        names = {
            QueueView.MINE: self.tr("Mine"),
            QueueView.UNASSIGNED: self.tr("Unassigned"),
            QueueView.TEAM: self.tr("Team"),
            QueueView.SHARED: self.tr("Shared with me"),
            QueueView.ALL: self.tr("All"),
        }
        for n, view in enumerate(self.views):
            self.tabs.setTabText(n, f"{names[view]} ({counts[view]})")
        mine = counts.get(QueueView.MINE, 0)
        me = self.store.row(
            "SELECT max_concurrent, presence FROM agents WHERE id = ?", (self.me.agent_id,)
        )
        capacity = me["max_concurrent"] if me else "?"
        self.load.setText(self.tr("Load {0}/{1}").format(mine, capacity))
        if me:
            self.presence.setCurrentIndex(max(0, self.presence.findData(me["presence"])))
        if self.current and (
            changes is None
            or self.current in changes.ids.get("conversation", set())
            or changes.ids.get("message")
        ):
            self.open_conversation(self.current, keep_draft=True)

    def show_status(self, status: SyncStatus) -> None:
        labels = {
            ConnectionState.ONLINE: self.tr("Online"),
            ConnectionState.SYNCING: self.tr("Syncing…"),
            ConnectionState.OFFLINE: self.tr("Offline"),
            ConnectionState.SIGNED_OUT: self.tr("Signed out"),
            ConnectionState.UPDATE_REQUIRED: self.tr("Update required"),
        }
        text = labels[status.state]
        if status.reason:
            text += " — " + plain(status.reason)
        if status.progress:
            text += " (" + plain(status.progress) + ")"
        self.connection.setText(text)
        self.outbox.setText(
            self.tr("{0} waiting to be sent").format(status.outbox) if status.outbox else ""
        )
        if status.last_sync_at:
            self.last_sync.setText(self.tr("Last sync {0}").format(status.last_sync_at[11:19]))

    # --- queue -------------------------------------------------------------------------------

    def _view_changed(self, index: int) -> None:
        if 0 <= index < len(self.views):
            self.model.set_view(self.views[index])

    def _apply_search(self) -> None:
        self.model.set_view(self.model.view, filters=QueueFilter(search=self.search.text()))

    def _row_changed(self, current: object, _previous: object) -> None:
        conv_id = self.queue.model().data(current, Qt.ItemDataRole.UserRole)  # type: ignore[arg-type]
        if conv_id:
            self.open_conversation(conv_id)

    def next_waiting(self) -> None:
        ids = queries.queue_ids(self.store, QueueView.UNASSIGNED, self.me)
        if ids:
            self.tabs.setCurrentIndex(self.views.index(QueueView.UNASSIGNED))
            self.queue.selectRow(0)

    def open_conversation(self, conv_id: str, *, keep_draft: bool = False) -> None:
        conv = queries.conversation(self.store, conv_id)
        if conv is None:
            return
        if conv_id != self.current and not keep_draft:
            self.conversation.composer.clear()
        self.current = conv_id
        agents = {
            r["id"]: r["display_name"]
            for r in self.store.rows("SELECT id, display_name FROM agents")
        }
        customer = conv.get("customer") or {}
        names = dict(agents)
        names["customer"] = plain(customer.get("name")) or self.tr("Customer")
        assignee = agents.get(conv.get("assignee_id") or "", self.tr("unassigned"))
        header = self.tr("{0} · {1} · {2} · {3}").format(
            names["customer"], conv["channel"], conv["status"], assignee
        )
        header += "\n" + plain(conv["subject"])
        self.conversation.show_conversation(conv, names, header)
        self.customer.show_customer(queries.customer_360(self.store, conv["customer_id"]))

    # --- intents -----------------------------------------------------------------------------

    def _run(self, action: str, fn: object) -> None:
        try:
            fn()  # type: ignore[operator]
        except DomainError as exc:
            QMessageBox.warning(self, action, plain(exc.message))

    def _claim(self) -> None:
        if self.current:
            self._run(self.tr("Claim"), lambda: self.desk.claim(self.current))

    def _resolve(self) -> None:
        if self.current:
            self._run(
                self.tr("Resolve"),
                lambda: self.desk.set_status(self.current, ConversationStatus.RESOLVED),
            )

    def _reply(self, text: str, as_note: bool) -> None:
        conv_id = self.current
        if not conv_id:
            return

        def send() -> None:
            if as_note:
                self.desk.add_note(conv_id, text)
            else:
                self.desk.send_reply(conv_id, text)
            self.conversation.composer.clear()

        self._run(self.tr("Send"), send)

    def _presence_changed(self, index: int) -> None:
        self._run(
            self.tr("Presence"),
            lambda: self.desk.set_presence(Presence(self.presence.itemData(index))),
        )

    def shutdown(self) -> None:
        """Stop every timer that reads the store (called before the store closes)."""
        self.model.stop()
        self._refresh_timer.stop()
        self._search_timer.stop()
        self._pending_changes = ChangeSet()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.shutdown()
        super().closeEvent(event)

    def stamp(self) -> str:
        return datetime.now(UTC).isoformat()
