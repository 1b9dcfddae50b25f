"""``agent-desk-server demo --db FILE`` runs the email connections stored in its database, like
``serve``: a connection an admin adds to the demo's file is polled and its mail taken in."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from agent_desk.server.channels import connections
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.config import ServerSettings
from agent_desk.server.demo.launch import demo_server
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from tests.email.conftest import MAIL_PASSWORD
from tests.email.mailtest import SUPPORT, customer_mail, wait_for
from tests.email.servers import Dovecot


def test_the_demo_polls_an_email_connection_stored_in_its_database(
    dovecot: Dovecot, tmp_path: Path
) -> None:
    path = tmp_path / "demo.db"
    server = demo_server(db_path=path, simulator_rate=None)
    db = Database(f"sqlite:///{path}")
    try:
        (tmp_path / "pw").write_text(MAIL_PASSWORD, encoding="utf-8")
        settings = ServerSettings(database_url=f"sqlite:///{path}")
        with db.write() as tx:
            connections.add(
                tx,
                SecretBox.load(settings.secret_key, settings.key_file()),
                name="demo mail",
                kind="email",
                channel="email",
                settings={
                    "address": SUPPORT,
                    "imap_url": dovecot.url(SUPPORT),
                    "smtp_url": "smtp://support%40example.test@127.0.0.1:1",
                    "password_file": str(tmp_path / "pw"),
                    "ca_file": str(dovecot.ca_file),
                    "poll_s": 1,
                },
            )
        raw, header_id = customer_mail("demo.customer@example.com", "Demo", "Hello from mail")
        dovecot.append(SUPPORT, raw)

        def taken() -> bool:
            with db.read() as conn:
                return (
                    conn.execute(
                        sa.select(t.mail_ids.c.message_id).where(
                            t.mail_ids.c.header_id == header_id
                        )
                    ).first()
                    is not None
                )

        wait_for(taken, within=30, what="the demo took the mail in")
    finally:
        db.dispose()
        server.stop()
