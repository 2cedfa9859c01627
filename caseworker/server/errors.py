"""Errors that become clear JSON answers ``{"detail": ..., "revoked": ...}``."""

from __future__ import annotations


class ApiError(Exception):
    """An answer other than 2xx. ``detail`` never holds personal data."""

    def __init__(self, status: int, detail: str, *, revoked: bool = False) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.revoked = revoked
        self.headers: dict[str, str] = {}


def bad_request(detail: str) -> ApiError:
    return ApiError(422, detail)


def forbidden(detail: str) -> ApiError:
    return ApiError(403, detail)


def not_found(detail: str) -> ApiError:
    return ApiError(404, detail)


def conflict(detail: str) -> ApiError:
    return ApiError(409, detail)
