"""`agent-desk --demo --self-test` passes offscreen (packaging smoke tests rely on it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_demo_self_test_passes_offscreen(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENT_DESK_")}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "AGENT_DESK_HOME": str(tmp_path / "home"),
        "AGENT_DESK_MANAGED_CONFIG": str(tmp_path / "none.toml"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
    }
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
