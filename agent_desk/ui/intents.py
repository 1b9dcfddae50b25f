"""One path from an intent to the screen.

A panel never calls a service and catches its errors itself: it asks the :class:`IntentRunner`
to run the call. The runner holds the change hub while the call (and the panel's own reaction,
``done``) runs, so the views refresh once, after both; a refusal becomes translated text on the
message bridge and the call returns None.

    runner.run(self.tr("Claim"), lambda: desk.claim(conv_id))
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

from agent_desk.core.errors import DomainError
from agent_desk.ui.bridge import MessageBridge
from agent_desk.ui.changes import ChangeHub
from agent_desk.ui.refusals import refusal_text, shape_text

log = logging.getLogger(__name__)

T = TypeVar("T")


class IntentRunner:
    """Runs what the agent asked for: the service call, then the outcome on the bridge."""

    def __init__(self, bridge: MessageBridge, hub: ChangeHub) -> None:
        self.bridge = bridge
        self.hub = hub

    def run(
        self,
        title: str,
        call: Callable[[], T],
        *,
        done: Callable[[T], None] | None = None,
        quiet: bool = False,
    ) -> T | None:
        """Run ``call``; on success run ``done(result)`` and return the result (a service's
        change-set, or what it returns with it); on a refusal tell the agent why (unless
        ``quiet``: a background intent such as "mark read") and return None.

        Args:
            title: what the agent asked for, translated (the refusal dialog's title).
            call: the service call.
            done: the panel's reaction to success (clear the composer, go back a page); it
                runs before the views refresh, so they see the panel's new state.
            quiet: log a refusal instead of telling the agent.
        """
        with self.hub.held():
            try:
                result = call()
            except DomainError as exc:
                log.info("%s refused: %s", title, exc.code)
                if not quiet:
                    self.bridge.warning(refusal_text(exc.code, exc.message), title)
                return None
            except ValidationError as exc:  # the protocol's limits, checked before queueing
                log.info("%s outside the protocol's limits", title)
                if not quiet:
                    self.bridge.warning(shape_text(str(exc.errors()[0]["msg"])), title)
                return None
            if done is not None:
                done(result)
            return result
