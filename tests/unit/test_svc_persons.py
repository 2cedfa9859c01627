"""Persons, network contacts and journal entries: validation, tombstones, audit events."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from caseworker.models import AuditEvent, NetworkContact, Person, PersonRole
from caseworker.services import NotFound, ServiceContext, ValidationError
from caseworker.services.journal import add_entry, list_entries
from caseworker.services.network import (
    NetworkContactInput,
    add_contact,
    list_contacts,
    remove_contact,
    update_contact,
)
from caseworker.services.persons import (
    PersonInput,
    add_person,
    age_on,
    list_persons,
    remove_person,
    update_person,
)
from caseworker.store import OpenStore

from .test_svc_builders import TODAY, audit_actions, count, household

VALID_BSN = "123456782"


def test_add_and_list_with_age_from_today(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx)
        add_person(s, ctx, hid, PersonInput("Daan", "Bakker", date(2008, 11, 24), "child"))
        add_person(s, ctx, hid, PersonInput("Eva", "Bakker", date(2008, 11, 23), "child"))
        add_person(s, ctx, hid, PersonInput("Sanne", "Bakker", date(1980, 1, 1), PersonRole.PARENT))
    with open_store.session() as s:
        persons = list_persons(s, hid, today=TODAY)
    assert [(p.given_name, p.age) for p in persons] == [("Sanne", 46), ("Eva", 18), ("Daan", 17)]
    assert persons[0].full_name == "Sanne Bakker"


def test_bsn_is_normalised_and_checked(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx)
        pid = add_person(s, ctx, hid, PersonInput("Sanne", "Bakker", bsn="1234 56 782"))
    with open_store.session() as s:
        assert [p.bsn for p in list_persons(s, hid)] == [VALID_BSN]
    with pytest.raises(ValidationError) as caught, open_store.transaction() as s:
        add_person(s, ctx, hid, PersonInput("Piet", "Bakker", bsn="123456789"))
    assert caught.value.field == "bsn"
    assert "123456789" not in str(caught.value)
    # the same BSN twice in one household is refused, in another household it is allowed
    with pytest.raises(ValidationError) as caught, open_store.transaction() as s:
        add_person(s, ctx, hid, PersonInput("Kopie", "Bakker", bsn=VALID_BSN))
    assert caught.value.field == "bsn"
    with open_store.transaction() as s:
        update_person(s, ctx, pid, PersonInput("Sanne", "Bakker-de Vries", bsn=VALID_BSN))
        other = household(s, ctx, "Familie Smit")
        add_person(s, ctx, other, PersonInput("Sanne", "Bakker", bsn=VALID_BSN))
    assert count(open_store, Person) == 2


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (PersonInput(" ", "Bakker"), "given_name"),
        (PersonInput("Sanne", ""), "family_name"),
        (PersonInput("Sanne", "Bakker", birth_date=date(2026, 11, 24)), "birth_date"),
        (PersonInput("Sanne", "Bakker", birth_date=date(1890, 1, 1)), "birth_date"),
        (PersonInput("Sanne", "Bakker", role="grandparent"), "role"),
        (PersonInput("Sanne", "Bakker", email="sanne.bakker"), "email"),
        (PersonInput("Sanne", "Bakker", phone="geen"), "phone"),
        (PersonInput("Sanne", "Bakker", note="x" * 4001), "note"),
    ],
)
def test_person_validation(
    open_store: OpenStore, ctx: ServiceContext, data: PersonInput, field: str
) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx)
    with pytest.raises(ValidationError) as caught, open_store.transaction() as s:
        add_person(s, ctx, hid, data)
    assert caught.value.field == field
    assert "sanne.bakker" not in str(caught.value)
    assert count(open_store, Person) == 0


def test_update_person_audits_field_names_only(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx)
        pid = add_person(s, ctx, hid, PersonInput("Sanne", "Bakker", date(1985, 5, 1)))
        update_person(
            s, ctx, pid, PersonInput("Sanne", "Bakker", date(1985, 5, 1), email="s@example.nl")
        )
        event = s.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
        row = s.get(Person, pid)
        assert row is not None and row.updated_by == ctx.user_id
    assert (event.action, event.object_id, event.detail) == ("update", pid, {"fields": ["email"]})


def test_remove_person_is_a_tombstone(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx)
        pid = add_person(s, ctx, hid, PersonInput("Sanne", "Bakker"))
        keep = add_person(s, ctx, hid, PersonInput("Daan", "Bakker"))
    with open_store.transaction() as s:
        remove_person(s, ctx, pid)
    with open_store.session() as s:
        row = s.get(Person, pid)
        assert row is not None and row.deleted is True  # still there, tombstoned
        assert [p.id for p in list_persons(s, hid)] == [keep]
        with pytest.raises(NotFound):
            update_person(s, ctx, pid, PersonInput("Sanne", "Bakker"))
        with pytest.raises(NotFound):
            remove_person(s, ctx, pid)
    assert audit_actions(open_store, hid)[-1] == ("delete", "person")


def test_add_person_to_unknown_household(open_store: OpenStore, ctx: ServiceContext) -> None:
    with pytest.raises(NotFound), open_store.transaction() as s:
        add_person(s, ctx, "missing", PersonInput("Sanne", "Bakker"))


def test_age_on() -> None:
    assert age_on(None, TODAY) is None
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


# --- network ---------------------------------------------------------------------------


def test_network_contacts(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx)
        pid = add_person(s, ctx, hid, PersonInput("Sanne", "Bakker"))
        oma = add_contact(
            s,
            ctx,
            hid,
            NetworkContactInput(
                "Oma Bakker", "oma", "06 12345678", "oppassen", "woensdag", person_id=pid
            ),
        )
        buur = add_contact(s, ctx, hid, NetworkContactInput("Buurvrouw Ans", "buurvrouw"))
        update_contact(
            s,
            ctx,
            buur,
            NetworkContactInput("Buurvrouw Ans", "buurvrouw", can_help_with="boodschappen"),
        )
    with open_store.session() as s:
        contacts = list_contacts(s, hid)
    assert [(c.name, c.person_name, c.can_help_with) for c in contacts] == [
        ("Buurvrouw Ans", None, "boodschappen"),
        ("Oma Bakker", "Sanne Bakker", "oppassen"),
    ]
    with open_store.transaction() as s:
        remove_contact(s, ctx, oma)
    with open_store.session() as s:
        assert [c.id for c in list_contacts(s, hid)] == [buur]
        row = s.get(NetworkContact, oma)
        assert row is not None and row.deleted
    assert [a for a, t in audit_actions(open_store, hid) if t == "network_contact"] == [
        "create",
        "create",
        "update",
        "delete",
    ]


def test_network_validation(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx)
        other = household(s, ctx, "Familie Smit")
        stranger = add_person(s, ctx, other, PersonInput("Kees", "Smit"))
    for data, field in [
        (NetworkContactInput("", "oma"), "name"),
        (NetworkContactInput("Oma", " "), "relation"),
        (NetworkContactInput("Oma", "oma", phone="onbekend"), "phone"),
        (NetworkContactInput("Oma", "oma", person_id=stranger), "person_id"),
    ]:
        with pytest.raises(ValidationError) as caught, open_store.transaction() as s:
            add_contact(s, ctx, hid, data)
        assert caught.value.field == field
    assert count(open_store, NetworkContact) == 0


# --- journal ---------------------------------------------------------------------------


def test_journal_latest_first_and_audited(open_store: OpenStore, ctx: ServiceContext) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    later = replace(ctx, now=lambda: datetime(2026, 11, 23, 14, 0, tzinfo=UTC))
    with open_store.transaction() as s:
        hid = household(s, ctx)
        first = add_entry(s, ctx, hid, "Eerste huisbezoek")
        second = add_entry(s, later, hid, "Gebeld met school", kind="phone")
    with open_store.session() as s:
        entries = list_entries(s, hid)
        event = s.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
    assert [e.id for e in entries] == [second, first]
    assert entries[0].kind == "phone" and entries[0].author_name == "Anna de Vries"
    assert (event.action, event.object_type, event.detail) == (
        "create",
        "journal_entry",
        {"kind": "phone"},
    )


def test_journal_validation(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx)
    with pytest.raises(ValidationError) as caught, open_store.transaction() as s:
        add_entry(s, ctx, hid, "   ")
    assert caught.value.field == "text"
    with pytest.raises(ValidationError) as caught, open_store.transaction() as s:
        add_entry(s, ctx, hid, "Notitie", kind="DROP TABLE")
    assert caught.value.field == "kind"
    with pytest.raises(NotFound), open_store.transaction() as s:
        add_entry(s, ctx, "missing", "Notitie")
