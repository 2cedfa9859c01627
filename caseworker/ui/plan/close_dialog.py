"""Close the case: reason, a final ZRM prompt and the five client-experience questions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.closing import (
    ClientExperienceInput,
    CloseInput,
    CloseResult,
    close_case,
    needs_final_zrm,
)
from caseworker.ui.deps import AppDeps

from ..forms import text_box
from .choices import PersonChoice
from .widgets import DateEdit, dialog_buttons, error_text, fill_combo, problem_label

QUESTIONS = ("own_control", "self_reliance", "quality_of_life", "fits_request", "support_quality")


class CloseCaseDialog(QDialog):
    """``final_zrm_requested(person_id)`` asks the caller to open a final measurement."""

    final_zrm_requested = Signal(str)

    def __init__(
        self,
        deps: AppDeps,
        household_id: str,
        persons: list[PersonChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close the case"))
        self._deps = deps
        self._household_id = household_id
        self.result_value: CloseResult | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.reason = QComboBox(self)
        self.reason.setAccessibleName(self.tr("Closing reason"))
        fill_combo(
            self.reason,
            [(r.name, r.code) for r in deps.reference.closing_reasons.values()],
            empty=None,
        )
        form.addRow(self.tr("&Reason"), self.reason)
        self.closed_on = DateEdit(self, accessible=self.tr("Closing date"))
        self.closed_on.set_value(deps.ctx.today())
        form.addRow(self.tr("&Date"), self.closed_on)
        self.note = text_box(self, self.tr("Closing note"), 50)
        form.addRow(self.tr("&Note"), self.note)
        layout.addLayout(form)

        with deps.store.session() as s:
            missing = needs_final_zrm(s, household_id, deps.ctx.today())
        names = {p.id: p.label for p in persons}
        self.final_zrm = QGroupBox(self.tr("Final ZRM measurement"), self)
        zrm_layout = QVBoxLayout(self.final_zrm)
        zrm_layout.addWidget(
            QLabel(self.tr("No recent measurement yet for these members:"), self.final_zrm)
        )
        self.final_buttons: dict[str, QPushButton] = {}
        for pid in missing:
            button = QPushButton(names.get(pid, "?"), self.final_zrm)
            button.clicked.connect(lambda _=False, p=pid: self.final_zrm_requested.emit(p))
            zrm_layout.addWidget(button)
            self.final_buttons[pid] = button
        self.final_zrm.setVisible(bool(missing))
        layout.addWidget(self.final_zrm)

        experience = QGroupBox(self.tr("Client experience (1 = not at all, 5 = very much)"), self)
        exp_form = QFormLayout(experience)
        labels = {
            "own_control": self.tr("Can better do the things they want (own control)"),
            "self_reliance": self.tr("Can better manage (self-reliance)"),
            "quality_of_life": self.tr("Has a better quality of life"),
            "fits_request": self.tr("The support fitted the request for help"),
            "support_quality": self.tr("Quality of the support"),
        }
        self.answers: dict[str, QComboBox] = {}
        for name in QUESTIONS:
            combo = QComboBox(experience)
            combo.setAccessibleName(labels[name])
            fill_combo(combo, [(str(i), i) for i in range(1, 6)], empty=self.tr("(no answer)"))
            exp_form.addRow(labels[name], combo)
            self.answers[name] = combo
        layout.addWidget(experience)
        self.problem = problem_label(self)
        layout.addWidget(self.problem)
        layout.addWidget(dialog_buttons(self, self.save))

    def data(self) -> CloseInput:
        answers = {name: combo.currentData() for name, combo in self.answers.items()}
        experience = (
            ClientExperienceInput(**answers)
            if any(v is not None for v in answers.values())
            else None
        )
        return CloseInput(
            closing_reason=str(self.reason.currentData()),
            closed_on=self.closed_on.value() or self._deps.ctx.today(),
            note=self.note.toPlainText() or None,
            experience=experience,
        )

    def save(self) -> None:
        try:
            with self._deps.store.transaction() as s:
                self.result_value = close_case(s, self._deps.ctx, self._household_id, self.data())
        except Exception as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
