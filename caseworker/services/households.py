"""Households (huishoudens): create, update, read.

Every change writes an audit event with ids and field names only. Validation
errors name the field, never the rejected value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import CareEpisode, Household, HouseholdStatus, Team, User
from caseworker.models.validators import ValidationError, normalise_postcode, require_text

from . import audit
from ._inputs import apply_update
from .audit import AuditAction
from .context import ServiceContext
from .errors import NotFound

_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,30}$")

# Fields a caseworker edits; the order is the order of HouseholdInput.
EDITABLE_FIELDS = (
    "name",
    "street",
    "house_number",
    "postcode",
    "city",
    "neighbourhood",
    "phone",
    "team_id",
    "coordinator_id",
    "opened_on",
)


@dataclass(frozen=True)
class HouseholdInput:
    """What a form submits.

    On create, ``coordinator_id`` None means the acting user, ``team_id`` None the
    coordinator's team and ``opened_on`` None today. On update these three keep their
    current value when None (a form that does not show them cannot clear them); the
    other fields are replaced, None or blank clearing them."""

    name: str
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None
    city: str | None = None
    neighbourhood: str | None = None
    phone: str | None = None
    team_id: str | None = None
    coordinator_id: str | None = None
    opened_on: date | None = None


@dataclass(frozen=True)
class HouseholdView:
    id: str
    name: str
    street: str | None
    house_number: str | None
    postcode: str | None
    city: str | None
    neighbourhood: str | None
    phone: str | None
    team_id: str | None
    team_name: str | None
    coordinator_id: str | None
    coordinator_name: str | None
    status: HouseholdStatus
    opened_on: date
    closed_on: date | None
    closing_reason: str | None
    closing_note: str | None
    version: int
    updated_at: datetime

    @property
    def address_line(self) -> str:
        return address_line(self.street, self.house_number, self.postcode, self.city)


def address_line(
    street: str | None, house_number: str | None, postcode: str | None, city: str | None
) -> str:
    """'Hoofdstraat 12a, 9712 AB Groningen' with missing parts left out."""
    first = f"{street} {house_number}" if street and house_number else street or house_number
    second = f"{postcode} {city}" if postcode and city else postcode or city
    if first and second:
        return f"{first}, {second}"
    return first or second or ""


# --- shared validation helpers (used by persons, network, journal) -----------------


def clean_optional(value: str | None, field: str, max_length: int) -> str | None:
    """Strip; empty becomes None; too long is a ValidationError."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, "moet tekst zijn")
    cleaned = value.strip()
    if not cleaned:
        return None
    if len(cleaned) > max_length:
        raise ValidationError(field, f"mag niet langer zijn dan {max_length} tekens")
    return cleaned


def clean_required(value: str | None, field: str, max_length: int) -> str:
    if value is not None and not isinstance(value, str):
        raise ValidationError(field, "moet tekst zijn")
    cleaned = require_text(value, field)
    if len(cleaned) > max_length:
        raise ValidationError(field, f"mag niet langer zijn dan {max_length} tekens")
    return cleaned


def clean_phone(value: str | None, field: str = "phone") -> str | None:
    cleaned = clean_optional(value, field, 32)
    if cleaned is not None and not _PHONE_RE.match(cleaned):
        raise ValidationError(field, "is geen geldig telefoonnummer")
    return cleaned


# --- households ----------------------------------------------------------------------


def _load(session: Session, household_id: str) -> Household:
    household = session.get(Household, household_id)
    if household is None or household.deleted:
        raise NotFound("huishouden")
    return household


def require_household(session: Session, household_id: str) -> Household:
    """The live (not tombstoned) household, or NotFound."""
    return _load(session, household_id)


