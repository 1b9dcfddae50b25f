"""What the agent must notice, and how each thing reaches them.

Three things deserve the agent's attention:

- a **new conversation**: one appears in Mine or Unassigned that was in neither before (also one
  that left, say resolved or snoozed, and came back);
- a **new message**: a conversation in Mine got a new message from the customer;
- an **SLA reminder** that escalates while a customer waits for a reply (Mine and Unassigned: a
  waiting customer nobody has picked up is what the golden first seconds are about):

  ========  ==================================================  ============================
  level     when                                                meaning
  ========  ==================================================  ============================
  1         the response target (``response_due_at``) passed    at risk
  2         three quarters of the way from target to breach     about to breach
  3         the breach point (``response_breach_at``) passed    breached
  ========  ==================================================  ============================

:class:`Watcher` turns successive snapshots of the watched conversations into :class:`Alert`\\ s;
:func:`decide` says how an alert is delivered given the agent's preferences and whether they
are looking at the window. Pure: no Qt, no I/O; the caller takes the snapshots and the time.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum


class WatchedView(StrEnum):
    """The queue tab a watched conversation is in."""

    MINE = "mine"
    UNASSIGNED = "unassigned"


@dataclass(frozen=True, slots=True)
class Watched:
    """One conversation the agent must notice, as the cache has it now.

    Attributes:
        inbound_seq: the highest ``seq`` of a customer message (0 when there is none): it
            grows with every new customer message, whatever else is written in between.
        waiting_since / response_due_at / response_breach_at: the running response clock
            (UTC), all ``None`` when nothing is owed to the customer.
    """

    id: str
    view: WatchedView
    customer_name: str
    preview: str
    inbound_seq: int = 0
    waiting_since: datetime | None = None
    response_due_at: datetime | None = None
    response_breach_at: datetime | None = None


class AlertKind(StrEnum):
    NEW_CONVERSATION = "new_conversation"
    NEW_MESSAGE = "new_message"
    SLA_REMINDER = "sla_reminder"


class ReminderLevel(IntEnum):
    NONE = 0
    AT_RISK = 1
    ALMOST_BREACHED = 2
    BREACHED = 3


@dataclass(frozen=True, slots=True)
class Alert:
    """Something the agent should notice (``level`` is 0 unless it is an SLA reminder)."""

    kind: AlertKind
    conversation_id: str
    level: int = ReminderLevel.NONE
    customer_name: str = ""
    preview: str = ""
    view: WatchedView = WatchedView.MINE

    @property
    def urgency(self) -> int:
        """Higher is more urgent: breached, almost breached, new message, new, at risk."""
        if self.kind is AlertKind.SLA_REMINDER:
            return {3: 50, 2: 40}.get(self.level, 10)
        return 30 if self.kind is AlertKind.NEW_MESSAGE else 20


# --- the reminder clock ------------------------------------------------------------------------

ALMOST_BREACHED_FRACTION = 0.75
"""Level 2 comes this far along the way from the response target to the breach point."""


_Moments = tuple[datetime | None, datetime | None, datetime | None]
_NO_MOMENTS: _Moments = (None, None, None)


def _moments(watched: Watched) -> _Moments:
    """When the wait reaches levels 1, 2 and 3 (``None``: that level never comes)."""
    due, breach = watched.response_due_at, watched.response_breach_at
    if due is None:
        return _NO_MOMENTS  # nothing is owed
    if breach is None:
        return (due, None, None)  # a target and no breach point: only ever "at risk"
    if breach <= due:
        return (due, breach, breach)
    return (due, due + (breach - due) * ALMOST_BREACHED_FRACTION, breach)


def reminder_moment(watched: Watched, level: int) -> datetime | None:
    """When the waiting customer reaches ``level`` (``None``: that level never comes)."""
    if not ReminderLevel.AT_RISK <= level <= ReminderLevel.BREACHED:
        return None
    return _moments(watched)[level - 1]


def _level_at(moments: _Moments, now: datetime) -> int:
    reached = 0
    for level, moment in enumerate(moments, start=1):
        if moment is not None and now >= moment:
            reached = level
    return reached


def _next_moment(moments: _Moments, reminded: int) -> datetime | None:
    return min((m for m in moments[reminded:] if m is not None), default=None)


def reminder_level(watched: Watched, now: datetime) -> int:
    """The highest reminder level the customer's wait has reached at ``now`` (0: none)."""
    return _level_at(_moments(watched), now)


