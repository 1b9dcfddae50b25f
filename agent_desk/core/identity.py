"""Normalising customer identities so the same person is recognised across channels."""

from __future__ import annotations

import re

from agent_desk.core.enums import IdentityKind

_NON_DIGITS = re.compile(r"[^\d]")


def normalize_identity(kind: IdentityKind, value: str) -> str:
    """Return the canonical form used for matching, or raise ValueError if it cannot be one.

    Phones: digits only with a country code; a number written without one (no ``+`` or ``00``)
    that looks like a mainland mobile (11 digits starting with 1) gets 86; emails:
    trimmed and lower-cased; platform ids: trimmed.
    """
    value = value.strip()
    if kind is IdentityKind.PHONE:
        digits = _NON_DIGITS.sub("", value)
        explicit = value.startswith(("+", "00"))
        if value.startswith("00"):
            digits = digits[2:]
        if not explicit and len(digits) == 11 and digits.startswith("1"):
            digits = "86" + digits
        if not 7 <= len(digits) <= 15:
            raise ValueError("not a phone number")
        return "+" + digits
    if kind is IdentityKind.EMAIL:
        value = value.lower()
        local, at, domain = value.partition("@")
        if not at or not local or "." not in domain or " " in value:
            raise ValueError("not an email address")
        return value
    if not value or len(value) > 128:
        raise ValueError("empty or overlong id")
    return value
