"""Authority over the whole case, not one action (issue 11): the four ways a new user walked
around the limits through the raw API as ``agent``, each refused or sent to a supervisor now,
and concurrent requests that cannot spend one customer's allowance twice."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from agent_desk.core.ids import new_id
from agent_desk.server.storage import schema as t
from tests.server.conftest import Running
from tests.server.test_actions import (
    REQUEST,
    add_order,
    order_row,
    rows,
    set_tier,
    shared_token_clients,
)


def _request(
    running: Running,
    kind: str,
    order_id: str | None,
    params: dict[str, Any],
    reason: str = "damaged",
    client: Any = None,
) -> dict[str, Any]:
    args = {
        "action_id": new_id(),
        "conversation_id": running.world.conversations["a_open"],
        "type": kind,
        "params": params,
        "currency": "CNY",
        "reason_code": reason,
    } | ({"order_id": order_id} if order_id else {})
    return running.mutate(client or running.client("alice"), REQUEST, args)


def _status(outcome: dict[str, Any]) -> str:
    if outcome["status"] == "rejected":
        return f"rejected:{outcome['error']['code']}"
    return str(outcome["result"]["status"])


def test_a_refund_split_in_five_needs_approval_after_the_first(running: Running) -> None:
    set_tier(running, "c_a", "standard")  # ¥200 per refund for an agent
    order = add_order(running, total=100_000)
    outcomes = [_request(running, "refund", order, {"amount_minor": 20_000}) for _ in range(5)]
    assert [_status(o) for o in outcomes] == ["executed"] + ["pending_approval"] * 4
    waiting = outcomes[1]["result"]
    assert waiting["approval_reason"].startswith("over_order_limit")
    assert "¥200.00 refunded on this order in 30 days" in waiting["approval_reason"]
    assert sum(r["amount_minor"] for r in rows(running, t.ledger)) == 20_000


def test_an_order_is_reshipped_once_without_approval(running: Running) -> None:
    order = add_order(running, total=18_900, shipment="delivered", status="delivered")
    first = _request(running, "reship", order, {}, "lost_parcel")
    assert _status(first) == "executed"
    assert order_row(running, order)["shipment"]["reshipments"] == 1
    for _ in range(3):  # it is in transit again: no longer a reason for another one by itself
        again = _request(running, "reship", order, {}, "lost_parcel")
        assert _status(again) == "pending_approval", again
        assert again["result"]["approval_reason"].startswith("over_count_limit")
    assert len([r for r in rows(running, t.ledger) if r["kind"] == "reship"]) == 1


def test_the_return_window_extends_once_and_within_the_cap(running: Running) -> None:
    order = add_order(running, total=30_000, shipment="delivered", status="delivered")
    too_long = _request(running, "extend_return_window", order, {"days": 90}, "customer_request")
    assert _status(too_long) == "pending_approval"  # an agent gives 30 days at most
    assert too_long["result"]["approval_reason"].startswith("over_days_limit")
    first = _request(running, "extend_return_window", order, {"days": 30}, "customer_request")
    assert _status(first) == "executed"
    for _ in range(2):
        again = _request(running, "extend_return_window", order, {"days": 30}, "customer_request")
        assert _status(again) == "pending_approval"
    assert len([r for r in rows(running, t.ledger) if r["kind"] == "extend_return_window"]) == 1


def test_shipping_is_refunded_only_when_paid_at_most_the_fee_once(running: Running) -> None:
    free = add_order(running, total=30_000)  # no shipping fee
    outcome = _request(running, "refund_shipping", free, {"amount_minor": 1_500}, "late_delivery")
    assert _status(outcome) == "rejected:no_shipping_fee"
    paid = add_order(running, total=5_000, shipping=1_000)
    more = _request(running, "refund_shipping", paid, {"amount_minor": 1_500}, "late_delivery")
    assert _status(more) == "rejected:amount_exceeds_shipping_fee"
    done = _request(running, "refund_shipping", paid, {"amount_minor": 1_000}, "late_delivery")
    assert _status(done) == "executed"
    again = _request(running, "refund_shipping", paid, {"amount_minor": 1_000}, "late_delivery")
    assert _status(again) == "rejected:shipping_already_refunded"
    assert order_row(running, paid)["payment"]["shipping_refunded_minor"] == 1_000


def test_twenty_concurrent_refunds_for_one_customer_stay_within_its_allowance(
    running: Running,
) -> None:
    """Gold customer: ¥800 per refund, ¥1,600 of refunds and ¥1,600 of all compensation per
    customer in 30 days for an agent. Twenty ¥300 refunds on twenty orders, at once."""
    set_tier(running, "c_a", "gold")
    orders = [add_order(running, total=30_000) for _ in range(20)]
    clients = shared_token_clients(running, "alice", 10)
    barrier = threading.Barrier(10)

    def refund(i: int) -> dict[str, Any]:
        if i < 10:
            barrier.wait()
        return _request(
            running, "refund", orders[i], {"amount_minor": 30_000}, client=clients[i % 10]
        )

    with ThreadPoolExecutor(10) as pool:
        outcomes = list(pool.map(refund, range(20)))
    statuses = [_status(o) for o in outcomes]
    assert statuses.count("executed") == 5, statuses  # 5 × ¥300 = ¥1,500 ≤ ¥1,600 < 6 × ¥300
    assert statuses.count("pending_approval") == 15
    moved = sum(r["amount_minor"] for r in rows(running, t.ledger))
    assert moved == 150_000
    reasons = {
        o["result"]["approval_reason"].split(":")[0]
        for o in outcomes
        if _status(o) == "pending_approval"
    }
    assert reasons <= {"over_customer_limit", "over_customer_total"}
