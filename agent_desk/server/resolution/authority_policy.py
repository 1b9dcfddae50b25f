"""The authority policy in the server database (entity ``authority_policy``, id ``current``).

Seeded with ``core.authority.DEFAULT_POLICY`` by ``migrate()``; admins replace it through
``PUT /api/v1/authority-policy`` or ``agent-desk-server policy set|reset``. Every change is
validated, gets the next version, is audited with the policy before and after, and is published.
"""

from __future__ import annotations

from dataclasses import replace
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
    per_order_minor: int | None = Field(default=None, ge=0, le=_MAX_MINOR)
    per_customer_minor: int | None = Field(default=None, ge=0, le=_MAX_MINOR)
    max_per_order: int | None = Field(default=None, ge=1, le=1000)
    max_days: int | None = Field(default=None, ge=0, le=365)


class CumulativeIn(BaseModel):
    """Policy-wide cumulative settings: the rolling window (days) of the per-order and
    per-customer limits, and each role's compensation total per customer tier over it."""

    model_config = ConfigDict(extra="forbid")

    window_days: int = Field(default=30, ge=1, le=90)
    customer_total_minor: dict[
        Role, dict[ValueTier, Annotated[int, Field(ge=0, le=_MAX_MINOR)]]
    ] = Field(default_factory=dict)


class PolicyIn(BaseModel):
    """A whole new policy. ``expected_version``, when given, must be the current version (so two
    admins editing at once do not overwrite each other)."""

    model_config = ConfigDict(extra="forbid")

    currency: str = Field(min_length=3, max_length=3, pattern=r"^[A-Z]{3}$")
    limits: list[LimitIn] = Field(max_length=1000)
    daily_total_minor: dict[Role, Annotated[int, Field(ge=0, le=_MAX_MINOR)]] = Field(
        default_factory=dict
    )
    cumulative: CumulativeIn = Field(default_factory=CumulativeIn)
    expected_version: int | None = Field(default=None, ge=1)


class PolicyOut(BaseModel):
    """The policy as the API returns it (the ``authority_policy`` record)."""

    id: str
    version: int
    currency: str
    limits: list[dict[str, Any]]
    daily_total_minor: dict[str, int]
    cumulative: dict[str, Any] = Field(default_factory=dict)
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
    """Seed the defaults on a database that has no policy yet; give a policy from before the
    cumulative limits (migration 0004) the shipped cumulative defaults, as a new version."""
    row = _row(tx.conn)
    if row is None:
        data = authority.policy_to_dict(authority.DEFAULT_POLICY)
        tx.conn.execute(
            sa.insert(t.authority_policies).values(
                id=POLICY_ID, **data, updated_at=utcnow(), updated_by=None
            )
        )
        tx.changed("authority_policy", POLICY_ID, Scope(public=True))
        return
    if row.cumulative:
        return
    old = authority.policy_from_dict(dict(row._mapping))
    upgraded = with_cumulative_defaults(old)
    data = authority.policy_to_dict(upgraded)
    tx.conn.execute(
        sa.update(t.authority_policies)
        .where(t.authority_policies.c.id == POLICY_ID)
        .values(**data, updated_at=utcnow())
    )
    audit.record(
        tx,
        "authority_policy.upgrade",
        actor_id=None,
        entity="authority_policy",
        entity_id=POLICY_ID,
        via="migrate",
        before={"version": old.version},
        after=data,
    )
    tx.changed("authority_policy", POLICY_ID, Scope(public=True))


def _first(value: int | None, fallback: int | None) -> int | None:
    return value if value is not None else (fallback or None)


def with_cumulative_defaults(policy: Policy) -> Policy:
    """The policy with the shipped cumulative limits added where it has none (its own amounts
    and shares are kept), as the next version."""
    defaults = {(r.role, r.tier, r.action): r for r in authority.DEFAULT_POLICY.limits}
    limits = []
    for row in policy.limits:
        shipped = defaults.get((row.role, row.tier, row.action))
        if shipped is None:
            limits.append(row)
            continue
        cap = row.max_minor  # the cumulative caps follow the policy's own per-action amount
        limits.append(
            replace(
                row,
                per_order_minor=_first(row.per_order_minor, shipped.per_order_minor and cap),
                per_customer_minor=_first(
                    row.per_customer_minor, shipped.per_customer_minor and cap and 2 * cap
                ),
                max_per_order=_first(row.max_per_order, shipped.max_per_order),
                max_days=_first(row.max_days, shipped.max_days),
            )
        )
    return replace(
        policy,
        version=policy.version + 1,
        limits=tuple(limits),
        window_days=authority.DEFAULT_POLICY.window_days,
        customer_total_minor=policy.customer_total_minor
        or authority.DEFAULT_POLICY.customer_total_minor,
    )


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
        new = replace(authority.DEFAULT_POLICY, version=version)
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
            k: row._mapping[k]
            for k in ("version", "currency", "limits", "daily_total_minor", "cumulative")
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
