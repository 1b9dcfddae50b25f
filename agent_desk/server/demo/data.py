"""Seed a deterministic demo shop: teams, agents, customers, orders, conversations, articles.

``seed_demo`` only inserts rows; the caller owns the transaction and publishes the change feed
afterwards (``records.publish_everything``). The same ``seed`` and ``now`` give the same rows and
ids, except the agents' password hashes (argon2 salts are random).
"""

from __future__ import annotations

import random
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, TypeVar

import argon2
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core import sla
from agent_desk.core.enums import (
    Channel,
    ConversationStatus,
    IdentityKind,
    LifecycleStage,
    MessageKind,
    OrderStatus,
    Presence,
    Priority,
    Role,
    ShipmentStatus,
    ValueTier,
)
from agent_desk.core.identity import normalize_identity
from agent_desk.server.demo import history, texts
from agent_desk.server.demo.articles import SCENARIO_LABELS, TOPICS
from agent_desk.server.demo.texts import EN, ZH
from agent_desk.server.storage import audit_chain
from agent_desk.server.storage import schema as t

TEAM_AFTER_SALES = "01900000-0000-7000-8000-00000000a5a5"
TEAM_PRE_SALES = "01900000-0000-7000-8000-00000000b5b5"
DEMO_ACCOUNTS = ("agent", "agent2", "expert", "supervisor", "admin")
DEMO_PASSWORD = "demo"  # noqa: S105 - the published demo password

_BEIJING = timezone(timedelta(hours=8))
_TEAM_ID = {"after_sales": TEAM_AFTER_SALES, "pre_sales": TEAM_PRE_SALES}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LIVE = (Channel.CHAT, Channel.APP, Channel.SOCIAL, Channel.PHONE)
_INBOUND_ROLES = ("open", "extra", "detail", "answer", "thanks", "nudge")
_OUTBOUND_ROLES = ("reply", "resolve", "ask", "promise", "close")
_NOTE_ROLES = ("note", "share_note")

N_CUSTOMERS = 320
N_RESOLVED = 372
N_OPEN = 72
N_PENDING = 20
N_SNOOZED = 16

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class DemoSummary:
    teams: int
    agents: int
    customers: int
    customer_identities: int
    orders: int
    conversations: int
    messages: int
    articles: int
    conversation_shares: int
    read_states: int
    actions: int = 0
    ledger: int = 0
    coupons: int = 0
    store_credit: int = 0
    audit_log: int = 0


