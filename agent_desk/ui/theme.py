"""The look: icons tinted to the palette, the window's colours for light and dark, a small QSS.

Icons are SVGs in ``resources/icons`` drawn with ``currentColor``. :func:`icon` returns a QIcon
that renders the SVG at the exact device-pixel size asked for, so it is sharp at any size and
scale factor. Colours that Qt's palette has no role for (message bubbles, SLA clocks, banners,
tier badges) come from :class:`Theme`, one hand-tuned set for light and one for dark; every
foreground/background pair in it is checked for WCAG contrast by the tests.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
    QPixmapCache,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QTableView

from agent_desk.core.enums import MessageKind, SlaState, ValueTier

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
ICONS = RESOURCES / "icons"

_ICON_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# What an icon engine offers to callers that ask (window icons, trays, installers).
_STANDARD_SIZES = (16, 20, 24, 32, 48, 64, 128, 256)
_DISABLED_OPACITY = 0.4


# --- icons -------------------------------------------------------------------------------------


@functools.cache
def _svg_source(name: str) -> bytes:
    path = ICONS / f"{name}.svg"
    if not _ICON_NAME.fullmatch(name) or not path.is_file():
        raise KeyError(name)
    return path.read_bytes()


class _SvgIconEngine(QIconEngine):
    """Renders one SVG at the requested size × device-pixel ratio, tinted, through QPixmapCache.

    With ``color=None`` the tint follows the application palette at render time: WindowText,
    its Disabled shade for disabled icons, HighlightedText for icons on a selected row.
    """

    def __init__(self, name: str, source: bytes, color: QColor | None) -> None:
        super().__init__()
        self._name = name
        self._source = source
        self._color = QColor(color) if color is not None else None
        self._tinted = b"currentColor" in source

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._name, self._source, self._color)

    def key(self) -> str:
        return "agent-desk-svg"

    def iconName(self) -> str:
        return self._name

    def isNull(self) -> bool:
        return False

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(s, s) for s in _STANDARD_SIZES]

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = max(1, round(min(size.width(), size.height()) * scale))
        color, opacity = self._paint_color(mode)
        tint = "-" if color is None else color.name(QColor.NameFormat.HexRgb)
        key = f"agent-desk-icon:{self._name}:{tint}:{opacity:.3f}:{side}@{scale:g}"
        pixmap = QPixmap()
        if not QPixmapCache.find(key, pixmap):
            pixmap = self._render(side, color, opacity)
            # Set now, so QIcon setting the same ratio again does not detach a cached copy.
            pixmap.setDevicePixelRatio(scale)
            QPixmapCache.insert(key, pixmap)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # Item views paint icons this way on every repaint, so go through the pixmap cache.
        ratio = painter.device().devicePixelRatioF()
        pixmap = self.scaledPixmap(rect.size(), mode, state, ratio)
        side = round(pixmap.width() / ratio)
        offset = QPoint((rect.width() - side) // 2, (rect.height() - side) // 2)
        painter.drawPixmap(rect.topLeft() + offset, pixmap)

    def _paint_color(self, mode: QIcon.Mode) -> tuple[QColor | None, float]:
        """The tint (``None`` for a colour SVG) and the opacity to draw with in ``mode``."""
        disabled = mode == QIcon.Mode.Disabled
        if not self._tinted:
            return None, _DISABLED_OPACITY if disabled else 1.0
        if self._color is not None:
            alpha = self._color.alphaF()
            return self._color, alpha * _DISABLED_OPACITY if disabled else alpha
        palette = QGuiApplication.palette()
        if disabled:
            color = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        elif mode == QIcon.Mode.Selected:
            color = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
        else:
            color = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
        return color, color.alphaF()

    def _render(self, side: int, color: QColor | None, opacity: float) -> QPixmap:
        source = self._source
        if color is not None:
            source = source.replace(b"currentColor", color.name(QColor.NameFormat.HexRgb).encode())
        renderer = QSvgRenderer(QByteArray(source))
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(opacity)
        renderer.render(painter, QRectF(0, 0, side, side))
        painter.end()
        return QPixmap.fromImage(image)


_icons: dict[tuple[str, int | None], QIcon] = {}


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg``, tinted with ``color``.

    Args:
        name: the file name without ``.svg``, e.g. ``"channel-email"``.
        color: the tint; ``None`` follows the application palette's WindowText (and its
            disabled and highlighted shades), so the icon stays visible in dark mode.

    Raises:
        KeyError: there is no such icon (a bug in the caller, not something a user typed).
    """
    key = (name, None if color is None else color.rgba())
    cached = _icons.get(key)
    if cached is None:
        cached = QIcon(_SvgIconEngine(name, _svg_source(name), color))
        _icons[key] = cached
    return cached


