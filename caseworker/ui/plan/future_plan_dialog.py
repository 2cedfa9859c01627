"""Toekomstplan (16½, seed 002): wonen, dagbesteding, financiën, sociale contacten, 18+."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from caseworker.services.future_plan import FuturePlanInput, get_future_plan, save_future_plan
from caseworker.ui.deps import AppDeps

from ..forms import text_box
from .choices import PersonChoice
from .widgets import DateEdit, dialog_buttons, error_text, fill_combo, problem_label, select_data

FIELDS = ("housing", "daytime_activity", "finances", "social_contacts", "care_after_18")


class FuturePlanDialog(QDialog):
    def __init__(
        self,
        deps: AppDeps,
        household_id: str,
        youths: list[PersonChoice],
        parent: QWidget | None = None,
        *,
        person_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Future plan"))
        self._deps = deps
        self._household_id = household_id
        form = QFormLayout(self)
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Youth"))
        fill_combo(self.person, [(p.label, p.id) for p in youths], empty=None)
        form.addRow(self.tr("&Youth"), self.person)
        labels = {
            "housing": self.tr("Housing"),
            "daytime_activity": self.tr("School, work or daytime activity"),
            "finances": self.tr("Finances"),
            "social_contacts": self.tr("Social contacts"),
            "care_after_18": self.tr("Care and support after 18"),
        }
        self.edits: dict[str, QPlainTextEdit] = {}
        for name in FIELDS:
            edit = text_box(self, labels[name], 54)
            form.addRow(labels[name], edit)
            self.edits[name] = edit
        self.agreed_on = DateEdit(self, optional=True, accessible=self.tr("Agreed on"))
        form.addRow(self.tr("&Agreed on"), self.agreed_on)
        self.problem = problem_label(self)
        form.addRow(self.problem)
        form.addRow(dialog_buttons(self, self.save, save=True))
        self.person.currentIndexChanged.connect(self._load)
        select_data(self.person, person_id)
        self._load()

    def _load(self) -> None:
        pid = self.person.currentData()
        view = None
        if pid:
            with self._deps.store.session() as s:
                view = get_future_plan(s, pid)
        for name, edit in self.edits.items():
            edit.setPlainText(getattr(view, name) or "" if view else "")
        self.agreed_on.set_value(view.agreed_on if view else None)

    def save(self) -> None:
        pid = self.person.currentData()
        if not pid:
            return
        data = FuturePlanInput(
            **{name: edit.toPlainText() for name, edit in self.edits.items()},
            agreed_on=self.agreed_on.value(),
        )
        try:
            with self._deps.store.transaction() as s:
                save_future_plan(s, self._deps.ctx, self._household_id, pid, data)
        except Exception as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
