"""Household service on the real encrypted store: create, update, read, close, validation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from caseworker.models import AuditEvent, Household, HouseholdStatus, Role, User
from caseworker.services import NotFound, ServiceContext, ValidationError
from caseworker.services.closing import CloseInput, close_case
from caseworker.services.households import (
    HouseholdInput,
    address_line,
    create_household,
    get_household,
    update_household,
)
from caseworker.store import OpenStore

from .test_svc_builders import audit_actions, count

FULL = HouseholdInput(
    name="Familie Çelik",
    street="Zaagmuldersweg",
    house_number="12a",
    postcode="9713lk",
    city="Groningen",
    neighbourhood="Oosterparkwijk",
    phone="050 123 45 67",
)


def test_create_and_get(open_store: OpenStore, ctx: ServiceContext, caseworker_user: User) -> None:
    with open_store.transaction() as s:
        hid = create_household(s, ctx, FULL)
    with open_store.session() as s:
        view = get_household(s, hid)
        row = s.get(Household, hid)
        assert row is not None
        assert row.updated_by == ctx.user_id
    assert view.name == "Familie Çelik"
    assert view.postcode == "9713 LK"
    assert view.address_line == "Zaagmuldersweg 12a, 9713 LK Groningen"
    assert view.status == HouseholdStatus.INTAKE
    assert view.opened_on == date(2026, 11, 23)  # ctx.today
    # defaults on create: the acting user coordinates, in their own team
    assert view.coordinator_id == caseworker_user.id
    assert view.coordinator_name == "Anna de Vries"
    assert view.team_id == caseworker_user.team_id
    assert view.team_name == "WIJ Vinkhuizen"


def test_create_is_audited_with_ids_only(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = create_household(s, ctx, FULL)
    with open_store.session() as s:
        event = s.execute(select(AuditEvent).where(AuditEvent.household_id == hid)).scalar_one()
    assert (event.action, event.object_type, event.object_id) == ("create", "household", hid)
    assert event.user_id == ctx.user_id
    assert "Çelik" not in str(event.detail) and "Zaagmuldersweg" not in str(event.detail)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"postcode": "97 13"}, "postcode"),
        ({"phone": "bel me maar"}, "phone"),
        ({"opened_on": date(2026, 11, 24)}, "opened_on"),
        ({"team_id": "00000000-0000-0000-0000-000000000000"}, "team_id"),
        ({"coordinator_id": "00000000-0000-0000-0000-000000000000"}, "coordinator_id"),
        ({"city": "G" * 101}, "city"),
    ],
)
def test_validation_errors_name_the_field_not_the_value(
    open_store: OpenStore, ctx: ServiceContext, change: dict[str, object], field: str
) -> None:
    data = replace(FULL, **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught, open_store.transaction() as s:
        create_household(s, ctx, data)
    assert caught.value.field == field
    value = str(next(iter(change.values())))
    if value.strip():
        assert value not in str(caught.value)
    assert count(open_store, Household) == 0
    assert audit_actions(open_store) == []


def test_update_changes_fields_and_audits_field_names(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        hid = create_household(s, ctx, FULL)
    with open_store.transaction() as s:
        update_household(s, ctx, hid, replace(FULL, street="Korreweg", house_number="3"))
    with open_store.session() as s:
        view = get_household(s, hid)
        events = s.execute(
            select(AuditEvent).where(AuditEvent.household_id == hid).order_by(AuditEvent.seq)
        ).scalars()
        last = list(events)[-1]
    assert view.street == "Korreweg" and view.house_number == "3"
    assert (last.action, last.object_type) == ("update", "household")
    assert last.detail == {"fields": ["house_number", "street"]}
    assert "Korreweg" not in str(last.detail)


def test_update_without_changes_writes_no_event(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = create_household(s, ctx, FULL)
        view = get_household(s, hid)
    data = replace(
        FULL, team_id=view.team_id, coordinator_id=view.coordinator_id, opened_on=view.opened_on
    )
    with open_store.transaction() as s:
        update_household(s, ctx, hid, data)
    assert audit_actions(open_store, hid) == [("create", "household")]


def test_update_keeps_team_coordinator_and_start_when_not_given(
    open_store: OpenStore, ctx: ServiceContext, caseworker_user: User
) -> None:
    with open_store.transaction() as s:
        hid = create_household(s, ctx, replace(FULL, opened_on=date(2026, 1, 5)))
        update_household(s, ctx, hid, replace(FULL, city="Haren"))
        view = get_household(s, hid)
    assert view.coordinator_id == caseworker_user.id and view.team_id == caseworker_user.team_id
    assert view.opened_on == date(2026, 1, 5) and view.city == "Haren"


def test_update_can_hand_over_to_another_coordinator(
    open_store: OpenStore, ctx: ServiceContext, caseworker_user: User
) -> None:
    with open_store.transaction() as s:
        other = User(username="b.jansen", display_name="Bram Jansen", role=Role.CASEWORKER)
        s.add(other)
        s.flush()
        hid = create_household(s, ctx, FULL)
        update_household(s, ctx, hid, replace(FULL, coordinator_id=other.id))
        view = get_household(s, hid)
    assert view.coordinator_name == "Bram Jansen"
    assert view.team_id == caseworker_user.team_id


def test_invalid_update_loses_nothing(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = create_household(s, ctx, FULL)
    with pytest.raises(ValidationError), open_store.transaction() as s:
        update_household(s, ctx, hid, replace(FULL, name="", street="Elders"))
    with open_store.session() as s:
        assert get_household(s, hid).street == "Zaagmuldersweg"


def test_unknown_and_tombstoned_households_are_not_found(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        hid = create_household(s, ctx, FULL)
        row = s.get(Household, hid)
        assert row is not None
        row.deleted = True
    with open_store.session() as s:
        with pytest.raises(NotFound):
            get_household(s, hid)
        with pytest.raises(NotFound):
            get_household(s, "nope")
        with pytest.raises(NotFound):
            update_household(s, ctx, hid, FULL)


def test_close_case_from_households_service_view(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        hid = create_household(s, ctx, replace(FULL, opened_on=date(2026, 2, 1)))
    with pytest.raises(ValidationError) as caught, open_store.transaction() as s:
        close_case(s, ctx, hid, CloseInput("verhuisd", date(2026, 1, 1)))
    assert caught.value.field == "closed_on"
    with open_store.transaction() as s:
        close_case(s, ctx, hid, CloseInput("doelen_bereikt", ctx.today()))
    with open_store.session() as s:
        view = get_household(s, hid)
    assert view.status == HouseholdStatus.CLOSED
    assert view.closed_on == date(2026, 11, 23) and view.closing_reason == "doelen_bereikt"


def test_address_line_leaves_out_missing_parts() -> None:
    assert address_line(None, None, None, None) == ""
    assert address_line("Korreweg", None, None, "Groningen") == "Korreweg, Groningen"
    assert address_line(None, None, "9712 AB", None) == "9712 AB"
