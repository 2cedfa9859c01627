"""Read the household's members and network as dialog choices (through the services)."""

from __future__ import annotations

from caseworker.models import PersonRole
from caseworker.services.network import list_contacts
from caseworker.services.persons import list_persons
from caseworker.ui.deps import AppDeps

from .choices import NetworkChoice, PersonChoice


def person_choices(deps: AppDeps, household_id: str) -> list[PersonChoice]:
    with deps.store.session() as session:
        persons = list_persons(session, household_id, today=deps.ctx.today())
    return [
        PersonChoice(
            id=p.id,
            label=f"{p.given_name} {p.family_name}".strip()
            + (f" ({p.age})" if p.age is not None else ""),
            is_child=p.role == PersonRole.CHILD,
            birth_date=p.birth_date,
        )
        for p in persons
    ]


def network_choices(deps: AppDeps, household_id: str) -> list[NetworkChoice]:
    with deps.store.session() as session:
        contacts = list_contacts(session, household_id)
    return [NetworkChoice(id=c.id, label=f"{c.name} ({c.relation})") for c in contacts]
