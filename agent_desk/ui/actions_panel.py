"""The Actions tab: settle the case on the spot, within authority that grows with the customer's
value — pick an action, check the preview (the effect, what is left of your limits, the message
the customer will get), confirm. Beyond your authority the same steps ask a supervisor.

The panel calls the actions service through the intent runner (ui → services) and refreshes
itself from the change-sets of the entities it shows.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from agent_desk.core import authority, playbook
from agent_desk.core.authority import DAILY_TOTAL_ACTIONS
from agent_desk.core.enums import ActionType, Role
from agent_desk.core.errors import DomainError
from agent_desk.core.money import currency_exponent
from agent_desk.core.resolution import variants
from agent_desk.services.actions import ActionsService, Catalog, Proposal, money
from agent_desk.store import queries
from agent_desk.store.store import Row
from agent_desk.ui import labels, theme
from agent_desk.ui.changes import ChangeHub
from agent_desk.ui.conversation import local_time, plain, tooltip_text
from agent_desk.ui.intents import IntentRunner
from agent_desk.ui.refusals import refusal_text, refusal_texts

_Index = QModelIndex | QPersistentModelIndex


def status_text(row: Row) -> str:
    status = row.get("status")
    if row.get("delivery") == "queued":
        return QCoreApplication.translate("ActionsPanel", "will run when back online")
    names = {
        "queued": QCoreApplication.translate("ActionsPanel", "sending…"),
        "pending_approval": QCoreApplication.translate("ActionsPanel", "waiting for a supervisor"),
        "executed": QCoreApplication.translate("ActionsPanel", "done"),
        "denied": QCoreApplication.translate("ActionsPanel", "denied"),
        "failed": QCoreApplication.translate("ActionsPanel", "failed"),
        "refused": QCoreApplication.translate("ActionsPanel", "refused by the server"),
    }
    return names.get(str(status), str(status))


def action_refusal(row: Row) -> str:
    """Why the server refused or failed an action, in the agent's language (from its code)."""
    return refusal_text(row.get("error_code"))


def limit_text(code: str, limit: int | None, used: int, unit: str, currency: str, days: int) -> str:
    """One limit an action goes beyond, in the agent's language ("¥800 given to this customer
    in 30 days; your limit is ¥1,000")."""

    def shown(value: int | None) -> str:
        if value is None:
            return ""
        return money(value, currency) if unit == "money" else str(value)

    texts = {
        authority.OVER_ACTION_LIMIT: QCoreApplication.translate(
            "ActionsPanel", "above your limit of {0} per action"
        ),
        authority.OVER_ORDER_LIMIT: QCoreApplication.translate(
            "ActionsPanel",
            "{1} of this kind on this order in {2} days; your limit is {0} per order",
        ),
        authority.OVER_CUSTOMER_LIMIT: QCoreApplication.translate(
            "ActionsPanel",
            "{1} of this kind for this customer in {2} days; your limit is {0} per customer",
        ),
        authority.OVER_CUSTOMER_TOTAL: QCoreApplication.translate(
            "ActionsPanel",
            "{1} given to this customer in {2} days; your limit is {0} per customer",
        ),
        authority.OVER_DAILY_TOTAL: QCoreApplication.translate(
            "ActionsPanel", "{1} of today's {0} used: more than is left of today's total"
        ),
        authority.OVER_COUNT_LIMIT: QCoreApplication.translate(
            "ActionsPanel", "done {1} times on this order; you may do it {0} times per order"
        ),
        authority.OVER_DAYS_LIMIT: QCoreApplication.translate(
            "ActionsPanel", "more than the {0} days you may give"
        ),
        authority.NOT_AUTHORIZED_FOR_TIER: QCoreApplication.translate(
            "ActionsPanel", "not within your authority for this customer"
        ),
        authority.CURRENCY_NOT_IN_POLICY: QCoreApplication.translate(
            "ActionsPanel", "the amount is in another currency than the limits"
        ),
    }
    text = texts.get(code, QCoreApplication.translate("ActionsPanel", "beyond your authority"))
    return text.format(shown(limit), shown(used), days)


def approval_text(row: Row, days: int) -> str:
    """Why a request waits for a supervisor: every limit it crossed (from the server's record)."""
    result = row.get("result") or {}
    crossed = (result.get("approval") or {}).get("crossed") if isinstance(result, dict) else None
    currency = str(row.get("currency") or "CNY")
    parts = [
        limit_text(
            str(c.get("code")),
            c.get("limit"),
            int(c.get("used") or 0),
            str(c.get("unit") or "money"),
            currency,
            days,
        )
        for c in crossed or []
        if isinstance(c, dict)
    ]
    separator = QCoreApplication.translate("ActionsPanel", "; ", "between listed limits")
    return separator.join(parts) or QCoreApplication.translate(
        "ActionsPanel", "beyond your authority"
    )


