"""`agent-desk-server`: serve, migrate, create-user, import-articles, policy, audit, demo."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import signal
import sys
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from agent_desk.core.enums import Presence, Role
from agent_desk.core.errors import DomainError
from agent_desk.core.ids import is_valid_id, new_id
from agent_desk.core.knowledge import AUDIENCES, CUSTOMER
from agent_desk.core.text import unstorable
from agent_desk.server.audit import log as audit
from agent_desk.server.auth.passwords import hash_password
from agent_desk.server.channels import cli as channels_cli
from agent_desk.server.config import ConfigError, ServerSettings
from agent_desk.server.demo import launch
from agent_desk.server.feed.records import PUBLIC
from agent_desk.server.http.runner import ServerThread
from agent_desk.server.resolution import authority_policy as policy
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database, utcnow
from agent_desk.server.storage.migrate import migrate

log = logging.getLogger("agent_desk.server")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="agent-desk-server",
        description="The Agent Desk sync server. Settings also come from AGENT_DESK_* variables.",
    )
    p.add_argument("--demo", action="store_true", help="same as the `demo` command")
    p.add_argument("--log-level", default=os.environ.get("AGENT_DESK_LOG_LEVEL", "INFO"))
    sub = p.add_subparsers(dest="command")

    def db_arg(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--database-url", help="sqlite:///path or postgresql://… (env AGENT_DESK_DATABASE_URL)"
        )

    serve = sub.add_parser("serve", help="run the API")
    db_arg(serve)
    serve.add_argument("--host", help="address to listen on (env AGENT_DESK_HOST)")
    serve.add_argument("--port", type=int, help="port (env AGENT_DESK_PORT; 0 picks a free one)")
    channels_cli.add_outbound(serve, "point the channel's webhook connection at URL")

    mig = sub.add_parser("migrate", help="create or upgrade the database schema")
    db_arg(mig)

    cu = sub.add_parser(
        "create-user",
        help="add an agent account (password read from stdin with --password-stdin, else prompted)",
    )
    db_arg(cu)
    cu.add_argument("username")
    cu.add_argument("--display-name")
    cu.add_argument("--role", choices=[r.value for r in Role], default=Role.AGENT.value)
    cu.add_argument("--team", help="team id (created if it does not exist)")
    cu.add_argument("--team-name", help="name for a new team")
    cu.add_argument("--max-concurrent", type=int, default=6)
    cu.add_argument("--password-stdin", action="store_true")

    ka = sub.add_parser(
        "import-articles",
        help="import or update a knowledge base: one JSON article per line "
        '({"id", "title", "body", "scenario", "tags", "locale"}, optional "audience": '
        '"customer" or "internal"); all lines or none',
    )
    db_arg(ka)
    ka.add_argument("file", type=Path)
    ka.add_argument("--retire-missing", action="store_true", help="retire articles not in FILE")

    pol = sub.add_parser("policy", help="show, replace or reset the authority policy")
    pol_sub = pol.add_subparsers(dest="policy_command", required=True)
    show = pol_sub.add_parser("show", help="print the current policy as JSON")
    db_arg(show)
    put = pol_sub.add_parser(
        "set",
        help="replace the policy with FILE.json ({currency, limits, daily_total_minor, "
        "cumulative}; the output of `policy show` is accepted): validated, versioned, audited",
    )
    db_arg(put)
    put.add_argument("file", type=Path)
    reset = pol_sub.add_parser("reset", help="go back to the shipped defaults (a new version)")
    db_arg(reset)

    channels_cli.add_parser(sub, db_arg)

    aud = sub.add_parser("audit", help="the append-only audit log")
    aud_sub = aud.add_subparsers(dest="audit_command", required=True)
    verify = aud_sub.add_parser(
        "verify", help="walk the hash chain: exit 0 when intact, 1 naming the first bad row"
    )
    db_arg(verify)

    demo = sub.add_parser("demo", help="a demo server with sample data on a free loopback port")
    demo.add_argument("--port", type=int, default=0)
    demo.add_argument(
        "--db", help="keep the demo database in this SQLite file (default: temporary)"
    )
    demo.add_argument(
        "--simulator-rate",
        type=float,
        default=6.0,
        help="new customer messages per minute (default 6)",
    )
    demo.add_argument("--no-simulator", action="store_true")
    channels_cli.add_outbound(demo, "send the channel's replies to URL, not the demo's receiver")
    demo.add_argument("--seed", type=int, default=20261123)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=getattr(logging, str(args.log_level).upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("httpx", "alembic.runtime.migration"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    command = "demo" if args.demo and args.command is None else args.command
    if command is None:
        _parser().print_help()
        return 2
    try:
        settings = ServerSettings.from_env()
        if getattr(args, "database_url", None):
            settings = replace(settings, database_url=args.database_url)
        if command == "migrate":
            db = Database(settings.database_url)
            migrate(db)
            print(f"database is at the newest schema: {db.describe()}")
            return 0
        if command == "create-user":
            return _create_user(settings, args)
        if command == "import-articles":
            return _import_articles(settings, args)
        if command == "policy":
            return _policy(settings, args)
        if command == "channels":
            return channels_cli.run(settings, args)
        if command == "audit":
            return _audit_verify(settings)
        if command == "serve":
            if args.host:
                settings = replace(settings, host=args.host)
            if args.port is not None:
                settings = replace(settings, port=args.port)
            if args.outbound:
                settings = replace(settings, outbound=tuple(args.outbound))
            settings.check()
            return _serve(ServerThread(settings))
        if command == "demo":
            return _demo(settings, args)
    except ConfigError as exc:
        print(f"agent-desk-server: {exc}", file=sys.stderr)
        return 2
    return 2


def _stop_on_signal() -> threading.Event:
    """SIGINT and SIGTERM set the returned event; installed *before* the server starts, so a
    signal that arrives while it is starting still stops it cleanly."""
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    return stop


def _wait(server: ServerThread, stop: threading.Event) -> None:
    while not stop.is_set() and server.error is None:
        stop.wait(0.5)


def _serve(server: ServerThread) -> int:
    stop = _stop_on_signal()
    server.start()
    print(
        f"Agent Desk server listening on {server.url} (database: {server.app.state.db.describe()})",
        flush=True,
    )
    _wait(server, stop)
    server.stop()
    return 0


def _create_user(settings: ServerSettings, args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Password for {args.username}: ")
    if len(password) < 10:
        print("agent-desk-server: the password must have at least 10 characters", file=sys.stderr)
        return 2
    db = Database(settings.database_url)
    migrate(db)
    with db.write() as tx:
        if tx.conn.execute(
            sa.select(t.agents.c.id).where(t.agents.c.username == args.username)
        ).first():
            print(f"agent-desk-server: {args.username} already exists", file=sys.stderr)
            return 1
        if (
            args.team
            and not tx.conn.execute(
                sa.select(t.teams.c.id).where(t.teams.c.id == args.team)
            ).first()
        ):
            tx.conn.execute(
                sa.insert(t.teams).values(id=args.team, name=args.team_name or args.team)
            )
            tx.changed("team", args.team, PUBLIC)
        agent_id = new_id()
        tx.conn.execute(
            sa.insert(t.agents).values(
                id=agent_id,
                username=args.username,
                display_name=args.display_name or args.username,
                role=args.role,
                team_id=args.team,
                skills=[],
                presence=Presence.OFFLINE.value,
                max_concurrent=args.max_concurrent,
                locale="zh_CN",
                active=True,
                password_hash=hash_password(password),
                created_at=utcnow(),
            )
        )
        tx.changed("agent", agent_id, PUBLIC)
    print(f"created {args.role} {args.username} ({agent_id})")
    return 0


_LOCALES = ("zh_CN", "zh_TW", "en")


def _article_rows(path: Path) -> list[dict[str, Any]]:
    """The file's articles, checked; raises ValueError naming the first bad line."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(data, dict):
                raise ValueError(f"{path}:{number}: an article must be a JSON object")
            for key in ("id", "title", "body", "scenario", "locale"):
                if not isinstance(data.get(key), str) or not data[key].strip():
                    raise ValueError(f"{path}:{number}: {key!r} must be a non-empty string")
            if data["locale"] not in _LOCALES:
                raise ValueError(f"{path}:{number}: unknown locale {data['locale']!r}")
            tags = data.get("tags", [])
            if not isinstance(tags, list) or not all(isinstance(x, str) for x in tags):
                raise ValueError(f"{path}:{number}: 'tags' must be a list of strings")
            audience = data.get("audience", CUSTOMER)
            if audience not in AUDIENCES:
                raise ValueError(
                    f"{path}:{number}: 'audience' must be one of: {', '.join(AUDIENCES)}"
                )
            problem = unstorable(data)
            if problem is not None:
                raise ValueError(f"{path}:{number}: {problem}")
            if data["id"] in seen:
                raise ValueError(f"{path}:{number}: the id {data['id']!r} appears twice")
            seen.add(data["id"])
            # the company's own ids become stable UUIDs: importing again updates, not doubles
            article_id = (
                data["id"] if is_valid_id(data["id"]) else str(uuid.uuid5(_KB_NS, data["id"]))
            )
            rows.append(
                {
                    "id": article_id,
                    "title": data["title"][:300],
                    "body": data["body"],
                    "scenario": data["scenario"][:64],
                    "tags": tags[:30],
                    "locale": data["locale"],
                    "audience": audience,
                }
            )
    return rows


