"""Attention (tray, notifications, sound, badge, reminders) and the settings dialog, offscreen,
on a real cache file written the way sync writes it."""

from __future__ import annotations

import html
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMainWindow

from agent_desk.core.attention import AlertKind, AttentionPrefs, Delivery
from agent_desk.store.local import Me
from agent_desk.store.store import ChangeSet, Store, to_time
from agent_desk.sync.engine import ConnectionState, SyncProgress, SyncStatus
from agent_desk.system import sound
from agent_desk.system.config import Settings, load_config
from agent_desk.ui.attention import (
    BODY_LIMIT,
    Attention,
    badge_text,
    badged_icon,
    body_markup,
    clip,
    isolate,
    notification_body,
    one_line,
)
from agent_desk.ui.settings_dialog import SavedSettings, SettingsDialog
from tests.hostile.payloads import PAYLOADS

SOUNDS = Path(__file__).resolve().parents[2] / "resources" / "sounds"
ME = Me("agent-me", "team-a")
ON = AttentionPrefs(notifications=True, sounds=True, reminders=True)
LINUX = sys.platform.startswith("linux")
HOSTILE_NAME = "<img src=file:///etc/passwd>"
HOSTILE_PREVIEW = "<b>bold</b> & \u202eexe.txt"


@dataclass
class Player:
    """Stands in for the OS sound player: records what would play, answers like play()."""

    works: bool = True
    played: list[str] = field(default_factory=list)

    def __call__(self, path: Path) -> bool:
        assert path.is_file(), path
        self.played.append(path.name)
        return self.works


