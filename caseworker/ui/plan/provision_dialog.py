"""Add or edit a provision (voorziening) from the catalogue: ZIN/PGB, units, provider, cost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from caseworker.reference import CatalogueItem, Reference

from ..forms import text_box
from .choices import PersonChoice
from .steps import step_name
from .widgets import (
    DUTCH,
    DateEdit,
    dialog_buttons,
    error_text,
    fill_combo,
    problem_label,
    select_data,
)

PERIODS = ("week", "month", "year", "once")


def period_names() -> list[tuple[str, str]]:
    from PySide6.QtCore import QCoreApplication

    names = {
        "week": QCoreApplication.translate("plan", "per week"),
        "month": QCoreApplication.translate("plan", "per month"),
        "year": QCoreApplication.translate("plan", "per year"),
        "once": QCoreApplication.translate("plan", "once"),
    }
    return [(names[p], p) for p in PERIODS]


class ProvisionDialog(QDialog):
    """Returns the provision's fields with :meth:`values` (keys as on the ``Provision`` model)."""

    def __init__(
        self,
        reference: Reference,
        persons: list[PersonChoice],
        parent: QWidget | None = None,
        *,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.on_save: Callable[[dict[str, Any]], object] | None = None
        self.setWindowTitle(self.tr("Provision"))
        self._catalogue = reference.catalogue
        form = QFormLayout(self)
        self.item = QComboBox(self)
        self.item.setAccessibleName(self.tr("Provision from the catalogue"))
        items = sorted(self._catalogue.values(), key=lambda i: (i.step, i.law.value, i.name))
        fill_combo(self.item, [(f"{i.name} (trede {i.step})", i.code) for i in items], empty=None)
        form.addRow(self.tr("&Provision"), self.item)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        form.addRow(self.info)
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("For whom"))
        fill_combo(
            self.person, [(p.label, p.id) for p in persons], empty=self.tr("Whole household")
        )
        form.addRow(self.tr("For &whom"), self.person)
        self.funding = QComboBox(self)
        self.funding.setAccessibleName(self.tr("Funding"))
        form.addRow(self.tr("&Funding"), self.funding)
        self.pgb_reason = text_box(self, self.tr("Reason for PGB"), 50)
        self.pgb_reason.setPlaceholderText(self.tr("Why a PGB adds value here (required)"))
        form.addRow(self.tr("PGB &reason"), self.pgb_reason)
        self.units = QDoubleSpinBox(self)
        self.units.setLocale(DUTCH)
        self.units.setRange(0, 9999)
        self.units.setDecimals(1)
        self.units.setAccessibleName(self.tr("Units"))
        form.addRow(self.tr("&Units"), self.units)
        self.provider = QLineEdit(self)
        self.provider.setAccessibleName(self.tr("Provider"))
        form.addRow(self.tr("Pro&vider"), self.provider)
        self.start = DateEdit(self, optional=True, accessible=self.tr("Start date"))
        form.addRow(self.tr("&Start"), self.start)
        self.end = DateEdit(self, optional=True, accessible=self.tr("End date"))
        form.addRow(self.tr("&End"), self.end)
        self.cost = QDoubleSpinBox(self)
        self.cost.setLocale(DUTCH)
        self.cost.setRange(0, 1_000_000)
        self.cost.setDecimals(2)
        self.cost.setPrefix("€ ")
        self.cost.setAccessibleName(self.tr("Cost per period"))
        form.addRow(self.tr("&Cost"), self.cost)
        self.period = QComboBox(self)
        self.period.setAccessibleName(self.tr("Cost period"))
        fill_combo(self.period, period_names(), empty=None)
        select_data(self.period, "month")
        form.addRow(self.tr("Pe&riod"), self.period)
        self.justification = text_box(
            self,
            self.tr("Justification"),
            50,
            self.tr("Why steps 1 and 2 are not enough (cheapest adequate solution)"),
        )
        self.justification_label = QLabel(self.tr("&Justification"), self)
        self.justification_label.setBuddy(self.justification)
        form.addRow(self.justification_label, self.justification)
        self.problem = problem_label(self)
        form.addRow(self.problem)
        form.addRow(dialog_buttons(self, self._accept))
        self.item.currentIndexChanged.connect(self._item_changed)
        self.funding.currentIndexChanged.connect(self._refresh)
        self._item_changed()
        if initial:
            self.set_values(initial)

    def current_item(self) -> CatalogueItem | None:
        return self._catalogue.get(self.item.currentData() or "")

    def _item_changed(self) -> None:
        item = self.current_item()
        if item is None:
            return
        fundings: list[tuple[str, str]] = []
        if item.kind.value == "general":
            fundings = [(self.tr("None (general provision)"), "none")]
        else:
            fundings = [(self.tr("In kind (ZIN)"), "zin")]
            if item.pgb_allowed:
                fundings.append((self.tr("Personal budget (PGB)"), "pgb"))
        current = self.funding.currentData()
        fill_combo(self.funding, fundings, empty=None)
        if current is not None:
            select_data(self.funding, current)
        self.units.setSuffix(f" {item.unit}" if item.unit else "")
        if item.default_units is not None and self.units.value() == 0:
            self.units.setValue(item.default_units)
        self.info.setText(f"{step_name(item.step)} · {item.law.value.upper()}")
        self._refresh()

    def _refresh(self) -> None:
        item = self.current_item()
        pgb = self.funding.currentData() == "pgb"
        self.pgb_reason.setEnabled(pgb)
        high = item is not None and item.step >= 3
        self.justification.setEnabled(high)
        self.justification_label.setEnabled(high)

    def set_values(self, values: dict[str, Any]) -> None:
        select_data(self.item, values.get("catalogue_code"))
        self._item_changed()
        select_data(self.person, values.get("person_id"))
        select_data(self.funding, values.get("funding"))
        self.pgb_reason.setPlainText(values.get("pgb_reason") or "")
        self.units.setValue(float(values.get("units") or 0))
        self.provider.setText(values.get("provider") or "")
        for edit, key in ((self.start, "start_on"), (self.end, "end_on")):
            day = values.get(key)
            edit.set_value(day if isinstance(day, date) else None)
        cents = values.get("cost_cents_per_period")
        self.cost.setValue((cents or 0) / 100)
        if values.get("cost_period"):
            select_data(self.period, values["cost_period"])
        self.justification.setPlainText(values.get("justification") or "")
        self._refresh()

    def values(self) -> dict[str, Any]:
        item = self.current_item()
        funding = str(self.funding.currentData() or "zin")
        cost = round(self.cost.value() * 100)
        justification = self.justification.toPlainText().strip() or None
        pgb_reason = self.pgb_reason.toPlainText().strip() or None
        return {
            "catalogue_code": item.code if item else None,
            "person_id": self.person.currentData(),
            "funding": funding,
            "pgb_reason": pgb_reason if funding == "pgb" else None,
            "units": self.units.value() or None,
            "unit": item.unit if item else None,
            "provider": self.provider.text().strip() or None,
            "start_on": self.start.value(),
            "end_on": self.end.value(),
            "cost_cents_per_period": cost or None,
            "cost_period": self.period.currentData() if cost else None,
            "justification": justification if item is not None and item.step >= 3 else None,
        }

    def _accept(self) -> None:
        values = self.values()
        if values["catalogue_code"] is None:
            self.problem.setText(self.tr("Choose a provision."))
            return
        if values["funding"] == "pgb" and not values["pgb_reason"]:
            self.problem.setText(self.tr("A PGB needs a written reason (seed 003)."))
            return
        start, end = values["start_on"], values["end_on"]
        if start and end and end < start:
            self.problem.setText(self.tr("The end date is before the start date."))
            return
        if self.on_save is not None:
            try:
                self.on_save(values)
            except Exception as exc:  # keep the dialog and what was typed
                self.problem.setText(error_text(exc))
                return
        self.accept()
