"""The audit log is append-only and hash-chained, on SQLite and PostgreSQL: UPDATE and DELETE are
refused by the database, and `agent-desk-server audit verify` names a row edited behind its back."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from agent_desk.server.audit import log as audit
from agent_desk.server.storage import audit_chain
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.server.storage.migrate import migrate
from tests.server.conftest import Running
from tests.server.test_actions import REQUEST, refund_args
from tests.server.test_operations import _cli


def _some_history(running: Running) -> None:
    alice = running.client("alice")
    running.mutate(alice, REQUEST, refund_args(running, 5_000))
    running.mutate(alice, REQUEST, refund_args(running, 1_000, currency="USD"))  # refused
    running.mutate(running.client("sam"), REQUEST, refund_args(running, 2_000))


def test_the_chain_verifies_and_names_an_edited_row(running: Running, db_url: str) -> None:
    _some_history(running)
    with running.db.read() as conn:
        ids = conn.execute(sa.select(t.audit_log.c.id).order_by(t.audit_log.c.id)).scalars().all()
        first = conn.execute(sa.select(t.audit_log).order_by(t.audit_log.c.id)).first()
    assert len(ids) >= 7 and ids == list(range(1, len(ids) + 1))
    assert first is not None and first.prev_hash == audit_chain.GENESIS

    clean = _cli("audit", "verify", "--database-url", db_url)
    assert clean.returncode == 0, clean.stderr
    assert f"audit log ok: {len(ids)} rows" in clean.stdout

    # someone with database access drops the guard and lowers an amount in the log
    victim = next(r for r in _rows(running.db) if r["action"] == "action.executed")
    with running.db.engine.begin() as conn:
        if running.db.dialect == "postgresql":
            conn.execute(sa.text("DROP TRIGGER audit_log_no_update ON audit_log"))
        else:
            conn.execute(sa.text("DROP TRIGGER audit_log_no_update"))
        detail = dict(victim["detail"]) | {"amount_minor": 1}
        conn.execute(
            sa.update(t.audit_log).where(t.audit_log.c.id == victim["id"]).values(detail=detail)
        )
    broken = _cli("audit", "verify", "--database-url", db_url)
    assert broken.returncode == 1
    assert f"row {victim['id']}" in broken.stderr
    with running.db.read() as conn:
        outcome = audit.verify(conn)
    assert not outcome.ok and outcome.bad_id == victim["id"] and outcome.rows == victim["id"] - 1


def test_a_removed_row_is_found_by_its_successor(running: Running) -> None:
    _some_history(running)
    rows = _rows(running.db)
    with running.db.engine.begin() as conn:
        if running.db.dialect == "postgresql":
            conn.execute(sa.text("DROP TRIGGER audit_log_no_update ON audit_log"))
        else:
            conn.execute(sa.text("DROP TRIGGER audit_log_no_delete"))
        conn.execute(sa.delete(t.audit_log).where(t.audit_log.c.id == rows[2]["id"]))
    with running.db.read() as conn:
        outcome = audit.verify(conn)
    assert not outcome.ok and outcome.bad_id == rows[3]["id"]
    assert "prev_hash" in outcome.problem


def test_update_and_delete_are_refused(running: Running) -> None:
    _some_history(running)
    for statement in (
        sa.update(t.audit_log).values(actor_id=None),
        sa.delete(t.audit_log),
        sa.text("DELETE FROM audit_log WHERE id = 1"),
    ):
        with pytest.raises(DBAPIError, match="append-only"), running.db.engine.begin() as conn:
            conn.execute(statement)
    if running.db.dialect == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), running.db.engine.begin() as conn:
            conn.execute(sa.text("TRUNCATE audit_log"))
    with running.db.read() as conn:
        assert audit.verify(conn).ok


def test_rows_written_before_the_chain_are_hashed_by_the_migration(tmp_path) -> None:
    """A database at revision 0002 with audit rows is upgraded: its rows join the chain."""
    from alembic import command

    from agent_desk.server.storage.migrate import alembic_config

    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        for n in range(3):
            conn.execute(
                sa.text(
                    "INSERT INTO audit_log (at, actor_id, action, entity, entity_id, detail) "
                    "VALUES (:at, NULL, :action, NULL, NULL, :detail)"
                ),
                {"at": f"2026-11-0{n + 1} 10:00:00.000000", "action": "auth.login", "detail": "{}"},
            )
    migrate(db)
    with db.write() as tx:
        audit.record(tx, "after.upgrade", actor_id=None, n=1)
    with db.read() as conn:
        outcome = audit.verify(conn)
        hashes = conn.execute(sa.select(t.audit_log.c.hash)).scalars().all()
    assert outcome.ok and outcome.rows == 4 and all(len(h) == 64 for h in hashes)
    db.dispose()


def _rows(db: Database) -> list[dict]:
    with db.read() as conn:
        query = sa.select(t.audit_log).order_by(t.audit_log.c.id)
        return [dict(r._mapping) for r in conn.execute(query)]
