"""Issue 5: a realistic household walked through the five intake steps, with a quit in the
middle of step 2 (wizard closed, store closed and unlocked again) and a resume."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from caseworker.models import IntakeStep, PlanStatus, SafetySignalKind
from caseworker.services import ServiceContext
from caseworker.services.intake import load_intake
from caseworker.services.plan import load_plan
from caseworker.store import OpenStore, Store
from caseworker.ui.intake.wizard import IntakeWizard
from caseworker.ui.plan.widgets import select_data
from tests.conftest import PASSPHRASE

from .casework_support import click_ok, make_deps, make_family


def _open(qtbot: QtBot, store: OpenStore, ctx: ServiceContext, hid: str) -> IntakeWizard:
    wizard = IntakeWizard(make_deps(store, ctx), hid)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_five_steps_with_quit_and_resume(
    qtbot: QtBot, open_store: OpenStore, store_dir: Path, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)
    wizard = _open(qtbot, open_store, ctx, family.household_id)
    assert wizard.currentId() == 0

    # step 1: eerste contact, with a safety signal → Meldcode steps shown and recorded
    page1 = wizard.first_contact
    select_data(page1.source, "school")
    qtbot.keyClicks(page1.who_asks, "Moeder")
    page1.presented.setPlainText("Hulp bij de schulden en Daan gaat niet naar school")
    select_data(page1.urgency, "high")
    assert not page1.meldcode.isVisibleTo(page1)
    with qtbot.waitSignal(wizard.autosave.saved, timeout=2000):
        page1.child_abuse.setChecked(True)
    assert page1.meldcode.isVisibleTo(page1)
    assert "Veilig Thuis" in page1.meldcode.steps.text()

    # step 2: questions per person and life area, own strength, network — then QUIT mid-step
    wizard.next()
    assert wizard.currentId() == 1
    page2 = wizard.clarification
    row = page2.add_question()
    select_data(row.person, family.truant)
    select_data(row.life_area, "opgroeien_opvoeden")
    row.presented.setPlainText("Daan moet weer naar school")
    row.underlying.setPlainText("Daan wordt gepest en durft niet meer")
    row.desired.setPlainText("Daan gaat weer elke dag met plezier naar school")
    row2 = page2.add_question()
    select_data(row2.life_area, "werk_inkomen")
    row2.presented.setPlainText("Hulp bij de schulden")
    row2.underlying.setPlainText("Overzicht kwijt sinds Mark zijn baan verloor")
    row2.desired.setPlainText("Rust in de portemonnee")
    page2.own_strength.setPlainText("Sanne houdt de moed erin")
    qtbot.keyClicks(page2.network, "Oma past op Lotte")  # the last keystroke, not yet saved
    assert wizard.autosave.pending
    wizard.close()  # "quit": the draft is flushed on close
    open_store.close()

    reopened = Store(store_dir).unlock(PASSPHRASE)
    try:
        wizard = _open(qtbot, reopened, ctx, family.household_id)
        assert wizard.currentId() == 1  # resumed at the step reached
        p1, p2 = wizard.first_contact, wizard.clarification
        assert p1.source.currentData() == "school"
        assert p1.who_asks.text() == "Moeder"
        assert p1.urgency.currentData() == "high"
        assert p1.child_abuse.isChecked() and p1.meldcode.isVisibleTo(p1)
        assert [r.underlying.toPlainText() for r in p2.rows] == [
            "Daan wordt gepest en durft niet meer",
            "Overzicht kwijt sinds Mark zijn baan verloor",
        ]
        assert p2.rows[0].person.currentData() == family.truant
        assert p2.rows[1].desired.toPlainText() == "Rust in de portemonnee"
        assert p2.own_strength.toPlainText() == "Sanne houdt de moed erin"
        assert p2.network.toPlainText() == "Oma past op Lotte"

        # goals (resultaat vaststellen), linked to ZRM domains
        dialog = p2.open_goal_dialog()
        select_data(dialog.person, family.truant)
        dialog.description.setPlainText("Daan gaat weer naar school")
        select_data(dialog.instrument, "zrm-children")
        select_data(dialog.domain, "kind_scholing")
        select_data(dialog.baseline, 2)
        select_data(dialog.target, 4)
        dialog.due.set_value(date(2027, 3, 1))
        click_ok(dialog)
        dialog = p2.open_goal_dialog()
        dialog.description.setPlainText("Schulden op een rij en een sluitende begroting")
        select_data(dialog.domain, "hh_financien")
        select_data(dialog.baseline, 1)
        select_data(dialog.target, 4)
        dialog.due.set_value(date(2027, 6, 1))
        click_ok(dialog)
        assert p2.goals.count() == 2

        # step 3: actions, walking the viertrap; trede 4 needs a justification
        wizard.next()
        p3 = wizard.solution
        d = p3.open_action_dialog(1)
        d.description.setPlainText("Samen een overzicht van alle rekeningen maken")
        select_data(d.actor, "self")
        select_data(d.person, family.mother)
        click_ok(d)
        d = p3.open_action_dialog(1)
        d.description.setPlainText("Ria haalt Daan 's ochtends op voor school")
        select_data(d.actor, "network")
        select_data(d.network, family.neighbour)
        click_ok(d)
        d = p3.open_action_dialog(4)
        d.description.setPlainText("Specialistische hulp bij angst rond school")
        select_data(d.actor, "provider")
        d.provider.setText("Accare")
        click_ok(d)
        assert d.isVisible() and d.problem.text()  # refused, what was typed is kept
        assert d.description.toPlainText() == "Specialistische hulp bij angst rond school"
        d.justification.setPlainText("Trede 1-2 geprobeerd: schoolmaatschappelijk werk hielp niet")
        click_ok(d)
        assert not d.isVisible()
        assert [p3.lists[s].count() for s in range(1, 5)] == [2, 0, 0, 1]

        # step 4: arrangement; PGB without reason is refused
        wizard.next()
        p4 = wizard.arrangement
        d4 = p4.open_provision_dialog()
        select_data(d4.item, "av-schuldhulpverlening")
        d4.provider.setText("Kredietbank Groningen")
        d4.start.set_value(date(2026, 12, 1))
        click_ok(d4)
        d4 = p4.open_provision_dialog()
        select_data(d4.item, "jw-ambulant")
        select_data(d4.person, family.truant)
        select_data(d4.funding, "pgb")
        d4.units.setValue(2)
        d4.cost.setValue(310.5)
        d4.justification.setPlainText("Angst vraagt behandeling; algemene hulp is niet genoeg")
        click_ok(d4)
        assert d4.isVisible() and "PGB" in d4.problem.text()
        select_data(d4.funding, "zin")
        click_ok(d4)
        assert not d4.isVisible()
        assert p4.table.rowCount() == 2

        # step 5: review and agreement
        wizard.next()
        p5 = wizard.allocation
        assert p5.agree_button.isEnabled(), p5.problems.text()
        assert "Daan gaat weer naar school" in p5.review.toPlainText()
        p5.how.setCurrentText("mondeling aan de keukentafel")
        with qtbot.waitSignal(wizard.plan_agreed, timeout=2000) as agreed:
            p5.agree_button.click()
        assert agreed.args == [1]
        assert not p5.agree_button.isEnabled()
        wizard.close()

        with reopened.session() as s:
            plan = load_plan(s, family.household_id)
            intake = load_intake(s, wizard.gateway.intake_id)
        assert plan.status == PlanStatus.AGREED and plan.revision_number == 1
        assert plan.agreed_how == "mondeling aan de keukentafel"
        assert {(g.zrm_domain, g.baseline_score, g.target_score) for g in plan.goals} == {
            ("kind_scholing", 2, 4),
            ("hh_financien", 1, 4),
        }
        assert sorted(a.step for a in plan.actions) == [1, 1, 4]
        assert {p.catalogue_code: p.funding.value for p in plan.provisions} == {
            "av-schuldhulpverlening": "none",
            "jw-ambulant": "zin",
        }
        assert intake.status.value == "completed" and intake.current_step == IntakeStep.ALLOCATION
        assert [s.kind for s in intake.safety_signals] == [SafetySignalKind.CHILD_ABUSE]
    finally:
        reopened.close()
