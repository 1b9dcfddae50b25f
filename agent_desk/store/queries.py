"""What the window asks the cache: queues, one conversation, a customer's 360."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from agent_desk.store.local import Me
from agent_desk.store.store import ChangeSet, Row, Store, now_text


class QueueView(StrEnum):
    MINE = "mine"
    UNASSIGNED = "unassigned"
    TEAM = "team"
    SHARED = "shared"
    ALL = "all"


class QueueSort(StrEnum):
    SLA = "sla"  # most urgent first
    NEWEST = "newest"
    LONGEST_WAITING = "longest_waiting"
    PRIORITY = "priority"


@dataclass(frozen=True)
class QueueFilter:
    channels: frozenset[str] = field(default_factory=frozenset)
    statuses: frozenset[str] = field(default_factory=frozenset)
    priorities: frozenset[str] = field(default_factory=frozenset)
    search: str = ""


_OPEN = "c.status != 'resolved'"
# a message that did not get through: refused by the server, or not taken by the channel
_FAILED = "(m.delivery = 'failed' OR (m.kind = 'outbound' AND m.delivery_status = 'failed'))"
_PRIORITY_RANK = (
    "CASE c.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END"
)
# breached, at risk, on target, nothing owed; then the clock that runs out first
_SLA_RANK = (
    "CASE WHEN c.response_breach_at IS NOT NULL AND c.response_breach_at <= :now THEN 0 "
    "WHEN c.response_due_at IS NOT NULL AND c.response_due_at <= :now THEN 1 "
    "WHEN c.response_due_at IS NOT NULL THEN 2 ELSE 3 END"
)
_SORTS = {
    QueueSort.SLA: f"{_SLA_RANK}, COALESCE(c.response_breach_at, c.resolution_breach_at, '9999'), "
    "c.last_message_at DESC",
    QueueSort.NEWEST: "c.last_message_at DESC",
    QueueSort.LONGEST_WAITING: "c.waiting_since IS NULL, c.waiting_since ASC",
    QueueSort.PRIORITY: f"{_PRIORITY_RANK}, {_SLA_RANK}, c.last_message_at DESC",
}


def _view_clause(view: QueueView, me: Me) -> tuple[str, dict[str, Any]]:
    if view is QueueView.MINE:
        return f"c.assignee_id = :me AND {_OPEN}", {"me": me.agent_id}
    if view is QueueView.UNASSIGNED:
        return f"c.assignee_id IS NULL AND c.team_id IS :team AND {_OPEN}", {"team": me.team_id}
    if view is QueueView.TEAM:
        return f"c.team_id IS :team AND {_OPEN}", {"team": me.team_id}
    if view is QueueView.SHARED:
        return (
            "c.id IN (SELECT conversation_id FROM conversation_shares WHERE agent_id = :me) "
            f"AND {_OPEN}",
            {"me": me.agent_id},
        )
    return _OPEN, {}


def queue_ids(
    store: Store,
    view: QueueView,
    me: Me,
    *,
    sort: QueueSort = QueueSort.SLA,
    filters: QueueFilter | None = None,
    now: str | None = None,
) -> list[str]:
    """Conversation ids of a queue tab, in display order."""
    filters = filters or QueueFilter()
    where, params = _view_clause(view, me)
    clauses = [where]
    params["now"] = now or now_text()
    for name, values in (
        ("channel", filters.channels),
        ("status", filters.statuses),
        ("priority", filters.priorities),
    ):
        if values:
            keys = []
            for n, value in enumerate(sorted(values)):
                params[f"{name}{n}"] = value
                keys.append(f":{name}{n}")
            clauses.append(f"c.{name} IN ({', '.join(keys)})")
    if filters.search.strip():
        params["q"] = "%" + filters.search.strip().replace("%", r"\%").replace("_", r"\_") + "%"
        like = "LIKE :q ESCAPE '\\'"
        clauses.append(
            f"(cu.name {like} OR c.subject {like} "
            f"OR c.customer_id IN (SELECT customer_id FROM customer_identities WHERE value {like}) "
            f"OR c.customer_id IN (SELECT customer_id FROM orders WHERE order_no {like}) "
            f"OR c.id IN (SELECT conversation_id FROM messages WHERE body {like}))"
        )
    sql = (
        "SELECT c.id FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY {_SORTS[sort]}"
    )
    return [r[0] for r in store.conn.execute(sql, params).fetchall()]


def next_case(
    store: Store,
    me: Me,
    *,
    may_claim: bool,
    skip: str | None = None,
    now: str | None = None,
) -> str | None:
    """The case the agent should take next, most urgent first (the queue's SLA order): one of
    theirs whose customer waits for an answer, or nobody's in their team when they may claim
    (an expert: one shared with them whose customer waits). ``skip``: the one they are on."""
    theirs = "(c.assignee_id = :me AND c.waiting_since IS NOT NULL)"
    other = (
        "(c.assignee_id IS NULL AND c.team_id IS :team)"
        if may_claim
        else "(c.id IN (SELECT conversation_id FROM conversation_shares WHERE agent_id = :me) "
        "AND c.waiting_since IS NOT NULL)"
    )
    found = store.conn.execute(
        "SELECT c.id FROM conversations c WHERE c.status IN ('open', 'pending') "
        f"AND ({theirs} OR {other}) AND c.id IS NOT :skip "
        f"ORDER BY {_SORTS[QueueSort.SLA]} LIMIT 1",
        {"me": me.agent_id, "team": me.team_id, "skip": skip, "now": now or now_text()},
    ).fetchone()
    return None if found is None else str(found[0])


def queue_counts(store: Store, me: Me, views: list[QueueView]) -> dict[QueueView, int]:
    out = {}
    for view in views:
        where, params = _view_clause(view, me)
        sql = "SELECT count(*) FROM conversations c WHERE " + where
        out[view] = int(store.conn.execute(sql, params).fetchone()[0])
    return out


def queue_rows(store: Store, ids: list[str], me: Me) -> dict[str, Row]:
    """The row data a queue shows, for a window of ids (the lazy row cache fills from this).

    ``request_text`` and ``request_scenario`` are what the customer asks, as
    ``store.customer_requests`` last worked them out (None where it has not yet)."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = store.rows(
        "SELECT c.*, cu.name AS customer_name, cu.value_tier AS customer_tier, "
        "a.display_name AS assignee_name, "
        "rq.text AS request_text, rq.scenario AS request_scenario, "
        "(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.kind = 'inbound' "
        " AND m.seq > COALESCE((SELECT last_read_seq FROM read_states r "
        "  WHERE r.conversation_id = c.id AND r.agent_id = ?), 0)) AS unread, "
        f"(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND {_FAILED}) "
        "AS undelivered "
        "FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id "
        "LEFT JOIN agents a ON a.id = c.assignee_id "
        "LEFT JOIN customer_requests rq ON rq.conversation_id = c.id "
        f"WHERE c.id IN ({marks})",
        [me.agent_id, *ids],
    )
    return {r["id"]: r for r in rows}


