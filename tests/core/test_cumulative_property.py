"""No sequence of actions one agent runs on their own authority moves more for one customer than
the cumulative limits allow (Hypothesis: random types, amounts, orders and days, each executed
only when the rule book and the authority both say it may run without a supervisor)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desk.core import authority, resolution
from agent_desk.core.authority import COMPENSATION_ACTIONS, DEFAULT_POLICY
from agent_desk.core.enums import ActionType, Role, ValueTier
from agent_desk.core.errors import DomainError
from tests.core.test_resolution_grid import order_record

A = ActionType
MONEY_PARAM = {
    A.REFUND: "amount_minor",
    A.REFUND_SHIPPING: "amount_minor",
    A.STORE_CREDIT: "amount_minor",
    A.COUPON: "coupon_value_minor",
}

step = st.tuples(
    st.sampled_from(
        [A.REFUND, A.COUPON, A.STORE_CREDIT, A.RESHIP, A.REFUND_SHIPPING, A.EXTEND_RETURN_WINDOW]
    ),
    st.integers(min_value=1, max_value=120_000),  # amount, minor units
    st.integers(min_value=0, max_value=2),  # which order
    st.integers(min_value=0, max_value=40),  # hours later
)


def _apply(order: dict[str, Any], kind: ActionType, amount: int) -> None:
    """What the built-in commerce adapter does to the order record (the parts the rules read)."""
    payment, shipment = order["payment"], order["shipment"]
    if kind in (A.REFUND, A.REFUND_SHIPPING):
        payment["refunded_minor"] += amount
        if kind is A.REFUND_SHIPPING:
            payment["shipping_refunded_minor"] += amount
        if payment["refunded_minor"] >= payment["paid_minor"]:
            order["status"] = "refunded"
    elif kind is A.RESHIP:
        shipment["reshipments"] = shipment.get("reshipments", 0) + 1
        shipment["status"] = "in_transit"
    elif kind is A.EXTEND_RETURN_WINDOW:
        shipment["return_window_extensions"] = shipment.get("return_window_extensions", 0) + 1


@settings(max_examples=300, deadline=None)
@given(tier=st.sampled_from(list(ValueTier)), steps=st.lists(step, min_size=1, max_size=25))
def test_one_agent_never_moves_more_than_the_cumulative_limits(
    tier: ValueTier, steps: list[tuple[ActionType, int, int, int]]
) -> None:
    orders = [order_record("delivered", f"o-{i}") for i in range(3)]
    start = datetime(2026, 12, 1, tzinfo=UTC)
    past: list[resolution.PastAction] = []
    for kind, amount, which, hours in steps:
        now = start + timedelta(hours=hours)
        order = orders[which] if kind not in (A.COUPON, A.STORE_CREDIT) else None
        params: dict[str, Any] = {}
        if kind in MONEY_PARAM:
            params[MONEY_PARAM[kind]] = amount
        if kind is A.EXTEND_RETURN_WINDOW:
            params["days"] = 1 + amount % 60
        facts = None if order is None else resolution.OrderFacts.of(order)
        try:
            plan = resolution.plan_action(
                kind, params, facts, customer_currency="CNY", currency="CNY"
            )
        except DomainError:
            continue
        use = resolution.case_use(kind, facts, past, now=now, window_days=30, currency="CNY")
        decision = authority.evaluate(
            DEFAULT_POLICY,
            role=Role.AGENT,
            tier=tier,
            action=kind,
            amount_minor=plan.amount_minor,
            currency="CNY",
            order_total_minor=plan.order_total_minor,
            refundable_minor=plan.refundable_minor,
            use=use,
            days=plan.days,
        )
        if not decision.within_authority:
            continue
        past.append(
            resolution.PastAction(
                kind, plan.amount_minor, "CNY", now, None if order is None else order["id"]
            )
        )
        if order is not None:
            _apply(order, kind, plan.amount_minor)

    # every 30-day window ending at a step, checked against every cumulative limit
    for end in {x.at for x in past}:
        window = [x for x in past if end - timedelta(days=30) < x.at <= end]
        given_total = sum(x.amount_minor for x in window if x.type in COMPENSATION_ACTIONS)
        total_cap = DEFAULT_POLICY.customer_total(Role.AGENT, tier)
        assert total_cap is None or given_total <= total_cap
        for kind in ActionType:
            limit = DEFAULT_POLICY.limit(Role.AGENT, tier, kind)
            if limit is None:
                continue
            of_kind = [x for x in window if x.type is kind]
            if limit.per_customer_minor is not None:
                assert sum(x.amount_minor for x in of_kind) <= limit.per_customer_minor
            if limit.per_order_minor is not None:
                for order in orders:
                    on_order = [x for x in of_kind if x.order_id == order["id"]]
                    assert sum(x.amount_minor for x in on_order) <= limit.per_order_minor
    for order in orders:
        for kind in (A.RESHIP, A.EXTEND_RETURN_WINDOW, A.REFUND_SHIPPING):
            limit = DEFAULT_POLICY.limit(Role.AGENT, tier, kind)
            count = sum(1 for x in past if x.type is kind and x.order_id == order["id"])
            assert limit is None or limit.max_per_order is None or count <= limit.max_per_order
