"""`agent-desk`: the desktop client; `agent-desk sync` runs the client core headless.

The window arrives with issue 4; until then the bare command says so.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "sync":
        from agent_desk.headless import main as sync_main

        return sync_main(args[1:])
    print(
        "agent-desk: the desktop window is not built yet. Use `agent-desk sync --server URL "
        "--user NAME --password-stdin` (the client core), or `agent-desk-server --demo`.",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
