"""Getting the agent's attention: tray icon with the unread badge, notifications, sounds, flashing.

:class:`Attention` watches the cache after every applied change-set (and once a second for SLA
reminders), asks :func:`agent_desk.core.attention.decide` how each alert reaches the agent, and
delivers it: a desktop notification through the tray icon, a chime, a taskbar flash. It also
keeps the unread count on the tray icon, the dock/taskbar badge and the window title.

Customer-written text (names, previews) is untrusted. It is shown as plain text: one line,
control characters dropped, clipped, wrapped in a Unicode isolate so a right-to-left override
cannot reorder the words around it, and on Linux with ``& < >`` escaped in the body, because
freedesktop notification servers read a subset of HTML there (the title is plain everywhere).
"""

from __future__ import annotations

import html
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from agent_desk.core.attention import (
    Alert,
    AlertKind,
    AttentionPrefs,
    Delivery,
    ReminderLevel,
    Watcher,
    plan,
)
from agent_desk.store import attention as cache
from agent_desk.store import queries
from agent_desk.store.local import Me
from agent_desk.store.store import ChangeSet, Store
from agent_desk.sync.engine import SyncStatus
from agent_desk.system import sound

log = logging.getLogger(__name__)

NOTIFICATION_MS = 8000
BODY_LIMIT = 140  # characters of customer text in a notification body
NAME_LIMIT = 60  # characters of a customer's name in a title or menu entry
HISTORY_LIMIT = 200
RECENT_IN_MENU = 5
FULL_REFRESH_EVERY = timedelta(seconds=60)  # re-read everything now and then, whatever happened
PARTIAL_LIMIT = 1000  # a change-set touching more conversations than this: re-read everything
SOUND_FILES = {"message": "new_message.wav", "reminder": "sla_reminder.wav"}
ICON_SIZES = (16, 20, 22, 24, 32, 40, 44, 48, 64, 96, 128)  # physical pixels: 1x and 2x sizes

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ISOLATE_OPEN = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI
_FSI, _PDI = "\u2068", "\u2069"
_NO_WINDOW_STACK = frozenset({"offscreen", "minimal"})  # raise() there only warns


# --- untrusted text --------------------------------------------------------------------------


def one_line(text: object) -> str:
    """Untrusted text as one plain line: whitespace runs become one space, controls go."""
    return _CONTROL.sub("", " ".join(str(text or "").split()))


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def isolate(text: str) -> str:
    """``text`` in a first-strong isolate, balanced so that nothing inside can leak out.

    A stray pop-directional-isolate in the text would close our isolate early; it is dropped.
    Isolates the text opens are closed; closing ours also ends any embedding or override
    (U+202A-U+202E) the text started, so an RTL override reverses only the customer's words.
    """
    out, depth = [], 0
    for char in text:
        if char in _ISOLATE_OPEN:
            depth += 1
        elif char == _PDI:
            if depth == 0:
                continue
            depth -= 1
        out.append(char)
    return _FSI + "".join(out) + _PDI * depth + _PDI


def notification_body(text: object, platform: str = sys.platform) -> str:
    """A notification body from customer text: plain, clipped, escaped where markup is read."""
    return body_markup(isolate(clip(one_line(text), BODY_LIMIT)), platform)


def body_markup(body: str, platform: str = sys.platform) -> str:
    """Plain text as a notification body on ``platform``.

    freedesktop notification servers (Linux) may read a subset of HTML in the body, so
    ``& < >`` are escaped there; Windows and macOS show the body as it is. (Qt's own balloon,
    used when there is no notification server, shows it as plain text: the entities then show
    as written, which is ugly but harmless.)
    """
    return html.escape(body, quote=False) if platform.startswith("linux") else body


def menu_text(text: str) -> str:
    """Text for a menu entry: '&' would underline the next letter and make it a mnemonic."""
    return text.replace("&", "&&")


# --- the badge ---------------------------------------------------------------------------------


def badge_text(count: int) -> str:
    """What the badge says: nothing at zero, the number, or "99+"."""
    if count <= 0:
        return ""
    return "99+" if count > 99 else str(count)


