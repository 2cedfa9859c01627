"""Step 2 – Vraagverheldering & resultaat vaststellen: questions per person and life area,
own strength and network, the goals of the plan and (optionally now) a ZRM baseline."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.models import AssessmentKind, IntakeStep
from caseworker.services.intake import IntakeView
from caseworker.ui.plan.choices import PersonChoice
from caseworker.ui.plan.goal_dialog import GoalDialog
from caseworker.ui.plan.household_choices import person_choices
from caseworker.ui.plan.widgets import show_error
from caseworker.ui.zrm.assessment_dialog import AssessmentDialog

from .gateway import IntakeGateway
from .page_base import IntakePage
from .question_row import QuestionRow


class ClarificationPage(IntakePage):
    step = IntakeStep.CLARIFICATION

    def __init__(self, gateway: IntakeGateway, parent: QWidget | None = None) -> None:
        super().__init__(gateway, parent)
        self.setTitle(self.tr("2. The question behind the question"))
        self.setSubTitle(
            self.tr(
                "Per person and life area: what is asked, what is really needed, and the "
                "result the family wants."
            )
        )
        self.persons: list[PersonChoice] = person_choices(gateway.deps, gateway.household_id)
        self.rows: list[QuestionRow] = []
        self.strengths_dirty = False
        self.last_dialog: GoalDialog | AssessmentDialog | None = None

        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        questions = QGroupBox(self.tr("Questions"), body)
        self._rows_layout = QVBoxLayout(questions)
        self.add_question_button = QPushButton(self.tr("Add &question"), questions)
        self._rows_layout.addWidget(self.add_question_button)
        layout.addWidget(questions)

        strengths = QGroupBox(self.tr("Own strength and network"), body)
        form = QFormLayout(strengths)
        self.own_strength = QPlainTextEdit(strengths)
        self.own_strength.setAccessibleName(self.tr("Own strength"))
        self.own_strength.setTabChangesFocus(True)
        self.own_strength.setFixedHeight(64)
        form.addRow(self.tr("Own &strength"), self.own_strength)
        self.network = QPlainTextEdit(strengths)
        self.network.setAccessibleName(self.tr("What the network can do"))
        self.network.setTabChangesFocus(True)
        self.network.setFixedHeight(64)
        form.addRow(self.tr("&Network"), self.network)
        layout.addWidget(strengths)

        goals = QGroupBox(self.tr("Goals of the plan (result to reach)"), body)
        goals_layout = QVBoxLayout(goals)
        self.goals = QListWidget(goals)
        self.goals.setAccessibleName(self.tr("Goals"))
        self.goals.setMaximumHeight(110)
        goals_layout.addWidget(self.goals)
        buttons = QHBoxLayout()
        self.add_goal_button = QPushButton(self.tr("Add &goal…"), goals)
        self.baseline_button = QPushButton(self.tr("ZRM &baseline…"), goals)
        self.baseline_button.setToolTip(self.tr("Can also be done later from the ZRM section"))
        buttons.addWidget(self.add_goal_button)
        buttons.addWidget(self.baseline_button)
        buttons.addStretch(1)
        goals_layout.addLayout(buttons)
        layout.addWidget(goals)
        layout.addStretch(1)

        self.add_question_button.clicked.connect(lambda: self.add_question())
        self.own_strength.textChanged.connect(self._strengths_edited)
        self.network.textChanged.connect(self._strengths_edited)
        self.add_goal_button.clicked.connect(self.open_goal_dialog)
        self.baseline_button.clicked.connect(self.open_baseline)

    # ------------------------------------------------------------------ questions
    def add_question(self) -> QuestionRow:
        row = QuestionRow(self.gateway.deps.reference, self.persons, self)
        row.edited.connect(self.mark_edited)
        row.remove_requested.connect(lambda: self._remove_row(row))
        self._rows_layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        if not self._loading:
            row.dirty = True
            self.mark_edited()
        return row

    def _remove_row(self, row: QuestionRow) -> None:
        if row.question_id is not None:
            try:
                self.gateway.remove_question(row.question_id)
            except Exception as exc:
                show_error(self, exc)
                return
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()

    def _strengths_edited(self) -> None:
        if not self._loading:
            self.strengths_dirty = True
            self.mark_edited()

    def fill(self, view: IntakeView) -> None:
        for row in self.rows:
            row.setParent(None)
        self.rows = []
        for question in view.questions:
            self.add_question().fill(question)
        self.own_strength.setPlainText(view.own_strength or "")
        self.network.setPlainText(view.network_summary or "")
        self.strengths_dirty = False
        self.refresh()

    def save(self) -> None:
        for row in self.rows:
            if row.dirty:
                row.question_id = self.gateway.save_question(row.data())
                row.dirty = False
        if self.strengths_dirty:
            self.gateway.save_strengths(self.own_strength.toPlainText(), self.network.toPlainText())
            self.strengths_dirty = False
        self.dirty = False

    # ------------------------------------------------------------------ goals / ZRM
    def refresh(self) -> None:
        plan = self.gateway.plan.load()
        self.goals.clear()
        names = {p.id: p.label for p in self.persons}
        for goal in plan.goals if plan else ():
            who = names.get(goal.person_id or "", self.tr("Household"))
            score = ""
            if goal.target_score is not None:
                score = f"  ({goal.baseline_score or '–'} → {goal.target_score})"
            item = QListWidgetItem(f"{who}: {goal.description}{score}")
            item.setData(256, goal.id)
            self.goals.addItem(item)

    def open_goal_dialog(self) -> GoalDialog:
        dialog = GoalDialog(self.gateway.deps.reference, self.persons, self)
        dialog.on_save = lambda values: self.gateway.plan.add_goal(values)
        dialog.accepted.connect(self.refresh)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_baseline(self) -> AssessmentDialog:
        dialog = AssessmentDialog(
            self.gateway.deps,
            self.gateway.household_id,
            self.persons,
            self,
            person_id=self.persons[0].id if self.persons else None,
            kind=AssessmentKind.BASELINE,
        )
        self.last_dialog = dialog
        dialog.open()
        return dialog
