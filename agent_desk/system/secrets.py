"""Bearer tokens in the OS keyring, and nowhere else.

This is the only module that imports ``keyring``. Tokens are stored under the service name
``agent-desk`` with the profile slug as the key. A token is never logged, never put in an
exception message and never written to a file by this module.

The backend keyring picks is classified:

- **secure**: a real OS store (macOS Keychain, Windows Credential Locker, Secret Service, KWallet,
  or any backend with priority >= 1);
- **insecure**: plaintext or otherwise weak stores (``keyrings.alt``, priority < 1, the ``null``
  backend that silently discards secrets). Storing there is refused unless the user opted in
  (``allow_insecure=True``, from the ``allow_insecure_keyring`` setting);
- **unavailable**: keyring's ``fail`` backend (typical on headless Linux) or a backend that cannot
  even report its priority. Storing raises :class:`KeyringUnavailable`; the user signs in again
  each session.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from agent_desk.system.paths import Profile

log = logging.getLogger(__name__)

SERVICE_NAME = "agent-desk"


class SecretStoreError(Exception):
    """The token could not be stored, read or deleted."""


class KeyringUnavailable(SecretStoreError):
    """No usable OS keyring: the token cannot be remembered between sessions."""


class InsecureKeyring(SecretStoreError):
    """The only keyring is insecure and the user has not allowed storing tokens in it."""


class KeyringSecurity(StrEnum):
    SECURE = "secure"
    INSECURE = "insecure"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class BackendStatus:
    """What the current keyring backend is and whether tokens may be stored in it.

    Attributes:
        security: secure, insecure or unavailable.
        backend_name: dotted class name of the backend, for diagnostics.
        detail: one sentence a settings page or the log can show.
    """

    security: KeyringSecurity
    backend_name: str
    detail: str

    @property
    def is_secure(self) -> bool:
        return self.security is KeyringSecurity.SECURE


def _backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _priority(backend: KeyringBackend) -> float:
    # `priority` is a class property; a backend unsuitable for this machine raises here.
    value: object = type(backend).priority
    if not isinstance(value, int | float):
        raise TypeError("keyring backend priority is not a number")
    return float(value)


def classify_backend(backend: KeyringBackend) -> BackendStatus:
    """Classify a keyring backend as secure, insecure or unavailable."""
    name = _backend_name(backend)
    if isinstance(backend, fail.Keyring):
        return BackendStatus(
            KeyringSecurity.UNAVAILABLE,
            name,
            "No system keyring is available; you will have to sign in every time.",
        )
    if isinstance(backend, null.Keyring):
        return BackendStatus(
            KeyringSecurity.INSECURE, name, "The keyring is disabled (secrets are discarded)."
        )
    if isinstance(backend, chainer.ChainerBackend):
        chained: list[KeyringBackend] = list(chainer.ChainerBackend.backends)
        if not chained:
            return BackendStatus(
                KeyringSecurity.UNAVAILABLE, name, "No system keyring is available."
            )
        # The chainer stores into its highest-priority backend, so that one decides.
        first = classify_backend(chained[0])
        return BackendStatus(first.security, f"{name} -> {first.backend_name}", first.detail)
    module = type(backend).__module__
    if module == "keyrings.alt" or module.startswith("keyrings.alt."):
        return BackendStatus(
            KeyringSecurity.INSECURE, name, "The keyring stores secrets in a plain or weak file."
        )
    if "plaintext" in type(backend).__name__.lower():
        return BackendStatus(
            KeyringSecurity.INSECURE, name, "The keyring stores secrets in plain text."
        )
    try:
        priority = _priority(backend)
    except Exception as exc:  # a backend reports "not usable here" by raising from priority
        return BackendStatus(
            KeyringSecurity.UNAVAILABLE,
            name,
            f"The system keyring cannot be used ({type(exc).__name__}).",
        )
    if priority < 1:
        return BackendStatus(
            KeyringSecurity.INSECURE, name, "The keyring is not a recommended secure store."
        )
    return BackendStatus(KeyringSecurity.SECURE, name, "Tokens are kept in the system keyring.")


class SecretStore:
    """Per-profile bearer tokens in the OS keyring.

    The backend is looked up on every call (``keyring.get_keyring()``), so a backend set with
    ``keyring.set_keyring`` (tests, a future settings page) takes effect at once.

    Args:
        allow_insecure: the user explicitly agreed to keep tokens in an insecure keyring.
    """

    def __init__(self, *, allow_insecure: bool = False) -> None:
        self._allow_insecure = allow_insecure

    @property
    def allow_insecure(self) -> bool:
        return self._allow_insecure

    def backend_status(self) -> BackendStatus:
        return classify_backend(keyring.get_keyring())

    def get_token(self, profile: Profile) -> str | None:
        """The stored token, or ``None`` when there is none (or no keyring to hold one).

        An insecure keyring is not read unless insecure storage is allowed, so turning the
        opt-in off stops using a token stored there earlier.

        Raises:
            KeyringUnavailable: the keyring exists but refused the read (e.g. it is locked).
        """
        backend = keyring.get_keyring()
        status = classify_backend(backend)
        if status.security is KeyringSecurity.UNAVAILABLE:
            return None
        if status.security is KeyringSecurity.INSECURE and not self._allow_insecure:
            return None
        try:
            token = backend.get_password(SERVICE_NAME, profile.slug)
        except KeyringError as exc:
            raise KeyringUnavailable(
                f"Could not read the sign-in token from {status.backend_name}: "
                f"{type(exc).__name__}."
            ) from None
        return token or None

    def set_token(self, profile: Profile, token: str) -> None:
        """Store the profile's token, replacing any earlier one.

        Raises:
            ValueError: the token is empty.
            KeyringUnavailable: there is no usable keyring, or it refused the write.
            InsecureKeyring: the keyring is insecure and insecure storage is not allowed.
        """
        if not token:
            raise ValueError("refusing to store an empty token")
        backend = keyring.get_keyring()
        status = classify_backend(backend)
        if status.security is KeyringSecurity.UNAVAILABLE:
            raise KeyringUnavailable(
                "No system keyring is available to remember the sign-in "
                f"({status.backend_name}). Install or unlock a keyring (GNOME Keyring, KWallet, "
                "macOS Keychain, Windows Credential Manager); until then you sign in every time."
            )
        if status.security is KeyringSecurity.INSECURE and not self._allow_insecure:
            raise InsecureKeyring(
                f"The available keyring ({status.backend_name}) is not secure: "
                f"{status.detail} The sign-in token was not stored. Allow insecure storage "
                "(allow_insecure_keyring = true) only if you accept that risk."
            )
        try:
            backend.set_password(SERVICE_NAME, profile.slug, token)
        except KeyringError as exc:
            # `from None`: the backend's own exception could in principle echo its arguments.
            raise KeyringUnavailable(
                f"The keyring ({status.backend_name}) refused to store the sign-in token: "
                f"{type(exc).__name__}."
            ) from None
        log.info("stored the sign-in token for profile %s in %s", profile.slug, status.security)

    def delete_token(self, profile: Profile) -> bool:
        """Forget the profile's token; ``True`` if one was deleted.

        Deleting from an insecure keyring is always allowed (cleaning up is never a risk);
        with no keyring there is nothing to delete.

        Raises:
            KeyringUnavailable: the keyring refused the delete for another reason than the
                token being absent.
        """
        backend = keyring.get_keyring()
        status = classify_backend(backend)
        if status.security is KeyringSecurity.UNAVAILABLE:
            return False
        try:
            if backend.get_password(SERVICE_NAME, profile.slug) is None:
                return False
            backend.delete_password(SERVICE_NAME, profile.slug)
        except PasswordDeleteError:
            return False
        except KeyringError as exc:
            raise KeyringUnavailable(
                f"The keyring ({status.backend_name}) refused to delete the sign-in token: "
                f"{type(exc).__name__}."
            ) from None
        log.info("deleted the sign-in token for profile %s", profile.slug)
        return True
