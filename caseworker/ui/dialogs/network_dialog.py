"""Add or edit a network contact: who can help with what (trede 1)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from caseworker.services.network import (
    NetworkContactInput,
    NetworkContactView,
    add_contact,
    update_contact,
)
from caseworker.services.persons import PersonView

from ..deps import AppDeps
from .base import ServiceFormDialog


class NetworkContactDialog(ServiceFormDialog):
    def __init__(
        self,
        deps: AppDeps,
        household_id: str,
        persons: Sequence[PersonView],
        existing: NetworkContactView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("NetworkContactDialog", "Edit network contact")
            if existing
            else QCoreApplication.translate("NetworkContactDialog", "New network contact")
        )
        super().__init__(deps, title, parent)
        self._household_id = household_id
        self._existing = existing
        self.name_edit = QLineEdit()
        self.relation_edit = QLineEdit()
        self.relation_edit.setPlaceholderText(self.tr("e.g. neighbour, grandmother, volunteer"))
        self.person_combo = QComboBox()
        self.person_combo.addItem(self.tr("The whole household"), None)
        for person in persons:
            self.person_combo.addItem(f"{person.given_name} {person.family_name}", person.id)
        self.phone_edit = QLineEdit()
        self.help_edit = QPlainTextEdit()
        self.help_edit.setMaximumHeight(80)
        self.availability_edit = QLineEdit()
        self.availability_edit.setPlaceholderText(self.tr("e.g. weekday afternoons"))
        f = self.form
        f.add_field("name", self.tr("&Name:"), self.name_edit)
        f.add_field("relation", self.tr("&Relation:"), self.relation_edit)
        f.add_field("person_id", self.tr("Contact &of:"), self.person_combo)
        f.add_field("phone", self.tr("&Phone:"), self.phone_edit)
        f.add_field("can_help_with", self.tr("Can &help with:"), self.help_edit)
        f.add_field("availability", self.tr("&Availability:"), self.availability_edit)
        if existing is not None:
            self.name_edit.setText(existing.name)
            self.relation_edit.setText(existing.relation)
            self.person_combo.setCurrentIndex(
                max(0, self.person_combo.findData(existing.person_id))
            )
            self.phone_edit.setText(existing.phone or "")
            self.help_edit.setPlainText(existing.can_help_with or "")
            self.availability_edit.setText(existing.availability or "")

    def save(self, session: Session) -> str:
        data = NetworkContactInput(
            name=self.name_edit.text(),
            relation=self.relation_edit.text(),
            phone=self.phone_edit.text() or None,
            can_help_with=self.help_edit.toPlainText() or None,
            availability=self.availability_edit.text() or None,
            person_id=self.person_combo.currentData(),
        )
        if self._existing is None:
            return add_contact(session, self.deps.ctx, self._household_id, data)
        update_contact(session, self.deps.ctx, self._existing.id, data)
        return self._existing.id
