"""Ctrl+K: one box to run a command or jump to a conversation, a customer or an order.

Commands match as the agent types (in memory, a fuzzy subsequence match); the cache is asked
once per pause in typing (120 ms), because a search reads a few indexes and scans at 20,000
conversations. Enter always acts on the results for the text in the box: a search still
waiting for its pause runs first.

Everything a hit shows was written by customers or other systems: it is plain text in the list
(the default delegate never reads markup), newlines are flattened, and each field sits inside a
Unicode isolate so a right-to-left override in a name cannot reorder the rest of the row.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from agent_desk.store.search import Hit, palette_search
from agent_desk.store.store import Store
from agent_desk.ui.commands import Command, CommandRegistry
from agent_desk.ui.conversation import tooltip_text
from agent_desk.ui.latest import Debounce

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

SEARCH_DELAY_MS = 120
MAX_FIELD = 300  # characters of one untrusted field shown in a row
KindRole = Qt.ItemDataRole.UserRole + 1  # "command", "conversation", "customer" or "order"

_FSI, _PDI = "\u2068", "\u2069"
_LINE_BREAKS = str.maketrans(dict.fromkeys("\n\r\t\v\f\x85\u2028\u2029", " "))


def untrusted_field(text: str | None) -> str:
    """Someone else's text for one line of a list row: flat, bounded, bidi-isolated."""
    flat = (text or "").translate(_LINE_BREAKS)
    if len(flat) > MAX_FIELD:
        flat = flat[:MAX_FIELD] + "…"
    return f"{_FSI}{flat}{_PDI}"


def fuzzy_rank(query: str, command: Command) -> int | None:
    """How well ``query`` finds ``command``: lower is better, None if not at all.

    0: the title starts with it; 1: a word of the title does, or the title contains it;
    2: its letters appear in order in the title; 3: in the title and keywords together.
    """
    needle = query.casefold().strip()
    if not needle:
        return 0
    title = command.title.casefold()
    if title.startswith(needle):
        return 0
    if needle in title:
        return 1
    letters = "".join(needle.split())
    if _subsequence(letters, title):
        return 2
    words = " ".join([title, *(k.casefold() for k in command.keywords)])
    if needle in words or _subsequence(letters, words):
        return 3
    return None


def _subsequence(needle: str, haystack: str) -> bool:
    rest = iter(haystack)
    return all(char in rest for char in needle)


def _searches_store(text: str) -> bool:
    # One Latin letter or digit matches nearly every row (and costs the most): commands only.
    # One CJK character is a surname and worth asking for.
    text = text.strip()
    return bool(text) and not (len(text) == 1 and text.isascii())


@dataclass(frozen=True)
class _Row:
    key: tuple[str, str]
    text: str
    command: Command | None = None
    hit: Hit | None = None
    tooltip: str | None = None

    @property
    def enabled(self) -> bool:
        return self.command is not None or (
            self.hit is not None and self.hit.conversation_id is not None
        )


