"""The open conversation: header, messages (plain text, styled by kind), and the composer.

Everything a customer wrote is plain text here: item views paint strings, labels are set to
``PlainText``, tooltips are escaped. Links in a message are found, listed, and opened only after
a confirmation (``ui/links.py``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desk.core import sla
from agent_desk.core.enums import ConversationStatus, SlaState
from agent_desk.core.knowledge import (
    PAST_DATE,
    ReplyWarning,
    placeholder_spans,
    reply_warnings,
    unfilled_placeholders,
)
from agent_desk.core.links import may_open_attachment
from agent_desk.services.mail import AttachmentFacts, email_address_of
from agent_desk.store.store import Row, parse_time
from agent_desk.ui import labels, theme
from agent_desk.ui.latest import Debounce
from agent_desk.ui.links import UrlOpener, confirm_and_open, display, isolate, links_in

_Index = QModelIndex | QPersistentModelIndex

MAX_PAINTED_CHARS = 4000  # longer bodies are painted shortened; the model keeps every character
KindRole = Qt.ItemDataRole.UserRole + 1
DeliveryRole = Qt.ItemDataRole.UserRole + 2
FAILED_STATES = ("refused", "undelivered")


def delivery_state(message: Row) -> str:
    """One state for the bubble, from the desk's (``delivery``: queued, failed = refused by the
    server) and the server's (``delivery_status``: queued, sent, delivered, read, failed = the
    channel did not take it). Customers' messages and notes have none ("")."""
    local = message.get("delivery") or "sent"
    if local == "queued":
        return "queued"
    if local == "failed":
        return "refused"
    if message.get("kind") != "outbound":
        return ""
    status = message.get("delivery_status")
    if status is None:
        return "sent"  # written before delivery existed (history)
    return {"queued": "at_server", "failed": "undelivered"}.get(str(status), str(status))


def delivery_problem(error: str | None) -> str:
    """Why a delivery failed, in the agent's language: the server's ``code: detail``."""
    code, _sep, detail = str(error or "").partition(": ")
    known = {
        "no_connection": QCoreApplication.translate(
            "Delivery", "no channel connection serves this channel (ask an admin)"
        ),
        "no_outbound_url": QCoreApplication.translate(
            "Delivery", "the channel connection has no address for replies (ask an admin)"
        ),
        "refused": QCoreApplication.translate("Delivery", "the channel refused it ({0})"),
        "gave_up": QCoreApplication.translate("Delivery", "the channel could not be reached ({0})"),
        "receiver_failed": QCoreApplication.translate(
            "Delivery", "the channel could not deliver it ({0})"
        ),
        "cannot_send": QCoreApplication.translate("Delivery", "it could not be sent ({0})"),
    }
    text = known.get(code)
    if text is None:
        return plain(error) or QCoreApplication.translate("Delivery", "no reason given")
    return text.format(plain(detail)) if "{0}" in text else text


HeadingRole = Qt.ItemDataRole.UserRole + 3
BodyRole = Qt.ItemDataRole.UserRole + 4
AttachmentsRole = Qt.ItemDataRole.UserRole + 5


def plain(text: Any) -> str:
    """Untrusted text as it will be shown: a plain string, never markup."""
    return "" if text is None else str(text)


def attachments_of(message: Row) -> list[dict[str, Any]]:
    """The message's attachments (name, size, url), whatever shape the cache holds them in."""
    raw = message.get("attachments") or []
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return []
    if not isinstance(raw, list):
        return []
    return [a for a in raw if isinstance(a, dict)][:20]


def attachment_label(attachment: dict[str, Any]) -> str:
    """An attachment's name and size (the name is the customer's: plain text)."""
    size = attachment.get("size")
    kb = f" ({max(1, int(size) // 1024):,} KB)" if isinstance(size, int) and size > 0 else ""
    return plain(attachment.get("name") or "?")[:255] + kb


def attachment_line(attachment: dict[str, Any]) -> str:
    return "📎 " + attachment_label(attachment)


def tooltip_text(text: Any) -> str:
    """Tooltips guess whether text is rich; escaped inside <qt> it always shows literally."""
    escaped = html.escape(plain(text)[:2000]).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"


