"""Dossier, caseload and export on a hand-made family in the real encrypted store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event, select

from caseworker.models import (
    AuditEvent,
    GoalStatus,
    Household,
    HouseholdStatus,
    IntakeStatus,
    Person,
    PlanRevision,
    Referral,
    Role,
    User,
)
from caseworker.services import NotFound, ServiceContext, ValidationError
from caseworker.services.caseload import load_caseload
from caseworker.services.closing import CloseInput, close_case
from caseworker.services.dossier import open_dossier
from caseworker.services.export import export_household
from caseworker.services.journal import add_entry
from caseworker.services.network import NetworkContactInput, add_contact
from caseworker.store import OpenStore

from .test_svc_builders import (
    assessment,
    audit_actions,
    escalation,
    goal,
    household,
    intake,
    person,
    plan,
    provision,
)


def _family(store: OpenStore, ctx: ServiceContext) -> dict[str, str]:
    """Familie Visser: mother, daughter (16½, Jeugdwet), a plan with a revision, ZRM, ..."""
    ids: dict[str, str] = {}
    with store.transaction() as s:
        hid = household(
            s, ctx, "Familie Visser", street="Damsterdiep", house_number="4",
            postcode="9711 SG", city="Groningen", opened_on=date(2026, 2, 1),
            status=HouseholdStatus.ACTIVE,
        )  # fmt: skip
        mother = person(s, ctx, hid, "Ilse", date(1982, 4, 2), "parent")
        daughter = person(s, ctx, hid, "Lotte", date(2010, 3, 1), "child")
        gone = person(s, ctx, hid, "Oud-lid", date(1990, 1, 1), "other")
        row = s.get(Person, gone)
        assert row is not None
        row.deleted = True
        add_contact(s, ctx, hid, NetworkContactInput("Tante Mies", "tante", can_help_with="koken"))
        s.add(Referral(household_id=hid, referral_source="huisarts", received_on=date(2026, 1, 20)))
        intake(
            s, hid, started_on=date(2026, 2, 1), status=IntakeStatus.COMPLETED,
            completed_on=date(2026, 2, 20),
        )  # fmt: skip
        plan_id = plan(s, hid, evaluation_on=date(2027, 3, 1), revision_number=2)
        for status in (GoalStatus.OPEN, GoalStatus.OPEN, GoalStatus.REACHED):
            goal(s, plan_id, status)
        for number, agreed in ((1, date(2026, 3, 1)), (2, date(2026, 9, 1))):
            s.add(PlanRevision(plan_id=plan_id, number=number, agreed_on=agreed, snapshot={}))
        assessment(s, hid, mother, date(2026, 3, 1), {"financien": 2, "huisvesting": 3})
        assessment(s, hid, mother, date(2026, 9, 1), {"financien": 3, "huisvesting": 4})
        assessment(s, hid, None, date(2026, 9, 1), {"hh_financien": 3}, instrument="zrm-household")
        provision(s, hid, daughter, start_on=date(2026, 4, 1), end_on=date(2027, 4, 1))
        escalation(s, hid, on=date(2026, 5, 1), resolved_on=date(2026, 6, 1))
        later = ServiceContext(
            user_id=ctx.user_id, now=lambda: datetime(2026, 10, 2, 8, 0, tzinfo=UTC)
        )
        add_entry(s, later, hid, "Gesprek met school over Lotte\nTweede regel")
        ids.update(hid=hid, mother=mother, daughter=daughter, gone=gone, plan=plan_id)
    return ids


def test_open_dossier_holds_everything(open_store: OpenStore, ctx: ServiceContext) -> None:
    ids = _family(open_store, ctx)
    with open_store.transaction() as s:
        d = open_dossier(s, ctx, ids["hid"])
    assert d.household.name == "Familie Visser" and d.household.coordinator_name == "Anna de Vries"
    assert [p.given_name for p in d.persons] == ["Ilse", "Lotte"]  # tombstone left out
    assert [(p.given_name, p.age) for p in d.persons][1] == ("Lotte", 16)
    assert [c.name for c in d.network] == ["Tante Mies"]
    assert [(i.status, i.completed_on) for i in d.intakes] == [
        (IntakeStatus.COMPLETED, date(2026, 2, 20))
    ]
    assert d.plan is not None
    assert (d.plan.goals_total, d.plan.goals_open, d.plan.goals_reached) == (3, 2, 1)
    assert (d.plan.revision_number, d.plan.evaluation_on) == (2, date(2027, 3, 1))
    latest = {(z.person_id, z.instrument): z for z in d.zrm}
    assert latest[(ids["mother"], "zrm-2017")].assessed_on == date(2026, 9, 1)
    assert dict(latest[(ids["mother"], "zrm-2017")].scores) == {"financien": 3, "huisvesting": 4}
    assert dict(latest[(None, "zrm-household")].scores) == {"hh_financien": 3}
    assert [p.catalogue_code for p in d.provisions] == ["jw-ambulant"]
    assert [e.resolved_on for e in d.escalations] == [date(2026, 6, 1)]
    assert [j.text.splitlines()[0] for j in d.journal] == ["Gesprek met school over Lotte"]
    # Lotte is 16½ with youth care and no future plan
    assert [a.code for a in d.alerts] == ["future_plan_missing"]


def test_timeline_latest_first_from_every_source(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    ids = _family(open_store, ctx)
    with open_store.transaction() as s:
        timeline = open_dossier(s, ctx, ids["hid"]).timeline
    dates = [item.date for item in timeline]
    assert dates == sorted(dates, reverse=True)
    kinds = {item.kind for item in timeline}
    assert kinds >= {
        "opened",
        "referral",
        "intake_started",
        "intake_completed",
        "plan_agreed",
        "assessment",
        "provision_started",
        "provision_ended",
        "escalation",
        "escalation_resolved",
        "journal",
    }
    titles = {(item.date, item.title) for item in timeline}
    assert (date(2026, 9, 1), "Plan vastgesteld (versie 2)") in titles
    assert (date(2026, 9, 1), "ZRM-meting Ilse") in titles
    assert (date(2026, 10, 2), "Gesprek met school over Lotte") in titles
    assert (date(2026, 1, 20), "Aanmelding (huisarts)") in titles


def test_every_open_is_audited(open_store: OpenStore, ctx: ServiceContext) -> None:
    ids = _family(open_store, ctx)
    for _ in range(2):
        with open_store.transaction() as s:
            open_dossier(s, ctx, ids["hid"])
    views = [e for e in audit_actions(open_store, ids["hid"]) if e[0] == "view"]
    assert views == [("view", "household"), ("view", "household")]
    with pytest.raises(NotFound), open_store.transaction() as s:
        open_dossier(s, ctx, "missing")


# --- caseload --------------------------------------------------------------------------


@contextmanager
def count_statements(store: OpenStore) -> Iterator[list[str]]:
    statements: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


def test_caseload_rows_scopes_and_closed(
    open_store: OpenStore, ctx: ServiceContext, caseworker_user: User
) -> None:
    ids = _family(open_store, ctx)
    with open_store.transaction() as s:
        colleague = User(
            username="b.jansen", display_name="Bram Jansen", role=Role.CASEWORKER,
            team_id=caseworker_user.team_id,
        )  # fmt: skip
        s.add(colleague)
        s.flush()
        theirs = household(s, ctx, "Familie Mulder", coordinator_id=colleague.id)
        closed = household(s, ctx, "Familie Dijkstra", opened_on=date(2026, 1, 1))
        close_case(s, ctx, closed, CloseInput("doelen_bereikt", ctx.today()))
        gone = household(s, ctx, "Familie Weg")
        row = s.get(Household, gone)
        assert row is not None
        row.deleted = True
    with open_store.session() as s:
        mine = load_caseload(s, ctx)
        team = load_caseload(s, ctx, scope="team")
        with_closed = load_caseload(s, ctx, scope="team", include_closed=True)
        with pytest.raises(ValidationError):
            load_caseload(s, ctx, scope="all")  # type: ignore[arg-type]
        nobody = load_caseload(s, ServiceContext(user_id=None), scope="team")
    assert nobody == []
    assert [r.household_id for r in mine] == [ids["hid"]]
    visser = mine[0]
    assert visser.name == "Familie Visser"
    assert visser.address_line == "Damsterdiep 4, 9711 SG Groningen"
    assert visser.member_count == 2  # tombstoned member not counted
    assert visser.coordinator_name == "Anna de Vries"
    assert visser.status == HouseholdStatus.ACTIVE
    assert visser.next_evaluation == date(2027, 3, 1)
    assert [a.code for a in visser.alerts] == ["future_plan_missing"] and visser.has_alert
    assert [r.name for r in team] == ["Familie Mulder", "Familie Visser"]
    assert team[0].coordinator_name == "Bram Jansen" and team[0].member_count == 0
    assert team[0].household_id == theirs and team[0].alerts == ()
    assert [r.name for r in with_closed] == ["Familie Dijkstra", "Familie Mulder", "Familie Visser"]


def test_caseload_query_count_does_not_grow_with_households(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    def statements_for_caseload() -> int:
        with open_store.session() as s, count_statements(open_store) as statements:
            load_caseload(s, ctx, scope="team")
        return len(statements)

    with open_store.transaction() as s:
        for i in range(3):
            hid = household(s, ctx, f"Familie {i}")
            person(s, ctx, hid)
            escalation(s, hid)
    few = statements_for_caseload()
    with open_store.transaction() as s:
        for i in range(40):
            hid = household(s, ctx, f"Familie extra {i}")
            person(s, ctx, hid)
            person(s, ctx, hid, "Kees")
            escalation(s, hid)
            plan(s, hid)
    many = statements_for_caseload()
    assert few == many
    assert many <= 10


# --- export ----------------------------------------------------------------------------


def test_export_household_is_complete_json_and_audited(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    ids = _family(open_store, ctx)
    with open_store.transaction() as s:
        data = export_household(s, ctx, ids["hid"])
    text = json.dumps(data)  # JSON-serialisable as it is
    assert json.loads(text)["household"]["name"] == "Familie Visser"
    assert data["format"] == "caseworker-household-export"
    assert [p["given_name"] for p in data["persons"]] == ["Ilse", "Lotte"]
    assert data["persons"][0]["birth_date"] == "1982-04-02"
    assert data["persons"][0]["role"] == "parent"
    assert len(data["network_contacts"]) == 1 and len(data["referrals"]) == 1
    assert len(data["intakes"]) == 1 and data["intakes"][0]["questions"] == []
    assert data["plan"]["id"] == ids["plan"]
    assert len(data["plan"]["goals"]) == 3 and len(data["plan"]["revisions"]) == 2
    assert data["plan"]["actions"] == []
    assert len(data["provisions"]) == 1 and len(data["escalations"]) == 1
    assert len(data["assessments"]) == 3
    scores = {s["domain"]: s["score"] for a in data["assessments"] for s in a["scores"]}
    assert scores["hh_financien"] == 3
    assert len(data["journal_entries"]) == 1
    for key in ("safety_signals", "future_plans", "client_experiences", "conflicts"):
        assert data[key] == []
    assert audit_actions(open_store, ids["hid"])[-1] == ("export", "household")
    # the access log lists what happened to the dossier before this export
    assert {e["action"] for e in data["access_log"]} == {"create"}
    assert all(e["user_id"] == ctx.user_id for e in data["access_log"])


def test_export_tombstones_only_on_request(open_store: OpenStore, ctx: ServiceContext) -> None:
    ids = _family(open_store, ctx)
    with open_store.transaction() as s:
        plain = export_household(s, ctx, ids["hid"])
        full = export_household(s, ctx, ids["hid"], include_deleted=True)
    assert ids["gone"] not in [p["id"] for p in plain["persons"]]
    assert ids["gone"] in [p["id"] for p in full["persons"]]
    exports = [e for e in audit_actions(open_store, ids["hid"]) if e[0] == "export"]
    assert len(exports) == 2
    with pytest.raises(NotFound), open_store.transaction() as s:
        export_household(s, ctx, "missing")


def test_empty_dossier_and_export(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx, "Familie Çelik")
        d = open_dossier(s, ctx, hid)
        data = export_household(s, ctx, hid)
    assert d.persons == () and d.plan is None and d.zrm == () and d.alerts == ()
    assert [item.kind for item in d.timeline] == ["opened"]
    assert data["plan"] is None and data["persons"] == []
    with open_store.session() as s:
        details = [
            str(e.detail)
            for e in s.execute(select(AuditEvent).where(AuditEvent.household_id == hid)).scalars()
        ]
    assert len(details) == 3  # create, view, export
    assert not any("Çelik" in d for d in details)
