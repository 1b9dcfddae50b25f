"""`agent-desk --demo --self-test` passes offscreen (packaging smoke tests rely on it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENT_DESK_")}
    (tmp_path / "tmp").mkdir()
    return env | {
        "QT_QPA_PLATFORM": "offscreen",
        "AGENT_DESK_HOME": str(tmp_path / "home"),
        "AGENT_DESK_MANAGED_CONFIG": str(tmp_path / "none.toml"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "TMPDIR": str(tmp_path / "tmp"),
    }


def _demo_folders(tmp_path: Path) -> list[str]:
    return [p.name for p in (tmp_path / "tmp").iterdir() if p.name.startswith("agent-desk-demo-")]


def test_demo_self_test_passes_offscreen(tmp_path: Path) -> None:
    env = _env(tmp_path)
    shot = tmp_path / "window.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "agent_desk",
            "--demo",
            "--no-simulator",
            "--self-test",
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "self-test ok" in done.stdout
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert shot.stat().st_size > 10_000
    assert not (tmp_path / "xdg").exists() or not any((tmp_path / "xdg").rglob("*.ini"))
    assert _demo_folders(tmp_path) == []  # the demo's temporary database is gone


def test_the_demo_window_removes_its_temporary_database_on_sigterm(tmp_path: Path) -> None:
    """`agent-desk --demo` stopped by SIGTERM (a log-out, a rollout tool) quits like Quit."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "agent_desk", "--demo", "--no-simulator"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
    )
    try:
        deadline = time.monotonic() + 120
        while not any(
            (tmp_path / "tmp" / name / "demo.db").exists() for name in _demo_folders(tmp_path)
        ):
            assert proc.poll() is None and time.monotonic() < deadline, "the demo did not start"
            time.sleep(0.2)
        time.sleep(3)  # signed in and showing the window
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    assert _demo_folders(tmp_path) == []


def test_the_demo_opens_as_another_account_with_user(tmp_path: Path) -> None:
    """`agent-desk --demo --user supervisor`: the supervisor's view (every team), not agent's."""
    seen = {}
    for user in ("agent", "supervisor", "expert"):
        home = tmp_path / user
        home.mkdir()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "agent_desk",
                "--demo",
                "--no-simulator",
                "--self-test",
                "--user",
                user,
            ],
            capture_output=True,
            text=True,
            env=_env(home),
            timeout=180,
        )
        assert done.returncode == 0 and "self-test ok" in done.stdout, done.stderr[-2000:]
        seen[user] = int(done.stdout.split("(", 1)[1].split()[0])
    assert seen["supervisor"] > seen["agent"] > seen["expert"], seen
