"""The Knowledge tab: the top answers for what the customer just said, why each was suggested,
a search box, a preview, and one click to put the answer (details filled in) into the reply.

Internal guidance (an article written to agents, ``audience`` "internal") is shown with a "For
agents" badge and can be read in the preview, but it is never inserted: its insert button is
disabled, and Enter or a double-click on it only says why (the controller refuses it).

Article text is written by the company's own supervisors, but it is still shown as plain
text: the list paints strings with bold ranges for the matched words (no HTML is parsed), the
preview is a plain-text editor.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from agent_desk.core.knowledge import Suggestion, SuggestResult, match_spans
from agent_desk.ui import labels, theme
from agent_desk.ui.accessibility import search_field
from agent_desk.ui.conversation import tooltip_text
from agent_desk.ui.latest import Debounce

_Index = QModelIndex | QPersistentModelIndex
SuggestionRole = Qt.ItemDataRole.UserRole + 1
PREVIEW_LIMIT = 20_000


def why_text(reason: dict[str, Any], scenario_label: str) -> str:
    """One reason, in the agent's language."""

    kind = reason.get("kind")
    if kind == "matched":
        terms = ", ".join(str(x) for x in reason.get("terms", [])[:4])
        field = {
            "title": QCoreApplication.translate("KnowledgePanel", "title"),
            "tags": QCoreApplication.translate("KnowledgePanel", "tags"),
            "body": QCoreApplication.translate("KnowledgePanel", "text"),
        }.get(str(reason.get("field")), str(reason.get("field")))
        return QCoreApplication.translate("KnowledgePanel", "matches {0} ({1})").format(
            terms, field
        )
    if kind == "spelling":
        return QCoreApplication.translate("KnowledgePanel", "read “{0}” as “{1}”").format(
            reason.get("typed"), reason.get("read_as")
        )
    if kind == "scenario":
        return QCoreApplication.translate("KnowledgePanel", "about {0} ({1}% sure)").format(
            scenario_label, round(100 * float(reason.get("confidence") or 0))
        )
    if kind == "context":
        state = str(reason.get("state") or "")
        shown = labels.shipment_status(state) if state else ""
        if shown == state:  # not a shipment's state: the order's ("refunded")
            shown = labels.order_status(state)
        if reason.get("cue"):
            return QCoreApplication.translate(
                "KnowledgePanel", "order {0} is {1}, customer says “{2}”"
            ).format(reason.get("order_no"), shown or labels.order_status(state), reason.get("cue"))
        return QCoreApplication.translate("KnowledgePanel", "order {0} is {1}").format(
            reason.get("order_no"), shown or labels.order_status(state)
        )
    if kind == "locale":
        return QCoreApplication.translate("KnowledgePanel", "in the customer's language")
    if kind == "usage":
        return QCoreApplication.translate("KnowledgePanel", "helpful {0} times").format(
            reason.get("helpful", 0)
        )
    return str(kind)


def guidance_badge() -> str:
    """The mark of internal guidance in the list."""
    return QCoreApplication.translate("KnowledgePanel", "For agents")


