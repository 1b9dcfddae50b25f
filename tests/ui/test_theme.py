"""The look, offscreen: safe sharp icons that follow the palette, readable colours, the watcher."""

from __future__ import annotations

import gc
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPlainTextEdit, QTableView

from agent_desk.core.enums import ValueTier
from agent_desk.ui import theme
from agent_desk.ui.theme import ICONS, Theme, ThemeWatcher, app_icon, icon, stylesheet, theme_for

REQUIRED = {
    *(f"channel-{c}" for c in ("chat", "email", "phone", "social", "app")),
    *("claim", "resolve", "snooze", "reopen", "send", "note", "search", "filter", "sort"),
    *("command", "help", "settings", "sign-out", "retry", "link", "warning", "offline"),
    *("online", "syncing", "next", "customer", "knowledge", "actions", "app"),
}
SVGS = sorted(ICONS.glob("*.svg"))
NAMES = [p.stem for p in SVGS]
SVG_NS = "{http://www.w3.org/2000/svg}"
ROLE = QPalette.ColorRole


# --- helpers -----------------------------------------------------------------------------------


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1..21."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def distance(a: QColor, b: QColor) -> float:
    return (
        (a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2
    ) ** 0.5


def dark_palette(base: str = "#1f1f1f", window: str = "#2d2d2d") -> QPalette:
    text, dim = QColor("#e6e6e6"), QColor("#7f7f7f")
    p = QPalette(QColor(window))
    for role, colour in [
        (ROLE.Window, QColor(window)),
        (ROLE.WindowText, text),
        (ROLE.Base, QColor(base)),
        (ROLE.AlternateBase, QColor(window)),
        (ROLE.Text, text),
        (ROLE.Button, QColor("#383838")),
        (ROLE.ButtonText, text),
        (ROLE.Highlight, QColor("#2f7dc1")),
        (ROLE.HighlightedText, QColor("#ffffff")),
        (ROLE.ToolTipBase, QColor(window)),
        (ROLE.ToolTipText, text),
        (ROLE.PlaceholderText, dim),
    ]:
        p.setColor(role, colour)
    for role in (ROLE.WindowText, ROLE.Text, ROLE.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, dim)
    return p


def light_palette(base: str = "#ffffff") -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(ROLE.Base, QColor(base))
    return p


def drawn(pixmap: QPixmap) -> list[QColor]:
    """The colours of the clearly drawn pixels."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return [
        image.pixelColor(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 200
    ]


@pytest.fixture
def restore_palette(qapp: QApplication) -> Iterator[None]:
    original = QPalette(qapp.palette())
    try:
        yield
    finally:
        qapp.setPalette(original)
        theme.clear_icon_cache()


# --- the SVG files -----------------------------------------------------------------------------


def test_every_icon_the_window_needs_is_there() -> None:
    assert not REQUIRED - set(NAMES), sorted(REQUIRED - set(NAMES))


@pytest.mark.parametrize("path", SVGS, ids=NAMES)
def test_svg_is_valid_safe_and_tintable(qapp: QApplication, path: Path) -> None:
    assert QSvgRenderer(str(path)).isValid()
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    if path.stem != "app":
        assert root.get("viewBox") == "0 0 24 24"
    for element in root.iter():
        tag = element.tag.removeprefix(SVG_NS)
        assert tag not in ("script", "image", "foreignObject", "use"), tag
        for attribute, value in element.attrib.items():
            assert not attribute.startswith("on"), attribute  # no event handlers
            if attribute.endswith("href"):
                assert value.startswith("#"), value  # nothing outside the file
            if attribute in ("fill", "stroke", "stop-color", "color"):
                assert value.startswith(("none", "currentColor", "url(#", "#")), value
    text = path.read_text(encoding="utf-8")
    assert "url(" not in text.replace("url(#", "")
    if path.stem == "app":
        assert "currentColor" not in text  # the app's mark keeps its colours
    else:
        assert "currentColor" in text
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b", text), "a fixed colour defeats tinting"


# --- icon() ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_icon_is_drawn_at_16px_and_at_48px_on_a_2x_screen(qapp: QApplication, name: str) -> None:
    small = icon(name).pixmap(QSize(16, 16), 1.0)
    assert not small.isNull()
    assert (small.width(), small.height()) == (16, 16)
    assert len(drawn(small)) >= 16

    large = icon(name).pixmap(QSize(48, 48), 2.0)
    assert not large.isNull()
    assert (large.width(), large.height(), large.devicePixelRatio()) == (96, 96, 2.0)
    # Rendered from the SVG at 96 device pixels, not a smaller pixmap scaled up.
    ink = QApplication.palette().color(ROLE.WindowText).name()
    source = (ICONS / f"{name}.svg").read_bytes().replace(b"currentColor", ink.encode())
    reference = QImage(96, 96, QImage.Format.Format_ARGB32_Premultiplied)
    reference.fill(Qt.GlobalColor.transparent)
    painter = QPainter(reference)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(source)).render(painter, QRectF(0, 0, 96, 96))
    painter.end()
    rendered = large.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    rendered.setDevicePixelRatio(1.0)
    assert rendered == reference


def test_painting_on_a_2x_device_uses_the_full_resolution(qapp: QApplication) -> None:
    image = QImage(96, 96, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    icon("resolve", QColor("#0050ff")).paint(painter, QRect(0, 0, 48, 48))
    painter.end()
    # The circle reaches into the bottom-right quarter of the 96-pixel image.
    lower_right = [image.pixelColor(x, y) for y in range(48, 96) for x in range(48, 96)]
    assert any(c.alpha() > 200 and c.blue() > 200 for c in lower_right)


def test_tinting_changes_the_pixel_colour(qapp: QApplication) -> None:
    red = drawn(icon("search", QColor("#e00000")).pixmap(QSize(24, 24), 1.0))
    blue = drawn(icon("search", QColor("#0000e0")).pixmap(QSize(24, 24), 1.0))
    assert red and blue
    assert all(c.red() > 200 and c.blue() < 40 for c in red)
    assert all(c.blue() > 200 and c.red() < 40 for c in blue)


def test_icons_are_cached_per_name_and_colour(qapp: QApplication) -> None:
    assert icon("note") is icon("note")
    assert icon("note", QColor("#ff0000")) is icon("note", QColor("#ff0000"))
    assert icon("note", QColor("#ff0000")) is not icon("note", QColor("#00ff00"))
    assert icon("note") is not icon("send")


def test_disabled_icons_are_fainter(qapp: QApplication) -> None:
    tinted = icon("send", QColor("#000000"))
    normal = tinted.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Normal)
    disabled = tinted.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled)
    alpha = max(
        c.alpha()
        for c in (disabled.toImage().pixelColor(x, y) for x in range(24) for y in range(24))
    )
    assert drawn(normal) and alpha < 128


def test_default_tint_follows_the_palette(qapp: QApplication, restore_palette: None) -> None:
    light = drawn(icon("filter").pixmap(QSize(24, 24), 1.0))
    assert all(c.lightness() < 80 for c in light)
    qapp.setPalette(dark_palette())
    dark = drawn(icon("filter").pixmap(QSize(24, 24), 1.0))
    assert all(c.lightness() > 180 for c in dark)


def test_icon_outlives_the_python_objects_that_made_it(qapp: QApplication) -> None:
    action = QAction()
    action.setIcon(icon("warning", QColor("#aa5500")))
    theme.clear_icon_cache()
    gc.collect()
    assert drawn(action.icon().pixmap(QSize(32, 32), 1.0))


def test_unknown_icon_is_a_key_error_naming_it(qapp: QApplication) -> None:
    with pytest.raises(KeyError, match="no-such-icon"):
        icon("no-such-icon")
    with pytest.raises(KeyError):
        icon("../README")


def test_app_icon_is_teal_with_a_white_mark(qapp: QApplication) -> None:
    pixmap = app_icon().pixmap(QSize(64, 64), 1.0)
    colours = drawn(pixmap)
    assert any(distance(c, QColor("#00796b")) < 40 for c in colours)
    assert any(c.lightness() > 245 for c in colours)
    assert QSize(256, 256) in app_icon().availableSizes()


# --- colours -----------------------------------------------------------------------------------

PALETTES = {
    "light": lambda: light_palette(),
    "light-grey-base": lambda: light_palette("#f4f4f4"),
    "dark": lambda: dark_palette(),
    "dark-black-base": lambda: dark_palette(base="#121212", window="#1c1c1c"),
    "dark-grey-base": lambda: dark_palette(base="#3a3a3a", window="#333333"),
}


@pytest.fixture(params=list(PALETTES))
def palette_and_theme(request: pytest.FixtureRequest, qapp: QApplication) -> tuple[QPalette, Theme]:
    palette = PALETTES[request.param]()
    return palette, theme_for(palette)


def test_dark_is_decided_by_the_window_colour(qapp: QApplication) -> None:
    assert not theme_for(light_palette()).dark
    assert theme_for(dark_palette()).dark
    assert theme_for(dark_palette(base="#3a3a3a", window="#333333")).dark


def test_bubble_banner_badge_and_editor_text_is_readable(palette_and_theme) -> None:
    _palette, t = palette_and_theme
    pairs = {
        "inbound": (t.inbound, t.inbound_text),
        "outbound": (t.outbound, t.outbound_text),
        "note": (t.note, t.note_text),
        "system": (t.system, t.system_text),
        "failed": (t.failed, t.failed_text),
        "note editor": (t.note_editor, t.note_editor_text),
        "offline banner": (t.banner_offline, t.banner_offline_text),
        "info banner": (t.banner_info, t.banner_info_text),
        "error banner": (t.banner_error, t.banner_error_text),
        **{f"{tier} badge": t.tier(tier) for tier in ValueTier},
    }
    for what, (background, text) in pairs.items():
        assert contrast(text, background) >= 4.5, (what, background.name(), text.name())


def test_clocks_and_muted_text_are_readable_on_the_view(palette_and_theme) -> None:
    palette, t = palette_and_theme
    base = palette.color(ROLE.Base)
    for what, colour in [
        ("on target", t.sla_on_target),
        ("at risk", t.sla_at_risk),
        ("breached", t.sla_breached),
        ("accent", t.accent),
    ]:
        assert contrast(colour, base) >= 3.0, (what, colour.name(), base.name())
    assert contrast(t.muted_text, base) >= 4.5, (t.muted_text.name(), base.name())
    # The conversation view writes a failed message's heading in the breached colour.
    assert contrast(t.sla_breached, t.failed) >= 3.0


def test_note_editor_is_clearly_amber_and_unlike_a_reply(palette_and_theme) -> None:
    palette, t = palette_and_theme
    assert distance(t.note_editor, t.outbound) >= 60
    assert distance(t.note_editor, palette.color(ROLE.Base)) >= 45
    assert 35 <= t.note_editor.hslHue() <= 60
    assert t.note_editor.hslSaturation() >= 100


def test_theme_helpers_pick_the_right_pair(qapp: QApplication) -> None:
    t = theme_for(light_palette())
    assert t.bubble("outbound") == (t.outbound, t.outbound_text)
    assert t.bubble("outbound", failed=True) == (t.failed, t.failed_text)
    assert t.bubble("something-new") == (t.system, t.system_text)
    assert t.tier("gold") == (t.tier_gold, t.tier_gold_text)
    assert t.tier(None) == (t.tier_standard, t.tier_standard_text)
    assert t.sla("breached") == t.sla_breached
    assert t.sla("none") is None


# --- the stylesheet ----------------------------------------------------------------------------


@pytest.mark.parametrize("dark", [False, True])
def test_stylesheet_uses_only_theme_colours_and_styles_the_widgets(qtbot, dark: bool) -> None:
    t = theme_for(dark_palette() if dark else light_palette())
    qss = stylesheet(t)
    theme_colours = {getattr(t, f).name() for f in Theme.__dataclass_fields__ if f != "dark"}
    assert set(re.findall(r"#[0-9a-f]{6}", qss)) <= theme_colours
    assert "font" not in qss

    host = QLabel()
    host.setStyleSheet(qss)
    banner = QLabel("Offline", host)
    banner.setObjectName("banner")
    banner.setProperty("kind", "offline")
    badge = QLabel("Gold", host)
    badge.setProperty("tier", "gold")
    editor = QPlainTextEdit(host)
    editor.setProperty("noteMode", "true")
    frame = QFrame(host)  # a banner can also be a frame holding an icon, text and a button
    frame.setObjectName("banner")
    frame.setProperty("kind", "error")
    inside = QLabel("Could not send", frame)
    qtbot.addWidget(host)
    host.show()
    for widget in (banner, badge, editor, frame, inside):
        widget.ensurePolished()
    assert banner.palette().color(ROLE.WindowText) == t.banner_offline_text
    assert banner.palette().color(ROLE.Window) == t.banner_offline
    assert inside.palette().color(ROLE.WindowText) == t.banner_error_text
    assert badge.palette().color(ROLE.WindowText) == t.tier_gold_text
    assert editor.palette().color(ROLE.Base) == t.note_editor


def test_dense_rows_are_shorter_than_the_default(qtbot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    before = view.verticalHeader().defaultSectionSize()
    theme.dense_rows(view)
    assert view.fontMetrics().height() < view.verticalHeader().defaultSectionSize() < before


# --- the watcher -------------------------------------------------------------------------------


def test_watcher_tells_when_the_palette_turns_dark(
    qapp: QApplication, qtbot, restore_palette: None
) -> None:
    watcher = ThemeWatcher(qapp)
    assert not watcher.theme.dark
    before = icon("online")
    with qtbot.waitSignal(watcher.changed, timeout=2000) as blocker:
        qapp.setPalette(dark_palette())
    new = blocker.args[0]
    assert isinstance(new, Theme) and new.dark
    assert watcher.theme is new
    assert icon("online") is not before  # the cache was cleared for the new tint

    with qtbot.assertNotEmitted(watcher.changed):
        qapp.setPalette(dark_palette())
        qapp.processEvents()

    with qtbot.waitSignal(watcher.changed, timeout=2000) as blocker:
        qapp.setPalette(light_palette())
    assert not blocker.args[0].dark


def test_watcher_tells_when_the_palette_changes_without_turning_dark(
    qapp: QApplication, qtbot, restore_palette: None
) -> None:
    watcher = ThemeWatcher(qapp)
    with qtbot.waitSignal(watcher.changed, timeout=2000) as blocker:
        qapp.setPalette(light_palette("#f4f4f4"))
    assert not blocker.args[0].dark


def test_watcher_listens_to_the_system_colour_scheme(
    qapp: QApplication, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The offscreen platform cannot switch its scheme; stand in for the system's answer.
    watcher = ThemeWatcher(qapp)
    dark = theme_for(dark_palette())
    monkeypatch.setattr(theme, "current_theme", lambda: dark)
    with qtbot.waitSignal(watcher.changed, timeout=2000) as blocker:
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert blocker.args[0] is dark
