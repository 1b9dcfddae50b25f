"""The demo data set: big enough, consistent, deterministic; and the customer simulator."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import logging
import re
import string
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import argon2
import pytest
import sqlalchemy as sa

from agent_desk.core import sla
from agent_desk.core.enums import (
    Channel,
    ConversationStatus,
    IdentityKind,
    LifecycleStage,
    OrderStatus,
    ShipmentStatus,
    SlaState,
    ValueTier,
)
from agent_desk.core.identity import normalize_identity
from agent_desk.protocol.entities import ArticleData, ConversationData, MessageData, OrderData
from agent_desk.protocol.wire import InboundMessage
from agent_desk.server.demo import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    TEAM_AFTER_SALES,
    TEAM_PRE_SALES,
    CustomerSimulator,
    DemoSummary,
    seed_demo,
    texts,
)
from agent_desk.server.feed.records import publish_everything
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.server.storage.migrate import migrate
from tests.server.world import INBOUND_SECRET

if TYPE_CHECKING:
    from tests.server.conftest import Running

NOW = datetime(2026, 11, 23, 9, 30, 15, tzinfo=UTC)
SEED = 20261123
MIN_COUNTS = {
    "customers": 300,
    "orders": 1500,
    "conversations": 400,
    "articles": 150,
}


@dataclass
class Seeded:
    db: Database
    summary: DemoSummary
    seconds: float

    def rows(self, table: sa.Table, *order_by: Any) -> list[dict[str, Any]]:
        with self.db.read() as conn:
            query = sa.select(table)
            if order_by:
                query = query.order_by(*order_by)
            return [dict(r._mapping) for r in conn.execute(query)]


def _seed(path: str, seed: int = SEED) -> Seeded:
    db = Database(f"sqlite:///{path}")
    migrate(db)
    started = time.perf_counter()
    with db.write() as tx:
        summary = seed_demo(tx.conn, now=NOW, seed=seed)
    return Seeded(db, summary, time.perf_counter() - started)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    s = _seed(str(tmp_path_factory.mktemp("demo") / "s.db"))
    try:
        yield s
    finally:
        s.db.dispose()


@pytest.fixture(scope="module")
def convs(seeded: Seeded) -> list[dict[str, Any]]:
    return seeded.rows(t.conversations, t.conversations.c.id)


@pytest.fixture(scope="module")
def msgs_by_conv(seeded: Seeded) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in seeded.rows(t.messages, t.messages.c.conversation_id, t.messages.c.seq):
        out[m["conversation_id"]].append(m)
    return out


@pytest.fixture(scope="module")
def agents_by_name(seeded: Seeded) -> dict[str, dict[str, Any]]:
    return {a["username"]: a for a in seeded.rows(t.agents)}


# ------------------------------------------------------------------------------ size and speed


def test_counts(seeded: Seeded) -> None:
    s = seeded.summary
    assert s.customers >= MIN_COUNTS["customers"]
    assert s.orders >= MIN_COUNTS["orders"]
    assert s.conversations >= MIN_COUNTS["conversations"]
    assert s.articles >= MIN_COUNTS["articles"]
    assert s.teams == 2
    assert s.agents >= 13
    assert s.conversation_shares >= 5
    with seeded.db.read() as conn:
        for name, expected in dataclasses.asdict(s).items():
            actual = conn.execute(sa.select(sa.func.count()).select_from(t.metadata.tables[name]))
            assert actual.scalar_one() == expected, name
        # migrate() announces the SLA policies, the action catalog and the authority policy;
        # seeding itself adds no change rows
        announced = conn.execute(sa.select(t.changes.c.entity)).scalars().all()
        assert set(announced) <= {"sla_policy", "action_type", "authority_policy"}, announced
        for untouched in ("applied_mutations", "auth_tokens"):
            count = conn.execute(
                sa.select(sa.func.count()).select_from(t.metadata.tables[untouched])
            ).scalar_one()
            assert count == 0, untouched
        policies = conn.execute(sa.select(sa.func.count()).select_from(t.sla_policies))
        assert policies.scalar_one() == len(Channel)


def test_publishing_afterwards_works(tmp_path: Path) -> None:
    s = _seed(str(tmp_path / "p.db"))
    try:
        with s.db.write() as tx:
            published = publish_everything(tx)
        assert published > s.summary.messages
    finally:
        s.db.dispose()


# ------------------------------------------------------------------------------ coverage


def test_every_value_is_represented(seeded: Seeded, convs: list[dict[str, Any]]) -> None:
    customers = seeded.rows(t.customers)
    orders = seeded.rows(t.orders)
    assert {c["lifecycle_stage"] for c in customers} == {s.value for s in LifecycleStage}
    assert {c["value_tier"] for c in customers} == {v.value for v in ValueTier}
    assert {o["shipment"]["status"] for o in orders} == {s.value for s in ShipmentStatus}
    assert {o["status"] for o in orders} == {s.value for s in OrderStatus}
    assert {c["channel"] for c in convs} == {ch.value for ch in Channel}
    assert {c["status"] for c in convs} == {st.value for st in ConversationStatus}
    assert {o["payment"]["method"] for o in orders} >= {"alipay", "wechat_pay", "card", "paypal"}
    carriers = {o["shipment"]["carrier"] for o in orders} - {None}
    assert carriers == set(texts.ZH_CARRIERS) | set(texts.EN_CARRIERS)
    priorities = Counter(c["priority"] for c in convs)
    assert len(priorities) == 4


def test_locales_are_mixed(seeded: Seeded) -> None:
    customers = seeded.rows(t.customers)
    locales = Counter(c["locale"] for c in customers)
    assert set(locales) == {"zh_CN", "en"}
    assert 0.6 <= locales["zh_CN"] / len(customers) <= 0.8
    for c in customers:
        assert c["currency"] == ("CNY" if c["locale"] == "zh_CN" else "USD")
    han = re.compile(r"[\u4e00-\u9fff]")
    for c in customers:
        assert bool(han.search(c["name"])) == (c["locale"] == "zh_CN"), c["name"]
    assert len({c["name"] for c in customers}) == len(customers)
    tags = Counter(tag for c in customers for tag in c["tags"])
    assert tags["VIP"] > 0
    assert sum(bool(c["agent_note"]) for c in customers) > 10
    assert all("city" in c["attributes"] and "member_since" in c["attributes"] for c in customers)


def test_live_queue(convs: list[dict[str, Any]], agents_by_name: dict[str, dict[str, Any]]) -> None:
    by_status = Counter(c["status"] for c in convs)
    assert by_status["resolved"] > len(convs) / 2
    assert by_status["open"] + by_status["pending"] >= 60
    assert 10 <= by_status["snoozed"] <= 25
    for c in convs:
        if c["status"] == "snoozed":
            assert c["snoozed_until"] > NOW
        else:
            assert c["snoozed_until"] is None
    open_ = [c for c in convs if c["status"] == "open"]
    agent, agent2 = agents_by_name["agent"]["id"], agents_by_name["agent2"]["id"]
    assignees = Counter(c["assignee_id"] for c in open_)
    assert assignees[None] >= 5
    assert assignees[agent] >= 3
    assert assignees[agent2] >= 1
    assert len(set(assignees) - {None, agent, agent2}) >= 3
    assert {c["team_id"] for c in convs} == {TEAM_AFTER_SALES, TEAM_PRE_SALES}


def test_sla_spread(convs: list[dict[str, Any]]) -> None:
    states: dict[str, Counter[SlaState]] = defaultdict(Counter)
    for c in convs:
        if c["status"] != "open":
            continue
        assert c["waiting_since"] is not None, "every open conversation waits for a reply"
        assert c["waiting_since"] <= NOW
        state = sla.state_at(c["response_due_at"], c["response_breach_at"], NOW)
        live = "email" if c["channel"] == "email" else "live"
        states[live][state] += 1
    for state in (SlaState.ON_TARGET, SlaState.AT_RISK, SlaState.BREACHED):
        assert states["live"][state] >= 3, (state, states)
    assert states["email"][SlaState.ON_TARGET] >= 1
    fresh = [
        c
        for c in convs
        if c["status"] == "open"
        and c["channel"] == "chat"
        and NOW - c["waiting_since"] < timedelta(seconds=10)
    ]
    assert fresh, "some chats only just arrived"


# ------------------------------------------------------------------------------ articles


def test_articles(seeded: Seeded) -> None:
    articles = seeded.rows(t.articles)
    for a in articles:
        ArticleData.model_validate(a)
        assert a["status"] == "published" and a["version"] == 1
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", a["scenario"])
        assert len(a["body"]) > 60
        assert a["tags"]
    scenarios: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        scenarios[a["locale"]].add(a["scenario"])
    assert set(scenarios) == {"zh_CN", "en"}
    assert len(scenarios["zh_CN"] & scenarios["en"]) >= 12
    titles = [a["title"] for a in articles]
    assert len(set(titles)) == len(titles)
    assert not any(re.fullmatch(r"(Article|文章)\s*\d+", title) for title in titles)
    locales = Counter(a["locale"] for a in articles)
    assert abs(locales["zh_CN"] - locales["en"]) <= len(articles) * 0.2
    placeholders = {
        "{customer_name}",
        "{order_no}",
        "{carrier}",
        "{tracking_no}",
        "{eta}",
        "{refund_amount}",
    }
    assert sum(any(p in a["body"] for p in placeholders) for a in articles) >= 40
    for a in articles:  # only the documented placeholders appear
        for name in re.findall(r"\{(\w+)\}", a["body"]):
            assert "{" + name + "}" in placeholders, (a["title"], name)


# ------------------------------------------------------------------------------ orders


def test_orders_are_consistent(seeded: Seeded) -> None:
    customers = {c["id"]: c for c in seeded.rows(t.customers)}
    orders = seeded.rows(t.orders)
    numbers = [o["order_no"] for o in orders]
    assert len(set(numbers)) == len(numbers)
    earliest = NOW - timedelta(days=550)
    for o in orders:
        data = OrderData.model_validate(o)
        cust = customers[o["customer_id"]]
        pay, ship = data.payment, data.shipment
        assert o["currency"] == cust["currency"]
        pattern = r"DD\d{12}" if o["currency"] == "CNY" else r"US-1\d{6}"
        assert re.fullmatch(pattern, o["order_no"]), o["order_no"]
        assert 1 <= len(data.lines) <= 4
        goods = sum(ln.quantity * ln.unit_price_minor for ln in data.lines)
        shipping = data.payment.shipping_minor
        assert data.total_minor == goods + shipping
        free_from = {"CNY": 9_900, "USD": 3_500}[data.currency]
        assert (shipping == 0) == (goods >= free_from)
        assert all(
            isinstance(ln.unit_price_minor, int) and ln.unit_price_minor > 0 for ln in data.lines
        )
        assert earliest <= data.placed_at <= data.updated_at <= NOW
        assert data.placed_at >= cust["created_at"]
        assert 0 <= pay.refunded_minor <= pay.paid_minor <= data.total_minor
        assert pay.paid_minor in (0, data.total_minor)
        times = [data.placed_at, pay.paid_at, ship.shipped_at, ship.delivered_at]
        known = [x for x in times if x is not None]
        assert known == sorted(known) and all(x <= NOW for x in known)
        status = data.status
        if status in (OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED):
            assert ship.status is ShipmentStatus.NOT_SHIPPED
            assert ship.shipped_at is None and ship.carrier is None
        if status is OrderStatus.PENDING_PAYMENT:
            assert pay.paid_minor == 0 and pay.paid_at is None
        if status is OrderStatus.CANCELLED:
            assert pay.refunded_minor == pay.paid_minor
        if status is OrderStatus.PAID:
            assert pay.paid_minor == data.total_minor and pay.refunded_minor == 0
            assert ship.status in (ShipmentStatus.NOT_SHIPPED, ShipmentStatus.LABEL_CREATED)
        if status is OrderStatus.SHIPPED:
            assert ship.status in (
                ShipmentStatus.IN_TRANSIT,
                ShipmentStatus.OUT_FOR_DELIVERY,
                ShipmentStatus.EXCEPTION,
            )
            assert ship.shipped_at is not None and ship.delivered_at is None
        if status is OrderStatus.DELIVERED:
            assert ship.status is ShipmentStatus.DELIVERED and ship.delivered_at is not None
            assert pay.refunded_minor == 0
        if status is OrderStatus.REFUNDED:
            assert pay.refunded_minor == pay.paid_minor > 0
            assert ship.status is ShipmentStatus.RETURNED
        if status is OrderStatus.PARTIALLY_REFUNDED:
            assert 0 < pay.refunded_minor < pay.paid_minor
        if ship.status is ShipmentStatus.DELIVERED:
            assert ship.delivered_at is not None
        if ship.status is not ShipmentStatus.NOT_SHIPPED:
            assert ship.carrier and ship.tracking_no
            zh = o["currency"] == "CNY"
            assert ship.carrier in (texts.ZH_CARRIERS if zh else texts.EN_CARRIERS)


def test_customer_values_follow_orders(seeded: Seeded) -> None:
    spent: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for o in seeded.rows(t.orders):
        spent[o["customer_id"]] += o["payment"]["paid_minor"] - o["payment"]["refunded_minor"]
        count[o["customer_id"]] += 1
    customers = seeded.rows(t.customers)
    for c in customers:
        assert c["lifetime_value_minor"] == spent[c["id"]]
        assert count[c["id"]] >= 1
        assert c["attributes"]["orders_count"] == count[c["id"]]

    def worth(c: dict[str, Any]) -> int:
        return int(c["lifetime_value_minor"]) * (7 if c["currency"] == "USD" else 1)

    rank = [ValueTier.STANDARD, ValueTier.SILVER, ValueTier.GOLD, ValueTier.PLATINUM]
    by_tier: dict[str, list[int]] = defaultdict(list)
    for c in customers:
        by_tier[c["value_tier"]].append(worth(c))
    for low, high in itertools.pairwise(rank):
        assert max(by_tier[low.value]) <= min(by_tier[high.value])


def test_identities(seeded: Seeded) -> None:
    identities = seeded.rows(t.customer_identities)
    per_customer = Counter(i["customer_id"] for i in identities)
    customers = seeded.rows(t.customers)
    assert all(per_customer[c["id"]] >= 1 for c in customers)
    two_or_three = sum(1 for c in customers if per_customer[c["id"]] in (2, 3))
    assert two_or_three > len(customers) / 2
    assert {i["kind"] for i in identities} == {k.value for k in IdentityKind}
    for i in identities:
        assert normalize_identity(IdentityKind(i["kind"]), i["value"]) == i["value"]
    phones = [i["value"] for i in identities if i["kind"] == "phone"]
    assert all(p.startswith("+") for p in phones)
    assert not any(p.startswith("+861") and len(p) != 14 for p in phones)


# ------------------------------------------------------------------------------ conversations


def test_messages_are_well_formed(
    seeded: Seeded,
    convs: list[dict[str, Any]],
    msgs_by_conv: dict[str, list[dict[str, Any]]],
    agents_by_name: dict[str, dict[str, Any]],
) -> None:
    agent_team = {a["id"]: a["team_id"] for a in agents_by_name.values()}
    kinds: Counter[str] = Counter()
    for c in convs:
        ConversationData.model_validate(c)
        msgs = msgs_by_conv[c["id"]]
        assert [m["seq"] for m in msgs] == list(range(1, len(msgs) + 1))
        assert 2 <= len(msgs) <= 12
        assert c["message_count"] == len(msgs)
        assert [m["created_at"] for m in msgs] == sorted(m["created_at"] for m in msgs)
        assert msgs[0]["created_at"] == c["created_at"]
        assert msgs[0]["kind"] == "inbound"
        assert all(m["created_at"] <= NOW for m in msgs)
        spoken = [m for m in msgs if m["kind"] in ("inbound", "outbound")]
        assert c["last_message_at"] == spoken[-1]["created_at"]
        assert c["last_message_preview"] == " ".join(spoken[-1]["body"].split())[:120]
        assert c["updated_at"] >= msgs[-1]["created_at"]
        for m in msgs:
            MessageData.model_validate(m)
            kinds[m["kind"]] += 1
            assert "{" not in m["body"] and "}" not in m["body"], m["body"]
            if m["kind"] == "inbound":
                assert m["author_customer_id"] == c["customer_id"]
                assert m["author_agent_id"] is None
            elif m["kind"] == "outbound":
                assert m["author_agent_id"] == c["assignee_id"] is not None
            elif m["kind"] == "note":
                assert m["author_agent_id"] is not None
            else:
                assert m["author_agent_id"] is None and m["author_customer_id"] is None
        if c["assignee_id"] is not None:
            assert agent_team[c["assignee_id"]] == c["team_id"]
        else:
            assert c["status"] == "open"
            assert not any(m["kind"] == "outbound" for m in msgs)
        if c["status"] == "resolved":
            assert c["resolved_at"] is not None and c["resolved_at"] <= NOW
            assert c["waiting_since"] is None and c["response_due_at"] is None
            assert c["resolution_due_at"] is None
        else:
            assert c["resolved_at"] is None and c["csat_score"] is None
            assert c["resolution_due_at"] is not None
        if c["status"] == "open":
            assert spoken[-1]["kind"] == "inbound"
        if c["status"] in ("pending", "snoozed"):
            assert spoken[-1]["kind"] == "outbound" and c["waiting_since"] is None
    assert set(kinds) == {"inbound", "outbound", "note", "system"}
    resolved = [c for c in convs if c["status"] == "resolved"]
    rated = [c for c in resolved if c["csat_score"] is not None]
    assert 0.35 <= len(rated) / len(resolved) <= 0.65
    assert {c["csat_score"] for c in rated} == {1, 2, 3, 4, 5}


def test_sla_clocks_replay(
    convs: list[dict[str, Any]], msgs_by_conv: dict[str, list[dict[str, Any]]]
) -> None:
    for c in convs:
        policy = sla.DEFAULT_POLICIES[Channel(c["channel"])]
        msgs = msgs_by_conv[c["id"]]
        clock = sla.on_opened(sla.SlaClock(), policy, msgs[0]["created_at"])
        for m in msgs:
            if m["kind"] == "inbound":
                clock = sla.on_inbound(clock, policy, m["created_at"])
            elif m["kind"] == "outbound":
                clock = sla.on_outbound(clock, m["created_at"])
        if c["status"] == "resolved":
            clock = sla.on_resolved(clock)
        for name in (
            "waiting_since",
            "first_response_at",
            "response_due_at",
            "response_breach_at",
            "resolution_due_at",
            "resolution_breach_at",
        ):
            assert c[name] == getattr(clock, name), (c["id"], name)


def test_conversation_text_fits_the_customer(
    seeded: Seeded,
    convs: list[dict[str, Any]],
    msgs_by_conv: dict[str, list[dict[str, Any]]],
) -> None:
    customers = {c["id"]: c for c in seeded.rows(t.customers)}
    order_nos = defaultdict(set)
    for o in seeded.rows(t.orders):
        order_nos[o["customer_id"]].add(o["order_no"])
    han = re.compile(r"[\u4e00-\u9fff]")
    mentioned = 0
    for c in convs:
        cust = customers[c["customer_id"]]
        inbound = [m["body"] for m in msgs_by_conv[c["id"]] if m["kind"] == "inbound"]
        if cust["locale"] == "zh_CN":
            assert han.search(inbound[0]), inbound[0]
        else:
            assert not any(han.search(b) for b in inbound), inbound
        text = " ".join(m["body"] for m in msgs_by_conv[c["id"]])
        found = set(re.findall(r"DD\d{12}|US-1\d{6}", text))
        assert found <= order_nos[c["customer_id"]], "only the customer's own orders"
        mentioned += bool(found)
    assert mentioned > len(convs) / 2
    openers = Counter(msgs_by_conv[c["id"]][0]["body"] for c in convs)
    assert openers.most_common(1)[0][1] < 10, "openers should vary"


def test_shares_and_read_states(
    seeded: Seeded, convs: list[dict[str, Any]], agents_by_name: dict[str, dict[str, Any]]
) -> None:
    shares = seeded.rows(t.conversation_shares)
    expert = agents_by_name["expert"]["id"]
    by_id = {c["id"]: c for c in convs}
    assert len(shares) >= 5
    sharers = {agents_by_name["agent"]["id"], agents_by_name["supervisor"]["id"]}
    for s in shares:
        assert s["agent_id"] == expert
        assert s["shared_by"] in sharers
        assert by_id[s["conversation_id"]]["team_id"] == TEAM_AFTER_SALES
    for r in seeded.rows(t.read_states):
        conv = by_id[r["conversation_id"]]
        assert 1 <= r["last_read_seq"] <= conv["message_count"]
        assert r["read_at"] <= NOW


# ------------------------------------------------------------------------------ agents


def test_demo_accounts(agents_by_name: dict[str, dict[str, Any]]) -> None:
    hasher = argon2.PasswordHasher()
    for name in DEMO_ACCOUNTS:
        assert hasher.verify(agents_by_name[name]["password_hash"], DEMO_PASSWORD)
    roles = {name: agents_by_name[name]["role"] for name in DEMO_ACCOUNTS}
    assert roles == {
        "agent": "agent",
        "agent2": "agent",
        "expert": "expert",
        "supervisor": "supervisor",
        "admin": "admin",
    }
    assert agents_by_name["agent"]["display_name"] == "李娜 Li Na"
    assert agents_by_name["agent"]["team_id"] == TEAM_AFTER_SALES
    assert agents_by_name["agent2"]["team_id"] == TEAM_PRE_SALES
    assert agents_by_name["supervisor"]["team_id"] == TEAM_AFTER_SALES
    assert agents_by_name["expert"]["team_id"] is None
    assert agents_by_name["admin"]["team_id"] is None
    assert {"logistics", "payments"} <= set(agents_by_name["expert"]["skills"])
    others = [a for n, a in agents_by_name.items() if n not in DEMO_ACCOUNTS]
    assert len(others) >= 8
    assert {a["team_id"] for a in others} == {TEAM_AFTER_SALES, TEAM_PRE_SALES}
    for a in others:
        with pytest.raises(argon2.exceptions.VerifyMismatchError):
            hasher.verify(a["password_hash"], DEMO_PASSWORD)
    for a in agents_by_name.values():
        assert 5 <= a["max_concurrent"] <= 8
        assert a["active"] is True


# ------------------------------------------------------------------------------ determinism


def test_same_seed_same_rows(seeded: Seeded, tmp_path: Path) -> None:
    again = _seed(str(tmp_path / "again.db"))
    other = _seed(str(tmp_path / "other.db"), seed=SEED + 1)
    try:
        assert again.summary == seeded.summary
        for table in (
            t.teams,
            t.customers,
            t.customer_identities,
            t.orders,
            t.conversations,
            t.messages,
            t.articles,
            t.conversation_shares,
            t.read_states,
            t.actions,
            t.ledger,
            t.coupons,
            t.store_credit,
            t.audit_log,
        ):
            key = list(table.primary_key.columns)
            assert again.rows(table, *key) == seeded.rows(table, *key), table.name

        def strip(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{k: v for k, v in r.items() if k != "password_hash"} for r in rows]

        assert strip(again.rows(t.agents, t.agents.c.id)) == strip(
            seeded.rows(t.agents, t.agents.c.id)
        )
        assert other.rows(t.customers, t.customers.c.id) != seeded.rows(
            t.customers, t.customers.c.id
        )
    finally:
        again.db.dispose()
        other.db.dispose()


def test_naive_now_is_refused(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'n.db'}")
    migrate(db)
    try:
        with pytest.raises(ValueError, match="timezone"), db.write() as tx:
            seed_demo(tx.conn, now=datetime(2026, 1, 1))
    finally:
        db.dispose()


# ------------------------------------------------------------------------------ templates


def _all_templates() -> list[str]:
    out: list[str] = []
    for sc in texts.SCENARIOS:
        for lines in (sc.zh, sc.en):
            for group in (
                lines.subject,
                lines.open,
                lines.reply,
                lines.detail,
                lines.resolve,
                lines.ask,
                lines.note,
            ):
                assert group, sc.key
                out.extend(group)
    for table in (
        texts.EXTRA_ORDER,
        texts.EXTRA_ANY,
        texts.NUDGE,
        texts.THANKS,
        texts.CLOSE,
        texts.PROMISE,
        texts.ANSWER,
        texts.GENERIC_NOTES,
        texts.SIM_FOLLOWUPS,
    ):
        for locale in texts.LOCALES:
            out.extend(table[locale])
    for locale in texts.LOCALES:
        for subject, body in texts.SIM_OPENERS[locale]:
            out += [subject, body]
    return out


def test_templates_use_known_slots() -> None:
    slots = {name: "x" for name in texts.SLOTS}
    slots["expert"] = "x"
    for template in _all_templates():
        names = {f[1] for f in string.Formatter().parse(template) if f[1]}
        assert names <= set(slots), (template, names - set(slots))
    for locale in texts.LOCALES:
        for template in texts.SHARE_NOTE[locale]:
            template.format_map(slots)
    assert len(texts.SCENARIOS) >= 12
    assert {sc.team for sc in texts.SCENARIOS} == {"after_sales", "pre_sales"}


# ------------------------------------------------------------------------------ simulator


def _known(seeded: Seeded) -> list[tuple[str, str]]:
    return [(i["kind"], i["value"]) for i in seeded.rows(t.customer_identities)]


def test_simulator_payloads_validate(seeded: Seeded) -> None:
    known = _known(seeded)
    known_set = set(known)
    sim = CustomerSimulator(
        "http://127.0.0.1:9", b"s", rate_per_minute=30, seed=7, known_identities=known
    )
    fits = {
        "phone": {"phone", "chat"},
        "email": {"email"},
        "wechat_id": {"social"},
        "app_user_id": {"app"},
    }
    new_fits = {**fits, "email": {"email", "chat"}}  # a new visitor may leave an email in chat
    channels: Counter[str] = Counter()
    locales: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    ids = set()
    for _ in range(400):
        channel, payload = sim.one_payload()
        msg = InboundMessage.model_validate(payload)
        Channel(channel)
        channels[channel] += 1
        locales[msg.locale or ""] += 1
        ids.add(msg.external_id)
        assert msg.body.strip()
        assert "{" not in msg.body
        identities = [(k, v) for k, v in payload["sender"].items() if k != "name"]
        assert len(identities) == 1
        kind, value = identities[0]
        normalize_identity(IdentityKind(kind), value)
        if (kind, value) in known_set:
            kinds["known"] += 1
            assert channel in fits[kind]
        else:
            assert channel in new_fits[kind]
        if channel == "email" and "subject" in payload:
            assert msg.subject
    assert len(ids) == 400
    assert set(channels) == {ch.value for ch in Channel}
    assert set(locales) == {"zh_CN", "en"}
    assert 0.55 <= kinds["known"] / 400 <= 0.9  # known customers plus their follow-ups


def test_simulator_needs_a_positive_rate() -> None:
    with pytest.raises(ValueError, match="positive"):
        CustomerSimulator("http://x", b"s", rate_per_minute=0, seed=1, known_identities=[])


@pytest.mark.asyncio
async def test_simulator_posts_signed_messages(sqlite_running: Running) -> None:
    r = sqlite_running
    sim = CustomerSimulator(
        r.url,
        INBOUND_SECRET.encode(),
        rate_per_minute=600,
        seed=3,
        known_identities=[("email", "c_a@example.com")],
    )
    stop = asyncio.Event()
    task = asyncio.create_task(sim.run(stop))
    for _ in range(100):
        await asyncio.sleep(0.05)
        if sim.sent >= 4:
            break
    stop.set()
    await asyncio.wait_for(task, timeout=10)
    assert sim.sent >= 4 and sim.failed == 0
    with r.db.read() as conn:
        simulated = conn.execute(
            sa.select(sa.func.count())
            .select_from(t.messages)
            .where(t.messages.c.external_key.like("%:sim-%"))
        ).scalar_one()
    assert simulated == sim.sent


@pytest.mark.asyncio
@pytest.mark.allow_log_warnings
async def test_simulator_survives_refusals_and_dead_servers(
    sqlite_running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="agent_desk.server.demo.simulator")
    for url, secret in ((sqlite_running.url, b"wrong secret"), ("http://127.0.0.1:9", b"s")):
        sim = CustomerSimulator(url, secret, rate_per_minute=1200, seed=5, known_identities=[])
        stop = asyncio.Event()
        task = asyncio.create_task(sim.run(stop))
        for _ in range(100):
            await asyncio.sleep(0.05)
            if sim.failed >= 2:
                break
        stop.set()
        await asyncio.wait_for(task, timeout=10)
        assert sim.failed >= 2 and sim.sent == 0
    refused = [rec.getMessage() for rec in caplog.records if "HTTP" in rec.getMessage()]
    assert refused and all(m.endswith("HTTP 401") for m in refused)
    assert all("sender" not in rec.getMessage() for rec in caplog.records)


# ------------------------------------------------------------------------------ action history


def test_action_history(seeded: Seeded) -> None:
    """A few dozen past actions, as the real server would have recorded them."""
    from agent_desk.core import authority
    from agent_desk.server.audit import log as audit

    actions = seeded.rows(t.actions, t.actions.c.requested_at)
    assert len(actions) >= 24
    by_status = Counter(a["status"] for a in actions)
    assert by_status["pending_approval"] == 1 and by_status["denied"] == 1
    assert by_status["executed"] == len(actions) - 2
    kinds = Counter(a["type"] for a in actions if a["status"] == "executed")
    assert kinds["refund"] >= 3 and kinds["coupon"] >= 3 and kinds["reship"] == 1
    approved = [a for a in actions if a["status"] == "executed" and a["decided_by"]]
    assert approved and all(a["approval_reason"] for a in approved)
    assert all(a["authorized_by"] == a["decided_by"] for a in approved)
    agents = {a["id"]: a for a in seeded.rows(t.agents)}
    convs = {c["id"]: c for c in seeded.rows(t.conversations)}
    orders = {o["id"]: o for o in seeded.rows(t.orders)}
    for a in actions:
        assert agents[a["requested_by"]]["role"] in ("agent", "supervisor")
        assert convs[a["conversation_id"]]["customer_id"] == a["customer_id"]
        if a["order_id"]:
            order = orders[a["order_id"]]
            assert order["customer_id"] == a["customer_id"]
            assert order["currency"] == a["currency"]
        if a["type"] == "refund" and a["status"] == "executed":
            # past refunds explain the refund the order carries
            assert a["amount_minor"] == order["payment"]["refunded_minor"]
    pending = next(a for a in actions if a["status"] == "pending_approval")
    assert agents[pending["requested_by"]]["username"] == "agent"
    assert convs[pending["conversation_id"]]["status"] == "open"
    assert pending["approval_reason"].split(":")[0] in (
        authority.NOT_AUTHORIZED_FOR_TIER,
        authority.OVER_ACTION_LIMIT,
    )
    ledger = seeded.rows(t.ledger)
    assert sorted(r["action_id"] for r in ledger) == sorted(
        a["id"] for a in actions if a["status"] == "executed"
    )
    assert len(seeded.rows(t.coupons)) == kinds["coupon"]
    customers = {c["id"]: c for c in seeded.rows(t.customers)}
    for a in actions:
        if a["status"] == "executed":
            recent = customers[a["customer_id"]]["attributes"]["compensation"]["recent"]
            assert a["id"] in {r["action_id"] for r in recent}
            assert a["customer_message"]
    with seeded.db.read() as conn:
        outcome = audit.verify(conn)
        steps = Counter(conn.execute(sa.select(t.audit_log.c.action)).scalars().all())
    assert outcome.ok and outcome.rows == seeded.summary.audit_log
    assert steps["action.requested"] == len(actions)
    assert steps["action.executed"] == by_status["executed"]
    assert steps["action.approved"] == len(approved) and steps["action.denied"] == 1


def test_the_pending_demo_request_can_be_approved(tmp_path: Path) -> None:
    """The supervisor's waiting request is valid today: approving it runs it, once."""
    from agent_desk.core.enums import Role
    from agent_desk.protocol import MutationIn
    from agent_desk.server.auth.accounts import Viewer
    from agent_desk.server.feed import pages as feed
    from agent_desk.server.mutations.apply import apply_mutation, handlers
    from agent_desk.server.resolution.commerce import BuiltinCommerce

    s = _seed(str(tmp_path / "p.db"))
    try:
        with s.db.write() as tx:
            publish_everything(tx)
        pending = next(a for a in s.rows(t.actions) if a["status"] == "pending_approval")
        boss = next(a for a in s.rows(t.agents) if a["username"] == "supervisor")
        viewer = Viewer(boss["id"], Role.SUPERVISOR, boss["team_id"])
        with s.db.read() as conn:
            page = feed.read_page(conn, viewer, 0, 100_000)
        seen = {(c.entity, c.id): c for c in page.changes}
        assert seen[("action", pending["id"])].data["status"] == "pending_approval"
        assert len([k for k in seen if k[0] == "action_type"]) == 9
        mutation = MutationIn(
            id="m-1", name="action.approve", args={"action_id": pending["id"], "note": "ok"}
        )
        outcome = apply_mutation(s.db, handlers(BuiltinCommerce()), viewer, "demo-client", mutation)
        assert outcome.status == "applied" and outcome.result is not None
        assert outcome.result["status"] == "executed", outcome.result
        ledger = [r for r in s.rows(t.ledger) if r["action_id"] == pending["id"]]
        assert len(ledger) == 1
    finally:
        s.db.dispose()


