"""Errors at the HTTP edge: sitroom's error tree and FastAPI's own, as JSON {"error": {code, message}}."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from sitroom.errors import ConfigError, InputError, NotFoundError, SitroomError, StoreError


class ApiError(Exception):
    """An HTTP error with a status, a short code and a message that says what to do."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


_STATUS = (
    (NotFoundError, 404, "not_found"),
    (InputError, 422, "bad_request"),
    (StoreError, 503, "store_unavailable"),
    (ConfigError, 500, "misconfigured"),
)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "bad_request",
}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body"))
        value = error.get("input")
        shown = f" (got {value!r})" if isinstance(value, str | int | float) else ""
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}{shown}")
    return "; ".join(parts) + "; see /docs for the parameters of this route"


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of `app` a JSON body {"error": {"code", "message"}} with the right status."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(SitroomError)
    async def _sitroom_error(_request: Request, exc: SitroomError) -> JSONResponse:
        for kind, status, code in _STATUS:
            if isinstance(exc, kind):
                return error_response(status, code, str(exc))
        return error_response(500, "internal", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "bad_request", _describe_validation(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        message = str(exc.detail)
        if exc.status_code == 404:
            message = f"no such route: {request.url.path}; the routes are listed at /docs"
        headers = dict(exc.headers) if exc.headers else None
        return error_response(exc.status_code, _HTTP_CODES.get(exc.status_code, "error"), message, headers)
