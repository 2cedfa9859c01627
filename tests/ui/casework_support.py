"""Helpers for the intake / plan / ZRM / dashboard UI tests: deps and a realistic household."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from caseworker.models import PersonRole
from caseworker.reference import Reference
from caseworker.reference.loader import load_reference
from caseworker.services import ServiceContext
from caseworker.services.households import HouseholdInput, create_household
from caseworker.services.network import NetworkContactInput, add_contact
from caseworker.services.persons import PersonInput, add_person
from caseworker.store import OpenStore
from caseworker.ui.deps import AppDeps
from caseworker.ui.tasks import InlineTaskRunner


@cache
def reference() -> Reference:
    return load_reference()


def make_deps(store: OpenStore, ctx: ServiceContext) -> AppDeps:
    return AppDeps(store=store, ctx=ctx, reference=reference(), runner=InlineTaskRunner())


@dataclass(frozen=True)
class Family:
    household_id: str
    mother: str
    father: str
    eldest: str  # 16, in youth care later
    truant: str  # child with school absence
    youngest: str
    neighbour: str  # network contact


def make_family(store: OpenStore, ctx: ServiceContext, name: str = "Familie Jansen") -> Family:
    """Two parents, three children, debts, a child with school absence (issue 5's scenario)."""
    with store.transaction() as s:
        hid = create_household(
            s, ctx, HouseholdInput(name=name, city="Groningen", opened_on=date(2026, 11, 2))
        )
        ids = [
            add_person(s, ctx, hid, PersonInput(given, "Jansen", born, role))
            for given, born, role in (
                ("Sanne", date(1986, 3, 14), PersonRole.PARENT),
                ("Mark", date(1984, 7, 2), PersonRole.PARENT),
                ("Noor", date(2010, 5, 1), PersonRole.CHILD),
                ("Daan", date(2013, 9, 20), PersonRole.CHILD),
                ("Lotte", date(2019, 1, 8), PersonRole.CHILD),
            )
        ]
        neighbour = add_contact(
            s, ctx, hid, NetworkContactInput(name="Buurvrouw Ria", relation="buurvrouw")
        )
    mother, father, eldest, truant, youngest = ids
    return Family(hid, mother, father, eldest, truant, youngest, neighbour)


def click_ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok) or box.button(
        QDialogButtonBox.StandardButton.Save
    )
    assert button is not None
    button.click()
