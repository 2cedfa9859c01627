"""Overview: address and contact, dates, what is going on, escalations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from caseworker.models import EscalationKind
from caseworker.services.dossier import Dossier

from ..forms import format_date
from .common import heading, hint, read_only_table


def escalation_label(kind: EscalationKind) -> str:
    return {
        EscalationKind.TASKFORCE: "Taskforce",
        EscalationKind.DE_PLOEG: "De Ploeg",
        EscalationKind.VEILIG_THUIS: "Veilig Thuis",
    }.get(kind, str(kind))


class OverviewSection(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._content: QWidget | None = None

    def set_dossier(self, dossier: Dossier) -> None:
        if self._content is not None:
            self._content.deleteLater()
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        h = dossier.household
        form = QFormLayout()
        values = (
            (self.tr("Address:"), h.address_line or "–"),
            (self.tr("Neighbourhood:"), h.neighbourhood or "–"),
            (self.tr("Phone:"), h.phone or "–"),
            (self.tr("Team:"), h.team_name or "–"),
            (self.tr("Opened on:"), format_date(h.opened_on)),
            (self.tr("Closed on:"), format_date(h.closed_on) or "–"),
            (self.tr("Members:"), str(len(dossier.persons))),
            (self.tr("Network contacts:"), str(len(dossier.network))),
            (self.tr("Provisions:"), str(len(dossier.provisions))),
        )
        for label, value in values:
            form.addRow(label, QLabel(value))
        layout.addLayout(form)
        layout.addWidget(heading(self.tr("Alerts")))
        if dossier.alerts:
            for alert in dossier.alerts:
                layout.addWidget(QLabel(f"• {alert.message_nl}"))
        else:
            layout.addWidget(hint(self.tr("No alerts.")))
        layout.addWidget(heading(self.tr("Escalations")))
        if dossier.escalations:
            rows = [
                (
                    escalation_label(e.kind),
                    format_date(e.escalated_on),
                    format_date(e.resolved_on)
                    or QCoreApplication.translate("OverviewSection", "open"),
                    e.reason,
                )
                for e in dossier.escalations
            ]
            headers = (self.tr("Kind"), self.tr("Since"), self.tr("Resolved"), self.tr("Reason"))
            layout.addWidget(read_only_table(headers, rows, self.tr("Escalations")))
        else:
            layout.addWidget(hint(self.tr("No escalations.")))
        layout.addStretch(1)
        self._layout.addWidget(content)
        self._content = content

    def clear(self) -> None:
        if self._content is not None:
            self._content.deleteLater()
            self._content = None