def conversation(store: Store, conversation_id: str) -> Row | None:
    conv = store.row("SELECT * FROM conversations WHERE id = ?", (conversation_id,))
    if conv is None:
        return None
    conv["messages"] = store.rows(
        "SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq IS NULL, seq, created_at",
        (conversation_id,),
    )
    conv["customer"] = store.row("SELECT * FROM customers WHERE id = ?", (conv["customer_id"],))
    return conv


def customer_360(store: Store, customer_id: str) -> Row | None:
    customer = store.row("SELECT * FROM customers WHERE id = ?", (customer_id,))
    if customer is None:
        return None
    for key in ("identities", "attributes", "tags"):
        customer[key] = json.loads(customer[key] or "null")
    orders = store.rows(
        "SELECT * FROM orders WHERE customer_id = ? ORDER BY placed_at DESC", (customer_id,)
    )
    for order in orders:
        for key in ("lines", "payment", "shipment"):
            order[key] = json.loads(order[key] or "null")
    customer["orders"] = orders
    customer["conversations"] = store.rows(
        "SELECT id, channel, subject, status, assignee_id, created_at, last_message_at, csat_score "
        "FROM conversations WHERE customer_id = ? ORDER BY created_at DESC",
        (customer_id,),
    )
    customer["satisfaction"] = [
        {"conversation_id": c["id"], "score": c["csat_score"], "at": c["last_message_at"]}
        for c in customer["conversations"]
        if c["csat_score"] is not None
    ]
    return customer


