"""The mail server fixtures themselves: dovecot, the SMTP recorder and the OAuth2 endpoint behave
like the real servers the email channel will meet."""

from __future__ import annotations

import ssl
from email.message import EmailMessage

import aiosmtplib
import httpx
import imapclient
import pytest
from imapclient.exceptions import LoginError

from tests.email.conftest import MAIL_PASSWORD, MAIL_USER
from tests.email.servers import HOST, Dovecot, SmtpRecorder, TlsCertificate, TokenEndpoint

RAW = (
    b"From: Customer <customer@example.org>\r\n"
    b"To: support@example.test\r\n"
    b"Subject: =?utf-8?b?6YCA5qy+?=\r\n"
    b"Message-ID: <m1@example.org>\r\n"
    b"\r\n"
    b"Where is my refund?\r\n"
)


def _message(subject: str = "Re: your order", to: str = "customer@example.org") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = MAIL_USER
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content("Your refund is on its way.\n")
    return msg


def _refresh(endpoint: TokenEndpoint, refresh_token: str, **overrides: str) -> httpx.Response:
    form = {
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "client_id": endpoint.client_id,
        "client_secret": endpoint.client_secret,
        **overrides,
    }
    return httpx.post(endpoint.token_url, data=form, timeout=5)


# --- dovecot ----------------------------------------------------------------------------------