def format_wait(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m {seconds % 60:02d}s"
    if seconds < 86400:
        return f"{seconds // 3600}h {seconds % 3600 // 60:02d}m"
    return f"{seconds // 86400}d {seconds % 86400 // 3600}h"


def local_time(value: str | None, *, with_date: bool = True) -> str:
    """A cache timestamp in the agent's time zone."""
    moment = parse_time(value)
    if moment is None:
        return ""
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    if not with_date or local.date() == today:
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


class MessagesModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[Row] = []
        self.names: dict[str, str] = {}
        self.conversation_id: str | None = None

    def set_messages(
        self, conversation_id: str, messages: list[Row], names: dict[str, str]
    ) -> None:
        same = conversation_id == self.conversation_id
        old_ids = [m["id"] for m in self.messages]
        new_ids = [m["id"] for m in messages]
        if same and new_ids[: len(old_ids)] == old_ids:
            # the same conversation grew (or a delivery state moved): no reset, the view stays put
            self.messages[: len(old_ids)] = messages[: len(old_ids)]
            self.names = names
            if old_ids:
                self.dataChanged.emit(self.index(0), self.index(len(old_ids) - 1))
            if len(new_ids) > len(old_ids):
                self.beginInsertRows(QModelIndex(), len(old_ids), len(new_ids) - 1)
                self.messages = list(messages)
                self.endInsertRows()
            return
        self.beginResetModel()  # another conversation (or history rewritten): reset honestly
        self.conversation_id, self.messages, self.names = conversation_id, list(messages), names
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.conversation_id, self.messages, self.names = None, [], {}
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
        what = {"note": self.tr("internal note")}.get(kind, "")
        stamp = local_time(message.get("created_at"))
        return " · ".join(p for p in (who, what, stamp, self._state(message)) if p)

    def _state(self, message: Row) -> str:
        """Where the message is on its way: at the desk, at the server, with the channel,
        delivered, read — or why it did not get through."""
        state = delivery_state(message)
        if state == "refused":
            return self.tr("failed — {0}").format(plain(message.get("error_message")))
        if state == "undelivered":
            return self.tr("not delivered — {0}").format(
                delivery_problem(message.get("delivery_error"))
            )
        return {
            "queued": self.tr("queued"),
            "at_server": self.tr("sending…"),
            "sent": self.tr("sent"),
            "delivered": self.tr("delivered"),
            "read": self.tr("read"),
        }.get(state, "")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.messages):
            return None
        message = self.messages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._heading(message)}\n{plain(message['body'])}"
        if role == HeadingRole:
            return self._heading(message)
        if role == BodyRole:
            return plain(message["body"])
        if role == AttachmentsRole:
            return attachments_of(message)
        if role == KindRole:
            return message["kind"]
        if role == DeliveryRole:
            return delivery_state(message)
        if role == Qt.ItemDataRole.UserRole:
            return message["id"]
        return None


class _Geometry(NamedTuple):
    bubble: QRect
    heading: QRect
    body: QRect
    chips: list[QRect]  # one per attachment, under the body


