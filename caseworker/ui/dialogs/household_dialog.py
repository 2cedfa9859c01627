"""Create or edit a household (naam, adres, wijk, telefoon, startdatum)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from caseworker.services.households import (
    HouseholdInput,
    HouseholdView,
    create_household,
    update_household,
)

from ..deps import AppDeps
from ..forms import format_date, parse_date
from .base import FieldProblem, ServiceFormDialog


class HouseholdDialog(ServiceFormDialog):
    def __init__(
        self, deps: AppDeps, existing: HouseholdView | None = None, parent: QWidget | None = None
    ) -> None:
        title = (
            QCoreApplication.translate("HouseholdDialog", "Edit household")
            if existing
            else QCoreApplication.translate("HouseholdDialog", "New household")
        )
        super().__init__(deps, title, parent)
        self._existing = existing
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Family De Vries"))
        self.street_edit = QLineEdit()
        self.number_edit = QLineEdit()
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setPlaceholderText("9712 AB")
        self.city_edit = QLineEdit()
        self.neighbourhood_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.opened_edit = QLineEdit()
        self.opened_edit.setPlaceholderText(self.tr("dd-mm-yyyy (empty: today)"))
        f = self.form
        f.add_field("name", self.tr("&Name:"), self.name_edit)
        f.add_field("street", self.tr("&Street:"), self.street_edit)
        f.add_field("house_number", self.tr("House n&umber:"), self.number_edit)
        f.add_field("postcode", self.tr("&Postcode:"), self.postcode_edit)
        f.add_field("city", self.tr("&City:"), self.city_edit)
        f.add_field("neighbourhood", self.tr("Neigh&bourhood:"), self.neighbourhood_edit)
        f.add_field("phone", self.tr("&Phone:"), self.phone_edit)
        f.add_field("opened_on", self.tr("&Opened on:"), self.opened_edit)
        if existing is not None:
            self.name_edit.setText(existing.name)
            self.street_edit.setText(existing.street or "")
            self.number_edit.setText(existing.house_number or "")
            self.postcode_edit.setText(existing.postcode or "")
            self.city_edit.setText(existing.city or "")
            self.neighbourhood_edit.setText(existing.neighbourhood or "")
            self.phone_edit.setText(existing.phone or "")
            self.opened_edit.setText(format_date(existing.opened_on))

    def save(self, session: Session) -> str:
        try:
            opened = parse_date(self.opened_edit.text())
        except ValueError:
            raise FieldProblem(
                "opened_on", self.tr("Enter the date as dd-mm-yyyy, e.g. 23-11-2026.")
            ) from None
        existing = self._existing
        data = HouseholdInput(
            name=self.name_edit.text(),
            street=self.street_edit.text(),
            house_number=self.number_edit.text(),
            postcode=self.postcode_edit.text(),
            city=self.city_edit.text(),
            neighbourhood=self.neighbourhood_edit.text(),
            phone=self.phone_edit.text(),
            opened_on=opened,
            team_id=existing.team_id if existing else None,
            coordinator_id=existing.coordinator_id if existing else None,
        )
        if existing is None:
            return create_household(session, self.deps.ctx, data)
        update_household(session, self.deps.ctx, existing.id, data)
        return existing.id
