"""Bring a database to the newest schema, and give it its identity (epoch) and defaults."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from agent_desk.core.sla import DEFAULT_POLICIES
from agent_desk.server.resolution.authority_policy import ensure_policy
from agent_desk.server.resolution.catalog import sync_catalog
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database, Scope

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.describe())
    return cfg


def migrate(db: Database) -> None:
    """Upgrade to head; safe to run on every start and from several processes."""
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        if db.dialect == "postgresql":  # one migrator at a time
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(4242)"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with db.write() as tx:
        epoch = tx.conn.execute(
            sa.select(t.server_meta.c.value).where(t.server_meta.c.key == "epoch")
        ).scalar_one_or_none()
        if epoch is None:
            tx.conn.execute(
                sa.insert(t.server_meta).values(key="epoch", value=secrets.token_hex(6))
            )
        have = set(tx.conn.execute(sa.select(t.sla_policies.c.channel)).scalars())
        for channel, policy in DEFAULT_POLICIES.items():
            if channel.value in have:
                continue
            tx.conn.execute(
                sa.insert(t.sla_policies).values(
                    channel=channel.value,
                    first_response_target_s=policy.first_response_target_s,
                    first_response_breach_s=policy.first_response_breach_s,
                    next_response_target_s=policy.next_response_target_s,
                    next_response_breach_s=policy.next_response_breach_s,
                    resolution_target_s=policy.resolution_target_s,
                    resolution_breach_s=policy.resolution_breach_s,
                )
            )
            tx.changed("sla_policy", channel.value, Scope(public=True))
        sync_catalog(tx)  # the action catalog follows the code
        ensure_policy(tx)  # the default authority policy on a new database