class MessageDelegate(QStyledItemDelegate):
    """Bubbles: the customer on the left, agents on the right, notes amber across, system small
    and centred. Paints plain strings only; very long bodies are painted shortened. A message's
    attachments are chips under its text; clicking one asks for its menu.

    Signals: ``chip_clicked(index: QModelIndex, attachment: int, where: QPoint)`` — the agent
    clicked the ``attachment``-th chip of the message at ``index`` (``where``: in the viewport).
    """

    PAD = 8
    GAP = 4
    CHIP_PAD = 6

    chip_clicked = Signal(QModelIndex, int, QPoint)

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self._sizes: dict[tuple[str, int, str], QSize] = {}

    def clear_cache(self) -> None:
        self._sizes.clear()

    def _body(self, index: _Index) -> str:
        body = str(index.data(BodyRole) or "")
        if len(body) > MAX_PAINTED_CHARS:
            body = (
                body[:MAX_PAINTED_CHARS]
                + "\n"
                + self.tr(
                    "… shortened: {0} more characters (right-click to copy the whole message)"
                ).format(f"{len(body) - MAX_PAINTED_CHARS:,}")
            )
        return body

    @staticmethod
    def _small(option: QStyleOptionViewItem) -> QFont:
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.85))
        return small

    def _layout(self, option: QStyleOptionViewItem, index: _Index) -> _Geometry:
        """Bubble, heading, body and chip rectangles for a row at ``option.rect``."""
        kind = index.data(KindRole)
        width = max(120, option.rect.width())
        bubble_width = width - 2 * self.PAD if kind == "note" else int(width * 0.78)
        inner = bubble_width - 2 * self.PAD
        small = self._small(option)
        small_metrics = QFontMetrics(small)
        heading_h = small_metrics.height()
        body_font = small if kind == "system" else option.font
        body_rect = QFontMetrics(body_font).boundingRect(
            QRect(0, 0, inner, 100_000), int(Qt.TextFlag.TextWordWrap), self._body(index)
        )
        body_w = min(inner, max(body_rect.width(), 40))
        files = index.data(AttachmentsRole) or []
        chip_h = small_metrics.height() + self.CHIP_PAD
        icon_w = small_metrics.height() + self.GAP
        chip_widths = [
            min(
                inner,
                small_metrics.horizontalAdvance(attachment_label(a)) + icon_w + 2 * self.CHIP_PAD,
            )
            for a in files
        ]
        content_w = 4 + max(
            body_w,
            min(inner, small_metrics.horizontalAdvance(str(index.data(HeadingRole) or ""))),
            *chip_widths,
        )
        chips_h = sum(chip_h + self.GAP for _ in files)
        bw = bubble_width if kind == "note" else content_w + 2 * self.PAD
        bh = heading_h + self.GAP + body_rect.height() + chips_h + 2 * self.PAD
        top = option.rect.top() + self.GAP
        if kind == "inbound":
            left = option.rect.left() + self.PAD
        elif kind == "system":
            left = option.rect.left() + (width - bw) // 2
        elif kind == "note":
            left = option.rect.left() + self.PAD
        else:
            left = option.rect.right() - self.PAD - bw
        bubble = QRect(left, top, bw, bh)
        heading = QRect(left + self.PAD, top + self.PAD, bw - 2 * self.PAD, heading_h)
        body = QRect(
            left + self.PAD, heading.bottom() + 1 + self.GAP, bw - 2 * self.PAD, body_rect.height()
        )
        chips = []
        y = body.bottom() + 1 + self.GAP
        for chip_w in chip_widths:
            chips.append(QRect(left + self.PAD, y, chip_w, chip_h))
            y += chip_h + self.GAP
        return _Geometry(bubble, heading, body, chips)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self.view.viewport().width()
        key = (
            str(index.data(Qt.ItemDataRole.UserRole)),
            width,
            str(index.data(HeadingRole)),
        )
        cached = self._sizes.get(key)
        if cached is None:
            opt = QStyleOptionViewItem(option)
            opt.rect = QRect(0, 0, width, 0)
            bubble = self._layout(opt, index).bubble
            cached = QSize(width, bubble.height() + 2 * self.GAP)
            self._sizes[key] = cached
        return cached

    def chips(self, option: QStyleOptionViewItem, index: _Index) -> list[QRect]:
        """Where the message's attachment chips are, for a row at ``option.rect``."""
        return self._layout(option, index).chips

    def chip_at(self, option: QStyleOptionViewItem, index: _Index, pos: QPoint) -> int | None:
        """Which attachment's chip is at ``pos`` (viewport coordinates), if any."""
        for n, chip in enumerate(self.chips(option, index)):
            if chip.contains(pos):
                return n
        return None

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        if (
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
        ):
            pos = event.position().toPoint()
            chip = self.chip_at(option, index, pos)
            if chip is not None:
                self.chip_clicked.emit(index.model().index(index.row(), 0), chip, pos)
                return True
        return super().editorEvent(event, model, option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        colours = theme.current_theme()
        kind = str(index.data(KindRole))
        delivery = str(index.data(DeliveryRole))
        fill, text = {
            "inbound": (colours.inbound, colours.inbound_text),
            "outbound": (colours.outbound, colours.outbound_text),
            "note": (colours.note, colours.note_text),
            "system": (colours.system, colours.system_text),
        }.get(kind, (colours.system, colours.system_text))
        if delivery in FAILED_STATES:
            fill, text = colours.failed, colours.failed_text
        bubble, heading, body, chips = self._layout(option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlight().color() if selected else Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(bubble, 8, 8)
        small = self._small(option)
        painter.setFont(small)
        muted = QColor(text)
        muted.setAlphaF(0.7)
        painter.setPen(colours.sla_breached if delivery in FAILED_STATES else muted)
        heading_text = QFontMetrics(small).elidedText(
            str(index.data(HeadingRole) or ""), Qt.TextElideMode.ElideRight, heading.width()
        )
        painter.drawText(heading, int(Qt.AlignmentFlag.AlignLeft), heading_text)
        painter.setFont(small if kind == "system" else option.font)
        painter.setPen(text)
        painter.drawText(body, int(Qt.TextFlag.TextWordWrap), self._body(index))
        if chips:
            self._paint_chips(painter, small, text, chips, index.data(AttachmentsRole) or [])
        painter.restore()

    def _paint_chips(
        self,
        painter: QPainter,
        font: QFont,
        text: QColor,
        chips: list[QRect],
        files: list[dict[str, Any]],
    ) -> None:
        border = QColor(text)
        border.setAlphaF(0.35)
        background = QColor(text)
        background.setAlphaF(0.07)
        metrics = QFontMetrics(font)
        side = metrics.height()
        clip = theme.icon("attachment", text)
        painter.setFont(font)
        for chip, attachment in zip(chips, files, strict=False):
            painter.setPen(border)
            painter.setBrush(background)
            radius = chip.height() / 2
            painter.drawRoundedRect(chip.adjusted(0, 0, -1, -1), radius, radius)
            icon_rect = QRect(
                chip.left() + self.CHIP_PAD, chip.center().y() - side // 2, side, side
            )
            clip.paint(painter, icon_rect)
            painter.setPen(text)
            room = chip.adjusted(self.CHIP_PAD + side + self.GAP, 0, -self.CHIP_PAD, 0)
            label = metrics.elidedText(
                attachment_label(attachment), Qt.TextElideMode.ElideMiddle, room.width()
            )
            painter.drawText(
                room, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), label
            )


class CannedModel(QAbstractListModel):
    """The answers a ``/`` in the composer offers: (article id, title), a handful at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []

    def set_items(self, items: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        article_id, title = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return title
        if role == Qt.ItemDataRole.UserRole:
            return article_id
        return None


_SLASH = re.compile(r"(?:^|\n)/([^\n/]{0,60})$")


class Composer(QWidget):
    """Signals: ``submitted(text: str, as_note: bool)``; ``draft_changed(text, as_note)`` a
    moment after the agent stops typing (the window keeps it per conversation);
    ``canned_query(text)`` when a line starts with ``/`` (canned replies: the window answers
    with :meth:`offer_canned`); ``canned_chosen(article_id)``.

    A reply is checked against the case's order (``core.knowledge.reply_warnings``: a promised
    date already past, an amount that is not the order's) when an answer goes in and when it is
    sent: the composer warns, and a second Send of the same text sends it (the agent may know
    better); an edit checks again. It refuses only a template's gap (an unfilled placeholder)."""

    submitted = Signal(str, bool)
    draft_changed = Signal(str, bool)
    typing = Signal()  # the agent typed in a reply (not a note): the customer may see "typing"
    canned_query = Signal(str)
    canned_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._draft = Debounce("draft save", 400, self._emit_draft, self)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Reply or internal note"))
        self.editor.setObjectName("composer")
        self.editor.setPlaceholderText(self.tr("Write a reply… (Ctrl+Enter sends)"))
        self.editor.setMaximumHeight(110)
        self.editor.setTabChangesFocus(True)
        self.note_mode = QCheckBox(self.tr("Internal note"), self)
        self.note_mode.setToolTip(self.tr("Only your colleagues see internal notes"))
        self.note_mode.toggled.connect(self.apply_style)
        self.note_mode.toggled.connect(lambda _on: self._typed())
        self.send = QPushButton(self.tr("Send"), self)
        self.send.setIcon(theme.icon("send"))
        self.send.clicked.connect(self._submit)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setObjectName("composerHint")
        # what may be wrong in the reply (a past date, an amount not the order's)
        self.warning = QLabel(self)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setObjectName("composerWarning")
        self.warning.setAccessibleName(self.tr("Check the reply"))
        self.warning.setWordWrap(True)
        self.warning.hide()
        # where a reply goes, when it is not the chat the customer sees at once (email)
        self.route = QLabel(self)
        self.route.setTextFormat(Qt.TextFormat.PlainText)
        self.route.setObjectName("replyRoute")
        self.route.setAccessibleName(self.tr("Where the reply goes"))
        self.route.hide()
        self._route_text = ""
        self._order_source: Callable[[], Any] | None = None
        self.clock: Callable[[], datetime] = lambda: datetime.now().astimezone()
        self._inserted_warnings: list[ReplyWarning] = []  # what fill() found in inserted answers
        self._shown: list[ReplyWarning] = []
        self._warned_text: str | None = None  # a Send of exactly this text goes through
        row = QHBoxLayout()
        row.addWidget(self.note_mode)
        row.addWidget(self.hint, 1)
        row.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.route)
        layout.addWidget(self.editor)
        layout.addWidget(self.warning)
        layout.addLayout(row)
        self.editor.textChanged.connect(self._typed)
        self.editor.textChanged.connect(self._look_for_slash)
        self.editor.textChanged.connect(self._mark_placeholders)
        self.editor.textChanged.connect(self._drop_resolved_warnings)
        self.canned = CannedModel()
        self.completer = QCompleter(self.canned, self)
        self.completer.setWidget(self.editor)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.activated[QModelIndex].connect(self._canned_activated)  # type: ignore[index]
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QKeySequence(keys)
            action = self.editor.addAction(self.tr("Send"))
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(self._submit)
        self.apply_style(False)

    def set_reply_route(self, channel: str | None, address: str | None) -> None:
        """Say where a reply goes when that is not obvious: by email, to the customer's
        address (shown for replies, not for internal notes)."""
        if channel != "email":
            self._route_text = ""
        elif address:
            self._route_text = self.tr("Replying to {0} by email").format(isolate(address))
        else:
            self._route_text = self.tr("Replying by email")
        self._show_route()

    def _show_route(self) -> None:
        shown = bool(self._route_text) and not self.note_mode.isChecked()
        self.route.setText(self._route_text if shown else "")
        self.route.setVisible(shown)

    def _typed(self) -> None:
        if not self._loading:
            self._draft.soon()
            if not self.note_mode.isChecked() and self.editor.toPlainText().strip():
                self.typing.emit()

    # --- answers: canned replies, inserted articles, placeholders left to fill ---------------

    def slash_query(self) -> str | None:
        """The text after a ``/`` that starts the cursor's line, or None."""
        cursor = self.editor.textCursor()
        before = self.editor.toPlainText()[: cursor.position()]
        match = _SLASH.search(before[-80:])
        return match.group(1) if match else None

    def _look_for_slash(self) -> None:
        if self._loading:
            return
        query = self.slash_query()
        if query is None:
            self._hide_canned()
        else:
            self.canned_query.emit(query)

    def _hide_canned(self) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    def offer_canned(self, items: list[tuple[str, str]]) -> None:
        """Show answers for the ``/`` query (article id, title); nothing to show hides it."""
        self.canned.set_items(items)
        if not items or self.slash_query() is None:
            self._hide_canned()
            return
        rect = self.editor.cursorRect()
        rect.setWidth(min(460, self.editor.width()))
        self.completer.complete(rect)
        popup = self.completer.popup()
        if popup is not None:
            popup.setCurrentIndex(self.canned.index(0))

    def _canned_activated(self, index: QModelIndex) -> None:
        article_id = self.canned.data(index, Qt.ItemDataRole.UserRole)
        if article_id:
            self.canned_chosen.emit(str(article_id))

    def insert_answer(self, text: str, *, warnings: Sequence[ReplyWarning] = ()) -> None:
        """Put an answer in: it replaces a ``/query`` being typed, else the selection, else it
        goes where the cursor is. Placeholders nobody could fill stay marked for the agent;
        what may be wrong (``warnings`` filling found, and the reply's own check) is shown."""
        cursor = self.editor.textCursor()
        query = self.slash_query()
        if query is not None:
            cursor.movePosition(
                cursor.MoveOperation.Left, cursor.MoveMode.KeepAnchor, len(query) + 1
            )
        cursor.insertText(text)
        self.editor.setTextCursor(cursor)
        self._hide_canned()
        self.editor.setFocus()
        self._mark_placeholders()
        self._inserted_warnings += list(warnings)
        self._show_warnings(self.warnings_for(self.editor.toPlainText()))

    # --- facts that may be wrong: a past date, an amount that is not the order's -------------

    def set_order_source(self, source: Callable[[], Any] | None) -> None:
        """Where the order the case is about comes from (asked on insert and on send only)."""
        self._order_source = source

    def warnings_for(self, text: str) -> list[ReplyWarning]:
        """What in ``text`` is probably wrong for the case (``core.knowledge``'s rule), and what
        filling an inserted answer found that is still in it."""
        order = self._order_source() if self._order_source is not None else None
        found = reply_warnings(text, order, self.clock())
        seen = {(w.kind, w.text) for w in found}
        for warning in self._inserted_warnings:
            if (warning.kind, warning.text) not in seen and warning.text in text:
                seen.add((warning.kind, warning.text))
                found.append(warning)
        return found

    def warning_text(self, warnings: Sequence[ReplyWarning], *, on_send: bool = False) -> str:
        parts = [
            self.tr("{0} is already past").format(w.text)
            if w.kind == PAST_DATE
            else self.tr("{0} is not an amount of this order").format(w.text)
            for w in warnings
        ]
        if not parts:
            return ""
        if on_send:
            return self.tr("Not sent yet: {0}. Send again to send it as it is.").format(
                "; ".join(parts)
            )
        return self.tr("Check before sending: {0}").format("; ".join(parts))

    def _show_warnings(self, warnings: Sequence[ReplyWarning], *, on_send: bool = False) -> None:
        self._shown = list(warnings)
        self.warning.setText(self.warning_text(warnings, on_send=on_send))
        self.warning.setVisible(bool(warnings))

    def _drop_resolved_warnings(self) -> None:
        """The agent edited: a warning whose text is gone from the reply goes too (cheap: no
        check runs while typing, the next insert or Send checks again)."""
        if not self._shown:
            return
        text = self.editor.toPlainText()
        left = [w for w in self._shown if w.text in text]
        if len(left) != len(self._shown):
            self._show_warnings(left)

    def _forget_warnings(self) -> None:
        self._inserted_warnings = []
        self._warned_text = None
        self._show_warnings([])

    def unfilled(self) -> list[str]:
        """The ``{placeholders}`` still in the text, in order (``core.knowledge``'s rule)."""
        return unfilled_placeholders(self.editor.toPlainText())

    def _mark_placeholders(self) -> None:
        text = self.editor.toPlainText()
        selections = []
        colours = theme.current_theme()
        for start, end in placeholder_spans(text):
            selection = QTextEdit.ExtraSelection()
            cursor = self.editor.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(colours.banner_offline)
            fmt.setForeground(colours.banner_offline_text)
            selection.format = fmt
            selections.append(selection)
        self.editor.setExtraSelections(selections)
        names = unfilled_placeholders(text)
        self.hint.setText(
            self.tr("Fill in before sending: {0}").format(", ".join(names)) if names else ""
        )

    def _emit_draft(self) -> None:
        self.draft_changed.emit(self.editor.toPlainText(), self.note_mode.isChecked())

    def flush_draft(self) -> None:
        """Save now what a pending timer would save (before switching conversation or closing)."""
        self._draft.flush()

    def apply_style(self, note: bool) -> None:
        self.editor.setProperty("noteMode", "true" if note else "false")
        self._show_route()
        colours = theme.current_theme()
        if note:
            self.editor.setStyleSheet(
                f"QPlainTextEdit {{ background: {colours.note_editor.name()}; "
                f"color: {colours.note_editor_text.name()}; }}"
            )
        else:
            self.editor.setStyleSheet("")
        self.send.setText(self.tr("Add note") if note else self.tr("Send"))
        self.send.setIcon(theme.icon("note" if note else "send"))
        self.editor.setPlaceholderText(
            self.tr("Internal note for colleagues… (Ctrl+Enter adds it)")
            if note
            else self.tr("Write a reply… (Ctrl+Enter sends)")
        )

    def _submit(self) -> None:
        text = self.editor.toPlainText()
        if not text.strip() or not self.isEnabled():
            return
        gaps = unfilled_placeholders(text)
        if gaps and not self.note_mode.isChecked():
            # never to the customer with a template's gap: show which, and select the first
            self.hint.setText(self.tr("Not sent: fill in {0} first").format(", ".join(gaps)))
            cursor = self.editor.textCursor()
            start = text.index(gaps[0])
            cursor.setPosition(start)
            cursor.setPosition(start + len(gaps[0]), cursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)
            self.editor.setFocus()
            return
        if not self.note_mode.isChecked():
            warnings = self.warnings_for(text)
            if warnings and text != self._warned_text:
                # a warning, not a refusal: the same text sent again goes through
                self._warned_text = text
                self._show_warnings(warnings, on_send=True)
                self.editor.setFocus()
                return
        self._warned_text = None
        self.submitted.emit(text, self.note_mode.isChecked())

    def set_draft(self, text: str, note_mode: bool) -> None:
        """Show a saved draft without it counting as typing."""
        self._loading = True
        try:
            self._draft.cancel()
            self._forget_warnings()
            self.editor.setPlainText(text)
            self.note_mode.setChecked(note_mode)
            self._draft.cancel()
            cursor = self.editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.editor.setTextCursor(cursor)
        finally:
            self._loading = False

    def clear(self) -> None:
        self.set_draft("", False)

    def force_note_mode(self) -> None:
        """Experts advise through internal notes only: note mode on, and it stays on."""
        if not self.note_mode.isChecked():
            self._loading = True
            try:
                self.note_mode.setChecked(True)
            finally:
                self._loading = False
        self.note_mode.setEnabled(False)

    def stop(self) -> None:
        self._draft.cancel()


