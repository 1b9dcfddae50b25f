"""Newest wins: one helper for every "wait for a pause, then do it once" in the window.

Typing in a search field, a burst of incoming messages, a first sync bringing hundreds of pages:
each would otherwise re-run a query per event. A :class:`Debounce` gathers the calls of one named
task and runs it once, a pause after the last call, with the newest arguments.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class Debounce(QObject):
    """One named task where the newest request wins.

    ``soon(*args)`` (re)starts the pause and remembers ``args``; when the pause ends, ``run`` is
    called once with the newest ``args``. ``now(*args)`` runs at once (and drops what was
    pending); ``cancel()`` drops it. The timer belongs to ``parent``, so it stops with it; the
    owner calls ``cancel()`` before the data it reads goes away (the store closing).

    Args:
        name: what the task is, for the log ("suggestions", "queue search").
        pause_ms: how long after the newest call it runs.
        run: the task.
        parent: the widget or object that owns the task.
    """

    def __init__(self, name: str, pause_ms: int, run: Callable[..., None], parent: QObject) -> None:
        super().__init__(parent)
        self.name = name
        self._run = run
        self._args: tuple[Any, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self._fire)

    @property
    def pause_ms(self) -> int:
        return self._timer.interval()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def soon(self, *args: Any) -> None:
        self._args = args
        self._timer.start()

    def now(self, *args: Any) -> None:
        self._timer.stop()
        self._args = ()
        self._run(*args)

    def flush(self) -> None:
        """Run what is pending at once (nothing if nothing is)."""
        if self._timer.isActive():
            self._fire()

    def cancel(self) -> None:
        self._timer.stop()
        self._args = ()

    def _fire(self) -> None:
        self._timer.stop()
        args, self._args = self._args, ()
        log.debug("running %s", self.name)
        self._run(*args)
