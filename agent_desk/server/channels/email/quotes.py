"""Strip the quoted history and the signature from a reply, keeping what the customer wrote.

The agent reads the customer's new words; the history is already in the conversation. Mail
clients mark the history in three ways, all handled here line by line:

* an *unquoted* history after a header: Outlook's ``From:/Sent:/To:/Subject:`` block (and
  its Chinese ``发件人:/发送时间:/收件人:/主题:`` form), ``-----Original Message-----``, or
  Foxmail/QQ's ``------------------ 原始邮件 ------------------`` — everything from there on
  is cut;
* ``>`` quoted lines, usually after an attribution (``On … wrote:``, ``在 … 写道：``,
  ``张三 <a@b.cn> 于2026年11月3日 … 写道：``) — a quote block at the end (top-posting) or at
  the start (bottom-posting) is dropped with its attribution; quote blocks *between* the
  customer's own paragraphs are kept, because inline answers mean nothing without them;
* a signature after a ``-- `` line, and the "Sent from my iPhone" / "发自我的iPhone" /
  "来自 QQ邮箱" lines phones add.

A forwarded message is the opposite case: the forwarded text is the point of the mail, so
nothing after a "Forwarded message" / "转发的邮件" marker is ever cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["is_forward_subject", "strip_quotes", "strip_signature"]

_I: Final = re.IGNORECASE

_SEPARATOR: Final = re.compile(
    r"^\s*[-=_*]{2,}\s*(?:original message|original|reply message|原始邮件|原邮件"
    r"|回复的原邮件|原始信息|原始郵件|原始訊息|原始邮件信息)\s*[-=_*]{2,}\s*$",
    _I,
)
_FORWARD_MARKER: Final = re.compile(
    r"^\s*(?:[-=_*]{2,}\s*(?:forwarded message|original forwarded message|forwarded mail"
    r"|转发的邮件|转发邮件|转发邮件信息|转发的消息|轉寄的郵件|轉寄郵件|已转发邮件)\s*[-=_*]{2,}"
    r"|begin forwarded message\s*:|(?:以下为|下面是|开始)?转发的邮件\s*[：:]"
    r"|開始轉寄的郵件\s*[：:])\s*$",
    _I,
)
_FORWARD_SUBJECT: Final = re.compile(r"^\s*(?:fwd?|fw|转发|轉寄|转寄|tr|wg)\s*[:：]", _I)

_HEADER_KEY: Final = re.compile(r"^\s*\*?\s*([^\s:：*]{1,12}(?: [^\s:：*]{1,6})?)\s*\*?\s*[:：]")
_FROM_KEYS: Final = frozenset({"from", "发件人", "發件人", "寄件者", "寄件人"})
_OTHER_KEYS: Final = {
    "sent": "date", "date": "date", "发送时间": "date", "發送時間": "date", "时间": "date",
    "日期": "date", "寄件日期": "date", "傳送時間": "date", "傳送日期": "date",
    "to": "to", "收件人": "to", "收件者": "to",
    "cc": "cc", "抄送": "cc", "抄送人": "cc", "副本": "cc",
    "subject": "subject", "主题": "subject", "主題": "subject", "主旨": "subject",
}  # fmt: skip
_HEADER_WINDOW: Final = 8  # an Outlook header block spans at most this many non-blank lines

# an attribution ends "wrote:" (in some language) and names a date, a time or an address
_ATTRIBUTION_END: Final = re.compile(
    r"(?:\bwrote|\ba écrit|\bschrieb\b.{0,120}|[写寫]道)\s*[:：]$", _I
)
_ATTRIBUTION_EVIDENCE: Final = re.compile(r"@|\d{1,2}:\d{2}|\d{4}|\d{1,2}/\d{1,2}|\d{1,2}月")
_ATTRIBUTION_OPENER: Final = re.compile(r"^\s*(?:on|le|am)\s|^\s*[在於]", _I)
_ATTRIBUTION_SPAN: Final = 3  # Gmail wraps a long "On … wrote:" over up to three lines

_MOBILE_SIGNATURE: Final = re.compile(
    r"^\s*(?:sent from my .{1,40}|sent from .{1,30} for (?:windows|ios|android|mac).{0,20}"
    r"|sent from (?:outlook|yahoo mail|mail|gmail).{0,30}|get outlook for .{1,30}"
    r"|发自我的.{1,30}|发自.{1,20}(?:邮箱|邮件|mail|outlook).{0,15}|来自\s*.{0,12}邮箱.{0,12}"
    r"|从我的.{1,20}发送|從我的.{1,20}傳送|來自我的.{1,20}|获取\s*outlook.{0,30}"
    r"|寄自我的.{1,20})\s*$",
    _I,
)
_SIGNATURE_MARK: Final = re.compile(r"^--\s?$")
_SIGNATURE_MAX_LINES: Final = 15  # after "-- ", more than this is not a signature
_RULE: Final = re.compile(r"^\s*[-_=*—]{5,}\s*$")


def is_forward_subject(subject: str) -> bool:
    """Whether a subject says the mail forwards another (``Fwd:``, ``FW:``, ``转发：``…).

    Outlook and QQ forward with the same header block they reply with, so only the subject
    tells a forward (keep the history) from a reply (cut it). ``Re: Fwd:`` is a reply.
    """
    return _FORWARD_SUBJECT.match(subject) is not None


def strip_quotes(text: str, *, forwarded: bool = False) -> str:
    """The customer's new words in ``text``: quoted history and signature removed.

    Args:
        text: a plain-text body (``\\n`` line ends).
        forwarded: the mail forwards another one (see :func:`is_forward_subject`); then
            nothing is cut, because the forwarded text is what the customer sends us.

    Returns:
        The remaining text, stripped; ``""`` when the mail was nothing but history.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if forwarded:
        return "\n".join(lines).strip()
    lines = _cut_unquoted_history(lines)
    lines = _drop_trailing_quotes(lines)
    lines = _drop_leading_quotes(lines)
    return "\n".join(_strip_signature_lines(lines)).strip()


