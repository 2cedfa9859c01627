"""Tijdlijn: what happened when, latest first."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from caseworker.services.dossier import Dossier

from ..forms import format_date
from .common import fill_table, read_only_table


class TimelineSection(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = read_only_table((self.tr("Date"), self.tr("Event")), [], self.tr("Timeline"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)

    def set_dossier(self, dossier: Dossier) -> None:
        fill_table(self.table, [(format_date(i.date), i.title) for i in dossier.timeline])

    def clear(self) -> None:
        self.table.setRowCount(0)
