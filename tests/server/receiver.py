"""A real HTTP receiver for webhook deliveries, on loopback, for tests: it checks each
delivery's signature, counts deliveries by their id, and answers what the test scripts
(200 by default; a list of statuses to answer first; or down: the port refuses connections)."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from agent_desk.protocol.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, signature_problem

DELIVERY_HEADER = "X-Agent-Desk-Delivery"


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default 5 drops concurrent connects (a 1 s SYN retry each)
    daemon_threads = True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Receiver:
    def __init__(self, secret: str, channel: str, port: int | None = None) -> None:
        self.secret = secret.encode()
        self.channel = channel
        self.port = port or free_port()
        self.script: list[int | tuple[int, dict[str, str]]] = []  # answered first, in order
        self.attempts: list[dict[str, Any]] = []  # every request, with its answer
        self.accepted: dict[str, int] = {}  # delivery id -> times answered 2xx
        self.payloads: dict[str, dict[str, Any]] = {}
        self.bad_signatures = 0
        self._lock = threading.Lock()
        self._http: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def up(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, headers = receiver._answer(dict(self.headers.items()), body)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                reason = b"" if status < 400 else b"no such customer on this platform"
                self.send_header("Content-Length", str(len(reason)))
                self.end_headers()
                self.wfile.write(reason)

            def log_message(self, *_args: Any) -> None:
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self._http = _Server(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._http.serve_forever, daemon=True).start()
        return self

    def down(self) -> None:
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None

    def _answer(self, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str]]:
        lower = {k.lower(): v for k, v in headers.items()}
        problem = signature_problem(
            self.secret,
            self.channel,
            body,
            timestamp=lower.get(TIMESTAMP_HEADER.lower()),
            signature=lower.get(SIGNATURE_HEADER.lower()),
        )
        with self._lock:
            if problem is not None:
                self.bad_signatures += 1
                return 401, {}
            payload = json.loads(body)
            delivery_id = lower.get(DELIVERY_HEADER.lower(), "")
            planned = self.script.pop(0) if self.script else 200
            status, extra = planned if isinstance(planned, tuple) else (planned, {})
            self.attempts.append(
                {"delivery_id": delivery_id, "status": status, "at": time.monotonic()}
            )
            if 200 <= status < 300:
                self.accepted[delivery_id] = self.accepted.get(delivery_id, 0) + 1
                self.payloads[delivery_id] = payload
            return status, extra