_KB_NS = uuid.UUID("0b9c8a52-3f6e-4f7c-9a1e-5d2b7c4e8f10")


def _import_articles(settings: ServerSettings, args: argparse.Namespace) -> int:
    try:
        rows = _article_rows(args.file)
    except (OSError, ValueError) as exc:
        print(f"agent-desk-server: {exc}; nothing was imported", file=sys.stderr)
        return 2
    db = Database(settings.database_url)
    migrate(db)
    created = updated = retired = 0
    now = utcnow()
    with db.write() as tx:
        existing = {r.id: r for r in tx.conn.execute(sa.select(t.articles))}
        scenarios = set(tx.conn.execute(sa.select(t.scenarios.c.id)).scalars())
        for row in rows:
            if row["scenario"] not in scenarios:
                tx.conn.execute(
                    sa.insert(t.scenarios).values(
                        id=row["scenario"], label=row["scenario"], updated_at=now
                    )
                )
                tx.changed("scenario", row["scenario"], PUBLIC)
                scenarios.add(row["scenario"])
            old = existing.get(row["id"])
            if old is None:
                tx.conn.execute(
                    sa.insert(t.articles).values(
                        **row, status="published", version=1, updated_at=now
                    )
                )
                created += 1
            elif any(getattr(old, k) != v for k, v in row.items()) or old.status != "published":
                tx.conn.execute(
                    sa.update(t.articles)
                    .where(t.articles.c.id == row["id"])
                    .values(**row, status="published", version=old.version + 1, updated_at=now)
                )
                updated += 1
            else:
                continue
            tx.changed("article", row["id"], PUBLIC)
        if args.retire_missing:
            wanted = {r["id"] for r in rows}
            for article_id, old in existing.items():
                if article_id not in wanted and old.status != "retired":
                    tx.conn.execute(
                        sa.update(t.articles)
                        .where(t.articles.c.id == article_id)
                        .values(status="retired", version=old.version + 1, updated_at=now)
                    )
                    tx.changed("article", article_id, PUBLIC)
                    retired += 1
        audit.record(
            tx,
            "article.import",
            actor_id=None,
            entity="article",
            entity_id=str(args.file.name)[:160],
            created=created,
            updated=updated,
            retired=retired,
        )
    print(f"articles: {created} new, {updated} updated, {retired} retired ({len(rows)} in file)")
    return 0


