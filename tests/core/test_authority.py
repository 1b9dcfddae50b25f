"""Authority policy evaluation (pure): the shipped defaults, each reason, and (de)serialisation."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from agent_desk.core import authority
from agent_desk.core.authority import DEFAULT_POLICY, Decision, PolicyError, evaluate
from agent_desk.core.enums import ActionType, Role, ValueTier

A, R, V = ActionType, Role, ValueTier


def _eval(**kw: Any) -> Decision:
    args: dict[str, Any] = {
        "role": R.AGENT,
        "tier": V.GOLD,
        "action": A.REFUND,
        "amount_minor": 10_000,
        "currency": "CNY",
        "order_total_minor": 1_000_000,
        "refundable_minor": 1_000_000,
        "used_today_minor": 0,
    }
    return evaluate(DEFAULT_POLICY, **(args | kw))


@pytest.mark.parametrize(
    ("tier", "limit"),
    [(V.STANDARD, 20_000), (V.SILVER, 50_000), (V.GOLD, 80_000), (V.PLATINUM, 200_000)],
)
def test_agent_refund_limits_grow_with_the_tier(tier: ValueTier, limit: int) -> None:
    within = _eval(tier=tier, amount_minor=limit)
    assert within.within_authority and within.limit_minor == limit
    above = _eval(tier=tier, amount_minor=limit + 1)
    assert above.allowed and above.needs_approval
    assert above.reason_code == authority.OVER_ACTION_LIMIT


def test_the_message_the_client_shows() -> None:
    d = _eval(amount_minor=10_000, used_today_minor=265_000)
    assert d.reason_code == authority.WITHIN_AUTHORITY
    assert (d.limit_minor, d.remaining_minor, d.daily_total_minor) == (80_000, 235_000, 500_000)
    assert d.message == "up to ¥800.00 for this gold customer; ¥2,350.00 of today's total left"


def test_share_of_the_order_caps_the_limit() -> None:
    d = _eval(tier=V.PLATINUM, amount_minor=60_000, order_total_minor=50_000, refundable_minor=None)
    assert d.limit_minor == 50_000 and d.reason_code == authority.OVER_ACTION_LIMIT


def test_more_than_refundable_is_refused() -> None:
    d = _eval(amount_minor=5_000, refundable_minor=4_999)
    assert not d.allowed and d.reason_code == authority.AMOUNT_EXCEEDS_REFUNDABLE
    assert "¥49.99 left to refund" in d.message


def test_daily_total() -> None:
    d = _eval(amount_minor=20_000, used_today_minor=490_000)
    assert d.needs_approval and d.reason_code == authority.OVER_DAILY_TOTAL
    assert d.remaining_minor == 10_000
    # a reship has a value and limits, but it is not money paid out: no daily total
    r = _eval(action=A.RESHIP, amount_minor=50_000, used_today_minor=500_000)
    assert r.within_authority
    # cancelling counts when money goes back (issue 11); an unpaid order's cancel moves nothing
    c = _eval(action=A.CANCEL_ORDER, amount_minor=150_000, used_today_minor=500_000)
    assert c.needs_approval and c.reason_code == authority.OVER_DAILY_TOTAL
    assert _eval(action=A.CANCEL_ORDER, amount_minor=0, used_today_minor=500_000).within_authority


def test_refund_without_return_from_gold_up() -> None:
    for tier in (V.STANDARD, V.SILVER):
        d = _eval(action=A.REFUND_NO_RETURN, tier=tier, amount_minor=1_000)
        assert d.needs_approval and d.reason_code == authority.NOT_AUTHORIZED_FOR_TIER
    assert _eval(action=A.REFUND_NO_RETURN, tier=V.GOLD, amount_minor=30_000).within_authority
    assert _eval(action=A.REFUND_NO_RETURN, tier=V.GOLD, amount_minor=30_001).needs_approval
    assert _eval(action=A.REFUND_NO_RETURN, tier=V.PLATINUM, amount_minor=80_000).within_authority
    sup = _eval(role=R.SUPERVISOR, action=A.REFUND_NO_RETURN, tier=V.STANDARD, amount_minor=50_000)
    assert sup.within_authority


@pytest.mark.parametrize(
    ("tier", "limit"),
    [(V.STANDARD, 5_000), (V.SILVER, 10_000), (V.GOLD, 20_000), (V.PLATINUM, 30_000)],
)
def test_coupons(tier: ValueTier, limit: int) -> None:
    assert _eval(action=A.COUPON, tier=tier, amount_minor=limit).within_authority
    assert _eval(action=A.COUPON, tier=tier, amount_minor=limit + 1).needs_approval


def test_experts_cannot_act_admins_have_no_amount_limit() -> None:
    expert = _eval(role=R.EXPERT)
    assert not expert.allowed and expert.reason_code == authority.ROLE_CANNOT_ACT
    admin = _eval(role=R.ADMIN, amount_minor=150_000, order_total_minor=150_000)
    assert admin.within_authority and admin.limit_minor == 150_000  # 100% of the order
    big = {"order_total_minor": 10**7, "refundable_minor": 10**7}
    assert _eval(role=R.SUPERVISOR, amount_minor=800_000, **big).within_authority


def test_another_currency_needs_an_approver() -> None:
    d = _eval(currency="USD", amount_minor=1_000)
    assert d.needs_approval and d.reason_code == authority.CURRENCY_NOT_IN_POLICY
    approver = _eval(role=R.SUPERVISOR, currency="USD", amount_minor=1_000, for_approval=True)
    assert approver.within_authority and approver.limit_minor == 1_000_000  # the share holds
    assert _eval(currency="USD", action=A.EXPEDITE_SHIPPING, amount_minor=0).within_authority


def test_round_trip_and_validation() -> None:
    data = authority.policy_to_dict(DEFAULT_POLICY)
    assert authority.policy_from_dict(data) == DEFAULT_POLICY
    assert len(DEFAULT_POLICY.limits) == 3 * 4 * len(ActionType)
    assert not DEFAULT_POLICY.can_act(R.EXPERT)
    bad_rows = [
        data | {"limits": data["limits"] + data["limits"][:1]},
        data | {"currency": "cny"},
        data | {"limits": [data["limits"][0] | {"max_share": 2}]},
        data | {"limits": [data["limits"][0] | {"max_minor": -1}]},
        data | {"limits": [data["limits"][0] | {"tier": "diamond"}]},
        data | {"daily_total_minor": {"wizard": 1}},
        data | {"version": 0},
        {"limits": "nope"},
    ]
    for bad in bad_rows:
        with pytest.raises(PolicyError):
            authority.policy_from_dict(bad)


def test_decisions_are_plain_values() -> None:
    d = _eval()
    assert dataclasses.asdict(d)["reason_code"] == "within_authority"
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.allowed = False  # type: ignore[misc]