class ConversationHeader(QWidget):
    """Customer, tier, channel, status, SLA clock and assignee, plus the subject line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel(self)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setObjectName("customerName")
        bold = QFont(self.name.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.name.setFont(bold)
        self.tier = QLabel(self)
        self.tier.setTextFormat(Qt.TextFormat.PlainText)
        self.tier.setObjectName("tierBadge")
        self.channel_icon = QLabel(self)
        self.facts = QLabel(self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.clock = QLabel(self)
        self.clock.setTextFormat(Qt.TextFormat.PlainText)
        self.clock.setObjectName("slaClock")
        self.subject = QLabel(self)
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setWordWrap(True)
        self.subject.setMaximumHeight(QFontMetrics(self.subject.font()).lineSpacing() * 2 + 4)
        self.subject.setAccessibleName(self.tr("Subject"))
        # an email conversation: the customer's address (their words: plain text, isolated)
        self.address = QLabel(self)
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setObjectName("emailAddress")
        self.address.setAccessibleName(self.tr("Customer's email address"))
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name)
        top.addWidget(self.tier)
        top.addSpacing(8)
        top.addWidget(self.channel_icon)
        top.addWidget(self.facts)
        top.addStretch(1)
        top.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.subject)
        layout.addWidget(self.address)
        self._conv: Row | None = None

    def text(self) -> str:
        """Everything the header shows, as one string (what a screen reader and tests read)."""
        parts = [self.name.text(), self.tier.text(), self.facts.text(), self.clock.text()]
        lines = [" · ".join(p for p in parts if p), self.subject.text()]
        if self.address.text():
            lines.append(self.address.text())
        return "\n".join(lines)

    def show_conversation(
        self, conv: Row, customer_name: str, assignee: str, email_address: str | None = None
    ) -> None:
        """Show ``conv``; ``email_address``: the customer's, for an email conversation."""
        self._conv = conv
        self.name.setText(customer_name)
        tier = (conv.get("customer") or {}).get("value_tier") or ""
        self.tier.setText(labels.tier(tier) if tier and tier != "standard" else "")
        self.tier.setProperty("tier", tier)
        self.tier.setVisible(bool(self.tier.text()))
        self.tier.style().unpolish(self.tier)
        self.tier.style().polish(self.tier)
        self.channel_icon.setPixmap(
            theme.icon(f"channel-{conv['channel']}").pixmap(16, 16)
            if conv["channel"] in ("chat", "email", "phone", "social", "app")
            else theme.icon("channel-chat").pixmap(16, 16)
        )
        self.facts.setText(
            " · ".join(
                (
                    labels.channel(conv["channel"]),
                    labels.status(conv["status"]),
                    labels.priority(conv.get("priority")),
                    assignee,
                )
            )
        )
        subject = plain(conv.get("subject"))
        email = conv["channel"] == "email"
        if email:
            subject = self.tr("Subject: {0}").format(subject or self.tr("(no subject)"))
        self.subject.setText(subject)
        self.subject.setToolTip(tooltip_text(conv.get("subject")))
        if email:
            self.address.setText(
                self.tr("From: {0}").format(isolate(email_address))
                if email_address
                else self.tr("From: (no email address on file)")
            )
        else:
            self.address.setText("")
        self.address.setVisible(email)
        self.tick()

    def tick(self) -> None:
        conv = self._conv
        if conv is None:
            self.clock.setText("")
            return
        now = datetime.now(UTC)
        clock = sla.clock_from(conv, parse_time)
        state = sla.response_state(clock, now)
        waiting = parse_time(conv.get("waiting_since"))
        colours = theme.current_theme()
        if conv["status"] == ConversationStatus.SNOOZED and conv.get("snoozed_until"):
            text = self.tr("Snoozed until {0}").format(local_time(conv["snoozed_until"]))
            colour = colours.muted_text
        elif waiting is not None and state is not SlaState.NONE:
            text = self.tr("Waiting {0} · {1}").format(
                format_wait((now - waiting).total_seconds()), labels.sla_state(state)
            )
            colour = {
                SlaState.ON_TARGET: colours.sla_on_target,
                SlaState.AT_RISK: colours.sla_at_risk,
                SlaState.BREACHED: colours.sla_breached,
            }[state]
        else:
            text = self.tr("Nothing owed to the customer")
            colour = colours.muted_text
        self.clock.setText(text)
        self.clock.setStyleSheet(f"QLabel {{ color: {colour.name()}; font-weight: 600; }}")


