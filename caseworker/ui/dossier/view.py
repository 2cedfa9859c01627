"""One household's dossier, shown as a tab: header band plus sections.

Opening goes through ``open_dossier`` (audited); later refreshes after an edit read
with ``load_dossier`` within the same open.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from caseworker.services.dossier import Dossier, load_dossier, open_dossier

from ..deps import AppDeps
from ..dialogs.household_dialog import HouseholdDialog
from ..dialogs.journal_dialog import JournalEntryDialog
from ..dialogs.network_dialog import NetworkContactDialog
from ..dialogs.person_dialog import PersonDialog
from ..theme import theme_tabs
from .header import HeaderBand
from .journal import JournalSection
from .members import MembersSection
from .overview import OverviewSection
from .provisions import ProvisionsSection
from .sections import INTAKE, PLAN, ZRM, SectionFactory, resolve_sections
from .timeline import TimelineSection


class DossierView(QWidget):
    intake_requested = Signal(str)
    changed = Signal(str)  # household id, after an edit was saved

    def __init__(
        self,
        deps: AppDeps,
        household_id: str,
        sections: Mapping[str, SectionFactory] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._deps = deps
        self.household_id = household_id
        self._factories = resolve_sections(sections)
        self.current_dialog: QDialog | None = None
        with deps.store.transaction() as session:
            self.dossier: Dossier = open_dossier(session, deps.ctx, household_id)

        self.header = HeaderBand()
        self.header.intake_requested.connect(self.intake_requested)
        self.header.edit_requested.connect(self.edit_household)
        self.overview = OverviewSection()
        self.members = MembersSection()
        self.members.add_person.connect(lambda: self.edit_person(None))
        self.members.edit_person.connect(self.edit_person)
        self.members.add_contact.connect(lambda: self.edit_contact(None))
        self.members.edit_contact.connect(self.edit_contact)
        self.provisions = ProvisionsSection(deps.reference)
        self.journal = JournalSection()
        self.journal.add_entry.connect(self.add_journal_entry)
        self.timeline = TimelineSection()

        self.sections = theme_tabs(QTabWidget())
        self.sections.setDocumentMode(True)
        self.sections.setAccessibleName(self.tr("Dossier sections"))
        self.sections.addTab(self.overview, self.tr("Overview"))
        self.sections.addTab(self.members, self.tr("Members && network"))
        self._pluggable: dict[str, int] = {}
        for key, title in (
            (INTAKE, self.tr("Intake")),
            (PLAN, self.tr("Plan")),
            (ZRM, self.tr("ZRM")),
        ):
            self._pluggable[key] = self.sections.addTab(self._build(key), title)
        self.sections.addTab(self.provisions, self.tr("Provisions"))
        self.sections.addTab(self.journal, self.tr("Journal"))
        self.sections.addTab(self.timeline, self.tr("Timeline"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.sections, 1)
        self._show(self.dossier)

    def _build(self, key: str) -> QWidget:
        return self._factories[key](self._deps, self.household_id, self)

    def _show(self, dossier: Dossier) -> None:
        self.dossier = dossier
        for part in (self.header, self.overview, self.members, self.provisions, self.journal):
            part.set_dossier(dossier)
        self.timeline.set_dossier(dossier)

    def refresh(self) -> None:
        with self._deps.store.session() as session:
            dossier = load_dossier(session, self._deps.ctx, self.household_id)
        self._show(dossier)
        for key, index in self._pluggable.items():
            current = self.sections.currentIndex()
            old = self.sections.widget(index)
            assert old is not None
            title = self.sections.tabText(index)
            self.sections.removeTab(index)
            self.sections.insertTab(index, self._build(key), title)
            old.deleteLater()
            self.sections.setCurrentIndex(current)

    def clear(self) -> None:
        """Drop every shown value (locking)."""
        for part in (self.header, self.overview, self.members, self.provisions, self.journal):
            part.clear()
        self.timeline.clear()

    # -- edits (dialogs are opened window-modal, not exec()'d, so tests can drive them) --
    def _open(self, dialog: QDialog) -> None:
        self.current_dialog = dialog
        dialog.accepted.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _saved(self) -> None:
        self.refresh()
        self.changed.emit(self.household_id)

    def edit_household(self) -> None:
        self._open(HouseholdDialog(self._deps, self.dossier.household, self))

    def edit_person(self, person_id: str | None) -> None:
        existing = self.dossier.person(person_id) if person_id else None
        self._open(PersonDialog(self._deps, self.household_id, existing, self))

    def edit_contact(self, contact_id: str | None) -> None:
        existing = next((c for c in self.dossier.network if c.id == contact_id), None)
        self._open(
            NetworkContactDialog(
                self._deps, self.household_id, self.dossier.persons, existing, self
            )
        )

    def add_journal_entry(self) -> None:
        self._open(JournalEntryDialog(self._deps, self.household_id, self))
