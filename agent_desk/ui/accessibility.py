"""Names for the controls Qt builds itself (the buttons inside a search field), so a screen
reader can say them too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QLineEdit, QToolButton


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
