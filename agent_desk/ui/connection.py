"""The connection, in the agent's words: the status bar's state, and the banner across the top.

The sync engine reports a :class:`SyncStatus` (English reason codes); this view turns it into
what the agent reads — "Offline since 10:42 (the server cannot be reached). You are seeing the
data from 10:41; you can keep working." — and keeps the banner for the state that matters most
now: signed out, an update required, offline, first-sync progress, then refused changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from agent_desk.services.desk import DeskService
from agent_desk.store import local
from agent_desk.store.store import ChangeSet, Store
from agent_desk.sync.engine import ConnectionState, SyncStatus
from agent_desk.ui import labels, theme
from agent_desk.ui.banner import Banner
from agent_desk.ui.changes import ChangeHub
from agent_desk.ui.conversation import local_time, tooltip_text
from agent_desk.ui.refusals import refusal_text

_ICONS = {
    ConnectionState.ONLINE: "online",
    ConnectionState.SYNCING: "syncing",
    ConnectionState.OFFLINE: "offline",
    ConnectionState.SIGNED_OUT: "warning",
    ConnectionState.UPDATE_REQUIRED: "warning",
}
# while one of these is on the banner, refused changes wait until it clears
_MORE_URGENT = (
    ConnectionState.OFFLINE,
    ConnectionState.SIGNED_OUT,
    ConnectionState.UPDATE_REQUIRED,
)


class ConnectionView(QObject):
    """Signals:
    sign_in_requested(): the banner's "Sign in again" (the session has ended).
    sync_requested(): the banner's "Try now" (offline).
    """

    sign_in_requested = Signal()
    sync_requested = Signal()

    def __init__(
        self,
        store: Store,
        desk: DeskService,
        hub: ChangeHub,
        banner: Banner,
        status_bar: QStatusBar,
    ) -> None:
        super().__init__(status_bar)
        self.store = store
        self.desk = desk
        self.banner = banner
        self.status: SyncStatus | None = None
        self.icon = QLabel(status_bar)
        self.icon.setObjectName("connectionIcon")
        self.state = QLabel(status_bar)
        self.state.setObjectName("connection")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.outbox = QLabel(status_bar)
        self.outbox.setObjectName("outbox")
        self.last_sync = QLabel(status_bar)
        self.last_sync.setObjectName("lastSync")
        for widget in (self.icon, self.state, self.outbox, self.last_sync):
            status_bar.addWidget(widget)
        banner.action_clicked.connect(self._banner_action)
        hub.subscribe(self._changed, outbox=True, rejections=True, name="connection")

    # --- reacting ----------------------------------------------------------------------------

    def _changed(self, changes: ChangeSet | None) -> None:
        if changes is None or changes.rejections:
            self.show_rejections()
        if changes is None or changes.outbox:
            self.update_outbox()

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        state_names = {
            ConnectionState.ONLINE: self.tr("Online"),
            ConnectionState.SYNCING: self.tr("Syncing…"),
            ConnectionState.OFFLINE: self.tr("Offline"),
            ConnectionState.SIGNED_OUT: self.tr("Signed out"),
            ConnectionState.UPDATE_REQUIRED: self.tr("Update required"),
        }
        text = state_names[status.state]
        reason = self.reason_text(status)
        if reason and status.state is not ConnectionState.ONLINE:
            text += " — " + reason
        self.state.setText(text)
        self.state.setToolTip(
            tooltip_text(self.tr("Technical detail: {0}").format(status.reason))
            if status.reason
            else ""
        )
        self.icon.setPixmap(theme.icon(_ICONS[status.state]).pixmap(14, 14))
        self.update_outbox()
        if status.last_sync_at:
            self.last_sync.setText(self.tr("Last sync {0}").format(local_time(status.last_sync_at)))
        self.update_banner()

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

    def update_outbox(self) -> None:
        waiting = self.store.outbox_size()
        self.outbox.setText(self.tr("{0} waiting to be sent").format(waiting) if waiting else "")

    def _pending_text(self) -> str:
        summary = local.pending_summary(self.store)
        if not summary:
            return self.tr("Nothing is waiting to be sent.")
        parts = [f"{labels.mutation(name)}: {count}" for name, count in summary.items()]
        return self.tr("Waiting to be sent — {0}.").format(", ".join(parts))

    # --- the banner ----------------------------------------------------------------------------

    def update_banner(self) -> None:
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
            self.show_rejections()

    def show_rejections(self) -> None:
        if (
            self.status is not None
            and self.status.state in _MORE_URGENT
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
                len(refused),
                labels.mutation(last["name"]),
                refusal_text(last["code"], last["message"]),
            ),
            action=self.tr("Dismiss"),
        )

    def _banner_action(self) -> None:
        if self.status is not None and self.status.state is ConnectionState.SIGNED_OUT:
            self.sign_in_requested.emit()
        elif self.banner.kind == "error":
            self.desk.acknowledge_rejections([r["mutation_id"] for r in self.desk.rejections()])
            self.banner.clear()
        else:
            self.sync_requested.emit()
