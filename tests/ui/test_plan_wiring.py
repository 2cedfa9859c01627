"""The casework parts in the app shell: the dossier's intake request opens the wizard, the
team dashboard is shown while unlocked, and locking saves and closes open intake drafts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseworker.services.households import HouseholdInput, create_household
from caseworker.services.intake import current_draft, load_intake
from caseworker.store import Store
from caseworker.ui.controller import AppController
from caseworker.ui.dashboard.view import TeamDashboard
from caseworker.ui.plan.wiring import CaseworkWiring, casework_sections

PASSPHRASE = "fietsen langs het reitdiep in de regen"


def test_wizard_dashboard_and_lock(qtbot: QtBot, controller: AppController, tmp_path: Path) -> None:
    assert set(casework_sections()) == {"intake", "plan", "zrm"}
    wiring = CaseworkWiring(controller)
    window = controller.window
    qtbot.addWidget(window)
    controller.start()
    dialog = controller.first_run
    assert dialog is not None
    qtbot.keyClicks(dialog.name_edit, "Anna de Vries")
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert isinstance(wiring.dashboard, TeamDashboard)
    assert (
        window.pages.indexOf(wiring.dashboard) == 2 and window.pages.indexOf(window.team_page) < 0
    )

    deps = window.deps
    assert deps is not None
    with deps.store.transaction() as s:
        hid = create_household(s, deps.ctx, HouseholdInput("Familie Visser"))
    window.intake_requested.emit(hid)
    assert len(wiring.wizards) == 1
    wizard = wiring.wizards[0]
    qtbot.keyClicks(wizard.first_contact.who_asks, "Buurman")
    assert wizard.autosave.pending  # typed less than the debounce delay ago

    controller.lock()  # saves the draft first, then closes the wizard and the dashboard
    assert wiring.wizards == [] and wiring.dashboard is None
    assert window.pages.indexOf(window.team_page) == 2
    reopened = Store(tmp_path / "store").unlock(PASSPHRASE)
    try:
        with reopened.session() as s:
            draft = current_draft(s, hid)
            assert draft is not None
            assert load_intake(s, draft).who_asks == "Buurman"
    finally:
        reopened.close()