class SuggestionsModel(QAbstractListModel):
    """Up to a few dozen suggestions (replaced as a whole on each new request)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Suggestion] = []
        self.scenario_labels: dict[str, str] = {}

    def set_items(self, items: list[Suggestion], scenario_labels: dict[str, str]) -> None:
        self.beginResetModel()  # a new answer list for a new question: a reset is honest here
        self.items, self.scenario_labels = list(items), scenario_labels
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def scenario_label(self, key: str) -> str:
        return self.scenario_labels.get(key, key)

    def why(self, item: Suggestion) -> str:
        """The reasons, the matched words once (not once per field), most telling first."""
        label = self.scenario_label(item.scenario)
        matched: list[str] = []
        fields: list[str] = []
        others: list[dict[str, Any]] = []
        for reason in item.why:
            if reason.get("kind") == "matched":
                matched += [str(t) for t in reason.get("terms", []) if str(t) not in matched]
                fields.append(str(reason.get("field")))
            else:
                others.append(reason)
        parts = []
        if matched:
            parts.append(why_text({"kind": "matched", "terms": matched, "field": fields[0]}, label))
        parts += [why_text(r, label) for r in others]
        return " · ".join(parts[:4])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.title}\n{item.snippet}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            badge = "" if item.insertable else f"{guidance_badge()}: "
            return f"{badge}{item.title}\n{item.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if not item.insertable:
                return tooltip_text(
                    QCoreApplication.translate(
                        "KnowledgePanel", "Guidance for agents, never sent to the customer"
                    )
                    + " · "
                    + self.why(item)
                )
            return tooltip_text(self.why(item))
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role == SuggestionRole:
            return item
        return None


class SuggestionDelegate(QStyledItemDelegate):
    """Title (bold) and scenario, the snippet with matched words in bold, and why (muted)."""

    PAD = 6

    def __init__(self, model: SuggestionsModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.85))
        return bold, option.font, small

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        bold, body, small = self._fonts(option)
        width = max(160, option.rect.width() or 300)
        item: Suggestion = index.data(SuggestionRole)
        snippet_h = self._layout(item.snippet, item.matched, body, width - 2 * self.PAD)[1]
        height = (
            QFontMetrics(bold).height()
            + snippet_h
            + QFontMetrics(small).height()
            + 2 * self.PAD
            + 4
        )
        return QSize(width, height)

    def _layout(
        self, text: str, matched: list[str], font: QFont, width: int
    ) -> tuple[QTextLayout, int]:
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        formats = []
        for start, end in match_spans(text, matched):
            fmt = QTextLayout.FormatRange()
            fmt.start, fmt.length = start, end - start
            char = QTextCharFormat()
            char.setFontWeight(QFont.Weight.Bold)
            fmt.format = char
            formats.append(fmt)
        layout.setFormats(formats)
        layout.beginLayout()
        height = 0.0
        lines = 0
        while lines < 3:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
            lines += 1
        layout.endLayout()
        return layout, int(height) + 1

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item: Suggestion = index.data(SuggestionRole)
        style = option.widget.style() if option.widget is not None else None
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colours = theme.current_theme()
        ink = (
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        muted = ink if selected else colours.muted_text
        bold, body, small = self._fonts(option)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        painter.setFont(bold)
        painter.setPen(ink)
        title_h = QFontMetrics(bold).height()
        scenario = self.model.scenario_label(item.scenario)
        if not item.insertable:  # guidance for agents: marked where the eye reads the title
            scenario = f"{guidance_badge()} · {scenario}"
        scenario_w = min(rect.width() // 2, QFontMetrics(small).horizontalAdvance(scenario) + 4)
        title_rect = QRect(rect.left(), rect.top(), rect.width() - scenario_w - 6, title_h)
        painter.drawText(
            title_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(bold).elidedText(
                item.title, Qt.TextElideMode.ElideRight, title_rect.width()
            ),
        )
        painter.setFont(small)
        painter.setPen(muted if item.insertable or selected else colours.sla_at_risk)
        painter.drawText(
            QRect(rect.right() - scenario_w, rect.top(), scenario_w, title_h),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(small).elidedText(scenario, Qt.TextElideMode.ElideRight, scenario_w),
        )
        painter.setPen(ink)
        layout, snippet_h = self._layout(item.snippet, item.matched, body, rect.width())
        layout.draw(painter, QPointF(rect.left(), rect.top() + title_h + 2))
        painter.setFont(small)
        painter.setPen(muted)
        why_rect = QRect(
            rect.left(),
            rect.top() + title_h + 2 + snippet_h,
            rect.width(),
            QFontMetrics(small).height(),
        )
        painter.drawText(
            why_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(small).elidedText(
                self.model.why(item), Qt.TextElideMode.ElideRight, why_rect.width()
            ),
        )
        painter.restore()


class KnowledgePanel(QWidget):
    """Signals: ``insert_requested(article_id)``, ``feedback_given(article_id, kind)``,
    ``search_changed(text)`` (a pause in typing in the search box; "" back to suggestions),
    ``preview_requested(article_id)`` (the agent moved to another answer)."""

    insert_requested = Signal(str)
    feedback_given = Signal(str, str)
    search_changed = Signal(str)
    preview_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Suggested for what the customer just said"), self)
        self.heading.setWordWrap(True)
        self.scenario = QLabel(self)
        self.scenario.setTextFormat(Qt.TextFormat.PlainText)
        self.scenario.setObjectName("detectedScenario")
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Search answers"))
        self.search.setPlaceholderText(self.tr("Search answers (works offline)…"))
        search_field(self.search, theme.icon("search"))
        self._search = Debounce(
            "answer search", 150, lambda: self.search_changed.emit(self.search.text()), self
        )
        self.search.textChanged.connect(lambda _t: self._search.soon())
        self.model = SuggestionsModel()
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Suggested answers"))
        self.list.setObjectName("suggestions")
        self.list.setModel(self.model)
        self.list.setItemDelegate(SuggestionDelegate(self.model, self.list))
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.list.selectionModel().currentRowChanged.connect(self._current_changed)
        # Enter, or a double-click (the platform's activation): one signal, one insert — with
        # doubleClicked connected too, a double-click inserted the answer twice
        self.list.activated.connect(lambda _i: self._insert())
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = QPlainTextEdit(self)
        self.preview.setAccessibleName(self.tr("Answer preview"))
        self.preview.setReadOnly(True)
        self.preview.setObjectName("answerPreview")
        self.preview.setPlaceholderText(self.tr("Pick an answer to read it in full."))
        self.guidance = QLabel(
            self.tr("Guidance for agents: read it, it is never put into a reply."), self
        )
        self.guidance.setObjectName("guidanceNote")
        self.guidance.setAccessibleName(self.tr("Guidance for agents"))
        self.guidance.setWordWrap(True)
        self.guidance.hide()
        self.insert = QPushButton(self.tr("Insert into reply"), self)
        self.insert.setAccessibleName(self.tr("Insert into reply"))
        self.insert.setIcon(theme.icon("send"))
        self.insert.clicked.connect(self._insert)
        self.helpful = QPushButton(self.tr("Helpful"), self)
        self.not_helpful = QPushButton(self.tr("Not helpful"), self)
        self.helpful.clicked.connect(lambda: self._feedback("helpful"))
        self.not_helpful.clicked.connect(lambda: self._feedback("not_helpful"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.helpful)
        buttons.addWidget(self.not_helpful)
        buttons.addStretch(1)
        buttons.addWidget(self.insert)
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(split)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list, 1)
        top_layout.addWidget(self.empty)
        split.addWidget(top)
        bottom = QWidget(split)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.guidance)
        bottom_layout.addWidget(self.preview, 1)
        split.addWidget(bottom)
        split.setSizes([320, 160])
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.scenario)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.set_items([], {}, None)

    # --- showing -----------------------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.list.currentIndex()
        value = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        return str(value) if value else None

    def current_item(self) -> Suggestion | None:
        index = self.list.currentIndex()
        item = self.model.data(index, SuggestionRole) if index.isValid() else None
        return item if isinstance(item, Suggestion) else None

    def _show_insertable(self) -> None:
        """Insert is for answers; guidance for agents is read, never inserted."""
        item = self.current_item()
        guidance = item is not None and not item.insertable
        self.insert.setEnabled(item is not None and not guidance)
        self.insert.setToolTip(
            self.tr("Guidance for agents: it is never put into a reply")
            if guidance
            else self.tr("Puts the answer into the reply with this customer's details")
        )
        self.guidance.setVisible(guidance)

    def set_items(
        self, items: list[Suggestion], scenario_labels: dict[str, str], scenario: str | None
    ) -> None:
        keep = self.current_id()
        self.model.set_items(items, scenario_labels)
        self.scenario.setText(scenario_labels.get(scenario, scenario) if scenario else "")
        self.empty.setText(
            ""
            if items
            else self.tr("No answer matches yet. Search above, or wait for the customer.")
        )
        self.empty.setVisible(not items)
        # the answer kept, else the first one that may be sent (guidance is never the default)
        first = next((n for n, s in enumerate(items) if s.insertable), 0 if items else -1)
        row = next((n for n, s in enumerate(items) if s.id == keep), first)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        else:
            self.preview.clear()
        for button in (self.helpful, self.not_helpful):
            button.setEnabled(bool(items))
        self._show_insertable()

    def show_result(self, result: SuggestResult, scenario_labels: dict[str, str]) -> None:
        if self.search.text().strip():
            return  # the agent is searching: suggestions wait until the box is cleared
        self.heading.setText(self.tr("Suggested for what the customer just said"))
        self.set_items(result.suggestions, scenario_labels, result.scenario)

    def new_conversation(self) -> None:
        """Another conversation opened: the last one's search must not hide its suggestions."""
        self._search.cancel()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def show_search(self, items: list[Suggestion], scenario_labels: dict[str, str]) -> None:
        self.heading.setText(self.tr("Search results"))
        self.set_items(items, scenario_labels, None)

    def set_preview(self, text: str) -> None:
        if len(text) > PREVIEW_LIMIT:  # a wall of text would stall the layout; insert has it all
            text = text[:PREVIEW_LIMIT] + "\n" + self.tr("… (the preview is shortened)")
        self.preview.setPlainText(text)

    # --- reacting ----------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.data(current, Qt.ItemDataRole.UserRole)
        self._show_insertable()
        if article_id:
            self.preview_requested.emit(str(article_id))

    def _insert(self) -> None:
        article_id = self.current_id()
        if article_id:
            self.insert_requested.emit(article_id)

    def _feedback(self, kind: str) -> None:
        article_id = self.current_id()
        if article_id:
            self.feedback_given.emit(article_id, kind)

    def stop(self) -> None:
        self._search.cancel()
