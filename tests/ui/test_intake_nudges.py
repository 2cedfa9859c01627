"""Issue 5: each seed nudge is shown (as a warning, never a block) for the case that triggers
it and not otherwise; the wizard extends an existing plan instead of making a second one."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from caseworker.models import Actor, PersonRole
from caseworker.services import ServiceContext
from caseworker.services.persons import PersonInput, add_person
from caseworker.services.plan import (
    ActionInput,
    GoalInput,
    add_action,
    add_goal,
    agree_plan,
    get_or_create_plan,
    load_plan,
)
from caseworker.services.provisions import ProvisionInput, add_provision
from caseworker.store import OpenStore
from caseworker.ui.intake.wizard import IntakeWizard
from caseworker.ui.plan.editor import PlanEditor
from caseworker.ui.plan.future_plan_dialog import FuturePlanDialog
from caseworker.ui.plan.provision_dialog import ProvisionDialog
from caseworker.ui.plan.widgets import select_data

from .casework_support import Family, click_ok, make_deps, make_family, reference

WHY = "Lichtere hulp is geprobeerd en volstaat niet"


def _editor(qtbot: QtBot, store: OpenStore, ctx: ServiceContext, hid: str) -> PlanEditor:
    editor = PlanEditor(make_deps(store, ctx), hid)
    qtbot.addWidget(editor)
    return editor


def _codes(editor: PlanEditor) -> list[str]:
    return [n.code for n in editor.gateway.nudge_list()]


def _base_plan(store: OpenStore, ctx: ServiceContext, family: Family, *, step: int = 1) -> str:
    with store.transaction() as s:
        plan_id = get_or_create_plan(s, ctx, family.household_id)
        goal = GoalInput(family.truant, "Weer naar school", due_on=date(2027, 3, 1))
        add_goal(s, ctx, plan_id, goal)
        why = WHY if step >= 3 else None
        add_action(s, ctx, plan_id, ActionInput(None, "Actie", Actor.SELF, step=step,
                                                justification=why))  # fmt: skip
    return plan_id


def _provision(store: OpenStore, ctx: ServiceContext, hid: str, code: str, pid: str | None) -> None:
    with store.transaction() as s:
        add_provision(s, ctx, reference(), hid, ProvisionInput(code, pid, justification=WHY))


def test_no_nudges_for_a_plan_that_walks_the_viertrap(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)
    _base_plan(open_store, ctx, family, step=1)
    editor = _editor(qtbot, open_store, ctx, family.household_id)
    assert _codes(editor) == []
    assert not editor.nudges.isVisibleTo(editor)


def test_viertrap_not_walked(qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext) -> None:
    family = make_family(open_store, ctx)
    plan_id = _base_plan(open_store, ctx, family, step=4)
    editor = _editor(qtbot, open_store, ctx, family.household_id)
    assert _codes(editor) == ["viertrap_not_walked"]
    assert "trede 1 of 2" in editor.nudges.text() and editor.nudges.isVisibleTo(editor)
    with open_store.transaction() as s:
        add_action(s, ctx, plan_id, ActionInput(None, "Oma helpt", Actor.NETWORK, step=1))
    editor.reload()
    assert _codes(editor) == []


def test_stacking_from_three_tailored_provisions(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)
    _base_plan(open_store, ctx, family)
    hid = family.household_id
    _provision(open_store, ctx, hid, "wmo-hh2", family.mother)
    _provision(open_store, ctx, hid, "wmo-io-licht", family.father)
    editor = _editor(qtbot, open_store, ctx, hid)
    assert "stacking" not in _codes(editor)
    _provision(open_store, ctx, hid, "wmo-dagbesteding", family.father)
    editor.reload()
    assert _codes(editor) == ["stacking"]
    assert "stapeling" in editor.nudges.text()


def test_youth_of_sixteen_and_a_half_needs_a_future_plan(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)  # Noor is 16 years and 6 months on 23-11-2026
    _base_plan(open_store, ctx, family)
    hid = family.household_id
    _provision(open_store, ctx, hid, "jw-ambulant", family.truant)  # 13: no nudge
    editor = _editor(qtbot, open_store, ctx, hid)
    assert _codes(editor) == []
    _provision(open_store, ctx, hid, "jw-ambulant", family.eldest)
    editor.reload()
    assert _codes(editor) == ["future_plan_missing"]

    dialog = editor.open_future_plan()
    assert isinstance(dialog, FuturePlanDialog)
    select_data(dialog.person, family.eldest)
    dialog.edits["housing"].setPlainText("Blijft thuis wonen tot de opleiding klaar is")
    dialog.edits["daytime_activity"].setPlainText("MBO Zorg en welzijn")
    dialog.edits["finances"].setPlainText("Bijbaan, zorgtoeslag aanvragen bij 18")
    click_ok(dialog)
    assert not dialog.isVisible()
    assert _codes(editor) == ["future_plan_missing"]  # social contacts still missing
    assert "sociale contacten" in editor.nudges.text()
    dialog = editor.open_future_plan()
    assert isinstance(dialog, FuturePlanDialog)
    select_data(dialog.person, family.eldest)
    assert dialog.edits["housing"].toPlainText().startswith("Blijft thuis")
    dialog.edits["social_contacts"].setPlainText("Voetbalclub, vriendinnen van school")
    click_ok(dialog)
    assert _codes(editor) == []


def test_youth_turning_eighteen_within_six_months(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)
    _base_plan(open_store, ctx, family)
    hid = family.household_id
    with open_store.transaction() as s:
        femke = add_person(
            s, ctx, hid, PersonInput("Femke", "Jansen", date(2009, 2, 1), PersonRole.CHILD)
        )
        later = add_person(
            s, ctx, hid, PersonInput("Bram", "Jansen", date(2009, 8, 1), PersonRole.CHILD)
        )
    _provision(open_store, ctx, hid, "jw-ambulant", later)  # 18 in over eight months
    editor = _editor(qtbot, open_store, ctx, hid)
    assert "turning_18" not in _codes(editor)
    _provision(open_store, ctx, hid, "jw-ambulant", femke)
    editor.reload()
    assert "turning_18" in _codes(editor)
    assert "01-02-2027" in editor.nudges.text()


def test_goal_without_due_date(qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext) -> None:
    family = make_family(open_store, ctx)
    plan_id = _base_plan(open_store, ctx, family)
    with open_store.transaction() as s:
        add_goal(s, ctx, plan_id, GoalInput(None, "Rust in huis"))
    wizard = IntakeWizard(make_deps(open_store, ctx), family.household_id)
    qtbot.addWidget(wizard)
    wizard.allocation.refresh()
    assert "streefdatum" in wizard.allocation.nudges.text()
    assert wizard.allocation.agree_button.isEnabled()  # a warning, never a block


def test_new_intake_extends_the_agreed_plan(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)
    plan_id = _base_plan(open_store, ctx, family)
    with open_store.transaction() as s:
        agree_plan(s, ctx, plan_id, date(2026, 11, 20), "mondeling")
    wizard = IntakeWizard(make_deps(open_store, ctx), family.household_id)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.clarification.goals.count() == 1  # the existing plan's goal
    dialog = wizard.clarification.open_goal_dialog()
    dialog.description.setPlainText("Schulden op een rij")
    dialog.due.set_value(date(2027, 6, 1))
    click_ok(dialog)
    for _ in range(3):
        wizard.next()
    with qtbot.waitSignal(wizard.plan_agreed, timeout=2000) as agreed:
        wizard.allocation.agree_button.click()
    assert agreed.args == [2]
    with open_store.session() as s:
        plan = load_plan(s, family.household_id)
    assert plan.id == plan_id and len(plan.goals) == 2 and len(plan.revisions) == 2


def test_pgb_without_reason_cannot_be_saved_or_agreed(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)
    _base_plan(open_store, ctx, family)
    editor = _editor(qtbot, open_store, ctx, family.household_id)
    dialog = editor.add_provision()
    assert isinstance(dialog, ProvisionDialog)
    select_data(dialog.item, "wmo-hh2")
    select_data(dialog.funding, "pgb")
    dialog.justification.setPlainText(WHY)
    click_ok(dialog)
    assert dialog.isVisible() and "PGB" in dialog.problem.text()
    with open_store.session() as s:
        assert load_plan(s, family.household_id).provisions == ()
    dialog.pgb_reason.setPlainText("Vaste hulp uit eigen netwerk, ZIN past niet bij nachtdiensten")
    click_ok(dialog)
    assert not dialog.isVisible()
    assert editor.provision_table.rowCount() == 1
