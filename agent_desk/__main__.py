"""`agent-desk`: the desktop client; `agent-desk sync` runs the client core headless;
`agent-desk knowledge` imports articles into a knowledge index and asks it for suggestions."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "sync":
        from agent_desk.headless import main as sync_main

        return sync_main(args[1:])
    if args and args[0] == "knowledge":
        from agent_desk.knowledge_cli import main as knowledge_main

        return knowledge_main(args[1:])
    from agent_desk.app import main as window_main

    return window_main(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
