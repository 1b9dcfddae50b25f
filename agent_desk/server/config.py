"""Server settings: defaults < environment (AGENT_DESK_*) < command line."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

DEMO_INBOUND_SECRET = "demo-inbound-secret"  # noqa: S105 - only ever accepted in demo mode


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class ServerSettings:
    database_url: str = "sqlite:///agent-desk-server.db"
    host: str = "127.0.0.1"
    port: int = 8765
    token_ttl: timedelta = timedelta(hours=12)
    inbound_secret: str = ""
    demo: bool = False
    heartbeat_s: float = 15.0
    default_team_id: str | None = None
    snooze_check_s: float = 5.0
    max_request_bytes: int = 8 * 1024 * 1024
    max_json_depth: int = 32
    login_attempts_per_5min: int = 10  # failed sign-ins per (username, address)
    login_failures_per_user_15min: int = 50  # per username from unknown addresses together
    password_workers: int = 0  # threads checking passwords (0: half the CPUs, at least one)
    anonymous_audit_window_s: float = 60.0  # failed sign-ins etc. become one audit row per window
    header_timeout_s: float = 10.0  # a connection must send its request headers within this
    keep_alive_s: float = 5.0  # an idle keep-alive connection is closed after this
    streams_per_token: int = 4  # open event streams per session; a newer one ends the oldest
    extra: dict[str, str] = field(default_factory=dict)
    # channels: the key that seals connection secrets, and the delivery sender
    secret_key: str = ""  # AGENT_DESK_SECRET_KEY; else secret_key_file
    secret_key_file: str = ""  # default: beside a SQLite database, else ./agent-desk-server.key
    mail_pollers: bool = True  # poll every enabled email connection's mailbox
    mail_refresh_s: float = 10.0  # how soon a connection added or changed is polled
    delivery_poll_s: float = 1.0  # how often a sender looks for due deliveries (and on a poke)
    delivery_batch: int = 20  # deliveries one sender claims at a time
    delivery_lease_s: float = 60.0  # a claimed delivery another process may take after this
    outbound: tuple[tuple[str, str], ...] = ()  # --outbound CHANNEL=URL (serve, demo)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> ServerSettings:
        env = dict(os.environ) if env is None else env
        s = cls()
        try:
            if "AGENT_DESK_DATABASE_URL" in env:
                s = replace(s, database_url=env["AGENT_DESK_DATABASE_URL"])
            if "AGENT_DESK_HOST" in env:
                s = replace(s, host=env["AGENT_DESK_HOST"])
            if "AGENT_DESK_PORT" in env:
                s = replace(s, port=int(env["AGENT_DESK_PORT"]))
            if "AGENT_DESK_TOKEN_TTL_HOURS" in env:
                s = replace(s, token_ttl=timedelta(hours=float(env["AGENT_DESK_TOKEN_TTL_HOURS"])))
            if "AGENT_DESK_INBOUND_SECRET" in env:
                s = replace(s, inbound_secret=env["AGENT_DESK_INBOUND_SECRET"])
            if "AGENT_DESK_HEARTBEAT_SECONDS" in env:
                s = replace(s, heartbeat_s=float(env["AGENT_DESK_HEARTBEAT_SECONDS"]))
            if "AGENT_DESK_SECRET_KEY" in env:
                s = replace(s, secret_key=env["AGENT_DESK_SECRET_KEY"])
            if "AGENT_DESK_SECRET_KEY_FILE" in env:
                s = replace(s, secret_key_file=env["AGENT_DESK_SECRET_KEY_FILE"])
            if "AGENT_DESK_DEFAULT_TEAM" in env:
                s = replace(s, default_team_id=env["AGENT_DESK_DEFAULT_TEAM"])
        except ValueError as exc:
            raise ConfigError(f"bad value in the environment: {exc}") from exc
        return s

    def key_file(self) -> Path:
        """Where the server key is kept when it is not given in the environment."""
        if self.secret_key_file:
            return Path(self.secret_key_file).expanduser()
        url = sa.make_url(self.database_url)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return Path(str(url.database)).expanduser().with_suffix(".key")
        return Path("agent-desk-server.key")

    def check(self) -> None:
        """Refuse settings that are only safe in demo mode."""
        if self.demo:
            return
        if not self.inbound_secret or self.inbound_secret == DEMO_INBOUND_SECRET:
            raise ConfigError(
                "set AGENT_DESK_INBOUND_SECRET (at least 24 characters) to a secret of your own; "
                "the demo secret is refused outside --demo"
            )
        if len(self.inbound_secret) < 24:
            raise ConfigError("AGENT_DESK_INBOUND_SECRET must be at least 24 characters")
        if not 1 <= self.heartbeat_s <= 15:
            raise ConfigError("the SSE heartbeat must be between 1 and 15 seconds")
