"""An email conversation's extras, fetched only when the agent asks: the original of a received
mail (every header and the whole text, quotes included) and an attachment's bytes.

Both are online only: nothing is cached, nothing is queued. They need the agent's token and the
right to see the conversation; the server answers 404 otherwise. No widgets here, and nothing is
ever opened: the window asks before it saves a file and writes it where the agent chose.

Errors are the transport's typed :class:`~agent_desk.sync.transport.SyncError` (``unreachable``,
``not_found``, ``auth_required``…), whose ``code`` the window words for the agent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent_desk.core.enums import IdentityKind
from agent_desk.core.links import SERVER_ATTACHMENT_PATH, attachment_url_problem
from agent_desk.store.store import Row
from agent_desk.sync.transport import Download, MailOriginal, Refused, Transport

log = logging.getLogger(__name__)

# what runs, installs or renders when opened (Windows, macOS, Linux desktops, browsers)
RISKY_EXTENSIONS = frozenset(
    {
        ".exe", ".bat", ".cmd", ".com", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".scr",
        ".msi", ".ps1", ".jar", ".lnk", ".html", ".htm", ".svg", ".hta", ".pif", ".reg",
    }
)  # fmt: skip
# what the server may find in a file whatever its name says: programs, scripts, active pages
RISKY_TYPES = frozenset(
    {
        "application/x-msdownload", "application/x-dosexec", "application/x-executable",
        "application/vnd.microsoft.portable-executable", "application/x-msi",
        "application/x-sh", "application/x-bat", "application/javascript", "text/javascript",
        "application/java-archive", "application/hta", "application/x-ms-shortcut",
        "text/html", "application/xhtml+xml", "image/svg+xml",
    }
)  # fmt: skip
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f-\x9f/\\<>:"|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069]')

__all__ = [
    "RISKY_EXTENSIONS",
    "RISKY_TYPES",
    "AttachmentFacts",
    "Download",
    "MailOriginal",
    "MailService",
    "email_address_of",
    "original_text",
]


@dataclass(frozen=True, slots=True)
class AttachmentFacts:
    """One attachment of a message, as the cache lists it (the customer's words: plain text)."""

    name: str
    content_type: str
    size: int
    url: str

    @classmethod
    def of(cls, attachment: dict[str, Any]) -> AttachmentFacts:
        size = attachment.get("size")
        return cls(
            name=str(attachment.get("name") or "")[:255],
            content_type=str(attachment.get("content_type") or "application/octet-stream")[:127],
            size=size if isinstance(size, int) and size >= 0 else 0,
            url=str(attachment.get("url") or ""),
        )

    @property
    def on_server(self) -> bool:
        """Kept by the server (``/api/v1/attachments/…``): downloaded with the agent's token."""
        return (
            self.url.startswith(SERVER_ATTACHMENT_PATH) and attachment_url_problem(self.url) is None
        )

    @property
    def file_name(self) -> str:
        """A name to offer in the save dialog: no folders, no control or reserved characters,
        no leading dots (a hidden file), never empty."""
        name = _UNSAFE_NAME.sub("_", self.name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
        name = name.lstrip(".").strip() or "attachment"
        return name[:120]

    @property
    def risky(self) -> bool:
        """Whether the file may run or render code when opened: by its name's extension, or
        by what the server found in it (a program named ``photo.jpg``)."""
        suffix = Path(self.file_name.lower().rstrip(". ")).suffix
        sniffed = self.content_type.split(";", 1)[0].strip().lower()
        return suffix in RISKY_EXTENSIONS or sniffed in RISKY_TYPES


def email_address_of(customer: Row | None) -> str | None:
    """The customer's email address (their first email identity), where replies by email go."""
    if not customer:
        return None
    identities: Any = customer.get("identities") or []
    if isinstance(identities, str):
        try:
            identities = json.loads(identities)
        except ValueError:
            return None
    if not isinstance(identities, list):
        return None
    for identity in identities:
        if isinstance(identity, dict) and identity.get("kind") == IdentityKind.EMAIL.value:
            value = str(identity.get("value") or "").strip()
            if value:
                return value[:320]
    return None


def original_text(original: MailOriginal) -> str:
    """The original as one plain text: its headers (``Name: value`` lines), a blank line, then
    the whole text."""
    headers = "\n".join(f"{name}: {value}" for name, value in original.headers)
    return f"{headers}\n\n{original.text}"


class MailService:
    """The online-only reads of an email conversation, through the signed-in transport."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    async def original(self, message_id: str) -> MailOriginal:
        """The received mail behind ``message_id``. Raises SyncError."""
        return await self.transport.mail_original(message_id)

    async def download(self, attachment: AttachmentFacts) -> Download:
        """The attachment's bytes. Raises SyncError (``not_found`` for an address that is not
        the server's)."""
        if not attachment.on_server:
            raise Refused("not an attachment the server keeps", code="not_found")
        attachment_id = attachment.url[len(SERVER_ATTACHMENT_PATH) :]
        return await self.transport.attachment(attachment_id)

    async def save(self, attachment: AttachmentFacts, path: Path) -> int:
        """Download the attachment and write it to ``path`` (whole or not at all: a temporary
        file beside it is renamed into place). Returns the bytes written. Raises SyncError, or
        OSError when the file cannot be written."""
        download = await self.download(attachment)
        await asyncio.to_thread(_write_whole, path, download.data)
        log.info("saved an attachment (%d bytes)", len(download.data))
        return len(download.data)


def _write_whole(path: Path, data: bytes) -> None:
    fd, name = tempfile.mkstemp(prefix=".agent-desk-", suffix=".part", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
