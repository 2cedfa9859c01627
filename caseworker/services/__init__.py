"""Use cases. Plain Python: each takes a Session (and a ServiceContext), returns plain objects."""

from .context import ServiceContext
from .errors import NotFound, RuleViolation, ServiceError, ValidationError

__all__ = ["NotFound", "RuleViolation", "ServiceContext", "ServiceError", "ValidationError"]
