"""The resolution rule book — written once, called by the server (which enforces it inside the
per-order lock) and by the client (which previews it before the agent confirms).

Given an action type, its arguments, the order (its payment, refunds, shipping fee, shipment,
reshipments and return-window extensions) and the customer, :func:`plan_action` returns what the
action would move and name, or raises the refusal with its code (``core.errors``):

======================  ===========================================================================
code                    when
======================  ===========================================================================
``invalid_args``        a parameter the type does not take or needs; items not on the order
``currency_mismatch``   the amount is not in the order's (or the customer's) currency
``order_not_refundable`` nothing was paid (pending payment) or the order is cancelled
``amount_exceeds_refundable`` more than paid minus already refunded
``order_closed``        the order is cancelled or refunded in full: not eligible again
``not_shipped``         a reship of an order that has not shipped (or came back)
``already_shipped``     cancelling an order that has shipped
``not_delivered``       keep-the-item refunds and return-window extensions before delivery
``already_delivered``   expediting an order that arrived
``no_shipping_fee``     refunding the shipping of an order that paid none
``shipping_already_refunded`` its shipping fee was refunded before
``amount_exceeds_shipping_fee`` more than the shipping fee
======================  ===========================================================================

:func:`case_use` counts what was done for the order and the customer over the policy's window
(the input of ``core.authority``'s cumulative limits), and :func:`customer_message` fills the
catalog's template the way the customer will read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from agent_desk.core import catalog
from agent_desk.core.authority import COMPENSATION_ACTIONS, CaseUse
from agent_desk.core.enums import ActionType, OrderStatus, ShipmentStatus
from agent_desk.core.errors import (
    AmountExceedsRefundable,
    CurrencyMismatch,
    InvalidArguments,
    InvalidState,
    OrderNotRefundable,
)
from agent_desk.core.money import format_date, format_money, parse_moment

A = ActionType
_SHIPPED = {
    ShipmentStatus.IN_TRANSIT.value,
    ShipmentStatus.OUT_FOR_DELIVERY.value,
    ShipmentStatus.DELIVERED.value,
    ShipmentStatus.EXCEPTION.value,
}
_NOT_YET_SHIPPED = {ShipmentStatus.NOT_SHIPPED.value, ShipmentStatus.LABEL_CREATED.value}
_ARRIVED = {ShipmentStatus.DELIVERED.value, ShipmentStatus.RETURNED.value}
_CLOSED = {OrderStatus.CANCELLED.value, OrderStatus.REFUNDED.value}


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """What the rules read of an order (the server's row, or the client's cached record)."""

    id: str
    order_no: str
    status: str
    currency: str
    total_minor: int
    lines: tuple[Mapping[str, Any], ...]
    paid_minor: int
    refunded_minor: int
    shipping_minor: int  # the shipping fee paid with the order (0: none)
    shipping_refunded_minor: int
    shipment_status: str
    carrier: str
    reshipments: int  # times it was sent again
    return_window_extensions: int

    @classmethod
    def of(cls, order: Mapping[str, Any], *, queued_refunds_minor: int = 0) -> OrderFacts:
        """From a record whose ``payment``/``shipment`` are dicts. ``queued_refunds_minor``:
        refunds the client queued that the server has not counted yet (caution offline)."""
        payment = order.get("payment") or {}
        shipment = order.get("shipment") or {}
        reshipments = _int(shipment.get("reshipments")) or (1 if shipment.get("reshipped") else 0)
        return cls(
            id=str(order.get("id")),
            order_no=str(order.get("order_no") or ""),
            status=str(order.get("status") or ""),
            currency=str(order.get("currency") or ""),
            total_minor=_int(order.get("total_minor")),
            lines=tuple(x for x in order.get("lines") or [] if isinstance(x, Mapping)),
            paid_minor=_int(payment.get("paid_minor")),
            refunded_minor=_int(payment.get("refunded_minor")) + queued_refunds_minor,
            shipping_minor=_int(payment.get("shipping_minor")),
            shipping_refunded_minor=_int(payment.get("shipping_refunded_minor")),
            shipment_status=str(shipment.get("status") or ShipmentStatus.NOT_SHIPPED.value),
            carrier=str(shipment.get("carrier") or ""),
            reshipments=reshipments,
            return_window_extensions=_int(shipment.get("return_window_extensions")),
        )

    @property
    def refundable_minor(self) -> int:
        """Paid minus already refunded: the most any refund-like action may still move."""
        return max(0, self.paid_minor - self.refunded_minor)

    @property
    def paid(self) -> bool:
        return self.paid_minor > 0 and self.status != OrderStatus.PENDING_PAYMENT.value


@dataclass(frozen=True, slots=True)
class PastAction:
    """An executed action, as the cumulative limits count it."""

    type: ActionType
    amount_minor: int
    currency: str
    at: datetime
    order_id: str | None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> PastAction | None:
        """From a summary entry or an action row (``type``, ``amount_minor``, ``currency``,
        ``at`` or ``executed_at``, ``order_id``); None if it cannot be read."""
        at = parse_moment(data.get("at") or data.get("executed_at"))
        try:
            kind = ActionType(str(data.get("type")))
        except ValueError:
            return None
        if at is None:
            return None
        return cls(
            kind,
            _int(data.get("amount_minor")),
            str(data.get("currency") or ""),
            at,
            data.get("order_id") or None,
        )


@dataclass(frozen=True, slots=True)
class Plan:
    """A request checked against the catalog and the order: what it moves and what it names."""

    type: ActionType
    amount_minor: int
    line_skus: tuple[str, ...]
    items: tuple[str, ...]  # the lines' titles, for messages
    days: int | None
    order_total_minor: int | None
    refundable_minor: int | None
    # an exchange: (ordered sku, variant sku sent instead), in the order of the lines
    replacements: tuple[tuple[str, str], ...] = ()


def _lines(
    order: OrderFacts, skus: Iterable[str] | None, *, required: bool
) -> list[Mapping[str, Any]]:
    if not skus:
        if required:
            raise InvalidArguments("choose the order lines (line_skus)")
        return list(order.lines)
    wanted = list(dict.fromkeys(skus))
    by_sku = {str(line.get("sku")): line for line in order.lines}
    missing = [s for s in wanted if s not in by_sku]
    if missing:
        raise InvalidArguments(f"not on this order: {', '.join(missing)[:200]}")
    return [by_sku[s] for s in wanted]


def _value(lines: Iterable[Mapping[str, Any]]) -> int:
    return sum(
        _int(line.get("unit_price_minor")) * (_int(line.get("quantity")) or 1) for line in lines
    )


def _titles(lines: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    return tuple(str(line.get("title") or line.get("sku")) for line in lines)


def variants(line: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The sizes or colours an order line's item comes in (``sku``, ``title``; the ordered one
    too), as the shop's order record lists them (empty: the item has no variants)."""
    out = line.get("variants") or []
    return [v for v in out if isinstance(v, Mapping) and v.get("sku")]


