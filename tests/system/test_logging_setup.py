from __future__ import annotations

import logging
import logging.handlers
import os
import secrets
import stat
from pathlib import Path

import pytest

from agent_desk.system.logging_setup import (
    LOG_FILE_NAME,
    MASK,
    RedactingFilter,
    redact,
    setup_logging,
    shutdown_logging,
)

pytestmark = pytest.mark.usefixtures("clean_logging")
log = logging.getLogger("agent_desk.test")
TOKEN = secrets.token_urlsafe(32)
UUID = "0190f5e2-7c3a-7d4e-8f1a-2b3c4d5e6f70"


def _ours() -> list[logging.Handler]:
    return [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    ]


def _flush() -> None:
    for handler in _ours():
        handler.flush()


# --- redact() -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Authorization: Bearer {TOKEN}", f"Authorization: Bearer {MASK}"),
        ("authorization: bearer short.t0k", f"authorization: bearer {MASK}"),
        (f"GET /api/v1/events?token={TOKEN}&since=4", f"GET /api/v1/events?token={MASK}&since=4"),
        ("access_token=abc123", f"access_token={MASK}"),
        ('{"token": "abc", "n": 1}', f'{{"token": "{MASK}", "n": 1}}'),
        ('{"refresh_token":"a\\"b"}', f'{{"refresh_token":"{MASK}"}}'),
        ("{'password': 'hunter2'}", f"{{'password': '{MASK}'}}"),
        ('{"password": 12345}', f'{{"password": {MASK}}}'),
        ("login password: hunter2 rejected", f"login password: {MASK} rejected"),
        ('password = "correct horse"', f'password = "{MASK}"'),
        ("PASSWORD=hunter2", f"PASSWORD={MASK}"),
        ("api_key: k-123", f"api_key: {MASK}"),
        ("Authorization: Basic dXNlcjpwYXNzd29yZA==", f"Authorization: Basic {MASK}"),
        (f"pasted {TOKEN} here", f"pasted {MASK} here"),
        ("x " + "A1" * 16 + " y", f"x {MASK} y"),
        ("x aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFg y", f"x {MASK} y"),
    ],
)
def test_redact_masks_secrets(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert redact(expected) == expected, "idempotent"


@pytest.mark.parametrize(
    "text",
    [
        f"claimed conversation {UUID} for customer {UUID}",
        "token expired; signing in again",
        "stored the sign-in token for profile agent@127.0.0.1-8765",
        "pulled 120 changes after cursor 98765 in 12.5 ms",
        "module agent_desk.sync.engine_with_a_rather_long_name started",
        "short a1b2c3d4e5f6 and 01J8ZQ5V8S4Q1X2Y3Z4A5B6C7D (ULID)",
        "A1" * 15,  # 30 characters: below the threshold
        "",
    ],
)
def test_redact_keeps_ordinary_text(text: str) -> None:
    assert redact(text) == text


# --- the filter and the file --------------------------------------------------------------------


def test_setup_logging_writes_one_rotating_file(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs", "INFO")
    assert path == (tmp_path / "logs" / LOG_FILE_NAME).absolute()
    log.info("conversation %s claimed", UUID)
    log.debug("not at INFO")
    _flush()
    text = path.read_text(encoding="utf-8")
    assert f"conversation {UUID} claimed" in text and "agent_desk.test" in text
    assert "not at INFO" not in text
    (handler,) = _ours()
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == 5 * 1024 * 1024 and handler.backupCount == 5
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_setup_logging_is_idempotent(tmp_path: Path) -> None:
    first = setup_logging(tmp_path, "INFO")
    second = setup_logging(tmp_path, "DEBUG")
    assert first == second and len(_ours()) == 1
    assert logging.getLogger().level == logging.DEBUG
    log.info("once")
    _flush()
    assert first.read_text(encoding="utf-8").count("once") == 1

    moved = setup_logging(tmp_path / "elsewhere", logging.WARNING)
    (handler,) = _ours()
    assert Path(handler.baseFilename) == moved != first
    shutdown_logging()
    assert _ours() == []


def test_unknown_level_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        setup_logging(tmp_path, "LOUD")


def test_the_log_rotates(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, "INFO", max_bytes=2_000, backup_count=2)
    for i in range(200):
        log.info("line %d %s", i, "x" * 40)
    _flush()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        LOG_FILE_NAME,
        f"{LOG_FILE_NAME}.1",
        f"{LOG_FILE_NAME}.2",
    ]
    assert path.stat().st_size <= 2_000
    if os.name == "posix":
        assert {stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()} == {0o600}


def test_token_never_lands_in_the_log_file(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, "DEBUG")
    log.info("sending Authorization: Bearer %s", TOKEN)
    log.info("response body %s", {"token": TOKEN, "expires_at": "2030-01-01"})
    log.debug("raw %s", TOKEN)
    log.info(f"f-string with token={TOKEN}")
    try:
        raise RuntimeError(f"login failed for password=hunter2 token {TOKEN}")
    except RuntimeError:
        log.info("sign-in failed", exc_info=True)
    log.info("with stack", stack_info=True)
    _flush()
    text = path.read_text(encoding="utf-8")
    assert TOKEN not in text and "hunter2" not in text
    assert text.count(MASK) >= 6
    assert "sign-in failed" in text and "RuntimeError" in text


def test_filter_survives_bad_format_arguments(tmp_path: Path) -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%d items %s", ("many",), None)
    assert RedactingFilter().filter(record) is True
    assert record.args is None and "%d items" in record.getMessage()
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "a %s", (f"token={TOKEN}",), None)
    RedactingFilter().filter(record)
    assert record.getMessage() == f"a token={MASK}"
