"""The email channel: how many mails a server fetches and commits per second, and how long a
customer's mail takes to show in an agent's client.

Real parts on loopback: dovecot (IMAP, STARTTLS verified against a test CA), the server on a
SQLite file with its mailbox poller, and an agent's client core (sync engine, SQLite cache,
event stream). Throughput: ``--mails`` mails are put in the mailbox before the server starts;
the time from start until the cursor passes the last one. Latency: one mail at a time, from
IMAP APPEND returning to the message being in the agent's cache, at the default 30 s poll and
at a 1 s poll (dovecot offers IDLE, so the poller hears of new mail at once either way).

    .venv/bin/python bench/mail_bench.py [--mails 500] [--latency 50]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' real servers

from agent_desk.server.channels import connections
from agent_desk.server.channels.secret_box import SecretBox
from agent_desk.server.config import ServerSettings
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from tests.email.mailtest import SUPPORT, customer_mail
from tests.email.servers import Dovecot, SmtpRecorder
from tests.server.world import build_world
from tests.sync.conftest import Backend, make_client

PASSWORD = "bench-mailbox-password"


def _connect(url: str, dovecot: Dovecot, smtp: SmtpRecorder, folder: Path, poll_s: float) -> str:
    (folder / "pw").write_text(PASSWORD, encoding="utf-8")
    db = Database(url)
    settings = ServerSettings(database_url=url)
    try:
        with db.write() as tx:
            made, _ = connections.add(
                tx,
                SecretBox.load(settings.secret_key, settings.key_file()),
                name=f"bench mail {poll_s:g}",
                kind="email",
                channel="email",
                settings={
                    "address": SUPPORT,
                    "imap_url": dovecot.url(SUPPORT),
                    "smtp_url": f"smtp://support%40example.test@127.0.0.1:{smtp.port}",
                    "password_file": str(folder / "pw"),
                    "ca_file": str(dovecot.ca_file),
                    "poll_s": poll_s,
                },
            )
        return made.id
    finally:
        db.dispose()


def _last_uid(url: str) -> int:
    db = Database(url)
    try:
        with db.read() as conn:
            return int(conn.execute(sa.select(sa.func.max(t.mail_state.c.last_uid))).scalar() or 0)
    finally:
        db.dispose()


def _backend(folder: Path) -> Backend:
    url = f"sqlite:///{folder / 'server.db'}"
    db = Database(url)
    world = build_world(db)
    db.dispose()
    return Backend(url, world, overrides={"mail_refresh_s": 0.2})


def throughput(mails: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, Dovecot({SUPPORT: PASSWORD}) as dovecot:
        folder = Path(tmp)
        with SmtpRecorder() as smtp:
            for n in range(mails):
                raw, _ = customer_mail(f"c{n % 97}@example.com", f"Order {n}", f"Where is {n}?")
                dovecot.append(SUPPORT, raw)
            backend = _backend(folder)
            _connect(backend.db_url, dovecot, smtp, folder, 30.0)
            began = time.perf_counter()
            backend.start()
            try:
                while _last_uid(backend.db_url) < mails:
                    time.sleep(0.05)
                took = time.perf_counter() - began
            finally:
                backend.stop()
    return {"mails": mails, "seconds": round(took, 2), "per_s": round(mails / took, 1)}


async def _latency(count: int, poll_s: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, Dovecot({SUPPORT: PASSWORD}) as dovecot:
        folder = Path(tmp)
        with SmtpRecorder() as smtp:
            backend = _backend(folder)
            _connect(backend.db_url, dovecot, smtp, folder, poll_s)
            backend.start()
            client = await make_client(backend, "sam", folder / "sam.db")
            runner = asyncio.create_task(client.engine.run())
            try:
                await _warm_up(client, dovecot)
                times = [await _one(client, dovecot, n) for n in range(count)]
            finally:
                runner.cancel()
                await asyncio.gather(runner, return_exceptions=True)
                await client.close()
                backend.stop()
    times.sort()
    return {
        "poll_s": poll_s,
        "mails": count,
        "p50_ms": round(statistics.median(times) * 1000, 1),
        "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))] * 1000, 1),
        "max_ms": round(times[-1] * 1000, 1),
    }


async def _warm_up(client: Any, dovecot: Dovecot) -> None:
    await _one(client, dovecot, -1, within=30)


async def _one(client: Any, dovecot: Dovecot, n: int, within: float = 60) -> float:
    raw, _ = customer_mail(f"late{n}@example.com", f"Question {n}", f"Question number {n}")
    await asyncio.to_thread(dovecot.append, SUPPORT, raw)
    sent = time.perf_counter()
    body = f"Question number {n}"
    while time.perf_counter() - sent < within:
        if client.store.row("SELECT 1 AS x FROM messages WHERE body = ?", (body,)):
            return time.perf_counter() - sent
        await asyncio.sleep(0.002)
    raise RuntimeError(f"mail {n} did not reach the client within {within} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=500)
    parser.add_argument("--latency", type=int, default=50)
    args = parser.parse_args()
    print("fetch and commit:", throughput(args.mails))
    for poll_s in (30.0, 1.0):
        print("mail → client:", asyncio.run(_latency(args.latency, poll_s)))


if __name__ == "__main__":
    main()
