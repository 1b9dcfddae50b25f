"""Actions that fit the case, on the real server: an exchange sends the variant the agent chose
(and says so to the customer), a variant the item does not come in is refused, and a customer told
to wait for a supervisor hears the outcome when the request is denied."""

from __future__ import annotations

from typing import Any

from agent_desk.core.ids import new_id
from agent_desk.server.storage import schema as t
from tests.server.conftest import Running
from tests.server.test_actions import APPROVE, DENY, REQUEST, add_order, refund_args, rows

SHOES = [
    {
        "sku": "RUN-BK-44",
        "title": "跑鞋 黑色 44码",
        "quantity": 1,
        "unit_price_minor": 39_900,
        "variants": [
            {"sku": f"RUN-BK-{n}", "title": f"跑鞋 黑色 {n}码"} for n in (40, 41, 42, 43, 44)
        ],
    }
]


def exchange_args(running: Running, order_id: str, replacement: str) -> dict[str, Any]:
    return {
        "action_id": new_id(),
        "conversation_id": running.world.conversations["a_open"],
        "order_id": order_id,
        "type": "reship",
        "params": {"line_skus": ["RUN-BK-44"], "replacements": {"RUN-BK-44": replacement}},
        "currency": "CNY",
        "reason_code": "size_issue",
    }


def customer_messages(running: Running) -> list[str]:
    conv = running.world.conversations["a_open"]
    found = rows(
        running, t.messages, t.messages.c.conversation_id == conv, t.messages.c.kind == "outbound"
    )
    return [m["body"] for m in sorted(found, key=lambda m: m["seq"])]


def test_an_exchange_sends_the_chosen_size_and_tells_the_customer(running: Running) -> None:
    alice = running.client("alice")
    order_id = add_order(running, total=39_900, lines=SHOES)
    done = running.mutate(alice, REQUEST, exchange_args(running, order_id, "RUN-BK-42"))
    assert done["status"] == "applied", done
    assert done["result"]["status"] == "executed"
    assert done["result"]["result"]["replacements"] == {"RUN-BK-44": "RUN-BK-42"}
    told = done["result"]["customer_message"]
    assert "跑鞋 黑色 42码" in told and "44码" not in told and "换货" in told
    assert told in customer_messages(running)
    (ledger,) = rows(running, t.ledger)
    assert ledger["detail"]["replacements"] == {"RUN-BK-44": "RUN-BK-42"}


def test_a_variant_the_item_does_not_come_in_is_refused(running: Running) -> None:
    alice = running.client("alice")
    order_id = add_order(running, total=39_900, lines=SHOES)
    refused = running.mutate(alice, REQUEST, exchange_args(running, order_id, "TV-1"))
    assert refused["status"] == "rejected"
    assert refused["error"]["code"] == "unknown_variant"
    other = exchange_args(running, order_id, "RUN-BK-42")
    other["params"]["replacements"] = {"NOT-ON-ORDER": "RUN-BK-42"}
    assert running.mutate(alice, REQUEST, other)["error"]["code"] == "invalid_args"
    assert rows(running, t.ledger) == []


def test_a_denied_request_is_told_to_the_customer(running: Running) -> None:
    alice, sam = running.client("alice"), running.client("sam")
    order_id = add_order(running)
    args = refund_args(running, 100_000, order_id=order_id)
    assert running.mutate(alice, REQUEST, args)["result"]["status"] == "pending_approval"
    before = customer_messages(running)
    note = "internal: offer a coupon instead"
    running.mutate(sam, DENY, {"action_id": args["action_id"], "note": note})
    after = customer_messages(running)
    assert len(after) == len(before) + 1
    told = after[-1]
    assert "未能通过审批" in told and "¥1,000.00" in told
    assert note not in told  # the supervisor's reason stays internal
    assert running.mutate(sam, APPROVE, {"action_id": args["action_id"]})["status"] == "rejected"
    assert customer_messages(running) == after  # told once
