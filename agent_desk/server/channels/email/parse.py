"""Raw inbound mail to a :class:`ParsedMail`: the pure layer of the email channel.

No database, no network: bytes in, a typed value (or a :class:`MailRefused` an admin can
read) out. The code is written for the mail Chinese customers really send: GB2312 labels on
GBK text, Big5 labels on HKSCS text, encoded words inside quoted parameters, raw 8-bit
headers, Outlook and Foxmail reply blocks. The standard library's ``email`` package does
the MIME work; everything it may choke on is read through guarded accessors, because one
hostile mail must land in the failed-mail list, never stop the fetch loop.
"""

from __future__ import annotations

import binascii
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import errors as email_errors
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import collapse_rfc2231_value, getaddresses, parsedate_to_datetime
from typing import Final, Literal, TypeVar

from .html_text import html_to_text
from .quotes import is_forward_subject, strip_quotes, strip_signature

__all__ = [
    "Bounce",
    "Limits",
    "MailAttachment",
    "MailRefused",
    "ParsedMail",
    "RefusalCode",
    "decode_payload",
    "extract_ids",
    "html_to_text",
    "normalise_message_id",
    "parse_mail",
    "safe_filename",
    "sniff_type",
    "strip_quotes",
]

RefusalCode = Literal["too_large", "too_many_parts", "attachment_too_large", "unparseable", "empty"]
_T = TypeVar("_T")


# ---- the values ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Limits:
    """What one inbound mail may cost us; past these the mail is refused, not half-read."""

    max_bytes: int = 15 * 1024 * 1024  # the whole raw mail
    max_parts: int = 100  # MIME parts walked
    max_attachment_bytes: int = 10 * 1024 * 1024
    max_body_chars: int = 100_000  # longer text is cut, with a marker line


class MailRefused(Exception):
    """A mail we will not turn into a message, with the reason an admin reads.

    Attributes:
        code: a stable machine code for the failed-mail list's filter.
        reason: an English sentence with the figures, e.g. ``the attachment 'x.zip' is
            20.0 MB; the limit is 10.0 MB``.
    """

    def __init__(self, code: RefusalCode, reason: str) -> None:
        super().__init__(code, reason)
        self.code: RefusalCode = code
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True, slots=True)
class MailAttachment:
    """A file that came with the mail, named safely and typed by its bytes."""

    filename: str  # sanitised (see safe_filename)
    content_type: str  # sniffed from the bytes; what we tell the agent
    declared_type: str  # what the sender's headers claimed
    data: bytes
    inline: bool  # an inline part with a Content-ID (an embedded image)
    content_id: str | None  # without the angle brackets, as "cid:" URLs name it

    @property
    def size(self) -> int:
        """The decoded size in bytes."""
        return len(self.data)

    @property
    def type_mismatch(self) -> bool:
        """Whether the declared type lies about the bytes (a PDF sent as image/png)."""
        if self.declared_type in _GENERIC_TYPES:
            return False
        return _type_family(self.declared_type) != _type_family(self.content_type)


@dataclass(frozen=True, slots=True)
class Bounce:
    """What a delivery status notification says about a mail we sent."""

    original_message_id: str | None  # normalised "<id>"
    recipient: str | None  # lower-cased address
    status: str | None  # "5.1.1"
    diagnostic: str  # the remote server's text
    permanent: bool  # 5.x.x / Action: failed (4.x.x delayed: False)


@dataclass(frozen=True, slots=True)
class ParsedMail:
    """One inbound mail, decoded; every text field is plain text without control characters."""

    message_id: str  # normalised "<local@domain>", or synthetic (see synthetic_id)
    synthetic_id: bool  # the mail had none: "<sha256hex@synthetic.agent-desk>", stable per mail
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]  # in order, at most _MAX_REFERENCES (the root and the latest)
    from_address: str | None
    from_name: str
    reply_to: str | None
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str
    date: datetime | None  # aware, UTC
    text: str  # the whole body as plain text
    body: str  # the customer's new words: quotes and signature stripped
    html_only: bool
    attachments: tuple[MailAttachment, ...]
    auto_reply: str | None  # why the mail is automatic, e.g. "Precedence: bulk"
    bounce: Bounce | None
    headers: tuple[tuple[str, str], ...]  # every header, decoded, in order
    truncated: bool = False  # the text was longer than Limits.max_body_chars and was cut
    forwarded: bool = False  # the subject forwards another mail: body keeps the history
    defects: tuple[str, ...] = ()  # what the MIME parser had to repair (class names)


# ---- constants ----------------------------------------------------------------------------

_MAX_DEPTH: Final = 30  # MIME nesting; real mail stays under 6
_MAX_REFERENCES: Final = 100
_HTML_CHARS_PER_BODY_CHAR: Final = 10  # HTML is mostly markup: convert this much at most
_FILENAME_MAX: Final = 120
_SYNTHETIC_DOMAIN: Final = "synthetic.agent-desk"
_CUT_MARKER: Final = "[… the message was cut: it has {total:,} characters; the limit is {limit:,}]"

