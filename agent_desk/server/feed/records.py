"""Entity rows as change-feed records, and the visibility scope of each entity's changes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.server.resolution.daily_spend import day_of, load_usages, publish_usage
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Scope, WriteTx, utcnow

Data = dict[str, Any]
_Row = sa.Row[Any]


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _plain(row: _Row, *, drop: tuple[str, ...] = ()) -> Data:
    out: Data = {}
    for key, value in row._mapping.items():
        if key in drop:
            continue
        out[key] = _iso(value) if isinstance(value, datetime) else value
    return out


def _by_id(conn: Connection, table: sa.Table, ids: list[str], key: str = "id") -> dict[str, _Row]:
    rows: dict[str, _Row] = {}
    column = table.c[key]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in conn.execute(sa.select(table).where(column.in_(chunk))):
            rows[row._mapping[key]] = row
    return rows


def _load_simple(
    table: sa.Table, drop: tuple[str, ...] = ()
) -> Callable[[Connection, list[str]], dict[str, Data]]:
    def load(conn: Connection, ids: list[str]) -> dict[str, Data]:
        return {k: _plain(r, drop=drop) for k, r in _by_id(conn, table, ids).items()}

    return load


def _load_customers(conn: Connection, ids: list[str]) -> dict[str, Data]:
    out = {k: _plain(r) for k, r in _by_id(conn, t.customers, ids).items()}
    idents: dict[str, list[Data]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = (
            sa.select(t.customer_identities)
            .where(t.customer_identities.c.customer_id.in_(chunk))
            .order_by(t.customer_identities.c.kind, t.customer_identities.c.value)
        )
        for row in conn.execute(query):
            idents[row.customer_id].append(
                {"kind": row.kind, "value": row.value, "verified": row.verified}
            )
    for key, data in out.items():
        data["identities"] = idents.get(key, [])
    return out


def _load_pairs(table: sa.Table) -> Callable[[Connection, list[str]], dict[str, Data]]:
    """Entities whose id is "<conversation_id>:<agent_id>"."""

    def load(conn: Connection, ids: list[str]) -> dict[str, Data]:
        out: dict[str, Data] = {}
        pairs = [tuple(i.split(":", 1)) for i in ids if ":" in i]
        for start in range(0, len(pairs), 200):
            chunk = pairs[start : start + 200]
            cond = sa.tuple_(table.c.conversation_id, table.c.agent_id).in_(chunk)
            for row in conn.execute(sa.select(table).where(cond)):
                key = f"{row.conversation_id}:{row.agent_id}"
                out[key] = {"id": key, **_plain(row)}
        return out

    return load


def _load_sla(conn: Connection, ids: list[str]) -> dict[str, Data]:
    rows = _by_id(conn, t.sla_policies, ids, key="channel")
    return {k: {"id": k, **_plain(r)} for k, r in rows.items()}


LOADERS: dict[str, Callable[[Connection, list[str]], dict[str, Data]]] = {
    "team": _load_simple(t.teams),
    "agent": _load_simple(t.agents, drop=("password_hash", "created_at")),
    "customer": _load_customers,
    "order": _load_simple(t.orders),
    "conversation": _load_simple(t.conversations),
    "message": _load_simple(t.messages, drop=("external_key",)),
    "article": _load_simple(t.articles, drop=("updated_by",)),
    "scenario": _load_simple(t.scenarios),
    "sla_policy": _load_sla,
    "conversation_share": _load_pairs(t.conversation_shares),
    "read_state": _load_pairs(t.read_states),
    "action_type": _load_simple(t.action_types),
    "authority_policy": _load_simple(t.authority_policies),
    "action": _load_simple(t.actions),
    "authority_usage": load_usages,
}

PUBLIC = Scope(public=True)
EDITORS_ONLY = Scope()
"""Supervisors and admins only: no public flag, no audience, no case (``visibility``)."""


def article_scope(status: str) -> Scope:
    """Published and retired articles reach everyone (retired ones so clients drop them);
    drafts only the editors (supervisors and admins)."""
    return EDITORS_ONLY if status == "draft" else PUBLIC


def publish_article(tx: WriteTx, article_id: str, status: str, *, was: str | None = None) -> None:
    """Announce an article; one taken back into draft is deleted from everyone else's cache."""
    if status == "draft" and was not in (None, "draft"):
        tx.changed("article", article_id, PUBLIC, op="delete")
    tx.changed("article", article_id, article_scope(status))


