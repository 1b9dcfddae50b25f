"""Shared fixtures: real SQLite files, a real PostgreSQL database, a real server on loopback."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Iterator

import psycopg
import pytest

PG_ADMIN_URL = os.environ.get(
    "AGENT_DESK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

_pg_outcomes: dict[str, int] = {"passed": 0, "failed": 0, "skipped": 0}


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
    if "postgres" not in report.keywords:
        return
    if report.when == "call" and report.passed:
        _pg_outcomes["passed"] += 1
    elif report.failed:
        _pg_outcomes["failed"] += 1
    elif report.skipped:
        _pg_outcomes["skipped"] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    total = sum(_pg_outcomes.values())
    terminalreporter.write_line(
        f"PostgreSQL tests: {total} ran against {PG_ADMIN_URL.rsplit('@', 1)[-1]} — "
        f"{_pg_outcomes['passed']} passed, {_pg_outcomes['failed']} failed, "
        f"{_pg_outcomes['skipped']} skipped"
    )


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