def seed_demo(conn: Connection, *, now: datetime, seed: int = 20261123) -> DemoSummary:
    """Insert the demo data set (the caller commits and publishes the changes)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    builder = _Builder(now.astimezone(UTC), seed)
    builder.build()
    return builder.insert(conn)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _uuid7(rng: random.Random, at: datetime) -> str:
    """A UUIDv7 for ``at`` whose random bits come from ``rng`` (so ids are reproducible)."""
    ms = max(0, int(at.timestamp() * 1000)) & 0xFFFF_FFFF_FFFF
    value = ms << 80
    value |= 0x7 << 76
    value |= rng.getrandbits(12) << 64
    value |= 0b10 << 62
    value |= rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


def _money(minor: int, currency: str) -> str:
    symbol = "¥" if currency == "CNY" else "$"
    return f"{symbol}{minor // 100:,}.{minor % 100:02d}"


def _date(at: datetime, locale: str) -> str:
    if locale == ZH:
        return f"{at.month}月{at.day}日"
    return f"{_MONTHS[at.month - 1]} {at.day}"


def _preview(body: str) -> str:
    return " ".join(body.split())[:120]


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    if end <= start:
        return start
    return start + timedelta(seconds=rng.uniform(0, (end - start).total_seconds()))


def _pick(rng: random.Random, weighted: Sequence[tuple[_T, float]]) -> _T:
    items = [item for item, _ in weighted]
    weights = [w for _, w in weighted]
    return rng.choices(items, weights=weights)[0]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


class _Slots(dict[str, str]):
    """Template slots; an unknown slot renders empty instead of failing."""

    def __missing__(self, key: str) -> str:
        return ""


# --------------------------------------------------------------------------------------------
# Planning records
# --------------------------------------------------------------------------------------------


@dataclass
class _Agent:
    id: str
    username: str
    display: str
    role: Role
    team: str | None  # "after_sales" | "pre_sales" | None
    locale: str
    skills: list[str]
    presence: Presence
    max_concurrent: int

    def short(self, locale: str) -> str:
        head, _, tail = self.display.partition(" ")
        if tail and any("\u4e00" <= ch <= "\u9fff" for ch in head):
            return head if locale == ZH else tail
        return head  # "Emily Carter" signs as "Emily"


@dataclass
class _Line:
    sku: str
    title: str
    quantity: int
    unit_price_minor: int
    product: texts.Product
    size: str
    variants: tuple[tuple[str, str], ...] = ()  # (sku, title) of every size, in size order


# currency -> (goods value from which shipping is free, the fee below it), minor units
_FREE_SHIPPING = {"CNY": (9_900, 1_000), "USD": (3_500, 599)}


@dataclass
class _Order:
    id: str
    order_no: str
    customer: _Customer
    placed_at: datetime
    lines: list[_Line]
    status: OrderStatus = OrderStatus.PAID
    payment_method: str = "alipay"
    payment_status: str = "paid"
    paid: int = 0
    refunded: int = 0
    paid_at: datetime | None = None
    refunded_at: datetime | None = None
    shipment: ShipmentStatus = ShipmentStatus.NOT_SHIPPED
    carrier: str | None = None
    tracking_no: str | None = None
    shipped_at: datetime | None = None
    eta: datetime | None = None
    delivered_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def goods(self) -> int:
        return sum(line.quantity * line.unit_price_minor for line in self.lines)

    @property
    def shipping(self) -> int:
        """The shipping fee, paid with the order below the free-shipping threshold."""
        free_from, fee = _FREE_SHIPPING[self.customer.currency]
        return 0 if self.goods >= free_from else fee

    @property
    def total(self) -> int:
        return self.goods + self.shipping

    def item(self, locale: str) -> str:
        product = self.lines[0].product
        return product.zh if locale == ZH else product.en

    def has_digital(self) -> bool:
        return any(line.product.category == "digital" for line in self.lines)


@dataclass
class _Customer:
    id: str
    name: str
    short: str
    locale: str
    currency: str
    stage: LifecycleStage
    city: str
    country: str
    streets: tuple[str, ...]
    created_at: datetime
    handle: str  # pinyin or first.last, for emails and WeChat ids
    affinity: dict[str, float]
    identities: list[tuple[IdentityKind, str, bool, datetime]] = field(default_factory=list)
    orders: list[_Order] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    tier: ValueTier = ValueTier.STANDARD
    ltv: int = 0

    def kinds(self) -> list[IdentityKind]:
        return [kind for kind, _, _, _ in self.identities]

    def identity(self, kind: IdentityKind) -> str | None:
        for k, value, _, _ in self.identities:
            if k is kind:
                return value
        return None


@dataclass
class _Msg:
    role: str
    at: datetime = field(default_factory=lambda: datetime.min.replace(tzinfo=UTC))

    @property
    def kind(self) -> MessageKind:
        if self.role in _INBOUND_ROLES:
            return MessageKind.INBOUND
        if self.role in _OUTBOUND_ROLES:
            return MessageKind.OUTBOUND
        if self.role in _NOTE_ROLES:
            return MessageKind.NOTE
        return MessageKind.SYSTEM  # sys_queue, sys_assign, sys_shared, sys_snoozed, sys_resolved


# --------------------------------------------------------------------------------------------
# The builder
# --------------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, now: datetime, seed: int) -> None:
        self.now = now
        self.seed = seed
        self.rng = random.Random(seed)
        self.cases: list[history.Case] = []
        self.history: history.History | None = None
        self.agents: list[_Agent] = []
        self.by_username: dict[str, _Agent] = {}
        self.customers: list[_Customer] = []
        self.orders: list[_Order] = []
        self.rows: dict[str, list[dict[str, Any]]] = {
            name: []
            for name in (
                "teams",
                "agents",
                "customers",
                "customer_identities",
                "orders",
                "conversations",
                "messages",
                "conversation_shares",
                "read_states",
                "articles",
                "actions",
                "ledger",
                "coupons",
                "store_credit",
                "audit_log",
            )
        }
        self._used_names: set[str] = set()
        self._used_identities: set[tuple[str, str]] = set()
        self._used_order_nos: set[str] = set()
        self._open_pairs: set[tuple[str, str]] = set()  # (customer, channel) not resolved
        self._shares = 0

    # ---------------------------------------------------------------- orchestration

    def build(self) -> None:
        self._teams_and_agents()
        self._customers()
        for customer in self.customers:
            self._orders_for(customer)
        self._number_orders()
        self._customer_values()
        self._conversations()
        self._articles()
        self._history()  # last, with its own dice: the rows above do not change

    def insert(self, conn: Connection) -> DemoSummary:
        tables = {
            "teams": t.teams,
            "agents": t.agents,
            "customers": t.customers,
            "customer_identities": t.customer_identities,
            "orders": t.orders,
            "conversations": t.conversations,
            "messages": t.messages,
            "conversation_shares": t.conversation_shares,
            "read_states": t.read_states,
            "articles": t.articles,
        }
        for name, table in tables.items():  # parents before children
            rows = self.rows[name]
            for start in range(0, len(rows), 2000):
                conn.execute(sa.insert(table), rows[start : start + 2000])
        for name, table in (
            ("actions", t.actions),
            ("ledger", t.ledger),
            ("coupons", t.coupons),
            ("store_credit", t.store_credit),
        ):
            if self.rows[name]:
                conn.execute(sa.insert(table), self.rows[name])
        audit_chain.append(conn, self.rows["audit_log"])
        keys = sorted({a["scenario"] for a in self.rows["articles"]})
        conn.execute(
            sa.insert(t.scenarios),
            [{"id": k, "label": SCENARIO_LABELS.get(k, k), "updated_at": self.now} for k in keys],
        )
        return DemoSummary(**{name: len(rows) for name, rows in self.rows.items()})

    # ---------------------------------------------------------------- teams and agents

    def _teams_and_agents(self) -> None:
        self.rows["teams"] = [
            {"id": TEAM_AFTER_SALES, "name": "售后 After-sales"},
            {"id": TEAM_PRE_SALES, "name": "售前 Pre-sales"},
        ]
        A, S = "after_sales", "pre_sales"
        specs: list[tuple[str, str, Role, str | None, str, list[str], Presence, int]] = [
            (
                "agent",
                "李娜 Li Na",
                Role.AGENT,
                A,
                ZH,
                ["logistics", "returns", "refunds"],
                Presence.AVAILABLE,
                6,
            ),
            (
                "agent2",
                "张伟 Zhang Wei",
                Role.AGENT,
                S,
                ZH,
                ["sizing", "electronics"],
                Presence.AVAILABLE,
                6,
            ),
            (
                "expert",
                "周强 Zhou Qiang",
                Role.EXPERT,
                None,
                ZH,
                ["logistics", "payments"],
                Presence.AVAILABLE,
                5,
            ),
            (
                "supervisor",
                "陈静 Chen Jing",
                Role.SUPERVISOR,
                A,
                ZH,
                ["escalations", "vip", "refunds"],
                Presence.BUSY,
                8,
            ),
            ("admin", "管理员 Admin", Role.ADMIN, None, EN, [], Presence.OFFLINE, 5),
            (
                "wangfang",
                "王芳 Wang Fang",
                Role.AGENT,
                A,
                ZH,
                ["returns", "invoices"],
                Presence.AVAILABLE,
                7,
            ),
            (
                "liuyang",
                "刘洋 Liu Yang",
                Role.AGENT,
                A,
                ZH,
                ["logistics", "damage_claims"],
                Presence.BUSY,
                6,
            ),
            (
                "emily.carter",
                "Emily Carter",
                Role.AGENT,
                A,
                EN,
                ["english", "refunds"],
                Presence.AWAY,
                5,
            ),
            (
                "sunhao",
                "孙浩 Sun Hao",
                Role.AGENT,
                A,
                ZH,
                ["electronics", "warranty"],
                Presence.OFFLINE,
                6,
            ),
            (
                "zhaomin",
                "赵敏 Zhao Min",
                Role.AGENT,
                S,
                ZH,
                ["sizing", "promotions"],
                Presence.AVAILABLE,
                8,
            ),
            ("huangli", "黄丽 Huang Li", Role.AGENT, S, ZH, ["home", "payments"], Presence.BUSY, 7),
            (
                "james.miller",
                "James Miller",
                Role.AGENT,
                S,
                EN,
                ["english", "electronics"],
                Presence.AVAILABLE,
                5,
            ),
            (
                "wulei",
                "吴磊 Wu Lei",
                Role.AGENT,
                S,
                ZH,
                ["promotions", "accounts"],
                Presence.OFFLINE,
                6,
            ),
        ]
        hasher = argon2.PasswordHasher()
        demo_hash = hasher.hash(DEMO_PASSWORD)
        locked_hash = hasher.hash(secrets.token_hex(32))  # nobody knows this password
        created = self.now - timedelta(days=400)
        for username, display, role, team, locale, skills, presence, cap in specs:
            at = created + timedelta(days=self.rng.uniform(0, 300))
            agent = _Agent(
                _uuid7(self.rng, at), username, display, role, team, locale, skills, presence, cap
            )
            self.agents.append(agent)
            self.by_username[username] = agent
            self.rows["agents"].append(
                {
                    "id": agent.id,
                    "username": username,
                    "display_name": display,
                    "role": role.value,
                    "team_id": None if team is None else _TEAM_ID[team],
                    "skills": skills,
                    "presence": presence.value,
                    "max_concurrent": cap,
                    "locale": locale,
                    "active": True,
                    "password_hash": demo_hash if username in DEMO_ACCOUNTS else locked_hash,
                    "created_at": at,
                }
            )

    def _team_agents(self, team: str) -> list[tuple[_Agent, float]]:
        weights = {"agent": 2.0, "agent2": 2.0, "supervisor": 0.3}
        return [
            (a, weights.get(a.username, 1.0))
            for a in self.agents
            if a.team == team and a.role in (Role.AGENT, Role.SUPERVISOR)
        ]

    # ---------------------------------------------------------------- customers

    def _customers(self) -> None:
        rng = self.rng
        stages = [
            (LifecycleStage.NEW, 10.0),
            (LifecycleStage.GROWING, 24.0),
            (LifecycleStage.MATURE, 36.0),
            (LifecycleStage.DECLINING, 18.0),
            (LifecycleStage.CHURNED, 12.0),
        ]
        age_days = {
            LifecycleStage.NEW: (3, 50),
            LifecycleStage.GROWING: (90, 270),
            LifecycleStage.MATURE: (400, 1400),
            LifecycleStage.DECLINING: (300, 1200),
            LifecycleStage.CHURNED: (560, 1500),
        }
        for i in range(N_CUSTOMERS):
            locale = ZH if rng.random() < 0.7 else EN
            # the first five cover every stage, whatever the dice say
            stage = stages[i][0] if i < len(stages) else _pick(rng, stages)
            low, high = age_days[stage]
            created = self.now - timedelta(
                days=rng.uniform(low, high), seconds=rng.uniform(0, 86400)
            )
            affinity = {cat: rng.uniform(0.3, 3.0) for cat in texts.CATEGORY_NAMES}
            if locale == ZH:
                name, handle = self._zh_name()
                city, streets = rng.choice(texts.ZH_CITIES)
                country, short = "CN", name
            else:
                first, last = self._en_name()
                name = f"{first} {last}"
                handle = f"{first}.{last}".lower().replace("'", "")
                city, country, _, streets = rng.choice(texts.EN_CITIES)
                short = first
            customer = _Customer(
                id=_uuid7(rng, created),
                name=name,
                short=short,
                locale=locale,
                currency="CNY" if locale == ZH else "USD",
                stage=stage,
                city=city,
                country=country,
                streets=streets,
                created_at=created,
                handle=handle,
                affinity=affinity,
            )
            self._identities(customer)
            self.customers.append(customer)

    def _zh_name(self) -> tuple[str, str]:
        while True:
            surname, s_py = self.rng.choice(texts.ZH_SURNAMES)
            given, g_py = self.rng.choice(texts.ZH_GIVEN)
            name = surname + given
            if name not in self._used_names:
                self._used_names.add(name)
                return name, s_py + g_py

    def _en_name(self) -> tuple[str, str]:
        while True:
            first, last = self.rng.choice(texts.EN_FIRST), self.rng.choice(texts.EN_LAST)
            if f"{first} {last}" not in self._used_names:
                self._used_names.add(f"{first} {last}")
                return first, last

    def _add_identity(self, c: _Customer, kind: IdentityKind, raw: str, verified: bool) -> bool:
        value = normalize_identity(kind, raw)
        if (kind.value, value) in self._used_identities:
            return False
        self._used_identities.add((kind.value, value))
        at = min(self.now, c.created_at + timedelta(hours=self.rng.uniform(0, 48)))
        c.identities.append((kind, value, verified, at))
        return True

    def _identities(self, c: _Customer) -> None:
        rng = self.rng
        if c.locale == ZH:
            wanted = [IdentityKind.PHONE]
            extras = [IdentityKind.WECHAT_ID, IdentityKind.EMAIL, IdentityKind.APP_USER_ID]
            rng.shuffle(extras)
            n_extra = _pick(rng, [(0, 8.0), (1, 52.0), (2, 32.0), (3, 8.0)])
            wanted += extras[:n_extra]
            if rng.random() < 0.05:  # a few came in by WeChat only
                wanted = [IdentityKind.WECHAT_ID, IdentityKind.APP_USER_ID]
        else:
            wanted = [IdentityKind.EMAIL]
            cc = next(e[2] for e in texts.EN_CITIES if e[0] == c.city)
            if cc and rng.random() < 0.7:
                wanted.append(IdentityKind.PHONE)
            if rng.random() < 0.65 or (len(wanted) == 1 and rng.random() < 0.5):
                wanted.append(IdentityKind.APP_USER_ID)
        for kind in wanted:
            for _ in range(20):
                raw = self._raw_identity(c, kind)
                if self._add_identity(c, kind, raw, verified=rng.random() < 0.85):
                    break

    def _raw_identity(self, c: _Customer, kind: IdentityKind) -> str:
        rng = self.rng
        year = str(rng.randrange(1975, 2006))
        if kind is IdentityKind.PHONE:
            if c.locale == ZH:
                prefix = rng.choice(
                    (
                        "138",
                        "139",
                        "150",
                        "158",
                        "186",
                        "188",
                        "135",
                        "136",
                        "137",
                        "152",
                        "155",
                        "177",
                        "180",
                        "189",
                        "199",
                    )
                )
                digits = prefix + _digits(rng, 8)
                style = rng.random()
                if style < 0.4:
                    return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
                if style < 0.6:
                    return f"+86 {digits}"
                return digits
            cc = next(e[2] for e in texts.EN_CITIES if e[0] == c.city)
            if cc == "44":
                return f"+44 7700 900{_digits(rng, 3)}"
            if cc == "61":
                return f"+61 4{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 3)}"
            if cc == "65":
                return f"+65 {rng.choice('89')}{_digits(rng, 3)} {_digits(rng, 4)}"
            return f"+64 21 {_digits(rng, 3)} {_digits(rng, 4)}"
        if kind is IdentityKind.EMAIL:
            if c.locale == ZH:
                domain = rng.choice(texts.ZH_EMAIL_DOMAINS)
                if domain == "qq.com" and rng.random() < 0.6:
                    return f"{rng.randrange(10_000_000, 3_999_999_999)}@qq.com"
                local = c.handle + rng.choice(("", year, year[2:], _digits(rng, 3)))
            else:
                domain = rng.choice(texts.EN_EMAIL_DOMAINS)
                first, _, last = c.handle.partition(".")
                local = rng.choice(
                    (
                        c.handle,
                        f"{first}{last}",
                        f"{first[0]}{last}",
                        f"{first}.{last}{year[2:]}",
                        f"{first}_{last}",
                    )
                )
            if rng.random() < 0.2:
                local = local.capitalize()  # normalisation lower-cases it
            return f"{local}@{domain}"
        if kind is IdentityKind.WECHAT_ID:
            if rng.random() < 0.5:
                alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
                return "wxid_" + "".join(rng.choice(alphabet) for _ in range(12))
            return c.handle + rng.choice(("_", "", "-")) + rng.choice((year, year[2:], "666"))
        return f"u{rng.randrange(100_000_000, 999_999_999)}"

    # ---------------------------------------------------------------- orders

    def _order_dates(self, c: _Customer) -> list[datetime]:
        rng, now, stage = self.rng, self.now, c.stage
        window_start = max(c.created_at + timedelta(hours=1), now - timedelta(days=540))
        if stage is LifecycleStage.NEW:
            n, start, end = rng.randint(1, 2), window_start, now
        elif stage is LifecycleStage.GROWING:
            n, start, end = rng.randint(2, 8), window_start, now
        elif stage is LifecycleStage.MATURE:
            n, start, end = rng.randint(3, 14), window_start, now
        elif stage is LifecycleStage.DECLINING:
            n, start, end = rng.randint(2, 8), window_start, now - timedelta(days=120)
        else:
            n, start, end = rng.randint(1, 5), window_start, now - timedelta(days=320)
        if end <= start:
            start = end - timedelta(days=30)
        dates = []
        for _ in range(n):
            frac = rng.random()
            if stage is LifecycleStage.GROWING:
                frac = frac**0.6  # more orders lately
            dates.append(start + (end - start) * frac)
        active = stage in (LifecycleStage.NEW, LifecycleStage.GROWING, LifecycleStage.MATURE)
        if active:
            dates.sort()
            roll = rng.random()
            if roll < 0.05:  # still at the checkout
                dates[-1] = now - timedelta(minutes=rng.uniform(1, 25))
            elif roll < 0.14:
                dates[-1] = now - timedelta(hours=rng.uniform(0.5, 40))
            elif roll < 0.58:
                dates[-1] = now - timedelta(days=rng.uniform(1.5, 12))
            dates[-1] = max(dates[-1], c.created_at + timedelta(minutes=5))
        return sorted(dates)

    def _pick_product(self, c: _Customer, taken: list[str]) -> texts.Product:
        choices = [p for p in texts.CATALOG if p.sku not in taken]
        weights = [c.affinity[p.category] / (1 + (p.cny_fen / 150_000) ** 1.5) for p in choices]
        return self.rng.choices(choices, weights=weights)[0]

    def _line(self, c: _Customer, product: texts.Product) -> _Line:
        rng = self.rng
        price = product.cny_fen if c.locale == ZH else product.usd_cents
        cheap = price < (10_000 if c.locale == ZH else 2_000)
        qty = _pick(rng, [(1, 70.0), (2, 22.0), (3, 8.0)]) if cheap else 1
        if product.category in ("apparel", "shoes"):
            code, colour_zh, colour_en = rng.choice(texts.COLOURS)
            family: tuple[str, ...]
            if product.category == "apparel":
                family = texts.APPAREL_SIZES
            else:
                family = texts.SHOE_SIZES_ZH if c.locale == ZH else texts.SHOE_SIZES_EN
            size = rng.choice(family)

            def variant(size: str) -> tuple[str, str]:
                sku = f"{product.sku}-{code}-{size.replace('US ', 'US')}"
                if c.locale == ZH:
                    suffix = "码" if product.category == "shoes" else ""
                    return sku, f"{product.zh} {colour_zh} {size}{suffix}"
                return sku, f"{product.en} – {colour_en} / {size}"

            sku, title = variant(size)
            return _Line(sku, title, qty, price, product, size, tuple(map(variant, family)))
        title = product.zh if c.locale == ZH else product.en
        return _Line(product.sku, title, qty, price, product, "")

    def _orders_for(self, c: _Customer) -> None:
        rng = self.rng
        for placed in self._order_dates(c):
            n_lines = _pick(rng, [(1, 55.0), (2, 28.0), (3, 12.0), (4, 5.0)])
            lines: list[_Line] = []
            for _ in range(n_lines):
                product = self._pick_product(c, [line.product.sku for line in lines])
                lines.append(self._line(c, product))
            order = _Order(
                id=_uuid7(rng, placed), order_no="", customer=c, placed_at=placed, lines=lines
            )
            self._settle(order)
            c.orders.append(order)
            self.orders.append(order)

    def _settle(self, o: _Order) -> None:
        """Give an order a status, payment and shipment that agree with each other and ``now``."""
        rng, now = self.rng, self.now
        zh = o.customer.locale == ZH
        age = now - o.placed_at
        hours = age.total_seconds() / 3600
        S = OrderStatus
        if hours < 0.5:
            status = _pick(rng, [(S.PENDING_PAYMENT, 60.0), (S.PAID, 35.0), (S.CANCELLED, 5.0)])
        elif hours < 6:
            status = _pick(rng, [(S.PAID, 85.0), (S.CANCELLED, 15.0)])
        elif hours < 48:
            status = _pick(rng, [(S.PAID, 30.0), (S.SHIPPED, 60.0), (S.CANCELLED, 10.0)])
        elif hours < 24 * 12:
            status = _pick(
                rng,
                [
                    (S.SHIPPED, 46.0),
                    (S.DELIVERED, 40.0),
                    (S.CANCELLED, 4.0),
                    (S.REFUNDED, 4.0),
                    (S.PARTIALLY_REFUNDED, 6.0),
                ],
            )
        else:
            status = _pick(
                rng,
                [
                    (S.DELIVERED, 80.0),
                    (S.REFUNDED, 8.0),
                    (S.PARTIALLY_REFUNDED, 6.0),
                    (S.CANCELLED, 6.0),
                ],
            )
        o.status = status
        o.payment_method = rng.choice(texts.ZH_PAYMENT_METHODS if zh else texts.EN_PAYMENT_METHODS)
        total = o.total
        events = [o.placed_at]

        if status is S.PENDING_PAYMENT:
            o.payment_status = "failed" if rng.random() < 0.5 else "unpaid"
            o.updated_at = o.placed_at + min(age * 0.5, timedelta(minutes=3))
            return
        if status is S.CANCELLED and rng.random() < 0.55:  # never paid
            o.payment_status = "closed"
            o.updated_at = o.placed_at + min(age * 0.9, timedelta(minutes=30))
            return

        o.paid = total
        o.paid_at = o.placed_at + min(age * 0.3, timedelta(seconds=rng.uniform(5, 900)))
        events.append(o.paid_at)
        o.payment_status = "paid"
        if status is S.CANCELLED:  # paid, then cancelled before dispatch
            o.refunded = total
            o.payment_status = "refunded"
            o.refunded_at = o.paid_at + min(now - o.paid_at, timedelta(hours=rng.uniform(0.2, 8)))
            o.updated_at = o.refunded_at
            return
        if status is S.PAID:
            if hours > 2 and rng.random() < 0.6:
                o.shipment = ShipmentStatus.LABEL_CREATED
                self._label(o, zh)
            o.updated_at = max(events)
            return

        # shipped or beyond
        self._label(o, zh)
        until_now = now - o.paid_at
        o.shipped_at = o.paid_at + min(until_now * 0.5, timedelta(hours=rng.uniform(3, 40)))
        transit = timedelta(days=rng.uniform(1.2, 3.5) if zh else rng.uniform(2.5, 6))
        o.eta = o.shipped_at + timedelta(days=(2 if zh else 4) + rng.randint(0, 2))
        events.append(o.shipped_at)
        if status is S.SHIPPED:
            o.shipment = _pick(
                rng,
                [
                    (ShipmentStatus.IN_TRANSIT, 58.0),
                    (ShipmentStatus.OUT_FOR_DELIVERY, 20.0),
                    (ShipmentStatus.EXCEPTION, 22.0),
                ],
            )
            o.updated_at = o.shipped_at + (now - o.shipped_at) * rng.uniform(0.3, 0.95)
            return
        o.delivered_at = o.shipped_at + min(transit, (now - o.shipped_at) * 0.8)
        events.append(o.delivered_at)
        o.shipment = ShipmentStatus.DELIVERED
        if status is S.DELIVERED:
            o.payment_status = "paid"
        elif status is S.REFUNDED:
            o.shipment = ShipmentStatus.RETURNED
            o.refunded = total
            o.payment_status = "refunded"
        else:
            o.payment_status = "partially_refunded"
            unit = 100
            if len(o.lines) > 1:
                line = rng.choice(o.lines)
                o.refunded = line.unit_price_minor * line.quantity
            else:
                share = rng.choice((0.1, 0.15, 0.2, 0.3))
                o.refunded = max(unit, int(total * share) // unit * unit)
            if o.refunded >= total:
                o.refunded = total // 2
        if o.refunded:
            o.refunded_at = o.delivered_at + min(
                (now - o.delivered_at) * 0.9, timedelta(days=rng.uniform(2, 12))
            )
            events.append(o.refunded_at)
        o.updated_at = max(events)

    def _label(self, o: _Order, zh: bool) -> None:
        rng = self.rng
        o.carrier = rng.choice(texts.ZH_CARRIERS if zh else texts.EN_CARRIERS)
        if o.carrier == "顺丰速运":
            o.tracking_no = "SF" + _digits(rng, 13)
        elif o.carrier == "中通快递":
            o.tracking_no = "75" + _digits(rng, 12)
        elif o.carrier == "京东物流":
            o.tracking_no = "JDVA" + _digits(rng, 11)
        elif o.carrier == "UPS":
            alnum = "ABCDEFGHJKLMNPRSTUVWXY0123456789"
            o.tracking_no = (
                "1Z" + "".join(rng.choice(alnum) for _ in range(6)) + "03" + _digits(rng, 8)
            )
        elif o.carrier == "FedEx":
            o.tracking_no = _digits(rng, 12)
        else:
            o.tracking_no = "9400" + _digits(rng, 18)

    def _number_orders(self) -> None:
        us_next = 1_000_101
        for o in sorted(self.orders, key=lambda x: (x.placed_at, x.id)):
            if o.customer.locale == ZH:
                while True:
                    no = f"DD{o.placed_at:%Y%m%d}{_digits(self.rng, 4)}"
                    if no not in self._used_order_nos:
                        break
            else:
                no = f"US-{us_next}"
                us_next += self.rng.randint(1, 4)
            self._used_order_nos.add(no)
            o.order_no = no
            self.rows["orders"].append(self._order_row(o))

    def _order_row(self, o: _Order) -> dict[str, Any]:
        return {
            "id": o.id,
            "order_no": o.order_no,
            "customer_id": o.customer.id,
            "status": o.status.value,
            "currency": o.customer.currency,
            "total_minor": o.total,
            "lines": [
                {
                    "sku": ln.sku,
                    "title": ln.title,
                    "quantity": ln.quantity,
                    "unit_price_minor": ln.unit_price_minor,
                    **(
                        {"variants": [{"sku": v, "title": t} for v, t in ln.variants]}
                        if ln.variants
                        else {}
                    ),
                }
                for ln in o.lines
            ],
            "payment": {
                "method": o.payment_method,
                "status": o.payment_status,
                "paid_minor": o.paid,
                "refunded_minor": o.refunded,
                "shipping_minor": o.shipping,
                "shipping_refunded_minor": 0,
                "paid_at": _iso(o.paid_at),
                "refunded_at": _iso(o.refunded_at),
            },
            "shipment": {
                "status": o.shipment.value,
                "carrier": o.carrier,
                "tracking_no": o.tracking_no,
                "shipped_at": _iso(o.shipped_at),
                "eta": _iso(o.eta),
                "delivered_at": _iso(o.delivered_at),
            },
            "placed_at": o.placed_at,
            "updated_at": o.updated_at or o.placed_at,
        }

    # ---------------------------------------------------------------- customer values

    def _customer_values(self) -> None:
        rng = self.rng
        for c in self.customers:
            c.ltv = sum(o.paid - o.refunded for o in c.orders)
        ranked = sorted(
            self.customers, key=lambda c: (c.ltv * (7 if c.currency == "USD" else 1), c.id)
        )
        n = len(ranked)
        for i, c in enumerate(ranked):
            pos = i / n
            if pos < 0.45 or c.ltv == 0:
                c.tier = ValueTier.STANDARD
            elif pos < 0.75:
                c.tier = ValueTier.SILVER
            elif pos < 0.92:
                c.tier = ValueTier.GOLD
            else:
                c.tier = ValueTier.PLATINUM
        for c in self.customers:
            tags: list[str] = []
            if c.tier is ValueTier.PLATINUM or (c.tier is ValueTier.GOLD and rng.random() < 0.4):
                tags.append("VIP")
            returns = sum(
                o.status in (OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED) for o in c.orders
            )
            if returns >= 2 and returns / len(c.orders) >= 0.25:
                tags.append("高退货率" if c.locale == ZH else "High return rate")
            pool = texts.ZH_TAGS if c.locale == ZH else texts.EN_TAGS
            if rng.random() < 0.25:
                tags.append(rng.choice(pool))
            c.tags = tags
            channel = {
                IdentityKind.PHONE: "phone",
                IdentityKind.EMAIL: "email",
                IdentityKind.WECHAT_ID: "wechat",
                IdentityKind.APP_USER_ID: "app",
            }[rng.choice(c.kinds())]
            attributes: dict[str, Any] = {
                "city": c.city,
                "country": c.country,
                "member_since": c.created_at.date().isoformat(),
                "preferred_language": c.locale,
                "preferred_channel": channel,
                "orders_count": len(c.orders),
                "points": c.ltv // 100 if c.currency == "CNY" else c.ltv // 100 * 7,
            }
            if "B2B" in tags or "企业采购" in tags:
                companies = texts.ZH_COMPANIES if c.locale == ZH else texts.EN_COMPANIES
                attributes["company"] = rng.choice(companies)
            if c.locale == ZH and rng.random() < 0.3:
                attributes["birthday_month"] = rng.randint(1, 12)
            note = ""
            if rng.random() < 0.12:
                note = rng.choice(texts.ZH_AGENT_NOTES if c.locale == ZH else texts.EN_AGENT_NOTES)
            last = max(
                [c.created_at]
                + [o.updated_at or o.placed_at for o in c.orders]
                + [i[3] for i in c.identities]
            )
            self.rows["customers"].append(
                {
                    "id": c.id,
                    "name": c.name,
                    "attributes": attributes,
                    "tags": tags,
                    "lifecycle_stage": c.stage.value,
                    "value_tier": c.tier.value,
                    "lifetime_value_minor": c.ltv,
                    "currency": c.currency,
                    "agent_note": note,
                    "locale": c.locale,
                    "created_at": c.created_at,
                    "updated_at": min(last, self.now),
                }
            )
            for kind, value, verified, at in c.identities:
                self.rows["customer_identities"].append(
                    {
                        "kind": kind.value,
                        "value": value,
                        "customer_id": c.id,
                        "verified": verified,
                        "created_at": at,
                    }
                )

    # ---------------------------------------------------------------- conversations

    def _conversations(self) -> None:
        plan = (
            [ConversationStatus.OPEN] * N_OPEN
            + [ConversationStatus.PENDING] * N_PENDING
            + [ConversationStatus.SNOOZED] * N_SNOOZED
        )
        for status in plan:  # the live queue first: it needs the freshest orders
            self._live_conversation(status)
        for _ in range(N_RESOLVED):
            self._resolved_conversation()

    def _channel_for(self, c: _Customer, taken: bool = False) -> Channel | None:
        kinds = c.kinds()
        options: list[tuple[Channel, float]] = [(Channel.CHAT, 30.0)]
        if IdentityKind.EMAIL in kinds:
            options.append((Channel.EMAIL, 22.0))
        if IdentityKind.PHONE in kinds:
            options.append((Channel.PHONE, 12.0))
        if IdentityKind.WECHAT_ID in kinds:
            options.append((Channel.SOCIAL, 22.0))
        if IdentityKind.APP_USER_ID in kinds:
            options.append((Channel.APP, 18.0))
        if taken:
            options = [(ch, w) for ch, w in options if (c.id, ch.value) not in self._open_pairs]
            if not options:
                return None
        return _pick(self.rng, options)

    # scenario choice -------------------------------------------------------

    def _current_scenarios(self, o: _Order, before: datetime) -> list[str]:
        """Scenarios that fit an order's state right now (for the live queue)."""
        if o.placed_at > before - timedelta(minutes=10):
            return []
        S, Sh = OrderStatus, ShipmentStatus
        recent = self.now - o.placed_at < timedelta(days=45)
        if o.status is S.PENDING_PAYMENT:
            return ["payment_failed", "payment_failed", "cancel_order"]
        if o.status is S.PAID:
            out = ["cancel_order", "address_change", "invoice"]
            if o.shipment is Sh.LABEL_CREATED:
                out += ["where_is_my_parcel", "where_is_my_parcel"]
            return out
        if o.status is S.SHIPPED:
            if o.shipment is Sh.EXCEPTION:
                return ["delivery_delay", "delivery_delay", "where_is_my_parcel"]
            if o.shipment is Sh.OUT_FOR_DELIVERY:
                return ["where_is_my_parcel", "address_change"]
            return ["where_is_my_parcel", "where_is_my_parcel", "delivery_delay", "address_change"]
        if o.status is S.DELIVERED:
            assert o.delivered_at is not None
            since = self.now - o.delivered_at
            out = []
            if recent:
                out += ["damaged_item", "return_exchange", "invoice"]
                if since < timedelta(days=3):
                    out.append("where_is_my_parcel")
            if o.has_digital() and since > timedelta(days=14):
                out.append("warranty_repair")
            return out
        if o.status in (S.REFUNDED, S.PARTIALLY_REFUNDED):
            if not recent:
                return []
            return ["refund_status", "refund_status"] + (
                ["damaged_item"] if o.status is S.PARTIALLY_REFUNDED else ["return_exchange"]
            )
        if o.status is S.CANCELLED and o.refunded and recent:
            return ["refund_status"]
        return []

    def _past_scenarios(self, o: _Order) -> list[tuple[str, datetime]]:
        """Scenarios that fit an order's history, with the moment the customer would write."""
        rng = self.rng
        h, d = timedelta(hours=1), timedelta(days=1)
        out: list[tuple[str, datetime]] = [
            ("payment_failed", o.placed_at + timedelta(minutes=rng.uniform(1, 6))),
        ]
        if o.status is OrderStatus.CANCELLED:
            out.append(("cancel_order", o.placed_at + timedelta(minutes=rng.uniform(3, 90))))
            if o.refunded_at is not None:
                out.append(("refund_status", o.refunded_at - d * rng.uniform(0.2, 1)))
            return out
        if o.status is OrderStatus.PENDING_PAYMENT:
            return out
        out.append(("address_change", o.placed_at + h * rng.uniform(0.2, 4)))
        out.append(("invoice", (o.delivered_at or o.placed_at) + d * rng.uniform(0.5, 20)))
        if o.shipped_at is not None:
            end = o.delivered_at or self.now
            out.append(("where_is_my_parcel", _between(rng, o.shipped_at + h * 12, end)))
            if o.delivered_at is not None:
                out.append(("where_is_my_parcel", o.delivered_at + h * rng.uniform(2, 30)))
            out.append(("delivery_delay", _between(rng, o.shipped_at + d * 2, end)))
        if o.delivered_at is not None:
            out.append(("damaged_item", o.delivered_at + h * rng.uniform(1, 40)))
            out.append(("return_exchange", o.delivered_at + d * rng.uniform(1, 6)))
            if o.has_digital():
                out.append(("warranty_repair", o.delivered_at + d * rng.uniform(20, 300)))
        if o.refunded_at is not None:
            out.append(("refund_status", o.refunded_at - d * rng.uniform(0.5, 3)))
            out.append(("refund_status", o.refunded_at + h * rng.uniform(4, 60)))
        return out

    # the live queue ----------------------------------------------------------

    def _live_customer(self) -> _Customer:
        weights = {
            LifecycleStage.NEW: 3.0,
            LifecycleStage.GROWING: 3.0,
            LifecycleStage.MATURE: 3.0,
            LifecycleStage.DECLINING: 0.8,
            LifecycleStage.CHURNED: 0.2,
        }
        options = []
        for c in self.customers:
            w = weights[c.stage]
            if any(self.now - o.placed_at < timedelta(days=20) for o in c.orders):
                w *= 3
            options.append((c, w))
        return _pick(self.rng, options)

    def _live_conversation(self, status: ConversationStatus) -> None:
        for _ in range(100):
            c = self._live_customer()
            channel = self._channel_for(c, taken=True)
            if channel is not None and self._try_live(c, channel, status):
                return
        raise RuntimeError("no customer left for the live queue")  # pragma: no cover

    def _try_live(self, c: _Customer, channel: Channel, status: ConversationStatus) -> bool:
        rng, now = self.rng, self.now
        live = channel in _LIVE
        sub = ""
        if status is ConversationStatus.OPEN:
            sub = _pick(rng, [("unassigned", 24.0), ("fresh", 14.0), ("exchange", 34.0)])
            roles = self._open_roles(sub)
        elif status is ConversationStatus.PENDING:
            roles = self._pending_roles()
        else:
            roles = self._snoozed_roles()
        msgs = [_Msg(r) for r in roles]
        offsets = self._offsets(msgs, channel)
        if status is ConversationStatus.OPEN:
            if live:
                low, high = _pick(
                    rng,
                    [
                        ((1.0, 7.0), 30.0),
                        ((20.0, 50.0), 30.0),
                        ((90.0, 1500.0), 30.0),
                        ((1800.0, 7200.0), 10.0),
                    ],
                )
            else:
                low, high = _pick(
                    rng,
                    [
                        ((600.0, 10800.0), 40.0),
                        ((18000.0, 72000.0), 35.0),
                        ((93600.0, 216000.0), 25.0),
                    ],
                )
            wait = rng.uniform(low, high)
            k = self._waiting_index(msgs)
            waiting_since = now - timedelta(seconds=wait)
            start = waiting_since - timedelta(seconds=offsets[k])
            for i, m in enumerate(msgs):
                m.at = start + timedelta(seconds=offsets[i])
            tail = sorted(rng.uniform(0.05, 0.9) for _ in msgs[k + 1 :])
            for m, frac in zip(msgs[k + 1 :], tail, strict=True):
                m.at = waiting_since + timedelta(seconds=wait * frac)
        else:
            if live:
                ago = timedelta(minutes=rng.uniform(4, 600))
            else:
                ago = timedelta(hours=rng.uniform(2, 60))
            last = now - ago
            start = last - timedelta(seconds=offsets[-1])
            for i, m in enumerate(msgs):
                m.at = start + timedelta(seconds=offsets[i])

        start = msgs[0].at
        if start < c.created_at + timedelta(hours=1):
            return False
        candidates: list[tuple[_Order, str]] = []
        for o in c.orders:
            candidates += [(o, s) for s in self._current_scenarios(o, start)]
        order: _Order | None = None
        if candidates and rng.random() < 0.62:
            order, scenario = rng.choice(candidates)
        else:
            scenario = rng.choice(
                (
                    "size_advice",
                    "product_question",
                    "coupon_promotion",
                    "account_login",
                    "size_advice",
                    "product_question",
                )
            )
        team = texts.SCENARIO_BY_KEY[scenario].team
        assignee: _Agent | None = None
        if sub != "unassigned":
            pool = self._team_agents(team)
            if status is ConversationStatus.OPEN:
                # keep the demo accounts busy: many waiting conversations are theirs
                mine, boost = ("agent", 1.3) if team == "after_sales" else ("agent2", 2.0)
                pool = [(a, w * (boost if a.username == mine else 0.8)) for a, w in pool]
            assignee = _pick(rng, pool)
        share = (
            team == "after_sales"
            and assignee is not None
            and self._shares < 5
            and scenario
            in ("where_is_my_parcel", "delivery_delay", "damaged_item", "refund_status")
            and (status is not ConversationStatus.OPEN or sub == "exchange")
        )
        if share:
            self._insert_share_roles(msgs)
        self._open_pairs.add((c.id, channel.value))
        self._emit(c, channel, scenario, order, msgs, status, assignee, team, share=share)
        return True

    def _waiting_index(self, msgs: list[_Msg]) -> int:
        """Index of the oldest customer message nobody has answered yet."""
        k = len(msgs)
        for i in range(len(msgs) - 1, -1, -1):
            kind = msgs[i].kind
            if kind is MessageKind.OUTBOUND:
                break
            if kind is MessageKind.INBOUND:
                k = i
        return k

    def _open_roles(self, sub: str) -> list[str]:
        rng = self.rng
        if sub == "unassigned":
            roles = ["open", "sys_queue"]
            if rng.random() < 0.55:
                roles.append("extra")
            return roles
        if sub == "fresh":
            roles = ["open", "sys_assign"]
            if rng.random() < 0.4:
                roles.insert(1, "sys_queue")
            if rng.random() < 0.5:
                roles.append("extra")
            return roles
        roles = ["open"]
        if rng.random() < 0.5:
            roles += ["sys_queue"]
        roles += ["sys_assign", "reply", "detail"]
        if rng.random() < 0.3:
            roles.append("note")
        if rng.random() < 0.45:
            roles += ["ask", "answer"]
        if rng.random() < 0.4:
            roles.append("nudge")
        return roles

    def _pending_roles(self) -> list[str]:
        rng = self.rng
        roles = ["open", "sys_assign", "reply", "detail"]
        if rng.random() < 0.3:
            roles.append("note")
        roles.append("ask")
        if rng.random() < 0.25:
            roles = ["open", "sys_assign", "ask"]
        return roles

    def _snoozed_roles(self) -> list[str]:
        roles = ["open", "sys_assign", "reply", "detail"]
        if self.rng.random() < 0.4:
            roles.append("note")
        return [*roles, "promise", "sys_snoozed"]

    def _insert_share_roles(self, msgs: list[_Msg]) -> None:
        """Add the note and the system line of inviting the expert, right after the first reply."""
        at = next((i for i, m in enumerate(msgs) if m.role in ("reply", "ask")), 1) + 1
        before = msgs[at - 1].at
        after = msgs[at].at if at < len(msgs) else min(self.now, before + timedelta(minutes=2))
        step = (after - before) / 3
        msgs.insert(at, _Msg("sys_shared", before + step * 2))
        msgs.insert(at, _Msg("share_note", before + step))

    # resolved history ---------------------------------------------------------

    def _resolved_conversation(self) -> None:
        rng, now = self.rng, self.now
        for _ in range(40):
            c = _pick(rng, [(x, 1.0 + 0.5 * len(x.orders)) for x in self.customers])
            channel = self._channel_for(c)
            assert channel is not None
            order: _Order | None = None
            candidates: list[tuple[_Order, str, datetime]] = []
            for o in c.orders:
                candidates += [(o, s, at) for s, at in self._past_scenarios(o)]
            if candidates and rng.random() < 0.78:
                order, scenario, anchor = rng.choice(candidates)
                earliest = max(order.placed_at + timedelta(minutes=1), c.created_at)
            else:
                scenario = rng.choice(
                    ("size_advice", "product_question", "coupon_promotion", "account_login")
                )
                earliest = max(c.created_at, now - timedelta(days=540))
                end = now - timedelta(days=1)
                if c.orders and c.stage in (LifecycleStage.DECLINING, LifecycleStage.CHURNED):
                    end = min(end, max(o.placed_at for o in c.orders) + timedelta(days=90))
                if scenario == "account_login" and c.orders:
                    order = max(c.orders, key=lambda o: o.placed_at)
                    earliest = order.placed_at + timedelta(days=3)
                anchor = _between(rng, earliest, end)
            msgs = [_Msg(r) for r in self._resolved_roles()]
            offsets = self._offsets(msgs, channel)
            live = channel in _LIVE
            tail = (
                timedelta(minutes=rng.uniform(1, 25))
                if live
                else timedelta(hours=rng.uniform(1, 20))
            )
            latest = now - timedelta(seconds=offsets[-1]) - tail - timedelta(minutes=5)
            if latest < earliest:
                continue
            start = min(max(anchor, earliest), latest)
            for i, m in enumerate(msgs):
                m.at = start + timedelta(seconds=offsets[i])
            team = texts.SCENARIO_BY_KEY[scenario].team
            assignee = _pick(rng, self._team_agents(team))
            resolved_at = msgs[-1].at + tail
            self._emit(
                c,
                channel,
                scenario,
                order,
                msgs,
                ConversationStatus.RESOLVED,
                assignee,
                team,
                resolved_at=resolved_at,
            )
            return
        raise RuntimeError("could not place a resolved conversation")  # pragma: no cover

    def _resolved_roles(self) -> list[str]:
        rng = self.rng
        roles = ["open"]
        if rng.random() < 0.25:
            roles.append("extra")
        if rng.random() < 0.35:
            roles.append("sys_queue")
        if rng.random() < 0.6:
            roles.append("sys_assign")
        shape = rng.random()
        if shape < 0.18:
            roles.append("resolve")
        elif shape < 0.6:
            roles += ["reply", "detail", "resolve", "thanks"]
        else:
            roles += ["reply", "detail"]
            if rng.random() < 0.5:
                roles.append("note")
            roles += ["ask", "answer", "resolve", "thanks", "close"]
        if rng.random() < 0.3 and len(roles) < 12:
            roles.append("sys_resolved")
        return roles[:12]

    # times -------------------------------------------------------------------

    def _offsets(self, msgs: list[_Msg], channel: Channel) -> list[float]:
        """Seconds from the first message to each message, as people type on ``channel``."""
        rng = self.rng
        out = [0.0]
        for m in msgs[1:]:
            kind = m.kind
            if kind is MessageKind.SYSTEM:
                gap = rng.uniform(0.5, 4)
            elif channel is Channel.EMAIL:
                if kind is MessageKind.NOTE:
                    gap = rng.uniform(120, 3600)
                elif m.role == "extra":
                    gap = rng.uniform(300, 7200)
                else:
                    gap = rng.uniform(3600, 20 * 3600)
            elif kind is MessageKind.NOTE:
                gap = rng.uniform(10, 90)
            elif channel is Channel.PHONE:
                gap = rng.uniform(6, 50)
            elif kind is MessageKind.INBOUND:
                slow = channel in (Channel.SOCIAL, Channel.APP)
                gap = rng.uniform(20, 480 if slow else 150)
            else:
                gap = rng.uniform(12, 100)
            out.append(out[-1] + gap)
        return out

    # rows --------------------------------------------------------------------

    def _slots(
        self, c: _Customer, order: _Order | None, agent: _Agent | None, at: datetime
    ) -> _Slots:
        rng, loc = self.rng, c.locale
        zh = loc == ZH
        if order is not None:
            item = order.item(loc)
            size_line = next((ln for ln in order.lines if ln.size), None)
        else:
            product = rng.choice(texts.CATALOG)
            item = product.zh if zh else product.en
            size_line = None
        if size_line is not None:
            size = size_line.size
        elif zh:
            size = rng.choice(texts.APPAREL_SIZES[1:4])
        else:
            size = rng.choice(texts.APPAREL_SIZES[1:4])
        if order is not None and order.eta is not None and order.eta > at:
            eta = order.eta
        else:
            eta = at + timedelta(days=rng.randint(1, 4))
        if order is not None:
            amount = order.refunded or order.paid or order.total
        else:
            amount = rng.choice((1000, 2000, 3000, 5000)) if zh else rng.choice((500, 1000, 1500))
        street = rng.choice(c.streets)
        if zh:
            new_address = f"{c.city}市{street} {rng.randint(1, 399)} 号"
            height = f"身高{rng.randint(155, 185)}cm"
            weight = f"体重{rng.randint(45, 85)}kg"
            coupon = rng.choice(("满300减50", "双11满199减30", "新人专享20元", "会员9折"))
        else:
            new_address = f"{rng.randint(2, 480)} {street}, {c.city}"
            height = f"{rng.randint(5, 6)}'{rng.randint(0, 11)}\""
            weight = f"{rng.randint(110, 200)} lb"
            coupon = rng.choice(("SAVE15", "WELCOME10", "FREESHIP", "BFCM25"))
        phone = c.identity(IdentityKind.PHONE)
        email = c.identity(IdentityKind.EMAIL)
        if phone is not None and zh:
            contact = f"尾号{phone[-4:]}的手机"
        elif email is not None:
            local, _, domain = email.partition("@")
            contact = f"{local[0]}***@{domain}"
        else:
            contact = "App 账号" if zh else "my app account"
        default_carrier = texts.ZH_CARRIERS[0] if zh else texts.EN_CARRIERS[0]
        return _Slots(
            customer_name=c.short,
            agent=agent.short(loc) if agent is not None else "",
            order_no=order.order_no if order is not None else "",
            item=item,
            carrier=(order.carrier if order is not None and order.carrier else default_carrier),
            tracking_no=(order.tracking_no or "") if order is not None else "",
            eta=_date(eta, loc),
            amount=_money(amount, c.currency),
            size=size,
            height=height,
            weight=weight,
            coupon=coupon,
            contact=contact,
            new_address=new_address,
            city=c.city,
            days=str(rng.randint(1, 3)),
        )

    def _emit(
        self,
        c: _Customer,
        channel: Channel,
        scenario_key: str,
        order: _Order | None,
        msgs: list[_Msg],
        status: ConversationStatus,
        assignee: _Agent | None,
        team: str,
        *,
        resolved_at: datetime | None = None,
        share: bool = False,
    ) -> None:
        rng, now, loc = self.rng, self.now, c.locale
        scenario = texts.SCENARIO_BY_KEY[scenario_key]
        lines = scenario.lines(loc)
        slots = self._slots(c, order, assignee, msgs[0].at)
        expert = self.by_username["expert"]
        slots["expert"] = expert.short(loc)
        supervisor = self.by_username["supervisor"]
        sharer = assignee if assignee is not None and assignee.username == "agent" else supervisor
        snoozed_until: datetime | None = None
        if status is ConversationStatus.SNOOZED:
            snoozed_until = now + timedelta(hours=rng.uniform(2, 72))

        used: set[str] = set()

        def choose(options: Sequence[str]) -> str:
            fresh = [o for o in options if o not in used] or list(options)
            text = rng.choice(fresh)
            used.add(text)
            return text.format_map(slots)

        bodies: list[tuple[str, str | None, list[dict[str, Any]]]] = []  # body, author, files
        for m in msgs:
            author: str | None = None
            files: list[dict[str, Any]] = []
            role = m.role
            if m.kind is MessageKind.OUTBOUND:
                author = assignee.id if assignee is not None else None
            elif m.kind is MessageKind.NOTE:
                author = (
                    sharer.id
                    if role == "share_note"
                    else (supervisor.id if rng.random() < 0.15 or assignee is None else assignee.id)
                )
            if role == "open":
                body = choose(lines.open)
            elif role == "extra":
                said = order is not None and any(order.order_no in b for b, _, _ in bodies)
                if order is not None and not said and rng.random() < 0.6:
                    body = choose(texts.EXTRA_ORDER[loc])
                else:
                    body = choose(texts.EXTRA_ANY[loc])
            elif role == "detail":
                body = choose(lines.detail)
                if scenario_key == "damaged_item":
                    files = self._photos()
            elif role == "answer":
                body = choose(texts.ANSWER[loc])
                if scenario_key in ("damaged_item", "payment_failed", "warranty_repair"):
                    files = self._photos()
            elif role == "thanks":
                body = choose(texts.THANKS[loc])
            elif role == "nudge":
                body = choose(texts.NUDGE[loc])
            elif role == "reply":
                body = choose(lines.reply)
            elif role == "resolve":
                body = choose(lines.resolve)
            elif role == "ask":
                body = choose(lines.ask)
            elif role == "promise":
                body = choose(texts.PROMISE[loc])
            elif role == "close":
                body = choose(texts.CLOSE[loc])
            elif role == "note":
                pool = lines.note if rng.random() < 0.7 else texts.GENERIC_NOTES[loc]
                body = choose(pool)
            elif role == "share_note":
                body = choose(texts.SHARE_NOTE[loc])
            elif role == "sys_queue":
                body = texts.SYSTEM_QUEUED[loc].format(team=texts.TEAM_LABEL[team][loc])
            elif role == "sys_assign":
                name = assignee.short(loc) if assignee is not None else ""
                body = texts.SYSTEM_ASSIGNED[loc].format(agent=name)
            elif role == "sys_shared":
                body = texts.SYSTEM_SHARED[loc].format(
                    agent=sharer.short(loc), expert=expert.short(loc)
                )
            elif role == "sys_snoozed":
                assert snoozed_until is not None
                if loc == ZH:  # Beijing time for Chinese customers' agents
                    local = snoozed_until.astimezone(_BEIJING)
                    until = f"{_date(local, loc)} {local:%H:%M}"
                else:
                    until = f"{_date(snoozed_until, loc)} {snoozed_until:%H:%M} UTC"
                body = texts.SYSTEM_SNOOZED[loc].format(until=until)
            elif role == "sys_resolved":
                name = assignee.short(loc) if assignee is not None else ""
                body = texts.SYSTEM_RESOLVED[loc].format(agent=name)
            else:  # pragma: no cover - roles are a closed set
                raise AssertionError(role)
            bodies.append((body, author, files))

        conv_id = _uuid7(rng, msgs[0].at)
        policy = sla.DEFAULT_POLICIES[channel]
        clock = sla.on_opened(sla.SlaClock(), policy, msgs[0].at)
        last_at: datetime | None = None
        preview = ""
        for seq, (m, (body, author, files)) in enumerate(zip(msgs, bodies, strict=True), start=1):
            kind = m.kind
            if kind is MessageKind.INBOUND:
                clock = sla.on_inbound(clock, policy, m.at)
            elif kind is MessageKind.OUTBOUND:
                clock = sla.on_outbound(clock, m.at)
            if kind in (MessageKind.INBOUND, MessageKind.OUTBOUND):
                last_at, preview = m.at, _preview(body)
            self.rows["messages"].append(
                {
                    "id": _uuid7(rng, m.at),
                    "conversation_id": conv_id,
                    "seq": seq,
                    "kind": kind.value,
                    "author_agent_id": author,
                    "author_customer_id": c.id if kind is MessageKind.INBOUND else None,
                    "body": body,
                    "attachments": files,
                    "created_at": m.at,
                    "external_key": None,
                }
            )
        if status is ConversationStatus.RESOLVED:
            clock = sla.on_resolved(clock)
        first_body = bodies[0][0]
        if channel is Channel.EMAIL:
            subject = rng.choice(lines.subject).format_map(slots)
        else:
            subject = _preview(first_body) or "—"
        csat: int | None = None
        if status is ConversationStatus.RESOLVED and rng.random() < 0.5:
            csat = _pick(rng, [(1, 6.0), (2, 7.0), (3, 12.0), (4, 30.0), (5, 45.0)])
        updated = max(m.at for m in msgs)
        if resolved_at is not None:
            updated = max(updated, resolved_at)
        self.rows["conversations"].append(
            {
                "id": conv_id,
                "customer_id": c.id,
                "channel": channel.value,
                "subject": subject[:300],
                "status": status.value,
                "priority": self._priority(c, scenario_key).value,
                "assignee_id": assignee.id if assignee is not None else None,
                "team_id": _TEAM_ID[team],
                "created_at": msgs[0].at,
                "updated_at": updated,
                "last_message_at": last_at,
                "last_message_preview": preview,
                "message_count": len(msgs),
                "snoozed_until": snoozed_until,
                "resolved_at": resolved_at,
                **sla.clock_fields(clock),
                "csat_score": csat,
            }
        )
        self.cases.append(
            history.Case(
                conv_id,
                c,
                order,
                scenario_key,
                status.value,
                assignee,
                msgs[0].at,
                resolved_at or msgs[-1].at,
            )
        )
        if share:
            self._shares += 1
            self.rows["conversation_shares"].append(
                {
                    "conversation_id": conv_id,
                    "agent_id": expert.id,
                    "shared_by": sharer.id,
                    "created_at": next(m.at for m in msgs if m.role == "sys_shared"),
                }
            )
        if (
            assignee is not None
            and assignee.username in ("agent", "agent2")
            and status is not ConversationStatus.RESOLVED
        ):
            seen = len(msgs)
            if msgs[-1].kind is MessageKind.INBOUND:
                seen = self._waiting_index(msgs)  # the new customer messages are unread
            if seen >= 1:
                self.rows["read_states"].append(
                    {
                        "conversation_id": conv_id,
                        "agent_id": assignee.id,
                        "last_read_seq": seen,
                        "read_at": min(
                            now, msgs[seen - 1].at + timedelta(seconds=rng.uniform(1, 20))
                        ),
                    }
                )

    def _photos(self) -> list[dict[str, Any]]:
        rng = self.rng
        names = rng.sample(texts.DAMAGE_PHOTOS, rng.randint(1, 2))
        return [
            {
                "name": name,
                "content_type": "image/heic" if name.endswith(".HEIC") else "image/jpeg",
                "size": rng.randint(180_000, 3_500_000),
                "url": None,
            }
            for name in names
        ]

    def _priority(self, c: _Customer, scenario: str) -> Priority:
        P = Priority
        if scenario in ("damaged_item", "payment_failed", "delivery_delay"):
            weights = [(P.LOW, 5.0), (P.NORMAL, 50.0), (P.HIGH, 32.0), (P.URGENT, 13.0)]
        elif scenario in ("invoice", "product_question", "size_advice", "coupon_promotion"):
            weights = [(P.LOW, 35.0), (P.NORMAL, 58.0), (P.HIGH, 6.0), (P.URGENT, 1.0)]
        else:
            weights = [(P.LOW, 12.0), (P.NORMAL, 64.0), (P.HIGH, 18.0), (P.URGENT, 6.0)]
        priority = _pick(self.rng, weights)
        if c.tier is ValueTier.PLATINUM and priority in (P.LOW, P.NORMAL):
            priority = P.HIGH if self.rng.random() < 0.5 else priority
        return priority

    # ---------------------------------------------------------------- action history

    def _history(self) -> None:
        h = history.History(
            random.Random(self.seed * 31 + 6),
            self.now,
            self.by_username["supervisor"],
            self.by_username,
        )
        h.build(self.cases)
        self.history = h
        self.rows["actions"] = sorted(h.actions, key=lambda a: a["requested_at"])
        self.rows["ledger"] = sorted(h.ledger, key=lambda r: r["created_at"])
        self.rows["coupons"] = h.coupons
        self.rows["store_credit"] = h.store_credit_rows()
        self.rows["audit_log"] = h.audit_in_order()
        for row in self.rows["customers"]:
            summary = h.compensation(row["id"], row["currency"])
            if summary is not None:
                row["attributes"] = {**row["attributes"], "compensation": summary}

    # ---------------------------------------------------------------- articles

    def _articles(self) -> None:
        rng = self.rng
        base = self.now - timedelta(days=200)
        for topic in TOPICS:
            for locale, title, body in (
                (ZH, topic.zh_title, topic.zh_body),
                (EN, topic.en_title, topic.en_body),
            ):
                at = _between(rng, base, self.now - timedelta(days=2))
                self.rows["articles"].append(
                    {
                        "id": _uuid7(rng, at),
                        "title": title,
                        "body": body,
                        "scenario": topic.scenario,
                        "tags": list(topic.tags),
                        "locale": locale,
                        "audience": topic.audience,
                        "status": "published",
                        "version": 1,
                        "updated_at": at,
                    }
                )


__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_PASSWORD",
    "TEAM_AFTER_SALES",
    "TEAM_PRE_SALES",
    "DemoSummary",
    "seed_demo",
]