# what the email package (and the codecs it calls) may raise on hostile input
_PARSER_ERRORS: Final = (
    ValueError,  # includes UnicodeError and binascii.Error
    IndexError,
    KeyError,
    TypeError,
    AttributeError,
    LookupError,
    RecursionError,
    email_errors.MessageError,
)

# labels real mail carries, widened to the superset the sender's software really used
_CHARSET_CHAINS: Final[dict[str, tuple[str, ...]]] = {
    **dict.fromkeys(
        (
            *("gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "x-euc-cn", "gb_2312-80"),
            *("csgb2312", "chinese", "iso-ir-58", "gb18030", "ms936", "windows-936"),
        ),
        ("gb18030",),
    ),
    **dict.fromkeys(
        ("big5", "big5-hkscs", "big5hkscs", "cn-big5", "x-x-big5", "csbig5", "x-big5"),
        ("big5hkscs", "cp950"),
    ),
    "cp950": ("cp950", "big5hkscs"),
    **dict.fromkeys(("us-ascii", "ascii", "ansi_x3.4-1968", "us"), ("utf-8", "cp1252")),
    **dict.fromkeys(("iso-8859-1", "latin1", "latin-1", "l1", "iso8859-1"), ("cp1252",)),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji"), ("cp932",)),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "ks_c_5601", "korean"), ("cp949",)),
    **dict.fromkeys(("tis-620", "iso-8859-11"), ("cp874",)),
    **dict.fromkeys(("utf8", "utf-8", "unicode-1-1-utf-8"), ("utf-8",)),
}
_GUESS_CHAIN: Final = ("utf-8", "gb18030", "cp1252")  # no label: most of our mail is Chinese

_ENCODED_WORD: Final = re.compile(r"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=")
_META_CHARSET: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
_SURROGATES: Final = re.compile(r"[\ud800-\udfff]")
_BLANK_RUNS: Final = re.compile(r"\n{3,}")
_FOLD: Final = re.compile(r"\r?\n(?=[ \t])")
_ADDR_SPEC: Final = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+$")
_SALVAGE_ADDRESS: Final = re.compile(r"<([^<>\s@]+@[^<>\s@]+)>|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
_ID_IN_BRACKETS: Final = re.compile(r"<\s*([^<>\s]{1,900})\s*>")
_DELIMITER_LINE: Final = re.compile(r"^--([^\s\"]{1,70})[ \t]*$", re.MULTILINE)
_STATUS_CODE: Final = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
_HEADERS_MESSAGE_ID: Final = re.compile(r"(?im)^message-id[ \t]*:[ \t]*(.*(?:\n[ \t].*)*)")

_AUTO_SUBJECT: Final = re.compile(
    r"^\s*(automatic reply|auto[- ]?reply|autoreply|out of (?:the )?office|自动回复|自動回覆"
    r"|自动答复|自動回復|假期自动回复)\s*[:：]",
    re.IGNORECASE,
)
_MACHINE_SENDERS: Final = frozenset({"mailer-daemon", "postmaster", "mail-daemon"})
_BULK_PRECEDENCE: Final = frozenset({"bulk", "junk", "list", "auto_reply", "auto-reply"})
_SUPPRESS_TOKENS: Final = frozenset({"all", "oof", "autoreply"})
_REPORT_TYPES: Final = frozenset(
    {"message/delivery-status", "message/global-delivery-status", "text/rfc822-headers"}
    | {"message/rfc822", "message/global", "message/global-headers"}
    | {"message/disposition-notification", "message/feedback-report"}
)
_STATUS_TYPES: Final = frozenset({"message/delivery-status", "message/global-delivery-status"})

_GENERIC_TYPES: Final = frozenset({"application/octet-stream", "application/unknown", ""})
_TEXTUAL_DECLARED: Final = ("text/", "message/rfc822", "application/json", "application/xml")
_EXTENSIONS: Final = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/bmp": ".bmp",
    "image/svg+xml": ".svg",
    "application/zip": ".zip",
    "application/gzip": ".gz",
    "application/x-msdownload": ".exe",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "text/plain": ".txt",
    "text/html": ".html",
    "text/calendar": ".ics",
    "message/rfc822": ".eml",
}
_WINDOWS_RESERVED: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)
_FILENAME_FORBIDDEN: Final = re.compile(
    r'[\x00-\x1f\x7f-\x9f<>:"|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]'
)
_EXTENSION: Final = re.compile(r"\.[A-Za-z0-9]{1,16}$")


# ---- small text helpers -------------------------------------------------------------------


