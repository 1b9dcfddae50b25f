"""Signatures on channel deliveries (inbound webhooks today; outbound deliveries and receipts
use the same scheme).

The sender puts two headers on the request::

    X-Agent-Desk-Timestamp: 1764748800            (Unix seconds, when it was signed)
    X-Agent-Desk-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<channel>." + body)>

The channel is inside what is signed, so a body signed for ``/inbound/chat`` is refused on
``/inbound/email``; the timestamp is inside too, and the receiver refuses a timestamp more than
:data:`REPLAY_WINDOW_S` (5 minutes) away from its own clock, so a captured request cannot be
replayed later. Within the window, the receiver drops a repeated ``external_id`` as a duplicate.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Agent-Desk-Signature"
TIMESTAMP_HEADER = "X-Agent-Desk-Timestamp"
REPLAY_WINDOW_S = 300


def signed_message(timestamp: str, channel: str, body: bytes) -> bytes:
    """The bytes the HMAC covers. Frozen: every integrator computes exactly this."""
    return f"{timestamp}.{channel}.".encode() + body


def sign(secret: bytes, timestamp: str, channel: str, body: bytes) -> str:
    """The signature header value: ``sha256=<hex digest>``."""
    digest = hmac.new(secret, signed_message(timestamp, channel, body), hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def signed_headers(
    secret: bytes, channel: str, body: bytes, *, now: float | None = None
) -> dict[str, str]:
    """Both headers for a request carrying ``body`` to ``channel``, signed now."""
    timestamp = str(int(time.time() if now is None else now))
    return {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: sign(secret, timestamp, channel, body)}


def signature_problem(
    secret: bytes,
    channel: str,
    body: bytes,
    *,
    timestamp: str | None,
    signature: str | None,
    now: float | None = None,
) -> str | None:
    """Why a signed request must be refused (an error code), or None when it holds.

    ``bad_signature``: missing or wrong; ``stale_signature``: the timestamp is outside the
    replay window (or not a number). The comparison is constant-time.
    """
    if not signature or not timestamp:
        return "bad_signature"
    stamp = timestamp.strip()
    if not stamp.isascii() or not stamp.isdigit() or len(stamp) > 12:
        return "stale_signature"
    clock = time.time() if now is None else now
    if abs(clock - int(stamp)) > REPLAY_WINDOW_S:
        return "stale_signature"
    given = signature.strip()
    if given.startswith("sha256="):
        given = given[len("sha256=") :]
    expected = sign(secret, stamp, channel, body)[len("sha256=") :]
    if not hmac.compare_digest(given.lower().encode(), expected.encode()):
        return "bad_signature"
    return None
