"""Step 1 – Eerste contact: referral source, who asks, the presented question, urgency, safety."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.models import IntakeStep, SafetySignalKind, Urgency
from caseworker.services.intake import FirstContactInput, IntakeView, SafetySignalInput
from caseworker.ui.plan.widgets import fill_combo, select_data

from ..forms import text_box
from .gateway import IntakeGateway
from .meldcode import MeldcodePanel
from .page_base import IntakePage


class FirstContactPage(IntakePage):
    step = IntakeStep.FIRST_CONTACT

    def __init__(self, gateway: IntakeGateway, parent: QWidget | None = None) -> None:
        super().__init__(gateway, parent)
        self.setTitle(self.tr("1. First contact"))
        self.setSubTitle(self.tr("Who asks what, how urgent, and is everyone safe?"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.source = QComboBox(self)
        self.source.setAccessibleName(self.tr("Referral source"))
        fill_combo(
            self.source,
            [(n, c) for c, n in gateway.deps.reference.referral_sources.items()],
            empty=self.tr("(choose)"),
        )
        form.addRow(self.tr("&Referred by"), self.source)
        self.who_asks = QLineEdit(self)
        self.who_asks.setAccessibleName(self.tr("Who asks"))
        form.addRow(self.tr("&Who asks"), self.who_asks)
        self.presented = text_box(
            self,
            self.tr("Presented question"),
            80,
            self.tr("The question as it is asked"),
        )
        form.addRow(self.tr("&Question as asked"), self.presented)
        self.urgency = QComboBox(self)
        self.urgency.setAccessibleName(self.tr("Urgency"))
        fill_combo(
            self.urgency,
            [
                (self.tr("Low"), Urgency.LOW.value),
                (self.tr("Normal"), Urgency.NORMAL.value),
                (self.tr("High"), Urgency.HIGH.value),
                (self.tr("Crisis"), Urgency.CRISIS.value),
            ],
            empty=None,
        )
        select_data(self.urgency, Urgency.NORMAL.value)
        form.addRow(self.tr("&Urgency"), self.urgency)
        layout.addLayout(form)

        safety = QGroupBox(self.tr("Safety screen"), self)
        safety_layout = QVBoxLayout(safety)
        self.domestic_violence = QCheckBox(self.tr("Signals of domestic violence"), safety)
        self.child_abuse = QCheckBox(self.tr("Signals of child abuse"), safety)
        safety_layout.addWidget(self.domestic_violence)
        safety_layout.addWidget(self.child_abuse)
        self.meldcode = MeldcodePanel(gateway.meldcode_steps(), safety)
        self.meldcode.setVisible(False)
        safety_layout.addWidget(self.meldcode)
        layout.addWidget(safety)
        layout.addStretch(1)

        self.source.currentIndexChanged.connect(self.mark_edited)
        self.who_asks.textChanged.connect(self.mark_edited)
        self.presented.textChanged.connect(self.mark_edited)
        self.urgency.currentIndexChanged.connect(self.mark_edited)
        for box in (self.domestic_violence, self.child_abuse):
            box.toggled.connect(self._safety_toggled)
        self.meldcode.edited.connect(self.mark_edited)

    def _safety_toggled(self) -> None:
        self.meldcode.setVisible(self.domestic_violence.isChecked() or self.child_abuse.isChecked())
        self.mark_edited()

    def fill(self, view: IntakeView) -> None:
        select_data(self.source, view.referral_source)
        self.who_asks.setText(view.who_asks or "")
        self.presented.setPlainText(view.presented_question or "")
        select_data(self.urgency, view.urgency.value)
        kinds = {s.kind for s in view.safety_signals}
        self.domestic_violence.setChecked(SafetySignalKind.DOMESTIC_VIOLENCE in kinds)
        self.child_abuse.setChecked(SafetySignalKind.CHILD_ABUSE in kinds)
        if view.safety_signals:
            first = view.safety_signals[0]
            select_data(self.meldcode.step, first.meldcode_step)
            self.meldcode.description.setText(first.description or "")
            self.meldcode.reported.setChecked(first.reported_to_veilig_thuis)
        self.meldcode.setVisible(bool(kinds))

    def data(self) -> FirstContactInput:
        kinds = [
            kind
            for kind, box in (
                (SafetySignalKind.DOMESTIC_VIOLENCE, self.domestic_violence),
                (SafetySignalKind.CHILD_ABUSE, self.child_abuse),
            )
            if box.isChecked()
        ]
        reported = self.meldcode.reported.isChecked()
        signals = tuple(
            SafetySignalInput(
                kind=kind,
                description=self.meldcode.description.text().strip() or None,
                meldcode_step=int(self.meldcode.step.currentData() or 1),
                reported_to_veilig_thuis=reported,
                reported_on=self.gateway.deps.ctx.today() if reported else None,
            )
            for kind in kinds
        )
        return FirstContactInput(
            referral_source=self.source.currentData(),
            who_asks=self.who_asks.text(),
            presented_question=self.presented.toPlainText(),
            urgency=Urgency(self.urgency.currentData()),
            safety_signals=signals,
        )

    def save(self) -> None:
        self.gateway.save_first_contact(self.data())
        self.dirty = False
