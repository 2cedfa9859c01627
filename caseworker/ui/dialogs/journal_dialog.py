"""Write a journal entry for a household."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from caseworker.services.journal import add_entry

from ..deps import AppDeps
from .base import ServiceFormDialog

JOURNAL_KINDS = ("note", "visit", "phone", "consultation")


class JournalEntryDialog(ServiceFormDialog):
    def __init__(self, deps: AppDeps, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(
            deps, QCoreApplication.translate("JournalEntryDialog", "New journal entry"), parent
        )
        self._household_id = household_id
        self.kind_combo = QComboBox()
        labels = {
            "note": self.tr("Note"),
            "visit": self.tr("Home visit"),
            "phone": self.tr("Phone call"),
            "consultation": self.tr("Consultation with a partner"),
        }
        for kind in JOURNAL_KINDS:
            self.kind_combo.addItem(labels[kind], kind)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMinimumHeight(140)
        self.form.add_field("kind", self.tr("&Kind:"), self.kind_combo)
        self.form.add_field("text", self.tr("&Text:"), self.text_edit)

    def save(self, session: Session) -> str:
        return add_entry(
            session,
            self.deps.ctx,
            self._household_id,
            self.text_edit.toPlainText(),
            kind=str(self.kind_combo.currentData()),
        )