class Cache:
    """Writes into the cache the way an applied sync page does; returns the change-set."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seq: dict[str, int] = {}

    def conversation(self, conv_id: str, name: str = "Ann", **values: Any) -> ChangeSet:
        row = {
            "id": conv_id,
            "customer_id": f"cu-{conv_id}",
            "channel": "chat",
            "subject": "Parcel",
            "status": "open",
            "priority": "normal",
            "assignee_id": ME.agent_id,
            "team_id": ME.team_id,
            "last_message_preview": "",
            "message_count": 0,
        }
        row.update(values)
        with self.store.transaction() as tx:
            tx.write("customer", {"id": f"cu-{conv_id}", "name": name})
            tx.write("conversation", row)
            tx.set_state("cursor", "c1")
        return tx.changes

    def inbound(self, conv_id: str, body: str, **values: Any) -> ChangeSet:
        seq = self.seq[conv_id] = self.seq.get(conv_id, 0) + 1
        with self.store.transaction() as tx:
            tx.write(
                "message",
                {
                    "id": f"{conv_id}-{seq}",
                    "conversation_id": conv_id,
                    "kind": "inbound",
                    "body": body,
                    "seq": seq,
                    "created_at": to_time(datetime.now(UTC)),
                },
            )
            tx.update(
                "conversation", conv_id, message_count=seq, last_message_preview=body, **values
            )
        return tx.changes

    def read(self, conv_id: str) -> ChangeSet:
        with self.store.transaction() as tx:
            tx.write(
                "read_state",
                {
                    "id": f"{conv_id}:{ME.agent_id}",
                    "conversation_id": conv_id,
                    "agent_id": ME.agent_id,
                    "last_read_seq": self.seq.get(conv_id, 0),
                },
            )
        return tx.changes


@pytest.fixture
def store(tmp_path: Path):
    found = Store(tmp_path / "cache.db")
    yield found
    found.close()


@pytest.fixture
def cache(store: Store) -> Cache:
    filled = Cache(store)
    filled.conversation("c1", "Ann")
    filled.inbound("c1", "Where is my parcel?")
    return filled


@pytest.fixture
def window(qtbot) -> QMainWindow:
    found = QMainWindow()
    found.setWindowTitle("Agent Desk")
    found.resize(400, 300)
    qtbot.addWidget(found)
    return found


@pytest.fixture
def player() -> Player:
    return Player()


@pytest.fixture
def make_attention(store: Store, window: QMainWindow, player: Player):
    made: list[Attention] = []

    def make(prefs: AttentionPrefs = ON) -> Attention:
        attention = Attention(
            store, ME, window, prefs, icon=QIcon(), sounds_dir=SOUNDS, player=player
        )
        made.append(attention)
        return attention

    yield make
    for attention in made:
        attention.stop()


def focus(qtbot, window: QMainWindow) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


# --- new messages and conversations ---------------------------------------------------------


def test_a_new_message_while_unfocused_notifies_and_chimes(
    cache: Cache, make_attention, player: Player
) -> None:
    attention = make_attention()
    assert attention.history == []  # the baseline: what was there at start is not news
    assert QApplication.activeWindow() is None
    attention.refresh(cache.inbound("c1", "It has not arrived yet"))
    [(alert, delivery)] = attention.history
    assert alert.kind is AlertKind.NEW_MESSAGE and alert.conversation_id == "c1"
    assert delivery == Delivery(notify=True, sound=True)
    assert player.played == ["new_message.wav"]
    [note] = attention.notifications
    assert note.title == f"New message from {isolate('Ann')}"
    assert html.unescape(note.body) == isolate("It has not arrived yet")
    assert note.conversation_id == "c1"
    assert attention.tray is None  # offscreen: no system tray, everything else works


def test_a_focused_window_is_not_interrupted_for_new_messages(
    qtbot, cache: Cache, make_attention, window: QMainWindow, player: Player
) -> None:
    attention = make_attention()
    focus(qtbot, window)
    attention.refresh(cache.inbound("c1", "Hello?"))
    attention.refresh(cache.conversation("c2", "Bo", assignee_id=None))
    assert attention.history == []
    assert player.played == []


def test_new_conversations_in_mine_or_unassigned_and_several_make_one_notification(
    cache: Cache, make_attention, player: Player
) -> None:
    attention = make_attention()
    changes = cache.conversation("q1", "Bo", assignee_id=None)
    changes.merge(cache.conversation("q2", "Cy", assignee_id=None))
    changes.merge(cache.conversation("other-team", "Di", assignee_id=None, team_id="team-b"))
    attention.refresh(changes)
    assert sorted(a.conversation_id for a, _ in attention.history) == ["q1", "q2"]
    assert all(a.kind is AlertKind.NEW_CONVERSATION for a, _ in attention.history)
    [note] = attention.notifications  # one summary, one chime
    assert note.title == "Conversations needing attention: 2"
    assert isolate("Bo") in html.unescape(note.body) and isolate("Cy") in html.unescape(note.body)
    assert player.played == ["new_message.wav"]


def test_a_never_synced_cache_takes_its_first_sync_silently(
    store: Store, make_attention, player: Player
) -> None:
    attention = make_attention()  # an empty cache, no cursor: a first start
    first = Cache(store)
    changes = first.conversation("c1")  # the first page (it sets the cursor)
    changes.merge(first.inbound("c1", "Hi"))
    attention.refresh(changes)
    assert attention.history == []
    attention.refresh(first.conversation("c2", "Bo"))
    assert [a.conversation_id for a, _ in attention.history] == ["c2"]


def test_a_backlog_pulled_page_by_page_joins_silently(cache: Cache, make_attention) -> None:
    attention = make_attention()
    attention.show_status(
        SyncStatus(ConnectionState.SYNCING, progress=SyncProgress("loading", {"conversation": 150}))
    )
    attention.refresh(cache.conversation("old1", "Bo", assignee_id=None))
    assert attention.history == []
    attention.show_status(SyncStatus(ConnectionState.ONLINE))
    attention.refresh(cache.conversation("fresh", "Cy", assignee_id=None))
    assert [a.conversation_id for a, _ in attention.history] == ["fresh"]


# --- the badge ----------------------------------------------------------------------------------


def test_badge_and_title_follow_unread(cache: Cache, make_attention, window: QMainWindow) -> None:
    attention = make_attention()
    assert attention.unread == 1
    assert window.windowTitle() == "(1) Agent Desk"
    attention.refresh(cache.inbound("c1", "two"))
    attention.refresh(cache.inbound("c1", "three"))
    assert attention.unread == 3
    assert window.windowTitle() == "(3) Agent Desk"
    window.setWindowTitle("Agent Desk — Ann")  # the window names itself anew: the prefix stays
    assert window.windowTitle() == "(3) Agent Desk — Ann"
    attention.refresh(cache.read("c1"))
    assert attention.unread == 0
    assert window.windowTitle() == "Agent Desk — Ann"
    changes = ChangeSet()
    for n in range(120):
        changes.merge(cache.inbound("c1", f"message {n}"))
    attention.refresh(changes)
    assert attention.unread == 120
    assert window.windowTitle() == "(99+) Agent Desk — Ann"


def test_badge_text() -> None:
    assert [badge_text(n) for n in (0, 1, 9, 99, 100, 5000)] == ["", "1", "9", "99", "99+", "99+"]


def _red(pixmap: QPixmap, x: int, y: int) -> bool:
    colour = QColor(pixmap.toImage().pixel(x, y))
    return colour.red() > 180 and colour.green() < 90 and colour.blue() < 90


def test_the_badge_is_painted_on_the_icon_at_every_size() -> None:
    base = QPixmap(64, 64)
    base.fill(QColor("#1a73e8"))
    icon = QIcon(base)
    for count in (1, 42, 1000):
        badged = badged_icon(icon, count)
        for size in (16, 32, 64):
            pixmap = badged.pixmap(size, size)
            assert pixmap.width() == size
            assert not pixmap.isNull()
            # the badge sits in the top right; the bottom left stays the app icon
            assert any(
                _red(pixmap, x, y) for x in range(size // 2, size) for y in range(0, size // 2)
            ), (count, size)
            assert not _red(pixmap, 1, size - 2)
    plain = badged_icon(icon, 0).pixmap(32, 32)
    assert not any(_red(plain, x, y) for x in range(32) for y in range(32))


# --- untrusted text ---------------------------------------------------------------------------


def test_hostile_names_and_previews_arrive_literally(
    cache: Cache, make_attention, player: Player
) -> None:
    attention = make_attention()
    attention.refresh(cache.conversation("h1", HOSTILE_NAME, assignee_id=None))
    attention.refresh(cache.inbound("h1", HOSTILE_PREVIEW))  # in Unassigned: no alert
    attention.refresh(cache.conversation("h2", "A & B <b>x</b>"))
    attention.refresh(cache.inbound("h2", HOSTILE_PREVIEW))
    first, _, second = attention.notifications  # h1 new, h2 new, h2's message
    assert first.title == f"New conversation from {isolate(HOSTILE_NAME)}"
    assert second.title == f"New message from {isolate('A & B <b>x</b>')}"
    if LINUX:
        assert "<" not in second.body and ">" not in second.body
        assert "&lt;b&gt;bold&lt;/b&gt; &amp; " in second.body
    assert html.unescape(second.body) == isolate(HOSTILE_PREVIEW)
    # in the tray menu an "&" stays an ampersand, it does not become a keyboard mnemonic
    texts = [action.text() for action in attention.menu.actions() if not action.isSeparator()]
    assert texts[0] == "Show Agent Desk" and texts[-1] == "Quit"
    assert f"New message from {isolate('A && B <b>x</b>')}" in texts
    assert not any("&" in t.replace("&&", "") for t in texts)


def test_an_rtl_override_stays_inside_the_customer_text() -> None:
    assert isolate("\u202eexe.txt") == "\u2068\u202eexe.txt\u2069"
    # a stray pop-isolate cannot close ours early; isolates the text opens are closed
    assert isolate("a\u2069\u202eb") == "\u2068a\u202eb\u2069"
    assert isolate("\u2067x") == "\u2068\u2067x\u2069\u2069"


def test_notification_bodies_are_one_short_plain_line() -> None:
    body = notification_body("line one\nline two\t\x00\x1b[31m" + "x" * 500, platform="darwin")
    inner = body[1:-1]  # without the isolate marks
    assert body == isolate(inner)
    assert len(inner) == BODY_LIMIT and inner.endswith("…")
    assert inner.startswith("line one line two [31mxxx")
    assert notification_body("<b>&</b>", platform="linux") == html.escape(isolate("<b>&</b>"))
    assert notification_body("<b>&</b>", platform="win32") == isolate("<b>&</b>")
    assert body_markup("a < b", platform="linux") == "a &lt; b"


# --- preferences ------------------------------------------------------------------------------


def test_prefs_off_deliver_nothing(cache: Cache, make_attention, player: Player) -> None:
    attention = make_attention(AttentionPrefs(notifications=False, sounds=False, reminders=False))
    attention.refresh(cache.inbound("c1", "Hello?"))
    attention.refresh(cache.conversation("c2", "Bo", assignee_id=None))
    assert attention.history == []
    assert attention.notifications == []
    assert player.played == []
    attention.set_prefs(AttentionPrefs(notifications=False, sounds=True, reminders=False))
    attention.refresh(cache.inbound("c1", "Anyone?"))
    assert [d for _, d in attention.history] == [Delivery(sound=True)]
    assert attention.notifications == []
    assert player.played == ["new_message.wav"]


def test_no_sound_player_falls_back_to_the_beep(
    cache: Cache, make_attention, player: Player
) -> None:
    player.works = False
    attention = make_attention()
    attention.refresh(cache.inbound("c1", "Hello?"))
    assert player.played == ["new_message.wav"]  # and QApplication.beep() instead
    assert attention.history[0][1] == Delivery(notify=True, sound=True)


# --- reminders ----------------------------------------------------------------------------------


def _clock(breach_in_s: float, target_before_s: float = 10) -> dict[str, str]:
    now = datetime.now(UTC)
    breach = now + timedelta(seconds=breach_in_s)
    return {
        "waiting_since": to_time(now - timedelta(seconds=5)),
        "response_due_at": to_time(breach - timedelta(seconds=target_before_s)),
        "response_breach_at": to_time(breach),
    }


def test_a_breach_reminds_with_notification_sound_and_flash_even_when_focused(
    qtbot, store: Store, cache: Cache, make_attention, window: QMainWindow, player: Player
) -> None:
    cache.conversation("late", "Eve", **_clock(breach_in_s=0.7))
    attention = make_attention()
    assert attention.history == []  # level 1 had been reached already: the baseline took it
    focus(qtbot, window)
    qtbot.waitUntil(lambda: bool(attention.history), timeout=3000)  # the 1 s reminder timer
    [(alert, delivery)] = attention.history
    assert (alert.kind, alert.conversation_id, alert.level) == (AlertKind.SLA_REMINDER, "late", 3)
    assert delivery == Delivery(notify=True, sound=True, flash=True)
    assert attention.notifications[-1].title == f"Waiting too long: {isolate('Eve')}"
    assert player.played == ["sla_reminder.wav"]


def test_reminders_off_silences_reminders_only(
    qtbot, cache: Cache, make_attention, player: Player
) -> None:
    attention = make_attention(AttentionPrefs(notifications=True, sounds=True, reminders=False))
    attention.refresh(cache.conversation("late", "Eve", **_clock(breach_in_s=0.2)))
    assert [a.kind for a, _ in attention.history] == [AlertKind.NEW_CONVERSATION]
    qtbot.wait(1300)
    assert [a.kind for a, _ in attention.history] == [AlertKind.NEW_CONVERSATION]


# --- the tray menu and stopping -----------------------------------------------------------


def test_picking_a_conversation_in_the_tray_menu_asks_to_open_it(
    qtbot, cache: Cache, make_attention
) -> None:
    attention = make_attention()
    attention.refresh(cache.inbound("c1", "Hello?"))
    [entry] = [a for a in attention.menu.actions() if a.text().startswith("New message from")]
    with qtbot.waitSignal(attention.open_requested) as blocker:
        entry.trigger()
    assert blocker.args == ["c1"]


def test_stop_stops_the_timer_and_reading(
    store: Store, cache: Cache, make_attention, window: QMainWindow
) -> None:
    attention = make_attention()
    timer = attention.findChild(QTimer)
    assert timer is not None and timer.isActive()
    attention.stop()
    assert not timer.isActive()
    attention.refresh(cache.inbound("c1", "after stop"))  # reads nothing, delivers nothing
    assert attention.history == []


def test_sound_play_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert sound.play(tmp_path / "missing.wav") is False
    monkeypatch.setenv("PATH", str(tmp_path))  # no player anywhere
    if sys.platform not in ("win32", "darwin"):
        assert sound.play(SOUNDS / "new_message.wav") is False
    sound.wait_for_sounds()


def test_the_sounds_are_short() -> None:
    for name in ("new_message.wav", "sla_reminder.wav"):
        assert (SOUNDS / name).stat().st_size < 40_000


# --- the settings dialog ----------------------------------------------------------------------


def test_settings_dialog_saves_and_shows_locked_keys_disabled(qtbot, tmp_path: Path) -> None:
    user, managed = tmp_path / "config.toml", tmp_path / "managed.toml"
    managed.write_text('locked = ["sounds"]\nsounds = false\n', encoding="utf-8")
    loaded = load_config(user_path=user, managed_path=managed, environ={})
    dialog = SettingsDialog.for_config(loaded)
    qtbot.addWidget(dialog)
    assert not dialog.sounds.isEnabled() and not dialog.sounds.isChecked()
    assert dialog.sounds.toolTip() == "Set by your administrator"
    assert dialog.notifications.isEnabled() and dialog.language.isEnabled()
    assert [dialog.language.itemText(n) for n in range(dialog.language.count())] == [
        "Follow the system",
        "简体中文",
        "繁體中文",
        "English",
    ]
    assert "next time" in dialog.language_note.text()
    dialog.notifications.setChecked(False)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_TW"))
    with qtbot.waitSignal(dialog.saved) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert blocker.args == [
        SavedSettings(
            prefs=AttentionPrefs(notifications=False, sounds=False, reminders=True),
            language="zh_TW",
            language_changed=True,
        )
    ]
    assert dialog.result() == QDialog.DialogCode.Accepted
    written = tomllib.loads(user.read_text(encoding="utf-8"))
    assert written == {"notifications": False, "language": "zh_TW"}  # only what changed
    again = load_config(user_path=user, managed_path=managed, environ={}).settings
    assert (again.notifications, again.language, again.sounds) == (False, "zh_TW", False)


def test_settings_dialog_explains_a_refused_save_and_keeps_the_choices(
    qtbot, tmp_path: Path
) -> None:
    user, managed = tmp_path / "config.toml", tmp_path / "managed.toml"
    user.write_text("sounds = [broken\n", encoding="utf-8")
    dialog = SettingsDialog(Settings(), frozenset(), user_path=user, managed_path=managed)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sla_reminders.setChecked(False)
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert saved == []
    assert dialog.error_box is not None and dialog.error_box.isVisible()
    assert dialog.error_box.textFormat() == Qt.TextFormat.PlainText
    assert str(user) in dialog.error_box.text() and "not overwritten" in dialog.error_box.text()
    assert dialog.isVisible() and not dialog.sla_reminders.isChecked()  # nothing lost
    assert user.read_text(encoding="utf-8") == "sounds = [broken\n"
    dialog.error_box.close()


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_the_hostile_corpus_in_notification_bodies(payload: str) -> None:
    body = notification_body(payload, platform="linux")
    assert "<" not in body and ">" not in body  # nothing a notification server could read
    assert "\x00" not in body  # D-Bus strings cannot carry NUL
    shown = clip(one_line(payload), BODY_LIMIT)  # one line, no control characters, clipped
    assert len(shown) <= BODY_LIMIT
    assert html.unescape(body) == isolate(shown)  # and otherwise exactly what the customer wrote
