"""Playing a short sound file with what the OS has, without blocking and without Qt.

Windows plays through ``winsound`` (asynchronously), macOS through ``afplay``, Linux through
``paplay`` (PulseAudio/PipeWire) or ``aplay`` (ALSA) when one is on ``PATH``. :func:`play` never
raises into the caller: it answers ``False`` when nothing could play, so the window can fall back
to the system beep.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

_LINUX_PLAYERS = ("paplay", "aplay")
_playing: list[subprocess.Popen[bytes]] = []  # kept until they end, then reaped


def _command(path: Path) -> list[str] | None:
    if sys.platform == "darwin":
        found = shutil.which("afplay")
        return [found, str(path)] if found else None
    for name in _LINUX_PLAYERS:
        found = shutil.which(name)
        if found:
            return [found, "-q", str(path)] if name == "aplay" else [found, str(path)]
    return None


def _reap() -> None:
    _playing[:] = [proc for proc in _playing if proc.poll() is None]


def play(path: Path) -> bool:
    """Start playing a WAV file and return at once; ``False`` if nothing could play it."""
    try:
        return _play(path)
    except (OSError, RuntimeError, ValueError, subprocess.SubprocessError) as exc:
        log.info("could not play a sound: %s", exc)
        return False


def _play(path: Path) -> bool:
    if not path.is_file():
        log.info("no sound file %s", path.name)
        return False
    if sys.platform == "win32":
        import winsound

        flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
        winsound.PlaySound(str(path), flags)
        return True
    _reap()
    if _playing:
        return True  # one sound at a time: a second chime on top of the first is only noise
    command = _command(path)
    if command is None:
        return False
    proc = subprocess.Popen(  # noqa: S603 - a fixed player and our own resource file
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
    )
    _playing.append(proc)
    return True


def wait_for_sounds(timeout: float = 5.0) -> None:
    """Wait for the sounds still playing (tests, and shutdown, leave no player running)."""
    for proc in list(_playing):
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    _reap()
