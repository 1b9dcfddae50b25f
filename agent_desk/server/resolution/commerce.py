"""The commerce adapter: where a resolution action really happens (payments, orders, shipments).

:class:`Commerce` is the interface; :class:`BuiltinCommerce` keeps everything in the server's own
database so the demo is real end to end: a ``ledger`` row per executed action (``action_id`` is
unique: a second execution cannot slip in), the order's payment, status and shipment, coupons
and store-credit balances. An adapter for a real shop system would call its API with the action
id as the idempotency key, inside the same checks.

The caller (``actions.py``) has already checked the order's state and the authority; an adapter
still refuses what would break its own invariants (refunding more than is left) with
:class:`CommerceRefused`, which fails the action with that code. Money is integer minor units.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

import sqlalchemy as sa

from agent_desk.core.enums import OrderStatus, ShipmentStatus
from agent_desk.core.errors import DomainError
from agent_desk.core.resolution import OrderFacts
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import WriteTx

RETURN_WINDOW_DAYS = 7  # after delivery, unless extended
COUPON_VALID_DAYS = 90


class CommerceRefused(DomainError):
    """The commerce system would not do it (the action fails with this code)."""

    code = "commerce_refused"


@dataclass(frozen=True, slots=True)
class Execution:
    """One approved, validated action to carry out."""

    action_id: str
    customer_id: str
    currency: str
    amount_minor: int  # money moved (refunds, coupon value, credit); a reship: the items' value
    order: dict[str, Any] | None  # the order row as a dict (payment, shipment, lines …)
    line_skus: tuple[str, ...] = ()
    days: int | None = None
    replacements: tuple[tuple[str, str], ...] = ()  # an exchange: (ordered sku, sku sent)
    now: datetime = field(default_factory=lambda: datetime.now().astimezone())


@dataclass(frozen=True, slots=True)
class Outcome:
    result: dict[str, Any]  # goes into the action's ``result`` (refund id, coupon code, ETA …)
    order_changed: bool = False
    customer_changed: bool = False


class Commerce(Protocol):
    def refund(self, tx: WriteTx, ex: Execution) -> Outcome: ...
    def refund_no_return(self, tx: WriteTx, ex: Execution) -> Outcome: ...
    def reship(self, tx: WriteTx, ex: Execution) -> Outcome: ...
    def coupon(self, tx: WriteTx, ex: Execution) -> Outcome: ...
    def store_credit(self, tx: WriteTx, ex: Execution) -> Outcome: ...
    def cancel(self, tx: WriteTx, ex: Execution) -> Outcome: ...
    def refund_shipping(self, tx: WriteTx, ex: Execution) -> Outcome: ...
    def expedite(self, tx: WriteTx, ex: Execution) -> Outcome: ...
    def extend_return_window(self, tx: WriteTx, ex: Execution) -> Outcome: ...


def _digits(seed: str, n: int) -> str:
    """Reproducible digits from the action id (a retried execution would name the same refund)."""
    out = ""
    counter = 0
    while len(out) < n:
        out += str(int(hashlib.sha256(f"{seed}:{counter}".encode()).hexdigest(), 16))
        counter += 1
    return out[:n]


def refundable(order: dict[str, Any]) -> int:
    return OrderFacts.of(order).refundable_minor


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


def _parse(value: Any) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return moment if moment.tzinfo else None


class BuiltinCommerce:
    """Payments, refunds, coupons and shipments kept in the server's own database."""

    # --- helpers ------------------------------------------------------------------------------

    def _ledger(self, tx: WriteTx, ex: Execution, kind: str, amount: int, **detail: Any) -> None:
        tx.conn.execute(
            sa.insert(t.ledger).values(
                action_id=ex.action_id,
                order_id=None if ex.order is None else ex.order["id"],
                customer_id=ex.customer_id,
                kind=kind,
                amount_minor=amount,
                currency=ex.currency,
                detail=detail,
                created_at=ex.now,
            )
        )

    def _order(self, ex: Execution) -> dict[str, Any]:
        if ex.order is None:
            raise CommerceRefused("this action needs an order", code="invalid_args")
        return ex.order

    def _save_order(self, tx: WriteTx, order: dict[str, Any], **values: Any) -> None:
        """Write changed order columns (the caller passes ``updated_at``)."""
        tx.conn.execute(sa.update(t.orders).where(t.orders.c.id == order["id"]).values(**values))

    def _pay_back(self, tx: WriteTx, ex: Execution, kind: str, *, cancel: bool = False) -> Outcome:
        order = self._order(ex)
        left = refundable(order)
        if ex.amount_minor > left:
            raise CommerceRefused(
                "the order has less left to refund than this", code="amount_exceeds_refundable"
            )
        payment = dict(order["payment"])
        before = int(payment.get("refunded_minor", 0))
        after = before + ex.amount_minor
        paid = int(payment.get("paid_minor", 0))
        payment["refunded_minor"] = after
        if ex.amount_minor:
            payment["refunded_at"] = _iso(ex.now)
        refund_id = f"RF{ex.now:%Y%m%d}{_digits(ex.action_id, 8)}" if ex.amount_minor else None
        if cancel:
            status = OrderStatus.CANCELLED.value
            payment["status"] = "refunded" if paid else "closed"
        elif after >= paid:
            status = OrderStatus.REFUNDED.value
            payment["status"] = "refunded"
        else:
            status = OrderStatus.PARTIALLY_REFUNDED.value
            payment["status"] = "partially_refunded"
        if kind == "refund_shipping":
            payment["shipping_refunded_minor"] = (
                int(payment.get("shipping_refunded_minor", 0)) + ex.amount_minor
            )
        self._save_order(tx, order, payment=payment, status=status, updated_at=ex.now)
        result = {
            "refund_id": refund_id,
            "refunded_minor_before": before,
            "refunded_minor_after": after,
            "order_status_before": order["status"],
            "order_status_after": status,
        }
        self._ledger(tx, ex, kind, ex.amount_minor, **result, lines=list(ex.line_skus))
        return Outcome(result, order_changed=True)

    # --- the actions --------------------------------------------------------------------------

    def refund(self, tx: WriteTx, ex: Execution) -> Outcome:
        return self._pay_back(tx, ex, "refund")

    def refund_no_return(self, tx: WriteTx, ex: Execution) -> Outcome:
        return self._pay_back(tx, ex, "refund_no_return")

    def refund_shipping(self, tx: WriteTx, ex: Execution) -> Outcome:
        return self._pay_back(tx, ex, "refund_shipping")

    def cancel(self, tx: WriteTx, ex: Execution) -> Outcome:
        order = self._order(ex)
        status = (order.get("shipment") or {}).get("status")
        if status not in (ShipmentStatus.NOT_SHIPPED.value, ShipmentStatus.LABEL_CREATED.value):
            raise CommerceRefused("the order has shipped", code="invalid_state")
        outcome = self._pay_back(tx, ex, "cancel_order", cancel=True)
        shipment = dict(order.get("shipment") or {})
        shipment["status"] = ShipmentStatus.NOT_SHIPPED.value
        shipment["cancelled_at"] = _iso(ex.now)
        self._save_order(tx, order, shipment=shipment, updated_at=ex.now)
        return outcome

    def _carrier(self, ex: Execution, express: bool) -> str:
        domestic = ex.currency == "CNY"
        if express:
            return "顺丰速运" if domestic else "FedEx"
        order = self._order(ex)
        carrier = (order.get("shipment") or {}).get("carrier")
        return str(carrier) if carrier else ("顺丰速运" if domestic else "UPS")

    def _tracking(self, ex: Execution, carrier: str) -> str:
        digits = _digits(ex.action_id + carrier, 22)
        if carrier == "顺丰速运":
            return "SF" + digits[:13]
        if carrier == "中通快递":
            return "75" + digits[:12]
        if carrier == "京东物流":
            return "JDVA" + digits[:11]
        if carrier == "UPS":
            return "1Z" + digits[:16]
        if carrier == "FedEx":
            return digits[:12]
        return "9400" + digits[:18]

    def reship(self, tx: WriteTx, ex: Execution) -> Outcome:
        order = self._order(ex)
        old = dict(order.get("shipment") or {})
        carrier = self._carrier(ex, express=False)
        tracking = self._tracking(ex, carrier)
        eta = ex.now + timedelta(days=2 if ex.currency == "CNY" else 4)
        shipment = {
            "status": ShipmentStatus.IN_TRANSIT.value,
            "carrier": carrier,
            "tracking_no": tracking,
            "shipped_at": _iso(ex.now),
            "eta": _iso(eta),
            "delivered_at": None,
            "reshipped": True,
            "reshipments": (int(old.get("reshipments") or 0) or (1 if old.get("reshipped") else 0))
            + 1,
            "previous_tracking_no": old.get("tracking_no"),
            "return_window_until": old.get("return_window_until"),
            "return_window_extensions": old.get("return_window_extensions", 0),
        }
        status = order["status"]
        if status == OrderStatus.DELIVERED.value:
            status = OrderStatus.SHIPPED.value
        self._save_order(tx, order, shipment=shipment, status=status, updated_at=ex.now)
        result = {
            "carrier": carrier,
            "tracking_no": tracking,
            "eta": _iso(eta),
            "previous_tracking_no": old.get("tracking_no"),
            "lines": list(ex.line_skus),
            "value_minor": ex.amount_minor,
        }
        if ex.replacements:
            result["replacements"] = dict(ex.replacements)
        self._ledger(tx, ex, "reship", ex.amount_minor, **result)
        return Outcome(result, order_changed=True)

    def expedite(self, tx: WriteTx, ex: Execution) -> Outcome:
        order = self._order(ex)
        shipment = dict(order.get("shipment") or {})
        carrier = self._carrier(ex, express=True)
        fastest = ex.now + timedelta(days=1 if ex.currency == "CNY" else 2)
        old_eta = _parse(shipment.get("eta"))
        eta = fastest if old_eta is None or old_eta > fastest else old_eta
        result = {
            "carrier_before": shipment.get("carrier"),
            "carrier": carrier,
            "eta_before": shipment.get("eta"),
            "eta": _iso(eta),
        }
        if shipment.get("carrier") != carrier:
            shipment["tracking_no"] = self._tracking(ex, carrier)
            result["tracking_no"] = shipment["tracking_no"]
        shipment.update(carrier=carrier, eta=_iso(eta), expedited=True)
        self._save_order(tx, order, shipment=shipment, updated_at=ex.now)
        self._ledger(tx, ex, "expedite_shipping", 0, **result)
        return Outcome(result, order_changed=True)

    def extend_return_window(self, tx: WriteTx, ex: Execution) -> Outcome:
        order = self._order(ex)
        shipment = dict(order.get("shipment") or {})
        current = _parse(shipment.get("return_window_until"))
        if current is None:
            delivered = _parse(shipment.get("delivered_at")) or ex.now
            current = delivered + timedelta(days=RETURN_WINDOW_DAYS)
        base = max(current, ex.now)
        until = base + timedelta(days=ex.days or 0)
        shipment["return_window_until"] = _iso(until)
        shipment["return_window_extensions"] = (
            int(shipment.get("return_window_extensions") or 0) + 1
        )
        self._save_order(tx, order, shipment=shipment, updated_at=ex.now)
        result = {
            "return_window_until_before": _iso(current),
            "return_window_until": _iso(until),
            "days": ex.days,
        }
        self._ledger(tx, ex, "extend_return_window", 0, **result)
        return Outcome(result, order_changed=True)

    def coupon(self, tx: WriteTx, ex: Execution) -> Outcome:
        code = "AD" + _digits(ex.action_id, 10)
        expires = ex.now + timedelta(days=COUPON_VALID_DAYS)
        tx.conn.execute(
            sa.insert(t.coupons).values(
                code=code,
                customer_id=ex.customer_id,
                action_id=ex.action_id,
                value_minor=ex.amount_minor,
                currency=ex.currency,
                expires_at=expires,
                created_at=ex.now,
            )
        )
        result = {"code": code, "value_minor": ex.amount_minor, "expires_at": _iso(expires)}
        self._ledger(tx, ex, "coupon", ex.amount_minor, **result)
        return Outcome(result, customer_changed=True)

    def store_credit(self, tx: WriteTx, ex: Execution) -> Outcome:
        sc = t.store_credit
        key = (sc.c.customer_id == ex.customer_id) & (sc.c.currency == ex.currency)
        query = sa.select(sc.c.balance_minor).where(key)
        if tx.dialect == "postgresql":
            query = query.with_for_update()
        before = tx.conn.execute(query).scalar_one_or_none()
        after = int(before or 0) + ex.amount_minor
        if before is None:
            tx.conn.execute(
                sa.insert(sc).values(
                    customer_id=ex.customer_id,
                    currency=ex.currency,
                    balance_minor=after,
                    updated_at=ex.now,
                )
            )
        else:
            tx.conn.execute(sa.update(sc).where(key).values(balance_minor=after, updated_at=ex.now))
        result = {"balance_before_minor": int(before or 0), "balance_after_minor": after}
        self._ledger(tx, ex, "store_credit", ex.amount_minor, **result)
        return Outcome(result, customer_changed=True)
