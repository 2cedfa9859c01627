"""Signalen: the households of the caseload that have alerts, worst first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from caseworker.services.caseload import CaseloadRow

from .forms import format_date
from .theme import themed

_SEVERITY_RANK = {"critical": 0, "warning": 1, "info": 2}


class AlertsView(QWidget):
    open_household = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Alerts"))
        themed(title, "pageTitle")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Household / alert"), self.tr("Due")])
        self.tree.setAccessibleName(self.tr("Households with alerts"))
        self.tree.setColumnWidth(0, 520)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.empty_label = QLabel(self.tr("No alerts. Well done."))
        themed(self.empty_label, "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)

    def set_rows(self, rows: Sequence[CaseloadRow]) -> None:
        self.tree.clear()
        with_alerts = [r for r in rows if r.alerts]
        with_alerts.sort(
            key=lambda r: (min(_SEVERITY_RANK.get(a.severity, 3) for a in r.alerts), r.name)
        )
        for row in with_alerts:
            top = QTreeWidgetItem([f"{row.name} ({len(row.alerts)})", ""])
            top.setData(0, Qt.ItemDataRole.UserRole, row.household_id)
            for alert in row.alerts:
                child = QTreeWidgetItem([alert.message_nl, format_date(alert.due_on)])
                child.setData(0, Qt.ItemDataRole.UserRole, row.household_id)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.empty_label.setVisible(not with_alerts)

    def clear(self) -> None:
        self.tree.clear()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        household_id = item.data(0, Qt.ItemDataRole.UserRole)
        if household_id:
            self.open_household.emit(str(household_id))
