"""Add or edit a goal (doel): person or household, ZRM domain, baseline → target, due date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from caseworker.reference import Reference

from ..forms import text_box
from .choices import PersonChoice, instruments_for, level_label
from .widgets import DateEdit, dialog_buttons, error_text, fill_combo, problem_label, select_data


class GoalDialog(QDialog):
    """Returns the goal's fields with :meth:`values` (keys as on the ``Goal`` model)."""

    def __init__(
        self,
        reference: Reference,
        persons: list[PersonChoice],
        parent: QWidget | None = None,
        *,
        initial: dict[str, Any] | None = None,
        latest_score: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.on_save: Callable[[dict[str, Any]], object] | None = None
        self.setWindowTitle(self.tr("Goal"))
        self._reference = reference
        self._persons = {p.id: p for p in persons}
        form = QFormLayout(self)

        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("For whom"))
        fill_combo(
            self.person, [(p.label, p.id) for p in persons], empty=self.tr("Whole household")
        )
        form.addRow(self.tr("For &whom"), self.person)

        self.description = text_box(
            self,
            self.tr("Goal"),
            70,
            self.tr("What the family wants to reach, in its words"),
        )
        form.addRow(self.tr("&Goal"), self.description)

        self.life_area = QComboBox(self)
        self.life_area.setAccessibleName(self.tr("Life area"))
        fill_combo(
            self.life_area,
            [(a.name, a.code) for a in reference.life_areas.values()],
            empty=self.tr("(none)"),
        )
        form.addRow(self.tr("&Life area"), self.life_area)

        self.instrument = QComboBox(self)
        self.instrument.setAccessibleName(self.tr("Instrument"))
        form.addRow(self.tr("&Instrument"), self.instrument)
        self.domain = QComboBox(self)
        self.domain.setAccessibleName(self.tr("ZRM domain"))
        form.addRow(self.tr("ZRM &domain"), self.domain)

        self.baseline = QComboBox(self)
        self.baseline.setAccessibleName(self.tr("Baseline score"))
        form.addRow(self.tr("&Baseline"), self.baseline)
        self.latest = QLabel("–" if latest_score is None else str(latest_score), self)
        self.latest.setAccessibleName(self.tr("Latest score"))
        form.addRow(self.tr("Latest"), self.latest)
        self.target = QComboBox(self)
        self.target.setAccessibleName(self.tr("Target score"))
        form.addRow(self.tr("&Target"), self.target)
        self.due = DateEdit(self, optional=True, accessible=self.tr("Due date"))
        form.addRow(self.tr("D&ue date"), self.due)

        self.problem = problem_label(self)
        form.addRow(self.problem)
        form.addRow(dialog_buttons(self, self._accept))

        self.person.currentIndexChanged.connect(self._refresh_instruments)
        self.instrument.currentIndexChanged.connect(self._refresh_domains)
        self._refresh_instruments()
        if initial:
            self.set_values(initial)

    def _refresh_instruments(self) -> None:
        person = self._persons.get(self.person.currentData() or "")
        instruments = instruments_for(
            self._reference, household=person is None, child=bool(person and person.is_child)
        )
        current = self.instrument.currentData()
        fill_combo(self.instrument, [(i.name, i.code) for i in instruments], empty=None)
        if current is not None:
            select_data(self.instrument, current)
        self._refresh_domains()

    def _refresh_domains(self) -> None:
        inst = self._reference.instruments.get(self.instrument.currentData() or "")
        current = self.domain.currentData()
        domains = [(d.name, d.code) for d in inst.domains] if inst else []
        fill_combo(self.domain, domains, empty=self.tr("(none)"))
        if current is not None:
            select_data(self.domain, current)
        scores = [(level_label(inst, s), s) for s in range(1, 6)]
        for combo in (self.baseline, self.target):
            chosen = combo.currentData()
            fill_combo(combo, scores, empty="–")
            if chosen is not None:
                select_data(combo, chosen)

    def set_values(self, values: dict[str, Any]) -> None:
        select_data(self.person, values.get("person_id"))
        self._refresh_instruments()
        self.description.setPlainText(values.get("description") or "")
        select_data(self.life_area, values.get("life_area"))
        if values.get("instrument"):
            select_data(self.instrument, values["instrument"])
        select_data(self.domain, values.get("zrm_domain"))
        select_data(self.baseline, values.get("baseline_score"))
        select_data(self.target, values.get("target_score"))
        due = values.get("due_on")
        self.due.set_value(due if isinstance(due, date) else None)

    def values(self) -> dict[str, Any]:
        domain = self.domain.currentData()
        return {
            "person_id": self.person.currentData(),
            "description": self.description.toPlainText().strip(),
            "life_area": self.life_area.currentData(),
            "instrument": self.instrument.currentData() if domain else None,
            "zrm_domain": domain,
            "baseline_score": self.baseline.currentData(),
            "target_score": self.target.currentData(),
            "due_on": self.due.value(),
        }

    def _accept(self) -> None:
        values = self.values()
        if not values["description"]:
            self.problem.setText(self.tr("Describe the goal."))
            return
        base, target = values["baseline_score"], values["target_score"]
        if base is not None and target is not None and target < base:
            self.problem.setText(self.tr("The target score is lower than the baseline."))
            return
        if self.on_save is not None:
            try:
                self.on_save(values)
            except Exception as exc:  # keep the dialog and what was typed
                self.problem.setText(error_text(exc))
                return
        self.accept()
