"""The mailbox pollers a server runs: one thread per enabled email connection.

A poller takes mail after the cursor in UID order, each in its own transaction with the cursor
(:mod:`.ingest`), then waits (IDLE, or ``poll_s``) and goes again. A changed UIDVALIDITY starts
the cursor over; Message-IDs keep what was taken from being taken twice. A server refuses mail
larger than the limit before downloading it. Errors are recorded on the connection's health
(auth, tls, network, protocol) and retried with a growing pause, up to five minutes.

With several server processes on one PostgreSQL database, a lease on the connection's cursor
row lets one process poll a mailbox at a time; another takes over when the lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.concurrency import run_in_threadpool

from agent_desk.server.channels import connections
from agent_desk.server.channels.connections import ChannelConnection
from agent_desk.server.channels.email import ingest
from agent_desk.server.channels.email.credentials import TokenRegistry
from agent_desk.server.channels.email.ingest import Position, Taken
from agent_desk.server.channels.email.mailbox import MailboxError, MailboxSession, classify
from agent_desk.server.channels.email.parse import Limits, MailRefused, parse_mail
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database, utcnow

log = logging.getLogger(__name__)

BATCH = 25  # sizes fetched per round trip
MAX_PAUSE_S = 300.0
STALE_INTERVALS = 3  # no fetch for this many intervals (plus a minute): flagged to admins
MB = 1024 * 1024


def limits_of(connection: ChannelConnection) -> Limits:
    s = connection.settings
    return Limits(
        max_bytes=int(float(s["max_mail_mb"]) * MB),
        max_attachment_bytes=int(float(s["max_attachment_mb"]) * MB),
    )


def ensure_state(db: Database, connection_id: str) -> None:
    with db.write() as tx:
        found = tx.conn.execute(
            sa.select(t.mail_state.c.connection_id).where(
                t.mail_state.c.connection_id == connection_id
            )
        ).first()
        if found is None:
            tx.conn.execute(
                sa.insert(t.mail_state).values(
                    connection_id=connection_id,
                    uidvalidity=None,
                    last_uid=0,
                    backlog=0,
                    fetched=0,
                    updated_at=utcnow(),
                )
            )


def health(conn: sa.Connection, connection: ChannelConnection) -> dict[str, Any]:
    """What admins see of a mailbox: the last good fetch, the last error (and its kind), the
    backlog, the failed-mail count, and whether it has gone quiet for too long."""
    row = conn.execute(
        sa.select(t.mail_state).where(t.mail_state.c.connection_id == connection.id)
    ).first()
    failed = conn.execute(
        sa.select(sa.func.count()).where(
            t.failed_mail.c.connection_id == connection.id,
            t.failed_mail.c.status.in_(("failed", "reprocess")),
        )
    ).scalar_one()
    if row is None:
        return {"polled": False, "failed_mail": int(failed), "stale": connection.enabled}
    limit = timedelta(seconds=STALE_INTERVALS * float(connection.settings["poll_s"]) + 60)
    last: datetime | None = row.last_fetch_at
    stale = connection.enabled and (last is None or utcnow() - last > limit)
    return {
        "polled": True,
        "uidvalidity": row.uidvalidity,
        "last_uid": int(row.last_uid),
        "fetched": int(row.fetched),
        "backlog": int(row.backlog),
        "last_fetch_at": last.isoformat() if last else None,
        "last_error": row.last_error,
        "last_error_kind": row.last_error_kind,
        "last_error_at": row.last_error_at.isoformat() if row.last_error_at else None,
        "failed_mail": int(failed),
        "stale": bool(stale),
    }


class MailboxPoller:
    """Polls one connection's mailbox until ``stop`` is set (run it on its own thread)."""

    def __init__(
        self,
        db: Database,
        connection: ChannelConnection,
        tokens: TokenRegistry,
        *,
        team_id: str | None,
        owner: str,
        on_taken: Callable[[Taken], None] | None = None,
    ) -> None:
        self.db = db
        self.connection = connection
        self.tokens = tokens
        self.team_id = team_id
        self.owner = owner
        self.on_taken = on_taken
        self.limits = limits_of(connection)
        self.poll_s = float(connection.settings["poll_s"])
        self.stop = threading.Event()
        self.rounds = 0  # completed catch-ups (tests wait on it)

    # --- the loop --------------------------------------------------------------------------

    def run(self) -> None:
        ensure_state(self.db, self.connection.id)
        pause = 1.0
        while not self.stop.is_set():
            if not self._claim():
                self.stop.wait(self.poll_s)
                continue
            try:
                with MailboxSession(self.connection, self.tokens.get(self.connection)) as session:
                    while not self.stop.is_set() and self._claim():
                        self._catch_up(session)
                        pause = 1.0
                        session.wait(self.poll_s, self.stop)
            except (OperationalError, DBAPIError) as exc:
                log.warning("%s: the database is unavailable: %s", self.connection.name, exc)
            except Exception as exc:  # every failure is recorded and retried, never fatal
                problem = classify(exc)
                self._record_error(problem)
                log.warning("%s: %s error: %s", self.connection.name, problem.kind, problem.message)
            self.stop.wait(pause)
            pause = min(MAX_PAUSE_S, pause * 2)
        self._release()

    def _catch_up(self, session: MailboxSession) -> None:
        folder = session.examine()
        last_uid = self._cursor(folder.uidvalidity)
        uids = session.uids_after(last_uid)
        self._record_ok(len(uids))
        for start in range(0, len(uids), BATCH):
            chunk = uids[start : start + BATCH]
            sizes = session.sizes(chunk)
            for uid in chunk:
                if self.stop.is_set():
                    return
                if uid in sizes:
                    self._take(session, Position(folder.uidvalidity, uid, sizes[uid]))
            self._record_ok(len(uids) - start - len(chunk))
            if not self._claim():  # another process took over (our lease ran out): stop here
                return
        with self.db.read() as conn:
            again = ingest.to_reprocess(conn, self.connection.id, folder.uidvalidity)
        for position in again:
            self._take(session, position, reprocess=True)
        self.rounds += 1

    def _take(
        self, session: MailboxSession, position: Position, *, reprocess: bool = False
    ) -> None:
        connection_id = self.connection.id
        if position.size > self.limits.max_bytes:
            reason = (
                f"the mail is {position.size / MB:.1f} MB; the limit is "
                f"{self.limits.max_bytes / MB:.1f} MB (left in the mailbox, not downloaded)"
            )
            with self.db.write() as tx:
                ingest.record_failed(tx, connection_id, position, code="too_large", reason=reason)
            return
        raw = session.fetch(position.uid)
        if raw is None:  # expunged meanwhile
            return
        try:
            mail = parse_mail(raw, self.limits)
        except MailRefused as exc:
            with self.db.write() as tx:
                ingest.record_failed(tx, connection_id, position, code=exc.code, reason=exc.reason)
            return
        try:
            with self.db.write() as tx:
                taken = ingest.take_in(tx, self.connection, mail, position, team_id=self.team_id)
                if reprocess:
                    ingest.mark_done(tx, connection_id, position)
        except (OperationalError, DBAPIError):
            raise  # the database, not the mail: the cursor stays, the mail comes again
        except Exception as exc:
            log.exception("%s: mail uid %d could not be stored", self.connection.name, position.uid)
            with self.db.write() as tx:
                ingest.record_failed(
                    tx,
                    connection_id,
                    position,
                    mail=mail,
                    code="cannot_store",
                    reason=f"the mail could not be stored ({type(exc).__name__})",
                )
            return
        if self.on_taken is not None:
            self.on_taken(taken)

    # --- the cursor, the lease and health -------------------------------------------------

    def _cursor(self, uidvalidity: int) -> int:
        s = t.mail_state
        with self.db.write() as tx:
            row = tx.conn.execute(sa.select(s).where(s.c.connection_id == self.connection.id)).one()
            if row.uidvalidity == uidvalidity:
                return int(row.last_uid)
            if row.uidvalidity is not None:
                log.warning(
                    "%s: the mailbox's UIDVALIDITY changed (%s → %s): reading it again from the "
                    "start; mail already taken in is recognised by its Message-ID",
                    self.connection.name,
                    row.uidvalidity,
                    uidvalidity,
                )
            tx.conn.execute(
                sa.update(s)
                .where(s.c.connection_id == self.connection.id)
                .values(uidvalidity=uidvalidity, last_uid=0, updated_at=utcnow())
            )
            return 0

    def _claim(self) -> bool:
        """Take or renew the lease on this mailbox; False while another process holds it. A
        lease left by a process of this host that is gone (killed) is taken over at once."""
        s = t.mail_state
        now = utcnow()
        lease = timedelta(seconds=2 * min(self.poll_s, 1500.0) + 30)
        with self.db.write() as tx:
            holder = tx.conn.execute(
                sa.select(s.c.claimed_by).where(s.c.connection_id == self.connection.id)
            ).scalar()
            free = sa.or_(
                s.c.claimed_by.is_(None), s.c.claimed_by == self.owner, s.c.claimed_until < now
            )
            if holder is not None and _gone(holder):
                free = sa.or_(free, s.c.claimed_by == holder)
            result = tx.conn.execute(
                sa.update(s)
                .where(s.c.connection_id == self.connection.id, free)
                .values(claimed_by=self.owner, claimed_until=now + lease)
            )
            return bool(result.rowcount)

    def _release(self) -> None:
        s = t.mail_state
        try:
            with self.db.write() as tx:
                tx.conn.execute(
                    sa.update(s)
                    .where(s.c.connection_id == self.connection.id, s.c.claimed_by == self.owner)
                    .values(claimed_by=None, claimed_until=None)
                )
        except (OperationalError, DBAPIError):
            pass

    def _record_ok(self, backlog: int) -> None:
        with self.db.write() as tx:
            tx.conn.execute(
                sa.update(t.mail_state)
                .where(t.mail_state.c.connection_id == self.connection.id)
                .values(last_fetch_at=utcnow(), backlog=max(0, backlog), updated_at=utcnow())
            )

    def _record_error(self, problem: MailboxError) -> None:
        try:
            with self.db.write() as tx:
                tx.conn.execute(
                    sa.update(t.mail_state)
                    .where(t.mail_state.c.connection_id == self.connection.id)
                    .values(
                        last_error=problem.message[:300],
                        last_error_kind=problem.kind,
                        last_error_at=utcnow(),
                        updated_at=utcnow(),
                    )
                )
        except (OperationalError, DBAPIError):
            pass


