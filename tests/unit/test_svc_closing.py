"""Closing and reopening a case, and escalations (issue 5), on a real encrypted store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import (
    Actor,
    Assessment,
    AssessmentKind,
    ClientExperience,
    EscalationKind,
    Household,
    HouseholdStatus,
    Intake,
    IntakeStatus,
    JournalEntry,
    PlanStatus,
    Provision,
    ProvisionStatus,
)
from caseworker.services import RuleViolation, ServiceContext, ValidationError
from caseworker.services import closing as cl
from caseworker.services import escalation as esc
from caseworker.services import intake as intakes
from caseworker.services import plan as plans
from caseworker.services import provisions as prov
from caseworker.store import OpenStore
from tests.unit.svc_family import TODAY, Family, make_family, reference

WHY = "Lichtere hulp volstaat niet (goedkoopst adequaat)"


@pytest.fixture
def s(open_store: OpenStore) -> Iterator[Session]:
    with open_store.session() as session:
        yield session


@pytest.fixture
def family(s: Session) -> Family:
    made = make_family(s)
    s.commit()
    return made


def _assess(s: Session, family: Family, person_id: str, on: date, kind: AssessmentKind) -> None:
    s.add(
        Assessment(
            household_id=family.household_id,
            person_id=person_id,
            instrument="zrm-2017",
            assessed_on=on,
            kind=kind,
        )
    )
    s.flush()


def _agreed_plan(s: Session, ctx: ServiceContext, family: Family) -> tuple[str, str, str]:
    intake_id = intakes.start_intake(s, ctx, family.household_id, None)
    plan_id = plans.get_or_create_plan(s, ctx, family.household_id)
    goal = plans.add_goal(
        s, ctx, plan_id,
        plans.GoalInput(family.father_id, "Werk vinden", zrm_domain="werk_opleiding",
                        baseline_score=2, target_score=4, due_on=date(2027, 9, 1)),
    )  # fmt: skip
    plans.add_action(s, ctx, plan_id, plans.ActionInput(goal, "Solliciteren", Actor.SELF))
    granted = prov.add_provision(
        s, ctx, reference(), family.household_id,
        prov.ProvisionInput("wmo-io-licht", family.mother_id, start_on=date(2026, 11, 1),
                            justification=WHY),
    )  # fmt: skip
    plans.agree_plan(s, ctx, plan_id, date(2026, 11, 10), "mondeling")
    return intake_id, plan_id, granted


def test_close_case_ends_everything_and_asks_for_final_zrm(
    s: Session, ctx: ServiceContext, family: Family
) -> None:
    _, plan_id, granted = _agreed_plan(s, ctx, family)
    later = prov.add_provision(
        s, ctx, reference(), family.household_id,
        prov.ProvisionInput("av-amw", family.father_id, start_on=date(2027, 1, 1)),
    )  # fmt: skip
    draft = intakes.start_intake(s, ctx, family.household_id, None)  # a new, unfinished intake
    # father: baseline in the goal only → needs a final measurement
    # mother: baseline long ago and a recent measurement → done
    _assess(s, family, family.mother_id, date(2026, 3, 1), AssessmentKind.BASELINE)
    _assess(s, family, family.mother_id, date(2026, 11, 1), AssessmentKind.FINAL)
    # eldest: only a baseline, even if recent → needs a final measurement
    _assess(s, family, family.eldest_id, date(2026, 11, 12), AssessmentKind.BASELINE)
    # middle: baseline and an old interim measurement → needs a final one
    _assess(s, family, family.middle_id, date(2026, 2, 1), AssessmentKind.BASELINE)
    _assess(s, family, family.middle_id, date(2026, 6, 1), AssessmentKind.INTERIM)
    result = cl.close_case(
        s, ctx, family.household_id,
        cl.CloseInput(
            "doelen_bereikt", date(2026, 11, 20), "Vader heeft werk",
            cl.ClientExperienceInput(4, 4, 5, 3, 4, "Fijne begeleiding"),
        ),
    )  # fmt: skip
    # ordered by birth date (oldest first)
    assert result.needs_final_zrm == [family.father_id, family.eldest_id, family.middle_id]
    assert result.provisions_ended == 1
    household = s.get(Household, family.household_id)
    assert household is not None
    assert (household.status, household.closed_on, household.closing_reason) == (
        HouseholdStatus.CLOSED, date(2026, 11, 20), "doelen_bereikt",
    )  # fmt: skip
    assert household.updated_by == ctx.user_id
    assert plans.load_plan(s, family.household_id).status == PlanStatus.CLOSED
    ended = s.get(Provision, granted)
    assert ended is not None and (ended.status, ended.end_on) == (
        ProvisionStatus.ENDED, date(2026, 11, 20),
    )  # fmt: skip
    never = s.get(Provision, later)
    assert never is not None and never.status == ProvisionStatus.REJECTED and never.end_on is None
    assert s.get(Intake, draft).status == IntakeStatus.ABANDONED  # type: ignore[union-attr]
    experience = s.execute(select(ClientExperience)).scalar_one()
    assert (experience.own_control, experience.fits_request, experience.recorded_on) == (
        4, 3, date(2026, 11, 20),
    )  # fmt: skip
    journal = s.execute(select(JournalEntry.kind)).scalars().all()
    assert journal == [cl.CASE_CLOSED]
    with pytest.raises(RuleViolation):
        cl.close_case(s, ctx, family.household_id, cl.CloseInput("verhuisd", TODAY))
    with pytest.raises(RuleViolation):  # a closed plan is read-only
        plans.add_goal(s, ctx, plan_id, plans.GoalInput(None, "Nog iets"))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (cl.CloseInput("ontevreden", TODAY), "closing_reason"),
        (cl.CloseInput("verhuisd", date(2026, 11, 24)), "closed_on"),
        (cl.CloseInput("verhuisd", date(2026, 10, 1)), "closed_on"),  # before opened_on
        (cl.CloseInput("verhuisd", TODAY, None, cl.ClientExperienceInput(own_control=6)),
         "own_control"),
    ],
)  # fmt: skip
def test_close_validation(
    s: Session, ctx: ServiceContext, family: Family, data: cl.CloseInput, field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        cl.close_case(s, ctx, family.household_id, data)
    assert err.value.field == field
    s.rollback()
    household = s.get(Household, family.household_id)
    assert household is not None and household.status == HouseholdStatus.INTAKE


def test_reopen_starts_a_new_intake_on_the_same_plan(
    s: Session, ctx: ServiceContext, family: Family
) -> None:
    _, plan_id, _ = _agreed_plan(s, ctx, family)
    with pytest.raises(RuleViolation):
        cl.reopen_case(s, ctx, family.household_id)  # not closed yet
    cl.close_case(s, ctx, family.household_id, cl.CloseInput("gestopt_door_client", TODAY))
    new_intake = cl.reopen_case(
        s, ctx, family.household_id, intakes.ReferralInput("huisarts", TODAY)
    )
    household = s.get(Household, family.household_id)
    assert household is not None
    assert household.status == HouseholdStatus.INTAKE
    assert household.closed_on is None and household.closing_reason is None
    view = intakes.load_intake(s, new_intake)
    assert view.status == IntakeStatus.DRAFT and view.referral_source == "huisarts"
    assert view.plan is not None and view.plan.id == plan_id and view.extends_agreed_plan
    assert view.plan.status == PlanStatus.DRAFT and len(view.plan.revisions) == 1
    kinds = s.execute(select(JournalEntry.kind).order_by(JournalEntry.written_at)).scalars()
    assert set(kinds) == {cl.CASE_CLOSED, cl.CASE_REOPENED}


def test_escalation_open_and_resolve(s: Session, ctx: ServiceContext, family: Family) -> None:
    other = make_family(s, name="Familie Jansen")
    assert esc.open_escalations(s, family.household_id) == []
    first = esc.escalate(
        s, ctx, family.household_id, EscalationKind.DE_PLOEG, "Overlast en onveiligheid",
        date(2026, 11, 20),
    )  # fmt: skip
    esc.escalate(s, ctx, other.household_id, EscalationKind.TASKFORCE, "Jongere in de knel", TODAY)
    opened = esc.open_escalations(s, family.household_id)
    assert [(e.id, e.kind, e.is_open) for e in opened] == [(first, EscalationKind.DE_PLOEG, True)]
    assert esc.open_escalation_kinds(s) == {
        family.household_id: [EscalationKind.DE_PLOEG],
        other.household_id: [EscalationKind.TASKFORCE],
    }
    with pytest.raises(ValidationError) as err:
        esc.escalate(s, ctx, family.household_id, EscalationKind.TASKFORCE, "  ", TODAY)
    assert err.value.field == "reason"
    with pytest.raises(ValidationError):
        esc.escalate(s, ctx, family.household_id, EscalationKind.TASKFORCE, "x", date(2027, 1, 1))
    with pytest.raises(ValidationError):
        esc.resolve_escalation(s, ctx, first, date(2026, 11, 19))
    esc.resolve_escalation(s, ctx, first, TODAY, "Afspraken gemaakt")
    assert esc.open_escalations(s, family.household_id) == []
    history = esc.all_escalations(s, family.household_id)
    assert [(e.resolved_on, e.outcome) for e in history] == [(TODAY, "Afspraken gemaakt")]
    with pytest.raises(RuleViolation):
        esc.resolve_escalation(s, ctx, first, TODAY)
