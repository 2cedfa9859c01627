"""Wires the intake wizard, plan editor, ZRM section and team dashboard into the app shell.

``casework_sections()`` are the dossier's section factories (issue 4's registry);
``CaseworkWiring(controller)`` opens the intake wizard on the dossier's request,
shows the team dashboard while unlocked, and saves and closes open wizards
before the store locks (nothing typed is lost, nothing stays on screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from caseworker.ui.dashboard.view import TeamDashboard
from caseworker.ui.dossier.sections import INTAKE, PLAN, ZRM, SectionFactory
from caseworker.ui.intake.section import intake_section
from caseworker.ui.intake.wizard import IntakeWizard, open_intake_wizard
from caseworker.ui.zrm.section import zrm_section

from .editor import plan_section

if TYPE_CHECKING:
    from caseworker.ui.controller import AppController


def casework_sections() -> dict[str, SectionFactory]:
    return {INTAKE: intake_section, PLAN: plan_section, ZRM: zrm_section}


class CaseworkWiring(QObject):
    def __init__(self, controller: AppController) -> None:
        super().__init__(controller)
        self._controller = controller
        self._window = controller.window
        self.wizards: list[IntakeWizard] = []
        self.dashboard: TeamDashboard | None = None
        self._placeholder: QWidget | None = None
        self._window.intake_requested.connect(self.open_intake)
        controller.unlocked.connect(self._unlocked)
        controller.locked.connect(self._locked)
        about_to_lock = getattr(controller, "about_to_lock", None)
        if about_to_lock is not None:
            about_to_lock.connect(self.close_wizards)

    def open_intake(self, household_id: str) -> IntakeWizard | None:
        deps = self._window.deps
        if deps is None:
            return None
        for wizard in self.wizards:
            if wizard.gateway.household_id == household_id:
                wizard.raise_()
                return wizard
        wizard = open_intake_wizard(deps, household_id, self._window)
        self.wizards.append(wizard)
        wizard.finished.connect(lambda _r, w=wizard: self._finished(w))
        return wizard

    def _finished(self, wizard: IntakeWizard) -> None:
        if wizard in self.wizards:
            self.wizards.remove(wizard)
        wizard.deleteLater()
        view = self._window.open_dossier(wizard.gateway.household_id)
        if view is not None:
            view.refresh()

    def close_wizards(self) -> None:
        """Save every open intake draft and close it (before the store locks)."""
        for wizard in list(self.wizards):
            wizard.autosave.flush()
            wizard.hide()
            wizard.deleteLater()
        self.wizards.clear()

    def _unlocked(self) -> None:
        deps = self._window.deps
        if deps is None:
            return
        pages = self._window.pages
        self._placeholder = self._window.team_page
        index = pages.indexOf(self._placeholder)
        self.dashboard = TeamDashboard(deps)
        self.dashboard.household_opened.connect(self._window.open_dossier)
        pages.insertWidget(index, self.dashboard)
        pages.removeWidget(self._placeholder)

    def _locked(self) -> None:
        self.close_wizards()
        if self.dashboard is None or self._placeholder is None:
            return
        pages = self._window.pages
        index = pages.indexOf(self.dashboard)
        pages.insertWidget(index, self._placeholder)
        pages.removeWidget(self.dashboard)
        self.dashboard.deleteLater()
        self.dashboard = None
