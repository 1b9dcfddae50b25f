"""How the server signs in to a mail server: a password (from a file or a variable) or an OAuth2
access token (``XOAUTH2``) renewed from the admin's refresh token; and the TLS context to use.

Access tokens live in memory only, until a minute before they expire. A refresh token the
provider rotates replaces the file's in the connection's sealed secret. Nothing here is logged
but where a credential came from.
"""

from __future__ import annotations

import json
import logging
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

from agent_desk.server.channels import connections
from agent_desk.server.channels.connections import ChannelConnection
from agent_desk.server.channels.email.settings import (
    CredentialError,
    password,
    read_secret_file,
    uses_oauth2,
)
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.storage.db import Database

log = logging.getLogger(__name__)

EARLY_S = 60.0  # renew this long before the provider says the token expires


@dataclass(frozen=True, slots=True)
class Login:
    """What to sign in with: ``mechanism`` is "password" or "xoauth2"."""

    mechanism: str
    user: str
    secret: str  # the password or the access token: never logged

    def __repr__(self) -> str:  # a Login in a traceback shows no secret
        return f"Login({self.mechanism!r}, {self.user!r}, secret=…)"


class TokenSource:
    """Access tokens for one connection, renewed with its refresh token."""

    def __init__(self, db: Database, box: SecretBox, connection: ChannelConnection) -> None:
        self.db = db
        self.box = box
        self.connection = connection
        self._lock = threading.Lock()
        self._token = ""
        self._expires = 0.0
        self.refreshes = 0  # for tests and health

    def access_token(self) -> str:
        with self._lock:
            if self._token and time.monotonic() < self._expires - EARLY_S:
                return self._token
            self._token, lifetime = self._refresh()
            self._expires = time.monotonic() + lifetime
            self.refreshes += 1
            return self._token

    def forget(self) -> None:
        """The server refused the token: the next sign-in renews it."""
        with self._lock:
            self._token, self._expires = "", 0.0

    def _refresh_token(self) -> str:
        with self.db.read() as conn:
            sealed = json.loads(connections.secret_of(conn, self.box, self.connection.id) or "{}")
        rotated = sealed.get("refresh_token") if isinstance(sealed, dict) else None
        if rotated:
            return str(rotated)
        return read_secret_file(
            str(self.connection.settings["oauth2_refresh_token_file"]), "refresh token"
        )

    def _refresh(self) -> tuple[str, float]:
        s = self.connection.settings
        form = {
            "grant_type": "refresh_token",
            "refresh_token": self._refresh_token(),
            "client_id": str(s["oauth2_client_id"]),
        }
        if s.get("oauth2_client_secret_file"):
            form["client_secret"] = read_secret_file(
                str(s["oauth2_client_secret_file"]), "client secret"
            )
        try:
            response = httpx.post(
                str(s["oauth2_token_url"]),
                data=form,
                timeout=15.0,
                verify=tls_context(s),
                trust_env=False,
            )
        except httpx.HTTPError as exc:
            raise CredentialError(f"the token endpoint cannot be reached: {exc}") from exc
        try:
            answer: dict[str, Any] = response.json()
        except ValueError:
            answer = {}
        if response.status_code != 200 or not answer.get("access_token"):
            error = str(answer.get("error") or f"HTTP {response.status_code}")[:80]
            raise CredentialError(f"the token endpoint refused to renew the token: {error}")
        rotated = answer.get("refresh_token")
        if rotated and rotated != form["refresh_token"]:
            with self.db.write() as tx:
                connections.set_secret(
                    tx, self.box, self.connection.id, json.dumps({"refresh_token": rotated})
                )
            log.info(
                "%s: the provider rotated the refresh token; kept sealed", self.connection.name
            )
        lifetime = float(answer.get("expires_in") or 3600)
        return str(answer["access_token"]), max(1.0, lifetime)


class TokenRegistry:
    """One token source per OAuth2 connection, shared by the poller and the sender."""

    def __init__(self, db: Database, box: SecretBox) -> None:
        self.db = db
        self.box = box
        self._lock = threading.Lock()
        self._sources: dict[str, TokenSource] = {}

    def get(self, connection: ChannelConnection) -> TokenSource | None:
        if not uses_oauth2(connection.settings):
            return None
        with self._lock:
            found = self._sources.get(connection.id)
            if found is None or found.connection.settings != connection.settings:
                found = self._sources[connection.id] = TokenSource(self.db, self.box, connection)
            return found


def login_for(connection: ChannelConnection, user: str, tokens: TokenSource | None) -> Login:
    if uses_oauth2(connection.settings):
        if tokens is None:
            raise CredentialError("OAuth2 is configured but no token source was given")
        return Login("xoauth2", user, tokens.access_token())
    return Login("password", user, password(connection.settings))


def tls_context(settings: dict[str, Any]) -> ssl.SSLContext:
    """Verified TLS (against the system's CAs, or the connection's CA file); a lab's
    ``insecure_tls`` turns verification off."""
    context = ssl.create_default_context(cafile=str(settings.get("ca_file") or "") or None)
    if settings.get("insecure_tls"):
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def xoauth2_string(user: str, token: str) -> str:
    """The SASL XOAUTH2 initial response (before base64)."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"
