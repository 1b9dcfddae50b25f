"""Resolution actions on the server, over real HTTP, on SQLite and PostgreSQL: exactly-once money
movement, authority that follows the customer's value and cannot be bypassed by calling the API
directly, approvals that run once, re-validation against the order, and an audit of every step."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import httpx
import sqlalchemy as sa

from agent_desk.core import authority
from agent_desk.core.ids import new_id
from agent_desk.server.auth.passwords import hash_password
from agent_desk.server.storage import schema as t
from tests.server.conftest import Running
from tests.server.test_api import latest, pull_all
from tests.server.world import PASSWORD

REQUEST, APPROVE, DENY = "action.request", "action.approve", "action.deny"


# --- helpers --------------------------------------------------------------------------------------


def refund_args(running: Running, amount: int, **extra: Any) -> dict[str, Any]:
    args = {
        "action_id": new_id(),
        "conversation_id": running.world.conversations["a_open"],
        "order_id": running.world.orders["c_a"],
        "type": "refund",
        "params": {"amount_minor": amount},
        "currency": "CNY",
        "reason_code": "damaged",
    }
    return args | extra


def add_order(
    running: Running,
    customer: str = "c_a",
    *,
    total: int = 1_200_000,
    shipment: str = "delivered",
    status: str = "delivered",
    currency: str = "CNY",
    lines: list[dict[str, Any]] | None = None,
    shipping: int = 0,
) -> str:
    order_id = new_id()
    now = datetime.now(UTC)
    lines = lines or [{"sku": "TV-1", "title": "电视机", "quantity": 1, "unit_price_minor": total}]
    with running.db.write() as tx:
        tx.conn.execute(
            sa.insert(t.orders).values(
                id=order_id,
                order_no=f"DD-{order_id[-8:]}",
                customer_id=running.world.customers[customer],
                status=status,
                currency=currency,
                total_minor=total,
                lines=lines,
                payment={
                    "method": "alipay",
                    "status": "paid",
                    "paid_minor": total,
                    "shipping_minor": shipping,
                },
                shipment={"status": shipment, "carrier": "顺丰速运", "tracking_no": "SF1"},
                placed_at=now,
                updated_at=now,
            )
        )
    return order_id


def set_order(running: Running, order_id: str, **values: Any) -> None:
    with running.db.write() as tx:
        tx.conn.execute(sa.update(t.orders).where(t.orders.c.id == order_id).values(**values))


def set_tier(running: Running, customer: str, tier: str) -> None:
    with running.db.write() as tx:
        tx.conn.execute(
            sa.update(t.customers)
            .where(t.customers.c.id == running.world.customers[customer])
            .values(value_tier=tier)
        )


def add_agent(running: Running, username: str, role: str, team: str | None) -> str:
    agent_id = new_id()
    with running.db.write() as tx:
        tx.conn.execute(
            sa.insert(t.agents).values(
                id=agent_id,
                username=username,
                display_name=username.title(),
                role=role,
                team_id=team,
                skills=[],
                presence="available",
                max_concurrent=5,
                locale="en",
                active=True,
                password_hash=hash_password(PASSWORD),
                created_at=datetime.now(UTC),
            )
        )
    return agent_id


def rows(running: Running, table: sa.Table, *where: Any) -> list[dict[str, Any]]:
    with running.db.read() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(table).where(*where))]


def audit_rows(running: Running, action: str | None = None) -> list[dict[str, Any]]:
    where = [] if action is None else [t.audit_log.c.action == action]
    with running.db.read() as conn:
        query = sa.select(t.audit_log).where(*where).order_by(t.audit_log.c.id)
        return [dict(r._mapping) for r in conn.execute(query)]


def order_row(running: Running, order_id: str) -> dict[str, Any]:
    return rows(running, t.orders, t.orders.c.id == order_id)[0]


def action_row(running: Running, action_id: str) -> dict[str, Any]:
    return rows(running, t.actions, t.actions.c.id == action_id)[0]


def _strip(result: dict) -> str:
    return json.dumps({k: v for k, v in result.items() if k != "replayed"}, sort_keys=True)


def shared_token_clients(running: Running, username: str, n: int) -> list[httpx.Client]:
    token = running.client(username).headers["Authorization"]
    clients = [running.client() for _ in range(n)]
    for client in clients:
        client.headers["Authorization"] = token
    return clients


# --- exactly once ---------------------------------------------------------------------------------


def test_refund_replayed_100_times_moves_money_once(running: Running) -> None:
    alice = running.client("alice")
    args = refund_args(running, 19_900)
    mid = new_id()
    results = [running.mutate(alice, REQUEST, args, mutation_id=mid) for _ in range(100)]
    first = results[0]
    assert first["status"] == "applied", first
    assert first["result"]["status"] == "executed"
    assert first["result"]["amount_minor"] == 19_900
    assert all(r["replayed"] for r in results[1:])
    assert len({_strip(r) for r in results}) == 1
    action_id = args["action_id"]
    assert len(rows(running, t.ledger, t.ledger.c.action_id == action_id)) == 1
    executed = [r for r in audit_rows(running, "action.executed") if r["entity_id"] == action_id]
    assert len(executed) == 1
    assert executed[0]["detail"]["amount_minor"] == 19_900
    order = order_row(running, running.world.orders["c_a"])
    assert order["payment"]["refunded_minor"] == 19_900 and order["status"] == "refunded"
    # the timeline: a system line and the customer-facing message (the customer reads Chinese)
    msgs = rows(
        running,
        t.messages,
        t.messages.c.conversation_id == running.world.conversations["a_open"],
    )
    kinds = [m["kind"] for m in sorted(msgs, key=lambda m: m["seq"])]
    assert kinds[-2:] == ["system", "outbound"]
    customer_text = next(m["body"] for m in msgs if m["kind"] == "outbound")
    assert customer_text == (
        "Customer c_a您好，订单 DD-c_a 的退款 ¥199.00 已原路退回，预计 1-3 个工作日到账。"
    )
    assert action_row(running, action_id)["customer_message"] == customer_text


def test_refund_sent_20_times_concurrently_moves_money_once(running: Running) -> None:
    args = refund_args(running, 10_000)
    mid = new_id()
    clients = shared_token_clients(running, "alice", 20)
    barrier = threading.Barrier(20)

    def send(i: int) -> dict:
        barrier.wait()
        return running.mutate(clients[i], REQUEST, args, mutation_id=mid)

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(send, range(20)))
    assert sum(not r["replayed"] for r in results) == 1
    assert len({_strip(r) for r in results}) == 1
    assert results[0]["result"]["status"] == "executed"
    assert len(rows(running, t.ledger, t.ledger.c.action_id == args["action_id"])) == 1
    executed = [
        r for r in audit_rows(running, "action.executed") if r["entity_id"] == args["action_id"]
    ]
    assert len(executed) == 1
    assert order_row(running, running.world.orders["c_a"])["payment"]["refunded_minor"] == 10_000


def test_same_mutation_id_with_another_amount_is_refused(running: Running) -> None:
    alice = running.client("alice")
    args = refund_args(running, 5_000)
    mid = new_id()
    assert running.mutate(alice, REQUEST, args, mutation_id=mid)["status"] == "applied"
    other = args | {"params": {"amount_minor": 9_000}}
    second = running.mutate(alice, REQUEST, other, mutation_id=mid)
    assert second["status"] == "rejected" and second["error"]["code"] == "mutation_id_reused"
    assert order_row(running, running.world.orders["c_a"])["payment"]["refunded_minor"] == 5_000
    assert len(rows(running, t.ledger)) == 1
    # the same action id under a new mutation id is another request, refused
    again = running.mutate(alice, REQUEST, args)
    assert again["status"] == "rejected" and again["error"]["code"] == "duplicate_id"


# --- bypassing the client ------------------------------------------------------------------------


def test_over_the_limit_waits_for_a_supervisor(running: Running) -> None:
    alice, sam = running.client("alice"), running.client("sam")
    order_id = add_order(running)  # ¥12,000 for a gold customer; an agent may refund ¥800
    args = refund_args(running, 100_000, order_id=order_id)
    outcome = running.mutate(alice, REQUEST, args)
    assert outcome["status"] == "applied"
    result = outcome["result"]
    assert result["status"] == "pending_approval"
    assert result["approval_reason"].startswith("over_action_limit")
    assert result["limit_minor"] == 80_000
    assert rows(running, t.ledger) == []
    assert order_row(running, order_id)["payment"].get("refunded_minor", 0) == 0

    # the requester (an agent) cannot approve; a supervisor can, once
    forged = running.mutate(alice, APPROVE, {"action_id": args["action_id"]})
    assert forged["status"] == "rejected" and forged["error"]["code"] == "forbidden"
    approved = running.mutate(sam, APPROVE, {"action_id": args["action_id"], "note": "VIP"})
    assert approved["status"] == "applied" and approved["result"]["status"] == "executed"
    again = running.mutate(sam, APPROVE, {"action_id": args["action_id"]})
    assert again["status"] == "rejected" and again["error"]["code"] == "invalid_state"
    row = action_row(running, args["action_id"])
    assert row["decided_by"] == running.world.agents["sam"]
    assert row["authorized_by"] == running.world.agents["sam"]
    assert row["decision_note"] == "VIP"
    assert len(rows(running, t.ledger)) == 1
    assert order_row(running, order_id)["payment"]["refunded_minor"] == 100_000
    actions = [r["action"] for r in audit_rows(running) if r["entity_id"] == args["action_id"]]
    assert actions == [
        "action.requested",
        "action.refused",  # alice's forged approval
        "action.approved",
        "action.executed",
        "action.refused",  # the second approval: invalid_state
    ]
    refused = next(r for r in audit_rows(running, "action.refused"))
    assert (
        refused["detail"]["code"] == "forbidden"
        and refused["actor_id"] == (running.world.agents["alice"])
    )
    # ... and the supervisor's own usage carries it, not the agent's
    records, _, _ = pull_all(sam)
    seen = latest(records)
    today = datetime.now(UTC).date().isoformat()
    usage = seen[("authority_usage", f"{running.world.agents['sam']}:{today}")]["data"]
    assert usage["used_minor"] == 100_000


def test_a_supervisor_cannot_approve_their_own_request(running: Running) -> None:
    sam, root = running.client("sam"), running.client("root")
    order_id = add_order(running)
    # ¥9,000 is above a supervisor's ¥8,000 for a gold customer
    args = refund_args(running, 900_000, order_id=order_id)
    pending = running.mutate(sam, REQUEST, args)
    assert pending["result"]["status"] == "pending_approval"
    own = running.mutate(sam, APPROVE, {"action_id": args["action_id"]})
    assert own["status"] == "rejected" and own["error"]["code"] == "forbidden"
    own_deny = running.mutate(sam, DENY, {"action_id": args["action_id"]})
    assert own_deny["status"] == "rejected" and own_deny["error"]["code"] == "forbidden"
    assert action_row(running, args["action_id"])["status"] == "pending_approval"
    done = running.mutate(root, APPROVE, {"action_id": args["action_id"]})
    assert done["result"]["status"] == "executed"
    refusals = [r["detail"]["code"] for r in audit_rows(running, "action.refused")]
    assert refusals == ["forbidden", "forbidden"]


def test_an_approver_beyond_their_own_limits_is_refused(running: Running) -> None:
    alice, sam = running.client("alice"), running.client("sam")
    order_id = add_order(running)
    args = refund_args(running, 900_000, order_id=order_id)
    assert running.mutate(alice, REQUEST, args)["result"]["status"] == "pending_approval"
    refused = running.mutate(sam, APPROVE, {"action_id": args["action_id"]})
    assert refused["status"] == "rejected" and refused["error"]["code"] == "not_allowed"
    assert action_row(running, args["action_id"])["status"] == "pending_approval"
    assert running.mutate(running.client("root"), APPROVE, {"action_id": args["action_id"]})[
        "result"
    ]["status"] == ("executed")


def test_two_concurrent_approvals_execute_once(running: Running) -> None:
    add_agent(running, "sue", "supervisor", running.world.team_b)
    alice = running.client("alice")
    order_id = add_order(running)
    args = refund_args(running, 150_000, order_id=order_id)
    assert running.mutate(alice, REQUEST, args)["result"]["status"] == "pending_approval"
    approvers = [running.client("sam"), running.client("sue")]
    barrier = threading.Barrier(2)

    def approve(i: int) -> dict:
        barrier.wait()
        return running.mutate(approvers[i], APPROVE, {"action_id": args["action_id"]})

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(approve, range(2)))
    applied = [r for r in results if r["status"] == "applied"]
    refused = [r for r in results if r["status"] == "rejected"]
    assert len(applied) == 1 and applied[0]["result"]["status"] == "executed"
    assert len(refused) == 1 and refused[0]["error"]["code"] == "invalid_state"
    assert len(rows(running, t.ledger)) == 1
    assert order_row(running, order_id)["payment"]["refunded_minor"] == 150_000
    assert len(audit_rows(running, "action.executed")) == 1


def test_another_teams_conversation_or_order_is_not_found_and_audited(running: Running) -> None:
    alice = running.client("alice")
    theirs = refund_args(
        running,
        1_000,
        conversation_id=running.world.conversations["b_open"],
        order_id=running.world.orders["c_b"],
    )
    first = running.mutate(alice, REQUEST, theirs)
    assert first["status"] == "rejected" and first["error"]["code"] == "not_found"
    # an order of another customer, through one's own conversation
    mixed = refund_args(running, 1_000, order_id=running.world.orders["c_b"])
    second = running.mutate(alice, REQUEST, mixed)
    assert second["status"] == "rejected" and second["error"]["code"] == "not_found"
    unknown = running.mutate(alice, APPROVE, {"action_id": new_id()})
    assert unknown["status"] == "rejected"
    refused = audit_rows(running, "action.refused")
    assert [r["detail"]["code"] for r in refused] == ["not_found", "not_found", "forbidden"]
    assert refused[0]["entity_id"] == theirs["action_id"]
    assert refused[0]["detail"]["order_id"] == running.world.orders["c_b"]
    assert order_row(running, running.world.orders["c_b"])["payment"].get("refunded_minor", 0) == 0
    assert rows(running, t.actions) == []


def test_a_fake_tier_is_refused_and_audited(running: Running) -> None:
    alice = running.client("alice")
    set_tier(running, "c_a", "standard")  # an agent may refund ¥200 here
    for forged in (
        refund_args(running, 19_900) | {"tier": "platinum"},
        refund_args(running, 19_900, params={"amount_minor": 19_900, "value_tier": "platinum"}),
        refund_args(running, 19_900) | {"limit_minor": 10**9},
    ):
        outcome = running.mutate(alice, REQUEST, forged)
        assert outcome["status"] == "rejected" and outcome["error"]["code"] == "invalid_args"
    refused = audit_rows(running, "action.refused")
    assert [r["detail"]["code"] for r in refused] == ["invalid_args"] * 3
    assert "tier" in refused[0]["detail"]["fields"]
    assert rows(running, t.actions) == []
    # the tier the server knows decides: ¥199 is within a standard customer's ¥200
    assert running.mutate(alice, REQUEST, refund_args(running, 19_900))["result"]["status"] == (
        "executed"
    )


def _without_cumulative_limits(running: Running) -> None:
    """The shipped policy minus its per-order and per-customer limits (as root, over the API)."""
    policy = authority.policy_to_dict(authority.DEFAULT_POLICY)
    for row in policy["limits"]:
        row["per_order_minor"] = row["per_customer_minor"] = None
    policy["cumulative"]["customer_total_minor"] = {}
    body = {k: policy[k] for k in ("currency", "limits", "daily_total_minor", "cumulative")}
    reply = running.client("root").put("/authority-policy", json=body)
    assert reply.status_code == 200, reply.text


def test_concurrent_small_refunds_cannot_pass_the_daily_total(running: Running) -> None:
    _without_cumulative_limits(running)  # here only the daily total may hold them back
    orders = [
        add_order(running, total=20_000, shipment="delivered", status="delivered")
        for _ in range(30)
    ]
    clients = shared_token_clients(running, "alice", 10)
    barrier = threading.Barrier(10)

    def refund(i: int) -> dict:
        if i < 10:
            barrier.wait()
        args = refund_args(running, 20_000, order_id=orders[i])
        return running.mutate(clients[i % 10], REQUEST, args, client_id=f"c{i % 10}")

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(refund, range(30)))
    assert all(r["status"] == "applied" for r in results)
    statuses = [r["result"]["status"] for r in results]
    assert statuses.count("executed") == 25  # ¥5,000 / ¥200
    assert statuses.count("pending_approval") == 5
    over = [r["result"] for r in results if r["result"]["status"] == "pending_approval"]
    assert all(r["approval_reason"].startswith("over_daily_total") for r in over)
    ledger = rows(running, t.ledger)
    assert sum(r["amount_minor"] for r in ledger) == 500_000 and len(ledger) == 25


def test_an_offline_refund_that_became_invalid_is_rejected(running: Running) -> None:
    alice, sam = running.client("alice"), running.client("sam")
    # alice queued ¥50 while offline; meanwhile the supervisor refunded the whole order
    queued = refund_args(running, 5_000)
    done = running.mutate(sam, REQUEST, refund_args(running, 19_900))
    assert done["result"]["status"] == "executed"
    late = running.mutate(alice, REQUEST, queued, client_id="alice-laptop")
    assert late["status"] == "rejected"
    assert late["error"]["code"] == "order_closed"  # refunded in full: not eligible again
    assert "refunded in full" in late["error"]["message"]
    assert len(rows(running, t.ledger)) == 1


def test_approval_revalidates_the_order(running: Running) -> None:
    alice, sam, root = running.client("alice"), running.client("sam"), running.client("root")
    order_id = add_order(running)
    args = refund_args(running, 100_000, order_id=order_id)
    assert running.mutate(alice, REQUEST, args)["result"]["status"] == "pending_approval"
    full = running.mutate(root, REQUEST, refund_args(running, 1_200_000, order_id=order_id))
    assert full["result"]["status"] == "executed"
    late = running.mutate(sam, APPROVE, {"action_id": args["action_id"]})
    assert late["status"] == "applied"
    assert late["result"]["status"] == "failed"
    assert late["result"]["error_code"] == "order_closed"
    row = action_row(running, args["action_id"])
    assert row["status"] == "failed" and row["decided_by"] == running.world.agents["sam"]
    assert len(rows(running, t.ledger)) == 1
    failed = audit_rows(running, "action.failed")
    assert len(failed) == 1 and failed[0]["detail"]["code"] == "order_closed"
    # the requester sees it: the failed action reaches alice's feed
    seen = latest(pull_all(alice)[0])
    assert seen[("action", args["action_id"])]["data"]["status"] == "failed"


def test_deny(running: Running) -> None:
    alice, sam = running.client("alice"), running.client("sam")
    order_id = add_order(running)
    args = refund_args(running, 100_000, order_id=order_id)
    running.mutate(alice, REQUEST, args)
    denied = running.mutate(sam, DENY, {"action_id": args["action_id"], "note": "offer a coupon"})
    assert denied["result"]["status"] == "denied"
    assert running.mutate(sam, APPROVE, {"action_id": args["action_id"]})["error"]["code"] == (
        "invalid_state"
    )
    assert rows(running, t.ledger) == []
    assert [r["detail"]["note"] for r in audit_rows(running, "action.denied")] == ["offer a coupon"]


# --- the order's state ----------------------------------------------------------------------------


def test_cancel_only_before_shipment(running: Running) -> None:
    alice = running.client("alice")
    shipped = add_order(running, total=30_000, shipment="in_transit", status="shipped")
    base = {
        "conversation_id": running.world.conversations["a_open"],
        "type": "cancel_order",
        "currency": "CNY",
        "reason_code": "customer_request",
    }
    late = running.mutate(alice, REQUEST, base | {"action_id": new_id(), "order_id": shipped})
    assert late["status"] == "rejected" and late["error"]["code"] == "already_shipped"
    early = running.mutate(
        alice, REQUEST, base | {"action_id": new_id(), "order_id": running.world.orders["c_a"]}
    )
    assert early["result"]["status"] == "executed"
    order = order_row(running, running.world.orders["c_a"])
    assert order["status"] == "cancelled" and order["payment"]["refunded_minor"] == 19_900
    assert [r["detail"]["code"] for r in audit_rows(running, "action.refused")] == [
        "already_shipped"
    ]


def test_refund_no_return_below_gold_needs_approval(running: Running) -> None:
    alice = running.client("alice")
    set_tier(running, "c_a", "silver")
    order_id = add_order(
        running,
        total=15_000,
        lines=[
            {"sku": "TEE-1", "title": "T恤", "quantity": 1, "unit_price_minor": 9_000},
            {"sku": "CAP-1", "title": "帽子", "quantity": 1, "unit_price_minor": 6_000},
        ],
    )
    args = {
        "action_id": new_id(),
        "conversation_id": running.world.conversations["a_open"],
        "order_id": order_id,
        "type": "refund_no_return",
        "params": {"line_skus": ["TEE-1"]},
        "currency": "CNY",
        "reason_code": "damaged",
    }
    outcome = running.mutate(alice, REQUEST, args)
    assert outcome["result"]["status"] == "pending_approval"
    assert outcome["result"]["amount_minor"] == 9_000
    assert outcome["result"]["approval_reason"].startswith("not_authorized_for_tier")
    # for a gold customer it is within an agent's ¥300
    set_tier(running, "c_a", "gold")
    gold = running.mutate(alice, REQUEST, args | {"action_id": new_id()})
    assert gold["result"]["status"] == "executed"
    order = order_row(running, order_id)
    assert order["payment"]["refunded_minor"] == 9_000 and order["status"] == "partially_refunded"
    # lines must be on the order
    stray = running.mutate(
        alice, REQUEST, args | {"action_id": new_id(), "params": {"line_skus": ["NOPE"]}}
    )
    assert stray["error"]["code"] == "invalid_args"


def test_currency_must_be_the_orders(running: Running) -> None:
    alice = running.client("alice")
    outcome = running.mutate(alice, REQUEST, refund_args(running, 1_000, currency="USD"))
    assert outcome["status"] == "rejected" and outcome["error"]["code"] == "currency_mismatch"
    assert [r["detail"]["code"] for r in audit_rows(running, "action.refused")] == [
        "currency_mismatch"
    ]


def test_refund_beyond_what_was_paid_and_unpaid_orders(running: Running) -> None:
    alice = running.client("alice")
    too_much = running.mutate(alice, REQUEST, refund_args(running, 19_901))
    assert too_much["error"]["code"] == "amount_exceeds_refundable"
    unpaid = add_order(running, total=5_000, shipment="not_shipped", status="pending_payment")
    set_order(running, unpaid, payment={"method": "alipay", "status": "unpaid", "paid_minor": 0})
    nothing = running.mutate(alice, REQUEST, refund_args(running, 1_000, order_id=unpaid))
    assert nothing["error"]["code"] == "order_not_refundable"
    wrong_reason = running.mutate(alice, REQUEST, refund_args(running, 1_000, reason_code="nope"))
    assert wrong_reason["error"]["code"] == "invalid_args"
    experts = running.mutate(
        running.client("erin"),
        REQUEST,
        refund_args(running, 1_000, conversation_id=running.world.conversations["a_shared"]),
    )
    assert experts["status"] == "rejected" and experts["error"]["code"] in (
        "forbidden",
        "not_found",
    )


# --- every action type ----------------------------------------------------------------------------


def test_every_action_type_runs_through_the_builtin_adapter(running: Running) -> None:
    alice = running.client("alice")
    conv = running.world.conversations["a_open"]
    delivered = add_order(running, total=50_000, shipping=1_500)
    in_transit = add_order(running, total=30_000, shipment="in_transit", status="shipped")

    def run(kind: str, order_id: str | None, params: dict, reason: str) -> dict:
        args = {
            "action_id": new_id(),
            "conversation_id": conv,
            "type": kind,
            "params": params,
            "currency": "CNY",
            "reason_code": reason,
        } | ({"order_id": order_id} if order_id else {})
        outcome = running.mutate(alice, REQUEST, args)
        assert outcome["status"] == "applied", outcome
        assert outcome["result"]["status"] == "executed", outcome
        return outcome["result"]

    coupon = run("coupon", None, {"coupon_value_minor": 5_000}, "late_delivery")
    assert coupon["result"]["code"].startswith("AD")
    assert (
        "优惠券" in coupon["customer_message"]
        and coupon["result"]["code"] in (coupon["customer_message"])
    )
    credit = run("store_credit", None, {"amount_minor": 3_000}, "goodwill")
    assert credit["result"]["balance_after_minor"] == 3_000
    again = run("store_credit", None, {"amount_minor": 2_000}, "goodwill")
    assert again["result"]["balance_before_minor"] == 3_000
    extend = run("extend_return_window", delivered, {"days": 15}, "customer_request")
    assert extend["result"]["days"] == 15 and "15 天" in extend["customer_message"]
    reship = run("reship", delivered, {}, "lost_parcel")
    assert reship["amount_minor"] == 50_000 and reship["result"]["tracking_no"].startswith("SF")
    assert reship["result"]["tracking_no"] in reship["customer_message"]
    expedite = run("expedite_shipping", in_transit, {}, "late_delivery")
    assert expedite["result"]["carrier"] == "顺丰速运"
    shipping = run("refund_shipping", delivered, {"amount_minor": 1_000}, "late_delivery")
    assert shipping["result"]["refunded_minor_after"] == 1_000

    coupons = rows(running, t.coupons)
    assert len(coupons) == 1 and coupons[0]["value_minor"] == 5_000
    credit_rows = rows(running, t.store_credit)
    assert credit_rows[0]["balance_minor"] == 5_000
    assert {r["kind"] for r in rows(running, t.ledger)} == {
        "coupon",
        "store_credit",
        "reship",
        "expedite_shipping",
        "extend_return_window",
        "refund_shipping",
    }
    assert order_row(running, delivered)["shipment"]["reshipped"] is True
    customer = rows(running, t.customers, t.customers.c.id == running.world.customers["c_a"])[0]
    summary = customer["attributes"]["compensation"]
    assert summary["store_credit_minor"] == 5_000
    assert summary["coupons"][0]["code"] == coupon["result"]["code"]
    assert len(summary["recent"]) == 7
    # money moved today: coupon + credit + shipping refund (a reship is not money paid out)
    assert summary["total_12m_minor"] == 5_000 + 3_000 + 2_000 + 1_000
    # wrong parameters are refused
    bad = running.mutate(
        alice,
        REQUEST,
        {
            "action_id": new_id(),
            "conversation_id": conv,
            "type": "coupon",
            "params": {"days": 3},
            "currency": "CNY",
            "reason_code": "goodwill",
        },
    )
    assert bad["error"]["code"] == "invalid_args"


# --- the feed -------------------------------------------------------------------------------------


def test_catalog_policy_actions_and_usage_reach_the_right_people(running: Running) -> None:
    alice, bob, sam = running.client("alice"), running.client("bob"), running.client("sam")
    args = refund_args(running, 8_000)
    assert running.mutate(alice, REQUEST, args)["result"]["status"] == "executed"
    today = datetime.now(UTC).date().isoformat()
    usage_key = ("authority_usage", f"{running.world.agents['alice']}:{today}")

    mine = latest(pull_all(alice)[0])
    catalog = {k[1]: v["data"] for k, v in mine.items() if k[0] == "action_type"}
    assert len(catalog) == 9
    assert catalog["refund"]["template_zh"].startswith("{customer_name}您好")
    assert {r["code"] for r in catalog["refund"]["reason_codes"]} >= {"damaged", "wrong_item"}
    assert catalog["coupon"]["needs_order"] is False and catalog["reship"]["moves_money"] is False
    policy = mine[("authority_policy", "current")]["data"]
    assert policy["currency"] == "CNY" and policy["daily_total_minor"]["agent"] == 500_000
    action = mine[("action", args["action_id"])]["data"]
    assert action["status"] == "executed" and action["amount_minor"] == 8_000
    assert mine[usage_key]["data"]["used_minor"] == 8_000
    assert mine[("order", running.world.orders["c_a"])]["data"]["payment"]["refunded_minor"] == (
        8_000
    )

    theirs = latest(pull_all(bob)[0])
    assert ("action", args["action_id"]) not in theirs
    assert usage_key not in theirs
    assert ("authority_policy", "current") in theirs

    boss = latest(pull_all(sam)[0])
    assert boss[usage_key]["data"]["used_minor"] == 8_000
    assert ("action", args["action_id"]) in boss
