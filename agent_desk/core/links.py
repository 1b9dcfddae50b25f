"""Where an attachment may point — written once: the server refuses anything else when a message
is written, and the client offers to open only what passes (after the same confirmation that
links in customer text get).

Allowed: an absolute ``http``/``https`` address with a host and without credentials in it, or the
server's own attachment path (``/api/v1/attachments/…``). Refused: ``javascript:``, ``file:``,
``data:`` and every other scheme, protocol-relative ``//host`` addresses, control characters,
``..`` in a server path.
"""

from __future__ import annotations

from urllib.parse import urlsplit

ATTACHMENT_SCHEMES = ("http", "https")
SERVER_ATTACHMENT_PATH = "/api/v1/attachments/"
MAX_URL_CHARS = 2048


def attachment_url_problem(url: str) -> str | None:
    """Why ``url`` may not be stored or opened as an attachment, or None if it may."""
    if not url or len(url) > MAX_URL_CHARS:
        return "an attachment needs an address of at most 2048 characters"
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in url):
        return "an attachment address must not contain spaces or control characters"
    if url.startswith(SERVER_ATTACHMENT_PATH):
        if ".." in url or "\\" in url:
            return "an attachment path must not leave the attachments folder"
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return "the attachment address is not a valid URL"
    if parts.scheme.lower() not in ATTACHMENT_SCHEMES:
        return "attachments must be http or https addresses (or the server's own)"
    if not parts.hostname:
        return "the attachment address has no host"
    if parts.username is not None or parts.password is not None:
        return "an attachment address must not carry a user name or password"
    return None


def may_open_attachment(url: str | None) -> bool:
    return url is not None and attachment_url_problem(url) is None
