"""Keyboard, offscreen: the command registry's shortcuts, the Ctrl+K palette over a real temp
cache, the F1 shortcuts dialog, and the no-mnemonics rule."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from agent_desk.store.store import Store
from agent_desk.ui.commands import Command, CommandRegistry, assert_no_mnemonics
from agent_desk.ui.help_dialog import ShortcutsDialog
from agent_desk.ui.palette import SEARCH_DELAY_MS, CommandPalette, KindRole

NATIVE = QKeySequence.SequenceFormat.NativeText
BOB = "<b>Bob</b>"
RLO = "\u202eevil.exe"


def _native(keys: str) -> str:
    return QKeySequence.fromString(keys, QKeySequence.SequenceFormat.PortableText).toString(NATIVE)


@pytest.fixture
def window(qtbot) -> QMainWindow:
    w = QMainWindow()
    qtbot.addWidget(w)
    w.setCentralWidget(QLineEdit(w))
    w.resize(760, 560)  # inside the offscreen screen (800x600)
    return w


def _show(qtbot, w: QWidget) -> None:
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


@pytest.fixture
def registry(window: QMainWindow) -> CommandRegistry:
    return CommandRegistry(window)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "cache.db")
    with s.transaction() as tx:
        for cid, name in (
            ("cu_anna", "Anna Li"),
            ("cu_bob", BOB),
            ("cu_rlo", RLO),
            ("cu_quiet", "Quiet Quentin"),
        ):
            tx.write("customer", {"id": cid, "name": name, "identities": []})
        for conv, customer, subject, last in (
            ("cv_anna_old", "cu_anna", "Where is my parcel", "2024-03-01T10:00:00Z"),
            ("cv_anna_new", "cu_anna", "Refund status", "2024-05-01T10:00:00Z"),
            ("cv_bob", "cu_bob", "Hello\nthere", "2024-04-01T10:00:00Z"),
            ("cv_rlo", "cu_rlo", "Invoice", "2024-04-02T10:00:00Z"),
        ):
            tx.write(
                "conversation",
                {
                    "id": conv,
                    "customer_id": customer,
                    "channel": "chat",
                    "subject": subject,
                    "status": "open",
                    "priority": "normal",
                    "created_at": "2024-01-01T00:00:00Z",
                    "last_message_at": last,
                },
            )
        for oid, order_no, customer in (("o1", "A1001", "cu_anna"), ("o2", "Q-77", "cu_quiet")):
            tx.write(
                "order",
                {
                    "id": oid,
                    "order_no": order_no,
                    "customer_id": customer,
                    "status": "paid",
                    "currency": "CNY",
                    "total_minor": 1000,
                    "placed_at": "2024-02-10T08:00:00Z",
                },
            )
    yield s
    s.close()


# --- the registry ---------------------------------------------------------------------------


def test_shortcut_runs_the_command(qtbot, window, registry) -> None:
    ran: list[str] = []
    action = registry.add(
        Command("conv.claim", "Claim", "Conversation", lambda: ran.append("claim"), "Ctrl+Shift+C")
    )
    registry.add(Command("help", "Shortcuts", "Help", lambda: ran.append("help"), "F1"))
    _show(qtbot, window)
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+C"))
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_F1)  # also from a focused text box
    assert ran == ["claim", "help"]
    assert action.shortcutContext() is Qt.ShortcutContext.WindowShortcut
    assert registry.action("conv.claim") is action
    assert [c.id for c in registry.commands()] == ["conv.claim", "help"]


def test_a_disabled_command_does_not_run(qtbot, window, registry) -> None:
    ran: list[str] = []
    allowed = False
    registry.add(
        Command(
            "conv.claim",
            "Claim",
            "Conversation",
            lambda: ran.append("claim"),
            "Ctrl+Shift+C",
            enabled=lambda: allowed,
        )
    )
    _show(qtbot, window)
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+C"))
    assert ran == []
    assert registry.run("conv.claim") is False
    allowed = True
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+C"))
    assert registry.run("conv.claim") is True
    assert ran == ["claim", "claim"]


def test_duplicates_and_alt_letters_are_refused(registry) -> None:
    def noop() -> None:
        pass

    registry.add(Command("a", "A", "G", noop, "Ctrl+Shift+C"))
    registry.add(Command("k", "K", "G", noop, "Ctrl+K, Ctrl+D"))
    with pytest.raises(ValueError, match="duplicate command id"):
        registry.add(Command("a", "Other", "G", noop, "Ctrl+J"))
    for keys in ("Ctrl+Shift+C", "Shift+Ctrl+C", "Ctrl+K", "Ctrl+K, Ctrl+D, Ctrl+E"):
        with pytest.raises(ValueError, match="clashes"):
            registry.add(Command(f"dup {keys}", "B", "G", noop, keys))
    for keys in ("Alt+C", "Alt+1", "Alt+Shift+C", "Ctrl+Alt+S", "Alt+Ä"):
        with pytest.raises(ValueError, match="Alt"):
            registry.add(Command(f"alt {keys}", "B", "G", noop, keys))
    with pytest.raises(ValueError, match="not a key sequence"):
        registry.add(Command("bad", "B", "G", noop, "Ctrl+Nope"))
    # none of the refused ones left anything behind
    assert [c.id for c in registry.commands()] == ["a", "k"]
    registry.add(Command("back", "Back", "G", noop, "Alt+Left"))  # not a character
    registry.add(Command("plain", "No keys", "G", noop))
    registry.add(Command("plain2", "No keys either", "G", noop))
    assert registry.shortcut_text(registry.command("a")) == _native("Ctrl+Shift+C")
    assert registry.shortcut_text(registry.command("plain")) == ""


def test_assert_no_mnemonics(window, registry) -> None:
    registry.add(Command("fish", "Fish & Chips", "G", lambda: None))
    assert registry.action("fish").text() == "Fish && Chips"
    panel = QWidget(window)
    layout = QVBoxLayout(panel)
    layout.addWidget(QPushButton("Fish && Chips", panel))
    tabs = QTabBar(panel)
    tabs.addTab("Salt && Vinegar")
    layout.addWidget(tabs)
    name = QLineEdit(panel)
    label = QLabel("Name", panel)
    label.setBuddy(name)
    layout.addWidget(QLabel("Tom & Jerry (no buddy: shown as written)", panel))
    assert_no_mnemonics(window)

    save = QPushButton("&Save", panel)
    with pytest.raises(AssertionError, match="&Save"):
        assert_no_mnemonics(window)
    save.setText("Save")
    for offend, undo in (
        (lambda: tabs.addTab("&Tab"), lambda: tabs.removeTab(1)),
        (lambda: label.setText("&Name"), lambda: label.setText("Name")),
        (lambda: QMenu("&File", panel), None),
    ):
        thing = offend()
        with pytest.raises(AssertionError, match="mnemonics found"):
            assert_no_mnemonics(window)
        if undo is not None:
            undo()
        else:
            thing.setTitle("File")
    menu = QMenu("File", panel)
    menu.addAction("&Open")
    with pytest.raises(AssertionError, match="&Open"):
        assert_no_mnemonics(window)
    menu.actions()[0].setText("Open && close")
    assert_no_mnemonics(window)


# --- the palette ----------------------------------------------------------------------------


def _palette(qtbot, window, registry, store) -> CommandPalette:
    palette = CommandPalette(registry, store, window)
    _show(qtbot, window)
    palette.open_palette()
    qtbot.waitExposed(palette)
    qtbot.waitUntil(palette.isActiveWindow)
    return palette


def _texts(palette: CommandPalette) -> list[str]:
    model = palette.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def _wait_for_hits(qtbot, palette: CommandPalette) -> None:
    def hits_shown() -> None:
        model = palette.model
        assert any(
            model.data(model.index(r, 0), KindRole) != "command" for r in range(model.rowCount())
        )

    qtbot.waitUntil(hits_shown, timeout=2000)


def _commands(registry, ran: list[str]) -> None:
    for cid, title, keys, keywords in (
        ("conv.claim", "Claim conversation", "Ctrl+Shift+C", ()),
        ("conv.next", "Next waiting customer", "Ctrl+Shift+N", ("queue",)),
        ("search.focus", "Search the queue", "Ctrl+F", ("find",)),
    ):
        registry.add(
            Command(
                cid, title, "Conversation", lambda c=cid: ran.append(c), keys, keywords=keywords
            )
        )
    registry.add(
        Command(
            "never",
            "Claim nothing",
            "Conversation",
            lambda: ran.append("never"),
            enabled=lambda: False,
        )
    )


def test_command_fragment_and_enter_runs_it(qtbot, window, registry, store) -> None:
    ran: list[str] = []
    _commands(registry, ran)
    palette = _palette(qtbot, window, registry, store)
    assert palette.input.hasFocus()
    # empty: every enabled command, in order, with its keys; the disabled one is not offered
    assert _texts(palette) == [
        f"Claim conversation    {_native('Ctrl+Shift+C')}",
        f"Next waiting customer    {_native('Ctrl+Shift+N')}",
        f"Search the queue    {_native('Ctrl+F')}",
    ]
    qtbot.keyClicks(palette.input, "wait")
    assert _texts(palette)[0].startswith("Next waiting customer")  # at once, no search pause
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert ran == ["conv.next"]
    assert not palette.isVisible()

    palette.open_palette()
    assert palette.input.text() == ""
    qtbot.keyClicks(palette.input, "clcv")  # letters in order: Cl(aim) c(on)v(ersation)
    assert _texts(palette)[0].startswith("Claim conversation")
    qtbot.keyClick(palette.input, Qt.Key.Key_Enter)
    palette.open_palette()
    qtbot.keyClicks(palette.input, "find")  # a keyword
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert ran == ["conv.next", "conv.claim", "search.focus"]


def test_up_down_escape_and_click(qtbot, window, registry, store) -> None:
    ran: list[str] = []
    _commands(registry, ran)
    palette = _palette(qtbot, window, registry, store)
    assert palette.list.currentIndex().row() == 0
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)  # stays on the last row
    assert palette.list.currentIndex().row() == 2
    qtbot.keyClick(palette.input, Qt.Key.Key_Up)
    assert palette.list.currentIndex().row() == 1
    qtbot.keyClick(palette.input, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert ran == []

    palette.open_palette()
    qtbot.waitExposed(palette)
    index = palette.model.index(2, 0)
    rect = palette.list.visualRect(index)
    qtbot.mouseClick(palette.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ran == ["search.focus"]
    assert not palette.isVisible()


def test_order_number_opens_the_customers_latest_conversation(
    qtbot, window, registry, store
) -> None:
    palette = _palette(qtbot, window, registry, store)
    with qtbot.waitSignal(palette.conversation_requested, timeout=1000) as opened:
        qtbot.keyClicks(palette.input, "A1001")
        # Enter right away: the search waiting for its pause runs first
        qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert opened.args == ["cv_anna_new"]
    assert not palette.isVisible()


def test_store_is_asked_once_per_pause_in_typing(qtbot, window, registry, store) -> None:
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        palette = _palette(qtbot, window, registry, store)
        qtbot.keyClicks(palette.input, "Anna Li")
        assert palette._searching.pending
        assert not [s for s in statements if "FROM orders" in s]
        _wait_for_hits(qtbot, palette)
        assert len([s for s in statements if "FROM orders" in s]) == 1
        assert palette._searching.pause_ms == SEARCH_DELAY_MS
        # one Latin letter: commands only, the cache is not asked
        palette.open_palette()
        statements.clear()
        qtbot.keyClicks(palette.input, "a")
        assert not palette._searching.pending
        QTest.qWait(SEARCH_DELAY_MS * 2)
        assert statements == []
    finally:
        store.conn.set_trace_callback(None)


def test_hostile_names_are_shown_literally(qtbot, window, registry, store) -> None:
    palette = _palette(qtbot, window, registry, store)
    qtbot.keyClicks(palette.input, "Bob")
    _wait_for_hits(qtbot, palette)
    model = palette.model
    rows = {model.data(model.index(r, 0), KindRole): r for r in range(model.rowCount())}
    customer = model.index(rows["customer"], 0)
    assert BOB in model.data(customer)
    assert model.data(customer).startswith("Customer: ")
    tooltip = model.data(customer, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bob&lt;/b&gt;" in tooltip
    assert "<b>" not in tooltip
    conversation = model.data(model.index(rows["conversation"], 0))
    assert "Hello there" in conversation  # one line per row
    assert "\n" not in conversation

    palette.input.clear()
    qtbot.keyClicks(palette.input, "evil")
    _wait_for_hits(qtbot, palette)
    texts = _texts(palette)
    shown = [t for t in texts if RLO in t]
    assert shown
    # the override is closed inside its own isolate, so it cannot reorder what follows
    assert all(f"\u2068{RLO}\u2069" in t for t in shown)


def test_a_hit_without_a_conversation_cannot_be_chosen(qtbot, window, registry, store) -> None:
    palette = _palette(qtbot, window, registry, store)
    qtbot.keyClicks(palette.input, "Quiet")
    _wait_for_hits(qtbot, palette)
    model = palette.model
    assert model.rowCount() == 1
    assert "Quiet Quentin" in model.data(model.index(0, 0))
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    with qtbot.assertNotEmitted(palette.conversation_requested):
        qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert palette.isVisible()


def test_palette_sits_over_the_top_of_the_window(qtbot, window, registry, store) -> None:
    palette = _palette(qtbot, window, registry, store)
    host = window.geometry()
    box = palette.geometry()
    assert abs(box.center().x() - host.center().x()) <= 2
    assert host.top() <= box.top() < host.top() + host.height() // 3
    assert box.width() < host.width()
    assert_no_mnemonics(palette)


# --- F1 -------------------------------------------------------------------------------------


def test_shortcuts_dialog_lists_every_shortcut(qtbot, window, registry) -> None:
    ran: list[str] = []
    _commands(registry, ran)
    registry.add(Command("help.keys", "Keyboard shortcuts", "Help", lambda: None, "F1"))
    registry.add(Command("palette", "Command palette", "General", lambda: None, "Ctrl+K"))
    dialog = ShortcutsDialog(
        registry,
        extra=[
            ("Conversation", "Send the reply", "Ctrl+Return"),
            ("Reply", "New line in the reply", "Shift+Return"),
        ],
        parent=window,
    )
    qtbot.addWidget(dialog)
    assert dialog.rows() == [
        ("Conversation", "Claim conversation", _native("Ctrl+Shift+C")),
        ("Conversation", "Next waiting customer", _native("Ctrl+Shift+N")),
        ("Conversation", "Search the queue", _native("Ctrl+F")),
        ("Conversation", "Send the reply", _native("Ctrl+Return")),
        ("Help", "Keyboard shortcuts", _native("F1")),
        ("General", "Command palette", _native("Ctrl+K")),
        ("Reply", "New line in the reply", _native("Shift+Return")),
    ]
    listed = {(title, keys) for _group, title, keys in dialog.rows()}
    assert {
        (c.title, registry.shortcut_text(c)) for c in registry.commands() if c.shortcut
    } <= listed
    assert "Claim nothing" not in {title for _group, title, _keys in dialog.rows()}  # no keys
    dialog.show()
    qtbot.waitExposed(dialog)
    # sized to fit: nothing scrolls, nothing is cut
    assert dialog.tree.verticalScrollBar().maximum() == 0
    assert dialog.tree.horizontalScrollBar().maximum() == 0
    assert_no_mnemonics(dialog)
