"""``agent-desk-server channels``: connections made, listed, shown, switched off and on, pointed
elsewhere and removed, each audited; the secret printed once and never again (not in the list,
the show, the database or the audit log); failed deliveries listed and sent again."""

from __future__ import annotations

import json
import re

import sqlalchemy as sa

from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from tests.server.test_operations import _cli


def test_channels_from_the_command_line(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    db_args = ("--database-url", url)
    made = _cli(
        "channels", "add", "webhook", "--name", "Shop app", "--channel", "app",
        "--outbound-url", "http://127.0.0.1:9/hook", "--max-attempts", "3", *db_args,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    secret = re.search(r"secret: (\S+)", made.stdout)
    assert secret is not None and len(secret.group(1)) >= 40
    secret_text = secret.group(1)
    assert (tmp_path / "s.key").exists(), "the server key beside the database"
    assert oct((tmp_path / "s.key").stat().st_mode & 0o777) == "0o600"

    widget = _cli("channels", "add", "widget", "--name", "Web chat", *db_args)
    assert widget.returncode == 0 and '"channel": "chat"' in widget.stdout
    clash = _cli("channels", "add", "widget", "--name", "Web chat", *db_args)
    assert clash.returncode == 2 and "exists already" in clash.stderr
    wrong = _cli("channels", "add", "widget", "--name", "W2", "--channel", "app", *db_args)
    assert wrong.returncode == 2 and "serves chat" in wrong.stderr
    bad_url = _cli(
        "channels", "add", "webhook", "--name", "X", "--channel", "app",
        "--outbound-url", "ftp://example.com", *db_args,
    )  # fmt: skip
    assert bad_url.returncode == 2 and "not an http(s) URL" in bad_url.stderr

    listed = _cli("channels", "list", *db_args)
    assert listed.returncode == 0
    names = [c["name"] for c in json.loads(listed.stdout)]
    assert names == ["Shop app", "Web chat"]
    shown = _cli("channels", "show", "Shop app", *db_args)
    data = json.loads(shown.stdout)
    assert data["settings"]["max_attempts"] == 3 and data["deliveries"] == {}
    for output in (listed.stdout, shown.stdout):
        assert secret_text not in output

    assert "disabled" in _cli("channels", "disable", "Shop app", *db_args).stdout
    assert "enabled" in _cli("channels", "enable", "Shop app", *db_args).stdout
    moved = _cli("channels", "set-outbound", "Shop app", "https://shop.example/hook", *db_args)
    assert "https://shop.example/hook" in moved.stdout
    assert _cli("channels", "failed", *db_args).stdout.strip() == "[]"
    none = _cli("channels", "requeue", "Shop app", *db_args)
    assert none.returncode == 0 and "0 deliveries" in none.stdout
    assert _cli("channels", "remove", "Web chat", *db_args).returncode == 0
    missing = _cli("channels", "show", "Web chat", *db_args)
    assert missing.returncode == 2 and "no channel connection" in missing.stderr

    db = Database(url)
    try:
        with db.read() as conn:
            stored = conn.execute(sa.select(t.channel_connections.c.secret_ciphertext)).scalar_one()
            actions = [
                r.action
                for r in conn.execute(sa.select(t.audit_log.c.action).order_by(t.audit_log.c.id))
            ]
            audit_text = " ".join(str(r._mapping) for r in conn.execute(sa.select(t.audit_log)))
    finally:
        db.dispose()
    assert secret_text not in stored, "sealed, not stored as it is"
    assert secret_text not in audit_text
    assert [a for a in actions if a.startswith("channel.")] == [
        "channel.add",
        "channel.add",
        "channel.update",
        "channel.update",
        "channel.update",
        "channel.remove",
    ]


def test_outbound_needs_channel_equals_url(tmp_path) -> None:
    wrong = _cli("serve", "--outbound", "app", "--database-url", f"sqlite:///{tmp_path / 's.db'}")
    assert wrong.returncode == 2 and "CHANNEL=URL" in wrong.stderr
