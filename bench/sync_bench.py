"""Benchmark of the client's initial sync: 10,000 conversations / 100,000 messages.

    .venv/bin/python bench/sync_bench.py [--conversations 10000] [--messages-per-conversation 10]
                                         [--quick] [--profile]

``--quick`` is 1,000 conversations / 10,000 messages. Steps (figures one per line, then one JSON
line):

1. a server SQLite database is built in a temp dir (in a child process, so the benchmark
   process's peak RSS is the client's only): a team, one supervisor, N/2 customers with an email
   identity each, N conversations and N x M messages, bulk-inserted, then ``publish_everything``;
2. the real server (uvicorn, via ``ServerThread``) serves it from another child process;
3. here, a fresh client ``Store`` + ``Transport`` (signed in as the supervisor) + ``SyncEngine``
   (its default page size) runs ``sync_once()`` while a 5 ms ticker task on the same event loop
   records
   the gaps between its ticks (the longest event-loop stall; budget 50 ms);
4. the same records are pulled again into memory only ("network + parse only") and inserted into a
   fresh SQLite file with sqlite-utils ``insert_all(batch_size=1000)``: the ratio of the client
   sync to that bare insert (and to pull + insert) says what the client's own writing costs.

``--profile`` also runs one more initial sync (into another fresh store) under cProfile and prints
the top 10 entries by cumulative time (and by own time); the measured sync is never profiled.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import cProfile
import io
import json
import logging
import multiprocessing as mp
import os
import pstats
import random
import resource
import secrets
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from child import child_server

PASSWORD = "bench-password"
USERNAME = "supervisor"
TEAM_ID = "team-bench"
SEED = 20261124
CHUNK = 2000
STALL_BUDGET_MS = 50.0
TICK_S = 0.005


def out(line: str) -> None:
    print(line, flush=True)


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def rss_mb() -> float:
    """Peak RSS of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- 1. the server database (built in a child process) ---------------------------------------

_EN = [
    "Hi, my order has not arrived yet and the tracking page has not changed for three days.",
    "Could you check whether the refund for the returned jacket has been processed?",
    "The size chart says M but the shirt I received is clearly an S.",
    "Thanks for the quick reply, that solves it.",
    "I was charged twice for the same order, please look into it.",
    "We have escalated this to the warehouse team and will update you within 24 hours.",
    "Please send a photo of the damaged item and the outer box.",
    "Your replacement has shipped; the new tracking number is in the order page.",
    "Can I change the delivery address before the parcel leaves the warehouse?",
    "The coupon code was not applied at checkout even though the basket qualified.",
    "Customer called again, very unhappy about the delay; offered a 10% voucher.",
    "Is there any way to get this delivered before the weekend?",
]
_ZH = [
    "您好，我的订单已经三天没有物流更新了，请帮忙查一下。",
    "退货已经寄回，请问退款什么时候到账？",
    "收到的衣服尺码不对，我想换一个大一号的。",
    "好的，谢谢您的耐心解答。",
    "同一个订单被扣了两次款，麻烦处理一下。",
    "我们已经联系仓库核实，会在二十四小时内给您回复。",
    "请提供商品破损的照片以及外包装的照片。",
    "补发的商品已经发出，新的运单号可以在订单页面查看。",
    "包裹还没出库的话，可以修改收货地址吗？",
    "优惠券在结算时没有生效，订单金额明明已经满足条件。",
]
_SUBJECTS = [
    "Where is my order",
    "Refund request",
    "Wrong size received",
    "Double charge",
    "Damaged parcel",
    "Change delivery address",
    "Coupon not applied",
    "物流一直没有更新",
    "申请退款",
    "商品破损",
    "修改收货地址",
]
_NAMES = ["Li Wei", "Zhang Min", "Wang Fang", "Chen Jie", "Emma Brown", "Lucas Martin", "刘洋"]
_CHANNELS = ["chat", "email", "phone", "social", "app"]


def _body(rng: random.Random) -> str:
    target = rng.randint(20, 400)
    pool = _ZH if rng.random() < 0.3 else _EN
    parts: list[str] = []
    length = 0
    while length < target:
        piece = rng.choice(pool)
        parts.append(piece)
        length += len(piece) + 1
    return " ".join(parts)[:target]


