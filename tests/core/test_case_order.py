"""Which order a case is about (the agent's selection, the number named, the scenario's order,
the latest), and the refunds an order records beside the executed actions (counted once)."""

from __future__ import annotations

import json
from typing import Any

from agent_desk.core.knowledge import Context, fill, scenario_order
from agent_desk.core.refunds import order_refund, refunds_outside_actions


def _order(
    no: str,
    placed: str,
    status: str,
    shipment: str,
    *,
    refunded: int = 0,
    refunded_at: str | None = None,
    delivered_at: str | None = None,
) -> dict[str, Any]:
    return {
        "id": f"o-{no}",
        "order_no": no,
        "status": status,
        "currency": "CNY",
        "total_minor": 69_900,
        "placed_at": placed,
        "payment": {
            "paid_minor": 69_900,
            "refunded_minor": refunded,
            "refunded_at": refunded_at,
        },
        "shipment": {"status": shipment, "delivered_at": delivered_at},
    }


# latest first, as the 360 lists them
PAID = _order("DD3", "2025-11-20T08:00:00+00:00", "paid", "not_shipped")
MOVING = _order("DD2", "2025-11-15T08:00:00+00:00", "shipped", "in_transit")
REFUNDED = _order(
    "DD1",
    "2025-10-01T08:00:00+00:00",
    "partially_refunded",
    "delivered",
    refunded=12_000,
    refunded_at="2025-11-02T09:00:00+00:00",
    delivered_at="2025-10-04T08:00:00+00:00",
)
DELIVERED = _order(
    "DD0",
    "2025-09-01T08:00:00+00:00",
    "delivered",
    "delivered",
    delivered_at="2025-10-10T08:00:00+00:00",
)
ORDERS = [PAID, MOVING, REFUNDED, DELIVERED]


def test_refund_status_points_to_the_refunded_order() -> None:
    context = Context(orders=ORDERS, scenario="refund_status")
    assert context.order("我的退款什么时候到账？")["order_no"] == "DD1"
    # the refund is filled from it: the bug was the latest order and {refund_amount} left as is
    filled = fill("您的退款 {refund_amount} 已退回（订单 {order_no}）", None, context.order(""))
    assert filled.text == "您的退款 ¥120.00 已退回（订单 DD1）"
    assert filled.unfilled == []


def test_a_named_order_wins_over_the_scenario_and_a_selection_over_both() -> None:
    context = Context(orders=ORDERS, scenario="refund_status")
    assert context.order("订单 DD2 的退款呢")["order_no"] == "DD2"
    chosen = Context(orders=ORDERS, scenario="refund_status", order_id=PAID["id"])
    assert chosen.order("订单 DD2 的退款呢")["order_no"] == "DD3"


def test_each_scenario_points_to_its_kind_of_order() -> None:
    def pointed(scenario: str) -> str | None:
        order = scenario_order(ORDERS, scenario)
        return None if order is None else str(order["order_no"])

    assert pointed("where_is_my_parcel") == "DD2"
    assert pointed("delivery_delay") == "DD2"
    assert pointed("cancel_order") == "DD3"
    # the most recently delivered, by delivery: DD0 arrived after DD1
    assert pointed("damaged_item") == "DD0"
    assert pointed("return_exchange") == "DD0"
    assert pointed("invoice") is None  # no order kind: the latest is used
    assert Context(orders=ORDERS, scenario="invoice").order()["order_no"] == "DD3"
    assert Context(orders=ORDERS).order()["order_no"] == "DD3"


def test_no_order_of_the_kind_falls_back_to_the_latest() -> None:
    context = Context(orders=[PAID, DELIVERED], scenario="refund_status")
    assert context.order("where is my refund")["order_no"] == "DD3"


def test_the_most_recently_refunded_wins_and_the_cache_shape_is_read() -> None:
    early = _order(
        "DD9",
        "2025-11-10T08:00:00+00:00",
        "refunded",
        "returned",
        refunded=69_900,
        refunded_at="2025-11-11T08:00:00+00:00",
    )
    assert scenario_order([early, REFUNDED], "refund_status")["order_no"] == "DD9"
    # the cache keeps payment and shipment JSON-encoded
    cached = {
        **REFUNDED,
        "payment": json.dumps(REFUNDED["payment"]),
        "shipment": json.dumps(REFUNDED["shipment"]),
    }
    assert scenario_order([PAID, cached], "refund_status") is cached
    # a refunded status without an amount still counts
    status_only = _order("DD7", "2025-08-01T08:00:00+00:00", "refunded", "returned")
    assert scenario_order([PAID, status_only], "refund_status") is status_only


def test_the_context_scenario_travels_in_json() -> None:
    context = Context.from_json({"orders": ORDERS, "scenario": "refund_status"})
    assert context.order()["order_no"] == "DD1"


# --- refunds ---------------------------------------------------------------------------------


def test_order_refund_reads_amount_date_and_state() -> None:
    refund = order_refund(REFUNDED)
    assert refund is not None
    assert (refund.amount_minor, refund.at, refund.full) == (
        12_000,
        "2025-11-02T09:00:00+00:00",
        False,
    )
    assert order_refund(PAID) is None
    full = _order("DD8", "2025-08-01T08:00:00+00:00", "refunded", "returned", refunded=69_900)
    assert order_refund(full) is not None and order_refund(full).full  # type: ignore[union-attr]


def test_refunds_outside_actions_are_counted_once() -> None:
    other = _order(
        "DD5",
        "2025-07-01T08:00:00+00:00",
        "partially_refunded",
        "delivered",
        refunded=30_000,
        refunded_at="2025-07-09T08:00:00+00:00",
    )
    # nothing done from the desk: both order refunds are history
    outside = refunds_outside_actions([REFUNDED, other], [])
    assert [(r.order_no, r.amount_minor) for r in outside] == [("DD1", 12_000), ("DD5", 30_000)]
    # an executed refund on DD1 of all of it (the summary and the synced row both list it):
    # the order's refund is that action's, not a second one
    action = {
        "id": "a1",
        "type": "refund",
        "status": "executed",
        "order_id": REFUNDED["id"],
        "amount_minor": 12_000,
        "currency": "CNY",
    }
    summary = {**action, "id": None, "action_id": "a1"}
    outside = refunds_outside_actions([REFUNDED, other], [action, summary])
    assert [(r.order_no, r.amount_minor) for r in outside] == [("DD5", 30_000)]
    # a part by an action, the rest outside: only the rest, never "in full"
    part = {**action, "id": "a2", "order_id": other["id"], "amount_minor": 10_000}
    outside = refunds_outside_actions([other], [part])
    assert [(r.amount_minor, r.full) for r in outside] == [(20_000, False)]
    # a coupon, a pending or another currency's refund does not account for the order's money
    ignored = [
        {**action, "id": "c", "type": "coupon"},
        {**action, "id": "p", "status": "pending_approval"},
        {**action, "id": "u", "currency": "USD"},
    ]
    assert [r.amount_minor for r in refunds_outside_actions([REFUNDED], ignored)] == [12_000]
