"""Closing a case (afsluiten) and reopening it (a new request after closing = relapse).

Closing: household and plan closed, running provisions ended at the closing
date, unfinished intakes abandoned, the client-experience questions of seed 001
recorded, and the persons who still need a final ZRM measurement returned.
Every period of care is a ``CareEpisode`` row: ``households.create_household``
opens the first, closing closes the current one and reopening opens a new one
(``reopened_from_id`` = the closed episode); the indicators count closures,
relapse and sustained exit from these rows. Each close / reopen also leaves a
journal entry of kind ``case_closed`` / ``case_reopened`` (codes and dates only)
as readable history; no logic reads those texts. Callers commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import (
    Assessment,
    CareEpisode,
    ClientExperience,
    Goal,
    Household,
    HouseholdStatus,
    Intake,
    IntakeStatus,
    JournalEntry,
    Person,
    Plan,
    PlanStatus,
    Provision,
    ProvisionStatus,
)
from caseworker.models.validators import check_score

from ._inputs import (
    audit,
    check_code,
    check_date,
    check_person,
    get_household,
    optional_text,
    touch,
)
from .audit import AuditAction
from .context import ServiceContext
from .errors import RuleViolation, ValidationError
from .intake import ReferralInput, start_intake
from .provisions import RUNNING_STATUSES

CLOSING_REASONS = frozenset(
    {
        "doelen_bereikt", "verhuisd", "gestopt_door_client", "overgedragen", "geen_contact",
        "overleden", "overig",
    }
)  # fmt: skip
#: A measurement this many days before closing (or later) counts as the final one.
FINAL_ZRM_WINDOW_DAYS = 30
CASE_CLOSED = "case_closed"
CASE_REOPENED = "case_reopened"


@dataclass(frozen=True)
class ClientExperienceInput:
    """Five questions on a 1-5 scale (seed 001); None = not answered."""

    own_control: int | None = None  # eigen regie
    self_reliance: int | None = None  # zelfredzaamheid
    quality_of_life: int | None = None  # kwaliteit van leven
    fits_request: int | None = None  # past bij de hulpvraag
    support_quality: int | None = None  # kwaliteit van de ondersteuning
    remark: str | None = None
    person_id: str | None = None  # who answered (None = the household)


@dataclass(frozen=True)
class CloseInput:
    closing_reason: str
    closed_on: date
    note: str | None = None
    experience: ClientExperienceInput | None = None


@dataclass(frozen=True)
class CloseResult:
    needs_final_zrm: list[str]  # person ids with a baseline but no recent measurement
    provisions_ended: int


def _journal(
    session: Session, ctx: ServiceContext, household_id: str, kind: str, text: str
) -> None:
    entry = JournalEntry(
        household_id=household_id,
        author_id=ctx.user_id,
        written_at=ctx.now(),
        kind=kind,
        text=text,
    )
    touch(entry, ctx)
    session.add(entry)


def _episodes(session: Session, household_id: str) -> list[CareEpisode]:
    """The household's episodes, oldest first."""
    return list(
        session.execute(
            select(CareEpisode)
            .where(CareEpisode.household_id == household_id, CareEpisode.deleted.is_(False))
            .order_by(CareEpisode.opened_on, CareEpisode.closed_on.is_(None), CareEpisode.id)
        ).scalars()
    )


def _add_episode(
    session: Session, ctx: ServiceContext, household: Household, **values: object
) -> CareEpisode:
    episode = CareEpisode(household_id=household.id, **values)
    touch(episode, ctx)
    session.add(episode)
    return episode


def current_episode(session: Session, ctx: ServiceContext, household: Household) -> CareEpisode:
    """The household's open episode; one is opened on ``household.opened_on`` when a
    household has none (rows written without ``create_household``)."""
    open_ = [e for e in _episodes(session, household.id) if e.closed_on is None]
    if open_:
        return open_[-1]
    return _add_episode(session, ctx, household, opened_on=household.opened_on)