def fallback_icon() -> QIcon:
    """A plain app mark for when no app icon was given (a tray icon must have one)."""
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#1a73e8"))
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22)
        painter.setBrush(QColor("#ffffff"))
        bubble = QRectF(size * 0.2, size * 0.24, size * 0.6, size * 0.42)
        painter.drawRoundedRect(bubble, size * 0.12, size * 0.12)
        tail = QPainterPath(QPointF(size * 0.32, size * 0.6))
        tail.lineTo(QPointF(size * 0.3, size * 0.8))
        tail.lineTo(QPointF(size * 0.5, size * 0.62))
        painter.drawPath(tail)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def badged_icon(base: QIcon, count: int) -> QIcon:
    """The app icon with a red unread badge (white number, "99+" above 99) in the top right.

    Rendered into pixmaps of every common tray size in physical pixels (so a 2x screen picks
    the 32 px rendering for a 16 pt slot instead of scaling a blurry 16 px one).
    """
    text = badge_text(count)
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.setDevicePixelRatio(1.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        base_pixmap = base.pixmap(QSize(size, size), 1.0)
        if not base_pixmap.isNull():
            painter.drawPixmap(QRectF(0, 0, size, size), base_pixmap, QRectF(base_pixmap.rect()))
        if text:
            _paint_badge(painter, size, text)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _paint_badge(painter: QPainter, size: int, text: str) -> None:
    height = max(8.0, size * (0.56 if len(text) < 3 else 0.5))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, round(height * (0.72 if len(text) == 1 else 0.62))))
    metrics = QFontMetricsF(font)
    width = min(float(size), max(height, metrics.horizontalAdvance(text) + height * 0.45))
    rect = QRectF(size - width, 0, width, height)
    border = max(1.0, size / 24)
    painter.setPen(QPen(QColor("#ffffff"), border))
    painter.setBrush(QBrush(QColor("#d93025")))
    inner = rect.adjusted(border / 2, border / 2, -border / 2, -border / 2)
    painter.drawRoundedRect(inner, inner.height() / 2, inner.height() / 2)
    painter.setPen(QColor("#ffffff"))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


# --- the attention object -------------------------------------------------------------------


@dataclass(frozen=True)
class Notification:
    """A notification as composed (shown through the tray when there is one)."""

    title: str
    body: str
    conversation_id: str


Player = Callable[[Path], bool]