def strip_signature(text: str) -> str:
    """``text`` without its trailing signature and phone footer, history left alone."""
    lines = text.replace("\r\n", "\n").split("\n")
    return "\n".join(_strip_signature_lines(lines)).strip()


# ---- unquoted history ---------------------------------------------------------------------


def _cut_unquoted_history(lines: list[str]) -> list[str]:
    """Lines before the first header that starts an unquoted history (or all of them)."""
    for index, line in enumerate(lines):
        if _FORWARD_MARKER.match(line):
            return lines
        if _is_quoted(line):
            continue
        if _SEPARATOR.match(line) or _outlook_header_at(lines, index):
            return _trim_rules(lines[:index])
        span = _attribution_span(lines, index)
        if span and not _quote_follows(lines, index + span):
            return lines[:index]
    return lines


def _header_key(line: str) -> str | None:
    """The lower-cased key of a ``Key: value`` line (``*From:*`` as Gmail renders it too)."""
    match = _HEADER_KEY.match(line)
    return match.group(1).lower() if match else None


def _outlook_header_at(lines: Sequence[str], index: int) -> bool:
    """Whether a ``From:`` line at ``index`` opens a block with two more header fields."""
    if _header_key(lines[index]) not in _FROM_KEYS:
        return False
    seen: set[str] = set()
    window = [line for line in lines[index + 1 :] if line.strip()][:_HEADER_WINDOW]
    for line in window:
        kind = _OTHER_KEYS.get(_header_key(line) or "")
        if kind:
            seen.add(kind)
    return len(seen) >= 2


def _trim_rules(lines: list[str]) -> list[str]:
    """Drop trailing blank lines and the ``_____`` rule Outlook draws above its header."""
    end = len(lines)
    while end and (not lines[end - 1].strip() or _RULE.match(lines[end - 1])):
        end -= 1
    return lines[:end]


# ---- attributions and quote blocks --------------------------------------------------------


def _attribution_span(lines: Sequence[str], index: int) -> int:
    """How many lines an attribution starting at ``index`` spans (0: none starts there)."""
    if not lines[index].strip():
        return 0
    for span in range(1, _ATTRIBUTION_SPAN + 1):
        if index + span > len(lines):
            break
        chunk = lines[index : index + span]
        if span > 1 and (not chunk[-1].strip() or not _ATTRIBUTION_OPENER.match(chunk[0])):
            break
        joined = " ".join(part.strip() for part in chunk)
        if (
            len(joined) <= 400
            and _ATTRIBUTION_END.search(joined)
            and _ATTRIBUTION_EVIDENCE.search(joined)
        ):
            return span
    return 0


def _is_quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _quote_follows(lines: Sequence[str], start: int) -> bool:
    """Whether the next non-blank line from ``start`` is a ``>`` quote."""
    for line in lines[start:]:
        if line.strip():
            return _is_quoted(line)
    return False


def _drop_trailing_quotes(lines: list[str]) -> list[str]:
    """Remove the quote block at the end, with the attribution above it."""
    end = len(lines)
    quoted = False
    while end and (not lines[end - 1].strip() or _is_quoted(lines[end - 1])):
        quoted = quoted or _is_quoted(lines[end - 1])
        end -= 1
    if not quoted:
        return lines
    return lines[: _before_attribution(lines, end)]


def _before_attribution(lines: Sequence[str], end: int) -> int:
    """Where an attribution ending just above ``end`` (blank lines between) starts, else ``end``."""
    last = end
    while last and not lines[last - 1].strip():
        last -= 1
    for span in range(1, _ATTRIBUTION_SPAN + 1):
        start = last - span
        if start >= 0 and _attribution_span(lines, start) == span:
            return start
    return end


def _drop_leading_quotes(lines: list[str]) -> list[str]:
    """Remove a quote block (and its attribution) that opens a bottom-posted reply.

    When more quotes follow the customer's text, the reply answers inline and every quote
    is kept as the question its answer belongs to.
    """
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines):
        start += _attribution_span(lines, start)
    end = start
    quoted = False
    while end < len(lines) and (not lines[end].strip() or _is_quoted(lines[end])):
        quoted = quoted or _is_quoted(lines[end])
        end += 1
    if not quoted or end == len(lines) or any(map(_is_quoted, lines[end:])):
        return lines  # nothing to drop, nothing after it, or inline answers between quotes
    return lines[end:]


# ---- signatures ---------------------------------------------------------------------------


def _strip_signature_lines(lines: list[str]) -> list[str]:
    """Drop trailing blank lines, phone footers and a short block after ``-- ``."""
    while True:
        before = len(lines)
        lines = _trim_rules(lines)
        if lines and _MOBILE_SIGNATURE.match(lines[-1]):
            lines = lines[:-1]
        lines = _cut_dash_signature(lines)
        if len(lines) == before:
            return lines


def _cut_dash_signature(lines: list[str]) -> list[str]:
    """Lines before a ``-- `` marker followed by a signature-sized block."""
    for index, line in enumerate(lines):
        if not _SIGNATURE_MARK.match(line):
            continue
        rest = [item for item in lines[index + 1 :] if item.strip()]
        if len(rest) <= _SIGNATURE_MAX_LINES and not any(map(_FORWARD_MARKER.match, rest)):
            return lines[:index]
    return lines
