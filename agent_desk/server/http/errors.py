"""Errors as the API answers them: ``{"error": {"code", "message"}}`` with a fitting status.

Client errors (4xx) are logged at most as one INFO line, never with a traceback; only an
unexpected failure (500) logs one.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from agent_desk.core.errors import DomainError

log = logging.getLogger(__name__)

DOMAIN_STATUS = {
    "not_found": 404,
    "forbidden": 403,
    "invalid_cursor": 400,
    "reset_required": 410,
    "too_large": 413,
    "invalid_state": 409,
}


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status, headers=headers)


def first_error(exc: Exception) -> str:
    """The first problem a pydantic validation error names, as ``where: what``."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        items = errors()
        if items:
            where = ".".join(str(p) for p in items[0].get("loc", ()))
            return f"{where}: {items[0].get('msg', 'invalid')}"
    return "the body is not valid JSON for this endpoint"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_r: Request, exc: ApiError) -> JSONResponse:
        headers = dict(exc.headers or {})
        if exc.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        return error_response(exc.status, exc.code, exc.message, headers or None)

    @app.exception_handler(DomainError)
    async def _domain_error(_r: Request, exc: DomainError) -> JSONResponse:
        return error_response(DOMAIN_STATUS.get(exc.code, 422), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_request", first_error(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_r: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}.get(
            exc.status_code, "http_error"
        )
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _crash(_r: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error: %s", type(exc).__name__, exc_info=exc)
        return error_response(500, "internal", "the server failed; the request can be retried")
