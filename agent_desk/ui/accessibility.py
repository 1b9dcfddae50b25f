"""Keyboard and screen-reader helpers: names for the controls Qt builds itself (the buttons
inside a search field), and a tab order that reads like the window does."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget


def _name_buttons_of(field: QLineEdit, action: QAction | None, name: str) -> None:
    for button in field.findChildren(QToolButton):
        mine = action is None or button.defaultAction() is action
        if mine and not button.accessibleName():
            button.setAccessibleName(name)


def search_field(field: QLineEdit, icon: QIcon) -> None:
    """A search field: a leading search icon and a clear button, both named."""
    action = field.addAction(icon, QLineEdit.ActionPosition.LeadingPosition)
    _name_buttons_of(field, action, QCoreApplication.translate("Accessibility", "Search"))
    field.setClearButtonEnabled(True)
    _name_buttons_of(field, None, QCoreApplication.translate("Accessibility", "Clear"))


def tab_chain(widgets: list[QWidget]) -> None:
    """Tab visits ``widgets`` in this order (left to right, top to bottom, as the agent reads);
    each one's own children follow it as before."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
