"""Intake services (issue 5): the five steps of seed 003 on a real encrypted store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Connection

from caseworker.models import (
    Action,
    Actor,
    AuditEvent,
    Funding,
    Goal,
    Household,
    HouseholdStatus,
    Intake,
    IntakeStatus,
    IntakeStep,
    Plan,
    PlanStatus,
    Provision,
    ProvisionStatus,
    SafetySignal,
    SafetySignalKind,
    SyncMixin,
    Urgency,
)
from caseworker.services import NotFound, RuleViolation, ServiceContext, ValidationError
from caseworker.services import intake as svc
from caseworker.services import plan as plans
from caseworker.services.provisions import ProvisionInput, add_provision
from caseworker.store import OpenStore, Store
from tests.conftest import PASSPHRASE
from tests.unit.svc_family import Family, make_family, reference

QUESTION_TEXT = "Wij krijgen de rekeningen niet meer betaald"


@pytest.fixture
def family(open_store: OpenStore) -> Family:
    with open_store.transaction() as s:
        return make_family(s)


def _first_contact(signals: list[svc.SafetySignalInput] | None = None) -> svc.FirstContactInput:
    return svc.FirstContactInput(
        referral_source="school",
        who_asks="moeder, na gesprek met mentor",
        presented_question="Hulp bij schulden en bij Lisa die vaak niet naar school gaat",
        urgency=Urgency.HIGH,
        safety_signals=signals or [],
    )


def test_five_steps_resume_after_restart_and_agree(
    open_store: OpenStore, store_dir: Path, family: Family, ctx: ServiceContext
) -> None:
    ref = reference()
    # step 1 and the first half of step 2, each save committed as the wizard would
    with open_store.transaction() as s:
        intake_id = svc.start_intake(
            s,
            ctx,
            family.household_id,
            svc.ReferralInput("school", date(2026, 11, 20), "Mentor Lisa", None, Urgency.HIGH),
        )
    with open_store.transaction() as s:
        svc.save_first_contact(s, ctx, intake_id, _first_contact())
        svc.set_step(s, ctx, intake_id, IntakeStep.CLARIFICATION)
    with open_store.transaction() as s:
        q_debts = svc.save_question(
            s,
            ctx,
            intake_id,
            svc.QuestionInput(
                None,
                family.mother_id,
                "werk_inkomen",
                QUESTION_TEXT,
                "Overzicht en rust in de financiën zodat er ruimte is voor de kinderen",
                "Dat we weer gewoon de post durven open te maken",
            ),
        )
        svc.save_question(
            s,
            ctx,
            intake_id,
            svc.QuestionInput(
                None,
                family.eldest_id,
                "opgroeien_opvoeden",
                "Lisa moet weer naar school",
                "Lisa voelt zich buitengesloten in de klas",
                "Ik wil mijn diploma halen",
            ),
        )
    open_store.close()  # the laptop is shut in the middle of step 2

    reopened = Store(store_dir).unlock(PASSPHRASE)
    try:
        with reopened.session() as s:
            assert svc.current_draft(s, family.household_id) == intake_id
            view = svc.load_intake(s, intake_id)
        assert view.status == IntakeStatus.DRAFT
        assert view.current_step == IntakeStep.CLARIFICATION
        assert view.referral_source == "school"
        assert view.referrer_name == "Mentor Lisa"
        assert view.urgency == Urgency.HIGH
        assert view.who_asks == "moeder, na gesprek met mentor"
        assert [q.life_area for q in view.questions] == ["werk_inkomen", "opgroeien_opvoeden"]
        assert view.questions[0].id == q_debts
        assert view.questions[0].presented_question == QUESTION_TEXT
        assert view.questions[1].desired_result == "Ik wil mijn diploma halen"
        assert view.plan is not None and view.plan.status == PlanStatus.DRAFT
        assert not view.extends_agreed_plan
        plan_id = view.plan.id

        # the rest of step 2, then steps 3-5
        with reopened.transaction() as s:
            svc.save_strengths(
                s, ctx, intake_id, "Ouders willen graag, vader heeft werk", "Oma haalt de kinderen"
            )
            svc.set_step(s, ctx, intake_id, IntakeStep.SOLUTION)
            g_debts = plans.add_goal(
                s,
                ctx,
                plan_id,
                plans.GoalInput(
                    family.mother_id, "Schulden in beeld en een betaalregeling", "werk_inkomen",
                    "zrm-2017", "financien", 2, 4, date(2027, 6, 1),
                ),
            )  # fmt: skip
            g_school = plans.add_goal(
                s,
                ctx,
                plan_id,
                plans.GoalInput(
                    family.eldest_id, "Lisa gaat weer elke dag naar school", "opgroeien_opvoeden",
                    "zrm-children", "kind_scholing", 2, 4, date(2027, 3, 1),
                ),
            )  # fmt: skip
            plans.add_action(
                s, ctx, plan_id,
                plans.ActionInput(g_debts, "Post sorteren met oma", Actor.NETWORK,
                                  network_contact_id=family.grandma_id, step=1),
            )  # fmt: skip
            plans.add_action(
                s, ctx, plan_id,
                plans.ActionInput(g_debts, "Aanmelden schuldhulpverlening", Actor.CASEWORKER,
                                  step=2),
            )  # fmt: skip
            plans.add_action(
                s, ctx, plan_id,
                plans.ActionInput(g_school, "Gesprek met mentor en leerplicht", Actor.SELF,
                                  person_id=family.mother_id, step=1),
            )  # fmt: skip
            svc.set_step(s, ctx, intake_id, IntakeStep.ARRANGEMENT)
            add_provision(
                s, ctx, ref, family.household_id,
                ProvisionInput("av-schuldhulpverlening", family.mother_id,
                               start_on=date(2026, 12, 1)),
            )  # fmt: skip
            add_provision(
                s, ctx, ref, family.household_id,
                ProvisionInput(
                    "jw-ambulant", family.eldest_id, Funding.ZIN, provider="Elker",
                    units=2, start_on=date(2026, 12, 1), end_on=date(2027, 6, 1),
                    cost_cents_per_period=18000, cost_period="week",
                    justification="Schoolangst: netwerk en school alleen volstaan niet",
                ),
            )  # fmt: skip
            svc.save_summaries(
                s, ctx, intake_id, solution_summary="Eerst netwerk", arrangement_summary="Elker"
            )
            svc.set_step(s, ctx, intake_id, IntakeStep.ALLOCATION)
            plans.set_evaluation_date(s, ctx, plan_id, date(2027, 3, 1))
            assert plans.agreement_problems(s, plan_id, ctx.today()) == []
            assert plans.agree_plan(s, ctx, plan_id, date(2026, 11, 23), "mondeling") == 1

        with reopened.session() as s:  # read back from the database
            done = svc.load_intake(s, intake_id)
            goals = s.execute(select(Goal).where(Goal.plan_id == plan_id)).scalars().all()
            actions = s.execute(select(Action).where(Action.plan_id == plan_id)).scalars().all()
            provisions = s.execute(select(Provision)).scalars().all()
            household = s.get(Household, family.household_id)
            assert household is not None
            assert household.status == HouseholdStatus.ACTIVE
        assert done.status == IntakeStatus.COMPLETED
        assert done.completed_on == date(2026, 11, 23)
        assert done.family_agreed_how == "mondeling"
        assert done.own_strength == "Ouders willen graag, vader heeft werk"
        assert done.plan is not None and done.plan.status == PlanStatus.AGREED
        assert len(done.plan.revisions) == 1 and not done.plan.has_unagreed_changes
        assert {g.zrm_domain for g in goals} == {"financien", "kind_scholing"}
        assert sorted(a.step for a in actions) == [1, 1, 2]
        assert {p.catalogue_code: p.status for p in provisions} == {
            "av-schuldhulpverlening": ProvisionStatus.GRANTED,
            "jw-ambulant": ProvisionStatus.GRANTED,
        }
        assert all(p.decision_on == date(2026, 11, 23) for p in provisions)
        rows: list[SyncMixin] = [*goals, *actions, *provisions]
        assert all(r.updated_by == ctx.user_id for r in rows)
        with reopened.session() as s, pytest.raises(RuleViolation):
            svc.save_strengths(s, ctx, intake_id, "te laat", None)  # completed: read-only
    finally:
        reopened.close()


def test_safety_signals_follow_the_ticks(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    steps = svc.meldcode_steps()
    assert len(steps) == 5 and all(s.startswith(f"Stap {i}") for i, s in enumerate(steps, 1))
    assert "Veilig Thuis" in " ".join(steps)
    abuse = svc.SafetySignalInput(SafetySignalKind.CHILD_ABUSE, family.middle_id, "blauwe plekken")
    violence = svc.SafetySignalInput(SafetySignalKind.DOMESTIC_VIOLENCE)
    with open_store.transaction() as s:
        intake_id = svc.start_intake(s, ctx, family.household_id, None)
        svc.save_first_contact(s, ctx, intake_id, _first_contact())
        assert not svc.load_intake(s, intake_id).safety_concerns
        for _ in range(3):  # saved at every field change: no duplicates
            svc.save_first_contact(s, ctx, intake_id, _first_contact([abuse, violence]))
        view = svc.load_intake(s, intake_id)
        assert view.safety_concerns
        assert {(x.kind, x.person_id) for x in view.safety_signals} == {
            (SafetySignalKind.CHILD_ABUSE, family.middle_id),
            (SafetySignalKind.DOMESTIC_VIOLENCE, None),
        }
        svc.save_first_contact(s, ctx, intake_id, _first_contact([violence]))
        view = svc.load_intake(s, intake_id)
        assert [x.kind for x in view.safety_signals] == [SafetySignalKind.DOMESTIC_VIOLENCE]
        rows = s.execute(select(SafetySignal)).scalars().all()
        assert len(rows) == 2 and sum(r.deleted for r in rows) == 1  # unticked = tombstone
        assert all(r.household_id == family.household_id for r in rows)
        svc.save_first_contact(s, ctx, intake_id, _first_contact([]))
        assert not svc.load_intake(s, intake_id).safety_concerns


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"life_area": "geluk"}, "life_area"),
        ({"person_id": "not-a-member"}, "person_id"),
    ],
)
def test_question_validation_names_field_not_value(
    open_store: OpenStore, family: Family, ctx: ServiceContext, change: dict[str, str], field: str
) -> None:
    with open_store.transaction() as s:
        intake_id = svc.start_intake(s, ctx, family.household_id, None)
    base = {"id": None, "person_id": family.father_id, "life_area": "zorg"}
    data = svc.QuestionInput(**{**base, **change})  # type: ignore[arg-type]
    with open_store.session() as s:
        with pytest.raises(ValidationError) as err:
            svc.save_question(s, ctx, intake_id, data)
        assert err.value.field == field
        assert change[field] not in str(err.value)


def test_first_contact_validation(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        intake_id = svc.start_intake(s, ctx, family.household_id, None)
    with open_store.session() as s:
        bad = svc.FirstContactInput("buurman-achterom", None, None)
        with pytest.raises(ValidationError) as err:
            svc.save_first_contact(s, ctx, intake_id, bad)
        assert err.value.field == "referral_source" and "buurman" not in str(err.value)
        with pytest.raises(ValidationError) as err:
            svc.save_first_contact(s, ctx, intake_id, _first_contact().__class__(
                "zelf", "x" * 201, None))  # fmt: skip
        assert err.value.field == "who_asks"
        with pytest.raises(ValidationError):
            svc.start_intake(s, ctx, family.household_id, svc.ReferralInput("?", date.today()))
        with pytest.raises(NotFound):
            svc.load_intake(s, "00000000-0000-4000-8000-00000000dead")


def test_start_intake_is_idempotent_and_refused_on_closed_household(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        first = svc.start_intake(s, ctx, family.household_id, None)
        assert svc.start_intake(s, ctx, family.household_id, None) == first
        assert s.scalar(select(func.count()).select_from(Intake)) == 1
        assert s.scalar(select(func.count()).select_from(Plan)) == 1
        household = s.get(Household, family.household_id)
        assert household is not None
        household.status = HouseholdStatus.CLOSED
        household.closed_on = date(2026, 11, 20)
        household.closing_reason = "verhuisd"
        s.flush()
        with pytest.raises(RuleViolation):
            svc.start_intake(s, ctx, family.household_id, None)


def test_new_intake_extends_the_agreed_plan(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        first = svc.start_intake(s, ctx, family.household_id, None)
        plan_id = svc.load_intake(s, first).plan.id  # type: ignore[union-attr]
        goal = plans.add_goal(s, ctx, plan_id, plans.GoalInput(None, "Rust in huis"))
        plans.add_action(s, ctx, plan_id, plans.ActionInput(goal, "Weekplanning", Actor.SELF))
        plans.agree_plan(s, ctx, plan_id, ctx.today(), "getekend")
    with open_store.transaction() as s:
        second = svc.start_intake(s, ctx, family.household_id, None)
        assert second != first
        view = svc.load_intake(s, second)
        assert view.plan is not None and view.plan.id == plan_id and view.extends_agreed_plan
        assert [g.description for g in view.plan.goals] == ["Rust in huis"]
        plans.add_goal(s, ctx, plan_id, plans.GoalInput(family.eldest_id, "Naar school"))
        assert plans.agree_plan(s, ctx, plan_id, ctx.today(), "mondeling") == 2
    with open_store.session() as s:
        assert s.scalar(select(func.count()).select_from(Plan)) == 1
        statuses = s.execute(select(Intake.status).order_by(Intake.id)).scalars().all()
        assert set(statuses) == {IntakeStatus.COMPLETED}
        assert len(plans.load_plan(s, family.household_id).revisions) == 2


def test_saving_a_field_is_one_small_update_and_audited_with_ids_only(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        intake_id = svc.start_intake(s, ctx, family.household_id, None)
        svc.save_first_contact(s, ctx, intake_id, _first_contact())
    statements: list[str] = []

    def _count(_c: Connection, _cur: object, stmt: str, *_a: object) -> None:
        statements.append(" ".join(stmt.split()[:3]).upper())

    event.listen(open_store.engine, "before_cursor_execute", _count)
    try:
        with open_store.transaction() as s:
            s.get(Intake, intake_id)  # the wizard's session already holds the row
            statements.clear()
            svc.save_strengths(s, ctx, intake_id, "Vader kookt graag", None)
    finally:
        event.remove(open_store.engine, "before_cursor_execute", _count)
    assert [st for st in statements if st.startswith(("UPDATE", "DELETE"))] == [
        "UPDATE INTAKES SET"
    ]
    assert statements.count("INSERT INTO AUDIT_EVENTS") == 1  # (a sync outbox row may follow)
    with open_store.session() as s:
        intake = s.get(Intake, intake_id)
        assert intake is not None and intake.updated_by == ctx.user_id
        details = s.execute(select(AuditEvent.detail)).scalars().all()
        dumped = json.dumps(details)
        assert "Vader kookt" not in dumped and "schulden" not in dumped.lower()
        assert s.scalar(text("SELECT count(*) FROM audit_events WHERE object_type='intake'")) >= 3
