"""The palette's search over a real temp cache: what matches, in which order, and what it opens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_desk.store.search import Hit, palette_search
from agent_desk.store.store import Store


def _customer(tx, cid: str, name: str, *identities: tuple[str, str]) -> None:
    tx.write(
        "customer",
        {"id": cid, "name": name, "identities": [{"kind": k, "value": v} for k, v in identities]},
    )


def _conversation(
    tx, cid: str, customer: str, subject: str, last: str | None, status: str = "open"
) -> None:
    tx.write(
        "conversation",
        {
            "id": cid,
            "customer_id": customer,
            "channel": "chat",
            "subject": subject,
            "status": status,
            "priority": "normal",
            "created_at": "2024-01-01T00:00:00Z",
            "last_message_at": last,
        },
    )


def _order(tx, oid: str, order_no: str, customer: str, placed: str) -> None:
    tx.write(
        "order",
        {
            "id": oid,
            "order_no": order_no,
            "customer_id": customer,
            "status": "paid",
            "currency": "CNY",
            "total_minor": 1000,
            "placed_at": placed,
        },
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "cache.db")
    with s.transaction() as tx:
        _customer(
            tx, "cu_anna", "Anna Li", ("phone", "+8613800138000"), ("email", "anna@example.com")
        )
        _customer(tx, "cu_joanna", "Joanna Brown", ("email", "jo@example.net"))
        _customer(tx, "cu_lily", "Lily Annandale", ("wechat_id", "lily_wx_77"))
        _customer(tx, "cu_pct", "100% Cotton Ltd")
        _customer(tx, "cu_1000", "1000 Things")
        _customer(tx, "cu_under", "a_b trading")
        _customer(tx, "cu_axb", "axb trading")
        _customer(tx, "cu_quiet", "Quiet Quentin")  # has an order, never wrote to us
        _customer(tx, "cu_wang", "王芳", ("phone", "+8613900139000"))
        # Anna: the resolved one is the most recently active
        _conversation(tx, "cv_anna_old", "cu_anna", "Where is my parcel", "2024-03-01T10:00:00Z")
        _conversation(
            tx, "cv_anna_new", "cu_anna", "Refund status", "2024-05-01T10:00:00Z", "resolved"
        )
        _conversation(tx, "cv_anna_mid", "cu_anna", "Size advice", "2024-04-01T10:00:00Z")
        _conversation(tx, "cv_joanna", "cu_joanna", "Damaged item", "2024-06-01T10:00:00Z")
        _conversation(tx, "cv_lily", "cu_lily", "Annual invoice", "2024-02-01T10:00:00Z")
        _conversation(tx, "cv_wang", "cu_wang", "退款进度", "2024-02-02T10:00:00Z")
        # never had a message: falls back to its creation time
        _conversation(tx, "cv_pct", "cu_pct", "Bulk order 50% off?", None)
        _order(tx, "o_anna", "A1001", "cu_anna", "2024-02-10T08:00:00Z")
        _order(tx, "o_anna2", "A10012", "cu_anna", "2024-02-11T08:00:00Z")
        _order(tx, "o_quiet", "Q-77", "cu_quiet", "2024-02-12T08:00:00Z")
    yield s
    s.close()


def _keys(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(h.kind, h.id) for h in hits]


def test_empty_and_whitespace_find_nothing(store: Store) -> None:
    assert palette_search(store, "") == []
    assert palette_search(store, "   \t\n") == []
    assert palette_search(store, "anna", limit=0) == []


def test_prefix_ranks_before_substring(store: Store) -> None:
    customers = [h.id for h in palette_search(store, "ann") if h.kind == "customer"]
    # "Anna Li" starts with it; "Lily Annandale" has a word that does; "Joanna" only contains it
    assert customers == ["cu_anna", "cu_lily", "cu_joanna"]
    hits = palette_search(store, "ann")
    # across kinds too: every prefix match comes before any substring-only match
    first_joanna = _keys(hits).index(("customer", "cu_joanna"))
    assert ("conversation", "cv_lily") in _keys(hits)[:first_joanna]  # "Annual invoice"
    assert ("conversation", "cv_joanna") in _keys(hits)[first_joanna:]


def test_equal_ranks_before_prefix(store: Store) -> None:
    orders = [h.title for h in palette_search(store, "a1001") if h.kind == "order"]
    assert orders == ["A1001", "A10012"]


def test_case_insensitive_for_latin_text(store: Store) -> None:
    assert ("customer", "cu_anna") in _keys(palette_search(store, "ANNA LI"))
    assert ("customer", "cu_anna") in _keys(palette_search(store, "anna@EXAMPLE.com"))


def test_percent_and_underscore_are_literal(store: Store) -> None:
    found = _keys(palette_search(store, "100%"))
    assert ("customer", "cu_pct") in found
    assert ("customer", "cu_1000") not in found
    assert _keys(palette_search(store, "%")) == [
        ("customer", "cu_pct"),
        ("conversation", "cv_pct"),
    ]
    underscore = [h.id for h in palette_search(store, "a_b") if h.kind == "customer"]
    assert underscore == ["cu_under"]
    assert palette_search(store, "\\") == []


def test_conversations_by_subject_and_by_customer_name(store: Store) -> None:
    assert ("conversation", "cv_joanna") in _keys(palette_search(store, "damaged"))
    by_name = [h for h in palette_search(store, "Anna Li") if h.kind == "conversation"]
    # most recently active first; a conversation hit opens itself
    assert [h.id for h in by_name] == ["cv_anna_new", "cv_anna_mid", "cv_anna_old"]
    assert all(h.conversation_id == h.id for h in by_name)
    assert by_name[0].title == "Refund status"
    assert by_name[0].detail == "Anna Li"
    assert ("conversation", "cv_wang") in _keys(palette_search(store, "退款"))


def test_customers_by_any_identity(store: Store) -> None:
    by_email = palette_search(store, "jo@example")
    assert _keys(by_email) == [("customer", "cu_joanna")]
    assert by_email[0].detail == "jo@example.net"
    assert _keys(palette_search(store, "lily_wx")) == [("customer", "cu_lily")]
    # a phone as people say it: spaces, dashes, without the country code
    for typed in ("138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "13800138000"):
        assert ("customer", "cu_anna") in _keys(palette_search(store, typed)), typed
    assert _keys(palette_search(store, "王")) == [
        ("customer", "cu_wang"),
        ("conversation", "cv_wang"),
    ]


def test_customer_and_order_open_the_latest_conversation(store: Store) -> None:
    (customer,) = [h for h in palette_search(store, "Anna Li") if h.kind == "customer"]
    assert customer.conversation_id == "cv_anna_new"  # resolved, but the most recent
    (order,) = [h for h in palette_search(store, "A1001") if h.title == "A1001"]
    assert order.kind == "order"
    assert order.id == "o_anna"
    assert order.conversation_id == "cv_anna_new"
    assert order.detail == "Anna Li · 2024-02-10"
    # without a message, a conversation's activity is its creation
    (cotton,) = [h for h in palette_search(store, "Cotton") if h.kind == "customer"]
    assert cotton.conversation_id == "cv_pct"


def test_no_conversation_means_none(store: Store) -> None:
    quiet = palette_search(store, "Quiet")
    assert quiet == [Hit("customer", "cu_quiet", "Quiet Quentin", "", None)]
    (order,) = palette_search(store, "#Q-77")
    assert (order.kind, order.id, order.conversation_id) == ("order", "o_quiet", None)


def test_latest_follows_new_activity(store: Store) -> None:
    with store.transaction() as tx:
        _conversation(tx, "cv_anna_latest", "cu_anna", "Coupon", "2024-07-01T10:00:00Z")
    (order,) = [h for h in palette_search(store, "A1001") if h.title == "A1001"]
    assert order.conversation_id == "cv_anna_latest"


def test_limit_holds_across_kinds(store: Store) -> None:
    assert len(palette_search(store, "a", limit=3)) == 3
    everything = palette_search(store, "a", limit=100)
    assert len(everything) == len(set(_keys(everything)))  # each thing once
    assert len(everything) > 3