class Attention(QObject):
    """Tray icon, notifications, sounds, taskbar flashing and the unread badge, for one window.

    Call :meth:`refresh` after every change-set that names one of :attr:`ENTITIES` (or the sync
    state), :meth:`show_status` with every sync status; :meth:`stop` before the store closes.

    Signals:
        open_requested(str): the agent clicked a notification or picked a conversation in the
            tray menu; the id of the conversation to open (the window has been raised).
    """

    open_requested = Signal(str)

    # what it watches: conversations, and what changes how one shows (queries.conversations_touched)
    ENTITIES = frozenset({"conversation", "message", "customer", "read_state", "agent"})

    def __init__(
        self,
        store: Store,
        me: Me,
        window: QWidget,
        prefs: AttentionPrefs,
        *,
        icon: QIcon,
        sounds_dir: Path,
        player: Player = sound.play,
    ) -> None:
        super().__init__(window)
        self._store = store
        self._me = me
        self._window = window
        self._prefs = prefs
        self._icon = icon if not icon.isNull() else fallback_icon()
        self._sounds_dir = sounds_dir
        self._player = player
        self._watcher = Watcher()
        self._stopped = False
        self._catching_up = False
        self._synced = store.state("cursor") is not None
        self._last_full = datetime.now(UTC)
        self._unread = -1
        self._last_notified: str | None = None
        self._recent: list[Notification] = []
        self.history: list[tuple[Alert, Delivery]] = []
        """What was delivered (alerts switched off entirely are not here), oldest first."""
        self.notifications: list[Notification] = []
        """The notifications composed, oldest first (also without a tray to show them)."""

        self._base_title = window.windowTitle()
        self._title_set: str | None = None
        window.windowTitleChanged.connect(self._title_changed)

        self.menu = QMenu(window)
        self._rebuild_menu()
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self._icon, self)
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._tray_activated)
            self.tray.messageClicked.connect(self._message_clicked)
            self.tray.show()

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.refresh(None)  # the baseline: what is there already is not news
        self._timer.start()

    # --- public ---------------------------------------------------------------------------

    @property
    def unread(self) -> int:
        """Unread customer messages in Mine."""
        return max(0, self._unread)

    @property
    def prefs(self) -> AttentionPrefs:
        return self._prefs

    def set_prefs(self, prefs: AttentionPrefs) -> None:
        self._prefs = prefs

    def show_status(self, status: SyncStatus) -> None:
        """Follow the sync: while it pulls a backlog page by page, new things join silently."""
        progress = status.progress
        self._catching_up = progress is not None and progress.phase == "loading"

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Look again after the cache changed (``None``: anything may have changed).

        With a change-set only the conversations it touched are read again; the first call
        (from the constructor) is the baseline.
        """
        if self._stopped:
            return
        now = datetime.now(UTC)
        synced = self._store.state("cursor") is not None
        # a cache that had never synced has nothing to compare with: its first sync is a baseline
        quiet = self._catching_up or not self._synced
        self._synced = synced
        touched: set[str] | None = None
        if changes is not None and self._watcher.started:
            touched = queries.conversations_touched(self._store, changes)
            if len(touched) > PARTIAL_LIMIT:
                touched = None
        if touched is None:
            self._last_full = now
            alerts = self._watcher.update(
                cache.watched(self._store, self._me), now, catching_up=quiet
            )
        elif touched:
            alerts = self._watcher.update(
                cache.watched(self._store, self._me, touched),
                now,
                catching_up=quiet,
                only=touched,
            )
        else:
            alerts = []
        self._deliver(alerts)
        self._set_unread(cache.unread_total(self._store, self._me))

    def stop(self) -> None:
        """Stop reading the store and hide the tray icon (call before the store closes)."""
        self._stopped = True
        self._timer.stop()
        if self.tray is not None:
            self.tray.hide()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.setBadgeNumber(0)

    # --- alerts ---------------------------------------------------------------------------

    def _tick(self) -> None:
        if self._stopped:
            return
        now = datetime.now(UTC)
        if now - self._last_full >= FULL_REFRESH_EVERY:
            self.refresh(None)  # also catches what a change-set could not name (a cache reset)
        else:
            self._deliver(self._watcher.tick(now))

    def _focused(self) -> bool:
        """The agent is looking at Agent Desk (this window, or a dialog of it, is active)."""
        return QApplication.activeWindow() is not None and not self._window.isMinimized()

    def _deliver(self, alerts: list[Alert]) -> None:
        if not alerts:
            return
        delivered = plan(alerts, self._prefs, self._focused())
        if not delivered:
            return
        self.history.extend(delivered)
        del self.history[:-HISTORY_LIMIT]
        notify = [alert for alert, how in delivered if how.notify]
        if notify:
            self._notify(notify)
        sounding = [alert for alert, how in delivered if how.sound]
        if sounding:
            reminder = any(a.kind is AlertKind.SLA_REMINDER for a in sounding)
            self._play(SOUND_FILES["reminder" if reminder else "message"])
        if any(how.flash for _alert, how in delivered):
            QApplication.alert(self._window, 0)

    def _customer(self, alert: Alert) -> str:
        name = clip(one_line(alert.customer_name), NAME_LIMIT) or self.tr("Customer")
        return isolate(name)

    def _title(self, alert: Alert) -> str:
        name = self._customer(alert)
        if alert.kind is AlertKind.NEW_MESSAGE:
            return self.tr("New message from {0}").format(name)
        if alert.kind is AlertKind.NEW_CONVERSATION:
            return self.tr("New conversation from {0}").format(name)
        if alert.level >= ReminderLevel.BREACHED:
            return self.tr("Waiting too long: {0}").format(name)
        if alert.level == ReminderLevel.ALMOST_BREACHED:
            return self.tr("Reply now: {0}").format(name)
        return self.tr("Reply due: {0}").format(name)

    def _compose(self, alerts: list[Alert]) -> Notification:
        """One notification per delivery: several alerts at once make one summary."""
        first = alerts[0]  # the most urgent (plan() sorts them)
        if len(alerts) == 1:
            return Notification(
                self._title(first), notification_body(first.preview), first.conversation_id
            )
        title = self.tr("Conversations needing attention: {0}").format(len(alerts))
        names = [clip(one_line(a.customer_name), NAME_LIMIT) or self.tr("Customer") for a in alerts]
        parts: list[str] = []
        used = 0
        for name in names:
            if used + len(name) > BODY_LIMIT:
                parts.append("…")
                break
            parts.append(isolate(name))  # each name whole and isolated: clipping never cuts one
            used += len(name) + 2
        return Notification(title, body_markup(", ".join(parts)), first.conversation_id)

    def _notify(self, alerts: list[Alert]) -> None:
        note = self._compose(alerts)
        self.notifications.append(note)
        del self.notifications[:-HISTORY_LIMIT]
        self._last_notified = note.conversation_id
        entries = [(self._title(alert), alert.conversation_id) for alert in alerts]
        for title, conv_id in reversed(entries[:RECENT_IN_MENU]):
            self._recent = [r for r in self._recent if r.conversation_id != conv_id]
            self._recent.insert(0, Notification(title, "", conv_id))
        del self._recent[RECENT_IN_MENU:]
        self._rebuild_menu()
        if self.tray is not None and self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(note.title, note.body, self._icon, NOTIFICATION_MS)

    def _play(self, name: str) -> None:
        if not self._player(self._sounds_dir / name):
            QApplication.beep()

    # --- the unread badge -------------------------------------------------------------------

    def _set_unread(self, count: int) -> None:
        if count == self._unread:
            return
        self._unread = count
        if self.tray is not None:
            self.tray.setIcon(badged_icon(self._icon, count))
            tooltip = self.tr("Agent Desk — unread: {0}").format(count)
            self.tray.setToolTip(tooltip if count else self.tr("Agent Desk"))
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.setBadgeNumber(count)
        self._apply_title()

    def _apply_title(self) -> None:
        text = badge_text(self._unread)
        title = self.tr("({0}) {1}").format(text, self._base_title) if text else self._base_title
        self._title_set = title
        if self._window.windowTitle() != title:
            self._window.setWindowTitle(title)

    def _title_changed(self, title: str) -> None:
        if (
            not self._stopped and title != self._title_set
        ):  # the window named itself anew: keep the prefix on it
            self._base_title = title
            self._apply_title()

    # --- the tray ------------------------------------------------------------------------------

    def _rebuild_menu(self) -> None:
        self.menu.clear()
        self.menu.addAction(self.tr("Show Agent Desk"), self._show_window)
        if self._recent:
            self.menu.addSeparator()
            for recent in self._recent:
                self.menu.addAction(menu_text(recent.title), self._opener(recent.conversation_id))
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Quit"), self._quit)

    def _show_window(self) -> None:
        if self._window.isMinimized():
            self._window.showNormal()
        else:
            self._window.show()
        if QGuiApplication.platformName() not in _NO_WINDOW_STACK:
            self._window.raise_()
        self._window.activateWindow()

    def _opener(self, conversation_id: str) -> Callable[..., None]:
        return lambda *_args: self._open(conversation_id)

    def _open(self, conversation_id: str) -> None:
        self._show_window()
        self.open_requested.emit(conversation_id)

    def _message_clicked(self) -> None:
        if self._last_notified is not None:
            self._open(self._last_notified)
        else:
            self._show_window()

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self._show_window()

    def _quit(self) -> None:
        # closing the window ends the session the normal way (sync stopped, cache closed);
        # QCoreApplication.quit() here would stop the loop under the app's shutdown
        self._window.close()
