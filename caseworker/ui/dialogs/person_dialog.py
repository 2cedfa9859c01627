"""Add or edit a member of the household (gezinslid), BSN checked by the 11-proef."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from caseworker.models import PersonRole
from caseworker.models.validators import ValidationError, normalise_bsn
from caseworker.services.persons import PersonInput, PersonView, add_person, update_person

from ..deps import AppDeps
from ..forms import format_date, parse_date
from .base import FieldProblem, ServiceFormDialog


class PersonDialog(ServiceFormDialog):
    def __init__(
        self,
        deps: AppDeps,
        household_id: str,
        existing: PersonView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("PersonDialog", "Edit household member")
            if existing
            else QCoreApplication.translate("PersonDialog", "New household member")
        )
        super().__init__(deps, title, parent)
        self._household_id = household_id
        self._existing = existing
        self.given_edit = QLineEdit()
        self.family_edit = QLineEdit()
        self.birth_edit = QLineEdit()
        self.birth_edit.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("Parent / carer"), PersonRole.PARENT.value)
        self.role_combo.addItem(self.tr("Child"), PersonRole.CHILD.value)
        self.role_combo.addItem(self.tr("Other household member"), PersonRole.OTHER.value)
        self.bsn_edit = QLineEdit()
        self.bsn_edit.setPlaceholderText(self.tr("9 digits (optional)"))
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.school_edit = QLineEdit()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(80)
        f = self.form
        f.add_field("given_name", self.tr("&Given name:"), self.given_edit)
        f.add_field("family_name", self.tr("&Family name:"), self.family_edit)
        f.add_field("birth_date", self.tr("&Date of birth:"), self.birth_edit)
        f.add_field("role", self.tr("&Role:"), self.role_combo)
        f.add_field("bsn", self.tr("&BSN:"), self.bsn_edit)
        f.add_field("phone", self.tr("&Phone:"), self.phone_edit)
        f.add_field("email", self.tr("&E-mail:"), self.email_edit)
        f.add_field("school_or_work", self.tr("&School or work:"), self.school_edit)
        f.add_field("note", self.tr("N&ote:"), self.note_edit)
        if existing is not None:
            self.given_edit.setText(existing.given_name)
            self.family_edit.setText(existing.family_name)
            self.birth_edit.setText(format_date(existing.birth_date))
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(existing.role.value)))
            self.bsn_edit.setText(existing.bsn or "")
            self.phone_edit.setText(existing.phone or "")
            self.email_edit.setText(existing.email or "")
            self.school_edit.setText(existing.school_or_work or "")
            self.note_edit.setPlainText(existing.note or "")

    def save(self, session: Session) -> str:
        try:
            birth = parse_date(self.birth_edit.text())
        except ValueError:
            raise FieldProblem(
                "birth_date", self.tr("Enter the date as dd-mm-yyyy, e.g. 23-11-2026.")
            ) from None
        try:
            normalise_bsn(self.bsn_edit.text())
        except ValidationError:
            raise FieldProblem(
                "bsn",
                self.tr(
                    "This is not a valid BSN: it does not pass the eleven test (11-proef). "
                    "Check the 9 digits."
                ),
            ) from None
        data = PersonInput(
            given_name=self.given_edit.text(),
            family_name=self.family_edit.text(),
            birth_date=birth,
            role=PersonRole(self.role_combo.currentData()),
            bsn=self.bsn_edit.text() or None,
            phone=self.phone_edit.text() or None,
            email=self.email_edit.text() or None,
            school_or_work=self.school_edit.text() or None,
            note=self.note_edit.toPlainText() or None,
        )
        if self._existing is None:
            return add_person(session, self.deps.ctx, self._household_id, data)
        update_person(session, self.deps.ctx, self._existing.id, data)
        return self._existing.id
