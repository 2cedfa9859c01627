"""The dossier's header band: name, coordinator, status, alert badges and actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from caseworker.models import HouseholdStatus, IntakeStatus
from caseworker.services.dossier import Dossier

from ..caseload_model import status_label
from ..theme import ALERT, WARN, themed

_BADGE_COLOURS = {"critical": ALERT, "warning": WARN}


class HeaderBand(QFrame):
    intake_requested = Signal(str)  # household id
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        themed(self, "headerBand")
        self._household_id = ""
        self.title = QLabel()
        themed(self.title, "headerTitle")
        self.subtitle = QLabel()
        themed(self.subtitle, "hint")
        self.badges = QHBoxLayout()
        self.badges.setSpacing(6)
        self.intake_button = QPushButton(self.tr("Start intake"))
        self.intake_button.clicked.connect(lambda: self.intake_requested.emit(self._household_id))
        self.print_button = QPushButton(self.tr("Print plan"))
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(self.tr("comes in a later version"))
        self.edit_button = QPushButton(self.tr("Edit household"))
        self.edit_button.clicked.connect(self.edit_requested)

        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        text.addLayout(self.badges)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        for button in (self.edit_button, self.intake_button, self.print_button):
            layout.addWidget(button)

    def set_dossier(self, dossier: Dossier) -> None:
        household = dossier.household
        self._household_id = household.id
        self.title.setText(household.name)
        coordinator = household.coordinator_name or self.tr("no coordinator")
        self.subtitle.setText(
            self.tr("Coordinator: %1 · Status: %2 · %3")
            .replace("%1", coordinator)
            .replace("%2", status_label(household.status))
            .replace("%3", household.address_line)
        )
        while self.badges.count():
            item = self.badges.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for alert in dossier.alerts:
            badge = QLabel(alert.message_nl)
            colour = _BADGE_COLOURS.get(alert.severity, "#4f6f89")
            badge.setStyleSheet(
                f"background: {colour}; color: white; border-radius: 9px; padding: 2px 8px;"
            )
            self.badges.addWidget(badge)
        self.badges.addStretch(1)
        draft = any(i.status == IntakeStatus.DRAFT for i in dossier.intakes)
        self.intake_button.setText(self.tr("Resume intake") if draft else self.tr("Start intake"))
        self.intake_button.setEnabled(household.status != HouseholdStatus.CLOSED)

    def clear(self) -> None:
        self.title.clear()
        self.subtitle.clear()
