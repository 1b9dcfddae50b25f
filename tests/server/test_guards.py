"""The request guards and the sign-in throttle, as pure units (the attack tests drive them over
HTTP): the nesting scan, the signature scheme, the throttle's windows."""

from __future__ import annotations

import contextlib
import json

import pytest

from agent_desk.protocol.signing import (
    REPLAY_WINDOW_S,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign,
    signature_problem,
    signed_headers,
)
from agent_desk.server.auth.throttle import Refused, SignInThrottle
from agent_desk.server.http.guards import nesting_exceeds


@pytest.mark.parametrize(
    ("body", "deep"),
    [
        (b"{}", False),
        (b"[" * 32 + b"]" * 32, False),
        (b"[" * 33 + b"]" * 33, True),
        (json.dumps({"s": "[" * 500}).encode(), False),  # brackets inside a string
        (json.dumps({"s": '\\"[[[[' * 50}).encode(), False),  # escaped quotes inside
        (b'{"a": "\\\\"}' + b"[" * 40, True),  # an escaped backslash ends the string
        (b"not json at all [[[", False),
    ],
)
def test_nesting_scan(body: bytes, deep: bool) -> None:
    assert nesting_exceeds(body, 32) is deep


def test_the_signature_binds_channel_body_and_time() -> None:
    secret, body, now = b"s" * 24, b'{"x": 1}', 1_764_748_800.0
    headers = signed_headers(secret, "chat", body, now=now)
    ts, sig = headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER]
    ok = {"timestamp": ts, "signature": sig}
    assert signature_problem(secret, "chat", body, now=now, **ok) is None
    assert signature_problem(secret, "email", body, now=now, **ok) == "bad_signature"
    assert signature_problem(secret, "chat", body + b" ", now=now, **ok) == "bad_signature"
    assert signature_problem(b"t" * 24, "chat", body, now=now, **ok) == "bad_signature"
    late = now + REPLAY_WINDOW_S + 1
    assert signature_problem(secret, "chat", body, now=late, **ok) == "stale_signature"
    forged_time = {"timestamp": str(int(now) + 10), "signature": sig}
    assert signature_problem(secret, "chat", body, now=now, **forged_time) == "bad_signature"
    for bad in ("", "abc", "-1", "１２３"):
        assert signature_problem(secret, "chat", body, now=now, timestamp=bad, signature=sig)
    assert signature_problem(secret, "chat", body, now=now, timestamp=ts, signature=None)
    assert sign(secret, ts, "chat", body) == sig


def test_the_throttle_counts_before_checking_and_forgives_a_success() -> None:
    clock = [0.0]
    throttle = SignInThrottle(pair_limit=3, user_limit=5, clock=lambda: clock[0])
    held = [throttle.reserve("Alice", "10.0.0.1") for _ in range(3)]  # three in flight
    with pytest.raises(Refused) as refused:
        throttle.reserve("alice", "10.0.0.1")  # counted before any was checked
    assert refused.value.retry_after_s > 0
    throttle.succeeded(held[0])  # the right password: this address is forgiven and known
    throttle.reserve("alice", "10.0.0.1")
    for address in ("10.0.0.2", "10.0.0.3"):
        for _ in range(3):
            with contextlib.suppress(Refused):
                throttle.reserve("alice", address)
    with pytest.raises(Refused):
        throttle.reserve("alice", "10.0.0.9")  # the per-user cap, for unknown addresses
    throttle.reserve("alice", "10.0.0.1")  # her known desk is not held by it
    clock[0] += 901  # both windows pass
    throttle.reserve("alice", "10.0.0.9")


def test_an_attempt_that_never_reached_the_check_is_not_a_failure() -> None:
    throttle = SignInThrottle(pair_limit=1, user_limit=10, clock=lambda: 0.0)
    attempt = throttle.reserve("bob", "a")
    throttle.released(attempt)
    throttle.reserve("bob", "a")
