"""The social network of a household (sociaal netwerk): who can help with what (trede 1)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import NetworkContact, Person
from caseworker.models.validators import ValidationError

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


@dataclass(frozen=True)
class NetworkContactInput:
    name: str
    relation: str
    phone: str | None = None
    can_help_with: str | None = None
    availability: str | None = None
    person_id: str | None = None  # whose contact; None = the whole household


@dataclass(frozen=True)
class NetworkContactView:
    id: str
    household_id: str
    name: str
    relation: str
    phone: str | None
    can_help_with: str | None
    availability: str | None
    person_id: str | None
    person_name: str | None


def _validated(session: Session, household_id: str, data: NetworkContactInput) -> dict[str, object]:
    values: dict[str, object] = {
        "name": clean_required(data.name, "name", 200),
        "relation": clean_required(data.relation, "relation", 100),
        "phone": clean_phone(data.phone),
        "can_help_with": clean_optional(data.can_help_with, "can_help_with", 4000),
        "availability": clean_optional(data.availability, "availability", 200),
        "person_id": data.person_id,
    }
    if data.person_id is not None:
        person = session.get(Person, data.person_id)
        if person is None or person.deleted or person.household_id != household_id:
            raise ValidationError("person_id", "gezinslid hoort niet bij dit huishouden")
    return values


def _load(session: Session, contact_id: str) -> NetworkContact:
    contact = session.get(NetworkContact, contact_id)
    if contact is None or contact.deleted:
        raise NotFound("netwerkcontact")
    return contact


def add_contact(
    session: Session, ctx: ServiceContext, household_id: str, data: NetworkContactInput
) -> str:
    household = require_household(session, household_id)
    values = _validated(session, household.id, data)
    contact = NetworkContact(household_id=household.id, updated_by=ctx.user_id, **values)
    session.add(contact)
    session.flush()
    audit.record(
        session,
        ctx,
        AuditAction.CREATE,
        object_type="network_contact",
        object_id=contact.id,
        household_id=household.id,
    )
    return contact.id


def update_contact(
    session: Session, ctx: ServiceContext, contact_id: str, data: NetworkContactInput
) -> None:
    contact = _load(session, contact_id)
    values = _validated(session, contact.household_id, data)
    apply_update(session, ctx, contact, values, "network_contact", contact.household_id)


def remove_contact(session: Session, ctx: ServiceContext, contact_id: str) -> None:
    """Tombstone, never a hard delete."""
    contact = _load(session, contact_id)
    tombstone(session, ctx, contact, "network_contact", contact.household_id)


def list_contacts(session: Session, household_id: str) -> list[NetworkContactView]:
    rows = session.execute(
        select(NetworkContact, Person.given_name, Person.family_name)
        .outerjoin(Person, Person.id == NetworkContact.person_id)
        .where(NetworkContact.household_id == household_id, NetworkContact.deleted.is_(False))
        .order_by(NetworkContact.name)
    ).all()
    return [
        NetworkContactView(
            id=c.id,
            household_id=c.household_id,
            name=c.name,
            relation=c.relation,
            phone=c.phone,
            can_help_with=c.can_help_with,
            availability=c.availability,
            person_id=c.person_id,
            person_name=f"{given} {family}" if given is not None else None,
        )
        for c, given, family in rows
    ]
