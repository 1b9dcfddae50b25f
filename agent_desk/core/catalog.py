"""The action catalog: what each resolution action takes (its parameters), why it may be run
(reason codes), and what the customer is told (templates, zh and en). Pure data, read by the rule
book (``core.resolution``) on both sides; the server also stores it (entity ``action_type``) so
every client has the labels.

Template placeholders: ``{customer_name}``, ``{order_no}``, ``{amount}``, ``{items}``, ``{code}``,
``{expires}``, ``{carrier}``, ``{tracking_no}``, ``{eta}``, ``{days}``, ``{until}``.
"""

from __future__ import annotations

from typing import Any

from agent_desk.core.authority import MONEY_ACTIONS
from agent_desk.core.enums import ActionType

A = ActionType

REASONS: dict[str, tuple[str, str]] = {
    "damaged": ("商品损坏", "Damaged item"),
    "wrong_item": ("发错商品", "Wrong item sent"),
    "missing_item": ("少发漏发", "Item missing from the parcel"),
    "late_delivery": ("配送延误", "Late delivery"),
    "lost_parcel": ("包裹丢失", "Lost parcel"),
    "not_as_described": ("与描述不符", "Not as described"),
    "size_issue": ("尺码不合适", "Size doesn't fit"),
    "quality_issue": ("质量问题", "Quality problem"),
    "goodwill": ("客户关怀", "Goodwill gesture"),
    "duplicate_charge": ("重复扣款", "Charged twice"),
    "customer_request": ("客户要求", "Customer's request"),
}


def _param(name: str, kind: str, required: bool) -> dict[str, Any]:
    return {"name": name, "kind": kind, "required": required}


def _reasons(*codes: str) -> list[dict[str, str]]:
    return [{"code": c, "label_zh": REASONS[c][0], "label_en": REASONS[c][1]} for c in codes]


