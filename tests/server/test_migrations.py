"""The Alembic migrations build exactly the schema ``storage/schema.py`` describes, on SQLite
and PostgreSQL (a hand-written migration that forgets a column or an index fails here)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.server.storage.migrate import migrate


def test_migrations_match_the_schema(db_url: str) -> None:
    db = Database(db_url)
    try:
        migrate(db)
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": False})
            differences = compare_metadata(context, t.metadata)
    finally:
        db.dispose()
    assert differences == []
