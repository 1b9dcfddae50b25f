"""``agent-desk-server channels add email …`` and the admin's other mail commands, run as an
admin runs them; and what ``--insecure-tls`` allows and says."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from agent_desk.server.cli import main
from tests.email.conftest import MAIL_PASSWORD, require_dovecot
from tests.email.mailtest import SUPPORT, customer_mail, wait_for
from tests.email.servers import Dovecot, SmtpRecorder
from tests.server.conftest import start_server


@pytest.fixture
def admin_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    monkeypatch.setenv("AGENT_DESK_DATABASE_URL", url)
    monkeypatch.setenv("AGENT_DESK_SECRET_KEY", Fernet.generate_key().decode())
    return url


def _add(*extra: str) -> list[str]:
    return [
        "channels",
        "add",
        "email",
        "--name",
        "support mail",
        "--address",
        SUPPORT,
        "--imap",
        "imaps://support%40example.test@imap.example.test:993/INBOX",
        "--smtp",
        "smtps://support%40example.test@smtp.example.test:465",
        *extra,
    ]


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ((), "say how to sign in"),
        (("--password-file", "/x", "--password-env", "X"), "not both"),
        (("--password-env", "X", "--oauth2-token-url", "https://t.example/token"), "not both"),
        (("--oauth2-token-url", "https://t.example/token"), "OAuth2 needs"),
        (
            (
                "--password-env",
                "X",
                "--oauth2-token-url",
                "http://t.example/token",
                "--oauth2-client-id",
                "c",
                "--oauth2-refresh-token-file",
                "/r",
            ),
            "not both",
        ),
        (("--password-env", "X", "--poll-seconds", "0"), "poll_s must be"),
        (("--password-env", "X", "--from-name", "{customer}"), "{agent}"),
    ],
)
def test_add_refuses_what_cannot_work_and_says_why(
    admin_env: str, capsys: pytest.CaptureFixture[str], extra: tuple[str, ...], said: str
) -> None:
    assert main(_add(*extra)) == 2
    assert said in capsys.readouterr().err


def test_add_refuses_a_password_in_the_url_and_a_bad_address(
    admin_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _add("--password-env", "X")
    args[args.index("--imap") + 1] = "imaps://support:hunter22@imap.example.test/INBOX"
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "no password in the URL" in err and "hunter22" not in err
    args = _add("--password-env", "X")
    args[args.index("--address") + 1] = "not-an-address"
    assert main(args) == 2
    assert "--address must be an email address" in capsys.readouterr().err


def test_add_show_set_and_the_password_is_never_stored(
    admin_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pw"
    secret.write_text("correct-horse-battery-staple\n", encoding="utf-8")
    assert main(_add("--password-file", str(secret), "--poll-seconds", "15")) == 0
    out = capsys.readouterr().out
    assert "correct-horse" not in out
    assert main(["channels", "show", "support mail"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["kind"] == "email" and shown["channel"] == "email"
    assert shown["settings"]["password_file"] == str(secret)
    assert shown["settings"]["poll_s"] == 15
    assert shown["mailbox"]["polled"] is False and shown["mailbox"]["stale"] is True
    assert main(["channels", "set", "support mail", "--max-mail-mb", "30"]) == 0
    assert json.loads(capsys.readouterr().out)["settings"]["max_mail_mb"] == 30
    assert b"correct-horse" not in (tmp_path / "server.db").read_bytes()


@pytest.mark.mail
@pytest.mark.allow_log_warnings  # --insecure-tls is a warning at every start, on purpose
def test_insecure_tls_allows_a_lab_server_without_tls_and_says_so(
    db_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    require_dovecot()
    caplog.set_level(logging.INFO)
    with (
        Dovecot({SUPPORT: MAIL_PASSWORD}, tls=False) as plain,
        SmtpRecorder({SUPPORT: MAIL_PASSWORD}) as smtp,
    ):
        from tests.email.mailtest import connect_mailbox

        running = start_server(db_url, mail_refresh_s=0.2)
        try:
            refused = connect_mailbox(running, plain, smtp, tmp_path, ca_file="")
            state = wait_for(lambda: (s := refused.state()) is not None and s.last_error_kind and s)
            assert state.last_error_kind == "tls" and "STARTTLS" in state.last_error
            with running.db.write() as tx:
                from agent_desk.server.channels import connections

                connections.update(tx, refused.connection_id, settings={"insecure_tls": True})
            raw, header_id = customer_mail("lab@example.com", "Lab", "Testing the lab box")
            refused.deliver(raw)
            refused.taken(header_id)
        finally:
            running.close()
    assert "--insecure-tls: mail server certificates are NOT verified" in caplog.text


@pytest.mark.allow_log_warnings  # the refused mail is logged
def test_failed_mail_is_listed_and_reprocessed_after_the_limit_is_raised(
    db_url: str,
    dovecot: Dovecot,
    smtp_recorder: SmtpRecorder,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.email.mailtest import connect_mailbox
    from tests.server.conftest import TEST_SECRET_KEY

    running = start_server(db_url, mail_refresh_s=0.2)
    try:
        box = connect_mailbox(running, dovecot, smtp_recorder, tmp_path, max_mail_mb=0.02)
        pdf = b"%PDF-1.4\n" + b"1" * 40_000
        raw, header_id = customer_mail(
            "big@example.com",
            "Scan",
            "My receipt",
            attachments=(("scan.pdf", "application/pdf", pdf),),
        )
        uid = box.deliver(raw)
        box.caught_up_to(uid)
        monkeypatch.setenv("AGENT_DESK_DATABASE_URL", db_url)
        monkeypatch.setenv("AGENT_DESK_SECRET_KEY", TEST_SECRET_KEY)
        with running.db.read() as conn:
            from agent_desk.server.channels import connections

            name = connections.get(conn, box.connection_id).name
        assert main(["channels", "failed-mail", name]) == 0
        [listed] = json.loads(capsys.readouterr().out)
        assert listed["code"] == "too_large" and listed["uid"] == uid
        assert listed["from"] is None or listed["from"] == "big@example.com"
        assert main(["channels", "set", name, "--max-mail-mb", "1"]) == 0
        assert main(["channels", "reprocess-mail", name]) == 0
        capsys.readouterr()
        message = box.taken(header_id, within=20)
        assert message.attachments[0]["name"] == "scan.pdf"
        assert [r.status for r in box.failed()] == ["done"]
    finally:
        running.close()
