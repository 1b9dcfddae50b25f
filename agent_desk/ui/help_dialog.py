"""F1: every shortcut of the window, grouped, in the keys this platform writes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_desk.ui.commands import CommandRegistry, parse_shortcut


def native_keys(keys: str) -> str:
    """Portable key text (``"Ctrl+Enter"``) as this platform writes it; other text as given."""
    try:
        return parse_shortcut(keys).toString(QKeySequence.SequenceFormat.NativeText)
    except ValueError:
        return keys


class ShortcutsDialog(QDialog):
    """A read-only list: what it does | keys, under one heading per group.

    ``extra`` adds keys that are not registry commands, as (group, title, keys) with keys in
    portable text: e.g. Ctrl+Enter "Send the reply" from the composer. Titles and groups are
    translated by the caller.
    """

    def __init__(
        self,
        registry: CommandRegistry,
        extra: Iterable[tuple[str, str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        groups: dict[str, list[tuple[str, str]]] = {}
        for command in registry.commands():
            if command.shortcut:
                groups.setdefault(command.group, []).append(
                    (command.title, registry.shortcut_text(command))
                )
        for group, title, keys in extra:
            groups.setdefault(group, []).append((title, native_keys(keys)))

        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("What it does"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        self._items: list[tuple[QTreeWidgetItem, QTreeWidgetItem]] = []
        for group, rows in groups.items():
            heading = QTreeWidgetItem(self.tree, [group])
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setFont(0, heading_font)
            heading.setFirstColumnSpanned(True)
            for title, keys in rows:
                item = QTreeWidgetItem(heading, [title, keys])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self._items.append((heading, item))
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)

        close = QPushButton(self.tr("Close"), self)  # not the platform's "&Close"
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._fit()

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows, as (group, what it does, keys), top to bottom."""
        return [(heading.text(0), item.text(0), item.text(1)) for heading, item in self._items]

    def _fit(self) -> None:
        """As big as the list, so nothing scrolls; at most most of the screen."""
        tree = self.tree
        gap = tree.fontMetrics().averageCharWidth() * 6  # air between the two columns
        tree.setColumnWidth(0, tree.sizeHintForColumn(0) + gap)
        lines = tree.topLevelItemCount() + len(self._items)
        frame = 2 * tree.frameWidth()
        width = tree.columnWidth(0) + tree.sizeHintForColumn(1) + gap + frame
        height = tree.header().sizeHint().height() + lines * max(1, tree.sizeHintForRow(0))
        screen = self.screen().availableGeometry()
        tree.setMinimumWidth(min(width, screen.width() * 4 // 5))
        tree.setFixedHeight(min(height + frame, screen.height() * 7 // 10))
        self.adjustSize()
