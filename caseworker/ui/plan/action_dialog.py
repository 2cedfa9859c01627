"""Add or edit an action (actie / afspraak): who does what, on which trede, and why if 3/4."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ..forms import text_box
from .choices import NetworkChoice, PersonChoice
from .steps import actor_names, step_name, step_question
from .widgets import DateEdit, dialog_buttons, error_text, fill_combo, problem_label, select_data


class ActionDialog(QDialog):
    """Returns the action's fields with :meth:`values` (keys as on the ``Action`` model)."""

    def __init__(
        self,
        persons: list[PersonChoice],
        network: list[NetworkChoice],
        parent: QWidget | None = None,
        *,
        goals: list[tuple[str, str]] | None = None,
        initial: dict[str, Any] | None = None,
        step: int = 1,
    ) -> None:
        super().__init__(parent)
        self.on_save: Callable[[dict[str, Any]], object] | None = None
        self.setWindowTitle(self.tr("Action"))
        form = QFormLayout(self)
        self.step = QComboBox(self)
        self.step.setAccessibleName(self.tr("Step"))
        fill_combo(self.step, [(step_name(s), s) for s in range(1, 5)], empty=None)
        form.addRow(self.tr("&Step"), self.step)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form.addRow(self.hint)

        self.description = text_box(self, self.tr("What"), 60)
        form.addRow(self.tr("&What"), self.description)
        self.actor = QComboBox(self)
        self.actor.setAccessibleName(self.tr("Who"))
        fill_combo(self.actor, actor_names(), empty=None)
        form.addRow(self.tr("W&ho"), self.actor)
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Family member"))
        fill_combo(self.person, [(p.label, p.id) for p in persons], empty=self.tr("(family)"))
        form.addRow(self.tr("Family &member"), self.person)
        self.network = QComboBox(self)
        self.network.setAccessibleName(self.tr("Network contact"))
        fill_combo(self.network, [(n.label, n.id) for n in network], empty=self.tr("(none)"))
        form.addRow(self.tr("&Network contact"), self.network)
        self.provider = QLineEdit(self)
        self.provider.setAccessibleName(self.tr("Provider"))
        form.addRow(self.tr("&Provider"), self.provider)
        self.goal = QComboBox(self)
        self.goal.setAccessibleName(self.tr("For goal"))
        fill_combo(self.goal, [(label, gid) for gid, label in goals or []], empty=self.tr("(none)"))
        form.addRow(self.tr("For &goal"), self.goal)
        self.justification = text_box(
            self,
            self.tr("Justification"),
            60,
            self.tr("Why steps 1 and 2 are not enough (cheapest adequate solution)"),
        )
        self.justification_label = QLabel(self.tr("&Justification"), self)
        self.justification_label.setBuddy(self.justification)
        form.addRow(self.justification_label, self.justification)
        self.due = DateEdit(self, optional=True, accessible=self.tr("Due date"))
        form.addRow(self.tr("D&ue date"), self.due)

        self.problem = problem_label(self)
        form.addRow(self.problem)
        form.addRow(dialog_buttons(self, self._accept))
        self.step.currentIndexChanged.connect(self._refresh)
        self.actor.currentIndexChanged.connect(self._refresh)
        select_data(self.step, step)
        if initial:
            self.set_values(initial)
        self._refresh()

    def _refresh(self) -> None:
        step = int(self.step.currentData() or 1)
        self.hint.setText(step_question(step))
        high = step >= 3
        self.justification.setEnabled(high)
        self.justification_label.setEnabled(high)
        actor = self.actor.currentData()
        self.person.setEnabled(actor == "self")
        self.network.setEnabled(actor == "network")
        self.provider.setEnabled(actor == "provider")

    def set_values(self, values: dict[str, Any]) -> None:
        select_data(self.step, values.get("step", 1))
        self.description.setPlainText(values.get("description") or "")
        select_data(self.actor, values.get("actor", "self"))
        select_data(self.person, values.get("person_id"))
        select_data(self.network, values.get("network_contact_id"))
        self.provider.setText(values.get("provider") or "")
        select_data(self.goal, values.get("goal_id"))
        self.justification.setPlainText(values.get("justification") or "")
        due = values.get("due_on")
        self.due.set_value(due if isinstance(due, date) else None)
        self._refresh()

    def values(self) -> dict[str, Any]:
        step = int(self.step.currentData() or 1)
        actor = str(self.actor.currentData())
        justification = self.justification.toPlainText().strip()
        return {
            "description": self.description.toPlainText().strip(),
            "actor": actor,
            "person_id": self.person.currentData() if actor == "self" else None,
            "network_contact_id": self.network.currentData() if actor == "network" else None,
            "provider": (self.provider.text().strip() or None) if actor == "provider" else None,
            "goal_id": self.goal.currentData(),
            "step": step,
            "justification": (justification or None) if step >= 3 else None,
            "due_on": self.due.value(),
        }

    def _accept(self) -> None:
        values = self.values()
        if not values["description"]:
            self.problem.setText(self.tr("Describe the action."))
            return
        if values["step"] >= 3 and not values["justification"]:
            self.problem.setText(
                self.tr("An action on step 3 or 4 needs a justification (seed 002).")
            )
            return
        if self.on_save is not None:
            try:
                self.on_save(values)
            except Exception as exc:  # keep the dialog and what was typed
                self.problem.setText(error_text(exc))
                return
        self.accept()
