"""``agent-desk-server channels …``: channel connections and their failed deliveries (admins, at
the server). Every change is audited; a secret is printed once, when its connection is made."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from agent_desk.core.errors import DomainError
from agent_desk.server.channels import connections, delivery
from agent_desk.server.channels.email import ingest, poller
from agent_desk.server.channels.secret_box import SecretBox, SecretKeyError
from agent_desk.server.config import ServerSettings
from agent_desk.server.storage.db import Database
from agent_desk.server.storage.migrate import migrate


def outbound_pair(text: str) -> tuple[str, str]:
    """``CHANNEL=URL`` (``--outbound``)."""
    channel, sep, url = text.partition("=")
    if not sep or not channel or not url:
        raise argparse.ArgumentTypeError("use CHANNEL=URL, e.g. app=http://127.0.0.1:9000/hook")
    try:
        connections.check_url(url)
    except DomainError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc
    return channel.strip(), url.strip()


def add_outbound(parser: argparse.ArgumentParser, text: str) -> None:
    """``--outbound CHANNEL=URL`` (repeatable), for ``serve`` and ``demo``."""
    parser.add_argument(
        "--outbound",
        metavar="CHANNEL=URL",
        action="append",
        type=outbound_pair,
        default=[],
        help=text + " (repeatable)",
    )


def add_parser(
    sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]
) -> argparse.ArgumentParser:
    ch: argparse.ArgumentParser = sub.add_parser(
        "channels", help="channel connections (widget, webhook, email) and deliveries"
    )
    ch_sub = ch.add_subparsers(dest="channels_command", required=True)

    add = ch_sub.add_parser("add", help="connect a channel; prints its secret once")
    db_arg(add)
    add.add_argument("kind", choices=sorted(connections.KINDS))
    add.add_argument("--name", required=True)
    add.add_argument("--channel", help="chat, app, social… (a widget is always chat)")
    add.add_argument("--outbound-url", default="", help="webhook: where replies are POSTed")
    add.add_argument("--timeout", type=float, help="seconds one delivery attempt may take (10)")
    add.add_argument("--max-attempts", type=int, help="attempts before a delivery fails (12)")
    add.add_argument("--max-age", type=float, help="seconds before a delivery fails (86400)")
    add.add_argument(
        "--show-agent-names",
        action="store_true",
        help="widget: the visitor sees the agent's first name (default: 'Support')",
    )
    add.add_argument(
        "--allowed-origin",
        action="append",
        default=[],
        help="widget: a site that may embed it (repeatable)",
    )
    _email_options(add)
    for name, text in (
        ("list", "every connection (no secrets)"),
        ("show", "one connection and its deliveries (no secret)"),
        ("disable", "stop using a connection (its queued deliveries fail)"),
        ("enable", "use a connection again"),
        ("remove", "delete a connection (its deliveries keep their history)"),
        ("failed", "failed deliveries (of one connection, or all)"),
        ("requeue", "send a connection's failed deliveries again (or one: --delivery ID)"),
        ("set-outbound", "point a webhook connection at a receiver URL"),
        ("set", "change an email connection's settings (the email options below)"),
        ("failed-mail", "an email connection's mail that was not taken in, and why"),
        ("reprocess-mail", "fetch an email connection's failed mail again (or one: --id ID)"),
    ):
        cmd = ch_sub.add_parser(name, help=text)
        db_arg(cmd)
        if name != "list":
            cmd.add_argument("name", nargs="?" if name in ("failed", "requeue") else None)
        if name == "requeue":
            cmd.add_argument("--delivery", help="one delivery id")
        if name == "set-outbound":
            cmd.add_argument("url")
        if name == "failed-mail":
            cmd.add_argument(
                "--ignored",
                action="store_true",
                help="the mail kept out on purpose instead: auto-replies, bounces, our own",
            )
        if name == "reprocess-mail":
            cmd.add_argument("--id", help="one failed mail's id")
        if name == "set":
            _email_options(cmd)
    return ch


def _email_options(add: argparse.ArgumentParser) -> None:
    mail = add.add_argument_group("email (kind email)")
    mail.add_argument("--address", help="the support address: From of replies")
    mail.add_argument("--imap", metavar="URL", help="imap[s]://user@host:port/INBOX")
    mail.add_argument("--smtp", metavar="URL", help="smtp[s]://user@host:port")
    mail.add_argument("--password-file", help="a file holding the mailbox password")
    mail.add_argument("--password-env", metavar="VAR", help="a variable holding the password")
    mail.add_argument("--poll-seconds", type=float, help="seconds between polls (30)")
    mail.add_argument(
        "--from-name",
        help="the name on replies, e.g. '{agent} · Shop Support' ({agent}: the agent's name)",
    )
    mail.add_argument(
        "--insecure-tls",
        action="store_true",
        help="a lab: do not verify certificates, allow servers without TLS (logged at each start)",
    )
    mail.add_argument(
        "--ca-file", help="a CA bundle the mail servers' certificates are checked with"
    )
    mail.add_argument("--max-mail-mb", type=float, help="larger mail goes to failed mail (15)")
    mail.add_argument("--oauth2-token-url", help="XOAUTH2: the provider's token endpoint")
    mail.add_argument("--oauth2-client-id")
    mail.add_argument("--oauth2-client-secret-file")
    mail.add_argument("--oauth2-refresh-token-file")


_EMAIL_FLAGS = {
    "address": "address",
    "imap": "imap_url",
    "smtp": "smtp_url",
    "password_file": "password_file",
    "password_env": "password_env",
    "poll_seconds": "poll_s",
    "from_name": "from_name",
    "ca_file": "ca_file",
    "max_mail_mb": "max_mail_mb",
    "oauth2_token_url": "oauth2_token_url",
    "oauth2_client_id": "oauth2_client_id",
    "oauth2_client_secret_file": "oauth2_client_secret_file",
    "oauth2_refresh_token_file": "oauth2_refresh_token_file",
}


def _email_settings(args: argparse.Namespace) -> dict[str, Any]:
    given: dict[str, Any] = {}
    for flag, key in _EMAIL_FLAGS.items():
        value = getattr(args, flag)
        if value is not None:
            given[key] = str(Path(value).resolve()) if key.endswith("_file") and value else value
    if args.insecure_tls:
        given["insecure_tls"] = True
    if given.get("password_file") or given.get("password_env"):  # one way to sign in at a time
        given.setdefault("password_file", "")
        given.setdefault("password_env", "")
    return given


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    given: dict[str, Any] = {"outbound_url": args.outbound_url}
    if args.kind == "email":
        given.update(_email_settings(args))
    elif any(getattr(args, flag) for flag in _EMAIL_FLAGS) or args.insecure_tls:
        raise DomainError("the email options are for: channels add email …")
    if args.timeout is not None:
        given["timeout_s"] = args.timeout
    if args.max_attempts is not None:
        given["max_attempts"] = args.max_attempts
    if args.max_age is not None:
        given["max_age_s"] = args.max_age
    if args.allowed_origin:
        given["allowed_origins"] = list(args.allowed_origin)
    if args.show_agent_names:
        given["show_agent_names"] = True
    return given


def _public(conn: Any, found: connections.ChannelConnection) -> dict[str, Any]:
    shown = found.public()
    if found.kind == "email":
        shown["mailbox"] = poller.health(conn, found)
    return shown


def _print(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def run(settings: ServerSettings, args: argparse.Namespace) -> int:
    db = Database(settings.database_url)
    try:
        migrate(db)
        box = SecretBox.load(settings.secret_key, settings.key_file())
        return _run(db, box, args)
    except DomainError as exc:
        print(f"agent-desk-server: {exc.message}", file=sys.stderr)
        return 2
    except SecretKeyError as exc:
        print(f"agent-desk-server: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()


def _run(db: Database, box: SecretBox, args: argparse.Namespace) -> int:
    command = args.channels_command
    if command == "add":
        channel = args.channel or {"widget": "chat", "email": "email"}.get(args.kind, "")
        with db.write() as tx:
            made, secret = connections.add(
                tx, box, name=args.name, kind=args.kind, channel=channel, settings=_settings(args)
            )
        _print(made.public())
        if made.kind == "email":
            print(
                "the server polls this mailbox once it (re)starts or within 10 s while running"
                + ("; --insecure-tls: certificates are NOT verified" if args.insecure_tls else "")
            )
            return 0
        print(
            f"secret: {secret}\n(shown this once: give it to the platform that signs its calls "
            "and checks ours; it is stored sealed and never printed again)"
        )
        return 0
    if command == "list":
        with db.read() as conn:
            _print([_public(conn, c) for c in connections.all_connections(conn)])
        return 0
    if command == "show":
        with db.read() as conn:
            found = connections.get(conn, args.name)
            counts = delivery.counts(conn, found.id)
            shown = _public(conn, found)
        _print({**shown, "deliveries": counts})
        return 0
    if command == "set":
        with db.write() as tx:
            found = connections.get(tx.conn, args.name)
            if found.kind != "email":
                raise DomainError("channels set changes email connections")
            changed = connections.update(tx, found.id, settings=_email_settings(args))
        _print(changed.public())
        return 0
    if command == "failed-mail":
        with db.read() as conn:
            found = connections.get(conn, args.name)
            rows = ingest.failed_list(conn, found.id, ignored=args.ignored)
        _print(
            [
                {
                    "id": r.id,
                    "uid": r.uid,
                    "from": r.from_address,
                    "subject": r.subject,
                    "size": r.size,
                    "code": r.code,
                    "reason": r.reason,
                    "status": r.status,
                    "attempts": r.attempts,
                    "at": r.updated_at,
                }
                for r in rows
            ]
        )
        return 0
    if command == "reprocess-mail":
        with db.write() as tx:
            found = connections.get(tx.conn, args.name)
            count = ingest.ask_reprocess(tx, found.id, args.id)
        print(f"{count} mail to fetch again at the next poll (still in the mailbox)")
        return 0
    if command in ("disable", "enable"):
        with db.write() as tx:
            found = connections.update(tx, args.name, enabled=command == "enable")
        print(f"{found.name}: {'enabled' if found.enabled else 'disabled'}")
        return 0
    if command == "set-outbound":
        with db.write() as tx:
            found = connections.update(tx, args.name, settings={"outbound_url": args.url})
        print(f"{found.name}: replies go to {found.outbound_url}")
        return 0
    if command == "remove":
        with db.write() as tx:
            found = connections.remove(tx, args.name)
        print(f"{found.name}: removed")
        return 0
    if command == "failed":
        with db.read() as conn:
            connection_id = connections.get(conn, args.name).id if args.name else None
            rows = delivery.failed(conn, connection_id)
        _print(
            [
                {
                    "delivery_id": r.id,
                    "message_id": r.message_id,
                    "conversation_id": r.conversation_id,
                    "channel": r.channel,
                    "attempts": r.attempts,
                    "error": r.last_error,
                    "failed_at": r.updated_at,
                }
                for r in rows
            ]
        )
        return 0
    if command == "requeue":
        with db.write() as tx:
            if args.delivery:
                ids = [args.delivery]
            else:
                if not args.name:
                    print("agent-desk-server: name a connection or --delivery", file=sys.stderr)
                    return 2
                ids = [
                    r.id for r in delivery.failed(tx.conn, connections.get(tx.conn, args.name).id)
                ]
            for delivery_id in ids:
                delivery.requeue(tx, delivery_id, actor_id=None, via="cli")
        print(f"{len(ids)} deliveries queued again")
        return 0
    return 2
