"""Facts in a reply that are probably wrong for the case's order (core.knowledge.reply_warnings):
a promised date already past, money that is none of the order's amounts; and ``fill`` reporting
an ``{eta}`` the shipment has outlived."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from agent_desk.core.knowledge import AMOUNT, PAST_DATE, fill, reply_warnings
from agent_desk.core.money import format_date, format_money

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
ORDER = {
    "order_no": "DD20261120001",
    "currency": "CNY",
    "total_minor": 69_900,
    "payment": {"paid_minor": 72_900, "refunded_minor": 10_000},
    "shipment": {
        "status": "in_transit",
        "carrier": "顺丰速运",
        "tracking_no": "SF1234567890",
        "eta": "2026-11-30T08:00:00+00:00",
    },
}


def kinds(text: str, order: object = ORDER) -> list[tuple[str, str]]:
    return [(w.kind, w.text) for w in reply_warnings(text, order, NOW)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past date the reply promises, in every way format_date and agents write one
        ("预计 2026年11月30日 送达", [(PAST_DATE, "2026年11月30日")]),
        ("包裹会在2026年12月1日前送达", [(PAST_DATE, "2026年12月1日")]),
        ("It should arrive by 30 Nov 2026.", [(PAST_DATE, "30 Nov 2026")]),
        ("The current estimate is Nov 30, 2026", [(PAST_DATE, "Nov 30, 2026")]),
        ("ETA: 2026-11-29", [(PAST_DATE, "2026-11-29")]),
        # today and later are fine; so is a past date nobody promises
        ("预计 2026年12月3日 送达", []),
        ("arriving by 5 Dec 2026", []),
        ("您的订单已于 2026年11月30日 签收。预计的补发很快安排", []),
        ("It was delivered on 30 Nov 2026.", []),
        ("2026年2月30日 预计送达", []),  # not a date
    ],
)
def test_a_promised_date_already_past_is_flagged(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the order's total, paid and refunded amounts, as format_money writes them
        (f"订单金额 {format_money(69_900, 'CNY')}", []),
        (f"实付 {format_money(72_900, 'CNY')}，已退 {format_money(10_000, 'CNY')}", []),
        ("已退款 ¥100 到原账户", []),
        ("refund of 100.00 CNY", []),
        ("退款 ¥1,234.00 已原路退回", [(AMOUNT, "¥1,234.00")]),
        ("refund of ¥99.00", [(AMOUNT, "¥99.00")]),
        ("refund of $100.00", [(AMOUNT, "$100.00")]),  # the order is in CNY
        ("refund of 699.00 USD", [(AMOUNT, "699.00 USD")]),
        ("退款 ¥100.005", [(AMOUNT, "¥100.005")]),  # no such amount of money
        ("满 300 元可用，另送 10 元券", []),  # no currency sign or code: not checked
    ],
)
def test_money_that_is_none_of_the_orders_amounts_is_flagged(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(text) == expected


def test_an_amount_the_case_knows_is_not_flagged_and_without_an_order_none_is() -> None:
    text = "我已为您申请退款 ¥299.00，正在等待主管审批"
    assert kinds(text) == [(AMOUNT, "¥299.00")]
    assert reply_warnings(text, ORDER, NOW, known_minor=[29_900]) == []
    assert kinds(text, None) == []
    usd = {"currency": "USD", "total_minor": 2_500, "payment": '{"paid_minor": 2500}'}
    assert kinds("You paid $25.00, not $26.00", usd) == [(AMOUNT, "$26.00")]


def test_warnings_come_in_text_order_with_their_spans() -> None:
    text = "退款 ¥5.00 已退回，补发预计 2026年11月30日 送达"
    warnings = reply_warnings(text, ORDER, NOW)
    assert [w.kind for w in warnings] == [AMOUNT, PAST_DATE]
    assert all(text[w.start : w.end] == w.text for w in warnings)


def test_fill_reports_an_eta_already_past() -> None:
    filled = fill(
        "预计 {eta} 前送达，{carrier} 单号 {tracking_no}", None, ORDER, locale="zh_CN", now=NOW
    )
    assert filled.text.startswith("预计 2026年11月30日 前送达")
    assert [(w.kind, w.text) for w in filled.warnings] == [(PAST_DATE, "2026年11月30日")]
    (warning,) = filled.warnings
    assert filled.text[warning.start : warning.end] == warning.text

    # an estimate still ahead, or the agent's own value for {eta}, is not a warning
    ahead = {**ORDER, "shipment": {**ORDER["shipment"], "eta": "2026-12-04T08:00:00+00:00"}}
    assert fill("by {eta}", None, ahead, locale="en", now=NOW).warnings == []
    assert fill("by {eta}", None, ORDER, extra={"eta": "8 Dec 2026"}, now=NOW).warnings == []
    # "now" in another time zone: the customer's day is what counts
    late_evening = datetime(2026, 11, 30, 23, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert fill("by {eta}", None, ORDER, locale="en", now=late_evening).warnings == []
    # the same date the filled text shows
    assert format_date(ORDER["shipment"]["eta"], "en") == "30 Nov 2026"
