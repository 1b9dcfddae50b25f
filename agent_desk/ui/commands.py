"""Every keyboard command of the window in one registry: shortcuts, the palette and F1 read it.

The window builds one :class:`CommandRegistry`, adds its commands (titles already translated),
and everything that lists or runs commands (the Ctrl+K palette, the shortcuts dialog, menus)
asks the registry instead of keeping its own copy.

Shortcuts are written in Qt's portable form (``"Ctrl+Shift+C"``; ``Ctrl`` is Command on macOS)
and shown to the agent in the platform's native form. Alt+letter and Alt+digit are refused:
with Alt (Option on macOS, and AltGr = Ctrl+Alt on Windows) those keys type characters in many
keyboard layouts and input methods, and Alt+letter is how menu mnemonics are reached.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabBar, QToolBox, QWidget

log = logging.getLogger(__name__)

_PORTABLE = QKeySequence.SequenceFormat.PortableText
_NATIVE = QKeySequence.SequenceFormat.NativeText


def _always() -> bool:
    return True


@dataclass
class Command:
    """One thing the agent can do from the keyboard.

    Attributes:
        id: stable name, e.g. ``"conversation.claim"``; unique in a registry.
        title: what it does, already translated (shown in the palette and the shortcuts list).
        group: heading it is listed under, already translated.
        run: does it; called only while ``enabled()`` is true.
        shortcut: keys in Qt's portable text (``"Ctrl+K"``), or None.
        enabled: whether it can run now (checked on every trigger, and by the palette).
        keywords: other words the palette should find it by (translated, too).
    """

    id: str
    title: str
    group: str
    run: Callable[[], None]
    shortcut: str | None = None
    enabled: Callable[[], bool] = _always
    keywords: tuple[str, ...] = ()


def combinations(sequence: QKeySequence) -> list[QKeyCombination]:
    """The chords of a sequence (``Ctrl+K, Ctrl+C`` has two)."""
    # PySide6 indexes QKeySequence like C++ does; its type stubs do not say so
    return [sequence[i] for i in range(sequence.count())]  # type: ignore[index]


def _chords(sequence: QKeySequence) -> list[int]:
    return [c.toCombined() for c in combinations(sequence)]


def _types_a_character(combination: QKeyCombination) -> bool:
    """Alt (with any other modifiers) plus a letter or digit."""
    if not combination.keyboardModifiers() & Qt.KeyboardModifier.AltModifier:
        return False
    key = combination.key().value
    return key < 0x110000 and chr(key).isalnum()  # printable keys are their code point


def parse_shortcut(text: str) -> QKeySequence:
    """Keys in portable text as a sequence; ValueError if Qt does not know every key."""
    sequence = QKeySequence.fromString(text, _PORTABLE)
    if sequence.isEmpty() or any(c.key() == Qt.Key.Key_unknown for c in combinations(sequence)):
        raise ValueError(f"not a key sequence: {text!r}")
    return sequence


class CommandRegistry(QObject):
    """The window's commands, each with a QAction that carries its shortcut."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._commands: dict[str, Command] = {}
        self._actions: dict[str, QAction] = {}
        self._keys: dict[str, list[int]] = {}

    def add(self, command: Command) -> QAction:
        """Register a command; returns its action (already added to the window).

        Raises:
            ValueError: the id is taken; the keys are not a key sequence, are Alt+letter or
                Alt+digit, or equal (or start, or are started by) another command's keys.
        """
        if command.id in self._commands:
            raise ValueError(f"duplicate command id: {command.id!r}")
        sequence = QKeySequence()
        if command.shortcut:
            sequence = parse_shortcut(command.shortcut)
            for combination in combinations(sequence):
                if _types_a_character(combination):
                    raise ValueError(
                        f"{command.shortcut!r} for {command.id!r}: Alt+letter and Alt+digit "
                        "type characters in many layouts and open menus; choose other keys"
                    )
            chords = _chords(sequence)
            for other_id, other in self._keys.items():
                shorter = min(len(chords), len(other))
                if chords[:shorter] == other[:shorter]:
                    raise ValueError(
                        f"{command.shortcut!r} for {command.id!r} clashes with "
                        f"{self._commands[other_id].shortcut!r} of {other_id!r}"
                    )
            self._keys[command.id] = chords
        # a title's "&" is a literal ampersand, not a mnemonic
        action = QAction(command.title.replace("&", "&&"), self._window)
        action.setObjectName(command.id)
        if not sequence.isEmpty():
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        command_id = command.id
        action.triggered.connect(lambda _checked=False: self.run(command_id))
        self._window.addAction(action)
        self._commands[command.id] = command
        self._actions[command.id] = action
        return action

    def commands(self) -> list[Command]:
        """Every command, in the order they were added."""
        return list(self._commands.values())

    def command(self, command_id: str) -> Command:
        return self._commands[command_id]

    def action(self, command_id: str) -> QAction:
        return self._actions[command_id]

    def run(self, command_id: str) -> bool:
        """Run a command if it is enabled now; returns whether it ran (KeyError if unknown)."""
        command = self._commands[command_id]
        if not command.enabled():
            log.debug("command %s is disabled now", command_id)
            return False
        command.run()
        return True

    def shortcut_text(self, command: Command) -> str:
        """The command's keys as this platform writes them (``⌘K`` on macOS), or ``""``."""
        if not command.shortcut:
            return ""
        return parse_shortcut(command.shortcut).toString(_NATIVE)


def has_mnemonic(text: str) -> bool:
    """Whether Qt would read a mnemonic in ``text`` (``&Save``); ``&&`` is a literal ``&``."""
    return "&" in text.replace("&&", "")


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def name(thing: QObject) -> str:
        return f"{type(thing).__name__}({thing.objectName()!r})"

    widgets = [widget, *widget.findChildren(QWidget)]
    actions: dict[int, QAction] = {id(a): a for a in widget.findChildren(QAction)}
    for w in widgets:
        for a in w.actions():
            actions.setdefault(id(a), a)
        if isinstance(w, QAbstractButton):
            found.append((name(w), w.text()))
        elif isinstance(w, (QMenu, QGroupBox)):
            found.append((name(w), w.title()))
        elif isinstance(w, QLabel) and w.buddy() is not None:
            found.append((name(w), w.text()))
        elif isinstance(w, QTabBar):
            found += [(f"{name(w)} tab {i}", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QToolBox):
            found += [(f"{name(w)} item {i}", w.itemText(i)) for i in range(w.count())]
    found += [(name(a), a.text()) for a in actions.values()]
    return found


def assert_no_mnemonics(widget: QWidget) -> None:
    """Fail if any button, action, menu, tab, group box or buddy label under ``widget`` has a
    mnemonic (a single ``&``); the app reaches things by shortcuts, never by Alt+letter.

    Raises:
        AssertionError: listing every offending text.
    """
    offenders = [f"{where}: {text!r}" for where, text in _texts(widget) if has_mnemonic(text)]
    if offenders:
        raise AssertionError("mnemonics found:\n" + "\n".join(offenders))