def publish_everything(tx: WriteTx) -> int:
    """Append an upsert change for every row (after a bulk import such as the demo data)."""
    conn = tx.conn
    count = 0

    def emit(entity: str, ids: Iterable[str], scope_of: Callable[[str], Scope]) -> None:
        nonlocal count
        for entity_id in ids:
            tx.changed(entity, entity_id, scope_of(entity_id))
            count += 1

    emit("team", conn.execute(sa.select(t.teams.c.id)).scalars(), lambda _: PUBLIC)
    emit("agent", conn.execute(sa.select(t.agents.c.id)).scalars(), lambda _: PUBLIC)
    emit(
        "sla_policy", conn.execute(sa.select(t.sla_policies.c.channel)).scalars(), lambda _: PUBLIC
    )
    for row in conn.execute(sa.select(t.articles.c.id, t.articles.c.status)):
        tx.changed("article", row.id, article_scope(row.status))
        count += 1
    emit("scenario", conn.execute(sa.select(t.scenarios.c.id)).scalars(), lambda _: PUBLIC)
    emit("action_type", conn.execute(sa.select(t.action_types.c.id)).scalars(), lambda _: PUBLIC)
    emit(
        "authority_policy",
        conn.execute(sa.select(t.authority_policies.c.id)).scalars(),
        lambda _: PUBLIC,
    )
    emit(
        "customer",
        conn.execute(sa.select(t.customers.c.id)).scalars(),
        lambda i: Scope(customer_id=i),
    )
    for row in conn.execute(sa.select(t.orders.c.id, t.orders.c.customer_id)):
        tx.changed("order", row.id, Scope(customer_id=row.customer_id))
        count += 1
    for row in conn.execute(sa.select(t.conversations.c.id, t.conversations.c.customer_id)):
        tx.changed(
            "conversation", row.id, Scope(conversation_id=row.id, customer_id=row.customer_id)
        )
        count += 1
    query = sa.select(t.messages.c.id, t.messages.c.conversation_id).order_by(
        t.messages.c.conversation_id, t.messages.c.seq
    )
    for row in conn.execute(query):
        tx.changed("message", row.id, Scope(conversation_id=row.conversation_id))
        count += 1
    for row in conn.execute(sa.select(t.conversation_shares)):
        key = f"{row.conversation_id}:{row.agent_id}"
        tx.changed("conversation_share", key, Scope(conversation_id=row.conversation_id))
        count += 1
    for row in conn.execute(sa.select(t.read_states)):
        key = f"{row.conversation_id}:{row.agent_id}"
        tx.changed("read_state", key, Scope(audience_agent_id=row.agent_id))
        count += 1
    query = sa.select(t.actions.c.id, t.actions.c.conversation_id, t.actions.c.customer_id)
    for act in conn.execute(query.order_by(t.actions.c.requested_at)):
        tx.changed("action", act.id, conversation_scope(act.conversation_id, act.customer_id))
        count += 1
    today = day_of(utcnow())
    for agent_id in conn.execute(
        sa.select(t.actions.c.authorized_by)
        .where(t.actions.c.executed_at >= datetime(today.year, today.month, today.day, tzinfo=UTC))
        .distinct()
    ).scalars():
        if agent_id is not None:
            publish_usage(tx, agent_id, today)
            count += 2
    return count


def publish_case(tx: WriteTx, conversation_id: str) -> None:
    """Re-announce a conversation with its customer, orders and messages.

    Called when someone newly gains access (shared with them, moved to their team): the feed is
    read by cursor, so history they could not see before must be appended again to reach them.
    """
    conn = tx.conn
    conv = conn.execute(
        sa.select(t.conversations.c.customer_id).where(t.conversations.c.id == conversation_id)
    ).first()
    if conv is None:
        return
    customer_id = conv.customer_id
    tx.changed("customer", customer_id, Scope(customer_id=customer_id))
    for order_id in conn.execute(
        sa.select(t.orders.c.id).where(t.orders.c.customer_id == customer_id)
    ).scalars():
        tx.changed("order", order_id, Scope(customer_id=customer_id))
    tx.changed("conversation", conversation_id, conversation_scope(conversation_id, customer_id))
    for message_id in conn.execute(
        sa.select(t.messages.c.id)
        .where(t.messages.c.conversation_id == conversation_id)
        .order_by(t.messages.c.seq)
    ).scalars():
        tx.changed("message", message_id, Scope(conversation_id=conversation_id))
    for action_id in conn.execute(
        sa.select(t.actions.c.id)
        .where(t.actions.c.conversation_id == conversation_id)
        .order_by(t.actions.c.requested_at)
    ).scalars():
        tx.changed("action", action_id, conversation_scope(conversation_id, customer_id))


def conversation_scope(conversation_id: str, customer_id: str) -> Scope:
    return Scope(conversation_id=conversation_id, customer_id=customer_id)
