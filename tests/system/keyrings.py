"""In-memory keyring backends for tests (never registered for keyring's auto-discovery)."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """A secure-looking backend (priority 1) that keeps passwords in a dict."""

    priority = 1
    # Not viable for auto-discovery: defining the class must not change keyring's default
    # backend for the rest of the test session.
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise PasswordDeleteError("not found") from None


class InsecureMemoryKeyring(MemoryKeyring):
    """Stands in for a plaintext store such as keyrings.alt's (priority below 1)."""

    priority = 0.5


class LockedKeyring(MemoryKeyring):
    """A real keyring that is locked: every operation fails, echoing its arguments."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked(f"locked: {service} {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked(f"locked: {service} {username} {password}")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked(f"locked: {service} {username}")


class _RaisingPriority:
    """keyring reads ``priority`` as a class property; this one raises, like a backend that
    cannot run on this machine."""

    def __get__(self, obj: object, owner: type | None = None) -> float:
        raise RuntimeError("no D-Bus session")


class BrokenPriorityKeyring(MemoryKeyring):
    priority = _RaisingPriority()
