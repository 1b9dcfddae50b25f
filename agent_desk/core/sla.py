"""Service-level clocks: how long a customer has waited, and what is owed to them next.

A conversation runs at most one response clock at a time. It starts with the oldest customer
message that has no reply yet (first response if the conversation never had a reply, next
response otherwise) and stops when an agent replies. Each clock has a *target* (the golden first
seconds for chat) and a later *breach* point; between the two the conversation is *at risk*.
A resolution clock runs from the conversation's start until it is resolved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timedelta
from typing import Any

from agent_desk.core.enums import Channel, SlaState


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    channel: Channel
    first_response_target_s: int
    first_response_breach_s: int
    next_response_target_s: int
    next_response_breach_s: int
    resolution_target_s: int
    resolution_breach_s: int

    def validate(self) -> None:
        pairs = (
            (self.first_response_target_s, self.first_response_breach_s),
            (self.next_response_target_s, self.next_response_breach_s),
            (self.resolution_target_s, self.resolution_breach_s),
        )
        for target, breach in pairs:
            if target <= 0 or breach < target:
                raise ValueError("SLA targets must be positive and not later than the breach")


_MIN = 60
_HOUR = 3600

_LIVE = {  # live channels: the golden first seconds
    "first_response_target_s": 8,
    "first_response_breach_s": 60,
    "next_response_target_s": 30,
    "next_response_breach_s": 120,
    "resolution_target_s": 30 * _MIN,
    "resolution_breach_s": 4 * _HOUR,
}

DEFAULT_POLICIES: dict[Channel, SlaPolicy] = {
    Channel.CHAT: SlaPolicy(Channel.CHAT, **_LIVE),
    Channel.APP: SlaPolicy(Channel.APP, **_LIVE),
    Channel.SOCIAL: SlaPolicy(Channel.SOCIAL, **_LIVE),
    Channel.PHONE: SlaPolicy(
        Channel.PHONE,
        first_response_target_s=20,
        first_response_breach_s=60,
        next_response_target_s=30,
        next_response_breach_s=120,
        resolution_target_s=15 * _MIN,
        resolution_breach_s=_HOUR,
    ),
    Channel.EMAIL: SlaPolicy(
        Channel.EMAIL,
        first_response_target_s=4 * _HOUR,
        first_response_breach_s=24 * _HOUR,
        next_response_target_s=8 * _HOUR,
        next_response_breach_s=24 * _HOUR,
        resolution_target_s=24 * _HOUR,
        resolution_breach_s=72 * _HOUR,
    ),
}


@dataclass(frozen=True, slots=True)
class SlaClock:
    """The clock fields a conversation carries (all UTC, None when not running)."""

    waiting_since: datetime | None = None
    first_response_at: datetime | None = None
    response_due_at: datetime | None = None
    response_breach_at: datetime | None = None
    resolution_due_at: datetime | None = None
    resolution_breach_at: datetime | None = None


CLOCK_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(SlaClock))
"""The clock's columns, named the same on the server, on the wire and in the client cache."""


def clock_fields(clock: SlaClock) -> dict[str, datetime | None]:
    """The clock as column values."""
    return asdict(clock)


def clock_from(
    values: Mapping[Any, Any], convert: Callable[[Any], datetime | None] = lambda v: v
) -> SlaClock:
    """A clock from a row (``convert`` turns stored values into datetimes, e.g. from text)."""
    return SlaClock(**{name: convert(values.get(name)) for name in CLOCK_FIELDS})


def on_opened(clock: SlaClock, policy: SlaPolicy, at: datetime) -> SlaClock:
    """A conversation starts (or is reopened): the resolution clock starts."""
    return replace(
        clock,
        resolution_due_at=at + timedelta(seconds=policy.resolution_target_s),
        resolution_breach_at=at + timedelta(seconds=policy.resolution_breach_s),
    )


def on_inbound(clock: SlaClock, policy: SlaPolicy, at: datetime) -> SlaClock:
    """A customer message arrives. A clock already running keeps its older start."""
    if clock.waiting_since is not None:
        return clock
    if clock.first_response_at is None:
        target, breach = policy.first_response_target_s, policy.first_response_breach_s
    else:
        target, breach = policy.next_response_target_s, policy.next_response_breach_s
    if clock.resolution_due_at is None:
        clock = on_opened(clock, policy, at)
    return replace(
        clock,
        waiting_since=at,
        response_due_at=at + timedelta(seconds=target),
        response_breach_at=at + timedelta(seconds=breach),
    )


def on_outbound(clock: SlaClock, at: datetime) -> SlaClock:
    """An agent replies to the customer: the response clock stops."""
    return replace(
        clock,
        first_response_at=clock.first_response_at or at,
        waiting_since=None,
        response_due_at=None,
        response_breach_at=None,
    )


def on_resolved(clock: SlaClock) -> SlaClock:
    """Nothing is owed any more."""
    return replace(
        clock,
        waiting_since=None,
        response_due_at=None,
        response_breach_at=None,
        resolution_due_at=None,
        resolution_breach_at=None,
    )


def state_at(due: datetime | None, breach: datetime | None, now: datetime) -> SlaState:
    """Where one clock stands at ``now``."""
    if due is None:
        return SlaState.NONE
    if breach is not None and now >= breach:
        return SlaState.BREACHED
    if now >= due:
        return SlaState.AT_RISK
    return SlaState.ON_TARGET


def response_state(clock: SlaClock, now: datetime) -> SlaState:
    return state_at(clock.response_due_at, clock.response_breach_at, now)


def urgency_key(clock: SlaClock, now: datetime) -> tuple[int, float]:
    """Sort key, most urgent first: breached, then at risk, then on target, then nothing owed.

    Within a state, the clock that runs out first comes first.
    """
    order = {SlaState.BREACHED: 0, SlaState.AT_RISK: 1, SlaState.ON_TARGET: 2, SlaState.NONE: 3}
    state = response_state(clock, now)
    if clock.response_breach_at is not None:
        remaining = (clock.response_breach_at - now).total_seconds()
    elif clock.resolution_breach_at is not None:
        remaining = (clock.resolution_breach_at - now).total_seconds()
    else:
        remaining = float("inf")
    return order[state], remaining
