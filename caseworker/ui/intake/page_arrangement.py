"""Step 4 – Arrangement: provisions from the catalogue combined for the household."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.models import IntakeStep
from caseworker.services.intake import IntakeView
from caseworker.services.provisions import ProvisionView
from caseworker.ui.plan.household_choices import person_choices
from caseworker.ui.plan.provision_dialog import ProvisionDialog
from caseworker.ui.plan.provision_table import ProvisionTable, provision_values
from caseworker.ui.plan.widgets import format_euro, show_error

from ..forms import text_box
from .gateway import IntakeGateway
from .page_base import IntakePage, set_messages, warning_label


class ArrangementPage(IntakePage):
    step = IntakeStep.ARRANGEMENT

    def __init__(self, gateway: IntakeGateway, parent: QWidget | None = None) -> None:
        super().__init__(gateway, parent)
        self.setTitle(self.tr("4. Arrangement"))
        self.setSubTitle(
            self.tr(
                "The provisions on top of what the family and network do: in kind (ZIN) or "
                "as a personal budget (PGB, only with a reason)."
            )
        )
        self.last_dialog: ProvisionDialog | None = None
        self._provisions: dict[str, ProvisionView] = {}
        layout = QVBoxLayout(self)
        self.nudges = warning_label(self)
        layout.addWidget(self.nudges)
        self.table = ProvisionTable(gateway.deps.reference, self)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add provision…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.total = QLabel(self)
        layout.addWidget(self.total)
        form = QFormLayout()
        self.summary = text_box(self, self.tr("Notes on the arrangement"), 56)
        form.addRow(self.tr("&Notes"), self.summary)
        layout.addLayout(form)
        self.add_button.clicked.connect(self.open_provision_dialog)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.summary.textChanged.connect(self.mark_edited)
        self.other_summary: Callable[[], str | None] = lambda: None

    def fill(self, view: IntakeView) -> None:
        self.summary.setPlainText(view.arrangement_summary or "")

    def save(self) -> None:
        self.gateway.save_summaries(self.other_summary(), self.summary.toPlainText())
        self.dirty = False

    def refresh(self) -> None:
        plan = self.gateway.plan.load()
        provisions = plan.provisions if plan else ()
        self._provisions = {p.id: p for p in provisions}
        names = {
            p.id: p.label for p in person_choices(self.gateway.deps, self.gateway.household_id)
        }
        self.table.set_provisions(provisions, names)
        monthly = 0
        for p in provisions:
            cents = p.cost_cents_per_period or 0
            factor = {"week": 52 / 12, "month": 1, "year": 1 / 12}.get(p.cost_period or "", 0)
            monthly += round(cents * factor)
        self.total.setText(
            self.tr("Estimated cost per month: %1").replace("%1", format_euro(monthly))
        )
        set_messages(self.nudges, self.gateway.plan.nudges())

    def _dialog(self, initial: dict[str, object] | None) -> ProvisionDialog:
        persons = person_choices(self.gateway.deps, self.gateway.household_id)
        dialog = ProvisionDialog(self.gateway.deps.reference, persons, self, initial=initial)
        self.last_dialog = dialog
        return dialog

    def open_provision_dialog(self) -> ProvisionDialog:
        dialog = self._dialog(None)
        dialog.on_save = lambda values: self.gateway.plan.add_provision(values)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def edit_selected(self) -> None:
        pid = self.table.selected_id()
        if pid is None or pid not in self._provisions:
            return
        dialog = self._dialog(provision_values(self._provisions[pid]))
        dialog.on_save = lambda values: self.gateway.plan.update_provision(pid, values)
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def remove_selected(self) -> None:
        pid = self.table.selected_id()
        if pid is None:
            return
        try:
            self.gateway.plan.remove_provision(pid)
        except Exception as exc:
            show_error(self, exc)
        self.refresh()