def _period(watched: Watched) -> datetime | None:
    """Which wait this is: a reply ends it, the next customer message starts another."""
    return watched.waiting_since or watched.response_due_at


# --- the watcher ------------------------------------------------------------------------------


_MINE = WatchedView.MINE


@dataclass(slots=True)
class _Seen:
    watched: Watched
    period: datetime | None
    reminded: int  # the highest reminder level given (or skipped) in this wait
    moments: _Moments  # when the wait reaches each level


class Watcher:
    """Turns successive snapshots of the watched conversations into alerts.

    Rules:
        - The first update is the baseline and alerts nothing: what is already there at start-up
          (or after the first sync) is not news. So is an update marked ``catching_up`` (a
          long pull bringing a backlog): what it brings joins silently.
        - A conversation that leaves the snapshot is forgotten; when it comes back it is new.
        - Each reminder level is given once per conversation per wait; a reply ends the wait
          and the next wait can remind again. A wait that jumps several levels at once (the
          computer slept, the conversation arrived late) gives only the highest one.
        - A conversation that is new (or got a new message) and has just passed a reminder
          point gives both alerts; :func:`plan` then delivers only the more urgent of them.

    Call :meth:`update` whenever the cache changed — with the whole snapshot, or with ``only``
    the conversations a change-set touched — and :meth:`tick` once a second for reminders that
    come due with no change at all. A tick costs nothing until a reminder moment arrives (the
    moments wait in a heap), so 20,000 waiting customers do not make every second expensive.
    """

    def __init__(self) -> None:
        self._seen: dict[str, _Seen] = {}
        self._started = False
        # (moment, conversation id): when that conversation's next reminder level comes; an
        # entry is stale when the conversation changed since (checked when it is popped)
        self._due: list[tuple[datetime, str]] = []

    @property
    def started(self) -> bool:
        """Whether the baseline has been taken."""
        return self._started

    @property
    def next_reminder_at(self) -> datetime | None:
        """No later than the next moment a reminder comes due (``None``: no clock is running)."""
        return self._due[0][0] if self._due else None

    def watched(self) -> list[Watched]:
        """The conversations as last seen."""
        return [seen.watched for seen in self._seen.values()]

    def rebaseline(self) -> None:
        """Make the next update a baseline again (e.g. after the cache was rebuilt)."""
        self._started = False

    def update(
        self,
        snapshot: Iterable[Watched],
        now: datetime,
        *,
        catching_up: bool = False,
        only: Collection[str] | None = None,
    ) -> list[Alert]:
        """Compare a new snapshot with what was seen; the alerts, most urgent first.

        Args:
            snapshot: the watched conversations now: all of them, or (with ``only``) those
                of the ``only`` ids that are still watched.
            catching_up: take this update silently, like the baseline.
            only: the ids this snapshot is about (ids missing from it have left); the others
                stay as they were. Ignored for the baseline, which must be whole.
        """
        quiet = catching_up or not self._started
        partial = only is not None and self._started
        alerts: list[Alert] = []
        seen: dict[str, _Seen] = dict(self._seen) if partial else {}
        if partial:
            assert only is not None
            for gone in only:
                seen.pop(gone, None)
        fresh: list[tuple[datetime, str]] = []
        for watched in snapshot:
            old = self._seen.get(watched.id)
            period = _period(watched)
            event: Alert | None = None
            if old is None:
                reminded = 0
                if not quiet:
                    event = _alert(AlertKind.NEW_CONVERSATION, watched)
            else:
                reminded = old.reminded if old.period == period else 0
                if (
                    not quiet
                    and watched.view is _MINE
                    and watched.inbound_seq > old.watched.inbound_seq
                ):
                    event = _alert(AlertKind.NEW_MESSAGE, watched)
            moments = _moments(watched)
            reminder = None
            if moments is _NO_MOMENTS:  # most conversations: nothing owed, nothing to remind
                level = 0
            else:
                level = _level_at(moments, now)
                if level > reminded:
                    reminder = _alert(AlertKind.SLA_REMINDER, watched, level)
                    reminded = level
                moment = _next_moment(moments, reminded)
                if moment is not None:
                    fresh.append((moment, watched.id))
            seen[watched.id] = _Seen(watched, period, reminded, moments)
            if quiet:
                continue
            if reminder is not None:
                alerts.append(reminder)
            if event is not None:
                alerts.append(event)
        self._seen = seen
        self._started = True
        if partial and len(self._due) + len(fresh) <= 2 * len(seen) + 64:
            for entry in fresh:
                heapq.heappush(self._due, entry)
        else:  # a whole snapshot, or too many stale entries: start the heap again
            if partial:
                fresh = [
                    (m, conv_id)
                    for conv_id, state in seen.items()
                    if (m := _next_moment(state.moments, state.reminded)) is not None
                ]
            heapq.heapify(fresh)
            self._due = fresh
        return _by_urgency(alerts)

    def tick(self, now: datetime) -> list[Alert]:
        """The reminders that came due since the last update or tick, most urgent first."""
        if not self._started:
            return []
        alerts = []
        while self._due and self._due[0][0] <= now:
            moment, conv_id = heapq.heappop(self._due)
            state = self._seen.get(conv_id)
            if state is None or _next_moment(state.moments, state.reminded) != moment:
                continue  # stale: the conversation left or changed since
            level = _level_at(state.moments, now)
            if level > state.reminded:
                state.reminded = level
                alerts.append(_alert(AlertKind.SLA_REMINDER, state.watched, level))
            following = _next_moment(state.moments, state.reminded)
            if following is not None:
                heapq.heappush(self._due, (following, conv_id))
        return _by_urgency(alerts)


