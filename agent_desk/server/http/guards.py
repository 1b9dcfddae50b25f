"""What every request passes before a route sees it: a size limit on the body (refused before it
is read into memory) and a nesting limit on JSON bodies (refused before any recursive parser or
validator walks it: 900 nested arrays used to end in a 500 and a 207 KB traceback)."""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agent_desk.server.http.errors import error_response

MAX_JSON_DEPTH = 32
# a backslash escape (skipped whole), a quote, or a bracket
_TOKENS = re.compile(rb'\\.|["\[\]{}]', re.DOTALL)


def nesting_exceeds(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether JSON text nests arrays/objects deeper than ``limit`` (an iterative scan)."""
    depth = 0
    in_string = False
    for match in _TOKENS.finditer(body):
        char = match.group()[0]
        if char == 0x5C:  # "\\x": inside a string, never a quote or bracket
            continue
        if char == 0x22:
            in_string = not in_string
        elif in_string:
            continue
        elif char in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


class RequestGuard:
    """Body size and JSON nesting limits for every HTTP request that carries a body."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, max_depth: int = MAX_JSON_DEPTH) -> None:
        self.app, self.max_bytes, self.max_depth = app, max_bytes, max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = True
                if too_big:
                    await self._refuse(scope, receive, send, 413, "too_large")
                    return
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await self._refuse(scope, receive, send, 413, "too_large")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if nesting_exceeds(body, self.max_depth):
            await self._refuse(scope, receive, send, 400, "too_deep")
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect

        await self.app(scope, replay, send)

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, status: int, code: str
    ) -> None:
        message = {
            "too_large": "the request body is too large",
            "too_deep": f"the JSON body nests deeper than {self.max_depth} levels",
        }[code]
        await error_response(status, code, message, {"Connection": "close"})(scope, receive, send)