def _clean_text(text: str) -> str:
    """Body text as we store it: ``\\n`` line ends, no controls but tab, no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _CONTROLS.sub("", _SURROGATES.sub("\ufffd", text)).replace("\u00a0", " ")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def _clean_inline(text: str) -> str:
    """A header value on one line: controls gone, whitespace folded to single spaces."""
    return " ".join(_CONTROLS.sub(" ", _SURROGATES.sub("\ufffd", text)).split())


def _guard(read: Callable[[], _T], default: _T) -> _T:
    """``read()``, or ``default`` when the email package chokes on a malformed header.

    Its header parser raises several unrelated exception types on hostile values; one bad
    parameter must cost us that parameter, not the mail.
    """
    try:
        return read()
    except _PARSER_ERRORS:
        return default


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


# ---- charsets -----------------------------------------------------------------------------


def _charset_chain(label: str | None) -> tuple[str, ...]:
    """The codecs to try for a declared charset label, widest-first for Chinese labels."""
    if not label:
        return _GUESS_CHAIN
    key = label.strip().strip("\"'").lower()
    return _CHARSET_CHAINS.get(key, (key, *_GUESS_CHAIN))


def _decode_bytes(data: bytes, label: str | None) -> str:
    """Decode ``data`` with the first codec of the chain that fits; replace bytes otherwise."""
    chain = _charset_chain(label)
    for codec in chain:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeError, ValueError, TypeError):
            continue
    for codec in chain:
        try:
            return data.decode(codec, errors="replace")
        except (LookupError, UnicodeError, ValueError, TypeError):
            continue
    return data.decode("utf-8", errors="replace")


def _recover_8bit(text: str) -> str:
    """Undo the parser's surrogate escapes of raw 8-bit header bytes (UTF-8, else GB18030).

    Chinese clients still send unencoded GBK or UTF-8 in Subject and From; the parser keeps
    those bytes as lone surrogates. A string that is already Unicode keeps its characters
    and only loses stray surrogates.
    """
    if not _SURROGATES.search(text):
        return text
    if any(ord(char) > 0x7F and not 0xDC80 <= ord(char) <= 0xDCFF for char in text):
        return _SURROGATES.sub("\ufffd", text)
    data = text.encode("ascii", "surrogateescape")
    return _decode_bytes(data, None)


def _word_bytes(kind: str, payload: str) -> bytes:
    """The bytes of one RFC 2047 encoded word (lenient about base64 padding)."""
    encoded = payload.encode("ascii", "replace")
    if kind in "qQ":
        return binascii.a2b_qp(encoded, header=True)
    for data in (encoded + b"=" * (-len(encoded) % 4), encoded[: len(encoded) // 4 * 4]):
        try:
            return binascii.a2b_base64(data)
        except binascii.Error:
            continue
    return encoded


def _decode_words(text: str) -> str:
    """Decode RFC 2047 encoded words, joining adjacent ones of a charset before decoding.

    Joining first matters: clients split long Chinese subjects into several words, and not
    always on a character boundary. Whitespace between two encoded words is dropped.
    """
    pieces: list[str] = []
    pending: list[bytes] = []
    pending_charset: str | None = None
    position = 0
    after_word = False

    def flush() -> None:
        if pending:
            pieces.append(_decode_bytes(b"".join(pending), pending_charset))
            pending.clear()

    for match in _ENCODED_WORD.finditer(text):
        gap = text[position : match.start()]
        if gap.strip() or not after_word:
            flush()
            pieces.append(gap)
        charset = match.group(1).lower()
        if charset != pending_charset:
            flush()
            pending_charset = charset
        pending.append(_word_bytes(match.group(2), match.group(3)))
        position, after_word = match.end(), True
    flush()
    pieces.append(text[position:])
    return "".join(pieces)


def _header_text(raw: str) -> str:
    """A raw header value as readable text: unfolded, 8-bit recovered, encoded words decoded."""
    text = _recover_8bit(_FOLD.sub("", raw))
    if "=?" in text:
        text = _decode_words(text)
    return _clean_inline(text)


# ---- payloads -----------------------------------------------------------------------------


def _payload_bytes(part: Message) -> bytes:
    """The decoded content bytes of a leaf part (base64/QP undone), never raising."""
    data = _guard(lambda: part.get_payload(decode=True), None)
    if isinstance(data, bytes):
        return data
    payload = _guard(part.get_payload, None)
    if isinstance(payload, str):
        return payload.encode("utf-8", "surrogateescape")
    return b""


def _param(part: Message, name: str, header: str = "content-type") -> str | None:
    """A Content-Type (or other) parameter as text, RFC 2231 continuations collapsed."""
    value = _guard(lambda: part.get_param(name, header=header), None)
    if value is None:
        return None
    if isinstance(value, tuple):
        encoded = value
        value = _guard(lambda: collapse_rfc2231_value(encoded), "")
    return _clean_inline(_recover_8bit(str(value)))


def _content_type(part: Message) -> str:
    return _guard(part.get_content_type, "application/octet-stream").lower()


def _decoded(part: Message) -> str:
    """A part's content decoded with its (widened) charset, still raw: line ends as sent."""
    data = _payload_bytes(part)
    label = _guard(part.get_content_charset, None)
    if label is None and _content_type(part) == "text/html":
        found = _META_CHARSET.search(data[:4096])
        label = found.group(1).decode("ascii") if found else None
    return _decode_bytes(data, label)


def decode_payload(part: EmailMessage | Message) -> str:
    """A text part's content as ``str``, whatever its sender got wrong.

    The declared charset is widened to what Chinese software really writes (GB2312 as
    GB18030, Big5 as Big5-HKSCS); a missing or unknown label is guessed (UTF-8, GB18030,
    Windows-1252), an HTML part's ``<meta charset>`` is honoured; bytes that fit no codec
    become U+FFFD. Line ends are ``\\n``; control characters other than tab are removed.
    Never raises.
    """
    return _clean_text(_decoded(part))


