"""The attention watcher and the delivery rules (pure: no Qt, no store)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from agent_desk.core.attention import (
    Alert,
    AlertKind,
    AttentionPrefs,
    Delivery,
    ReminderLevel,
    Watched,
    WatchedView,
    Watcher,
    decide,
    plan,
    reminder_level,
    reminder_moment,
)

T0 = datetime(2025, 3, 1, 9, 0, 0, tzinfo=UTC)
MINE, UNASSIGNED = WatchedView.MINE, WatchedView.UNASSIGNED


def s(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def conv(
    conv_id: str = "c1",
    view: WatchedView = MINE,
    inbound_seq: int = 1,
    waiting_since: datetime | None = None,
    target_s: float = 8,
    breach_s: float | None = 60,
) -> Watched:
    """A conversation; with ``waiting_since`` its response clock runs (8 s target, 60 s breach)."""
    due = breach = None
    if waiting_since is not None:
        due = waiting_since + timedelta(seconds=target_s)
        breach = None if breach_s is None else waiting_since + timedelta(seconds=breach_s)
    return Watched(
        conv_id, view, f"Customer {conv_id}", f"hello from {conv_id}", inbound_seq,
        waiting_since, due, breach,
    )  # fmt: skip


def kinds(alerts: list[Alert]) -> list[tuple[AlertKind, str, int]]:
    return [(a.kind, a.conversation_id, a.level) for a in alerts]


# --- the baseline, new conversations, new messages --------------------------------------------


def test_the_first_update_is_the_baseline() -> None:
    watcher = Watcher()
    snapshot = [conv(f"c{n}", waiting_since=s(-600)) for n in range(400)]  # all long breached
    assert watcher.update(snapshot, s(0)) == []
    assert watcher.tick(s(1)) == []  # the levels they had already reached are not news either
    assert watcher.update(snapshot, s(2)) == []


def test_a_catching_up_update_is_silent_too() -> None:
    watcher = Watcher()
    watcher.update([], s(0))
    backlog = [conv(f"c{n}", inbound_seq=3) for n in range(150)]
    assert watcher.update(backlog, s(1), catching_up=True) == []
    assert kinds(watcher.update([*backlog, conv("late")], s(2))) == [
        (AlertKind.NEW_CONVERSATION, "late", 0)
    ]


def test_new_conversation_in_mine_or_unassigned() -> None:
    watcher = Watcher()
    watcher.update([conv("a")], s(0))
    alerts = watcher.update([conv("a"), conv("b", UNASSIGNED), conv("c")], s(1))
    assert kinds(alerts) == [
        (AlertKind.NEW_CONVERSATION, "b", 0),
        (AlertKind.NEW_CONVERSATION, "c", 0),
    ]
    assert alerts[0].customer_name == "Customer b"
    assert alerts[0].preview == "hello from b"
    assert alerts[0].view is UNASSIGNED


def test_moving_from_unassigned_to_mine_is_not_new() -> None:
    watcher = Watcher()
    watcher.update([conv("a", UNASSIGNED)], s(0))
    assert watcher.update([conv("a", MINE)], s(1)) == []


def test_a_conversation_that_left_and_came_back_is_new_again() -> None:
    watcher = Watcher()
    watcher.update([conv("a")], s(0))
    assert watcher.update([], s(1)) == []  # resolved, snoozed or given to someone else
    assert kinds(watcher.update([conv("a")], s(2))) == [(AlertKind.NEW_CONVERSATION, "a", 0)]


def test_new_message_only_in_mine() -> None:
    watcher = Watcher()
    watcher.update([conv("mine", MINE, 1), conv("queue", UNASSIGNED, 1)], s(0))
    alerts = watcher.update([conv("mine", MINE, 2), conv("queue", UNASSIGNED, 2)], s(1))
    assert kinds(alerts) == [(AlertKind.NEW_MESSAGE, "mine", 0)]
    # nothing new from the customer (an agent's reply or a note changes no inbound seq)
    assert watcher.update([conv("mine", MINE, 2), conv("queue", UNASSIGNED, 2)], s(2)) == []


def test_partial_updates_leave_the_others_alone() -> None:
    watcher = Watcher()
    watcher.update([conv("a"), conv("b"), conv("c")], s(0))
    alerts = watcher.update([conv("b", inbound_seq=2)], s(1), only={"b", "c", "d"})
    assert kinds(alerts) == [(AlertKind.NEW_MESSAGE, "b", 0)]
    assert sorted(w.id for w in watcher.watched()) == ["a", "b"]  # c left, d never came
    assert kinds(watcher.update([conv("c")], s(2), only={"c"})) == [
        (AlertKind.NEW_CONVERSATION, "c", 0)
    ]


# --- reminders ----------------------------------------------------------------------------------


def test_reminder_moments() -> None:
    waiting = conv(waiting_since=s(0))
    assert reminder_moment(waiting, ReminderLevel.AT_RISK) == s(8)
    assert reminder_moment(waiting, ReminderLevel.ALMOST_BREACHED) == s(8 + 0.75 * 52)
    assert reminder_moment(waiting, ReminderLevel.BREACHED) == s(60)
    assert [reminder_level(waiting, s(t)) for t in (0, 7.9, 8, 46.9, 47, 59.9, 60, 999)] == [
        0, 0, 1, 1, 2, 2, 3, 3,
    ]  # fmt: skip
    no_breach = conv(waiting_since=s(0), breach_s=None)
    assert reminder_level(no_breach, s(10_000)) == 1
    assert reminder_moment(conv(), ReminderLevel.AT_RISK) is None  # nothing owed


def test_each_reminder_level_fires_once_at_its_moment() -> None:
    watcher = Watcher()
    waiting = conv("a", waiting_since=s(0))
    watcher.update([waiting], s(0))
    fired = []
    for tenth in range(0, 700):  # a tick every 0.1 s for 70 s
        for alert in watcher.tick(s(tenth / 10)):
            fired.append((tenth / 10, alert.level))
    assert fired == [(8.0, 1), (47.0, 2), (60.0, 3)]
    # the next snapshot of the same wait reminds nothing again
    assert watcher.update([waiting], s(80)) == []
    assert watcher.tick(s(3600)) == []


def test_the_watcher_knows_when_to_look_next() -> None:
    watcher = Watcher()
    watcher.update([conv("a", waiting_since=s(0)), conv("b")], s(0))
    assert watcher.next_reminder_at == s(8)
    assert watcher.tick(s(7)) == []
    watcher.tick(s(8))
    assert watcher.next_reminder_at == s(47)


def test_a_reply_resets_the_clock_and_the_next_wait_reminds_again() -> None:
    watcher = Watcher()
    watcher.update([conv("a", waiting_since=s(0))], s(0))
    assert [a.level for a in watcher.tick(s(10))] == [1]
    replied = conv("a")  # the agent answered: nothing owed
    assert watcher.update([replied], s(12)) == []
    assert watcher.tick(s(100)) == []
    # the customer writes again: a new message, then the new wait's reminders
    again = conv("a", inbound_seq=2, waiting_since=s(200))
    assert kinds(watcher.update([again], s(200))) == [(AlertKind.NEW_MESSAGE, "a", 0)]
    assert [a.level for a in watcher.tick(s(208))] == [1]
    assert [a.level for a in watcher.tick(s(260))] == [3]  # 2 was passed over: only the worst


def test_a_second_customer_message_in_the_same_wait_does_not_restart_reminders() -> None:
    watcher = Watcher()
    watcher.update([conv("a", waiting_since=s(0))], s(0))
    assert [a.level for a in watcher.tick(s(9))] == [1]
    more = conv("a", inbound_seq=2, waiting_since=s(0))  # the clock keeps its older start
    assert kinds(watcher.update([more], s(10))) == [(AlertKind.NEW_MESSAGE, "a", 0)]
    assert watcher.tick(s(20)) == []


def test_a_wait_that_jumped_levels_reminds_once_with_the_worst() -> None:
    watcher = Watcher()
    watcher.update([conv("a", waiting_since=s(0))], s(0))
    assert kinds(watcher.tick(s(3600))) == [(AlertKind.SLA_REMINDER, "a", 3)]  # woke from sleep


def test_a_late_arrival_gives_both_alerts_and_its_levels_count_as_given() -> None:
    watcher = Watcher()
    watcher.update([], s(0))
    late = [conv("a", waiting_since=s(-10)), conv("b", waiting_since=s(-90))]
    assert kinds(watcher.update(late, s(0))) == [
        (AlertKind.SLA_REMINDER, "b", 3),
        (AlertKind.NEW_CONVERSATION, "a", 0),
        (AlertKind.NEW_CONVERSATION, "b", 0),
        (AlertKind.SLA_REMINDER, "a", 1),
    ]
    assert watcher.tick(s(1)) == []


def test_alerts_come_most_urgent_first() -> None:
    watcher = Watcher()
    watcher.update([conv("risk", waiting_since=s(0)), conv("late", waiting_since=s(-50))], s(0))
    alerts = watcher.tick(s(10))
    assert kinds(alerts) == [
        (AlertKind.SLA_REMINDER, "late", 3),
        (AlertKind.SLA_REMINDER, "risk", 1),
    ]


def test_reminders_for_a_conversation_that_left_are_dropped() -> None:
    watcher = Watcher()
    watcher.update([conv("a", waiting_since=s(0)), conv("b")], s(0))
    watcher.update([], s(1), only={"a"})
    assert watcher.tick(s(100)) == []


def test_twenty_thousand_waiting_customers_tick_cheaply() -> None:
    watcher = Watcher()
    snapshot = [conv(f"c{n}", UNASSIGNED, waiting_since=s(n)) for n in range(20_000)]
    watcher.update(snapshot, s(0))
    assert len(watcher.tick(s(8.5))) == 1  # only c0 is due: the heap pops just that one
    assert len(watcher.tick(s(20))) == 12  # c1..c12 (c0 reaches level 2 only at 47 s)


# --- delivery -------------------------------------------------------------------------------

ALL_ON = AttentionPrefs(notifications=True, sounds=True, reminders=True)
NEW = Alert(AlertKind.NEW_CONVERSATION, "c")
MESSAGE = Alert(AlertKind.NEW_MESSAGE, "c")
LEVEL = {n: Alert(AlertKind.SLA_REMINDER, "c", n) for n in (1, 2, 3)}


@pytest.mark.parametrize(
    ("alert", "focused", "expected"),
    [
        (NEW, False, Delivery(notify=True, sound=True)),
        (NEW, True, Delivery()),
        (MESSAGE, False, Delivery(notify=True, sound=True)),
        (MESSAGE, True, Delivery()),
        (LEVEL[1], False, Delivery(notify=True)),
        (LEVEL[1], True, Delivery()),
        (LEVEL[2], False, Delivery(notify=True, sound=True)),
        (LEVEL[2], True, Delivery()),
        (LEVEL[3], False, Delivery(notify=True, sound=True, flash=True)),
        (LEVEL[3], True, Delivery(notify=True, sound=True, flash=True)),
    ],
)
def test_decide_table(alert: Alert, focused: bool, expected: Delivery) -> None:
    assert decide(alert, ALL_ON, focused) == expected


@pytest.mark.parametrize("alert", [NEW, MESSAGE, LEVEL[1], LEVEL[2], LEVEL[3]])
def test_each_pref_switches_its_part_off(alert: Alert) -> None:
    on = decide(alert, ALL_ON, False)
    no_notes = decide(alert, replace(ALL_ON, notifications=False), False)
    assert not no_notes.notify and no_notes.sound == on.sound and no_notes.flash == on.flash
    quiet = decide(alert, replace(ALL_ON, sounds=False), False)
    assert not quiet.sound and quiet.notify == on.notify and quiet.flash == on.flash
    no_reminders = decide(alert, replace(ALL_ON, reminders=False), False)
    if alert.kind is AlertKind.SLA_REMINDER:
        assert not no_reminders  # no reminder reaches the agent at all, flash included
    else:
        assert no_reminders == on


def test_plan_delivers_one_alert_per_conversation_the_most_urgent_that_delivers() -> None:
    alerts = [
        Alert(AlertKind.SLA_REMINDER, "b", 3),
        Alert(AlertKind.NEW_CONVERSATION, "a"),
        Alert(AlertKind.NEW_CONVERSATION, "b"),
        Alert(AlertKind.SLA_REMINDER, "a", 1),
    ]
    assert [(a.conversation_id, a.kind, d) for a, d in plan(alerts, ALL_ON, False)] == [
        ("b", AlertKind.SLA_REMINDER, Delivery(notify=True, sound=True, flash=True)),
        ("a", AlertKind.NEW_CONVERSATION, Delivery(notify=True, sound=True)),
    ]
    # reminders off: the new conversation is still news
    no_reminders = replace(ALL_ON, reminders=False)
    assert [(a.conversation_id, a.kind) for a, _ in plan(alerts, no_reminders, False)] == [
        ("a", AlertKind.NEW_CONVERSATION),
        ("b", AlertKind.NEW_CONVERSATION),
    ]
    # focused: only the breach interrupts
    assert [(a.conversation_id, a.level) for a, _ in plan(alerts, ALL_ON, True)] == [("b", 3)]


def test_everything_off_delivers_nothing() -> None:
    off = AttentionPrefs(notifications=False, sounds=False, reminders=False)
    for alert in (NEW, MESSAGE, *LEVEL.values()):
        for focused in (False, True):
            assert not decide(alert, off, focused)