def customer_assignees(conn: sqlite3.Connection, customer_id: str) -> list[str | None]:
    """The assignee of each of the customer's conversations in the cache (the ones this agent
    can see): what ``core.permissions.customer_note_refusal`` decides on."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT assignee_id FROM conversations WHERE customer_id = ?", (customer_id,)
        )
    ]


def rejections(store: Store, *, unacknowledged_only: bool = True) -> list[Row]:
    sql = "SELECT * FROM rejections"
    if unacknowledged_only:
        sql += " WHERE acknowledged = 0"
    return store.rows(sql + " ORDER BY rejected_at")


@dataclass(frozen=True)
class Touched:
    """What a change-set changed of one open conversation."""

    customer: bool  # its customer or one of the customer's orders (the 360 needs a refresh)


def _any_in(store: Store, sql: str, ids: set[str], value: str) -> bool:
    items = list(ids)
    for start in range(0, len(items), 500):
        chunk = items[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        if store.conn.execute(sql.format(marks=marks), [*chunk, value]).fetchone():
            return True
    return False


def touches_conversation(
    store: Store, conversation_id: str, changes: ChangeSet | None
) -> Touched | None:
    """Whether ``changes`` concern the open conversation (None: not at all), so a sync of
    other conversations does not re-read (and disturb) what the agent is looking at."""
    if changes is None:
        return Touched(customer=True)
    row = store.row("SELECT customer_id FROM conversations WHERE id = ?", (conversation_id,))
    customer_id = row["customer_id"] if row else ""
    customer = (
        customer_id in changes.ids.get("customer", set())
        or _any_in(
            store,
            "SELECT 1 FROM orders WHERE id IN ({marks}) AND customer_id = ? LIMIT 1",
            changes.ids.get("order", set()),
            customer_id,
        )
        or _any_in(  # the 360 lists the customer's other conversations too
            store,
            "SELECT 1 FROM conversations WHERE id IN ({marks}) AND customer_id = ? LIMIT 1",
            changes.ids.get("conversation", set()),
            customer_id,
        )
    )
    itself = conversation_id in changes.ids.get("conversation", set()) or _any_in(
        store,
        "SELECT 1 FROM messages WHERE id IN ({marks}) AND conversation_id = ? LIMIT 1",
        changes.ids.get("message", set()),
        conversation_id,
    )
    if not (itself or customer):
        return None
    return Touched(customer=customer)


# --- small reads the window makes ------------------------------------------------------------


def agent_names(store: Store) -> dict[str, str]:
    """Every agent's display name by id (the conversation's bubbles and header)."""
    return {r["id"]: r["display_name"] for r in store.rows("SELECT id, display_name FROM agents")}


def agent_load(store: Store, agent_id: str) -> Row | None:
    """The agent's capacity and availability (``max_concurrent``, ``presence``)."""
    return store.row("SELECT max_concurrent, presence FROM agents WHERE id = ?", (agent_id,))


def last_read_seq(store: Store, conversation_id: str, agent_id: str) -> int | None:
    """The newest message sequence the agent has read in the conversation (None: none yet)."""
    row = store.row(
        "SELECT last_read_seq FROM read_states WHERE conversation_id = ? AND agent_id = ?",
        (conversation_id, agent_id),
    )
    return None if row is None else int(row["last_read_seq"])


def scenario_labels(store: Store) -> dict[str, str]:
    return {r["id"]: r["label"] for r in store.rows("SELECT id, label FROM scenarios")}


def assignee_of(store: Store, conversation_id: str) -> tuple[bool, str | None]:
    """Whether the conversation is in the cache, and who it is assigned to."""
    row = store.row("SELECT assignee_id FROM conversations WHERE id = ?", (conversation_id,))
    return (row is not None, row["assignee_id"] if row else None)


def failed_message_ids(store: Store, conversation_id: str) -> list[str]:
    """Messages that did not get through: refused by the server, or not taken by the channel."""
    return [
        r["id"]
        for r in store.rows(
            f"SELECT id FROM messages m WHERE conversation_id = ? AND {_FAILED} "
            "ORDER BY created_at",
            (conversation_id,),
        )
    ]


def customer_brief(store: Store, customer_id: str) -> Row | None:
    """Name, value tier and currency of a customer (the Actions tab's heading)."""
    return store.row(
        "SELECT name, value_tier, currency FROM customers WHERE id = ?", (customer_id,)
    )


_CHUNK = 500  # ids per IN (...) list: well under SQLite's limit on bound variables
_TOUCHING = (  # what else, besides a conversation itself, changes how a conversation shows
    ("message", "SELECT DISTINCT conversation_id FROM messages WHERE id IN ({marks})"),
    ("read_state", "SELECT DISTINCT conversation_id FROM read_states WHERE id IN ({marks})"),
    ("customer", "SELECT id FROM conversations WHERE customer_id IN ({marks})"),
    ("agent", "SELECT id FROM conversations WHERE assignee_id IN ({marks})"),
)


def conversations_touched(
    store: Store, changes: ChangeSet, among: set[str] | None = None
) -> set[str]:
    """The conversations ``changes`` concern: changed themselves, or a message, read state,
    customer or assignee of theirs. ``among``: only these (the rows a view holds)."""
    touched = set(changes.ids.get("conversation", ()))
    if among is not None and not among:
        return set()
    for entity, sql in _TOUCHING:
        wanted = sorted(changes.ids.get(entity, ()))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            touched.update(str(r[0]) for r in store.conn.execute(sql.format(marks=marks), chunk))
    return touched if among is None else touched & among
