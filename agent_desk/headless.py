"""`agent-desk sync`: sign in, sync once, report — the client core without Qt (a support tool).

Exit codes: 0 synced; 3 offline (cached counts reported); 4 sign-in needed or refused;
5 this version does not match the server; 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import json
import logging
import sys
from collections.abc import Sequence
from typing import Any

from agent_desk.core.enums import Role
from agent_desk.store.local import Me
from agent_desk.store.store import Store
from agent_desk.sync.engine import SyncEngine
from agent_desk.sync.transport import AuthRequired, Refused, SchemaMismatch, SyncError, Transport
from agent_desk.system.config import load_config
from agent_desk.system.logging_setup import setup_logging
from agent_desk.system.paths import Profile, ProfilePaths
from agent_desk.system.runtime import settle_after_startup
from agent_desk.system.secrets import SecretStore, SecretStoreError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USAGE, EXIT_OFFLINE, EXIT_AUTH, EXIT_VERSION = 0, 2, 3, 4, 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", help="server URL (default: from the configuration)")
    parser.add_argument("--user", help="username (default: from the configuration)")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input and sign in",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--forget", action="store_true", help="sign out: revoke and forget the saved session"
    )


def _report(args: argparse.Namespace, data: dict[str, Any]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, sort_keys=True))
        return
    print(f"server:  {data['server']}  user: {data['user']}")
    print(f"state:   {data['state']}" + (f" — {data['reason']}" if data.get("reason") else ""))
    last = data["last_sync_at"] or "never"
    print(f"outbox:  {data['outbox']} waiting to be sent; last sync: {last}")
    for entity, count in sorted(data["counts"].items()):
        print(f"  {entity:<20} {count:>8}")
    for problem in data.get("problems", []):
        print(f"warning: {problem}", file=sys.stderr)


async def run_sync(args: argparse.Namespace) -> int:
    overrides: dict[str, object] = {}
    if args.server:
        overrides["server_url"] = args.server
    if args.user:
        overrides["username"] = args.user
    loaded = load_config(cli=overrides)
    settings = loaded.settings
    problems = [str(p) for p in loaded.problems]
    if not settings.username:
        print("agent-desk sync: say who signs in with --user NAME", file=sys.stderr)
        return EXIT_USAGE
    try:
        profile = Profile(settings.server_url, settings.username)
    except ValueError as exc:
        print(f"agent-desk sync: {exc}", file=sys.stderr)
        return EXIT_USAGE
    paths = ProfilePaths.for_profile(profile).ensure_dirs()
    setup_logging(paths.log_dir, settings.log_level)
    secrets = SecretStore(allow_insecure=settings.allow_insecure_keyring)
    store = Store(paths.db_path)
    verify: bool | str = str(settings.ca_bundle) if settings.ca_bundle else settings.verify_tls
    transport = Transport(settings.server_url, verify=verify, timeout=settings.request_timeout_s)
    report: dict[str, Any] = {
        "server": settings.server_url,
        "user": settings.username,
        "problems": problems,
    }
    try:
        return await _sync(args, profile, secrets, store, transport, report)
    finally:
        await transport.aclose()
        store.close()


async def _sync(
    args: argparse.Namespace,
    profile: Profile,
    secrets: SecretStore,
    store: Store,
    transport: Transport,
    report: dict[str, Any],
) -> int:
    def finish(state: str, reason: str, code: int) -> int:
        report.update(
            state=state,
            reason=reason,
            counts=store.counts(),
            outbox=store.outbox_size(),
            last_sync_at=store.state("last_sync_at"),
        )
        _report(args, report)
        return code

    try:
        transport.token = secrets.get_token(profile)
    except SecretStoreError as exc:
        report["problems"].append(str(exc))
    if args.forget:
        if transport.token:
            await transport.logout()
        try:
            secrets.delete_token(profile)
        except SecretStoreError as exc:
            report["problems"].append(str(exc))
        return finish("signed_out", "the saved session was forgotten", EXIT_OK)
    if args.password_stdin or transport.token is None:
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        elif sys.stdin.isatty():
            password = getpass.getpass(f"Password for {profile.username}: ")
        else:
            return finish(
                "signed_out", "no saved session: sign in with --password-stdin", EXIT_AUTH
            )
        try:
            reply = await transport.login(profile.username, password)
        except (Refused, AuthRequired) as exc:
            return finish("signed_out", exc.message, EXIT_AUTH)
        except SyncError as exc:
            return finish("offline", exc.message, EXIT_OFFLINE)
        with store.transaction() as tx:
            tx.set_state("agent_id", reply.agent.id)
            tx.set_state("team_id", reply.agent.team_id)
            tx.set_state("role", reply.agent.role.value)
        try:
            secrets.set_token(profile, reply.token)
        except SecretStoreError as exc:
            report["problems"].append(f"the session is not remembered: {exc}")
    agent_id = store.state("agent_id")
    if agent_id is None:
        return finish("signed_out", "sign in first with --password-stdin", EXIT_AUTH)
    me = Me(agent_id, store.state("team_id"))
    report["role"] = Role(store.state("role") or "agent").value
    engine = SyncEngine(store, transport, me)
    settle_after_startup()
    try:
        await engine.sync_once()
    except AuthRequired as exc:
        with contextlib.suppress(SecretStoreError):
            secrets.delete_token(profile)
        return finish("signed_out", exc.message, EXIT_AUTH)
    except SchemaMismatch as exc:
        return finish("update_required", exc.message, EXIT_VERSION)
    except SyncError as exc:
        return finish("offline", exc.message, EXIT_OFFLINE)
    return finish("online", "", EXIT_OK)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="agent-desk sync", description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    return asyncio.run(run_sync(args))