def test_dovecot_plain_login_append_search_fetch(dovecot: Dovecot) -> None:
    assert dovecot.url(MAIL_USER) == f"imap://support%40example.test@{HOST}:{dovecot.port}/INBOX"
    assert dovecot.url(MAIL_USER, tls=True).startswith(f"imaps://support%40example.test@{HOST}:")
    first = dovecot.append(MAIL_USER, RAW)
    second = dovecot.append(MAIL_USER, RAW.replace(b"<m1@", b"<m2@"), flags=[b"\\Seen"])
    assert (first, second) == (1, 2)
    assert dovecot.uids(MAIL_USER) == [1, 2]
    assert "\\Seen" in dovecot.flags(MAIL_USER)[2] and "\\Seen" not in dovecot.flags(MAIL_USER)[1]

    with imapclient.IMAPClient(HOST, dovecot.port, ssl=False, timeout=5) as client:
        assert b"AUTH=PLAIN" in client.capabilities()
        client.login(MAIL_USER, MAIL_PASSWORD)
        client.append("INBOX", RAW.replace(b"<m1@", b"<m3@"))
        client.select_folder("INBOX")
        assert client.search(["UNSEEN"]) == [1, 3]
        fetched = client.fetch([1, 2, 3], ["UID", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
        ids = {
            uid: data[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"].strip() for uid, data in fetched.items()
        }
    assert ids == {
        1: b"Message-ID: <m1@example.org>",
        2: b"Message-ID: <m2@example.org>",
        3: b"Message-ID: <m3@example.org>",
    }
    assert dovecot.messages(MAIL_USER)[1] == RAW

    with pytest.raises(LoginError):
        dovecot.client(MAIL_USER, "wrong password")


def test_dovecot_users_and_mailboxes(dovecot: Dovecot) -> None:
    password = dovecot.add_user("Second@Example.test")  # names are lower case at dovecot
    assert dovecot.password("second@example.test") == password
    assert dovecot.append("second@example.test", RAW, mailbox="Archive/2026") == 1
    assert dovecot.uids("second@example.test", "Archive/2026") == [1]
    assert dovecot.uids("second@example.test") == []
    assert dovecot.uids(MAIL_USER) == []  # users do not share mail
    with dovecot.client("second@example.test") as client:
        names = {name for _flags, _sep, name in client.list_folders()}
    assert {"INBOX", "Archive/2026"} <= names


def test_dovecot_uidvalidity_changes_when_forced(dovecot: Dovecot) -> None:
    for n in range(3):
        dovecot.append(MAIL_USER, RAW.replace(b"<m1@", f"<r{n}@".encode()))
    dovecot.expunge(MAIL_USER, [1])
    before = dovecot.uidvalidity(MAIL_USER)
    assert dovecot.uids(MAIL_USER) == [2, 3]

    with dovecot.client(MAIL_USER) as watching:  # a session open meanwhile is disconnected
        watching.select_folder("INBOX")
        watching.idle()
        after = dovecot.reset_uidvalidity(MAIL_USER)
        assert (b"BYE", b"Server", b"shutting", b"down.") in watching.idle_check(timeout=5)
        watching.shutdown()
    assert after != before
    assert dovecot.uidvalidity(MAIL_USER) == after
    assert dovecot.uids(MAIL_USER) == [1, 2]  # the same mail numbered afresh
    assert sorted(dovecot.messages(MAIL_USER).values()) == sorted(
        RAW.replace(b"<m1@", f"<r{n}@".encode()) for n in (1, 2)
    )

    emptied = dovecot.reset_uidvalidity(MAIL_USER, keep_messages=False)
    assert emptied not in (before, after)
    assert dovecot.uids(MAIL_USER) == []


def test_dovecot_offers_idle_and_wakes_it(dovecot: Dovecot) -> None:
    with dovecot.client(MAIL_USER) as client:
        assert b"IDLE" in client.capabilities()
        client.select_folder("INBOX")
        client.idle()
        try:
            dovecot.append(MAIL_USER, RAW)
            responses = client.idle_check(timeout=5)
        finally:
            client.idle_done()
    assert (1, b"EXISTS") in responses


def test_dovecot_xoauth2_with_token_endpoint(
    dovecot: Dovecot, token_endpoint: TokenEndpoint
) -> None:
    refresh_token = token_endpoint.refresh_token_for(MAIL_USER)
    answer = _refresh(token_endpoint, refresh_token)
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == token_endpoint.expires_in
    assert token_endpoint.refresh_count == 1
    access_token = body["access_token"]

    with imapclient.IMAPClient(HOST, dovecot.port, ssl=False, timeout=5) as client:
        assert b"AUTH=XOAUTH2" in client.capabilities()
        client.oauth2_login(MAIL_USER, access_token)
        assert client.select_folder("INBOX")[b"EXISTS"] == 0
    with imapclient.IMAPClient(HOST, dovecot.port, ssl=False, timeout=5) as client:
        client.oauthbearer_login(MAIL_USER, access_token)
    assert token_endpoint.introspection_count == 2  # dovecot asked each time (no cache)

    # the password still works for the same user, and a token is no password
    with dovecot.client(MAIL_USER):
        pass
    with pytest.raises(LoginError):
        dovecot.client(MAIL_USER, access_token)

    other = dovecot.add_user("other@example.test")
    assert other
    others_token = token_endpoint.access_token_for("other@example.test")
    for user, token in (
        (MAIL_USER, "not-a-token"),
        (MAIL_USER, others_token),  # a token is good for its own user only
    ):
        with (
            imapclient.IMAPClient(HOST, dovecot.port, ssl=False, timeout=5) as client,
            pytest.raises(LoginError),
        ):
            client.oauth2_login(user, token)

    # an expired token is refused; a refresh gives a new one that works
    token_endpoint.expire(access_token)
    with (
        imapclient.IMAPClient(HOST, dovecot.port, ssl=False, timeout=5) as client,
        pytest.raises(LoginError),
    ):
        client.oauth2_login(MAIL_USER, access_token)
    renewed = _refresh(token_endpoint, refresh_token).json()["access_token"]
    assert renewed != access_token and token_endpoint.refresh_count == 2
    with imapclient.IMAPClient(HOST, dovecot.port, ssl=False, timeout=5) as client:
        client.oauth2_login(MAIL_USER, renewed)


def test_token_endpoint_refuses_bad_requests(token_endpoint: TokenEndpoint) -> None:
    refresh_token = token_endpoint.refresh_token_for(MAIL_USER)
    unknown = _refresh(token_endpoint, "rt-unknown")
    assert (unknown.status_code, unknown.json()["error"]) == (400, "invalid_grant")
    wrong_client = _refresh(token_endpoint, refresh_token, client_secret="guess")
    assert (wrong_client.status_code, wrong_client.json()["error"]) == (401, "invalid_client")
    # client credentials in a Basic header (RFC 6749 2.3.1) work too
    basic = httpx.post(
        token_endpoint.token_url,
        data={"grant_type": "refresh_token", "refresh_token": refresh_token},
        auth=(token_endpoint.client_id, token_endpoint.client_secret),
        timeout=5,
    )
    assert basic.status_code == 200
    token_endpoint.revoke(refresh_token)
    assert _refresh(token_endpoint, refresh_token).status_code == 400
    assert token_endpoint.refresh_count == 1

    token_endpoint.replies.append((503, {"error": "temporarily_unavailable"}))
    token_endpoint.rotate_refresh_tokens = True
    token_endpoint.expires_in = 2
    fresh = token_endpoint.refresh_token_for(MAIL_USER)
    assert _refresh(token_endpoint, fresh).status_code == 503  # scripted, then normal service
    rotated = _refresh(token_endpoint, fresh).json()
    assert rotated["expires_in"] == 2 and rotated["refresh_token"] != fresh
    assert _refresh(token_endpoint, fresh).status_code == 400  # the old one is spent
    assert _refresh(token_endpoint, rotated["refresh_token"]).status_code == 200

    introspection = httpx.post(
        token_endpoint.introspection_url, data={"token": rotated["access_token"]}, timeout=5
    ).json()
    assert introspection["active"] is True and introspection["email"] == MAIL_USER
    token_endpoint.expire(user=MAIL_USER)
    assert not token_endpoint.is_active(rotated["access_token"])


def test_dovecot_tls_needs_the_ca(dovecot: Dovecot) -> None:
    with pytest.raises(ssl.SSLCertVerificationError):
        imapclient.IMAPClient(HOST, dovecot.tls_port, ssl=True, timeout=5)
    context = ssl.create_default_context(cafile=str(dovecot.ca_file))
    with imapclient.IMAPClient(
        HOST, dovecot.tls_port, ssl=True, ssl_context=context, timeout=5
    ) as client:
        client.login(MAIL_USER, MAIL_PASSWORD)
    # the plain port offers STARTTLS, verified against the same CA
    with imapclient.IMAPClient(HOST, dovecot.port, ssl=False, timeout=5) as client:
        assert b"STARTTLS" in client.capabilities()
        with pytest.raises(ssl.SSLCertVerificationError):
            client.starttls(ssl.create_default_context())
    with imapclient.IMAPClient(HOST, dovecot.port, ssl=False, timeout=5) as client:
        client.starttls(context)
        client.login(MAIL_USER, MAIL_PASSWORD)


@pytest.mark.mail
def test_dovecot_starts_quickly_and_stops_clean() -> None:
    from tests.email.conftest import require_dovecot

    require_dovecot()
    server = Dovecot({"quick@example.test": "pw"}, tls=False).start()
    try:
        assert server.started_in < 2, server.started_in
        assert server.version and server.version[0].isdigit()
        directory = server.directory
        assert directory is not None and (directory / "dovecot.conf").exists()
        with server.client("quick@example.test") as client:
            assert b"STARTTLS" not in client.capabilities()
            client.select_folder("INBOX")
            client.idle()
            port = server.port
            server.append("quick@example.test", RAW)
            server.restart()  # the same port and mail; open sessions are told BYE
            assert (b"BYE", b"Server", b"shutting", b"down.") in client.idle_check(timeout=5)
            client.shutdown()
        assert server.port == port and server.uids("quick@example.test") == [1]
    finally:
        server.stop()
    assert not directory.exists()
    with pytest.raises(ConnectionRefusedError):
        imapclient.IMAPClient(HOST, server.port, ssl=False, timeout=2)


@pytest.mark.mail
def test_dovecot_that_cannot_start_says_why() -> None:
    from tests.email.conftest import require_dovecot
    from tests.email.servers import DovecotError

    require_dovecot()

    class Misconfigured(Dovecot):
        def _configure(self) -> None:
            super()._configure()
            assert self.directory is not None
            with (self.directory / "dovecot.conf").open("a") as conf:
                conf.write("no_such_setting = yes\n")

    server = Misconfigured({"quick@example.test": "pw"}, tls=False)
    with pytest.raises(DovecotError, match="no_such_setting"):
        server.start()
    assert server.directory is None  # cleaned up


# --- SMTP -------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_smtp_records_plain_mail(smtp_recorder: SmtpRecorder) -> None:
    assert (
        smtp_recorder.url(MAIL_USER) == f"smtp://support%40example.test@{HOST}:{smtp_recorder.port}"
    )
    msg = _message(subject="退款 refund")
    await aiosmtplib.send(
        msg,
        hostname=HOST,
        port=smtp_recorder.port,
        start_tls=False,
        recipients=["customer@example.org", "cc@example.org"],
    )
    (mail,) = smtp_recorder.wait_for(1)
    assert mail.mail_from == MAIL_USER
    assert mail.rcpt_tos == ("customer@example.org", "cc@example.org")
    assert mail.message["Subject"] == "退款 refund"
    assert mail.message.get_content() == "Your refund is on its way.\n"
    assert mail.raw.startswith(b"From: ") and mail.auth_user is None and not mail.tls


@pytest.mark.asyncio
async def test_smtp_auth_plain_login_and_starttls(smtp_recorder: SmtpRecorder) -> None:
    for method in ("auth_plain", "auth_login"):
        async with aiosmtplib.SMTP(
            hostname=HOST,
            port=smtp_recorder.port,
            start_tls=True,
            cert_bundle=str(smtp_recorder.ca_file),
        ) as client:
            await client.ehlo()  # again after STARTTLS (auth_* do not)
            await getattr(client, method)(MAIL_USER, MAIL_PASSWORD)
            await client.send_message(_message(subject=method))
    first, second = smtp_recorder.wait_for(2)
    assert first.auth_user == MAIL_USER and first.tls
    assert second.message["Subject"] == "auth_login"

    async with aiosmtplib.SMTP(hostname=HOST, port=smtp_recorder.port, start_tls=False) as client:
        with pytest.raises(aiosmtplib.SMTPAuthenticationError) as refused:
            await client.login(MAIL_USER, "wrong")
    assert refused.value.code == 535

    # STARTTLS against the system's CAs refuses the test certificate
    client = aiosmtplib.SMTP(hostname=HOST, port=smtp_recorder.port, start_tls=True)
    with pytest.raises((ssl.SSLCertVerificationError, aiosmtplib.SMTPException)):
        await client.connect()
    client.close()
    assert "handshake failed" in smtp_recorder.wait_for_event("STARTTLS").reply


@pytest.mark.asyncio
async def test_smtp_xoauth2(smtp_recorder: SmtpRecorder, token_endpoint: TokenEndpoint) -> None:
    token = token_endpoint.access_token_for(MAIL_USER)
    async with aiosmtplib.SMTP(hostname=HOST, port=smtp_recorder.port, start_tls=False) as client:
        await client.ehlo()
        assert "xoauth2" in client.server_auth_methods
        await client.auth_xoauth2(MAIL_USER, token)
        await client.send_message(_message())
    assert smtp_recorder.wait_for(1)[0].auth_user == MAIL_USER

    token_endpoint.expire(token)
    for candidate in (token, "not-a-token", token_endpoint.access_token_for("else@example.test")):
        async with aiosmtplib.SMTP(
            hostname=HOST, port=smtp_recorder.port, start_tls=False
        ) as client:
            with pytest.raises(aiosmtplib.SMTPAuthenticationError) as refused:
                await client.auth_xoauth2(MAIL_USER, candidate)
        assert refused.value.code == 535
    assert [e.reply for e in smtp_recorder.events if e.command == "AUTH"] == [
        "235",
        "535",
        "535",
        "535",
    ]


@pytest.mark.asyncio
async def test_smtp_scripted_replies(smtp_recorder: SmtpRecorder) -> None:
    smtp_recorder.script("RCPT", "451 4.3.0 try later")
    smtp_recorder.refuse_recipient("gone@example.org")
    smtp_recorder.script("DATA", "452 4.3.1 insufficient system storage")

    async def send(to: str) -> None:
        await aiosmtplib.send(
            _message(to=to), hostname=HOST, port=smtp_recorder.port, start_tls=False
        )

    with pytest.raises(aiosmtplib.SMTPRecipientsRefused) as temporary:
        await send("customer@example.org")
    assert [r.code for r in temporary.value.recipients] == [451]
    with pytest.raises(aiosmtplib.SMTPRecipientsRefused) as permanent:
        await send("gone@example.org")
    assert [r.code for r in permanent.value.recipients] == [550]
    assert "user unknown" in permanent.value.recipients[0].message
    with pytest.raises(aiosmtplib.SMTPDataError) as data_refused:
        await send("customer@example.org")
    assert data_refused.value.code == 452
    assert smtp_recorder.messages == []

    await send("customer@example.org")  # the script is used up: accepted
    assert len(smtp_recorder.wait_for(1)) == 1
    assert [(e.command, e.reply[:3]) for e in smtp_recorder.events] == [
        ("RCPT", "451"),
        ("RCPT", "550"),
        ("DATA", "452"),
    ]


@pytest.mark.mail
@pytest.mark.asyncio
async def test_smtp_implicit_tls_and_required_auth(mail_certificate: TlsCertificate) -> None:
    with SmtpRecorder(
        {MAIL_USER: MAIL_PASSWORD},
        tls="implicit",
        require_auth=True,
        certificate=mail_certificate,
        replies={"MAIL": ["421 4.7.0 too busy, come back later"]},
    ) as recorder:
        assert recorder.url(MAIL_USER).startswith("smtps://")

        def smtps(verify: bool = True) -> aiosmtplib.SMTP:
            bundle = str(recorder.ca_file) if verify else None
            return aiosmtplib.SMTP(
                hostname=HOST, port=recorder.port, use_tls=True, cert_bundle=bundle
            )

        async with smtps() as client:
            with pytest.raises(aiosmtplib.SMTPSenderRefused) as unauthenticated:
                await client.send_message(_message())
        assert unauthenticated.value.code == 530
        async with smtps() as client:
            await client.login(MAIL_USER, MAIL_PASSWORD)
            with pytest.raises(aiosmtplib.SMTPSenderRefused) as busy:
                await client.send_message(_message())
            assert busy.value.code == 421
        async with smtps() as client:
            await client.login(MAIL_USER, MAIL_PASSWORD)
            await client.send_message(_message())
        (mail,) = recorder.wait_for(1)
        assert mail.tls and mail.auth_user == MAIL_USER
        client = smtps(verify=False)
        with pytest.raises((ssl.SSLCertVerificationError, aiosmtplib.SMTPException)):
            await client.connect()
        client.close()
