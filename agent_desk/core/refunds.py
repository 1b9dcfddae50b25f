"""Refunds as an order's payment records them, counted once beside the executed actions.

Money goes back to a customer two ways: an action run from the desk (a refund, a refund without
return, a shipping refund, a cancellation), or outside the desk (the shop's back office, a
payment provider's dispute). Either way the order's payment carries the total
(``payment.refunded_minor``, ``payment.refunded_at``): the server's commerce adapter adds each
executed refund action's amount to it. So the part of an order's refunded total that no executed
action of that order accounts for is what was refunded outside the desk; the 360's history shows
the actions and that remainder, and so never counts an action's refund twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from agent_desk.core.authority import REFUND_ACTIONS
from agent_desk.core.enums import ActionStatus, OrderStatus

_REFUND_TYPES = frozenset(t.value for t in REFUND_ACTIONS)


def _mapping(value: Any) -> Mapping[str, Any]:
    if isinstance(value, str):  # the cache keeps it JSON-encoded
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, Mapping) else {}


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


@dataclass(frozen=True, slots=True)
class OrderRefund:
    """Money an order's payment shows refunded: how much, when (the latest refund), and whether
    it was all that was paid."""

    order_id: str
    order_no: str
    amount_minor: int
    currency: str
    at: str | None
    full: bool


def order_refund(order: Mapping[str, Any]) -> OrderRefund | None:
    """What the order's payment shows refunded (None: nothing)."""
    payment = _mapping(order.get("payment"))
    refunded = _int(payment.get("refunded_minor"))
    if refunded <= 0:
        return None
    paid = _int(payment.get("paid_minor")) or _int(order.get("total_minor"))
    at = payment.get("refunded_at")
    return OrderRefund(
        order_id=str(order.get("id") or ""),
        order_no=str(order.get("order_no") or ""),
        amount_minor=refunded,
        currency=str(order.get("currency") or ""),
        at=str(at) if at else None,
        full=(paid > 0 and refunded >= paid) or order.get("status") == OrderStatus.REFUNDED.value,
    )


def refunds_outside_actions(
    orders: Iterable[Mapping[str, Any]], actions: Iterable[Mapping[str, Any]]
) -> list[OrderRefund]:
    """The refunds of ``orders`` that no executed action in ``actions`` accounts for.

    For each order: its refunded total minus the amounts of the executed refund-like actions
    (``core.authority.REFUND_ACTIONS``) on it in its currency; what is left above zero is an
    :class:`OrderRefund` of that remainder (``full`` when the order was refunded in full and no
    action did any of it). Actions may repeat (the server's summary and the synced rows): an id
    is counted once. Newest first.
    """
    by_order: dict[str, int] = {}
    seen: set[str] = set()
    for action in actions:
        if action.get("status", ActionStatus.EXECUTED.value) != ActionStatus.EXECUTED.value:
            continue
        if str(action.get("type")) not in _REFUND_TYPES or not action.get("order_id"):
            continue
        key = str(action.get("id") or action.get("action_id") or "")
        if key:
            if key in seen:
                continue
            seen.add(key)
        order_key = f"{action['order_id']}\x00{action.get('currency') or ''}"
        by_order[order_key] = by_order.get(order_key, 0) + _int(action.get("amount_minor"))
    out: list[OrderRefund] = []
    for order in orders:
        refund = order_refund(order)
        if refund is None:
            continue
        by_actions = by_order.get(f"{refund.order_id}\x00{refund.currency}", 0)
        left = refund.amount_minor - by_actions
        if left <= 0:
            continue
        out.append(
            OrderRefund(
                refund.order_id,
                refund.order_no,
                left,
                refund.currency,
                refund.at,
                refund.full and by_actions == 0,
            )
        )
    out.sort(key=lambda r: r.at or "", reverse=True)
    return out