def _unflow(text: str, delsp: bool) -> str:
    """Join RFC 3676 ``format=flowed`` soft line breaks back into paragraphs."""
    lines: list[str] = []
    pending: str | None = None
    pending_depth = 0
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        content = content.removeprefix(" ")
        flowed = content.endswith(" ") and content != "-- "
        if flowed and delsp:
            content = content[:-1]
        if pending is not None and depth == pending_depth:
            pending += content
        else:
            if pending is not None:
                lines.append(">" * pending_depth + (" " if pending_depth else "") + pending)
            pending, pending_depth = content, depth
        if not flowed:
            lines.append(">" * depth + (" " if depth else "") + pending)
            pending = None
    if pending is not None:
        lines.append(">" * pending_depth + (" " if pending_depth else "") + pending)
    return "\n".join(lines)


# ---- message ids --------------------------------------------------------------------------


def normalise_message_id(value: str) -> str | None:
    """``<local@domain>`` from a Message-ID value (comments, spaces, missing brackets).

    Returns None when the value holds no usable id. Case is kept: ids are case-sensitive.
    """
    text = _clean_inline(_recover_8bit(value))
    found = _ID_IN_BRACKETS.search(text)
    if found:
        return f"<{found.group(1)}>"
    bare = text.split("(")[0].strip().strip("<>\"'")
    if "@" in bare and not any(char.isspace() or char in "<>" for char in bare):
        return f"<{bare[:900]}>"
    return None


def extract_ids(value: str) -> tuple[str, ...]:
    """Every message id in a References / In-Reply-To value, in order, without repeats.

    Some clients drop the angle brackets or separate ids with commas; bare tokens that
    contain ``@`` count as ids then.
    """
    text = _clean_inline(_recover_8bit(value))
    found = [f"<{inner}>" for inner in _ID_IN_BRACKETS.findall(text)]
    if not found:
        tokens = re.split(r"[\s,;]+", text)
        found = [f"<{token}>" for token in tokens if "@" in token and "<" not in token]
    return tuple(dict.fromkeys(found))


def _bounded_references(ids: tuple[str, ...]) -> tuple[str, ...]:
    """The root and the latest ids of an overlong References chain (threading needs both)."""
    if len(ids) <= _MAX_REFERENCES:
        return ids
    return (ids[0], *ids[-(_MAX_REFERENCES - 1) :])


def _synthetic_id(raw: bytes, first: dict[str, str]) -> str:
    """A stable id for a mail without one: the same bytes give the same id on every fetch.

    Hashes the sender, recipients, date, subject and body, not the trace headers, so a
    copy relayed along another route still gets the same id.
    """
    digest = hashlib.sha256()
    for name in ("from", "to", "cc", "date", "subject"):
        digest.update(first.get(name, "").encode("utf-8", "surrogateescape") + b"\0")
    separators = [at for at in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if at >= 0]
    body = raw[min(separators) :] if separators else b""
    digest.update(body.replace(b"\r\n", b"\n").strip())
    return f"<{digest.hexdigest()}@{_SYNTHETIC_DOMAIN}>"


# ---- addresses, dates, headers ------------------------------------------------------------


def _addresses(raw_values: Iterable[str]) -> list[tuple[str, str]]:
    """``(display name, lower-cased address)`` pairs; entries without a valid address dropped."""
    values = [_recover_8bit(_FOLD.sub("", value)) for value in raw_values]
    pairs = _valid_addresses(values)
    if not pairs and any("=?" in value for value in values):
        # a client that encoded the whole "Name <addr>" into one encoded word
        pairs = _valid_addresses([_decode_words(value) for value in values])
    if not pairs:
        pairs = [pair for value in values if (pair := _salvaged_address(value))]
    return pairs


def _salvaged_address(value: str) -> tuple[str, str] | None:
    """``(name, address)`` from a header the address parser gave up on (unbalanced quotes)."""
    found = _SALVAGE_ADDRESS.search(value)
    if not found:
        return None
    address = (found.group(1) or found.group(2)).lower()
    if not _ADDR_SPEC.match(address):
        return None
    name = _clean_inline(value[: found.start()]).strip("\"' ")
    return (_clean_inline(_decode_words(name)) if "=?" in name else name), address