def needs_final_zrm(session: Session, household_id: str, closed_on: date) -> list[str]:
    """Persons with a baseline (a first ZRM measurement or a goal baseline score) and no
    later measurement on or after ``closed_on`` minus FINAL_ZRM_WINDOW_DAYS."""
    window_start = closed_on - timedelta(days=FINAL_ZRM_WINDOW_DAYS)
    persons = {
        p.id: p
        for p in session.execute(
            select(Person).where(Person.household_id == household_id, Person.deleted.is_(False))
        ).scalars()
    }
    dates: dict[str, list[date]] = {}
    for person_id, assessed_on in session.execute(
        select(Assessment.person_id, Assessment.assessed_on).where(
            Assessment.household_id == household_id,
            Assessment.deleted.is_(False),
            Assessment.person_id.is_not(None),
        )
    ).all():
        if person_id is not None:
            dates.setdefault(person_id, []).append(assessed_on)
    goal_baselines = set(
        session.execute(
            select(Goal.person_id)
            .join(Plan, Plan.id == Goal.plan_id)
            .where(
                Plan.household_id == household_id,
                Goal.deleted.is_(False),
                Goal.person_id.is_not(None),
                Goal.baseline_score.is_not(None),
            )
        ).scalars()
    )
    result: list[str] = []
    for person_id in persons:
        measured = sorted(dates.get(person_id, []))
        if not measured:
            if person_id in goal_baselines:
                result.append(person_id)
            continue
        # the first measurement is the baseline (nulmeting); a later one must be recent
        if not any(d >= window_start for d in measured[1:]):
            result.append(person_id)
    return sorted(result, key=lambda pid: (persons[pid].birth_date or date.min, pid))


def _record_experience(
    session: Session, ctx: ServiceContext, household_id: str, on: date, data: ClientExperienceInput
) -> None:
    values = {
        name: check_score(getattr(data, name), name)
        for name in ("own_control", "self_reliance", "quality_of_life", "fits_request",
                     "support_quality")
    }  # fmt: skip
    row = ClientExperience(
        household_id=household_id,
        person_id=check_person(session, household_id, data.person_id),
        recorded_on=on,
        remark=optional_text(data.remark, "remark"),
        **values,
    )
    touch(row, ctx)
    session.add(row)
    session.flush()
    audit(session, ctx, AuditAction.CREATE, "client_experience", row.id, household_id)


def close_case(
    session: Session, ctx: ServiceContext, household_id: str, data: CloseInput
) -> CloseResult:
    household = get_household(session, household_id)
    if household.status == HouseholdStatus.CLOSED:
        raise RuleViolation("het dossier is al afgesloten")
    reason = check_code(
        data.closing_reason, "closing_reason", CLOSING_REASONS, "kies een reden van afsluiten"
    )
    closed_on = check_date(data.closed_on, "closed_on", required=True)
    assert closed_on is not None
    if closed_on > ctx.today():
        raise ValidationError("closed_on", "de datum van afsluiten ligt in de toekomst")
    if closed_on < household.opened_on:
        raise ValidationError("closed_on", "de datum van afsluiten ligt voor de aanmelding")
    episode = current_episode(session, ctx, household)
    if closed_on < episode.opened_on:
        raise ValidationError("closed_on", "de datum van afsluiten ligt voor de heropening")
    note = optional_text(data.note, "note")
    if data.experience is not None:
        _record_experience(session, ctx, household_id, closed_on, data.experience)
    ended = 0
    for p in session.execute(
        select(Provision).where(
            Provision.household_id == household_id,
            Provision.deleted.is_(False),
            Provision.status.in_(RUNNING_STATUSES),
        )
    ).scalars():
        if p.start_on is not None and p.start_on > closed_on:
            p.status = ProvisionStatus.REJECTED  # never started
        elif p.status == ProvisionStatus.PROPOSED:
            p.status = ProvisionStatus.REJECTED  # never granted
        else:
            p.status = ProvisionStatus.ENDED
            if p.end_on is None or p.end_on > closed_on:
                p.end_on = closed_on
            ended += 1
        touch(p, ctx)
    for intake in session.execute(
        select(Intake).where(
            Intake.household_id == household_id,
            Intake.status == IntakeStatus.DRAFT,
            Intake.deleted.is_(False),
        )
    ).scalars():
        intake.status = IntakeStatus.ABANDONED
        touch(intake, ctx)
    plan = session.execute(
        select(Plan).where(Plan.household_id == household_id)
    ).scalar_one_or_none()
    if plan is not None:
        plan.status = PlanStatus.CLOSED
        touch(plan, ctx)
    household.status = HouseholdStatus.CLOSED
    household.closed_on = closed_on
    household.closing_reason = reason
    household.closing_note = note
    touch(household, ctx)
    episode.closed_on = closed_on
    episode.closing_reason = reason
    touch(episode, ctx)
    _journal(
        session, ctx, household_id, CASE_CLOSED,
        f"Dossier afgesloten op {closed_on:%d-%m-%Y} (reden: {reason}).",
    )  # fmt: skip
    session.flush()
    audit(
        session, ctx, AuditAction.UPDATE, "household", household_id, household_id,
        closed=True, closing_reason=reason, closed_on=closed_on.isoformat(),
        provisions_ended=ended,
    )  # fmt: skip
    return CloseResult(
        needs_final_zrm=needs_final_zrm(session, household_id, closed_on),
        provisions_ended=ended,
    )


