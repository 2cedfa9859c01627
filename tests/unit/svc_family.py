"""The realistic household of issue 5, built with plain ORM rows (shared by the test_svc_* files).

Familie Bakker: two parents, three children; debts; the eldest (16 years 8 months on
the fixed test day 2026-11-23) is absent from school a lot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy.orm import Session

from caseworker.models import Household, HouseholdStatus, NetworkContact, Person, PersonRole
from caseworker.reference.loader import load_reference
from caseworker.reference.types import Reference

TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Family:
    household_id: str
    father_id: str
    mother_id: str
    eldest_id: str  # 16 years 8 months, school absence
    middle_id: str
    youngest_id: str
    grandma_id: str  # network contact


def add_person(
    session: Session, household_id: str, given: str, born: date, role: PersonRole
) -> str:
    person = Person(
        household_id=household_id,
        given_name=given,
        family_name="Bakker",
        birth_date=born,
        role=role,
    )
    session.add(person)
    session.flush()
    return person.id


def make_family(session: Session, *, name: str = "Familie Bakker") -> Family:
    household = Household(
        name=name,
        street="Eikenlaan",
        house_number="12",
        postcode="9741 AB",
        city="Groningen",
        neighbourhood="Vinkhuizen",
        status=HouseholdStatus.INTAKE,
        opened_on=date(2026, 11, 2),
    )
    session.add(household)
    session.flush()
    hid = household.id
    grandma = NetworkContact(
        household_id=hid, name="Oma Wietske", relation="oma", can_help_with="kinderen ophalen"
    )
    session.add(grandma)
    session.flush()
    return Family(
        household_id=hid,
        father_id=add_person(session, hid, "Mark", date(1984, 5, 2), PersonRole.PARENT),
        mother_id=add_person(session, hid, "Sandra", date(1986, 9, 14), PersonRole.PARENT),
        eldest_id=add_person(session, hid, "Lisa", date(2010, 3, 15), PersonRole.CHILD),
        middle_id=add_person(session, hid, "Tim", date(2014, 6, 30), PersonRole.CHILD),
        youngest_id=add_person(session, hid, "Noor", date(2019, 1, 8), PersonRole.CHILD),
        grandma_id=grandma.id,
    )


@lru_cache(maxsize=1)
def reference() -> Reference:
    """The shipped reference data, loaded once per test run."""
    return load_reference()
