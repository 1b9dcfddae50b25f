"""Fixtures with real mail servers: dovecot (IMAP), aiosmtpd (SMTP), an OAuth2 token endpoint.

Each test gets its own servers (dovecot starts in ~30 ms). Tests using ``dovecot`` or
``smtp_recorder`` are marked ``mail`` and counted in the run's summary; in CI a missing dovecot
fails them instead of skipping. A test that builds its own ``Dovecot(...)``/``SmtpRecorder(...)``
should say ``@pytest.mark.mail`` to be counted (and call ``require_dovecot()``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.email.servers import (
    Dovecot,
    SmtpRecorder,
    TlsCertificate,
    TokenEndpoint,
    dovecot_binary,
    make_certificate,
)
from tests.sync.conftest import clients  # noqa: F401 - a fixture the end-to-end test uses

if TYPE_CHECKING:
    from tests.email.mailtest import Mailbox

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
MAIL_FIXTURES = {"dovecot", "smtp_recorder"}

# the mailbox the fixtures set up on both servers
MAIL_USER = "support@example.test"
MAIL_PASSWORD = "mailbox-password"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if MAIL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.mail)


def require_dovecot() -> None:
    """Skip the test when dovecot is not installed (fail it in CI)."""
    if dovecot_binary() is None:
        message = (
            "dovecot is needed (apt-get install dovecot-imapd, or name it in "
            "AGENT_DESK_TEST_DOVECOT)"
        )
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def mail_certificate(tmp_path_factory: pytest.TempPathFactory) -> TlsCertificate:
    """One private CA and server certificate (127.0.0.1, localhost) for every mail server, so
    one ``ca_file`` verifies both the IMAP and the SMTP server."""
    return make_certificate(tmp_path_factory.mktemp("mail-tls"))


@pytest.fixture
def token_endpoint() -> Iterator[TokenEndpoint]:
    """An OAuth2 token + introspection endpoint (http://127.0.0.1:PORT/token)."""
    with TokenEndpoint() as endpoint:
        yield endpoint


@pytest.fixture
def dovecot(token_endpoint: TokenEndpoint, mail_certificate: TlsCertificate) -> Iterator[Dovecot]:
    """dovecot with the user MAIL_USER (password MAIL_PASSWORD, or XOAUTH2 with a token from
    ``token_endpoint``); STARTTLS on ``.port``, implicit TLS on ``.tls_port`` (``.ca_file``)."""
    require_dovecot()
    with Dovecot(
        {MAIL_USER: MAIL_PASSWORD}, token_endpoint=token_endpoint, certificate=mail_certificate
    ) as server:
        yield server


@pytest.fixture
def smtp_recorder(
    token_endpoint: TokenEndpoint, mail_certificate: TlsCertificate
) -> Iterator[SmtpRecorder]:
    """aiosmtpd offering STARTTLS and AUTH (MAIL_USER's password, or XOAUTH2 with a token from
    ``token_endpoint``); AUTH is optional. Records every accepted message."""
    with SmtpRecorder(
        {MAIL_USER: MAIL_PASSWORD},
        token_endpoint=token_endpoint,
        tls="starttls",
        certificate=mail_certificate,
    ) as recorder:
        yield recorder


@pytest.fixture
def mailbox(
    db_url: str, dovecot: Dovecot, smtp_recorder: SmtpRecorder, tmp_path: Path
) -> Iterator[Mailbox]:
    """A server (SQLite and PostgreSQL) with an email connection to ``dovecot`` and
    ``smtp_recorder``: STARTTLS verified against the test CA, the password in a file."""
    from tests.email.mailtest import connect_mailbox
    from tests.server.conftest import start_server

    running = start_server(db_url, mail_refresh_s=0.2)
    try:
        yield connect_mailbox(running, dovecot, smtp_recorder, tmp_path)
    finally:
        running.close()
