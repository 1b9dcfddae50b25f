"""What fits the case: the actions a scenario suggests, the reason they are run for, the variant
an exchange sends, and what the customer hears while a supervisor decides.

Written once, here; the Actions tab proposes from it, and the server writes the outcome messages
with it. Scenario ids are the shipped knowledge base's (``server/demo/articles.py``); a scenario
this table does not know suggests nothing, so every action keeps its catalog order and no reason is
picked for the agent.

Reasons never default silently to a list's first entry: :func:`default_reason` gives the reason the
customer's words or the scenario name, or None — and then the agent chooses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from agent_desk.core import catalog
from agent_desk.core.enums import ActionType
from agent_desk.core.knowledge import damage_cue, normalize
from agent_desk.core.money import format_money

A = ActionType

PLAYBOOK: dict[str, tuple[tuple[ActionType, ...], str | None]] = {
    # scenario: (the actions it suggests, best first; the reason it names)
    "where_is_my_parcel": ((A.EXPEDITE_SHIPPING, A.RESHIP, A.COUPON), "late_delivery"),
    "delivery_delay": ((A.EXPEDITE_SHIPPING, A.COUPON, A.REFUND_SHIPPING), "late_delivery"),
    "cancel_order": ((A.CANCEL_ORDER,), "customer_request"),
    "address_change": ((A.CANCEL_ORDER,), "customer_request"),
    "payment_failed": ((A.REFUND,), "duplicate_charge"),
    "damaged_item": ((A.REFUND_NO_RETURN, A.RESHIP, A.REFUND), "damaged"),
    "return_exchange": ((A.RESHIP, A.REFUND, A.EXTEND_RETURN_WINDOW), "customer_request"),
    "size_advice": ((A.RESHIP, A.EXTEND_RETURN_WINDOW), "size_issue"),
    "warranty_repair": ((A.RESHIP, A.REFUND), "quality_issue"),
    "coupon_promotion": ((A.COUPON,), "goodwill"),
}

APPROVAL_HOURS = 4
"""How soon the holding message promises a supervisor's decision (the approval queue's target)."""

# what the customer's words say the problem is (checked before the scenario's own reason)
_SIZE_ZH = (
    "尺码", "尺寸", "码数", "大了", "小了", "偏大", "偏小", "大一码", "小一码", "换码", "不合身",
)  # fmt: skip
_SIZE_EN = re.compile(
    r"\b(?:size|sizes|too (?:small|big|large|tight|loose)|fits?|bigger|smaller|larger)\b"
)
_WRONG_ZH = ("发错", "不是我买的", "不是我订的")
_WRONG_EN = re.compile(r"\bwrong (?:item|product|colou?r|one)\b")
_MISSING_ZH = ("少发", "漏发", "少了一", "缺了")
_MISSING_EN = re.compile(r"\b(?:missing|only got|wasn'?t in the (?:box|parcel))\b")
_LOST_ZH = ("丢件", "丢了", "没收到", "显示已签收")
_LOST_EN = re.compile(r"\b(?:lost|never (?:arrived|received|came)|not received)\b")


def _has(folded: str, words: Sequence[str], pattern: re.Pattern[str]) -> bool:
    return any(w in folded for w in words) or pattern.search(folded) is not None


def cue_reasons(text: str) -> list[str]:
    """The reasons the customer's words name, most specific first (damage, wrong item, missing
    item, size, lost parcel)."""
    folded = normalize(text)
    out = []
    if damage_cue(text) is not None:
        out.append("damaged")
    if _has(folded, _WRONG_ZH, _WRONG_EN):
        out.append("wrong_item")
    if _has(folded, _MISSING_ZH, _MISSING_EN):
        out.append("missing_item")
    if _has(folded, _SIZE_ZH, _SIZE_EN):
        out.append("size_issue")
    if _has(folded, _LOST_ZH, _LOST_EN):
        out.append("lost_parcel")
    return out


def suggested_actions(scenario: str | None) -> tuple[ActionType, ...]:
    """The actions the scenario suggests, best first (empty: none)."""
    return PLAYBOOK.get(scenario or "", ((), None))[0]


def default_reason(kind: ActionType, scenario: str | None, text: str) -> str | None:
    """The reason to preselect for ``kind``: what the customer's words name, else the scenario's,
    provided the action takes it; None when neither fits (the agent chooses)."""
    allowed = catalog.reason_codes(kind)
    wanted = [*cue_reasons(text), PLAYBOOK.get(scenario or "", ((), None))[1]]
    return next((code for code in wanted if code in allowed), None)


# --- exchanges: which variant to send ------------------------------------------------------------

_BIGGER = ("大一码", "大一号", "换大", "小了", "偏小", "紧了", "bigger", "larger", "size up")
_SMALLER = ("小一码", "小一号", "换小", "大了", "偏大", "松了", "smaller", "size down")
_BIGGER_EN = re.compile(r"\btoo (?:small|tight)\b")
_SMALLER_EN = re.compile(r"\btoo (?:big|large|loose)\b")


def _label(title: str, ordered: str) -> str:
    """What tells a variant's title from the ordered one ("42码", "US 10", "XL")."""
    mine, theirs = title.split(), ordered.split()
    while mine and theirs and mine[0] == theirs[0]:
        mine, theirs = mine[1:], theirs[1:]
    while mine and theirs and mine[-1] == theirs[-1]:
        mine, theirs = mine[:-1], theirs[:-1]
    return " ".join(mine)


