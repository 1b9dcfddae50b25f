"""What an attacker's traffic costs everyone else (issue 10), against the demo dataset.

    .venv/bin/python bench/attack_bench.py [--database-url postgresql://...] [--quick]

The server runs in a child process (as in ``server_bench.py``). Figures, one per line, then
one JSON line:

1. mutation latency (``note.add``, one per request, about 20 per second) as ``agent``, p50/p99,
   alone and during a flood of failed sign-ins (10 per second from 5 addresses, each attempt a
   new made-up username so the throttle lets every one reach the password check), and the
   ratio of the two p99s (the target: within 3x);
2. ``/health`` p50/p99 alone and while 500 idle connections are held open half-way through
   their request headers (the header deadline is 10 s, longer than the measurement).
"""

from __future__ import annotations

import argparse
import json
import socket
import threading
import time
from typing import Any

import httpx
from child import child_server
from server_bench import _serve, fresh_database, login, out, pct

from agent_desk.core.ids import new_id

API = "/api/v1"


def _conversation(url: str, token: str) -> str:
    with httpx.Client(base_url=url + API, headers={"Authorization": f"Bearer {token}"}) as http:
        after = None
        while True:
            page = http.get(
                "/changes", params={"limit": 5000, **({"after": after} if after else {})}
            )
            page.raise_for_status()
            body = page.json()
            for change in body["changes"]:
                data = change.get("data") or {}
                if change["entity"] == "conversation" and data.get("assignee_id") is not None:
                    return str(change["id"])
            after = body["cursor"]
            if not body["has_more"]:
                raise RuntimeError("no assigned conversation in the demo data")


def _mutation_latencies(url: str, token: str, conv: str, count: int) -> list[float]:
    times: list[float] = []
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=url + API, headers=headers, timeout=30) as http:
        for i in range(count):
            body = {
                "client_id": "attack-bench",
                "mutations": [
                    {
                        "id": new_id(),
                        "name": "note.add",
                        "args": {"conversation_id": conv, "message_id": new_id(), "body": f"n{i}"},
                    }
                ],
            }
            started = time.perf_counter()
            reply = http.post("/mutations", json=body)
            times.append((time.perf_counter() - started) * 1000)
            reply.raise_for_status()
            assert reply.json()["results"][0]["status"] == "applied"
            time.sleep(0.05)
    return times


def _flood(url: str, stop: threading.Event, per_second: float, sent: list[int]) -> None:
    """Failed sign-ins at a steady rate, from five loopback addresses, never the same name."""
    clients = [
        httpx.Client(
            base_url=url + API,
            transport=httpx.HTTPTransport(local_address=f"127.0.9.{i + 1}"),
            timeout=30,
        )
        for i in range(5)
    ]
    pending: list[threading.Thread] = []
    try:
        n = 0
        next_at = time.perf_counter()
        while not stop.is_set():
            http = clients[n % 5]
            name = f"nobody-{n}-{new_id()[:8]}"

            def attempt(h: httpx.Client = http, u: str = name) -> None:
                h.post("/auth/login", json={"username": u, "password": "wrong password"})

            thread = threading.Thread(target=attempt, daemon=True)
            thread.start()
            pending.append(thread)
            n += 1
            sent[0] = n
            next_at += 1 / per_second
            time.sleep(max(0.0, next_at - time.perf_counter()))
        for thread in pending:
            thread.join(30)
    finally:
        for http in clients:
            http.close()


def _health(url: str, count: int) -> list[float]:
    times = []
    with httpx.Client(timeout=30) as http:
        for _ in range(count):
            started = time.perf_counter()
            http.get(f"{url}{API}/health").raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
            time.sleep(0.01)
    return times


def _half_open(url: str, count: int) -> list[socket.socket]:
    host, port = url.removeprefix("http://").split(":")
    held = []
    for _ in range(count):
        sock = socket.create_connection((host, int(port)), timeout=5)
        sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: bench\r\n")  # and never the rest
        held.append(sock)
    return held


def run(database_url: str | None, quick: bool) -> dict[str, Any]:
    samples = 60 if quick else 200
    with (
        fresh_database(database_url) as (url_db, described),
        child_server(_serve, url_db) as (
            url,
            _summary,
            _seeded,
        ),
    ):
        out(f"database: {described}")
        token, _agent = login(url, "agent")
        conv = _conversation(url, token)
        _mutation_latencies(url, token, conv, 10)  # warm up
        calm = _mutation_latencies(url, token, conv, samples)
        stop, sent = threading.Event(), [0]
        flood = threading.Thread(target=_flood, args=(url, stop, 10.0, sent))
        flood.start()
        try:
            time.sleep(1.0)
            stormy = _mutation_latencies(url, token, conv, samples)
        finally:
            stop.set()
            flood.join(60)
        ratio = pct(stormy, 99) / pct(calm, 99)
        out(
            f"mutation latency alone: p50 {pct(calm, 50):.1f} ms, p99 {pct(calm, 99):.1f} ms "
            f"({samples} note.add)"
        )
        out(
            f"mutation latency during {sent[0]} failed sign-ins at 10/s: "
            f"p50 {pct(stormy, 50):.1f} ms, p99 {pct(stormy, 99):.1f} ms — p99 ratio {ratio:.2f}x"
        )
        health_calm = _health(url, samples)
        held = _half_open(url, 500)
        try:
            health_held = _health(url, samples)
        finally:
            for sock in held:
                sock.close()
        out(
            f"/health alone: p50 {pct(health_calm, 50):.1f} ms, p99 {pct(health_calm, 99):.1f} ms; "
            f"with 500 half-open connections: p50 {pct(health_held, 50):.1f} ms, "
            f"p99 {pct(health_held, 99):.1f} ms"
        )
        return {
            "database": described.split(" ")[0],
            "mutation_p50_ms": round(pct(calm, 50), 2),
            "mutation_p99_ms": round(pct(calm, 99), 2),
            "flood_mutation_p50_ms": round(pct(stormy, 50), 2),
            "flood_mutation_p99_ms": round(pct(stormy, 99), 2),
            "flood_p99_ratio": round(ratio, 2),
            "failed_sign_ins": sent[0],
            "health_p99_ms": round(pct(health_calm, 99), 2),
            "health_p99_half_open_ms": round(pct(health_held, 99), 2),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", help="a PostgreSQL admin URL (default: SQLite)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.database_url, args.quick)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
