"""The server key that seals channel secrets at rest (Fernet: AES-128-CBC + HMAC-SHA256).

A connection's secret must be usable (to sign outbound deliveries and check inbound signatures),
so it cannot be hashed like a password; it is stored sealed with a key that lives outside the
database: ``AGENT_DESK_SECRET_KEY`` (one for every process of a PostgreSQL deployment) or a key
file, created on first use with mode 0600. A database copied without its key holds no usable
secret.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

log = logging.getLogger(__name__)


class SecretKeyError(Exception):
    """The key is missing, malformed, or not the one the secrets were sealed with."""


class SecretBox:
    def __init__(self, key: bytes) -> None:
        try:
            self._fernet = Fernet(key)
        except (ValueError, TypeError) as exc:
            raise SecretKeyError(
                "the server key must be 32 url-safe base64-encoded bytes "
                "(make one with: python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())')"
            ) from exc

    @classmethod
    def load(cls, key: str, key_file: Path | None) -> SecretBox:
        """The key given, else the key file's (created if missing)."""
        if key:
            return cls(key.encode())
        if key_file is None:
            raise SecretKeyError("no server key: set AGENT_DESK_SECRET_KEY or a key file")
        if key_file.exists():
            return cls(key_file.read_bytes().strip())
        key_file.parent.mkdir(parents=True, exist_ok=True)
        fresh = Fernet.generate_key()
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(fresh + b"\n")
        log.info("created the server key file %s (keep it with the database's backups)", key_file)
        return cls(fresh)

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode("ascii")

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode("ascii")).decode()
        except InvalidToken as exc:
            raise SecretKeyError(
                "a channel secret cannot be opened with this server key (a different key?)"
            ) from exc
