"""The demo's stand-in for a shop's app and a social-media bridge: a small HTTP receiver on
loopback that takes the server's webhook deliveries (checking their signature), logs them, and
confirms them with signed receipts — delivered at once, read a few seconds later — as a real
platform would."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from agent_desk.protocol.signing import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    signature_problem,
    signed_headers,
)

log = logging.getLogger(__name__)

READ_AFTER_S = 4.0  # the simulated customer opens the app a moment later


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default 5 drops concurrent connects (a 1 s SYN retry each)
    daemon_threads = True


class DemoReceiver:
    """Receives deliveries for the channels in ``secrets`` (channel → secret)."""

    def __init__(self, secrets: dict[str, bytes], *, read_after_s: float = READ_AFTER_S) -> None:
        self.secrets = secrets
        self.read_after_s = read_after_s
        self.server_url = ""  # where receipts go (set once the demo server runs)
        self.received: list[dict[str, Any]] = []
        self.on_delivery: Callable[[dict[str, Any]], None] | None = None
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._timers: list[threading.Timer] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(min(length, 1 << 20))
                status = receiver.take(self.path, dict(self.headers.items()), body)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass  # the demo logs deliveries itself

        self._http = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._http.serve_forever, name="demo receiver", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> DemoReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        for timer in self._timers:
            timer.cancel()
        self._http.shutdown()
        self._http.server_close()

    def take(self, path: str, headers: dict[str, str], body: bytes) -> int:
        channel = path.rstrip("/").rsplit("/", 1)[-1]
        secret = self.secrets.get(channel)
        if secret is None:
            return 404
        lower = {k.lower(): v for k, v in headers.items()}
        problem = signature_problem(
            secret,
            channel,
            body,
            timestamp=lower.get(TIMESTAMP_HEADER.lower()),
            signature=lower.get(SIGNATURE_HEADER.lower()),
        )
        if problem is not None:
            log.warning("demo receiver: a delivery with a bad signature (%s)", problem)
            return 401
        payload = json.loads(body)
        delivery_id = str(payload["delivery_id"])
        with self._lock:
            if delivery_id in self._seen:
                return 200  # a repeat: already have it
            self._seen.add(delivery_id)
            self.received.append(payload)
        log.info("demo receiver: %s reply delivered (%s)", channel, delivery_id)
        if self.on_delivery is not None:
            self.on_delivery(payload)
        self._receipt(channel, delivery_id, "delivered", 0.2)
        self._receipt(channel, delivery_id, "read", self.read_after_s)
        return 200

    def _receipt(self, channel: str, delivery_id: str, status: str, after: float) -> None:
        def send() -> None:
            body = json.dumps({"delivery_id": delivery_id, "status": status}).encode()
            headers = signed_headers(self.secrets[channel], channel, body)
            headers["Content-Type"] = "application/json"
            try:
                httpx.post(
                    f"{self.server_url}/api/v1/deliveries/receipts",
                    content=body,
                    headers=headers,
                    timeout=5,
                )
            except httpx.HTTPError as exc:
                log.info("demo receiver: the receipt did not arrive (%s)", exc)

        timer = threading.Timer(after, send)
        timer.daemon = True
        self._timers = [t for t in self._timers if t.is_alive()] + [timer]
        timer.start()
