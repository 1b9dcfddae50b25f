"""The rule book over its whole grid: every action type × every order state × every value tier ×
every role, through ``core.resolution.plan_action`` and ``core.authority.evaluate`` — what is
refused and why, and that authority grows with the role and the customer's value.

``tests/server/test_resolution_agreement.py`` runs the same grid through the server's API and the
client's preview and checks they agree row by row.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from agent_desk.core import authority, resolution
from agent_desk.core.authority import DEFAULT_POLICY
from agent_desk.core.enums import ActionType, Role, ValueTier
from agent_desk.core.errors import DomainError

A = ActionType
TOTAL, SHIPPING = 50_000, 1_000
LINE = {"sku": "TV-1", "title": "电视机", "quantity": 1, "unit_price_minor": TOTAL - SHIPPING}

# state name -> (order status, paid, refunded, shipment status, extra shipment, shipping refunded)
STATES: dict[str, tuple[str, int, int, str, dict[str, Any], int]] = {
    "unpaid": ("pending_payment", 0, 0, "not_shipped", {}, 0),
    "paid": ("paid", TOTAL, 0, "not_shipped", {}, 0),
    "label_created": ("paid", TOTAL, 0, "label_created", {}, 0),
    "in_transit": ("shipped", TOTAL, 0, "in_transit", {}, 0),
    "delivered": ("delivered", TOTAL, 0, "delivered", {}, 0),
    "partly_refunded": ("partially_refunded", TOTAL, 20_000, "delivered", {}, 0),
    "refunded": ("refunded", TOTAL, TOTAL, "delivered", {}, 0),
    "cancelled": ("cancelled", 0, 0, "not_shipped", {}, 0),
    "returned": ("shipped", TOTAL, 0, "returned", {}, 0),
    "exception": ("shipped", TOTAL, 0, "exception", {}, 0),
    "reshipped": ("shipped", TOTAL, 0, "in_transit", {"reshipments": 1}, 0),
    "shipping_refunded": ("delivered", TOTAL, SHIPPING, "delivered", {}, SHIPPING),
}

# what the agent asks for, per type
PARAMS: dict[ActionType, dict[str, Any]] = {
    A.REFUND: {"amount_minor": 30_000},
    A.REFUND_NO_RETURN: {"line_skus": ["TV-1"]},
    A.RESHIP: {},
    A.COUPON: {"coupon_value_minor": 8_000},
    A.STORE_CREDIT: {"amount_minor": 8_000},
    A.CANCEL_ORDER: {},
    A.REFUND_SHIPPING: {"amount_minor": SHIPPING},
    A.EXPEDITE_SHIPPING: {},
    A.EXTEND_RETURN_WINDOW: {"days": 15},
}

# the refusals of the order's state (the same for every tier and role); missing: accepted
REFUSED: dict[tuple[ActionType, str], str] = {}
for _state in ("unpaid", "cancelled"):
    for _kind in (A.REFUND, A.REFUND_NO_RETURN, A.REFUND_SHIPPING):
        REFUSED[(_kind, _state)] = "order_not_refundable"
for _kind in (A.REFUND, A.REFUND_NO_RETURN):
    REFUSED[(_kind, "refunded")] = "order_closed"
REFUSED[(A.REFUND_NO_RETURN, "partly_refunded")] = "amount_exceeds_refundable"
for _state in ("paid", "label_created", "in_transit", "returned", "exception", "reshipped"):
    REFUSED[(A.REFUND_NO_RETURN, _state)] = "not_delivered"
for _state in ("unpaid", "cancelled"):
    REFUSED[(A.REFUND_SHIPPING, _state)] = "no_shipping_fee"  # an unpaid order paid no fee
REFUSED[(A.REFUND_SHIPPING, "shipping_refunded")] = "shipping_already_refunded"
REFUSED[(A.REFUND_SHIPPING, "refunded")] = "order_closed"
for _kind in (A.CANCEL_ORDER, A.RESHIP, A.EXPEDITE_SHIPPING, A.EXTEND_RETURN_WINDOW):
    REFUSED[(_kind, "refunded")] = "order_closed"
    REFUSED[(_kind, "cancelled")] = "order_closed"
for _state in (
    "in_transit",
    "delivered",
    "partly_refunded",
    "returned",
    "exception",
    "reshipped",
    "shipping_refunded",
):
    REFUSED[(A.CANCEL_ORDER, _state)] = "already_shipped"
for _state in ("unpaid", "paid", "label_created", "returned"):
    REFUSED[(A.RESHIP, _state)] = "not_shipped"
for _state in ("delivered", "partly_refunded", "returned", "shipping_refunded"):
    REFUSED[(A.EXPEDITE_SHIPPING, _state)] = "already_delivered"
for _state in (
    "unpaid",
    "paid",
    "label_created",
    "in_transit",
    "returned",
    "exception",
    "reshipped",
):
    REFUSED[(A.EXTEND_RETURN_WINDOW, _state)] = "not_delivered"


def order_record(state: str, order_id: str = "o-1") -> dict[str, Any]:
    """An order in ``state``, as both the server's row and the client's record hold it."""
    status, paid, refunded, shipment, extra, shipping_refunded = STATES[state]
    return {
        "id": order_id,
        "order_no": f"DD-{order_id}",
        "status": status,
        "currency": "CNY",
        "total_minor": TOTAL,
        "lines": [LINE],
        "payment": {
            "method": "alipay",
            "status": "paid" if paid else "unpaid",
            "paid_minor": paid,
            "refunded_minor": refunded,
            "shipping_minor": SHIPPING if paid else 0,
            "shipping_refunded_minor": shipping_refunded,
        },
        "shipment": {"status": shipment, "carrier": "顺丰速运", "tracking_no": "SF1", **extra},
    }


def expected_refusal(kind: ActionType, state: str) -> str | None:
    if kind in (A.COUPON, A.STORE_CREDIT):
        return None  # goodwill: the order gives the context, its state does not matter
    if kind is A.REFUND_SHIPPING and state in ("unpaid", "cancelled"):
        return "order_not_refundable" if STATES[state][1] else "no_shipping_fee"
    return REFUSED.get((kind, state))


def decide(
    kind: ActionType, state: str, tier: ValueTier, role: Role
) -> tuple[str | None, authority.Decision | None]:
    """(refusal code, decision) for one row of the grid, as either side works it out."""
    facts = resolution.OrderFacts.of(order_record(state))
    try:
        plan = resolution.plan_action(
            kind, PARAMS[kind], facts, customer_currency="CNY", currency="CNY"
        )
    except DomainError as exc:
        return exc.code, None
    use = resolution.case_use(
        kind, facts, [], now=datetime.now(UTC), window_days=30, currency="CNY"
    )
    decision = authority.evaluate(
        DEFAULT_POLICY,
        role=role,
        tier=tier,
        action=kind,
        amount_minor=plan.amount_minor,
        currency="CNY",
        order_total_minor=plan.order_total_minor,
        refundable_minor=plan.refundable_minor,
        use=use,
        days=plan.days,
    )
    return None, decision


GRID = [
    (kind, state, tier, role)
    for kind in ActionType
    for state in STATES
    for tier in ValueTier
    for role in Role
]


@pytest.mark.parametrize("kind", list(ActionType))
def test_the_order_state_decides_what_is_refused(kind: ActionType) -> None:
    for state in STATES:
        for tier in ValueTier:
            for role in Role:
                refused, _decision = decide(kind, state, tier, role)
                assert refused == expected_refusal(kind, state), (kind, state, tier, role)


def test_authority_grows_with_role_and_value() -> None:
    rank = list(ValueTier)
    for kind, state, tier, role in GRID:
        refused, decision = decide(kind, state, tier, role)
        if refused is not None:
            continue
        assert decision is not None
        if role is Role.EXPERT:
            assert not decision.allowed and decision.reason_code == authority.ROLE_CANNOT_ACT
            continue
        assert decision.allowed, (kind, state, tier, role)
        if role is Role.ADMIN:
            assert decision.within_authority, (kind, state, tier)
        if decision.within_authority and role is Role.AGENT:
            # a supervisor may do whatever an agent may, and for a more valuable customer too
            assert decide(kind, state, tier, Role.SUPERVISOR)[1].within_authority  # type: ignore[union-attr]
            for higher in rank[rank.index(tier) :]:
                assert decide(kind, state, higher, role)[1].within_authority, (kind, higher)  # type: ignore[union-attr]
        if decision.needs_approval:
            assert decision.crossed and decision.reason_code == decision.crossed[0].code


def test_a_reshipped_order_needs_approval_for_the_next_reship() -> None:
    refused, decision = decide(A.RESHIP, "reshipped", ValueTier.PLATINUM, Role.AGENT)
    assert refused is None and decision is not None
    assert decision.needs_approval and decision.reason_code == authority.OVER_COUNT_LIMIT
    refused, decision = decide(A.RESHIP, "reshipped", ValueTier.PLATINUM, Role.SUPERVISOR)
    assert decision is not None and decision.within_authority  # supervisors: twice per order


def test_cumulative_use_counts_the_window_only() -> None:
    now = datetime.now(UTC)
    facts = resolution.OrderFacts.of(order_record("delivered"))
    past = [
        resolution.PastAction(A.REFUND, 10_000, "CNY", now - timedelta(days=1), "o-1"),
        resolution.PastAction(A.REFUND, 5_000, "CNY", now - timedelta(days=2), "o-2"),
        resolution.PastAction(A.COUPON, 2_000, "CNY", now - timedelta(days=3), None),
        resolution.PastAction(A.REFUND, 90_000, "CNY", now - timedelta(days=40), "o-1"),
        resolution.PastAction(A.REFUND, 7_000, "USD", now - timedelta(days=1), "o-3"),
        resolution.PastAction(A.CANCEL_ORDER, 30_000, "CNY", now - timedelta(days=1), "o-4"),
    ]
    use = resolution.case_use(A.REFUND, facts, past, now=now, window_days=30, currency="CNY")
    assert use.order_type_minor == 10_000
    assert use.customer_type_minor == 15_000
    assert use.customer_total_minor == 17_000  # refunds and the coupon; not the cancellation
    assert use.order_type_count == 2  # both refunds on this order, the old one too


def test_customer_messages_follow_the_script() -> None:
    plan = resolution.Plan(A.RESHIP, 100, ("T-1", "T-2"), ("衬衫", "裤子"), None, 100, None)
    zh = resolution.customer_message(
        A.RESHIP,
        plan,
        customer_name="王芳",
        locale="zh_CN",
        order_no="DD1",
        currency="CNY",
        result=None,
    )
    assert "衬衫、裤子" in zh and "…" in zh  # the tracking number is known once it ran
    en_plan = resolution.Plan(A.RESHIP, 100, ("A", "B"), ("Shirt", "Jeans"), None, 100, None)
    en = resolution.customer_message(
        A.RESHIP,
        en_plan,
        customer_name="Amy",
        locale="en",
        order_no="US1",
        currency="USD",
        result={"carrier": "UPS", "tracking_no": "1Z9", "eta": "2026-12-05T00:00:00+00:00"},
    )
    assert "Shirt, Jeans" in en and "1Z9" in en and "5 Dec 2026" in en and "…" not in en
