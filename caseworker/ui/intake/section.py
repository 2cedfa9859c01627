"""The dossier's intake section: the intakes of the household and start / resume."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from caseworker.models import IntakeStatus, IntakeStep
from caseworker.services.intake import list_intakes, load_intake
from caseworker.ui.deps import AppDeps
from caseworker.ui.forms import format_date

from .wizard import IntakeWizard

STEP_NUMBER = {step: i for i, step in enumerate(IntakeStep, start=1)}


class IntakeSection(QWidget):
    def __init__(self, deps: AppDeps, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deps = deps
        self._household_id = household_id
        self.wizard: IntakeWizard | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.button = QPushButton(self)
        layout.addWidget(self.button)
        self.intakes = QListWidget(self)
        self.intakes.setAccessibleName(self.tr("Intakes"))
        layout.addWidget(self.intakes, 1)
        self.button.clicked.connect(self.open_wizard)
        self.reload()

    def reload(self) -> None:
        with self._deps.store.session() as s:
            rows = list_intakes(s, self._household_id)
            draft = next((r for r in rows if r[1] == IntakeStatus.DRAFT), None)
            step = load_intake(s, draft[0]).current_step if draft else None
        statuses = {
            IntakeStatus.DRAFT: self.tr("in progress"),
            IntakeStatus.COMPLETED: self.tr("completed"),
            IntakeStatus.ABANDONED: self.tr("abandoned"),
        }
        self.intakes.clear()
        for _id, status, started in rows:
            self.intakes.addItem(f"{format_date(started)} — {statuses[status]}")
        if step is not None:
            self.summary.setText(
                self.tr("An intake is in progress at step %1 of 5.").replace(
                    "%1", str(STEP_NUMBER[step])
                )
            )
            self.button.setText(self.tr("&Resume intake"))
        else:
            self.summary.setText(
                self.tr("A new intake extends the household's one plan.")
                if rows
                else self.tr("No intake yet.")
            )
            self.button.setText(self.tr("&Start intake"))

    def open_wizard(self) -> IntakeWizard:
        wizard = IntakeWizard(self._deps, self._household_id, self)
        wizard.finished.connect(lambda _r: self.reload())
        self.wizard = wizard
        wizard.show()
        return wizard


def intake_section(deps: AppDeps, household_id: str, parent: QWidget) -> QWidget:
    """SectionFactory for the dossier (issue 4): the intake section."""
    return IntakeSection(deps, household_id, parent)
