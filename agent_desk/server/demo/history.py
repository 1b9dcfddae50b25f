"""The demo's history of resolution actions: a few dozen past refunds, coupons, store credit and a
reship, an approved and a denied approval request, and one request still waiting for the
supervisor — with their ledger rows, coupons, store-credit balances, each customer's compensation
summary and the audit entries (appended to the hash chain in time order).

Decisions follow the real default policy (``core.authority``): a past refund above the agent's
limit went through the supervisor. Past refunds explain refunds the orders already carry (same
amount, same moment), so orders, payments and lifetime values stay as the order history made them.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from agent_desk.core import authority, resolution
from agent_desk.core.catalog import CATALOG
from agent_desk.core.enums import ActionStatus, ActionType, OrderStatus, Role, ShipmentStatus
from agent_desk.core.money import format_date, format_money
from agent_desk.core.resolution import PastAction
from agent_desk.server.audit import log as audit

ZH = "zh_CN"
_POLICY = authority.DEFAULT_POLICY


@dataclass
class Case:
    """A conversation the builder emitted, with what the history needs about it."""

    conversation_id: str
    customer: Any  # data._Customer
    order: Any  # data._Order, or None
    scenario: str
    status: str
    assignee: Any  # data._Agent, or None
    started: datetime
    ended: datetime


def _digits(seed: str, n: int) -> str:
    return str(int(hashlib.sha256(seed.encode()).hexdigest(), 16))[:n]


class History:
    def __init__(self, rng: random.Random, now: datetime, supervisor: Any, agents: Any) -> None:
        self.rng, self.now = rng, now
        self.supervisor = supervisor
        self.by_username = agents
        self.actions: list[dict[str, Any]] = []
        self.ledger: list[dict[str, Any]] = []
        self.coupons: list[dict[str, Any]] = []
        self.credit: dict[tuple[str, str], int] = {}
        self.audit: list[dict[str, Any]] = []
        self._used: dict[tuple[str, str], int] = {}  # (agent, day) -> money moved

    # ------------------------------------------------------------------ the plan

    def build(self, cases: list[Case]) -> None:
        rng = self.rng
        resolved = [
            c for c in cases if c.status == "resolved" and c.assignee is not None and c.order
        ]
        refunds = [
            c
            for c in resolved
            if c.order.refunded
            and c.order.refunded_at is not None
            and c.order.status in (OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED)
            and c.scenario in ("damaged_item", "refund_status", "return_exchange")
            and c.started - timedelta(days=1) <= c.order.refunded_at <= c.ended + timedelta(days=3)
        ]
        used_orders: set[str] = set()
        for case in refunds[:14]:
            if case.order.id in used_orders:
                continue
            used_orders.add(case.order.id)
            self._past_refund(case)
        late = [
            c
            for c in resolved
            if c.scenario in ("delivery_delay", "where_is_my_parcel")
            and c.order.id not in used_orders
        ]
        rng.shuffle(late)
        reshipped = False
        for case in late[:16]:
            used_orders.add(case.order.id)
            delivered = case.order.shipment is ShipmentStatus.DELIVERED
            if not reshipped and delivered and case.scenario == "where_is_my_parcel":
                reshipped = True
                self._executed(case, ActionType.RESHIP, case.order.total, "lost_parcel")
            elif rng.random() < 0.6:
                self._executed(case, ActionType.COUPON, self._small(case, 2), "late_delivery")
            else:
                self._executed(case, ActionType.STORE_CREDIT, self._small(case, 3), "late_delivery")
        damaged = [
            c
            for c in resolved
            if c.scenario in ("damaged_item", "return_exchange") and c.order.id not in used_orders
        ]
        rng.shuffle(damaged)
        denied = False
        for case in damaged[:8]:
            used_orders.add(case.order.id)
            tier = case.customer.tier.value
            if not denied and tier in ("standard", "silver") and self._agent(case):
                denied = True
                self._denied(case)
            else:
                self._executed(case, ActionType.COUPON, self._small(case, 3), "damaged")
        if not any(a["decided_by"] and a["status"] == "executed" for a in self.actions):
            self._approved_goodwill([c for c in damaged if c.order.id not in used_orders])
        pending = [
            c
            for c in cases
            if c.status == "open"
            and c.assignee is not None
            and c.assignee.username == "agent"
            and c.order is not None
            and c.order.status is OrderStatus.DELIVERED
            and c.customer.currency == "CNY"
        ]
        if pending:
            self._pending(pending[0])

    def _agent(self, case: Case) -> bool:
        return bool(case.assignee.role is Role.AGENT)

    def _small(self, case: Case, steps: int) -> int:
        """A modest compensation in the customer's currency (¥20–¥60 / $5–$15)."""
        if case.customer.currency == "CNY":
            return 2_000 * self.rng.randint(1, steps)
        return 500 * self.rng.randint(1, steps)

    # ------------------------------------------------------------------ the kinds of history

    def _past_refund(self, case: Case) -> None:
        order = case.order
        at = order.refunded_at
        requested = at - timedelta(minutes=self.rng.uniform(2, 9))
        decision = self._decide(case.assignee, case, ActionType.REFUND, order.refunded, requested)
        reason = "damaged" if case.scenario == "damaged_item" else "not_as_described"
        if decision.within_authority:
            self._record(case, ActionType.REFUND, order.refunded, reason, requested, at, None)
            return
        boss = self.supervisor
        approve = self._decide(boss, case, ActionType.REFUND, order.refunded, at, approving=True)
        if not approve.within_authority:  # beyond the supervisor too: an admin decided
            boss = self.by_username["admin"]
        self._record(
            case,
            ActionType.REFUND,
            order.refunded,
            reason,
            requested - timedelta(minutes=self.rng.uniform(10, 50)),
            at,
            boss,
            approval=decision,
            note="老客户，同意全额退款"
            if case.customer.locale == ZH
            else "Loyal customer: approved",
        )

    def _executed(self, case: Case, kind: ActionType, amount: int, reason: str) -> None:
        at = case.ended - timedelta(minutes=self.rng.uniform(1, 6))
        at = max(at, case.started + timedelta(minutes=1))
        decision = self._decide(case.assignee, case, kind, amount, at)
        if decision.within_authority:
            self._record(case, kind, amount, reason, at, at, None)
        else:
            requested = at - timedelta(minutes=self.rng.uniform(5, 25))
            self._record(
                case, kind, amount, reason, requested, at, self.supervisor, approval=decision
            )

    def _approved_goodwill(self, cases: list[Case]) -> None:
        """A coupon above the agent's limit for a valued customer, approved by the supervisor."""
        for case in cases:
            tier = case.customer.tier
            if case.customer.currency != "CNY" or tier.value not in ("gold", "platinum"):
                continue
            limit = _POLICY.limit(Role.AGENT, tier, ActionType.COUPON)
            amount = (limit.max_minor if limit and limit.max_minor else 0) + 10_000
            at = case.ended - timedelta(minutes=self.rng.uniform(1, 6))
            asked = self._decide(case.assignee, case, ActionType.COUPON, amount, at)
            if not (asked.needs_approval and self._agent(case)):
                continue
            self._record(
                case,
                ActionType.COUPON,
                amount,
                "damaged",
                at - timedelta(minutes=self.rng.uniform(8, 30)),
                at,
                self.supervisor,
                approval=asked,
                note="VIP 客户，同意" if case.customer.locale == ZH else "VIP: approved",
            )
            return

    def _denied(self, case: Case) -> None:
        line = case.order.lines[0]
        amount = line.unit_price_minor * line.quantity
        at = case.ended - timedelta(minutes=self.rng.uniform(20, 40))
        decision = self._decide(case.assignee, case, ActionType.REFUND_NO_RETURN, amount, at)
        zh = case.customer.locale == ZH
        note = (
            "先补发新品，客户同意后无需退款" if zh else "Replacement sent instead; customer agreed"
        )
        self._record(
            case,
            ActionType.REFUND_NO_RETURN,
            amount,
            "damaged",
            at,
            None,
            self.supervisor,
            approval=decision,
            note=note,
            params={"line_skus": [line.sku]},
            denied=True,
        )

    def _pending(self, case: Case) -> None:
        """A request above the agent's authority that the supervisor can approve right now."""
        order, tier = case.order, case.customer.tier
        at = self.now - timedelta(minutes=self.rng.uniform(3, 12))
        line = order.lines[0]
        supervisor_cap = _POLICY.limit(Role.SUPERVISOR, tier, ActionType.REFUND)
        cap = supervisor_cap.max_minor if supervisor_cap and supervisor_cap.max_minor else 0
        coupon = _POLICY.limit(Role.AGENT, tier, ActionType.COUPON)
        top = coupon.max_minor if coupon and coupon.max_minor else 0
        options: list[tuple[ActionType, int, dict[str, Any]]] = [
            (
                ActionType.REFUND_NO_RETURN,
                line.unit_price_minor * line.quantity,
                {"line_skus": [line.sku]},
            ),
            (ActionType.REFUND, min(order.paid - order.refunded, cap), {}),
            (ActionType.COUPON, top + 5_000, {}),
        ]
        for kind, amount, params in options:
            if amount <= 0:
                continue
            asked = self._decide(case.assignee, case, kind, amount, at)
            boss = self._decide(self.supervisor, case, kind, amount, at, approving=True)
            if asked.allowed and asked.needs_approval and boss.within_authority:
                if kind is ActionType.REFUND:
                    params = {"amount_minor": amount}
                elif kind is ActionType.COUPON:
                    params = {"coupon_value_minor": amount}
                self._record(
                    case, kind, amount, "damaged", at, None, None, approval=asked, params=params
                )
                return

    # ------------------------------------------------------------------ rows

    def _decide(
        self,
        who: Any,
        case: Case,
        kind: ActionType,
        amount: int,
        at: datetime,
        *,
        approving: bool = False,
    ) -> authority.Decision:
        order = case.order
        refundable = None if order is None else order.paid
        return authority.evaluate(
            _POLICY,
            role=who.role,
            tier=case.customer.tier,
            action=kind,
            amount_minor=amount,
            currency=case.customer.currency,
            order_total_minor=None if order is None else order.total,
            refundable_minor=refundable,
            used_today_minor=self._used.get((who.id, at.date().isoformat()), 0),
            for_approval=approving,
        )

    def _id(self, at: datetime) -> str:
        ms = max(0, int(at.timestamp() * 1000)) & 0xFFFF_FFFF_FFFF
        value = ms << 80 | 0x7 << 76 | self.rng.getrandbits(12) << 64 | 0b10 << 62
        return str(uuid.UUID(int=value | self.rng.getrandbits(62)))

    def _record(
        self,
        case: Case,
        kind: ActionType,
        amount: int,
        reason: str,
        requested_at: datetime,
        executed_at: datetime | None,
        decider: Any | None,
        *,
        approval: authority.Decision | None = None,
        note: str = "",
        params: dict[str, Any] | None = None,
        denied: bool = False,
    ) -> None:
        c, order, agent = case.customer, case.order, case.assignee
        action_id = self._id(requested_at)
        if params is None:
            params = {}
            if kind is ActionType.COUPON:
                params["coupon_value_minor"] = amount
            elif kind in (ActionType.REFUND, ActionType.STORE_CREDIT):
                params["amount_minor"] = amount
        pending = approval is not None and approval.needs_approval
        if denied:
            status = ActionStatus.DENIED
        elif executed_at is None:
            status = ActionStatus.PENDING_APPROVAL
        else:
            status = ActionStatus.EXECUTED
        decided_at = None if decider is None else (executed_at or requested_at + timedelta(hours=1))
        result, message = self._result(case, kind, amount, action_id, executed_at)
        authorizer = decider if decider is not None else agent
        self.actions.append(
            {
                "id": action_id,
                "type": kind.value,
                "status": status.value,
                "conversation_id": case.conversation_id,
                "customer_id": c.id,
                "order_id": None if order is None else order.id,
                "params": params,
                "amount_minor": amount,
                "currency": c.currency,
                "reason_code": reason,
                "note": "",
                "requested_by": agent.id,
                "requested_at": requested_at,
                "approval_reason": (
                    f"{approval.reason_code}: {approval.message}" if pending and approval else ""
                ),
                "decided_by": None if decider is None else decider.id,
                "decided_at": decided_at,
                "decision_note": note,
                "executed_at": executed_at,
                "result": result if status is ActionStatus.EXECUTED else {},
                "customer_message": message if status is ActionStatus.EXECUTED else "",
                "error_code": None,
                "error_message": None,
                "authorized_by": authorizer.id if status is ActionStatus.EXECUTED else None,
            }
        )
        base = {"type": kind.value, "amount_minor": amount, "currency": c.currency}
        self._audit(
            requested_at,
            "action.requested",
            agent.id,
            action_id,
            **base,
            conversation_id=case.conversation_id,
            order_id=None if order is None else order.id,
            reason_code=reason,
            role=agent.role.value,
            tier=c.tier.value,
            decision=(approval.reason_code if approval else authority.WITHIN_AUTHORITY),
        )
        if denied and decider is not None and decided_at is not None:
            self._audit(decided_at, "action.denied", decider.id, action_id, note=note, **base)
            return
        if executed_at is None:
            return
        if decider is not None:
            self._audit(executed_at, "action.approved", decider.id, action_id, note=note, **base)
        self._audit(
            executed_at,
            "action.executed",
            authorizer.id,
            action_id,
            **base,
            requested_by=agent.id,
            approved_by=None if decider is None else decider.id,
            result=result,
        )
        if kind in authority.DAILY_TOTAL_ACTIONS and c.currency == _POLICY.currency:
            key = (authorizer.id, executed_at.date().isoformat())
            self._used[key] = self._used.get(key, 0) + amount
        self.ledger.append(
            {
                "action_id": action_id,
                "order_id": None if order is None else order.id,
                "customer_id": c.id,
                "kind": kind.value,
                "amount_minor": amount,
                "currency": c.currency,
                "detail": result,
                "created_at": executed_at,
            }
        )
        if kind is ActionType.COUPON:
            self.coupons.append(
                {
                    "code": result["code"],
                    "customer_id": c.id,
                    "action_id": action_id,
                    "value_minor": amount,
                    "currency": c.currency,
                    "expires_at": datetime.fromisoformat(result["expires_at"]),
                    "created_at": executed_at,
                    "redeemed_at": None,
                }
            )
        if kind is ActionType.STORE_CREDIT:
            key2 = (c.id, c.currency)
            self.credit[key2] = self.credit.get(key2, 0) + amount

    def _result(
        self,
        case: Case,
        kind: ActionType,
        amount: int,
        action_id: str,
        at: datetime | None,
    ) -> tuple[dict[str, Any], str]:
        c, order = case.customer, case.order
        at = at or self.now
        zh = c.locale == ZH
        result: dict[str, Any]
        if kind in (ActionType.REFUND, ActionType.REFUND_NO_RETURN):
            result = {
                "refund_id": f"RF{at:%Y%m%d}{_digits(action_id, 8)}",
                "refunded_minor_before": 0,
                "refunded_minor_after": amount,
                "order_status_after": order.status.value,
            }
        elif kind is ActionType.COUPON:
            expires = at + timedelta(days=90)
            result = {
                "code": "AD" + _digits(action_id, 10),
                "value_minor": amount,
                "expires_at": expires.isoformat(),
            }
        elif kind is ActionType.STORE_CREDIT:
            result = {"balance_after_minor": amount}
        else:  # reship
            carrier = order.carrier or ("顺丰速运" if zh else "UPS")
            prefix = "SF" if carrier == "顺丰速运" else "1Z"
            eta = at + timedelta(days=2 if zh else 4)
            result = {
                "carrier": carrier,
                "tracking_no": prefix + _digits(action_id + "t", 13),
                "eta": eta.isoformat(),
                "previous_tracking_no": order.tracking_no,
                "lines": [ln.sku for ln in order.lines],
                "value_minor": amount,
            }
        entry = CATALOG[kind]
        template = str(entry["template_zh" if zh else "template_en"])
        items = "、".join(ln.title for ln in order.lines) if order is not None else ""
        message = template.format_map(
            {
                "customer_name": c.name,
                "order_no": order.order_no if order is not None else "",
                "amount": format_money(amount, c.currency),
                "items": items
                if zh
                else ", ".join(ln.title for ln in order.lines)
                if order
                else "",
                "code": result.get("code", ""),
                "expires": format_date(result.get("expires_at"), c.locale) or "",
                "carrier": result.get("carrier", ""),
                "tracking_no": result.get("tracking_no", ""),
                "eta": format_date(result.get("eta"), c.locale) or "",
                "days": "",
                "until": "",
            }
        )
        return result, message

    def _audit(self, at: datetime, action: str, actor: str, action_id: str, **detail: Any) -> None:
        self.audit.append(
            audit.entry(
                action, actor_id=actor, entity="action", entity_id=action_id, at=at, **detail
            )
        )

    # ------------------------------------------------------------------ summaries

    def compensation(self, customer_id: str, currency: str) -> dict[str, Any] | None:
        mine = [a for a in self.actions if a["customer_id"] == customer_id]
        if not mine:
            return None
        done = sorted(
            (a for a in mine if a["status"] == ActionStatus.EXECUTED.value),
            key=lambda a: a["executed_at"],
            reverse=True,
        )
        year_ago = self.now - timedelta(days=365)
        money = {x.value for x in authority.DAILY_TOTAL_ACTIONS}
        return {
            "total_12m_minor": sum(
                a["amount_minor"]
                for a in done
                if a["executed_at"] >= year_ago and a["type"] in money and a["currency"] == currency
            ),
            "currency": currency,
            "store_credit_minor": self.credit.get((customer_id, currency), 0),
            "coupons": [
                {
                    "code": c["code"],
                    "value_minor": c["value_minor"],
                    "currency": c["currency"],
                    "expires_at": c["expires_at"].astimezone(UTC).isoformat(),
                }
                for c in self.coupons
                if c["customer_id"] == customer_id and c["expires_at"] > self.now
            ],
            "recent": [
                {
                    "action_id": a["id"],
                    "type": a["type"],
                    "amount_minor": a["amount_minor"],
                    "currency": a["currency"],
                    "at": a["executed_at"].astimezone(UTC).isoformat(),
                    "by": a["requested_by"],
                    "approved_by": (
                        a["authorized_by"] if a["authorized_by"] != a["requested_by"] else None
                    ),
                    "order_id": a["order_id"],
                    "reason_code": a["reason_code"],
                }
                for a in done[:20]
            ],
            "window_days": resolution.SUMMARY_WINDOW_DAYS,
            "window": resolution.summary_window(
                [
                    PastAction(
                        ActionType(a["type"]),
                        a["amount_minor"],
                        a["currency"],
                        a["executed_at"].astimezone(UTC),
                        a["order_id"],
                    )
                    for a in done
                ],
                self.now,
            ),
        }

    def store_credit_rows(self) -> list[dict[str, Any]]:
        return [
            {"customer_id": cid, "currency": cur, "balance_minor": bal, "updated_at": self.now}
            for (cid, cur), bal in sorted(self.credit.items())
        ]

    def audit_in_order(self) -> list[dict[str, Any]]:
        return sorted(self.audit, key=lambda r: r["at"])