def app_icon() -> QIcon:
    """The application's own mark, in colour: window, tray, installers."""
    return icon("app")


def clear_icon_cache() -> None:
    """Forget the icons handed out so far; the next :func:`icon` call renders afresh."""
    _icons.clear()


# --- colours -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """The colours the window needs beyond the palette's roles. Each ``*_text`` goes on its
    namesake; ``sla_*`` and ``muted_text`` go on the view's Base colour."""

    dark: bool
    inbound: QColor
    inbound_text: QColor
    outbound: QColor
    outbound_text: QColor
    note: QColor
    note_text: QColor
    system: QColor
    system_text: QColor
    failed: QColor
    failed_text: QColor
    note_editor: QColor
    note_editor_text: QColor
    sla_on_target: QColor
    sla_at_risk: QColor
    sla_breached: QColor
    banner_offline: QColor
    banner_offline_text: QColor
    banner_info: QColor
    banner_info_text: QColor
    banner_error: QColor
    banner_error_text: QColor
    tier_standard: QColor
    tier_standard_text: QColor
    tier_silver: QColor
    tier_silver_text: QColor
    tier_gold: QColor
    tier_gold_text: QColor
    tier_platinum: QColor
    tier_platinum_text: QColor
    muted_text: QColor
    accent: QColor

    def bubble(self, kind: str, *, failed: bool = False) -> tuple[QColor, QColor]:
        """(background, text) of a message bubble; an unknown kind looks like a system line."""
        if failed:
            return self.failed, self.failed_text
        pairs: dict[str, tuple[QColor, QColor]] = {
            MessageKind.INBOUND: (self.inbound, self.inbound_text),
            MessageKind.OUTBOUND: (self.outbound, self.outbound_text),
            MessageKind.NOTE: (self.note, self.note_text),
        }
        return pairs.get(kind, (self.system, self.system_text))

    def tier(self, tier: str | None) -> tuple[QColor, QColor]:
        """(background, text) of a customer's value-tier badge; unknown tiers look standard."""
        pairs: dict[str, tuple[QColor, QColor]] = {
            ValueTier.SILVER: (self.tier_silver, self.tier_silver_text),
            ValueTier.GOLD: (self.tier_gold, self.tier_gold_text),
            ValueTier.PLATINUM: (self.tier_platinum, self.tier_platinum_text),
        }
        return pairs.get(tier or "", (self.tier_standard, self.tier_standard_text))

    def sla(self, state: str) -> QColor | None:
        """The colour of an SLA clock in ``state``; ``None`` when nothing is owed."""
        colours: dict[str, QColor] = {
            SlaState.ON_TARGET: self.sla_on_target,
            SlaState.AT_RISK: self.sla_at_risk,
            SlaState.BREACHED: self.sla_breached,
        }
        return colours.get(state)


def _c(hex_rgb: str) -> QColor:
    return QColor(hex_rgb)


