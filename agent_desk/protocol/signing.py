"""Signatures on inbound channel deliveries: HMAC-SHA256 of the raw body with a shared secret."""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Agent-Desk-Signature"


def sign_body(secret: bytes, body: bytes) -> str:
    """The header value for ``body``: ``sha256=<hex digest>``."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify_signature(secret: bytes, body: bytes, header: str | None) -> bool:
    """Constant-time check of a header value (``sha256=`` prefix optional)."""
    if not header:
        return False
    given = header.strip()
    if given.startswith("sha256="):
        given = given[len("sha256=") :]
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(given.lower(), expected)
