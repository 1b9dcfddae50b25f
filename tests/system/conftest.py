"""Isolation for system tests: no real home, managed file, keyring or logging state leaks."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from agent_desk.system.logging_setup import shutdown_logging
from tests.system.keyrings import MemoryKeyring


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every AGENT_DESK_* variable cleared; home and managed file point into tmp_path."""
    for name in list(os.environ):
        if name.startswith("AGENT_DESK_") and name != "AGENT_DESK_TEST_PG_URL":
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    monkeypatch.setenv("AGENT_DESK_HOME", str(home))
    monkeypatch.setenv("AGENT_DESK_MANAGED_CONFIG", str(tmp_path / "no-managed.toml"))
    return home


@pytest.fixture
def set_backend() -> Iterator[Callable[[KeyringBackend], KeyringBackend]]:
    """A setter for keyring's backend; the one in place before the test is restored after."""
    previous = keyring.get_keyring()

    def _set(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    try:
        yield _set
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(set_backend: Callable[[KeyringBackend], KeyringBackend]) -> MemoryKeyring:
    backend = MemoryKeyring()
    set_backend(backend)
    return backend


@pytest.fixture
def clean_logging() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    try:
        yield
    finally:
        shutdown_logging()
        root.setLevel(level)
