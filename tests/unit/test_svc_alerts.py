"""Each alert is raised by its own case, and not by the cases just beside it.

The clock of ``ctx`` is 23-11-2026: 14 days ahead is 07-12-2026, six months back is
23-05-2026, 16½ years back is 23-05-2010, 18 years back is 23-11-2008.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from caseworker.models import (
    HouseholdStatus,
    IntakeStatus,
    Law,
    Person,
    PlanStatus,
    ProvisionStatus,
)
from caseworker.services import ServiceContext
from caseworker.services.alerts import (
    CRITICAL,
    INFO,
    WARNING,
    Alert,
    add_months,
    compute_alerts,
)
from caseworker.services.closing import CloseInput, close_case
from caseworker.store import OpenStore

from .test_svc_builders import (
    TODAY,
    assessment,
    conflict,
    escalation,
    future_plan,
    household,
    intake,
    person,
    plan,
    provision,
)

ACTIVE = HouseholdStatus.ACTIVE


def codes(alerts: dict[str, list[Alert]], hid: str) -> list[tuple[str, str]]:
    return [(a.code, a.severity) for a in alerts.get(hid, [])]


def test_add_months() -> None:
    assert add_months(date(2026, 11, 23), -6) == date(2026, 5, 23)
    assert add_months(date(2026, 8, 31), -6) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 3, 31), -1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 23), -216) == date(2008, 11, 23)


def test_evaluation_due(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        soon = household(s, ctx, "Familie A", status=ACTIVE)
        plan(s, soon, evaluation_on=date(2026, 12, 7))
        later = household(s, ctx, "Familie B", status=ACTIVE)
        plan(s, later, evaluation_on=date(2026, 12, 8))
        overdue = household(s, ctx, "Familie C", status=ACTIVE)
        plan(s, overdue, evaluation_on=date(2026, 11, 1))
        plan_closed = household(s, ctx, "Familie D", status=ACTIVE)
        plan(s, plan_closed, evaluation_on=date(2026, 11, 1), status=PlanStatus.CLOSED)
        no_date = household(s, ctx, "Familie E", status=ACTIVE)
        plan(s, no_date)
        closed = household(s, ctx, "Familie F", status=ACTIVE, opened_on=date(2026, 1, 1))
        plan(s, closed, evaluation_on=date(2026, 11, 1))
        close_case(s, ctx, closed, CloseInput("verhuisd", ctx.today()))
        alerts = compute_alerts(s, TODAY)
    assert codes(alerts, soon) == [("evaluation_due", INFO)]
    assert alerts[soon][0].due_on == date(2026, 12, 7)
    assert "07-12-2026" in alerts[soon][0].message_nl
    assert codes(alerts, overdue) == [("evaluation_due", WARNING)]
    for hid in (later, plan_closed, no_date, closed):
        assert hid not in alerts


def test_zrm_due(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        old = household(s, ctx, "Oud", status=ACTIVE)
        assessment(s, old, person(s, ctx, old), date(2026, 5, 22))
        recent = household(s, ctx, "Recent", status=ACTIVE)
        p = person(s, ctx, recent)
        assessment(s, recent, p, date(2025, 1, 1))
        assessment(s, recent, p, date(2026, 5, 23))  # the latest counts
        never_with_plan = household(s, ctx, "Nooit, met plan")  # status intake, plan exists
        plan(s, never_with_plan, status=PlanStatus.DRAFT)
        person(s, ctx, never_with_plan)
        person(s, ctx, never_with_plan, "Piet")
        never_no_plan = household(s, ctx, "Nooit, zonder plan", status=ACTIVE)
        person(s, ctx, never_no_plan)
        only_child = household(s, ctx, "Kind", status=ACTIVE)
        plan(s, only_child)
        assessment(s, only_child, person(s, ctx, only_child), TODAY)
        person(s, ctx, only_child, "Kim", date(2016, 1, 1), "child")  # children: not ZRM 2017
        household_level = household(s, ctx, "Huishoudniveau", status=ACTIVE)
        plan(s, household_level)
        person(s, ctx, household_level)
        assessment(s, household_level, None, TODAY, instrument="zrm-household")
        intake_only = household(s, ctx, "Aanmelding")  # status intake, no plan
        assessment(s, intake_only, person(s, ctx, intake_only), date(2024, 1, 1))
        tombstoned = household(s, ctx, "Vertrokken lid", status=ACTIVE)
        gone = person(s, ctx, tombstoned)
        assessment(s, tombstoned, gone, date(2024, 1, 1))
        row = s.get(Person, gone)
        assert row is not None
        row.deleted = True
        alerts = compute_alerts(s, TODAY)
    assert codes(alerts, old) == [("zrm_due", WARNING)]
    assert codes(alerts, never_with_plan) == [("zrm_due", WARNING)]
    assert "2 gezinsleden" in alerts[never_with_plan][0].message_nl
    assert codes(alerts, household_level) == [("zrm_due", WARNING)]
    for hid in (recent, never_no_plan, only_child, intake_only, tombstoned):
        assert hid not in alerts, hid


def _youth(
    s: Session, ctx: ServiceContext, birth: date, *, law: Law = Law.JEUGDWET, **kw: object
) -> tuple[str, str]:
    hid = household(s, ctx, f"Jeugd {birth.isoformat()}", status=ACTIVE)
    pid = person(s, ctx, hid, "Xanthe", birth, "child")
    provision(s, hid, pid, law=law, **kw)  # type: ignore[arg-type]
    return hid, pid


def test_youth_turning_16_and_a_half_and_18(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        exactly_16_5 = _youth(s, ctx, date(2010, 5, 23))
        just_under = _youth(s, ctx, date(2010, 5, 24))
        with_future_plan = _youth(s, ctx, date(2010, 1, 1))
        future_plan(s, *with_future_plan)
        turns_18_in_6_months = _youth(s, ctx, date(2009, 5, 23))
        turns_18_later = _youth(s, ctx, date(2009, 5, 24))
        already_18 = _youth(s, ctx, date(2008, 11, 23))
        wmo_only = _youth(s, ctx, date(2010, 1, 1), law=Law.WMO, code="wmo-io-licht")
        ended = _youth(s, ctx, date(2009, 1, 1), end_on=date(2026, 11, 22))
        ends_today = _youth(s, ctx, date(2009, 1, 1), end_on=TODAY)
        proposed = _youth(s, ctx, date(2009, 1, 1), status=ProvisionStatus.PROPOSED)
        alerts = compute_alerts(s, TODAY)
    assert codes(alerts, exactly_16_5[0]) == [("future_plan_missing", WARNING)]
    assert alerts[exactly_16_5[0]][0].subject_id == exactly_16_5[1]
    assert codes(alerts, turns_18_in_6_months[0]) == [
        ("future_plan_missing", WARNING),
        ("turning_18", WARNING),
    ]
    turning = alerts[turns_18_in_6_months[0]][1]
    assert turning.due_on == date(2027, 5, 23) and "23-05-2027" in turning.message_nl
    assert codes(alerts, turns_18_later[0]) == [("future_plan_missing", WARNING)]
    assert codes(alerts, ends_today[0]) == [
        ("future_plan_missing", WARNING),
        ("turning_18", WARNING),
    ]
    for hid, _pid in (just_under, with_future_plan, already_18, wmo_only, ended, proposed):
        assert hid not in alerts


def test_intake_unfinished(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        fresh = household(s, ctx, "Vers")
        intake(s, fresh, started_on=date(2026, 11, 9))
        stale = household(s, ctx, "Oud")
        intake(s, stale, started_on=date(2026, 11, 8))
        intake(s, stale, started_on=date(2026, 11, 20))
        done = household(s, ctx, "Klaar")
        intake(
            s, done, started_on=date(2026, 1, 1), status=IntakeStatus.COMPLETED,
            completed_on=date(2026, 1, 20),
        )  # fmt: skip
        abandoned = household(s, ctx, "Gestopt")
        intake(s, abandoned, started_on=date(2026, 1, 1), status=IntakeStatus.ABANDONED)
        closed = household(s, ctx, "Dicht", opened_on=date(2026, 1, 1))
        intake(s, closed, started_on=date(2026, 1, 1))
        close_case(s, ctx, closed, CloseInput("geen_contact", ctx.today()))
        alerts = compute_alerts(s, TODAY)
    assert codes(alerts, fresh) == [("intake_unfinished", INFO)]
    assert codes(alerts, stale) == [("intake_unfinished", WARNING)]
    for hid in (done, abandoned, closed):
        assert hid not in alerts


def test_conflicts_and_escalations(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        both = household(s, ctx, "Beide")
        conflict(s, both)
        conflict(s, both)
        escalation(s, both)
        settled = household(s, ctx, "Opgelost")
        conflict(s, settled, resolved=True)
        escalation(s, settled, resolved_on=date(2026, 11, 1))
        alerts = compute_alerts(s, TODAY)
    assert codes(alerts, both) == [("escalation_open", CRITICAL), ("sync_conflict", WARNING)]
    assert "2 onopgeloste" in alerts[both][1].message_nl
    assert settled not in alerts


def test_restriction_to_household_ids(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        a = household(s, ctx, "A")
        escalation(s, a)
        b = household(s, ctx, "B")
        escalation(s, b)
        clean = household(s, ctx, "C")
        only_a = compute_alerts(s, TODAY, [a, clean])
        many = compute_alerts(s, TODAY, [a, clean] + [f"fake-{i}" for i in range(1000)])
        nothing = compute_alerts(s, TODAY, [])
    assert set(only_a) == {a} and set(many) == {a}
    assert nothing == {}


def test_messages_carry_no_personal_data(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid, _pid = _youth(s, ctx, date(2009, 2, 1))
        plan(s, hid, evaluation_on=date(2026, 11, 1))
        escalation(s, hid)
        intake(s, hid, started_on=date(2026, 1, 1))
        conflict(s, hid)
        alerts = compute_alerts(s, TODAY)[hid]
    assert len(alerts) >= 6
    for alert in alerts:
        assert "Xanthe" not in alert.message_nl and "Bakker" not in alert.message_nl
        assert "Jeugd" not in alert.message_nl