def _exchange(
    lines: Iterable[Mapping[str, Any]], wanted: Mapping[str, Any]
) -> dict[str, Mapping[str, Any]]:
    """Check an exchange's choices: each names a chosen line and one of its variants. Returns
    the variant sent instead, by the ordered sku (lines sent as ordered are left out)."""
    by_sku = {str(line.get("sku")): line for line in lines}
    out: dict[str, Mapping[str, Any]] = {}
    for sku, replacement in wanted.items():
        line = by_sku.get(str(sku))
        if line is None:
            raise InvalidArguments(f"replacements name {str(sku)[:64]}, not a chosen item")
        if str(replacement) == str(sku):
            continue
        variant = next((v for v in variants(line) if str(v["sku"]) == str(replacement)), None)
        if variant is None:
            raise InvalidArguments(
                f"{str(replacement)[:64]} is not a variant of {str(sku)[:64]}",
                code="unknown_variant",
            )
        out[str(sku)] = variant
    return out


def _check_refundable(order: OrderFacts, amount: int) -> int:
    if not order.paid or order.status == OrderStatus.CANCELLED.value:
        raise OrderNotRefundable("the order was never paid or is cancelled: nothing to refund")
    if order.status == OrderStatus.REFUNDED.value or order.refundable_minor == 0:
        raise InvalidState("the order was refunded in full already", code="order_closed")
    left = order.refundable_minor
    if amount > left:
        raise AmountExceedsRefundable(
            f"{format_money(amount, order.currency)} is more than the "
            f"{format_money(left, order.currency)} left to refund on order {order.order_no}"
        )
    return left


