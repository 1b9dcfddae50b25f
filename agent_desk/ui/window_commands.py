"""The window's commands: every frequent action on a key, in the palette and in the menus.

One table for the whole window (its titles translated here); ``ui.commands`` holds the registry
that shortcuts, the Ctrl+K palette, the menus and the F1 list all read.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from agent_desk.core.enums import Presence
from agent_desk.ui import labels
from agent_desk.ui.commands import Command, CommandRegistry

if TYPE_CHECKING:
    from agent_desk.ui.main_window import MainWindow


class WindowCommands(QObject):
    """Builds the window's commands and menus (the window calls it once, when it is built)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def add_to(self, registry: CommandRegistry) -> None:
        """Every command of the window, into ``registry``."""
        w = self.window
        case = w.case
        conv = self.tr("Conversation")
        queue = self.tr("Queue")
        app = self.tr("Agent Desk")
        has = case.has_conversation
        names = w.queue_panel.view_names()
        entries: list[Command] = [
            Command(
                "conversation.claim",
                self.tr("Claim the conversation"),
                conv,
                case.claim,
                "Ctrl+Shift+C",
                case.may_act,
                ("take", "assign"),
            ),
            Command(
                "conversation.resolve",
                self.tr("Resolve the conversation"),
                conv,
                case.resolve,
                "Ctrl+Shift+R",
                case.may_act,
                ("close", "done"),
            ),
            Command(
                "conversation.snooze",
                self.tr("Snooze for 1 hour"),
                conv,
                case.snooze_hour,
                "Ctrl+Shift+S",
                case.may_act,
                ("later", "wait"),
            ),
            Command(
                "conversation.reopen",
                self.tr("Reopen the conversation"),
                conv,
                case.reopen,
                "Ctrl+Shift+O",
                case.may_act,
            ),
            Command(
                "composer.focus",
                self.tr("Write a reply"),
                conv,
                w.focus_composer,
                "Ctrl+R",
                has,
                ("answer", "type"),
            ),
            Command(
                "composer.note",
                self.tr("Switch between reply and internal note"),
                conv,
                w.toggle_note,
                "Ctrl+Shift+I",
                has,
                ("note", "internal"),
            ),
            Command(
                "message.original",
                self.tr("Show the original mail"),
                conv,
                w.mail.show_original_of_selected,
                "Ctrl+U",
                w.mail.can_show_original,
                ("email", "headers", "source"),
            ),
            Command(
                "message.retry",
                self.tr("Retry every failed message"),
                conv,
                case.retry_all,
                None,
                has,
            ),
            Command(
                "queue.next",
                self.tr("Take the next waiting conversation"),
                queue,
                case.next_waiting,
                "Ctrl+Shift+N",
                keywords=("next", "claim"),
            ),
            Command(
                "queue.down",
                self.tr("Next conversation in the list"),
                queue,
                lambda: w.queue_panel.step(1),
                "Ctrl+PgDown",
            ),
            Command(
                "queue.up",
                self.tr("Previous conversation in the list"),
                queue,
                lambda: w.queue_panel.step(-1),
                "Ctrl+PgUp",
            ),
            Command(
                "queue.search",
                self.tr("Search the queue"),
                queue,
                w.focus_search,
                "Ctrl+F",
                keywords=("find",),
            ),
            Command(
                "queue.clear_filters",
                self.tr("Clear the queue filters"),
                queue,
                w.queue_panel.clear_filters,
            ),
            Command(
                "knowledge.search",
                self.tr("Search answers"),
                self.tr("Knowledge"),
                w.focus_knowledge,
                "Ctrl+Shift+K",
                keywords=("knowledge", "article", "faq"),
            ),
            Command(
                "knowledge.insert",
                self.tr("Insert the selected answer into the reply"),
                self.tr("Knowledge"),
                w.knowledge_panel.insert.click,
                "Ctrl+Shift+Return",
                has,
                ("answer", "template"),
            ),
        ]
        for n, view in enumerate(w.views, start=1):
            entries.append(
                Command(
                    f"queue.view.{view.value}",
                    self.tr("Show {0}").format(names[view]),
                    queue,
                    functools.partial(w.queue_panel.select_view, view),
                    f"Ctrl+{n}",
                )
            )
        entries += [
            Command(
                "app.palette",
                self.tr("Command palette"),
                app,
                w.open_palette,
                "Ctrl+K",
                keywords=("jump", "go to", "find"),
            ),
            Command("app.help", self.tr("Keyboard shortcuts"), app, w.show_help, "F1"),
            Command(
                "app.sync",
                self.tr("Sync now"),
                app,
                w.sync_requested.emit,
                "F5",
                keywords=("refresh",),
            ),
            Command(
                "app.settings",
                self.tr("Settings"),
                app,
                w.settings_requested.emit,
                "Ctrl+,",
                keywords=("preferences", "language", "notifications"),
            ),
            Command(
                "app.sign_out",
                self.tr("Sign out"),
                app,
                w.sign_out_requested.emit,
                keywords=("log out", "logout"),
            ),
            Command(
                "app.quit",
                self.tr("Quit Agent Desk"),
                app,
                w.quit,
                "Ctrl+Q",
                keywords=("exit",),
            ),
        ]
        for presence in Presence:
            entries.append(
                Command(
                    f"presence.{presence.value}",
                    self.tr("Set me {0}").format(labels.presence(presence)),
                    app,
                    functools.partial(w.presence.set_presence, presence),
                    keywords=("status",),
                )
            )
        for command in entries:
            registry.add(command)

    def build_menus(self, registry: CommandRegistry) -> None:
        """The menu bar, from the registry (so menus, shortcuts and the palette agree)."""
        bar = self.window.menuBar()
        for title, prefixes in (
            (self.tr("Agent Desk"), ("app.", "presence.")),
            (self.tr("Conversation"), ("conversation.", "composer.", "message.")),
            (self.tr("Queue"), ("queue.",)),
            (self.tr("Knowledge"), ("knowledge.",)),
        ):
            menu = bar.addMenu(title)
            for command in registry.commands():
                if command.id.startswith(prefixes) and command.id != "app.help":
                    menu.addAction(registry.action(command.id))
        help_menu = bar.addMenu(self.tr("Help"))
        help_menu.addAction(registry.action("app.help"))