SNOOZE_CHOICES = (("1h", 1), ("4h", 4), ("tomorrow", None), ("week", 24 * 7))


def snooze_until(choice: str, now: datetime | None = None) -> datetime:
    """When a snooze choice ends: in N hours, or tomorrow at 09:00 local time."""
    now = now or datetime.now().astimezone()
    if choice == "tomorrow":
        tomorrow = (now + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
        return tomorrow.astimezone(UTC)
    hours = dict((c, h) for c, h in SNOOZE_CHOICES)[choice]
    assert hours is not None
    return (now + timedelta(hours=hours)).astimezone(UTC)


class ConversationPanel(QWidget):
    """Signals: ``claim_requested()``, ``resolve_requested()``, ``reopen_requested()``,
    ``snooze_requested(datetime)``, ``retry_requested(message_id)``;
    ``original_requested(message_id)`` (show a received mail as it came),
    ``save_attachment_requested(AttachmentFacts)`` (save a file the server keeps)."""

    claim_requested = Signal()
    resolve_requested = Signal()
    reopen_requested = Signal()
    snooze_requested = Signal(object)
    retry_requested = Signal(str)
    original_requested = Signal(str)
    save_attachment_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, opener: UrlOpener | None = None) -> None:
        super().__init__(parent)
        self.opener = opener
        self.channel: str | None = None  # the open conversation's
        self.placeholder = QLabel(self.tr("Pick a conversation from the queue"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header = ConversationHeader(self)
        self.header.hide()
        self.claim = QPushButton(self.tr("Claim"), self)
        self.claim.setIcon(theme.icon("claim"))
        self.claim.clicked.connect(self.claim_requested)
        self.resolve = QPushButton(self.tr("Resolve"), self)
        self.resolve.setIcon(theme.icon("resolve"))
        self.resolve.clicked.connect(self.resolve_requested)
        self.reopen = QPushButton(self.tr("Reopen"), self)
        self.reopen.setIcon(theme.icon("reopen"))
        self.reopen.clicked.connect(self.reopen_requested)
        self.snooze = QToolButton(self)
        self.snooze.setText(self.tr("Snooze"))
        self.snooze.setIcon(theme.icon("snooze"))
        self.snooze.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze)
        snooze_names = {
            "1h": self.tr("For 1 hour"),
            "4h": self.tr("For 4 hours"),
            "tomorrow": self.tr("Until tomorrow 09:00"),
            "week": self.tr("For a week"),
        }
        for choice, _hours in SNOOZE_CHOICES:
            action = self.snooze_menu.addAction(snooze_names[choice])
            action.setData(choice)
            action.triggered.connect(
                lambda _checked=False, c=choice: self.snooze_requested.emit(snooze_until(c))
            )
        self.snooze.setMenu(self.snooze_menu)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        for button in (self.claim, self.snooze, self.resolve, self.reopen):
            buttons.addWidget(button)
        self.model = MessagesModel()
        self.messages = QListView(self)
        self.messages.setAccessibleName(self.tr("Messages"))
        self.messages.setObjectName("messages")
        self.messages.setModel(self.model)
        self.delegate = MessageDelegate(self.messages)
        self.delegate.chip_clicked.connect(self._chip_clicked)
        self.messages.setItemDelegate(self.delegate)
        self.messages.setUniformItemSizes(False)
        self.messages.setResizeMode(QListView.ResizeMode.Adjust)
        self.messages.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.messages.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.messages.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.messages.customContextMenuRequested.connect(self._context_menu)
        # Enter, or a double-click (the platform's activation): retry a failed message or open
        # its link; one signal, so a double-click never does it twice
        self.messages.activated.connect(self._activated)
        self.composer = Composer(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.composer)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.header.tick)
        self.set_enabled(False)
        for button in (self.claim, self.resolve, self.reopen, self.snooze):
            button.hide()

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.claim, self.resolve, self.reopen, self.snooze, self.composer):
            widget.setEnabled(enabled)

    def show_conversation(
        self,
        conv: Row,
        names: dict[str, str],
        assignee: str,
        *,
        mine: bool,
        can_act: bool,
        can_write: bool,
    ) -> None:
        at_bottom = self._at_bottom()
        self.placeholder.hide()
        self.header.show()
        self.channel = str(conv["channel"])
        address = email_address_of(conv.get("customer"))
        self.header.show_conversation(conv, names.get("customer", ""), assignee, address)
        self.composer.set_reply_route(self.channel, address)
        if self.model.conversation_id != conv["id"]:
            self.delegate.clear_cache()
            at_bottom = True
        self.model.set_messages(conv["id"], conv["messages"], names)
        if at_bottom:
            self.messages.scrollToBottom()
        resolved = conv["status"] == ConversationStatus.RESOLVED
        snoozed = conv["status"] == ConversationStatus.SNOOZED
        self.claim.setVisible(not resolved and not mine and conv.get("assignee_id") is None)
        self.claim.setEnabled(can_act)
        self.resolve.setVisible(not resolved)
        self.snooze.setVisible(not resolved and not snoozed)
        self.reopen.setVisible(resolved or snoozed)  # a snoozed one can be woken up now
        for button in (self.resolve, self.snooze, self.reopen):
            button.setEnabled(can_act)
        self.composer.setEnabled(can_write)
        self._ticker.start()

    def show_nothing(self) -> None:
        self.channel = None
        self.composer.set_reply_route(None, None)
        self.model.clear()
        self.header.hide()
        self.placeholder.show()
        self.set_enabled(False)
        for button in (self.claim, self.resolve, self.reopen, self.snooze):
            button.hide()
        self._ticker.stop()

    def _at_bottom(self) -> bool:
        bar = self.messages.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def stop(self) -> None:
        self._ticker.stop()
        self.composer.stop()

    # --- per-message actions -------------------------------------------------------------------

    def message_menu(self, index: QModelIndex) -> QMenu:
        menu = QMenu(self)
        body = str(index.data(BodyRole) or "")
        if index.data(DeliveryRole) in FAILED_STATES:
            retry = menu.addAction(theme.icon("retry"), self.tr("Retry sending"))
            message_id = str(index.data(Qt.ItemDataRole.UserRole))
            retry.triggered.connect(lambda: self.retry_requested.emit(message_id))
        copy = menu.addAction(self.tr("Copy the whole message"))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(body))
        found = links_in(body)
        if found:
            links = menu.addMenu(theme.icon("link"), self.tr("Open link"))
            for url in found:
                action = links.addAction(display(url, 80).replace("&", "&&"))
                action.triggered.connect(lambda _checked=False, u=url: self.open_link(u))
        if self.is_original_kept(index):
            original = menu.addAction(self.tr("Show original…"))
            message_id = str(index.data(Qt.ItemDataRole.UserRole))
            original.triggered.connect(lambda: self.original_requested.emit(message_id))
        files = index.data(AttachmentsRole) or []
        kept = [a for a in files if AttachmentFacts.of(a).on_server]
        if kept:
            saved = menu.addMenu(theme.icon("attachment"), self.tr("Save attachment"))
            for attachment in kept:
                self._add_save_action(saved, attachment, attachment_line(attachment) + "…")
        elsewhere = [a for a in files if not AttachmentFacts.of(a).on_server]
        if elsewhere:
            opened = menu.addMenu(theme.icon("link"), self.tr("Open attachment"))
            for attachment in elsewhere:
                action = opened.addAction(attachment_line(attachment).replace("&", "&&"))
                url = attachment.get("url")
                # only http(s) addresses, after the links' confirmation (core.links)
                if may_open_attachment(url) and str(url).lower().startswith(("http:", "https:")):
                    target = QUrl(str(url), QUrl.ParsingMode.StrictMode)
                    action.triggered.connect(
                        lambda _checked=False, u=target: self.open_link(u, attachment=True)
                    )
                else:
                    action.setEnabled(False)
                    action.setToolTip(self.tr("This attachment's address cannot be opened"))
        return menu

    def is_original_kept(self, index: QModelIndex) -> bool:
        """Whether the server keeps the original of this message: a mail the customer sent."""
        return index.isValid() and self.channel == "email" and index.data(KindRole) == "inbound"

    def _add_save_action(self, menu: QMenu, attachment: dict[str, Any], text: str) -> None:
        facts = AttachmentFacts.of(attachment)
        action = menu.addAction(text.replace("&", "&&"))
        action.setData(facts.url)
        action.triggered.connect(
            lambda _checked=False, f=facts: self.save_attachment_requested.emit(f)
        )

    def attachment_menu(self, index: QModelIndex, n: int) -> QMenu | None:
        """What a click on an attachment's chip offers: save it (asking first) when the server
        keeps it, open it (after the links' confirmation) when it is an http(s) address."""
        files = index.data(AttachmentsRole) or []
        if not 0 <= n < len(files):
            return None
        attachment = files[n]
        menu = QMenu(self)
        if AttachmentFacts.of(attachment).on_server:
            self._add_save_action(menu, attachment, self.tr("Save attachment…"))
            return menu
        url = attachment.get("url")
        action = menu.addAction(self.tr("Open attachment…"))
        if may_open_attachment(url) and str(url).lower().startswith(("http:", "https:")):
            target = QUrl(str(url), QUrl.ParsingMode.StrictMode)
            action.triggered.connect(
                lambda _checked=False, u=target: self.open_link(u, attachment=True)
            )
        else:
            action.setEnabled(False)
        return menu

    def _chip_clicked(self, index: QModelIndex, n: int, where: QPoint) -> None:
        self.messages.setCurrentIndex(index)
        menu = self.attachment_menu(index, n)
        if menu is not None:
            menu.exec(self.messages.viewport().mapToGlobal(where))
            menu.deleteLater()

    def original_index(self) -> QModelIndex:
        """The message "Show original" is about: the selected one if the server keeps its
        original, else the customer's latest mail."""
        current = self.messages.currentIndex()
        if self.is_original_kept(current):
            return current
        for row in range(self.model.rowCount() - 1, -1, -1):
            index = self.model.index(row, 0)
            if self.is_original_kept(index):
                return index
        return QModelIndex()

    def open_link(self, url: QUrl, *, attachment: bool = False) -> bool:
        if self.opener is None:
            return False
        return confirm_and_open(self, url, self.opener, attachment=attachment)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.messages.indexAt(pos)
        if not index.isValid():  # the Menu key or Shift+F10: the selected message
            index = self.messages.currentIndex()
            pos = self.messages.visualRect(index).center()
        if index.isValid():
            menu = self.message_menu(index)
            menu.exec(self.messages.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _activated(self, index: QModelIndex) -> None:
        if index.data(DeliveryRole) in FAILED_STATES:
            self.retry_requested.emit(str(index.data(Qt.ItemDataRole.UserRole)))
            return
        found = links_in(str(index.data(BodyRole) or ""))
        if len(found) == 1:
            self.open_link(found[0])
        elif found:
            self.message_menu(index).exec(
                self.messages.viewport().mapToGlobal(self.messages.visualRect(index).center())
            )
