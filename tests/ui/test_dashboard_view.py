"""Issue 6: the team dashboard — compute, follow a number to its households, export (audited)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from caseworker.models import Actor
from caseworker.services import ServiceContext
from caseworker.services.audit import events, verify_chain
from caseworker.services.plan import (
    ActionInput,
    GoalInput,
    add_action,
    add_goal,
    agree_plan,
    get_or_create_plan,
)
from caseworker.services.provisions import ProvisionInput, add_provision
from caseworker.store import OpenStore
from caseworker.ui.dashboard.view import TeamDashboard

from .casework_support import Family, make_deps, make_family, reference

WHY = "Lichtere hulp volstaat niet"
STACKING_ROW = 4  # row of "Stapeling" in the indicator table


def _granted(store: OpenStore, ctx: ServiceContext, family: Family, codes: list[str]) -> None:
    persons = [family.mother, family.father, family.truant]
    with store.transaction() as s:
        plan_id = get_or_create_plan(s, ctx, family.household_id)
        add_goal(s, ctx, plan_id, GoalInput(None, "Rust", due_on=date(2027, 6, 1)))
        add_action(s, ctx, plan_id, ActionInput(None, "Zelf doen", Actor.SELF, step=1))
        for code, person in zip(codes, persons, strict=False):
            add_provision(s, ctx, reference(), family.household_id, ProvisionInput(
                code, person, justification=WHY, start_on=date(2026, 11, 2),
                cost_cents_per_period=40000, cost_period="month"))  # fmt: skip
        agree_plan(s, ctx, plan_id, date(2026, 11, 20), "mondeling")


def test_follow_a_number_to_its_households_and_export(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext, tmp_path: Path
) -> None:
    stacked = make_family(open_store, ctx, "Familie Jansen")
    single = make_family(open_store, ctx, "Familie Bakker")
    make_family(open_store, ctx, "Familie De Boer")  # no provisions: in neither number
    _granted(open_store, ctx, stacked, ["wmo-hh2", "wmo-io-licht", "jw-ambulant"])
    _granted(open_store, ctx, single, ["wmo-io-middel"])

    dashboard = TeamDashboard(make_deps(open_store, ctx))
    qtbot.addWidget(dashboard)
    assert dashboard.team.currentData() is not None  # the user's own team
    with qtbot.waitSignal(dashboard.computed, timeout=5000):
        dashboard.refresh_button.click()
    label = dashboard.table.item(STACKING_ROW, 0)
    assert label is not None and label.text().startswith("Stapeling")
    numerator = dashboard.table.item(STACKING_ROW, 2)
    denominator = dashboard.table.item(STACKING_ROW, 3)
    assert numerator is not None and numerator.text() == "1"
    assert denominator is not None and denominator.text() == "2"

    with qtbot.waitSignal(dashboard.households_requested, timeout=1000) as clicked:
        dashboard.click_number(dashboard.table, STACKING_ROW, 2)
    assert clicked.args[1] == [stacked.household_id]
    assert [dashboard.drill.item(i).text() for i in range(dashboard.drill.count())] == [
        "Familie Jansen"
    ]
    with qtbot.waitSignal(dashboard.households_requested, timeout=1000) as clicked:
        dashboard.click_number(dashboard.table, STACKING_ROW, 3)
    assert sorted(clicked.args[1]) == sorted([stacked.household_id, single.household_id])
    with qtbot.waitSignal(dashboard.household_opened, timeout=1000) as opened:
        dashboard.drill.itemActivated.emit(dashboard.drill.item(0))
    assert opened.args[0] in (stacked.household_id, single.household_id)

    # users per category are clickable too
    categories = {
        dashboard.categories.item(r, 0).text(): r  # type: ignore[union-attr]
        for r in range(dashboard.categories.rowCount())
    }
    assert "Jeugdhulp ambulant" in categories
    with qtbot.waitSignal(dashboard.households_requested, timeout=1000) as clicked:
        dashboard.click_number(dashboard.categories, categories["Jeugdhulp ambulant"], 1)
    assert clicked.args[1] == [stacked.household_id]

    out = tmp_path / "indicatoren.csv"
    rows = dashboard.export_to(out)
    text = out.read_text(encoding="utf-8-sig")
    assert rows > 6 and "Stapeling (3+ maatwerkvoorzieningen);50,0;%;1;2" in text
    assert stacked.household_id not in text and "Jansen" not in text  # aggregates only
    with open_store.session() as s:
        exports = [e for e in events(s) if e.action == "export"]
        assert verify_chain(s).ok
    assert len(exports) == 1 and exports[0].detail is not None
    assert exports[0].detail["rows"] == rows
