"""Journaal: dated notes, latest first; new entries through the journal dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from caseworker.services.dossier import Dossier

from ..theme import icon
from .common import fill_table, read_only_table


class JournalSection(QWidget):
    add_entry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = read_only_table(
            (self.tr("Written"), self.tr("By"), self.tr("Kind"), self.tr("Text")),
            [],
            self.tr("Journal"),
        )
        self.table.setWordWrap(True)
        self.add_button = QPushButton(icon("add"), self.tr("New journal entry"))
        self.add_button.clicked.connect(self.add_entry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def set_dossier(self, dossier: Dossier) -> None:
        kinds = {
            "note": self.tr("Note"),
            "visit": self.tr("Home visit"),
            "phone": self.tr("Phone call"),
            "consultation": self.tr("Consultation with a partner"),
        }
        fill_table(
            self.table,
            [
                (
                    e.written_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                    e.author_name or "",
                    kinds.get(e.kind, e.kind),
                    e.text,
                )
                for e in dossier.journal
            ],
        )
        self.table.resizeRowsToContents()

    def clear(self) -> None:
        self.table.setRowCount(0)
