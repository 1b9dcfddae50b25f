"""The Customer 360 tab: who this is across channels, what they are worth, what they ordered,
what they said before. Everything here was written by someone else: plain text only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agent_desk.core.refunds import order_refund
from agent_desk.services.actions import money
from agent_desk.store.store import Row, parse_time
from agent_desk.ui import labels
from agent_desk.ui.conversation import local_time, plain, tooltip_text

_Index = QModelIndex | QPersistentModelIndex
MAX_ORDERS = 50
NOTE_LIMIT = 10_000  # what customer.set_note accepts; a longer note (old data) is shown read-only
MAX_CONVERSATIONS = 50


def _label(parent: QWidget, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    return label


class _RowsModel(QAbstractTableModel):
    """A short list of rows read whole (a handful per customer): reset when the customer changes."""

    COLUMNS: tuple[str, ...] = ()
    LIMIT = 50

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()  # another customer: a reset is the honest signal
        self.rows = rows[: self.LIMIT]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def titles(self) -> dict[str, str]:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.titles()[self.COLUMNS[section]]


def local_date(value: str | None) -> str:
    """A cache timestamp's date in the agent's time zone (``2025-11-02``)."""
    moment = parse_time(value)
    return moment.astimezone().strftime("%Y-%m-%d") if moment else ""


class OrdersModel(_RowsModel):
    """A customer's orders, latest first, with what was refunded on each."""

    COLUMNS = ("order", "status", "total", "refunds", "shipment")
    LIMIT = MAX_ORDERS

    def titles(self) -> dict[str, str]:
        return {
            "order": self.tr("Order"),
            "status": self.tr("Status"),
            "total": self.tr("Total"),
            "refunds": self.tr("Refunds"),
            "shipment": self.tr("Shipment"),
        }

    def row_of(self, order_id: str) -> int | None:
        return next((n for n, o in enumerate(self.rows) if o.get("id") == order_id), None)

    def refund_text(self, order: Row) -> str:
        """``¥120.00 · 2025-11-02 · partial``: the order's refunds, or nothing."""
        refund = order_refund(order)
        if refund is None:
            return ""
        parts = [
            labels.money(refund.amount_minor, refund.currency),
            local_date(refund.at),
            self.tr("in full") if refund.full else self.tr("partial"),
        ]
        return " · ".join(p for p in parts if p)

    def _refund_tooltip(self, order: Row) -> str | None:
        refund = order_refund(order)
        if refund is None:
            return None
        payment = order.get("payment") or {}
        paid = payment.get("paid_minor") if isinstance(payment, dict) else None
        text = self.tr("Refunded {0} of {1} paid").format(
            labels.money(refund.amount_minor, refund.currency),
            labels.money(paid if isinstance(paid, int) else None, refund.currency),
        )
        if refund.at:
            text += "\n" + self.tr("Last refund {0}").format(local_time(refund.at))
        return tooltip_text(text)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        order = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        shipment = order.get("shipment") or {}
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "order":
                return plain(order.get("order_no"))
            if column == "status":
                return labels.order_status(order.get("status"))
            if column == "total":
                return labels.money(order.get("total_minor"), order.get("currency"))
            if column == "refunds":
                return self.refund_text(order)
            if column == "shipment":
                parts = [
                    labels.shipment_status(shipment.get("status"))
                    if shipment.get("status")
                    else "",
                    plain(shipment.get("carrier")),
                    plain(shipment.get("tracking_no")),
                ]
                if shipment.get("eta"):
                    parts.append(self.tr("ETA {0}").format(str(shipment["eta"])[:10]))
                return " ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole and column == "refunds":
            return self._refund_tooltip(order)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("order", "shipment"):
            lines = [
                f"{plain(line.get('name') or line.get('sku'))} × {line.get('quantity', 1)}"
                for line in order.get("lines") or []
                if isinstance(line, dict)
            ]
            placed = self.tr("Placed {0}").format(local_time(order.get("placed_at")))
            return tooltip_text("\n".join([placed, *lines[:10]]))
        if role == Qt.ItemDataRole.UserRole:
            return order["id"]
        return None