def _validated(
    session: Session,
    ctx: ServiceContext,
    data: HouseholdInput,
    *,
    current: Household | None = None,
) -> dict[str, object]:
    creating = current is None
    values: dict[str, object] = {
        "name": clean_required(data.name, "name", 200),
        "street": clean_optional(data.street, "street", 200),
        "house_number": clean_optional(data.house_number, "house_number", 20),
        "postcode": normalise_postcode(clean_optional(data.postcode, "postcode", 10)),
        "city": clean_optional(data.city, "city", 100),
        "neighbourhood": clean_optional(data.neighbourhood, "neighbourhood", 100),
        "phone": clean_phone(data.phone),
    }
    coordinator_id = data.coordinator_id
    team_id = data.team_id
    opened_on = data.opened_on
    if current is not None:
        coordinator_id = coordinator_id or current.coordinator_id
        team_id = team_id or current.team_id
        opened_on = opened_on or current.opened_on
    if coordinator_id is None and creating:
        coordinator_id = ctx.user_id
    coordinator: User | None = None
    if coordinator_id is not None:
        coordinator = session.get(User, coordinator_id)
        if coordinator is None or coordinator.deleted:
            raise ValidationError("coordinator_id", "onbekende regisseur")
    if team_id is None and creating and coordinator is not None:
        team_id = coordinator.team_id
    if team_id is not None:
        team = session.get(Team, team_id)
        if team is None or team.deleted:
            raise ValidationError("team_id", "onbekend team")
    if opened_on is None:
        opened_on = ctx.today()
    if not isinstance(opened_on, date):
        raise ValidationError("opened_on", "moet een datum zijn")
    if opened_on > ctx.today():
        raise ValidationError("opened_on", "startdatum ligt in de toekomst")
    values.update(coordinator_id=coordinator_id, team_id=team_id, opened_on=opened_on)
    return values


def create_household(session: Session, ctx: ServiceContext, data: HouseholdInput) -> str:
    values = _validated(session, ctx, data)
    household = Household(status=HouseholdStatus.INTAKE, updated_by=ctx.user_id, **values)
    session.add(household)
    session.flush()
    # the first period of care (closing.close_case / reopen_case maintain the next ones)
    session.add(
        CareEpisode(
            household_id=household.id, opened_on=household.opened_on, updated_by=ctx.user_id
        )
    )
    session.flush()
    audit.record(
        session,
        ctx,
        AuditAction.CREATE,
        object_type="household",
        object_id=household.id,
        household_id=household.id,
    )
    return household.id


def update_household(
    session: Session, ctx: ServiceContext, household_id: str, data: HouseholdInput
) -> None:
    household = _load(session, household_id)
    values = _validated(session, ctx, data, current=household)
    opened_on = values["opened_on"]
    if (
        household.closed_on is not None
        and isinstance(opened_on, date)
        and opened_on > household.closed_on
    ):
        raise ValidationError("opened_on", "startdatum ligt na de afsluitdatum")
    apply_update(session, ctx, household, values, "household", household.id)


def _view(
    household: Household, team_name: str | None, coordinator_name: str | None
) -> HouseholdView:
    return HouseholdView(
        id=household.id,
        name=household.name,
        street=household.street,
        house_number=household.house_number,
        postcode=household.postcode,
        city=household.city,
        neighbourhood=household.neighbourhood,
        phone=household.phone,
        team_id=household.team_id,
        team_name=team_name,
        coordinator_id=household.coordinator_id,
        coordinator_name=coordinator_name,
        status=household.status,
        opened_on=household.opened_on,
        closed_on=household.closed_on,
        closing_reason=household.closing_reason,
        closing_note=household.closing_note,
        version=household.version,
        updated_at=household.updated_at,
    )


def get_household(session: Session, household_id: str) -> HouseholdView:
    row = session.execute(
        select(Household, Team.name, User.display_name)
        .outerjoin(Team, Team.id == Household.team_id)
        .outerjoin(User, User.id == Household.coordinator_id)
        .where(Household.id == household_id, Household.deleted.is_(False))
    ).one_or_none()
    if row is None:
        raise NotFound("huishouden")
    return _view(row[0], row[1], row[2])
