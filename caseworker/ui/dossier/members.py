"""Gezinsleden & netwerk: the members of the household and who can help with what."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from caseworker.models import PersonRole
from caseworker.services.dossier import Dossier

from ..forms import format_date
from ..theme import icon
from .common import fill_table, heading, read_only_table


def role_label(role: PersonRole) -> str:
    return {
        PersonRole.PARENT: QCoreApplication.translate("MembersSection", "parent / carer"),
        PersonRole.CHILD: QCoreApplication.translate("MembersSection", "child"),
        PersonRole.OTHER: QCoreApplication.translate("MembersSection", "other"),
    }.get(role, str(role))


class MembersSection(QWidget):
    add_person = Signal()
    edit_person = Signal(str)
    add_contact = Signal()
    edit_contact = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._person_ids: list[str] = []
        self._contact_ids: list[str] = []
        self.persons_table = read_only_table(
            (
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Date of birth"),
                self.tr("Age"),
                self.tr("BSN"),
                self.tr("School or work"),
            ),
            [],
            self.tr("Household members"),
        )
        self.persons_table.doubleClicked.connect(
            lambda index: self.edit_person.emit(self._person_ids[index.row()])
        )
        self.network_table = read_only_table(
            (
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Contact of"),
                self.tr("Can help with"),
                self.tr("Availability"),
                self.tr("Phone"),
            ),
            [],
            self.tr("Network contacts"),
        )
        self.network_table.doubleClicked.connect(
            lambda index: self.edit_contact.emit(self._contact_ids[index.row()])
        )
        self.add_person_button = QPushButton(icon("add"), self.tr("Add member"))
        self.add_person_button.clicked.connect(self.add_person)
        self.edit_person_button = QPushButton(self.tr("Edit member"))
        self.edit_person_button.clicked.connect(self._edit_selected_person)
        self.add_contact_button = QPushButton(icon("add"), self.tr("Add network contact"))
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button = QPushButton(self.tr("Edit network contact"))
        self.edit_contact_button.clicked.connect(self._edit_selected_contact)

        person_buttons = QHBoxLayout()
        person_buttons.addWidget(self.add_person_button)
        person_buttons.addWidget(self.edit_person_button)
        person_buttons.addStretch(1)
        contact_buttons = QHBoxLayout()
        contact_buttons.addWidget(self.add_contact_button)
        contact_buttons.addWidget(self.edit_contact_button)
        contact_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Household members")))
        layout.addWidget(self.persons_table, 1)
        layout.addLayout(person_buttons)
        layout.addWidget(heading(self.tr("Social network: who can help with what")))
        layout.addWidget(self.network_table, 1)
        layout.addLayout(contact_buttons)

    def set_dossier(self, dossier: Dossier) -> None:
        self._person_ids = [p.id for p in dossier.persons]
        fill_table(
            self.persons_table,
            [
                (
                    f"{p.given_name} {p.family_name}",
                    role_label(p.role),
                    format_date(p.birth_date),
                    "" if p.age is None else str(p.age),
                    p.bsn or "",
                    p.school_or_work or "",
                )
                for p in dossier.persons
            ],
        )
        self._contact_ids = [c.id for c in dossier.network]
        fill_table(
            self.network_table,
            [
                (
                    c.name,
                    c.relation,
                    c.person_name or self.tr("household"),
                    c.can_help_with or "",
                    c.availability or "",
                    c.phone or "",
                )
                for c in dossier.network
            ],
        )

    def clear(self) -> None:
        self.persons_table.setRowCount(0)
        self.network_table.setRowCount(0)

    def _edit_selected_person(self) -> None:
        row = self.persons_table.currentRow()
        if 0 <= row < len(self._person_ids):
            self.edit_person.emit(self._person_ids[row])

    def _edit_selected_contact(self) -> None:
        row = self.network_table.currentRow()
        if 0 <= row < len(self._contact_ids):
            self.edit_contact.emit(self._contact_ids[row])
