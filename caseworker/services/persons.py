"""Members of a household (gezinsleden). Removal is a tombstone, never a hard delete."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import Person, PersonRole
from caseworker.models.validators import ValidationError, check_birth_date, normalise_bsn

from . import audit
from ._inputs import apply_update, tombstone
from .audit import AuditAction
from .context import ServiceContext
from .errors import NotFound
from .households import (
    clean_optional,
    clean_phone,
    clean_required,
    require_household,
)

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class PersonInput:
    given_name: str
    family_name: str
    birth_date: date | None = None
    role: PersonRole | str = PersonRole.OTHER
    bsn: str | None = None
    phone: str | None = None
    email: str | None = None
    school_or_work: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class PersonView:
    id: str
    household_id: str
    given_name: str
    family_name: str
    birth_date: date | None
    age: int | None
    role: PersonRole
    bsn: str | None
    phone: str | None
    email: str | None
    school_or_work: str | None
    note: str | None

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


def age_on(birth_date: date | None, today: date) -> int | None:
    """Whole years on ``today`` (None without a birth date)."""
    if birth_date is None:
        return None
    years = today.year - birth_date.year
    if (today.month, today.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def _validated(session: Session, ctx: ServiceContext, data: PersonInput) -> dict[str, object]:
    try:
        role = PersonRole(data.role)
    except ValueError:
        raise ValidationError("role", "onbekende rol") from None
    if data.birth_date is not None and not isinstance(data.birth_date, date):
        raise ValidationError("birth_date", "moet een datum zijn")
    email = clean_optional(data.email, "email", 200)
    if email is not None and not _EMAIL_RE.match(email):
        raise ValidationError("email", "is geen geldig e-mailadres")
    bsn_text = clean_optional(data.bsn, "bsn", 20)
    return {
        "given_name": clean_required(data.given_name, "given_name", 100),
        "family_name": clean_required(data.family_name, "family_name", 100),
        "birth_date": check_birth_date(data.birth_date, ctx.today()),
        "role": role,
        "bsn": normalise_bsn(bsn_text),
        "phone": clean_phone(data.phone),
        "email": email,
        "school_or_work": clean_optional(data.school_or_work, "school_or_work", 200),
        "note": clean_optional(data.note, "note", 4000),
    }


def _check_bsn_unique(
    session: Session, household_id: str, bsn: object, exclude_id: str | None
) -> None:
    if bsn is None:
        return
    query = select(Person.id).where(
        Person.household_id == household_id, Person.bsn == bsn, Person.deleted.is_(False)
    )
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
    if session.execute(query.limit(1)).first() is not None:
        raise ValidationError("bsn", "dit BSN hoort al bij een ander gezinslid")


def _load(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFound("gezinslid")
    return person


def add_person(session: Session, ctx: ServiceContext, household_id: str, data: PersonInput) -> str:
    household = require_household(session, household_id)
    values = _validated(session, ctx, data)
    _check_bsn_unique(session, household.id, values["bsn"], None)
    person = Person(household_id=household.id, updated_by=ctx.user_id, **values)
    session.add(person)
    session.flush()
    audit.record(
        session,
        ctx,
        AuditAction.CREATE,
        object_type="person",
        object_id=person.id,
        household_id=household.id,
    )
    return person.id


def update_person(session: Session, ctx: ServiceContext, person_id: str, data: PersonInput) -> None:
    person = _load(session, person_id)
    values = _validated(session, ctx, data)
    _check_bsn_unique(session, person.household_id, values["bsn"], person.id)
    apply_update(session, ctx, person, values, "person", person.household_id)


def remove_person(session: Session, ctx: ServiceContext, person_id: str) -> None:
    """Tombstone (``deleted=True``): the row stays until sync has carried the deletion."""
    person = _load(session, person_id)
    tombstone(session, ctx, person, "person", person.household_id)


def person_view(person: Person, today: date) -> PersonView:
    return PersonView(
        id=person.id,
        household_id=person.household_id,
        given_name=person.given_name,
        family_name=person.family_name,
        birth_date=person.birth_date,
        age=age_on(person.birth_date, today),
        role=person.role,
        bsn=person.bsn,
        phone=person.phone,
        email=person.email,
        school_or_work=person.school_or_work,
        note=person.note,
    )


def get_person(session: Session, person_id: str, *, today: date | None = None) -> PersonView:
    return person_view(_load(session, person_id), today or date.today())


def list_persons(
    session: Session, household_id: str, *, today: date | None = None
) -> list[PersonView]:
    """Live members, parents first, then by birth date. Pass ``today=ctx.today()``."""
    on = today or date.today()
    rows = session.execute(
        select(Person).where(Person.household_id == household_id, Person.deleted.is_(False))
    ).scalars()
    role_order = {PersonRole.PARENT: 0, PersonRole.OTHER: 1, PersonRole.CHILD: 2}
    persons = sorted(
        rows,
        key=lambda p: (role_order.get(p.role, 3), p.birth_date or date.max, p.given_name),
    )
    return [person_view(p, on) for p in persons]
