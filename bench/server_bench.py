"""Benchmark of the Agent Desk sync server against the demo dataset.

    .venv/bin/python bench/server_bench.py [--database-url postgresql://...] [--quick]

Without ``--database-url`` the server runs on a fresh temporary SQLite file; with a PostgreSQL URL
(an admin connection, e.g. ``postgresql://postgres@127.0.0.1:5432/postgres``) a fresh database is
created for the run and dropped afterwards. The demo dataset is seeded with the customer simulator
off, and the server (the real uvicorn app, via ``ServerThread``) runs in a child process so the
load generators do not share its interpreter lock. Figures, one per line, then one JSON line:

1. change-feed rows/s: a full initial pull (limit=1000 pages) as ``supervisor`` and as ``agent``;
2. mutations/s: ``note.add`` as ``supervisor``, (a) 50 per request from one client, (b) one per
   request from 8 concurrent clients (a thread and an httpx client each);
3. poke latency: 50 SSE listeners (supervisor and agent, alternating), then ~100 ``note.add``
   mutations 50 ms apart on an after-sales conversation; latency is from just before the request
   is sent to the first poke whose cursor covers the mutation's change, per listener.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import itertools
import json
import logging
import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx
import psycopg
import sqlalchemy as sa
from child import child_server
from httpx_sse import aconnect_sse

from agent_desk.core.ids import new_id

PASSWORD = "demo"
SEED = 20261123
API = "/api/v1"
MODULE_WAIT_S = 20 * 60


@dataclass(frozen=True)
class Plan:
    mutations: int  # per throughput mode
    mutation_cap_s: float  # each throughput mode stops here even if not done
    pull_repeats: int
    listeners: int
    poke_mutations: int
    poke_spacing_s: float


DEFAULT = Plan(
    mutations=3000,
    mutation_cap_s=15,
    pull_repeats=3,
    listeners=50,
    poke_mutations=100,
    poke_spacing_s=0.05,
)
QUICK = Plan(
    mutations=300,
    mutation_cap_s=2.0,
    pull_repeats=1,
    listeners=50,
    poke_mutations=30,
    poke_spacing_s=0.05,
)


def out(line: str) -> None:
    print(line, flush=True)


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def seq_of(cursor: str) -> int:
    return int(cursor.rsplit("-", 1)[1])


# --- the server, in a child process -----------------------------------------------------------


def wait_for_demo_data() -> None:
    """The demo dataset module may still be being written: poll for it (up to 20 minutes)."""
    deadline = time.monotonic() + MODULE_WAIT_S
    while True:
        try:
            from agent_desk.server.demo.data import seed_demo  # noqa: F401
        except Exception as exc:
            if time.monotonic() > deadline:
                raise RuntimeError("agent_desk.server.demo.data is still not importable") from exc
            out(f"waiting for agent_desk.server.demo.data ({type(exc).__name__}); retry in 60 s")
            for name in [m for m in sys.modules if m.startswith("agent_desk.server.demo")]:
                del sys.modules[name]
            time.sleep(60)
        else:
            return


def _serve(database_url: str, pipe: Connection) -> None:
    """Child process: seed the demo data, serve it, stop when told (or when the parent is gone)."""
    logging.basicConfig(level=logging.WARNING, format="server %(levelname)s %(name)s: %(message)s")
    try:
        from agent_desk.server.config import DEMO_INBOUND_SECRET, ServerSettings
        from agent_desk.server.demo.data import TEAM_AFTER_SALES
        from agent_desk.server.demo.launch import prepare_demo
        from agent_desk.server.http.runner import ServerThread
        from agent_desk.server.storage.db import Database

        started = time.perf_counter()
        db = Database(database_url)
        summary = prepare_demo(db, seed=SEED)
        seeded = time.perf_counter() - started
        # what cli.demo_server sets up, minus the customer simulator (simulator_rate=None)
        settings = ServerSettings(
            database_url=database_url,
            host="127.0.0.1",
            port=0,
            demo=True,
            inbound_secret=DEMO_INBOUND_SECRET,
            default_team_id=TEAM_AFTER_SALES,
        )
        server = ServerThread(settings, db=db).start()
    except BaseException as exc:
        pipe.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    pipe.send(("ready", server.url, summary, seeded))
    try:
        pipe.recv()  # "stop", or EOFError when the parent went away
    except (EOFError, OSError):
        pass
    finally:
        server.stop()
        db.dispose()


@contextlib.contextmanager
def fresh_database(pg_admin_url: str | None) -> Iterator[tuple[str, str]]:
    """(SQLAlchemy URL, description) of an empty database that is removed afterwards."""
    if pg_admin_url is None:
        folder = Path(tempfile.mkdtemp(prefix="agent-desk-bench-"))
        try:
            yield f"sqlite:///{folder / 'bench.db'}", "SQLite (fresh temp file)"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    admin = sa.make_url(pg_admin_url).set(drivername="postgresql")
    admin_dsn = admin.render_as_string(hide_password=False)
    name = "agent_desk_bench_" + secrets.token_hex(5)
    with psycopg.connect(admin_dsn, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield (
            admin.set(database=name).render_as_string(hide_password=False),
            f"PostgreSQL (fresh database {name} on {admin.host}:{admin.port or 5432}, "
            "dropped after)",
        )
    finally:
        with psycopg.connect(admin_dsn, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- clients --------------------------------------------------------------------------------


def login(url: str, username: str) -> tuple[str, dict[str, Any]]:
    reply = httpx.post(
        f"{url}{API}/auth/login", json={"username": username, "password": PASSWORD}, timeout=30
    )
    reply.raise_for_status()
    body = reply.json()
    return body["token"], body["agent"]


def client(url: str, token: str) -> httpx.Client:
    return httpx.Client(
        base_url=url + API, headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def pull(url: str, token: str, limit: int = 1000) -> tuple[list[dict[str, Any]], int, str, float]:
    """A full pull from the start: (records, pages, cursor, seconds)."""
    records: list[dict[str, Any]] = []
    pages = 0
    cursor: str | None = None
    with client(url, token) as c:
        c.get("/health").raise_for_status()  # connect outside the timing
        started = time.perf_counter()
        while True:
            params: dict[str, Any] = {"limit": limit} | ({"after": cursor} if cursor else {})
            reply = c.get("/changes", params=params)
            reply.raise_for_status()
            page = reply.json()
            records.extend(page["changes"])
            cursor = page["cursor"]
            pages += 1
            if not page["has_more"]:
                return records, pages, cursor, time.perf_counter() - started


def note(conversation_id: str, body: str) -> dict[str, Any]:
    return {
        "id": new_id(),
        "name": "note.add",
        "args": {"conversation_id": conversation_id, "message_id": new_id(), "body": body},
    }


def count_results(reply: httpx.Response) -> tuple[int, int, str | None]:
    reply.raise_for_status()
    results = reply.json()["results"]
    rejected = [r for r in results if r["status"] != "applied"]
    first = rejected[0]["error"]["code"] if rejected else None
    return len(results) - len(rejected), len(rejected), first


# --- 1. mutations/s ---------------------------------------------------------------------------


def bench_batches(url: str, token: str, convs: list[str], plan: Plan) -> dict[str, Any]:
    batch = 50
    applied = rejected = requests = 0
    why: str | None = None
    targets = itertools.cycle(convs)
    with client(url, token) as c:
        warm = [note(next(targets), "bench warm-up") for _ in range(batch)]
        count_results(c.post("/mutations", json={"client_id": "bench-a", "mutations": warm}))
        started = time.perf_counter()
        deadline = started + plan.mutation_cap_s
        while applied + rejected < plan.mutations and time.perf_counter() < deadline:
            n = min(batch, plan.mutations - applied - rejected)
            done = applied + rejected
            muts = [note(next(targets), f"bench batch note {done + i}") for i in range(n)]
            ok, bad, code = count_results(
                c.post("/mutations", json={"client_id": "bench-a", "mutations": muts})
            )
            applied, rejected, requests = applied + ok, rejected + bad, requests + 1
            why = why or code
        elapsed = time.perf_counter() - started
    return {
        "applied": applied,
        "rejected": rejected,
        "first_rejection": why,
        "requests": requests,
        "seconds": round(elapsed, 3),
        "mutations_per_s": round(applied / elapsed, 1),
        "capped": applied + rejected < plan.mutations,
    }


def bench_concurrent(
    url: str, token: str, convs: list[str], plan: Plan, workers: int = 8
) -> dict[str, Any]:
    tickets = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    totals = {"applied": 0, "rejected": 0}
    errors: list[str] = []
    why: list[str] = []
    barrier = threading.Barrier(workers + 1)
    deadline = [0.0]

    def work(k: int) -> None:
        mine: list[float] = []
        ok_n = bad_n = 0
        with client(url, token) as c:
            try:
                count_results(  # warm-up: connect and log the route once
                    c.post(
                        "/mutations",
                        json={"client_id": f"bench-b{k}", "mutations": [note(convs[k], "warm")]},
                    )
                )
            except Exception as exc:
                errors.append(repr(exc))
            barrier.wait()
            while True:
                with lock:
                    ticket = next(tickets)
                if ticket >= plan.mutations or time.perf_counter() > deadline[0]:
                    break
                payload = {
                    "client_id": f"bench-b{k}",
                    "mutations": [note(convs[ticket % len(convs)], f"bench note {ticket}")],
                }
                sent = time.perf_counter()
                try:
                    ok, bad, code = count_results(c.post("/mutations", json=payload))
                except Exception as exc:
                    errors.append(repr(exc))
                    break
                mine.append(time.perf_counter() - sent)
                ok_n, bad_n = ok_n + ok, bad_n + bad
                if code:
                    why.append(code)
        with lock:
            latencies.extend(mine)
            totals["applied"] += ok_n
            totals["rejected"] += bad_n

    threads = [threading.Thread(target=work, args=(k,), daemon=True) for k in range(workers)]
    for th in threads:
        th.start()
    deadline[0] = time.perf_counter() + plan.mutation_cap_s + 60  # until the barrier opens
    barrier.wait(timeout=60)
    started = time.perf_counter()
    deadline[0] = started + plan.mutation_cap_s
    for th in threads:
        th.join(plan.mutation_cap_s + 60)
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"concurrent mutations failed: {errors[0]}")
    done = totals["applied"] + totals["rejected"]
    return {
        "applied": totals["applied"],
        "rejected": totals["rejected"],
        "first_rejection": why[0] if why else None,
        "requests": done,
        "seconds": round(elapsed, 3),
        "mutations_per_s": round(totals["applied"] / elapsed, 1),
        "request_ms_p50": round(pct(latencies, 50) * 1000, 2) if latencies else None,
        "request_ms_p99": round(pct(latencies, 99) * 1000, 2) if latencies else None,
        "capped": done < plan.mutations,
    }


# --- 3. poke latency --------------------------------------------------------------------------


async def _poke_run(
    url: str,
    tokens: list[tuple[str, str]],  # (role label, token) per listener
    supervisor_token: str,
    conversation_id: str,
    plan: Plan,
) -> dict[str, Any]:
    n = len(tokens)
    pokes: list[list[tuple[float, int]]] = [[] for _ in range(n)]
    connected = [asyncio.Event() for _ in range(n)]
    progress = asyncio.Event()  # set on every poke
    failures: list[str] = []

    async def listen(i: int, token: str) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        timeout = httpx.Timeout(30, read=120)
        try:
            async with (
                httpx.AsyncClient(base_url=url + API, headers=headers, timeout=timeout) as c,
                aconnect_sse(c, "GET", "/events") as source,
            ):
                source.response.raise_for_status()
                async for sse in source.aiter_sse():
                    if sse.event == "poke":
                        pokes[i].append((time.perf_counter(), seq_of(sse.id)))
                        connected[i].set()
                        progress.set()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            failures.append(f"listener {i}: {type(exc).__name__}: {exc}")
            connected[i].set()

    tasks = [asyncio.create_task(listen(i, tok)) for i, (_, tok) in enumerate(tokens)]
    headers = {"Authorization": f"Bearer {supervisor_token}"}
    sent: list[tuple[float, str]] = []  # (send time, message id)
    request_s: list[float] = []
    rejected = 0
    try:
        async with httpx.AsyncClient(base_url=url + API, headers=headers, timeout=30) as sender:
            # every listener gets a first poke with the newest cursor it may see: it is live
            await asyncio.wait_for(asyncio.gather(*(e.wait() for e in connected)), 30)
            if failures:
                raise RuntimeError(failures[0])
            before = (await sender.get("/changes", params={"limit": 1})).json()
            while before["has_more"]:  # jump to the end of the feed: the newest cursor
                before = (
                    await sender.get("/changes", params={"limit": 5000, "after": before["cursor"]})
                ).json()
            start_cursor = before["cursor"]
            await asyncio.sleep(0.2)
            next_at = time.perf_counter()
            for i in range(plan.poke_mutations):
                mutation = note(conversation_id, f"bench poke {i}")
                payload = {"client_id": "bench-poke", "mutations": [mutation]}
                await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
                t_send = time.perf_counter()
                reply = await sender.post("/mutations", json=payload)
                request_s.append(time.perf_counter() - t_send)
                if count_results(reply)[0]:
                    sent.append((t_send, mutation["args"]["message_id"]))
                else:
                    rejected += 1
                next_at = t_send + plan.poke_spacing_s
            await asyncio.sleep(0.5)
            # the feed position of each note: pull one change row per page after the start
            wanted = {mid for _, mid in sent}
            seq_of_message: dict[str, int] = {}
            cursor = start_cursor
            while True:
                page = (await sender.get("/changes", params={"limit": 1, "after": cursor})).json()
                cursor = page["cursor"]
                for rec in page["changes"]:
                    if rec["entity"] == "message" and rec["id"] in wanted:
                        seq_of_message[rec["id"]] = seq_of(cursor)
                if not page["has_more"]:
                    break
            last = max(seq_of_message.values(), default=0)
            grace = time.perf_counter() + 3
            while any(not p or p[-1][1] < last for p in pokes):
                progress.clear()
                remaining = grace - time.perf_counter()
                if remaining <= 0:
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(progress.wait(), remaining)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    samples: list[float] = []
    by_role: dict[str, list[float]] = {}
    missed = 0
    missed_listeners = 0
    for (role, _), got in zip(tokens, pokes, strict=True):
        times = [t for t, _ in got]
        seqs = [s for _, s in got]
        this_missed = 0
        for t_send, mid in sent:
            target = seq_of_message.get(mid)
            if target is None:
                continue
            k = bisect.bisect_left(times, t_send)
            while k < len(seqs) and seqs[k] < target:
                k += 1
            if k == len(seqs):
                this_missed += 1
                continue
            latency = times[k] - t_send
            samples.append(latency)
            by_role.setdefault(role, []).append(latency)
        missed += this_missed
        missed_listeners += bool(this_missed)
    unmapped = len(sent) - len(seq_of_message)

    def summary(values: list[float]) -> dict[str, float | None]:
        if not values:
            return {"p50_ms": None, "p99_ms": None, "max_ms": None}
        return {
            "p50_ms": round(pct(values, 50) * 1000, 2),
            "p99_ms": round(pct(values, 99) * 1000, 2),
            "max_ms": round(max(values) * 1000, 2),
        }

    return {
        "listeners": n,
        "mutations": len(sent),
        "rejected": rejected,
        "unmapped_mutations": unmapped,
        "samples": len(samples),
        **summary(samples),
        "by_role": {role: summary(v) | {"samples": len(v)} for role, v in sorted(by_role.items())},
        "missed_samples": missed,
        "listeners_that_missed": missed_listeners,
        "mutation_request_ms_p50": round(pct(request_s, 50) * 1000, 2) if request_s else None,
    }


# --- the run ----------------------------------------------------------------------------------


def run(database_url: str | None, plan: Plan, quick: bool) -> dict[str, Any]:
    run_started = time.perf_counter()
    cores = os.cpu_count() or 1
    result: dict[str, Any] = {"quick": quick, "cpu_count": cores}
    with (
        fresh_database(database_url) as (url_for_db, described),
        child_server(_serve, url_for_db) as (
            url,
            summary,
            seeded,
        ),
    ):
        result["database"] = sa.make_url(url_for_db).get_backend_name()
        out(f"Agent Desk server benchmark{' (--quick)' if quick else ''} — {described}")
        out(
            f"note: {cores} CPU core(s); the server runs in its own process but the load "
            "generators share the same cores, so every figure is a lower bound for a dedicated host"
        )
        out(
            f"demo server ready in {seeded:.1f} s (seeded {summary.get('conversations', '?')} "
            f"conversations, {summary.get('messages', '?')} messages, "
            f"{summary.get('orders', '?')} orders; simulator off)"
        )
        result["seed_s"] = round(seeded, 2)

        sup_token, _ = login(url, "supervisor")
        agent_token, agent = login(url, "agent")

        # 2. change feed (first, on the pristine demo data)
        feed: dict[str, Any] = {}
        sup_records: list[dict[str, Any]] = []
        agent_records: list[dict[str, Any]] = []
        for role, token in (("supervisor", sup_token), ("agent", agent_token)):
            runs = []
            for _ in range(plan.pull_repeats):
                records, pages, _, secs = pull(url, token)
                runs.append((secs, len(records), pages))
                if role == "supervisor":
                    sup_records = records
                else:
                    agent_records = records
            secs, rows, pages = min(runs)
            feed[role] = {
                "rows": rows,
                "pages": pages,
                "seconds": round(secs, 3),
                "rows_per_s": round(rows / secs, 1),
                "runs": len(runs),
            }
            best = f"best of {len(runs)}" if len(runs) > 1 else "1 run"
            out(
                f"change feed, full initial pull as {role} (limit=1000): {rows} rows in {pages} "
                f"pages, {secs:.3f} s -> {rows / secs:,.0f} rows/s ({best})"
            )
        result["change_feed"] = feed

        # 1. mutations/s
        convs = [
            r["id"]
            for r in sup_records
            if r["entity"] == "conversation" and r["data"]["status"] in ("open", "pending")
        ] or [r["id"] for r in sup_records if r["entity"] == "conversation"]
        convs = convs[:64]
        a = bench_batches(url, sup_token, convs, plan)
        out(
            f"mutations, 1 client x batches of 50 note.add: {a['applied']} applied in "
            f"{a['seconds']:.2f} s -> {a['mutations_per_s']:,.0f} mutations/s "
            f"({a['requests']} requests, {a['rejected']} rejected"
            f"{', time cap hit' if a['capped'] else ''})"
        )
        b = bench_concurrent(url, sup_token, convs, plan)
        out(
            f"mutations, 8 concurrent clients x 1 note.add per request: {b['applied']} applied in "
            f"{b['seconds']:.2f} s -> {b['mutations_per_s']:,.0f} mutations/s "
            f"(request p50 {b['request_ms_p50']} ms, p99 {b['request_ms_p99']} ms, "
            f"{b['rejected']} rejected{', time cap hit' if b['capped'] else ''})"
        )
        result["mutations"] = {"batch50_1client": a, "single_8clients": b}

        # 3. poke latency
        team = agent["team_id"]
        candidates = [
            r
            for r in agent_records
            if r["entity"] == "conversation" and r["data"].get("team_id") == team
        ]
        if not candidates:
            raise RuntimeError("no conversation of the agent's team is visible to the agent")
        candidates.sort(key=lambda r: r["data"]["status"] != "open")
        conversation_id = candidates[0]["id"]
        roles = [("supervisor", sup_token), ("agent", agent_token)]
        tokens = [roles[i % 2] for i in range(plan.listeners)]
        p = asyncio.run(_poke_run(url, tokens, sup_token, conversation_id, plan))
        per_role = ", ".join(
            f"{role} p50 {v['p50_ms']} / p99 {v['p99_ms']} ms" for role, v in p["by_role"].items()
        )
        out(
            f"poke latency, {p['listeners']} SSE listeners x {p['mutations']} note.add "
            f"({plan.poke_spacing_s * 1000:.0f} ms apart): p50 {p['p50_ms']} ms, "
            f"p99 {p['p99_ms']} ms, max {p['max_ms']} ms over {p['samples']} samples ({per_role}; "
            f"the mutation request itself took p50 {p['mutation_request_ms_p50']} ms)"
        )
        out(
            f"poke misses: {p['missed_samples']} samples, {p['listeners_that_missed']} of "
            f"{p['listeners']} listeners missed at least one poke"
            + (f"; {p['rejected']} mutations rejected" if p["rejected"] else "")
            + (f"; {p['unmapped_mutations']} not found in feed" if p["unmapped_mutations"] else "")
        )
        result["poke"] = p
    result["total_s"] = round(time.perf_counter() - run_started, 1)
    out(f"total {result['total_s']} s (server stopped, database removed)")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database-url",
        help="PostgreSQL admin URL: benchmark on a fresh database created there (default: SQLite)",
    )
    parser.add_argument("--quick", action="store_true", help="a smaller run (under 30 s)")
    args = parser.parse_args(argv)
    pg = args.database_url
    if pg is not None and sa.make_url(pg).get_backend_name() != "postgresql":
        parser.error("--database-url must be a postgresql:// URL (SQLite is the default)")
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    wait_for_demo_data()
    result = run(pg, QUICK if args.quick else DEFAULT, args.quick)
    out(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
