"""One row of step 2: for a person (or the household) and a life area, the question as asked
beside the question behind it, and the desired result in the family's own words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from caseworker.reference import Reference
from caseworker.services.intake import QuestionInput, QuestionView
from caseworker.ui.plan.choices import PersonChoice
from caseworker.ui.plan.widgets import fill_combo, select_data


def _text_edit(parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(64)
    return edit


class QuestionRow(QFrame):
    edited = Signal()
    remove_requested = Signal()

    def __init__(
        self, reference: Reference, persons: list[PersonChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.question_id: str | None = None
        self.dirty = False
        grid = QGridLayout(self)
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("For whom"))
        fill_combo(
            self.person, [(p.label, p.id) for p in persons], empty=self.tr("Whole household")
        )
        self.life_area = QComboBox(self)
        self.life_area.setAccessibleName(self.tr("Life area"))
        fill_combo(
            self.life_area, [(a.name, a.code) for a in reference.life_areas.values()], empty=None
        )
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.remove.setAccessibleName(self.tr("Remove this question"))
        self.presented = _text_edit(self, self.tr("Question as asked"), self.tr("As asked"))
        self.underlying = _text_edit(
            self, self.tr("Question behind the question"), self.tr("What is really needed")
        )
        self.desired = _text_edit(
            self, self.tr("Desired result"), self.tr("In the family's own words")
        )
        grid.addWidget(self.person, 0, 0)
        grid.addWidget(self.life_area, 0, 1)
        grid.addWidget(self.remove, 0, 2)
        grid.addWidget(QLabel(self.tr("Question as asked"), self), 1, 0)
        grid.addWidget(QLabel(self.tr("Question behind the question"), self), 1, 1)
        grid.addWidget(QLabel(self.tr("Desired result (family's words)"), self), 1, 2)
        grid.addWidget(self.presented, 2, 0)
        grid.addWidget(self.underlying, 2, 1)
        grid.addWidget(self.desired, 2, 2)
        for combo in (self.person, self.life_area):
            combo.currentIndexChanged.connect(self._edited)
        for edit in (self.presented, self.underlying, self.desired):
            edit.textChanged.connect(self._edited)
        self.remove.clicked.connect(self.remove_requested)
        self._loading = False

    def _edited(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self.edited.emit()

    def fill(self, view: QuestionView) -> None:
        self._loading = True
        self.question_id = view.id
        select_data(self.person, view.person_id)
        select_data(self.life_area, view.life_area)
        self.presented.setPlainText(view.presented_question or "")
        self.underlying.setPlainText(view.underlying_question or "")
        self.desired.setPlainText(view.desired_result or "")
        self._loading = False
        self.dirty = False

    def data(self) -> QuestionInput:
        return QuestionInput(
            id=self.question_id,
            person_id=self.person.currentData(),
            life_area=str(self.life_area.currentData()),
            presented_question=self.presented.toPlainText(),
            underlying_question=self.underlying.toPlainText(),
            desired_result=self.desired.toPlainText(),
        )
