from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.sync.conftest import backend, clients  # noqa: F401 - shared fixtures
