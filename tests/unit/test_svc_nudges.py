"""Nudges (issue 5): each warning appears for the case that triggers it, and not otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.orm import Session

from caseworker.models import Actor, Household, HouseholdStatus, PersonRole
from caseworker.services import ServiceContext, ValidationError
from caseworker.services import future_plan as fp
from caseworker.services import nudges as nd
from caseworker.services import plan as plans
from caseworker.services import provisions as prov
from caseworker.store import OpenStore
from tests.unit.svc_family import TODAY, Family, add_person, make_family, reference

WHY = "Lichtere hulp is geprobeerd en volstaat niet (goedkoopst adequaat)"


@pytest.fixture
def s(open_store: OpenStore) -> Iterator[Session]:
    with open_store.session() as session:
        yield session


@pytest.fixture
def family(s: Session) -> Family:
    return make_family(s)


def _codes(s: Session, household_id: str, today: date = TODAY) -> list[str]:
    return [n.code for n in nd.plan_nudges(s, household_id, today)]


def _provision(
    s: Session, ctx: ServiceContext, family: Family, code: str, person_id: str | None
) -> str:
    return prov.add_provision(
        s, ctx, reference(), family.household_id,
        prov.ProvisionInput(code, person_id, justification=WHY),
    )  # fmt: skip


def test_viertrap_not_walked(s: Session, ctx: ServiceContext, family: Family) -> None:
    plan_id = plans.get_or_create_plan(s, ctx, family.household_id)
    goal = plans.add_goal(s, ctx, plan_id, plans.GoalInput(None, "Rust", due_on=date(2027, 1, 1)))
    assert _codes(s, family.household_id) == []
    high = plans.add_action(
        s, ctx, plan_id,
        plans.ActionInput(goal, "Specialist", Actor.PROVIDER, step=4, justification=WHY),
    )  # fmt: skip
    nudges = nd.plan_nudges(s, family.household_id, TODAY)
    assert [n.code for n in nudges] == [nd.VIERTRAP_NOT_WALKED]
    assert nudges[0].subject_id == plan_id and "trede 1 of 2" in nudges[0].message_nl
    low = plans.add_action(s, ctx, plan_id, plans.ActionInput(goal, "Buurvrouw", Actor.NETWORK))
    assert _codes(s, family.household_id) == []
    plans.remove_action(s, ctx, low)
    plans.remove_action(s, ctx, high)
    _provision(s, ctx, family, "wmo-dagbesteding", family.father_id)  # trede 3 provision only
    assert _codes(s, family.household_id) == [nd.VIERTRAP_NOT_WALKED]
    _provision(s, ctx, family, "av-amw", family.father_id)  # trede 2 considered
    assert _codes(s, family.household_id) == []


def test_stacking_from_three_running_tailored_provisions(
    s: Session, ctx: ServiceContext, family: Family
) -> None:
    plan_id = plans.get_or_create_plan(s, ctx, family.household_id)
    plans.add_action(s, ctx, plan_id, plans.ActionInput(None, "Zelf", Actor.SELF))
    _provision(s, ctx, family, "av-amw", family.mother_id)  # general: does not count
    _provision(s, ctx, family, "wmo-hh2", family.mother_id)
    _provision(s, ctx, family, "jw-ambulant", family.middle_id)
    assert nd.STACKING not in _codes(s, family.household_id)
    third = _provision(s, ctx, family, "wmo-io-middel", family.father_id)
    nudges = [n for n in nd.plan_nudges(s, family.household_id, TODAY) if n.code == nd.STACKING]
    assert len(nudges) == 1 and nudges[0].subject_id == family.household_id
    assert nudges[0].message_nl.startswith("3 maatwerkvoorzieningen")
    prov.end_provision(s, ctx, third, date(2026, 11, 1))
    assert nd.STACKING not in _codes(s, family.household_id)


def test_future_plan_for_youth_of_16_and_a_half_in_youth_care(
    s: Session, ctx: ServiceContext, family: Family
) -> None:
    # the eldest is 16 years 8 months; not yet in youth care → no nudge
    assert nd.FUTURE_PLAN_MISSING not in _codes(s, family.household_id)
    _provision(s, ctx, family, "av-cjg", family.eldest_id)  # general jeugdwet: not youth care
    assert nd.FUTURE_PLAN_MISSING not in _codes(s, family.household_id)
    care = _provision(s, ctx, family, "jw-ambulant", family.eldest_id)
    nudges = [n for n in nd.plan_nudges(s, family.household_id, TODAY)]
    assert [(n.code, n.subject_id) for n in nudges] == [(nd.FUTURE_PLAN_MISSING, family.eldest_id)]
    # one day before 16½ the nudge is not there yet
    assert nd.FUTURE_PLAN_MISSING not in _codes(s, family.household_id, date(2026, 9, 14))
    assert nd.FUTURE_PLAN_MISSING in _codes(s, family.household_id, date(2026, 9, 15))
    fp.save_future_plan(
        s, ctx, family.household_id, family.eldest_id,
        fp.FuturePlanInput(housing="Thuis", daytime_activity="MBO Zorg", finances=" "),
    )  # fmt: skip
    nudge = nd.plan_nudges(s, family.household_id, TODAY)[0]
    assert nudge.code == nd.FUTURE_PLAN_MISSING
    assert "financiën, sociale contacten ontbreekt" in nudge.message_nl
    fp.save_future_plan(
        s, ctx, family.household_id, family.eldest_id,
        fp.FuturePlanInput("Thuis", "MBO Zorg", "Bijbaan en zakgeld", "Voetbalclub"),
    )  # fmt: skip
    view = fp.get_future_plan(s, family.eldest_id)
    assert view is not None and view.is_complete and view.finances == "Bijbaan en zakgeld"
    assert _codes(s, family.household_id) == []
    prov.end_provision(s, ctx, care, date(2026, 11, 1))
    fp.save_future_plan(s, ctx, family.household_id, family.eldest_id, fp.FuturePlanInput())
    assert _codes(s, family.household_id) == []  # no longer in youth care
    with pytest.raises(ValidationError):
        fp.save_future_plan(s, ctx, family.household_id, "someone-else", fp.FuturePlanInput())


def test_youth_turning_18_within_six_months(
    s: Session, ctx: ServiceContext, family: Family
) -> None:
    soon = add_person(s, family.household_id, "Sem", date(2009, 5, 23), PersonRole.CHILD)
    later = add_person(s, family.household_id, "Bo", date(2009, 5, 24), PersonRole.CHILD)
    assert nd.TURNING_18 not in _codes(s, family.household_id)  # not in youth care
    _provision(s, ctx, family, "jw-ambulant", soon)
    _provision(s, ctx, family, "jw-ambulant", later)
    fp.save_future_plan(s, ctx, family.household_id, soon, fp.FuturePlanInput("a", "b", "c", "d"))
    fp.save_future_plan(s, ctx, family.household_id, later, fp.FuturePlanInput("a", "b", "c", "d"))
    nudges = [n for n in nd.plan_nudges(s, family.household_id, TODAY) if n.code == nd.TURNING_18]
    assert [n.subject_id for n in nudges] == [soon]  # 18 on 23-05-2027: exactly six months
    assert "23-05-2027" in nudges[0].message_nl
    assert nd.TURNING_18 not in _codes(s, family.household_id, date(2027, 5, 25))  # both adult


def test_goal_without_due_date_and_closed_household(
    s: Session, ctx: ServiceContext, family: Family
) -> None:
    plan_id = plans.get_or_create_plan(s, ctx, family.household_id)
    dated = plans.add_goal(s, ctx, plan_id, plans.GoalInput(None, "A", due_on=date(2027, 1, 1)))
    undated = plans.add_goal(s, ctx, plan_id, plans.GoalInput(None, "B"))
    nudges = nd.plan_nudges(s, family.household_id, TODAY)
    assert [(n.code, n.subject_id) for n in nudges] == [(nd.GOAL_WITHOUT_DUE_DATE, undated)]
    assert nudges[0].message_nl == "Doel 2 heeft geen streefdatum."
    plans.update_goal(s, ctx, undated, plans.GoalInput(None, "B", due_on=date(2027, 2, 1)))
    assert _codes(s, family.household_id) == []
    plans.update_goal(s, ctx, dated, plans.GoalInput(None, "A"))
    assert _codes(s, family.household_id) == [nd.GOAL_WITHOUT_DUE_DATE]
    household = s.get(Household, family.household_id)
    assert household is not None
    household.status = HouseholdStatus.CLOSED
    household.closed_on = TODAY
    household.closing_reason = "verhuisd"
    assert _codes(s, family.household_id) == []  # closed: nothing to nudge about
