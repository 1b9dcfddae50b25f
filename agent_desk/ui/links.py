"""Links in customer text: found, never followed by themselves, opened only after a confirmation
that shows the real host — and only for http, https and mailto."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl, QUrlQuery
from PySide6.QtWidgets import QMessageBox, QWidget

ALLOWED_SCHEMES = ("http", "https", "mailto")
_LINK = re.compile(r"(?:https?://|mailto:)[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»。，；：！？）】"
MAX_LINKS = 20

UrlOpener = Callable[[QUrl], bool]


def links_in(text: str) -> list[QUrl]:
    """The http(s)/mailto links written in ``text`` (at most 20, each once, in order)."""
    found: list[QUrl] = []
    seen: set[str] = set()
    for match in _LINK.finditer(text[:200_000]):
        raw = match.group(0).rstrip(_TRAILING)
        url = QUrl(raw, QUrl.ParsingMode.StrictMode)
        if not url.isValid() or url.scheme().lower() not in ALLOWED_SCHEMES:
            continue
        if url.scheme().lower() != "mailto" and not url.host():
            continue
        key = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        if key not in seen:
            seen.add(key)
            found.append(url)
        if len(found) >= MAX_LINKS:
            break
    return found


def real_host(url: QUrl) -> str:
    """The host as the network sees it: punycode, so a look-alike of a bank's name shows as
    ``xn--…`` rather than as the name it imitates."""
    if url.scheme().lower() == "mailto":
        address = url.path()
        return address.rsplit("@", 1)[-1] if "@" in address else address
    return url.host(QUrl.ComponentFormattingOption.FullyEncoded)


def display(url: QUrl, limit: int = 300) -> str:
    text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe_mailto(url: QUrl) -> QUrl:
    """A mailto link keeps only its address, subject and body: ``attach=``, ``cc``/``bcc`` and
    other headers some mail programs honour (attaching a local file!) are dropped."""
    kept = QUrlQuery()
    query = QUrlQuery(url)
    for key in ("subject", "body"):
        if query.hasQueryItem(key):
            kept.addQueryItem(key, query.queryItemValue(key))
    clean = QUrl(url)
    clean.setQuery(kept)
    return clean


def isolate(text: str) -> str:
    """Wrapped in a Unicode isolate so a right-to-left override cannot reorder it."""
    return "\u2068" + text + "\u2069"


def confirm_and_open(
    parent: QWidget, url: QUrl, opener: UrlOpener, *, attachment: bool = False
) -> bool:
    """Ask, showing the real host and the whole address; open only on an explicit yes.

    ``attachment``: the address is a message's attachment rather than a link in its text."""
    if url.scheme().lower() not in ALLOWED_SCHEMES:
        return False
    if url.scheme().lower() == "mailto":
        url = safe_mailto(url)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the address is the customer's text
    box.setWindowTitle(QCoreApplication.translate("Links", "Open link?"))
    if url.scheme().lower() == "mailto":
        question = QCoreApplication.translate("Links", "Write an email to {0}?").format(
            isolate(url.path(QUrl.ComponentFormattingOption.FullyEncoded))
        )
    else:
        question = QCoreApplication.translate(
            "Links", "Open a page on {0} in your browser?"
        ).format(real_host(url))
    if attachment:
        where = QCoreApplication.translate(
            "Links", "This attachment is stored elsewhere. The full address is:\n{0}"
        )
    else:
        where = QCoreApplication.translate(
            "Links", "A customer wrote this link. The full address is:\n{0}"
        )
    box.setText(question + "\n\n" + where.format(display(url)))
    open_button = box.addButton(
        QCoreApplication.translate("Links", "Open"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not open_button:
        return False
    return bool(opener(url))
