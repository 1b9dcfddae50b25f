"""Restart safety with a real server process: ``agent-desk-server serve`` takes in 40 mails and
is killed (SIGKILL, no clean shutdown) part way; started again, it carries on from its UID cursor.
Every mail arrives exactly once: the message and the cursor move in one transaction, and the
Message-ID catches a mail fetched again after a kill between fetching and committing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from cryptography.fernet import Fernet

from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from tests.email.conftest import MAIL_PASSWORD
from tests.email.mailtest import SUPPORT, customer_mail, wait_for
from tests.email.servers import Dovecot

SERVER = str(Path(sys.executable).with_name("agent-desk-server"))
MAILS = 40


def _state(db: Database) -> tuple[int, int]:
    with db.read() as conn:
        last = conn.execute(sa.select(sa.func.max(t.mail_state.c.last_uid))).scalar() or 0
        messages = conn.execute(
            sa.select(sa.func.count()).select_from(t.mail_ids).where(t.mail_ids.c.direction == "in")
        ).scalar_one()
    return int(last), int(messages)


def test_a_server_killed_mid_mailbox_takes_every_mail_exactly_once(
    dovecot: Dovecot, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    env = {
        **os.environ,
        "AGENT_DESK_SECRET_KEY": Fernet.generate_key().decode(),
        "AGENT_DESK_DATABASE_URL": url,
        "MAILBOX_PASSWORD": MAIL_PASSWORD,
        "AGENT_DESK_INBOUND_SECRET": "restart-test-inbound-secret-0123456789",
    }
    added = subprocess.run(
        [
            SERVER,
            "channels",
            "add",
            "email",
            "--name",
            "support mail",
            "--address",
            SUPPORT,
            "--imap",
            dovecot.url(SUPPORT),
            "--smtp",
            f"smtp://{SUPPORT}@127.0.0.1:1",
            "--password-env",
            "MAILBOX_PASSWORD",
            "--ca-file",
            str(dovecot.ca_file),
            "--poll-seconds",
            "1",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    assert MAIL_PASSWORD not in added.stdout + added.stderr
    ids = []
    for n in range(MAILS):
        raw, header_id = customer_mail(f"c{n}@example.com", f"Order {n}", f"Where is order {n}?")
        dovecot.append(SUPPORT, raw)
        ids.append(header_id)

    db = Database(url)
    log = tmp_path / "serve.log"
    try:
        with log.open("wb") as out:
            first = subprocess.Popen(
                [SERVER, "serve", "--port", "0"], env=env, stdout=out, stderr=subprocess.STDOUT
            )
            try:
                try:
                    wait_for(lambda: _state(db)[0] >= 5, within=60, what="the first mails")
                except AssertionError:
                    raise AssertionError(log.read_text(errors="replace")[-3000:]) from None
            finally:
                first.send_signal(signal.SIGKILL)
                first.wait(timeout=10)
        killed_at = _state(db)
        assert killed_at[0] < MAILS, "killed part way (the test needs more mail if not)"
        with log.open("ab") as out:
            second = subprocess.Popen(
                [SERVER, "serve", "--port", "0"], env=env, stdout=out, stderr=subprocess.STDOUT
            )
            try:
                wait_for(lambda: _state(db)[0] >= MAILS, within=60, what="the rest")
            finally:
                second.terminate()
                second.wait(timeout=20)
        assert _state(db) == (MAILS, MAILS)
        with db.read() as conn:
            per_id = dict(
                conn.execute(
                    sa.select(t.mail_ids.c.header_id, sa.func.count())
                    .where(t.mail_ids.c.direction == "in")
                    .group_by(t.mail_ids.c.header_id)
                ).all()
            )
            conversations = conn.execute(
                sa.select(sa.func.count()).select_from(t.conversations)
            ).scalar_one()
        assert per_id == {header_id: 1 for header_id in ids}
        assert conversations == MAILS
        assert MAIL_PASSWORD.encode() not in (tmp_path / "server.db").read_bytes()
        assert MAIL_PASSWORD not in log.read_text(errors="replace")
    finally:
        db.dispose()
