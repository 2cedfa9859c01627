"""Toekomstplan for a youth in care at 16½ (seed 002): wonen, dagbesteding, financiën,
sociale contacten, and continuity of care after 18 (seed 001). Callers commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import FuturePlan

from ._inputs import audit, check_date, check_person, get_household, optional_text, touch
from .audit import AuditAction
from .context import ServiceContext
from .errors import ValidationError

#: The four life areas a complete future plan covers (seed 002).
REQUIRED_AREAS = ("housing", "daytime_activity", "finances", "social_contacts")


@dataclass(frozen=True)
class FuturePlanInput:
    housing: str | None = None  # wonen
    daytime_activity: str | None = None  # dagbesteding / school / werk
    finances: str | None = None  # financiën
    social_contacts: str | None = None  # sociale contacten
    care_after_18: str | None = None  # continuïteit 18-/18+
    agreed_on: date | None = None


@dataclass(frozen=True)
class FuturePlanView:
    id: str
    household_id: str
    person_id: str
    housing: str | None
    daytime_activity: str | None
    finances: str | None
    social_contacts: str | None
    care_after_18: str | None
    agreed_on: date | None

    @property
    def missing_areas(self) -> tuple[str, ...]:
        """Codes of the four areas still empty (see REQUIRED_AREAS)."""
        return tuple(a for a in REQUIRED_AREAS if not (getattr(self, a) or "").strip())

    @property
    def is_complete(self) -> bool:
        return not self.missing_areas


def _view(row: FuturePlan) -> FuturePlanView:
    return FuturePlanView(
        id=row.id,
        household_id=row.household_id,
        person_id=row.person_id,
        housing=row.housing,
        daytime_activity=row.daytime_activity,
        finances=row.finances,
        social_contacts=row.social_contacts,
        care_after_18=row.care_after_18,
        agreed_on=row.agreed_on,
    )


def _row(session: Session, person_id: str) -> FuturePlan | None:
    return session.execute(
        select(FuturePlan).where(FuturePlan.person_id == person_id, FuturePlan.deleted.is_(False))
    ).scalar_one_or_none()


def save_future_plan(
    session: Session,
    ctx: ServiceContext,
    household_id: str,
    person_id: str,
    data: FuturePlanInput,
) -> str:
    """Create or update the youth's one future plan (saved at every field change)."""
    get_household(session, household_id)
    if check_person(session, household_id, person_id) is None:
        raise ValidationError("person_id", "kies de jongere voor wie het toekomstplan is")
    agreed_on = check_date(data.agreed_on, "agreed_on")
    if agreed_on is not None and agreed_on > ctx.today():
        raise ValidationError("agreed_on", "de datum van afspraak ligt in de toekomst")
    values = {
        "housing": optional_text(data.housing, "housing"),
        "daytime_activity": optional_text(data.daytime_activity, "daytime_activity"),
        "finances": optional_text(data.finances, "finances"),
        "social_contacts": optional_text(data.social_contacts, "social_contacts"),
        "care_after_18": optional_text(data.care_after_18, "care_after_18"),
        "agreed_on": agreed_on,
    }
    row = _row(session, person_id)
    if row is None:
        row = FuturePlan(household_id=household_id, person_id=person_id, **values)
        action = AuditAction.CREATE
        session.add(row)
        changed = sorted(k for k, v in values.items() if v is not None)
    else:
        action = AuditAction.UPDATE
        changed = sorted(k for k, v in values.items() if getattr(row, k) != v)
        for key, value in values.items():
            setattr(row, key, value)
    touch(row, ctx)
    session.flush()
    audit(
        session, ctx, action, "future_plan", row.id, household_id,
        person_id=person_id, fields=changed,
    )  # fmt: skip
    return row.id


def get_future_plan(session: Session, person_id: str) -> FuturePlanView | None:
    row = _row(session, person_id)
    return _view(row) if row is not None else None


def future_plans_of_household(session: Session, household_id: str) -> dict[str, FuturePlanView]:
    """person_id → future plan, for the dossier and the nudges."""
    rows = session.execute(
        select(FuturePlan).where(
            FuturePlan.household_id == household_id, FuturePlan.deleted.is_(False)
        )
    ).scalars()
    return {r.person_id: _view(r) for r in rows}
