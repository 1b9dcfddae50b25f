"""Every interactive control has a name a screen reader can say (issue 12): the widget tree of
the window with a conversation open — each side tab, the palette, the shortcut list, the
settings and sign-in dialogs — is walked through Qt's accessibility interface (what AT-SPI on
Linux, UI Automation on Windows and VoiceOver read), and an unnamed control fails the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.sync.conftest import Backend, Client
from tests.ui.windows import make_window, open_window, refused_reply, synced_client

pytestmark = pytest.mark.asyncio

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QTabBar,
)


def unnamed(root: QWidget) -> list[str]:
    """Interactive controls under ``root`` that a screen reader would announce without a name."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or spin box: its owner carries the name
        if isinstance(widget, QAbstractButton) and isinstance(parent, QTabBar):
            continue  # a tab bar's scroll arrows
        if isinstance(widget, QHeaderView):
            continue  # a table's header: announced as part of its table
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not isinstance(widget, (QAbstractButton, QTabBar)):
            # a field's derived "name" is its value (a combo box's current item, a spin box's
            # number): it needs a name of its own that says what it is
            name = widget.accessibleName()
        if not name.strip():
            problems.append(
                f"{type(widget).__name__} {widget.objectName() or '(no object name)'} "
                f"in {type(parent).__name__ if parent else '-'}"
            )
    return problems


async def test_every_control_of_the_window_has_an_accessible_name(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    _alice, window = await open_window(qtbot, backend, tmp_path, clients, "alice", "a_open")
    problems = unnamed(window)
    for index in range(window.side.count()):  # every side tab (Customer 360, Knowledge, Actions)
        window.side.setCurrentIndex(index)
        problems += unnamed(window.side.currentWidget())
    window.actions_panel.type_buttons["refund"].click()  # the action form
    window.side.setCurrentWidget(window.actions_panel)
    problems += unnamed(window.actions_panel)
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))
    window.close()


async def test_every_control_of_the_dialogs_and_the_palette_has_an_accessible_name(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    from agent_desk.system.config import Settings
    from agent_desk.ui.help_dialog import ShortcutsDialog
    from agent_desk.ui.palette import CommandPalette
    from agent_desk.ui.settings_dialog import SettingsDialog
    from agent_desk.ui.sign_in import SignInDialog

    alice = await synced_client(backend, tmp_path, clients, "alice")
    window = make_window(alice, tmp_path)
    qtbot.addWidget(window)
    window.show()

    async def attempt(_creds: object) -> object:
        raise AssertionError("not signed in in this test")

    dialogs: list[QWidget] = [
        CommandPalette(window.commands, alice.store, window),
        ShortcutsDialog(window.commands, (), window),
        SettingsDialog(
            Settings(),
            frozenset(),
            user_path=tmp_path / "user.toml",
            managed_path=tmp_path / "managed.toml",
        ),
        SignInDialog(
            attempt,  # type: ignore[arg-type]
            server_url="https://desk.example",
            username="alice",
            remember_available=True,
        ),
    ]
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{type(dialog).__name__}: {p}" for p in unnamed(dialog)]
        dialog.close()
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))
    window.close()


def focus_chain(start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from ``start``, in order, once round."""
    chain, widget = [], start
    while True:
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            return chain


async def test_tab_reads_the_window_in_order_and_reaches_every_button(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    _alice, window = await open_window(qtbot, backend, tmp_path, clients, "alice", "a_open")
    chain = focus_chain(window.queue_panel.tabs)
    regions = [window.queue_panel, window.conversation, window.side, window.statusBar()]

    def region(widget: QWidget) -> int:
        return next(n for n, r in enumerate(regions) if r is widget or r.isAncestorOf(widget))

    order = [region(w) for w in chain]
    assert order == sorted(order), [f"{type(w).__name__}:{w.accessibleName()}" for w in chain]
    assert set(order) == {0, 1, 2, 3}, "every part of the window is reached by Tab"
    side_stops = [w for w in chain if region(w) == 2]
    assert side_stops[0] is window.side.tabBar(), "the side tabs come before their content"
    buttons = [w for w in chain if isinstance(w, QAbstractButton) and region(w) == 1]
    xs = [b.mapTo(window, b.rect().topLeft()).x() for b in buttons[: len(buttons) - 2]]
    assert xs == sorted(xs), "the conversation's buttons, left to right"
    for panel in (window.conversation, window.customer):  # every visible button is reachable
        for button in panel.findChildren(QAbstractButton):
            if button.isVisible() and button.isEnabled():
                assert button in chain, button.text() or button.accessibleName()
    window.close()


async def test_every_command_is_in_a_menu_and_a_message_is_retried_from_the_keyboard(
    qtbot, backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    _alice, window = await open_window(qtbot, backend, tmp_path, clients, "alice")
    in_menus = {
        action for menu in window.menuBar().findChildren(QMenu) for action in menu.actions()
    }
    for command in window.commands.commands():
        assert window.commands.action(command.id) in in_menus, command.id  # F10 / Alt reach it

    window.close()
    # a reply the server refuses (alice took the conversation meanwhile) comes back failed
    _anna, window, _conv = await refused_reply(qtbot, backend, tmp_path, clients)
    window.refresh(None)
    messages = window.conversation.messages
    model = window.conversation.model
    row = next(n for n, m in enumerate(model.messages) if m.get("delivery") == "failed")
    message_id = model.messages[row]["id"]
    messages.setCurrentIndex(model.index(row, 0))
    messages.setFocus()
    qtbot.keyClick(messages, Qt.Key.Key_Return)
    assert window.store.row("SELECT delivery FROM messages WHERE id = ?", (message_id,)) == {
        "delivery": "queued"
    }, "Enter on a failed message sends it again"
    window.close()
