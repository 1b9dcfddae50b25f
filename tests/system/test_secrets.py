from __future__ import annotations

import logging
import secrets
import traceback
from collections.abc import Callable

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from agent_desk.system.paths import Profile
from agent_desk.system.secrets import (
    SERVICE_NAME,
    InsecureKeyring,
    KeyringSecurity,
    KeyringUnavailable,
    SecretStore,
    classify_backend,
)
from tests.system.keyrings import (
    BrokenPriorityKeyring,
    InsecureMemoryKeyring,
    LockedKeyring,
    MemoryKeyring,
)

SetBackend = Callable[[KeyringBackend], KeyringBackend]
AGENT = Profile("http://127.0.0.1:8765", "agent")
EXPERT = Profile("http://127.0.0.1:8765", "expert")


@pytest.fixture
def token() -> str:
    return secrets.token_urlsafe(32)


def _everything_said(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)) + str(exc)


def test_round_trip_in_a_secure_keyring(memory_keyring: MemoryKeyring, token: str) -> None:
    store = SecretStore()
    assert store.get_token(AGENT) is None
    store.set_token(AGENT, token)
    assert store.get_token(AGENT) == token
    assert store.get_token(EXPERT) is None
    assert memory_keyring.passwords == {(SERVICE_NAME, "agent@127.0.0.1-8765"): token}
    assert SERVICE_NAME == "agent-desk"

    store.set_token(AGENT, token + "2")
    assert store.get_token(AGENT) == token + "2"
    assert store.delete_token(AGENT) is True
    assert store.get_token(AGENT) is None
    assert store.delete_token(AGENT) is False


def test_secure_status(memory_keyring: MemoryKeyring) -> None:
    status = SecretStore().backend_status()
    assert status.security is KeyringSecurity.SECURE and status.is_secure
    assert status.backend_name == "tests.system.keyrings.MemoryKeyring"


def test_fail_backend_is_unavailable(set_backend: SetBackend, token: str) -> None:
    set_backend(fail.Keyring())
    store = SecretStore(allow_insecure=True)  # opting in to insecure does not help here
    status = store.backend_status()
    assert status.security is KeyringSecurity.UNAVAILABLE
    assert status.backend_name == "keyring.backends.fail.Keyring"
    with pytest.raises(KeyringUnavailable, match="No system keyring is available") as info:
        store.set_token(AGENT, token)
    assert token not in _everything_said(info.value)
    assert store.get_token(AGENT) is None
    assert store.delete_token(AGENT) is False


def test_a_backend_that_cannot_run_here_is_unavailable(set_backend: SetBackend) -> None:
    set_backend(BrokenPriorityKeyring())
    assert SecretStore().backend_status().security is KeyringSecurity.UNAVAILABLE
    with pytest.raises(KeyringUnavailable):
        SecretStore().set_token(AGENT, "t")


def test_insecure_backend_is_refused_without_opt_in(set_backend: SetBackend, token: str) -> None:
    backend = set_backend(InsecureMemoryKeyring())
    assert isinstance(backend, InsecureMemoryKeyring)
    store = SecretStore()
    assert store.backend_status().security is KeyringSecurity.INSECURE
    with pytest.raises(InsecureKeyring, match="not secure") as info:
        store.set_token(AGENT, token)
    assert token not in _everything_said(info.value)
    assert backend.passwords == {}


def test_insecure_backend_with_opt_in(set_backend: SetBackend, token: str) -> None:
    backend = set_backend(InsecureMemoryKeyring())
    assert isinstance(backend, InsecureMemoryKeyring)
    SecretStore(allow_insecure=True).set_token(AGENT, token)
    assert SecretStore(allow_insecure=True).get_token(AGENT) == token
    # Withdrawing the opt-in stops using what was stored there; deleting is always allowed.
    assert SecretStore().get_token(AGENT) is None
    assert SecretStore().delete_token(AGENT) is True
    assert backend.passwords == {}


def test_null_backend_counts_as_insecure(set_backend: SetBackend) -> None:
    set_backend(null.Keyring())
    status = SecretStore().backend_status()
    assert status.security is KeyringSecurity.INSECURE
    with pytest.raises(InsecureKeyring):
        SecretStore().set_token(AGENT, "t")


def test_plaintext_backends_are_insecure_whatever_their_priority() -> None:
    class PlaintextKeyring(MemoryKeyring):
        priority = 5

    class AltKeyring(MemoryKeyring):
        priority = 5

    AltKeyring.__module__ = "keyrings.alt.file"
    assert classify_backend(PlaintextKeyring()).security is KeyringSecurity.INSECURE
    assert classify_backend(AltKeyring()).security is KeyringSecurity.INSECURE


def test_locked_keyring_errors_are_typed_and_never_echo_the_token(
    set_backend: SetBackend, token: str
) -> None:
    set_backend(LockedKeyring())
    store = SecretStore()
    with pytest.raises(KeyringUnavailable, match="refused to store") as info:
        store.set_token(AGENT, token)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert token not in "".join(traceback.format_exception(info.value))
    with pytest.raises(KeyringUnavailable):
        store.get_token(AGENT)
    with pytest.raises(KeyringUnavailable):
        store.delete_token(AGENT)


def test_empty_token_is_refused(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ValueError):
        SecretStore().set_token(AGENT, "")
    assert memory_keyring.passwords == {}


def test_token_is_never_logged(
    memory_keyring: MemoryKeyring, token: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = SecretStore()
    store.set_token(AGENT, token)
    store.get_token(AGENT)
    store.delete_token(AGENT)
    assert caplog.records, "the store says what it did"
    assert token not in caplog.text
