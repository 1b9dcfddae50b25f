"""Shared fixtures: real SQLite files, a real PostgreSQL database, a real server on loopback."""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator

import psycopg
import pytest

PG_ADMIN_URL = os.environ.get(
    "AGENT_DESK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# how many tests with a real component ran: the run says so (in CI they must run, not skip)
_outcomes: dict[str, dict[str, int]] = {
    "postgres": {"passed": 0, "failed": 0, "skipped": 0},
    "browser": {"passed": 0, "failed": 0, "skipped": 0},
    "mail": {"passed": 0, "failed": 0, "skipped": 0},
}
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def _pg_available() -> str | None:
    try:
        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3, autocommit=True) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return str(exc).splitlines()[0]
    return None


@pytest.fixture(scope="session")
def pg_admin() -> str:
    problem = _pg_available()
    if problem is not None:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but unreachable: {problem}")
        pytest.skip(f"PostgreSQL unreachable: {problem}")
    return PG_ADMIN_URL


@pytest.fixture
def pg_url(pg_admin: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = "agent_desk_t_" + secrets.token_hex(5)
    with psycopg.connect(pg_admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = pg_admin.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(pg_admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    return request.getfixturevalue("pg_url")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for marker, counts in _outcomes.items():
        if marker not in report.keywords:
            continue
        if report.when == "call" and report.passed:
            counts["passed"] += 1
        elif report.failed:
            counts["failed"] += 1
        elif report.skipped:
            counts["skipped"] += 1


def _mail_servers() -> str:
    """What the mail tests ran against: dovecot 2.3.19.1 (IMAP) and aiosmtpd 1.4.6 (SMTP)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        out = subprocess.run(
            [
                os.environ.get("AGENT_DESK_TEST_DOVECOT")
                or shutil.which("dovecot")
                or "/usr/sbin/dovecot",
                "--version",
            ],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.split()
        dovecot = f"dovecot {out[0]}" if out else "dovecot (not working)"
    except (OSError, subprocess.SubprocessError):
        dovecot = "dovecot (not installed)"
    try:
        aiosmtpd = f"aiosmtpd {version('aiosmtpd')}"
    except PackageNotFoundError:
        aiosmtpd = "aiosmtpd (not installed)"
    return f"{dovecot} (IMAP) and {aiosmtpd} (SMTP)"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for marker, where in (
        ("postgres", f"PostgreSQL tests: {{0}} ran against {PG_ADMIN_URL.rsplit('@', 1)[-1]}"),
        ("browser", f"Browser tests: {{0}} ran in {CHROMIUM}"),
        ("mail", f"Mail server tests: {{0}} ran against {_mail_servers()}"),
    ):
        counts = _outcomes[marker]
        terminalreporter.write_line(
            where.format(sum(counts.values()))
            + f" — {counts['passed']} passed, {counts['failed']} failed, "
            f"{counts['skipped']} skipped"
        )


@pytest.fixture
def browser() -> Iterator[object]:
    """Debian's chromium, headless, driven by Selenium (a real browser for the web pages)."""
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        message = (
            f"{CHROMIUM} and {CHROMEDRIVER} are needed (apt-get install chromium chromium-driver)"
        )
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    class LoopbackService(Service):
        """The driver on 127.0.0.1 (Selenium says "localhost", which a bare system may not
        resolve: a minimal Debian root has no /etc/hosts)."""

        @property
        def service_url(self) -> str:
            return f"http://127.0.0.1:{self.port}"

        def is_connectable(self) -> bool:
            from selenium.webdriver.common import utils

            return bool(utils.is_url_connectable(self.port, host="127.0.0.1"))

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=480,720",
        "--lang=zh-CN",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=LoopbackService(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_logged_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test fails if anything (also the server's threads) logs a warning it did not expect.

    Mark a test ``@pytest.mark.allow_log_warnings`` when a warning is the point of the test.
    """
    collector = _WarningCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        yield
    finally:
        root.removeHandler(collector)
    if collector.records and request.node.get_closest_marker("allow_log_warnings") is None:
        lines = "\n".join(
            f"{r.levelname} {r.name}: {r.getMessage()}" for r in collector.records[:10]
        )
        pytest.fail(f"unexpected logged warnings:\n{lines}", pytrace=False)
