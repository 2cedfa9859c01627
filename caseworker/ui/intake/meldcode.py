"""The safety screen's Meldcode panel: the five steps and where the caseworker is."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.ui.plan.widgets import fill_combo


class MeldcodePanel(QGroupBox):
    """Shown when a safety signal is ticked; emits ``edited`` on every change."""

    edited = Signal()

    def __init__(self, steps: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Meldcode domestic violence and child abuse"))
        layout = QVBoxLayout(self)
        self.steps = QLabel("<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>", self)
        self.steps.setWordWrap(True)
        self.steps.setAccessibleName(self.tr("Meldcode steps"))
        layout.addWidget(self.steps)
        form = QFormLayout()
        self.step = QComboBox(self)
        self.step.setAccessibleName(self.tr("Meldcode step reached"))
        fill_combo(self.step, [(str(i), i) for i in range(1, 6)], empty=None)
        form.addRow(self.tr("Step &reached"), self.step)
        self.description = QLineEdit(self)
        self.description.setAccessibleName(self.tr("Signals observed"))
        self.description.setPlaceholderText(self.tr("Facts and observations, with source"))
        form.addRow(self.tr("&Observed"), self.description)
        self.reported = QCheckBox(self.tr("Reported to Veilig Thuis"), self)
        form.addRow(self.reported)
        layout.addLayout(form)
        self.step.currentIndexChanged.connect(self.edited)
        self.description.textChanged.connect(self.edited)
        self.reported.toggled.connect(self.edited)