def plan_action(
    kind: ActionType,
    params: Mapping[str, Any],
    order: OrderFacts | None,
    *,
    customer_currency: str,
    currency: str,
) -> Plan:
    """Check a request against the catalog and the order's state; raises the precise refusal.

    ``params``: what the agent chose (``amount_minor``, ``line_skus``, ``days``,
    ``coupon_value_minor``), absent or None when not given.
    """
    given = {k for k, v in params.items() if v is not None and v != []}
    extra = given - catalog.param_names(kind)
    if extra:
        raise InvalidArguments(f"{kind.value} takes no {', '.join(sorted(extra))}")
    missing = catalog.required_params(kind) - given
    if missing:
        raise InvalidArguments(f"{kind.value} needs {', '.join(sorted(missing))}")
    if catalog.CATALOG[kind]["needs_order"] and order is None:
        raise InvalidArguments(f"{kind.value} needs an order")
    expected = order.currency if order is not None else customer_currency
    if currency != expected:
        raise CurrencyMismatch(f"the {'order' if order else 'customer'} is in {expected}")
    amount_given = _int(params.get("amount_minor"))
    days = _int(params.get("days")) or None
    if order is None:  # a coupon or store credit without an order
        amount = _int(params.get("coupon_value_minor")) or amount_given
        return Plan(kind, amount, (), (), None, None, None)
    total = order.total_minor
    shipment = order.shipment_status
    if kind is A.REFUND:
        left = _check_refundable(order, amount_given)
        return Plan(kind, amount_given, (), (), None, total, left)
    if kind is A.REFUND_NO_RETURN:
        lines = _lines(order, params.get("line_skus"), required=True)
        value = _value(lines)
        amount = amount_given or value
        if amount > value:
            raise InvalidArguments(
                f"{format_money(amount, currency)} is more than the items' "
                f"{format_money(value, currency)}"
            )
        left = _check_refundable(order, amount)
        if shipment != ShipmentStatus.DELIVERED.value:
            raise InvalidState(
                "the customer keeps the item only once it has been delivered", code="not_delivered"
            )
        skus = tuple(str(x.get("sku")) for x in lines)
        return Plan(kind, amount, skus, _titles(lines), None, total, left)
    if kind is A.REFUND_SHIPPING:
        if order.shipping_minor <= 0:
            raise InvalidState("this order paid no shipping fee", code="no_shipping_fee")
        if order.shipping_refunded_minor > 0:
            raise InvalidState(
                "the shipping fee was refunded already", code="shipping_already_refunded"
            )
        if amount_given > order.shipping_minor:
            raise InvalidState(
                f"the shipping fee was {format_money(order.shipping_minor, currency)}",
                code="amount_exceeds_shipping_fee",
            )
        left = _check_refundable(order, amount_given)
        return Plan(kind, amount_given, (), (), None, total, left)
    if kind in (A.COUPON, A.STORE_CREDIT):  # goodwill: the order only gives the context
        amount = _int(params.get("coupon_value_minor")) or amount_given
        return Plan(kind, amount, (), (), None, total, None)
    if order.status in _CLOSED:
        raise InvalidState(f"the order is {order.status}", code="order_closed")
    if kind is A.CANCEL_ORDER:
        if shipment not in _NOT_YET_SHIPPED:
            raise InvalidState(
                "the order has shipped: it can no longer be cancelled", code="already_shipped"
            )
        left = order.refundable_minor
        return Plan(kind, left, (), (), None, total, left)
    if kind is A.RESHIP:
        if shipment not in _SHIPPED:
            raise InvalidState(
                "the order has not shipped yet (or came back): nothing to reship",
                code="not_shipped",
            )
        lines = _lines(order, params.get("line_skus"), required=False)
        skus = tuple(str(x.get("sku")) for x in lines)
        sent = _exchange(lines, params.get("replacements") or {})
        titles = tuple(
            str(sent[sku].get("title") or sent[sku]["sku"]) if sku in sent else title
            for sku, title in zip(skus, _titles(lines), strict=True)
        )
        swaps = tuple((sku, str(sent[sku]["sku"])) for sku in skus if sku in sent)
        return Plan(kind, _value(lines), skus, titles, None, total, None, swaps)
    if kind is A.EXPEDITE_SHIPPING:
        if shipment in _ARRIVED:
            raise InvalidState("the order has been delivered already", code="already_delivered")
        return Plan(kind, 0, (), (), None, total, None)
    # extend the return window
    if shipment != ShipmentStatus.DELIVERED.value:
        raise InvalidState(
            "the return window starts when the order is delivered", code="not_delivered"
        )
    return Plan(kind, 0, (), (), days, total, None)


