"""The embedded demo: a server with sample data and a customer simulator on a free loopback
port — what ``agent-desk-server demo`` and ``agent-desk --demo`` run.

Without ``db_path`` the demo database lives in a temporary folder that is removed when the server
stops (also on SIGTERM through the callers' signal handling, and at interpreter exit otherwise).
"""

from __future__ import annotations

import asyncio
import atexit
import dataclasses
import shutil
import tempfile
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from agent_desk.server.config import DEMO_INBOUND_SECRET, ServerSettings
from agent_desk.server.demo.data import seed_demo
from agent_desk.server.demo.simulator import CustomerSimulator
from agent_desk.server.feed.records import publish_everything
from agent_desk.server.http.runner import ServerThread
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.server.storage.migrate import migrate


def prepare_demo(db: Database, *, seed: int) -> dict[str, int]:
    """Migrate and fill an empty database with the demo data (no-op if it has agents)."""
    migrate(db)
    with db.write() as tx:
        if tx.conn.execute(sa.select(sa.func.count()).select_from(t.agents)).scalar_one():
            return {}
        summary = seed_demo(tx.conn, now=datetime.now(UTC), seed=seed)
        publish_everything(tx)
    return {k: int(v) for k, v in dataclasses.asdict(summary).items()}


def demo_server(
    *,
    port: int = 0,
    db_path: Path | None = None,
    seed: int = 20261123,
    simulator_rate: float | None = 6.0,
) -> ServerThread:
    """An embedded demo server (also used by `agent-desk --demo`), started."""
    scratch: Path | None = None
    if db_path is None:
        scratch = Path(tempfile.mkdtemp(prefix="agent-desk-demo-"))
        db_path = scratch / "demo.db"
    settings = ServerSettings(
        database_url=f"sqlite:///{db_path}",
        host="127.0.0.1",
        port=port,
        demo=True,
        inbound_secret=DEMO_INBOUND_SECRET,
    )
    db = Database(settings.database_url)
    prepare_demo(db, seed=seed)
    with db.read() as conn:
        team = conn.execute(
            sa.select(t.teams.c.id).where(t.teams.c.name.like("%After%")).limit(1)
        ).scalar()
        identities = [
            (r.kind, r.value)
            for r in conn.execute(
                sa.select(t.customer_identities.c.kind, t.customer_identities.c.value)
            )
        ]
    settings = replace(settings, default_team_id=team)
    background: list[Callable[[str, asyncio.Event], Coroutine[Any, Any, None]]] = []
    if simulator_rate:
        rate = simulator_rate

        async def simulate(url: str, stop: asyncio.Event) -> None:
            sim = CustomerSimulator(
                url,
                DEMO_INBOUND_SECRET.encode(),
                rate_per_minute=rate,
                seed=seed,
                known_identities=identities,
            )
            await sim.run(stop)

        background.append(simulate)
    cleanup = _remover(db, scratch)
    if scratch is not None:
        atexit.register(cleanup)  # a safety net: an exit that never called stop()
    return ServerThread(settings, db=db, background=background, on_stopped=cleanup).start()


def _remover(db: Database, scratch: Path | None) -> Callable[[], None]:
    """Close the database, then remove the temporary folder it lived in (if any), once."""
    done = False

    def cleanup() -> None:
        nonlocal done
        if done:
            return
        done = True
        db.dispose()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
            atexit.unregister(cleanup)

    return cleanup