_ENTRIES: list[dict[str, Any]] = [
    {
        "id": A.REFUND,
        "label_zh": "退款",
        "label_en": "Refund",
        "params": [_param("amount_minor", "money", True)],
        "reason_codes": _reasons(
            "damaged",
            "wrong_item",
            "not_as_described",
            "quality_issue",
            "size_issue",
            "late_delivery",
            "lost_parcel",
            "duplicate_charge",
            "customer_request",
        ),
        "needs_order": True,
        "template_zh": (
            "{customer_name}您好，订单 {order_no} 的退款 {amount} 已原路退回，"
            "预计 1-3 个工作日到账。"
        ),
        "template_en": (
            "Hi {customer_name}, we've refunded {amount} for order {order_no} to your original "
            "payment; it usually arrives within 1–3 business days."
        ),
    },
    {
        "id": A.REFUND_NO_RETURN,
        "label_zh": "仅退款（无需退货）",
        "label_en": "Refund, keep the item",
        "params": [_param("line_skus", "lines", True), _param("amount_minor", "money", False)],
        "reason_codes": _reasons(
            "damaged", "wrong_item", "not_as_described", "quality_issue", "size_issue", "goodwill"
        ),
        "needs_order": True,
        "template_zh": (
            "{customer_name}您好，订单 {order_no} 中的 {items} 无需寄回，{amount} 已原路退回，"
            "预计 1-3 个工作日到账。给您添麻烦了，非常抱歉。"
        ),
        "template_en": (
            "Hi {customer_name}, there's no need to send back {items} from order {order_no}: "
            "we've refunded {amount} to your original payment, usually within 1–3 business "
            "days. Sorry for the trouble."
        ),
    },
    {
        "id": A.RESHIP,
        "label_zh": "补发 / 换货重发",
        "label_en": "Reship or exchange",
        "params": [_param("line_skus", "lines", False), _param("replacements", "variants", False)],
        "reason_codes": _reasons(
            "lost_parcel", "damaged", "wrong_item", "missing_item", "size_issue", "quality_issue"
        ),
        "needs_order": True,
        "template_zh": (
            "{customer_name}您好，订单 {order_no} 的 {items} 已为您重新发出，{carrier} 运单号 "
            "{tracking_no}，预计 {eta} 送达。"
        ),
        "template_en": (
            "Hi {customer_name}, we've sent {items} from order {order_no} again: {carrier} "
            "tracking number {tracking_no}, expected by {eta}."
        ),
    },
    {
        "id": A.COUPON,
        "label_zh": "补偿优惠券",
        "label_en": "Compensation coupon",
        "params": [_param("coupon_value_minor", "money", True)],
        "reason_codes": _reasons("late_delivery", "damaged", "not_as_described", "goodwill"),
        "needs_order": False,
        "template_zh": (
            "{customer_name}您好，为表歉意，我们已向您的账户发放一张 {amount} 的优惠券"
            "（券码 {code}），有效期至 {expires}。"
        ),
        "template_en": (
            "Hi {customer_name}, to make up for this we've added a {amount} coupon to your "
            "account (code {code}), valid until {expires}."
        ),
    },
    {
        "id": A.STORE_CREDIT,
        "label_zh": "账户余额补偿",
        "label_en": "Store credit",
        "params": [_param("amount_minor", "money", True)],
        "reason_codes": _reasons("goodwill", "late_delivery", "damaged", "duplicate_charge"),
        "needs_order": False,
        "template_zh": (
            "{customer_name}您好，我们已向您的账户存入 {amount} 余额，下次下单时可直接抵扣。"
        ),
        "template_en": (
            "Hi {customer_name}, we've added {amount} of store credit to your account; it's "
            "applied automatically at your next checkout."
        ),
    },
    {
        "id": A.CANCEL_ORDER,
        "label_zh": "取消订单",
        "label_en": "Cancel order",
        "params": [],
        "reason_codes": _reasons("customer_request", "late_delivery", "duplicate_charge"),
        "needs_order": True,
        "template_zh": (
            "{customer_name}您好，订单 {order_no} 已为您取消，已支付的 {amount} 将原路退回，"
            "预计 1-3 个工作日到账。"
        ),
        "template_en": (
            "Hi {customer_name}, order {order_no} is cancelled; the {amount} you paid goes back "
            "to your original payment within 1–3 business days."
        ),
    },
    {
        "id": A.REFUND_SHIPPING,
        "label_zh": "退运费",
        "label_en": "Refund shipping fee",
        "params": [_param("amount_minor", "money", True)],
        "reason_codes": _reasons("late_delivery", "damaged", "wrong_item", "goodwill"),
        "needs_order": True,
        "template_zh": (
            "{customer_name}您好，订单 {order_no} 的运费 {amount} 已原路退回，"
            "预计 1-3 个工作日到账。"
        ),
        "template_en": (
            "Hi {customer_name}, we've refunded the {amount} shipping fee for order {order_no} "
            "to your original payment; it usually arrives within 1–3 business days."
        ),
    },
    {
        "id": A.EXPEDITE_SHIPPING,
        "label_zh": "加急配送",
        "label_en": "Expedite shipping",
        "params": [],
        "reason_codes": _reasons("late_delivery", "lost_parcel", "goodwill", "customer_request"),
        "needs_order": True,
        "template_zh": (
            "{customer_name}您好，订单 {order_no} 已为您升级为加急配送（{carrier}），"
            "预计 {eta} 送达。"
        ),
        "template_en": (
            "Hi {customer_name}, we've upgraded order {order_no} to express delivery with "
            "{carrier}; it should arrive by {eta}."
        ),
    },
    {
        "id": A.EXTEND_RETURN_WINDOW,
        "label_zh": "延长退换货期",
        "label_en": "Extend return window",
        "params": [_param("days", "days", True)],
        "reason_codes": _reasons("customer_request", "goodwill", "late_delivery", "size_issue"),
        "needs_order": True,
        "template_zh": (
            "{customer_name}您好，订单 {order_no} 的退换货期限已为您延长 {days} 天，"
            "可在 {until} 前申请。"
        ),
        "template_en": (
            "Hi {customer_name}, we've extended the return window for order {order_no} by "
            "{days} days: you can start a return until {until}."
        ),
    },
]

CATALOG: dict[ActionType, dict[str, Any]] = {
    ActionType(e["id"]): {
        **e,
        "id": ActionType(e["id"]).value,
        "moves_money": ActionType(e["id"]) in MONEY_ACTIONS,
    }
    for e in _ENTRIES
}
assert set(CATALOG) == set(ActionType), "every action type needs a catalog entry"

# a reship that sends other variants (another size or colour) than were ordered: an exchange
RESHIP_EXCHANGE = {
    "zh": "{customer_name}您好，订单 {order_no} 已为您换货：{items} 已发出，{carrier} 运单号 "
    "{tracking_no}，预计 {eta} 送达。",
    "en": "Hi {customer_name}, your exchange for order {order_no} is on its way: {items}, "
    "{carrier} tracking number {tracking_no}, expected by {eta}.",
}

# a cancelled order that was never paid: nothing goes back
CANCEL_UNPAID = {
    "zh": "{customer_name}您好，订单 {order_no} 已为您取消，该订单未付款，无需退款。",
    "en": "Hi {customer_name}, order {order_no} is cancelled; it was never paid, so there is "
    "nothing to refund.",
}


def param_names(action: ActionType) -> set[str]:
    return {p["name"] for p in CATALOG[action]["params"]}


def required_params(action: ActionType) -> set[str]:
    return {p["name"] for p in CATALOG[action]["params"] if p["required"]}


def reason_codes(action: ActionType) -> set[str]:
    return {r["code"] for r in CATALOG[action]["reason_codes"]}


def reason_label(action: ActionType, code: str, zh: bool) -> str:
    for reason in CATALOG[action]["reason_codes"]:
        if reason["code"] == code:
            return str(reason["label_zh"] if zh else reason["label_en"])
    return code
