"""What text the databases can store: PostgreSQL refuses NUL in text, and neither SQLite nor
PostgreSQL can store a lone UTF-16 surrogate (``"\\ud800"`` in JSON decodes to one). Refused at
the door with a clear reason, so nothing fails later half-way through a transaction."""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored, or None."""
    if "\x00" in text:
        return "text must not contain NUL characters"
    if _SURROGATE.search(text):
        return "text must be valid Unicode (a lone surrogate such as \\ud800 is not)"
    return None


def unstorable(value: Any) -> str | None:
    """The first reason any string in a JSON-like value (keys included) cannot be stored."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            problem = text_problem(item)
            if problem is not None:
                return problem
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return None
