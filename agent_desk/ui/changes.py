"""Change-sets reach the views that show them: one "something changed" hub for the window.

Every write, local (an intent) or from the server (a sync page), ends in a :class:`ChangeSet`.
The hub hands it to each subscriber whose entities it names; a subscriber re-reads only what it
shows. Nobody keeps a list of which panel shows what: each panel subscribes for itself
(Anki's ``operation_did_execute``, with the filtering done once, here).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QObject

from agent_desk.store.store import ChangeSet
from agent_desk.ui.latest import Debounce

log = logging.getLogger(__name__)

Listener = Callable[[ChangeSet | None], None]
GATHER_MS = 50  # a first sync brings hundreds of pages; the window redraws once per pause


@dataclass(frozen=True)
class Subscription:
    listener: Listener
    entities: frozenset[str]
    outbox: bool
    rejections: bool
    sync_state: bool
    name: str

    def wants(self, changes: ChangeSet | None) -> bool:
        if changes is None:
            return True
        if (
            (self.outbox and changes.outbox)
            or (self.rejections and changes.rejections)
            or (self.sync_state and changes.sync_state)
        ):
            return True
        return any(changes.ids.get(entity) for entity in self.entities)


class ChangeHub(QObject):
    """Hands change-sets to the views that show the changed entities.

    ``None`` instead of a change-set means "anything may have changed" (the first paint, a
    reset): every subscriber hears it. Subscribers are called in the order they subscribed.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._subscriptions: list[Subscription] = []
        self._held = 0
        self._waiting = ChangeSet()
        self._anything = False
        self._gathered = ChangeSet()
        self._gather = Debounce("sync changes", GATHER_MS, self._publish_gathered, self)
        self.published = 0  # how many change-sets went out (for tests and the bench)

    def subscribe(
        self,
        listener: Listener,
        entities: set[str] | frozenset[str] | tuple[str, ...] = (),
        *,
        outbox: bool = False,
        rejections: bool = False,
        sync_state: bool = False,
        name: str = "",
    ) -> None:
        """Call ``listener(changes)`` when ``changes`` name one of ``entities`` (or, with the
        flags, when the outbox, the server's refusals or the sync state changed)."""
        self._subscriptions.append(
            Subscription(
                listener,
                frozenset(entities),
                outbox,
                rejections,
                sync_state,
                name or repr(listener),
            )
        )

    def publish(self, changes: ChangeSet | None) -> None:
        """Tell the subscribers now (or, while held, when the hold ends)."""
        if self._held:
            if changes is None:
                self._anything = True
            else:
                self._waiting.merge(changes)
            return
        if changes is not None and not changes:
            return
        self.published += 1
        for subscription in list(self._subscriptions):
            if subscription.wants(changes):
                subscription.listener(changes)

    def publish_soon(self, changes: ChangeSet) -> None:
        """Changes from sync: gathered for a short pause, then published once."""
        self._gathered.merge(changes)
        if not self._gather.pending:
            self._gather.soon()

    def _publish_gathered(self) -> None:
        changes, self._gathered = self._gathered, ChangeSet()
        self.publish(changes)

    @property
    def gathering(self) -> bool:
        return self._gather.pending or bool(self._gathered)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Everything published inside goes out once, at the end (one intent, one refresh)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held:
                waiting, anything = self._waiting, self._anything
                self._waiting, self._anything = ChangeSet(), False
                self.publish(None if anything else waiting)

    def stop(self) -> None:
        """No more publishing (the store is about to close)."""
        self._gather.cancel()
        self._gathered = ChangeSet()
        self._subscriptions.clear()
