"""Service-level errors. Messages are Dutch and never contain personal data."""

from __future__ import annotations

from caseworker.models.validators import ValidationError


class ServiceError(Exception):
    pass


class NotFound(ServiceError):
    def __init__(self, what: str) -> None:
        super().__init__(f"{what} niet gevonden")
        self.what = what


class RuleViolation(ServiceError):
    """A domain rule (not a single field) is broken, e.g. a second plan for a household."""


__all__ = ["NotFound", "RuleViolation", "ServiceError", "ValidationError"]
