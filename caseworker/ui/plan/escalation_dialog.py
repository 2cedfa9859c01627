"""Opschalen: mark the household for the Taskforce, De Ploeg (or Veilig Thuis)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QWidget,
)

from caseworker.models import EscalationKind
from caseworker.services.escalation import escalate
from caseworker.ui.deps import AppDeps

from ..forms import text_box
from .widgets import DateEdit, dialog_buttons, error_text, fill_combo, problem_label


class EscalationDialog(QDialog):
    def __init__(self, deps: AppDeps, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Escalate"))
        self._deps = deps
        self._household_id = household_id
        self.escalation_id: str | None = None
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Escalate to"))
        fill_combo(
            self.kind,
            [
                ("Taskforce", EscalationKind.TASKFORCE.value),
                ("De Ploeg", EscalationKind.DE_PLOEG.value),
                ("Veilig Thuis", EscalationKind.VEILIG_THUIS.value),
            ],
            empty=None,
        )
        form.addRow(self.tr("&To"), self.kind)
        self.reason = text_box(self, self.tr("Reason"), 80)
        form.addRow(self.tr("&Reason"), self.reason)
        self.on = DateEdit(self, accessible=self.tr("Date"))
        self.on.set_value(deps.ctx.today())
        form.addRow(self.tr("&Date"), self.on)
        self.problem = problem_label(self)
        form.addRow(self.problem)
        form.addRow(dialog_buttons(self, self.save))

    def save(self) -> None:
        on = self.on.value() or self._deps.ctx.today()
        try:
            with self._deps.store.transaction() as s:
                self.escalation_id = escalate(
                    s,
                    self._deps.ctx,
                    self._household_id,
                    EscalationKind(self.kind.currentData()),
                    self.reason.toPlainText(),
                    on,
                )
        except Exception as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