def refusal(
    kind: ActionType,
    params: Mapping[str, Any],
    order: OrderFacts | None,
    *,
    customer_currency: str,
    currency: str,
) -> str | None:
    """The refusal's code, or None when :func:`plan_action` accepts the request."""
    try:
        plan_action(kind, params, order, customer_currency=customer_currency, currency=currency)
    except (
        InvalidArguments,
        InvalidState,
        OrderNotRefundable,
        AmountExceedsRefundable,
        CurrencyMismatch,
    ) as exc:
        return exc.code
    return None


def case_use(
    kind: ActionType,
    order: OrderFacts | None,
    past: Iterable[PastAction],
    *,
    now: datetime,
    window_days: int,
    currency: str,
) -> CaseUse:
    """What the cumulative limits count for a new ``kind`` action: this type on this order and
    for this customer, and all compensation for the customer, over the last ``window_days``
    (in ``currency``); and how often this type ran on this order (ever)."""
    since = now - timedelta(days=window_days)
    order_minor = customer_minor = compensation = order_count = 0
    for action in past:
        on_order = order is not None and action.order_id == order.id
        if on_order and action.type is kind:
            order_count += 1
        if action.at < since or action.currency != currency:
            continue
        if action.type is kind:
            customer_minor += action.amount_minor
            if on_order:
                order_minor += action.amount_minor
        if action.type in COMPENSATION_ACTIONS:
            compensation += action.amount_minor
    if order is not None:  # the order's own record counts what ran on it, whatever is synced
        if kind is A.RESHIP:
            order_count = max(order_count, order.reshipments)
        elif kind is A.EXTEND_RETURN_WINDOW:
            order_count = max(order_count, order.return_window_extensions)
    return CaseUse(order_minor, customer_minor, compensation, order_count)


SUMMARY_WINDOW_DAYS = 90
"""How far back the customer's compensation summary lists executed actions (the longest window
a policy may have): the client previews the cumulative limits from it as the server counts."""


def summary_window(past: Iterable[PastAction], now: datetime) -> list[dict[str, Any]]:
    """The summary's ``window`` entries: the executed actions of the last 90 days, newest first
    (at most 500), in the shape :meth:`PastAction.of` reads."""
    since = now - timedelta(days=SUMMARY_WINDOW_DAYS)
    recent = sorted((x for x in past if x.at >= since), key=lambda x: x.at, reverse=True)
    return [
        {
            "type": x.type.value,
            "amount_minor": x.amount_minor,
            "currency": x.currency,
            "at": x.at.isoformat(),
            "order_id": x.order_id,
        }
        for x in recent[:500]
    ]


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def customer_message(
    kind: ActionType,
    plan: Plan,
    *,
    customer_name: str,
    locale: str,
    order_no: str | None,
    currency: str,
    result: Mapping[str, Any] | None,
) -> str:
    """The catalog's template filled in the customer's language. ``result``: what the execution
    returned (a coupon code, a tracking number…); None for a preview, whose execution-only
    details show as "…"."""
    zh = locale.lower().startswith("zh")
    entry = catalog.CATALOG[kind]
    template = str(entry["template_zh" if zh else "template_en"])
    if kind is A.CANCEL_ORDER and plan.amount_minor == 0:
        template = catalog.CANCEL_UNPAID["zh" if zh else "en"]
    if kind is A.RESHIP and plan.replacements:
        template = catalog.RESHIP_EXCHANGE["zh" if zh else "en"]
    names = list(plan.items)
    items = ("、" if _is_chinese("".join(names)) else ", ").join(names)
    done = result or {}

    def later(value: str | None) -> str:  # known only once it ran
        return value if value else ("…" if result is None else "")

    values = {
        "customer_name": customer_name,
        "order_no": order_no or "",
        "amount": format_money(plan.amount_minor, currency),
        "items": items or ("商品" if zh else "the items"),
        "code": later(str(done.get("code") or "")),
        "expires": later(format_date(done.get("expires_at"), locale)),
        "carrier": later(str(done.get("carrier") or "")),
        "tracking_no": later(str(done.get("tracking_no") or "")),
        "eta": later(format_date(done.get("eta"), locale)),
        "days": str(plan.days or ""),
        "until": later(format_date(done.get("return_window_until"), locale)),
    }
    return template.format_map(values)