class MailPollers:
    """Every enabled email connection's poller, kept in step with the database (a connection
    added, changed, disabled or removed while the server runs is picked up within
    ``refresh_s``)."""

    def __init__(
        self,
        db: Database,
        tokens: TokenRegistry,
        *,
        team_id: str | None = None,
        refresh_s: float = 10.0,
        on_taken: Callable[[Taken], None] | None = None,
    ) -> None:
        self.db = db
        self.tokens = tokens
        self.team_id = team_id
        self.refresh_s = refresh_s
        self.on_taken = on_taken
        self.owner = _owner()
        self.running: dict[str, tuple[MailboxPoller, threading.Thread]] = {}

    def sync(self) -> None:
        with self.db.read() as conn:
            wanted = {c.id: c for c in connections.enabled_of_kind(conn, "email")}
        for connection_id, (poller, _thread) in list(self.running.items()):
            current = wanted.get(connection_id)
            if current is None or current.settings != poller.connection.settings:
                self._stop(connection_id)
        for connection_id, connection in wanted.items():
            if connection_id not in self.running:
                self._start(connection)

    def _start(self, connection: ChannelConnection) -> None:
        endpoint = connection.settings["imap_url"]
        if connection.settings.get("insecure_tls"):
            log.warning(
                "%s: --insecure-tls: mail server certificates are NOT verified and plain "
                "connections are allowed (a lab only, never production)",
                connection.name,
            )
        log.info(
            "%s: polling %s every %gs",
            connection.name,
            _no_user(str(endpoint)),
            float(connection.settings["poll_s"]),
        )
        poller = MailboxPoller(
            self.db,
            connection,
            self.tokens,
            team_id=self.team_id,
            owner=self.owner,
            on_taken=self.on_taken,
        )
        thread = threading.Thread(target=poller.run, name=f"mail {connection.name}", daemon=True)
        self.running[connection.id] = (poller, thread)
        thread.start()

    def _stop(self, connection_id: str) -> None:
        poller, thread = self.running.pop(connection_id)
        poller.stop.set()
        thread.join(timeout=10)

    def stop_all(self) -> None:
        for connection_id in list(self.running):
            self.running[connection_id][0].stop.set()
        for connection_id in list(self.running):
            self._stop(connection_id)

    async def run(self, stopping: asyncio.Event) -> None:
        try:
            while not stopping.is_set():
                try:
                    await run_in_threadpool(self.sync)
                except Exception:
                    log.exception("starting the mailbox pollers failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stopping.wait(), self.refresh_s)
        finally:
            await run_in_threadpool(self.stop_all)


def _owner() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{secrets.token_hex(4)}"


def _gone(holder: str) -> bool:
    """A lease holder that was a process on this host and is no longer running."""
    host, _, rest = holder.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname()[:30] or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():  # another poller of this process: its lease runs out on its own
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _no_user(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}"
