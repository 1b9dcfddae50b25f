"""`agent-desk`: the desktop client. The window arrives with issue 4; until then this says so."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    print(
        "agent-desk: the desktop window is not built yet. "
        "Run `agent-desk-server --demo` for the demo server.",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
