"""Operating the server: the CLI, secrets refused outside demo mode, audit entries, clean logs."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import httpx
import pytest
import sqlalchemy as sa

from agent_desk.core.ids import new_id
from agent_desk.server.config import ServerSettings
from agent_desk.server.http.runner import ServerThread
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from tests.server.conftest import TEST_SECRET_KEY, Running
from tests.server.world import INBOUND_SECRET, PASSWORD

CLI = [sys.executable, "-m", "agent_desk.server.cli"]


def _cli(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("AGENT_DESK_")} | (
        env or {}
    )
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, env=full_env, input=stdin, timeout=120
    )


def test_serve_refuses_missing_or_demo_secret(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    missing = _cli("serve", "--database-url", url, "--port", "0")
    assert missing.returncode == 2 and "AGENT_DESK_INBOUND_SECRET" in missing.stderr
    demo = _cli(
        "serve", "--database-url", url, env={"AGENT_DESK_INBOUND_SECRET": "demo-inbound-secret"}
    )
    assert demo.returncode == 2 and "demo secret" in demo.stderr
    short = _cli("serve", "--database-url", url, env={"AGENT_DESK_INBOUND_SECRET": "short"})
    assert short.returncode == 2


def test_migrate_and_create_user_then_sign_in(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    for _ in range(2):  # safe to run twice
        done = _cli("migrate", "--database-url", url)
        assert done.returncode == 0, done.stderr
    made = _cli(
        "create-user",
        "lead",
        "--role",
        "supervisor",
        "--team",
        "after-sales",
        "--team-name",
        "After-sales",
        "--password-stdin",
        "--database-url",
        url,
        stdin="a long enough password\n",
    )
    assert made.returncode == 0, made.stderr
    again = _cli(
        "create-user",
        "lead",
        "--password-stdin",
        "--database-url",
        url,
        stdin="a long enough password\n",
    )
    assert again.returncode == 1 and "already exists" in again.stderr
    weak = _cli("create-user", "weak", "--password-stdin", "--database-url", url, stdin="short\n")
    assert weak.returncode == 2
    db = Database(url)
    settings = ServerSettings(
        database_url=url, port=0, inbound_secret=INBOUND_SECRET, secret_key=TEST_SECRET_KEY
    )
    with ServerThread(settings, db=db) as server:
        reply = httpx.post(
            f"{server.url}/api/v1/auth/login",
            json={"username": "lead", "password": "a long enough password"},
        )
        assert reply.status_code == 200 and reply.json()["agent"]["role"] == "supervisor"
        changes = httpx.get(
            f"{server.url}/api/v1/changes",
            headers={"Authorization": f"Bearer {reply.json()['token']}"},
        ).json()
        assert {c["entity"] for c in changes["changes"]} >= {"team", "agent", "sla_policy"}
    db.dispose()


def test_audit_log_records_sign_ins_refusals_and_shares(sqlite_running: Running) -> None:
    r = sqlite_running
    anon = r.client()
    anon.post("/auth/login", json={"username": "alice", "password": "wrong"})
    alice = r.client("alice")
    r.mutate(alice, "conversation.claim", {"conversation_id": r.world.conversations["b_open"]})
    r.mutate(
        r.client("sam"),
        "conversation.share",
        {"conversation_id": r.world.conversations["a_open"], "agent_id": r.world.agents["erin"]},
    )
    alice.post("/auth/logout")
    httpx.post(
        f"{r.url}/api/v1/inbound/chat",
        content=b"{}",
        headers={"X-Agent-Desk-Signature": "sha256=00"},
    )
    r.server.stop()  # anonymous failures are counted per minute: written at the latest at stop
    with r.db.read() as conn:
        rows = conn.execute(sa.select(t.audit_log).order_by(t.audit_log.c.id)).all()
    actions = [row.action for row in rows]
    for expected in (
        "auth.login_failed",
        "auth.login",
        "mutation.refused",
        "conversation.share",
        "auth.logout",
        "inbound.bad_signature",
    ):
        assert expected in actions, actions
    failed = next(row for row in rows if row.action == "auth.login_failed")
    assert failed.entity == "source" and failed.detail["count"] == 1
    assert failed.detail["tried"] == {"alice": 1}
    refused = next(row for row in rows if row.action == "mutation.refused")
    assert refused.actor_id == r.world.agents["alice"] and refused.detail["code"] == "not_found"
    assert all("wrong" not in str(row.detail) and PASSWORD not in str(row.detail) for row in rows)


def test_logs_never_hold_message_bodies_or_tokens(
    sqlite_running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    r = sqlite_running
    alice = r.client("alice")
    token = alice.headers["Authorization"].split()[1]
    secret_body = "MY-CARD-IS-4111111111111111"
    r.mutate(
        alice,
        "message.send",
        {
            "conversation_id": r.world.conversations["a_open"],
            "message_id": new_id(),
            "body": secret_body,
        },
    )
    r.mutate(
        alice,
        "message.send",
        {
            "conversation_id": r.world.conversations["b_open"],
            "message_id": new_id(),
            "body": secret_body,
        },
    )
    alice.get("/changes")
    text = "\n".join(f"{rec.getMessage()} {rec.args!r}" for rec in caplog.records)
    assert caplog.records, "expected some log output to inspect"
    assert secret_body not in text
    assert token not in text
