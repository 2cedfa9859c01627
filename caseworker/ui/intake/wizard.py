"""The resumable five-step intake wizard.

A draft is saved at every field change (debounced, ≤ 300 ms), on every page
change and when the wizard closes; reopening resumes at the step reached with
everything that was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from caseworker.models import IntakeStatus
from caseworker.ui.deps import AppDeps
from caseworker.ui.plan.widgets import show_error

from .autosave import Debouncer
from .gateway import IntakeGateway
from .page_allocation import AllocationPage
from .page_arrangement import ArrangementPage
from .page_base import IntakePage
from .page_clarification import ClarificationPage
from .page_first_contact import FirstContactPage
from .page_solution import SolutionPage


class IntakeWizard(QWizard):
    """Emits ``plan_agreed(revision)`` when the family agreed and the plan was fixed."""

    plan_agreed = Signal(int)

    def __init__(self, deps: AppDeps, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Intake"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Save and close"))
        self.resize(900, 720)
        self.gateway = IntakeGateway(deps, household_id)
        self.gateway.start()
        view = self.gateway.load(audited=True)
        self.first_contact = FirstContactPage(self.gateway, self)
        self.clarification = ClarificationPage(self.gateway, self)
        self.solution = SolutionPage(self.gateway, self)
        self.arrangement = ArrangementPage(self.gateway, self)
        self.allocation = AllocationPage(self.gateway, self)
        self.solution.other_summary = self.arrangement.summary.toPlainText
        self.arrangement.other_summary = self.solution.summary.toPlainText
        self.pages: list[IntakePage] = [
            self.first_contact,
            self.clarification,
            self.solution,
            self.arrangement,
            self.allocation,
        ]
        self.autosave = Debouncer(self._save_dirty, parent=self)
        self.autosave.failed.connect(self._save_failed)
        self._error_box: QMessageBox | None = None
        for page in self.pages:
            page.setFinalPage(True)  # "Save and close" is possible on every step
            self.addPage(page)
            page.load(view)
            page.edited.connect(self.autosave.trigger)
        self.allocation.agreed.connect(self._agreed)
        self._completed = view.status != IntakeStatus.DRAFT
        self._reached = [p.step for p in self.pages].index(view.current_step)
        self._resuming = True
        self.currentIdChanged.connect(self._page_changed)
        self.restart()
        for _ in range(self._reached):
            self.next()
        self._resuming = False
        self._page_changed(self.currentId())

    # ------------------------------------------------------------------ saving
    def _save_dirty(self) -> None:
        if self._completed:
            return
        for page in self.pages:
            if page.dirty:
                page.save()

    def _save_failed(self, exc: object) -> None:
        if self._error_box is None or not self._error_box.isVisible():
            self._error_box = show_error(
                self, exc if isinstance(exc, BaseException) else Exception()
            )

    def current_page(self) -> IntakePage:
        return self.pages[self.currentId()] if self.currentId() >= 0 else self.pages[0]

    def _page_changed(self, page_id: int) -> None:
        if page_id < 0:
            return
        self.autosave.trigger()
        self.autosave.flush()
        if not self._completed and page_id > self._reached:
            self._reached = page_id
            self.gateway.set_step(self.pages[page_id].step)
        if not self._resuming:
            self.pages[page_id].refresh()

    def _agreed(self, revision: int) -> None:
        self._completed = True
        self.plan_agreed.emit(revision)

    def done(self, result: int) -> None:
        self.autosave.flush()
        super().done(result)


def open_intake_wizard(deps: AppDeps, household_id: str, parent: QWidget | None) -> IntakeWizard:
    """Start or resume the household's intake (non-modal). Used by the dossier's header."""
    wizard = IntakeWizard(deps, household_id, parent)
    wizard.show()
    return wizard
