"""The authority policy in the server database (entity ``authority_policy``, id ``current``).

Seeded with ``core.authority.DEFAULT_POLICY`` by ``migrate()``; admins replace it through
``PUT /api/v1/authority-policy`` or ``agent-desk-server policy set|reset``. Every change is
validated, gets the next version, is audited with the policy before and after, and is published.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from agent_desk.core import authority
from agent_desk.core.authority import Policy, PolicyError
from agent_desk.core.enums import ActionType, Role, ValueTier
from agent_desk.core.errors import InvalidPolicy, InvalidState
from agent_desk.server.audit import log as audit
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Scope, WriteTx, utcnow

POLICY_ID = "current"
_MAX_MINOR = 10**12


class LimitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role
    tier: ValueTier
    action: ActionType
    allowed: bool = True
    max_minor: int | None = Field(default=None, ge=0, le=_MAX_MINOR)
    max_share: float | None = Field(default=None, ge=0.0, le=1.0, allow_inf_nan=False)


class PolicyIn(BaseModel):
    """A whole new policy. ``expected_version``, when given, must be the current version (so two
    admins editing at once do not overwrite each other)."""

    model_config = ConfigDict(extra="forbid")

    currency: str = Field(min_length=3, max_length=3, pattern=r"^[A-Z]{3}$")
    limits: list[LimitIn] = Field(max_length=1000)
    daily_total_minor: dict[Role, Annotated[int, Field(ge=0, le=_MAX_MINOR)]] = Field(
        default_factory=dict
    )
    expected_version: int | None = Field(default=None, ge=1)


class PolicyOut(BaseModel):
    """The policy as the API returns it (the ``authority_policy`` record)."""

    id: str
    version: int
    currency: str
    limits: list[dict[str, Any]]
    daily_total_minor: dict[str, int]
    updated_at: datetime
    updated_by: str | None = None


def _row(conn: Connection, *, for_update: bool = False) -> sa.Row[Any] | None:
    query = sa.select(t.authority_policies).where(t.authority_policies.c.id == POLICY_ID)
    if for_update and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    return conn.execute(query).first()


def current_policy(conn: Connection) -> Policy:
    row = _row(conn)
    if row is None:
        return authority.DEFAULT_POLICY
    return authority.policy_from_dict(dict(row._mapping))


def policy_out(conn: Connection) -> PolicyOut:
    row = _row(conn)
    if row is None:  # pragma: no cover - migrate() always seeds it
        raise InvalidState("the authority policy is missing; run migrate")
    return PolicyOut.model_validate(dict(row._mapping))


def ensure_policy(tx: WriteTx) -> None:
    """Seed the defaults on a database that has no policy yet."""
    if _row(tx.conn) is None:
        data = authority.policy_to_dict(authority.DEFAULT_POLICY)
        tx.conn.execute(
            sa.insert(t.authority_policies).values(
                id=POLICY_ID, **data, updated_at=utcnow(), updated_by=None
            )
        )
        tx.changed("authority_policy", POLICY_ID, Scope(public=True))


def _from_input(body: PolicyIn, version: int) -> Policy:
    data = body.model_dump(mode="json", exclude={"expected_version"})
    data["version"] = version
    try:
        return authority.policy_from_dict(data)
    except PolicyError as exc:
        raise InvalidPolicy(str(exc)) from None


def set_policy(
    tx: WriteTx, body: PolicyIn | None, *, actor_id: str | None, via: str
) -> tuple[int, int]:
    """Replace the policy (``None``: the shipped defaults). Returns (old version, new version)."""
    tx.lock_key("authority_policy")
    row = _row(tx.conn, for_update=True)
    old_version = 0 if row is None else int(row.version)
    if body is not None and body.expected_version not in (None, old_version):
        raise InvalidState(
            f"the policy changed meanwhile (version {old_version}); reload and edit again"
        )
    version = old_version + 1
    if body is None:
        new = authority.Policy(
            version=version,
            currency=authority.DEFAULT_POLICY.currency,
            limits=authority.DEFAULT_POLICY.limits,
            daily_total_minor=dict(authority.DEFAULT_POLICY.daily_total_minor),
        )
    else:
        new = _from_input(body, version)
    data = authority.policy_to_dict(new)
    now = utcnow()
    if row is None:
        tx.conn.execute(
            sa.insert(t.authority_policies).values(
                id=POLICY_ID, **data, updated_at=now, updated_by=actor_id
            )
        )
    else:
        tx.conn.execute(
            sa.update(t.authority_policies)
            .where(t.authority_policies.c.id == POLICY_ID)
            .values(**data, updated_at=now, updated_by=actor_id)
        )
    before = None
    if row is not None:
        before = {
            k: row._mapping[k] for k in ("version", "currency", "limits", "daily_total_minor")
        }
    audit.record(
        tx,
        "authority_policy.reset" if body is None else "authority_policy.update",
        actor_id=actor_id,
        entity="authority_policy",
        entity_id=POLICY_ID,
        via=via,
        before=before,
        after=data,
    )
    tx.changed("authority_policy", POLICY_ID, Scope(public=True))
    return old_version, version
