"""The settings dialog: language, desktop notifications, sounds, SLA reminders.

Saves to the user configuration file (:func:`agent_desk.system.config.save_user_settings`).
Settings the managed configuration locks are shown, disabled, with a note that the administrator
set them. A refused save is explained in a message box and the dialog stays open with the
agent's choices, so nothing is lost.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from agent_desk.core.attention import AttentionPrefs
from agent_desk.system.config import (
    ConfigError,
    ConfigFileError,
    InvalidSetting,
    Language,
    LoadedConfig,
    LockedSetting,
    Settings,
    save_user_settings,
)

log = logging.getLogger(__name__)

# Each language by its own name (the agent must find theirs whatever language is showing).
LANGUAGE_NAMES: dict[str, str] = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}


def prefs_from_settings(settings: Settings) -> AttentionPrefs:
    return AttentionPrefs(
        notifications=settings.notifications,
        sounds=settings.sounds,
        reminders=settings.sla_reminders,
    )


@dataclass(frozen=True)
class SavedSettings:
    """What the dialog saved: the attention switches apply at once, the language at next start."""

    prefs: AttentionPrefs
    language: Language
    language_changed: bool


class SettingsDialog(QDialog):
    """Language, notifications, sounds and SLA reminders.

    Signals:
        saved(object): after OK wrote the user file, a :class:`SavedSettings`.
    """

    saved = Signal(object)

    def __init__(
        self,
        settings: Settings,
        locked: frozenset[str],
        *,
        user_path: Path,
        managed_path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._locked = locked
        self._user_path = user_path
        self._managed_path = managed_path
        self.error_box: QMessageBox | None = None

        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the system"), "system")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language_note = QLabel(self.tr("Takes effect the next time Agent Desk starts."), self)
        self.language_note.setWordWrap(True)
        self.language_note.setTextFormat(Qt.TextFormat.PlainText)
        self.language_note.setEnabled(False)  # greyed: a note, not a control

        self.notifications = QCheckBox(self.tr("Desktop notifications"), self)
        self.notifications.setChecked(settings.notifications)
        self.sounds = QCheckBox(self.tr("Sounds"), self)
        self.sounds.setChecked(settings.sounds)
        self.sla_reminders = QCheckBox(self.tr("SLA reminders"), self)
        self.sla_reminders.setChecked(settings.sla_reminders)
        self.sla_reminders.setToolTip(
            self.tr(
                "Remind me when a waiting customer passes the reply target, again shortly "
                "before the breach, and when it is breached."
            )
        )

        self.widgets: dict[str, QWidget] = {
            "language": self.language,
            "notifications": self.notifications,
            "sounds": self.sounds,
            "sla_reminders": self.sla_reminders,
        }
        for key, widget in self.widgets.items():
            if key in locked:
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Set by your administrator"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.notifications)
        form.addRow(self.sounds)
        form.addRow(self.sla_reminders)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    @classmethod
    def for_config(cls, config: LoadedConfig, parent: QWidget | None = None) -> SettingsDialog:
        """The dialog for what :func:`agent_desk.system.config.load_config` found."""
        return cls(
            config.settings,
            config.locked,
            user_path=config.user_path,
            managed_path=config.managed_path,
            parent=parent,
        )

    # --- saving ------------------------------------------------------------------------------

    def choices(self) -> dict[str, object]:
        """The values shown, for the keys the agent may change."""
        values: dict[str, object] = {
            "language": self.language.currentData(),
            "notifications": self.notifications.isChecked(),
            "sounds": self.sounds.isChecked(),
            "sla_reminders": self.sla_reminders.isChecked(),
        }
        return {k: v for k, v in values.items() if k not in self._locked}

    def save(self) -> None:
        """Write what changed to the user file; on success emit ``saved`` and close."""
        changes = {
            key: value
            for key, value in self.choices().items()
            if getattr(self._settings, key) != value
        }
        if changes:
            try:
                save_user_settings(
                    changes, user_path=self._user_path, managed_path=self._managed_path
                )
            except (ConfigError, OSError) as exc:
                log.info("settings not saved: %s", type(exc).__name__)
                self._show_error(self._reason(exc))
                return
        language: Language = self.language.currentData()
        self.saved.emit(
            SavedSettings(
                prefs=AttentionPrefs(
                    notifications=self.notifications.isChecked(),
                    sounds=self.sounds.isChecked(),
                    reminders=self.sla_reminders.isChecked(),
                ),
                language=language,
                language_changed=language != self._settings.language,
            )
        )
        self.accept()

    def _label(self, key: str) -> str:
        names = {
            "language": self.tr("Language"),
            "notifications": self.tr("Desktop notifications"),
            "sounds": self.tr("Sounds"),
            "sla_reminders": self.tr("SLA reminders"),
        }
        return names.get(key, key)

    def _reason(self, exc: Exception) -> str:
        if isinstance(exc, LockedSetting):
            return self.tr(
                "“{0}” is now set by your administrator and cannot be changed here."
            ).format(self._label(exc.key))
        if isinstance(exc, InvalidSetting):
            return self.tr("“{0}” has a value that cannot be saved.").format(self._label(exc.key))
        if isinstance(exc, ConfigFileError):
            return self.tr(
                "The settings file {0} is damaged, so it was not overwritten. "
                "Fix or remove it, then save again."
            ).format(str(exc.path))
        if isinstance(exc, OSError):
            return self.tr("The settings file {0} could not be written: {1}").format(
                str(self._user_path), exc.strerror or type(exc).__name__
            )
        return str(exc)

    def _show_error(self, reason: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Settings not saved"),
            reason,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold anything
        box.setInformativeText(self.tr("Your choices are still here; nothing was lost."))
        self.error_box = box
        box.open()  # window-modal, not a nested event loop