def build_database(database_url: str, conversations: int, per_conversation: int) -> dict[str, Any]:
    """Child process: the server database, bulk-inserted, then every row published."""
    import sqlalchemy as sa

    from agent_desk.core.ids import new_id
    from agent_desk.server.auth.passwords import hash_password
    from agent_desk.server.feed.records import publish_everything
    from agent_desk.server.storage import schema as t
    from agent_desk.server.storage.db import Database
    from agent_desk.server.storage.migrate import migrate

    started = time.perf_counter()
    rng = random.Random(SEED)
    now = datetime.now(UTC)
    db = Database(database_url)
    try:
        migrate(db)
        supervisor_id = new_id()
        n_customers = max(1, conversations // 2)
        customers: list[dict[str, Any]] = []
        identities: list[dict[str, Any]] = []
        for i in range(n_customers):
            cid = new_id()
            created = now - timedelta(days=rng.randint(30, 900))
            customers.append(
                {
                    "id": cid,
                    "name": f"{rng.choice(_NAMES)} {i}",
                    "attributes": {"city": rng.choice(["上海", "Beijing", "Shenzhen", "杭州"])},
                    "tags": rng.sample(["vip", "returns", "wholesale", "new", "risk"], 2),
                    "lifecycle_stage": rng.choice(
                        ["new", "growing", "mature", "declining", "churned"]
                    ),
                    "value_tier": rng.choice(["standard", "silver", "gold", "platinum"]),
                    "lifetime_value_minor": rng.randint(0, 5_000_000),
                    "currency": "CNY",
                    "agent_note": rng.choice(["", "", "Prefers email", "请用中文回复"]),
                    "locale": rng.choice(["zh_CN", "en"]),
                    "created_at": created,
                    "updated_at": created,
                }
            )
            identities.append(
                {
                    "kind": "email",
                    "value": f"customer{i}@example.com",
                    "customer_id": cid,
                    "verified": rng.random() < 0.8,
                    "created_at": created,
                }
            )
        convs: list[dict[str, Any]] = []
        msgs: list[dict[str, Any]] = []
        for _ in range(conversations):
            conv_id = new_id()
            customer = rng.choice(customers)["id"]
            status = rng.choices(["open", "pending", "snoozed", "resolved"], [3, 2, 1, 4])[0]
            created = now - timedelta(minutes=rng.randint(10, 60 * 24 * 60))
            at = created
            last_body = ""
            for seq in range(1, per_conversation + 1):
                kind = "inbound" if seq % 2 else rng.choices(["outbound", "note"], [4, 1])[0]
                at = at + timedelta(seconds=rng.randint(5, 3600))
                last_body = _body(rng)
                msgs.append(
                    {
                        "id": new_id(),
                        "conversation_id": conv_id,
                        "seq": seq,
                        "kind": kind,
                        "author_agent_id": None if kind == "inbound" else supervisor_id,
                        "author_customer_id": customer if kind == "inbound" else None,
                        "body": last_body,
                        "attachments": (
                            [{"name": "photo.jpg", "size": rng.randint(10_000, 900_000)}]
                            if rng.random() < 0.05
                            else []
                        ),
                        "created_at": at,
                        "external_key": None,
                    }
                )
            waiting = status in ("open", "pending") and rng.random() < 0.5
            convs.append(
                {
                    "id": conv_id,
                    "customer_id": customer,
                    "channel": rng.choice(_CHANNELS),
                    "subject": rng.choice(_SUBJECTS),
                    "status": status,
                    "priority": rng.choices(["low", "normal", "high", "urgent"], [2, 6, 2, 1])[0],
                    "assignee_id": supervisor_id if rng.random() < 0.6 else None,
                    "team_id": TEAM_ID,
                    "created_at": created,
                    "updated_at": at,
                    "last_message_at": at if per_conversation else None,
                    "last_message_preview": " ".join(last_body.split())[:120],
                    "message_count": per_conversation,
                    "snoozed_until": (
                        now + timedelta(hours=rng.randint(1, 48)) if status == "snoozed" else None
                    ),
                    "resolved_at": at if status == "resolved" else None,
                    "waiting_since": at if waiting else None,
                    "first_response_at": created + timedelta(minutes=rng.randint(1, 30)),
                    "response_due_at": at + timedelta(minutes=30) if waiting else None,
                    "response_breach_at": at + timedelta(hours=2) if waiting else None,
                    "resolution_due_at": None,
                    "resolution_breach_at": None,
                    "csat_score": rng.randint(1, 5) if status == "resolved" else None,
                }
            )
        generated = time.perf_counter() - started

        def bulk(conn: Any, table: sa.Table, rows: list[dict[str, Any]]) -> None:
            for start in range(0, len(rows), CHUNK):
                conn.execute(sa.insert(table), rows[start : start + CHUNK])

        with db.write() as tx:
            c = tx.conn
            c.execute(sa.insert(t.teams), [{"id": TEAM_ID, "name": "After-sales"}])
            c.execute(
                sa.insert(t.agents),
                [
                    {
                        "id": supervisor_id,
                        "username": USERNAME,
                        "display_name": "Bench Supervisor",
                        "role": "supervisor",
                        "team_id": TEAM_ID,
                        "skills": ["returns", "payments"],
                        "presence": "available",
                        "max_concurrent": 8,
                        "locale": "zh_CN",
                        "active": True,
                        "password_hash": hash_password(PASSWORD),
                        "created_at": now,
                    }
                ],
            )
            bulk(c, t.customers, customers)
            bulk(c, t.customer_identities, identities)
            bulk(c, t.conversations, convs)
            bulk(c, t.messages, msgs)
            inserted = time.perf_counter() - started
            published = publish_everything(tx)
        changes = len(customers) + len(convs) + len(msgs)
        return {
            "customers": len(customers),
            "conversations": len(convs),
            "messages": len(msgs),
            "published": published,
            "rows": changes,
            "generate_s": round(generated, 2),
            "insert_s": round(inserted - generated, 2),
            "total_s": round(time.perf_counter() - started, 2),
        }
    finally:
        db.dispose()


def build_in_child(database_url: str, conversations: int, per_conversation: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as pool:
        return pool.submit(build_database, database_url, conversations, per_conversation).result()


# --- 2. the server, in a child process --------------------------------------------------------


def _serve(database_url: str, pipe: Connection) -> None:
    """Child process: serve the database, stop when told (or when the parent is gone)."""
    logging.basicConfig(level=logging.WARNING, format="server %(levelname)s %(name)s: %(message)s")
    try:
        from agent_desk.server.config import ServerSettings
        from agent_desk.server.http.runner import ServerThread
        from agent_desk.server.storage.db import Database

        db = Database(database_url)
        settings = ServerSettings(
            database_url=database_url,
            host="127.0.0.1",
            port=0,
            inbound_secret=secrets.token_hex(16),
            default_team_id=TEAM_ID,
        )
        server = ServerThread(settings, db=db).start()
    except BaseException as exc:
        pipe.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    pipe.send(("ready", server.url))
    try:
        pipe.recv()  # "stop", or EOFError when the parent went away
    except (EOFError, OSError):
        pass
    finally:
        server.stop()
        db.dispose()


# --- 3. the client's initial sync -------------------------------------------------------------


class Ticker:
    """A task that sleeps 5 ms at a time and records the gap between consecutive ticks."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        last = loop.time()
        while True:
            await asyncio.sleep(TICK_S)
            now = loop.time()
            self.gaps.append(now - last)
            last = now

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="bench-ticker")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


class CountingPull:
    """Wraps ``Transport.pull`` on one instance: pages, records, and time spent awaiting it."""

    def __init__(self, transport: Any) -> None:
        self.inner = transport.pull
        self.pages = 0
        self.records = 0
        self.seconds = 0.0
        transport.pull = self

    async def __call__(self, after: str | None, limit: int) -> Any:
        started = time.perf_counter()
        page = await self.inner(after, limit)
        self.seconds += time.perf_counter() - started
        self.pages += 1
        self.records += len(page.changes)
        return page


async def client_run(url: str, folder: Path, profile: bool) -> dict[str, Any]:
    from agent_desk.store.local import Me
    from agent_desk.store.store import ENTITY_TABLES, Store
    from agent_desk.sync.engine import SyncEngine
    from agent_desk.sync.transport import Transport
    from agent_desk.system.runtime import settle_after_startup

    result: dict[str, Any] = {}
    transport = Transport(url, timeout=120)
    try:
        reply = await transport.login(USERNAME, PASSWORD)
        me = Me(reply.agent.id, reply.agent.team_id)

        # --- the measured initial sync
        store = Store(folder / "client.db")
        try:
            engine = SyncEngine(store, transport, me)
            counter = CountingPull(transport)
            rss_before = rss_mb()
            ticker = Ticker()
            ticker.start()
            await asyncio.sleep(0.05)  # a few ticks before the sync starts
            ticker.gaps.clear()
            started = time.perf_counter()
            settle_after_startup()  # as the app does once it has started
            changed = await engine.sync_once()
            sync_s = time.perf_counter() - started
            await asyncio.sleep(0.02)
            await ticker.stop()
            transport.pull = counter.inner  # type: ignore[method-assign]
            rss_after = rss_mb()
            counts = store.counts()
            engine_cursor = store.state("cursor")
        finally:
            store.close()
        gaps_ms = [g * 1000 for g in ticker.gaps] or [0.0]
        max_gap, p99_gap = max(gaps_ms), pct(gaps_ms, 99)
        over = sum(1 for g in gaps_ms if g > STALL_BUDGET_MS)
        pull_s = counter.seconds
        result["sync"] = {
            "seconds": round(sync_s, 3),
            "records": counter.records,
            "pages": counter.pages,
            "page_limit": engine.page_limit,
            "records_per_s": round(counter.records / sync_s, 1),
            "awaiting_pull_s": round(pull_s, 3),
            "rest_s": round(sync_s - pull_s, 3),
            "changed_ids": changed.count(),
            "store_rows": counts,
            "cursor": engine_cursor,
        }
        result["stall"] = {
            "ticks": len(ticker.gaps),
            "max_ms": round(max_gap, 1),
            "p99_ms": round(p99_gap, 1),
            "p50_ms": round(pct(gaps_ms, 50), 1),
            "ticks_over_budget": over,
            "budget_ms": STALL_BUDGET_MS,
            "budget_met": max_gap <= STALL_BUDGET_MS,
        }
        result["rss_mb"] = {"before_sync": round(rss_before, 1), "after_sync": round(rss_after, 1)}

        # --- 4. network + parse only, then a bare sqlite-utils insert_all of the same rows
        records: list[Any] = []
        cursor: str | None = None
        started = time.perf_counter()
        pages = 0
        while True:
            page = await transport.pull(cursor, 1000)
            records.extend(page.changes)
            cursor = page.cursor
            pages += 1
            if not page.has_more:
                break
        net_s = time.perf_counter() - started
        result["network_only"] = {
            "seconds": round(net_s, 3),
            "records": len(records),
            "pages": pages,
            "records_per_s": round(len(records) / net_s, 1),
        }
        flat_started = time.perf_counter()
        by_table: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for record in records:
            if record.op != "upsert" or record.data is None or record.entity not in ENTITY_TABLES:
                continue
            row = {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                for k, v in record.data.items()
            }
            row["id"] = record.id
            by_table[ENTITY_TABLES[record.entity]][record.id] = row  # last version wins
        flatten_s = time.perf_counter() - flat_started
        del records
        insert_s = bare_insert(folder / "bare.db", by_table)
        bare_rows = sum(len(v) for v in by_table.values())
        del by_table
        result["bare_insert"] = {
            "seconds": round(insert_s, 3),
            "rows": bare_rows,
            "rows_per_s": round(bare_rows / insert_s, 1),
            "flatten_s": round(flatten_s, 3),
        }
        result["ratio"] = {
            "sync_over_bare_insert": round(sync_s / insert_s, 2),
            "sync_over_pull_plus_insert": round(sync_s / (net_s + insert_s), 2),
        }
        result["rss_mb"]["end_of_run"] = round(rss_mb(), 1)

        if profile:
            result["profile"] = await profiled_sync(transport, me, folder / "profiled.db")
    finally:
        await transport.aclose()
    return result


def bare_insert(path: Path, by_table: dict[str, dict[str, dict[str, Any]]]) -> float:
    import sqlite_utils

    db = sqlite_utils.Database(path)
    try:
        started = time.perf_counter()
        for table, rows in by_table.items():
            db.table(table).insert_all(rows.values(), batch_size=1000, pk="id")
        return time.perf_counter() - started
    finally:
        db.close()


async def profiled_sync(transport: Any, me: Any, path: Path) -> dict[str, list[str]]:
    from agent_desk.store.store import Store
    from agent_desk.sync.engine import SyncEngine

    store = Store(path)
    try:
        engine = SyncEngine(store, transport, me)
        profiler = cProfile.Profile()
        profiler.enable()
        await engine.sync_once()
        profiler.disable()
    finally:
        store.close()
    return {order: _top(profiler, order) for order in ("cumulative", "tottime")}


def _top(profiler: cProfile.Profile, order: str, n: int = 10) -> list[str]:
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).strip_dirs().sort_stats(order).print_stats(n)
    lines = [ln for ln in text.getvalue().splitlines() if ln.strip()]
    return lines[-(n + 1) :]  # the column header and the top n


# --- the run ----------------------------------------------------------------------------------


def run(conversations: int, per_conversation: int, quick: bool, profile: bool) -> dict[str, Any]:
    run_started = time.perf_counter()
    cores = os.cpu_count() or 1
    result: dict[str, Any] = {
        "quick": quick,
        "cpu_count": cores,
        "conversations": conversations,
        "messages_per_conversation": per_conversation,
    }
    out(
        f"Agent Desk client initial-sync benchmark{' (--quick)' if quick else ''}: "
        f"{conversations:,} conversations x {per_conversation} messages, {cores} CPU core(s); "
        "server in a child process (shares the cores)"
    )
    with tempfile.TemporaryDirectory(prefix="agent-desk-sync-bench-") as tmp:
        folder = Path(tmp)
        database_url = f"sqlite:///{folder / 'server.db'}"
        built = build_in_child(database_url, conversations, per_conversation)
        result["build"] = built
        out(
            f"server database built in {built['total_s']:.1f} s (not a figure that matters: "
            f"generate {built['generate_s']:.1f} s, bulk insert {built['insert_s']:.1f} s, "
            f"publish_everything {built['total_s'] - built['generate_s'] - built['insert_s']:.1f}"
            f" s): {built['customers']:,} customers, {built['conversations']:,} conversations, "
            f"{built['messages']:,} messages, {built['published']:,} change rows"
        )
        with child_server(_serve, database_url) as (url,):
            client = asyncio.run(client_run(url, folder, profile))
        result.update(client)

        s, st, r = client["sync"], client["stall"], client["rss_mb"]
        out(
            f"initial sync (sync_once, page_limit={s['page_limit']}): {s['records']:,} records in "
            f"{s['pages']} pages, {s['seconds']:.2f} s -> {s['records_per_s']:,.0f} records/s"
        )
        out(
            "  of which awaiting Transport.pull (server + network + parse) "
            f"{s['awaiting_pull_s']:.2f} s, the rest (apply_page: store writes, rebase; "
            f"status) {s['rest_s']:.2f} s"
        )
        out("  rows in the store: " + ", ".join(f"{k} {v:,}" for k, v in s["store_rows"].items()))
        verdict = "met" if st["budget_met"] else "NOT met"
        out(
            f"event-loop stall (5 ms ticker, {st['ticks']} ticks): longest {st['max_ms']:.1f} ms, "
            f"p99 {st['p99_ms']:.1f} ms, p50 {st['p50_ms']:.1f} ms; {st['ticks_over_budget']} "
            f"gaps over {STALL_BUDGET_MS:.0f} ms; budget {STALL_BUDGET_MS:.0f} ms {verdict}"
        )
        out(
            f"peak RSS of the client process: {r['before_sync']:.1f} MB before the sync, "
            f"{r['after_sync']:.1f} MB after it ({r['end_of_run']:.1f} MB at the end of the run, "
            "after the in-memory pull and bare insert)"
        )
        n, b, q = client["network_only"], client["bare_insert"], client["ratio"]
        out(
            f"network + parse only (Transport.pull into memory): {n['records']:,} records in "
            f"{n['seconds']:.2f} s -> {n['records_per_s']:,.0f} records/s"
        )
        out(
            f"bare sqlite-utils insert_all(batch_size=1000) of the same {b['rows']:,} rows: "
            f"{b['seconds']:.2f} s -> {b['rows_per_s']:,.0f} rows/s (flattening took "
            f"{b['flatten_s']:.2f} s, not counted)"
        )
        out(
            f"ratio: client sync / bare insert = {q['sync_over_bare_insert']:.2f}x; "
            f"client sync / (network-only pull + bare insert) = "
            f"{q['sync_over_pull_plus_insert']:.2f}x"
        )
        if "profile" in client:
            for order, lines in client["profile"].items():
                what = "cumulative time" if order == "cumulative" else "own time (tottime)"
                out(f"cProfile of one more initial sync, top 10 by {what}:")
                for line in lines:
                    out("  " + line)
    result["total_s"] = round(time.perf_counter() - run_started, 1)
    out(f"total {result['total_s']} s (server stopped, temp dir removed)")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=None, help="default 10000")
    parser.add_argument("--messages-per-conversation", type=int, default=None, help="default 10")
    parser.add_argument("--quick", action="store_true", help="1,000 conversations / 10,000 msgs")
    parser.add_argument(
        "--profile", action="store_true", help="also cProfile one more sync (top 10 cumulative)"
    )
    args = parser.parse_args(argv)
    conversations = args.conversations or (1000 if args.quick else 10_000)
    per_conversation = (
        args.messages_per_conversation if args.messages_per_conversation is not None else 10
    )
    if conversations < 1 or per_conversation < 0:
        parser.error("--conversations must be >= 1 and --messages-per-conversation >= 0")
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    result = run(conversations, per_conversation, args.quick, args.profile)
    out(json.dumps(result, sort_keys=True, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