class HistoryModel(QAbstractListModel):
    """A customer's actions, newest first (what, how much, when, by whom, how it ended)."""

    def __init__(self, catalog_label: Any) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self._label = catalog_label
        self.window_days = 30  # the policy's, set by the panel

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def text(self, row: Row) -> str:
        amount = money(int(row.get("amount_minor") or 0), row.get("currency") or "CNY")
        who = plain(row.get("requested_by_name") or "")
        parts = [
            self._label(row["type"]),
            amount if row.get("amount_minor") else "",
            status_text(row),
            local_time(row.get("requested_at")),
            who,
        ]
        line = " · ".join(p for p in parts if p)
        if row.get("error_code") or row.get("error_message"):
            line += "\n" + action_refusal(row)
        elif row.get("status") == "pending_approval":
            line += "\n" + approval_text(row, self.window_days)
        elif row.get("decision_note"):
            line += "\n" + plain(row["decision_note"])
        return line

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:  # what the customer was told, and the reason
            detail = ""
            if row.get("error_code") or row.get("error_message"):
                detail = action_refusal(row)
            elif row.get("status") == "pending_approval":
                detail = approval_text(row, self.window_days)
            return tooltip_text("\n\n".join(x for x in (row.get("customer_message"), detail) if x))
        if role == Qt.ItemDataRole.ForegroundRole:
            colours = theme.current_theme()
            if row.get("status") in ("failed", "refused", "denied"):
                return colours.sla_breached
            if row.get("status") == "pending_approval" or row.get("delivery") == "queued":
                return colours.sla_at_risk
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