_LIGHT = Theme(
    dark=False,
    inbound=_c("#eef1f3"),
    inbound_text=_c("#1f2328"),
    outbound=_c("#d3efe9"),
    outbound_text=_c("#0c3b34"),
    note=_c("#fdf0c4"),
    note_text=_c("#4a3800"),
    system=_c("#f4f5f6"),
    system_text=_c("#4f5b62"),
    failed=_c("#fde7e5"),
    failed_text=_c("#8a1c15"),
    note_editor=_c("#fff1b8"),
    note_editor_text=_c("#3d2e00"),
    sla_on_target=_c("#1b7a36"),
    sla_at_risk=_c("#a85a00"),
    sla_breached=_c("#c62828"),
    banner_offline=_c("#ffefc2"),
    banner_offline_text=_c("#5a4100"),
    banner_info=_c("#e1efff"),
    banner_info_text=_c("#0b4190"),
    banner_error=_c("#fde3e1"),
    banner_error_text=_c("#a31515"),
    tier_standard=_c("#e2e7ea"),
    tier_standard_text=_c("#37454d"),
    tier_silver=_c("#cfd8dd"),
    tier_silver_text=_c("#1f2b31"),
    tier_gold=_c("#ffdf7a"),
    tier_gold_text=_c("#4a3600"),
    tier_platinum=_c("#2f3d46"),
    tier_platinum_text=_c("#f1f4f6"),
    muted_text=_c("#5f6368"),
    accent=_c("#00796b"),
)

_DARK = Theme(
    dark=True,
    inbound=_c("#30353a"),
    inbound_text=_c("#e8eaed"),
    outbound=_c("#124a43"),
    outbound_text=_c("#dff3ef"),
    note=_c("#4a3c12"),
    note_text=_c("#ffe7a0"),
    system=_c("#2b2f33"),
    system_text=_c("#b4bec5"),
    failed=_c("#5a1f1b"),
    failed_text=_c("#ffd7d2"),
    note_editor=_c("#56450f"),
    note_editor_text=_c("#fff0c2"),
    sla_on_target=_c("#7fcf98"),
    sla_at_risk=_c("#f5c453"),
    sla_breached=_c("#ff8a80"),
    banner_offline=_c("#4e3c05"),
    banner_offline_text=_c("#ffe08a"),
    banner_info=_c("#123a63"),
    banner_info_text=_c("#d2e7ff"),
    banner_error=_c("#5e1b1b"),
    banner_error_text=_c("#ffd0cc"),
    tier_standard=_c("#3a464d"),
    tier_standard_text=_c("#e6ebee"),
    tier_silver=_c("#56707c"),
    tier_silver_text=_c("#ffffff"),
    tier_gold=_c("#6b5203"),
    tier_gold_text=_c("#ffe9a6"),
    tier_platinum=_c("#d5dde2"),
    tier_platinum_text=_c("#1b2429"),
    muted_text=_c("#9aa0a6"),
    accent=_c("#4db6ac"),
)


def _is_dark(color: QColor) -> bool:
    return color.lightness() < 128


def _mix(a: QColor, b: QColor, towards_b: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * towards_b,
        a.greenF() + (b.greenF() - a.greenF()) * towards_b,
        a.blueF() + (b.blueF() - a.blueF()) * towards_b,
    )


def theme_for(palette: QPalette, dark: bool | None = None) -> Theme:
    """The theme that goes with ``palette``.

    Args:
        palette: the palette the window is drawn with.
        dark: force the dark or light set; ``None`` decides by the Window colour's lightness.
            What is drawn straight onto the view (SLA clocks, muted text) always follows the
            palette's own Base and Text, so it stays readable even if the system's colour
            scheme and the palette disagree.
    """
    if dark is None:
        dark = _is_dark(palette.color(QPalette.ColorRole.Window))
    chosen = _DARK if dark else _LIGHT
    base = palette.color(QPalette.ColorRole.Base)
    on_base = _DARK if _is_dark(base) else _LIGHT
    return replace(
        chosen,
        sla_on_target=on_base.sla_on_target,
        sla_at_risk=on_base.sla_at_risk,
        sla_breached=on_base.sla_breached,
        muted_text=_mix(palette.color(QPalette.ColorRole.Text), base, 0.38),
    )


_current: tuple[tuple[int, Qt.ColorScheme], Theme] | None = None


