from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.sync.conftest import backend, clients  # noqa: F401 - shared fixtures


@pytest.fixture(autouse=True)
def no_window_outlives_its_test(qapp):  # type: ignore[no-untyped-def]
    """A window a test opened (through the app's own session code, say) is closed after it, so
    the next test starts with no active window."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
