"""What the attention watcher reads from a real cache file, written the way sync writes it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from agent_desk.core.attention import WatchedView
from agent_desk.store import attention as cache
from agent_desk.store import queries
from agent_desk.store.local import Me
from agent_desk.store.store import ChangeSet, Store, to_time

ME = Me("agent-me", "team-a")
NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def conversation(conv_id: str, **values: Any) -> dict[str, Any]:
    row = {
        "id": conv_id,
        "customer_id": f"cu-{conv_id}",
        "channel": "chat",
        "subject": "Where is my parcel?",
        "status": "open",
        "priority": "normal",
        "assignee_id": None,
        "team_id": "team-a",
        "last_message_preview": f"preview {conv_id}",
        "message_count": 0,
    }
    row.update(values)
    return row


def message(conv_id: str, seq: int | None, kind: str = "inbound", **values: Any) -> dict[str, Any]:
    row = {
        "id": f"{conv_id}-m{seq}-{kind}",
        "conversation_id": conv_id,
        "kind": kind,
        "body": f"{kind} {seq}",
        "seq": seq,
        "created_at": to_time(NOW),
    }
    row.update(values)
    return row


@pytest.fixture
def store(tmp_path: Path):
    found = Store(tmp_path / "cache.db")
    yield found
    found.close()


@pytest.fixture
def filled(store: Store) -> Store:
    waiting = NOW - timedelta(seconds=20)
    with store.transaction() as tx:
        for conv_id, name in (
            ("mine", "Ann"),
            ("mine-pending", "Bo"),
            ("mine-snoozed", "Cy"),
            ("mine-resolved", "Di"),
            ("queue", "<b>Eve</b>"),
            ("queue-other-team", "Fu"),
            ("theirs", "Gil"),
            ("queue-resolved", "Hu"),
        ):
            tx.write("customer", {"id": f"cu-{conv_id}", "name": name})
        tx.write(
            "conversation",
            conversation(
                "mine",
                assignee_id=ME.agent_id,
                waiting_since=to_time(waiting),
                response_due_at=to_time(waiting + timedelta(seconds=8)),
                response_breach_at=to_time(waiting + timedelta(seconds=60)),
            ),
        )
        tx.write(
            "conversation", conversation("mine-pending", assignee_id=ME.agent_id, status="pending")
        )
        tx.write(
            "conversation", conversation("mine-snoozed", assignee_id=ME.agent_id, status="snoozed")
        )
        tx.write(
            "conversation",
            conversation("mine-resolved", assignee_id=ME.agent_id, status="resolved"),
        )
        tx.write("conversation", conversation("queue"))
        tx.write("conversation", conversation("queue-other-team", team_id="team-b"))
        tx.write("conversation", conversation("theirs", assignee_id="agent-other"))
        tx.write("conversation", conversation("queue-resolved", status="resolved"))
        # mine: inbound 1, outbound 2, inbound 3, a note 4, a reply still queued locally (no seq)
        for seq, kind in ((1, "inbound"), (2, "outbound"), (3, "inbound"), (4, "note")):
            tx.write("message", message("mine", seq, kind))
        tx.write("message", message("mine", None, "outbound", delivery="queued"))
        tx.write(
            "read_state",
            {
                "id": f"mine:{ME.agent_id}",
                "conversation_id": "mine",
                "agent_id": ME.agent_id,
                "last_read_seq": 1,
            },
        )
        for seq in (1, 2):
            tx.write("message", message("mine-pending", seq))
            tx.write("message", message("mine-snoozed", seq))  # snoozed is still Mine: counts
            tx.write("message", message("mine-resolved", seq))  # resolved is not Mine
            tx.write("message", message("theirs", seq))
        tx.write("message", message("queue", 7))
        # another agent's read state says nothing about mine
        tx.write(
            "read_state",
            {
                "id": "mine-pending:agent-other",
                "conversation_id": "mine-pending",
                "agent_id": "agent-other",
                "last_read_seq": 2,
            },
        )
    return store


def test_watched_is_mine_and_unassigned_open_and_not_snoozed(filled: Store) -> None:
    found = {w.id: w for w in cache.watched(filled, ME)}
    assert sorted(found) == ["mine", "mine-pending", "queue"]
    mine = found["mine"]
    assert mine.view is WatchedView.MINE
    assert mine.customer_name == "Ann"
    assert mine.preview == "preview mine"
    assert mine.inbound_seq == 3  # the newest customer message, not the note or the reply
    assert mine.waiting_since == NOW - timedelta(seconds=20)
    assert mine.response_due_at == NOW - timedelta(seconds=12)
    assert mine.response_breach_at == NOW + timedelta(seconds=40)
    queue = found["queue"]
    assert queue.view is WatchedView.UNASSIGNED
    assert queue.customer_name == "<b>Eve</b>"  # as written: the UI decides how to show it
    assert queue.inbound_seq == 7
    assert queue.waiting_since is None and queue.response_due_at is None
    assert found["mine-pending"].inbound_seq == 2


def test_watched_for_some_ids_only(filled: Store) -> None:
    found = cache.watched(filled, ME, {"mine", "theirs", "queue-resolved", "missing"})
    assert [w.id for w in found] == ["mine"]
    assert cache.watched(filled, ME, set()) == []
    many = {f"x{n}" for n in range(1200)} | {"queue"}  # more than one IN (...) list
    assert [w.id for w in cache.watched(filled, ME, many)] == ["queue"]


def test_unassigned_without_a_team(store: Store) -> None:
    with store.transaction() as tx:
        tx.write("conversation", conversation("no-team", team_id=None))
        tx.write("conversation", conversation("team-a"))
    assert [w.id for w in cache.watched(store, Me("agent-x", None))] == ["no-team"]


def test_unread_total_counts_unread_customer_messages_in_mine(filled: Store) -> None:
    # mine: inbound 3 after last read 1 -> 1; mine-pending: 2 (no read state of mine);
    # mine-snoozed: 2; mine-resolved, theirs, queue: not Mine
    assert cache.unread_total(filled, ME) == 5
    with filled.transaction() as tx:
        tx.write(
            "read_state",
            {
                "id": f"mine-pending:{ME.agent_id}",
                "conversation_id": "mine-pending",
                "agent_id": ME.agent_id,
                "last_read_seq": 2,
            },
        )
        tx.write("message", message("mine", 5))
    assert cache.unread_total(filled, ME) == 4
    assert cache.unread_total(filled, Me("agent-nobody", "team-a")) == 0


def test_conversations_touched_by_a_change_set(filled: Store) -> None:
    changes = ChangeSet()
    changes.add("conversation", "queue")
    changes.add("message", "mine-m3-inbound")
    changes.add("message", "gone-message")
    changes.add("customer", "cu-theirs")
    changes.add("order", "o1")
    assert queries.conversations_touched(filled, changes) == {"queue", "mine", "theirs"}
    assert queries.conversations_touched(filled, ChangeSet()) == set()
