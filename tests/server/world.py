"""A small, exact world for server tests: two teams, every role, a few conversations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from agent_desk.core import sla
from agent_desk.core.enums import Channel
from agent_desk.core.ids import new_id
from agent_desk.server.auth.passwords import hash_password
from agent_desk.server.feed.records import publish_everything
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.server.storage.migrate import migrate

PASSWORD = "correct horse"
INBOUND_SECRET = "test-inbound-secret-0123456789"
_HASH = hash_password(PASSWORD)


@dataclass
class World:
    team_a: str
    team_b: str
    agents: dict[str, str]  # username -> id
    customers: dict[str, str]
    conversations: dict[str, str]  # a_open, a_unassigned, b_open, a_shared
    orders: dict[str, str]


def build_world(db: Database) -> World:
    migrate(db)
    now = datetime.now(UTC)
    team_a, team_b = "team-a", "team-b"
    users = {
        "alice": ("agent", team_a),
        "anna": ("agent", team_a),
        "bob": ("agent", team_b),
        "erin": ("expert", None),
        "sam": ("supervisor", team_a),
        "root": ("admin", None),
    }
    agents = {name: new_id() for name in users}
    customers = {"c_a": new_id(), "c_b": new_id(), "c_shared": new_id()}
    conversations = {
        "a_open": new_id(),
        "a_unassigned": new_id(),
        "b_open": new_id(),
        "a_shared": new_id(),
    }
    orders = {k: new_id() for k in customers}
    with db.write() as tx:
        c = tx.conn
        c.execute(sa.insert(t.teams), [{"id": team_a, "name": "A"}, {"id": team_b, "name": "B"}])
        c.execute(
            sa.insert(t.agents),
            [
                {
                    "id": agents[name],
                    "username": name,
                    "display_name": name.title(),
                    "role": role,
                    "team_id": team,
                    "skills": [],
                    "presence": "available",
                    "max_concurrent": 5,
                    "locale": "en",
                    "active": True,
                    "password_hash": _HASH,
                    "created_at": now,
                }
                for name, (role, team) in users.items()
            ],
        )
        for key, cid in customers.items():
            c.execute(
                sa.insert(t.customers).values(
                    id=cid,
                    name=f"Customer {key}",
                    attributes={},
                    tags=[],
                    lifecycle_stage="mature",
                    value_tier="gold",
                    lifetime_value_minor=10_000,
                    currency="CNY",
                    agent_note="",
                    locale="zh_CN",
                    created_at=now,
                    updated_at=now,
                )
            )
            c.execute(
                sa.insert(t.customer_identities).values(
                    kind="email",
                    value=f"{key}@example.com",
                    customer_id=cid,
                    verified=True,
                    created_at=now,
                )
            )
            c.execute(
                sa.insert(t.orders).values(
                    id=orders[key],
                    order_no=f"DD-{key}",
                    customer_id=cid,
                    status="paid",
                    currency="CNY",
                    total_minor=19_900,
                    lines=[
                        {"sku": "S1", "title": "Shirt", "quantity": 1, "unit_price_minor": 19_900}
                    ],
                    payment={"method": "alipay", "status": "paid", "paid_minor": 19_900},
                    shipment={"status": "not_shipped"},
                    placed_at=now,
                    updated_at=now,
                )
            )
        specs = {
            "a_open": ("c_a", team_a, agents["alice"]),
            "a_unassigned": ("c_a", team_a, None),
            "b_open": ("c_b", team_b, agents["bob"]),
            "a_shared": ("c_shared", team_a, agents["alice"]),
        }
        policy = sla.DEFAULT_POLICIES[Channel.CHAT]
        for key, (cust, team, assignee) in specs.items():
            started = now - timedelta(seconds=5)
            clock = sla.on_inbound(sla.SlaClock(), policy, started)
            c.execute(
                sa.insert(t.conversations).values(
                    id=conversations[key],
                    customer_id=customers[cust],
                    channel="chat",
                    subject=f"About {key}",
                    status="open",
                    priority="normal",
                    assignee_id=assignee,
                    team_id=team,
                    created_at=started,
                    updated_at=started,
                    last_message_at=started,
                    last_message_preview="hello",
                    message_count=1,
                    waiting_since=clock.waiting_since,
                    response_due_at=clock.response_due_at,
                    response_breach_at=clock.response_breach_at,
                    resolution_due_at=clock.resolution_due_at,
                    resolution_breach_at=clock.resolution_breach_at,
                )
            )
            c.execute(
                sa.insert(t.messages).values(
                    id=new_id(),
                    conversation_id=conversations[key],
                    seq=1,
                    kind="inbound",
                    author_customer_id=customers[cust],
                    author_agent_id=None,
                    body=f"hello from {key}",
                    attachments=[],
                    created_at=started,
                )
            )
        c.execute(
            sa.insert(t.conversation_shares).values(
                conversation_id=conversations["a_shared"],
                agent_id=agents["erin"],
                shared_by=agents["sam"],
                created_at=now,
            )
        )
        publish_everything(tx)
    return World(team_a, team_b, agents, customers, conversations, orders)