class ConversationsModel(_RowsModel):
    """The customer's conversations across channels, newest first; a click opens one."""

    COLUMNS = ("when", "channel", "status", "subject")
    LIMIT = MAX_CONVERSATIONS

    def titles(self) -> dict[str, str]:
        return {
            "when": self.tr("When"),
            "channel": self.tr("Channel"),
            "status": self.tr("Status"),
            "subject": self.tr("Subject"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "when":
                return local_time(row.get("created_at"))
            if column == "channel":
                return labels.channel(row.get("channel"))
            if column == "status":
                score = row.get("csat_score")
                status = labels.status(row.get("status"))
                return f"{status} ★{score}" if score is not None else status
            if column == "subject":
                return " ".join(plain(row.get("subject")).split())[:200]
        if role == Qt.ItemDataRole.ToolTipRole and column == "subject":
            return tooltip_text(row.get("subject"))
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


def _table(parent: QWidget, model: QAbstractTableModel, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def fit_rows(view: QTableView, rows: int, most: int = 8) -> None:
    """As tall as its rows (up to ``most``), so short lists leave no empty box."""
    row_h = view.verticalHeader().defaultSectionSize()
    header_h = view.horizontalHeader().sizeHint().height()
    view.setFixedHeight(header_h + row_h * max(1, min(rows, most)) + 2 * view.frameWidth() + 2)


class CustomerPanel(QWidget):
    """Signals: ``conversation_requested(str)`` (a past conversation was clicked),
    ``note_saved(customer_id, text)`` (the agent saved the note),
    ``order_selected(order_id)`` (the agent selected an order, by a click or the keys; not
    when the window selects the order the case is about, :meth:`select_order`)."""

    conversation_requested = Signal(str)
    note_saved = Signal(str, str)
    order_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_id: str | None = None
        self.empty = QLabel(self.tr("No customer selected"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QWidget(self)
        self.name = _label(body, bold=True)
        self.tier = _label(body, wrap=False)
        self.tier.setObjectName("tierBadge")
        self.value = _label(body)
        self.identities = _label(body)
        self.tags = _label(body)
        self.satisfaction = _label(body)
        self.compensation = _label(body)
        self.compensation.setObjectName("pastCompensation")
        self.note = QPlainTextEdit(body)
        self.note.setAccessibleName(self.tr("Agent note"))
        self.note.setPlaceholderText(self.tr("A note about this customer for every agent…"))
        self.note.setMaximumHeight(80)
        self.save_note = QPushButton(self.tr("Save note"), body)
        self.note_error = _label(body)
        self.note_error.setObjectName("noteError")
        self.note_error.hide()
        self.save_note.setEnabled(False)
        self.note.textChanged.connect(self._note_edited)
        self.save_note.clicked.connect(self._save_note)
        self.orders_model = OrdersModel()
        self.orders = _table(body, self.orders_model, OrdersModel.COLUMNS.index("shipment"))
        self.orders.setAccessibleName(self.tr("Orders, latest first"))
        self._selecting = False  # the window, not the agent, is selecting an order
        self._chosen = False  # the selected order is the agent's own choice
        self.orders.selectionModel().selectionChanged.connect(self._order_selection_changed)
        self.orders.clicked.connect(self._order_clicked)
        self.conversations_model = ConversationsModel()
        self.conversations = _table(body, self.conversations_model, 3)
        self.conversations.setAccessibleName(self.tr("Conversations on every channel"))
        self.conversations.activated.connect(self._open)
        self.conversations.clicked.connect(self._open)

        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.tier)
        layout.addLayout(top)
        layout.addWidget(self.value)
        layout.addWidget(self.identities)
        layout.addWidget(self.tags)
        layout.addWidget(self.satisfaction)
        layout.addWidget(self.compensation)
        layout.addWidget(self._section(body, self.tr("Agent note")))
        layout.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(self.note_error, 1)
        row.addWidget(self.save_note)
        layout.addLayout(row)
        layout.addWidget(self._section(body, self.tr("Orders, latest first")))
        layout.addWidget(self.orders)
        layout.addWidget(self._section(body, self.tr("Conversations on every channel")))
        layout.addWidget(self.conversations)
        layout.addStretch(1)
        self.body = body
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take the focus, not it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.empty)
        outer.addWidget(scroll)
        self.scroller = scroll
        self._saved_note = ""
        self._note_editable = True
        self._note_too_long = False
        self.show_customer(None)

    def _section(self, parent: QWidget, title: str) -> QLabel:
        label = QLabel(title, parent)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setObjectName("sectionTitle")
        return label

    def text(self) -> str:
        """What the tab shows, as text (for screen readers, support and tests)."""
        parts = [
            self.name.text(),
            self.tier.text(),
            self.value.text(),
            self.identities.text(),
            self.tags.text(),
            self.satisfaction.text(),
            self.note.toPlainText(),
        ]
        model = self.orders_model
        for r in range(model.rowCount()):
            cells = (str(model.data(model.index(r, c))) for c in range(model.columnCount()))
            parts.append(" ".join(c for c in cells if c))
        convs = self.conversations_model
        for r in range(convs.rowCount()):
            parts.append(" ".join(str(convs.data(convs.index(r, c))) for c in range(4)))
        return "\n".join(p for p in parts if p)

    def selected_order_id(self) -> str | None:
        """The order selected in the 360 (None: none): the agent's choice, or the one the case
        is about that the window selected."""
        rows = self.orders.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.orders_model.data(rows[0], Qt.ItemDataRole.UserRole)
        return str(value) if value else None

    def chosen_order_id(self) -> str | None:
        """The order the agent selected themselves (None: none, or the window's default)."""
        return self.selected_order_id() if self._chosen else None

    def select_order(self, order_id: str | None) -> None:
        """Show ``order_id`` selected, as the order the case is about (not the agent's choice:
        no ``order_selected``). An order the agent chose stays selected."""
        if self._chosen and self.selected_order_id() is not None:
            return
        self._select_quietly(order_id)

    def _select_quietly(self, order_id: str | None) -> None:
        row = self.orders_model.row_of(order_id) if order_id else None
        self._selecting = True
        try:
            if row is None:
                self.orders.clearSelection()
            else:
                self.orders.selectRow(row)
        finally:
            self._selecting = False

    def _order_selection_changed(self) -> None:
        if self._selecting:
            return
        order_id = self.selected_order_id()
        self._chosen = order_id is not None
        if order_id is not None:
            self.order_selected.emit(order_id)

    def _order_clicked(self, index: QModelIndex) -> None:
        """A click on the order already selected for the agent makes it their choice."""
        order_id = self.orders_model.data(index, Qt.ItemDataRole.UserRole)
        if order_id and not self._chosen and str(order_id) == self.selected_order_id():
            self._chosen = True
            self.order_selected.emit(str(order_id))

    def show_customer(self, c360: Row | None, *, new_case: bool = False) -> None:
        """Show the customer's 360. ``new_case``: another conversation opened (the order
        selection starts afresh); otherwise the selected order stays selected."""
        if c360 is None:
            self.customer_id = None
            self._chosen = False
            self.empty.show()
            self.scroller.hide()
            return
        changed_customer = c360["id"] != self.customer_id
        keep = None if changed_customer or new_case else self.selected_order_id()
        if keep is None:
            self._chosen = False
        self.customer_id = c360["id"]
        self.empty.hide()
        self.scroller.show()
        self.name.setText(plain(c360.get("name")))
        tier = c360.get("value_tier") or ""
        self.tier.setText(labels.tier(tier))
        self.tier.setProperty("tier", tier)
        self.tier.style().unpolish(self.tier)
        self.tier.style().polish(self.tier)
        self.value.setText(
            self.tr("{0} · lifetime value {1}").format(
                labels.stage(c360.get("lifecycle_stage")),
                labels.money(c360.get("lifetime_value_minor"), c360.get("currency")),
            )
        )
        identities = [
            f"{labels.identity_kind(i.get('kind'))}: {plain(i.get('value'))}"
            for i in c360.get("identities") or []
            if isinstance(i, dict)
        ]
        self.identities.setText("\n".join(identities))
        tags = [plain(t) for t in c360.get("tags") or []]
        self.tags.setText(self.tr("Tags: {0}").format(", ".join(tags)) if tags else "")
        self.tags.setVisible(bool(tags))
        scores = [s["score"] for s in c360.get("satisfaction") or []]
        if scores:
            average = sum(scores) / len(scores)
            self.satisfaction.setText(
                self.tr("Satisfaction: {0} (average {1} of 5)").format(
                    ", ".join(f"★{s}" for s in scores[:10]), f"{average:.1f}"
                )
            )
        else:
            self.satisfaction.setText(self.tr("No satisfaction ratings yet"))
        note = plain(c360.get("agent_note"))
        # a sync must not overwrite what the agent is typing into the note
        if changed_customer or (
            not self.save_note.isEnabled() and not self.note.hasFocus() and note != self._saved_note
        ):
            too_long = len(note) > NOTE_LIMIT
            shown = note[:NOTE_LIMIT] if too_long else note
            self._saved_note = shown
            self.note.blockSignals(True)
            self.note.setPlainText(shown)
            self.note.blockSignals(False)
            self._note_too_long = too_long
            self.save_note.setEnabled(False)
            self._apply_note_state()
        self._selecting = True
        try:
            self.orders_model.set_rows(c360.get("orders") or [])
        finally:
            self._selecting = False
        self._select_quietly(keep)
        if keep is not None and self.selected_order_id() is None:
            self._chosen = False  # the order is gone
        self.conversations_model.set_rows(c360.get("conversations") or [])
        fit_rows(self.orders, self.orders_model.rowCount())
        fit_rows(self.conversations, self.conversations_model.rowCount())

    def show_compensation(self, actions: list[Row]) -> None:
        """What this customer was given before (what, when, by whom), beside the tier, so a
        limit is applied with judgement: executed actions and the refunds their orders record
        beyond them (``ActionsService.compensation``)."""
        done = [a for a in actions if a.get("status") == "executed"][:5]
        if not done:
            self.compensation.setText(self.tr("No refunds or compensation before"))
            return
        chinese = QLocale().name().startswith("zh")
        parts = []
        for action in done:
            if action.get("source") == "order":  # refunded outside the desk: on the order only
                parts.append(
                    " · ".join(
                        p
                        for p in (
                            self.tr("Refund on order {0}").format(plain(action.get("order_no"))),
                            money(
                                int(action.get("amount_minor") or 0),
                                action.get("currency") or "CNY",
                            ),
                            local_time(action.get("executed_at")),
                            self.tr("in full") if action.get("full") else self.tr("partial"),
                        )
                        if p
                    )
                )
                continue
            label = action.get("type_label_zh" if chinese else "type_label_en") or action["type"]
            amount = money(int(action.get("amount_minor") or 0), action.get("currency") or "CNY")
            parts.append(
                " · ".join(
                    p
                    for p in (
                        str(label),
                        amount if action.get("amount_minor") else "",
                        local_time(action.get("executed_at") or action.get("requested_at")),
                        plain(action.get("requested_by_name") or ""),
                        self.tr("approved by {0}").format(plain(action["decided_by_name"]))
                        if action.get("decided_by_name")
                        else "",
                    )
                    if p
                )
            )
        self.compensation.setText(self.tr("Before: {0}").format("; ".join(parts)))

    def set_note_editable(self, editable: bool) -> None:
        """Only the assignee of one of the customer's conversations, or a supervisor, changes
        the note (``core.permissions``); everyone else reads it."""
        if editable != self._note_editable:
            self._note_editable = editable
            self._apply_note_state()

    def _apply_note_state(self) -> None:
        if self._note_too_long:
            tip = self.tr(
                "This note is longer than {0} characters: shown shortened, read-only."
            ).format(f"{NOTE_LIMIT:,}")
        elif not self._note_editable:
            tip = self.tr(
                "Only the agent assigned to one of this customer's conversations, or a "
                "supervisor, changes this note."
            )
        else:
            tip = ""
        read_only = self._note_too_long or not self._note_editable
        self.note.setReadOnly(read_only)
        self.note.setToolTip(tip)
        self.save_note.setVisible(not read_only)

    def _note_edited(self) -> None:
        self.save_note.setEnabled(self.note.toPlainText() != self._saved_note)

    def _save_note(self) -> None:
        if self.customer_id is None:
            return
        text = self.note.toPlainText()
        if len(text) > NOTE_LIMIT:
            self.note_error.setText(
                self.tr(
                    "A note can hold {0} characters; this one has {1}. Shorten it to save."
                ).format(f"{NOTE_LIMIT:,}", f"{len(text):,}")
            )
            self.note_error.show()
            return
        self.note_error.hide()
        self.note_saved.emit(self.customer_id, text)

    def note_was_saved(self, text: str) -> None:
        """The window calls this once the note is queued; until then it counts as unsaved."""
        self._saved_note = text
        self.save_note.setEnabled(self.note.toPlainText() != text)

    def _open(self, index: QModelIndex) -> None:
        conv_id = self.conversations_model.data(index, Qt.ItemDataRole.UserRole)
        if conv_id:
            self.conversation_requested.emit(str(conv_id))
