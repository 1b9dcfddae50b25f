"""PySide6 6.12.0 drops a reference to True on every disconnect and aborts after ~50 (STACK.md).

qasync and pytest-qt disconnect all the time, so a version with that bug must fail here, loudly.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QObject, Signal

class Emitter(QObject):
    fired = Signal()

e = Emitter()
def slot():
    pass
for _ in range(5000):
    e.fired.connect(slot)
    e.fired.disconnect(slot)
print("ok")
"""


def test_connect_disconnect_thousands_of_times_does_not_abort() -> None:
    # In a subprocess: the bug kills the interpreter, which must not take pytest with it.
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
