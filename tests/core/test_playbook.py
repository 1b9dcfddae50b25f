"""What fits the case (core.playbook): suggested actions, reasons from the customer's words and
the scenario (never a list's first entry), the variant an exchange sends, the waiting messages."""

from __future__ import annotations

import pytest

from agent_desk.core import catalog, playbook
from agent_desk.core.enums import ActionType as A
from agent_desk.core.resolution import OrderFacts, customer_message, plan_action

SHOE = {
    "sku": "RUN-BK-42",
    "title": "跑鞋 黑色 42码",
    "quantity": 1,
    "unit_price_minor": 39_900,
    "variants": [{"sku": f"RUN-BK-{n}", "title": f"跑鞋 黑色 {n}码"} for n in range(38, 45)],
}
TEE = {
    "sku": "TEE-WH-M",
    "title": "Everyday Tee – White / M",
    "quantity": 1,
    "unit_price_minor": 2_500,
    "variants": [
        {"sku": f"TEE-WH-{s}", "title": f"Everyday Tee – White / {s}"}
        for s in ("S", "M", "L", "XL")
    ],
}


@pytest.mark.parametrize(
    ("kind", "scenario", "text", "reason"),
    [
        (A.REFUND_NO_RETURN, "return_exchange", "42码穿着小了，想换大一码", "size_issue"),
        (A.REFUND_NO_RETURN, "damaged_item", "收到的杯子碎了", "damaged"),
        (A.RESHIP, "return_exchange", "The tee is too small, can I swap it?", "size_issue"),
        (A.RESHIP, "where_is_my_parcel", "显示已签收但是我没收到", "lost_parcel"),
        (A.REFUND, "payment_failed", "I was charged twice", "duplicate_charge"),
        (A.CANCEL_ORDER, "cancel_order", "不想要了，帮我取消", "customer_request"),
        (A.EXPEDITE_SHIPPING, "delivery_delay", "still not here", "late_delivery"),
        (A.REFUND, "invoice", "where is my invoice", None),  # nothing names a reason
        (A.REFUND, None, "hello", None),
    ],
)
def test_the_reason_comes_from_the_words_or_the_scenario(
    kind: A, scenario: str | None, text: str, reason: str | None
) -> None:
    assert playbook.default_reason(kind, scenario, text) == reason
    if reason is not None:
        assert reason in catalog.reason_codes(kind)


def test_the_scenario_suggests_actions_best_first() -> None:
    assert playbook.suggested_actions("damaged_item")[0] is A.REFUND_NO_RETURN
    assert playbook.suggested_actions("cancel_order") == (A.CANCEL_ORDER,)
    assert playbook.suggested_actions("return_exchange")[0] is A.RESHIP
    assert playbook.suggested_actions("a scenario nobody wrote") == ()
    assert playbook.suggested_actions(None) == ()


@pytest.mark.parametrize(
    ("line", "text", "sku"),
    [
        (SHOE, "42码小了，想换44码", "RUN-BK-44"),  # named
        (SHOE, "鞋子偏小，能换大一码吗", "RUN-BK-43"),  # one up
        (SHOE, "穿着大了", "RUN-BK-41"),  # one down
        (SHOE, "订单 DD20241102004211 的鞋不合适", None),  # digits of an order number
        (SHOE, "能再发一双吗", None),  # the same again
        (TEE, "It's too small, could I get an L?", "TEE-WH-L"),
        (TEE, "too big", "TEE-WH-S"),
        (TEE, "I'm not happy with it", None),  # "I'm" names no size M
        ({"sku": "MUG", "title": "Mug", "quantity": 1}, "too small", None),
    ],
)
def test_the_variant_an_exchange_sends(line: dict, text: str, sku: str | None) -> None:
    assert playbook.suggest_variant(line, text) == sku


def test_an_exchange_tells_the_customer_what_is_sent() -> None:
    order = OrderFacts.of(
        {
            "id": "o1",
            "order_no": "DD1",
            "status": "delivered",
            "currency": "CNY",
            "total_minor": 39_900,
            "lines": [SHOE],
            "payment": {"paid_minor": 39_900},
            "shipment": {"status": "delivered"},
        }
    )
    params = {"line_skus": ["RUN-BK-42"], "replacements": {"RUN-BK-42": "RUN-BK-43"}}
    plan = plan_action(A.RESHIP, params, order, customer_currency="CNY", currency="CNY")
    assert plan.replacements == (("RUN-BK-42", "RUN-BK-43"),)
    message = customer_message(
        A.RESHIP,
        plan,
        customer_name="王芳",
        locale="zh_CN",
        order_no="DD1",
        currency="CNY",
        result=None,
    )
    assert "换货" in message and "43码" in message and "42码" not in message
    same = plan_action(
        A.RESHIP,
        {"line_skus": ["RUN-BK-42"], "replacements": {"RUN-BK-42": "RUN-BK-42"}},
        order,
        customer_currency="CNY",
        currency="CNY",
    )
    assert same.replacements == () and same.items == ("跑鞋 黑色 42码",)


def test_the_waiting_and_the_outcome_messages_name_the_money() -> None:
    args = {"amount_minor": 69_900, "currency": "CNY", "customer_name": "王芳", "order_no": "DD1"}
    holding = playbook.holding_message(A.REFUND, locale="zh_CN", **args)
    assert "¥699.00" in holding and "主管审批" in holding and "DD1" in holding
    english = playbook.holding_message(A.REFUND, locale="en", **args)
    assert english.startswith("Hi 王芳, I've asked my supervisor to approve your refund of ¥699")
    denied = playbook.denied_message(A.REFUND, locale="en", **args)
    assert "couldn't approve your refund of ¥699.00 for order DD1" in denied
    for kind in A:  # every action type has words for both
        assert playbook.holding_message(kind, locale="en", **args)
        assert playbook.denied_message(kind, locale="zh_CN", **args)