class ActionsPanel(QWidget):
    """The Actions tab: what the agent may do for the open conversation's customer, the
    customer's recent actions, and (for a supervisor) the requests waiting for approval.

    What the case's scenario suggests comes first (``core.playbook``), its reason preselected
    (or none, for the agent to choose: never a list's first entry); the form's preview is the
    review, and one Confirm runs it.

    Outcomes go to the message bridge through the intent runner; the tab refreshes itself from
    the change-sets of the entities it shows.

    Signals: ``reply_proposed(text)``: a request went to a supervisor; this is what the
    customer should hear meanwhile (the window puts it in the reply box, for the agent to send).
    ``finished()``: an action was confirmed (the window gives the focus back to the reply).
    ``fitting_changed(list)``: the actions that fit the case and are possible for its order now,
    ``[(type, label)]`` best first (the case bar offers them).
    """

    reply_proposed = Signal(str)
    finished = Signal()
    fitting_changed = Signal(list)

    ENTITIES = frozenset(
        {"action", "authority_usage", "authority_policy", "action_type", "order", "customer"}
    )

    def __init__(
        self,
        actions: ActionsService,
        runner: IntentRunner,
        hub: ChangeHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = actions
        self.runner = runner
        self.refreshes = 0  # how often the tab re-read its data (one intent, one refresh)
        hub.subscribe(
            lambda _changes: self.refresh(), self.ENTITIES, rejections=True, name="actions"
        )
        self.conversation_id: str | None = None
        self.customer_id: str | None = None
        self.language = "zh_CN"
        self.text = ""  # what the customer said (its words pick the reason and the variant)
        self.scenario: str | None = None  # what the conversation is about (the knowledge model's)
        self._statuses: dict[str, str] = {}  # the customer's requests as last shown
        self.fitting: list[tuple[str, str]] = []  # what the case bar offers (fitting_changed)
        self.type_: str | None = None
        self.proposal: Proposal | None = None
        self._entries: dict[str, Catalog] = {}

        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.authority = QLabel(self)
        self.authority.setTextFormat(Qt.TextFormat.PlainText)
        self.authority.setWordWrap(True)
        self.authority.setObjectName("authority")
        self.order = QComboBox(self)
        self.order.setAccessibleName(self.tr("Order"))
        self.order.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.order.setMinimumContentsLength(16)
        self.order.currentIndexChanged.connect(lambda _i: self._order_changed())
        self.buttons_box = QWidget(self)
        self.buttons_grid = QGridLayout(self.buttons_box)
        self.buttons_grid.setContentsMargins(0, 0, 0, 0)
        self.type_buttons: dict[str, QPushButton] = {}

        # the form
        self.form = QWidget(self)
        self.form_title = QLabel(self.form)
        font = self.form_title.font()
        font.setBold(True)
        self.form_title.setFont(font)
        self.amount = QDoubleSpinBox(self.form)
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setDecimals(2)
        self.amount.setMaximum(1_000_000)
        self.amount.valueChanged.connect(lambda _v: self._changed())
        self.amount_label = QLabel(self.tr("Amount"), self.form)
        self.lines = QListWidget(self.form)
        self.lines.setAccessibleName(self.tr("Items"))
        self.lines.setMaximumHeight(90)
        self.lines.itemChanged.connect(lambda _i: self._lines_changed())
        self.lines_label = QLabel(self.tr("Items"), self.form)
        self.variant = QComboBox(self.form)
        self.variant.setAccessibleName(self.tr("Send instead"))
        self.variant.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.variant.setMinimumContentsLength(12)
        self.variant.currentIndexChanged.connect(lambda _i: self._changed())
        self.variant_label = QLabel(self.tr("Send instead"), self.form)
        self.variant_sku: str | None = None  # the ordered line the variant choice is for
        self.days = QSpinBox(self.form)
        self.days.setAccessibleName(self.tr("Days"))
        self.days.setRange(1, 90)
        self.days.setValue(15)
        self.days.valueChanged.connect(lambda _v: self._changed())
        self.days_label = QLabel(self.tr("Days"), self.form)
        self.reason = QComboBox(self.form)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.currentIndexChanged.connect(lambda _i: self._changed())
        self.reason_label = QLabel(self.tr("Reason"), self.form)
        self.note = QLineEdit(self.form)
        self.note.setAccessibleName(self.tr("Note for the record"))
        self.note.setPlaceholderText(self.tr("Note for the record (optional)"))
        self.note.setMaxLength(2000)
        self.preview = QLabel(self.form)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setObjectName("actionPreview")
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.confirm = QPushButton(self.tr("Confirm"), self.form)
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self._confirm)
        self.cancel = QPushButton(self.tr("Cancel"), self.form)
        self.cancel.clicked.connect(self._close_form)
        form = QGridLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.form_title, 0, 0, 1, 2)
        form.addWidget(self.amount_label, 1, 0)
        form.addWidget(self.amount, 1, 1)
        form.addWidget(self.lines_label, 2, 0)
        form.addWidget(self.lines, 2, 1)
        form.addWidget(self.variant_label, 3, 0)
        form.addWidget(self.variant, 3, 1)
        form.addWidget(self.days_label, 4, 0)
        form.addWidget(self.days, 4, 1)
        form.addWidget(self.reason_label, 5, 0)
        form.addWidget(self.reason, 5, 1)
        form.addWidget(self.note, 6, 0, 1, 2)
        form.addWidget(self.preview, 7, 0, 1, 2)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.cancel)
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.confirm)
        form.addLayout(form_buttons, 8, 0, 1, 2)

        self.choose_hint = QLabel(self.tr("Choose what to do for this customer."), self)
        self.choose_hint.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.choose_hint)
        self.pages.addWidget(self.form)

        self.history_model = HistoryModel(self.type_label)
        self.history = QListView(self)
        self.history.setAccessibleName(self.tr("This customer's actions and compensation"))
        self.history.setModel(self.history_model)
        self.history.setWordWrap(True)
        self.history.setObjectName("actionHistory")
        self.history_title = QLabel(self.tr("This customer's actions and compensation"), self)
        self.approvals_title = QLabel(self.tr("Approval requests"), self)
        self.approvals_model = HistoryModel(self.type_label)
        self.approvals = QListView(self)
        self.approvals.setAccessibleName(self.tr("Approval requests"))
        self.approvals.setModel(self.approvals_model)
        self.approvals.setWordWrap(True)
        self.decision_note = QLineEdit(self)
        self.decision_note.setAccessibleName(self.tr("Reason for your decision"))
        self.decision_note.setPlaceholderText(self.tr("Reason for your decision"))
        self.decision_note.setMaxLength(2000)
        self.approve = QPushButton(self.tr("Approve"), self)
        self.deny = QPushButton(self.tr("Deny"), self)
        self.approve.clicked.connect(lambda: self._decide(True))
        self.deny.clicked.connect(lambda: self._decide(False))
        decide = QHBoxLayout()
        decide.addWidget(self.decision_note, 1)
        decide.addWidget(self.deny)
        decide.addWidget(self.approve)
        self.approval_box = QWidget(self)
        approval_layout = QVBoxLayout(self.approval_box)
        approval_layout.setContentsMargins(0, 0, 0, 0)
        approval_layout.addWidget(self.approvals_title)
        approval_layout.addWidget(self.approvals)
        approval_layout.addLayout(decide)
        self.approval_box.setVisible(actions.desk.role in (Role.SUPERVISOR, Role.ADMIN))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.authority)
        layout.addWidget(self.order)
        layout.addWidget(self.buttons_box)
        layout.addWidget(self.pages)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.approval_box, 1)
        self.show_conversation(None, None, "zh_CN", "")

    # --- labels ------------------------------------------------------------------------------

    @staticmethod
    def _ui_chinese() -> bool:
        """Labels the server gives in both languages follow the window's language (the
        customer's language is for what the customer reads)."""
        return QLocale().name().startswith("zh")

    def type_label(self, type_: str) -> str:
        entry = self._entries.get(type_) or self.service.catalog_entry(type_)
        if entry is None:
            return type_
        return entry.label_zh if self._ui_chinese() else entry.label_en

    def _reason_label(self, reason: dict[str, Any]) -> str:
        return str(reason.get("label_zh" if self._ui_chinese() else "label_en", ""))

    # --- showing -----------------------------------------------------------------------------

    def show_conversation(
        self,
        conversation_id: str | None,
        customer_id: str | None,
        locale: str,
        text: str,
        order_id: str | None = None,
        scenario: str | None = None,
    ) -> None:
        switching = conversation_id != self.conversation_id
        self.conversation_id, self.customer_id, self.text = conversation_id, customer_id, text
        self.language = locale
        if switching or scenario is not None:
            self.scenario = scenario
        self._entries = {c.id: c for c in self.service.catalog()}
        self._build_buttons()
        if customer_id is None:
            self.heading.setText(self.tr("Open a conversation to act for its customer."))
            self.authority.setText("")
            self.order.clear()
            self.pages.setCurrentWidget(self.choose_hint)
            self.history_model.set_rows([])
        else:
            if switching:
                self._fill_orders(customer_id)
                if order_id:  # the order the conversation is about
                    self.select_order(order_id)
                self.pages.setCurrentWidget(self.choose_hint)
                self.type_ = None
                self._statuses = {}
            self.refresh()
        self.approvals_model.set_rows(self.service.pending_approvals())
        self._emit_fitting()

    def refresh(self) -> None:
        """Data changed (a sync, an outcome): the headline, the history and the approvals."""
        if self.customer_id is None:
            self.approvals_model.set_rows(self.service.pending_approvals())
            return
        self.refreshes += 1
        customer = queries.customer_brief(self.service.store, self.customer_id)
        tier = (customer or {}).get("value_tier") or "standard"
        self.heading.setText(
            self.tr("What you can do for {0} ({1} customer)").format(
                plain((customer or {}).get("name")), labels.tier(tier)
            )
        )
        self._update_authority()
        policy = self.service.policy()
        days = policy.window_days if policy else 30
        self.history_model.window_days = self.approvals_model.window_days = days
        history = self.service.history(self.customer_id)
        self._announce_decisions(history)
        self.history_model.set_rows(history)
        self.approvals_model.set_rows(self.service.pending_approvals())
        if self.pages.currentWidget() is self.form:
            self._changed()
        self._emit_fitting()

    def _announce_decisions(self, history: list[Row]) -> None:
        """A request that waited for a supervisor was decided: say so (the server told the
        customer)."""
        for row in history:
            before = self._statuses.get(row["id"])
            now = str(row.get("status"))
            # a request seen waiting (or still queued) that a supervisor has decided since
            waited = before in ("pending_approval", "queued") and row.get("decided_by")
            if waited and now in ("executed", "denied"):
                what = self.type_label(row["type"])
                amount = money(int(row.get("amount_minor") or 0), row.get("currency") or "CNY")
                text = (
                    self.tr("Approved: {0} {1} ran, and the customer was told.")
                    if now == "executed"
                    else self.tr("Denied: {0} {1}. The customer was told it was not approved.")
                )
                self.runner.bridge.info(text.format(what, amount))
        self._statuses = {row["id"]: str(row.get("status")) for row in history}

    def set_scenario(self, scenario: str | None) -> None:
        """What the conversation is about changed: what fits it comes first."""
        if scenario != self.scenario:
            self.scenario = scenario
            self._build_buttons()
            self._emit_fitting()

    def _order_changed(self) -> None:
        self._changed()
        self._emit_fitting()

    def fitting_actions(self) -> list[tuple[str, str]]:
        """What the scenario suggests that the rule book allows for the order now (possibly
        with a supervisor's approval), as ``[(type, label)]``, best first."""
        if self.conversation_id is None or self.customer_id is None:
            return []
        order = self.order_row()
        out: list[tuple[str, str]] = []
        for kind in playbook.suggested_actions(self.scenario):
            if kind.value not in self._entries:
                continue
            params: dict[str, Any] = {}
            lines = [str(x.get("sku")) for x in (order or {}).get("lines") or []]
            if kind is ActionType.REFUND_NO_RETURN:
                params["line_skus"] = (
                    playbook.mentioned_lines((order or {}).get("lines") or [], self.text) or lines
                )
            elif kind in (ActionType.COUPON, ActionType.STORE_CREDIT):
                params["amount_minor"] = 20 * 10 ** self._exponent()
            elif kind is ActionType.EXTEND_RETURN_WINDOW:
                params["days"] = self.days.value()
            try:
                proposal = self.service.propose(
                    self.conversation_id,
                    kind.value,
                    order_id=order["id"] if order else None,
                    params=params,
                    locale=self.language,
                )
            except DomainError:
                continue
            if proposal.decision.allowed:
                out.append((kind.value, self.type_label(kind.value)))
        return out

    def _emit_fitting(self) -> None:
        fitting = self.fitting_actions()
        if fitting != self.fitting:
            self.fitting = fitting
            self.fitting_changed.emit(fitting)

    def _ordered_entries(self) -> list[Catalog]:
        suggested = [t.value for t in playbook.suggested_actions(self.scenario)]
        first = [self._entries[t] for t in suggested if t in self._entries]
        return first + [e for e in self._entries.values() if e.id not in suggested]

    def _build_buttons(self) -> None:
        suggested = {t.value for t in playbook.suggested_actions(self.scenario)}
        if set(self.type_buttons) != set(self._entries):
            for button in self.type_buttons.values():
                button.deleteLater()
            self.type_buttons = {}
            for entry in self._entries.values():
                button = QPushButton(self.buttons_box)
                button.setObjectName(f"action-{entry.id}")
                # long labels must not widen the side panel (and squeeze the queue)
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                button.clicked.connect(lambda _c=False, t=entry.id: self.start(t))
                self.type_buttons[entry.id] = button
        for button in self.type_buttons.values():
            self.buttons_grid.removeWidget(button)
        ordered = self._ordered_entries()
        for n, entry in enumerate(ordered):
            button = self.type_buttons[entry.id]
            label = self.type_label(entry.id)
            fits = entry.id in suggested
            button.setText(self.tr("★ {0}").format(label) if fits else label)
            button.setToolTip(
                self.tr("{0}: suggested for this case").format(label) if fits else label
            )
            button.setAccessibleName(label)
            button.setAccessibleDescription(self.tr("Suggested for this case") if fits else "")
            button.setProperty("suggested", fits)
            button.style().unpolish(button)
            button.style().polish(button)
            self.buttons_grid.addWidget(button, n // 2, n % 2)
        for before, after in pairwise(ordered):  # Tab goes the way they read
            QWidget.setTabOrder(self.type_buttons[before.id], self.type_buttons[after.id])

    def _fill_orders(self, customer_id: str) -> None:
        self.order.blockSignals(True)
        self.order.clear()
        for order in self.service.orders(customer_id):
            text = " · ".join(
                (
                    plain(order["order_no"]),
                    labels.order_status(order["status"]),
                    money(int(order["total_minor"]), order["currency"]),
                )
            )
            self.order.addItem(text, order["id"])
        self.order.blockSignals(False)

    def order_row(self) -> Row | None:
        order_id = self.order.currentData()
        if not order_id or self.customer_id is None:
            return None
        return next((o for o in self.service.orders(self.customer_id) if o["id"] == order_id), None)

    def select_order(self, order_id: str) -> None:
        found = self.order.findData(order_id)
        if found >= 0:
            self.order.setCurrentIndex(found)

    def _update_authority(self) -> None:
        """What this agent may still do for this customer and order, as core.authority (and the
        server) count it: the per-action limit, what is left on this order and for this customer
        over the policy's window, of the customer's compensation, and of today's total."""
        policy = self.service.policy()
        if policy is None:
            self.authority.setText(self.tr("The authority policy has not synced yet."))
            return
        role = self.service.desk.role
        if not policy.can_act(role):
            self.authority.setText(self.tr("Your role does not run actions."))
            return
        tier = self.service.customer_tier(self.customer_id or "")
        type_ = self.proposal.type if self.proposal is not None else ActionType.REFUND.value
        order = self.order_row()
        decision: authority.Decision | None = None
        if self.proposal is not None and self.proposal.decision.allowances:
            decision = self.proposal.decision  # worked out already: its limits are the same
        elif self.conversation_id:
            decision = self.service.standing(
                self.conversation_id, type_, order["id"] if order else None
            )
        if decision is None:
            self.authority.setText("")
            return
        what, cur, days = self.type_label(type_), policy.currency, policy.window_days
        parts = []
        if decision.reason_code == authority.NOT_AUTHORIZED_FOR_TIER:
            parts.append(
                self.tr("{0} needs a supervisor's approval for this {1} customer").format(
                    what, labels.tier(tier)
                )
            )
        elif decision.limit_minor is None:
            parts.append(
                self.tr("{0} without an amount limit for this {1} customer").format(
                    what, labels.tier(tier)
                )
            )
        left = {
            "per_action": self.tr("Up to {0} per {1} for this {2} customer"),
            "per_order": self.tr("{0} of {1} left on this order ({2} days)"),
            "per_customer": self.tr("{0} of {1} left for this customer ({2} days)"),
            "customer_total": self.tr("{0} of {1} compensation left for this customer ({2} days)"),
            "daily_total": self.tr("{0} of today's {1} left"),
            "count": self.tr("{0} of {1} times left on this order"),
        }
        for allowance in decision.allowances:
            text = left.get(allowance.kind)
            if text is None:
                continue
            if allowance.kind == "per_action":
                parts.append(text.format(money(allowance.limit, cur), what, labels.tier(tier)))
            elif allowance.unit == "money":
                parts.append(
                    text.format(money(allowance.left, cur), money(allowance.limit, cur), days)
                )
            else:
                parts.append(text.format(allowance.left, allowance.limit))
        self.authority.setText(self.tr("; ", "between listed limits").join(parts))

    # --- the form ----------------------------------------------------------------------------

    def start(self, type_: str) -> None:
        """Open the form for an action, filled with what the case suggests."""
        entry = self._entries.get(type_)
        if entry is None:
            return
        self.type_ = type_
        self.form_title.setText(self.type_label(type_))
        names = {p.get("name") for p in entry.params}
        order = self.order_row()
        money_param = "amount_minor" in names or "coupon_value_minor" in names
        shown: list[tuple[QWidget, bool]] = [
            (self.amount, money_param),
            (self.amount_label, money_param),
            (self.lines, "line_skus" in names),
            (self.lines_label, "line_skus" in names),
            (self.days, "days" in names),
            (self.days_label, "days" in names),
        ]
        for widget, visible in shown:
            widget.setVisible(visible)
        self.lines.blockSignals(True)
        self.lines.clear()
        order_lines = (order or {}).get("lines") or []
        named = playbook.mentioned_lines(order_lines, self.text)
        for line in order_lines:
            price = money(
                int(line.get("unit_price_minor") or 0), (order or {}).get("currency") or "CNY"
            )
            item = QListWidgetItem(
                f"{plain(line.get('title'))} × {line.get('quantity', 1)} · {price}"
            )
            item.setData(Qt.ItemDataRole.UserRole, line.get("sku"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # the item the customer names (or the only one) is the one the action is for
            chosen = len(order_lines) == 1 or line.get("sku") in named
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.lines.addItem(item)
        self.lines.blockSignals(False)
        self.reason.blockSignals(True)
        self.reason.clear()
        # the reason the customer's words or the scenario name; else the agent chooses (a
        # list's first entry is nobody's choice)
        wanted = playbook.default_reason(ActionType(type_), self.scenario, self.text)
        if wanted is None:
            self.reason.addItem(self.tr("Choose a reason…"), None)
        for reason in entry.reason_codes:
            self.reason.addItem(self._reason_label(reason), reason.get("code"))
        found = self.reason.findData(wanted) if wanted else 0
        self.reason.setCurrentIndex(max(0, found))
        self.reason.blockSignals(False)
        self._fill_variants()
        default = self.service.default_amount(type_, order, self._lines() or None)
        if type_ in (ActionType.COUPON, ActionType.STORE_CREDIT):
            default = 20 * 10 ** self._exponent()  # a modest gesture the agent adjusts
        self._set_amount(default)
        self.pages.setCurrentWidget(self.form)
        self._changed()
        if self.confirm.isEnabled():  # Enter confirms what the preview shows
            self.confirm.setFocus()

    def _lines(self) -> list[str]:
        out = []
        for n in range(self.lines.count()):
            item = self.lines.item(n)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _lines_changed(self) -> None:
        if self.type_ in (ActionType.REFUND_NO_RETURN, ActionType.REFUND):
            value = self.service.default_amount(self.type_, self.order_row(), self._lines() or None)
            self._set_amount(value)
        self._fill_variants()
        self._changed()

    def _fill_variants(self) -> None:
        """A reship of an item that comes in sizes or colours: which one to send (an exchange),
        preselected from the customer's words ("想换42码", "too small")."""
        line = None
        if self.type_ == ActionType.RESHIP:
            lines = (self.order_row() or {}).get("lines") or []
            chosen = self._lines() or [str(x.get("sku")) for x in lines]
            line = next((x for x in lines if x.get("sku") in chosen and variants(x)), None)
        sku = None if line is None else str(line.get("sku"))
        self.variant.setVisible(line is not None)
        self.variant_label.setVisible(line is not None)
        if sku == self.variant_sku and line is not None:
            return
        self.variant_sku = sku
        self.variant.blockSignals(True)
        self.variant.clear()
        if line is not None:
            for variant in variants(line):
                title = plain(variant.get("title") or variant.get("sku"))
                if variant.get("sku") == sku:
                    title = self.tr("{0} (as ordered)").format(title)
                self.variant.addItem(title, variant.get("sku"))
            wanted = playbook.suggest_variant(line, self.text) or sku
            self.variant.setCurrentIndex(max(0, self.variant.findData(wanted)))
            self.variant_label.setText(
                self.tr("Send instead of {0}").format(plain(line.get("title") or sku))
            )
        self.variant.blockSignals(False)

    def _exponent(self) -> int:
        order = self.order_row()
        currency = (order or {}).get("currency") or self._customer_currency()
        return currency_exponent(currency)

    def _customer_currency(self) -> str:
        row = queries.customer_brief(self.service.store, self.customer_id or "")
        return str((row or {}).get("currency") or "CNY")

    def _set_amount(self, minor: int) -> None:
        exponent = self._exponent()
        self.amount.blockSignals(True)
        self.amount.setDecimals(exponent)
        self.amount.setValue(minor / 10**exponent)
        self.amount.blockSignals(False)

    def _amount_minor(self) -> int:
        scaled: float = self.amount.value() * 10 ** self._exponent()
        return round(scaled)

    def _params(self) -> dict[str, Any]:
        entry = self._entries.get(self.type_ or "")
        names = {p.get("name") for p in (entry.params if entry else [])}
        params: dict[str, Any] = {}
        minor = self._amount_minor()
        if "amount_minor" in names and minor > 0:
            params["amount_minor"] = minor
        if "coupon_value_minor" in names and minor > 0:
            params["coupon_value_minor"] = minor
        if "line_skus" in names and self._lines():
            params["line_skus"] = self._lines()
        if "days" in names:
            params["days"] = self.days.value()
        sent = self.variant.currentData()
        if "replacements" in names and self.variant_sku and sent and sent != self.variant_sku:
            params["replacements"] = {self.variant_sku: str(sent)}
        return params

    def _changed(self) -> None:
        if self.type_ is None or self.conversation_id is None:
            return
        order = self.order_row()
        try:
            self.proposal = self.service.propose(
                self.conversation_id,
                self.type_,
                order_id=order["id"] if order else None,
                params=self._params(),
                locale=self.language,
            )
        except DomainError as exc:
            self.proposal = None
            self.preview.setText(refusal_text(exc.code, exc.message))
            self.confirm.setEnabled(False)
            return
        p = self.proposal
        reason_chosen = self.reason.currentData() is not None
        self.confirm.setEnabled(p.decision.allowed and reason_chosen)
        if p.decision.needs_approval:
            self.confirm.setText(self.tr("Ask for approval"))
        elif p.amount_minor and ActionType(p.type) in authority.MONEY_ACTIONS:
            self.confirm.setText(
                self.tr("Confirm: {0} {1}").format(
                    self.type_label(p.type), money(p.amount_minor, p.currency)
                )
            )
        else:
            self.confirm.setText(self.tr("Confirm: {0}").format(self.type_label(p.type)))
        preview = self._describe(p)
        if not reason_chosen:
            preview = self.tr("Choose the reason to confirm.") + "\n" + preview
        self.preview.setText(preview)
        self._update_authority()

    def why(self, p: Proposal) -> str:
        """The decision in the agent's words: every limit crossed, or the refusal's reason."""
        d = p.decision
        if not d.allowed:
            special = {
                "role_cannot_act": self.tr("your role does not run actions"),
                "amount_exceeds_refundable": self.tr("more than is left to refund on this order"),
            }
            return special.get(d.reason_code) or refusal_texts().get(
                d.reason_code or "", self.tr("not possible for this order")
            )
        if d.reason_code == "policy_not_synced":
            return self.tr("your limits have not synced yet")
        policy = self.service.policy()
        days = policy.window_days if policy else 30
        currency = policy.currency if policy else p.currency
        return self.tr("; ", "between listed limits").join(
            limit_text(c.code, c.limit, c.used, c.unit, currency, days) for c in d.crossed
        ) or self.tr("beyond your authority")

    def _describe(self, p: Proposal) -> str:
        decision = p.decision
        if not decision.allowed:
            verdict = self.tr("Not possible here: {0}").format(self.why(p))
        elif decision.needs_approval:
            verdict = self.tr(
                "Beyond your authority ({0}): a supervisor will be asked to approve."
            ).format(self.why(p))
        else:
            verdict = self.tr("Within your authority: it runs as soon as you confirm.")
        what, amount = self.type_label(p.type), money(p.amount_minor, p.currency)
        effect = (
            self.tr("Effect: {0} {1} on order {2}").format(what, amount, plain(p.order["order_no"]))
            if p.order
            else self.tr("Effect: {0} {1}").format(what, amount)
        )
        lines = [effect, verdict]
        policy = self.service.policy()
        counted = (
            policy is not None
            and ActionType(p.type) in DAILY_TOTAL_ACTIONS
            and p.currency == policy.currency
            and decision.within_authority
        )
        if decision.remaining_minor is not None and policy is not None:
            left = decision.remaining_minor - (p.amount_minor if counted else 0)
            lines.append(
                self.tr("Left of today's total after this: {0}").format(
                    money(max(0, left), policy.currency)
                )
            )
        lines += ["", self.tr("The customer will get:"), p.customer_message]
        return "\n".join(lines)

    def _close_form(self) -> None:
        self.pages.setCurrentWidget(self.choose_hint)
        self.type_ = None
        self.note.clear()

    def _confirm(self) -> None:
        if self.proposal is None or self.conversation_id is None:
            return
        if self.reason.currentData() is None:
            return
        conversation_id, proposal = self.conversation_id, self.proposal
        pending = proposal.decision.needs_approval

        def done(_sent: object) -> None:
            self.runner.bridge.info(
                self.tr("Sent for approval: tell the customer they will hear from you.")
                if pending
                else self.tr("Done: it runs now (or as soon as you are back online).")
            )
            self._close_form()
            if pending:
                self.reply_proposed.emit(self._holding_message(proposal))
            self.finished.emit()

        self.runner.run(
            self.tr("Resolution action"),
            lambda: self.service.request(
                conversation_id,
                proposal,
                reason_code=str(self.reason.currentData() or "customer_request"),
                note=self.note.text(),
            ),
            done=done,
        )

    def _holding_message(self, p: Proposal) -> str:
        customer = queries.customer_brief(self.service.store, self.customer_id or "") or {}
        return playbook.holding_message(
            ActionType(p.type),
            amount_minor=p.amount_minor,
            currency=p.currency,
            customer_name=str(customer.get("name") or ""),
            order_no=str(p.order["order_no"]) if p.order else None,
            locale=self.language,
        )

    def _decide(self, approve: bool) -> None:
        index = self.approvals.currentIndex()
        action_id = self.approvals_model.data(index, Qt.ItemDataRole.UserRole)
        if not action_id:
            return

        def done(_changes: object) -> None:
            self.decision_note.clear()
            self.runner.bridge.info(
                self.tr("Approval sent: it runs when the server has it.")
                if approve
                else self.tr("Denial sent.")
            )

        self.runner.run(
            self.tr("Approval"),
            lambda: self.service.decide(
                str(action_id), approve=approve, note=self.decision_note.text()
            ),
            done=done,
        )
