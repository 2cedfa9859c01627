"""A read-only table of the household's provisions (used by the intake and the plan editor)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from caseworker.reference import Reference
from caseworker.services.provisions import ProvisionView
from caseworker.ui.forms import format_date

from .widgets import format_euro

PROVISION_ID = Qt.ItemDataRole.UserRole


def provision_values(p: ProvisionView) -> dict[str, object]:
    return {
        "catalogue_code": p.catalogue_code,
        "person_id": p.person_id,
        "funding": p.funding.value,
        "pgb_reason": p.pgb_reason,
        "provider": p.provider,
        "units": p.units,
        "unit": p.unit,
        "start_on": p.start_on,
        "end_on": p.end_on,
        "cost_cents_per_period": p.cost_cents_per_period,
        "cost_period": p.cost_period,
        "justification": p.justification,
    }


class ProvisionTable(QTableWidget):
    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self._reference = reference
        self.setAccessibleName(self.tr("Provisions"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Provision"),
                self.tr("Step"),
                self.tr("For"),
                self.tr("Funding"),
                self.tr("Units"),
                self.tr("Period"),
                self.tr("Cost"),
                self.tr("Status"),
            ]
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)

    def set_provisions(self, provisions: tuple[ProvisionView, ...], names: dict[str, str]) -> None:
        statuses = {
            "proposed": self.tr("proposed"),
            "granted": self.tr("granted"),
            "ended": self.tr("ended"),
            "rejected": self.tr("rejected"),
        }
        periods = {
            "week": self.tr("/week"),
            "month": self.tr("/month"),
            "year": self.tr("/year"),
            "once": "",
        }
        self.setRowCount(len(provisions))
        for row, p in enumerate(provisions):
            item = self._reference.catalogue.get(p.catalogue_code)
            units = ""
            if p.units is not None:
                units = f"{p.units:g}".replace(".", ",") + (f" {p.unit}" if p.unit else "")
            cost = format_euro(p.cost_cents_per_period)
            if cost and p.cost_period:
                cost += periods.get(p.cost_period, "")
            cells = [
                item.name if item else p.catalogue_code,
                str(p.step),
                names.get(p.person_id or "", self.tr("Household")),
                p.funding.value.upper() if p.funding.value != "none" else "–",
                units,
                " – ".join(x for x in (format_date(p.start_on), format_date(p.end_on)) if x),
                cost,
                statuses.get(p.status.value, p.status.value),
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(PROVISION_ID, p.id)
                self.setItem(row, col, cell)

    def selected_id(self) -> str | None:
        items = self.selectedItems()
        return str(items[0].data(PROVISION_ID)) if items else None
