"""Delivery: how long an agent's reply takes to reach the channel's webhook, and how many
deliveries a server sends per second.

The embedded demo server (SQLite; its webhook connection for `app` pointed at this bench's
receiver with ``--outbound``) on loopback. Latency: one reply at a time, from the moment the
agent's mutation is posted to the moment the receiver has the signed delivery. Throughput: 1,000
replies posted in batches of 100; the time until the receiver has all of them.

    .venv/bin/python bench/delivery_bench.py [--replies 200] [--burst 1000]
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from agent_desk.core.ids import new_id
from agent_desk.server.demo.launch import demo_server

API = "/api/v1"


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default 5 drops concurrent connects (a 1 s SYN retry each)
    daemon_threads = True


class Receiver:
    """Records when each message's delivery arrived (first arrival only)."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.lock = threading.Lock()
        self.event = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                message_id = json.loads(body)["message_id"]
                with receiver.lock:
                    receiver.arrived.setdefault(message_id, time.perf_counter())
                receiver.event.set()
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self.http = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http.server_address[1]}/app"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def app_conversation(http: httpx.Client, agent_id: str) -> str:
    after = None
    while True:
        page = http.get("/changes", params={"limit": 5000, **({"after": after} if after else {})})
        body = page.json()
        for change in body["changes"]:
            data = change.get("data") or {}
            if (
                change["entity"] == "conversation"
                and data.get("channel") == "app"
                and data.get("assignee_id") == agent_id
                and data.get("status") != "resolved"
            ):
                return str(change["id"])
        after = body["cursor"]
        if not body["has_more"]:
            raise RuntimeError("no app conversation of the agent in the demo data")


def mutation(conv: str, body: str) -> tuple[str, dict[str, Any]]:
    message_id = new_id()
    return message_id, {
        "id": new_id(),
        "name": "message.send",
        "args": {"conversation_id": conv, "message_id": message_id, "body": body},
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replies", type=int, default=200)
    parser.add_argument("--burst", type=int, default=1000)
    args = parser.parse_args()
    receiver = Receiver()
    server = demo_server(simulator_rate=None, outbound=(("app", receiver.url),))
    try:
        with httpx.Client(base_url=server.url + API, timeout=30) as http:
            login = http.post("/auth/login", json={"username": "agent", "password": "demo"})
            http.headers["Authorization"] = f"Bearer {login.json()['token']}"
            conv = app_conversation(http, login.json()["agent"]["id"])
            latencies = []
            for n in range(args.replies):
                message_id, m = mutation(conv, f"latency reply {n}")
                started = time.perf_counter()
                http.post("/mutations", json={"client_id": "bench", "mutations": [m]})
                deadline = time.monotonic() + 10
                while message_id not in receiver.arrived:
                    receiver.event.wait(0.01)
                    receiver.event.clear()
                    if time.monotonic() > deadline:
                        raise RuntimeError("a delivery did not arrive within 10 s")
                latencies.append((receiver.arrived[message_id] - started) * 1000)
            print(
                f"agent reply -> webhook receiver ({args.replies} replies, one at a time): "
                f"p50 {pct(latencies, 50):.1f} ms, p99 {pct(latencies, 99):.1f} ms"
            )
            wanted: set[str] = set()
            started = time.perf_counter()
            for start in range(0, args.burst, 100):
                batch = [mutation(conv, f"burst {n}") for n in range(start, start + 100)]
                wanted.update(message_id for message_id, _m in batch)
                http.post(
                    "/mutations",
                    json={"client_id": "bench", "mutations": [m for _id, m in batch]},
                )
            posted = time.perf_counter() - started
            print(f"  posting the {args.burst} replies took {posted:.2f} s")
            while not wanted <= set(receiver.arrived):
                time.sleep(0.01)
            elapsed = time.perf_counter() - started
            print(
                f"{args.burst} replies in batches of 100 -> all delivered in {elapsed:.2f} s: "
                f"{args.burst / elapsed:.0f} deliveries/s (posting included)"
            )
    finally:
        server.stop()
        receiver.http.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
