"""Small input-cleaning and audit helpers shared by the intake / plan services.

Messages are Dutch and never echo the rejected value (it may be personal data).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from caseworker.models import Household, Person, SyncMixin

from .audit import AuditAction, record
from .context import ServiceContext
from .errors import NotFound, ValidationError


def optional_text(value: str | None, field: str, max_len: int | None = None) -> str | None:
    """Trimmed text, ``None`` when empty. Too long → ValidationError (value not echoed)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, "moet tekst zijn")
    cleaned = value.strip()
    if not cleaned:
        return None
    if max_len is not None and len(cleaned) > max_len:
        raise ValidationError(field, f"is te lang (maximaal {max_len} tekens)")
    return cleaned


def required_text(
    value: str | None, field: str, message: str = "is verplicht", max_len: int | None = None
) -> str:
    cleaned = optional_text(value, field, max_len)
    if cleaned is None:
        raise ValidationError(field, message)
    return cleaned


def check_code(value: str | None, field: str, allowed: frozenset[str], message: str) -> str:
    if value is None or value not in allowed:
        raise ValidationError(field, message)
    return value


def check_date(value: date | None, field: str, *, required: bool = False) -> date | None:
    if value is None:
        if required:
            raise ValidationError(field, "datum is verplicht")
        return None
    if not isinstance(value, date):
        raise ValidationError(field, "is geen geldige datum")
    return value


def get_live(session: Session, model: type[Any], object_id: str, what: str) -> Any:
    """A row by id that is not a tombstone, else NotFound(what)."""
    row = session.get(model, object_id)
    if row is None or getattr(row, "deleted", False):
        raise NotFound(what)
    return row


def get_household(session: Session, household_id: str) -> Household:
    household: Household = get_live(session, Household, household_id, "huishouden")
    return household


def check_person(
    session: Session, household_id: str, person_id: str | None, field: str = "person_id"
) -> str | None:
    """The person must be a (live) member of this household."""
    if person_id is None:
        return None
    person = session.get(Person, person_id)
    if person is None or person.deleted or person.household_id != household_id:
        raise ValidationError(field, "persoon hoort niet bij dit huishouden")
    return person_id


def touch(row: SyncMixin, ctx: ServiceContext) -> None:
    row.updated_by = ctx.user_id


def audit(
    session: Session,
    ctx: ServiceContext,
    action: AuditAction,
    object_type: str,
    object_id: str,
    household_id: str | None,
    **detail: Any,
) -> None:
    """Audit one mutation; ``detail`` must hold ids, codes and field names only."""
    record(
        session,
        ctx,
        action,
        object_type=object_type,
        object_id=object_id,
        household_id=household_id,
        detail=detail or None,
    )


def changed_fields(row: object, values: dict[str, object]) -> list[str]:
    """The names (sorted) of the fields whose value in ``values`` differs from ``row``."""
    return sorted(k for k, v in values.items() if getattr(row, k) != v)


def apply_update(
    session: Session,
    ctx: ServiceContext,
    row: SyncMixin,
    values: dict[str, object],
    object_type: str,
    household_id: str | None,
) -> list[str]:
    """Set the fields of ``values`` that differ from ``row``, mark the row as changed by
    ``ctx`` and audit the changed field names (never their values). Returns those names;
    an empty list means nothing changed and nothing was written."""
    fields = changed_fields(row, values)
    if not fields:
        return fields
    for key in fields:
        setattr(row, key, values[key])
    touch(row, ctx)
    session.flush()
    audit(session, ctx, AuditAction.UPDATE, object_type, str(row.id), household_id, fields=fields)
    return fields


def tombstone(
    session: Session,
    ctx: ServiceContext,
    row: SyncMixin,
    object_type: str,
    household_id: str | None,
) -> None:
    """Mark ``row`` deleted (never a hard delete: sync carries the tombstone) and audit it."""
    row.deleted = True
    touch(row, ctx)
    session.flush()
    audit(session, ctx, AuditAction.DELETE, object_type, str(row.id), household_id)


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (day clamped to the month's end)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover
