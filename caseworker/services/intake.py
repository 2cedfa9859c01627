"""The five-step intake of seed 003, "de vraag achter de vraag", saved at every field change.

Steps: eerste contact → vraagverheldering & resultaat vaststellen → oplossing
afspreken → arrangement → toewijzing. Steps 3-5 edit the household's one plan
(``services.plan`` / ``services.provisions``); step 5 calls ``plan.agree_plan``.
Every save is a small flush of changed columns plus an audit event (ids only);
the caller commits (``OpenStore.transaction()``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import (
    HouseholdStatus,
    Intake,
    IntakeQuestion,
    IntakeStatus,
    IntakeStep,
    Referral,
    SafetySignal,
    Urgency,
)

from ._inputs import (
    audit,
    check_code,
    check_date,
    check_person,
    get_household,
    get_live,
    optional_text,
    touch,
)
from .audit import AuditAction
from .context import ServiceContext
from .errors import NotFound, RuleViolation, ValidationError
from .intake_safety import SafetySignalInput, SafetySignalView, meldcode_steps, sync_signals
from .plan import LIFE_AREAS, PlanView, get_or_create_plan, load_plan

__all__ = [
    "REFERRAL_SOURCES",
    "FirstContactInput",
    "IntakeView",
    "QuestionInput",
    "QuestionView",
    "ReferralInput",
    "SafetySignalInput",
    "SafetySignalView",
    "abandon_intake",
    "current_draft",
    "list_intakes",
    "load_intake",
    "meldcode_steps",
    "remove_question",
    "save_first_contact",
    "save_question",
    "save_strengths",
    "save_summaries",
    "set_step",
    "start_intake",
]

REFERRAL_SOURCES = frozenset(
    {
        "zelf", "huisarts", "school", "medisch_specialist", "gi", "politie", "veilig_thuis",
        "woningcorporatie", "netwerk", "wijkteam_partner", "overig",
    }
)  # fmt: skip
STEP_ORDER: tuple[IntakeStep, ...] = tuple(IntakeStep)


@dataclass(frozen=True)
class ReferralInput:
    referral_source: str
    received_on: date
    referrer_name: str | None = None
    presented_question: str | None = None
    urgency: Urgency = Urgency.NORMAL


@dataclass(frozen=True)
class FirstContactInput:
    referral_source: str | None
    who_asks: str | None
    presented_question: str | None
    urgency: Urgency = Urgency.NORMAL
    safety_signals: Sequence[SafetySignalInput] = field(default_factory=tuple)


@dataclass(frozen=True)
class QuestionInput:
    id: str | None
    person_id: str | None  # None = the household as a whole
    life_area: str
    presented_question: str | None = None  # gestelde vraag
    underlying_question: str | None = None  # vraag achter de vraag
    desired_result: str | None = None  # in de woorden van het gezin


@dataclass(frozen=True)
class QuestionView:
    id: str
    person_id: str | None
    life_area: str
    presented_question: str | None
    underlying_question: str | None
    desired_result: str | None
    position: int


@dataclass(frozen=True)
class IntakeView:
    id: str
    household_id: str
    status: IntakeStatus
    current_step: IntakeStep
    started_on: date
    completed_on: date | None
    referral_id: str | None
    referral_source: str | None
    referrer_name: str | None
    who_asks: str | None
    presented_question: str | None
    urgency: Urgency
    safety_concerns: bool
    safety_signals: tuple[SafetySignalView, ...]
    questions: tuple[QuestionView, ...]
    own_strength: str | None
    network_summary: str | None
    solution_summary: str | None
    arrangement_summary: str | None
    family_agreed_on: date | None
    family_agreed_how: str | None
    plan: PlanView | None  # the household's one plan: the draft steps 3-5 work on
    extends_agreed_plan: bool  # the plan already had an agreed revision when this intake began


# --- starting and finding an intake -----------------------------------------------------


def current_draft(session: Session, household_id: str) -> str | None:
    """The household's unfinished intake (the newest), if any."""
    return session.execute(
        select(Intake.id)
        .where(
            Intake.household_id == household_id,
            Intake.status == IntakeStatus.DRAFT,
            Intake.deleted.is_(False),
        )
        .order_by(Intake.started_on.desc(), Intake.last_edited_at.desc())
        .limit(1)
    ).scalar_one_or_none()


def _referral_values(data: ReferralInput) -> dict[str, object]:
    check_code(data.referral_source, "referral_source", REFERRAL_SOURCES, "onbekende verwijzer")
    if not isinstance(data.urgency, Urgency):
        raise ValidationError("urgency", "kies een urgentie")
    return {
        "referral_source": data.referral_source,
        "received_on": check_date(data.received_on, "received_on", required=True),
        "referrer_name": optional_text(data.referrer_name, "referrer_name", 200),
        "presented_question": optional_text(data.presented_question, "presented_question"),
        "urgency": data.urgency,
    }


def start_intake(
    session: Session, ctx: ServiceContext, household_id: str, referral: ReferralInput | None
) -> str:
    """Begin an intake (or return the unfinished one). It works on the household's one plan:
    when the household already has a plan, this intake extends it."""
    household = get_household(session, household_id)
    if household.status == HouseholdStatus.CLOSED:
        raise RuleViolation("het dossier is afgesloten; heropen het eerst")
    referral_values = _referral_values(referral) if referral is not None else None
    existing = current_draft(session, household_id)
    if existing is not None:
        return existing
    referral_id = None
    if referral_values is not None:
        ref_row = Referral(household_id=household_id, **referral_values)
        touch(ref_row, ctx)
        session.add(ref_row)
        session.flush()
        referral_id = ref_row.id
        audit(
            session, ctx, AuditAction.CREATE, "referral", ref_row.id, household_id,
            referral_source=ref_row.referral_source,
        )  # fmt: skip
    intake = Intake(
        household_id=household_id,
        referral_id=referral_id,
        caseworker_id=ctx.user_id,
        status=IntakeStatus.DRAFT,
        current_step=IntakeStep.FIRST_CONTACT,
        started_on=ctx.today(),
        urgency=referral.urgency if referral is not None else Urgency.NORMAL,
        presented_question=(
            optional_text(referral.presented_question, "presented_question")
            if referral is not None
            else None
        ),
        safety_concerns=False,
        last_edited_at=ctx.now(),
    )
    touch(intake, ctx)
    session.add(intake)
    session.flush()
    plan_id = get_or_create_plan(session, ctx, household_id)
    audit(session, ctx, AuditAction.CREATE, "intake", intake.id, household_id, plan_id=plan_id)
    return intake.id


def _draft(session: Session, intake_id: str) -> Intake:
    intake: Intake = get_live(session, Intake, intake_id, "intake")
    if intake.status != IntakeStatus.DRAFT:
        raise RuleViolation("deze intake is al afgerond")
    return intake


def _saved(session: Session, ctx: ServiceContext, intake: Intake, fields: list[str]) -> None:
    intake.last_edited_at = ctx.now()
    touch(intake, ctx)
    session.flush()
    audit(session, ctx, AuditAction.UPDATE, "intake", intake.id, intake.household_id, fields=fields)


# --- step 1: eerste contact -------------------------------------------------------------


def save_first_contact(
    session: Session, ctx: ServiceContext, intake_id: str, data: FirstContactInput
) -> None:
    intake = _draft(session, intake_id)
    if not isinstance(data.urgency, Urgency):
        raise ValidationError("urgency", "kies een urgentie")
    source = data.referral_source
    if source is not None:
        check_code(source, "referral_source", REFERRAL_SOURCES, "onbekende verwijzer")
    values = {
        "who_asks": optional_text(data.who_asks, "who_asks", 200),
        "presented_question": optional_text(data.presented_question, "presented_question"),
        "urgency": data.urgency,
    }
    fields = [k for k, v in values.items() if getattr(intake, k) != v]
    for key, value in values.items():
        setattr(intake, key, value)
    if source is not None:
        referral = session.get(Referral, intake.referral_id) if intake.referral_id else None
        if referral is None:
            referral = Referral(
                household_id=intake.household_id,
                referral_source=source,
                received_on=intake.started_on,
                urgency=data.urgency,
            )
            touch(referral, ctx)
            session.add(referral)
            session.flush()
            intake.referral_id = referral.id
            fields.append("referral_source")
        elif referral.referral_source != source:
            referral.referral_source = source
            touch(referral, ctx)
            fields.append("referral_source")
    if sync_signals(session, ctx, intake, data.safety_signals):
        fields.append("safety_signals")
    intake.safety_concerns = bool(data.safety_signals)
    _saved(session, ctx, intake, sorted(fields))


# --- step 2: vraagverheldering & resultaat vaststellen -----------------------------------


def save_question(
    session: Session, ctx: ServiceContext, intake_id: str, data: QuestionInput
) -> str:
    """Create or update one row: per person (or household) and life area."""
    intake = _draft(session, intake_id)
    values = {
        "person_id": check_person(session, intake.household_id, data.person_id),
        "life_area": check_code(data.life_area, "life_area", LIFE_AREAS, "kies een leefgebied"),
        "presented_question": optional_text(data.presented_question, "presented_question"),
        "underlying_question": optional_text(data.underlying_question, "underlying_question"),
        "desired_result": optional_text(data.desired_result, "desired_result"),
    }
    if data.id is None:
        positions = session.execute(
            select(IntakeQuestion.position).where(IntakeQuestion.intake_id == intake_id)
        ).scalars()
        row = IntakeQuestion(intake_id=intake_id, position=max(positions, default=-1) + 1)
        session.add(row)
        action = AuditAction.CREATE
    else:
        row = get_live(session, IntakeQuestion, data.id, "hulpvraag")
        if row.intake_id != intake_id:
            raise NotFound("hulpvraag")
        action = AuditAction.UPDATE
    for key, value in values.items():
        setattr(row, key, value)
    touch(row, ctx)
    intake.last_edited_at = ctx.now()
    session.flush()
    audit(
        session, ctx, action, "intake_question", row.id, intake.household_id,
        intake_id=intake_id, life_area=row.life_area,
    )  # fmt: skip
    return row.id


def remove_question(
    session: Session, ctx: ServiceContext, intake_id: str, question_id: str
) -> None:
    intake = _draft(session, intake_id)
    row: IntakeQuestion = get_live(session, IntakeQuestion, question_id, "hulpvraag")
    if row.intake_id != intake_id:
        raise NotFound("hulpvraag")
    row.deleted = True
    touch(row, ctx)
    session.flush()
    audit(session, ctx, AuditAction.DELETE, "intake_question", row.id, intake.household_id)


def save_strengths(
    session: Session,
    ctx: ServiceContext,
    intake_id: str,
    own_strength: str | None,
    network_summary: str | None,
) -> None:
    intake = _draft(session, intake_id)
    intake.own_strength = optional_text(own_strength, "own_strength")
    intake.network_summary = optional_text(network_summary, "network_summary")
    _saved(session, ctx, intake, ["network_summary", "own_strength"])


# --- steps 3-4 notes, navigation, reading back -------------------------------------------


def save_summaries(
    session: Session,
    ctx: ServiceContext,
    intake_id: str,
    *,
    solution_summary: str | None,
    arrangement_summary: str | None,
) -> None:
    """Free notes of steps 3 (oplossing afspreken) and 4 (arrangement)."""
    intake = _draft(session, intake_id)
    intake.solution_summary = optional_text(solution_summary, "solution_summary")
    intake.arrangement_summary = optional_text(arrangement_summary, "arrangement_summary")
    _saved(session, ctx, intake, ["arrangement_summary", "solution_summary"])


