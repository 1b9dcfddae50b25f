"""Signing in and out: the token goes to the OS keyring only, and leaves it on sign-out.

No widgets here; the sign-in dialog and the composition root call these.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass

from agent_desk.core.enums import Role
from agent_desk.store.local import Me
from agent_desk.store.store import Store
from agent_desk.sync.transport import SyncError, Transport
from agent_desk.system.paths import Profile
from agent_desk.system.secrets import SecretStore, SecretStoreError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Account:
    """Who is signed in on this profile (remembered in the cache for offline starts)."""

    me: Me
    role: Role


@dataclass(frozen=True, slots=True)
class SignInOutcome:
    account: Account
    remembered: bool
    problem: str = ""  # why the session is not remembered (no secure keyring…), in English


def account_of(store: Store) -> Account | None:
    agent_id = store.state("agent_id")
    if agent_id is None:
        return None
    return Account(Me(agent_id, store.state("team_id")), Role(store.state("role") or "agent"))


def resume(transport: Transport, secrets: SecretStore, profile: Profile) -> bool:
    """Put the remembered token (if any) on the transport; ``True`` if there was one."""
    try:
        transport.token = secrets.get_token(profile)
    except SecretStoreError as exc:
        log.info("no remembered session: %s", exc)
        transport.token = None
    return transport.token is not None


async def sign_in(
    store: Store,
    transport: Transport,
    secrets: SecretStore,
    profile: Profile,
    password: str,
    *,
    remember: bool,
) -> SignInOutcome:
    """Sign in at the server; remember the token in the keyring if asked to.

    Raises:
        SyncError: the server refused the password (``Refused``/``AuthRequired``) or could not
            be reached (``Unreachable``…). Nothing is stored then.
    """
    reply = await transport.login(profile.username, password)
    with store.transaction() as tx:
        previous = store.state("agent_id")
        if previous is not None and previous != reply.agent.id:
            raise SyncError("this cache belongs to another account", code="wrong_profile")
        tx.set_state("agent_id", reply.agent.id)
        tx.set_state("team_id", reply.agent.team_id)
        tx.set_state("role", reply.agent.role.value)
    account = Account(Me(reply.agent.id, reply.agent.team_id), reply.agent.role)
    if not remember:
        with contextlib.suppress(SecretStoreError):
            secrets.delete_token(profile)  # an earlier "remember me" is withdrawn
        return SignInOutcome(account, remembered=False)
    try:
        secrets.set_token(profile, reply.token)
    except SecretStoreError as exc:
        return SignInOutcome(account, remembered=False, problem=str(exc))
    return SignInOutcome(account, remembered=True)


async def sign_out(transport: Transport, secrets: SecretStore, profile: Profile) -> str:
    """Revoke the token at the server (when reachable) and forget it here.

    Returns a problem to tell the agent, or "" when the token is gone everywhere. The cache
    and its outbox stay: what is queued is sent after the next sign-in.
    """
    problem = ""
    if transport.token:
        try:
            await transport.logout()
        except SyncError as exc:  # the token still expires at the server on its own
            problem = exc.message
        transport.token = None
    try:
        secrets.delete_token(profile)
    except SecretStoreError as exc:
        problem = str(exc)
    return problem
