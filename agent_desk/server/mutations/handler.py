"""The shape of a mutation handler, shared by the rooms that write them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agent_desk.server.auth.accounts import Viewer
from agent_desk.server.storage.db import WriteTx

Result = dict[str, Any]
Handler = Callable[[WriteTx, Viewer, Any], Result]
"""``(transaction, viewer, validated arguments) -> result``; a DomainError is a refusal."""
