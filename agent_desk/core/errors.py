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
