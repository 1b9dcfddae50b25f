"""`agent-desk sync` in a subprocess: sign in, remember the session in the keyring, go offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.server.world import PASSWORD
from tests.sync.conftest import Backend


def _run(backend: Backend, home: Path, *args: str, stdin: str | None = None) -> tuple[int, dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENT_DESK_")}
    env |= {
        "AGENT_DESK_HOME": str(home),
        "AGENT_DESK_MANAGED_CONFIG": str(home / "no-managed.toml"),
        "AGENT_DESK_TEST_KEYRING": str(home.parent / "keyring.json"),
        "PYTHON_KEYRING_BACKEND": "tests.sync.file_keyring.FileKeyring",
        "PYTHONPATH": os.getcwd(),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "agent_desk",
            "sync",
            "--server",
            backend.url,
            "--user",
            "alice",
            "--json",
            *args,
        ],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.stdout.strip(), done.stderr
    return done.returncode, json.loads(done.stdout)


def test_sign_in_sync_remember_and_report_offline(backend: Backend, tmp_path: Path) -> None:
    home = tmp_path / "home"
    code, first = _run(backend, home, "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, first
    assert first["state"] == "online" and first["counts"]["conversation"] == 3
    assert first["counts"]["message"] == 3 and first["outbox"] == 0
    token = json.loads((tmp_path / "keyring.json").read_text())
    (stored,) = token.values()

    code, second = _run(backend, home)  # no password: the keyring has the session
    assert code == 0 and second["state"] == "online"

    backend.stop()
    code, offline = _run(backend, home)
    assert code == 3 and offline["state"] == "offline"
    assert offline["reason"] and offline["counts"] == first["counts"]

    # the token is only in the keyring: not in the cache, the configuration or the logs
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.name.startswith("cache.sqlite3") for p in files)
    assert any(p.suffix == ".log" for p in files)
    for path in files:
        assert stored.encode() not in path.read_bytes(), f"token found in {path}"

    backend.start()
    code, gone = _run(backend, home, "--forget")
    assert code == 0 and gone["state"] == "signed_out"
    assert json.loads((tmp_path / "keyring.json").read_text()) == {}
    code, needs = _run(backend, home)
    assert code == 4 and needs["state"] == "signed_out"


def test_wrong_password_is_refused_clearly(backend: Backend, tmp_path: Path) -> None:
    code, out = _run(backend, tmp_path / "home", "--password-stdin", stdin="wrong\n")
    assert code == 4 and out["state"] == "signed_out"
    assert "password" in out["reason"]
