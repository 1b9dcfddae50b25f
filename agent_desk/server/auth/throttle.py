"""How many sign-in attempts are let through to the (expensive) password check.

Two windows, both counted *before* the password is checked, so that concurrent guesses cannot all
pass while the first ones are still being verified:

- per (username, client address): at most ``pair_limit`` failures in ``pair_window_s``
  (default 10 in 5 minutes) — a mistyping agent is slowed, not locked out;
- per username, from every address together: at most ``user_limit`` failures in
  ``user_window_s`` (default 50 in 15 minutes) — a distributed guess is capped. Addresses this
  username signed in from successfully (in the last 30 days, remembered by this process) are not
  held by this cap, so a flood of wrong passwords from elsewhere does not lock the real user out:
  their own desk keeps signing in.

An attempt first *reserves* a place in both windows; a success gives the place back (and marks the
address as known for this user), a failure keeps it. State is per server process and in memory:
with several processes each applies the limits on its own (README, "Reliability").
"""

from __future__ import annotations

import contextlib
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

_KNOWN_FOR_S = 30 * 24 * 3600
_MAX_KEYS = 100_000  # bounded memory under a flood of made-up usernames


@dataclass(frozen=True, slots=True)
class Attempt:
    """A reserved place in the windows; pass it back to :meth:`SignInThrottle.succeeded`."""

    user: str
    pair: tuple[str, str]
    at: float


class Refused(Exception):
    def __init__(self, retry_after_s: int) -> None:
        super().__init__("too many failed sign-ins")
        self.retry_after_s = retry_after_s


class _Windows:
    """Timestamps per key inside a sliding window, for a bounded number of keys."""

    def __init__(self, window_s: float) -> None:
        self.window_s = window_s
        self._hits: OrderedDict[object, deque[float]] = OrderedDict()

    def count(self, key: object, now: float) -> int:
        hits = self._hits.get(key)
        if hits is None:
            return 0
        cutoff = now - self.window_s
        while hits and hits[0] <= cutoff:
            hits.popleft()
        return len(hits)

    def retry_after(self, key: object, now: float) -> int:
        hits = self._hits.get(key)
        if not hits:
            return 1
        return max(1, int(hits[0] + self.window_s - now) + 1)

    def add(self, key: object, at: float) -> None:
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = deque()
            while len(self._hits) > _MAX_KEYS:
                self._hits.popitem(last=False)
        else:
            self._hits.move_to_end(key)
        hits.append(at)

    def remove(self, key: object, at: float) -> None:
        hits = self._hits.get(key)
        if hits is not None:
            with contextlib.suppress(ValueError):
                hits.remove(at)

    def clear(self, key: object) -> None:
        self._hits.pop(key, None)


class SignInThrottle:
    def __init__(
        self,
        *,
        pair_limit: int = 10,
        pair_window_s: float = 300,
        user_limit: int = 50,
        user_window_s: float = 900,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.pair_limit, self.user_limit = pair_limit, user_limit
        self._pairs = _Windows(pair_window_s)
        self._users = _Windows(user_window_s)
        self._known: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._clock = clock

    def _is_known(self, pair: tuple[str, str], now: float) -> bool:
        since = self._known.get(pair)
        return since is not None and now - since < _KNOWN_FOR_S

    def reserve(self, username: str, address: str) -> Attempt:
        """Count this attempt now, before its password is checked; raises :class:`Refused`."""
        now = self._clock()
        user = username.casefold()
        pair = (user, address)
        if self._pairs.count(pair, now) >= self.pair_limit:
            raise Refused(self._pairs.retry_after(pair, now))
        if self._users.count(user, now) >= self.user_limit and not self._is_known(pair, now):
            raise Refused(self._users.retry_after(user, now))
        self._pairs.add(pair, now)
        self._users.add(user, now)
        return Attempt(user, pair, now)

    def succeeded(self, attempt: Attempt) -> None:
        """The password was right: this address's failures are forgiven and it is known now."""
        self._pairs.clear(attempt.pair)
        self._users.remove(attempt.user, attempt.at)
        self._known[attempt.pair] = self._clock()
        self._known.move_to_end(attempt.pair)
        while len(self._known) > _MAX_KEYS:
            self._known.popitem(last=False)

    def released(self, attempt: Attempt) -> None:
        """The attempt never reached the password check (the server was busy): not a failure."""
        self._pairs.remove(attempt.pair, attempt.at)
        self._users.remove(attempt.user, attempt.at)
