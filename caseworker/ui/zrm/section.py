"""The dossier's ZRM section: per person (or household) radar, trend and measurement history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.assessments import history, latest_scores, radar_data, trend_data
from caseworker.ui.deps import AppDeps
from caseworker.ui.forms import format_date
from caseworker.ui.plan.choices import PersonChoice, instruments_for
from caseworker.ui.plan.household_choices import person_choices
from caseworker.ui.plan.widgets import fill_combo, select_data

from .assessment_dialog import AssessmentDialog
from .charts import RadarChartView, TrendChartView


class ZrmSection(QWidget):
    """Shows the ZRM of one subject; refreshes after a new measurement (``refreshed``)."""

    refreshed = Signal()

    def __init__(self, deps: AppDeps, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deps = deps
        self._household_id = household_id
        self._persons: list[PersonChoice] = []
        self.last_dialog: AssessmentDialog | None = None
        self._radar_codes: list[tuple[str, str]] = []

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.subject = QComboBox(self)
        self.subject.setAccessibleName(self.tr("Who"))
        self.instrument = QComboBox(self)
        self.instrument.setAccessibleName(self.tr("Instrument"))
        self.new_button = QPushButton(self.tr("&New measurement…"), self)
        bar.addWidget(QLabel(self.tr("Who:"), self))
        bar.addWidget(self.subject, 1)
        bar.addWidget(QLabel(self.tr("Instrument:"), self))
        bar.addWidget(self.instrument, 1)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        charts = QSplitter(self)
        self.radar = RadarChartView(charts)
        self.trend = TrendChartView(charts)
        charts.addWidget(self.radar)
        charts.addWidget(self.trend)
        layout.addWidget(charts, 3)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Measurements"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Domains"), self.tr("Average")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)

        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.instrument.currentIndexChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.open_measurement)
        self.reload_persons()

    def reload_persons(self) -> None:
        self._persons = person_choices(self._deps, self._household_id)
        fill_combo(
            self.subject, [(p.label, p.id) for p in self._persons], empty=self.tr("Household")
        )
        if self._persons:
            ids = [p.id for p in self._persons]
            with self._deps.store.session() as s:
                measured = latest_scores(s, ids)
            first = next((pid for pid in ids if measured.get(pid)), ids[0])
            self.subject.blockSignals(True)
            select_data(self.subject, first)
            self.subject.blockSignals(False)
        self._subject_changed()

    def _subject_changed(self) -> None:
        pid = self.subject.currentData()
        person = next((p for p in self._persons if p.id == pid), None)
        options = instruments_for(
            self._deps.reference, household=person is None, child=bool(person and person.is_child)
        )
        self.instrument.blockSignals(True)
        fill_combo(self.instrument, [(i.name, i.code) for i in options], empty=None)
        self.instrument.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        code = self.instrument.currentData()
        if not code:
            return
        pid = self.subject.currentData()
        hid = self._household_id
        with self._deps.store.session() as session:
            radar = radar_data(session, self._deps.reference, pid, code, household_id=hid)
            trend = trend_data(session, pid, code, household_id=hid)
            past = history(
                session,
                person_id=pid,
                household_id=hid,
                instrument=code,
                household_level_only=pid is None,
            )
        self._radar_codes = list(radar.domains)
        self.radar.set_data(radar)
        self.trend.set_data(trend, dict(radar.domains))
        kinds = {
            "baseline": self.tr("Baseline"),
            "interim": self.tr("Interim"),
            "final": self.tr("Final"),
        }
        self.table.setRowCount(len(past))
        for row, a in enumerate(past):
            scores = [s.score for s in a.scores]
            average = f"{sum(scores) / len(scores):.1f}".replace(".", ",") if scores else ""
            for col, text in enumerate(
                (
                    format_date(a.assessed_on),
                    kinds.get(a.kind.value, a.kind.value),
                    str(len(scores)),
                    average,
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.refreshed.emit()

    def radar_codes(self) -> list[tuple[str, str]]:
        """(code, name) of the radar's spokes, in order."""
        return list(self._radar_codes)

    def open_measurement(self) -> AssessmentDialog:
        dialog = AssessmentDialog(
            self._deps,
            self._household_id,
            self._persons,
            self,
            person_id=self.subject.currentData(),
            instrument=self.instrument.currentData(),
        )
        dialog.recorded.connect(lambda _id: self.refresh())
        self.last_dialog = dialog
        dialog.open()
        return dialog


def zrm_section(deps: AppDeps, household_id: str, parent: QWidget) -> QWidget:
    """SectionFactory for the dossier (issue 4): the ZRM section."""
    return ZrmSection(deps, household_id, parent)
