"""The inbound-mail corpus: hand-written ``.eml`` files, and the mails too big to commit.

Every file in ``corpus/`` is fictional (example.com / example.cn / qq.example customers,
``support@shop.example`` is us) and listed with what it exercises in ``corpus/README.md``.
The 20 MB attachment and the many-parts mail are built here at test time instead.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

CORPUS = Path(__file__).with_name("corpus")
OUR_ADDRESS = "support@shop.example"


def names() -> list[str]:
    """The corpus file names, in order (``NN-short-name.eml``)."""
    return sorted(path.name for path in CORPUS.glob("*.eml"))


def load(name: str) -> bytes:
    """The raw bytes of one corpus file, exactly as committed."""
    return (CORPUS / name).read_bytes()


def _base64_lines(data: bytes) -> bytes:
    """Base64 in 76-character lines, as mail clients write it."""
    encoded = base64.b64encode(data)
    return b"\r\n".join(encoded[at : at + 76] for at in range(0, len(encoded), 76))


def _zip_like(size: int) -> bytes:
    """``size`` deterministic bytes that start like a zip file (cheap to make, not random)."""
    block = hashlib.sha256(b"agent-desk corpus").digest() * 128  # 4 KiB
    body = block * (size // len(block) + 1)
    return (b"PK\x03\x04" + body)[:size]


def big_attachment_mail(mb: int = 20) -> bytes:
    """A customer's mail carrying one ``mb`` MiB zip of photos (about 1.37 × that on the wire)."""
    head = (
        "From: Peter Wright <peter.wright@example.com>\r\n"
        f"To: {OUR_ADDRESS}\r\n"
        "Subject: All the photos of the damaged sofa\r\n"
        "Date: Tue, 3 Nov 2026 14:00:00 +0000\r\n"
        f"Message-ID: <big-attachment-{mb}mb@example.com>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="big-b"\r\n'
        "\r\n"
        "--big-b\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n"
        "\r\n"
        "The sofa arrived with a torn cushion; all the photos are in the zip.\r\n"
        "\r\n"
        "--big-b\r\n"
        'Content-Type: application/zip; name="photos.zip"\r\n'
        'Content-Disposition: attachment; filename="photos.zip"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
    ).encode()
    return head + _base64_lines(_zip_like(mb * 1024 * 1024)) + b"\r\n--big-b--\r\n"


def many_parts_mail(n: int = 150) -> bytes:
    """A mail whose multipart/mixed holds ``n`` tiny text attachments (``n + 2`` parts)."""
    parts = [
        "--many-b\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
        "One note per damaged item, see the attachments.\r\n"
    ]
    parts += [
        f'--many-b\r\nContent-Type: text/plain; name="note-{index}.txt"\r\n'
        f'Content-Disposition: attachment; filename="note-{index}.txt"\r\n\r\n'
        f"Item {index}: scratched.\r\n"
        for index in range(n)
    ]
    head = (
        "From: Quinn Baker <quinn.baker@example.com>\r\n"
        f"To: {OUR_ADDRESS}\r\n"
        "Subject: Notes on every item\r\n"
        "Date: Tue, 3 Nov 2026 14:10:00 +0000\r\n"
        f"Message-ID: <many-parts-{n}@example.com>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="many-b"\r\n\r\n'
    )
    return (head + "".join(parts) + "--many-b--\r\n").encode()
