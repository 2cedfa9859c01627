"""Screenshots of the intake wizard, plan editor, ZRM dialog and charts and the dashboard.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m caseworker.ui.plan.screenshots``.
Uses a throwaway store in a temp dir with one fictitious family (never real data).
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from caseworker.models import Actor, Funding, PersonRole, Role, Team, User
from caseworker.reference.loader import load_reference
from caseworker.services import ServiceContext
from caseworker.services.assessments import AssessmentInput, record_assessment
from caseworker.services.closing import ClientExperienceInput, CloseInput, close_case
from caseworker.services.households import HouseholdInput, create_household
from caseworker.services.network import NetworkContactInput, add_contact
from caseworker.services.persons import PersonInput, add_person
from caseworker.services.plan import ActionInput, GoalInput
from caseworker.services.provisions import ProvisionInput
from caseworker.store import KdfParams, Store
from caseworker.ui.app import configure_application
from caseworker.ui.dashboard.view import TeamDashboard
from caseworker.ui.deps import AppDeps
from caseworker.ui.i18n_build import build as build_translations
from caseworker.ui.intake.wizard import IntakeWizard
from caseworker.ui.tasks import InlineTaskRunner
from caseworker.ui.zrm.section import ZrmSection

from .editor import PlanEditor, goal_values
from .provision_dialog import ProvisionDialog
from .widgets import select_data

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
WHY = "Trede 1 en 2 geprobeerd; angst vraagt behandeling"


def grab(app: QApplication, widget: QWidget, name: str, size: tuple[int, int]) -> None:
    widget.resize(*size)
    widget.show()
    for _ in range(5):
        app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"screenshot: {name}.png")


def main() -> int:
    build_translations()
    app = QApplication(sys.argv[:1])
    configure_application(app)
    reference = load_reference()
    with tempfile.TemporaryDirectory(prefix="cw-shots-") as tmp:
        store = Store(Path(tmp) / "store").create(
            "screenshots keukentafel", KdfParams.fast_for_tests()
        )
        with store.transaction() as s:
            team = Team(name="WIJ Vinkhuizen", code="vinkhuizen")
            s.add(team)
            s.flush()
            user = User(username="a.devries", display_name="Anna de Vries", role=Role.TEAM_LEAD,
                        team_id=team.id)  # fmt: skip
            s.add(user)
            s.flush()
            user_id = user.id
        ctx = ServiceContext(
            user_id=user_id,
            today=lambda: date(2026, 11, 23),
            now=lambda: datetime(2026, 11, 23, 9, 30, tzinfo=UTC),
        )
        deps = AppDeps(store, ctx, reference, InlineTaskRunner())
        with store.transaction() as s:
            hid = create_household(s, ctx, HouseholdInput("Familie Jansen", city="Groningen",
                                                          opened_on=date(2026, 9, 1)))  # fmt: skip
            ids = [
                add_person(s, ctx, hid, PersonInput(n, "Jansen", b, r))
                for n, b, r in (
                    ("Sanne", date(1986, 3, 14), PersonRole.PARENT),
                    ("Mark", date(1984, 7, 2), PersonRole.PARENT),
                    ("Noor", date(2010, 5, 1), PersonRole.CHILD),
                    ("Daan", date(2013, 9, 20), PersonRole.CHILD),
                    ("Lotte", date(2019, 1, 8), PersonRole.CHILD),
                )
            ]
            add_contact(s, ctx, hid, NetworkContactInput("Buurvrouw Ria", "buurvrouw"))
            mother, _father, _noor, daan, _lotte = ids
            for on, fin, house in ((date(2026, 9, 2), 1, 3), (date(2026, 10, 14), 2, 3),
                                   (date(2026, 11, 20), 3, 4)):  # fmt: skip
                record_assessment(s, ctx, reference, AssessmentInput(
                    hid, mother, "zrm-2017", on, scores={
                        "financien": fin, "huisvesting": house, "werk_opleiding": 2,
                        "tijdsbesteding": 3, "huiselijke_relaties": 3,
                        "geestelijke_gezondheid": 3, "lichamelijke_gezondheid": 4,
                        "middelengebruik": 5, "basale_adl": 5, "instrumentele_adl": 3,
                        "sociaal_netwerk": 2 + (fin > 1), "maatschappelijke_participatie": 3,
                        "justitie": 5}))  # fmt: skip

        wizard = IntakeWizard(deps, hid)
        p1 = wizard.first_contact
        select_data(p1.source, "school")
        p1.who_asks.setText("Moeder (Sanne)")
        p1.presented.setPlainText("Hulp bij de schulden; Daan gaat niet naar school")
        select_data(p1.urgency, "high")
        p1.child_abuse.setChecked(True)
        p1.meldcode.description.setText("Daan vertelt over harde ruzies thuis (school, 12-11)")
        wizard.autosave.flush()
        grab(app, wizard, "intake-1-eerste-contact", (900, 760))
        wizard.next()
        p2 = wizard.clarification
        row = p2.add_question()
        select_data(row.person, daan)
        select_data(row.life_area, "opgroeien_opvoeden")
        row.presented.setPlainText("Daan moet weer naar school")
        row.underlying.setPlainText("Daan wordt gepest en durft niet meer")
        row.desired.setPlainText("Daan gaat weer elke dag met plezier naar school")
        row = p2.add_question()
        select_data(row.life_area, "werk_inkomen")
        row.presented.setPlainText("Hulp bij de schulden")
        row.underlying.setPlainText("Overzicht kwijt sinds Mark zijn baan verloor")
        row.desired.setPlainText("Rust in de portemonnee")
        p2.own_strength.setPlainText("Sanne houdt de moed erin; Mark kan goed met cijfers")
        p2.network.setPlainText("Oma past op Lotte; buurvrouw Ria brengt Daan")
        plan = wizard.gateway.plan
        for goal in (
            GoalInput(daan, "Daan gaat weer naar school", "opgroeien_opvoeden", "zrm-children",
                      "kind_scholing", 2, 4, date(2027, 3, 1)),
            GoalInput(mother, "Schulden op een rij", "werk_inkomen", "zrm-2017", "financien",
                      1, 4, date(2027, 6, 1)),
        ):  # fmt: skip
            plan.add_goal(asdict(goal))
        wizard.autosave.flush()
        p2.refresh()
        grab(app, wizard, "intake-2-vraagverheldering", (900, 860))
        for action in (
            ActionInput(None, "Samen alle rekeningen op een rij zetten", Actor.SELF,
                        person_id=mother),
            ActionInput(None, "Ria haalt Daan 's ochtends op voor school", Actor.NETWORK),
            ActionInput(None, "Aanmelden bij schuldhulpverlening", Actor.CASEWORKER, step=2),
            ActionInput(None, "Behandeling angst rond school", Actor.PROVIDER, provider="Accare",
                        step=4, justification=WHY),
        ):  # fmt: skip
            plan.add_action({**asdict(action), "actor": action.actor.value})
        wizard.next()
        grab(app, wizard, "intake-3-oplossing", (900, 860))
        for provision in (
            ProvisionInput("av-schuldhulpverlening", mother, Funding.NONE,
                           provider="Kredietbank Groningen", start_on=date(2026, 10, 1)),
            ProvisionInput("jw-ambulant", daan, Funding.ZIN, provider="Accare", units=2,
                           unit="uur/week", start_on=date(2026, 10, 1),
                           cost_cents_per_period=31050, cost_period="month", justification=WHY),
        ):  # fmt: skip
            plan.add_provision({**asdict(provision), "funding": provision.funding.value})
        wizard.next()
        grab(app, wizard, "intake-4-arrangement", (900, 700))
        wizard.next()
        grab(app, wizard, "intake-5-toewijzing", (900, 820))
        wizard.allocation.agree()
        grab(app, wizard, "intake-5-vastgesteld", (900, 820))
        wizard.close()

        editor = PlanEditor(deps, hid)
        grab(app, editor, "plan-editor", (1100, 900))
        editor.goal_table.selectRow(0)
        dialog = editor.edit_goal()
        if dialog is not None:
            grab(app, dialog, "plan-goal-dialog", (520, 460))
            dialog.reject()
        pdialog = editor.add_provision()
        assert isinstance(pdialog, ProvisionDialog)
        select_data(pdialog.item, "wmo-hh2")
        select_data(pdialog.funding, "pgb")
        grab(app, pdialog, "plan-provision-dialog", (560, 620))
        pdialog.reject()
        first = editor.plan.goals[0] if editor.plan else None
        if first is not None:
            editor.gateway.update_goal(first.id, {**goal_values(first), "target_score": 5})
        editor.gateway.agree(date(2026, 11, 23), "mondeling")
        editor.reload()
        history = editor.open_history()
        if history is not None:
            grab(app, history, "plan-versies-diff", (720, 420))
            history.reject()
        grab(app, editor.open_escalation(), "plan-opschalen", (520, 320))
        close = editor.open_close()
        grab(app, close, "plan-afsluiten", (640, 640))
        close.reject()

        zrm = ZrmSection(deps, hid)
        select_data(zrm.subject, mother)
        grab(app, zrm, "zrm-section-charts", (1200, 760))
        dialog2 = zrm.open_measurement()
        dialog2.set_score("financien", 4, "Betalingsregeling loopt")
        dialog2.set_score("sociaal_netwerk", 3)
        grab(app, dialog2, "zrm-meting-dialog", (860, 700))
        dialog2.reject()

        with store.transaction() as s:
            close_case(s, ctx, hid, CloseInput("doelen_bereikt", date(2026, 11, 23),
                       experience=ClientExperienceInput(4, 4, 3, 5, 4)))  # fmt: skip
        dashboard = TeamDashboard(deps)
        dashboard.start.set_value(date(2026, 1, 1))
        dashboard.refresh()
        dashboard.click_number(dashboard.table, 0, 3)
        grab(app, dashboard, "dashboard-team", (1200, 780))
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
