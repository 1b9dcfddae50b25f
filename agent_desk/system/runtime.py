"""Process-wide runtime settings shared by the window and the headless command."""

from __future__ import annotations

import gc


def settle_after_startup() -> None:
    """Move everything alive after start-up out of the garbage collector's sight.

    Full collections scan every tracked object; with the libraries loaded that took 50–65 ms and
    stalled the event loop during a large sync (bench/sync_bench.py). Frozen objects are never
    scanned, so the pauses shrink to what the sync itself allocates.
    """
    gc.collect()
    gc.freeze()
