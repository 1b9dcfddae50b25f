"""HTML mail bodies as plain text an agent can read, and nothing that a view could render as markup.

Customers' clients send HTML-only mail, and webmail puts the quoted history into
``<blockquote>``; we turn the markup into text with the standard library's tolerant
tokenizer. Quoted blocks come out as ``> `` lines, so the quote stripper in
:mod:`.quotes` treats an HTML reply the same way as a plain-text one.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Final

__all__ = ["html_to_text"]

# content that is never text: executable, presentational, or metadata
_SKIP: Final = frozenset(
    {"script", "style", "head", "title", "noscript", "template", "svg", "math", "iframe"}
    | {"object", "embed", "canvas", "audio", "video", "select", "button", "xml"}
)
# elements that end the current line
_BLOCK: Final = frozenset(
    {"div", "br", "tr", "li", "dd", "dt", "ul", "ol", "dl", "table", "tbody", "thead"}
    | {"tfoot", "section", "article", "header", "footer", "nav", "aside", "main", "form"}
    | {"fieldset", "address", "center", "figure", "figcaption", "caption", "details"}
    | {"summary", "hr", "blockquote", "pre"}
)
# elements that stand as a paragraph of their own (a blank line around them)
_PARAGRAPH: Final = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "hr"})
_VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_LINK_SCHEMES: Final = ("http://", "https://", "mailto:", "tel:")
_SPACES: Final = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")
_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _TextBuilder(HTMLParser):
    """Collects text line by line, tracking quote depth, lists, tables and skipped subtrees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._line: list[str] = []
        self._line_depth = 0
        self._quote_depth = 0
        self._pre = 0
        self._skip_tag: str | None = None
        self._skip_nesting = 0
        self._lists: list[list[int]] = []  # per open list: [next number] or [] for bullets
        self._cells_in_row = 0
        self._links: list[str | None] = []
        self._link_text: list[list[str]] = []

    # ---- output primitives -------------------------------------------------------------

    def _emit(self, text: str) -> None:
        if self._link_text:
            self._link_text[-1].append(text)
        if not self._line:
            self._line_depth = self._quote_depth
        self._line.append(text)

    def _newline(self, paragraph: bool = False) -> None:
        text = "".join(self._line).strip(" ") if not self._pre else "".join(self._line)
        self._line = []
        if text.strip():
            self._lines.append(("> " * self._line_depth + text).rstrip())
        if paragraph:
            self._lines.append(("> " * self._quote_depth).rstrip())
        self._line_depth = self._quote_depth

    # ---- parser callbacks ----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping(tag, opening=True):
            return
        attributes = {name: value or "" for name, value in attrs}
        if tag not in _VOID and _HIDDEN_STYLE.search(attributes.get("style", "")):
            self._skip_tag, self._skip_nesting = tag, 1
            return
        if tag in _SKIP and tag not in _VOID:
            self._skip_tag, self._skip_nesting = tag, 1
            return
        self._open(tag, attributes)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is None and (tag in _VOID or tag not in _SKIP):
            self._open(tag, {name: value or "" for name, value in attrs})
            if tag not in _VOID:
                self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping(tag, opening=False):
            return
        self._close(tag)

    def handle_data(self, data: str) -> None:
        if self._skip_tag is not None:
            return
        if self._pre:
            for number, piece in enumerate(data.replace("\r\n", "\n").split("\n")):
                if number:
                    self._newline()
                if piece:
                    self._emit(piece)
            return
        text = _SPACES.sub(" ", data)
        if text.strip() or (text and self._line):
            self._emit(text)

    # ---- element handling ----------------------------------------------------------------

    def _skipping(self, tag: str, *, opening: bool) -> bool:
        """Whether we are inside a dropped subtree; counts nested same-name elements."""
        if self._skip_tag is None:
            return False
        if tag == "body" and self._skip_tag == "head":  # a <head> nobody closed
            self._skip_tag = None
            return False
        if tag == self._skip_tag and tag not in _VOID:
            self._skip_nesting += 1 if opening else -1
            if self._skip_nesting == 0:
                self._skip_tag = None
        return True

    def _open(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "br" and not "".join(self._line).strip():
            self._lines.append(("> " * self._quote_depth).rstrip())  # <br> on an empty line
            return
        if tag in _BLOCK or tag in _PARAGRAPH:
            self._newline(paragraph=tag in _PARAGRAPH)
        if tag == "blockquote":
            self._quote_depth += 1
        elif tag == "pre":
            self._pre += 1
        elif tag in ("ul", "ol"):
            self._lists.append([1] if tag == "ol" else [])
        elif tag == "li":
            self._emit(self._bullet())
        elif tag == "tr":
            self._cells_in_row = 0
        elif tag in ("td", "th"):
            if self._cells_in_row and self._line:
                self._emit(" | ")
            self._cells_in_row += 1
        elif tag == "a":
            self._links.append(_link_target(attributes.get("href", "")))
            self._link_text.append([])
        elif tag == "img":
            alt = _SPACES.sub(" ", attributes.get("alt", "")).strip()
            if alt and not _is_tracking_pixel(attributes):
                self._emit(f"[{alt}]")

    def _close(self, tag: str) -> None:
        if tag == "a" and self._links:
            self._finish_link()
            return
        if tag in _BLOCK or tag in _PARAGRAPH:
            self._newline(paragraph=tag in _PARAGRAPH)
        if tag == "blockquote" and self._quote_depth:
            self._quote_depth -= 1
            self._line_depth = self._quote_depth
        elif tag == "pre" and self._pre:
            self._pre -= 1
        elif tag in ("ul", "ol") and self._lists:
            self._lists.pop()

    def _bullet(self) -> str:
        if not self._lists or not self._lists[-1]:
            return "- "
        number = self._lists[-1][0]
        self._lists[-1][0] = number + 1
        return f"{number}. "

    def _finish_link(self) -> None:
        target = self._links.pop()
        text = "".join(self._link_text.pop()).strip()
        if not target:
            return
        shown = target.removeprefix("mailto:")
        if not text:
            self._emit(shown)
        elif text not in (target, shown):
            self._emit(f" ({shown})")

    def text(self) -> str:
        """The collected text, with runs of blank lines collapsed."""
        while self._links:
            self._finish_link()
        self._newline()
        return _CONTROLS.sub("", _collapse_blank_lines(self._lines))


def _link_target(href: str) -> str | None:
    """The address worth showing for a link; None for javascript:, anchors and cid: parts."""
    target = _SPACES.sub("", href)
    return target if target.lower().startswith(_LINK_SCHEMES) else None


def _is_tracking_pixel(attributes: dict[str, str]) -> bool:
    """A 0/1-pixel image: a read-tracking beacon, never content."""
    sizes = (attributes.get("width", "").strip(), attributes.get("height", "").strip())
    return any(size in ("0", "1", "0px", "1px") for size in sizes)


def _collapse_blank_lines(lines: list[str]) -> str:
    """Join lines, at most one blank (or empty-quote) line in a row, none at either end."""
    kept: list[str] = []
    for line in lines:
        blank = not line.strip("> ")
        if blank and (not kept or not kept[-1].strip("> ")):
            continue
        kept.append(line)
    while kept and not kept[-1].strip("> "):
        kept.pop()
    return "\n".join(kept)


def html_to_text(html: str) -> str:
    """Render an HTML body as plain text.

    Scripts, styles, the head and hidden elements are dropped; block elements end lines;
    links read ``text (url)``; entities are decoded; ``<blockquote>`` becomes ``> `` lines.
    The result never contains markup that came from the document (text that *says*
    ``&lt;b&gt;`` still reads ``<b>``, as the sender wrote it), nor control characters
    other than ``\\n``.
    """
    builder = _TextBuilder()
    builder.feed(html)
    builder.close()
    return builder.text()
