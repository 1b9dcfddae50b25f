"""Alembic environment: runs on the connection handed over by agent_desk.server.storage.migrate."""

from __future__ import annotations

from alembic import context

from agent_desk.server.storage.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - always called through migrate()
    raise RuntimeError("run migrations through `agent-desk-server migrate`")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