def reopen_case(
    session: Session,
    ctx: ServiceContext,
    household_id: str,
    referral: ReferralInput | None = None,
) -> str:
    """A new request after closing: the household returns to intake on its existing plan.
    Returns the new intake's id."""
    household = get_household(session, household_id)
    if household.status != HouseholdStatus.CLOSED:
        raise RuleViolation("het dossier is niet afgesloten")
    previous_closed_on, previous_reason = household.closed_on, household.closing_reason
    episodes = _episodes(session, household_id)
    still_open = [e for e in episodes if e.closed_on is None]
    closed = [e for e in episodes if e.closed_on is not None]
    if previous_closed_on is None or previous_reason is None:  # pragma: no cover - CHECK
        raise RuleViolation("het dossier heeft geen afsluitdatum")
    if still_open and still_open[-1].opened_on <= previous_closed_on:
        # closed without close_case (rows written by hand): close that episode now
        previous = still_open[-1]
        previous.closed_on, previous.closing_reason = previous_closed_on, previous_reason
        touch(previous, ctx)
    elif closed:
        previous = max(closed, key=lambda e: (e.closed_on or date.min, e.opened_on))
    else:  # no episode at all (rows written without the services): record the closure
        previous = _add_episode(
            session,
            ctx,
            household,
            opened_on=household.opened_on,
            closed_on=previous_closed_on,
            closing_reason=previous_reason,
        )
    session.flush()
    _add_episode(
        session,
        ctx,
        household,
        opened_on=max(ctx.today(), previous.closed_on or ctx.today()),
        reopened_from_id=previous.id,
    )
    household.status = HouseholdStatus.INTAKE
    household.closed_on = None
    household.closing_reason = None
    touch(household, ctx)
    plan = session.execute(
        select(Plan).where(Plan.household_id == household_id)
    ).scalar_one_or_none()
    if plan is not None:
        plan.status = PlanStatus.DRAFT
        touch(plan, ctx)
    _journal(
        session, ctx, household_id, CASE_REOPENED,
        f"Dossier heropend op {ctx.today():%d-%m-%Y} na afsluiting op "
        f"{previous_closed_on:%d-%m-%Y} (reden: {previous_reason}).",
    )  # fmt: skip
    session.flush()
    audit(
        session, ctx, AuditAction.UPDATE, "household", household_id, household_id,
        reopened=True, previous_closed_on=previous_closed_on.isoformat()
        if previous_closed_on else None,
    )  # fmt: skip
    return start_intake(session, ctx, household_id, referral)