def _alert(kind: AlertKind, watched: Watched, level: int = ReminderLevel.NONE) -> Alert:
    return Alert(kind, watched.id, level, watched.customer_name, watched.preview, watched.view)


def _by_urgency(alerts: list[Alert]) -> list[Alert]:
    return sorted(alerts, key=lambda a: -a.urgency)


# --- delivery -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AttentionPrefs:
    """The agent's switches (settings ``notifications``, ``sounds``, ``sla_reminders``)."""

    notifications: bool = True
    sounds: bool = True
    reminders: bool = True


@dataclass(frozen=True, slots=True)
class Delivery:
    """How one alert reaches the agent: a desktop notification, a sound, a taskbar flash."""

    notify: bool = False
    sound: bool = False
    flash: bool = False

    def __bool__(self) -> bool:
        return self.notify or self.sound or self.flash


NOTHING = Delivery()


def decide(alert: Alert, prefs: AttentionPrefs, window_focused: bool) -> Delivery:
    """How an alert is delivered.

    The idea: when the agent is looking at the window, the queue already shows what changed
    (new rows, unread counts, the SLA clock turning amber), so only a breach interrupts them;
    when they are not, the desktop tells them, louder as a wait gets worse.

    ============================  ==========================  =================================
    alert                         window focused              window not focused
    ============================  ==========================  =================================
    new conversation / message    nothing (the queue shows)   notification + sound
    reminder 1 (at risk)          nothing (the clock shows)   notification
    reminder 2 (almost breached)  nothing (the clock shows)   notification + sound
    reminder 3 (breached)         notification + sound +      notification + sound +
                                  taskbar flash               taskbar flash
    ============================  ==========================  =================================

    ``prefs.notifications`` switches notifications off and ``prefs.sounds`` sounds;
    ``prefs.reminders`` switches SLA reminders off altogether (flash included).
    """
    if alert.kind is AlertKind.SLA_REMINDER:
        if not prefs.reminders:
            return NOTHING
        if alert.level >= ReminderLevel.BREACHED:
            return Delivery(notify=prefs.notifications, sound=prefs.sounds, flash=True)
        if window_focused:
            return NOTHING
        if alert.level == ReminderLevel.ALMOST_BREACHED:
            return Delivery(notify=prefs.notifications, sound=prefs.sounds)
        return Delivery(notify=prefs.notifications)
    if window_focused:
        return NOTHING
    return Delivery(notify=prefs.notifications, sound=prefs.sounds)


def plan(
    alerts: Iterable[Alert], prefs: AttentionPrefs, window_focused: bool
) -> list[tuple[Alert, Delivery]]:
    """What to deliver now: :func:`decide` for each alert, without the ones that deliver nothing,
    and one per conversation — the most urgent of those left (a conversation that arrives
    already breached is one breach, not a breach and a new conversation). Most urgent first.
    """
    chosen: dict[str, tuple[Alert, Delivery]] = {}
    for alert in sorted(alerts, key=lambda a: -a.urgency):
        if alert.conversation_id in chosen:
            continue
        delivery = decide(alert, prefs, window_focused)
        if delivery:
            chosen[alert.conversation_id] = (alert, delivery)
    return list(chosen.values())
