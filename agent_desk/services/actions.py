"""Resolution actions for the open conversation: what this agent may do for this customer, the
preview of the effect and of the customer's message, the request (through the outbox: offline it
waits and runs when back online; the server re-validates everything), and approvals.

No widgets. The authority shown here is the server's own rule (``core.authority``) over the
synced policy; the server enforces it again, so the client can be wrong only towards caution.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from agent_desk.core import authority, catalog, resolution
from agent_desk.core.enums import ActionType, Role, ValueTier
from agent_desk.core.errors import DomainError, Forbidden, InvalidArguments, NotFound
from agent_desk.core.ids import new_id
from agent_desk.core.money import format_money, parse_moment
from agent_desk.core.refunds import refunds_outside_actions
from agent_desk.core.resolution import OrderFacts, PastAction
from agent_desk.protocol import MutationName
from agent_desk.services.desk import DeskService
from agent_desk.store.store import ChangeSet, Row, Store, Tx

M = MutationName


def _json(value: Any, default: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return default
    return default if value is None else value


money = format_money  # the server formats the customer's message the same way


@dataclass(frozen=True)
class Catalog:
    """One action type as the server defines it (labels, params, reasons, templates)."""

    id: str
    label_zh: str
    label_en: str
    params: list[dict[str, Any]]
    reason_codes: list[dict[str, Any]]
    needs_order: bool
    moves_money: bool
    template_zh: str
    template_en: str

    @classmethod
    def of(cls, row: Row) -> Catalog:
        return cls(
            id=row["id"],
            label_zh=row["label_zh"],
            label_en=row["label_en"],
            params=_json(row["params"], []),
            reason_codes=_json(row["reason_codes"], []),
            needs_order=bool(row["needs_order"]),
            moves_money=bool(row["moves_money"]),
            template_zh=row["template_zh"],
            template_en=row["template_en"],
        )


@dataclass(frozen=True)
class Proposal:
    """What the agent is about to do, fully worked out for the confirm step."""

    type: str
    order: Row | None
    amount_minor: int
    currency: str
    params: dict[str, Any]
    decision: authority.Decision
    customer_message: str
    lines: list[dict[str, Any]] = field(default_factory=list)
    plan: resolution.Plan | None = None


class ActionsService:
    def __init__(self, store: Store, desk: DeskService) -> None:
        self.store = store
        self.desk = desk

    # --- what there is ---------------------------------------------------------------------------

    def catalog(self) -> list[Catalog]:
        order = {t.value: n for n, t in enumerate(ActionType)}
        rows = [r for r in self.store.rows("SELECT * FROM action_types") if r["id"] in order]
        return sorted((Catalog.of(r) for r in rows), key=lambda c: order[c.id])

    def catalog_entry(self, type_: str) -> Catalog | None:
        row = self.store.row("SELECT * FROM action_types WHERE id = ?", (type_,))
        return Catalog.of(row) if row else None

    def policy(self) -> authority.Policy | None:
        row = self.store.row("SELECT * FROM authority_policies WHERE id = 'current'")
        if row is None:
            return None
        try:
            return authority.policy_from_dict(
                {
                    "version": row["version"],
                    "currency": row["currency"],
                    "limits": _json(row["limits"], []),
                    "daily_total_minor": _json(row["daily_total_minor"], {}),
                    "cumulative": _json(row.get("cumulative"), {}),
                }
            )
        except authority.PolicyError:
            return None  # a malformed record from a newer server: the server still enforces

    def used_today(self, currency: str | None = None) -> int:
        """Today's total as the server counts it (money-moving types, the policy currency),
        plus what this agent queued that the server will count."""
        day = datetime.now(UTC).date().isoformat()
        row = self.store.row(
            "SELECT used_minor FROM authority_usages WHERE id = ?",
            (f"{self.desk.me.agent_id}:{day}",),
        )
        server = int(row["used_minor"]) if row else 0
        # what this agent queued but the server has not counted yet counts too (caution)
        counted = sorted(t.value for t in authority.DAILY_TOTAL_ACTIONS)
        marks = ", ".join("?" for _ in counted)
        queued = self.store.row(
            "SELECT COALESCE(sum(amount_minor), 0) AS n FROM actions "  # noqa: S608 - "?" only
            f"WHERE requested_by = ? AND delivery = 'queued' AND type IN ({marks}) "
            "AND currency = ?",
            (self.desk.me.agent_id, *counted, currency or self._policy_currency()),
        )
        return server + int(queued["n"] if queued else 0)

    def _policy_currency(self) -> str:
        return (self.policy() or authority.DEFAULT_POLICY).currency

    def customer_tier(self, customer_id: str) -> ValueTier:
        row = self.store.row("SELECT value_tier FROM customers WHERE id = ?", (customer_id,))
        try:
            return ValueTier(row["value_tier"]) if row else ValueTier.STANDARD
        except ValueError:
            return ValueTier.STANDARD

    def orders(self, customer_id: str) -> list[Row]:
        orders = self.store.rows(
            "SELECT * FROM orders WHERE customer_id = ? ORDER BY placed_at DESC", (customer_id,)
        )
        for order in orders:
            for key in ("lines", "payment", "shipment"):
                order[key] = _json(order.get(key), {} if key != "lines" else [])
        return orders

    def history(self, customer_id: str) -> list[Row]:
        """The customer's actions, newest first (the timeline and the 360's compensation)."""
        rows = self.store.rows(
            "SELECT a.*, ag.display_name AS requested_by_name, d.display_name AS decided_by_name, "
            "t.label_zh AS type_label_zh, t.label_en AS type_label_en "
            "FROM actions a LEFT JOIN agents ag ON ag.id = a.requested_by "
            "LEFT JOIN agents d ON d.id = a.decided_by "
            "LEFT JOIN action_types t ON t.id = a.type "
            "WHERE a.customer_id = ? ORDER BY a.requested_at DESC LIMIT 100",
            (customer_id,),
        )
        for row in rows:
            row["params"] = _json(row.get("params"), {})
            row["result"] = _json(row.get("result"), {})
        return rows

    def compensation(self, customer_id: str) -> list[Row]:
        """What the customer received before, newest first: the executed actions (the server's
        summary, which covers every team, also conversations this agent cannot see, else the
        actions synced here) and the refunds their orders record that no executed action
        accounts for (refunded outside the desk), each counted once (``core.refunds``).

        An order's refund is a row with ``source`` ``"order"``, ``type`` ``"order_refund"``,
        ``order_no``, ``amount_minor``, ``currency``, ``executed_at`` and ``full``.
        """
        executed = self._executed_actions(customer_id)
        synced = [a for a in self.history(customer_id) if a.get("status") == "executed"]
        outside = refunds_outside_actions(self.orders(customer_id), [*executed, *synced])
        rows = executed + [
            {
                "type": "order_refund",
                "source": "order",
                "status": "executed",
                "order_id": r.order_id,
                "order_no": r.order_no,
                "amount_minor": r.amount_minor,
                "currency": r.currency,
                "executed_at": r.at,
                "full": r.full,
            }
            for r in outside
        ]

        def newest(row: Row) -> float:
            moment = parse_moment(row.get("executed_at") or row.get("requested_at"))
            return moment.timestamp() if moment else 0.0

        return sorted(rows, key=newest, reverse=True)

    def _executed_actions(self, customer_id: str) -> list[Row]:
        row = self.store.row("SELECT attributes FROM customers WHERE id = ?", (customer_id,))
        summary = (_json((row or {}).get("attributes"), {}) or {}).get("compensation") or {}
        recent = summary.get("recent") if isinstance(summary, dict) else None
        if not recent:
            return [a for a in self.history(customer_id) if a.get("status") == "executed"]
        names = {
            r["id"]: r["display_name"]
            for r in self.store.rows("SELECT id, display_name FROM agents")
        }
        labels = {
            r["id"]: r for r in self.store.rows("SELECT id, label_zh, label_en FROM action_types")
        }
        out = []
        for item in recent:
            if not isinstance(item, dict):
                continue
            kind = labels.get(str(item.get("type")), {})
            out.append(
                {
                    "type": item.get("type"),
                    "type_label_zh": kind.get("label_zh"),
                    "type_label_en": kind.get("label_en"),
                    "status": "executed",
                    "amount_minor": int(item.get("amount_minor") or 0),
                    "currency": item.get("currency") or "CNY",
                    "executed_at": item.get("at"),
                    "requested_by_name": names.get(str(item.get("by")), ""),
                    "decided_by_name": names.get(str(item.get("approved_by")), ""),
                    "action_id": item.get("action_id"),
                    "order_id": item.get("order_id"),
                }
            )
        return out

    def pending_approvals(self) -> list[Row]:
        """Requests waiting for a supervisor (all the server lets this agent see)."""
        rows = self.store.rows(
            "SELECT a.*, ag.display_name AS requested_by_name, cu.name AS customer_name, "
            "cu.value_tier AS customer_tier FROM actions a "
            "LEFT JOIN agents ag ON ag.id = a.requested_by "
            "LEFT JOIN customers cu ON cu.id = a.customer_id "
            "WHERE a.status = 'pending_approval' AND a.decided_by IS NULL "
            "AND a.requested_by != ? ORDER BY a.requested_at",
            (self.desk.me.agent_id,),
        )
        for row in rows:
            row["params"] = _json(row.get("params"), {})
            row["result"] = _json(row.get("result"), {})
        return rows

    # --- working it out --------------------------------------------------------------------------

    def _queued_refunds(self, order_id: str) -> int:
        """Refunds this client queued for the order that the server has not counted yet."""
        refund_types = sorted(t.value for t in authority.REFUND_ACTIONS)
        marks = ", ".join("?" for _ in refund_types)
        queued = self.store.row(
            "SELECT COALESCE(sum(amount_minor), 0) AS n FROM actions "  # noqa: S608 - "?" only
            f"WHERE order_id = ? AND delivery = 'queued' AND type IN ({marks})",
            (order_id, *refund_types),
        )
        return int(queued["n"] if queued else 0)

    def facts(self, order: Row) -> OrderFacts:
        """The order as the rule book reads it, with this client's queued refunds counted."""
        return OrderFacts.of(order, queued_refunds_minor=self._queued_refunds(order["id"]))

    def refundable(self, order: Row) -> int:
        """Paid minus refunded, minus refunds this client queued for the order (offline)."""
        return self.facts(order).refundable_minor

    def past(self, customer_id: str) -> list[PastAction]:
        """Executed actions for the customer as the server counts them (its summary covers every
        team), plus what this client queued and the server has not counted yet (caution)."""
        row = self.store.row("SELECT attributes FROM customers WHERE id = ?", (customer_id,))
        summary = (_json((row or {}).get("attributes"), {}) or {}).get("compensation") or {}
        window = summary.get("window") if isinstance(summary, dict) else None
        entries: list[Any]
        if isinstance(window, list):
            entries = window
        else:  # a server without the summary's window: what is synced here
            entries = [a for a in self.history(customer_id) if a.get("status") == "executed"]
        now = datetime.now(UTC).isoformat()
        queued = self.store.rows(
            "SELECT type, amount_minor, currency, order_id FROM actions "
            "WHERE customer_id = ? AND delivery = 'queued'",
            (customer_id,),
        )
        entries = [*entries, *({**q, "at": now} for q in queued)]
        found = (PastAction.of(e) for e in entries if isinstance(e, dict))
        return [x for x in found if x is not None]

    def default_amount(self, type_: str, order: Row | None, lines: list[str] | None) -> int:
        if order is None:
            return 0
        facts = self.facts(order)
        if type_ == ActionType.CANCEL_ORDER:
            return facts.refundable_minor  # cancelling gives back what was paid
        if type_ == ActionType.REFUND_SHIPPING:
            return max(0, facts.shipping_minor - facts.shipping_refunded_minor)
        if type_ in (ActionType.REFUND, ActionType.REFUND_NO_RETURN, ActionType.RESHIP):
            chosen = [
                line for line in order.get("lines") or [] if not lines or line.get("sku") in lines
            ]
            value = sum(
                int(x.get("unit_price_minor") or 0) * int(x.get("quantity") or 1) for x in chosen
            )
            return min(value, facts.refundable_minor) if type_ != ActionType.RESHIP else value
        return 0

    def standing(
        self, conversation_id: str, type_: str, order_id: str | None
    ) -> authority.Decision | None:
        """The agent's allowance for this action type, customer and order before anything is
        asked (every limit that applies with what is used of it); None before the policy syncs."""
        policy = self.policy()
        conv = self.store.row("SELECT * FROM conversations WHERE id = ?", (conversation_id,))
        if policy is None or conv is None:
            return None
        kind = ActionType(type_)
        order = next((o for o in self.orders(conv["customer_id"]) if o["id"] == order_id), None)
        customer = self.store.row("SELECT * FROM customers WHERE id = ?", (conv["customer_id"],))
        currency = (
            order["currency"] if order else (customer or {}).get("currency") or policy.currency
        )
        facts = self.facts(order) if order else None
        return self._authority(
            policy,
            conv["customer_id"],
            kind,
            facts,
            currency,
            amount_minor=0,
            order_total_minor=facts.total_minor if facts else None,
        )

    def _authority(
        self,
        policy: authority.Policy,
        customer_id: str,
        kind: ActionType,
        facts: OrderFacts | None,
        currency: str,
        *,
        amount_minor: int,
        order_total_minor: int | None,
        refundable_minor: int | None = None,
        days: int | None = None,
    ) -> authority.Decision:
        """``core.authority`` over what this client counts for the case, as the server does."""
        use = resolution.case_use(
            kind,
            facts,
            self.past(customer_id),
            now=datetime.now(UTC),
            window_days=policy.window_days,
            currency=currency,
        )
        return authority.evaluate(
            policy,
            role=self.desk.role,
            tier=self.customer_tier(customer_id),
            action=kind,
            amount_minor=amount_minor,
            currency=currency,
            order_total_minor=order_total_minor,
            refundable_minor=refundable_minor,
            used_today_minor=self.used_today(policy.currency),
            use=use,
            days=days,
        )

    @staticmethod
    def params_to_send(type_: str, params: dict[str, Any], amount: int) -> dict[str, Any]:
        """Exactly what the request will carry: the type's own parameters, and its amount."""
        kind = ActionType(type_)
        names = catalog.param_names(kind)
        sent = {k: v for k, v in params.items() if k in names and v not in (None, [], "")}
        if "amount_minor" in names and amount > 0:
            sent["amount_minor"] = amount
        if "coupon_value_minor" in names and amount > 0:
            sent["coupon_value_minor"] = amount
        return sent

    def propose(
        self,
        conversation_id: str,
        type_: str,
        *,
        order_id: str | None,
        params: dict[str, Any],
        locale: str,
    ) -> Proposal:
        """The action worked out by the rule book the server applies (``core.resolution`` and
        ``core.authority``), over what this client has synced."""
        conv = self.store.row("SELECT * FROM conversations WHERE id = ?", (conversation_id,))
        if conv is None:
            raise NotFound("conversation not found")
        entry = self.catalog_entry(type_)
        if entry is None:
            raise InvalidArguments("this action is not in the catalog", code="not_in_catalog")
        kind = ActionType(type_)
        order = next((o for o in self.orders(conv["customer_id"]) if o["id"] == order_id), None)
        if entry.needs_order and order is None:
            raise InvalidArguments("choose an order first", code="order_required")
        synced = self.policy()
        policy = synced or authority.DEFAULT_POLICY
        customer = self.store.row("SELECT * FROM customers WHERE id = ?", (conv["customer_id"],))
        customer_currency = (customer or {}).get("currency") or policy.currency
        currency = order["currency"] if order else customer_currency
        lines = list(params.get("line_skus") or [])
        amount = int(
            params.get("amount_minor")
            or params.get("coupon_value_minor")
            or self.default_amount(type_, order, lines)
        )
        sent = self.params_to_send(type_, params, amount)
        facts = self.facts(order) if order else None
        try:
            plan = resolution.plan_action(
                kind, sent, facts, customer_currency=customer_currency, currency=currency
            )
        except DomainError as exc:
            refused = authority.Decision(False, False, exc.code, None, None, None, exc.message)
            empty = resolution.Plan(kind, amount, (), (), None, None, None)
            return Proposal(type_, order, amount, currency, sent, refused, "", [], empty)
        decision = self._authority(
            policy,
            conv["customer_id"],
            kind,
            facts,
            currency,
            amount_minor=plan.amount_minor,
            order_total_minor=plan.order_total_minor,
            refundable_minor=plan.refundable_minor,
            days=plan.days,
        )
        if synced is None and decision.within_authority:
            # the real policy has not arrived: never promise what the server may not allow
            decision = replace(decision, needs_approval=True, reason_code="policy_not_synced")
        chosen_lines = [
            line for line in (order or {}).get("lines") or [] if line.get("sku") in plan.line_skus
        ]
        message = resolution.customer_message(
            kind,
            plan,
            customer_name=str((customer or {}).get("name") or ""),
            locale=locale,
            order_no=order["order_no"] if order else None,
            currency=currency,
            result=None,
        )
        return Proposal(
            type_, order, plan.amount_minor, currency, sent, decision, message, chosen_lines, plan
        )

    # --- doing it -----------------------------------------------------------------------------

    def request(
        self,
        conversation_id: str,
        proposal: Proposal,
        *,
        reason_code: str,
        note: str = "",
    ) -> tuple[str, ChangeSet]:
        """Queue the action (offline it waits); the server runs it, or asks a supervisor."""
        action_id = new_id()
        params = dict(proposal.params)  # exactly what the preview planned with
        args: dict[str, Any] = {
            "action_id": action_id,
            "conversation_id": conversation_id,
            "type": proposal.type,
            "params": params,
            "currency": proposal.currency,
            "reason_code": reason_code,
            "note": note,
        }
        if proposal.order is not None:
            args["order_id"] = proposal.order["id"]

        def check(tx: Tx) -> None:
            conv = tx.get("conversation", conversation_id)
            if conv is None:
                raise NotFound("conversation not found")
            if not self.desk.may_change(conv):
                raise Forbidden("the conversation is assigned to another agent")

        return action_id, self.desk.run_mutation(M.ACTION_REQUEST, args, check)

    def decide(self, action_id: str, *, approve: bool, note: str = "") -> ChangeSet:
        def check(tx: Tx) -> None:
            action = tx.get("action", action_id)
            if action is None:
                raise NotFound("the request is no longer there")
            if self.desk.role not in (Role.SUPERVISOR, Role.ADMIN):
                raise Forbidden("only a supervisor decides approval requests")
            if action["requested_by"] == self.desk.me.agent_id:
                raise Forbidden("nobody approves their own request", code="own_request")
            if action["status"] != "pending_approval" or action["decided_by"] is not None:
                raise InvalidArguments("this request was already decided", code="already_decided")

        name = M.ACTION_APPROVE if approve else M.ACTION_DENY
        return self.desk.run_mutation(name, {"action_id": action_id, "note": note}, check)
