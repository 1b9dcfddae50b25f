"""One rotating log file with secrets masked.

:func:`setup_logging` attaches a :class:`~logging.handlers.RotatingFileHandler`
(``agent-desk.log``, 5 MB x 5 by default) to the root logger. A :class:`RedactingFilter` on that
handler rewrites each record before it is written: bearer tokens, ``token=``/``password=``
style values, JSON/dict ``"token": "..."`` values, and long random-looking base64url strings are
replaced by ``[REDACTED]`` in the message, its arguments, the traceback and the stack.

Redaction is a safety net, not a licence. Our code never logs tokens or passwords, and never logs
the *bodies* of customer messages, notes or articles (customer text is personal data and may
hold anything): log ids, counts, states and timings instead.

Other handlers (a console in a debug build) should add :class:`RedactingFilter` too;
:func:`redact` is available for anything else that shows diagnostic text.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
from pathlib import Path

from agent_desk.system.paths import make_private_dir

LOG_FILE_NAME = "agent-desk.log"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_BACKUP_COUNT = 5
MASK = "[REDACTED]"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# Names whose values are secrets: token, access_token, refresh-token, password, api_key, ...
_SENSITIVE_KEY = r"[A-Za-z0-9_-]*(?:token|passw(?:or)?d|pwd|secret|api[_-]?key)[A-Za-z0-9_-]*"

_QUOTED_PAIR = re.compile(
    rf"""(?P<key>(?P<q>["']){_SENSITIVE_KEY}(?P=q)\s*:\s*)"""
    r"""(?!\[REDACTED\])(?:(?P<vq>["'])(?:\\.|(?!(?P=vq)).)*(?P=vq)|(?P<bare>[^\s,}\]]+))""",
    re.IGNORECASE,
)
_AUTH_BASIC = re.compile(r"(?P<key>authorization[\"']?\s*[:=]\s*[\"']?basic\s+)[^\s\"',;]+", re.I)
_BEARER = re.compile(r"(?P<key>\bbearer\s+)(?!\[REDACTED\])[^\s\"',;]+", re.IGNORECASE)
_PLAIN_PAIR = re.compile(
    rf"""(?P<key>\b{_SENSITIVE_KEY}\s*[=:]\s*)"""
    r"""(?!\[REDACTED\])(?:"[^"]*"|'[^']*'|[^\s&,;"'<>)\]}]+)""",
    re.IGNORECASE,
)
_LONG_RUN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _mask_value(match: re.Match[str]) -> str:
    value = match.group(0)[len(match.group("key")) :]
    if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) >= 2:
        return f"{match.group('key')}{value[0]}{MASK}{value[0]}"
    return match.group("key") + MASK


def _looks_random(run: str) -> bool:
    rest = _UUID.sub("", run)  # ids (UUIDv7) are what makes a log useful: keep them
    if len(rest) < 32:
        return False
    has_digit = any(c.isdigit() for c in rest)
    has_lower = any(c.islower() for c in rest)
    has_upper = any(c.isupper() for c in rest)
    return (has_digit and (has_lower or has_upper)) or (has_lower and has_upper)


def _mask_long(match: re.Match[str]) -> str:
    return MASK if _looks_random(match.group(0)) else match.group(0)


def redact(text: str) -> str:
    """Mask anything in ``text`` that looks like a credential.

    Masked: ``Bearer <token>``, ``Authorization: Basic <...>``, values of keys named like
    ``token``/``password``/``secret``/``api_key`` in ``key=value``, ``key: value`` and
    ``"key": "value"`` forms, and base64url-looking runs of 32 or more characters that mix
    letters with digits or upper with lower case (UUIDs are kept). Idempotent.
    """
    text = _QUOTED_PAIR.sub(_mask_value, text)
    text = _AUTH_BASIC.sub(_mask_value, text)
    text = _BEARER.sub(_mask_value, text)
    text = _PLAIN_PAIR.sub(_mask_value, text)
    return _LONG_RUN.sub(_mask_long, text)


class RedactingFilter(logging.Filter):
    """Rewrites a record so that its message, traceback and stack are redacted.

    The record is changed in place (``msg`` becomes the final, redacted text and ``args`` is
    cleared), so handlers that see it later get the redacted version too. Never raises.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # bad format arguments: keep what we can, masked
            message = f"{record.msg!s} (arguments could not be formatted: {record.args!r})"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _AgentDeskFileHandler(logging.handlers.RotatingFileHandler):
    """Our file handler (a distinct class, so setup can find it again). Files are 0600."""

    def _open(self) -> io.TextIOWrapper:
        stream = super()._open()
        if os.name == "posix":
            Path(self.baseFilename).chmod(0o600)
        return stream


def _our_handlers() -> list[_AgentDeskFileHandler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, _AgentDeskFileHandler)]


def _level_number(level: int | str) -> int:
    if isinstance(level, int):
        return level
    number = logging.getLevelName(level.strip().upper())
    if not isinstance(number, int):
        raise ValueError(f"unknown log level {level!r}")
    return number


def setup_logging(
    log_dir: str | os.PathLike[str],
    level: int | str = "INFO",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    backup_count: int = DEFAULT_BACKUP_COUNT,
) -> Path:
    """Log to ``<log_dir>/agent-desk.log`` through a redacting rotating handler.

    Idempotent: calling it again keeps one handler (updating the level, or moving to a new
    directory if ``log_dir`` changed). Sets the root logger's level. Returns the log file path.

    Raises:
        ValueError: ``level`` is not a logging level name or number.
    """
    number = _level_number(level)
    directory = Path(log_dir)
    make_private_dir(directory)
    path = (directory / LOG_FILE_NAME).absolute()
    root = logging.getLogger()
    current = None
    for handler in _our_handlers():
        same = Path(handler.baseFilename) == path
        if same and current is None and handler.maxBytes == max_bytes:
            current = handler
            continue
        root.removeHandler(handler)
        handler.close()
    if current is None:
        current = _AgentDeskFileHandler(
            path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
        )
        current.addFilter(RedactingFilter())
        current.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(current)
    current.backupCount = backup_count
    current.setLevel(number)
    root.setLevel(number)
    return path


def shutdown_logging() -> None:
    """Detach and close the handler :func:`setup_logging` added (tests, app shutdown)."""
    root = logging.getLogger()
    for handler in _our_handlers():
        root.removeHandler(handler)
        handler.close()
