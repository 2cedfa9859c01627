"""The inputs of the two sync routes read by hand: the bearer token and the pull's query
parameters, with the same answers (401, 422) and OpenAPI description as FastAPI's own
parameters and ``HTTPBearer`` give. Each FastAPI dependency and parameter costs the event
loop ≈ 0.1 ms per request (measured: dependency solving was 12 % of the server's CPU in
the 100-device benchmark); these routes run on every sync of every device."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import Field, TypeAdapter, ValidationError

from .errors import ApiError

SECURITY: list[dict[str, list[str]]] = [{"HTTPBearer": []}]  # the scheme of ``HTTPBearer``


def bearer_token(request: Request) -> str:
    """The device token of ``Authorization: Bearer …`` (401 without one, as the routes with
    ``Depends(HTTPBearer(auto_error=False))`` answer)."""
    header = request.headers.get("authorization")
    scheme, _, token = (header or "").partition(" ")
    if not header or scheme.lower() != "bearer" or not token:
        raise ApiError(401, "device token required")
    if len(token) > 256:
        raise ApiError(401, "unknown device token")
    return token


@cache
def _int_between(low: int, high: int) -> TypeAdapter[int]:
    return TypeAdapter(Annotated[int, Field(ge=low, le=high)])


def query_int(request: Request, name: str, default: int, low: int, high: int) -> int:
    """Query parameter ``name``: a whole number in [low, high], ``default`` if absent; a bad
    value is a 422 located at ``query.<name>``, as FastAPI answers it."""
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        return _int_between(low, high).validate_python(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**error, "loc": ("query", name, *error["loc"])} for error in exc.errors()]
        ) from None


def query_schema(name: str, default: int, low: int, high: int) -> dict[str, Any]:
    """The OpenAPI description of a :func:`query_int` parameter."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": {
            "type": "integer",
            "maximum": high,
            "minimum": low,
            "default": default,
            "title": name.title(),
        },
    }
