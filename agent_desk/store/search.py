"""What the command palette finds in the cache: conversations, customers and orders (no Qt).

One query per kind, each branch cut by its own ``LIMIT`` and joined only for the rows it keeps,
so the cost stays a few scans of narrow columns: about 12-25 ms for a query of two or more
characters with 20,000 conversations, 10,000 customers and 40,000 orders (about 45 ms for a single
Latin letter or digit, which matches nearly every row; the palette does not send those). Matching is
SQLite's ``LIKE``: case-insensitive for ASCII Latin letters, exact for every other character,
with ``%``, ``_`` and ``\\`` in the query taken literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from agent_desk.store.store import Row, Store

HitKind = Literal["conversation", "customer", "order"]

MAX_QUERY = 200  # longer text is cut: nobody remembers more, and LIKE cost grows with it

_PHONE_LIKE = re.compile(r"^\+?[\d\s\-().]+$")
_NON_DIGITS = re.compile(r"\D")

# the order hits of one rank appear in when ranks tie: a person first, then their conversations
_KIND_ORDER: dict[str, int] = {"customer": 0, "conversation": 1, "order": 2}


@dataclass(frozen=True)
class Hit:
    """One palette result.

    ``title`` and ``detail`` are data as stored (customer-written, untrusted: show as plain
    text). ``conversation_id`` is what choosing the hit opens: the conversation itself, or for a
    customer or an order the customer's most recently active conversation (None if none).
    """

    kind: HitKind
    id: str
    title: str
    detail: str
    conversation_id: str | None


def _rows(store: Store, sql: str, params: dict[str, Any]) -> list[Row]:
    # named parameters: Store.rows takes a sequence
    cur = store.conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _rank(column: str) -> str:
    """0 equal, 1 prefix, 2 start of a later word, 3 anywhere (the row already matched)."""
    return (
        f"CASE WHEN {column} LIKE :exact ESCAPE '\\' THEN 0 "
        f"WHEN {column} LIKE :prefix ESCAPE '\\' THEN 1 "
        f"WHEN {column} LIKE :word ESCAPE '\\' THEN 2 ELSE 3 END"
    )


def _matches(column: str) -> str:
    return f"{column} LIKE :sub ESCAPE '\\'"


# most recently active: last message, else creation; ties broken by id so the answer is stable
_LATEST_CONVERSATION = (
    "(SELECT lc.id FROM conversations lc WHERE lc.customer_id = {customer} "
    "ORDER BY COALESCE(lc.last_message_at, lc.created_at) IS NULL, "
    "COALESCE(lc.last_message_at, lc.created_at) DESC, lc.id DESC LIMIT 1)"
)


_ACTIVE = "COALESCE({t}.last_message_at, {t}.created_at)"


def _conversations(store: Store, params: dict[str, Any]) -> list[tuple[int, Hit]]:
    # Two narrow branches, each cut to the limit, instead of one scan over a join: matching
    # names first (10k customers, then the customer index) costs far less than joining every
    # conversation to its customer to test the name. CROSS JOIN keeps SQLite to that order.
    active = _ACTIVE.format(t="c")
    recent = f"{active} IS NULL, {active} DESC, c.id"
    rows = _rows(
        store,
        "WITH m AS ("
        f" SELECT * FROM (SELECT c.id, n.rank, {active} AS active FROM "
        f"  (SELECT id, {_rank('name')} AS rank FROM customers WHERE {_matches('name')}) n "
        "  CROSS JOIN conversations c ON c.customer_id = n.id "
        f"  ORDER BY n.rank, {recent} LIMIT :limit) "
        " UNION ALL "
        f" SELECT * FROM (SELECT c.id, {_rank('c.subject')} AS rank, {active} AS active "
        f"  FROM conversations c WHERE {_matches('c.subject')} "
        f"  ORDER BY rank, {recent} LIMIT :limit)"
        "), best AS (SELECT id, min(rank) AS rank, active FROM m GROUP BY id) "
        "SELECT best.id, best.rank, c.subject, cu.name AS customer_name FROM best "
        "JOIN conversations c ON c.id = best.id LEFT JOIN customers cu ON cu.id = c.customer_id "
        "ORDER BY best.rank, best.active IS NULL, best.active DESC, best.id LIMIT :limit",
        params,
    )
    return [
        (
            int(r["rank"]),
            Hit(
                kind="conversation",
                id=r["id"],
                title=r["subject"] or r["customer_name"] or "",
                detail=(r["customer_name"] or "") if r["subject"] else "",
                conversation_id=r["id"],
            ),
        )
        for r in rows
    ]


def _customers(store: Store, params: dict[str, Any], phone: bool) -> list[tuple[int, Hit]]:
    identities = [
        f"SELECT customer_id, {_rank('value')} AS rank, value "
        f"FROM customer_identities WHERE {_matches('value')}",
    ]
    if phone:
        # "138 0013-8000" finds "+8613800138000": phones are stored as digits with a country code
        identities.append(
            "SELECT customer_id, CASE WHEN value = :phone_exact THEN 0 "
            "WHEN value LIKE :phone_prefix THEN 1 ELSE 3 END, value "
            "FROM customer_identities WHERE kind = 'phone' AND value LIKE :phone_sub"
        )
    # SQLite: a bare column next to min() comes from the row that holds the minimum.
    # Each branch is cut to the limit on its own (one row per customer in each), so the union
    # still holds the best `limit` customers.
    by_name = "cu.name COLLATE NOCASE, cu.id"
    rows = _rows(
        store,
        "WITH m AS ("
        f" SELECT * FROM (SELECT id AS customer_id, {_rank('name')} AS rank, NULL AS matched, "
        f"  name FROM customers cu WHERE {_matches('name')} ORDER BY rank, {by_name} "
        "  LIMIT :limit) "
        " UNION ALL "
        " SELECT * FROM (SELECT i.customer_id, i.rank, i.value, cu.name FROM "
        f"  (SELECT customer_id, min(rank) AS rank, value FROM ({' UNION ALL '.join(identities)}) "
        "   GROUP BY customer_id) i JOIN customers cu ON cu.id = i.customer_id "
        f"  ORDER BY i.rank, {by_name} LIMIT :limit)"
        "), best AS (SELECT customer_id, min(rank) AS rank, matched, name FROM m "
        " GROUP BY customer_id ORDER BY rank, name COLLATE NOCASE, customer_id LIMIT :limit) "
        "SELECT customer_id, rank, name, "
        "COALESCE(matched, (SELECT ci.value FROM customer_identities ci "
        " WHERE ci.customer_id = best.customer_id "
        " ORDER BY ci.kind != 'phone', ci.kind != 'email', ci.kind, ci.value LIMIT 1), '') "
        f"AS detail, {_LATEST_CONVERSATION.format(customer='best.customer_id')} AS latest "
        "FROM best ORDER BY rank, name COLLATE NOCASE, customer_id",
        params,
    )
    return [
        (
            int(r["rank"]),
            Hit(
                kind="customer",
                id=r["customer_id"],
                title=r["name"] or "",
                detail=r["detail"] or "",
                conversation_id=r["latest"],
            ),
        )
        for r in rows
    ]


def _orders(store: Store, params: dict[str, Any]) -> list[tuple[int, Hit]]:
    rows = _rows(
        store,
        "SELECT h.id, h.order_no, h.rank, h.placed_at, cu.name AS customer_name, "
        f"{_LATEST_CONVERSATION.format(customer='h.customer_id')} AS latest "
        "FROM (SELECT o.id, o.order_no, o.customer_id, o.placed_at, "
        f" {_rank('o.order_no')} AS rank FROM orders o WHERE {_matches('o.order_no')} "
        " ORDER BY rank, o.placed_at IS NULL, o.placed_at DESC, o.id LIMIT :limit) h "
        "LEFT JOIN customers cu ON cu.id = h.customer_id "
        "ORDER BY h.rank, h.placed_at IS NULL, h.placed_at DESC, h.id",
        params,
    )
    hits = []
    for r in rows:
        parts = [r["customer_name"] or "", (r["placed_at"] or "")[:10]]
        hits.append(
            (
                int(r["rank"]),
                Hit(
                    kind="order",
                    id=r["id"],
                    title=r["order_no"],
                    detail=" · ".join(p for p in parts if p),
                    conversation_id=r["latest"],
                ),
            )
        )
    return hits


def _params(text: str, limit: int) -> dict[str, Any]:
    escaped = _escape(text)
    return {
        "exact": escaped,
        "prefix": escaped + "%",
        "word": "% " + escaped + "%",
        "sub": "%" + escaped + "%",
        "limit": limit,
    }


def palette_search(store: Store, text: str, limit: int = 20) -> list[Hit]:
    """Conversations, customers and orders matching ``text``, best first, at most ``limit``.

    Conversations match by customer name or subject; customers by name or any identity (phone,
    email, platform ids; a phone may be typed with spaces or dashes); orders by order number
    (a leading ``#`` is ignored). Within the whole list, an equal match comes first, then a
    prefix, then a match at the start of a later word, then one anywhere; ties go customer,
    conversation, order, and within a kind the most recent (or, for customers, by name) first.
    """
    text = text.strip()[:MAX_QUERY]
    if not text or limit <= 0:
        return []
    params = _params(text, limit)
    order_text = text.removeprefix("#").strip() or text
    order_params = _params(order_text, limit)
    digits = _NON_DIGITS.sub("", text)
    phone = bool(_PHONE_LIKE.match(text)) and len(digits) >= 3
    if phone:
        params["phone_exact"] = "+" + digits
        params["phone_prefix"] = "+" + digits + "%"
        params["phone_sub"] = "%" + digits + "%"
    ranked = [
        *_customers(store, params, phone),
        *_conversations(store, params),
        *_orders(store, order_params),
    ]
    # a stable sort keeps each kind's own order inside a rank
    ranked.sort(key=lambda pair: (pair[0], _KIND_ORDER[pair[1].kind]))
    return [hit for _rank_value, hit in ranked[:limit]]
