"""Typed domain errors. Each carries a stable machine code; the UI turns codes into messages."""

from __future__ import annotations


class DomainError(Exception):
    """A refusal that will not change on retry (a permanent rejection)."""

    code = "rejected"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message


class NotFound(DomainError):
    """The thing does not exist, or the caller may not know that it does."""

    code = "not_found"


class Forbidden(DomainError):
    code = "forbidden"


class InvalidArguments(DomainError):
    code = "invalid_args"


class InvalidState(DomainError):
    code = "invalid_state"


class AlreadyAssigned(DomainError):
    code = "already_assigned"


class TooLarge(DomainError):
    code = "too_large"


# --- resolution actions: codes the client shows the agent ---------------------------------------


class NotAllowed(DomainError):
    """Beyond what the role may do at all, or (approving) beyond the approver's own limits."""

    code = "not_allowed"


class OrderNotRefundable(DomainError):
    """The order was never paid or is cancelled: there is nothing to refund."""

    code = "order_not_refundable"


class AmountExceedsRefundable(DomainError):
    """More than what is left to refund on the order."""

    code = "amount_exceeds_refundable"


class CurrencyMismatch(DomainError):
    code = "currency_mismatch"


class InvalidPolicy(DomainError):
    """An authority policy that does not validate."""

    code = "invalid_policy"


# --- sync: the change feed's cursor ---------------------------------------------------------------


class InvalidCursor(DomainError):
    code = "invalid_cursor"


class ResetRequired(DomainError):
    """The cursor belongs to another database or to history this one no longer has."""

    code = "reset_required"
