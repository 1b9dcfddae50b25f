"""XOAUTH2, as Microsoft 365 and Gmail require it, against dovecot's oauth2 passdb and aiosmtpd
checking tokens with a local OAuth2 provider (token and introspection endpoints on loopback):
the server renews access tokens from the admin's refresh token, keeps a rotated refresh token
sealed, and never stores or logs a token in plain text."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from agent_desk.server.storage import schema as t
from tests.email.mailtest import (
    Mailbox,
    claim,
    connect_mailbox,
    customer_mail,
    delivery_of,
    reply,
    wait_for,
)
from tests.email.servers import Dovecot, SmtpRecorder, TokenEndpoint
from tests.server.conftest import Running, start_server

CUSTOMER = "kim.lee@example.com"


def connect_oauth(
    running: Running,
    dovecot: Dovecot,
    smtp: SmtpRecorder,
    tokens: TokenEndpoint,
    tmp_path: Path,
) -> Mailbox:
    """An email connection signing in with XOAUTH2: the refresh token in ``refresh-token``."""
    secret_file = tmp_path / "client-secret"
    secret_file.write_text(tokens.client_secret, encoding="utf-8")
    return connect_mailbox(
        running,
        dovecot,
        smtp,
        tmp_path,
        password_file="",
        oauth2_token_url=tokens.token_url,
        oauth2_client_id=tokens.client_id,
        oauth2_client_secret_file=str(secret_file),
        oauth2_refresh_token_file=str(tmp_path / "refresh-token"),
    )


@pytest.mark.parametrize("rotate", [False, True], ids=["kept", "rotated"])
def test_imap_and_smtp_sign_in_with_renewed_oauth2_tokens(
    db_url: str,
    dovecot: Dovecot,
    smtp_recorder: SmtpRecorder,
    token_endpoint: TokenEndpoint,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    rotate: bool,
) -> None:
    caplog.set_level(logging.DEBUG)
    token_endpoint.rotate_refresh_tokens = rotate
    token_endpoint.expires_in = 62  # renewed a minute early: good for about 2 s here
    refresh_file = tmp_path / "refresh-token"
    first_refresh = token_endpoint.refresh_token_for("support@example.test")
    refresh_file.write_text(first_refresh + "\n", encoding="utf-8")
    running = start_server(db_url, mail_refresh_s=0.2)
    try:
        box = connect_oauth(running, dovecot, smtp_recorder, token_endpoint, tmp_path)
        raw, first_id = customer_mail(CUSTOMER, "Order 77", "Where is order 77?")
        box.deliver(raw)
        conv_id = box.taken(first_id).conversation_id
        assert token_endpoint.introspection_count >= 1, "dovecot checked our token"
        claim(running, conv_id)
        issued = []
        for n in range(2):
            message_id = reply(running, conv_id, f"Reply {n}")
            wait_for(lambda m=message_id: delivery_of(running, m).status == "sent", what="sent")
            issued.append(token_endpoint.refresh_count)
            time.sleep(2.2)  # the access token is due for renewal
        assert [m.auth_user for m in smtp_recorder.messages] == ["support@example.test"] * 2
        assert issued[0] == 1, "IMAP and SMTP share one access token while it is good"
        assert issued[1] == 2, "renewed once it was due, not reused past its time"

        raw, later_id = customer_mail(CUSTOMER, "Re: Order 77", "Thanks", in_reply_to=first_id)
        box.deliver(raw)
        assert box.taken(later_id).conversation_id == conv_id
        assert refresh_file.read_text(encoding="utf-8").strip() == first_refresh
        with running.db.read() as conn:
            sealed = conn.execute(
                sa.select(
                    t.channel_connections.c.secret_ciphertext, t.channel_connections.c.settings
                )
            ).one()
        sent = [f.get("refresh_token", "") for f in token_endpoint.requests]
        for token in {first_refresh, *sent} - {""}:
            assert token not in str(sealed), "no refresh token in the database in plain text"
            assert token not in caplog.text, "no token in the logs"
    finally:
        running.close()


@pytest.mark.allow_log_warnings  # the refused renewal is logged
def test_a_revoked_refresh_token_shows_as_an_auth_error(
    db_url: str,
    dovecot: Dovecot,
    smtp_recorder: SmtpRecorder,
    token_endpoint: TokenEndpoint,
    tmp_path: Path,
) -> None:
    refresh = token_endpoint.refresh_token_for("support@example.test")
    token_endpoint.revoke(refresh)
    (tmp_path / "refresh-token").write_text(refresh, encoding="utf-8")
    running = start_server(db_url, mail_refresh_s=0.2)
    try:
        box = connect_oauth(running, dovecot, smtp_recorder, token_endpoint, tmp_path)
        state = wait_for(lambda: (s := box.state()) is not None and s.last_error_kind and s)
        assert state.last_error_kind == "auth"
        assert "invalid_grant" in state.last_error
    finally:
        running.close()