class PaletteModel(QAbstractListModel):
    """The palette's rows: matching commands, then hits from the cache (a short list)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_rows(self, rows: list[_Row]) -> None:
        self.beginResetModel()  # a new query: a new list, and a reset says so honestly
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> _Row:
        return self._rows[row]

    def find(self, key: tuple[str, str]) -> int:
        for n, row in enumerate(self._rows):
            if row.key == key:
                return n
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].enabled:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == KindRole:
            return row.key[0]
        return None


class CommandPalette(QDialog):
    """A box over the top of the window: type, move with Up/Down, Enter runs, Esc closes.

    Signals:
        conversation_requested(str): the agent chose a conversation, or a customer or an order
            (which open that customer's most recently active conversation).
    """

    conversation_requested = Signal(str)

    def __init__(self, registry: CommandRegistry, store: Store, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.registry = registry
        self.store = store
        self.setWindowTitle(self.tr("Command palette"))
        self._hits: list[Hit] = []

        self.input = QLineEdit(self)
        self.input.setAccessibleName(self.tr("Command or search"))
        self.input.setPlaceholderText(
            self.tr("Type a command, or a name, phone, email, subject or order number")
        )
        self.input.setAccessibleName(self.tr("Command or search"))
        self.input.installEventFilter(self)
        self.model = PaletteModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Results"))
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Results"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the box
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setWordWrap(False)
        self.list.clicked.connect(self._clicked)

        frame = QFrame(self)  # a frameless window still needs an edge
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(frame)
        inner.addWidget(self.input)
        inner.addWidget(self.list)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

        self._searching = Debounce("palette search", SEARCH_DELAY_MS, self._search, self)
        self.input.textChanged.connect(self._text_changed)

    # --- opening and closing -----------------------------------------------------------------

    def open_palette(self) -> None:
        """Show the palette empty, listing every enabled command, with the cursor in the box."""
        self._searching.cancel()
        self._hits = []
        self.input.blockSignals(True)
        self.input.clear()
        self.input.blockSignals(False)
        self._rebuild(reset_selection=True)
        self._place()
        self.show()  # a new window is on top already (and raise() warns on some platforms)
        self.activateWindow()
        self.input.setFocus(Qt.FocusReason.PopupFocusReason)

    def _place(self) -> None:
        host = self.parentWidget() or self
        host = host.window()
        area = host.geometry()
        width = min(max(420, area.width() * 3 // 5), max(area.width() - 32, 320), 720)
        height = min(max(260, area.height() // 2), 440)
        top = area.top() + max(16, area.height() // 3 - height // 2)
        rect = QRect(area.left() + (area.width() - width) // 2, top, width, height)
        screen = host.screen().availableGeometry()
        rect.moveTop(max(screen.top(), min(rect.top(), screen.bottom() - height)))
        rect.moveLeft(max(screen.left(), min(rect.left(), screen.right() - width)))
        self.setGeometry(rect)

    def done(self, result: int) -> None:
        self._searching.cancel()
        super().done(result)
        host = self.parentWidget()
        if host is not None:  # give the keyboard back to the window (its shortcuts need it)
            host.window().activateWindow()

    def changeEvent(self, event: QEvent) -> None:
        # like a popup: clicking elsewhere in the app closes it (a real popup window would
        # break input methods, and agents type Chinese names here)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isVisible()
            and not self.isActiveWindow()
        ):
            self.reject()
        super().changeEvent(event)

    # --- results -----------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        if _searches_store(text):
            self._searching.soon()  # restarts: one query per pause
        else:
            self._searching.cancel()
            self._hits = []
        self._rebuild()

    def _search(self) -> None:
        self._searching.cancel()
        text = self.input.text()
        self._hits = palette_search(self.store, text) if _searches_store(text) else []
        self._rebuild()

    def _command_rows(self, text: str) -> list[_Row]:
        ranked: list[tuple[int, int, Command]] = []
        for n, command in enumerate(self.registry.commands()):
            rank = fuzzy_rank(text, command)
            if rank is not None and command.enabled():
                ranked.append((rank, n, command))
        ranked.sort(key=lambda item: item[:2])
        rows = []
        for _rank, _n, command in ranked:
            keys = self.registry.shortcut_text(command)
            text_ = (
                self.tr("{0}    {1}", "command title, then its keys").format(command.title, keys)
                if keys
                else command.title
            )
            rows.append(_Row(key=("command", command.id), text=text_, command=command))
        return rows

    def _kind_label(self, hit: Hit) -> str:
        if hit.kind == "conversation":
            return self.tr("Conversation")
        if hit.kind == "customer":
            return self.tr("Customer")
        return self.tr("Order")

    def _hit_row(self, hit: Hit) -> _Row:
        title, detail = untrusted_field(hit.title), untrusted_field(hit.detail)
        label = self._kind_label(hit)
        if hit.conversation_id is None and hit.detail:
            text = self.tr("{0}: {1} · {2} (no conversation yet)").format(label, title, detail)
        elif hit.conversation_id is None:
            text = self.tr("{0}: {1} (no conversation yet)").format(label, title)
        elif hit.detail:
            text = self.tr("{0}: {1} · {2}").format(label, title, detail)
        else:
            text = self.tr("{0}: {1}").format(label, title)
        return _Row(
            key=(hit.kind, hit.id),
            text=text,
            hit=hit,
            tooltip=tooltip_text(f"{hit.title}\n{hit.detail}".strip()),
        )

    def _rebuild(self, *, reset_selection: bool = False) -> None:
        current = self.list.currentIndex()
        keep = None
        if current.isValid() and not reset_selection:
            keep = self.model.row_at(current.row()).key
        rows = self._command_rows(self.input.text()) + [self._hit_row(h) for h in self._hits]
        self.model.set_rows(rows)
        row = self.model.find(keep) if keep is not None else -1
        if row < 0:
            row = self._enabled_from(0, 1)
        self._select(row)

    def _enabled_from(self, row: int, step: int) -> int:
        while 0 <= row < self.model.rowCount():
            if self.model.row_at(row).enabled:
                return row
            row += step
        return -1

    def _select(self, row: int) -> None:
        if row < 0:
            self.list.setCurrentIndex(QModelIndex())
            return
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            return
        current = self.list.currentIndex()
        start = current.row() + step if current.isValid() else (0 if step > 0 else count - 1)
        start = max(0, min(start, count - 1))
        row = self._enabled_from(start, 1 if step > 0 else -1)
        if row < 0:
            row = self._enabled_from(start, -1 if step > 0 else 1)
        if row >= 0:
            self._select(row)

    # --- running -----------------------------------------------------------------------------

    def run_current(self) -> None:
        """Run the selected row (Enter): the search for the text in the box runs first."""
        self._searching.flush()
        current = self.list.currentIndex()
        if current.isValid():
            self._run(self.model.row_at(current.row()))

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._run(self.model.row_at(index.row()))

    def _run(self, row: _Row) -> None:
        if not row.enabled:
            return
        self.accept()  # out of the way first: the command may focus or open something
        if row.command is not None:
            self.registry.run(row.command.id)
        elif row.hit is not None and row.hit.conversation_id is not None:
            self.conversation_requested.emit(row.hit.conversation_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            page = max(1, self.list.viewport().height() // max(1, self.list.sizeHintForRow(0)))
            moves = {
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_PageUp: -page,
                Qt.Key.Key_PageDown: page,
            }
            if key in moves:
                self._move(moves[Qt.Key(key)])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.reject()
                return True
        return super().eventFilter(watched, event)