def _valid_addresses(values: list[str]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    parsed: list[tuple[str, str]] = _guard(lambda: getaddresses(values), [])
    for name, address in parsed:
        address = _clean_inline(address).lower()
        if _ADDR_SPEC.match(address):
            display = _clean_inline(_decode_words(name)) if "=?" in name else _clean_inline(name)
            pairs.append(("" if display.lower() == address else display, address))
    return pairs


def _parse_date(value: str | None) -> datetime | None:
    """An aware UTC datetime from a Date header; None if it is missing or nonsense."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(_clean_inline(value))
        if parsed.tzinfo is None:  # "-0000": the sender does not know its zone
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _raw_headers(part: Message) -> list[tuple[str, str]]:
    return [(str(name), str(value)) for name, value in part.raw_items()]


def _first_headers(raw: list[tuple[str, str]]) -> dict[str, str]:
    """The first raw value of each header, keyed by lower-cased name."""
    first: dict[str, str] = {}
    for name, value in raw:
        first.setdefault(name.strip().lower(), value)
    return first


def _all_values(raw: list[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in raw if key.strip().lower() == name]


# ---- attachments --------------------------------------------------------------------------


def sniff_type(data: bytes) -> str:
    """The content type the bytes themselves show (magic numbers), never the declared one."""
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return _zip_kind(data) if kind == "application/zip" else kind
    if head[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if _looks_like_text(data[:8192]):
        return _text_kind(data[:1024])
    return "application/octet-stream"


_MAGIC: Final = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"PK\x03\x04", "application/zip"),
    (b"PK\x05\x06", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"MZ", "application/x-msdownload"),
    (b"\x7fELF", "application/x-executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
)


def _zip_kind(data: bytes) -> str:
    """An Office Open XML document or a plain zip (both start with ``PK``)."""
    names = data[:65536] + data[-65536:]
    if b"[Content_Types].xml" in names:
        for marker, kind in (
            (b"word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (b"xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (b"ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ):
            if marker in names:
                return kind
    return "application/zip"


def _looks_like_text(sample: bytes) -> bool:
    """No NUL and almost no control bytes (UTF-16 with a BOM counts as text)."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if not sample or b"\x00" in sample:
        return False
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in (9, 10, 12, 13, 27))
    return controls * 100 <= len(sample)