def _policy(settings: ServerSettings, args: argparse.Namespace) -> int:
    db = Database(settings.database_url)
    migrate(db)
    if args.policy_command == "show":
        with db.read() as conn:
            print(policy.policy_out(conn).model_dump_json(indent=2))
        return 0
    body: policy.PolicyIn | None = None
    if args.policy_command == "set":
        try:
            data = json.loads(args.file.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("the file must hold one JSON object")
            keep = {"currency", "limits", "daily_total_minor", "cumulative", "expected_version"}
            body = policy.PolicyIn.model_validate({k: v for k, v in data.items() if k in keep})
        except (OSError, ValueError) as exc:
            problem = f"agent-desk-server: {args.file}: {exc}; the policy is unchanged"
            print(problem, file=sys.stderr)
            return 2
    try:
        with db.write() as tx:
            old, new = policy.set_policy(tx, body, actor_id=None, via="cli")
    except DomainError as exc:
        print(f"agent-desk-server: {exc.message}; the policy is unchanged", file=sys.stderr)
        return 2
    what = "reset to the defaults" if body is None else "replaced"
    print(f"authority policy {what}: version {old} -> {new}")
    return 0


def _audit_verify(settings: ServerSettings) -> int:
    """Read only: a database under investigation is not migrated or otherwise written."""
    db = Database(settings.database_url)
    try:
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("audit_log")}
    except sa.exc.NoSuchTableError:
        columns = set()
    if "hash" not in columns:
        print(
            "agent-desk-server: this database has no audit chain yet; run migrate", file=sys.stderr
        )
        db.dispose()
        return 2
    with db.read() as conn:
        outcome = audit.verify(conn)
    db.dispose()
    if outcome.ok:
        print(f"audit log ok: {outcome.rows} rows, hash chain intact")
        return 0
    print(
        f"audit log BROKEN at row {outcome.bad_id}: {outcome.problem} "
        f"({outcome.rows} rows before it are intact)",
        file=sys.stderr,
    )
    return 1


def _demo(settings: ServerSettings, args: argparse.Namespace) -> int:
    stop = _stop_on_signal()
    started = time.monotonic()
    server = launch.demo_server(
        port=args.port,
        db_path=Path(args.db) if args.db else None,
        seed=args.seed,
        simulator_rate=None if args.no_simulator else args.simulator_rate,
        outbound=tuple(args.outbound),
    )
    print(
        f"Agent Desk demo server ready in {time.monotonic() - started:.1f} s\n"
        f"  API:      {server.url}/api/v1   (OpenAPI: {server.url}/docs)\n"
        f"  Accounts: agent, agent2, expert, supervisor, admin — password: demo\n"
        f"  Try:      curl -s {server.url}/api/v1/health\n"
        f"  Simulator: {'off' if args.no_simulator else f'{args.simulator_rate:g} messages/min'}\n"
        f"Press Ctrl+C to stop.",
        flush=True,
    )
    _wait(server, stop)
    server.stop()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
