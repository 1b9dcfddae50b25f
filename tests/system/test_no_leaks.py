"""The token goes to the keyring and nowhere else: not the log, not the configuration."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import pytest

from agent_desk.system.config import load_config, save_user_settings
from agent_desk.system.logging_setup import setup_logging
from agent_desk.system.paths import Profile, ProfilePaths
from agent_desk.system.secrets import SecretStore
from tests.system.keyrings import MemoryKeyring


@pytest.mark.usefixtures("clean_logging")
def test_a_sign_in_leaves_the_token_only_in_the_keyring(
    memory_keyring: MemoryKeyring, isolated_env: Path
) -> None:
    token = secrets.token_urlsafe(32)
    profile = Profile("http://127.0.0.1:8765", "agent")
    paths = ProfilePaths.for_profile(profile).ensure_dirs()
    log_file = setup_logging(paths.log_dir, "DEBUG")

    SecretStore().set_token(profile, token)
    save_user_settings({"server_url": profile.server_url, "username": profile.username})
    logging.getLogger("agent_desk.sync").info("signed in with token %s", token)
    logging.getLogger("agent_desk.sync").debug("headers %r", {"Authorization": f"Bearer {token}"})
    assert SecretStore().get_token(profile) == token
    assert load_config().settings.username == "agent"

    for handler in logging.getLogger().handlers:
        handler.flush()
    files = [p for p in isolated_env.rglob("*") if p.is_file()]
    assert log_file in files and paths.config_path in files
    for path in files:
        assert token.encode() not in path.read_bytes(), path
    assert list(memory_keyring.passwords.values()) == [token]
