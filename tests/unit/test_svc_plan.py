"""Plan, provision and revision-diff services (issue 5) on a real encrypted store."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session

from caseworker.models import (
    Action,
    Actor,
    Funding,
    GoalStatus,
    Plan,
    PlanRevision,
    PlanStatus,
    Provision,
    ProvisionKind,
    ProvisionStatus,
)
from caseworker.models.enums import Law
from caseworker.services import RuleViolation, ServiceContext, ValidationError
from caseworker.services import plan as plans
from caseworker.services import provisions as prov
from caseworker.services.plan_diff import diff_revisions
from caseworker.store import OpenStore
from tests.unit.svc_family import Family, make_family, reference

JUSTIFIED = "Netwerk en algemene voorzieningen volstaan niet: goedkoopst adequaat"


@pytest.fixture
def family(open_store: OpenStore) -> Family:
    with open_store.transaction() as s:
        return make_family(s)


def _plan_with_goal(s: Session, ctx: ServiceContext, family: Family) -> tuple[str, str]:
    plan_id = plans.get_or_create_plan(s, ctx, family.household_id)
    goal_id = plans.add_goal(
        s,
        ctx,
        plan_id,
        plans.GoalInput(
            family.mother_id, "Schulden op orde", "werk_inkomen", "zrm-2017", "financien", 2, 3,
            date(2027, 6, 1),
        ),
    )  # fmt: skip
    plans.add_action(
        s, ctx, plan_id, plans.ActionInput(goal_id, "Administratie met oma", Actor.NETWORK)
    )
    return plan_id, goal_id


def test_one_plan_per_household_enforced_by_service_and_database(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        first = plans.get_or_create_plan(s, ctx, family.household_id)
        assert plans.get_or_create_plan(s, ctx, family.household_id) == first
        plan = s.get(Plan, first)
        assert plan is not None and plan.coordinator_id == ctx.user_id
        assert plan.updated_by == ctx.user_id
    with open_store.session() as s:
        s.add(Plan(household_id=family.household_id, status=PlanStatus.DRAFT))
        with pytest.raises(IntegrityError):
            s.flush()
        s.rollback()
        assert s.scalar(select(func.count()).select_from(Plan)) == 1


def test_trede_4_action_needs_justification_at_save_in_db_and_at_agreement(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        plan_id, goal_id = _plan_with_goal(s, ctx, family)
    high = plans.ActionInput(goal_id, "Specialistische hulp", Actor.PROVIDER, step=4)
    with open_store.session() as s:
        with pytest.raises(ValidationError) as err:
            plans.add_action(s, ctx, plan_id, high)
        assert err.value.field == "justification" and "goedkoopst adequaat" in err.value.message
        with pytest.raises(ValidationError):
            plans.add_action(s, ctx, plan_id, high.__class__(**{**high.__dict__, "step": 5}))
        s.add(Action(plan_id=plan_id, description="x", actor=Actor.PROVIDER, step=4))
        with pytest.raises(IntegrityError):  # the database check backs the rule
            s.flush()
        s.rollback()
    with open_store.transaction() as s:
        action_id = plans.add_action(
            s, ctx, plan_id, high.__class__(**{**high.__dict__, "justification": JUSTIFIED})
        )
        with pytest.raises(ValidationError):  # and it cannot be emptied later
            plans.update_action(s, ctx, action_id, high.__class__(**{**high.__dict__}))
        assert plans.agree_plan(s, ctx, plan_id, ctx.today(), "mondeling") == 1


def test_pgb_without_reason_cannot_be_saved_nor_agreed(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    ref = reference()
    pgb = prov.ProvisionInput(
        "wmo-io-licht", family.mother_id, Funding.PGB, justification=JUSTIFIED
    )
    with open_store.transaction() as s:
        plan_id, _ = _plan_with_goal(s, ctx, family)
    with open_store.session() as s:
        with pytest.raises(ValidationError) as err:
            prov.add_provision(s, ctx, ref, family.household_id, pgb)
        assert err.value.field == "pgb_reason"
        no_pgb = prov.ProvisionInput(
            "jw-pleegzorg", family.eldest_id, Funding.PGB, "eigen netwerk", justification="x"
        )
        with pytest.raises(ValidationError) as err:
            prov.add_provision(s, ctx, ref, family.household_id, no_pgb)
        assert err.value.field == "funding"
        with pytest.raises(ValidationError) as err:  # trede 4 without justification
            prov.add_provision(
                s, ctx, ref, family.household_id, prov.ProvisionInput("wmo-io-licht")
            )
        assert err.value.field == "justification"
        with pytest.raises(ValidationError):
            prov.add_provision(s, ctx, ref, family.household_id, prov.ProvisionInput("nope"))
        s.add(
            Provision(
                household_id=family.household_id, catalogue_code="wmo-io-licht",
                kind=ProvisionKind.TAILORED, law=Law.WMO, funding=Funding.PGB, step=4,
                justification=JUSTIFIED, pgb_reason="  ",
            )
        )  # fmt: skip
        with pytest.raises(IntegrityError):
            s.flush()
        s.rollback()
    with open_store.transaction() as s:  # a trede-4 provision that slipped in unjustified
        s.add(
            Provision(
                household_id=family.household_id, plan_id=plan_id, catalogue_code="wmo-io-licht",
                kind=ProvisionKind.TAILORED, law=Law.WMO, funding=Funding.PGB, step=4,
                pgb_reason="Eigen regie: vaste hulp uit de kerk",
            )
        )  # fmt: skip
    with open_store.session() as s:
        problems = plans.agreement_problems(s, plan_id, ctx.today())
        assert problems == [
            "Voorziening 1 staat op trede 4 zonder onderbouwing (goedkoopst adequaat)."
        ]
        with pytest.raises(RuleViolation):
            plans.agree_plan(s, ctx, plan_id, ctx.today(), "mondeling")
    with open_store.transaction() as s:
        provision_id = s.execute(select(Provision.id)).scalar_one()
        prov.update_provision(
            s, ctx, ref, provision_id,
            pgb.__class__(**{**pgb.__dict__, "pgb_reason": "Eigen regie: vaste hulp uit de kerk"}),
        )  # fmt: skip
        assert plans.agree_plan(s, ctx, plan_id, ctx.today(), "mondeling") == 1
        view = prov.list_provisions(s, family.household_id)[0]
        assert (view.kind, view.law, view.step) == (ProvisionKind.TAILORED, Law.WMO, 4)
        assert view.status == ProvisionStatus.GRANTED and view.unit == "uur/week"


def test_general_provision_is_never_pgb_and_funding_none(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    ref = reference()
    with open_store.transaction() as s:
        pid = prov.add_provision(
            s, ctx, ref, family.household_id, prov.ProvisionInput("av-amw", family.father_id)
        )
        assert s.get(Provision, pid).funding == Funding.NONE  # type: ignore[union-attr]
        with pytest.raises(ValidationError):
            prov.add_provision(
                s, ctx, ref, family.household_id,
                prov.ProvisionInput("av-amw", funding=Funding.PGB, pgb_reason="x"),
            )  # fmt: skip
        with pytest.raises(ValidationError) as err:
            prov.add_provision(
                s, ctx, ref, family.household_id,
                prov.ProvisionInput("av-amw", start_on=date(2027, 1, 2), end_on=date(2027, 1, 1)),
            )  # fmt: skip
        assert err.value.field == "end_on"
        with pytest.raises(ValidationError):
            prov.add_provision(
                s, ctx, ref, family.household_id,
                prov.ProvisionInput("av-amw", cost_cents_per_period=-1, cost_period="week"),
            )  # fmt: skip
        prov.end_provision(s, ctx, pid, date(2027, 2, 1))
        assert prov.list_provisions(s, family.household_id)[0].status == ProvisionStatus.ENDED
        prov.remove_provision(s, ctx, pid)
        assert prov.list_provisions(s, family.household_id) == []


def test_empty_plan_has_blocking_problems(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        plan_id = plans.get_or_create_plan(s, ctx, family.household_id)
        assert plans.agreement_problems(s, plan_id, ctx.today()) == [
            "Het plan heeft nog geen doelen.",
            "Het plan heeft nog geen acties (wie doet wat).",
        ]
        with pytest.raises(RuleViolation):
            plans.agree_plan(s, ctx, plan_id, ctx.today(), "mondeling")


def test_goal_validation(open_store: OpenStore, family: Family, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        plan_id = plans.get_or_create_plan(s, ctx, family.household_id)
    cases = [
        (plans.GoalInput(None, "  "), "description"),
        (plans.GoalInput(None, "x", baseline_score=6), "baseline_score"),
        (plans.GoalInput(None, "x", baseline_score=4, target_score=3), "target_score"),
        (plans.GoalInput(None, "x", instrument="zrm-household", zrm_domain="financien"),
         "zrm_domain"),
        (plans.GoalInput(None, "x", life_area="vrije_tijd"), "life_area"),
    ]  # fmt: skip
    with open_store.session() as s:
        for data, field in cases:
            with pytest.raises(ValidationError) as err:
                plans.add_goal(s, ctx, plan_id, data)
            assert err.value.field == field
        goal_id = plans.add_goal(
            s, ctx, plan_id, plans.GoalInput(None, "x", zrm_domain="kind_opvang")
        )
        goal = plans.load_plan(s, family.household_id).goals[0]
        assert (goal.id, goal.instrument) == (goal_id, "zrm-children")  # inferred


def test_revisions_are_immutable_and_diffed(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        plan_id, goal_id = _plan_with_goal(s, ctx, family)
        doomed = plans.add_action(
            s, ctx, plan_id, plans.ActionInput(goal_id, "Belastingdienst bellen", Actor.SELF)
        )
        plans.set_summary(s, ctx, plan_id, "Rust in de financiën")
        assert plans.load_plan(s, family.household_id).has_unagreed_changes
        plans.agree_plan(s, ctx, plan_id, date(2026, 11, 20), "mondeling")
        view = plans.load_plan(s, family.household_id)
        assert not view.has_unagreed_changes and view.revision_number == 1
        first = plans.revision_snapshot(s, plan_id, 1)
    with open_store.transaction() as s:  # second round: change, add, remove
        plans.update_goal(
            s, ctx, goal_id,
            plans.GoalInput(family.mother_id, "Schulden op orde", "werk_inkomen", "zrm-2017",
                            "financien", 2, 4, date(2027, 6, 1)),
        )  # fmt: skip
        plans.add_goal(s, ctx, plan_id, plans.GoalInput(family.eldest_id, "Naar school"))
        plans.remove_action(s, ctx, doomed)
        plans.set_goal_status(s, ctx, goal_id, GoalStatus.OPEN)
        assert plans.load_plan(s, family.household_id).has_unagreed_changes
        assert plans.agree_plan(s, ctx, plan_id, ctx.today(), "getekend") == 2
    with open_store.session() as s:
        assert plans.revision_snapshot(s, plan_id, 1) == first  # untouched by round two
        second = plans.revision_snapshot(s, plan_id, 2)
        view = plans.load_plan(s, family.household_id)
        assert [r.number for r in view.revisions] == [1, 2]
        assert view.agreed_how == "getekend"
    lines = [line.text for line in diff_revisions(first, second)]
    assert "Doel toegevoegd: Naar school" in lines
    assert "Doel “Schulden op orde”: Streefscore gewijzigd van 3 naar 4" in lines
    assert "Actie verwijderd: Belastingdienst bellen (trede 1)" in lines
    assert len(lines) == 3
    assert diff_revisions(second, second) == []
    assert [d.kind for d in diff_revisions(None, first)] == ["added"] * 3
    with open_store.session() as s:  # the database refuses to change an agreed revision
        with pytest.raises(DatabaseError, match="immutable"):
            s.execute(
                update(PlanRevision).where(PlanRevision.number == 1).values(snapshot={"goals": []})
            )
        s.rollback()
        with pytest.raises(DatabaseError, match="immutable"):
            s.execute(text("UPDATE plan_revisions SET agreed_on = '2020-01-01'"))
        s.rollback()
        s.execute(text("UPDATE plan_revisions SET version = 7"))  # sync may move its cursor
        s.rollback()


def test_agreement_validation_and_coordinator(
    open_store: OpenStore, family: Family, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        plan_id, _ = _plan_with_goal(s, ctx, family)
        with pytest.raises(ValidationError) as err:
            plans.agree_plan(s, ctx, plan_id, date(2026, 11, 24), "mondeling")
        assert err.value.field == "agreed_on"
        with pytest.raises(ValidationError) as err:
            plans.agree_plan(s, ctx, plan_id, ctx.today(), "  ")
        assert err.value.field == "agreed_how"
        with pytest.raises(ValidationError):
            plans.set_coordinator(s, ctx, plan_id, "no-such-user")
        plans.set_coordinator(s, ctx, plan_id, ctx.user_id or "")
        plans.set_evaluation_date(s, ctx, plan_id, date(2027, 2, 1))
        view = plans.load_plan(s, family.household_id, ctx=ctx)
        assert view.coordinator_name == "Anna de Vries"
        assert view.evaluation_on == date(2027, 2, 1)
        assert (
            s.scalar(
                text("SELECT count(*) FROM audit_events WHERE action='view' AND object_type='plan'")
            )
            == 1
        )


def test_diff_lines_for_plan_and_provision_fields() -> None:
    old = {
        "schema": 1,
        "plan": {"coordinator_id": "u1", "summary": "Rust", "evaluation_on": "2027-01-01"},
        "goals": [],
        "actions": [
            {"id": "a1", "description": "Bellen", "actor": "self", "step": 1, "person_id": "p1"}
        ],
        "provisions": [
            {"id": "v1", "catalogue_code": "wmo-hh2", "funding": "zin", "units": 3.0,
             "cost_cents_per_period": 12050, "step": 4, "status": "granted"},
        ],
    }  # fmt: skip
    new = {
        "schema": 1,
        "plan": {"coordinator_id": "u2", "summary": "Rust", "evaluation_on": "2027-03-01"},
        "goals": [],
        "actions": [
            {"id": "a1", "description": "Bellen", "actor": "network", "step": 1,
             "person_id": "p2"},
        ],
        "provisions": [
            {"id": "v1", "catalogue_code": "wmo-hh2", "funding": "pgb", "units": 2.5,
             "cost_cents_per_period": 9900, "step": 4, "status": "granted"},
        ],
    }  # fmt: skip
    lines = [d.text for d in diff_revisions(old, new, {"u1": "Anna", "u2": "Bram"})]
    assert lines == [
        "Regisseur gewijzigd van Anna naar Bram",
        "Evaluatiedatum gewijzigd van 01-01-2027 naar 01-03-2027",
        "Actie “Bellen”: Gezinslid gewijzigd",
        "Actie “Bellen”: Uitvoerder gewijzigd van het gezin zelf naar sociaal netwerk",
        "Voorziening “wmo-hh2”: Financiering gewijzigd van zorg in natura naar PGB",
        "Voorziening “wmo-hh2”: Omvang gewijzigd van 3 naar 2,5",
        "Voorziening “wmo-hh2”: Kosten per periode gewijzigd van € 120,50 naar € 99,00",
    ]