def set_step(session: Session, ctx: ServiceContext, intake_id: str, step: IntakeStep) -> None:
    if not isinstance(step, IntakeStep):
        raise ValidationError("current_step", "onbekende stap")
    intake = _draft(session, intake_id)
    intake.current_step = step
    _saved(session, ctx, intake, ["current_step"])


def abandon_intake(session: Session, ctx: ServiceContext, intake_id: str) -> None:
    intake = _draft(session, intake_id)
    intake.status = IntakeStatus.ABANDONED
    _saved(session, ctx, intake, ["status"])


def load_intake(
    session: Session, intake_id: str, *, ctx: ServiceContext | None = None
) -> IntakeView:
    """Everything needed to resume the wizard. With ``ctx`` the read is audited."""
    intake: Intake = get_live(session, Intake, intake_id, "intake")
    referral = session.get(Referral, intake.referral_id) if intake.referral_id else None
    questions = session.execute(
        select(IntakeQuestion)
        .where(IntakeQuestion.intake_id == intake_id, IntakeQuestion.deleted.is_(False))
        .order_by(IntakeQuestion.position, IntakeQuestion.id)
    ).scalars()
    signals = session.execute(
        select(SafetySignal)
        .where(SafetySignal.intake_id == intake_id, SafetySignal.deleted.is_(False))
        .order_by(SafetySignal.recorded_on, SafetySignal.kind, SafetySignal.id)
    ).scalars()
    try:
        plan: PlanView | None = load_plan(session, intake.household_id)
    except NotFound:
        plan = None
    # a draft extends a plan that was agreed before; a finished one produced the latest revision
    earlier = 0 if intake.status == IntakeStatus.DRAFT else 1
    extends = plan is not None and len(plan.revisions) > earlier
    if ctx is not None:
        audit(session, ctx, AuditAction.VIEW, "intake", intake.id, intake.household_id)
    return IntakeView(
        id=intake.id,
        household_id=intake.household_id,
        status=intake.status,
        current_step=intake.current_step,
        started_on=intake.started_on,
        completed_on=intake.completed_on,
        referral_id=intake.referral_id,
        referral_source=referral.referral_source if referral else None,
        referrer_name=referral.referrer_name if referral else None,
        who_asks=intake.who_asks,
        presented_question=intake.presented_question,
        urgency=intake.urgency,
        safety_concerns=intake.safety_concerns,
        safety_signals=tuple(
            SafetySignalView(
                s.id,
                s.kind,
                s.person_id,
                s.description,
                s.recorded_on,
                s.meldcode_step,
                s.reported_to_veilig_thuis,
                s.reported_on,
            )
            for s in signals
        ),
        questions=tuple(
            QuestionView(
                q.id,
                q.person_id,
                q.life_area,
                q.presented_question,
                q.underlying_question,
                q.desired_result,
                q.position,
            )
            for q in questions
        ),
        own_strength=intake.own_strength,
        network_summary=intake.network_summary,
        solution_summary=intake.solution_summary,
        arrangement_summary=intake.arrangement_summary,
        family_agreed_on=intake.family_agreed_on,
        family_agreed_how=intake.family_agreed_how,
        plan=plan,
        extends_agreed_plan=extends,
    )


def list_intakes(session: Session, household_id: str) -> list[tuple[str, IntakeStatus, date]]:
    """(id, status, started_on) of the household's intakes, newest first (intake history)."""
    rows = session.execute(
        select(Intake.id, Intake.status, Intake.started_on)
        .where(Intake.household_id == household_id, Intake.deleted.is_(False))
        .order_by(Intake.started_on.desc())
    ).all()
    return [(r[0], r[1], r[2]) for r in rows]
