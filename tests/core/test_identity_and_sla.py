from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from agent_desk.core import sla
from agent_desk.core.enums import Channel, IdentityKind, SlaState
from agent_desk.core.identity import normalize_identity
from agent_desk.core.ids import is_valid_id, new_id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13800138000", "+8613800138000"),
        ("138 0013 8000", "+8613800138000"),
        ("+86 138-0013-8000", "+8613800138000"),
        ("008613800138000", "+8613800138000"),
        ("+1 415 555 0123", "+14155550123"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phone_numbers(raw: str, expected: str) -> None:
    assert normalize_identity(IdentityKind.PHONE, raw) == expected


@pytest.mark.parametrize("raw", ["12", "", "abc", "+1234567890123456789"])
def test_bad_phone_numbers(raw: str) -> None:
    with pytest.raises(ValueError):
        normalize_identity(IdentityKind.PHONE, raw)


def test_emails_and_ids() -> None:
    assert normalize_identity(IdentityKind.EMAIL, "  Li.Na@Example.COM ") == "li.na@example.com"
    with pytest.raises(ValueError):
        normalize_identity(IdentityKind.EMAIL, "no-at-sign")
    assert normalize_identity(IdentityKind.WECHAT_ID, " wx_li ") == "wx_li"


def test_ids_are_uuid7_and_increase() -> None:
    ids = [new_id() for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == 5000
    assert all(is_valid_id(i) and i[14] == "7" for i in ids[:10])
    assert not is_valid_id("not-a-uuid")


def test_chat_clock_on_target_at_risk_breached() -> None:
    policy = sla.DEFAULT_POLICIES[Channel.CHAT]
    t0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    clock = sla.on_inbound(sla.SlaClock(), policy, t0)
    assert sla.response_state(clock, t0 + timedelta(seconds=7)) is SlaState.ON_TARGET
    assert sla.response_state(clock, t0 + timedelta(seconds=8)) is SlaState.AT_RISK
    assert sla.response_state(clock, t0 + timedelta(seconds=60)) is SlaState.BREACHED
    # a second customer message keeps the older start
    assert sla.on_inbound(clock, policy, t0 + timedelta(seconds=30)) == clock
    replied = sla.on_outbound(clock, t0 + timedelta(seconds=5))
    assert replied.first_response_at == t0 + timedelta(seconds=5)
    assert sla.response_state(replied, t0 + timedelta(hours=1)) is SlaState.NONE
    # the next message runs the next-response clock (30 s target)
    nxt = sla.on_inbound(replied, policy, t0 + timedelta(minutes=1))
    assert nxt.response_due_at == t0 + timedelta(minutes=1, seconds=30)
    assert sla.on_resolved(nxt).resolution_due_at is None


def test_email_clock_and_urgency_order() -> None:
    t0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    email = sla.on_inbound(sla.SlaClock(), sla.DEFAULT_POLICIES[Channel.EMAIL], t0)
    assert email.response_due_at == t0 + timedelta(hours=4)
    assert email.response_breach_at == t0 + timedelta(hours=24)
    chat = sla.on_inbound(sla.SlaClock(), sla.DEFAULT_POLICIES[Channel.CHAT], t0)
    now = t0 + timedelta(seconds=20)
    ranked = sorted([email, chat, sla.SlaClock()], key=lambda c: sla.urgency_key(c, now))
    assert ranked == [chat, email, sla.SlaClock()]


def test_policies_are_valid() -> None:
    for policy in sla.DEFAULT_POLICIES.values():
        policy.validate()
    with pytest.raises(ValueError):
        sla.SlaPolicy(Channel.CHAT, 10, 5, 1, 1, 1, 1).validate()