def _text_kind(head: bytes) -> str:
    """text/html or image/svg+xml for markup (it can carry script), else text/plain."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script")):
        return "text/html"
    if start.startswith(b"<svg") or (start.startswith(b"<?xml") and b"<svg" in start):
        return "image/svg+xml"
    return "text/plain"


def _reported_type(sniffed: str, declared: str) -> str:
    """The type we tell the agent: the sniffed one, or the declared one if both are text."""
    if sniffed == "text/plain" and declared.startswith(_TEXTUAL_DECLARED):
        return declared
    return sniffed


def _type_family(content_type: str) -> str:
    """A coarse class for comparing types: text types are one family."""
    return "text" if content_type.startswith(_TEXTUAL_DECLARED) else content_type


def safe_filename(name: str | None, content_type: str) -> str:
    """A file name safe to show and to save: no path, controls, reserved names, bidi tricks.

    Keeps the extension when shortening to 120 characters; a missing name becomes
    ``attachment`` plus the extension of ``content_type``.
    """
    text = _recover_8bit(name or "")
    if "=?" in text:
        text = _decode_words(text)
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = _FILENAME_FORBIDDEN.sub("_", _SURROGATES.sub("", text))
    text = " ".join(text.split()).strip(". ")
    if not text.strip("_"):
        return "attachment" + _EXTENSIONS.get(content_type, "")
    if text.split(".")[0].strip().upper() in _WINDOWS_RESERVED:
        text = "_" + text
    if len(text) > _FILENAME_MAX:
        found = _EXTENSION.search(text)
        extension = found.group(0) if found else ""
        text = text[: _FILENAME_MAX - len(extension)].rstrip(". ") + extension
    return text


def _filename(part: Message) -> str | None:
    """The file name a part declares.

    Raw 8-bit names (old Chinese clients write GBK bytes into ``filename="…"``) and Windows
    paths are read from the raw header: the parser would decode the bytes as unknown-8bit
    and treat the path's backslashes as quoting, losing both.
    """
    first = _first_headers(_raw_headers(part))
    for header, param in (("content-disposition", "filename"), ("content-type", "name")):
        raw = _FOLD.sub("", first.get(header, ""))
        if _SURROGATES.search(raw) or "\\" in raw:
            found = re.search(rf'(?:^|;)\s*{param}\s*=\s*(?:"([^"]*)"|([^;\s]+))', raw, re.I)
            if found:
                quoted, bare = found.groups()
                return _recover_8bit(quoted if quoted is not None else bare)
    return _guard(part.get_filename, None)


def _content_id(part: Message) -> str | None:
    raw = _first_headers(_raw_headers(part)).get("content-id")
    if raw is None:
        return None
    value = _clean_inline(_recover_8bit(_FOLD.sub("", raw))).strip("<> ")
    return value or None


def _attachment(part: Message, limits: Limits) -> MailAttachment:
    """A leaf part that is not body text, refused if it is over the attachment limit."""
    declared = _content_type(part)
    if declared.startswith("message/"):
        inner = _guard(lambda: part.get_payload(0), None)
        data = _guard(inner.as_bytes, b"") if isinstance(inner, Message) else b""
        data = data or _payload_bytes(part)
    else:
        data = _payload_bytes(part)
    sniffed = _reported_type(sniff_type(data), declared)
    filename = safe_filename(_filename(part), sniffed)
    if len(data) > limits.max_attachment_bytes:
        raise MailRefused(
            "attachment_too_large",
            f"the attachment '{filename}' is {_mb(len(data))}; "
            f"the limit is {_mb(limits.max_attachment_bytes)}",
        )
    disposition = _guard(part.get_content_disposition, None)
    content_id = _content_id(part)
    return MailAttachment(
        filename=filename,
        content_type=sniffed,
        declared_type=declared,
        data=data,
        inline=content_id is not None and disposition != "attachment",
        content_id=content_id,
    )


# ---- walking the MIME tree ----------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    """What a walk over the MIME tree collected."""

    texts: list[tuple[str, bool]] = field(default_factory=list)  # (text, came from HTML)
    attachments: list[MailAttachment] = field(default_factory=list)
    report: list[Message] = field(default_factory=list)


def _children(part: Message) -> list[Message]:
    payload = _guard(part.get_payload, None)
    if not isinstance(payload, list):
        return []
    return [child for child in payload if isinstance(child, Message)]


def _count_parts(root: Message, limits: Limits) -> None:
    """Refuse a tree that is too big or too deep before walking it for content."""
    count = 0
    stack: list[tuple[Message, int]] = [(root, 0)]
    while stack:
        part, depth = stack.pop()
        count += 1
        if depth > _MAX_DEPTH:
            raise MailRefused(
                "unparseable", f"the MIME parts are nested more than {_MAX_DEPTH} levels deep"
            )
        if _content_type(part) not in _STATUS_TYPES:  # their "parts" are field blocks
            stack.extend((child, depth + 1) for child in _children(part))
    if count > limits.max_parts:
        raise MailRefused(
            "too_many_parts", f"the mail has {count} MIME parts; the limit is {limits.max_parts}"
        )


def _is_body_text(part: Message) -> bool:
    """A text/plain or text/html part meant to be read in the mail, not saved as a file."""
    if _content_type(part) not in ("text/plain", "text/html"):
        return False
    disposition = _guard(part.get_content_disposition, None)
    return disposition != "attachment" and not _filename(part)


def _leaf_text(part: Message, limits: Limits) -> tuple[str, bool]:
    """A body part as plain text, and whether it was HTML."""
    content = _decoded(part).replace("\r\n", "\n")
    if _content_type(part) == "text/html":
        cap = limits.max_body_chars * _HTML_CHARS_PER_BODY_CHAR
        return _clean_text(html_to_text(content[:cap])), True
    if (_param(part, "format") or "").lower() == "flowed":
        content = _unflow(content, (_param(part, "delsp") or "").lower() == "yes")
    return _clean_text(content), False


def _alternative_rank(part: Message) -> int:
    """Lower is better: plain text, then a multipart (related HTML), then bare HTML."""
    kind = _content_type(part)
    if kind == "text/plain" and _is_body_text(part) and decode_payload(part).strip():
        return 0
    if kind.startswith("multipart/"):
        return 1
    return 2 if kind == "text/html" else 3


def _related_root(part: Message, children: list[Message]) -> Message:
    """The part a multipart/related presents: the ``start`` one, else the first."""
    start = (_param(part, "start") or "").strip("<> ")
    for child in children:
        if start and _content_id(child) == start:
            return child
    return children[0]


def _repaired_children(part: Message, limits: Limits) -> list[Message]:
    """The parts of a multipart whose declared boundary never occurs, split on the one used.

    Some senders write one boundary into the header and another between the parts; the
    first line shaped like a delimiter names the real one. No such line: no parts, and the
    payload is read as text.
    """
    payload = _guard(part.get_payload, None)
    found = _DELIMITER_LINE.search(payload) if isinstance(payload, str) else None
    if not isinstance(payload, str) or found is None:
        return []
    boundary = found.group(1).removesuffix("--")
    header = f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n'.encode()
    repaired = _parse_bytes(header + payload.encode("utf-8", "surrogateescape"))
    _count_parts(repaired, limits)
    return _children(repaired)


def _visit(part: Message, found: _Found, limits: Limits, *, as_text: bool = True) -> None:
    """Collect body texts and attachments below ``part`` (depth was bounded by the count)."""
    kind = _content_type(part)
    children = _children(part) if kind.startswith("multipart/") else []
    if kind.startswith("multipart/") and not children:
        children = _repaired_children(part, limits)
    if children:
        _visit_multipart(part, kind, children, found, limits, as_text=as_text)
    elif kind.startswith("multipart/") or _is_body_text(part):
        # a multipart whose boundary never came is read as the text it is
        if as_text:
            found.texts.append(_leaf_text(part, limits))
    else:
        found.attachments.append(_attachment(part, limits))


def _visit_multipart(
    part: Message,
    kind: str,
    children: list[Message],
    found: _Found,
    limits: Limits,
    *,
    as_text: bool,
) -> None:
    if kind == "multipart/alternative":
        ranks = [_alternative_rank(child) for child in children]
        chosen = ranks.index(min(ranks))
        for index, child in enumerate(children):
            _visit(child, found, limits, as_text=as_text and index == chosen)
    elif kind == "multipart/related":
        root = _related_root(part, children)
        for child in children:
            _visit(child, found, limits, as_text=as_text and child is root)
    elif kind == "multipart/report":
        _visit(children[0], found, limits, as_text=as_text)
        for child in children[1:]:
            if _content_type(child) in _REPORT_TYPES:
                found.report.append(child)
            else:
                _visit(child, found, limits, as_text=False)
    else:
        for child in children:
            _visit(child, found, limits, as_text=as_text)


# ---- delivery reports and automatic mail --------------------------------------------------


def _status_blocks(part: Message) -> list[dict[str, str]]:
    """The field blocks of a message/delivery-status part, keys lower-cased."""
    children = _children(part)
    if children:
        return [
            {
                key: _clean_inline(_FOLD.sub("", value))
                for key, value in _first_headers(_raw_headers(child)).items()
            }
            for child in children
        ]
    blocks: list[dict[str, str]] = []
    for chunk in re.split(r"\n\s*\n", decode_payload(part)):
        unfolded = _FOLD.sub("", chunk)
        fields: dict[str, str] = {}
        for line in unfolded.split("\n"):
            key, colon, value = line.partition(":")
            if colon:
                fields.setdefault(key.strip().lower(), " ".join(value.split()))
        blocks.append(fields)
    return blocks


def _recipient_block(blocks: list[dict[str, str]]) -> dict[str, str]:
    """The per-recipient block that matters: failed first, then delayed, then any."""
    recipients = [b for b in blocks if "final-recipient" in b or "original-recipient" in b]
    for action in ("failed", "delayed"):
        for block in recipients:
            if block.get("action", "").lower().startswith(action):
                return block
    return recipients[0] if recipients else {}


def _after_type(value: str) -> str:
    """``rfc822; a@b`` → ``a@b``; ``smtp; 550 …`` → ``550 …`` (the DSN type prefix dropped)."""
    return value.split(";", 1)[1].strip() if ";" in value else value.strip()


def _original_id(report: list[Message]) -> str | None:
    """The Message-ID of the mail a report is about, from its returned headers or copy."""
    for part in report:
        kind = _content_type(part)
        if kind in ("text/rfc822-headers", "message/global-headers"):
            found = _HEADERS_MESSAGE_ID.search(decode_payload(part))
            if found and (normalised := normalise_message_id(found.group(1))):
                return normalised
        elif kind in ("message/rfc822", "message/global"):
            for inner in _children(part):
                value = _first_headers(_raw_headers(inner)).get("message-id")
                if value and (normalised := normalise_message_id(value)):
                    return normalised
    return None


def _bounce(report: list[Message]) -> Bounce | None:
    """The bounce a delivery-status report describes; None when there is no status part."""
    status_part = next((p for p in report if _content_type(p) in _STATUS_TYPES), None)
    if status_part is None:
        return None
    block = _recipient_block(_status_blocks(status_part))
    recipient = _after_type(block.get("final-recipient") or block.get("original-recipient", ""))
    diagnostic = _after_type(block.get("diagnostic-code", ""))
    status_found = _STATUS_CODE.search(block.get("status", "")) or _STATUS_CODE.search(diagnostic)
    status = status_found.group(1) if status_found else None
    action = block.get("action", "").lower()
    if action.startswith(("failed", "delayed")):
        permanent = action.startswith("failed")
    else:
        permanent = bool(status and status.startswith("5"))
    return Bounce(
        original_message_id=_original_id(report),
        recipient=recipient.strip("<> ").lower() or None,
        status=status,
        diagnostic=diagnostic,
        permanent=permanent,
    )


def _auto_reply(
    first: dict[str, str], report_type: str | None, from_address: str | None, subject: str
) -> str | None:
    """Why the mail was sent by a machine (the header that says so), or None for a person."""
    if report_type is not None:
        return f"Content-Type: multipart/report; report-type={report_type}"
    for key, label, applies in _AUTO_HEADERS:
        raw = first.get(key)
        value = _header_text(raw) if raw is not None else ""
        if value and applies(value):
            return f"{label}: {value}"
    if "return-path" in first and not _header_text(first["return-path"]).strip("<> "):
        return "Return-Path: <>"  # the null sender: only machines send as nobody
    if from_address and from_address.split("@")[0] in _MACHINE_SENDERS:
        return f"From: {from_address}"
    prefix = _AUTO_SUBJECT.match(subject)
    return f"Subject: {prefix.group(1)}" if prefix else None


def _suppresses_replies(value: str) -> bool:
    """Exchange marks its out-of-office replies ``X-Auto-Response-Suppress: All`` (or OOF)."""
    tokens = {token.strip().lower() for token in value.split(",")}
    return bool(tokens & _SUPPRESS_TOKENS)


_AUTO_HEADERS: Final[tuple[tuple[str, str, Callable[[str], bool]], ...]] = (
    ("auto-submitted", "Auto-Submitted", lambda v: v.split(";")[0].strip().lower() != "no"),
    ("x-autoreply", "X-Autoreply", lambda v: v.lower() not in ("no", "false", "0")),
    ("x-autorespond", "X-Autorespond", lambda v: True),
    ("x-autogenerated", "X-Autogenerated", lambda v: True),
    ("x-auto-response-suppress", "X-Auto-Response-Suppress", _suppresses_replies),
    ("precedence", "Precedence", lambda v: v.lower() in _BULK_PRECEDENCE),
    ("x-failed-recipients", "X-Failed-Recipients", lambda v: True),
)


# ---- assembling ---------------------------------------------------------------------------


def _cut(text: str, limit: int) -> tuple[str, str | None]:
    """``text`` within ``limit`` characters, and the marker line to show when it was cut."""
    if len(text) <= limit:
        return text, None
    return text[:limit].rstrip(), _CUT_MARKER.format(total=len(text), limit=limit)


def _texts(found: _Found, limits: Limits, *, forwarded: bool) -> tuple[str, str, bool]:
    """``(text, body, truncated)`` from the collected body parts.

    The body is the customer's new words; when stripping leaves nothing it is the text
    without its signature. A cut text keeps its marker in the body too when the stripper
    removed nothing: the agent reads that text and must know it is not all.
    """
    joined = _clean_text("\n\n".join(text for text, _ in found.texts if text.strip()))
    kept, marker = _cut(joined, limits.max_body_chars)
    body = strip_quotes(kept, forwarded=forwarded) or strip_signature(kept)
    if marker is None:
        return kept, body, False
    text = f"{kept}\n\n{marker}"
    return text, (text if body == kept.strip() else body), True


def _check_size(raw: bytes, limits: Limits) -> None:
    """Refuse a mail over the size limit, or one with nothing in it, before parsing."""
    if len(raw) > limits.max_bytes:
        raise MailRefused(
            "too_large", f"the mail is {_mb(len(raw))}; the limit is {_mb(limits.max_bytes)}"
        )
    if not raw.strip():
        blank = f"the mail is blank ({len(raw)} bytes)"
        reason = blank if raw else "the mail is empty (0 bytes)"
        raise MailRefused("empty", reason)


def _defects(root: Message) -> tuple[str, ...]:
    """The names of the repairs the parser made anywhere in the tree, each once."""
    names: dict[str, None] = {}
    stack = [root]
    while stack:
        part = stack.pop()
        names.update(dict.fromkeys(type(defect).__name__ for defect in part.defects))
        stack.extend(_children(part))
    return tuple(names)


def _report_type(message: Message) -> str | None:
    """The ``report-type`` of a top-level multipart/report (DSN, read receipt), else None."""
    if _content_type(message) != "multipart/report":
        return None
    return (_param(message, "report-type") or "unknown").lower()


def _build(raw: bytes, message: Message, limits: Limits) -> ParsedMail:
    """Everything a ParsedMail holds, read from the parsed tree."""
    raw_headers = _raw_headers(message)
    if not raw_headers:
        raise MailRefused("unparseable", "the data has no mail headers")
    _count_parts(message, limits)
    found = _Found()
    _visit(message, found, limits)
    first = _first_headers(raw_headers)

    subject = _header_text(first.get("subject", ""))
    senders = _addresses(_all_values(raw_headers, "from")) or _addresses(
        _all_values(raw_headers, "sender")
    )
    from_name, from_address = senders[0] if senders else ("", None)
    own_id = normalise_message_id(first.get("message-id", ""))
    forwarded = is_forward_subject(subject)
    text, body, truncated = _texts(found, limits, forwarded=forwarded)
    reply_to = _addresses(_all_values(raw_headers, "reply-to"))
    return ParsedMail(
        message_id=own_id or _synthetic_id(raw, first),
        synthetic_id=own_id is None,
        in_reply_to=extract_ids(first.get("in-reply-to", "")),
        references=_bounded_references(extract_ids(first.get("references", ""))),
        from_address=from_address,
        from_name=from_name,
        reply_to=reply_to[0][1] if reply_to else None,
        to=tuple(address for _, address in _addresses(_all_values(raw_headers, "to"))),
        cc=tuple(address for _, address in _addresses(_all_values(raw_headers, "cc"))),
        subject=subject,
        date=_parse_date(first.get("date")),
        text=text,
        body=body,
        html_only=bool(found.texts) and all(html for _, html in found.texts),
        attachments=tuple(found.attachments),
        auto_reply=_auto_reply(first, _report_type(message), from_address, subject),
        bounce=_bounce(found.report),
        headers=tuple((_clean_inline(name), _header_text(value)) for name, value in raw_headers),
        truncated=truncated,
        forwarded=forwarded,
        defects=_defects(message),
    )


def _parse_bytes(raw: bytes) -> Message:
    """The MIME tree of ``raw``: the modern policy, else the legacy one.

    The modern policy parses some hostile Content-Type parameters while it reads the tree
    and can raise from inside the parser (an IndexError in ``_header_value_parser``); the
    legacy policy keeps headers as raw strings, and everything here reads both.
    """
    try:
        return BytesParser(policy=policy.default).parsebytes(raw)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError, email_errors.MessageError):
        return BytesParser(policy=policy.compat32).parsebytes(raw)


def parse_mail(raw: bytes, limits: Limits = Limits()) -> ParsedMail:
    """Parse one raw inbound mail.

    Raises:
        MailRefused: the mail is too large, has too many parts or too large an attachment,
            is empty, or cannot be read as mail at all. Nothing else escapes: the email
            package's own errors on hostile input become ``unparseable``.
    """
    _check_size(raw, limits)
    try:
        return _build(raw, _parse_bytes(raw), limits)
    except RecursionError as exc:  # the parser recurses once per nesting level
        raise MailRefused("unparseable", "the MIME parts are nested too deeply to parse") from exc
    except _PARSER_ERRORS as exc:
        detail = _clean_inline(str(exc))[:200]
        raise MailRefused(
            "unparseable", f"the mail could not be parsed ({type(exc).__name__}: {detail})"
        ) from exc