def current_theme() -> Theme:
    """The theme for the application's palette right now (cheap: delegates call it per paint).

    An explicit Dark/Light from the system's colour scheme wins over the palette's lightness,
    so the switch shows even before the style has delivered the new palette. (The pinned
    PySide6, 6.11, always has ``colorScheme()``; it arrived in Qt 6.5.)
    """
    global _current
    palette = QGuiApplication.palette()
    scheme = QGuiApplication.styleHints().colorScheme()
    key = (palette.cacheKey(), scheme)
    if _current is not None and _current[0] == key:
        return _current[1]
    if scheme == Qt.ColorScheme.Dark:
        theme = theme_for(palette, dark=True)
    elif scheme == Qt.ColorScheme.Light:
        theme = theme_for(palette, dark=False)
    else:
        theme = theme_for(palette)
    _current = (key, theme)
    return theme


class ThemeWatcher(QObject):
    """Notices when the system switches between light and dark, or the palette changes.

    Listens to the style hints' colour-scheme signal and, through an event filter on the
    application, to ``ApplicationPaletteChange``. Clears the icon cache before telling anyone.

    Signals:
        changed(Theme): the theme to draw with from now on; emitted only when the palette or
            the light/dark decision actually changed.
    """

    changed = Signal(object)

    def __init__(self, app: QGuiApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._palette = app.palette()
        self._theme = current_theme()
        app.styleHints().colorSchemeChanged.connect(self._recheck)
        app.installEventFilter(self)

    @property
    def theme(self) -> Theme:
        return self._theme

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An application-wide filter sees every event: keep the common path to one comparison.
        if watched is self._app and event.type() == QEvent.Type.ApplicationPaletteChange:
            self._recheck()
        return False

    def _recheck(self) -> None:
        palette = self._app.palette()
        theme = current_theme()
        if theme.dark == self._theme.dark and palette == self._palette:
            return
        log.info("theme changed (dark=%s)", theme.dark)
        self._palette = palette
        self._theme = theme
        clear_icon_cache()
        self.changed.emit(theme)


# --- stylesheet and layout density -------------------------------------------------------------


def stylesheet(theme: Theme) -> str:
    """A small QSS on top of the platform style: only what the palette cannot say.

    A banner is a label or frame named ``banner`` with a ``kind`` property (offline, info,
    error), and its labels take the banner's text colour; tier badges are labels with a ``tier``
    property; ``QLabel[muted="true"]`` is secondary text; the composer is a ``QPlainTextEdit``
    whose ``noteMode`` is "true" while it writes an internal note. A widget must be re-polished
    after such a property changes.
    """
    note = f"background: {theme.note_editor.name()}; color: {theme.note_editor_text.name()};"
    rules = [
        # min-width keeps the style's own tab drawing; padding or borders here would replace it.
        "QTabBar::tab { min-width: 5em; }",
        "QFrame#banner { padding: 6px 10px; border: none; border-radius: 4px; }",
        f'QPlainTextEdit[noteMode="true"] {{ {note} }}',
    ]
    for kind, bg, fg in [
        ("offline", theme.banner_offline, theme.banner_offline_text),
        ("info", theme.banner_info, theme.banner_info_text),
        ("error", theme.banner_error, theme.banner_error_text),
    ]:
        banner = f'QFrame#banner[kind="{kind}"]'  # a QLabel is a QFrame too
        rules.append(f"{banner} {{ background: {bg.name()}; color: {fg.name()}; }}")
        rules.append(f"{banner} QLabel {{ color: {fg.name()}; }}")
    for tier in ValueTier:
        bg, fg = theme.tier(tier)
        rules.append(
            f'QLabel[tier="{tier.value}"] {{ background: {bg.name()}; color: {fg.name()}; '
            "padding: 1px 6px; border-radius: 3px; }"
        )
    rules.append(f'QLabel[muted="true"] {{ color: {theme.muted_text.name()}; }}')
    return "\n".join(rules) + "\n"


def dense_rows(view: QTableView) -> None:
    """Slightly denser table rows than the style's default (QSS cannot set a row height)."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
