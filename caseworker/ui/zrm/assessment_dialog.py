"""Enter a ZRM measurement: subject, instrument, all or some domains, 1–5 with level names,
a note per domain, and the comparison with the previous measurement shown live."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.models import AssessmentKind
from caseworker.reference import Instrument
from caseworker.services.assessments import AssessmentInput, history, record_assessment
from caseworker.ui.deps import AppDeps
from caseworker.ui.plan.choices import PersonChoice, instruments_for, level_label
from caseworker.ui.plan.widgets import (
    DateEdit,
    dialog_buttons,
    error_text,
    fill_combo,
    problem_label,
    select_data,
)


class _DomainRow:
    def __init__(self, grid: QGridLayout, row: int, code: str, name: str, parent: QWidget) -> None:
        self.code = code
        self.include = QCheckBox(name.replace("&", "&&"), parent)
        self.include.setChecked(True)
        self.include.setAccessibleName(name)
        self.score = QComboBox(parent)
        self.score.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.score.setAccessibleName(name)
        self.previous = QLabel(parent)
        self.change = QLabel(parent)
        self.note = QLineEdit(parent)
        self.note.setAccessibleName(name)
        self.include.toggled.connect(self.score.setEnabled)
        self.include.toggled.connect(self.note.setEnabled)
        for col, widget in enumerate(
            (self.include, self.score, self.previous, self.change, self.note)
        ):
            grid.addWidget(widget, row, col)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.include, self.score, self.previous, self.change, self.note)


class AssessmentDialog(QDialog):
    """Records a measurement via ``assessments.record_assessment``; emits ``recorded(id)``."""

    recorded = Signal(str)

    def __init__(
        self,
        deps: AppDeps,
        household_id: str,
        persons: list[PersonChoice],
        parent: QWidget | None = None,
        *,
        person_id: str | None = None,
        instrument: str | None = None,
        kind: AssessmentKind = AssessmentKind.INTERIM,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ZRM measurement"))
        self.resize(820, 640)
        self._deps = deps
        self._household_id = household_id
        self._persons = {p.id: p for p in persons}
        self._rows: list[_DomainRow] = []
        self._previous: dict[str, tuple[int, date]] = {}
        self.assessment_id: str | None = None

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.subject = QComboBox(self)
        self.subject.setAccessibleName(self.tr("Who is measured"))
        fill_combo(self.subject, [(p.label, p.id) for p in persons], empty=self.tr("Household"))
        form.addRow(self.tr("&Who"), self.subject)
        self.instrument = QComboBox(self)
        self.instrument.setAccessibleName(self.tr("Instrument"))
        form.addRow(self.tr("&Instrument"), self.instrument)
        self.assessed_on = DateEdit(self, accessible=self.tr("Date of the measurement"))
        self.assessed_on.set_value(deps.ctx.today())
        form.addRow(self.tr("&Date"), self.assessed_on)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of measurement"))
        fill_combo(
            self.kind,
            [
                (self.tr("Baseline"), AssessmentKind.BASELINE.value),
                (self.tr("Interim"), AssessmentKind.INTERIM.value),
                (self.tr("Final"), AssessmentKind.FINAL.value),
            ],
            empty=None,
        )
        select_data(self.kind, kind.value)
        form.addRow(self.tr("&Kind"), self.kind)
        layout.addLayout(form)

        toggles = QWidget(self)
        toggle_row = QGridLayout(toggles)
        toggle_row.setContentsMargins(0, 0, 0, 0)
        all_button = QPushButton(self.tr("All domains"), toggles)
        none_button = QPushButton(self.tr("No domains"), toggles)
        all_button.clicked.connect(lambda: self._include_all(True))
        none_button.clicked.connect(lambda: self._include_all(False))
        toggle_row.addWidget(all_button, 0, 0)
        toggle_row.addWidget(none_button, 0, 1)
        layout.addWidget(toggles)

        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        layout.addWidget(self._scroll, 1)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("Note on the measurement"))
        self.note.setPlaceholderText(self.tr("Note on the whole measurement (optional)"))
        layout.addWidget(self.note)
        self.problem = problem_label(self)
        layout.addWidget(self.problem)
        layout.addWidget(dialog_buttons(self, self.save, save=True))

        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.instrument.currentIndexChanged.connect(self._build_rows)
        select_data(self.subject, person_id)
        self._subject_changed()
        if instrument is not None:
            select_data(self.instrument, instrument)

    # ------------------------------------------------------------------ building
    def current_instrument(self) -> Instrument | None:
        return self._deps.reference.instruments.get(self.instrument.currentData() or "")

    def _subject_changed(self) -> None:
        person = self._persons.get(self.subject.currentData() or "")
        options = instruments_for(
            self._deps.reference, household=person is None, child=bool(person and person.is_child)
        )
        fill_combo(self.instrument, [(i.name, i.code) for i in options], empty=None)
        self._build_rows()

    def _build_rows(self) -> None:
        inst = self.current_instrument()
        self._load_previous(inst)
        body = QWidget()
        grid = QGridLayout(body)
        for col, title in enumerate(
            (
                self.tr("Domain"),
                self.tr("Score"),
                self.tr("Previous"),
                self.tr("Change"),
                self.tr("Note"),
            )
        ):
            header = QLabel(f"<b>{title}</b>", body)
            grid.addWidget(header, 0, col)
        self._rows = []
        if inst is not None:
            for i, domain in enumerate(inst.domains, start=1):
                row = _DomainRow(grid, i, domain.code, domain.name, body)
                row.include.setToolTip(domain.description)
                fill_combo(row.score, [(level_label(inst, s), s) for s in range(1, 6)], empty="–")
                prev = self._previous.get(domain.code)
                row.previous.setText(f"{prev[0]} ({prev[1].strftime('%d-%m-%Y')})" if prev else "–")
                row.score.currentIndexChanged.connect(self._refresh_changes)
                self._rows.append(row)
        grid.setColumnStretch(4, 1)
        grid.setRowStretch(len(self._rows) + 1, 1)
        self._scroll.setWidget(body)
        self._refresh_changes()

    def _load_previous(self, inst: Instrument | None) -> None:
        self._previous = {}
        if inst is None:
            return
        person_id = self.subject.currentData()
        with self._deps.store.session() as session:
            past = history(
                session,
                person_id=person_id,
                household_id=self._household_id,
                instrument=inst.code,
                household_level_only=person_id is None,
            )
        for assessment in reversed(past):  # oldest first; later overwrite
            for score in assessment.scores:
                self._previous[score.domain] = (score.score, assessment.assessed_on)

    def _refresh_changes(self) -> None:
        for row in self._rows:
            prev = self._previous.get(row.code)
            now = row.score.currentData()
            if prev is None or now is None:
                row.change.setText("")
                continue
            delta = int(now) - prev[0]
            arrow = "▲" if delta > 0 else "▼" if delta < 0 else "="
            color = "#1b7f3b" if delta > 0 else "#b00020" if delta < 0 else "#555"
            row.change.setText(f"<span style='color:{color}'>{arrow} {delta:+d}</span>")

    def _include_all(self, on: bool) -> None:
        for row in self._rows:
            row.include.setChecked(on)

    # ------------------------------------------------------------------ API for tests/callers
    def set_score(self, domain: str, score: int | None, note: str = "") -> None:
        for row in self._rows:
            if row.code == domain:
                row.include.setChecked(True)
                select_data(row.score, score)
                row.note.setText(note)
                return
        raise KeyError(domain)

    def domain_codes(self) -> list[str]:
        return [r.code for r in self._rows]

    def change_text(self, domain: str) -> str:
        for row in self._rows:
            if row.code == domain:
                return row.change.text()
        raise KeyError(domain)

    def data(self) -> AssessmentInput:
        scores: dict[str, int] = {}
        notes: dict[str, str] = {}
        for row in self._rows:
            value = row.score.currentData()
            if not row.include.isChecked() or value is None:
                continue
            scores[row.code] = int(value)
            if row.note.text().strip():
                notes[row.code] = row.note.text().strip()
        return AssessmentInput(
            household_id=self._household_id,
            person_id=self.subject.currentData(),
            instrument=str(self.instrument.currentData() or ""),
            assessed_on=self.assessed_on.value() or self._deps.ctx.today(),
            kind=AssessmentKind(self.kind.currentData()),
            scores=scores,
            notes=notes,
            note=self.note.text().strip() or None,
        )

    def save(self) -> None:
        data = self.data()
        try:
            with self._deps.store.transaction() as session:
                new_id = record_assessment(session, self._deps.ctx, self._deps.reference, data)
        except Exception as exc:
            self.problem.setText(error_text(exc))
            return
        self.assessment_id = new_id
        self.recorded.emit(new_id)
        self.accept()
