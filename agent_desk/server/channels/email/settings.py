"""An email connection's settings: the mailbox (IMAP), the outgoing server (SMTP), how to sign in
and how careful to be.

Passwords are never stored: the connection names a file or an environment variable that holds
one, read at each sign-in. OAuth2 (``XOAUTH2``, for Microsoft 365 and Gmail) names the token
endpoint, the client id and files holding the client secret and the refresh token the admin
obtained; a refresh token the provider rotates is kept sealed with the server key. TLS is verified
unless ``insecure_tls`` says this is a lab, which the log repeats at every start.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from agent_desk.core.errors import InvalidArguments

EMAIL_DEFAULTS: dict[str, Any] = {
    "address": "",  # our support address: From of replies; mail from it is never taken in
    "from_name": "{agent}",  # the display name on replies; {agent} is the agent's name
    "imap_url": "",  # imap[s]://user@host:port/MAILBOX
    "smtp_url": "",  # smtp[s]://user@host:port
    "password_file": "",  # a file holding the mailbox password (both servers)
    "password_env": "",  # or an environment variable holding it
    "oauth2_token_url": "",  # XOAUTH2: the provider's token endpoint
    "oauth2_client_id": "",
    "oauth2_client_secret_file": "",
    "oauth2_refresh_token_file": "",
    "poll_s": 30.0,  # seconds between polls (IDLE wakes it sooner where offered)
    "insecure_tls": False,  # a lab: unverified TLS, or none at all
    "ca_file": "",  # a private CA bundle the mail servers' certificates are verified against
    "max_mail_mb": 15.0,  # larger mail goes to the failed-mail list, unread
    "max_attachment_mb": 10.0,
    "reopen_days": 30.0,  # a reply to a conversation resolved longer ago starts a new one
}

_ADDRESS = re.compile(r"^[^@\s<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")
_MAILBOX_SCHEMES = {"imap": False, "imaps": True}
_SUBMISSION_SCHEMES = {"smtp": False, "smtps": True}


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A mail server as a connection names it: ``imaps://user@host:993/INBOX``."""

    host: str
    port: int
    user: str
    implicit_tls: bool  # imaps/smtps; otherwise STARTTLS (required unless insecure)
    mailbox: str = "INBOX"

    def describe(self) -> str:
        """For logs and admins: no credentials (there are none in the URL anyway)."""
        scheme = "tls" if self.implicit_tls else "starttls"
        return f"{self.user}@{self.host}:{self.port} ({scheme})"


def _endpoint(url: str, schemes: dict[str, bool], default_ports: tuple[int, int]) -> Endpoint:
    parts = urlsplit(url)
    if parts.scheme not in schemes or not parts.hostname:
        names = " or ".join(f"{s}://user@host:port" for s in schemes)
        raise InvalidArguments(f"not a mail server address: {url[:80]} (use {names})")
    if parts.password:
        raise InvalidArguments("put no password in the URL: use --password-file or --password-env")
    if not parts.username:
        raise InvalidArguments(f"name the user to sign in as: {parts.scheme}://user@host…")
    implicit = schemes[parts.scheme]
    try:
        port = parts.port or default_ports[1 if implicit else 0]
    except ValueError as exc:
        raise InvalidArguments(f"a bad port in {url[:80]}") from exc
    mailbox = unquote(parts.path.lstrip("/")) or "INBOX"
    return Endpoint(parts.hostname, port, unquote(parts.username), implicit, mailbox)


def imap_endpoint(url: str) -> Endpoint:
    return _endpoint(url, _MAILBOX_SCHEMES, (143, 993))


def smtp_endpoint(url: str) -> Endpoint:
    return _endpoint(url, _SUBMISSION_SCHEMES, (587, 465))


def check(settings: dict[str, Any]) -> dict[str, Any]:
    """Validate an email connection's settings (raising InvalidArguments with what is wrong)."""
    address = str(settings.get("address") or "").strip().lower()
    if not _ADDRESS.match(address):
        raise InvalidArguments(f"--address must be an email address, not {address[:80]!r}")
    settings["address"] = address
    imap_endpoint(str(settings.get("imap_url") or ""))
    smtp_endpoint(str(settings.get("smtp_url") or ""))
    oauth = [k for k in EMAIL_DEFAULTS if k.startswith("oauth2_") and settings.get(k)]
    password = [k for k in ("password_file", "password_env") if settings.get(k)]
    if oauth and password:
        raise InvalidArguments("sign in with a password or with OAuth2, not both")
    if oauth and not all(
        settings.get(k)
        for k in ("oauth2_token_url", "oauth2_client_id", "oauth2_refresh_token_file")
    ):
        raise InvalidArguments(
            "OAuth2 needs --oauth2-token-url, --oauth2-client-id and --oauth2-refresh-token-file"
        )
    if len(password) > 1:
        raise InvalidArguments("give --password-file or --password-env, not both")
    if not oauth and not password:
        raise InvalidArguments("say how to sign in: --password-file, --password-env or OAuth2")
    token_url = str(settings.get("oauth2_token_url") or "")
    if token_url and urlsplit(token_url).scheme not in ("https", "http"):
        raise InvalidArguments("--oauth2-token-url must be an https address")
    loopback = urlsplit(token_url).hostname in ("127.0.0.1", "::1", "localhost")
    if token_url.startswith("http:") and not (loopback or settings.get("insecure_tls")):
        raise InvalidArguments(
            "--oauth2-token-url must be https (http only on loopback or with --insecure-tls)"
        )
    for key, low, high in (
        ("poll_s", 1, 3600),
        ("max_mail_mb", 0.01, 200),
        ("max_attachment_mb", 0.01, 100),
        ("reopen_days", 0, 3650),
    ):
        if not low <= float(settings[key]) <= high:
            raise InvalidArguments(f"{key} must be between {low:g} and {high:g}")
    if "{" in str(settings["from_name"]).replace("{agent}", ""):
        raise InvalidArguments("--from-name may use {agent} and nothing else in braces")
    return settings


class CredentialError(Exception):
    """A password or token cannot be read: says where from, never what it holds."""


def read_secret_file(path: str, what: str) -> str:
    try:
        value = Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise CredentialError(f"cannot read the {what} file {path}: {exc.strerror}") from exc
    if not value:
        raise CredentialError(f"the {what} file {path} is empty")
    return value


def password(settings: dict[str, Any]) -> str:
    """The mailbox password, from the file or the variable the connection names."""
    if settings.get("password_file"):
        return read_secret_file(str(settings["password_file"]), "password")
    name = str(settings.get("password_env") or "")
    value = os.environ.get(name, "") if name else ""
    if not value:
        raise CredentialError(f"the environment variable {name or '(none)'} holds no password")
    return value


def uses_oauth2(settings: dict[str, Any]) -> bool:
    return bool(settings.get("oauth2_token_url"))