def _named(label: str, folded: str) -> bool:
    core = normalize(label).removesuffix("码").removeprefix("us ").strip()
    if not core:
        return False
    if core.isdigit():
        return re.search(rf"(?<![\d.]){re.escape(core)}(?![\d.])", folded) is not None
    # a letter size is a word of its own: not the "s" of "it's" nor the "m" of "I'm"
    return re.search(rf"(?<![a-z'’]){re.escape(core)}(?![a-z'’])", folded) is not None


def suggest_variant(line: Mapping[str, Any], text: str) -> str | None:
    """The sku an exchange of ``line`` should send, from the customer's words: a variant they
    name ("想换42码", "can I get an M"), else the next size up or down when they say it is too
    small or too big; None when the words do not say (send the same again)."""
    variants = [v for v in line.get("variants") or [] if isinstance(v, Mapping) and v.get("sku")]
    sku, title = str(line.get("sku")), str(line.get("title") or "")
    if not variants:
        return None
    folded = normalize(text)
    for variant in variants:
        vsku = str(variant["sku"])
        if vsku != sku and _named(_label(str(variant.get("title") or ""), title), folded):
            return vsku
    order = [str(v["sku"]) for v in variants]
    if sku not in order:
        return None
    at = order.index(sku)
    if any(w in folded for w in _BIGGER) or _BIGGER_EN.search(folded):
        return order[at + 1] if at + 1 < len(order) else None
    if any(w in folded for w in _SMALLER) or _SMALLER_EN.search(folded):
        return order[at - 1] if at > 0 else None
    return None


# --- what the customer hears while, and once, a supervisor decides -------------------------------


_WHAT: dict[ActionType, tuple[str, str]] = {
    A.REFUND: ("退款 {amount}", "your refund of {amount}"),
    A.REFUND_NO_RETURN: ("退款 {amount}（无需退货）", "your refund of {amount}, keeping the item"),
    A.RESHIP: ("重新发货", "sending your items again"),
    A.COUPON: ("{amount} 补偿优惠券", "a {amount} coupon"),
    A.STORE_CREDIT: ("{amount} 账户余额补偿", "{amount} of store credit"),
    A.CANCEL_ORDER: ("取消订单", "the cancellation"),
    A.REFUND_SHIPPING: ("运费退款 {amount}", "refunding the {amount} shipping fee"),
    A.EXPEDITE_SHIPPING: ("加急配送", "express delivery"),
    A.EXTEND_RETURN_WINDOW: ("延长退换货期", "a longer return window"),
}


def _what(kind: ActionType, amount_minor: int, currency: str, zh: bool) -> str:
    phrase = _WHAT[kind][0 if zh else 1]
    return phrase.format(amount=format_money(amount_minor, currency))


_TOLD = {
    # (zh, en): what the customer hears while a supervisor decides, and when it is turned down
    "holding": (
        "{name}您好，{where_zh}{what} 需要主管审批，我已为您提交申请，通常 {hours} 小时内会有结果，"
        "结果出来后会第一时间在这里告诉您。",
        "Hi {name}, I've asked my supervisor to approve {what}{where_en}; you'll hear from us "
        "here within {hours} hours.",
    ),
    "denied": (
        "{name}您好，{where_zh}{what} 这次未能通过审批，非常抱歉。我们会在这里继续跟进，"
        "为您提供其他解决办法。",
        "Hi {name}, we're sorry, but we couldn't approve {what}{where_en} this time. We'll "
        "follow up here with what we can do for you.",
    ),
}


def _told(
    which: str,
    kind: ActionType,
    *,
    amount_minor: int,
    currency: str,
    customer_name: str,
    order_no: str | None,
    locale: str,
) -> str:
    zh = locale.lower().startswith("zh")
    template = _TOLD[which][0 if zh else 1]
    return template.format(
        name=customer_name,
        what=_what(kind, amount_minor, currency, zh),
        where_zh=f"订单 {order_no} 的" if order_no else "",
        where_en=f" for order {order_no}" if order_no else "",
        hours=APPROVAL_HOURS,
    )


def holding_message(kind: ActionType, **facts: Any) -> str:
    """What the agent tells the customer while a supervisor decides (the composer proposes it).
    ``facts``: ``amount_minor``, ``currency``, ``customer_name``, ``order_no``, ``locale``."""
    return _told("holding", kind, **facts)


def denied_message(kind: ActionType, **facts: Any) -> str:
    """What the customer is told when a supervisor turns the request down (the server sends it:
    a customer who was told to wait hears the outcome either way)."""
    return _told("denied", kind, **facts)


def _item_name(title: str) -> str:
    """The item's name without its variant ("Trail Runner – Black / US 9" → "trail runner",
    "跑鞋 黑色 44码" → "跑鞋")."""
    head = title.split(" – ", 1)[0].split(" / ", 1)[0]
    if any("\u4e00" <= ch <= "\u9fff" for ch in head):
        head = head.split()[0] if head.split() else head
    return normalize(head).strip()


def mentioned_lines(lines: Sequence[Mapping[str, Any]], text: str) -> list[str]:
    """The skus of the order lines whose item the customer names (the action is for them)."""
    folded = normalize(text)
    out = []
    for line in lines:
        name = _item_name(str(line.get("title") or ""))
        if len(name) >= 2 and name in folded:
            out.append(str(line.get("sku")))
    return out
