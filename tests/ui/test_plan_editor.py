"""Issue 5/6: the plan editor — goals with baseline → latest → target, revision diff,
escalation and closing the case with the client-experience questions."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from caseworker.models import Actor, AssessmentKind, EscalationKind, HouseholdStatus
from caseworker.services import ServiceContext
from caseworker.services.assessments import AssessmentInput, record_assessment
from caseworker.services.escalation import open_escalations
from caseworker.services.households import get_household
from caseworker.services.plan import ActionInput, add_action, agree_plan, load_plan
from caseworker.store import OpenStore
from caseworker.ui.plan.close_dialog import CloseCaseDialog
from caseworker.ui.plan.editor import PlanEditor
from caseworker.ui.plan.escalation_dialog import EscalationDialog
from caseworker.ui.plan.goal_dialog import GoalDialog
from caseworker.ui.plan.history_dialog import HistoryDialog
from caseworker.ui.plan.widgets import select_data

from .casework_support import click_ok, make_deps, make_family, reference


def cell(editor: PlanEditor, column: int) -> str:
    item = editor.goal_table.item(0, column)
    assert item is not None
    return item.text()


def test_goals_revisions_escalation_and_closing(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)
    editor = PlanEditor(make_deps(open_store, ctx), family.household_id)
    qtbot.addWidget(editor)
    assert editor.plan is None

    dialog = editor.add_goal()
    assert isinstance(dialog, GoalDialog)
    select_data(dialog.person, family.mother)
    dialog.description.setPlainText("Eigen administratie weer op orde")
    select_data(dialog.domain, "financien")
    select_data(dialog.baseline, 2)
    select_data(dialog.target, 4)
    dialog.due.set_value(date(2027, 5, 1))
    click_ok(dialog)
    assert editor.goal_table.rowCount() == 1
    assert cell(editor, 3) == "2 → – → 4"
    with open_store.transaction() as s:
        record_assessment(s, ctx, reference(), AssessmentInput(
            family.household_id, family.mother, "zrm-2017", date(2026, 11, 20),
            AssessmentKind.INTERIM, {"financien": 3}))  # fmt: skip
        plan_id = editor.gateway.plan_id()
        add_action(s, ctx, plan_id, ActionInput(None, "Budgetcursus", Actor.SELF, step=2))
        agree_plan(s, ctx, plan_id, date(2026, 11, 20), "mondeling")
    editor.reload()
    assert cell(editor, 3) == "2 → 3 → 4"
    assert "Financiën" in cell(editor, 2)

    # a change after agreement, agreed again → the diff is readable
    editor.goal_table.selectRow(0)
    edit = editor.edit_goal()
    assert isinstance(edit, GoalDialog)
    dialog = edit
    assert dialog.description.toPlainText() == "Eigen administratie weer op orde"
    select_data(dialog.target, 5)
    click_ok(dialog)
    with open_store.transaction() as s:
        agree_plan(s, ctx, plan_id, date(2026, 11, 23), "mondeling")
    editor.reload()
    history = editor.open_history()
    assert isinstance(history, HistoryDialog)
    text = history.diff.toPlainText()
    assert "Streefscore" in text and "4" in text and "5" in text
    select_data(history.old, None)  # the first version: everything added
    assert "toegevoegd" in history.diff.toPlainText()

    # escalation to De Ploeg
    esc = editor.open_escalation()
    assert isinstance(esc, EscalationDialog)
    select_data(esc.kind, "de_ploeg")
    click_ok(esc)
    assert esc.isVisible() and esc.problem.text()  # a reason is required
    esc.reason.setPlainText("Overlast in de buurt, meerdere partijen betrokken")
    click_ok(esc)
    assert not esc.isVisible()
    with open_store.session() as s:
        assert [e.kind for e in open_escalations(s, family.household_id)] == [
            EscalationKind.DE_PLOEG
        ]

    # closing: final ZRM prompt for the mother (baseline, no later measurement) + experience
    close = editor.open_close()
    assert isinstance(close, CloseCaseDialog)
    assert close.final_zrm.isVisibleTo(close) and family.mother in close.final_buttons
    with qtbot.waitSignal(close.final_zrm_requested) as asked:
        close.final_buttons[family.mother].click()
    assert asked.args == [family.mother]
    select_data(close.reason, "doelen_bereikt")
    for name, score in zip(close.answers, (4, 4, 3, 5, 4), strict=True):
        select_data(close.answers[name], score)
    click_ok(close)
    assert not close.isVisible(), close.problem.text()
    with open_store.session() as s:
        household = get_household(s, family.household_id)
        plan = load_plan(s, family.household_id)
    assert household.status == HouseholdStatus.CLOSED
    assert household.closing_reason == "doelen_bereikt"
    assert plan.revision_number == 2