@pytest.mark.asyncio
async def test_simulated_customers_read_replies_and_answer(sqlite_running: Running) -> None:
    """A web chat visitor reads the agent's reply in their page and answers; an app customer
    whose reply reached the demo's receiver answers through the webhook."""
    from agent_desk.core.ids import new_id
    from agent_desk.server.channels import connections
    from agent_desk.server.demo import texts

    r = sqlite_running
    with r.db.write() as tx:
        connections.add(tx, r.box, name="web chat", kind="widget", channel="chat")
    sim = CustomerSimulator(
        r.url,
        INBOUND_SECRET.encode(),
        rate_per_minute=600,
        seed=11,
        known_identities=[],  # only new people: some of them on chat, through the widget
        answer_share=1.0,
        answer_after_s=(0.1, 0.2),
    )
    stop = asyncio.Event()
    task = asyncio.create_task(sim.run(stop))

    def widget_conversation() -> str | None:
        with r.db.read() as conn:
            return conn.execute(
                sa.select(t.messages.c.conversation_id)
                .where(t.messages.c.external_key.like("widget:%"))
                .limit(1)
            ).scalar()

    answers = {line for lines in texts.SIM_ANSWERS.values() for line in lines}

    def answered(conversation_id: str) -> bool:
        with r.db.read() as conn:
            bodies = conn.execute(
                sa.select(t.messages.c.body).where(
                    t.messages.c.conversation_id == conversation_id,
                    t.messages.c.kind == "inbound",
                )
            ).scalars()
            return any(b in answers for b in bodies)

    try:
        for _ in range(200):
            conv = widget_conversation()
            if conv:
                break
            await asyncio.sleep(0.05)
        assert conv, "a new chat customer came through the web chat"
        sam = r.client("sam")
        reply = r.mutate(
            sam,
            "message.send",
            {"conversation_id": conv, "message_id": new_id(), "body": "您好，已经为您查询"},
        )
        assert reply["status"] == "applied"
        for _ in range(200):
            if answered(conv):
                break
            await asyncio.sleep(0.05)
        assert answered(conv), "the visitor read the reply and answered"

        sim.heard(  # what the demo's receiver hands over for an app customer
            {
                "channel": "app",
                "body": "您好，包裹已发出",
                "customer": {"identity": {"kind": "app_user_id", "value": "u-answering-1"}},
            }
        )
        for _ in range(200):
            if sim.answered:
                break
            await asyncio.sleep(0.05)
        assert sim.answered == 1
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)
