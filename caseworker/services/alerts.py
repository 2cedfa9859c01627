"""Signals on the caseload (signaleringen), computed set-based: one query per rule.

Codes are stable English strings; ``message_nl`` is the Dutch text shown to the
caseworker. Messages never contain names, BSNs or free text.

Rules (``today`` is the caseworker's date):

- ``evaluation_due``: the plan (not closed) of an open household has its evaluation date
  on or before today + 14 days (``warning`` when past, ``info`` when coming up).
- ``zrm_due``: in an open household that is active or has a plan, an adult member
  (18+, or of unknown age: the ZRM 2017 is an adult instrument) has a latest
  person-level assessment older than 6 months, or none at all while a plan exists.
- ``future_plan_missing``: a youth aged 16½ up to 18 with an active Jeugdwet provision
  has no future plan (toekomstplan, seed 002).
- ``turning_18``: a youth with an active Jeugdwet provision turns 18 within six months
  (continuity 18-/18+, seed 001).
- ``intake_unfinished``: an open household has a draft intake (``warning`` when it was
  started more than 14 days ago, ``info`` otherwise).
- ``sync_conflict``: an open (unresolved) sync conflict on the household.
- ``escalation_open``: an escalation (Taskforce, De Ploeg, Veilig Thuis) not yet resolved.

"Active Jeugdwet provision": law ``jeugdwet``, status ``granted``, no end date or an
end date today or later.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Date, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from caseworker.models import (
    Assessment,
    Conflict,
    ConflictStatus,
    Escalation,
    FuturePlan,
    Household,
    HouseholdStatus,
    Intake,
    IntakeStatus,
    Law,
    Person,
    Plan,
    PlanStatus,
    Provision,
    ProvisionStatus,
)

CRITICAL = "critical"
WARNING = "warning"
INFO = "info"
SEVERITY_RANK = {CRITICAL: 0, WARNING: 1, INFO: 2}

EVALUATION_DUE = "evaluation_due"
ZRM_DUE = "zrm_due"
FUTURE_PLAN_MISSING = "future_plan_missing"
TURNING_18 = "turning_18"
INTAKE_UNFINISHED = "intake_unfinished"
SYNC_CONFLICT = "sync_conflict"
ESCALATION_OPEN = "escalation_open"

ALERT_CODES = (
    EVALUATION_DUE,
    ZRM_DUE,
    FUTURE_PLAN_MISSING,
    TURNING_18,
    INTAKE_UNFINISHED,
    SYNC_CONFLICT,
    ESCALATION_OPEN,
)

EVALUATION_WINDOW_DAYS = 14
INTAKE_STALE_DAYS = 14
ZRM_MAX_AGE_MONTHS = 6

_Q = TypeVar("_Q", bound=Select[*tuple[Any, ...]])

# Above this many ids an IN (...) list costs more than filtering the result in Python.
_MAX_IN_LIST = 900


@dataclass(frozen=True)
class Alert:
    code: str
    severity: str  # critical | warning | info
    message_nl: str
    due_on: date | None = None
    subject_id: str | None = None  # the person concerned, when the alert is about one


def add_months(day: date, months: int) -> date:
    """Calendar month arithmetic; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError("unreachable")  # pragma: no cover


