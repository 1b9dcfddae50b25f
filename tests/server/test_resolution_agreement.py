"""The rule book's grid (``tests/core/test_resolution_grid.py``) through the server's API and
through the client's preview, row by row: every action type × order state × value tier, as an
agent and as a supervisor, each row on a customer and order of its own. What the Actions tab
shows before the agent confirms must be what the server then does."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from agent_desk.core import authority, sla
from agent_desk.core.enums import ActionType, Channel, Role, ValueTier
from agent_desk.core.ids import new_id
from agent_desk.server.feed.records import publish_case
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.services.actions import ActionsService
from tests.core.test_resolution_grid import PARAMS, STATES, order_record
from tests.server.world import PASSWORD
from tests.sync.conftest import Backend, Client, make_client

pytestmark = pytest.mark.asyncio

REASON = {
    ActionType.REFUND: "damaged",
    ActionType.REFUND_NO_RETURN: "damaged",
    ActionType.RESHIP: "lost_parcel",
    ActionType.COUPON: "goodwill",
    ActionType.STORE_CREDIT: "goodwill",
    ActionType.CANCEL_ORDER: "customer_request",
    ActionType.REFUND_SHIPPING: "late_delivery",
    ActionType.EXPEDITE_SHIPPING: "late_delivery",
    ActionType.EXTEND_RETURN_WINDOW: "customer_request",
}


def _seed_grid(backend: Backend) -> list[tuple[ActionType, str, ValueTier, str, str, str]]:
    """A customer, a conversation (team A, alice's) and an order per row: (kind, state, tier,
    username, conversation id, order id)."""
    rows = []
    now = datetime.now(UTC)
    db = Database(backend.db_url)
    policy = sla.DEFAULT_POLICIES[Channel.CHAT]
    try:
        with db.write() as tx:
            for username in ("alice", "sam"):
                for kind in ActionType:
                    for state in STATES:
                        for tier in ValueTier:
                            customer, conv, order = new_id(), new_id(), new_id()
                            tx.conn.execute(
                                sa.insert(t.customers).values(
                                    id=customer,
                                    name=f"Grid {state}",
                                    attributes={},
                                    tags=[],
                                    lifecycle_stage="mature",
                                    value_tier=tier.value,
                                    lifetime_value_minor=0,
                                    currency="CNY",
                                    agent_note="",
                                    locale="zh_CN",
                                    created_at=now,
                                    updated_at=now,
                                )
                            )
                            record = order_record(state, order)
                            tx.conn.execute(
                                sa.insert(t.orders).values(
                                    **record, customer_id=customer, placed_at=now, updated_at=now
                                )
                            )
                            clock = sla.on_inbound(sla.SlaClock(), policy, now)
                            tx.conn.execute(
                                sa.insert(t.conversations).values(
                                    id=conv,
                                    customer_id=customer,
                                    channel="chat",
                                    subject="grid",
                                    status="open",
                                    priority="normal",
                                    assignee_id=backend.world.agents["alice"],
                                    team_id=backend.world.team_a,
                                    created_at=now,
                                    updated_at=now,
                                    last_message_at=now,
                                    last_message_preview="",
                                    message_count=0,
                                    **sla.clock_fields(clock),
                                )
                            )
                            publish_case(tx, conv)
                            rows.append((kind, state, tier, username, conv, order))
    finally:
        db.dispose()
    return rows


def _lift_daily_totals(backend: Backend) -> None:
    """Hundreds of rows executed by one agent would reach the daily total mid-grid (tested on
    its own elsewhere): lift it so every row is decided by the rules of its own case."""
    body = authority.policy_to_dict(authority.DEFAULT_POLICY)
    body["daily_total_minor"] = {r.value: 10**12 for r in (Role.AGENT, Role.SUPERVISOR)}
    body.pop("version")
    with httpx.Client(base_url=backend.url + "/api/v1") as http:
        token = http.post("/auth/login", json={"username": "root", "password": PASSWORD})
        http.headers["Authorization"] = f"Bearer {token.json()['token']}"
        assert http.put("/authority-policy", json=body).status_code == 200


async def test_client_preview_and_server_agree_on_every_row(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    _lift_daily_totals(backend)
    grid = _seed_grid(backend)
    desks = {}
    for name in ("alice", "sam"):
        desks[name] = client = await make_client(backend, name, tmp_path / f"{name}.db")
        clients.append(client)
        await client.engine.sync_once()
    services = {name: ActionsService(c.store, c.desk) for name, c in desks.items()}
    assert services["alice"].policy() is not None
    disagreements: list[str] = []
    seen: Counter[str] = Counter()
    for kind, state, tier, username, conv, order in grid:
        proposal = services[username].propose(
            conv, kind.value, order_id=order, params=dict(PARAMS[kind]), locale="zh_CN"
        )
        d = proposal.decision
        preview = (
            f"rejected:{d.reason_code}"
            if not d.allowed
            else (f"pending_approval:{d.reason_code}" if d.needs_approval else "executed")
        )
        args = {
            "action_id": new_id(),
            "conversation_id": conv,
            "order_id": order,
            "type": kind.value,
            "params": proposal.params,  # exactly what the Actions tab would send
            "currency": "CNY",
            "reason_code": REASON[kind],
        }
        reply = await desks[username].transport.push(
            "grid-" + username, [{"id": new_id(), "name": "action.request", "args": args}]
        )
        outcome = reply.results[0]
        if outcome.status == "rejected":
            assert outcome.error is not None
            server = f"rejected:{outcome.error.code}"
        else:
            result: dict[str, Any] = outcome.result or {}
            server = str(result["status"])
            if server == "pending_approval":
                server += ":" + str(result["approval_reason"]).split(":")[0]
        seen[server.split(":")[0] if not server.startswith("rejected") else server] += 1
        if preview != server:
            disagreements.append(
                f"{kind.value} / {state} / {tier.value} / {username}: "
                f"preview {preview}, server {server}"
            )
    assert len(grid) == 2 * len(ActionType) * len(STATES) * len(ValueTier)
    assert disagreements == [], "\n".join(disagreements[:40])
    # the grid reaches every kind of outcome, not one refusal everywhere
    assert seen["executed"] > 100 and seen["pending_approval"] >= 40, seen
    refusals = {k for k in seen if k.startswith("rejected:")}
    assert len(refusals) >= 8, seen
