"""The household dossier: everything about one household in one read, audited.

Call :func:`open_dossier` inside ``store.transaction()`` so that the audit VIEW
event is committed together with the read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.models import (
    Action,
    Assessment,
    Escalation,
    EscalationKind,
    Funding,
    FuturePlan,
    Goal,
    GoalStatus,
    Intake,
    IntakeStatus,
    IntakeStep,
    Law,
    Plan,
    PlanRevision,
    PlanStatus,
    Provision,
    ProvisionKind,
    ProvisionStatus,
    Referral,
    Score,
    Urgency,
)

from . import audit
from .alerts import Alert, compute_alerts
from .audit import AuditAction
from .context import ServiceContext
from .households import HouseholdView, get_household
from .journal import JournalEntryView, list_entries
from .network import NetworkContactView, list_contacts
from .persons import PersonView, list_persons

INSTRUMENT_LABELS = {
    "zrm-2017": "ZRM",
    "zrm-household": "ZRM huishouden",
    "zrm-children": "ZRM kinderen",
}
ESCALATION_LABELS = {
    EscalationKind.TASKFORCE: "Taskforce",
    EscalationKind.DE_PLOEG: "De Ploeg",
    EscalationKind.VEILIG_THUIS: "Veilig Thuis",
}
_JOURNAL_TITLE_CHARS = 80


@dataclass(frozen=True)
class IntakeSummary:
    id: str
    status: IntakeStatus
    current_step: IntakeStep
    started_on: date
    completed_on: date | None
    urgency: Urgency
    caseworker_id: str | None


@dataclass(frozen=True)
class PlanSummary:
    id: str
    status: PlanStatus
    evaluation_on: date | None
    agreed_on: date | None
    revision_number: int
    goals_total: int
    goals_open: int
    goals_reached: int
    goals_not_reached: int
    actions_total: int
    actions_open: int


@dataclass(frozen=True)
class ZrmSummary:
    """The latest assessment of one subject (a person, or None = the household) per instrument."""

    assessment_id: str
    person_id: str | None
    instrument: str
    assessed_on: date
    scores: Mapping[str, int]  # domain code -> 1..5


@dataclass(frozen=True)
class ProvisionSummary:
    id: str
    catalogue_code: str
    kind: ProvisionKind
    law: Law
    funding: Funding
    step: int
    status: ProvisionStatus
    person_id: str | None
    provider: str | None
    units: float | None
    unit: str | None
    start_on: date | None
    end_on: date | None


@dataclass(frozen=True)
class EscalationSummary:
    id: str
    kind: EscalationKind
    escalated_on: date
    resolved_on: date | None
    reason: str
    outcome: str | None


@dataclass(frozen=True)
class TimelineItem:
    date: date
    kind: str  # opened, closed, referral, intake_started, intake_completed, plan_agreed, ...
    title: str  # Dutch
    object_id: str | None = None


@dataclass(frozen=True)
class Dossier:
    household: HouseholdView
    persons: tuple[PersonView, ...]
    network: tuple[NetworkContactView, ...]
    intakes: tuple[IntakeSummary, ...]  # latest first
    plan: PlanSummary | None
    zrm: tuple[ZrmSummary, ...]
    provisions: tuple[ProvisionSummary, ...]
    escalations: tuple[EscalationSummary, ...]  # latest first
    journal: tuple[JournalEntryView, ...]  # latest first
    alerts: tuple[Alert, ...]
    timeline: tuple[TimelineItem, ...]  # latest first
    future_plan_person_ids: frozenset[str] = frozenset()

    def person(self, person_id: str | None) -> PersonView | None:
        return next((p for p in self.persons if p.id == person_id), None)


def _intakes(session: Session, household_id: str) -> tuple[IntakeSummary, ...]:
    rows = session.execute(
        select(Intake)
        .where(Intake.household_id == household_id, Intake.deleted.is_(False))
        .order_by(Intake.started_on.desc(), Intake.id)
    ).scalars()
    return tuple(
        IntakeSummary(
            id=i.id,
            status=i.status,
            current_step=i.current_step,
            started_on=i.started_on,
            completed_on=i.completed_on,
            urgency=i.urgency,
            caseworker_id=i.caseworker_id,
        )
        for i in rows
    )


def _plan(session: Session, household_id: str) -> tuple[PlanSummary | None, list[PlanRevision]]:
    plan = session.execute(
        select(Plan).where(Plan.household_id == household_id, Plan.deleted.is_(False))
    ).scalar_one_or_none()
    if plan is None:
        return None, []
    goal_counts = dict(
        session.execute(
            select(Goal.status, func.count())
            .where(Goal.plan_id == plan.id, Goal.deleted.is_(False))
            .group_by(Goal.status)
        ).all()
    )
    actions_total, actions_open = session.execute(
        select(func.count(), func.count().filter(Action.done_on.is_(None))).where(
            Action.plan_id == plan.id, Action.deleted.is_(False)
        )
    ).one()
    revisions = list(
        session.execute(
            select(PlanRevision)
            .where(PlanRevision.plan_id == plan.id, PlanRevision.deleted.is_(False))
            .order_by(PlanRevision.number)
        ).scalars()
    )
    summary = PlanSummary(
        id=plan.id,
        status=plan.status,
        evaluation_on=plan.evaluation_on,
        agreed_on=plan.agreed_on,
        revision_number=plan.revision_number,
        goals_total=sum(goal_counts.values()),
        goals_open=goal_counts.get(GoalStatus.OPEN, 0),
        goals_reached=goal_counts.get(GoalStatus.REACHED, 0),
        goals_not_reached=goal_counts.get(GoalStatus.NOT_REACHED, 0),
        actions_total=int(actions_total),
        actions_open=int(actions_open),
    )
    return summary, revisions


def _zrm(session: Session, household_id: str) -> tuple[list[Assessment], tuple[ZrmSummary, ...]]:
    assessments = list(
        session.execute(
            select(Assessment)
            .where(Assessment.household_id == household_id, Assessment.deleted.is_(False))
            .order_by(Assessment.assessed_on.desc(), Assessment.id)
        ).scalars()
    )
    latest: dict[tuple[str | None, str], Assessment] = {}
    for a in assessments:
        latest.setdefault((a.person_id, a.instrument), a)
    ids = [a.id for a in latest.values()]
    scores: dict[str, dict[str, int]] = {i: {} for i in ids}
    if ids:
        for assessment_id, domain, score in session.execute(
            select(Score.assessment_id, Score.domain, Score.score).where(
                Score.assessment_id.in_(ids), Score.deleted.is_(False)
            )
        ):
            scores[assessment_id][domain] = score
    summaries = tuple(
        ZrmSummary(
            assessment_id=a.id,
            person_id=a.person_id,
            instrument=a.instrument,
            assessed_on=a.assessed_on,
            scores=scores[a.id],
        )
        for a in latest.values()
    )
    return assessments, summaries


def _provisions(session: Session, household_id: str) -> tuple[ProvisionSummary, ...]:
    rows = session.execute(
        select(Provision)
        .where(Provision.household_id == household_id, Provision.deleted.is_(False))
        .order_by(Provision.start_on.desc().nulls_first(), Provision.catalogue_code)
    ).scalars()
    return tuple(
        ProvisionSummary(
            id=p.id,
            catalogue_code=p.catalogue_code,
            kind=p.kind,
            law=p.law,
            funding=p.funding,
            step=p.step,
            status=p.status,
            person_id=p.person_id,
            provider=p.provider,
            units=p.units,
            unit=p.unit,
            start_on=p.start_on,
            end_on=p.end_on,
        )
        for p in rows
    )


def _escalations(session: Session, household_id: str) -> tuple[EscalationSummary, ...]:
    rows = session.execute(
        select(Escalation)
        .where(Escalation.household_id == household_id, Escalation.deleted.is_(False))
        .order_by(Escalation.escalated_on.desc(), Escalation.id)
    ).scalars()
    return tuple(
        EscalationSummary(
            id=e.id,
            kind=e.kind,
            escalated_on=e.escalated_on,
            resolved_on=e.resolved_on,
            reason=e.reason,
            outcome=e.outcome,
        )
        for e in rows
    )


def _timeline(
    session: Session,
    household: HouseholdView,
    persons: tuple[PersonView, ...],
    intakes: tuple[IntakeSummary, ...],
    revisions: list[PlanRevision],
    assessments: list[Assessment],
    provisions: tuple[ProvisionSummary, ...],
    escalations: tuple[EscalationSummary, ...],
    journal: tuple[JournalEntryView, ...],
) -> tuple[TimelineItem, ...]:
    names = {p.id: p.given_name for p in persons}
    items = [TimelineItem(household.opened_on, "opened", "Gestart", household.id)]
    if household.closed_on is not None:
        items.append(TimelineItem(household.closed_on, "closed", "Afgesloten", household.id))
    for referral_id, source, received_on in session.execute(
        select(Referral.id, Referral.referral_source, Referral.received_on).where(
            Referral.household_id == household.id, Referral.deleted.is_(False)
        )
    ):
        items.append(TimelineItem(received_on, "referral", f"Aanmelding ({source})", referral_id))
    for intake in intakes:
        items.append(TimelineItem(intake.started_on, "intake_started", "Intake gestart", intake.id))
        if intake.completed_on is not None:
            items.append(
                TimelineItem(intake.completed_on, "intake_completed", "Intake afgerond", intake.id)
            )
    for revision in revisions:
        items.append(
            TimelineItem(
                revision.agreed_on,
                "plan_agreed",
                f"Plan vastgesteld (versie {revision.number})",
                revision.id,
            )
        )
    for a in assessments:
        label = INSTRUMENT_LABELS.get(a.instrument, a.instrument)
        subject = names.get(a.person_id, "") if a.person_id else "huishouden"
        title = f"{label}-meting {subject}".strip()
        items.append(TimelineItem(a.assessed_on, "assessment", title, a.id))
    for p in provisions:
        if p.start_on is not None:
            items.append(
                TimelineItem(p.start_on, "provision_started", f"Start {p.catalogue_code}", p.id)
            )
        if p.end_on is not None:
            items.append(
                TimelineItem(p.end_on, "provision_ended", f"Einde {p.catalogue_code}", p.id)
            )
    for e in escalations:
        label = ESCALATION_LABELS.get(e.kind, str(e.kind))
        items.append(TimelineItem(e.escalated_on, "escalation", f"Opschaling {label}", e.id))
        if e.resolved_on is not None:
            items.append(
                TimelineItem(e.resolved_on, "escalation_resolved", f"{label} afgerond", e.id)
            )
    for entry in journal:
        first_line = entry.text.splitlines()[0] if entry.text else ""
        if len(first_line) > _JOURNAL_TITLE_CHARS:
            first_line = first_line[: _JOURNAL_TITLE_CHARS - 1] + "…"
        items.append(TimelineItem(entry.written_at.date(), "journal", first_line, entry.id))
    items.sort(key=lambda item: item.date, reverse=True)
    return tuple(items)


def load_dossier(session: Session, ctx: ServiceContext, household_id: str) -> Dossier:
    """The dossier without an audit event: for services that audit their own use."""
    household = get_household(session, household_id)
    today = ctx.today()
    persons = tuple(list_persons(session, household_id, today=today))
    intakes = _intakes(session, household_id)
    plan, revisions = _plan(session, household_id)
    assessments, zrm = _zrm(session, household_id)
    provisions = _provisions(session, household_id)
    escalations = _escalations(session, household_id)
    journal = tuple(list_entries(session, household_id))
    alerts = tuple(compute_alerts(session, today, [household_id]).get(household_id, ()))
    future_plans = frozenset(
        session.execute(
            select(FuturePlan.person_id).where(
                FuturePlan.household_id == household_id, FuturePlan.deleted.is_(False)
            )
        ).scalars()
    )
    return Dossier(
        household=household,
        persons=persons,
        network=tuple(list_contacts(session, household_id)),
        intakes=intakes,
        plan=plan,
        zrm=zrm,
        provisions=provisions,
        escalations=escalations,
        journal=journal,
        alerts=alerts,
        timeline=_timeline(
            session,
            household,
            persons,
            intakes,
            revisions,
            assessments,
            provisions,
            escalations,
            journal,
        ),
        future_plan_person_ids=future_plans,
    )


def open_dossier(session: Session, ctx: ServiceContext, household_id: str) -> Dossier:
    """Read the whole dossier and record an audit VIEW event (every open is audited)."""
    dossier = load_dossier(session, ctx, household_id)
    audit.record(
        session,
        ctx,
        AuditAction.VIEW,
        object_type="household",
        object_id=household_id,
        household_id=household_id,
    )
    return dossier