def _fmt(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def _open_household() -> ColumnElement[bool]:
    return and_(Household.deleted.is_(False), Household.status != HouseholdStatus.CLOSED)


def _restrict(query: _Q, column: Any, ids: frozenset[str] | None) -> _Q:
    if ids is not None and len(ids) <= _MAX_IN_LIST:
        return query.where(column.in_(ids))
    return query


def _active_jeugdwet(today: date) -> ColumnElement[bool]:
    return and_(
        Provision.deleted.is_(False),
        Provision.law == Law.JEUGDWET,
        Provision.status == ProvisionStatus.GRANTED,
        or_(Provision.end_on.is_(None), Provision.end_on >= today),
    )


def _evaluation(
    session: Session, today: date, ids: frozenset[str] | None
) -> Iterable[tuple[str, Alert]]:
    query = (
        select(Plan.household_id, Plan.evaluation_on)
        .join(Household, Household.id == Plan.household_id)
        .where(
            _open_household(),
            Plan.deleted.is_(False),
            Plan.status != PlanStatus.CLOSED,
            Plan.evaluation_on <= today + timedelta(days=EVALUATION_WINDOW_DAYS),
        )
    )
    for household_id, due in session.execute(_restrict(query, Plan.household_id, ids)):
        if due is None:  # pragma: no cover - excluded by the query
            continue
        if due < today:
            alert = Alert(
                EVALUATION_DUE, WARNING, f"Evaluatie van het plan is verlopen ({_fmt(due)})", due
            )
        else:
            alert = Alert(EVALUATION_DUE, INFO, f"Evaluatie van het plan op {_fmt(due)}", due)
        yield household_id, alert


def _zrm(session: Session, today: date, ids: frozenset[str] | None) -> Iterable[tuple[str, Alert]]:
    cutoff = add_months(today, -ZRM_MAX_AGE_MONTHS)
    adult_born_before = add_months(today, -18 * 12)
    latest = (
        select(func.max(Assessment.assessed_on))
        .where(Assessment.person_id == Person.id, Assessment.deleted.is_(False))
        .correlate(Person)
        .scalar_subquery()
    )
    # no assessment at all: due when a plan exists (date.min), never otherwise (date.max)
    when_none = case((Plan.id.is_(None), literal(date.max, Date)), else_=literal(date.min, Date))
    query = (
        select(Person.household_id)
        .select_from(Person)
        .join(Household, Household.id == Person.household_id)
        .outerjoin(
            Plan,
            and_(
                Plan.household_id == Household.id,
                Plan.deleted.is_(False),
                Plan.status != PlanStatus.CLOSED,
            ),
        )
        .where(
            _open_household(),
            Person.deleted.is_(False),
            or_(Person.birth_date.is_(None), Person.birth_date <= adult_born_before),
            or_(Household.status == HouseholdStatus.ACTIVE, Plan.id.is_not(None)),
            func.coalesce(latest, when_none) < cutoff,
        )
    )
    counts: dict[str, int] = defaultdict(int)
    for (household_id,) in session.execute(_restrict(query, Person.household_id, ids)):
        counts[household_id] += 1
    for household_id, n in counts.items():
        who = "1 gezinslid" if n == 1 else f"{n} gezinsleden"
        yield household_id, Alert(ZRM_DUE, WARNING, f"ZRM-meting nodig voor {who}")


def _youth(
    session: Session, today: date, ids: frozenset[str] | None
) -> Iterable[tuple[str, Alert]]:
    born_after_18 = add_months(today, -18 * 12)  # born after this: not yet 18
    born_by_16_5 = add_months(today, -(16 * 12 + 6))  # born on/before this: 16½ or older
    born_by_18_soon = add_months(add_months(today, 6), -18 * 12)  # turns 18 within 6 months
    query = (
        select(Person.household_id, Person.id, Person.birth_date, func.max(FuturePlan.id))
        .select_from(Person)
        .join(Household, Household.id == Person.household_id)
        .join(Provision, and_(Provision.person_id == Person.id, _active_jeugdwet(today)))
        .outerjoin(
            FuturePlan, and_(FuturePlan.person_id == Person.id, FuturePlan.deleted.is_(False))
        )
        .where(
            _open_household(),
            Person.deleted.is_(False),
            Person.birth_date > born_after_18,
            or_(Person.birth_date <= born_by_16_5, Person.birth_date <= born_by_18_soon),
        )
        .group_by(Person.household_id, Person.id, Person.birth_date)
    )
    for household_id, person_id, birth, future_plan in session.execute(
        _restrict(query, Person.household_id, ids)
    ):
        if birth is None:  # pragma: no cover - excluded by the query
            continue
        turns_18 = add_months(birth, 18 * 12)
        if birth <= born_by_16_5 and future_plan is None:
            yield (
                household_id,
                Alert(
                    FUTURE_PLAN_MISSING,
                    WARNING,
                    "Jongere is 16½ of ouder en heeft nog geen toekomstplan",
                    turns_18,
                    person_id,
                ),
            )
        if birth <= born_by_18_soon:
            yield (
                household_id,
                Alert(
                    TURNING_18,
                    WARNING,
                    f"Jongere wordt 18 op {_fmt(turns_18)}",
                    turns_18,
                    person_id,
                ),
            )


def _intakes(
    session: Session, today: date, ids: frozenset[str] | None
) -> Iterable[tuple[str, Alert]]:
    query = (
        select(Intake.household_id, func.min(Intake.started_on))
        .join(Household, Household.id == Intake.household_id)
        .where(_open_household(), Intake.deleted.is_(False), Intake.status == IntakeStatus.DRAFT)
        .group_by(Intake.household_id)
    )
    stale_before = today - timedelta(days=INTAKE_STALE_DAYS)
    for household_id, started in session.execute(_restrict(query, Intake.household_id, ids)):
        if started < stale_before:
            alert = Alert(
                INTAKE_UNFINISHED, WARNING, "Intake staat al meer dan 14 dagen open", started
            )
        else:
            alert = Alert(INTAKE_UNFINISHED, INFO, "Intake is nog niet afgerond", started)
        yield household_id, alert


def _conflicts(session: Session, ids: frozenset[str] | None) -> Iterable[tuple[str, Alert]]:
    query = (
        select(Conflict.household_id, func.count())
        .join(Household, Household.id == Conflict.household_id)
        .where(
            Household.deleted.is_(False),
            Conflict.deleted.is_(False),
            Conflict.status == ConflictStatus.OPEN,
        )
        .group_by(Conflict.household_id)
    )
    for household_id, n in session.execute(_restrict(query, Conflict.household_id, ids)):
        if household_id is None:  # pragma: no cover - excluded by the join
            continue
        text = (
            "1 onopgelost synchronisatieconflict"
            if n == 1
            else f"{n} onopgeloste synchronisatieconflicten"
        )
        yield household_id, Alert(SYNC_CONFLICT, WARNING, text)


def _escalations(session: Session, ids: frozenset[str] | None) -> Iterable[tuple[str, Alert]]:
    query = (
        select(Escalation.household_id, func.min(Escalation.escalated_on), func.count())
        .join(Household, Household.id == Escalation.household_id)
        .where(
            Household.deleted.is_(False),
            Escalation.deleted.is_(False),
            Escalation.resolved_on.is_(None),
        )
        .group_by(Escalation.household_id)
    )
    for household_id, since, n in session.execute(_restrict(query, Escalation.household_id, ids)):
        text = f"Opschaling loopt sinds {_fmt(since)}" if n == 1 else f"{n} opschalingen lopen"
        yield household_id, Alert(ESCALATION_OPEN, CRITICAL, text, since)


def sort_alerts(alerts: Iterable[Alert]) -> list[Alert]:
    return sorted(
        alerts, key=lambda a: (SEVERITY_RANK.get(a.severity, 9), a.code, a.due_on or date.max)
    )


def compute_alerts(
    session: Session, today: date, household_ids: Collection[str] | None = None
) -> dict[str, list[Alert]]:
    """Alerts per household id (only households that have any), most severe first."""
    ids = frozenset(household_ids) if household_ids is not None else None
    found: dict[str, list[Alert]] = defaultdict(list)
    sources: tuple[Iterable[tuple[str, Alert]], ...] = (
        _evaluation(session, today, ids),
        _zrm(session, today, ids),
        _youth(session, today, ids),
        _intakes(session, today, ids),
        _conflicts(session, ids),
        _escalations(session, ids),
    )
    for source in sources:
        for household_id, alert in source:
            if ids is None or household_id in ids:
                found[household_id].append(alert)
    return {household_id: sort_alerts(alerts) for household_id, alerts in found.items()}
