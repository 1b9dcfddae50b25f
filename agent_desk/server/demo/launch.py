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

from agent_desk.server.channels import connections
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.config import DEMO_INBOUND_SECRET, ServerSettings
from agent_desk.server.demo.data import seed_demo
from agent_desk.server.demo.receiver import DemoReceiver
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


DEMO_CHANNEL_SECRETS = {  # the demo's webhook connections sign with these (and its receiver)
    "app": "demo-app-webhook-secret",
    "social": "demo-social-webhook-secret",
    "phone": "demo-sms-webhook-secret",  # replies on a phone case go out as text messages
}


def ensure_demo_channels(db: Database, box: SecretBox) -> None:
    """The demo's channel connections: the web chat widget, and webhooks for the shop's app, a
    social-media bridge and an SMS gateway (made once; a kept demo database keeps them). Email
    has no connection yet: its replies show as not delivered."""
    wanted = [
        ("Web chat", "widget", "chat", None),
        ("Shop app", "webhook", "app", DEMO_CHANNEL_SECRETS["app"]),
        ("Social bridge", "webhook", "social", DEMO_CHANNEL_SECRETS["social"]),
        ("SMS gateway", "webhook", "phone", DEMO_CHANNEL_SECRETS["phone"]),
    ]
    with db.write() as tx:
        have = {c.name for c in connections.all_connections(tx.conn)}
        for name, kind, channel, secret in wanted:
            if name not in have:
                connections.add(
                    tx, box, name=name, kind=kind, channel=channel, secret=secret, actor_id=None
                )


def demo_server(
    *,
    port: int = 0,
    db_path: Path | None = None,
    seed: int = 20261123,
    simulator_rate: float | None = 6.0,
    outbound: tuple[tuple[str, str], ...] = (),
) -> ServerThread:
    """An embedded demo server (also used by `agent-desk --demo`), started.

    Replies on the app and social channels go to the demo's receiver (which confirms them with
    receipts), unless ``outbound`` points those channels elsewhere."""
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
    ensure_demo_channels(db, SecretBox.load(settings.secret_key, settings.key_file()))
    receiver = DemoReceiver({k: v.encode() for k, v in DEMO_CHANNEL_SECRETS.items()}).start()
    pointed = {channel for channel, _url in outbound}
    routes = tuple((c, f"{receiver.url}/{c}") for c in DEMO_CHANNEL_SECRETS if c not in pointed)
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
    settings = replace(settings, default_team_id=team, outbound=routes + tuple(outbound))
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
            receiver.on_delivery = sim.heard  # the app's, social and SMS customers read replies
            await sim.run(stop)

        background.append(simulate)
    cleanup = _remover(db, scratch, receiver)
    if scratch is not None:
        atexit.register(cleanup)  # a safety net: an exit that never called stop()
    server = ServerThread(settings, db=db, background=background, on_stopped=cleanup).start()
    receiver.server_url = server.url
    return server


def _remover(db: Database, scratch: Path | None, receiver: DemoReceiver) -> Callable[[], None]:
    """Stop the receiver, close the database, then remove the temporary folder it lived in
    (if any), once."""
    done = False

    def cleanup() -> None:
        nonlocal done
        if done:
            return
        done = True
        receiver.stop()
        db.dispose()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
            atexit.unregister(cleanup)

    return cleanup
