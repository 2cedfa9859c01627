"""Step 5 – Toewijzing: review, the family's agreement, and "Plan vaststellen"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from caseworker.models import IntakeStatus, IntakeStep
from caseworker.services.intake import IntakeView
from caseworker.ui.plan.household_choices import person_choices
from caseworker.ui.plan.review import plan_html
from caseworker.ui.plan.widgets import DateEdit, error_text

from .gateway import IntakeGateway
from .page_base import IntakePage, set_messages, warning_label


class AllocationPage(IntakePage):
    step = IntakeStep.ALLOCATION
    agreed = Signal(int)  # the new revision number

    def __init__(self, gateway: IntakeGateway, parent: QWidget | None = None) -> None:
        super().__init__(gateway, parent)
        self.setTitle(self.tr("5. Allocation and agreement"))
        self.setSubTitle(self.tr("Review the plan with the family and record their agreement."))
        self.completed = False
        layout = QVBoxLayout(self)
        self.review = QTextBrowser(self)
        self.review.setAccessibleName(self.tr("Plan review"))
        layout.addWidget(self.review, 1)
        self.nudges = warning_label(self)
        layout.addWidget(self.nudges)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Problems that block agreement"))
        self.problems.setStyleSheet(
            "QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f5a49b;"
            " border-radius: 4px; padding: 6px; }"
        )
        layout.addWidget(self.problems)
        form = QFormLayout()
        self.agreed_on = DateEdit(self, accessible=self.tr("Date the family agreed"))
        self.agreed_on.set_value(gateway.deps.ctx.today())
        form.addRow(self.tr("Family agreed &on"), self.agreed_on)
        self.how = QComboBox(self)
        self.how.setEditable(True)
        self.how.setAccessibleName(self.tr("How the family agreed"))
        self.how.addItems(
            [self.tr("orally at the kitchen table"), self.tr("signed on paper"),
             self.tr("by e-mail")]
        )  # fmt: skip
        form.addRow(self.tr("&How"), self.how)
        layout.addLayout(form)
        self.agree_button = QPushButton(self.tr("Plan &vaststellen (agree)"), self)
        self.agree_button.setAccessibleName(self.tr("Agree the plan"))
        layout.addWidget(self.agree_button)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.agree_button.clicked.connect(self.agree)

    def fill(self, view: IntakeView) -> None:
        self.completed = view.status == IntakeStatus.COMPLETED
        if view.family_agreed_on is not None:
            self.agreed_on.set_value(view.family_agreed_on)
        if view.family_agreed_how:
            self.how.setCurrentText(view.family_agreed_how)

    def refresh(self) -> None:
        plan = self.gateway.plan.load()
        persons = {
            p.id: p.label for p in person_choices(self.gateway.deps, self.gateway.household_id)
        }
        self.review.setHtml(plan_html(plan, self.gateway.deps.reference, persons) if plan else "")
        set_messages(self.nudges, self.gateway.plan.nudges())
        problems = self.gateway.plan.problems() if plan else []
        self.problems.setText("<br>".join(f"✖ {p}" for p in problems))
        self.problems.setVisible(bool(problems))
        self.agree_button.setEnabled(not problems and not self.completed)

    def agree(self) -> None:
        on = self.agreed_on.value()
        if on is None:
            return
        try:
            number = self.gateway.plan.agree(on, self.how.currentText())
        except Exception as exc:
            self.result.setText(error_text(exc))
            return
        self.completed = True
        self.result.setText(self.tr("The plan is agreed (version %1).").replace("%1", str(number)))
        self.refresh()
        self.agreed.emit(number)
