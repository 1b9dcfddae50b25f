"""One IMAP session on a connection's mailbox (``imapclient``): sign in over verified TLS,
examine the folder read-only (mail is left as it is: never flagged, moved or deleted), list the
UIDs after the cursor, fetch sizes and whole messages, and wait for new mail with IDLE where the
server offers it.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from agent_desk.server.channels.connections import ChannelConnection
from agent_desk.server.channels.email.credentials import TokenSource, login_for, tls_context
from agent_desk.server.channels.email.settings import CredentialError, imap_endpoint

log = logging.getLogger(__name__)

IDLE_MAX_S = 25 * 60.0  # RFC 2177: re-issue IDLE at least every 29 minutes
TIMEOUT_S = 60.0


class MailboxError(Exception):
    """What went wrong talking to the mailbox, told apart for admins: ``kind`` is auth, tls,
    network or protocol."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def classify(exc: BaseException) -> MailboxError:
    if isinstance(exc, MailboxError):
        return exc
    if isinstance(exc, LoginError | CredentialError):
        return MailboxError("auth", f"sign-in refused: {_said(exc)}")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailboxError("tls", f"the server's certificate is not trusted: {exc.verify_message}")
    if isinstance(exc, ssl.SSLError):
        return MailboxError("tls", f"TLS failed: {_said(exc)}")
    if isinstance(exc, socket.timeout | TimeoutError):
        return MailboxError("network", "the mail server did not answer in time")
    if isinstance(exc, OSError):
        return MailboxError("network", f"cannot reach the mail server: {_said(exc)}")
    if isinstance(exc, IMAPClientAbortError):  # the connection dropped under us
        return MailboxError("network", f"the mail server closed the connection: {_said(exc)}")
    if isinstance(exc, IMAPClientError):
        return MailboxError("protocol", f"the mail server said: {_said(exc)}")
    return MailboxError("protocol", f"{type(exc).__name__}: {_said(exc)}")


def _said(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:  # "Connection refused", not "111"
        return exc.strerror
    text = exc.args[0] if exc.args else str(exc)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(str(text).split())[:240] or type(exc).__name__


@dataclass(frozen=True, slots=True)
class FolderInfo:
    uidvalidity: int
    uidnext: int | None
    exists: int


class MailboxSession:
    """Open with :meth:`open`; close with :meth:`close` (or use it as a context manager)."""

    def __init__(self, connection: ChannelConnection, tokens: TokenSource | None) -> None:
        self.connection = connection
        self.tokens = tokens
        self.endpoint = imap_endpoint(str(connection.settings["imap_url"]))
        self.client: IMAPClient | None = None
        self.idle_ok = False

    def __enter__(self) -> MailboxSession:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> None:
        try:
            self._open()
        except BaseException:
            self._drop()
            raise

    def _drop(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            with contextlib.suppress(OSError, IMAPClientError):
                client.shutdown()

    def _open(self) -> None:
        settings = self.connection.settings
        insecure = bool(settings.get("insecure_tls"))
        context = tls_context(settings)
        client = IMAPClient(
            self.endpoint.host,
            port=self.endpoint.port,
            ssl=self.endpoint.implicit_tls,
            ssl_context=context,
            timeout=TIMEOUT_S,
            use_uid=True,
        )
        self.client = client
        if not self.endpoint.implicit_tls:
            if client.has_capability("STARTTLS"):
                client.starttls(context)
            elif not insecure:
                raise MailboxError(
                    "tls",
                    "the mail server offers no STARTTLS (use imaps://, or --insecure-tls "
                    "for a lab)",
                )
        login = login_for(self.connection, self.endpoint.user, self.tokens)
        try:
            if login.mechanism == "xoauth2":
                client.oauth2_login(login.user, login.secret)
            else:
                client.login(login.user, login.secret)
        except LoginError:
            if self.tokens is not None:
                self.tokens.forget()
            raise
        self.idle_ok = client.has_capability("IDLE")

    def close(self) -> None:
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.logout()
        except (IMAPClientError, OSError):
            with contextlib.suppress(OSError):
                client.shutdown()

    @property
    def _c(self) -> IMAPClient:
        if self.client is None:
            raise MailboxError("protocol", "the session is not open")
        return self.client

    def examine(self) -> FolderInfo:
        """Select the folder read-only: fetching with BODY.PEEK leaves every flag as it was."""
        info: dict[bytes, Any] = self._c.select_folder(self.endpoint.mailbox, readonly=True)
        uidnext = info.get(b"UIDNEXT")
        return FolderInfo(
            uidvalidity=int(info[b"UIDVALIDITY"]),
            uidnext=int(uidnext) if uidnext is not None else None,
            exists=int(info.get(b"EXISTS", 0)),
        )

    def uids_after(self, last_uid: int) -> list[int]:
        # "N:*" always includes the highest UID, even below N: filter
        found = self._c.search(["UID", f"{last_uid + 1}:*"])
        return sorted(int(u) for u in found if int(u) > last_uid)

    def sizes(self, uids: list[int]) -> dict[int, int]:
        if not uids:
            return {}
        answer = self._c.fetch(uids, ["RFC822.SIZE"])
        return {int(uid): int(data[b"RFC822.SIZE"]) for uid, data in answer.items()}

    def fetch(self, uid: int) -> bytes | None:
        """The whole message (None if it was expunged meanwhile)."""
        answer = self._c.fetch([uid], ["BODY.PEEK[]"])
        data = answer.get(uid)
        if data is None:
            return None
        raw = data.get(b"BODY[]")
        return bytes(raw) if raw is not None else None

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        """Until new mail, ``seconds`` or ``stop``: IDLE where offered (then new mail shows in
        about a second), else a plain wait and a NOOP. True when the server told of new mail."""
        seconds = min(seconds, IDLE_MAX_S)
        if not self.idle_ok:
            stop.wait(seconds)
            if not stop.is_set():
                self._c.noop()
            return False
        client = self._c
        client.idle()
        news = False
        try:
            deadline = time.monotonic() + seconds
            while not stop.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                responses = client.idle_check(timeout=min(1.0, left))
                if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                    news = True
                    break
        finally:
            client.idle_done()
        return news
