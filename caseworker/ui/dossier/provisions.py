"""Voorzieningen: provisions granted or proposed for the household."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from caseworker.reference import Reference
from caseworker.services.dossier import Dossier

from ..forms import format_date
from .common import fill_table, heading, read_only_table


class ProvisionsSection(QWidget):
    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self.table = read_only_table(
            (
                self.tr("Provision"),
                self.tr("Step"),
                self.tr("Funding"),
                self.tr("For"),
                self.tr("Provider"),
                self.tr("Start"),
                self.tr("End"),
                self.tr("Status"),
            ),
            [],
            self.tr("Provisions"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Provisions")))
        layout.addWidget(self.table, 1)

    def set_dossier(self, dossier: Dossier) -> None:
        rows = []
        for p in dossier.provisions:
            item = self._reference.catalogue.get(p.catalogue_code)
            person = dossier.person(p.person_id)
            rows.append(
                (
                    item.name if item else p.catalogue_code,
                    str(p.step),
                    p.funding.upper(),
                    f"{person.given_name} {person.family_name}" if person else self.tr("household"),
                    p.provider or "",
                    format_date(p.start_on),
                    format_date(p.end_on),
                    str(p.status),
                )
            )
        fill_table(self.table, rows)

    def clear(self) -> None:
        self.table.setRowCount(0)
