"""The queue pane: tabs with counts, search, filters, sort, and the table of conversations."""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desk.core.enums import Channel, ConversationStatus, Priority
from agent_desk.store import queries
from agent_desk.store.queries import QueueFilter, QueueSort, QueueView
from agent_desk.store.store import ChangeSet
from agent_desk.ui import labels, theme
from agent_desk.ui.accessibility import search_field
from agent_desk.ui.latest import Debounce
from agent_desk.ui.queue_model import (
    COLUMNS,
    KNOWLEDGE_ENTITIES,
    AssigneeRole,
    QueueModel,
    ScenarioRole,
    TierRole,
)

_Index = QModelIndex | QPersistentModelIndex


class QueueDelegate(QStyledItemDelegate):
    """The customer column gets a value-tier chip; the request column its scenario as a tag
    before the text; the unread column a count pill; an unassigned row a Claim button in the
    agent column (one click takes it).

    Signals: ``claim_clicked(conversation_id)``.
    """

    claim_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.can_claim = True  # experts never claim: no button for them
        self._pressed: str | None = None  # the row a press on a Claim button started on
        self._claimed_at = -1e9

    def _claim_rect(self, option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(3, 4, -3, -4)

    def _claimable(self, index: _Index) -> bool:
        return (
            self.can_claim
            and COLUMNS[index.column()] == "assignee"
            and not index.data(AssigneeRole)
        )

    def editorEvent(
        self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        if (
            self._claimable(index)
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self._claim_rect(option).contains(event.position().toPoint())
        ):
            conv_id = str(index.data(Qt.ItemDataRole.UserRole))
            if event.type() == QEvent.Type.MouseButtonPress:
                self._pressed = conv_id
            elif event.type() == QEvent.Type.MouseButtonRelease:
                # only the row the press began on: after a claim the rows move up, and the
                # second click of a double-click must not take the next customer too
                pressed, self._pressed = self._pressed, None
                now = time.monotonic()
                # Qt turns the second click of a double-click on a row that moved up into a
                # new press there: within the double-click interval a second claim is ignored
                recent = now - self._claimed_at < QApplication.doubleClickInterval() / 1000
                if pressed == conv_id and not recent:
                    self._claimed_at = now
                    self.claim_clicked.emit(conv_id)
                return True
        return super().editorEvent(event, model, option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        column = COLUMNS[index.column()]
        if self._claimable(index):
            self._paint_claim(painter, option)
            return
        if column == "customer":
            tier = str(index.data(TierRole) or "")
            if tier and tier != "standard":
                self._paint_with_chip(painter, option, index, labels.tier(tier), tier)
                return
        if column == "preview" and index.data(ScenarioRole):
            self._paint_with_tag(painter, option, index, str(index.data(ScenarioRole)))
            return
        if column == "unread" and index.data(Qt.ItemDataRole.DisplayRole):
            self._paint_pill(painter, option, str(index.data(Qt.ItemDataRole.DisplayRole)))
            return
        super().paint(painter, option, index)

    def _paint_with_chip(
        self, painter: QPainter, option: QStyleOptionViewItem, index: _Index, text: str, tier: str
    ) -> None:
        colours = theme.current_theme()
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.8))
        metrics = QFontMetrics(small)
        chip_w = metrics.horizontalAdvance(text) + 10
        chip_h = metrics.height() + 2
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = opt.rect
        name_rect = QRect(rect.left(), rect.top(), max(0, rect.width() - chip_w - 8), rect.height())
        opt.rect = name_rect
        opt.text = QFontMetrics(opt.font).elidedText(
            opt.text, Qt.TextElideMode.ElideRight, max(0, name_rect.width() - 8)
        )
        style = opt.widget.style() if opt.widget is not None else None
        if style is None:
            return
        # the background (selection) across the whole cell, then the name, then the chip
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        full.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, full, painter, opt.widget)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        fill = getattr(colours, f"tier_{tier}", colours.tier_standard)
        ink = getattr(colours, f"tier_{tier}_text", colours.tier_standard_text)
        chip = QRect(
            rect.right() - chip_w - 3, rect.top() + (rect.height() - chip_h) // 2, chip_w, chip_h
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(chip, chip_h / 2, chip_h / 2)
        painter.setPen(ink)
        painter.setFont(small)
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def _paint_with_tag(
        self, painter: QPainter, option: QStyleOptionViewItem, index: _Index, tag: str
    ) -> None:
        """The scenario as a small tag at the start of the cell, the request after it."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else None
        if style is None:
            return
        colours = theme.current_theme()
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.8))
        metrics = QFontMetrics(small)
        rect = opt.rect
        most = max(0, rect.width() * 2 // 5)  # a long label never hides the request
        label = metrics.elidedText(tag, Qt.TextElideMode.ElideRight, max(0, most - 10))
        tag_w = min(most, metrics.horizontalAdvance(label) + 10)
        tag_h = metrics.height() + 2
        full = QStyleOptionViewItem(opt)
        full.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, full, painter, opt.widget)
        text_rect = QRect(
            rect.left() + tag_w + 8, rect.top(), rect.width() - tag_w - 8, rect.height()
        )
        opt.text = QFontMetrics(opt.font).elidedText(
            opt.text, Qt.TextElideMode.ElideRight, max(0, text_rect.width() - 8)
        )
        painter.save()
        painter.setClipRect(text_rect)
        style.drawItemText(
            painter,
            text_rect.adjusted(2, 0, -2, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            opt.palette,
            True,
            opt.text,
            self._text_role(opt),
        )
        painter.restore()
        chip = QRect(rect.left() + 4, rect.top() + (rect.height() - tag_h) // 2, tag_w, tag_h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.banner_info)
        painter.drawRoundedRect(chip, tag_h / 2, tag_h / 2)
        painter.setPen(colours.banner_info_text)
        painter.setFont(small)
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), label)
        painter.restore()

    @staticmethod
    def _text_role(opt: QStyleOptionViewItem) -> QPalette.ColorRole:
        return (
            QPalette.ColorRole.HighlightedText
            if opt.state & QStyle.StateFlag.State_Selected
            else QPalette.ColorRole.Text
        )

    def _paint_claim(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        colours = theme.current_theme()
        rect = self._claim_rect(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else colours.accent)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 4, 4)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.tr("Claim"))
        painter.restore()

    def _paint_pill(self, painter: QPainter, option: QStyleOptionViewItem, text: str) -> None:
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        colours = theme.current_theme()
        metrics = QFontMetrics(option.font)
        w = max(metrics.height(), metrics.horizontalAdvance(text) + 10)
        h = metrics.height()
        rect = option.rect
        pill = QRect(rect.center().x() - w // 2, rect.center().y() - h // 2, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.accent)
        painter.drawRoundedRect(pill, h / 2, h / 2)
        painter.setPen(QColor("white"))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()


class QueuePanel(QWidget):
    """Signals: ``conversation_selected(str)``, ``claim_requested(str)`` (double-click or Enter
    on a row), ``view_changed()``, ``counts_changed(dict)`` (each tab's count, when re-read)."""

    conversation_selected = Signal(str)
    claim_requested = Signal(str)
    view_changed = Signal()
    counts_changed = Signal(object)  # {QueueView: count}, after the tabs' counts were read

    # what decides which conversations a tab lists and how their rows read (search included)
    ENTITIES = frozenset(
        {
            "conversation",
            "message",
            "customer",
            "order",
            "read_state",
            "agent",
            "conversation_share",
            *KNOWLEDGE_ENTITIES,  # the request's scenario and its label
        }
    )

    def __init__(
        self,
        model: QueueModel,
        views: list[QueueView],
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.views = views
        self.settings = settings
        self.tabs = QTabBar(self)
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for _ in views:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Search conversations"))
        self.search.setPlaceholderText(self.tr("Search name, phone, email, order, text…"))
        search_field(self.search, theme.icon("search"))
        # one query per pause in typing, not per keystroke (a search costs ~70 ms at 20k rows)
        self._search = Debounce("queue search", 200, self._apply, self)
        self.search.textChanged.connect(lambda _text: self._search.soon())

        self.filter_button = QToolButton(self)
        self.filter_button.setIcon(theme.icon("filter"))
        self.filter_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_menu = QMenu(self.filter_button)
        self.filter_actions: dict[tuple[str, str], QAction] = {}
        groups = (
            ("channel", self.tr("Channel"), [(c.value, labels.channel(c)) for c in Channel]),
            (
                "status",
                self.tr("Status"),
                [
                    (s.value, labels.status(s))
                    for s in ConversationStatus
                    if s is not ConversationStatus.RESOLVED
                ],
            ),
            ("priority", self.tr("Priority"), [(p.value, labels.priority(p)) for p in Priority]),
        )
        for key, title, choices in groups:
            self.filter_menu.addSection(title)
            for value, text in choices:
                action = self.filter_menu.addAction(text)
                action.setCheckable(True)
                action.toggled.connect(lambda _on: self._apply())
                self.filter_actions[(key, value)] = action
        self.filter_menu.addSeparator()
        self.filter_menu.addAction(self.tr("Clear filters")).triggered.connect(self.clear_filters)
        self.filter_button.setMenu(self.filter_menu)

        self.sort = QComboBox(self)
        self.sort.setAccessibleName(self.tr("Sort the queue"))
        for sort, text in (
            (QueueSort.SLA, self.tr("Most urgent first")),
            (QueueSort.NEWEST, self.tr("Newest first")),
            (QueueSort.LONGEST_WAITING, self.tr("Longest waiting first")),
            (QueueSort.PRIORITY, self.tr("Highest priority first")),
        ):
            self.sort.addItem(text, sort.value)
        self.sort.setToolTip(self.tr("Sort the queue"))
        self.sort.currentIndexChanged.connect(lambda _i: self._apply())

        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Conversation queue"))
        self.table.setObjectName("queue")
        self.table.setModel(model)
        self.delegate = QueueDelegate(self.table)
        self.delegate.claim_clicked.connect(self.claim_requested)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("preview"), QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in (
            ("customer", 168),  # the name and its tier chip
            ("channel", 30),
            ("wait", 66),
            ("unread", 40),
            ("assignee", 54),
        ):
            self.table.setColumnWidth(COLUMNS.index(column), width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(self._double_clicked)

        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.filter_button)
        tools.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addLayout(tools)
        layout.addWidget(self.table)
        self._restore()
        self._update_filter_button()

    # --- state -------------------------------------------------------------------------------

    def current_view(self) -> QueueView:
        index = self.tabs.currentIndex()
        return self.views[index] if 0 <= index < len(self.views) else self.views[0]

    def filters(self) -> QueueFilter:
        chosen: dict[str, set[str]] = {"channel": set(), "status": set(), "priority": set()}
        for (key, value), action in self.filter_actions.items():
            if action.isChecked():
                chosen[key].add(value)
        return QueueFilter(
            channels=frozenset(chosen["channel"]),
            statuses=frozenset(chosen["status"]),
            priorities=frozenset(chosen["priority"]),
            search=self.search.text(),
        )

    def current_sort(self) -> QueueSort:
        return QueueSort(self.sort.currentData())

    def clear_filters(self) -> None:
        for action in self.filter_actions.values():
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)
        self._apply()

    def view_names(self) -> dict[QueueView, str]:
        return {
            QueueView.MINE: self.tr("Mine"),
            QueueView.UNASSIGNED: self.tr("Unassigned"),
            QueueView.TEAM: self.tr("Team"),
            QueueView.SHARED: self.tr("Shared with me"),
            QueueView.ALL: self.tr("All"),
        }

    def changed(self, changes: ChangeSet | None) -> None:
        """The cache changed: the rows it concerns, and the tabs' counts."""
        if changes is not None and set(changes.ids) <= KNOWLEDGE_ENTITIES:
            self.model.knowledge_changed(changes)  # no row moved, no count changed
            return
        if changes is None or set(changes.ids) & KNOWLEDGE_ENTITIES:
            self.model.knowledge_changed(changes)
        self.model.refresh(changes)
        counts = queries.queue_counts(self.model.store, self.model.me, self.views)
        self.set_counts(counts)
        self.counts_changed.emit(counts)

    def set_counts(self, counts: dict[QueueView, int]) -> None:
        names = self.view_names()
        for n, view in enumerate(self.views):
            self.tabs.setTabText(n, f"{names[view]} ({counts.get(view, 0):,})")

    def select_view(self, view: QueueView) -> None:
        if view in self.views:
            self.tabs.setCurrentIndex(self.views.index(view))

    def select_conversation(self, conv_id: str) -> bool:
        """Select the row of ``conv_id`` if the current tab lists it (which opens it)."""
        try:
            row = self.model.ids.index(conv_id)
        except ValueError:
            return False
        if self.table.currentIndex().row() != row:
            self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def keep_shown(self, conv_id: str) -> None:
        """List ``conv_id`` in the current tab until the agent moves on (opens another
        conversation, changes the tab, search, filters or sort), even where the tab would not
        list it: the case just taken from Unassigned stays where the agent was looking."""
        self.model.keep_shown(conv_id)

    def reveal(self, conv_id: str) -> None:
        """Select the open conversation's row (without opening it again) and scroll to it."""
        self.show_selected(conv_id)
        if conv_id in self.model.ids:
            self.table.scrollTo(self.model.index(self.model.ids.index(conv_id), 0))

    def show_selected(self, conv_id: str) -> None:
        """Highlight the open conversation's row, or none if this tab does not list it —
        without opening anything (a click on a row must always open it)."""
        if self.model.pinned not in (None, conv_id):
            self.model.release()  # another conversation: the one kept shown has had its turn
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if conv_id in self.model.ids:
                row = self.model.ids.index(conv_id)
                if self.table.currentIndex().row() != row:
                    self.table.selectRow(row)
            else:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), selection.SelectionFlag.NoUpdate)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()

    def step(self, step: int) -> None:
        """Select the next (1) or previous (-1) conversation in the list."""
        if not self.model.ids:
            return
        row = self.table.currentIndex().row()
        row = 0 if row < 0 else max(0, min(len(self.model.ids) - 1, row + step))
        self.table.selectRow(row)

    # --- reacting ----------------------------------------------------------------------------

    def _tab_changed(self, _index: int) -> None:
        self._apply()

    def _apply(self) -> None:
        self._search.cancel()
        self.model.set_view(self.current_view(), sort=self.current_sort(), filters=self.filters())
        self._update_filter_button()
        self._save()
        self.view_changed.emit()

    def _update_filter_button(self) -> None:
        active = sum(1 for a in self.filter_actions.values() if a.isChecked())
        self.filter_button.setText(
            self.tr("Filters ({0})").format(active) if active else self.tr("Filters")
        )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        conv_id = self.model.data(current, Qt.ItemDataRole.UserRole)
        if conv_id:
            self.conversation_selected.emit(str(conv_id))

    def _double_clicked(self, index: QModelIndex) -> None:
        conv_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if conv_id and index.column() != COLUMNS.index("assignee"):  # that one has its button
            self.claim_requested.emit(str(conv_id))

    def _save(self) -> None:
        self.settings.setValue("queue/view", self.current_view().value)
        self.settings.setValue("queue/sort", self.current_sort().value)
        self.settings.setValue(
            "queue/filters",
            [f"{k}:{v}" for (k, v), a in self.filter_actions.items() if a.isChecked()],
        )

    def _restore(self) -> None:
        for widget in (self.tabs, self.sort):
            widget.blockSignals(True)
        try:
            view = self.settings.value("queue/view")
            if view in [v.value for v in self.views]:
                self.tabs.setCurrentIndex([v.value for v in self.views].index(view))
            sort = self.settings.value("queue/sort")
            found = self.sort.findData(sort)
            if found >= 0:
                self.sort.setCurrentIndex(found)
            saved = self.settings.value("queue/filters") or []
            if isinstance(saved, str):
                saved = [saved]
            for item in saved:
                key, _sep, value = str(item).partition(":")
                action = self.filter_actions.get((key, value))
                if action is not None:
                    action.blockSignals(True)
                    action.setChecked(True)
                    action.blockSignals(False)
        finally:
            for widget in (self.tabs, self.sort):
                widget.blockSignals(False)
        self.model.set_view(self.current_view(), sort=self.current_sort(), filters=self.filters())

    def stop(self) -> None:
        self._search.cancel()
